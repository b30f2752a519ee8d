//! A long text is analysed a part at a time ([`corroborate_engine::PART_BYTES`]): its cost grows
//! with its length, not with the square of it, and what a part finds is what that part alone gives.
use corroborate_engine::{analyze, parts, PART_BYTES};
use corroborate_model::Article;
use std::time::{Duration, Instant};

#[test]
fn parts_cover_the_text_and_end_at_paragraph_breaks() {
    let para = "The ferry to Velkor sailed late on Monday, the port authority said. Ümit Aksoy waited.\n\n";
    let text = para.repeat(40);
    let ps = parts(&text, 1000);
    assert!(ps.len() > 3);
    assert_eq!(ps[0].0, 0);
    assert_eq!(ps.last().unwrap().1, text.len());
    for w in ps.windows(2) {
        assert_eq!(w[0].1, w[1].0, "parts are consecutive");
    }
    for &(a, b) in &ps {
        assert!(b - a <= 1000 && b > a);
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        assert!(b == text.len() || text[..b].ends_with("\n\n"), "a part ends after a paragraph break");
    }
    // no breaks at all: cut at a space, else between characters, never inside one
    let words = "Ünal ".repeat(500);
    assert!(parts(&words, 100).iter().all(|&(a, b)| b - a <= 100 && words[..b].ends_with(' ')));
    let dense = "é".repeat(300);
    let ps = parts(&dense, 101);
    assert!(ps.iter().all(|&(a, b)| b - a <= 101 && dense.is_char_boundary(a) && dense.is_char_boundary(b)));
    assert_eq!(ps.last().unwrap().1, dense.len());
}

#[test]
fn a_long_text_gives_each_paragraph_what_it_gives_alone() {
    let para = "The dam above Osk burst on Monday night, the mayor Dana Kovic said. \
                \"We will rebuild every house,\" she told reporters in Velkor.\n\n";
    let copies = PART_BYTES / para.len() * 2 + 3;
    let text = para.repeat(copies);
    let alone = analyze(Article::new("p", para));
    let whole = analyze(Article::new("w", text.clone()));
    assert!(!alone.analysis.attributions.is_empty());
    assert_eq!(whole.analysis.attributions.len(), alone.analysis.attributions.len() * copies);
    for (k, a) in whole.analysis.attributions.iter().enumerate() {
        let b = &alone.analysis.attributions[k % alone.analysis.attributions.len()];
        assert_eq!(a.cue.slice(&text), b.cue.slice(para));
        assert_eq!(a.content.slice(&text), b.content.slice(para));
        assert_eq!(a.speaker, b.speaker);
    }
    assert_eq!(whole.analysis.sentences.len(), alone.analysis.sentences.len() * copies);
}

#[test]
fn a_text_of_nothing_but_quotes_and_cues_costs_its_length() {
    // 450 KB took 287 s of a release build when the whole text was one unit (cues every three
    // tokens, one sentence with no end); a part at a time, under a second
    let text = "\"he said ".repeat(50_000);
    let t = Instant::now();
    let a = analyze(Article::new("q", text));
    assert!(!a.analysis.attributions.is_empty());
    assert!(t.elapsed() < Duration::from_secs(120), "{:?}", t.elapsed());
}
