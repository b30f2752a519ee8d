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

/// A comparison of a story of thousands of like statements (the claims' clustering compares them
/// pairwise: half a minute here in a debug build, a 2 MB text took minutes in release) stops soon
/// after its caller sets the cancel flag (at 3 s, when the analysis is done and the clustering
/// under way), with no answer; unset, the flag changes nothing.
#[test]
fn a_cancelled_comparison_stops_soon() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let said = "Mayor Ilse Brandt said the Kellner dam broke. ".repeat(120);
    let texts: Vec<Article> = (0..25).map(|i| Article::new(format!("r{i}"), format!("Report {i}\n\n{said}"))).collect();
    let flag = AtomicBool::new(false);
    let small = vec![Article::new("a", "The mayor said the dam broke.")];
    let got = corroborate_engine::compare_cancellable(small.clone(), &flag).expect("not cancelled");
    assert_eq!(got, corroborate_engine::compare(small));
    let start = Instant::now();
    let out = std::thread::scope(|s| {
        s.spawn(|| {
            // (a release build is done with the analysis well before 0.3 s, and with the whole
            // comparison before 3 s)
            std::thread::sleep(Duration::from_millis(if cfg!(debug_assertions) { 3000 } else { 300 }));
            flag.store(true, Ordering::Relaxed);
        });
        corroborate_engine::compare_cancellable(texts, &flag)
    });
    assert!(out.is_none());
    assert!(start.elapsed() < Duration::from_secs(8), "stopped after {:?}", start.elapsed());
}
