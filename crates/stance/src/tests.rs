use super::*;
use corroborate_nlp::{entities, sentences, tokenize};

fn run(text: &str) -> VoiceStance {
    let toks = tokenize(text, &[]);
    let sents = sentences(text, &toks, &[]);
    let ents = entities(text, &toks, &sents);
    let found = corroborate_attribution::find(text, &toks, &sents, &ents, None);
    analyze(text, &toks, &sents, found)
}

fn att_stances(text: &str) -> Vec<(String, Stance, Vec<String>)> {
    run(text)
        .attributions
        .iter()
        .map(|a| {
            (
                a.cue.slice(text).to_string(),
                a.stance,
                a.markers.iter().map(|m| m.span.slice(text).to_string()).collect(),
            )
        })
        .collect()
}

fn statement_stances(text: &str) -> Vec<(String, Stance, Vec<String>)> {
    run(text)
        .statements
        .iter()
        .map(|s| {
            (
                s.span.slice(text).to_string(),
                s.stance,
                s.markers.iter().map(|m| m.span.slice(text).to_string()).collect(),
            )
        })
        .collect()
}

#[test]
fn neutral_cue_is_reported() {
    assert_eq!(att_stances("The mayor said the bridge was closed.")[0].1, Stance::Reported);
}

#[test]
fn distancing_cues_and_unverified() {
    let s = att_stances(
        "The governor claimed the dam was sabotaged. The minister said, without evidence, that rebels did it.",
    );
    assert_eq!(s[0].1, Stance::Distanced);
    assert_eq!(s[0].2, vec!["claimed"]);
    assert_eq!(s[1].1, Stance::Distanced, "{s:?}");
    assert!(s[1].2.contains(&"without evidence".to_string()), "{s:?}");
}

#[test]
fn refuted_by_adverb_or_next_sentence() {
    let s = att_stances("The governor falsely claimed the dam was sabotaged.");
    assert_eq!(s[0].1, Stance::Refuted, "{s:?}");
    let s = att_stances("The governor said the dam was sabotaged. There is no evidence of that.");
    assert_eq!(s[0].1, Stance::Refuted, "{s:?}");
    assert_eq!(s[0].2, vec!["no evidence"]);
}

#[test]
fn factive_cue_asserts() {
    assert_eq!(att_stances("Inspectors confirmed that the dam had cracked.")[0].1, Stance::Asserted);
}

#[test]
fn negated_cue_is_not_distancing() {
    for text in [
        "The mayor did not claim that the bridge was safe, officials said.",
        "The mayor didn't claim that the bridge was safe, officials said.",
        "The mayor never claimed that the bridge was safe, officials said.",
    ] {
        let s = att_stances(text);
        let claim = s.iter().find(|x| x.0.ends_with("claim") || x.0.ends_with("claimed")).expect(text);
        assert!(claim.0.starts_with("did") || claim.0.starts_with("never"), "the negation is the cue's: {s:?}");
        assert_ne!(claim.1, Stance::Distanced, "{s:?}");
    }
}

#[test]
fn negated_factive_cue_confirms_nothing() {
    let s = att_stances("The ministry could not confirm that the dam had been inspected in May.");
    assert_eq!(s[0].0, "could not confirm", "{s:?}");
    assert_eq!(s[0].1, Stance::Reported, "{s:?}");
}

#[test]
fn voice_statements_asserted_hedged_scare_quoted_and_refuted() {
    let st = statement_stances("Floodwater destroyed forty homes in the village of Osk on Monday. The council studied the purported failure of the levee. The so-called \"rescue plan\" was never published. The rumour that the dam was mined is false.");
    let find = |start: &str| st.iter().find(|s| s.0.starts_with(start)).unwrap_or_else(|| panic!("{start}: {st:?}"));
    assert_eq!(find("Floodwater").1, Stance::Asserted, "{st:?}");
    assert_eq!(find("The council").1, Stance::Distanced);
    assert_eq!(find("The council").2, vec!["purported"]);
    // the hedged phrase is a statement of its own
    assert_eq!(find("purported failure of the levee").1, Stance::Distanced);
    assert_eq!(find("The so-called").1, Stance::Distanced);
    assert!(find("The so-called").2.contains(&"\"rescue plan\"".to_string()), "{st:?}");
    assert_eq!(find("The rumour").1, Stance::Refuted);
}

#[test]
fn negated_hedge_does_not_distance() {
    let st = statement_stances("The damage to the homes was not alleged but measured by engineers.");
    assert_eq!(st[0].1, Stance::Asserted, "{st:?}");
    assert_eq!(st[0].2, vec!["not alleged"]);
}

#[test]
fn hedges_inside_reported_speech_are_the_voices_own() {
    let text = "The ministry claimed that rebels had staged the alleged flooding of the valley to blame the army.";
    let v = run(text);
    assert_eq!(v.attributions[0].stance, Stance::Distanced);
    let hedged: Vec<_> = v.statements.iter().map(|s| (s.span.slice(text), s.stance)).collect();
    assert!(hedged.contains(&("alleged flooding of the valley", Stance::Distanced)), "{hedged:?}");
}

#[test]
fn hedges_inside_direct_quotes_belong_to_the_speaker() {
    let text = "“They allegedly flooded the valley,” the minister said.";
    let v = run(text);
    assert!(v.statements.is_empty(), "{:?}", v.statements);
    assert_eq!(v.attributions[0].stance, Stance::Reported);
}

#[test]
fn clause_fragments_around_attributions_are_no_statements() {
    // a relative clause cut out by the attribution around it, and the subject of a cue whose source
    // the attribution stage left out, are not the voice's statements; a full clause is
    let text = "Belmark, which controls the river upstream, has denied any involvement in the collapse. \
                Engineers who inspected the dam last year had warned that cracks in its eastern wall were growing, \
                according to documents seen by the Herald. \
                Floodwater destroyed more than 200 homes and the only bridge out of the valley.";
    let got: Vec<String> = run(text).statements.iter().map(|s| s.span.slice(text).to_string()).collect();
    assert!(got.iter().all(|s| !s.contains("which controls") && !s.starts_with("Engineers")), "{got:?}");
    assert!(got.iter().any(|s| s.starts_with("Floodwater destroyed")), "{got:?}");
    let text = "The envoy while highlighting the disturbing images from the region said that aid must go on.";
    let got: Vec<String> = run(text).statements.iter().map(|s| s.span.slice(text).to_string()).collect();
    assert!(got.iter().all(|s| !s.starts_with("while")), "{got:?}");
    let text = "Despite the warnings from the engineers of the valley the minister said that the dam was safe.";
    assert!(run(text).statements.is_empty(), "a 'despite' phrase has no verb of its own");
    // where the attribution holds the main clause: an opening participle phrase and a condition are
    // its setting; a concessive clause states its content as true and stays
    let text = "In the meantime, joining other neighbours, Velkor has condemned the flooding of the valley.";
    let got: Vec<String> = run(text).statements.iter().map(|s| s.span.slice(text).to_string()).collect();
    assert!(got.iter().all(|s| !s.contains("joining")), "{got:?}");
    // and a setting opened by a preposition ("In a video posted on Monday") is no statement
    let text = "In a video posted on Monday morning, the mayor said that the town would be evacuated.";
    let got: Vec<String> = run(text).statements.iter().map(|s| s.span.slice(text).to_string()).collect();
    assert!(got.iter().all(|s| !s.starts_with("In a video")), "{got:?}");
    let text = "If the river rises again this week, the mayor said that the town would be evacuated.";
    let got: Vec<String> = run(text).statements.iter().map(|s| s.span.slice(text).to_string()).collect();
    assert!(got.iter().all(|s| !s.starts_with("If")), "{got:?}");
    let text = "Although the eastern dam held overnight, the mayor said that the town would be evacuated.";
    let got: Vec<String> = run(text).statements.iter().map(|s| s.span.slice(text).to_string()).collect();
    assert!(got.iter().any(|s| s.starts_with("Although the eastern dam held")), "{got:?}");
    // a relative pronoun whose clause an attribution holds is no part of the statement before it
    let text = "The footage does not show the blast at the depot, which firefighters say happened on a side street.";
    let got: Vec<String> = run(text).statements.iter().map(|s| s.span.slice(text).to_string()).collect();
    assert_eq!(got, ["The footage does not show the blast at the depot"]);
    let toks = tokenize("Engineers who inspected it and he was told that", &[]);
    let words: Vec<usize> = (0..toks.len()).collect();
    assert!(is_subject_phrase(&run_words(&toks, &words[..4])));
    assert!(!is_subject_phrase(&run_words(&toks, &words[5..])), "an auxiliary before 'that' makes a clause");
}

#[test]
fn calls_to_the_reader_are_not_statements() {
    let text = "The ferry resumed service to Gull Island on Monday after a week of storms.\n\n\
        Share your thoughts in the comments below.\n\nWatch the video of the crossing below.\n\n\
        WATCH: Ferry returns to Gull Island harbour.\n\nFollow Jane Roe on Twitter @janeroe.\n\n\
        Sign up for our newsletter to get the morning briefing.\n\n\
        Share prices of the ferry operator rose by a tenth on the news.\n\n\
        Download sales of the harbour app are counted in the weekly chart.\n\n\
        Read went to the harbour office with a petition signed by islanders.\n\n\
        For more, head to the harbour blog.\n\n(AP Photo/Jane Roe)\n\n\
        For more than a decade the ferry has run at a loss.\n\nCONTINUE READING THE MAIN STORY\n\n\
        View all photos in the harbour gallery.\n\nADD A COMMENT SEE ALL COMMENTS\n\n\
        View from the bridge of the ferry was cleared by the storm.";
    let found: Vec<String> = statement_stances(text).into_iter().map(|(s, _, _)| s).collect();
    for call in [
        "Share your",
        "Watch the",
        "WATCH",
        "Follow Jane",
        "Sign up",
        "For more,",
        "(AP",
        "AP Photo",
        "CONTINUE",
        "View all",
        "ADD",
    ] {
        assert!(!found.iter().any(|s| s.starts_with(call)), "{call}: {found:?}");
    }
    for claim in ["The ferry resumed", "Share prices", "Download sales", "Read went", "For more than", "View from"] {
        assert!(found.iter().any(|s| s.starts_with(claim)), "{claim}: {found:?}");
    }
}

#[test]
fn contact_lines_are_not_statements() {
    let text = "The ferry resumed service to Gull Island on Monday after a week of storms.\n\n\
        Contact Jane Roe: jroe@harbour-news.example or 555-0100.\n\n\
        To report problems or leave feedback on this article, email: desk@harbour.example.co.uk.\n\n\
        With News Wire Services\n\njroe@harbour.example Follow on Twitter @janeroe\n\n\
        Islanders gathered at the harbour office @ the quay on Friday for the first ferry.";
    let found: Vec<String> = statement_stances(text).into_iter().map(|(s, _, _)| s).collect();
    assert!(!found.iter().any(|s| s.contains('@') && !s.starts_with("Islanders")), "{found:?}");
    assert!(found.iter().any(|s| s.starts_with("The ferry resumed")), "{found:?}");
    assert!(found.iter().any(|s| s.starts_with("Islanders gathered")), "an @ without an address: {found:?}");
}

#[test]
fn script_left_in_a_page_is_no_statement() {
    let text = "The ferry resumed service on Monday after a week of storms.\n\n\
        google_ad_client = \"pub-1\"; google_ad_width = 468; google_ad_height = 60;\n\n\
        @media only screen and (min-width : 500px) {.promo { display: none; }}\n\n\
        J Roe (Osk, capt); M Vask (Velkor), T Lenz (Osk), D Kovic (Velkor), A Ruiz (Osk).\n\n\
        \"; fjs.parentNode.insertBefore(js, fjs); }(document, 'script', 'facebook-jssdk'))\n\n\
        [CDATA[ var n=Math.floor(Math.random()*11); $LAB.queueScript(\"widgets.js\")\n\n\
        The harbour master (Mr. Vask) said the ferry.com site would list the new times.";
    let found: Vec<String> = statement_stances(text).into_iter().map(|(s, _, _)| s).collect();
    assert!(!found.iter().any(|s| s.contains("google_ad") || s.contains("display")), "{found:?}");
    assert!(!found.iter().any(|s| s.contains("fjs") || s.contains("CDATA")), "{found:?}");
    assert!(found.iter().any(|s| s.starts_with("The ferry resumed")), "{found:?}");
    assert!(found.iter().any(|s| s.starts_with("J Roe")), "a line-up is not code: {found:?}");
}
