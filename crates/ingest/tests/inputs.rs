//! Web pages, gzip, directories and unknown bytes through `read_path` and friends, on files these
//! tests write themselves into a fresh temporary directory.
use corroborate_ingest::{article_from_unknown_bytes, read_path};
use corroborate_model::Article;
use std::io::Write;
use std::path::PathBuf;

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bridge reopens | Example News</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Bridge reopens after repairs","datePublished":"2024-03-04T08:00:00Z",
 "author":[{"@type":"Person","name":"Jane Roe"}],"publisher":{"@type":"Organization","name":"Example News"}}</script>
<link rel="canonical" href="https://news.example.com/bridge"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a></nav><article>
<p>The old bridge over the river reopened on Monday after two years of repairs, officials said.</p>
<p>Traffic was light in the morning, and the mayor walked across it with the engineers.</p>
</article><footer>Copyright Example News, all rights reserved, every single one of them.</footer></body></html>"#;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-ingest-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("in memory");
    e.finish().expect("in memory")
}

fn read(path: &std::path::Path) -> Vec<Article> {
    let mut out = vec![];
    read_path(&path.display().to_string(), &mut |a| out.push(a));
    out
}

fn check_page(a: &Article) {
    assert!(!a.failed(), "{:?}", a.diagnostics);
    assert!(a.text.starts_with("The old bridge over the river reopened"), "{}", a.text);
    assert!(!a.text.contains("Home") && !a.text.contains("Copyright"));
    assert_eq!(a.meta.title.as_deref(), Some("Bridge reopens after repairs"));
    assert_eq!(a.meta.published.as_deref(), Some("2024-03-04"), "the date of the page's date-time");
    assert_eq!(a.meta.authors, vec!["Jane Roe".to_string()]);
    assert_eq!(a.meta.outlet.as_deref(), Some("Example News"));
    assert_eq!(a.meta.url.as_deref(), Some("https://news.example.com/bridge"));
    assert_eq!(a.meta.domain.as_deref(), Some("news.example.com"));
    assert_eq!(a.meta.language.as_deref(), Some("en"));
}

#[test]
fn html_and_gzipped_html_files() {
    let dir = scratch("html");
    std::fs::write(dir.join("page.html"), PAGE).unwrap();
    std::fs::write(dir.join("page.htm.gz"), gz(PAGE.as_bytes())).unwrap();
    check_page(&read(&dir.join("page.html"))[0]);
    check_page(&read(&dir.join("page.htm.gz"))[0]);
    std::fs::write(dir.join("broken.html.gz"), b"\x1f\x8b\x08\x00garbage").unwrap();
    let a = &read(&dir.join("broken.html.gz"))[0];
    assert!(a.failed() && a.diagnostics[0].message.contains("gzip"), "{:?}", a.diagnostics);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn directories_are_read_recursively_in_name_order() {
    let dir = scratch("dir");
    std::fs::create_dir_all(dir.join("b/deeper")).unwrap();
    std::fs::write(dir.join("a.txt"), "First article\n\nSome text of the first article.\n").unwrap();
    std::fs::write(dir.join("b/deeper/c.html"), PAGE).unwrap();
    std::fs::write(
        dir.join("b/d.jsonl.gz"),
        gz(b"{\"id\":\"x1\",\"text\":\"One record.\"}\n{\"id\":\"x2\",\"text\":\"Two.\"}\n"),
    )
    .unwrap();
    std::fs::write(dir.join("b/image.png"), [0x89, b'P', b'N', b'G', 0, 0, 0]).unwrap();
    std::fs::write(dir.join(".hidden.txt"), "not read").unwrap();
    let ids: Vec<String> = read(&dir).into_iter().map(|a| a.id).collect();
    let short: Vec<&str> = ids.iter().map(|s| s.rsplit(['/', '\\']).next().unwrap_or(s)).collect();
    assert_eq!(short, vec!["a.txt", "x1", "x2", "c.html"], "{ids:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn symbolic_links_to_directories_are_followed_once_each() {
    use corroborate_ingest::{read_input, ReadOptions};
    use std::os::unix::fs::symlink;
    let dir = scratch("links");
    let archive = scratch("links-archive");
    std::fs::write(archive.join("old.txt"), "Archived article\n\nText of an archived article.\n").unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("a/new.txt"), "New article\n\nText of a new article.\n").unwrap();
    // a folder linked in from elsewhere, a second link to it, and a link back to the top (a loop)
    symlink(&archive, dir.join("b-archive")).unwrap();
    symlink(&archive, dir.join("c-archive-again")).unwrap();
    symlink(&dir, dir.join("a/loop")).unwrap();
    let (mut ids, mut notes) = (vec![], vec![]);
    let top = dir.display().to_string();
    read_input(&top, &ReadOptions::default(), &mut |d| ids.push(d.id().to_string()), &mut |n| notes.push(n));
    let sep = std::path::MAIN_SEPARATOR;
    let ids: Vec<String> =
        ids.iter().map(|id| id.strip_prefix(&format!("{top}{sep}")).unwrap_or(id).to_string()).collect();
    assert_eq!(ids, [format!("a{sep}new.txt"), format!("b-archive{sep}old.txt")], "{notes:?}");
    // each link not followed has a note that says where its directory was read
    let notes: Vec<(String, String)> = notes.into_iter().map(|n| (n.input, n.diagnostic.message)).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].0.ends_with("loop") && notes[0].1.contains(&format!("same directory as {top},")), "{notes:?}");
    assert!(notes[1].0.ends_with("c-archive-again") && notes[1].1.contains("b-archive, read already"), "{notes:?}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&archive);
}

#[test]
fn unknown_bytes_are_sniffed() {
    check_page(&article_from_unknown_bytes("-", PAGE.as_bytes()));
    check_page(&article_from_unknown_bytes("-", &gz(PAGE.as_bytes())));
    let a = article_from_unknown_bytes("-", b"A Title\n\nPlain text body.\n");
    assert_eq!(a.text, "A Title\n\nPlain text body.\n");
    let a = article_from_unknown_bytes("-", b"<html><body><nav><a href=/>x</a></nav></body></html>");
    assert!(a.failed());
}

#[test]
fn jsonl_records_may_carry_html() {
    let line = serde_json::json!({"id": "r1", "html": PAGE, "outlet": "Record Outlet"}).to_string();
    let a = corroborate_ingest::jsonl::parse_record("mem", 1, line.as_bytes());
    assert!(a.text.starts_with("The old bridge"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Record Outlet"));
    assert_eq!(a.meta.title.as_deref(), Some("Bridge reopens after repairs"));
}

/// One path, one id, however it is spelt: `./`, `.` steps, doubled separators and `dir/..` go; an
/// ordinary relative path, a leading `..` and an absolute path stay as given (an absolute path is
/// not made relative to the current directory, which would give one file another id in every
/// directory a job runs from).
#[test]
fn path_spellings_are_cleaned() {
    use corroborate_ingest::clean_path;
    let clean = |p: &str| clean_path(p);
    for p in ["ah.txt", "./ah.txt", ".//ah.txt", "./x/../ah.txt"] {
        assert_eq!(clean(p), "ah.txt", "{p}");
    }
    for p in ["/home/u/news/ah.txt", "/home/u/news/./x/../ah.txt", "/home/u/news//ah.txt"] {
        assert_eq!(clean(p), "/home/u/news/ah.txt", "{p}");
    }
    assert_eq!(clean("examples/x.txt"), "examples/x.txt");
    assert_eq!(clean("./examples//x.txt"), "examples/x.txt");
    assert_eq!(clean("../shared/x.txt"), "../shared/x.txt");
    assert_eq!(clean("/tmp/a/../x.txt"), "/tmp/x.txt");
    assert_eq!(clean("/home/u/newsroom/x.txt"), "/home/u/newsroom/x.txt");
    assert_eq!(clean("/home/u/news/"), "/home/u/news");
    assert_eq!(clean("./"), ".");
}

/// The files of a directory get the cleaned ids too, and those of `.` no `./` before them.
#[test]
fn a_directory_spelt_otherwise_gives_the_same_ids() {
    let dir = scratch("spelt");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/a.txt"), "The mayor said the dam held.").unwrap();
    let plain = dir.join("sub").display().to_string();
    let spelt = format!("{}/./sub/../sub/", dir.display());
    let ids = |input: &str| {
        let mut ids = Vec::new();
        corroborate_ingest::read_path(input, &mut |a| ids.push(a.id));
        ids
    };
    assert_eq!(ids(&spelt), ids(&plain));
    assert_eq!(ids(&plain), vec![format!("{plain}/a.txt")]);
}

/// A directory named as an input in which nothing is read (empty, or only files of other kinds) is
/// one failed input saying so, as a missing file is; an empty subdirectory of a directory that has
/// files is nothing to say.
#[test]
fn a_directory_with_nothing_to_read_is_a_failed_input() {
    let dir = scratch("empty-dir");
    let got = read(&dir);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].failed() && got[0].diagnostics[0].message.starts_with("no files"), "{:?}", got[0].diagnostics);
    assert_eq!(got[0].id, dir.display().to_string());
    std::fs::write(dir.join("image.png"), [0x89, b'P', b'N', b'G']).unwrap();
    std::fs::write(dir.join(".hidden.txt"), "not read").unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let got = read(&dir);
    assert!(got.len() == 1 && got[0].failed(), "{got:?}");
    std::fs::write(dir.join("a.txt"), "An article\n\nIt has some text.\n").unwrap();
    let got = read(&dir);
    assert!(got.len() == 1 && !got[0].failed(), "{got:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A `.txt.gz` cut short (a download or copy that stopped) keeps the text up to the break, with a
/// warning that says the stream is truncated and after how many bytes; a character cut in two at
/// the break is dropped, so the text stays UTF-8. Standard input gets the same. A gzip header alone
/// is still an error that says "truncated".
#[test]
fn a_truncated_gzip_text_keeps_what_it_holds() {
    let dir = scratch("truncated-gz");
    let mut text = String::from("Dam holds\n\n");
    for i in 0..400 {
        text.push_str(&format!("Paragraph {i}: the engineers said the dam was safe, café by café.\n\n"));
    }
    let whole = gz(text.as_bytes());
    let half = &whole[..whole.len() / 2];
    std::fs::write(dir.join("half.txt.gz"), half).unwrap();
    let got = read(&dir.join("half.txt.gz"));
    let a = &got[0];
    assert!(!a.failed(), "{:?}", a.diagnostics);
    assert!(a.text.len() > 1000 && text.starts_with(&a.text), "{}", a.text.len());
    let warning = &a.diagnostics[0];
    assert_eq!(warning.level, corroborate_model::Level::Warning);
    assert!(
        warning.message.contains(&format!("gzip stream truncated after {} bytes", a.text.len())),
        "{}",
        warning.message
    );
    let from_stdin = article_from_unknown_bytes("-", half);
    assert_eq!((from_stdin.text.as_str(), from_stdin.failed()), (a.text.as_str(), false));
    let mut streamed = vec![];
    corroborate_ingest::read_stream(
        "-",
        half,
        &Default::default(),
        &mut |d| streamed.push(d.into_article()),
        &mut |_| {},
    );
    assert_eq!(streamed[0].text, a.text);
    assert!(streamed[0].diagnostics[0].message.contains("truncated"), "{:?}", streamed[0].diagnostics);
    std::fs::write(dir.join("header.txt.gz"), &whole[..12]).unwrap();
    let b = &read(&dir.join("header.txt.gz"))[0];
    assert!(b.failed() && b.diagnostics[0].message.contains("truncated"), "{:?}", b.diagnostics);
    let _ = std::fs::remove_dir_all(&dir);
}
