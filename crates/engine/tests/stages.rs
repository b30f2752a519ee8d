//! `analyze_with` runs only the stages asked for, with the ones they need, and leaves the others'
//! fields empty; what it does run gives the same findings as the full analysis.
use corroborate_engine::{analyze, analyze_with, Stages};
use corroborate_model::Article;

/// (the last paragraph adopts "staged by the victims" in the outlet's own voice, so all the decoded
/// technique findings are shown: see `corroborate_techniques::shown`)
const TEXT: &str = "The so-called inquiry into the fire at the Osk depot is a shameful farce, the mayor \
    Lena Varga said on Monday. \"We will rebuild every warehouse,\" she told reporters. Officials \
    in Dorn insisted that the fire had been staged by the victims themselves.\n\nThe so-called \
    massacre at Osk was staged by the victims themselves, a cynical provocation by the regime's \
    puppets. The Western media swallowed the lies whole. Wake up: the bodies were actors, the photos \
    were faked, and the whole shameful farce was invented to justify more sanctions.";

fn article() -> Article {
    Article::new("a", TEXT.to_string())
}

#[test]
fn attribution_alone_brings_its_entities_and_nothing_else() {
    let full = analyze(article()).analysis;
    assert!(!full.attributions.is_empty() && !full.techniques.is_empty(), "the text exercises both stages");
    let only = Stages { attribution: true, ..Stages::NONE };
    assert_eq!(only.closed().names(), ["entities", "attribution"]);
    let part = analyze_with(article(), only).analysis;
    assert_eq!(part.attributions, full.attributions);
    assert_eq!(part.statements, full.statements);
    assert_eq!(part.entities, full.entities);
    assert_eq!(part.sentences, full.sentences);
    assert!(part.techniques.is_empty() && part.narratives.is_empty());
}

#[test]
fn techniques_alone_skip_entities_and_attribution() {
    let full = analyze(article()).analysis;
    // (which the techniques work out unseen: the article adopts a narrative)
    assert!(full.narratives.iter().any(|n| n.voice == "adopts"), "{:?}", full.narratives);
    let part = analyze_with(article(), Stages { techniques: true, ..Stages::NONE }).analysis;
    assert_eq!(part.techniques, full.techniques);
    assert!(part.entities.is_empty() && part.attributions.is_empty() && part.statements.is_empty());
    assert!(part.narratives.is_empty());
}

#[test]
fn narratives_bring_attribution_and_entities() {
    let closed = Stages { narratives: true, ..Stages::NONE }.closed();
    assert_eq!(closed.names(), ["entities", "attribution", "narratives"]);
    let full = analyze(article()).analysis;
    assert_eq!(analyze_with(article(), closed).analysis.narratives, full.narratives);
}
