//! The corpus file across commands: what `export` writes, `ingest` reads back as the same articles.
mod common;
use common::run;
use std::path::Path;

fn ingest(db: &Path, inputs: &[&Path]) -> String {
    let mut args = vec!["ingest", "--db", db.to_str().unwrap()];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `export --format jsonl`, one JSON value per article.
fn export(db: &Path) -> Vec<serde_json::Value> {
    let out = run(&["export", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

const PAGE: &str = r#"<html lang="en"><head><title>Osk dam inquiry opens | Valley Courier</title>
<meta property="og:title" content="Osk dam inquiry opens">
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Mira Holt">
<meta property="article:published_time" content="2031-03-16T08:00:00Z">
<link rel="canonical" href="https://www.valleycourier.example/news/osk-dam-inquiry">
</head><body><article><h1>Osk dam inquiry opens</h1>
<p>The inquiry into the failure of the Osk dam opened on Monday in Velkor, where engineers told the panel that cracks in the eastern wall had been reported two years before the collapse.</p>
<p>"We warned the ministry in writing," said Dana Kovic, a structural engineer who inspected the dam in 2029. The ministry said it would answer the panel's questions in full.</p>
</article></body></html>"#;

/// A page whose text opens with a byline that the page's metadata does not give: stored without
/// authors or title, which the text's lines must not fill when its export is read back.
const BARE_PAGE: &str = r#"<html lang="en"><head><meta property="og:site_name" content="Valley Courier"></head><body><article>
<p>By Dana Kovic</p>
<p>The inquiry into the failure of the Osk dam opened on Monday in Velkor, where engineers told the panel that cracks in the eastern wall had been reported two years before the collapse.</p>
<p>"We warned the ministry in writing," said Dana Kovic, a structural engineer who inspected the dam in 2029.</p>
</article></body></html>"#;

#[test]
fn an_export_ingested_again_gives_the_same_articles_and_into_its_own_corpus_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let record = serde_json::json!({
        "id": "r1", "url": "https://www.rt.com/news/dam", "outlet": "RT", "title": "Dam story",
        "published": "2031-03-15", "authors": ["Jane Roe"],
        "text": "Belmark officials said the flooding of Osk was staged, spokesman Petr Vask said on Friday."
    });
    std::fs::write(d.join("in.jsonl"), format!("{record}\n")).unwrap();
    std::fs::write(d.join("page.html"), PAGE).unwrap();
    std::fs::write(d.join("bare.html"), BARE_PAGE).unwrap();
    let text = common::root().join("examples/arvia-herald.txt");
    let a = d.join("a.db");
    ingest(&a, &[&d.join("in.jsonl"), &d.join("page.html"), &d.join("bare.html"), &text]);
    let first = export(&a);
    assert_eq!(first.len(), 4);
    assert_eq!(first[0]["meta"]["authors"], serde_json::json!(["Jane Roe"]));
    assert_eq!(first[1]["meta"]["outlet"], "Valley Courier", "{}", first[1]["meta"]);
    assert_eq!(first[1]["meta"]["authors"], serde_json::json!(["Mira Holt"]), "{}", first[1]["meta"]);
    assert_eq!(first[2]["meta"]["title"], serde_json::Value::Null, "{}", first[2]["meta"]);
    let exported = d.join("out.jsonl");
    let lines: Vec<String> = first.iter().map(|v| v.to_string()).collect();
    std::fs::write(&exported, lines.join("\n") + "\n").unwrap();

    // into a new file: the same ids, texts, metadata and content hashes
    let b = d.join("b.db");
    ingest(&b, &[&exported]);
    let again = export(&b);
    assert_eq!(again.len(), first.len());
    for (x, y) in first.iter().zip(&again) {
        for field in ["id", "hash", "meta", "text"] {
            assert_eq!(x[field], y[field], "{field} of {}", x["id"]);
        }
    }

    // into its own corpus: every article is there already
    let said = ingest(&a, &[&exported]);
    assert!(said.contains("0 added, 4 already stored"), "{said}");
    assert_eq!(export(&a).len(), 4);
}

#[test]
fn commands_that_read_a_corpus_refuse_a_file_that_is_not_one_and_leave_it_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // another application's database, and an empty file
    let other = d.join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE bookmarks(url TEXT)").unwrap();
    let empty = d.join("empty.db");
    std::fs::write(&empty, "").unwrap();
    for db in [&other, &empty] {
        let before = std::fs::read(db).unwrap();
        let db_arg = db.to_str().unwrap();
        for args in [
            vec!["stories", "--db", db_arg],
            vec!["search", "dam", "--db", db_arg],
            vec!["story", "1", "--db", db_arg],
            vec!["export", "--db", db_arg],
            vec!["serve", "--db", db_arg, "--addr", "127.0.0.1:0"],
            vec!["reanalyze", "--db", db_arg],
        ] {
            let out = run(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains("is not a corroborate corpus"), "{args:?}: {stderr}");
            assert_eq!(std::fs::read(db).unwrap(), before, "{args:?} changed {db:?}");
        }
    }
    assert!(!d.join("empty.db.lock").exists(), "nothing made beside an empty file");
    assert!(!d.join("other.sqlite-wal").exists() && !d.join("other.sqlite.before-reanalysis").exists());
    let c = rusqlite::Connection::open(&other).unwrap();
    assert_eq!(c.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0)).unwrap(), "delete");
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(tables, ["bookmarks"]);

    // a corpus into which another application put a table of its own: read as a corpus, but not
    // replaced by a reanalysis, which would leave that table behind
    let db = d.join("corpus.db");
    ingest(&db, &[&common::root().join("examples/arvia-herald.txt")]);
    rusqlite::Connection::open(&db).unwrap().execute_batch("CREATE TABLE notes(article INTEGER, note TEXT)").unwrap();
    assert_eq!(export(&db).len(), 1);
    let out = run(&["reanalyze", "--db", db.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("holds tables that are not corroborate's (notes)"), "{stderr}");
    assert!(!d.join("corpus.db.before-reanalysis").exists() && !d.join("corpus.db.reanalysis").exists());
}

/// `ingest` run in a directory as a user types it (`$PWD` set as a shell sets it), with `stdin`
/// on its standard input; its standard error.
fn ingest_in(dir: &Path, args: &[&str], stdin: &[u8]) -> String {
    let args: Vec<&str> = ["ingest"].into_iter().chain(args.iter().copied()).chain(["--db", "i.db"]).collect();
    let out = common::run_piped(Some(dir), &args, stdin);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{err}");
    err
}

/// Spellings of one relative path (`ah.txt`, `./ah.txt`, `sub/../ah.txt`, and `.`'s file) are one
/// article, stored once, under the id `ah.txt`; an absolute path is its own id, the same from any
/// directory, whatever its spelling.
#[test]
fn one_file_spelt_four_ways_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().canonicalize().unwrap();
    std::fs::copy(common::root().join("examples/arvia-herald.txt"), d.join("ah.txt")).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    let absolute = d.join("ah.txt").display().to_string();
    assert!(ingest_in(&d, &["ah.txt"], b"").contains("1 added"));
    for spelling in ["./ah.txt", "sub/../ah.txt", "."] {
        let err = ingest_in(&d, &[spelling], b"");
        assert!(err.contains("0 added, 1 already stored"), "{spelling}: {err}");
    }
    // an absolute path keeps its own id wherever the command runs (a job run from another
    // directory would otherwise store the file again), and spelt otherwise it is one id too
    assert!(ingest_in(&d, &[&absolute], b"").contains("1 added"));
    let spelt = format!("{}/./sub/../ah.txt", d.display());
    assert!(ingest_in(&d, &[&spelt], b"").contains("0 added, 1 already stored"));
    let ids: Vec<_> = export(&d.join("i.db")).iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, vec!["ah.txt".to_string(), absolute]);
}

#[test]
fn a_story_list_cut_short_says_how_many_there_are_and_pages_with_offset() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let examples: Vec<std::path::PathBuf> = ["arvia-herald.txt", "unrelated-cheese-fair.txt"]
        .iter()
        .map(|f| common::root().join("examples").join(f))
        .collect();
    ingest(&db, &examples.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    let db_arg = db.to_str().unwrap();
    let stories = |extra: &[&str]| {
        let mut args = vec!["stories", "--db", db_arg];
        args.extend(extra);
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{extra:?}: {stderr}");
        (String::from_utf8(out.stdout).unwrap(), stderr)
    };
    // the whole list: nothing to say
    let (all, said) = stories(&[]);
    assert_eq!(all.lines().count(), 2, "{all}");
    assert_eq!(said, "");
    // a page: what it is of how many, and how to see the rest
    let (first, said) = stories(&["--limit", "1"]);
    assert_eq!(first.lines().collect::<Vec<_>>(), all.lines().take(1).collect::<Vec<_>>());
    assert!(said.contains("1 of 2 stories shown; --limit N (and --offset N) for more"), "{said}");
    let (second, said) = stories(&["--limit", "1", "--offset", "1"]);
    assert_eq!(second.lines().collect::<Vec<_>>(), all.lines().skip(1).collect::<Vec<_>>());
    assert!(said.contains("stories 2–2 of 2 shown"), "{said}");
    // beyond the documented maximum: refused, not cut silently
    let out = run(&["stories", "--db", db_arg, "--limit", "10001"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("limit: 10001 is over the maximum; it takes a whole number from 0 to 10000"), "{said}");
}

#[test]
fn search_marks_the_matching_words_apart_from_the_brackets_of_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    // its text has "[headlines in foreign media](#)", a markdown link
    ingest(&db, &[&common::root().join("examples/belmark-today.txt")]);
    let db_arg = db.to_str().unwrap();
    let search = |extra: &[&str]| {
        let mut args = vec!["search", "headlines", "--db", db_arg];
        args.extend(extra);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let text = search(&[]);
    assert!(text.contains("[⟦headlines⟧ in foreign media](#)"), "{text}");
    assert!(!text.contains(['\u{E000}', '\u{E001}']), "{text}");
    let bold = search(&["--color", "always"]);
    assert!(bold.contains("[\x1b[1mheadlines\x1b[22m in foreign media](#)"), "{bold}");
    let json = search(&["--format", "json"]);
    let hit: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert!(hit["snippet"].as_str().unwrap().contains("[\u{E000}headlines\u{E001} in foreign media](#)"), "{hit}");
}

/// A text piped into `ingest -` is named by its content: piped in again it is stored once, and
/// another text piped in is another article (both were the article "-").
#[test]
fn texts_from_standard_input_are_named_by_their_content() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let dam = b"Dam Holds\n\nThe dam above Osk held overnight, the mayor said.\n";
    assert!(ingest_in(d, &["-"], dam).contains("1 added"));
    assert!(ingest_in(d, &["-"], dam).contains("0 added, 1 already stored"));
    assert!(ingest_in(d, &["-"], b"Fair Opens\n\nThe cheese fair opened, its organisers said.\n").contains("1 added"));
    let ids: Vec<String> = export(&d.join("i.db")).iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.iter().all(|i| i.starts_with("stdin:") && i.len() == 22), "{ids:?}");
    assert_ne!(ids[0], ids[1]);
}

/// A search that cannot find anything by its own terms says so, exit 2: an empty query and a limit
/// of 0 said "no article matches" with exit 0, as if the corpus had been searched.
#[test]
fn an_empty_query_or_a_zero_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    ingest(&db, &[&common::root().join("examples/belmark-today.txt")]);
    let db_arg = db.to_str().unwrap();
    for args in [vec!["search", "  ", "--db", db_arg], vec!["search", "dam", "--db", db_arg, "--limit", "0"]] {
        let out = run(&args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        assert!(!said.contains("no article matches"), "{said}");
    }
    let out = run(&["search", "dam", "--db", db_arg, "--limit", "1"]);
    assert_eq!(out.status.code(), Some(0));
    // one hit: its line, then its excerpt indented by eight spaces
    assert_eq!(common::stdout(&out).lines().filter(|l| !l.starts_with("        ")).count(), 1);
}

/// `story` from a corpus shows the learned whole-article stances that `compare` shows for the same
/// articles (audit 35a item 15: it left every "whole article (learned)" line out).
#[test]
fn story_shows_the_learned_article_stances_compare_shows() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Ferry Sinks Off Velkor\n\ndate 2031-06-02\n\nA passenger ferry carrying 84 people sank off the Velkor coast on \
         Monday night, and eleven passengers were still missing on Tuesday, the Velkor coastguard said.\n\n\"The sea \
         was calm, and the boat was not overloaded,\" coastguard spokesman Tomas Brill said. Fishing boats pulled 73 \
         people from the water before dawn.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Velkor Ferry Operator Questioned\n\ndate 2031-06-03\n\nInvestigators in Velkor questioned managers of Osk \
         Lines, whose ferry sank off the Velkor coast on Monday night with 84 people on board, leaving eleven \
         missing.\n\nCoastguard spokesman Tomas Brill said the boat was not overloaded. Transport minister Lena Faro \
         ordered an inquiry.\n",
    )
    .unwrap();
    let learned = |out: &str| out.lines().filter(|l| l.contains("whole article (learned)")).count();
    let cmp = run(&["compare", a.to_str().unwrap(), b.to_str().unwrap(), "--color", "never"]);
    let cmp = String::from_utf8_lossy(&cmp.stdout).into_owned();
    assert!(learned(&cmp) > 0, "{cmp}");
    let db = dir.path().join("c.db");
    ingest(&db, &[&a, &b]);
    let out = run(&["story", "1", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let story = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(learned(&story), learned(&cmp), "story:\n{story}\ncompare:\n{cmp}");
}
