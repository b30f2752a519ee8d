//! Feature extraction for span identification (per token) and technique classification (per span).
//!
//! Everything is hashed once: a [`Doc`] lowers each token into one shared buffer and keeps a 64-bit
//! hash of it (and of its suffixes, shape and word class), and features are mixes of those integers,
//! with no string formatting or allocation per feature. Token features split into the features of
//! the token's *sentence* ([`sentence_features`], the same for every token of it, so scored once per
//! sentence at detection time) and the token's own ([`local_features`]).

use crate::clusters::Clusters;
use crate::linear::{fnv64, Feature};
use crate::tokenize;
use corroborate_model::Span;
use std::cell::OnceCell;

/// The class of tokens without one.
pub const NO_CLASS: u16 = u16::MAX;

/// The word-table row of tokens without one.
pub const NO_ROW: u32 = u32::MAX;

/// Class ids at or above this are treated as no class.
pub const MAX_CLASSES: usize = 4096;

/// Hash standing for "before the sentence" and "after the sentence".
const BOS: u64 = fnv64(b"<s>");
const EOS: u64 = fnv64(b"</s>");

/// Feature tags: each feature is its tag mixed with its parts.
macro_rules! tags {
    ($($name:ident),* $(,)?) => { $(const $name: u64 = fnv64(stringify!($name).as_bytes());)* };
}
tags!(
    BIAS, W, WM1, WP1, WM2, WP2, BM, BP, TRI, SHAPE, SHAPECTX, C0, CM1, CP1, CM1C0, C0CP1, SUF3, SUF4, SLEN, SPOS,
    FIRST, LAST, QUOTE, TITLE, SEXCL, SQUEST, DCOUNT, SWORD, CU, U, BI, TFIRST, TLAST, NTOK, WHOLE, PRE5, SINGLE, REP,
    REPORDER, REPORDERN, WREPMAX, WREPMIN, CAPS, EXCL, QUESTION, QUOTED, SCOVER, SSTART, TSUF3, WM3, WP3, BM2, BP2,
    SCLS, CM2, CP2, CTRI, TPREV, TNEXT, TCBI, TCHARS,
);

/// Optional feature groups, recorded in the model file ([`Doc::flags`]).
pub mod flags {
    /// Span identification: words three to the left and right, and the bigrams beside the token.
    pub const CTX3: u32 = 1;
    /// Span identification: the word classes of the token's sentence.
    pub const SENTENCE_CLASSES: u32 = 2;
    /// Span identification: word classes two to the left and right, and the class trigram.
    pub const CLASS2: u32 = 4;
    /// Technique classification: the words just before and after the span.
    pub const TC_CONTEXT: u32 = 8;
    /// Technique classification: class bigrams within the span and its length in characters.
    pub const TC_CLASSES: u32 = 16;
    /// Span identification: dense word vectors of the token and its neighbours, and their mean over
    /// the sentence.
    pub const DENSE_SI: u32 = 32;
    /// Technique classification: the mean dense word vector of the span, and those of its first
    /// and last words.
    pub const DENSE_TC: u32 = 64;
    /// Decoding: spans labelled with a clause-length technique (doubt, causal oversimplification,
    /// appeal to fear, ...) are extended to their whole sentence.
    pub const EXTEND_CLAUSE: u32 = 128;
}

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

#[inline]
fn fin(h: u64) -> Feature {
    let mut x = h;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x as Feature
}

#[inline]
fn f1(tag: u64, a: u64) -> Feature {
    fin(mix(tag, a))
}

#[inline]
fn f2(tag: u64, a: u64, b: u64) -> Feature {
    fin(mix(mix(tag, a), b))
}

#[inline]
fn f3(tag: u64, a: u64, b: u64, c: u64) -> Feature {
    fin(mix(mix(mix(tag, a), b), c))
}

/// One token of a [`Doc`].
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub span: Span,
    /// True for a word (letters or digits), false for punctuation and symbols.
    pub word: bool,
    /// Hash of the lower-cased token.
    pub hash: u64,
    /// Shape class: digits, ALL CAPS, Capitalised, mIxed, lower, punctuation.
    pub shape: u8,
    /// Number of characters of the lower-cased token.
    pub chars: u32,
    /// Hashes of the last 3 and 4 characters of words longer than 4 characters (else 0).
    suf3: u64,
    suf4: u64,
    /// Byte range of the lower-cased token in [`Doc::lower_buf`].
    lo: u32,
    hi: u32,
}

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
    /// How often each token's lower-cased word occurs in the document (0 for punctuation).
    pub counts: Vec<u32>,
    /// Word class of each token ([`NO_CLASS`] for punctuation and words without one).
    pub classes: Vec<u16>,
    /// Optional feature groups in use ([`flags`]).
    pub flags: u32,
    /// Width of the dense word vectors (0: none).
    pub dense_dim: usize,
    /// `dense_dim` quantised values per token (zeros for tokens without a vector).
    pub dense: Vec<i8>,
    /// Row of each token in the word table ([`NO_ROW`] for punctuation and unknown words).
    pub rows: Vec<u32>,
    /// The lower-cased tokens, one after the other.
    lower_buf: String,
    lower_text: OnceCell<String>,
}

fn shape(s: &str) -> u8 {
    let (mut upper, mut lower, mut digit, mut other) = (0, 0, 0, 0);
    if s.is_ascii() {
        // the same classes as the `char` tests below give ASCII characters
        for b in s.bytes() {
            if b.is_ascii_uppercase() {
                upper += 1
            } else if b.is_ascii_lowercase() {
                lower += 1
            } else if b.is_ascii_digit() {
                digit += 1
            } else {
                other += 1
            }
        }
        let first_upper = s.as_bytes().first().is_some_and(|b| b.is_ascii_uppercase());
        return shape_class(upper, lower, digit, other, first_upper);
    }
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
    shape_class(upper, lower, digit, other, first_upper)
}

fn shape_class(upper: usize, lower: usize, digit: usize, other: usize, first_upper: bool) -> u8 {
    match () {
        _ if digit > 0 && upper + lower == 0 => 1,
        _ if upper > 1 && lower == 0 => 2,
        _ if first_upper && upper == 1 => 3,
        _ if upper > 0 => 4,
        _ if lower > 0 => 5,
        _ if other > 0 => 6,
        _ => 7,
    }
}

/// Shape code of ALL-CAPS words.
const SHAPE_CAPS: u8 = 2;

fn bucket(n: usize) -> u64 {
    match n {
        0..=3 => n as u64,
        4..=5 => 4,
        6..=8 => 5,
        9..=15 => 6,
        16..=30 => 7,
        _ => 8,
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

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, clusters: &Clusters, flags: u32) -> Self {
        let sentences = tokenize::sentences(text);
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentence_of = Vec::with_capacity(text.len() / 5);
        let mut sentence_tokens = Vec::with_capacity(sentences.len());
        let mut in_quotes = Vec::with_capacity(text.len() / 5);
        let mut lower_buf = String::with_capacity(text.len() + 16);
        let mut raw = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let start = tokens.len();
            let mut open = false;
            raw.clear();
            tokenize::raw_tokens(text, *s, &mut raw);
            for &(span, word) in &raw {
                let q = span.slice(text);
                let is_quote = !word && matches!(q, "\"" | "“" | "”" | "«" | "»");
                if is_quote {
                    open = match q {
                        "“" | "«" => true,
                        "”" | "»" => false,
                        _ => !open,
                    };
                }
                in_quotes.push(open && !is_quote);
                let lo = lower_buf.len();
                if q.is_ascii() {
                    lower_buf.extend(q.bytes().map(|b| b.to_ascii_lowercase() as char));
                } else {
                    lower_buf.push_str(&q.to_lowercase());
                }
                let lower = &lower_buf[lo..];
                let chars = if q.is_ascii() { lower.len() } else { lower.chars().count() };
                let (suf3, suf4) = if word && chars > 4 {
                    (fnv64(suffix(lower, 3).as_bytes()), fnv64(suffix(lower, 4).as_bytes()))
                } else {
                    (0, 0)
                };
                tokens.push(Token {
                    span,
                    word,
                    hash: fnv64(lower.as_bytes()),
                    shape: if word { shape(q) } else { 6 },
                    chars: chars as u32,
                    suf3,
                    suf4,
                    lo: lo as u32,
                    hi: lower_buf.len() as u32,
                });
                sentence_of.push(si);
            }
            sentence_tokens.push((start, tokens.len()));
        }
        // Document counts of each word (0 for punctuation); seeded hashing, as the words are input.
        let mut seen: foldhash::HashMap<u64, u32> =
            foldhash::HashMap::with_capacity_and_hasher(tokens.len(), Default::default());
        for t in tokens.iter().filter(|t| t.word) {
            *seen.entry(t.hash).or_insert(0) += 1;
        }
        let counts = tokens.iter().map(|t| if t.word { seen[&t.hash] } else { 0 }).collect();
        let uses_dense = flags & (flags::DENSE_SI | flags::DENSE_TC) != 0;
        let dense_dim = if uses_dense { clusters.dim() } else { 0 };
        let mut dense = vec![0i8; tokens.len() * dense_dim];
        let mut rows = vec![NO_ROW; tokens.len()];
        let classes = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let row = if t.word { clusters.row_of_hash(t.hash) } else { None };
                match row {
                    Some(r) => {
                        rows[i] = r;
                        if dense_dim > 0 {
                            dense[i * dense_dim..(i + 1) * dense_dim].copy_from_slice(clusters.vector_of_row(r));
                        }
                        clusters.class_of_row(r)
                    }
                    None => NO_CLASS,
                }
            })
            .collect();
        Doc {
            text,
            sentences,
            tokens,
            sentence_of,
            sentence_tokens,
            in_quotes,
            counts,
            classes,
            flags,
            dense_dim,
            dense,
            rows,
            lower_buf,
            lower_text: OnceCell::new(),
        }
    }

    /// The lower-cased form of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.lower_buf[t.lo as usize..t.hi as usize]
    }

    fn lower_text(&self) -> &str {
        self.lower_text.get_or_init(|| lowercase(self.text))
    }

    /// Token index range `[a, b)` of the tokens overlapping a byte span.
    pub fn token_range(&self, span: Span) -> (usize, usize) {
        let a = self.tokens.partition_point(|t| t.span.end <= span.start);
        let b = self.tokens.partition_point(|t| t.span.start < span.end);
        (a, b.max(a))
    }

    fn class(&self, i: usize) -> u64 {
        self.classes[i] as u64
    }

    /// The dense vector of token `i` (empty without dense vectors).
    pub fn vector(&self, i: usize) -> &[i8] {
        &self.dense[i * self.dense_dim..(i + 1) * self.dense_dim]
    }

    /// Whether span identification uses dense inputs.
    pub fn dense_si(&self) -> bool {
        self.dense_dim > 0 && self.flags & flags::DENSE_SI != 0
    }

    /// Whether technique classification uses dense inputs.
    pub fn dense_tc(&self) -> bool {
        self.dense_dim > 0 && self.flags & flags::DENSE_TC != 0
    }
}

/// `text.to_lowercase()`, faster: runs of ASCII are lowered byte by byte and only other characters
/// go through `char::to_lowercase` (the same mapping; a text with a capital sigma, whose lower case
/// depends on its neighbours, takes the standard path).
fn lowercase(text: &str) -> String {
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = Vec::with_capacity(text.len() + 8);
    let mut rest = text;
    while !rest.is_empty() {
        let n = rest.bytes().position(|b| b >= 0x80).unwrap_or(rest.len());
        out.extend(rest.as_bytes()[..n].iter().map(u8::to_ascii_lowercase));
        rest = &rest[n..];
        if let Some(c) = rest.chars().next() {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_lowercase())
}

/// Number of dense inputs of the token model: three local vectors and the sentence's mean.
pub fn si_dense_width(doc: &Doc) -> usize {
    if doc.dense_si() {
        4 * doc.dense_dim
    } else {
        0
    }
}

/// Dense inputs of token `i` itself: the vectors of the previous word, the word, and the next word
/// within the sentence (zeros where absent).
pub fn dense_local(doc: &Doc, i: usize, out: &mut Vec<i8>) {
    out.clear();
    if !doc.dense_si() {
        return;
    }
    let (ws, we) = doc.sentence_tokens[doc.sentence_of[i]];
    let d = doc.dense_dim;
    let prev = (ws..i).rev().find(|&k| doc.tokens[k].word);
    let next = (i + 1..we).find(|&k| doc.tokens[k].word);
    for k in [prev, Some(i), next] {
        match k {
            Some(k) => out.extend_from_slice(doc.vector(k)),
            None => out.extend(std::iter::repeat_n(0, d)),
        }
    }
}

/// Mean of quantised vectors of tokens `range` (only words with a vector count).
fn dense_mean(doc: &Doc, range: std::ops::Range<usize>, out: &mut Vec<i8>) {
    let d = doc.dense_dim;
    let mut sum = vec![0i32; d];
    let mut n = 0i32;
    for k in range {
        let v = doc.vector(k);
        if doc.tokens[k].word && v.iter().any(|&q| q != 0) {
            n += 1;
            for (s, &q) in sum.iter_mut().zip(v) {
                *s += q as i32;
            }
        }
    }
    out.extend(sum.iter().map(|&s| if n > 0 { (s as f32 / n as f32).round().clamp(-127.0, 127.0) as i8 } else { 0 }));
}

/// Dense inputs shared by the tokens of sentence `s`: the mean vector of its words.
pub fn dense_sentence(doc: &Doc, s: usize, out: &mut Vec<i8>) {
    out.clear();
    if !doc.dense_si() {
        return;
    }
    let (ws, we) = doc.sentence_tokens[s];
    dense_mean(doc, ws..we, out);
}

/// Dense inputs of a span for technique classification: the mean vector of its words, and the
/// vectors of its first and last words.
pub fn dense_span(doc: &Doc, span: Span, out: &mut Vec<i8>) {
    out.clear();
    if !doc.dense_tc() {
        return;
    }
    let (a, b) = doc.token_range(span);
    dense_mean(doc, a..b, out);
    let first = (a..b).find(|&k| doc.tokens[k].word);
    let last = (a..b).rev().find(|&k| doc.tokens[k].word);
    for k in [first, last] {
        match k {
            Some(k) => out.extend_from_slice(doc.vector(k)),
            None => out.extend(std::iter::repeat_n(0, doc.dense_dim)),
        }
    }
}

/// Features of token `i` for span identification: its sentence's and its own.
pub fn token_features(doc: &Doc, i: usize, out: &mut Vec<Feature>) {
    sentence_features(doc, doc.sentence_of[i], out);
    let mut own = Vec::with_capacity(32);
    local_features(doc, i, &mut own);
    out.extend_from_slice(&own);
}

/// The features that every token of sentence `s` shares: its length, whether it is the title,
/// its punctuation, and its words (propaganda is a property of the sentence as much as of the word).
pub fn sentence_features(doc: &Doc, s: usize, out: &mut Vec<Feature>) {
    out.clear();
    let (ws, we) = doc.sentence_tokens[s];
    out.push(f1(SLEN, bucket(we - ws)));
    if s == 0 {
        out.push(f1(TITLE, 0));
    }
    let srange = &doc.tokens[ws..we];
    let (excl, quest) = (fnv64(b"!"), fnv64(b"?"));
    if srange.iter().any(|t| !t.word && t.hash == excl) {
        out.push(f1(SEXCL, 0));
    }
    if srange.iter().any(|t| !t.word && t.hash == quest) {
        out.push(f1(SQUEST, 0));
    }
    for t in srange.iter().filter(|t| t.word && t.hi - t.lo > 2) {
        out.push(f1(SWORD, t.hash));
    }
    if doc.flags & flags::SENTENCE_CLASSES != 0 {
        for &c in doc.classes[ws..we].iter().filter(|&&c| c != NO_CLASS) {
            out.push(f1(SCLS, c as u64));
        }
    }
}

/// The features of token `i` itself: its word, neighbours, shape, class, suffixes and position.
pub fn local_features(doc: &Doc, i: usize, out: &mut Vec<Feature>) {
    out.clear();
    let t = &doc.tokens[i];
    let (ws, we) = doc.sentence_tokens[doc.sentence_of[i]];
    let h = |k: usize| doc.tokens[k].hash;
    let w0 = t.hash;
    let wm2 = if i >= ws + 2 { h(i - 2) } else { BOS };
    let wm1 = if i > ws { h(i - 1) } else { BOS };
    let wp1 = if i + 1 < we { h(i + 1) } else { EOS };
    let wp2 = if i + 2 < we { h(i + 2) } else { EOS };
    out.push(f1(BIAS, 0));
    out.push(f1(W, w0));
    out.push(f1(WM1, wm1));
    out.push(f1(WP1, wp1));
    out.push(f1(WM2, wm2));
    out.push(f1(WP2, wp2));
    out.push(f2(BM, wm1, w0));
    out.push(f2(BP, w0, wp1));
    out.push(f3(TRI, wm1, w0, wp1));
    out.push(f1(SHAPE, t.shape as u64));
    out.push(f2(SHAPECTX, t.shape as u64, if i > ws { doc.tokens[i - 1].shape as u64 } else { BOS }));
    let cm1 = if i > ws { doc.class(i - 1) } else { BOS };
    let c0 = doc.class(i);
    let cp1 = if i + 1 < we { doc.class(i + 1) } else { EOS };
    out.push(f1(C0, c0));
    out.push(f1(CM1, cm1));
    out.push(f1(CP1, cp1));
    out.push(f2(CM1C0, cm1, c0));
    out.push(f2(C0CP1, c0, cp1));
    if doc.flags & flags::CTX3 != 0 {
        let wm3 = if i >= ws + 3 { h(i - 3) } else { BOS };
        let wp3 = if i + 3 < we { h(i + 3) } else { EOS };
        out.push(f1(WM3, wm3));
        out.push(f1(WP3, wp3));
        out.push(f2(BM2, wm2, wm1));
        out.push(f2(BP2, wp1, wp2));
    }
    if doc.flags & flags::CLASS2 != 0 {
        let cm2 = if i >= ws + 2 { doc.class(i - 2) } else { BOS };
        let cp2 = if i + 2 < we { doc.class(i + 2) } else { EOS };
        out.push(f1(CM2, cm2));
        out.push(f1(CP2, cp2));
        out.push(f3(CTRI, cm1, c0, cp1));
    }
    if t.word && t.chars > 4 {
        out.push(f1(SUF3, t.suf3));
        out.push(f1(SUF4, t.suf4));
    }
    let len = we - ws;
    let pos = i - ws;
    let rel = if len > 1 { pos * 4 / len } else { 0 };
    out.push(f1(SPOS, rel.min(4) as u64));
    out.push(f1(FIRST, bucket(pos)));
    out.push(f1(LAST, bucket(we - 1 - i)));
    out.push(f1(QUOTE, doc.in_quotes[i] as u64));
    if t.word {
        out.push(f2(DCOUNT, bucket(doc.counts[i] as usize), (t.hi - t.lo > 3) as u64));
    }
}

/// How often `needle` occurs in `hay` (non-overlapping, leftmost first: what `str::matches` counts),
/// and, when more than once, whether an occurrence lies wholly before `span.start` and one wholly
/// after `span.end`. One SIMD scan and one reverse search instead of three `str` searches.
fn repetitions(hay: &str, needle: &str, span: Span) -> (usize, bool, bool) {
    if needle.trim().is_empty() {
        return (0, false, false);
    }
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut first = None;
    let mut reps = 0;
    for at in finder.find_iter(hay.as_bytes()) {
        first.get_or_insert(at);
        reps += 1;
    }
    if reps <= 1 {
        return (reps, false, false);
    }
    // The leftmost occurrence ends before the span starts iff some occurrence does; the rightmost
    // starts after the span ends iff some occurrence does.
    let earlier = hay.is_char_boundary(span.start) && first.is_some_and(|at| at + needle.len() <= span.start);
    let later = hay.is_char_boundary(span.end)
        && memchr::memmem::rfind(hay.as_bytes(), needle.as_bytes()).is_some_and(|at| at >= span.end);
    (reps, earlier, later)
}

/// Features of a span for technique classification.
pub fn span_features(doc: &Doc, span: Span, out: &mut Vec<Feature>) {
    out.clear();
    out.push(f1(BIAS, 0));
    let (a, b) = doc.token_range(span);
    let toks = &doc.tokens[a..b];
    for k in a..b {
        if doc.classes[k] != NO_CLASS {
            out.push(f1(CU, doc.class(k)));
        }
    }
    for t in toks {
        out.push(f1(U, t.hash));
        if t.word && t.chars > 4 {
            out.push(f1(TSUF3, t.suf3));
        }
    }
    for w in toks.windows(2) {
        out.push(f2(BI, w[0].hash, w[1].hash));
    }
    if doc.flags & flags::TC_CONTEXT != 0 {
        out.push(f1(TPREV, if a > 0 { doc.tokens[a - 1].hash } else { BOS }));
        out.push(f1(TNEXT, doc.tokens.get(b).map_or(EOS, |t| t.hash)));
    }
    if doc.flags & flags::TC_CLASSES != 0 {
        for w in doc.classes[a..b].windows(2) {
            out.push(f2(TCBI, w[0] as u64, w[1] as u64));
        }
        out.push(f1(TCHARS, bucket(span.len() / 8)));
    }
    if let Some(f) = toks.first() {
        out.push(f1(TFIRST, f.hash));
    }
    if let Some(l) = toks.last() {
        out.push(f1(TLAST, l.hash));
    }
    let words = (a..b).filter(|&k| doc.tokens[k].word);
    let nwords = words.clone().count();
    out.push(f1(NTOK, bucket(nwords)));
    out.push(f1(WHOLE, words.clone().fold(0, |h, k| mix(h, doc.tokens[k].hash))));
    for k in words.clone() {
        if doc.tokens[k].chars > 5 {
            let w = doc.lower(k);
            let end = w.char_indices().nth(5).map_or(w.len(), |x| x.0);
            out.push(f1(PRE5, fnv64(&w.as_bytes()[..end])));
        }
    }
    if nwords == 1 {
        out.push(f1(SINGLE, words.clone().next().map_or(0, |k| doc.tokens[k].hash)));
    }
    // No context words: on cross-validation over the training articles they cost accuracy (the
    // span's own words decide its technique; neighbours mostly add noise).
    // Repetition: how often the span's text, and its words, occur elsewhere in the document.
    let needle = span.slice(doc.text).to_lowercase();
    let lower_text = doc.lower_text();
    let (reps, earlier, later) = repetitions(lower_text, &needle, span);
    out.push(f1(REP, bucket(reps)));
    if reps > 1 {
        // A later occurrence of text said before is what the corpus labels Repetition.
        out.push(f2(REPORDER, earlier as u64, later as u64));
        out.push(fin(mix(mix(mix(mix(REPORDERN, earlier as u64), later as u64), bucket(reps)), bucket(nwords))));
    }
    let content = words.clone().filter(|&k| doc.tokens[k].hi - doc.tokens[k].lo > 3).map(|k| doc.counts[k]);
    if let Some(max) = content.clone().max() {
        out.push(f1(WREPMAX, bucket(max as usize)));
        let min = content.min().unwrap_or(0);
        out.push(f1(WREPMIN, bucket(min as usize)));
    }
    // Capitalisation, punctuation and position.
    let raw = span.slice(doc.text);
    let caps = toks.iter().filter(|t| t.word && t.shape == SHAPE_CAPS).count();
    if caps > 0 {
        out.push(f1(CAPS, bucket(caps)));
    }
    let next_is = |s: &str| b < doc.tokens.len() && !doc.tokens[b].word && doc.lower(b) == s;
    if raw.contains('!') || next_is("!") {
        out.push(f1(EXCL, 0));
    }
    if raw.contains('?') || next_is("?") {
        out.push(f1(QUESTION, 0));
    }
    if a < doc.in_quotes.len() && doc.in_quotes[a] {
        out.push(f1(QUOTED, 0));
    }
    if a < b {
        let sent = doc.sentence_of[a];
        if sent == 0 {
            out.push(f1(TITLE, 1));
        }
        let (ws, we) = doc.sentence_tokens[sent];
        let cover = (b.min(we) - a) * 4 / (we - ws).max(1);
        out.push(f1(SCOVER, bucket(cover)));
        if a == ws {
            out.push(f1(SSTART, 0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_str_to_lowercase() {
        for t in ["", "ABC Déjà VU “Quoted” İstanbul ΣΟΦΟΣ end", "plain ascii TEXT", "Ǆ ß ẞ Ω"] {
            assert_eq!(lowercase(t), t.to_lowercase(), "{t}");
        }
    }
}
