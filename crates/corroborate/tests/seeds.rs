//! The founding pair (../shared/seeds): the facts the foundation issue asks for, checked on the JSON.
mod common;
use serde_json::Value;

fn seeds() -> Option<Vec<String>> {
    let Some(shared) = common::shared() else {
        eprintln!("SKIP: ../shared/seeds is absent; the seed test needs the founding articles beside the repository");
        return None;
    };
    let mut files: Vec<String> = std::fs::read_dir(shared.join("seeds"))
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    (files.len() >= 2).then_some(files)
}

fn attributions_by(article: &Value, speaker: &str) -> Vec<Value> {
    article["attributions"].as_array().unwrap().iter().filter(|a| a["speaker"] == speaker).cloned().collect()
}

#[test]
fn seeds_tell_one_story_with_the_right_speakers_claims_and_stances() {
    let Some(files) = seeds() else { return };
    let mut args = vec!["compare", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = common::run(&args);
    assert!(out.status.code() == Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let arts = v["articles"].as_array().unwrap();
    let (a, b) = (&arts[0], &arts[1]); // 000 reports the killings, 002 relays the staging claim
    assert_eq!(v["stories"].as_array().unwrap().len(), 1, "both seeds are one story");
    assert_eq!(a["story"], b["story"]);
    // 002's date line "04/06/2022" reads either way; 000, of the same story, is dated 2022-04-06
    assert_eq!(b["meta"]["published"], "2022-04-06", "the story settles 002's ambiguous date");
    assert!(b["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["level"] == "info" && d["message"].as_str().unwrap().contains("read as 2022-04-06 (month/day)")));

    // Speakers, one canonical name across spellings, with evidence spans.
    for (art, speaker) in [
        (a, "Volodymyr Zelenskyy"),
        (b, "Volodymyr Zelenskyy"),
        (a, "Emmanuel Macron"),
        (b, "Igor Konashenkov"),
        (a, "Russian Defence Ministry"),
        (b, "Russian Defence Ministry"),
        (b, "Joe Biden"),
    ] {
        let found = attributions_by(art, speaker);
        assert!(!found.is_empty(), "{speaker} is a speaker in {}", art["id"]);
        for f in &found {
            let text = art["text"].as_str().unwrap();
            let cue = &f["cue"];
            let chars: String = text
                .chars()
                .skip(cue["start"].as_u64().unwrap() as usize)
                .take((cue["end"].as_u64().unwrap() - cue["start"].as_u64().unwrap()) as usize)
                .collect();
            assert_eq!(chars, cue["text"].as_str().unwrap(), "cue offsets are code points");
        }
    }
    // Zelenskiy in 002 is the same canonical entity as Zelenskyy in 000.
    assert!(b["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["text"] == "Volodymyr Zelenskiy" && e["canonical"] == "Volodymyr Zelenskyy"));

    // The killings claim and the staging claim contradict each other.
    let story = &v["stories"][0];
    let claims = story["claims"].as_array().unwrap();
    let stance_of = |claim: &Value, art: &Value| {
        claim["stances"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["article"] == art["id"])
            .map(|s| s["stance"].as_str().unwrap().to_string())
    };
    let evidence_text = |claim: &Value| -> String {
        let mut t = String::new();
        for r in claim["attributions"].as_array().unwrap() {
            let art = arts.iter().find(|x| x["id"] == r["article"]).unwrap();
            t.push_str(art["attributions"][r["index"].as_u64().unwrap() as usize]["content"]["text"].as_str().unwrap());
            t.push(' ');
        }
        for r in claim["statements"].as_array().unwrap() {
            let art = arts.iter().find(|x| x["id"] == r["article"]).unwrap();
            t.push_str(art["statements"][r["index"].as_u64().unwrap() as usize]["span"]["text"].as_str().unwrap());
            t.push(' ');
        }
        t.to_lowercase()
    };
    let killing = claims
        .iter()
        .find(|c| {
            stance_of(c, a).as_deref() == Some("asserted")
                && stance_of(c, b).as_deref() == Some("distanced")
                && evidence_text(c).contains("killings")
        })
        .expect("a killings claim 000 asserts and 002 distances itself from");
    let staging = claims
        .iter()
        .find(|c| {
            evidence_text(c).contains("staged")
                && stance_of(c, a).as_deref() == Some("reported")
                && stance_of(c, b).as_deref() == Some("reported")
        })
        .expect("a staging claim both report");
    let staging_id = staging["id"].clone();
    let relation = killing["relations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["claim"] == staging_id && r["relation"] == "contradicts")
        .expect("killings and staging contradict");
    // where they meet: evidence from both articles, the killings side first
    let meet = relation["evidence"].as_array().expect("the evidence where the two claims meet");
    assert_eq!(meet.len(), 2, "{meet:?}");
    assert!(meet[0]["article"] != meet[1]["article"], "{meet:?}");
    let in_claim = |claim: &Value, e: &Value| {
        let (list, index) = match e.get("attribution") {
            Some(i) => ("attributions", i),
            None => ("statements", &e["statement"]),
        };
        claim[list].as_array().unwrap().iter().any(|r| r["article"] == e["article"] && r["index"] == *index)
    };
    assert!(in_claim(killing, &meet[0]) && in_claim(staging, &meet[1]), "{meet:?}");
    // 002 distances itself with "alleged" and "purported"
    let markers: Vec<String> = killing["stances"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["article"] == b["id"])
        .flat_map(|s| s["markers"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap().to_lowercase()))
        .collect();
    assert!(markers.iter().any(|m| m == "alleged") && markers.iter().any(|m| m == "purported"), "{markers:?}");
    // the staging claim carries the known narrative through 002's evidence, and the report says so
    let carried: Vec<&Value> = staging["narratives"]
        .as_array()
        .expect("the staging claim's narratives")
        .iter()
        .filter(|n| n["narrative"] == "staged-atrocities")
        .flat_map(|n| n["articles"].as_array().unwrap())
        .collect();
    assert_eq!(carried, [&b["id"]], "{}", staging["narratives"]);
    // 000 reports Russia's denial
    assert!(a["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["cue"]["text"] == "deny" && x["stance"] == "reported"));
    // the learned whole-article stance never calls an article unrelated to a claim it states
    // (002 was "unrelated" to the staging claim its ministry briefing makes, 2026-12-05)
    for claim in claims {
        for st in claim["article_stances"].as_array().unwrap() {
            let states = claim["stances"].as_array().unwrap().iter().any(|s| s["article"] == st["article"]);
            assert!(
                !(states && st["stance"] == "unrelated"),
                "{} states claim {:?} but is called unrelated to it",
                st["article"],
                claim["summary"]
            );
        }
    }
    assert!(staging["article_stances"].as_array().unwrap().iter().all(|st| st["stance"] != "unrelated"));
    // a claim is named with its subject: 002's "Ukraine distributed graphic footage ..." was
    // "distributed graphic footage ..." ("Ukraine" is the source of the "saying that" after it)
    let summaries: Vec<&str> = claims.iter().map(|c| c["summary"].as_str().unwrap()).collect();
    assert!(summaries.iter().any(|s| s.contains("Ukraine distributed graphic footage")), "{summaries:?}");
    assert!(!summaries.iter().any(|s| s.starts_with("distributed")), "{summaries:?}");
    // who says a claim: not "the West", whose "has already decided who to blame" is an act the
    // outlet reports, nor the local mayor, whose silence ("didn't mention any killings") Moscow cites
    for claim in claims {
        let by: Vec<&str> = claim["speakers"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert!(!by.iter().any(|s| *s == "West" || s.contains("mayor")), "{by:?} for {:?}", claim["summary"]);
    }
}

/// The text report shows a whole-article label from the learned FNC-1 model only where the model
/// is sure enough to be right four times in five on held-out pairs: 000 carries the ministry's
/// claim that the photos were faked only to report it, and was shown "agreeing" with it (score
/// 0.71, a band where held-out "agree" was right 65% of the time).
#[test]
fn seed_report_shows_no_unsure_learned_agreement_with_the_faked_photos() {
    let Some(files) = seeds() else { return };
    let mut args = vec!["compare", "--color", "never"];
    args.extend(files.iter().map(String::as_str));
    let out = common::run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let claim = text.split("\n    C").find(|c| c.contains("have been faked by the Ukrainian government")).expect(&text);
    let whole = claim.lines().find(|l| l.contains("whole article")).unwrap_or("");
    assert!(!whole.contains("A agree"), "{whole}");
}
