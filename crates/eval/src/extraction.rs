//! The article-extraction metric of the scrapinghub article-extraction-benchmark, exactly as
//! `../shared/eval/README.md` and `../shared/peer/extraction_score.py` define it.
//!
//! Per page, gold and predicted bodies become multisets of word 4-grams ("shingles"; words are the
//! matches of Python's `\w+`, case kept; a text of one to three words is one shorter shingle). TP is
//! the shared count, FP predicted-only, FN gold-only. Precision is the mean over pages with
//! TP + FP > 0 of TP / (TP + FP), taken as 1.0 when FP = FN = 0; recall likewise over pages with
//! TP + FN > 0; F1 is the harmonic mean of the two means.
//!
//! ```
//! use corroborate_eval::extraction::{score, PageScore};
//! let pages = [PageScore::new("one two three four five", "one two three four five six")];
//! let s = score(&pages);
//! assert_eq!(s.recall, 1.0);
//! assert!((s.precision - 2.0 / 3.0).abs() < 1e-9);
//! ```
use regex::Regex;
use std::sync::OnceLock;

const N: usize = 4;

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Python's `\w` on str: alphanumeric (letters of any category L, numbers of any category N) or `_`.
    RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid regex"))
}

/// The words of `text`, as the benchmark's tokenizer finds them.
pub fn words(text: &str) -> Vec<&str> {
    word_re().find_iter(text).map(|m| m.as_str()).collect()
}

/// A shingle: up to [`N`] consecutive words; a shorter text's one shingle is padded with empty
/// strings (words are never empty, so it cannot equal a full one).
pub type Shingle<'a> = [&'a str; N];

/// The multiset of word 4-gram shingles of `text`. Fixed-size keys and foldhash (seeded): no
/// allocation per shingle; SipHash and a `Vec` per key were an eighth of `eval extraction`.
pub fn shingles(text: &str) -> foldhash::HashMap<Shingle<'_>, u32> {
    let w = words(text);
    let mut out = foldhash::HashMap::with_capacity_and_hasher(w.len(), Default::default());
    if w.is_empty() {
        return out;
    }
    if w.len() < N {
        let mut one = [""; N];
        one[..w.len()].copy_from_slice(&w);
        out.insert(one, 1);
        return out;
    }
    for win in w.windows(N) {
        let key: Shingle = win.try_into().unwrap_or([""; N]);
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

/// One page's shingle counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PageScore {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl PageScore {
    pub fn new(gold: &str, predicted: &str) -> Self {
        let g = shingles(gold);
        let p = shingles(predicted);
        let mut s = PageScore::default();
        for (k, &pc) in &p {
            let gc = g.get(k).copied().unwrap_or(0);
            s.tp += pc.min(gc);
            s.fp += pc.saturating_sub(gc);
        }
        for (k, &gc) in &g {
            s.fn_ += gc.saturating_sub(p.get(k).copied().unwrap_or(0));
        }
        s
    }
    /// This page's precision, if defined (TP + FP > 0).
    pub fn precision(&self) -> Option<f64> {
        (self.tp + self.fp > 0).then(|| if self.exact() { 1.0 } else { self.tp as f64 / (self.tp + self.fp) as f64 })
    }
    /// This page's recall, if defined (TP + FN > 0).
    pub fn recall(&self) -> Option<f64> {
        (self.tp + self.fn_ > 0).then(|| if self.exact() { 1.0 } else { self.tp as f64 / (self.tp + self.fn_) as f64 })
    }
    /// This page's F1 (0 when undefined).
    pub fn f1(&self) -> f64 {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) => crate::f1(p, r),
            _ => 0.0,
        }
    }
    fn exact(&self) -> bool {
        self.fp == 0 && self.fn_ == 0
    }
}

/// The benchmark's summary over pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub pages: usize,
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (s, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        s / n as f64
    }
}

pub fn score(pages: &[PageScore]) -> Scores {
    let precision = mean(pages.iter().filter_map(PageScore::precision));
    let recall = mean(pages.iter().filter_map(PageScore::recall));
    let f1 = crate::f1(precision, recall);
    Scores { f1, precision, recall, pages: pages.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_python_w() {
        assert_eq!(
            words("Don’t stop_me now, 42x — Київ 東京"),
            vec!["Don", "t", "stop_me", "now", "42x", "Київ", "東京"]
        );
        // Combining marks are not \w in Python: Devanagari vowel signs split words.
        assert_eq!(words("नमस्ते"), vec!["नमस", "त"]);
    }

    #[test]
    fn short_texts_are_one_shingle_and_multisets_count() {
        assert_eq!(shingles("a b").len(), 1);
        assert!(shingles("").is_empty());
        let s = PageScore::new("a b c d a b c d", "a b c d");
        assert_eq!((s.tp, s.fp, s.fn_), (1, 0, 4));
    }

    #[test]
    fn summary_matches_the_reference_definition() {
        let pages = [
            PageScore::new("w x y z", "w x y z"),   // exact: p = r = 1
            PageScore::new("a b c d e", "q r s t"), // disjoint: p = r = 0
            PageScore::new("", ""),                 // undefined: skipped
            PageScore::new("a b c d e f", ""),      // nothing predicted: recall 0 only
        ];
        let s = score(&pages);
        assert!((s.precision - 0.5).abs() < 1e-12);
        assert!((s.recall - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.f1 - 0.4).abs() < 1e-12);
    }
}
