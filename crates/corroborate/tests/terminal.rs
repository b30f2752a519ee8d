//! On a terminal (a pseudo-terminal from `script`, where it is installed): the progress bar is
//! drawn while `ingest` acknowledges batches from its store thread and `analyze` writes its lines,
//! and neither run hangs (the bar's lock once deadlocked `ingest`: a batch was worked on with the
//! bar suspended, and the store thread waited for that lock to print while the reader waited to
//! hand it the next batch).
mod common;
use common::root;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `command` under `script` on a pseudo-terminal; `None` when `script` is not installed.
/// Fails the test if the run takes over a minute (a hang), killing it.
fn on_terminal(command: &str) -> Option<String> {
    let probe = Command::new("script").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: `script` (util-linux) is not installed, so no pseudo-terminal");
        return None;
    }
    let out = tempfile::NamedTempFile::new().unwrap();
    let mut child = Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(out.reopen().unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{command}: {status}");
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = Command::new("pkill").args(["-f", command]).status();
            let _ = child.kill();
            panic!("{command} still running after a minute: it hangs");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(String::from_utf8_lossy(&std::fs::read(out.path()).unwrap()).replace('\r', "\n"))
}

#[test]
fn ingest_and_analyze_on_a_terminal_finish_and_print_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    // enough small articles for a dozen batches of two
    let text = std::fs::read_to_string(root().join("examples/arvia-herald.txt")).unwrap();
    let lines: String = (0..24)
        .map(|i| {
            serde_json::json!({"id": format!("a{i}"), "text": format!("{text}\n\nUpdate number {i}.")}).to_string()
                + "\n"
        })
        .collect();
    std::fs::write(&input, lines).unwrap();
    let bin = env!("CARGO_BIN_EXE_corroborate");
    let db = dir.path().join("t.db");
    let ingest = format!("{bin} ingest --batch 2 --progress always --db {} {}", db.display(), input.display());
    let Some(out) = on_terminal(&ingest) else { return };
    assert_eq!(out.matches("committed ").count(), 12, "{out}");
    assert!(out.contains("committed 24 inputs"), "{out}");
    let analyze = format!("{bin} analyze --batch 2 --progress always {}", input.display());
    let out = on_terminal(&analyze).unwrap();
    for i in 0..24 {
        assert_eq!(out.matches(&format!("\"id\":\"a{i}\"")).count(), 1, "article a{i}");
    }
}
