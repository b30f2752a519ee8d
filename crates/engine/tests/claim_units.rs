//! What becomes a claim: a reported content of one word ("Soon.", "chuckling") states no proposition
//! and makes no claim, unless it denies or accuses ("Belmark denied involvement").
use corroborate_model::{Article, Comparison, EvidenceRef};

fn claim_texts(cmp: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    for story in &cmp.stories {
        for claim in &story.claims {
            for r in &claim.evidence {
                let text = match *r {
                    EvidenceRef::Attribution { article, index } => {
                        let a = &cmp.articles[article];
                        a.analysis.attributions[index].content.slice(&a.article.text).to_string()
                    }
                    EvidenceRef::Statement { article, index } => {
                        let a = &cmp.articles[article];
                        a.analysis.statements[index].span.slice(&a.article.text).to_string()
                    }
                };
                out.push(text);
            }
        }
    }
    out
}

#[test]
fn a_one_word_answer_is_no_claim_but_a_denial_is() {
    let a = "The inquiry into the Varna Ridge dam collapse opened in Osk on Monday. Asked when the dam \
             would be rebuilt, the minister Dana Kovic said: \u{201c}Soon.\u{201d} The minister said the inquiry \
             would report in May. Engineers said the eastern wall had cracked years ago. Belmark denied involvement.";
    let b = "An inquiry into the collapse of the Varna Ridge dam began in Osk on Monday. Dana Kovic said the \
             inquiry would report in May. Engineers said the eastern wall of the dam had cracked years ago.";
    let cmp = corroborate_engine::compare(vec![Article::new("a", a), Article::new("b", b)]);
    let texts = claim_texts(&cmp);
    let said_no = cmp.articles[0]
        .analysis
        .attributions
        .iter()
        .any(|at| at.content.slice(a).trim_matches(|c: char| !c.is_alphanumeric()) == "Soon");
    assert!(said_no, "the answer is read as Kovic's: {:?}", cmp.articles[0].analysis.attributions);
    assert!(!texts.iter().any(|t| t.trim_matches(|c: char| !c.is_alphanumeric()) == "Soon"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "involvement"), "a one-word denial stays a claim: {texts:?}");
    assert!(texts.iter().any(|t| t.contains("would report in May")), "{texts:?}");
}

/// The claim that holds an attribution whose content is `content`, with whether it disputes another.
fn claim_of<'a>(cmp: &'a Comparison, content: &str) -> Option<(&'a corroborate_model::Claim, bool)> {
    cmp.stories.iter().flat_map(|s| &s.claims).find_map(|c| {
        c.evidence
            .iter()
            .any(|r| match *r {
                EvidenceRef::Attribution { article, index } => {
                    let a = &cmp.articles[article];
                    a.analysis.attributions[index].content.slice(&a.article.text).contains(content)
                }
                _ => false,
            })
            .then(|| (c, c.relations.iter().any(|r| r.disputes)))
    })
}

#[test]
fn a_negated_cue_a_ploy_to_blame_and_a_faulted_story_dispute_and_one_content_is_one_unit() {
    let a = "Soldiers killed fourteen villagers in Osk on Friday, survivors said. The killings in Osk were \
             confirmed by the Arvian interior ministry on Saturday, and the bodies of the villagers were shown \
             to reporters.";
    let b = "Belmark's foreign ministry said the killings of villagers in Osk were a lie. Notably, the town's \
             mayor did not mention any killings in his address. The ministry insisted that the same \
             tactics had been used by Arvia to blame Belmark for the killings of villagers in Osk. A ministry \
             spokesman pointed out inconsistencies in the Arvian story of the killings. According to reliable \
             sources, no soldiers entered Osk, spokesman Petr Vask insisted.";
    let cmp = corroborate_engine::compare(vec![Article::new("a", a), Article::new("b", b)]);
    let (_, mayor) = claim_of(&cmp, "any killings in his address").expect("the mayor's words are a claim");
    assert!(mayor, "\"the mayor | did not mention | any killings\" disputes the killings");
    let (_, ploy) = claim_of(&cmp, "same tactics had been used").expect("the ministry's words are a claim");
    assert!(ploy, "tactics used to blame Belmark dispute the killings");
    let (_, story) = claim_of(&cmp, "inconsistencies in the Arvian story").expect("a claim");
    assert!(story, "inconsistencies in a story dispute it");
    // "according to reliable sources ..., Vask insisted": one unit (Vask's), said by both
    let (claim, _) = claim_of(&cmp, "no soldiers entered Osk").expect("Vask's words are a claim");
    let atts = &cmp.articles[1].analysis.attributions;
    let same = atts.iter().filter(|t| t.content.slice(b).contains("no soldiers entered Osk")).count();
    assert_eq!(same, 2, "two attributions of one content: {atts:?}");
    let units = claim
        .evidence
        .iter()
        .filter(|r| match **r {
            EvidenceRef::Attribution { article: 1, index } => {
                atts[index].content.slice(b).contains("no soldiers entered")
            }
            _ => false,
        })
        .count();
    assert_eq!(units, 1, "{:?}", claim.evidence);
    assert!(claim.speakers.iter().any(|s| s.contains("Vask")), "{:?}", claim.speakers);
    assert!(claim.speakers.iter().any(|s| s.contains("sources")), "{:?}", claim.speakers);
}
