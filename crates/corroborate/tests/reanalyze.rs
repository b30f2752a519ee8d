//! `corroborate reanalyze`: a corpus whose stored analyses are stale is analysed and grouped again
//! into what a fresh ingest of the same inputs gives, resuming a stopped run, and keeping the old file.
mod common;
use common::run;

const INPUTS: &[&str] = &[
    "examples/arvia-herald.txt",
    "examples/belmark-today.txt",
    "examples/unrelated-cheese-fair.txt",
    "examples/wire-original.txt",
    "examples/wire-reprint.txt",
];

fn ingest(db: &std::path::Path, inputs: &[&str]) {
    let mut args = vec!["ingest", "--quiet", "--db", db.to_str().unwrap()];
    args.extend_from_slice(inputs);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

fn export(db: &std::path::Path) -> String {
    let out = run(&["export", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// What a fresh ingest of the inputs exports, and a second corpus of the same inputs (`corpus.db`)
/// for a test to make stale.
fn fresh_and_corpus(dir: &std::path::Path) -> (String, std::path::PathBuf) {
    let fresh = dir.join("fresh.db");
    ingest(&fresh, INPUTS);
    let db = dir.join("corpus.db");
    ingest(&db, INPUTS);
    (export(&fresh), db)
}

#[test]
fn a_stale_corpus_becomes_what_a_fresh_ingest_gives_and_a_stopped_run_resumes() {
    let dir = tempfile::tempdir().unwrap();
    // a corpus as an older corroborate left it: no findings stored, every article in one story
    let (want, db) = fresh_and_corpus(dir.path());
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        let empty = serde_json::to_string(&corroborate_model::Analysis::default()).unwrap();
        c.execute("UPDATE articles SET analysis = ?1, story = 1", [empty]).unwrap();
        c.execute_batch(
            "DELETE FROM stories WHERE id <> 1; UPDATE stories SET n_articles = 5, report = NULL;
             DELETE FROM story_facets; DELETE FROM story_entities; DELETE FROM claims;",
        )
        .unwrap();
    }
    let stale = export(&db);
    assert_ne!(stale, want);
    // a run that stopped after its first batch: the first two articles are in the new file
    let partial = dir.path().join("corpus.db.reanalysis");
    ingest(&partial, &INPUTS[..2]);

    let out = run(&["reanalyze", "--batch", "2", "--db", db.to_str().unwrap()]);
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("resuming: 2 of 5"), "{stdout}");
    assert!(stdout.contains("committed 5 of 5 articles: 1 analysed again"), "{stdout}");
    assert_eq!(export(&db), want, "the corpus is what a fresh ingest makes");
    // the old file is kept as it was, and no working file is left
    let backup = dir.path().join("corpus.db.before-reanalysis");
    assert_eq!(export(&backup), stale);
    assert!(!partial.exists());
    // a second run will not overwrite the kept file
    let again = run(&["reanalyze", "--db", db.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("before-reanalysis exists"));
}

#[test]
fn a_stopped_run_of_another_build_is_started_again_not_continued() {
    let dir = tempfile::tempdir().unwrap();
    let (want, db) = fresh_and_corpus(dir.path());
    // another build stopped after two articles, with its own (here: empty) findings
    let partial = dir.path().join("corpus.db.reanalysis");
    ingest(&partial, &INPUTS[..2]);
    {
        let c = rusqlite::Connection::open(&partial).unwrap();
        let empty = serde_json::to_string(&corroborate_model::Analysis::default()).unwrap();
        c.execute("UPDATE articles SET analysis = ?1", [empty]).unwrap();
        c.execute("UPDATE builds SET build = '0.0.9+0123456789ab'", []).unwrap();
    }
    let out = run(&["reanalyze", "--db", db.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("starting again") && stdout.contains("0.0.9+0123456789ab"), "{stdout}");
    assert!(!stdout.contains("resuming"), "{stdout}");
    assert_eq!(export(&db), want, "none of the other build's findings is kept");

    // ingesting into a corpus that another build wrote says how to bring it up to date
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute("UPDATE builds SET build = '0.0.9+0123456789ab'", []).unwrap();
    drop(c);
    let out = run(&["ingest", "--quiet", "--db", db.to_str().unwrap(), INPUTS[0]]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("analyses made by other builds of corroborate (0.0.9+0123456789ab)"), "{stderr}");
    assert!(stderr.contains("corroborate reanalyze --db"), "{stderr}");
}

#[test]
fn analyses_an_older_build_stored_in_a_shape_this_one_cannot_read_are_not_needed() {
    let dir = tempfile::tempdir().unwrap();
    let (want, db) = fresh_and_corpus(dir.path());
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute("UPDATE articles SET analysis = '{\"claims_v0\": [1, 2, 3]}'", []).unwrap();
    drop(c);
    // what reads the analyses says what to do
    let out = run(&["export", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot be read by this build") && stderr.contains("corroborate reanalyze"), "{stderr}");
    let out = run(&["reanalyze", "--quiet", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(export(&db), want);
}

/// The bytes of a corpus file and of the write-ahead log beside it.
fn file_and_log(db: &std::path::Path) -> (Vec<u8>, Option<Vec<u8>>) {
    let log = corroborate_store::beside(db, "-wal");
    (std::fs::read(db).unwrap(), std::fs::read(log).ok())
}

#[test]
fn refused_while_an_ingest_or_a_server_has_the_corpus_open_and_every_acknowledged_article_stays() {
    use std::io::{BufRead, Write};
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.db");
    ingest(&db, INPUTS);
    let reanalyze = || run(&["reanalyze", "--quiet", "--db", db.to_str().unwrap()]);
    let spawn = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_corroborate"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // an ingest that has committed one article and waits, idle, for the next on its standard input
    // (between batches its log may be folded into the file: the old refusal looked only at the log)
    let mut ingesting = spawn(&["ingest", "-", "--batch", "1", "--db", db.to_str().unwrap()]);
    let mut input = ingesting.stdin.take().unwrap();
    let mut acks = std::io::BufReader::new(ingesting.stdout.take().unwrap()).lines();
    let record = |id: &str| {
        format!(
            "{}\n",
            serde_json::json!({"id": id, "text": format!("{id}: the mayor of Osk said the ferry to Velkor runs again.")})
        )
    };
    input.write_all(record("live-1").as_bytes()).unwrap();
    input.flush().unwrap();
    let ack = acks.next().unwrap().unwrap();
    assert!(ack.starts_with("committed 1 inputs: 1 new"), "{ack}");
    let before = file_and_log(&db);
    let out = reanalyze();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is open in another corroborate process"), "{stderr}");
    // nothing touched: the file and its log as they were, no new file, no second name
    assert!(file_and_log(&db) == before, "the corpus changed");
    assert!(!dir.path().join("corpus.db.reanalysis").exists());
    assert!(!dir.path().join("corpus.db.before-reanalysis").exists());
    // the ingest goes on, into the same file, and every article it acknowledged is there
    input.write_all(record("live-2").as_bytes()).unwrap();
    drop(input);
    let ack = acks.next().unwrap().unwrap();
    assert!(ack.starts_with("committed 2 inputs: 1 new"), "{ack}");
    assert!(ingesting.wait().unwrap().success());
    let ids: Vec<String> = export(&db)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), INPUTS.len() + 2);
    assert!(ids.contains(&"live-1".to_string()) && ids.contains(&"live-2".to_string()), "{ids:?}");

    // a server, which writes its report cache into the corpus, holds it open too
    let mut serving = spawn(&["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0"]);
    let mut said = std::io::BufReader::new(serving.stderr.take().unwrap()).lines();
    let up = said.next().unwrap().unwrap();
    assert!(up.contains("serving"), "{up}");
    let out = reanalyze();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    serving.kill().unwrap();
    serving.wait().unwrap();

    // with no other process, it runs, and keeps every article
    let out = reanalyze();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(export(&db).lines().count(), INPUTS.len() + 2);
    let c = rusqlite::Connection::open(&db).unwrap();
    assert_eq!(c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)).unwrap(), "ok");
}

/// Reanalysing through a symbolic link replaces the file the link names, and the link stays a link
/// (it was replaced by the new corpus, leaving the old one live under its own name, with a lock of
/// its own).
#[cfg(unix)]
#[test]
fn through_a_symbolic_link_the_file_it_names_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let real = data.join("c.db");
    ingest(&real, &INPUTS[..2]);
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = run(&["reanalyze", "--db", link.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(data.join("c.db.before-reanalysis").is_file());
    assert!(!dir.path().join("link.db.before-reanalysis").exists());
    assert_eq!(export(&link), export(&real));
    assert_eq!(export(&real).lines().count(), 2);
}
