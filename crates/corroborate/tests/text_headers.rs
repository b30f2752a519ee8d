//! A text file with a labelled header block, as a user writes one above a pasted article: its
//! fields become the article's metadata (the URL's outlet is rated), and none of them is read as a
//! quote ("Title" said "Dam bursts").
mod common;
use common::{run, stdout, temp_file};

#[test]
fn a_header_block_gives_title_date_authors_and_outlet_and_no_attributions() {
    let (_dir, path) = temp_file(
        "pasted.txt",
        "Title: Dam bursts in Osk\nAuthor: Jane Roe\nDate: March 14, 2031\nURL: https://www.reuters.com/world/osk/\n\n\
         The Varna Ridge dam gave way on Thursday, killing 40 people, rescue teams said.\n\n\
         \"We owe the families the truth,\" Interior Minister Dana Kovic said.\n",
    );
    let out = run(&["analyze", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let meta = &v["meta"];
    assert_eq!(meta["title"], "Dam bursts in Osk");
    assert_eq!(meta["published"], "2031-03-14");
    assert_eq!(meta["authors"], serde_json::json!(["Jane Roe"]));
    assert_eq!(meta["domain"], "reuters.com");
    assert_eq!(v["source_profile"]["outlet"]["name"], "Reuters", "the URL identifies the outlet");
    let said: Vec<(String, String)> = v["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["speaker"].as_str().unwrap_or("-").to_string(), a["cue"]["text"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        said,
        vec![("rescue teams".to_string(), "said".to_string()), ("Dana Kovic".to_string(), "said".to_string())]
    );
}

#[test]
fn front_matter_of_a_clipped_markdown_page_is_metadata_not_prose() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("clip.md"),
        "---\ntitle: \"Dam bursts in Osk\"\nsource: \"https://www.reuters.com/world/osk/\"\nauthor:\n  - \"[[Jane Roe]]\"\n\
         published: 2031-03-14\ncreated: 2031-04-01\ndescription: \"Rescue teams said the dam gave way: 40 dead.\"\n---\n\n\
         The Varna Ridge dam gave way on Thursday, killing 40 people, rescue teams said.\n",
    )
    .unwrap();
    // read from a directory, as a folder of clippings is
    let out = run(&["analyze", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["meta"]["title"], "Dam bursts in Osk");
    assert_eq!(v["meta"]["published"], "2031-03-14");
    assert_eq!(v["meta"]["authors"], serde_json::json!(["Jane Roe"]));
    assert_eq!(v["source_profile"]["outlet"]["name"], "Reuters");
    let sentences: Vec<&str> = v["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(
        sentences,
        ["Dam bursts in Osk", "The Varna Ridge dam gave way on Thursday, killing 40 people, rescue teams said."]
    );
    assert_eq!(v["attributions"].as_array().unwrap().len(), 1, "{}", v["attributions"]);
}

#[test]
fn an_empty_or_unreadable_header_line_keeps_the_lines_after_it_out_of_the_prose() {
    let (_dir, path) = temp_file(
        "pasted.txt",
        "Title: Ferry strike in Velkor\nDate: 2031-02-30\nAuthor: \nURL: see below\nOutlet: Harbour Post\n\n\
         Union leader Mira Hask said the crews would stay out until Friday.\n",
    );
    let out = run(&["analyze", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "warnings only: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["meta"]["outlet"], "Harbour Post");
    assert_eq!(v["meta"]["published"], serde_json::Value::Null, "no 30 February");
    let sources: Vec<&str> =
        v["attributions"].as_array().unwrap().iter().filter_map(|a| a["source"]["text"].as_str()).collect();
    assert_eq!(sources, ["Union leader Mira Hask"], "header lines are no speakers");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("\"2031-02-30\"") && stderr.contains("\"see below\""), "{stderr}");
}
