//! What a report's content holds when two reports share a sentence: a report followed by ", the
//! paper reported" keeps its whole "that" clause, and the postposed report holds the first one
//! nested in it. Invented events.
use corroborate_model::Article;

/// (cue, content) of every attribution `analyze` finds in `text`.
fn contents(text: &str) -> Vec<(String, String)> {
    let a = corroborate_engine::analyze(Article::new("t", text.to_string()));
    let t = &a.article.text;
    a.analysis.attributions.iter().map(|x| (x.cue.slice(t).to_string(), x.content.slice(t).to_string())).collect()
}

#[test]
fn a_report_before_a_postposed_report_keeps_its_clause() {
    let got = contents(
        "The Ostrian official said that the woman is the wife of the rebel leader Ion Vadu, the Velk Courier reported.",
    );
    assert!(
        got.iter().any(|(c, x)| c == "said" && x == "that the woman is the wife of the rebel leader Ion Vadu"),
        "{got:?}"
    );
}

#[test]
fn a_postposed_report_holds_the_report_it_crosses() {
    let got = contents(
        "An Ostrian official today denied that a woman detained in Velk yesterday is the wife of the rebel \
         leader Ion Vadu, as confusion continues over the identity of a woman captured by the army near the \
         border, the Velk Courier reported.",
    );
    assert!(
        got.iter().any(|(c, x)| c == "denied" && x.starts_with("that a woman detained in Velk yesterday is the wife")),
        "{got:?}"
    );
    assert!(got.iter().any(|(c, x)| c == "reported" && x.starts_with("An Ostrian official today denied")), "{got:?}");
}
