//! A learned attribution tagger: three averaged perceptrons over hashed features, trained by
//! [`train_pos`] and [`train`] (`corroborate eval attribution --train-model DIR`).
//!
//! 0. **Part-of-speech tagger**: each token gets a coarse class (verb; noun, proper noun, pronoun or
//!    number; adjective or adverb; other), greedily left to right; trained on UD English EWT.
//! 1. **Cue tagger**: each token gets `O`, `B` (first token of a cue) or `I` (inside a cue), greedily
//!    left to right, from the word, its neighbours, a crude stem, its shape, whether it is inside a
//!    quotation, whether the rule lexicon knows it, the previous tag, the previous cue of the sentence
//!    (a cue word inside what an earlier cue reports is seldom a cue in PolNeAR) and the
//!    part-of-speech tags around it.
//! 2. **Role tagger**, once per cue: each token of a window around the cue (two sentences before, five after,
//!    within the cue's paragraph) gets `O`, `S` (source) or `C` (content), from the cue's head word,
//!    the token's side of and distance to the cue, the quotation marks, commas and sentence ends
//!    between them, whether another cue lies between, the token's words and tags and the previous tag.
//!
//! Weights are hashed into `2^BITS` buckets per class and stored as `i16` with one scale per model
//! (`data/pos.bin` 2 MB, trained on `../shared/eval/syntax/ewt/en_ewt-train.conllu`; `data/cue.bin`,
//! `data/role.bin`, about 1.5 MB each, trained on PolNeAR `train/`; all three by
//! `corroborate eval attribution --data ../shared/eval/attribution/train --train-model
//! crates/attribution/data`). Features are never formatted as strings: each token's word, stem and
//! suffix are hashed once per document, and a feature's bucket mixes its template number with those
//! `u64` atoms and small category numbers. Pure; no IO here.
use crate::lexicon::is_cue_verb;
use corroborate_model::Span;
use corroborate_nlp::{is_capitalized, TokKind, Token};

const BITS: u32 = 18;
const BUCKETS: usize = 1 << BITS;
/// Version 3: the cue and role taggers take part-of-speech and previous-cue features (version 2
/// had neither; version 1 hashed feature strings); older weights mean nothing to this code, so they
/// are refused.
const MAGIC: &[u8; 8] = b"CRBATTR3";

/// Classes of the cue tagger.
const O: usize = 0;
const B: usize = 1;
const I: usize = 2;
/// Classes of the role tagger.
const SRC: usize = 1;
const CONT: usize = 2;
/// "Previous tag" value for a cue token in the role tagger.
const CUE_TAG: usize = 3;

/// Hashed linear model: `k` classes (at most four), weights `w[bucket][class]`. A bucket's weights
/// are one 16-byte row, so scoring a feature is one load and one vector add.
/// The table has exactly [`BUCKETS`] rows (a fixed-size array), so a bucket id masked to `BITS` bits
/// indexes it without a bounds check.
#[derive(Debug, Clone)]
pub struct Perceptron {
    k: usize,
    w: Box<[[f32; 4]; BUCKETS]>,
}

/// Rows into the fixed-size table (`rows.len()` must be [`BUCKETS`]).
fn table(rows: Vec<[f32; 4]>) -> Box<[[f32; 4]; BUCKETS]> {
    rows.into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!("a weight table has BUCKETS rows"))
}

impl Perceptron {
    /// A scorer that adds the weight rows of features in the order they come.
    #[inline]
    fn scorer(&self) -> Scorer<'_> {
        Scorer { w: &self.w, s: [0f32; 4], k: self.k }
    }

    /// A sink that asks for the weight rows of features and sums nothing (see [`Prefetch`]).
    #[inline]
    fn prefetcher(&self) -> Prefetch<'_> {
        Prefetch { w: &self.w }
    }

    /// The model as bytes: magic, classes, bits, scale, then `k` `i16` weights per bucket
    /// (little-endian).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.w.iter().flat_map(|r| &r[..self.k]).fold(0f32, |m, x| m.max(x.abs())).max(1e-9);
        let scale = max / 32767.0;
        let mut out = Vec::with_capacity(16 + self.w.len() * self.k * 2);
        out.extend_from_slice(MAGIC);
        out.push(self.k as u8);
        out.push(BITS as u8);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&scale.to_le_bytes());
        for x in self.w.iter().flat_map(|r| &r[..self.k]) {
            out.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
        }
        out
    }

    /// Reads [`Perceptron::to_bytes`]; `None` for anything else.
    pub fn from_bytes(b: &[u8]) -> Option<Perceptron> {
        if b.len() < 16 || &b[..8] != MAGIC || b[9] as u32 != BITS {
            return None;
        }
        let k = b[8] as usize;
        let scale = f32::from_le_bytes(b[12..16].try_into().ok()?);
        let body = &b[16..];
        if k == 0 || k > 4 || body.len() != BUCKETS * k * 2 {
            return None;
        }
        let w = body
            .chunks_exact(k * 2)
            .map(|bucket| {
                let mut row = [0f32; 4];
                for (x, c) in row.iter_mut().zip(bucket.chunks_exact(2)) {
                    *x = i16::from_le_bytes([c[0], c[1]]) as f32 * scale;
                }
                row
            })
            .collect();
        Some(Perceptron { k, w: table(w) })
    }
}

/// Averaged-perceptron training state.
struct Trainer {
    k: usize,
    w: Vec<f32>,
    total: Vec<f32>,
    stamp: Vec<u32>,
    t: u32,
}

impl Trainer {
    fn new(k: usize) -> Trainer {
        Trainer { k, w: vec![0.0; BUCKETS * k], total: vec![0.0; BUCKETS * k], stamp: vec![0; BUCKETS * k], t: 0 }
    }
    fn learn(&mut self, feats: &[u32], truth: usize, guess: usize) {
        self.t += 1;
        if truth == guess {
            return;
        }
        for &f in feats {
            for (c, d) in [(truth, 1.0f32), (guess, -1.0)] {
                let i = f as usize * self.k + c;
                self.total[i] += (self.t - self.stamp[i]) as f32 * self.w[i];
                self.stamp[i] = self.t;
                self.w[i] += d;
            }
        }
    }
    fn averaged(mut self) -> Perceptron {
        let t = self.t.max(1);
        for i in 0..self.w.len() {
            self.total[i] += (t - self.stamp[i]) as f32 * self.w[i];
            self.w[i] = self.total[i] / t as f32;
        }
        let w = self
            .w
            .chunks_exact(self.k)
            .map(|b| {
                let mut row = [0f32; 4];
                row[..self.k].copy_from_slice(b);
                row
            })
            .collect();
        Perceptron { k: self.k, w: table(w) }
    }
    fn guess(&self, feats: &[u32]) -> usize {
        let mut s = [0f32; 4];
        for &f in feats {
            let base = f as usize * self.k;
            for (c, o) in s[..self.k].iter_mut().enumerate() {
                *o += self.w[base + c];
            }
        }
        (0..self.k).fold(0, |b, c| if s[c] > s[b] { c } else { b })
    }
}

/// Feature hashing. Every token's strings (word, stem, suffix) are hashed once per document into
/// `u64` atoms; a feature is its template number mixed with a few atoms (word hashes or small
/// category numbers), so building a feature formats and allocates nothing.
const MIX: u64 = 0x517c_c1b7_2722_0a95;

/// FNV-1a of a string, then a finalizer so every bit depends on every byte.
fn str_hash(s: &str) -> u64 {
    let step = |h: u64, b: u8| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    // four bytes per loop turn (the same steps in the same order, fewer loop instructions)
    let mut quads = s.as_bytes().chunks_exact(4);
    for q in &mut quads {
        h = step(step(step(step(h, q[0]), q[1]), q[2]), q[3]);
    }
    for &b in quads.remainder() {
        h = step(h, b);
    }
    finish(h)
}

#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A feature vector under construction: bucket ids in a fixed array (no taggers' template list is
/// longer than [`MAX_FEATS`]).
struct Feats {
    ids: [u32; MAX_FEATS],
    n: usize,
}
const MAX_FEATS: usize = 44;

impl Default for Feats {
    fn default() -> Feats {
        Feats { ids: [0; MAX_FEATS], n: 0 }
    }
}

impl Feats {
    fn ids(&self) -> &[u32] {
        &self.ids[..self.n]
    }
}

/// Where a tagger's features go: [`Feats`] collects their bucket ids (training), [`Scorer`] adds
/// their weight rows as they come (tagging), so tagging stores no ids.
trait Sink {
    fn push(&mut self, id: u32);
    /// Adds feature `template` over `parts` (FxHash-style mixing, bucket from the top bits). Within
    /// one template each position always holds the same kind of atom, and each mixing step is a
    /// bijection of the running hash for a given part, so distinct part lists collide only by chance.
    #[inline(always)]
    fn add(&mut self, template: u64, parts: &[u64]) {
        self.add_from(hash_prefix(template, &[]), parts);
    }
    /// [`Sink::add_from`] for a feature with at least one part left, given `h.rotate_left(5)`
    /// (the first step of mixing the next part, done once per cue side instead of per token).
    #[inline(always)]
    fn add_rotated(&mut self, h_rotated: u64, first: u64, rest: &[u64]) {
        self.add_from((h_rotated ^ first).wrapping_mul(MIX), rest);
    }
    /// Adds the feature whose leading parts are already mixed into `h` (by [`hash_prefix`]), over
    /// its remaining `parts`: the same bucket as [`Sink::add`] over all of them.
    #[inline(always)]
    fn add_from(&mut self, mut h: u64, parts: &[u64]) {
        for &p in parts {
            h = mix(h, p);
        }
        // the top bits of a multiplicative hash depend on every bit below them
        self.push((h >> (64 - BITS)) as u32);
    }
}

/// The running hash of feature `template` after its leading `parts`.
#[inline(always)]
fn hash_prefix(template: u64, parts: &[u64]) -> u64 {
    let mut h = (template + 1).wrapping_mul(MIX);
    for &p in parts {
        h = mix(h, p);
    }
    h
}

#[inline(always)]
fn mix(h: u64, p: u64) -> u64 {
    (h.rotate_left(5) ^ p).wrapping_mul(MIX)
}

/// What the role features of one cue share: the cue, and for each side of it (left, right) the
/// running hash of every template after its leading parts that stay the same for all tokens on that
/// side (the side, the cue's head word, the words around the cue), so each token mixes only the rest.
struct RoleCue {
    c0: usize,
    c1: usize,
    sent: usize,
    quote: usize,
    /// `pre[side - 1][template]`
    pre: [[u64; ROLE_TEMPLATES]; 2],
    /// the same, rotated as the next mixing step starts ([`Sink::add_rotated`])
    rot: [[u64; ROLE_TEMPLATES]; 2],
}
const ROLE_TEMPLATES: usize = 42;

impl Sink for Feats {
    #[inline(always)]
    fn push(&mut self, id: u32) {
        self.ids[self.n] = id;
        self.n += 1;
    }
}

/// Sums the weight rows of the features pushed, in push order (the order [`Trainer`] and the
/// stored models were scored in, so every sum is bit for bit the same as adding a list of ids).
struct Scorer<'m> {
    w: &'m [[f32; 4]; BUCKETS],
    s: [f32; 4],
    k: usize,
}

impl Sink for Scorer<'_> {
    #[inline(always)]
    fn push(&mut self, id: u32) {
        // four independent lanes written out, which the compiler turns into one vector add
        let r = self.w[id as usize & (BUCKETS - 1)];
        let s = self.s;
        self.s = [s[0] + r[0], s[1] + r[1], s[2] + r[2], s[3] + r[3]];
    }
}

/// Asks the processor to fetch the weight rows of the features pushed, and sums nothing. The
/// taggers run one token at a time, each decision waiting for the last, and a token's ~40 rows are
/// random reads into megabytes of weights: most of the taggers' time was spent waiting on them.
/// Running a token's features through this sink while the previous token is scored lets the reads
/// overlap. A prefetch is only a hint: what it asks for never changes a result.
struct Prefetch<'m> {
    w: &'m [[f32; 4]; BUCKETS],
}

/// How many tokens ahead the taggers ask for weight rows.
const AHEAD: usize = 2;

impl Sink for Prefetch<'_> {
    #[inline(always)]
    fn push(&mut self, id: u32) {
        corroborate_model::hint::prefetch(&self.w[id as usize & (BUCKETS - 1)]);
    }
}

impl Scorer<'_> {
    /// The best class (the first of equal scores).
    #[inline]
    fn best(&self) -> usize {
        let s = self.s;
        (0..self.k).fold(0, |b, c| if s[c] > s[b] { c } else { b })
    }
}

/// Shape ids (atoms): `AA` all capitals, `Aa` capitalised, `aa` other words, then the other kinds.
const SH_NONE: u64 = 0;
const SH_UPPER: u64 = 1;
const SH_CAP: u64 = 2;
const SH_LOWER: u64 = 3;
const SH_NUM: u64 = 4;
const SH_QUOTE: u64 = 5;
const SH_PUNCT: u64 = 6;
const SH_POSS: u64 = 7;
const SH_MARKUP: u64 = 8;
const SH_START: u64 = 9;
/// "No suffix" atom (a word whose last three bytes split a character).
const NO_SUFFIX: u64 = u64::MAX;

/// Word clusters the taggers see as features, so that what training saw of one word carries to
/// words of like meaning ("fears" to "worries", "officials" to "authorities"): each word with a
/// coarse and a fine cluster. Derived by `corroborate eval attribution --train-model` from the static
/// embedding table (`corroborate_embed::clusters::word_clusters`) and stored as `clusters.tsv`
/// beside the weights: `word<TAB>coarse<TAB>fine` per line.
#[derive(Debug, Clone, Default)]
pub struct WordClusters {
    /// word hash ([`str_hash`]) to its atoms: the coarse cluster + 1 in the high 32 bits, the fine
    /// cluster + 1 in the low (0: no cluster)
    map: std::collections::HashMap<u64, u64, std::hash::BuildHasherDefault<crate::lexicon::Fnv>>,
}

/// A line of a clusters file that is not `word<TAB>coarse<TAB>fine`.
#[derive(Debug, thiserror::Error)]
#[error("clusters file, line {line}: expected word<TAB>coarse<TAB>fine, found {found:?}")]
pub struct ClustersError {
    pub line: usize,
    pub found: String,
}

impl WordClusters {
    /// Reads a clusters file (see [`WordClusters`]).
    pub fn from_tsv(text: &str) -> Result<WordClusters, ClustersError> {
        let mut map = std::collections::HashMap::default();
        for (n, l) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let mut it = l.split('\t');
            let parsed = (|| {
                let (w, c, f) = (it.next()?, it.next()?.parse::<u32>().ok()?, it.next()?.parse::<u32>().ok()?);
                it.next().is_none().then_some((w, c, f))
            })();
            let (w, c, f) = parsed.ok_or_else(|| ClustersError { line: n + 1, found: l.chars().take(80).collect() })?;
            map.insert(str_hash(w), ((u64::from(c) + 1) << 32) | (u64::from(f) + 1));
        }
        Ok(WordClusters { map })
    }

    /// Number of words with clusters.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The atoms of a word given by its hash, or of its stem, or 0.
    fn atoms(&self, word: u64, stem: u64) -> u64 {
        self.map.get(&word).or_else(|| self.map.get(&stem)).copied().unwrap_or(0)
    }
}

/// The fine and coarse cluster atoms of a token's packed atoms.
#[inline]
fn fine(atoms: u64) -> u64 {
    atoms & 0xffff_ffff
}
#[inline]
fn coarse(atoms: u64) -> u64 {
    atoms >> 32
}

/// Per-document token facts shared by both taggers.
pub struct Doc<'a> {
    toks: &'a [Token],
    norm: Vec<&'a str>,
    /// atoms: hashes of the normalised word, its crude stem and its last three bytes; the shape id
    word: Vec<u64>,
    stem: Vec<u64>,
    suffix: Vec<u64>,
    shape: Vec<u64>,
    /// the word atoms with two start atoms before and two end atoms after (the words beyond the
    /// text), so the features look two tokens either way without a branch
    padded: Vec<u64>,
    /// index of the quotation a token is inside (marks excluded), usize::MAX outside
    quote_of: Vec<usize>,
    sent_of: Vec<usize>,
    sent_toks: Vec<(usize, usize)>,
    /// tokens in no sentence: a title's metadata lines, a page's labels (never a source or content)
    outside: Vec<bool>,
    /// paragraph index of each token
    para_of: Vec<usize>,
    /// coarse part of speech of each token (empty without a part-of-speech tagger)
    pos: Vec<u64>,
    /// word cluster atoms of each token ([`WordClusters`]; 0: none) with 0 two either side (empty
    /// without clusters)
    clus: Vec<u64>,
    /// The shapes with `SH_START` before the first token and `SH_NONE` after the last
    /// (`shapes[i + 1]` is token i's), and the part-of-speech atoms with `POS_NONE` either side
    /// (empty without a tagger): the neighbours' atoms without a branch.
    shapes: Vec<u64>,
    pos_padded: Vec<u64>,
    /// Per token: first of its sentence (bit 0), last (bit 1), a paragraph break before it (bit 2),
    /// in the rule lexicon (bit 3).
    flags: Vec<u8>,
    /// Prefix counts of quotation marks, commas, sentence stops and "that"s: `counts[k]` counts
    /// tokens `< k`, so the features count what lies between two tokens in O(1) instead of walking
    /// it.
    counts: Vec<[u32; 4]>,
    /// For the cue tagger: how many tokens ahead (1 to 4; 0: none that near) the next "that", the
    /// next quotation mark and the next colon are, and whether a quotation mark is among the three
    /// tokens before.
    around: Vec<[u8; 4]>,
}

fn stem(w: &str) -> &str {
    for suf in ["ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.len() >= 3 {
                return s;
            }
        }
    }
    w
}

impl<'a> Doc<'a> {
    /// Whether the tagger read token `i` as a noun, proper noun, pronoun or number (false without
    /// a part-of-speech tagger).
    pub fn nominal(&self, i: usize) -> bool {
        self.pos.get(i) == Some(&2)
    }

    /// Whether the tagger read token `i` as a verb (false without a part-of-speech tagger).
    pub fn verb(&self, i: usize) -> bool {
        self.pos.get(i) == Some(&1)
    }

    /// Whether the tagger read token `i` as an adjective or adverb.
    pub fn modifier(&self, i: usize) -> bool {
        self.pos.get(i) == Some(&3)
    }

    /// Token facts of a text: `sents` as `corroborate_nlp::sentences` gives them.
    /// `pos`: the coarse part-of-speech tagger and `clusters` the word clusters the taggers' models
    /// were trained with ([`Model::pos`], [`Model::clusters`]).
    pub fn new(
        text: &'a str,
        toks: &'a [Token],
        sents: &[Span],
        pos: Option<&Perceptron>,
        clusters: Option<&WordClusters>,
    ) -> Doc<'a> {
        let lexicon = toks.iter().map(|t| t.kind == TokKind::Word && is_cue_verb(&t.lower)).collect();
        Doc::with_lexicon(text, toks, sents, pos, clusters, &crate::quotes::find_quotes(text, toks), lexicon)
    }

    /// [`Doc::new`] with the quotations and lexicon flags already known (the rules find them too):
    /// `quotes` as [`crate::find_quotes`] gives them, `lexicon[i]` whether token `i` is a word
    /// and [`is_cue_verb`].
    pub fn with_lexicon(
        text: &'a str,
        toks: &'a [Token],
        sents: &[Span],
        pos: Option<&Perceptron>,
        clusters: Option<&WordClusters>,
        quotes: &[crate::Quote],
        lexicon: Vec<bool>,
    ) -> Doc<'a> {
        // one pass for the per-token atoms, the paragraph index and the prefix counts
        let n = toks.len();
        let mut norm = Vec::with_capacity(n);
        let mut shape = Vec::with_capacity(n);
        let mut word = Vec::with_capacity(n);
        let mut stems = Vec::with_capacity(n);
        let mut suffix = Vec::with_capacity(n);
        let mut para_of = Vec::with_capacity(n);
        let mut counts = Vec::with_capacity(n + 1);
        let mut count = [0u32; 4];
        counts.push(count);
        let mut para = 0;
        for (i, t) in toks.iter().enumerate() {
            let w = match t.kind {
                TokKind::Word | TokKind::Number | TokKind::Punct(_) => t.lower.as_str(),
                TokKind::Quote(_) => "\"",
                TokKind::Possessive => "'s",
                TokKind::Markup => "<m>",
            };
            norm.push(w);
            shape.push(match t.kind {
                TokKind::Word => {
                    let s = t.span.slice(text);
                    if s.chars().all(|c| !c.is_lowercase()) && s.chars().nth(1).is_some() {
                        SH_UPPER
                    } else if is_capitalized(s) {
                        SH_CAP
                    } else {
                        SH_LOWER
                    }
                }
                TokKind::Number => SH_NUM,
                TokKind::Quote(_) => SH_QUOTE,
                TokKind::Punct(_) => SH_PUNCT,
                TokKind::Possessive => SH_POSS,
                TokKind::Markup => SH_MARKUP,
            });
            let h = str_hash(w);
            word.push(h);
            let s = stem(w);
            stems.push(if s.len() == w.len() { h } else { str_hash(s) });
            suffix.push(w.get(w.len().saturating_sub(3)..).map_or(NO_SUFFIX, |x| {
                if x.len() == w.len() {
                    h
                } else {
                    str_hash(x)
                }
            }));
            if i > 0 && t.paragraph_before {
                para += 1;
            }
            para_of.push(para);
            let hits = [
                matches!(t.kind, TokKind::Quote(_)),
                matches!(t.kind, TokKind::Punct(',')),
                matches!(t.kind, TokKind::Punct('.' | '?' | '!' | ';' | ':')),
                t.lower == "that",
            ];
            for (c, hit) in count.iter_mut().zip(hits) {
                *c += u32::from(hit);
            }
            counts.push(count);
        }
        let mut quote_of = vec![usize::MAX; toks.len()];
        for (qi, q) in quotes.iter().enumerate() {
            for x in &mut quote_of[q.open + 1..q.close] {
                *x = qi;
            }
        }
        let mut sent_of = vec![usize::MAX; toks.len()];
        let mut sent_toks = Vec::with_capacity(sents.len());
        let mut ti = 0;
        for (si, s) in sents.iter().enumerate() {
            while ti < toks.len() && toks[ti].span.start < s.start {
                ti += 1;
            }
            let a = ti;
            while ti < toks.len() && toks[ti].span.end <= s.end {
                sent_of[ti] = si;
                ti += 1;
            }
            sent_toks.push((a, ti));
        }
        let outside: Vec<bool> = sent_of.iter().map(|&s| s == usize::MAX).collect();
        // tokens outside every sentence take the previous token's sentence
        let mut last = 0;
        for s in sent_of.iter_mut() {
            if *s == usize::MAX {
                *s = last;
            } else {
                last = *s;
            }
        }
        let pos = pos.map_or_else(Vec::new, |m| pos_tags(m, &word, &stems, &suffix, &shape));
        let (bos, eos) = (str_hash("<s>"), str_hash("</s>"));
        let mut padded = Vec::with_capacity(word.len() + 4);
        padded.extend([bos, bos]);
        padded.extend_from_slice(&word);
        padded.extend([eos, eos]);
        // one backward pass for the next "that", quotation mark and colon, one forward for the
        // quotation marks before
        let mut around = vec![[0u8; 4]; toks.len()];
        let mut next = [usize::MAX; 3];
        for i in (0..toks.len()).rev() {
            for (d, &n) in around[i].iter_mut().zip(&next) {
                if n - i <= 4 {
                    *d = (n - i) as u8;
                }
            }
            for (n, hit) in next.iter_mut().zip([norm[i] == "that", shape[i] == SH_QUOTE, norm[i] == ":"]) {
                if hit {
                    *n = i;
                }
            }
        }
        let mut last_quote = None;
        for (i, a) in around.iter_mut().enumerate() {
            a[3] = u8::from(last_quote.is_some_and(|q| i - q <= 3));
            if shape[i] == SH_QUOTE {
                last_quote = Some(i);
            }
        }
        let mut clus = Vec::new();
        if let Some(table) = clusters.filter(|c| !c.is_empty()) {
            clus.reserve(n + 4);
            clus.extend([0, 0]);
            clus.extend(word.iter().zip(&stems).map(|(&w, &s)| table.atoms(w, s)));
            clus.extend([0, 0]);
        }
        let mut shapes = Vec::with_capacity(n + 2);
        shapes.push(SH_START);
        shapes.extend_from_slice(&shape);
        shapes.push(SH_NONE);
        let mut pos_padded = Vec::new();
        if !pos.is_empty() {
            pos_padded.reserve(n + 2);
            pos_padded.push(POS_NONE);
            pos_padded.extend_from_slice(&pos);
            pos_padded.push(POS_NONE);
        }
        let flags: Vec<u8> = toks
            .iter()
            .zip(&lexicon)
            .zip(&sent_of)
            .enumerate()
            .map(|(i, ((t, &lex), &s))| {
                let (first, last) = sent_toks.get(s).map_or((false, false), |s| (s.0 == i, s.1 == i + 1));
                u8::from(first) | (u8::from(last) << 1) | (u8::from(t.paragraph_before) << 2) | (u8::from(lex) << 3)
            })
            .collect();
        Doc {
            shapes,
            pos_padded,
            flags,
            counts,
            around,
            pos,
            clus,
            toks,
            norm,
            word,
            stem: stems,
            suffix,
            shape,
            padded,
            quote_of,
            sent_of,
            sent_toks,
            outside,
            para_of,
        }
    }

    /// The word atom at `i`, or the start / end atom beyond the text.
    #[inline]
    fn w(&self, i: isize) -> u64 {
        // `i` is at most two tokens beyond the text either way
        self.padded[(i + 2) as usize]
    }

    /// `last`: the last token of the nearest cue before `i` (the tagger's own, or gold in training).
    fn cue_feats(&self, i: usize, prev: usize, last: Option<usize>, f: &mut impl Sink) {
        let ii = i as isize;
        let (w0, wm1, wp1, wm2, wp2) = (self.w(ii), self.w(ii - 1), self.w(ii + 1), self.w(ii - 2), self.w(ii + 2));
        let p = prev as u64;
        let inq = u64::from(self.quote_of[i] != usize::MAX);
        let flags = self.flags[i];
        let first = u64::from(flags & 1);
        let (shape_before, shape, shape_after) = (self.shapes[i], self.shapes[i + 1], self.shapes[i + 2]);
        f.add(0, &[]);
        f.add(1, &[w0]);
        f.add(2, &[wm1]);
        f.add(3, &[wp1]);
        f.add(4, &[wm2]);
        f.add(5, &[wp2]);
        f.add(6, &[wm1, w0]);
        f.add(7, &[w0, wp1]);
        f.add(8, &[self.stem[i]]);
        f.add(9, &[self.stem[i], wp1]);
        f.add(10, &[shape]);
        f.add(11, &[shape, shape_after]);
        f.add(12, &[inq]);
        f.add(13, &[inq, w0]);
        f.add(14, &[u64::from(flags >> 3 & 1), p]);
        f.add(15, &[p]);
        f.add(16, &[p, w0]);
        f.add(17, &[p, wm1]);
        f.add(18, &[first, w0]);
        f.add(19, &[wm1, w0, wp1]);
        f.add(20, &[wp1, wp2]);
        f.add(21, &[wm2, wm1]);
        f.add(22, &[shape, wp1]);
        if self.suffix[i] != NO_SUFFIX {
            f.add(23, &[self.suffix[i], p]);
        }
        f.add(24, &[shape_before, w0]);
        // what follows within a few tokens: "told reporters that", "said in a statement:", a quote
        let [that, quote, colon, back_quote] = self.around[i].map(u64::from);
        let st = self.stem[i];
        f.add(25, &[st, that]);
        f.add(26, &[st, quote]);
        f.add(27, &[st, colon]);
        f.add(28, &[that, quote, colon, p]);
        f.add(29, &[st, back_quote]);
        // inside what an earlier cue of the sentence reports: PolNeAR gives each token one
        // attribution, so a cue word there is seldom annotated
        let (rel, that_between, db) = match last {
            Some(l) if l < i && self.sent_of[l] == self.sent_of[i] => {
                let d = i - l;
                let db = match d {
                    1 => 1,
                    2..=3 => 2,
                    4..=8 => 3,
                    _ => 4,
                };
                let (now, then) = (self.counts[i], self.counts[l + 1]);
                let commas = u64::from(now[1] - then[1]).min(2);
                (1u64, u64::from(now[3] != then[3]) + 2 * commas, db)
            }
            _ => (0, 0, 0),
        };
        f.add(30, &[st, rel, that_between]);
        f.add(31, &[rel, that_between, db, p]);
        f.add(32, &[rel, inq, db]);
        if !self.pos.is_empty() {
            let (pos_before, pos, pos_after) = (self.pos_padded[i], self.pos_padded[i + 1], self.pos_padded[i + 2]);
            f.add(33, &[pos, p]);
            f.add(34, &[pos_before, pos, pos_after]);
            f.add(35, &[pos, st]);
            f.add(36, &[pos, that, quote]);
        }
        // the word's clusters: what training saw of like words
        if !self.clus.is_empty() {
            let c = self.clus[i + 2];
            f.add(37, &[fine(c)]);
            f.add(38, &[coarse(c), p]);
            f.add(39, &[fine(c), that, quote]);
            f.add(40, &[fine(self.clus[i + 3])]);
        }
    }

    /// The per-cue part of the role features of cue `c0..=c1` (see [`RoleCue`]).
    fn role_cue(&self, c0: usize, c1: usize) -> RoleCue {
        let head = self.head(c0, c1);
        let head_fine = if self.clus.is_empty() { 0 } else { fine(self.clus[self.head_index(c0, c1) + 2]) };
        let before_cue = self.w(c0 as isize - 1);
        let after_cue = self.w(c1 as isize + 1);
        let side_pre = |side: u64| {
            let left = side == 1;
            let mut pre = [0u64; ROLE_TEMPLATES];
            for (t, h) in pre.iter_mut().enumerate() {
                let t64 = t as u64;
                *h = match t {
                    // templates that lead with the side
                    1..=7 | 9..=13 | 22..=24 | 26 | 27 | 30 | 32..=38 => hash_prefix(t64, &[side]),
                    14..=16 | 28 => hash_prefix(t64, &[head, side]),
                    39 => hash_prefix(t64, &[head_fine, side]),
                    40 | 41 => hash_prefix(t64, &[side]),
                    29 => hash_prefix(t64, &[side, before_cue, if left { 0 } else { after_cue }]),
                    31 => hash_prefix(t64, &[side, after_cue]),
                    _ => hash_prefix(t64, &[]),
                };
            }
            pre
        };
        let pre = [side_pre(1), side_pre(2)];
        let rot = pre.map(|side| side.map(|h| h.rotate_left(5)));
        RoleCue { c0, c1, sent: self.sent_of[c0], quote: self.quote_of[c0], pre, rot }
    }

    /// The role features of token `j` for cue `rc`; `other_cues` flags the tokens of the other cues
    /// and `other_before` counts them ([`prefix_counts`]).
    fn role_feats(
        &self,
        j: usize,
        rc: &RoleCue,
        other_cues: &[bool],
        other_before: &[u32],
        prev: usize,
        f: &mut impl Sink,
    ) {
        if j < rc.c0 {
            self.role_feats_side::<true>(j, rc, other_cues, other_before, prev, f);
        } else {
            self.role_feats_side::<false>(j, rc, other_cues, other_before, prev, f);
        }
    }

    /// [`Doc::role_feats`] of a token left of its cue (`LEFT`) or right of it, so what depends
    /// only on the side is settled at compile time.
    #[inline(always)]
    fn role_feats_side<const LEFT: bool>(
        &self,
        j: usize,
        rc: &RoleCue,
        other_cues: &[bool],
        other_before: &[u32],
        prev: usize,
        f: &mut impl Sink,
    ) {
        let (c0, c1) = (rc.c0, rc.c1);
        let left = LEFT;
        let (side, lo, hi) = if left { (1u64, j + 1, c0) } else { (2, c1 + 1, j) };
        let pre = &rc.pre[usize::from(!left)];
        let rot = &rc.rot[usize::from(!left)];
        let dist = if left { c0 - j } else { j - c1 };
        let db: u64 = match dist {
            0..=4 => dist as u64,
            5..=7 => 5,
            8..=12 => 6,
            13..=20 => 7,
            21..=40 => 8,
            _ => 9,
        };
        let (to, from) = (self.counts[hi.max(lo)], self.counts[lo]);
        let (quotes, commas, stops) = ((to[0] - from[0]) as u64, (to[1] - from[1]) as u64, (to[2] - from[2]) as u64);
        let oc = u64::from(other_before[hi.max(lo)] != other_before[lo]);
        let qb = quotes.min(3);
        let cb = commas.min(3);
        let sb = stops.min(2);
        let srel = self.sent_of[j] as isize - rc.sent as isize;
        let sr = (srel.clamp(-2, 2) + 2) as u64;
        let quote = self.quote_of[j];
        let same_q = u64::from(quote != usize::MAX && quote == rc.quote);
        let jq = u64::from(quote != usize::MAX);
        let cq = u64::from(rc.quote != usize::MAX);
        let at_oc = u64::from(other_cues[j]);
        let p = prev as u64;
        let jj = j as isize;
        let (w0, wm1, wp1) = (self.w(jj), self.w(jj - 1), self.w(jj + 1));
        let first = u64::from(self.sent_toks.get(self.sent_of[j]).is_some_and(|s| s.0 == j));
        let (shape, shape_after) = (self.shapes[j + 1], self.shapes[j + 2]);
        // the parts each template leads with are in `pre` (see `role_cue`)
        f.add_from(pre[0], &[]);
        f.add_from(pre[1], &[]);
        f.add_rotated(rot[2], db, &[]);
        f.add_rotated(rot[3], sr, &[]);
        f.add_rotated(rot[4], qb, &[]);
        f.add_rotated(rot[5], cb, &[]);
        f.add_rotated(rot[6], sb, &[]);
        f.add_rotated(rot[7], oc, &[]);
        f.add_rotated(rot[8], at_oc, &[p]);
        f.add_rotated(rot[9], jq, &[cq, same_q]);
        f.add_rotated(rot[10], w0, &[]);
        f.add_rotated(rot[11], wm1, &[]);
        f.add_rotated(rot[12], wp1, &[]);
        f.add_rotated(rot[13], shape, &[]);
        f.add_from(pre[14], &[]);
        f.add_rotated(rot[15], db, &[]);
        f.add_rotated(rot[16], sr, &[]);
        f.add_rotated(rot[17], p, &[]);
        f.add_rotated(rot[18], p, &[side]);
        f.add_rotated(rot[19], p, &[side, db]);
        f.add_rotated(rot[20], p, &[w0]);
        f.add_rotated(rot[21], p, &[side, shape]);
        f.add_rotated(rot[22], sr, &[qb]);
        f.add_rotated(rot[23], sb, &[cb]);
        f.add_rotated(rot[24], db, &[qb, oc]);
        f.add_rotated(rot[25], first, &[side, p]);
        f.add_rotated(rot[26], db, &[shape]);
        f.add_rotated(rot[27], jq, &[p]);
        f.add_rotated(rot[28], qb, &[sb]);
        f.add_from(pre[29], &[]);
        f.add_rotated(rot[30], sr, &[p, jq]);
        f.add_rotated(rot[31], db, &[]);
        f.add_rotated(rot[32], sb, &[p]);
        // boundaries: the token after, the sentence's last token, a paragraph break
        let last = u64::from(self.sent_toks.get(self.sent_of[j]).is_some_and(|s| s.1 == j + 1));
        let para = u64::from(self.toks[j].paragraph_before);
        f.add_rotated(rot[33], p, &[wp1]);
        f.add_rotated(rot[34], p, &[last, sr]);
        f.add_rotated(rot[35], p, &[para, first]);
        f.add_rotated(rot[36], p, &[shape_after, shape]);
        if !self.pos.is_empty() {
            let (pj, pos_after) = (self.pos_padded[j + 1], self.pos_padded[j + 2]);
            f.add_rotated(rot[37], pj, &[p]);
            f.add_rotated(rot[38], pj, &[pos_after, db]);
        }
        // clusters: of the cue's head word, and of the token
        if !self.clus.is_empty() {
            f.add_rotated(rot[39], db, &[p]);
            let c = self.clus[j + 2];
            f.add_rotated(rot[40], fine(c), &[]);
            f.add_rotated(rot[41], coarse(c), &[p, db]);
        }
    }

    /// The window the role tagger looks at for a cue: two sentences before it and five after (contents
    /// after a cue run longer; measured on train/ folds), within its paragraph, and at most
    /// [`WINDOW_BEFORE`] and [`WINDOW_AFTER`] tokens from the cue.
    fn window(&self, c0: usize, c1: usize) -> (usize, usize) {
        self.window_within(c0, c1, WINDOW_BEFORE, WINDOW_AFTER)
    }

    /// [`Doc::window`] with other bounds on the tokens before and after the cue.
    fn window_within(&self, c0: usize, c1: usize, before: usize, after: usize) -> (usize, usize) {
        let s = self.sent_of[c0];
        let first = self.sent_toks.get(s.saturating_sub(2)).map_or(0, |x| x.0).max(c0.saturating_sub(before));
        let last = self
            .sent_toks
            .get((s + 5).min(self.sent_toks.len().saturating_sub(1)))
            .map_or(self.toks.len(), |x| x.1)
            .min(c1 + 1 + after);
        // within the cue's paragraph, and never into metadata ("Title:", a date line under a headline)
        let mut a = c0;
        while a > first && self.para_of[a - 1] == self.para_of[c0] && !self.outside[a - 1] {
            a -= 1;
        }
        let mut b = c1 + 1;
        while b < last.max(c1 + 1) && b < self.toks.len() && self.para_of[b] == self.para_of[c1] && !self.outside[b] {
            b += 1;
        }
        (a, b)
    }

    /// The atom of the cue's head word: its first token that is not an auxiliary.
    fn head(&self, c0: usize, c1: usize) -> u64 {
        self.word[self.head_index(c0, c1)]
    }

    fn head_index(&self, c0: usize, c1: usize) -> usize {
        (c0..=c1)
            .find(|&i| {
                let w = self.norm[i];
                !crate::lexicon::is(crate::CUE_AUXILIARIES, w) && !w.ends_with("ly")
            })
            .unwrap_or(c0)
    }
}

/// Tokens the role tagger reads before a cue at most. In PolNeAR train/ the source or content
/// furthest before its cue starts 536 characters (about 110 tokens) ahead of it; a text without
/// sentence ends (one "sentence" of a megabyte) would otherwise give every cue the whole text.
const WINDOW_BEFORE: usize = 256;
/// Tokens read after a cue at most: 99.9 % of train/'s contents end within 849 characters of their
/// cue (the longest, a quotation over paragraphs, 6,830).
const WINDOW_AFTER: usize = 1024;

/// Tokens the role tagger may read per token of a document, over all its cues' windows. The
/// 2,000-article corpus of `make_corpus.py` reads 1.8 per token on average and 7 at most; a text of
/// nothing but quotes and "said" (a cue every three tokens, windows of a thousand tokens) would
/// read hundreds, minutes for a megabyte.
const ROLE_BUDGET: usize = 40;
/// The narrowest window before a cue when the budget narrows them (after it: twice this).
const MIN_WINDOW: usize = 32;

/// Part-of-speech atom beyond the text (the tags are 0 other, 1 verb, 2 noun, proper noun,
/// pronoun or number, 3 adjective or adverb).
const POS_NONE: u64 = 9;
/// "Previous tag" of the part-of-speech tagger at a sentence start.
const POS_START: usize = 5;

/// Sentences of (form, UPOS) pairs from CoNLL-U text (multi-word and empty nodes skipped).
pub fn read_conllu(text: &str) -> Vec<Vec<(String, String)>> {
    let mut out: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            if out.last().is_some_and(|s| !s.is_empty()) {
                out.push(Vec::new());
            }
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || c.len() < 4 || c[0].contains(['-', '.']) {
            continue;
        }
        if let Some(s) = out.last_mut() {
            s.push((c[1].to_string(), c[3].to_string()));
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The part-of-speech tagger's features of token `i` after the tags `prev` and `prev2`, from the
/// token atoms `[word, stem, suffix, shape]` (as [`Doc`] has them, with `word` and `suffix` padded
/// by [`pos_padded`]).
fn pos_feats([word, stem, suffix, shape]: [&[u64]; 4], i: usize, prev: usize, prev2: usize, f: &mut impl Sink) {
    // `word[i + 2]` is token i's word, with two start atoms before and two end atoms after
    let w = |d: usize| word[i + d];
    let p = prev as u64;
    f.add(0, &[]);
    f.add(1, &[w(2)]);
    f.add(2, &[w(1)]);
    f.add(3, &[w(3)]);
    f.add(4, &[stem[i]]);
    f.add(5, &[suffix[i]]);
    f.add(6, &[shape[i]]);
    f.add(7, &[p]);
    f.add(8, &[p, prev2 as u64]);
    f.add(9, &[p, w(2)]);
    f.add(10, &[w(1), w(2)]);
    f.add(11, &[w(2), w(3)]);
    f.add(12, &[w(0)]);
    f.add(13, &[w(4)]);
    f.add(14, &[p, suffix[i]]);
    f.add(15, &[shape[i], w(1)]);
    f.add(16, &[suffix[i + 1]]);
}

/// The word atoms with two start atoms (1) before and two end atoms (2) after, and the suffix
/// atoms with one end atom (2) after: what [`pos_feats`] reads beyond the sentence.
fn pos_padded(word: &[u64], suffix: &[u64]) -> (Vec<u64>, Vec<u64>) {
    let mut w = Vec::with_capacity(word.len() + 4);
    w.extend([1, 1]);
    w.extend_from_slice(word);
    w.extend([2, 2]);
    let mut s = Vec::with_capacity(suffix.len() + 1);
    s.extend_from_slice(suffix);
    s.push(2);
    (w, s)
}

/// Coarse part-of-speech tags, greedily left to right.
#[inline(never)]
fn pos_tags(m: &Perceptron, word: &[u64], stem: &[u64], suffix: &[u64], shape: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(word.len());
    let (mut p, mut p2) = (POS_START, POS_START);
    let (word_p, suffix_p) = pos_padded(word, suffix);
    for i in 0..AHEAD.min(word.len()) {
        pos_feats([&word_p, stem, &suffix_p, shape], i, p, p, &mut m.prefetcher());
    }
    for i in 0..word.len() {
        if i + AHEAD < word.len() {
            pos_feats([&word_p, stem, &suffix_p, shape], i + AHEAD, p, p, &mut m.prefetcher());
        }
        let mut f = m.scorer();
        pos_feats([&word_p, stem, &suffix_p, shape], i, p, p2, &mut f);
        let t = f.best();
        out.push(t as u64);
        p2 = p;
        p = t;
    }
    out
}

type PosSent = (Vec<u64>, Vec<u64>, Vec<u64>, Vec<u64>, Vec<usize>);

fn pos_prep(sents: &[Vec<(String, String)>]) -> Vec<PosSent> {
    let class = |u: &str| match u {
        "VERB" => 1,
        "NOUN" | "PROPN" | "PRON" | "NUM" => 2,
        "ADJ" | "ADV" => 3,
        _ => 0,
    };
    sents
        .iter()
        .map(|s| {
            let mut word = Vec::new();
            let mut stems = Vec::new();
            let mut suffix = Vec::new();
            let mut shape = Vec::new();
            let mut tags = Vec::new();
            for (w, u) in s {
                let lw = w.to_lowercase();
                let lw = lw.replace(['“', '”', '‘', '’'], "\"");
                let lw = if lw == "`" || lw == "''" || lw == "``" { "\"".to_string() } else { lw };
                let h = str_hash(&lw);
                word.push(h);
                let st = stem(&lw);
                stems.push(if st.len() == lw.len() { h } else { str_hash(st) });
                suffix.push(lw.get(lw.len().saturating_sub(3)..).map_or(NO_SUFFIX, |x| {
                    if x.len() == lw.len() {
                        h
                    } else {
                        str_hash(x)
                    }
                }));
                let c0 = w.chars().next().unwrap_or(' ');
                shape.push(if c0.is_alphabetic() {
                    if w.chars().all(|c| !c.is_lowercase()) && w.chars().nth(1).is_some() {
                        SH_UPPER
                    } else if c0.is_uppercase() {
                        SH_CAP
                    } else {
                        SH_LOWER
                    }
                } else if c0.is_numeric() {
                    SH_NUM
                } else if lw == "\"" {
                    SH_QUOTE
                } else {
                    SH_PUNCT
                });
                tags.push(class(u));
            }
            (word, stems, suffix, shape, tags)
        })
        .collect()
}

/// Passes over the treebank for the part-of-speech tagger.
pub const POS_EPOCHS: usize = 6;

/// One training epoch's order: a Fisher-Yates shuffle driven by a xorshift state.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Trains the coarse part-of-speech tagger on sentences of (word, tag) pairs: the word as it is
/// written, the tag one of UD's UPOS names.
pub fn train_pos(sents: &[Vec<(String, String)>], epochs: usize) -> Perceptron {
    let prepped = pos_prep(sents);
    let mut t = Trainer::new(4);
    let mut f = Feats::default();
    let mut order: Vec<usize> = (0..prepped.len()).collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..epochs {
        shuffle(&mut order, &mut seed);
        for &si in &order {
            let (w, st, su, sh, tags) = &prepped[si];
            let (w, su) = pos_padded(w, su);
            let (w, su) = (&w, &su);
            let (mut p, mut p2) = (POS_START, POS_START);
            for (i, &tag) in tags.iter().enumerate() {
                f.n = 0;
                pos_feats([w, st, su, sh], i, p, p2, &mut f);
                let g = t.guess(f.ids());
                t.learn(f.ids(), tag, g);
                p2 = p;
                p = tag;
            }
        }
    }
    t.averaged()
}

/// Accuracy of a part-of-speech model on sentences as [`train_pos`] takes them.
pub fn pos_accuracy(m: &Perceptron, sents: &[Vec<(String, String)>]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    for (w, st, su, sh, tags) in pos_prep(sents) {
        for (g, t) in pos_tags(m, &w, &st, &su, &sh).iter().zip(&tags) {
            ok += usize::from(*g as usize == *t);
            n += 1;
        }
    }
    ok as f64 / n.max(1) as f64
}

/// The two taggers.
#[derive(Debug, Clone)]
pub struct Model {
    pub cue: Perceptron,
    pub role: Perceptron,
    /// The coarse part-of-speech tagger whose tags the cue and role taggers were trained with
    /// (`None`: they were trained without).
    pub pos: Option<Perceptron>,
    /// The word clusters the cue and role taggers were trained with (`None`: without).
    pub clusters: Option<WordClusters>,
}

/// One attribution found by the model, as token ranges (inclusive) and a content span.
#[derive(Debug, Clone)]
pub struct Tagged {
    pub cue: (usize, usize),
    pub source: Option<(usize, usize)>,
    /// first and last content token
    pub content: Option<(usize, usize)>,
    /// A second content on the other side of the cue (`"X," he said. "Y."`), which PolNeAR
    /// annotates as one discontinuous content with the first.
    pub more: Option<(usize, usize)>,
}

impl Model {
    /// The committed model (`data/cue.bin`, `data/role.bin`), or `None` if they do not load.
    pub fn builtin() -> Option<&'static Model> {
        static M: std::sync::OnceLock<Option<Model>> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            Some(Model {
                cue: Perceptron::from_bytes(include_bytes!("../data/cue.bin"))?,
                role: Perceptron::from_bytes(include_bytes!("../data/role.bin"))?,
                pos: Some(Perceptron::from_bytes(include_bytes!("../data/pos.bin"))?),
                clusters: Some(WordClusters::from_tsv(include_str!("../data/clusters.tsv")).ok()?),
            })
        })
        .as_ref()
    }

    /// Cues as inclusive token ranges.
    pub fn cues(&self, doc: &Doc) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut prev = O;
        for i in 0..AHEAD.min(doc.toks.len()) {
            doc.cue_feats(i, O, None, &mut self.cue.prefetcher());
        }
        for i in 0..doc.toks.len() {
            if i + AHEAD < doc.toks.len() {
                // a later token's rows, guessing it follows an outside token (its few features
                // with the previous tag may then fetch a row that is not used)
                doc.cue_feats(i + AHEAD, O, out.last().map(|c| c.1), &mut self.cue.prefetcher());
            }
            let mut f = self.cue.scorer();
            doc.cue_feats(i, prev, out.last().map(|c| c.1), &mut f);
            let mut t = f.best();
            if t == I && prev == O {
                t = B;
            }
            match t {
                B => out.push((i, i)),
                I => {
                    if let Some(l) = out.last_mut() {
                        l.1 = i;
                    }
                }
                _ => {}
            }
            prev = t;
        }
        out
    }

    /// Source and content of each cue.
    pub fn roles(&self, doc: &Doc, cues: &[(usize, usize)]) -> Vec<Tagged> {
        let mut other = vec![false; doc.toks.len()];
        for &(a, b) in cues {
            other[a..=b].iter_mut().for_each(|x| *x = true);
        }
        // Prefix counts of other cues' tokens; the current cue never lies strictly between a token and
        // itself, so counting all cues here is the same as counting the others.
        let other_before = prefix_counts(&other);
        let mut out = Vec::with_capacity(cues.len());
        let mut tags = Vec::new();
        let mut windows: Vec<(usize, usize)> = cues.iter().map(|&(c0, c1)| doc.window(c0, c1)).collect();
        let work: usize = windows.iter().map(|(a, b)| b - a).sum();
        let budget = ROLE_BUDGET * doc.toks.len().max(1);
        if work > budget {
            // cues so dense that their windows overlap many times over: narrower windows, so that the
            // document costs at most its budget (articles have about one cue in thirty tokens)
            let each = (budget / cues.len()).max(3 * MIN_WINDOW);
            windows = cues.iter().map(|&(c0, c1)| doc.window_within(c0, c1, each / 3, each - each / 3)).collect();
        }
        for (&(c0, c1), &(a, b)) in cues.iter().zip(&windows) {
            let rc = doc.role_cue(c0, c1);
            other[c0..=c1].iter_mut().for_each(|x| *x = false);
            tags.clear();
            // the window holds the cue (a <= c0, c1 < b): the tokens before it, the cue, the tokens after
            self.tag_side::<true>(doc, a..c0, &rc, &other, &other_before, O, &mut tags);
            tags.extend(std::iter::repeat_n(CUE_TAG, c1 + 1 - c0));
            self.tag_side::<false>(doc, c1 + 1..b, &rc, &other, &other_before, CUE_TAG, &mut tags);
            other[c0..=c1].iter_mut().for_each(|x| *x = true);
            out.push(decode(doc, a, &tags, (c0, c1), &other));
        }
        out
    }

    /// Role tags of the tokens `range` on one side of a cue, in order, after tag `first_prev`
    /// (greedy: each token's previous tag is the one just given). The rows of the token [`AHEAD`]
    /// are asked for while a token is scored, guessing the tag before it is the current one (tags
    /// come in runs).
    #[allow(clippy::too_many_arguments)]
    fn tag_side<const LEFT: bool>(
        &self,
        doc: &Doc,
        range: std::ops::Range<usize>,
        rc: &RoleCue,
        other: &[bool],
        other_before: &[u32],
        first_prev: usize,
        tags: &mut Vec<usize>,
    ) {
        let end = range.end;
        for j in range.start..(range.start + AHEAD).min(end) {
            doc.role_feats_side::<LEFT>(j, rc, other, other_before, first_prev, &mut self.role.prefetcher());
        }
        let mut prev = first_prev;
        for j in range {
            if j + AHEAD < end {
                doc.role_feats_side::<LEFT>(j + AHEAD, rc, other, other_before, prev, &mut self.role.prefetcher());
            }
            let mut f = self.role.scorer();
            doc.role_feats_side::<LEFT>(j, rc, other, other_before, prev, &mut f);
            let t = f.best();
            tags.push(t);
            prev = t;
        }
    }
}

/// `n[k]` = how many of `flags[..k]` are set.
fn prefix_counts(flags: &[bool]) -> Vec<u32> {
    let mut n = Vec::with_capacity(flags.len() + 1);
    n.push(0u32);
    for &x in flags {
        n.push(n.last().copied().unwrap_or(0) + u32::from(x));
    }
    n
}

/// Source: the run of source tokens nearest the cue. Content: content runs joined across gaps of
/// at most three tokens (or the cue and its source), the group nearest the cue.
fn decode(doc: &Doc, a: usize, tags: &[usize], cue: (usize, usize), other_cues: &[bool]) -> Tagged {
    let runs = |want: usize| -> Vec<(usize, usize)> {
        let mut r: Vec<(usize, usize)> = Vec::new();
        for (k, &t) in tags.iter().enumerate() {
            if t == want {
                let j = a + k;
                match r.last_mut() {
                    Some(l) if l.1 + 1 == j => l.1 = j,
                    _ => r.push((j, j)),
                }
            }
        }
        r
    };
    let dist = |r: &(usize, usize)| if r.1 < cue.0 { cue.0 - r.1 } else { r.0.saturating_sub(cue.1) };
    let source = runs(SRC).into_iter().min_by_key(dist);
    let mut groups: Vec<(usize, usize, usize)> = Vec::new(); // start, end, tokens
    for r in runs(CONT) {
        if let Some(g) = groups.last_mut() {
            let gap = g.1 + 1..r.0;
            let small =
                gap.len() <= 3 && gap.clone().all(|k| !doc.toks[k].is_word() || doc.toks[k].kind == TokKind::Number);
            // never across the cue: a content on both sides is two contents in PolNeAR, and one
            // span holding its own cue would be wrong for every later stage
            let attribution_only = !gap.clone().any(|k| (cue.0..=cue.1).contains(&k))
                && gap.clone().all(|k| {
                    source.is_some_and(|s| (s.0..=s.1).contains(&k)) || !doc.toks[k].is_word() || tags[k - a] == CONT
                });
            if small || attribution_only {
                g.1 = r.1;
                g.2 += r.1 - r.0 + 1;
                continue;
            }
        }
        groups.push((r.0, r.1, r.1 - r.0 + 1));
    }
    // the group that shares the cue's sentence first, then the nearest, then the largest
    let sent = doc.sent_of[cue.0];
    let content = groups
        .iter()
        .min_by_key(|g| (!(g.0..=g.1).any(|k| doc.sent_of[k] == sent), dist(&(g.0, g.1)), usize::MAX - g.2))
        .map(|g| (g.0, g.1));
    // a content after the cue that stops a few words short of its sentence's end runs to it, when
    // no other cue and no quotation mark lies in between
    let content = content.map(|(ca, cb)| {
        // a content before the cue that opens on a subordinate clause a few words into its sentence
        // takes the clause it hangs on ("At least twelve people were killed | when a dam gave way
        // before dawn on Friday, officials said"): the tagger reads a long "when ..." as the whole
        if cb < cue.0 {
            let start = doc.sent_toks.get(doc.sent_of[ca]).map_or(ca, |s| s.0);
            // the clause before the subordinating word: a main clause of its own (no other
            // subordinating or joining word in it: "But while ...", "Though ... as ..." are not),
            // and what was said ends at the comma before its source and cue ("..., officials said")
            let head = start..ca.saturating_sub(1);
            let words = head.clone().filter(|&k| doc.toks[k].is_word()).count();
            if (3..=HEAD_WORDS).contains(&words)
                && HEAD_SUBORDINATORS.contains(&doc.norm[ca - 1])
                && doc.norm.get(cb + 1) == Some(&",")
                && head.clone().all(|k| {
                    !other_cues[k]
                        && doc.shape[k] != SH_QUOTE
                        && doc.para_of[k] == doc.para_of[ca]
                        && !matches!(
                            doc.norm[k],
                            "," | ";" | ":" | "but" | "and" | "or" | "yet" | "so" | "though" | "although" | "even"
                        )
                        && !HEAD_SUBORDINATORS.contains(&doc.norm[k])
                })
            {
                let s = head.clone().find(|&k| doc.toks[k].is_word()).unwrap_or(ca);
                return (s, cb);
            }
            return (ca, cb);
        }
        if ca <= cue.1 {
            return (ca, cb);
        }
        let end = doc.sent_toks.get(doc.sent_of[cb]).map_or(cb + 1, |s| s.1);
        let rest = cb + 1..end;
        let words = rest.clone().filter(|&k| doc.toks[k].is_word()).count();
        if words > 0
            && words <= TAIL_WORDS
            && rest.clone().all(|k| !other_cues[k] && doc.shape[k] != SH_QUOTE && doc.para_of[k] == doc.para_of[cb])
        {
            let mut e = end - 1;
            while e > cb && !doc.toks[e].is_word() {
                e -= 1;
            }
            (ca, e)
        } else {
            (ca, cb)
        }
    });
    // the nearest group on the far side of the cue, when its words are not another attribution's
    let more = content.and_then(|(ca, _)| {
        let before = ca < cue.0;
        groups
            .iter()
            .filter(|g| if before { g.0 > cue.1 } else { g.1 < cue.0 })
            .filter(|g| g.2 >= MORE_MIN_TOKENS)
            .filter(|g| !source.is_some_and(|s| s.0 <= g.1 && g.0 <= s.1))
            .min_by_key(|g| dist(&(g.0, g.1)))
            .map(|g| (g.0, g.1))
    });
    Tagged { cue, source, content, more }
}

/// How many words short of its sentence's end a content after its cue may stop and still be run
/// to the end (measured on train/ folds: 3 to 12 all help a little, 6 most).
const TAIL_WORDS: usize = 6;

/// How many words a content before its cue may leave out at its sentence's start and still take
/// them, when it opens on one of [`HEAD_SUBORDINATORS`] (PolNeAR dev/ and train/ scores unchanged;
/// one content of the 2,000-article corpus changes, "Typically it takes about three years from when
/// a decision is taken ..., Mr Panke said", for the better).
const HEAD_WORDS: usize = 12;
/// Words opening a subordinate clause that a content before its cue may start on by mistake.
const HEAD_SUBORDINATORS: &[&str] =
    &["when", "after", "before", "as", "while", "because", "since", "until", "if", "once"];

/// The smallest second content [`decode`] keeps (1 to 8 measured the same on train/ folds).
const MORE_MIN_TOKENS: usize = 3;

/// One gold attribution for training: source, cue and content fragments (byte spans).
pub type GoldParts = (Vec<Span>, Vec<Span>, Vec<Span>);

/// One annotated document for training: its text, tokens, sentences and gold attributions as
/// (source, cue, content) fragment lists (byte spans).
pub struct Example<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub sents: &'a [Span],
    pub gold: &'a [GoldParts],
}

/// Tokens overlapping any of the fragments.
fn covered(toks: &[Token], frags: &[Span]) -> Vec<usize> {
    let mut v: Vec<usize> = Vec::new();
    for f in frags {
        let start = toks.partition_point(|t| t.span.end <= f.start);
        for (k, t) in toks.iter().enumerate().skip(start) {
            if t.span.start >= f.end {
                break;
            }
            if t.span.overlaps(f) {
                v.push(k);
            }
        }
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// Trains both taggers for `epochs` passes (examples shuffled by a fixed seed each pass), with the
/// tags of the part-of-speech tagger `pos` (trained first by [`train_pos`]) as features, and
/// returns the averaged models. `progress` is called after each pass with (epoch, cue accuracy,
/// role accuracy) on the training data.
#[allow(clippy::needless_range_loop)]
pub fn train(
    examples: &[Example],
    pos: Option<Perceptron>,
    clusters: Option<WordClusters>,
    epochs: usize,
    mut progress: impl FnMut(usize, f64, f64),
) -> Model {
    // gold tags per document
    struct Prep<'d> {
        doc: Doc<'d>,
        cue_tags: Vec<usize>,
        atts: Vec<((usize, usize), Vec<usize>)>,
        cue_mask: Vec<bool>,
    }
    let preps: Vec<Prep> = examples
        .iter()
        .map(|ex| {
            let doc = Doc::new(ex.text, ex.toks, ex.sents, pos.as_ref(), clusters.as_ref());
            let mut cue_tags = vec![O; ex.toks.len()];
            let mut cue_mask = vec![false; ex.toks.len()];
            let mut atts = Vec::new();
            for (src, cue, content) in ex.gold {
                let ct = covered(ex.toks, cue);
                if ct.is_empty() {
                    continue;
                }
                for (n, &k) in ct.iter().enumerate() {
                    cue_tags[k] = if n > 0 && ct[n - 1] + 1 == k { I } else { B };
                    cue_mask[k] = true;
                }
                // the role tagger sees the first contiguous run of the cue as the cue
                let mut c1 = ct[0];
                while ct.contains(&(c1 + 1)) {
                    c1 += 1;
                }
                let mut labels = vec![O; ex.toks.len()];
                for k in covered(ex.toks, content) {
                    labels[k] = CONT;
                }
                for k in covered(ex.toks, src) {
                    labels[k] = SRC;
                }
                atts.push(((ct[0], c1), labels));
            }
            Prep { doc, cue_tags, atts, cue_mask }
        })
        .collect();
    let mut cue_t = Trainer::new(3);
    let mut role_t = Trainer::new(3);
    let mut order: Vec<usize> = (0..preps.len()).collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut f = Feats::default();
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        let (mut cue_ok, mut cue_n, mut role_ok, mut role_n) = (0usize, 0usize, 0usize, 0usize);
        for &di in &order {
            let p = &preps[di];
            let mut prev = O;
            let mut last = None;
            for i in 0..p.doc.toks.len() {
                f.n = 0;
                p.doc.cue_feats(i, prev, last, &mut f);
                let g = cue_t.guess(f.ids());
                cue_t.learn(f.ids(), p.cue_tags[i], g);
                cue_ok += usize::from(g == p.cue_tags[i]);
                cue_n += 1;
                prev = p.cue_tags[i];
                if prev != O {
                    last = Some(i);
                }
            }
            for ((c0, c1), labels) in &p.atts {
                let (c0, c1) = (*c0, *c1);
                let (a, b) = p.doc.window(c0, c1);
                let rc = p.doc.role_cue(c0, c1);
                let mut mask = p.cue_mask.clone();
                mask[c0..=c1].iter_mut().for_each(|x| *x = false);
                let mask_before = prefix_counts(&mask);
                let mut prev = O;
                for j in a..b {
                    if (c0..=c1).contains(&j) {
                        prev = CUE_TAG;
                        continue;
                    }
                    f.n = 0;
                    p.doc.role_feats(j, &rc, &mask, &mask_before, prev, &mut f);
                    let g = role_t.guess(f.ids());
                    role_t.learn(f.ids(), labels[j], g);
                    role_ok += usize::from(g == labels[j]);
                    role_n += 1;
                    prev = labels[j];
                }
            }
        }
        progress(epoch + 1, cue_ok as f64 / cue_n.max(1) as f64, role_ok as f64 / role_n.max(1) as f64);
    }
    Model { cue: cue_t.averaged(), role: role_t.averaged(), pos, clusters }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_nlp::{sentences, tokenize};

    /// Prefix counts as the features were first written with: quotation marks (0), commas (1),
    /// sentence stops (2) or "that" (3) among the tokens before each index.
    fn prefix(doc: &Doc, what: usize) -> Vec<u32> {
        let hit = |t: &Token| match what {
            0 => matches!(t.kind, TokKind::Quote(_)),
            1 => matches!(t.kind, TokKind::Punct(',')),
            2 => matches!(t.kind, TokKind::Punct('.' | '?' | '!' | ';' | ':')),
            _ => t.lower == "that",
        };
        let mut v = vec![0];
        for t in doc.toks {
            v.push(v.last().copied().unwrap_or(0) + u32::from(hit(t)));
        }
        v
    }

    impl Doc<'_> {
        /// The cluster atoms of token `k`.
        fn clusters_of(&self, k: usize) -> u64 {
            self.clus[k + 2]
        }
    }

    #[test]
    fn a_word_takes_its_clusters_or_its_stems() {
        let clusters = WordClusters::from_tsv("worry\t3\t40\nfear\t3\t41\n\nsaid\t0\t7\n").unwrap();
        assert_eq!(clusters.len(), 3);
        let text = "Fears grew, she said; worries and hopes.";
        let toks = tokenize(text, &[]);
        let doc = Doc::new(text, &toks, &sentences(text, &toks, &[]), None, Some(&clusters));
        let of = |w: &str| doc.clusters_of(toks.iter().position(|t| t.lower == w).unwrap());
        assert_eq!((coarse(of("fears")), fine(of("fears"))), (4, 42), "the stem's clusters, one more than stored");
        assert_eq!(fine(of("said")), 8);
        assert_eq!(of("worries"), 0, "the crude stem of worries is worri: no cluster");
        assert_eq!(of("hopes"), 0);
        let bad = WordClusters::from_tsv("said\t0\t7\nworry\tthree\t40\n").unwrap_err();
        assert_eq!(bad.line, 2);
    }

    /// The role features as they were written before [`RoleCue`] took the per-cue prefixes out:
    /// the oracle the faster form must match bucket for bucket.
    #[allow(clippy::too_many_arguments)]
    fn role_feats_reference(
        doc: &Doc,
        j: usize,
        cue: (usize, usize),
        head: u64,
        other_cues: &[bool],
        other_before: &[u32],
        prev: usize,
        f: &mut Feats,
    ) {
        let (c0, c1) = cue;
        let left = j < c0;
        let (side, lo, hi) = if left { (1u64, j + 1, c0) } else { (2, c1 + 1, j) };
        let dist = if left { c0 - j } else { j - c1 };
        let db: u64 = match dist {
            0..=4 => dist as u64,
            5..=7 => 5,
            8..=12 => 6,
            13..=20 => 7,
            21..=40 => 8,
            _ => 9,
        };
        let between = |n: &[u32]| (n[hi.max(lo)] - n[lo]) as u64;
        let (quotes, commas, stops) = (between(&prefix(doc, 0)), between(&prefix(doc, 1)), between(&prefix(doc, 2)));
        let oc = u64::from(other_before[hi.max(lo)] != other_before[lo]);
        let qb = quotes.min(3);
        let cb = commas.min(3);
        let sb = stops.min(2);
        let srel = doc.sent_of[j] as isize - doc.sent_of[c0] as isize;
        let sr = (srel.clamp(-2, 2) + 2) as u64;
        let same_q = u64::from(doc.quote_of[j] != usize::MAX && doc.quote_of[j] == doc.quote_of[c0]);
        let jq = u64::from(doc.quote_of[j] != usize::MAX);
        let cq = u64::from(doc.quote_of[c0] != usize::MAX);
        let at_oc = u64::from(other_cues[j]);
        let p = prev as u64;
        let jj = j as isize;
        let (w0, wm1, wp1) = (doc.w(jj), doc.w(jj - 1), doc.w(jj + 1));
        let first = u64::from(doc.sent_toks.get(doc.sent_of[j]).is_some_and(|s| s.0 == j));
        let shape = doc.shape[j];
        let before_cue = doc.w(c0 as isize - 1);
        let after_cue = doc.w(c1 as isize + 1);
        f.add(0, &[]);
        f.add(1, &[side]);
        f.add(2, &[side, db]);
        f.add(3, &[side, sr]);
        f.add(4, &[side, qb]);
        f.add(5, &[side, cb]);
        f.add(6, &[side, sb]);
        f.add(7, &[side, oc]);
        f.add(8, &[at_oc, p]);
        f.add(9, &[side, jq, cq, same_q]);
        f.add(10, &[side, w0]);
        f.add(11, &[side, wm1]);
        f.add(12, &[side, wp1]);
        f.add(13, &[side, shape]);
        f.add(14, &[head, side]);
        f.add(15, &[head, side, db]);
        f.add(16, &[head, side, sr]);
        f.add(17, &[p]);
        f.add(18, &[p, side]);
        f.add(19, &[p, side, db]);
        f.add(20, &[p, w0]);
        f.add(21, &[p, side, shape]);
        f.add(22, &[side, sr, qb]);
        f.add(23, &[side, sb, cb]);
        f.add(24, &[side, db, qb, oc]);
        f.add(25, &[first, side, p]);
        f.add(26, &[side, db, shape]);
        f.add(27, &[side, jq, p]);
        f.add(28, &[head, side, qb, sb]);
        f.add(29, &[side, before_cue, if left { 0 } else { after_cue }]);
        f.add(30, &[side, sr, p, jq]);
        f.add(31, &[side, after_cue, db]);
        f.add(32, &[side, sb, p]);
        // boundaries: the token after, the sentence's last token, a paragraph break
        let last = u64::from(doc.sent_toks.get(doc.sent_of[j]).is_some_and(|s| s.1 == j + 1));
        let para = u64::from(doc.toks[j].paragraph_before);
        f.add(33, &[side, p, wp1]);
        f.add(34, &[side, p, last, sr]);
        f.add(35, &[side, p, para, first]);
        f.add(36, &[side, p, doc.shape.get(j + 1).copied().unwrap_or(SH_NONE), shape]);
        if !doc.pos.is_empty() {
            let pj = doc.pos[j];
            f.add(37, &[side, pj, p]);
            f.add(38, &[side, pj, doc.pos.get(j + 1).copied().unwrap_or(POS_NONE), db]);
        }
        if !doc.clus.is_empty() {
            let atoms = |k: usize| doc.clusters_of(k);
            f.add(39, &[fine(atoms(doc.head_index(c0, c1))), side, db, p]);
            f.add(40, &[side, fine(atoms(j))]);
            f.add(41, &[side, coarse(atoms(j)), p, db]);
        }
    }

    #[test]
    fn role_features_match_the_plain_formulation() {
        let text = "“We stay,” the mayor of Velkor, Ana Ruiz, said on Monday. Officials said the bridge, \
                    which \"never\" closed, was safe; “no one died,” he insisted.\n\nRain fell. \
                    According to the ministry, the dam held. She told reporters that it was over.";
        let toks = tokenize(text, &[]);
        let sents = sentences(text, &toks, &[]);
        let model = Model::builtin().unwrap();
        for (pos, clusters) in [(None, None), (model.pos.as_ref(), None), (model.pos.as_ref(), model.clusters.as_ref())]
        {
            let doc = Doc::new(text, &toks, &sents, pos, clusters);
            let n = toks.len();
            for c0 in 0..n {
                let c1 = (c0 + c0 % 3).min(n - 1);
                let other: Vec<bool> = (0..n).map(|k| k % 7 == 3 && !(c0..=c1).contains(&k)).collect();
                let before = prefix_counts(&other);
                let rc = doc.role_cue(c0, c1);
                let head = doc.head(c0, c1);
                let (a, b) = doc.window(c0, c1);
                for j in (a..b).filter(|j| !(c0..=c1).contains(j)) {
                    for prev in [O, SRC, CONT, CUE_TAG] {
                        let (mut x, mut y) = (Feats::default(), Feats::default());
                        doc.role_feats(j, &rc, &other, &before, prev, &mut x);
                        role_feats_reference(&doc, j, (c0, c1), head, &other, &before, prev, &mut y);
                        assert_eq!(x.ids(), y.ids(), "cue {c0}..={c1}, token {j}, prev {prev}");
                    }
                }
            }
        }
    }

    /// The cue features as they were written before the look-ahead was precomputed ([`Doc`]'s
    /// `around`): the oracle the faster form must match bucket for bucket.
    fn cue_feats_reference(doc: &Doc, i: usize, prev: usize, last: Option<usize>, f: &mut Feats) {
        let ii = i as isize;
        let (w0, wm1, wp1, wm2, wp2) = (doc.w(ii), doc.w(ii - 1), doc.w(ii + 1), doc.w(ii - 2), doc.w(ii + 2));
        let p = prev as u64;
        let inq = u64::from(doc.quote_of[i] != usize::MAX);
        let first = u64::from(doc.sent_toks.get(doc.sent_of[i]).is_some_and(|s| s.0 == i));
        let shape = doc.shape[i];
        f.add(0, &[]);
        f.add(1, &[w0]);
        f.add(2, &[wm1]);
        f.add(3, &[wp1]);
        f.add(4, &[wm2]);
        f.add(5, &[wp2]);
        f.add(6, &[wm1, w0]);
        f.add(7, &[w0, wp1]);
        f.add(8, &[doc.stem[i]]);
        f.add(9, &[doc.stem[i], wp1]);
        f.add(10, &[shape]);
        f.add(11, &[shape, doc.shape.get(i + 1).copied().unwrap_or(SH_NONE)]);
        f.add(12, &[inq]);
        f.add(13, &[inq, w0]);
        let lexicon = doc.toks[i].kind == TokKind::Word && is_cue_verb(&doc.toks[i].lower);
        f.add(14, &[u64::from(lexicon), p]);
        f.add(15, &[p]);
        f.add(16, &[p, w0]);
        f.add(17, &[p, wm1]);
        f.add(18, &[first, w0]);
        f.add(19, &[wm1, w0, wp1]);
        f.add(20, &[wp1, wp2]);
        f.add(21, &[wm2, wm1]);
        f.add(22, &[shape, wp1]);
        if doc.suffix[i] != NO_SUFFIX {
            f.add(23, &[doc.suffix[i], p]);
        }
        f.add(24, &[if i > 0 { doc.shape[i - 1] } else { SH_START }, w0]);
        // what follows within a few tokens: "told reporters that", "said in a statement:", a quote
        let n = doc.toks.len();
        let ahead =
            |want: &dyn Fn(usize) -> bool| -> u64 { (1..=4).find(|&k| i + k < n && want(i + k)).unwrap_or(0) as u64 };
        let that = ahead(&|k| doc.norm[k] == "that");
        let quote = ahead(&|k| doc.shape[k] == SH_QUOTE);
        let colon = ahead(&|k| doc.norm[k] == ":");
        let st = doc.stem[i];
        f.add(25, &[st, that]);
        f.add(26, &[st, quote]);
        f.add(27, &[st, colon]);
        f.add(28, &[that, quote, colon, p]);
        let back_quote = u64::from((1..=3).any(|k| i >= k && doc.shape[i - k] == SH_QUOTE));
        f.add(29, &[st, back_quote]);
        // inside what an earlier cue of the sentence reports: PolNeAR gives each token one
        // attribution, so a cue word there is seldom annotated
        let (rel, that_between, db) = match last {
            Some(l) if l < i && doc.sent_of[l] == doc.sent_of[i] => {
                let d = i - l;
                let db = match d {
                    1 => 1,
                    2..=3 => 2,
                    4..=8 => 3,
                    _ => 4,
                };
                let (commas_before, that_before) = (prefix(doc, 1), prefix(doc, 3));
                let commas = u64::from(commas_before[i] - commas_before[l + 1]).min(2);
                (1u64, u64::from(that_before[i] != that_before[l + 1]) + 2 * commas, db)
            }
            _ => (0, 0, 0),
        };
        f.add(30, &[st, rel, that_between]);
        f.add(31, &[rel, that_between, db, p]);
        f.add(32, &[rel, inq, db]);
        if !doc.pos.is_empty() {
            let pp = |k: isize| if k < 0 { POS_NONE } else { doc.pos.get(k as usize).copied().unwrap_or(POS_NONE) };
            f.add(33, &[pp(ii), p]);
            f.add(34, &[pp(ii - 1), pp(ii), pp(ii + 1)]);
            f.add(35, &[pp(ii), st]);
            f.add(36, &[pp(ii), that, quote]);
        }
        if !doc.clus.is_empty() {
            let c = doc.clusters_of(i);
            f.add(37, &[fine(c)]);
            f.add(38, &[coarse(c), p]);
            f.add(39, &[fine(c), that, quote]);
            f.add(40, &[fine(if i + 1 < n { doc.clusters_of(i + 1) } else { 0 })]);
        }
    }

    #[test]
    fn cue_features_match_the_plain_formulation() {
        let text = "“We stay,” the mayor said: that was it. Officials told reporters that the bridge, \
                    which \"never\" closed, was safe; “no one died,” he insisted that day.\n\n\"Rain\" fell:";
        let toks = tokenize(text, &[]);
        let sents = sentences(text, &toks, &[]);
        let model = Model::builtin().unwrap();
        for (pos, clusters) in [(None, None), (model.pos.as_ref(), None), (model.pos.as_ref(), model.clusters.as_ref())]
        {
            let doc = Doc::new(text, &toks, &sents, pos, clusters);
            for i in 0..toks.len() {
                for last in [None, Some(0), Some(i.saturating_sub(1)), Some(i.saturating_sub(5)), Some(i + 1)] {
                    for prev in [O, B, I] {
                        let (mut x, mut y) = (Feats::default(), Feats::default());
                        doc.cue_feats(i, prev, last, &mut x);
                        cue_feats_reference(&doc, i, prev, last, &mut y);
                        assert_eq!(x.ids(), y.ids(), "token {i}, last {last:?}, prev {prev}");
                    }
                }
            }
        }
    }

    /// The part-of-speech features as they were written before the words were padded: the oracle
    /// the faster form must match bucket for bucket.
    fn pos_feats_reference(
        [word, stem, suffix, shape]: [&[u64]; 4],
        i: usize,
        prev: usize,
        prev2: usize,
        f: &mut Feats,
    ) {
        let w = |k: isize| if k < 0 { 1 } else { word.get(k as usize).copied().unwrap_or(2) };
        let ii = i as isize;
        let p = prev as u64;
        f.add(0, &[]);
        f.add(1, &[w(ii)]);
        f.add(2, &[w(ii - 1)]);
        f.add(3, &[w(ii + 1)]);
        f.add(4, &[stem[i]]);
        f.add(5, &[suffix[i]]);
        f.add(6, &[shape[i]]);
        f.add(7, &[p]);
        f.add(8, &[p, prev2 as u64]);
        f.add(9, &[p, w(ii)]);
        f.add(10, &[w(ii - 1), w(ii)]);
        f.add(11, &[w(ii), w(ii + 1)]);
        f.add(12, &[w(ii - 2)]);
        f.add(13, &[w(ii + 2)]);
        f.add(14, &[p, suffix[i]]);
        f.add(15, &[shape[i], w(ii - 1)]);
        f.add(16, &[suffix.get(i + 1).copied().unwrap_or(2)]);
    }

    #[test]
    fn pos_features_match_the_plain_formulation() {
        let text = "“We stay,” the mayor said. Officials told reporters that it was safe.\n\nRain";
        let toks = tokenize(text, &[]);
        let doc = Doc::new(text, &toks, &sentences(text, &toks, &[]), None, None);
        let (word, suffix) = pos_padded(&doc.word, &doc.suffix);
        for i in 0..toks.len() {
            for (prev, prev2) in [(POS_START, POS_START), (1, POS_START), (2, 3), (0, 1)] {
                let (mut x, mut y) = (Feats::default(), Feats::default());
                pos_feats([&word, &doc.stem, &suffix, &doc.shape], i, prev, prev2, &mut x);
                pos_feats_reference([&doc.word, &doc.stem, &doc.suffix, &doc.shape], i, prev, prev2, &mut y);
                assert_eq!(x.ids(), y.ids(), "token {i}, prev {prev} {prev2}");
            }
        }
    }

    fn span(text: &str, s: &str) -> Span {
        let a = text.find(s).unwrap();
        Span::new(a, a + s.len())
    }

    #[test]
    fn learns_cues_and_roles_from_examples_and_round_trips() {
        let text = "The mayor said the bridge was closed. Rain fell on Monday. The chief told us the road was open.";
        let toks = tokenize(text, &[]);
        let sents = sentences(text, &toks, &[]);
        let gold = vec![
            (vec![span(text, "The mayor")], vec![span(text, "said")], vec![span(text, "the bridge was closed")]),
            (vec![span(text, "The chief")], vec![span(text, "told us")], vec![span(text, "the road was open")]),
        ];
        let ex = [Example { text, toks: &toks, sents: &sents, gold: &gold }];
        let mut passes = 0;
        let ud = "# text = He said it.\n1\tHe\the\tPRON\n2\tsaid\tsay\tVERB\n3\tit\tit\tPRON\n4\t.\t.\tPUNCT\n\n\
                  1\tThe\tthe\tDET\n2\troad\troad\tNOUN\n3\twas\tbe\tAUX\n4\topen\topen\tADJ\n\n";
        let sentences_ud = read_conllu(ud);
        assert_eq!(sentences_ud.len(), 2);
        let pos = train_pos(&sentences_ud, 4);
        assert!(pos_accuracy(&pos, &sentences_ud) > 0.99);
        let clusters = WordClusters::from_tsv("said\t0\t1\ntold\t0\t1\nmayor\t1\t2\nchief\t1\t2\n").unwrap();
        let model = train(&ex, Some(pos), Some(clusters), 6, |_, _, _| passes += 1);
        assert_eq!(passes, 6);
        let doc = Doc::new(text, &toks, &sents, model.pos.as_ref(), model.clusters.as_ref());
        let cues = model.cues(&doc);
        let words: Vec<&str> = cues.iter().map(|c| toks[c.0].span.cover(&toks[c.1].span).slice(text)).collect();
        assert_eq!(words, ["said", "told us"]);
        let roles = model.roles(&doc, &cues);
        let show = |r: Option<(usize, usize)>| r.map(|(a, b)| toks[a].span.cover(&toks[b].span).slice(text));
        assert_eq!(show(roles[0].source), Some("The mayor"));
        assert_eq!(show(roles[0].content), Some("the bridge was closed"));
        assert_eq!(show(roles[1].content), Some("the road was open"));
        // stored weights give the same answers
        let cue = Perceptron::from_bytes(&model.cue.to_bytes()).unwrap();
        let role = Perceptron::from_bytes(&model.role.to_bytes()).unwrap();
        let again = Model { cue, role, pos: model.pos.clone(), clusters: model.clusters.clone() };
        assert_eq!(again.cues(&doc), cues);
        assert!(Perceptron::from_bytes(b"not a model").is_none());
    }
}
