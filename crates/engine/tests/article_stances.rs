//! The learned whole-article stance gives sentences as its evidence: never with a date line or
//! byline that opens them.
use corroborate_model::{Article, MetaKind, MetaSpan, Span};

#[test]
fn article_stance_evidence_leaves_out_metadata_lines() {
    let a = " date 2031-03-02 The dam above Osk burst on Monday night and flooded the lower valley, killing \
             twelve people. Dana Kovic, the mayor of Osk, said rescue teams had reached every street of the \
             flooded valley by morning. Engineers inspected the broken dam wall above Osk.";
    let b = "Twelve people died when the dam above Osk burst and flooded the valley, the mayor Dana Kovic said. \
             Rescue teams reached the flooded streets of Osk by morning. Engineers said the dam wall had cracked.";
    let mut first = Article::new("a", a);
    let date = Span::new(1, 16);
    assert_eq!(date.slice(a), "date 2031-03-02");
    first.meta_spans.push(MetaSpan { kind: MetaKind::Dateline, span: date, value: Some("2031-03-02".into()) });
    let cmp = corroborate_engine::compare(vec![first, Article::new("b", b)]);
    let evidence: Vec<&Span> = cmp
        .stories
        .iter()
        .flat_map(|s| &s.claims)
        .flat_map(|c| &c.article_stances)
        .filter(|st| st.article == 0)
        .flat_map(|st| &st.evidence)
        .collect();
    assert!(!evidence.is_empty(), "the model gives evidence from article a");
    for e in evidence {
        assert!(!e.overlaps(&date), "evidence takes in the date line: {:?}", e.slice(a));
        assert!(!e.slice(a).starts_with(' '), "evidence opens with the blanked line: {:?}", e.slice(a));
    }
}
