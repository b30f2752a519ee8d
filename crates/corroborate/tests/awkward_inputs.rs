//! Inputs that are awkward to read: other encodings, JSON Lines with a byte-order mark or without
//! a record, file names that are not UTF-8, standard input named twice. Files are written by the
//! tests into fresh temporary directories.
mod common;
use common::stdout;
use std::process::Output;

const PROSE: &str = "Union leader Mira Hask said the ferry crews would stay out until Friday.\n";

fn analyze(args: &[&std::ffi::OsStr], stdin: &[u8]) -> (Output, Vec<serde_json::Value>) {
    let args: Vec<&std::ffi::OsStr> =
        [std::ffi::OsStr::new("analyze")].into_iter().chain(args.iter().copied()).collect();
    let out = common::run_piped(None, &args, stdin);
    let lines = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (out, lines)
}

fn messages(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"].as_array().unwrap().iter().map(|d| d["message"].as_str().unwrap().to_string()).collect()
}

#[test]
fn utf16_and_windows_1252_text_is_decoded_with_a_note_of_the_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(PROSE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(PROSE.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    std::fs::write(dir.path().join("a-le.txt"), le).unwrap();
    std::fs::write(dir.path().join("b-be.txt"), be).unwrap();
    std::fs::write(dir.path().join("c-latin1.txt"), b"The fare rose to \xa34, Mira Hask said.\n").unwrap();
    let (out, lines) = analyze(&[dir.path().as_os_str()], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "decoded, with a warning at most: {stderr}");
    assert_eq!(lines.len(), 3);
    for v in &lines[..2] {
        assert_eq!(v["text"], PROSE, "{:?}", messages(v));
        assert!(!v["attributions"].as_array().unwrap().is_empty());
    }
    assert_eq!(lines[2]["text"], "The fare rose to £4, Mira Hask said.\n");
    assert!(messages(&lines[2])[0].contains("windows-1252"), "{:?}", messages(&lines[2]));
    assert!(stderr.contains("windows-1252"), "{stderr}");
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

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_from_a_directory_and_from_the_command_line() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(std::ffi::OsStr::from_bytes(b"ferry-\xe9.txt"));
    std::fs::write(&file, PROSE).unwrap();
    let (out, lines) = analyze(&[dir.path().as_os_str(), file.as_os_str()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(lines.len(), 2);
    for v in &lines {
        assert!(v["id"].as_str().unwrap().ends_with("ferry-\u{FFFD}.txt"), "{}", v["id"]);
        assert_eq!(v["text"], PROSE, "{:?}", messages(v));
    }
}

#[test]
fn a_second_dash_says_standard_input_was_read_already() {
    let dash = std::ffi::OsStr::new("-");
    let (out, lines) = analyze(&[dash, dash], PROSE.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["text"], PROSE);
    let second = messages(&lines[1]);
    assert!(second[0].contains("standard input was read already"), "{second:?}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("empty file"));
}

/// `-o` naming what the command reads is refused before anything is touched: `compare X Y -o X`
/// replaced the article with its report, `analyze X -o ./X` emptied it before reading it, `export
/// --db c.db -o c.db` left the corpus malformed, and `analyze DIR -o DIR/out.jsonl` would read its
/// own output back.
#[test]
fn an_output_over_an_input_or_the_corpus_is_refused() {
    let article = "Ferry Strike in Velkor\n\nThe ferry crews walked out at dawn, a union spokesman said.\n";
    let (dir, path) = common::temp_file("ferry.txt", article);
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Dam Holds\n\nThe dam held overnight, the mayor said.\n").unwrap();
    let spelled = dir.path().join(".").join("ferry.txt");
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let db = dir.path().join("c.db");
    let ingest = common::run(&["ingest", &s(&path), "--db", &s(&db), "-q"]);
    assert_eq!(ingest.status.code(), Some(0), "{}", String::from_utf8_lossy(&ingest.stderr));
    let db_before = std::fs::read(&db).unwrap();
    for args in [
        vec!["compare".to_string(), s(&path), s(&other), "-o".into(), s(&path)],
        vec!["analyze".to_string(), s(&path), "-o".into(), s(&spelled)],
        vec!["analyze".to_string(), s(dir.path()), "-o".into(), s(&dir.path().join("out.jsonl"))],
        vec!["compare".to_string(), s(dir.path()), "-o".into(), s(&path)],
        vec!["export".to_string(), "--db".into(), s(&db), "-o".into(), s(&db)],
        vec!["export".to_string(), "--db".into(), s(&db), "-o".into(), s(&dir.path().join("c.db.lock"))],
        vec!["story".to_string(), "1".into(), "--db".into(), s(&db), "-o".into(), s(&db)],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = common::run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("write it elsewhere"), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), article, "{args:?}");
        assert_eq!(std::fs::read(&db).unwrap(), db_before, "{args:?}");
        assert!(!dir.path().join("out.jsonl").exists(), "{args:?}");
    }
    // an output beside the inputs is written as before
    let report = dir.path().join("report.md");
    let out = common::run(&["compare", &s(&path), &s(&other), "-o", &s(&report), "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&report).unwrap().contains("Ferry"));
}

/// An empty directory (a crawl that wrote nothing) is an input that failed, for every command that
/// reads articles: "DIR: no files" on stderr and exit 1 (it was a silent success, exit 0).
#[test]
fn an_empty_directory_is_an_input_that_failed() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("emptydir");
    std::fs::create_dir(&empty).unwrap();
    let empty = empty.to_str().unwrap();
    for command in ["analyze", "compare", "cluster", "narratives"] {
        let out = common::run(&[command, empty]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {err}");
        assert!(err.contains(&format!("{empty}: no files")), "{command}: {err}");
    }
    // beside an input that is read, the same note and exit 1 (an input failed); the other is analysed
    let (out, lines) = analyze(&[std::ffi::OsStr::new(empty), std::ffi::OsStr::new("-")], PROSE.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines.len(), 2);
    assert!(messages(&lines[0])[0].starts_with("no files"), "{:?}", lines[0]);
    assert!(lines[1]["attributions"].as_array().is_some_and(|a| !a.is_empty()), "{}", lines[1]);
}

/// A directory whose one file is read but holds no article (a WARC of request records only) is no
/// "no files": the file's own note says what it held, and the run succeeds as for the file alone.
#[test]
fn a_directory_of_a_file_without_articles_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.warc"),
        "WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: http://example.com/\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
         Content-Length: 0\r\n\r\n\r\n\r\n",
    )
    .unwrap();
    let out = common::run(&["analyze", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("no files"), "{err}");
    assert!(err.contains("0 HTML pages"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}
