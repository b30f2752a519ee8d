//! Source profiles on the founding pair (../shared/seeds) and the `source` command.
mod common;
use serde_json::Value;

fn analyze_seed(prefix: &str) -> Option<Value> {
    let Some(shared) = common::shared() else {
        eprintln!("SKIP: ../shared/seeds is absent; the seed source-profile test needs the founding articles");
        return None;
    };
    let file = std::fs::read_dir(shared.join("seeds"))
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))?;
    let out = common::run(&["analyze", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    Some(serde_json::from_str(common::stdout(&out).lines().next()?).unwrap())
}

#[test]
fn seed_002_rests_on_the_russian_defence_ministry_and_rt() {
    let Some(v) = analyze_seed("002") else { return };
    let s = &v["source_profile"]["signals"];
    let state = s["state_sources"].as_array().unwrap();
    let find = |name: &str| state.iter().find(|x| x["name"] == name).cloned();
    let mod_ = find("Russian Defence Ministry").expect("Russian Defence Ministry");
    assert_eq!(mod_["kind"], "government_body");
    assert!(mod_["attributions"].as_array().unwrap().len() >= 3, "{mod_}");
    let rt = find("RT").expect("RT");
    assert_eq!(rt["kind"], "state_outlet");
    assert_eq!(rt["country"], "Russia");
    // "confirmed information" in scare quotes is unverifiable sourcing.
    let unver: Vec<&Value> =
        s["anonymous_sources"].as_array().unwrap().iter().filter(|a| a["unverifiable"] == true).collect();
    assert!(unver.iter().any(|a| a["evidence"]["text"] == "confirmed information"), "{unver:?}");
    assert_eq!(s["sides"][0]["side"], "Russia");
    assert!(s["one_side_share"].as_f64().unwrap() > 0.6);
    assert!(s["outlet_citations"].as_array().unwrap().iter().any(|c| c["name"] == "RT" && c["republishes"] == true));
    assert_eq!(s["has_byline"], true);
    // The text carries no URL or outlet name: the outlet is unknown, not guessed.
    assert_eq!(v["source_profile"]["outlet"]["reliability"], "unknown");
}

#[test]
fn seed_000_names_its_officials() {
    let Some(v) = analyze_seed("000") else { return };
    let s = &v["source_profile"]["signals"];
    let named = s["named_sources"].as_array().unwrap();
    let people: Vec<&Value> = named.iter().filter(|n| n["type"] == "PERSON").collect();
    assert!(people.len() >= 2, "{named:?}");
    assert!(people.iter().all(|n| n["official"] == true), "{people:?}");
    for who in ["Volodymyr Zelenskyy", "Emmanuel Macron"] {
        assert!(people.iter().any(|n| n["name"] == who), "{who}");
    }
    assert!(s["anonymous_sources"].as_array().unwrap().is_empty());
    assert!(!s["state_sources"].as_array().unwrap().iter().any(|x| x["kind"] == "state_outlet"));
    assert_eq!(s["has_date"], true);
}

/// "Survivors described", "Engineers who inspected the dam had warned", "Aid groups said", "The
/// town council said": groups and bodies described, not named, are unnamed sources, as "officials"
/// are; a fact-checker reads the named count as a sourcing signal.
#[test]
fn described_groups_are_no_named_sources() {
    let out = common::run(&["compare", "--format", "json", "examples/arvia-herald.txt", "examples/wire-original.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    for a in v["articles"].as_array().unwrap() {
        let s = &a["source_profile"]["signals"];
        let named: Vec<&str> =
            s["named_sources"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
        assert!(named.contains(&"Dana Kovic"), "{named:?}");
        for group in ["survivors", "Survivors", "Engineers", "engineers", "Aid groups", "aid groups"] {
            assert!(!named.contains(&group), "{group} in {named:?}");
        }
        let unnamed = s["anonymous_sources"].as_array().unwrap();
        assert!(unnamed.len() >= 2, "{unnamed:?}");
    }
}

#[test]
fn source_command_profiles_and_user_ratings() {
    let out = common::run(&["source", "https://www.rt.com/russia/x/", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert_eq!(v["domain"], "rt.com");
    assert_eq!(v["reliability"], "low");
    assert_eq!(v["state_media"]["country"], "Russia");
    assert!(v["rating_citation"].as_str().unwrap().contains("pgad286"));

    let out = common::run(&["source", "never-rated-outlet.example"]);
    assert!(common::stdout(&out).contains("reliability: unknown"));

    let dir = std::env::temp_dir().join(format!("corroborate-ratings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mine.csv");
    std::fs::write(&file, "never-rated-outlet.example,0.82\nbad line\n").unwrap();
    let out = common::run(&[
        "source",
        "never-rated-outlet.example",
        "--format",
        "json",
        "--ratings",
        &file.display().to_string(),
    ]);
    let v: Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert_eq!(v["reliability"], "high");
    assert_eq!(v["rating"]["source"]["kind"], "user");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a domain"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["source", "never-rated-outlet.example"])
        .env("CORROBORATE_RATINGS", &file)
        .output()
        .unwrap();
    assert!(common::stdout(&out).contains("reliability: high"));
    // the same file in the environment and by --ratings is read once: one warning for its bad line
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["source", "never-rated-outlet.example", "--ratings", &file.display().to_string()])
        .env("CORROBORATE_RATINGS", &file)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr).matches("not a domain").count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// An outlet the input names (an `Outlet:` line, a page's `og:site_name`) but our table lacks is
/// named in the report and "unrated", not "outlet unknown" (audit 35a item 14).
#[test]
fn named_outlets_outside_the_table_are_named_and_unrated() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("star.txt");
    std::fs::write(
        &txt,
        "Title: Ferry Sinks Off Velkor\nOutlet: Velkor Evening Star\nDate: 2031-06-02\n\n\
         A ferry sank off Velkor on Monday, the coastguard said. Eleven people are missing.\n",
    )
    .unwrap();
    let html = dir.path().join("post.html");
    std::fs::write(
        &html,
        "<html><head><title>Ferry Sinks</title><meta property=\"og:site_name\" content=\"Osk Harbour Post\"></head>\
         <body><article><p>A ferry sank off Velkor on Monday night, the coastguard said on Tuesday morning.</p>\
         <p>Eleven people are still missing, and divers will search the wreck when the current slows.</p></article></body></html>",
    )
    .unwrap();
    let (t, h) = (txt.display().to_string(), html.display().to_string());
    let out = common::run(&["compare", &t, &h, "--color", "never"]);
    let text = common::stdout(&out);
    assert!(text.contains("Velkor Evening Star: unrated ·"), "{text}");
    assert!(text.contains("Osk Harbour Post: unrated ·"), "{text}");
    assert!(!text.contains("outlet unknown"), "{text}");
    let out = common::run(&["compare", &t, &h, "--format", "json"]);
    let v: Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let names: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["source_profile"]["outlet"]["name"].as_str())
        .collect();
    assert_eq!(names, ["Velkor Evening Star", "Osk Harbour Post"]);
}
