//! `compare` gives one canonical speaker across a run: a capital that speaks ("Moscow insists") is its
//! country's government, the same speaker as the country named outright; spellings of one name
//! ("Dmitri" / "Dmitry", "Kostenkiy" / "Kostenkyy") are one speaker, and so are unnamed speakers
//! written with a capital only where they open a headline ("Say Residents" / "residents told").
use corroborate_model::{Article, MetaKind, MetaSpan, Span};
use std::collections::HashSet;

/// The speakers of every attribution after `compare`, in order.
fn speakers_of(articles: Vec<Article>) -> Vec<String> {
    let cmp = corroborate_engine::compare(articles);
    cmp.articles
        .iter()
        .flat_map(|a| a.analysis.attributions.iter().filter_map(|t| t.speaker.as_ref().map(|s| s.name.clone())))
        .collect()
}

#[test]
fn a_speaking_capital_is_its_country() {
    let articles = vec![
        Article::new(
            "a",
            "Bodies were found in the town of Osk after the troops left. Russia denied that its soldiers \
             had been in Osk. Moscow insists that the images were staged, the ministry said."
                .to_string(),
        ),
        Article::new(
            "b",
            "Residents of Osk buried their dead on Sunday. Moscow said the images from Osk were staged \
             for Western media. Paris said it would send investigators to Osk."
                .to_string(),
        ),
    ];
    let speakers = speakers_of(articles);
    assert!(speakers.iter().filter(|s| *s == "Russia").count() >= 2, "{speakers:?}");
    assert!(speakers.iter().all(|s| s != "Moscow" && s != "Paris"), "{speakers:?}");
    assert!(speakers.iter().any(|s| s == "France"), "{speakers:?}");
}

#[test]
fn transliterations_and_missed_names_are_one_speaker() {
    let articles = vec![
        Article::new(
            "a",
            "Dmitry Orlov, the Belmark government spokesman, said the ferry had left on time. \
             Volodymyr Kostenkyy said the crew was safe."
                .to_string(),
        ),
        Article::new(
            "b",
            "Government spokesman Dmitri Orlov said the ferry left late. \"Nobody was hurt,\" Orlov said. \
             Kostenkiy later repeated the figure."
                .to_string(),
        ),
    ];
    let speakers = speakers_of(articles);
    assert_eq!(speakers.iter().filter(|s| *s == "Dmitry Orlov").count(), 3, "{speakers:?}");
    assert_eq!(speakers.iter().filter(|s| *s == "Volodymyr Kostenkyy").count(), 2, "{speakers:?}");
}

#[test]
fn a_surname_each_article_resolved_keeps_its_person() {
    // two people share a surname across the run; each article names its own in full first
    let articles = vec![
        Article::new(
            "a",
            "Mila V. Dorn, the mayor of Osk, opened the dam on Monday. \"The water is safe,\" Dorn said.".to_string(),
        ),
        Article::new("b", "Petr Dorn, an engineer, inspected the dam. Dorn said the gates had rusted.".to_string()),
    ];
    let speakers = speakers_of(articles);
    assert_eq!(speakers, ["Mila V. Dorn", "Petr Dorn"], "{speakers:?}");
}

/// "The Arvian government has refused to let observers visit" is the outlet's own accusation: the
/// sentence is its statement, kept among the acts, and the government is no speaker of it.
#[test]
fn an_act_is_the_outlets_statement_not_a_quote() {
    let text = "Title: Dam\n\nThe Arvian government has refused to let independent observers visit the site. \
                The minister said the dam was safe.";
    let a = corroborate_engine::analyze(Article::new("a", text.to_string()));
    let speakers: Vec<&str> =
        a.analysis.attributions.iter().filter_map(|t| t.speaker.as_ref().map(|s| s.name.as_str())).collect();
    assert!(!speakers.iter().any(|s| s.contains("government")), "{speakers:?}");
    assert_eq!(a.analysis.acts.len(), 1);
    assert_eq!(a.analysis.acts[0].cue.slice(text), "has refused");
    let statements: Vec<&str> = a.analysis.statements.iter().map(|s| s.span.slice(text)).collect();
    assert!(
        statements.contains(&"The Arvian government has refused to let independent observers visit the site"),
        "{statements:?}"
    );
}

#[test]
fn unnamed_speakers_capitalised_in_a_headline_are_those_in_lower_case() {
    let headline = "Vesk Outbreak Was Staged, Say Residents";
    let mut first = Article::new(
        "a",
        format!("{headline}\n\nThe cholera outbreak in Vesk was staged by the health board, residents told the Free Vesk Voice on Monday."),
    );
    // the headline as a reader marks it
    first.meta_spans.push(MetaSpan { kind: MetaKind::Title, span: Span::new(0, headline.len()), value: None });
    let articles = vec![
        first,
        Article::new(
            "b",
            "Cholera in Vesk\n\nResidents said the health board had invented the outbreak. Doctors said \
             19 patients had cholera."
                .to_string(),
        ),
    ];
    let speakers = speakers_of(articles);
    assert!(speakers.iter().filter(|s| *s == "residents").count() >= 3, "{speakers:?}");
    assert!(speakers.iter().all(|s| s != "Residents"), "{speakers:?}");
    // a plural English writes in lower case names no one where it opens a sentence
    assert!(speakers.iter().any(|s| s == "doctors"), "{speakers:?}");
}

/// A body named with its country's possessive, its adjective or "of" the country is one speaker,
/// also for a country no lexicon knows, where the run names it ("Drevnia's" and "Drevnian"); the
/// adjective names it.
#[test]
fn a_body_of_a_country_is_one_speaker_however_its_country_is_written() {
    let articles = vec![
        Article::new(
            "a",
            "A blackout left Port Alder without power for nine hours on Tuesday. Investigators traced the \
             attack to hackers in Drevnia. Drevnia's foreign ministry denied any involvement. The foreign \
             ministry of Russia said it had no information."
                .to_string(),
        ),
        Article::new(
            "b",
            "Power returned to Port Alder on Wednesday after the blackout. The Drevnian foreign ministry \
             said on Wednesday that Drevnia had nothing to do with the outage. Russia's foreign ministry \
             said it was following events."
                .to_string(),
        ),
    ];
    let speakers = speakers_of(articles);
    assert_eq!(speakers.iter().filter(|s| *s == "Drevnian foreign ministry").count(), 2, "{speakers:?}");
    assert_eq!(speakers.iter().filter(|s| s.contains("ministry") && s.contains("Russia")).count(), 2, "{speakers:?}");
    let russian: HashSet<&String> = speakers.iter().filter(|s| s.contains("Russia")).collect();
    assert_eq!(russian.len(), 1, "{speakers:?}");
}

/// Speakers named together ("Dmitri Orlov and Volodymyr Kostenkyy said") are named as the run
/// names each of them.
#[test]
fn speakers_named_together_are_named_as_the_run_names_each() {
    let articles = vec![
        Article::new("a", "Dmitri Orlov and Volodymyr Kostenkyy said the ferry had left on time.".to_string()),
        Article::new(
            "b",
            "Dmitry Orlov said the ferry left late. Dmitry Orlov, a spokesman, later repeated the figure.".to_string(),
        ),
    ];
    let speakers = speakers_of(articles);
    assert_eq!(speakers[0], "Dmitry Orlov and Volodymyr Kostenkyy", "{speakers:?}");
}
