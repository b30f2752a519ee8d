//! Replays every input kept under `tests/regressions/<target>/` (crashers and hangs found by the
//! fuzz targets in `fuzz/`, plus seeds we wrote) through the same checks the fuzz targets run, on
//! stable, in every `cargo test`.
use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions").join(target);
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir).expect("regressions folder").filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        if path.file_name().is_some_and(|f| f == "README.md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let started = std::time::Instant::now();
        run(&bytes);
        assert!(started.elapsed().as_secs() < 10, "{} took {:?}", path.display(), started.elapsed());
        n += 1;
    }
    assert!(n > 0, "no inputs in {}", dir.display());
}

#[test]
fn html_regressions() {
    replay("html", corroborate_ingest::fuzzing::html);
}

#[test]
fn warc_regressions() {
    replay("warc", corroborate_ingest::fuzzing::warc);
}

#[test]
fn feed_regressions() {
    replay("feed", corroborate_ingest::fuzzing::feed);
}

#[test]
fn text_regressions() {
    replay("text", corroborate_ingest::fuzzing::text);
}
