//! An article in a language corroborate does not read gets no English findings, and says why;
//! English articles, and a page that declares the wrong language, are read as they are.
use corroborate_model::{Article, Level};

/// An invented event, in our own words: Russian prose with a quote and reported speech.
const RUSSIAN: &str = "Министерство обороны Бельмарка заявило, что кадры из деревни Оск являются постановкой.\n\n\
    «Это очередная провокация», — сказал официальный представитель министерства Петр Васк.\n\n\
    По данным министерства, ни один местный житель не пострадал при прорыве плотины.";

const ENGLISH: &str = "The Belmark Defence Ministry said the footage from the village of Osk was staged.\n\n\
    \"This is another provocation,\" the ministry's spokesman Petr Vask said at a briefing on Monday.\n\n\
    The ministry claimed that no resident of the valley had been hurt when the dam burst.";

#[test]
fn a_russian_article_is_named_as_such_and_gets_no_english_findings() {
    let a = corroborate_engine::analyze(Article::new("ru", RUSSIAN));
    assert_eq!(a.article.meta.language.as_deref(), Some("ru"));
    assert!(a.analysis.attributions.is_empty() && a.analysis.statements.is_empty(), "{:?}", a.analysis.statements);
    assert!(a.analysis.techniques.is_empty() && a.analysis.narratives.is_empty());
    // names and sentences are still read: they group articles into stories
    assert!(!a.analysis.sentences.is_empty() && !a.analysis.entities.is_empty());
    let warning = a.article.diagnostics.iter().find(|d| d.level == Level::Warning).expect("a warning says why");
    assert!(warning.message.contains("Russian") && warning.message.contains("reads English"), "{}", warning.message);
    assert!(!a.article.failed(), "a warning, not a failure");
}

#[test]
fn english_is_read_whatever_the_input_declares() {
    let plain = corroborate_engine::analyze(Article::new("en", ENGLISH));
    assert_eq!(plain.article.meta.language.as_deref(), Some("en"));
    assert!(!plain.analysis.attributions.is_empty());
    assert!(plain.article.diagnostics.is_empty(), "{:?}", plain.article.diagnostics);
    // a page of an outlet whose site declares German for every page
    let mut declared = Article::new("de", ENGLISH);
    declared.meta.language = Some("de".into());
    let d = corroborate_engine::analyze(declared);
    assert_eq!(d.article.meta.language.as_deref(), Some("en"));
    assert_eq!(d.analysis.attributions, plain.analysis.attributions);
    assert!(d
        .article
        .diagnostics
        .iter()
        .any(|x| x.level == Level::Info && x.message.contains("declares language \"de\"")));
}

#[test]
fn a_declared_language_stands_where_the_text_is_too_short_to_tell() {
    let mut a = Article::new("short", "Petr Vask sagte: \"Nein.\"");
    a.meta.language = Some("de-AT".into());
    let a = corroborate_engine::analyze(a);
    assert_eq!(a.article.meta.language.as_deref(), Some("de-AT"));
    assert!(a.analysis.attributions.is_empty());
    assert!(a.article.diagnostics.iter().any(|d| d.message.contains("German (as the input declares it)")));
}
