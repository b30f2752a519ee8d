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
