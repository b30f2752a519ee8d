//! Techniques and narratives through the CLI: our own sentences always, the founding pair
//! (../shared/seeds) when it is present.
mod common;
use serde_json::Value;

fn seed(prefix: &str) -> Option<String> {
    let Some(shared) = common::shared() else {
        eprintln!("SKIP: ../shared/seeds is absent; this check needs the founding articles beside the repository");
        return None;
    };
    let dir = std::fs::read_dir(shared.join("seeds")).ok()?;
    dir.filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .find(|p| p.rsplit('/').next().is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt")))
}

fn narratives(file: &str) -> Value {
    let out = common::run(&["narratives", "--format", "jsonl", file]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn voices(v: &Value, narrative: &str) -> Vec<String> {
    v["narratives"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["narrative"] == narrative)
        .map(|m| m["voice"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn seed_002_adopts_the_staging_narrative_and_seed_000_only_reports_it() {
    let (Some(a), Some(b)) = (seed("000"), seed("002")) else { return };
    let reported = voices(&narratives(&a), "staged-atrocities");
    assert!(!reported.is_empty(), "seed 000 mentions the denial");
    assert!(reported.iter().all(|v| v == "reports"), "{reported:?}");
    let adopted = voices(&narratives(&b), "staged-atrocities");
    assert!(adopted.iter().any(|v| v == "adopts"), "{adopted:?}");
}

#[test]
fn seed_002_techniques_include_loaded_language_and_doubt_with_spans() {
    let Some(b) = seed("002") else { return };
    let out = common::run(&["analyze", &b]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = std::fs::read_to_string(&b).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let techniques = v["techniques"].as_array().unwrap();
    for label in ["Loaded_Language", "Doubt"] {
        let t = techniques.iter().find(|t| t["technique"] == label).unwrap_or_else(|| panic!("no {label}"));
        let (s, e) = (t["span"]["start"].as_u64().unwrap() as usize, t["span"]["end"].as_u64().unwrap() as usize);
        assert!(s < e && e <= chars.len());
        assert_eq!(chars[s..e].iter().collect::<String>(), t["span"]["text"].as_str().unwrap());
        assert!(!t["explanation"].as_str().unwrap().is_empty());
    }
}

#[test]
fn own_sentences_adopted_reported_and_a_user_catalogue() {
    let dir = std::env::temp_dir().join(format!("corroborate-narr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let article = dir.join("a.txt");
    std::fs::write(
        &article,
        "The minister said the laboratories were secret biolabs run by the Pentagon.\n\n\
         Everyone knows the so-called massacre was a staged provocation by the rebels.\n",
    )
    .unwrap();
    let v = narratives(article.to_str().unwrap());
    assert_eq!(voices(&v, "biolabs"), ["reports"]);
    assert_eq!(voices(&v, "staged-atrocities"), ["adopts"]);

    let catalogue = dir.join("mine.toml");
    std::fs::write(
        &catalogue,
        "[[narrative]]\nid = \"moon\"\nname = \"Moon landing faked\"\ndescription = \"d\"\npatterns = [\"moon landing\"]\nkeywords = [\"studio\"]\ncounter_evidence = [\"retroreflectors\"]\n",
    )
    .unwrap();
    std::fs::write(&article, "The moon landing was filmed in a studio.\n").unwrap();
    let out = common::run(&[
        "narratives",
        "--format",
        "jsonl",
        "--narratives",
        catalogue.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(voices(&v, "moon"), ["adopts"]);
    assert_eq!(v["narratives"][0]["counter_evidence"][0], "retroreflectors");

    std::fs::write(&catalogue, "[[narrative]]\nid = \"bad\"\nname = \"n\"\ndescription = \"d\"\npatterns = [\"(\"]\n")
        .unwrap();
    let out = common::run(&["narratives", "--narratives", catalogue.to_str().unwrap(), article.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"bad\""));
    let _ = std::fs::remove_dir_all(&dir);
}

/// An input that could not be read is no article found clean: `{"id": ..., "narratives": []}` for a
/// missing file read, in a pipeline, as "checked, no narrative".
#[test]
fn narratives_say_an_input_was_not_read_rather_than_clean() {
    let out = common::run(&["narratives", "--format", "jsonl", "no-such-file.txt", "examples/belmark-today.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> = common::stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0].get("narratives").is_none(), "{}", rows[0]);
    assert_eq!(rows[0]["diagnostics"][0]["message"], "no such file");
    assert!(!rows[1]["narratives"].as_array().unwrap().is_empty(), "{}", rows[1]);
    let text = common::stdout(&common::run(&["narratives", "no-such-file.txt"]));
    assert!(text.contains("not read: no such file") && !text.contains("no known narrative"), "{text}");
}

/// A catalogue that would match nothing, or match twice, is refused with exit 2 and a message naming
/// the file and the fault (an empty file, or `[[narratives]]` for `[[narrative]]`, read as a catalogue
/// of none: every article "no known narrative", exit 0).
#[test]
fn a_catalogue_with_no_narratives_a_stray_key_or_a_repeated_id_is_refused() {
    let one = "[[narrative]]\nid = \"x\"\nname = \"X\"\ndescription = \"d\"\nkeywords = [\"alpha\", \"beta\"]\n";
    let cases = [
        ("", "no narratives"),
        ("[[narratives]]\nid = \"x\"\nname = \"X\"\ndescription = \"d\"\n", "narratives"),
        (&*format!("{one}{one}"), "\"x\" is given to two narratives"),
    ];
    for (catalogue, says) in cases {
        let (_dir, path) = common::temp_file("catalogue.toml", catalogue);
        let out = common::run(&["narratives", "examples/belmark-today.txt", "--narratives", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{catalogue}: {err}");
        assert!(err.contains("catalogue.toml") && err.contains(says), "{catalogue}: {err}");
    }
    let (_dir, path) = common::temp_file("catalogue.toml", one);
    let out = common::run(&["narratives", "examples/belmark-today.txt", "--narratives", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Invented texts: a plain council report with quotes, and a rant about the same ferry timetable.
const FERRY_REPORT: &str = "Harbour Council Approves New Ferry Timetable After Long Debate

The Velmora harbour council on Tuesday approved a revised ferry timetable that adds two evening crossings to Tarn Island from next month, ending a dispute that had run since the spring.

Council member Odile Farrant, who opposed the plan, said the extra crossings would cost more than the budget allowed. \"We do not have the money for this, and the residents will pay for it,\" she said.

The harbour master, Piet Lorand, rejected the criticism. \"There was no overspending. The figures were checked twice,\" he told reporters after the vote.

Seven of the nine members voted in favour. Ticket prices will stay the same until the end of the year, according to the council's statement.

Ferry operator Blue Tern Lines said it would hire four more deck hands. Two of its older boats remain in dry dock for repairs and should return in March.

Passengers on the island welcomed the news. A shop owner in the village said the last boat at six o'clock had made evening trips to the mainland impossible.
";

const FERRY_RANT: &str = "The Ferry Scam: Who Really Profits?

They want you to believe the new ferry timetable is about helping islanders. But is any of it true? The so-called reform was cooked up by the same corrupt cabal of bureaucrats who have been bleeding our island dry for years.

These traitors laugh at you while they fill their pockets. And what about the mainland councillors? Nobody asks where their money comes from!

Wake up before it is too late! Tomorrow it will be your boat, your house, your children's future. The globalist elites will stop at nothing, and only fools still trust them.

Every honest islander knows the truth. Stand up for our island, stand up for our flag, and never let these crooks steal our freedom again!
";

fn shown_techniques(name: &str, text: &str) -> Vec<(String, String)> {
    let (_dir, path) = common::temp_file(name, text);
    let out = common::run(&["analyze", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["techniques"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["technique"].as_str().unwrap().to_string(), t["text"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn neutral_reporting_shows_no_lone_weak_findings_while_a_rant_keeps_its_own() {
    // the F1-tuned decoding finds "harbour master" and "rejected the criticism" here; neither
    // reaches the report bound, and the report is not dense with techniques
    let report = shown_techniques("ferry-report.txt", FERRY_REPORT);
    assert!(report.is_empty(), "{report:?}");
    let rant = shown_techniques("ferry-rant.txt", FERRY_RANT);
    assert!(rant.len() >= 5, "{rant:?}");
    for label in ["Loaded_Language", "Doubt"] {
        assert!(rant.iter().any(|(t, _)| t == label), "no {label} in {rant:?}");
    }
}
