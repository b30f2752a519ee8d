//! Pair features for the stance model: lexical overlap between headline and body (stage 1,
//! related or not) and cue words near the overlapping terms (stage 2, agree/disagree/discuss).
//!
//! A body is analysed once ([`BodyDoc`]) and reused for every headline paired with it.

use crate::text::{is_stopword, sentences, stem, tokens, Lexicon};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Inverse document frequencies of content stems, fitted on training texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Idf {
    pub(crate) map: HashMap<String, f32>,
    /// IDF of a term not in `map` (as if seen once).
    pub(crate) default: f32,
    /// Mean content length (stems) of the fitted documents, for BM25.
    pub(crate) avgdl: f32,
}

impl Idf {
    /// Fit on a set of documents; terms seen in fewer than two documents are not stored.
    pub fn fit<'a>(docs: impl IntoIterator<Item = &'a str>) -> Idf {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut n = 0u32;
        let mut total_len = 0u64;
        for doc in docs {
            n += 1;
            let stems = content_stems(doc);
            total_len += stems.len() as u64;
            let set: HashSet<String> = stems.into_iter().collect();
            for s in set {
                *df.entry(s).or_default() += 1;
            }
        }
        let nf = n as f32;
        let idf = |d: u32| ((nf + 1.0) / (d as f32 + 1.0)).ln() + 1.0;
        let map = df.into_iter().filter(|(_, d)| *d >= 2).map(|(t, d)| (t, idf(d))).collect();
        Idf { map, default: idf(1), avgdl: (total_len as f32 / nf.max(1.0)).max(1.0) }
    }

    pub fn get(&self, term: &str) -> f32 {
        self.map.get(term).copied().unwrap_or(self.default)
    }

    /// Number of stored terms.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

fn content_stems(text: &str) -> Vec<String> {
    tokens(text).iter().filter(|t| !is_stopword(t)).map(|t| stem(t)).collect()
}

#[derive(Debug, Clone)]
struct Tok {
    raw: String,
    stem: String,
    content: bool,
    /// Bit `k` set: the word is in lexicon `Lexicon::ALL[k]`.
    lex: u8,
    /// Bit `g` set: the word is one of the cues of `CUE_GROUPS[g]`.
    cues: u16,
}

/// For each word of a lexicon or a cue group: its lexicons' bits and its cue groups' bits.
fn memberships() -> &'static HashMap<&'static str, (u8, u16)> {
    static MAP: std::sync::OnceLock<HashMap<&'static str, (u8, u16)>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: HashMap<&'static str, (u8, u16)> = HashMap::new();
        for (k, lex) in Lexicon::ALL.iter().enumerate() {
            for w in lex.words() {
                m.entry(w).or_default().0 |= 1 << k;
            }
        }
        for (g, (_, words)) in CUE_GROUPS.iter().enumerate() {
            for w in *words {
                m.entry(w).or_default().1 |= 1 << g;
            }
        }
        m
    })
}

fn analyse(text: &str) -> Vec<Tok> {
    tokens(text)
        .into_iter()
        .map(|raw| {
            let content = !is_stopword(&raw);
            let stem = stem(&raw);
            // (lexicon and cue membership looked up once per token, not once per headline)
            let (lex, cues) = memberships().get(raw.as_str()).copied().unwrap_or_default();
            Tok { raw, stem, content, lex, cues }
        })
        .collect()
}

/// Sparse TF-IDF vector; ordered so sums come out the same on every run.
type Vector = BTreeMap<String, f32>;

fn tfidf<'a>(stems: impl IntoIterator<Item = &'a str>, idf: &Idf) -> Vector {
    let mut tf: Vector = BTreeMap::new();
    for s in stems {
        *tf.entry(s.to_string()).or_default() += 1.0;
    }
    let mut norm = 0.0;
    for (t, w) in tf.iter_mut() {
        *w = (1.0 + w.ln()) * idf.get(t);
        norm += *w * *w;
    }
    let norm = norm.sqrt();
    if norm > 0.0 {
        tf.values_mut().for_each(|w| *w /= norm);
    }
    tf
}

fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().map(|(t, w)| w * large.get(t).copied().unwrap_or(0.0)).sum()
}

fn lex_counts(toks: &[Tok]) -> [f32; 5] {
    let mut c = [0.0; 5];
    for t in toks.iter().filter(|t| t.lex != 0) {
        for (k, c) in c.iter_mut().enumerate() {
            *c += (t.lex >> k & 1) as f32;
        }
    }
    c
}

fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

fn word_ngrams(stems: &[&str], n: usize) -> Vec<u64> {
    stems.windows(n).map(fnv).collect()
}

/// Character n-grams over the content words only: n-grams of stopword runs ("ed by the ") would
/// make unrelated texts look similar.
fn char_ngrams(text: &str, n: usize) -> Vec<u64> {
    let words: Vec<String> = tokens(text).into_iter().filter(|t| !is_stopword(t)).collect();
    let norm: Vec<char> = words.join(" ").chars().collect();
    norm.windows(n)
        .map(|w| {
            let s: String = w.iter().collect();
            fnv(&[&s])
        })
        .collect()
}

fn is_number(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
}

struct Sentence {
    /// Byte range in the body text.
    range: (usize, usize),
    vec: Vector,
    lex: [f32; 5],
}

/// A body analysed once for all headlines paired with it.
pub struct BodyDoc {
    toks: Vec<Tok>,
    counts: HashMap<String, f32>,
    content_len: f32,
    vec: Vector,
    lead_vec: Vector,
    lead_stems: HashSet<String>,
    sentences: Vec<Sentence>,
    bigrams: HashSet<u64>,
    trigrams: HashSet<u64>,
    char5: HashSet<u64>,
    char8: HashSet<u64>,
    lex: [f32; 5],
    lead_lex: [f32; 5],
}

impl BodyDoc {
    pub fn new(text: &str, idf: &Idf) -> BodyDoc {
        let toks = analyse(text);
        let content: Vec<&str> = toks.iter().filter(|t| t.content).map(|t| t.stem.as_str()).collect();
        let mut counts: HashMap<String, f32> = HashMap::new();
        for s in &content {
            *counts.entry(s.to_string()).or_default() += 1.0;
        }
        let sents: Vec<&str> = sentences(text);
        let lead: String = sents.iter().take(3).copied().collect::<Vec<_>>().join(" ");
        let lead_toks = analyse(&lead);
        let lead_content: Vec<&str> = lead_toks.iter().filter(|t| t.content).map(|t| t.stem.as_str()).collect();
        let sentences = sents
            .iter()
            .map(|s| {
                let st = analyse(s);
                let vec = tfidf(st.iter().filter(|t| t.content).map(|t| t.stem.as_str()), idf);
                // `s` is a subslice of `text`
                let start = s.as_ptr() as usize - text.as_ptr() as usize;
                Sentence { range: (start, start + s.len()), vec, lex: lex_counts(&st) }
            })
            .collect();
        BodyDoc {
            vec: tfidf(content.iter().copied(), idf),
            lead_vec: tfidf(lead_content.iter().copied(), idf),
            lead_stems: lead_content.iter().take(40).map(|s| s.to_string()).collect(),
            bigrams: word_ngrams(&content, 2).into_iter().collect(),
            trigrams: word_ngrams(&content, 3).into_iter().collect(),
            char5: char_ngrams(text, 5).into_iter().collect(),
            char8: char_ngrams(text, 8).into_iter().collect(),
            lex: lex_counts(&toks),
            lead_lex: lex_counts(&lead_toks),
            content_len: content.len() as f32,
            counts,
            sentences,
            toks,
        }
    }
}

impl BodyDoc {
    /// Byte ranges of the (at most `k`) body sentences closest to the headline by TF-IDF cosine,
    /// best first, with their cosine; sentences sharing no term are left out.
    pub fn closest_sentences(&self, head: &HeadDoc, k: usize) -> Vec<((usize, usize), f32)> {
        let mut sims: Vec<((usize, usize), f32)> =
            self.sentences.iter().map(|s| (s.range, cosine(&head.vec, &s.vec))).filter(|(_, c)| *c > 0.0).collect();
        sims.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        sims.truncate(k);
        sims
    }
}

/// A headline (claim) analysed once.
pub struct HeadDoc {
    toks: Vec<Tok>,
    stems: Vec<String>,
    vec: Vector,
    bigrams: Vec<u64>,
    trigrams: Vec<u64>,
    char5: Vec<u64>,
    char8: Vec<u64>,
    numbers: Vec<String>,
    lex: [f32; 5],
    question: bool,
    quoted: bool,
}

impl HeadDoc {
    pub fn new(text: &str, idf: &Idf) -> HeadDoc {
        let toks = analyse(text);
        let content: Vec<&str> = toks.iter().filter(|t| t.content).map(|t| t.stem.as_str()).collect();
        let mut stems: Vec<String> = Vec::new();
        for s in &content {
            if !stems.iter().any(|x| x == s) {
                stems.push(s.to_string());
            }
        }
        HeadDoc {
            vec: tfidf(content.iter().copied(), idf),
            bigrams: word_ngrams(&content, 2),
            trigrams: word_ngrams(&content, 3),
            char5: char_ngrams(text, 5),
            char8: char_ngrams(text, 8),
            numbers: toks.iter().filter(|t| is_number(&t.raw)).map(|t| t.raw.clone()).collect(),
            lex: lex_counts(&toks),
            question: text.contains('?'),
            quoted: text.contains(['"', '“', '”', '\'', '‘']),
            stems,
            toks,
        }
    }
}

/// Index of `term_cover` (share of the headline's content stems found in the body).
pub const TERM_COVER: usize = 2;

/// Names of the features, in the order [`features`] returns them.
pub fn feature_names() -> Vec<String> {
    let mut names: Vec<String> = [
        "head_terms",
        "body_len_log",
        "term_cover",
        "jaccard",
        "idf_cover",
        "lead_cover",
        "term_freq_log",
        "cos_body",
        "cos_lead",
        "cos_max_sentence",
        "cos_top3_sentences",
        "best_sentence_position",
        "bm25",
        "bm25_norm",
        "bigram_cover",
        "trigram_cover",
        "char5_cover",
        "char8_cover",
        "numbers_head",
        "numbers_cover",
        "head_question",
        "head_quoted",
        "head_tokens",
        "sentences_log",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for lex in ["refute", "hedge", "confirm", "report", "negation"] {
        for place in ["head", "body_rate", "top3", "lead", "near", "near_ratio"] {
            names.push(format!("{lex}_{place}"));
        }
    }
    names.push("polarity_head".into());
    names.push("polarity_top3".into());
    for (group, _) in CUE_GROUPS {
        names.push(format!("cue_{group}_body"));
        names.push(format!("cue_{group}_near"));
    }
    names
}

/// Single cues counted one by one, so the trees can weigh "hoax" apart from "denied".
const CUE_GROUPS: [(&str, &[&str]); 14] = [
    ("fake", &["fake", "fakes", "faked", "phony", "bogus"]),
    ("hoax", &["hoax", "hoaxes", "prank", "pranks", "scam"]),
    ("false", &["false", "falsely", "untrue", "incorrect", "erroneous"]),
    ("deny", &["deny", "denies", "denied", "denial", "denying"]),
    ("debunk", &["debunk", "debunked", "debunks", "refute", "refuted", "refutes"]),
    ("satire", &["satire", "satirical", "parody", "joke", "spoof"]),
    ("doctored", &["doctored", "photoshopped", "fabricated", "manipulated", "edited"]),
    ("rumor", &["rumor", "rumors", "rumour", "rumours", "rumored", "rumoured", "speculation"]),
    ("claim", &["claim", "claims", "claimed", "claiming"]),
    ("allegedly", &["allegedly", "alleged", "reportedly", "purportedly", "supposedly", "apparently"]),
    ("unverified", &["unverified", "unconfirmed", "unclear", "uncertain"]),
    ("confirm", &["confirm", "confirmed", "confirms", "confirmation", "verified"]),
    ("contrast", &["but", "however", "although", "though", "yet", "despite"]),
    ("true", &["true", "real", "genuine", "authentic", "indeed"]),
];

fn frac<T: Eq + std::hash::Hash>(items: &[T], set: &HashSet<T>) -> f32 {
    if items.is_empty() {
        return 0.0;
    }
    items.iter().filter(|x| set.contains(x)).count() as f32 / items.len() as f32
}

/// The feature vector of one headline/body pair.
pub fn features(head: &HeadDoc, body: &BodyDoc, idf: &Idf) -> Vec<f32> {
    let hset: HashSet<&str> = head.stems.iter().map(|s| s.as_str()).collect();
    let nh = head.stems.len() as f32;
    let covered: Vec<&String> = head.stems.iter().filter(|s| body.counts.contains_key(*s)).collect();
    let term_cover = if nh > 0.0 { covered.len() as f32 / nh } else { 0.0 };
    let union = nh + body.counts.len() as f32 - covered.len() as f32;
    let jaccard = if union > 0.0 { covered.len() as f32 / union } else { 0.0 };
    let idf_total: f32 = head.stems.iter().map(|s| idf.get(s)).sum();
    let idf_cover = if idf_total > 0.0 { covered.iter().map(|s| idf.get(s)).sum::<f32>() / idf_total } else { 0.0 };
    let lead_cover =
        if nh > 0.0 { head.stems.iter().filter(|s| body.lead_stems.contains(*s)).count() as f32 / nh } else { 0.0 };
    let term_freq_log = if nh > 0.0 {
        head.stems.iter().map(|s| (1.0 + body.counts.get(s).copied().unwrap_or(0.0)).ln()).sum::<f32>() / nh
    } else {
        0.0
    };
    // sentence similarities
    let mut sims: Vec<(f32, usize)> =
        body.sentences.iter().enumerate().map(|(i, s)| (cosine(&head.vec, &s.vec), i)).collect();
    sims.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let cos_max = sims.first().map_or(0.0, |s| s.0);
    let top: Vec<usize> = sims.iter().take(3).map(|s| s.1).collect();
    let cos_top3 = if top.is_empty() { 0.0 } else { sims.iter().take(3).map(|s| s.0).sum::<f32>() / top.len() as f32 };
    let best_pos = match (sims.first(), body.sentences.len()) {
        (Some(s), n) if n > 1 => s.1 as f32 / (n - 1) as f32,
        _ => 0.0,
    };
    // BM25
    let (k1, b) = (1.2f32, 0.75f32);
    let dl = body.content_len;
    let bm25: f32 = head
        .stems
        .iter()
        .map(|s| {
            let tf = body.counts.get(s).copied().unwrap_or(0.0);
            idf.get(s) * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * dl / idf.avgdl))
        })
        .sum();
    let numbers_cover = if head.numbers.is_empty() {
        -1.0
    } else {
        head.numbers.iter().filter(|n| body.toks.iter().any(|t| &t.raw == *n)).count() as f32
            / head.numbers.len() as f32
    };
    let mut f = vec![
        nh,
        (1.0 + body.toks.len() as f32).ln(),
        term_cover,
        jaccard,
        idf_cover,
        lead_cover,
        term_freq_log,
        cosine(&head.vec, &body.vec),
        cosine(&head.vec, &body.lead_vec),
        cos_max,
        cos_top3,
        best_pos,
        bm25,
        if idf_total > 0.0 { bm25 / idf_total } else { 0.0 },
        frac(&head.bigrams, &body.bigrams),
        frac(&head.trigrams, &body.trigrams),
        frac(&head.char5, &body.char5),
        frac(&head.char8, &body.char8),
        head.numbers.len() as f32,
        numbers_cover,
        head.question as u8 as f32,
        head.quoted as u8 as f32,
        head.toks.len() as f32,
        (1.0 + body.sentences.len() as f32).ln(),
    ];
    // cue words near the headline's terms in the body
    let n = body.toks.len();
    let mut near = vec![false; n];
    for (i, t) in body.toks.iter().enumerate() {
        if t.content && hset.contains(t.stem.as_str()) {
            near[i.saturating_sub(6)..(i + 7).min(n)].iter_mut().for_each(|x| *x = true);
        }
    }
    let near_n = near.iter().filter(|x| **x).count() as f32;
    // one pass over the body: lexicon words near the headline's terms, and each cue group's words
    // in the whole body and near those terms
    let mut near_lex = [0.0f32; 5];
    let mut cue_all = [0.0f32; CUE_GROUPS.len()];
    let mut cue_close = [0.0f32; CUE_GROUPS.len()];
    for (t, &m) in body.toks.iter().zip(&near) {
        if m {
            for (k, v) in near_lex.iter_mut().enumerate() {
                *v += (t.lex >> k & 1) as f32;
            }
        }
        if t.cues != 0 {
            for g in 0..CUE_GROUPS.len() {
                if t.cues >> g & 1 == 1 {
                    cue_all[g] += 1.0;
                    cue_close[g] += m as u8 as f32;
                }
            }
        }
    }
    let mut top_lex = [0.0f32; 5];
    for &i in &top {
        for (t, v) in top_lex.iter_mut().zip(&body.sentences[i].lex) {
            *t += v;
        }
    }
    let body_words = (body.toks.len() as f32).max(1.0);
    for k in 0..5 {
        f.push(head.lex[k]);
        f.push(100.0 * body.lex[k] / body_words);
        f.push(top_lex[k]);
        f.push(body.lead_lex[k]);
        f.push(near_lex[k]);
        f.push(near_lex[k] / (near_n + 1.0));
    }
    f.push(((head.lex[0] + head.lex[4]) as u32 % 2) as f32);
    f.push(((top_lex[0] + top_lex[4]) as u32 % 2) as f32);
    for (all, close) in cue_all.into_iter().zip(cue_close) {
        f.push(all);
        f.push(close);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idf() -> Idf {
        Idf::fit([
            "The dam on the river broke after heavy rain.",
            "A rare spider was found in a tourist's suitcase.",
            "The city council approved the new budget.",
            "Heavy rain flooded the valley and the river rose.",
        ])
    }

    #[test]
    fn idf_keeps_shared_terms_only() {
        let idf = idf();
        assert!(idf.map.contains_key("river"));
        assert!(!idf.map.contains_key("spider"));
        assert!(idf.get("river") < idf.get("spider"));
    }

    #[test]
    fn feature_vector_matches_names() {
        assert_eq!(feature_names()[TERM_COVER], "term_cover");
        let idf = idf();
        let h = HeadDoc::new("Dam breaks after rain", &idf);
        let b = BodyDoc::new("The dam broke. Rain had fallen for days.", &idf);
        assert_eq!(features(&h, &b, &idf).len(), feature_names().len());
    }

    #[test]
    fn overlap_is_high_for_related_and_zero_for_unrelated() {
        let idf = idf();
        let h = HeadDoc::new("River dam breaks after heavy rain", &idf);
        let related = BodyDoc::new("The river dam breaks after heavy rain, officials said.", &idf);
        let unrelated = BodyDoc::new("The council approved a budget for schools.", &idf);
        let names = feature_names();
        let at = |f: &[f32], n: &str| f[names.iter().position(|x| x == n).unwrap()];
        let fr = features(&h, &related, &idf);
        let fu = features(&h, &unrelated, &idf);
        assert!(at(&fr, "cos_body") > 0.5, "{fr:?}");
        assert_eq!(at(&fu, "cos_body"), 0.0);
        assert_eq!(at(&fr, "term_cover"), 1.0);
        assert_eq!(at(&fu, "term_cover"), 0.0);
        assert!(at(&fr, "char8_cover") > 0.9);
        assert_eq!(at(&fr, "report_near"), 1.0);
    }

    #[test]
    fn refuting_cues_are_counted_near_the_claim() {
        let idf = idf();
        let h = HeadDoc::new("Spider found in tourist's suitcase", &idf);
        let b = BodyDoc::new(
            "Weather was fine all week.\nThe story of a spider in a suitcase is a hoax, and the tourist denied it.",
            &idf,
        );
        let names = feature_names();
        let f = features(&h, &b, &idf);
        let at = |n: &str| f[names.iter().position(|x| x == n).unwrap()];
        assert_eq!(at("refute_near"), 2.0);
        assert_eq!(at("refute_top3"), 2.0);
        assert_eq!(at("refute_head"), 0.0);
    }

    #[test]
    fn empty_texts_give_finite_features() {
        let idf = Idf::fit(std::iter::empty());
        let f = features(&HeadDoc::new("", &idf), &BodyDoc::new("", &idf), &idf);
        assert!(f.iter().all(|x| x.is_finite()));
    }
}
