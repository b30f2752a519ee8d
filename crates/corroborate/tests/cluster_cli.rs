//! `corroborate cluster` reads its inputs as `analyze` does: directories, JSON Lines (from a file or
//! standard input), web pages by their extracted text, and a bad input is reported while the rest
//! are clustered.
mod common;
use common::{root, run};

fn lines(out: &std::process::Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn story_of<'a>(rows: &'a [serde_json::Value], id_end: &str) -> &'a serde_json::Value {
    &rows.iter().find(|r| r["id"].as_str().unwrap().ends_with(id_end)).unwrap_or_else(|| panic!("{id_end}"))["story"]
}

#[test]
fn a_directory_and_a_web_page_are_clustered_on_their_articles_and_a_missing_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // the wire story as a page: its text inside navigation, scripts and a footer
    let wire = std::fs::read_to_string(root().join("examples/wire-original.txt")).unwrap();
    let mut paras = wire.split("\n\n");
    let title = paras.next().unwrap();
    let body: String = paras.map(|p| format!("<p>{p}</p>\n")).collect();
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><title>{title}</title><script>var tracking = {{menu: 'open'}};</script></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/weather\">Weather</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>{title}</h1>{body}</article><footer>Subscribe to our newsletter. Cookie settings.</footer></body></html>"
    );
    let page_path = dir.path().join("wire-page.html");
    std::fs::write(&page_path, page).unwrap();
    let out = run(&["cluster", "examples", page_path.to_str().unwrap(), "no-such-file.txt"]);
    assert_eq!(out.status.code(), Some(1), "a missing input fails the run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.txt"));
    let rows = lines(&out);
    // one line per input, in order: the missing file's says why and has no story
    assert_eq!(rows.len(), 7, "{rows:?}");
    let missing = rows.last().unwrap();
    assert_eq!(missing["id"], "no-such-file.txt");
    assert!(missing["story"].is_null(), "{missing}");
    assert_eq!(missing["diagnostics"][0]["message"], "no such file", "{missing}");
    let dam = story_of(&rows, "arvia-herald.txt");
    assert_eq!(story_of(&rows, "wire-original.txt"), dam);
    assert_eq!(story_of(&rows, "wire-reprint.txt"), dam);
    assert_eq!(story_of(&rows, "wire-page.html"), dam, "the page joins the story of its text");
    assert_ne!(story_of(&rows, "unrelated-cheese-fair.txt"), dam);
    // the day each article was placed on, from its date line or page
    assert_eq!(
        rows.iter().find(|r| r["id"].as_str().unwrap().ends_with("arvia-herald.txt")).unwrap()["published"],
        "2031-03-14"
    );
}

#[test]
fn json_lines_on_standard_input_with_body_and_date_fields() {
    let input = concat!(
        "{\"id\": \"a\", \"title\": \"Dam bursts above Osk\", \"body\": \"The dam above the village of Osk in northern Arvia burst on Monday night, flooding the valley.\", \"date\": \"2031-03-14\"}\n",
        "{\"id\": \"b\", \"text\": \"Floodwater from the burst dam above Osk covered the valley in northern Arvia on Monday night.\", \"published\": \"2031-03-15T08:00:00Z\"}\n",
        "not a record\n",
        "{\"id\": \"c\", \"text\": \"The cheese fair of Varna Ridge gave its first prize to a goat's cheese from the hills.\", \"published\": \"in spring\"}\n",
    );
    let out = common::run_piped(Some(&root()), &["cluster", "-"], input.as_bytes());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "the bad line fails the run: {err}");
    assert!(err.contains("-:3") && err.contains("in spring"), "{err}");
    let rows = lines(&out);
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // the bad line has its own line, with no story and what was wrong
    assert_eq!(ids, ["a", "b", "-:3", "c"]);
    assert!(rows[2]["story"].is_null() && rows[2]["diagnostics"][0]["level"] == "error", "{}", rows[2]);
    assert_eq!(rows[0]["story"], rows[1]["story"]);
    assert_ne!(rows[0]["story"], rows[3]["story"]);
    assert_eq!(
        (rows[0]["published"].as_str(), rows[1]["published"].as_str()),
        (Some("2031-03-14"), Some("2031-03-15"))
    );
    assert!(rows[3]["published"].is_null());
    // scores are rounded to three places, not f32 noise
    let score = rows[1]["score"].to_string();
    assert!(score.len() <= 5, "{score}");
}

/// Scores out of 0..=1 (NaN, 5, -1) and weights that weigh nothing are refused as usage errors
/// (exit 2), naming the option; they put every article in a story of its own, silently. `--weights`
/// takes `TERMS,EMBED`, as its help says.
#[test]
fn cluster_options_out_of_range_are_refused() {
    for bad in [
        &["--threshold", "NaN"][..],
        &["--threshold", "5"],
        &["--threshold=-1"],
        &["--merge", "1.5"],
        &["--short-terms=-3"],
        &["--weights", "0,0"],
        &["--weights", "0.5"],
        &["--weights=-1,1"],
        &["--weights", "inf,1"],
    ] {
        let mut args = vec!["cluster", "examples/arvia-herald.txt"];
        args.extend_from_slice(bad);
        let out = common::run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {err}");
        let option = bad[0].split('=').next().unwrap();
        assert!(err.contains(option), "{bad:?}: {err}");
    }
    let out = common::run(&["cluster", "examples/arvia-herald.txt", "--threshold", "0.3", "--weights", "0.7,0.3"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let help = common::stdout(&common::run(&["cluster", "--help"]));
    assert!(help.contains("--weights <TERMS,EMBED>"), "{help}");
}
