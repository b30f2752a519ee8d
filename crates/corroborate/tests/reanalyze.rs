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
