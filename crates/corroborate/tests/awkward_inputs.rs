//! Inputs that are awkward to read: other encodings, JSON Lines with a byte-order mark or without
//! a record, file names that are not UTF-8, standard input named twice. Files are written by the
//! tests into fresh temporary directories.
mod common;
use common::stdout;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const PROSE: &str = "Union leader Mira Hask said the ferry crews would stay out until Friday.\n";

fn analyze(args: &[&std::ffi::OsStr], stdin: &[u8]) -> (Output, Vec<serde_json::Value>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .arg("analyze")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    let lines = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (out, lines)
}

fn messages(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"].as_array().unwrap().iter().map(|d| d["message"].as_str().unwrap().to_string()).collect()
}

#[test]
fn json_lines_with_a_byte_order_mark_are_read_and_one_without_records_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bom = dir.path().join("bom.jsonl");
    std::fs::write(&bom, format!("\u{FEFF}{{\"id\": \"x1\", \"text\": {}}}\n", serde_json::json!(PROSE))).unwrap();
    let (out, lines) = analyze(&[bom.as_os_str()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!((lines.len(), lines[0]["id"].as_str()), (1, Some("x1")), "{:?}", messages(&lines[0]));
    let (empty, blank) = (dir.path().join("empty.jsonl"), dir.path().join("blank.jsonl"));
    std::fs::write(&empty, b"").unwrap();
    std::fs::write(&blank, b"\n\n").unwrap();
    let (out, lines) = analyze(&[empty.as_os_str(), blank.as_os_str()], b"");
    assert_eq!(out.status.code(), Some(1), "as an empty text file");
    assert_eq!(lines.len(), 2);
    assert_eq!(messages(&lines[0]), ["no records: empty file"]);
    assert_eq!(messages(&lines[1]), ["no records: only blank lines"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no records"));
}
