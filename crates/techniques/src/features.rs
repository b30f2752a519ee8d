//! Feature extraction for span identification (per token) and technique classification (per span).

use crate::clusters::Clusters;
use crate::linear::{hash, Feature};
use crate::tokenize::{self, Token};
use corroborate_model::Span;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The class of tokens without one.
pub const NO_CLASS: u16 = u16::MAX;

/// Class ids at or above this are treated as no class.
pub const MAX_CLASSES: usize = 4096;

/// A text prepared for feature extraction: sentences, tokens, and document statistics.
pub struct Doc<'a> {
    pub text: &'a str,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
    /// Index of the sentence of each token.
    pub sentence_of: Vec<usize>,
    /// Token index range of each sentence.
    pub sentence_tokens: Vec<(usize, usize)>,
    /// Whether each token is inside quotation marks (within its sentence).
    pub in_quotes: Vec<bool>,
    /// How often each lower-cased word occurs in the document.
    pub word_counts: HashMap<String, u32>,
    /// Word class of each token ([`NO_CLASS`] for punctuation and words without one).
    pub classes: Vec<u16>,
    lower_text: String,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, clusters: &Clusters) -> Self {
        let sentences = tokenize::sentences(text);
        let mut tokens = Vec::new();
        let mut sentence_of = Vec::new();
        let mut sentence_tokens = Vec::new();
        let mut in_quotes = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let start = tokens.len();
            let mut open = false;
            for t in tokenize::tokens(text, *s) {
                let q = t.span.slice(text);
                let is_quote = matches!(q, "\"" | "“" | "”" | "«" | "»");
                if is_quote {
                    open = match q {
                        "“" | "«" => true,
                        "”" | "»" => false,
                        _ => !open,
                    };
                }
                in_quotes.push(open && !is_quote);
                tokens.push(t);
                sentence_of.push(si);
            }
            sentence_tokens.push((start, tokens.len()));
        }
        let mut word_counts = HashMap::new();
        for t in tokens.iter().filter(|t| t.word) {
            *word_counts.entry(t.lower.clone()).or_insert(0) += 1;
        }
        let classes =
            tokens.iter().map(|t| if t.word { clusters.get(&t.lower) } else { None }.unwrap_or(NO_CLASS)).collect();
        Doc {
            classes,
            text,
            sentences,
            tokens,
            sentence_of,
            sentence_tokens,
            in_quotes,
            word_counts,
            lower_text: text.to_lowercase(),
        }
    }

    /// The word class of token `i` as a feature part.
    fn class(&self, i: isize) -> &'static str {
        static NAMES: OnceLock<Vec<String>> = OnceLock::new();
        let names = NAMES.get_or_init(|| (0..MAX_CLASSES).map(|c| c.to_string()).collect());
        match usize::try_from(i).ok().and_then(|i| self.classes.get(i)) {
            Some(&c) => names.get(c as usize).map_or("-", String::as_str),
            None => "<s>",
        }
    }

    fn lower(&self, i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else {
            self.tokens.get(i as usize).map_or("</s>", |t| t.lower.as_str())
        }
    }

    /// Token index range `[a, b)` of the tokens overlapping a byte span.
    pub fn token_range(&self, span: Span) -> (usize, usize) {
        let a = self.tokens.partition_point(|t| t.span.end <= span.start);
        let b = self.tokens.partition_point(|t| t.span.start < span.end);
        (a, b.max(a))
    }
}

fn shape(s: &str) -> &'static str {
    let mut upper = 0;
    let mut lower = 0;
    let mut digit = 0;
    let mut other = 0;
    for c in s.chars() {
        if c.is_uppercase() {
            upper += 1
        } else if c.is_lowercase() {
            lower += 1
        } else if c.is_numeric() {
            digit += 1
        } else {
            other += 1
        }
    }
    let first_upper = s.chars().next().is_some_and(|c| c.is_uppercase());
    match () {
        _ if digit > 0 && upper + lower == 0 => "d",
        _ if upper > 1 && lower == 0 => "XX",
        _ if first_upper && upper == 1 => "Xx",
        _ if upper > 0 => "xX",
        _ if lower > 0 => "x",
        _ if other > 0 => "p",
        _ => "?",
    }
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=8 => "6-8",
        9..=15 => "9-15",
        16..=30 => "16-30",
        _ => "31+",
    }
}

fn suffix(s: &str, n: usize) -> &str {
    let mut idx = s.len();
    for (count, (i, _)) in s.char_indices().rev().enumerate() {
        if count == n {
            break;
        }
        idx = i;
    }
    &s[idx..]
}

/// Features of token `i` for span identification.
pub fn token_features(doc: &Doc, i: usize, out: &mut Vec<Feature>) {
    out.clear();
    let ii = i as isize;
    let t = &doc.tokens[i];
    let raw = t.span.slice(doc.text);
    let w0 = t.lower.as_str();
    let (ws, we) = doc.sentence_tokens[doc.sentence_of[i]];
    let (wm2, wm1, wp1, wp2) = (
        if ii - 2 >= ws as isize { doc.lower(ii - 2) } else { "<s>" },
        if ii > ws as isize { doc.lower(ii - 1) } else { "<s>" },
        if i + 1 < we { doc.lower(ii + 1) } else { "</s>" },
        if i + 2 < we { doc.lower(ii + 2) } else { "</s>" },
    );
    out.push(hash("bias", &[]));
    out.push(hash("w", &[w0]));
    out.push(hash("w-1", &[wm1]));
    out.push(hash("w+1", &[wp1]));
    out.push(hash("w-2", &[wm2]));
    out.push(hash("w+2", &[wp2]));
    out.push(hash("b-", &[wm1, w0]));
    out.push(hash("b+", &[w0, wp1]));
    out.push(hash("t", &[wm1, w0, wp1]));
    out.push(hash("shape", &[shape(raw)]));
    out.push(hash(
        "shape-ctx",
        &[shape(raw), if ii > ws as isize { shape(doc.tokens[i - 1].span.slice(doc.text)) } else { "<s>" }],
    ));
    let (cm1, c0, cp1) = (
        if ii > ws as isize { doc.class(ii - 1) } else { "<s>" },
        doc.class(ii),
        if i + 1 < we { doc.class(ii + 1) } else { "</s>" },
    );
    out.push(hash("c0", &[c0]));
    out.push(hash("c-1", &[cm1]));
    out.push(hash("c+1", &[cp1]));
    out.push(hash("c-1c0", &[cm1, c0]));
    out.push(hash("c0c+1", &[c0, cp1]));
    if t.word && w0.chars().count() > 4 {
        out.push(hash("suf3", &[suffix(w0, 3)]));
        out.push(hash("suf4", &[suffix(w0, 4)]));
    }
    let len = we - ws;
    let pos = i - ws;
    out.push(hash("slen", &[bucket(len)]));
    let rel = if len > 1 { pos * 4 / len } else { 0 };
    out.push(hash("spos", &[["q0", "q1", "q2", "q3", "q4"][rel.min(4)]]));
    out.push(hash("first", &[bucket(pos)]));
    out.push(hash("last", &[bucket(we - 1 - i)]));
    out.push(hash("quote", &[if doc.in_quotes[i] { "in" } else { "out" }]));
    let sent = doc.sentence_of[i];
    if sent == 0 {
        out.push(hash("title", &[]));
    }
    let srange = &doc.tokens[ws..we];
    if srange.iter().any(|t| t.lower == "!") {
        out.push(hash("s!", &[]));
    }
    if srange.iter().any(|t| t.lower == "?") {
        out.push(hash("s?", &[]));
    }
    if t.word {
        let c = doc.word_counts.get(w0).copied().unwrap_or(0) as usize;
        out.push(hash("dcount", &[bucket(c), if w0.len() > 3 { "long" } else { "short" }]));
    }
    // The sentence's words: propaganda is a property of the sentence as much as of the word.
    for s in srange.iter().filter(|t| t.word && t.lower.len() > 2) {
        out.push(hash("S", &[&s.lower]));
    }
}

/// Features of a span for technique classification.
pub fn span_features(doc: &Doc, span: Span, out: &mut Vec<Feature>) {
    out.clear();
    out.push(hash("bias", &[]));
    let (a, b) = doc.token_range(span);
    let toks = &doc.tokens[a..b];
    let words: Vec<&str> = toks.iter().filter(|t| t.word).map(|t| t.lower.as_str()).collect();
    for k in a..b {
        if doc.classes[k] != NO_CLASS {
            out.push(hash("cu", &[doc.class(k as isize)]));
        }
    }
    for t in toks {
        out.push(hash("u", &[&t.lower]));
        if t.word && t.lower.chars().count() > 4 {
            out.push(hash("suf3", &[suffix(&t.lower, 3)]));
        }
    }
    for w in toks.windows(2) {
        out.push(hash("bi", &[&w[0].lower, &w[1].lower]));
    }
    if let Some(f) = toks.first() {
        out.push(hash("first", &[&f.lower]));
    }
    if let Some(l) = toks.last() {
        out.push(hash("last", &[&l.lower]));
    }
    out.push(hash("ntok", &[bucket(words.len())]));
    let whole = words.join(" ");
    out.push(hash("whole", &[&whole]));
    for w in &words {
        if w.chars().count() > 5 {
            let pre: String = w.chars().take(5).collect();
            out.push(hash("pre5", &[&pre]));
        }
    }
    if words.len() == 1 {
        out.push(hash("single", &[words[0]]));
    }
    // No context words: on cross-validation over the training articles they cost accuracy (the
    // span's own words decide its technique; neighbours mostly add noise).
    // Repetition: how often the span's text, and its words, occur elsewhere in the document.
    let needle = span.slice(doc.text).to_lowercase();
    let reps = if needle.trim().is_empty() { 0 } else { doc.lower_text.matches(needle.as_str()).count() };
    out.push(hash("rep", &[bucket(reps)]));
    if reps > 1 {
        // A later occurrence of text said before is what the corpus labels Repetition.
        let earlier = doc.lower_text.get(..span.start).is_some_and(|before| before.contains(needle.as_str()));
        let later = doc.lower_text.get(span.end..).is_some_and(|after| after.contains(needle.as_str()));
        let order = [if earlier { "earlier" } else { "first" }, if later { "later" } else { "last" }];
        out.push(hash("rep-order", &order));
        out.push(hash("rep-order-n", &[order[0], bucket(reps), bucket(words.len())]));
    }
    let content: Vec<u32> =
        words.iter().filter(|w| w.len() > 3).map(|w| doc.word_counts.get(*w).copied().unwrap_or(0)).collect();
    if let Some(&max) = content.iter().max() {
        out.push(hash("wrep-max", &[bucket(max as usize)]));
        let min = *content.iter().min().unwrap_or(&0);
        out.push(hash("wrep-min", &[bucket(min as usize)]));
    }
    // Capitalisation, punctuation and position.
    let raw = span.slice(doc.text);
    let caps = toks.iter().filter(|t| t.word && shape(t.span.slice(doc.text)) == "XX").count();
    if caps > 0 {
        out.push(hash("caps", &[bucket(caps)]));
    }
    if raw.contains('!') || doc.tokens.get(b).is_some_and(|t| t.lower == "!") {
        out.push(hash("excl", &[]));
    }
    if raw.contains('?') || doc.tokens.get(b).is_some_and(|t| t.lower == "?") {
        out.push(hash("question", &[]));
    }
    if a < doc.in_quotes.len() && doc.in_quotes[a] {
        out.push(hash("quoted", &[]));
    }
    if a < b {
        let sent = doc.sentence_of[a];
        if sent == 0 {
            out.push(hash("title", &[]));
        }
        let (ws, we) = doc.sentence_tokens[sent];
        let cover = (b.min(we) - a) * 4 / (we - ws).max(1);
        out.push(hash("scover", &[bucket(cover)]));
        if a == ws {
            out.push(hash("sstart", &[]));
        }
    }
}
