//! `compare` relates claims across outlets: a denial of involvement contradicts the accusation it
//! answers, a denial that only points at "the accusation" sides with it, and one speaker's own words
//! are never a contradiction. Invented events.
use corroborate_model::{Article, EvidenceRef, Relation};

fn evidence_text(cmp: &corroborate_model::Comparison, e: &EvidenceRef) -> String {
    let (a, span) = match *e {
        EvidenceRef::Attribution { article, index } => {
            (article, cmp.articles[article].analysis.attributions[index].content)
        }
        EvidenceRef::Statement { article, index } => (article, cmp.articles[article].analysis.statements[index].span),
    };
    span.slice(&cmp.articles[a].article.text).to_string()
}

#[test]
fn a_denial_of_involvement_contradicts_the_accusation() {
    let articles = vec![
        Article::new(
            "a",
            "Arvian leader vows inquiry into ferry blast\n\nPresident Mirela Voss said on Tuesday that \
             investigators would examine the blast at the Osk ferry terminal. \"We will find who did this,\" \
             Voss told reporters. Dmitry Orlov, the Belmark government spokesman, said Belmark had nothing \
             to do with it."
                .to_string(),
        ),
        Article::new(
            "b",
            "Belmark rejects blame for ferry blast\n\nArvia's president, Mirela Voss, accused Belmark of the \
             attack on the Osk ferry terminal. Government spokesman Dmitri Orlov rejected the accusation. \
             \"This is absurd,\" Orlov said. Voss later repeated the charge in a video address."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(cmp.stories.len(), 1);
    let claims = &cmp.stories[0].claims;
    let texts = |c: &corroborate_model::Claim| c.evidence.iter().map(|e| evidence_text(&cmp, e)).collect::<Vec<_>>();
    let contradictions: Vec<(usize, usize, &str)> = claims
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            c.relations
                .iter()
                .filter(|r| r.relation == Relation::Contradicts)
                .map(move |r| (i, r.claim, r.reason.as_str()))
        })
        .filter(|(i, j, _)| i < j)
        .collect();
    // exactly one: the accusation against the denials; not the inquiry against the headline's rejection
    // of blame, not Orlov's "This is absurd" against his own rejection
    assert_eq!(contradictions.len(), 1, "{contradictions:?}\n{:#?}", claims.iter().map(texts).collect::<Vec<_>>());
    let (x, y, reason) = contradictions[0];
    let (accusation, denial) =
        if texts(&claims[x]).iter().any(|t| t.contains("nothing to do")) { (y, x) } else { (x, y) };
    let accusations = texts(&claims[accusation]);
    assert!(accusations.iter().any(|t| t == "Belmark of the attack on the Osk ferry terminal"), "{accusations:?}");
    // "repeated the charge" repeats the accusation
    assert!(accusations.iter().any(|t| t == "the charge in a video address"), "{accusations:?}");
    let denials = texts(&claims[denial]);
    assert!(denials.iter().any(|t| t == "Belmark had nothing to do with it"), "{denials:?}");
    assert!(denials.iter().any(|t| t == "the accusation"), "{denials:?}");
    assert!(reason.contains("nothing to do with") && reason.contains("rejected"), "{reason}");
    // a claim named by a scrap of content carries its source and cue
    assert!(
        claims.iter().any(|c| c.summary.starts_with("Arvia's president, Mirela Voss, accused Belmark")),
        "{:?}",
        claims.iter().map(|c| &c.summary).collect::<Vec<_>>()
    );
}
