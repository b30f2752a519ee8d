//! `corroborate eval extraction` on a tiny extraction set written by the test (two pages of our own,
//! laid out like the benchmark): the command runs, scores and prints the benchmark's numbers.
mod common;
use common::{run, stdout};
use std::io::Write;

const PAGE: &str = "<html><body><nav><a href='/'>Home</a> <a href='/a'>About us</a></nav><article>\
<p>The harbour authority said on Tuesday that the new ferry terminal would open in the spring.</p>\
<p>Work on the pier was delayed by storms, but the contractors expect to finish within budget.</p>\
</article><footer>All rights reserved by the harbour gazette, which wrote this footer.</footer></body></html>";

fn gz(s: &str) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(s.as_bytes()).unwrap();
    e.finish().unwrap()
}

#[test]
fn scores_a_small_set_and_other_tools() {
    let dir = std::env::temp_dir().join(format!("corroborate-eval-extraction-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("html")).unwrap();
    std::fs::create_dir_all(dir.join("output")).unwrap();
    let body = "The harbour authority said on Tuesday that the new ferry terminal would open in the spring.\n\n\
Work on the pier was delayed by storms, but the contractors expect to finish within budget.";
    let gold = serde_json::json!({
        "p1": {"articleBody": body, "url": "https://example.com/1"},
        "p2": {"articleBody": "Something this page does not say at all, in many words.", "url": null},
    });
    std::fs::write(dir.join("ground-truth.json"), gold.to_string()).unwrap();
    std::fs::write(dir.join("html/p1.html.gz"), gz(PAGE)).unwrap();
    std::fs::write(dir.join("html/p2.html.gz"), gz(PAGE)).unwrap();
    let other = serde_json::json!({"p1": {"articleBody": body}, "p2": {"articleBody": ""}});
    std::fs::write(dir.join("output/perfect_on_one.json"), other.to_string()).unwrap();
    // the benchmark's newer files wrap the pages: scored the same
    let wrapped = serde_json::json!({"version": "abc123", "output": other});
    std::fs::write(dir.join("output/wrapped.json"), wrapped.to_string()).unwrap();
    let out = run(&["eval", "extraction", dir.to_str().unwrap(), "--tools", "--threads", "1"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // p1 is extracted exactly (P = R = 1), p2 not at all (P = R = 0): means 0.5 each.
    assert!(text.contains("corroborate            F1 0.5000  precision 0.5000  recall 0.5000"), "{text}");
    // The other tool: p1 exact, p2 has no prediction (recall 0 only): P = 1.0, R = 0.5.
    assert!(text.contains("perfect_on_one         F1 0.6667  precision 1.0000  recall 0.5000"), "{text}");
    assert!(text.contains("wrapped                F1 0.6667  precision 1.0000  recall 0.5000"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A tool file whose pages are not found (another set's ids, or a shape not understood) is skipped
/// with a note and exit 1, not scored as a tool that extracts nothing; one with some pages says how
/// many.
#[test]
fn a_tool_file_without_the_pages_is_skipped_not_scored_zero() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::create_dir_all(dir.join("html")).unwrap();
    std::fs::create_dir_all(dir.join("output")).unwrap();
    let gold = serde_json::json!({"p1": {"articleBody": "Some words.", "url": null}, "p2": {"articleBody": "More words.", "url": null}});
    std::fs::write(dir.join("ground-truth.json"), gold.to_string()).unwrap();
    std::fs::write(dir.join("html/p1.html.gz"), gz(PAGE)).unwrap();
    std::fs::write(dir.join("html/p2.html.gz"), gz(PAGE)).unwrap();
    let other_set = serde_json::json!({"version": "1", "pages": {"p1": {"articleBody": "Some words."}}});
    std::fs::write(dir.join("output/other_shape.json"), other_set.to_string()).unwrap();
    let half = serde_json::json!({"p1": {"articleBody": "Some words."}});
    std::fs::write(dir.join("output/half.json"), half.to_string()).unwrap();
    let out = run(&["eval", "extraction", dir.to_str().unwrap(), "--tools", "--threads", "1"]);
    let (text, err) = (stdout(&out), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{text}{err}");
    assert!(err.contains("other_shape.json: 0 of 2 pages found; skipped"), "{err}");
    assert!(!text.contains("other_shape"), "{text}");
    assert!(text.contains("half ") && text.contains("(1 of 2 pages found; the others scored as empty)"), "{text}");
}

#[test]
fn missing_set_is_a_clear_error() {
    let out = run(&["eval", "extraction", "/nonexistent/extraction-set"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ground-truth.json"));
}
