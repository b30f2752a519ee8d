//! The command line on the shipped examples: snapshots of every report format, error handling, exit codes.
mod common;
use common::{root, run, stdout, temp_file};

const EXAMPLES: &[&str] = &[
    "examples/arvia-herald.txt",
    "examples/belmark-today.txt",
    "examples/unrelated-cheese-fair.txt",
    "examples/wire-original.txt",
    "examples/wire-reprint.txt",
];

fn compare(format: &str) -> String {
    let mut args = vec!["compare", "--format", format];
    args.extend_from_slice(EXAMPLES);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    stdout(&out)
}

#[test]
fn text_report_snapshot() {
    insta::assert_snapshot!(compare("text"));
}

#[test]
fn text_report_lists_every_claim_its_sections_name() {
    // the Belmark piece's "false flag" claim, the story's 18th, carries the known narrative the
    // report names; the claim list stopped at twelve and left "claims C2, C19" pointing at nothing
    let text = compare("text");
    for story in text.split("\nStory ").skip(1) {
        let (list, rest) = story.split_once("\n  Contradictions").unwrap_or((story, ""));
        // (the single-origin section quotes each claim it names)
        let rest = rest.split("\n  Attributed claims only one origin carries").next().unwrap_or("");
        let listed = |n: &str| list.lines().any(|l| l.trim_start().starts_with(&format!("{n} “")));
        for word in rest.split(|c: char| !c.is_ascii_alphanumeric()) {
            if word.len() > 1 && word.starts_with('C') && word[1..].bytes().all(|b| b.is_ascii_digit()) {
                assert!(listed(word), "{word} is named but not listed:\n{story}");
            }
        }
    }
    assert!(text.contains("C18 “Similar false flag operations"), "{text}");
    assert!(text.contains("… and 5 more in the Markdown, HTML and JSON reports"), "{text}");
}

#[test]
fn reports_say_which_claims_only_the_json_holds() {
    // Belmark Today's own "the purported tragedy" is its framing: a row, though no one else says it;
    // the claims of one outlet's plain voice alone are counted, not dropped in silence
    let note = "2 more claims that one outlet alone makes, with no speaker named, are only in the JSON";
    let md = compare("markdown");
    assert!(md.lines().any(|l| l.starts_with("| C") && l.contains("purported tragedy")), "{md}");
    assert!(md.contains(note), "{md}");
    assert!(compare("text").contains(note));
    assert!(compare("html").contains(note));
    let json: serde_json::Value = serde_json::from_str(&compare("json")).unwrap();
    let claims = json["stories"][0]["claims"].as_array().unwrap().len();
    let rows = md.split("\n## Story 2").next().unwrap().lines().filter(|l| l.starts_with("| C")).count();
    assert_eq!(rows + 2, claims, "every claim is a row or counted in the note");
}

#[test]
fn markdown_report_snapshot() {
    insta::assert_snapshot!(compare("markdown"));
}

#[test]
fn json_report_snapshot() {
    let v: serde_json::Value = serde_json::from_str(&compare("json")).unwrap();
    insta::assert_json_snapshot!(v["stories"]);
}

#[test]
fn html_report_is_self_contained_and_highlights_attributions() {
    let html = compare("html");
    assert!(html.starts_with("<!doctype html>"));
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"));
    assert!(html.contains("class=\"content distanced\""), "distanced attributions are highlighted");
    assert!(html.contains("class=\"cue\""));
    assert!(html.contains("Contradictions"));
}

#[test]
fn examples_know_their_stories_origins_and_contradictions() {
    let v: serde_json::Value = serde_json::from_str(&compare("json")).unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2, "the dam story and the unrelated cheese fair");
    let dam = stories.iter().find(|s| s["articles"].as_array().unwrap().len() == 4).expect("dam story");
    assert_eq!(dam["origins"].as_array().unwrap().len(), 3, "the wire reprint is a copy of the original");
    let fair = stories.iter().find(|s| s["articles"].as_array().unwrap().len() == 1).unwrap();
    assert_eq!(fair["articles"][0], "examples/unrelated-cheese-fair.txt");
    let claims = dam["claims"].as_array().unwrap();
    let contradictions = claims
        .iter()
        .filter(|c| c["relations"].as_array().unwrap().iter().any(|r| r["relation"] == "contradicts"))
        .count();
    assert!(contradictions >= 4, "deaths vs 'no one died', flooding vs staged, at least");
    // "no one died" is carried by one origin only
    assert!(claims.iter().any(|c| c["summary"].as_str().unwrap().contains("no one died") && c["origins"] == 1));
    // The deaths claim: the Herald asserts it, Belmark Today keeps its distance ("so-called dam
    // disaster", "alleged flooding": its own doubts sit on the claim they doubt), and it contradicts
    // the staging claims.
    let stance = |c: &serde_json::Value, art: &str| {
        c["stances"].as_array().unwrap().iter().find(|s| s["article"] == art).map(|s| s["stance"].clone())
    };
    let deaths = claims
        .iter()
        .find(|c| {
            stance(c, "examples/arvia-herald.txt").is_some_and(|s| s == "asserted")
                && c["summary"].as_str().unwrap().contains("Kills 40")
        })
        .expect("the deaths claim");
    assert_eq!(stance(deaths, "examples/belmark-today.txt").unwrap(), "distanced");
    let staged: Vec<&serde_json::Value> =
        claims.iter().filter(|c| c["summary"].as_str().unwrap().contains("staged")).collect();
    assert!(staged.len() >= 2, "the ministry's and its spokesman's staging claims");
    for s in staged {
        assert!(
            deaths["relations"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["claim"] == s["id"] && r["relation"] == "contradicts"),
            "deaths vs {}",
            s["summary"]
        );
    }
    // the Herald's "at least 40 people" killed and Belmark Today's "no one died" cannot both be
    // true: one count conflict, the larger count first, each side with its words and claim
    let counts = dam["count_conflicts"].as_array().unwrap();
    assert_eq!(counts.len(), 1, "'40' in the wire story is the same disagreement: {counts:?}");
    assert_eq!(counts[0]["what"], "deaths");
    let sides = counts[0]["sides"].as_array().unwrap();
    assert_eq!(
        (&sides[0]["article"], &sides[0]["span"]["text"], sides[0]["low"].as_f64(), &sides[0]["high"]),
        (&"examples/arvia-herald.txt".into(), &"at least 40 people".into(), Some(40.0), &serde_json::Value::Null)
    );
    assert_eq!(
        (&sides[1]["article"], &sides[1]["span"]["text"], sides[1]["high"].as_f64()),
        (&"examples/belmark-today.txt".into(), &"no one died".into(), Some(0.0))
    );
    assert!(claims
        .iter()
        .any(|c| c["id"] == sides[1]["claim"] && c["summary"].as_str().unwrap().contains("no one died")));
    let also: Vec<&serde_json::Value> = sides[0]["also"].as_array().unwrap().iter().map(|a| &a["article"]).collect();
    assert_eq!(also, ["examples/wire-original.txt", "examples/wire-reprint.txt"], "the wire's 40 dead side with it");
    assert!(sides[1].get("also").is_none());
    assert_eq!(fair["count_conflicts"], serde_json::json!([]), "'12,000 visitors' conflicts with nothing");
    // a claim whose words alone say the opposite of what was said names it with its cue: Belmark
    // denied "any role in the collapse", the government refused "to let independent observers visit"
    let summaries: Vec<&str> = claims.iter().map(|c| c["summary"].as_str().unwrap()).collect();
    for said in ["denied any role in the collapse", "has refused to let independent observers visit the site"] {
        assert!(summaries.iter().any(|s| s.contains(said)), "{said}: {summaries:?}");
    }
    // and a plain "said" leaves the claim its own words
    assert!(summaries.contains(&"the dam had been weakened by years of neglect"), "{summaries:?}");
    // no contradiction rests on one outlet's doubt alone: each has a side someone affirms
    for c in claims.iter().filter(|c| !c["relations"].as_array().unwrap().is_empty()) {
        let doubts_only = c["stances"].as_array().unwrap().iter().all(|s| s["stance"] == "distanced")
            && c["speakers"].as_array().is_none_or(|s| s.is_empty());
        assert!(!doubts_only, "{}", c["summary"]);
    }
    // unnamed sources are marked and listed after the named ones
    let md = compare("markdown");
    let who: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("### Who is quoted"))
        .skip(2)
        .take_while(|l| l.starts_with("- "))
        .collect();
    let unnamed = |l: &&str| l.contains("(unnamed source)") || l.contains("(names no one)");
    let first_unnamed = who.iter().position(unnamed).expect("an unnamed source");
    assert!(who[first_unnamed..].iter().all(unnamed), "{who:?}");
    // documents are no one: "according to documents seen by the Herald"
    assert!(who.iter().any(|l| l.starts_with("- **documents** (names no one)")), "{who:?}");
    assert!(who.iter().any(|l| l.starts_with("- **reliable sources** (unnamed source)")), "{who:?}");
    assert!(
        who.iter().any(|l| l.starts_with("- **Belmark**: ")),
        "'Belmark, the neighbouring country' is Belmark: {who:?}"
    );
    // Belmark Today states the staging narrative through "has revealed": it adopts it
    let belmark = v["articles"].as_array().unwrap().iter().find(|a| a["id"] == "examples/belmark-today.txt").unwrap();
    assert!(belmark["narratives"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["narrative"] == "staged-atrocities" && n["voice"] == "adopts"));
}

#[test]
fn bad_inputs_get_specific_errors_and_the_rest_is_analysed() {
    let dir = std::env::temp_dir().join(format!("corroborate-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"The caf\xe9 owner said the river rose overnight in the town.").unwrap();
    let missing = dir.join("missing.txt");
    let (e, b, l, m, d) = (dir.join("empty.txt"), dir.join("binary.txt"), dir.join("latin1.txt"), missing, dir.clone());
    let good = root().join("examples/arvia-herald.txt");
    let args: Vec<String> = ["analyze".to_string()]
        .into_iter()
        .chain([&e, &b, &l, &m, &d, &good].iter().map(|p| p.display().to_string()))
        .collect();
    let out = common::run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(out.status.code(), Some(1), "some inputs failed");
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // A directory is read recursively: its three files, in name order, stand in for it.
    assert_eq!(lines.len(), 8, "one object per input (per file of a directory), in order");
    let msg = |i: usize| lines[i]["diagnostics"][0]["message"].as_str().unwrap().to_string();
    assert!(msg(0).contains("empty file"));
    assert!(msg(1).contains("binary"));
    assert!(msg(2).contains("invalid UTF-8") && lines[2]["diagnostics"][0]["level"] == "warning");
    assert!(msg(2).contains("windows-1252") && lines[2]["text"].as_str().unwrap().contains("café"), "{}", msg(2));
    assert!(!lines[2]["attributions"].as_array().unwrap().is_empty(), "a file read as windows-1252 is analysed");
    assert!(msg(3).contains("no such file"));
    assert!(msg(4).contains("binary") && msg(5).contains("empty file") && msg(6).contains("invalid UTF-8"));
    assert!(lines[7]["diagnostics"].as_array().unwrap().iter().all(|d| d["level"] != "error"));
    assert!(!lines[7]["attributions"].as_array().unwrap().is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty file") && stderr.contains("no such file"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn analyze_keeps_plain_text_exactly_and_spans_in_code_points() {
    let out = run(&["analyze", "examples/belmark-today.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let original = std::fs::read_to_string(root().join("examples/belmark-today.txt")).unwrap();
    assert_eq!(v["text"].as_str().unwrap(), original);
    let chars: Vec<char> = original.chars().collect();
    for s in v["sentences"].as_array().unwrap() {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[a..b].iter().collect::<String>(), s["text"].as_str().unwrap());
    }
    assert!(
        v["diagnostics"].as_array().unwrap().iter().any(|d| d["message"].as_str().unwrap().contains("ambiguous")
            || d["message"].as_str().unwrap().contains("03/15/2031"))
            || v["meta"]["published"] == "2031-03-15"
    );
    assert_eq!(v["meta"]["authors"][0], "Tomas Greer");
}

#[test]
fn analyze_stages_runs_only_those_asked_and_says_so() {
    let full: serde_json::Value =
        serde_json::from_slice(&run(&["analyze", "examples/belmark-today.txt"]).stdout).unwrap();
    let out = run(&["analyze", "examples/belmark-today.txt", "--stages", "attribution"]);
    assert_eq!(out.status.code(), Some(0));
    let part: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(full.get("stages").is_none(), "a full run lists no stages");
    assert_eq!(part["stages"], serde_json::json!(["entities", "attribution"]));
    for same in ["attributions", "statements", "entities", "sentences", "source_profile"] {
        assert_eq!(part[same], full[same], "{same}");
    }
    assert!(!full["techniques"].as_array().unwrap().is_empty());
    assert_eq!(part["techniques"], serde_json::json!([]));
    assert_eq!(run(&["analyze", "examples/belmark-today.txt", "--stages", "quotes"]).status.code(), Some(2));
}

#[test]
fn a_dash_for_output_is_standard_output() {
    // as `-` among the inputs is standard input: no file named "-" is made
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("examples/belmark-today.txt");
    for cmd in ["analyze", "compare"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
            .current_dir(dir.path())
            .args([cmd, example.to_str().unwrap(), "-o", "-"])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{cmd}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout(&out).contains("Dana Kovic"), "{cmd} wrote its report to standard output");
        assert!(!dir.path().join("-").exists(), "{cmd} made a file named -");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["compare"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn the_same_input_gives_the_same_report() {
    assert_eq!(compare("json"), compare("json"));
}

#[test]
fn unrelated_events_with_the_same_wording_are_separate_stories() {
    // The Belmark article reuses the seeds' vocabulary ("false flag", "staged", "said during a
    // briefing") about an invented event: shared wording without a shared name is not one story.
    let Some(shared) = common::shared() else {
        eprintln!("SKIP: ../shared/seeds is absent");
        return;
    };
    let mut seeds: Vec<String> =
        std::fs::read_dir(shared.join("seeds")).unwrap().map(|e| e.unwrap().path().display().to_string()).collect();
    seeds.sort();
    let mut args: Vec<&str> = vec!["compare", "--format", "json"];
    args.extend(seeds.iter().map(String::as_str));
    args.extend_from_slice(EXAMPLES);
    let v: serde_json::Value = serde_json::from_str(&stdout(&run(&args))).unwrap();
    let sizes: Vec<usize> =
        v["stories"].as_array().unwrap().iter().map(|s| s["articles"].as_array().unwrap().len()).collect();
    assert_eq!(sizes, vec![2, 4, 1], "Bucha seeds, the dam story, the cheese fair");
}

#[test]
fn a_reader_that_stops_reading_ends_the_run_quietly() {
    // `corroborate narratives ... | head -c1`: the pipe's reader is gone before anything is written
    for args in [&["narratives", "examples/arvia-herald.txt"][..], &["source", "rt.com", "--format", "json"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
            .current_dir(common::root())
            .args(args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn export_to_a_pipe_closed_early_does_not_claim_every_article() {
    // `corroborate export --db X | head -1`: the reader goes away before the export ends; the run
    // still ends quietly with 0, but must not say "N articles" as if all had been written
    let base = std::fs::read_to_string(root().join("examples/wire-original.txt")).unwrap();
    let records: String = (0..60)
        .map(|i| {
            serde_json::json!({"id": format!("a{i}"), "text": format!("{base}\nUpdate {i}.\n")}).to_string() + "\n"
        })
        .collect();
    let (dir, path) = temp_file("many.jsonl", &records);
    let export = |db: &str, stdout: std::process::Stdio| {
        std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
            .args(["export", "--db", db])
            .stdout(stdout)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // a small corpus (5 articles, ~46 KB: it fits the writer's buffer) and a reader gone before
    // anything is written: the pipe breaks at the last flush
    let small = dir.path().join("small.db");
    let small = small.to_str().unwrap();
    let mut args = vec!["ingest", "--quiet", "--db", small];
    args.extend_from_slice(EXAMPLES);
    assert!(run(&args).status.success());
    let whole = run(&["export", "--db", small]);
    assert_eq!(stdout(&whole).lines().count(), 5);
    assert!(String::from_utf8_lossy(&whole.stderr).contains("export: 5 articles"));
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = export(small, writer.into()).wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(!stderr.contains("5 articles"), "{stderr}");
    // a corpus whose export (~430 KB) outgrows the pipe and the buffer, read up to its first line:
    // the pipe breaks midway, whatever the timing
    let large = dir.path().join("large.db");
    let large = large.to_str().unwrap();
    assert!(run(&["ingest", "--quiet", "--db", large, path.to_str().unwrap()]).status.success());
    let mut child = export(large, std::process::Stdio::piped());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut first).unwrap();
    let record: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(record["id"], "a0");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(!stderr.contains("articles") && !stderr.contains("panicked"), "{stderr}");
}

#[test]
fn markdown_report_keeps_an_articles_html_and_markup_inert() {
    let (_dir, path) = temp_file(
        "hostile.txt",
        "Title: <script>alert(1)</script> Dam *report*\n\n\
         Minister Ana Ruiz said the dam was <b>safe</b> and [fine](javascript:alert(2)).\n",
    );
    let out = run(&["compare", path.to_str().unwrap(), "--format", "markdown"]);
    let md = stdout(&out);
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; Dam \\*report\\*"), "{md}");
    assert!(!md.contains("<script") && !md.contains("<b>") && !md.contains("[fine]("), "{md}");
}

#[test]
fn an_id_given_twice_is_made_unique_with_a_warning() {
    let (_dir, path) = temp_file(
        "twice.jsonl",
        "{\"id\":\"x\",\"text\":\"Mayor Ana Ruiz said the bridge would reopen.\"}\n\
         {\"id\":\"x\",\"text\":\"Minister Karel Dusek said the bridge was unsafe.\"}\n",
    );
    let out = run(&["compare", path.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = v["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["x", "x#2"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("given to an earlier input"));
}

#[test]
fn search_says_when_nothing_matches_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    assert!(run(&["ingest", "examples/wire-original.txt", "--db", db]).status.success());
    let found = run(&["search", "dam", "--db", db]);
    assert!(found.status.success() && stdout(&found).contains("wire-original"), "{}", stdout(&found));
    for query in ["zebra", "\"", "((("] {
        let none = run(&["search", query, "--db", db]);
        assert_eq!(none.status.code(), Some(0), "{query}");
        assert!(String::from_utf8_lossy(&none.stderr).contains("no article matches"), "{query}");
    }
}

/// Count disagreements: the largest are listed (they were the first found, in article order, so a
/// death toll of 40 against 330 could go unshown), the others are counted, and an article that
/// sides with a count shows its own number ("(also [B])" under "40" read as if B said 40).
#[test]
fn count_conflicts_show_the_largest_first_and_say_how_many_more() {
    let base = std::fs::read_to_string(root().join("examples/wire-original.txt")).unwrap();
    assert!(base.contains("death toll to 40"));
    let dir = tempfile::tempdir().unwrap();
    for i in 0..16 {
        std::fs::write(dir.path().join(format!("w{i:02}.txt")), base.replace("to 40", &format!("to {}", 40 + i * 20)))
            .unwrap();
    }
    let out = run(&["compare", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let story = &v["stories"][0];
    let conflicts = story["count_conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 8);
    let sides: Vec<(f64, f64)> = conflicts
        .iter()
        .map(|c| (c["sides"][0]["low"].as_f64().unwrap(), c["sides"][1]["low"].as_f64().unwrap()))
        .collect();
    assert_eq!(sides[0], (340.0, 40.0), "{sides:?}");
    assert!(story["more_count_conflicts"].as_u64().unwrap() > 0, "{}", story["more_count_conflicts"]);
    let text = stdout(&run(&["compare", "--color", "never", dir.path().to_str().unwrap()]));
    assert!(text.contains("smaller disagreement(s) about counts"), "{text}");
    assert!(text.contains("“320”"), "{text}");
}

/// A story whose articles name no one has no label, and its heading has no gap for one.
#[test]
fn a_story_without_a_label_has_no_gap_in_its_heading() {
    let (_dir, path) = temp_file("rain.txt", "it rained all day.\n\nthe river rose by evening, and then it fell.\n");
    let out = run(&["compare", "--color", "never", path.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(text.contains("Story 1:  (1 article(s)"), "{text}");
    assert!(!text.contains("Story 1:   ("), "{text}");
}
