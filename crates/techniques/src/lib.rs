//! Persuasion techniques and known disinformation narratives, found as spans of an article's text.
//!
//! **Techniques.** The 14 techniques of the SemEval-2020 Task 11 propaganda corpus (PTC), labelled
//! exactly as in its label files (`Loaded_Language`, `Doubt`, ...). Detection runs in two linear
//! stages, both learned by [`train`] from the PTC articles:
//!
//! 1. *span identification*: a logistic model scores every token (its word, neighbours, shape,
//!    quotation, position, and the words of its sentence); runs of tokens above a threshold tuned on
//!    out-of-fold predictions for the training articles become spans (optionally: dense word
//!    vectors, a baked hidden layer over them ([`mlp`]), a second token model for clause-length
//!    techniques, and contextual vectors of a transformer encoder run by the caller
//!    ([`contextual`]); measured, not shipped);
//! 2. *technique classification*: a softmax model over the span's words and bigrams, its context,
//!    length, repetition in the document, capitalisation and punctuation picks one of the 14 labels.
//!
//! The weights are small (hashed features, `i16`) and compiled in ([`Detector::embedded`]); they are
//! reproduced by `corroborate train techniques` (see `model/README.md`).
//!
//! **Narratives.** [`narratives`] matches sentences against a user-editable catalogue of known
//! narratives (TOML; a default is compiled in).
//!
//! This crate does no IO: callers hand it texts and, for training, already-parsed labels.
//!
//! ```
//! let found = corroborate_techniques::detect(
//!     "These traitors and criminals will destroy our great nation! Wake up before it is too late!",
//! );
//! for t in &found {
//!     assert!(corroborate_techniques::TECHNIQUES.contains(&t.technique.as_str()));
//!     assert!(!t.explanation.is_empty());
//! }
//! ```

pub mod clusters;
pub mod contextual;
pub mod features;
pub mod linear;
pub mod mlp;
pub mod narratives;
pub mod tokenize;
mod train;

pub use train::{threshold_grid, train, Example, SiScore, TrainOptions};

use clusters::Clusters;
use corroborate_model::{Span, Technique};
use features::Doc;
use linear::{Linear, Reader};
use std::sync::OnceLock;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("technique model: {0}")]
    Model(String),
    #[error("narratives catalogue: {0}")]
    Catalogue(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// The 14 technique labels of SemEval-2020 Task 11, as written in its label files.
pub const TECHNIQUES: [&str; 14] = [
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Exaggeration,Minimisation",
    "Doubt",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Slogans",
    "Appeal_to_Authority",
    "Black-and-White_Fallacy",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
    "Bandwagon,Reductio_ad_hitlerum",
];

/// Index of a technique label in [`TECHNIQUES`].
pub fn technique_index(label: &str) -> Option<usize> {
    TECHNIQUES.iter().position(|t| *t == label)
}

/// A short explanation of a technique for readers.
pub fn explanation(label: &str) -> &'static str {
    match label {
        "Loaded_Language" => "Loaded language: words chosen for their emotional charge rather than their information, to sway the reader.",
        "Name_Calling,Labeling" => "Name calling: a person or group is given a label the reader is meant to fear, hate or admire, instead of an argument.",
        "Repetition" => "Repetition: the same message is repeated so that it sticks and comes to feel true.",
        "Exaggeration,Minimisation" => "Exaggeration or minimisation: something is made to look much bigger or much smaller than it is.",
        "Doubt" => "Doubt: the credibility of someone or something is questioned without showing why.",
        "Appeal_to_fear-prejudice" => "Appeal to fear or prejudice: support is sought by raising anxiety or panic about an alternative, or by playing on prejudice.",
        "Flag-Waving" => "Flag-waving: an idea is justified by appeal to patriotism or group identity rather than by evidence.",
        "Causal_Oversimplification" => "Causal oversimplification: a single cause is given for an outcome that has many.",
        "Slogans" => "Slogan: a brief, striking phrase that stands in for an argument.",
        "Appeal_to_Authority" => "Appeal to authority: a claim is said to be true only because an authority or expert says so.",
        "Black-and-White_Fallacy" => "Black-and-white fallacy: two options are presented as the only ones possible.",
        "Thought-terminating_Cliches" => "Thought-terminating cliché: a stock phrase that discourages further thought or discussion.",
        "Whataboutism,Straw_Men,Red_Herring" => "Whataboutism, straw man or red herring: the argument is deflected by accusing the other side, distorting its position, or changing the subject.",
        "Bandwagon,Reductio_ad_hitlerum" => "Bandwagon or reductio ad Hitlerum: an idea is urged because everyone supports it, or rejected because a hated group does.",
        _ => "A persuasion technique.",
    }
}

const MAGIC: &[u8; 8] = b"CRTECH05";

/// The trained technique detector: span identification plus technique classification.
#[derive(Debug, Clone)]
pub struct Detector {
    /// Logistic model over token features: is this token part of a technique span?
    pub si: Linear,
    /// Softmax models over span features: which of [`TECHNIQUES`]. Their scores are summed; model
    /// `k` sees the features' hashes rotated by `k * 11` bits, so each has its own hash collisions.
    pub tc: Vec<Linear>,
    /// Token probability at or above which a token is part of a span.
    pub threshold: f32,
    /// Mean token probability below which a found span is dropped.
    pub min_span_score: f32,
    /// Word classes (clusters of static word embeddings) used by the features of both models.
    pub clusters: Clusters,
    /// Optional feature groups the models were trained with ([`features::flags`]).
    pub flags: u32,
    /// The token model's hidden layer over dense word vectors, baked per word (`hidden == 0`: none).
    pub hidden: mlp::Baked,
    /// A second token model for clause-length techniques, whose spans are added to the first's.
    pub clause: Option<ClauseModel>,
    /// Standardisation of contextual token vectors, when the span model was trained with them as
    /// its dense inputs ([`contextual`]; they must then be passed to [`Detector::detect_contextual`]).
    pub context: Option<contextual::Context>,
    /// With contextual inputs: a hidden layer over them, evaluated per token (not baked).
    pub head: Option<mlp::Mlp>,
}

/// What a transformer encoder gives for a text (see [`contextual::token_vectors`]).
pub use corroborate_embed::WordStates;

/// A token model trained on the spans of the clause-length techniques only ([`CLAUSE_LENGTH`]), over
/// the same features as the main one, with its own decoding thresholds.
#[derive(Debug, Clone)]
pub struct ClauseModel {
    pub si: Linear,
    pub threshold: f32,
    pub min_span_score: f32,
}

static EMBEDDED: OnceLock<std::result::Result<Detector, String>> = OnceLock::new();

impl Detector {
    /// The detector compiled into this crate (trained on the PTC training split; see `model/README.md`).
    pub fn embedded() -> Result<&'static Detector> {
        EMBEDDED
            .get_or_init(|| Detector::from_bytes(include_bytes!("../model/techniques.bin")).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| Error::Model(e.clone()))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.threshold.to_le_bytes());
        out.extend_from_slice(&self.min_span_score.to_le_bytes());
        out.extend_from_slice(&self.flags.to_le_bytes());
        self.si.write(&mut out);
        out.extend_from_slice(&(self.tc.len() as u32).to_le_bytes());
        for m in &self.tc {
            m.write(&mut out);
        }
        self.clusters.write(&mut out);
        self.hidden.write(&mut out);
        match &self.clause {
            None => out.extend_from_slice(&0u32.to_le_bytes()),
            Some(c) => {
                out.extend_from_slice(&1u32.to_le_bytes());
                out.extend_from_slice(&c.threshold.to_le_bytes());
                out.extend_from_slice(&c.min_span_score.to_le_bytes());
                c.si.write(&mut out);
            }
        }
        // Optional trailing section (absent in models without contextual inputs).
        if let Some(c) = &self.context {
            out.extend_from_slice(b"CTX1");
            c.write(&mut out);
            match &self.head {
                None => out.extend_from_slice(&0u32.to_le_bytes()),
                Some(h) => {
                    out.extend_from_slice(&1u32.to_le_bytes());
                    h.write(&mut out);
                }
            }
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(Error::Model("not a technique model (bad magic)".into()));
        }
        let threshold = f32::from_bits(r.u32()?);
        let min_span_score = f32::from_bits(r.u32()?);
        let flags = r.u32()?;
        let (si, used) = Linear::read(&bytes[r.pos..])?;
        r.pos += used;
        let n = r.u32()? as usize;
        if !(1..=16).contains(&n) {
            return Err(Error::Model(format!("implausible number of classification models: {n}")));
        }
        let mut tc = Vec::with_capacity(n);
        for _ in 0..n {
            let (m, used) = Linear::read(&bytes[r.pos..])?;
            r.pos += used;
            tc.push(m);
        }
        let clusters = Clusters::read(&mut r)?;
        let hidden = mlp::Baked::read(&mut r, clusters.len())?;
        let clause = match r.u32()? {
            0 => None,
            1 => {
                let threshold = f32::from_bits(r.u32()?);
                let min_span_score = f32::from_bits(r.u32()?);
                let (si, used) = Linear::read(&bytes[r.pos..])?;
                r.pos += used;
                Some(ClauseModel { si, threshold, min_span_score })
            }
            n => return Err(Error::Model(format!("unknown clause model marker {n}"))),
        };
        let (context, head) = if r.pos < bytes.len() {
            if r.take(4)? != b"CTX1" {
                return Err(Error::Model("unknown trailing section".into()));
            }
            let c = contextual::Context::read(&mut r)?;
            let head = match r.u32()? {
                0 => None,
                _ => Some(mlp::Mlp::read(&mut r)?),
            };
            (Some(c), head)
        } else {
            (None, None)
        };
        if clause.as_ref().is_some_and(|c| c.si.outputs != 1) {
            return Err(Error::Model("clause model must have one output".into()));
        }
        if r.pos != bytes.len() || si.outputs != 1 || tc.iter().any(|m| m.outputs != TECHNIQUES.len()) {
            return Err(Error::Model("model file has an unexpected layout".into()));
        }
        Ok(Detector { si, tc, threshold, min_span_score, clusters, flags, hidden, clause, context, head })
    }

    /// Per-token probabilities of being inside a technique span (and inside a clause-length one,
    /// empty without a clause model), with the prepared document.
    fn token_probabilities<'t>(&self, text: &'t str, words: Option<&WordStates>) -> (Doc<'t>, Vec<f32>, Vec<f32>) {
        let doc = self.prepare(text, words);
        let (probs, clause) = self.doc_probabilities(&doc);
        (doc, probs, clause)
    }

    /// The prepared document, with the contextual vectors as dense inputs when the model uses them
    /// and they are given.
    fn prepare<'t>(&self, text: &'t str, words: Option<&WordStates>) -> Doc<'t> {
        let mut doc = Doc::new(text, &self.clusters, self.flags);
        if let (Some(ctx), Some((ranges, vectors))) = (&self.context, words) {
            let v = contextual::token_vectors(&doc, ranges, vectors, ctx.dim());
            ctx.apply(&mut doc, &v);
        }
        doc
    }

    /// Whether the span model was trained on contextual token vectors.
    pub fn uses_context(&self) -> bool {
        self.context.is_some()
    }

    /// Spans from token probabilities: the main model's, plus the clause model's, merged where
    /// they overlap.
    fn spans(&self, doc: &Doc, probs: &[f32], clause: &[f32]) -> Vec<(Span, f32)> {
        let mut spans = decode(doc, probs, self.threshold, self.min_span_score);
        if let Some(c) = &self.clause {
            spans.extend(decode(doc, clause, c.threshold, c.min_span_score));
        }
        merge_spans(whole_names(doc, spans))
    }

    /// Per-token probabilities of a prepared document. The features a sentence's tokens share are
    /// scored once per sentence.
    fn doc_probabilities(&self, doc: &Doc) -> (Vec<f32>, Vec<f32>) {
        let mut shared = Vec::with_capacity(64);
        let mut own = Vec::with_capacity(32);
        let mut probs = Vec::with_capacity(doc.tokens.len());
        let mut clause = Vec::new();
        if !doc.dense_si() && self.hidden.hidden == 0 && self.clause.is_none() {
            // The shipped model: hashed features only.
            // A sentence's features first, each weight asked for as its feature is made, then the
            // sums: the weights are random reads into megabytes, which then overlap.
            let mut ids: Vec<linear::Feature> = Vec::with_capacity(1024);
            let mut ends: Vec<usize> = Vec::with_capacity(64);
            for (s, &(ws, we)) in doc.sentence_tokens.iter().enumerate() {
                features::sentence_features(doc, s, &mut shared);
                ids.clear();
                ends.clear();
                for i in ws..we {
                    features::local_features(doc, i, &mut own);
                    for &f in &own {
                        self.si.prefetch(f);
                    }
                    ids.extend_from_slice(&own);
                    ends.push(ids.len());
                }
                let base = self.si.score1(&shared);
                let mut start = 0;
                for &end in &ends {
                    probs.push(linear::sigmoid(base + self.si.score1(&ids[start..end])));
                    start = end;
                }
            }
            return (probs, clause);
        }
        let (mut dense_own, mut dense_shared) = (Vec::new(), Vec::new());
        let local_width = 3 * doc.dense_dim;
        let hid = &self.hidden;
        let (mut sent_pre, mut pre) = (vec![0f32; hid.hidden], vec![0f32; hid.hidden]);
        let mut head_x = Vec::new();
        let mut head_h = vec![0f32; self.head.as_ref().map_or(0, |h| h.hidden)];
        for (s, &(ws, we)) in doc.sentence_tokens.iter().enumerate() {
            features::sentence_features(doc, s, &mut shared);
            features::dense_sentence(doc, s, &mut dense_shared);
            let base = self.si.score1(&shared) + self.si.dense1_from(local_width, &dense_shared);
            let clause_base = self
                .clause
                .as_ref()
                .map_or(0.0, |c| c.si.score1(&shared) + c.si.dense1_from(local_width, &dense_shared));
            if hid.hidden > 0 {
                sent_pre.fill(0.0);
                let with_row: Vec<u32> = (ws..we)
                    .filter(|&k| doc.tokens[k].word && doc.rows[k] != features::NO_ROW)
                    .map(|k| doc.rows[k])
                    .collect();
                let wgt = 1.0 / with_row.len().max(1) as f32;
                for &r in &with_row {
                    hid.add(r, 3, wgt, &mut sent_pre);
                }
            }
            let mut prev_word: Option<usize> = None;
            for i in ws..we {
                features::local_features(doc, i, &mut own);
                features::dense_local(doc, i, &mut dense_own);
                let mut z = base + self.si.score1(&own) + self.si.dense1_from(0, &dense_own);
                if let Some(head) = &self.head {
                    head_x.clear();
                    head_x.extend(dense_own.iter().chain(&dense_shared).map(|&q| q as f32 / clusters::DENSE_SCALE));
                    z += head.forward(&head_x, &mut head_h);
                }
                if hid.hidden > 0 {
                    pre.copy_from_slice(&sent_pre);
                    let next_word = (i + 1..we).find(|&k| doc.tokens[k].word);
                    for (k, role) in [(prev_word, 0), (Some(i), 1), (next_word, 2)] {
                        if let Some(k) = k {
                            if doc.rows[k] != features::NO_ROW {
                                hid.add(doc.rows[k], role, 1.0, &mut pre);
                            }
                        }
                    }
                    z += hid.output(&pre);
                }
                if doc.tokens[i].word {
                    prev_word = Some(i);
                }
                probs.push(linear::sigmoid(z));
                if let Some(c) = &self.clause {
                    clause.push(linear::sigmoid(clause_base + c.si.score1(&own) + c.si.dense1_from(0, &dense_own)));
                }
            }
        }
        (probs, clause)
    }

    /// The main span model's per-token probabilities of `text` (without contextual inputs), with the
    /// prepared document whose tokens they score: for combining with another token model's
    /// probabilities before [`decode`].
    pub fn token_probs<'t>(&self, text: &'t str) -> (Doc<'t>, Vec<f32>) {
        let (doc, probs, _) = self.token_probabilities(text, None);
        (doc, probs)
    }

    /// Span identification: technique spans with their mean token probability.
    pub fn identify(&self, text: &str) -> Vec<(Span, f32)> {
        let (doc, probs, clause) = self.token_probabilities(text, None);
        self.spans(&doc, &probs, &clause)
    }

    /// Technique probabilities (in [`TECHNIQUES`] order) for given spans of a text.
    pub fn classify(&self, text: &str, spans: &[Span]) -> Vec<Vec<f32>> {
        let doc = Doc::new(text, &self.clusters, self.flags);
        self.classify_doc(&doc, spans)
    }

    fn classify_doc(&self, doc: &Doc, spans: &[Span]) -> Vec<Vec<f32>> {
        let mut feats = Vec::with_capacity(64);
        let mut dense = Vec::new();
        let mut scores = Vec::with_capacity(TECHNIQUES.len());
        spans
            .iter()
            .map(|s| {
                features::span_features(doc, *s, &mut feats);
                features::dense_span(doc, *s, &mut dense);
                let mut sum = vec![0f32; TECHNIQUES.len()];
                for (k, m) in self.tc.iter().enumerate() {
                    rotate(&mut feats, k);
                    m.scores(&feats, &mut scores);
                    m.add_dense(&dense, &mut scores);
                    for (t, v) in sum.iter_mut().zip(&scores) {
                        *t += *v;
                    }
                }
                linear::softmax(&mut sum);
                sum
            })
            .collect()
    }

    /// Finds technique spans in `text` and labels each with its most likely technique.
    pub fn detect(&self, text: &str) -> Vec<Technique> {
        self.detect_inner(text, None)
    }

    /// [`Detector::detect`] for a model trained on contextual vectors ([`Detector::uses_context`]),
    /// given the encoder's word states of `text`. A model without contextual inputs ignores them.
    pub fn detect_contextual(&self, text: &str, words: &WordStates) -> Vec<Technique> {
        self.detect_inner(text, Some(words))
    }

    fn detect_inner(&self, text: &str, words: Option<&WordStates>) -> Vec<Technique> {
        self.detect_scored_inner(text, words).into_iter().map(|(t, _)| t).collect()
    }

    /// [`Detector::detect`] with each finding's technique probability (the classifier's top one):
    /// the decoding the SI metric is tuned for, before the report bound of [`shown`].
    pub fn detect_scored(&self, text: &str) -> Vec<(Technique, f32)> {
        self.detect_scored_inner(text, None)
    }

    fn detect_scored_inner(&self, text: &str, words: Option<&WordStates>) -> Vec<(Technique, f32)> {
        let (doc, probs, clause) = self.token_probabilities(text, words);
        let spans = self.spans(&doc, &probs, &clause);
        let only: Vec<Span> = spans.iter().map(|s| s.0).collect();
        let labels = self.classify_doc(&doc, &only);
        spans
            .into_iter()
            .zip(labels)
            .map(|((span, p), dist)| {
                let (best, q) =
                    dist.iter().enumerate().fold((0, f32::MIN), |acc, (k, &v)| if v > acc.1 { (k, v) } else { acc });
                let label = TECHNIQUES[best];
                let span = if self.flags & features::flags::EXTEND_CLAUSE != 0 && CLAUSE_LENGTH.contains(&label) {
                    sentence_extent(&doc, span)
                } else {
                    span
                };
                let t = Technique {
                    technique: label.to_string(),
                    span,
                    confidence: p,
                    explanation: explanation(label).to_string(),
                };
                (t, q)
            })
            .collect()
    }
}

/// Rotates feature hashes from those of classification model `k - 1` to those of model `k`.
pub(crate) fn rotate(feats: &mut [linear::Feature], k: usize) {
    if k > 0 {
        for f in feats.iter_mut() {
            *f = f.rotate_left(11);
        }
    }
}

/// Finds technique spans with the compiled-in detector. Returns nothing only if the compiled-in
/// model could not be read, which the crate's tests rule out.
#[inline(never)] // kept out of line so that profiles show the detector's cost
pub fn detect(text: &str) -> Vec<Technique> {
    match Detector::embedded() {
        Ok(d) => d.detect(text),
        Err(_) => Vec::new(),
    }
}

/// The report bound, calibrated with `corroborate eval propaganda --embedded --neutral DIR` (dev
/// split and the BBC articles; docs/techniques.md): a finding stands on its own when its mean token
/// probability reaches this and its technique probability reaches [`REPORT_LABEL`] (60% of such
/// findings on dev overlap an annotated span, against 42% of all decoded ones).
pub const REPORT_CONFIDENCE: f32 = 0.35;
/// See [`REPORT_CONFIDENCE`].
pub const REPORT_LABEL: f32 = 0.9;
/// A document with this many findings that stand on their own is dense with techniques, like the
/// corpus the decoding was tuned on, and all its decoded findings are shown.
pub const REPORT_DENSE_FINDINGS: usize = 3;
/// So is a document with at least one finding that stands on its own and this many decoded
/// findings per 1,000 words (the 90th percentile of both the dev articles and the BBC articles is
/// about 33).
pub const REPORT_DENSE_PER_1000_WORDS: f32 = 30.0;

/// Whether a finding stands on its own under the report bound.
pub fn strong(t: &Technique, label_probability: f32) -> bool {
    t.confidence >= REPORT_CONFIDENCE && label_probability >= REPORT_LABEL
}

/// The findings of a document of `words` words (as [`Detector::detect_scored`] gives them) that
/// are shown to readers: all of them when the document is dense with techniques (enough findings
/// that stand on their own, or one such finding among many decoded ones) or adopts a known
/// disinformation narrative in its own voice (`adopts_narrative`, the caller's finding), else only
/// the findings that stand on their own. In neutral reporting the base rate of techniques is far
/// lower than in the training corpus, so a lone finding at the decoding threshold is mostly a
/// false one.
pub fn shown(words: usize, scored: Vec<(Technique, f32)>, adopts_narrative: bool) -> Vec<Technique> {
    let strong_count = scored.iter().filter(|(t, q)| strong(t, *q)).count();
    let per_1000 = 1000.0 * scored.len() as f32 / words.max(1) as f32;
    let dense = adopts_narrative
        || strong_count >= REPORT_DENSE_FINDINGS
        || (strong_count >= 1 && per_1000 >= REPORT_DENSE_PER_1000_WORDS);
    scored.into_iter().filter(|(t, q)| dense || strong(t, *q)).map(|(t, _)| t).collect()
}

/// Techniques whose spans are typically a whole clause or sentence (median 70-110 characters in
/// the corpus).
pub(crate) const CLAUSE_LENGTH: [&str; 8] = [
    "Doubt",
    "Causal_Oversimplification",
    "Appeal_to_fear-prejudice",
    "Appeal_to_Authority",
    "Black-and-White_Fallacy",
    "Whataboutism,Straw_Men,Red_Herring",
    "Bandwagon,Reductio_ad_hitlerum",
    "Flag-Waving",
];

/// The span grown to its sentence, trimmed of punctuation and quotation marks at both ends.
fn sentence_extent(doc: &Doc, span: Span) -> Span {
    let (a, b) = doc.token_range(span);
    if a >= b {
        return span;
    }
    let (mut s, mut e) = doc.sentence_tokens[doc.sentence_of[a]];
    e = e.max(b);
    let edge = |i: usize| !doc.tokens[i].word;
    while s < e && edge(s) {
        s += 1;
    }
    while e > s && edge(e - 1) {
        e -= 1;
    }
    if s >= e {
        return span;
    }
    Span::new(doc.tokens[s].span.start.min(span.start), doc.tokens[e - 1].span.end.max(span.end))
}

/// Titles that stand before a name with a dot ("Dr. Kiril Vosk").
const TITLES: [&str; 16] =
    ["dr", "mr", "mrs", "ms", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "rev", "st", "mx"];

/// Token ranges of names written with a title: the title, its dot and the capitalised words after
/// it, within one sentence ("Dr. Kiril Vosk").
fn titled_names(doc: &Doc) -> Vec<(usize, usize)> {
    let n = doc.tokens.len();
    let capital = |k: usize| {
        doc.tokens[k].word && doc.tokens[k].span.slice(doc.text).chars().next().is_some_and(char::is_uppercase)
    };
    let mut out = Vec::new();
    for i in 0..n.saturating_sub(2) {
        if !(doc.tokens[i].word && TITLES.contains(&doc.lower(i)) && doc.lower(i + 1) == ".") {
            continue;
        }
        let sent = doc.sentence_of[i];
        let mut j = i + 2;
        while j < n && doc.sentence_of[j] == sent && capital(j) {
            j += 1;
        }
        if j > i + 2 {
            out.push((i, j));
        }
    }
    out
}

/// Grows spans that begin or end inside a titled name to hold the whole name, so that no name is
/// cut at its title's dot ("Dr" | "Kiril" in no span | "Vosk said ...").
fn whole_names(doc: &Doc, mut spans: Vec<(Span, f32)>) -> Vec<(Span, f32)> {
    let names = titled_names(doc);
    if names.is_empty() {
        return spans;
    }
    for (span, _) in spans.iter_mut() {
        let (mut a, mut b) = doc.token_range(*span);
        for &(u, v) in &names {
            if a > u && a < v {
                a = u;
            }
            if b > u && b < v {
                b = v;
            }
        }
        if a < b {
            *span = Span::new(doc.tokens[a].span.start.min(span.start), doc.tokens[b - 1].span.end.max(span.end));
        }
    }
    spans
}

/// Sorts spans and merges overlapping ones (keeping the higher score).
pub(crate) fn merge_spans(mut spans: Vec<(Span, f32)>) -> Vec<(Span, f32)> {
    spans.sort_by_key(|s| (s.0.start, s.0.end));
    let mut out: Vec<(Span, f32)> = Vec::with_capacity(spans.len());
    for (s, p) in spans {
        match out.last_mut() {
            Some(last) if s.start < last.0.end => {
                last.0 = Span::new(last.0.start, last.0.end.max(s.end));
                last.1 = last.1.max(p);
            }
            _ => out.push((s, p)),
        }
    }
    out
}

/// Tokens the corpus never lets a span start or end with.
fn trimmable(doc: &Doc, i: usize) -> bool {
    !doc.tokens[i].word && matches!(doc.lower(i), "." | "," | ":" | ";" | "-" | "–" | "—" | ")" | "(")
}

/// Turns token probabilities into spans: runs of tokens at or above the threshold within one
/// sentence, with one-token gaps bridged, trimmed of punctuation.
pub fn decode(doc: &Doc, probs: &[f32], threshold: f32, min_span_score: f32) -> Vec<(Span, f32)> {
    let mut on: Vec<bool> = probs.iter().map(|&p| p >= threshold).collect();
    for i in 1..on.len().saturating_sub(1) {
        if !on[i]
            && on[i - 1]
            && on[i + 1]
            && doc.sentence_of[i - 1] == doc.sentence_of[i + 1]
            && probs[i] >= threshold * 0.5
        {
            on[i] = true;
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < on.len() {
        if !on[i] {
            i += 1;
            continue;
        }
        let sent = doc.sentence_of[i];
        let mut j = i;
        while j < on.len() && on[j] && doc.sentence_of[j] == sent {
            j += 1;
        }
        let (mut a, mut b) = (i, j);
        while a < b && trimmable(doc, a) {
            a += 1;
        }
        while b > a && trimmable(doc, b - 1) {
            b -= 1;
        }
        if doc.tokens[a..b].iter().any(|t| t.word) {
            let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
            let mean = probs[a..b].iter().sum::<f32>() / (b - a) as f32;
            if mean >= min_span_score {
                out.push((span, mean));
            }
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(confidence: f32) -> Technique {
        Technique { technique: "Loaded_Language".into(), span: Span::new(0, 4), confidence, explanation: String::new() }
    }

    #[test]
    fn a_lone_weak_finding_is_not_shown_but_a_strong_one_is() {
        let weak = (finding(0.2), 0.99);
        let unsure_label = (finding(0.5), 0.6);
        let strong = (finding(0.5), 0.95);
        assert!(shown(400, vec![weak.clone(), unsure_label.clone()], false).is_empty());
        let kept = shown(400, vec![weak, strong, unsure_label], false);
        assert_eq!(kept.iter().map(|t| t.confidence).collect::<Vec<_>>(), [0.5]);
    }

    #[test]
    fn a_document_dense_with_techniques_or_adopting_a_narrative_shows_all_its_findings() {
        let weak = (finding(0.2), 0.99);
        let strong = (finding(0.5), 0.95);
        // three strong findings
        let mut many = vec![strong.clone(); 3];
        many.push(weak.clone());
        assert_eq!(shown(2000, many, false).len(), 4);
        // one strong finding among many decoded ones (8 in 200 words: 40 per 1,000)
        let mut crowded = vec![weak.clone(); 7];
        crowded.push(strong.clone());
        assert_eq!(shown(200, crowded.clone(), false).len(), 8);
        // ... but not the same findings in a long text
        assert_eq!(shown(2000, crowded, false).len(), 1);
        // an article adopting a known narrative
        assert_eq!(shown(400, vec![weak.clone(), weak], true).len(), 2);
    }

    #[test]
    fn a_span_never_ends_or_starts_inside_a_titled_name() {
        let d = Detector::embedded().unwrap();
        let text = "The so-called expert Dr. Mira Lenz claimed the vote was rigged by foreign agents.";
        let doc = Doc::new(text, &d.clusters, d.flags);
        let at = |w: &str| text.find(w).unwrap();
        // as the decoding can cut it: "... expert Dr" | "Mira" in no span | "Lenz claimed ..."
        let cut = vec![(Span::new(at("so-called"), at("Dr") + 2), 0.3), (Span::new(at("Lenz"), at("agents") + 6), 0.4)];
        let spans = merge_spans(whole_names(&doc, cut));
        assert_eq!(spans.len(), 1, "{spans:?}");
        assert_eq!(
            spans[0].0.slice(text),
            "so-called expert Dr. Mira Lenz claimed the vote was rigged by foreign agents"
        );
        assert_eq!(spans[0].1, 0.4);
        // a span that only touches the title grows over the name; other spans stay as they are
        let touching = vec![(Span::new(at("expert"), at("Dr") + 2), 0.3), (Span::new(at("rigged"), at("by") + 2), 0.2)];
        let spans: Vec<&str> = merge_spans(whole_names(&doc, touching)).iter().map(|s| s.0.slice(text)).collect();
        assert_eq!(spans, ["expert Dr. Mira Lenz", "rigged by"]);
    }
}
