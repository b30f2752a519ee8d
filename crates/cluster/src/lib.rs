//! corroborate-cluster: online, incremental, time-aware story clustering.
//!
//! Articles arrive one at a time ([`Clusterer::add`]) and each is put in the best existing story
//! or starts a new one; nothing is ever compared all-pairs. An article is described by TF-IDF
//! weights (document frequencies are counted as articles arrive) of its content words and names
//! (runs of capitalised words, which count extra), and by a sentence vector from
//! [`corroborate_embed`]. Candidate stories come from an inverted index over each story's
//! strongest terms (only the most recent postings of a term are read), and are scored by
//!
//! `score = (w_terms * cos(tfidf, story centroid) + w_embed' * cos(vector - mean, story vector - mean))
//!   / (w_terms + w_embed')`
//!
//! where `w_embed'` is the embedding weight scaled down for long articles, whose many words
//! already overlap enough (see [`ClustererBuilder::short_terms`]). Headlines of one story share
//! few words, so short articles join at a lower threshold, and after an article joins a story of
//! short articles, that story is merged with another whose centroid scores above the merge
//! threshold against its own (union-find over story ids; [`Clusterer::resolve`] maps an id
//! handed out earlier to the story it ended in). The score is multiplied by a
//! time decay: articles within `grace_days` of a story's span count fully, further ones decay
//! with `exp(-(gap - grace) / decay_days)`, so days apart can share a story and years apart
//! rarely do. The best candidate wins if its score reaches the threshold.
//!
//! ```
//! use corroborate_cluster::Clusterer;
//! let mut c = Clusterer::builder().build(None);
//! let a = c.add("Russian forces withdrew from Bucha near Kyiv; bodies of civilians lay in the streets.", None);
//! let b = c.add("Bodies of civilians were found in Bucha after Russian forces withdrew from the town near Kyiv.", None);
//! let d = c.add("The central bank raised its interest rate by half a point to fight inflation.", None);
//! assert_eq!(a, b);
//! assert_ne!(a, d);
//! ```
//!
//! The crate does no IO.
use corroborate_embed::{cosine, Embedder};
use std::collections::HashMap;
use std::sync::Arc;

pub mod features;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A date could not be read.
    #[error("not a date (want YYYY-MM-DD): {0:?}")]
    Date(String),
}

/// Result of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// The id of a story: stories are numbered from 0 in order of creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StoryId(pub u32);

/// A day number (days since 1970-01-01).
pub type Day = i32;

/// Reads the day of an ISO date (`YYYY-MM-DD`, anything after the day is ignored).
pub fn parse_day(date: &str) -> Result<Day> {
    let day = corroborate_model::day_number(date.trim()).ok_or_else(|| Error::Date(date.to_string()))?;
    Day::try_from(day).map_err(|_| Error::Date(date.to_string()))
}

/// Settings of a [`Clusterer`]; see [`ClustererBuilder`].
#[derive(Debug, Clone)]
struct Config {
    threshold: f32,
    w_terms: f32,
    w_embed: f32,
    name_boost: f32,
    short_terms: f32,
    grace_days: f32,
    decay_days: f32,
    query_terms: usize,
    index_terms: usize,
    postings_read: usize,
    candidates: usize,
    centroid_terms: usize,
    merge: Option<f32>,
    short_threshold: Option<f32>,
    short_merge: Option<f32>,
}

/// Builds a [`Clusterer`].
#[derive(Debug, Clone)]
pub struct ClustererBuilder {
    config: Config,
}

impl Default for ClustererBuilder {
    fn default() -> Self {
        ClustererBuilder {
            config: Config {
                threshold: 0.26,
                w_terms: 0.6,
                w_embed: 0.4,
                name_boost: 1.5,
                short_terms: 20.0,
                grace_days: 7.0,
                decay_days: 60.0,
                query_terms: 12,
                index_terms: 24,
                postings_read: 2000,
                candidates: 40,
                centroid_terms: 300,
                merge: None,
                short_threshold: Some(0.15),
                short_merge: Some(0.2),
            },
        }
    }
}

impl ClustererBuilder {
    /// Least score for joining a story, for long articles (default 0.26; see
    /// [`ClustererBuilder::short`] for headlines).
    pub fn threshold(mut self, t: f32) -> Self {
        self.config.threshold = t;
        self
    }
    /// Weights of the term cosine and of the embedding cosine (default 0.6 and 0.4; without an
    /// embedder only terms count).
    pub fn weights(mut self, terms: f32, embed: f32) -> Self {
        self.config.w_terms = terms;
        self.config.w_embed = embed;
        self
    }
    /// Factor on the TF-IDF weight of names (default 1.5).
    pub fn name_boost(mut self, b: f32) -> Self {
        self.config.name_boost = b;
        self
    }
    /// Articles with fewer distinct terms than this (headlines, short items) lean fully on the
    /// embedding, since their words rarely overlap; longer ones scale its weight down by
    /// `short_terms / terms`, at least to a fifth (default 20).
    pub fn short_terms(mut self, n: f32) -> Self {
        self.config.short_terms = n.max(0.0);
        self
    }
    /// Days of full credit around a story's span, and the decay constant after it (7 and 60).
    pub fn time(mut self, grace_days: f32, decay_days: f32) -> Self {
        self.config.grace_days = grace_days;
        self.config.decay_days = decay_days.max(1e-3);
        self
    }
    /// Candidate stories scored in full per article (default 40).
    pub fn candidates(mut self, n: usize) -> Self {
        self.config.candidates = n.max(1);
        self
    }
    /// Merge two stories when, after an article joins one of them, their centroids score at least
    /// `m` against each other (same score as an article, story against story); `None` never merges.
    /// Story ids handed out earlier may then name a merged story: see [`Clusterer::resolve`].
    pub fn merge(mut self, m: Option<f32>) -> Self {
        self.config.merge = m;
        self
    }
    /// Threshold and merge threshold for short articles (headlines): an article of
    /// `short_terms` distinct terms or fewer uses these, one of `5 * short_terms` or more the
    /// long ones, and lengths between interpolate (defaults 0.15 and 0.2; `None`: the long
    /// value, or never for the merge). Headlines of one story share few words, so they need a
    /// lower bar, and their stories are merged once their centroids agree.
    pub fn short(mut self, threshold: Option<f32>, merge: Option<f32>) -> Self {
        self.config.short_threshold = threshold;
        self.config.short_merge = merge;
        self
    }
    /// The short-article threshold set so far.
    pub fn short_threshold(&self) -> Option<f32> {
        self.config.short_threshold
    }
    /// The short-article merge threshold set so far.
    pub fn short_merge(&self) -> Option<f32> {
        self.config.short_merge
    }
    /// The clusterer, with the embedder for semantic similarity (or none: terms only).
    pub fn build(self, embedder: Option<Arc<dyn Embedder + Send + Sync>>) -> Clusterer {
        let dim = embedder.as_ref().map_or(0, |e| e.dim());
        Clusterer {
            config: self.config,
            embedder,
            vocab: HashMap::new(),
            df: Vec::new(),
            docs: 0,
            embedded: 0,
            stories: Vec::new(),
            parent: Vec::new(),
            postings: HashMap::new(),
            mean: vec![0.0; dim],
            dim,
        }
    }
}

#[derive(Debug)]
struct Story {
    /// Sum of member TF-IDF vectors (unit length each), pruned to the strongest terms. A fixed
    /// hasher: sums over it run in the same order on every run, so results repeat exactly.
    terms: Terms,
    /// Sum of member sentence vectors.
    vector: Vec<f32>,
    size: u32,
    first: Option<Day>,
    last: Option<Day>,
    indexed: Vec<u32>,
    /// Sum of members' length factors (see [`Clusterer::length_factor`]).
    lengths: f32,
}

type Terms = HashMap<u32, f32, std::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>>;

/// Where an article went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assignment {
    /// The story.
    pub story: StoryId,
    /// The score with which it joined (0 for a new story).
    pub score: f32,
    /// Whether the article started the story.
    pub new_story: bool,
}

/// Online story clusterer. Not thread-safe to mutate; one per stream.
pub struct Clusterer {
    config: Config,
    embedder: Option<Arc<dyn Embedder + Send + Sync>>,
    vocab: HashMap<String, u32>,
    df: Vec<u32>,
    docs: u32,
    /// Articles whose sentence vector went into the running mean.
    embedded: u32,
    stories: Vec<Story>,
    /// Union-find over story ids: a merged story points to the story that absorbed it.
    parent: Vec<u32>,
    postings: HashMap<u32, Vec<u32>>,
    /// Running mean of all article vectors (removed before comparing, as all news text shares a
    /// common direction).
    mean: Vec<f32>,
    dim: usize,
}

impl Clusterer {
    /// A builder with the default settings.
    pub fn builder() -> ClustererBuilder {
        ClustererBuilder::default()
    }

    /// Number of stories so far (merged stories count once).
    pub fn stories(&self) -> usize {
        self.parent.iter().enumerate().filter(|(i, &p)| *i as u32 == p).count()
    }

    /// The story that an id handed out earlier now belongs to (itself unless it was merged).
    pub fn resolve(&self, id: StoryId) -> StoryId {
        StoryId(self.root(id.0))
    }

    /// [`Clusterer::resolve`] over many ids (for instance, every article's at the end of a run).
    pub fn resolve_all(&self, ids: &[StoryId]) -> Vec<StoryId> {
        ids.iter().map(|&id| self.resolve(id)).collect()
    }

    fn root(&self, mut s: u32) -> u32 {
        while let Some(&p) = self.parent.get(s as usize) {
            if p == s {
                break;
            }
            s = p;
        }
        s
    }

    /// Puts one article (its text, and its day if known) into a story and returns the story.
    pub fn add(&mut self, text: &str, day: Option<Day>) -> StoryId {
        self.assign(text, day).story
    }

    /// Like [`Clusterer::add`], with the score.
    pub fn assign(&mut self, text: &str, day: Option<Day>) -> Assignment {
        self.assign_with_names(text, &[], day)
    }

    /// Like [`Clusterer::assign`], with names the caller already knows (canonical entity names
    /// from an analysis: "Volodymyr Zelenskyy" for "Zelensky" and "Zelenskiy" alike). Each counts
    /// as a name term of the article, on top of the names found in the text.
    pub fn assign_with_names(&mut self, text: &str, names: &[String], day: Option<Day>) -> Assignment {
        let vector = self.tfidf(text, names, true);
        self.place(vector, text, day)
    }

    /// Puts an article of TF-IDF vector `vector` in the best story or a new one.
    fn place(&mut self, vector: Vec<(u32, f32)>, text: &str, day: Option<Day>) -> Assignment {
        let embedding = match &self.embedder {
            Some(e) => {
                let v = e.embed(text);
                if v.len() == self.dim {
                    v
                } else {
                    vec![0.0; self.dim]
                }
            }
            None => Vec::new(),
        };
        let best = self
            .candidates(&vector)
            .into_iter()
            .map(|s| (s, self.score(s, &vector, &embedding, day)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        // Update the running mean after scoring.
        if self.dim > 0 && embedding.iter().any(|&x| x != 0.0) {
            self.embedded += 1;
            let n = self.embedded as f32;
            for (m, &x) in self.mean.iter_mut().zip(&embedding) {
                *m += (x - *m) / n.max(1.0);
            }
        }
        let length = self.length_factor(vector.len());
        let threshold = self.by_length(Some(self.config.threshold), self.config.short_threshold, length);
        let (story, score, new_story) = match best {
            Some((s, score)) if threshold.is_some_and(|t| score >= t) => (s, score, false),
            _ => {
                self.stories.push(Story {
                    terms: Terms::default(),
                    vector: vec![0.0; self.dim],
                    size: 0,
                    first: None,
                    last: None,
                    indexed: Vec::new(),
                    lengths: 0.0,
                });
                self.parent.push(self.stories.len() as u32 - 1);
                (self.stories.len() as u32 - 1, 0.0, true)
            }
        };
        self.join(story, &vector, &embedding, day);
        self.stories[story as usize].lengths += length;
        let mut story = story;
        if !new_story && (self.config.merge.is_some() || self.config.short_merge.is_some()) {
            for _ in 0..3 {
                match self.merge_candidate(story) {
                    Some(other) => story = self.absorb(story, other),
                    None => break,
                }
            }
        }
        Assignment { story: StoryId(story), score, new_story }
    }

    /// The article's terms and their counts, in a fixed order (new terms get their ids, and ties
    /// their places, the same way every run).
    fn term_counts(text: &str, names: &[String]) -> Vec<(String, f32)> {
        let mut terms = features::terms(text);
        for n in names {
            let n = n.trim().to_lowercase();
            if !n.is_empty() {
                *terms.entry(format!("={n}")).or_default() += 1.0;
            }
        }
        let mut counts: Vec<(String, f32)> = terms.into_iter().collect();
        counts.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        counts
    }

    /// The id of a term (a new one if unseen).
    fn term_id(&mut self, term: String) -> u32 {
        let next = self.vocab.len() as u32;
        let id = *self.vocab.entry(term).or_insert(next);
        if id as usize == self.df.len() {
            self.df.push(0);
        }
        id
    }

    /// Counts an article in the document frequencies without putting it in a story: for a batch
    /// known in advance (`compare`), observe every article first and then add each with
    /// [`Clusterer::assign_observed`], so that term weights come from the whole batch. Online,
    /// the second article of a story otherwise finds the words it shares with the first still
    /// weighted as common ones (both articles count in their frequency) and the rest as rare.
    pub fn observe(&mut self, text: &str, names: &[String]) {
        self.docs += 1;
        for (term, _) in Self::term_counts(text, names) {
            let id = self.term_id(term);
            self.df[id as usize] += 1;
        }
    }

    /// Like [`Clusterer::assign_with_names`], for an article already counted with
    /// [`Clusterer::observe`] (with the same text and names).
    pub fn assign_observed(&mut self, text: &str, names: &[String], day: Option<Day>) -> Assignment {
        let vector = self.tfidf(text, names, false);
        self.place(vector, text, day)
    }

    /// The article's TF-IDF vector (unit length, strongest terms first), counting it in the
    /// document frequencies if `count`.
    fn tfidf(&mut self, text: &str, names: &[String], count: bool) -> Vec<(u32, f32)> {
        let counts = Self::term_counts(text, names);
        if count {
            self.docs += 1;
        }
        let n = self.docs as f32;
        let mut v: Vec<(u32, f32)> = counts
            .into_iter()
            .map(|(term, tf)| {
                let boost = if term.starts_with('=') { self.config.name_boost } else { 1.0 };
                let id = self.term_id(term);
                if count {
                    self.df[id as usize] += 1;
                }
                let df = self.df[id as usize].max(1) as f32;
                let idf = ((n.max(df) + 1.0) / (df + 1.0)).ln() + 1.0;
                (id, (1.0 + tf.ln()) * idf * boost)
            })
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(self.config.centroid_terms);
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        v
    }

    /// Stories sharing the article's strongest terms, by summed weight, best first. The query is
    /// the `query_terms` strongest terms that some story is indexed under: an article's rarest
    /// words are its strongest and often new, and would leave no candidate at all.
    fn candidates(&self, vector: &[(u32, f32)]) -> Vec<u32> {
        let mut acc: HashMap<u32, f32> = HashMap::new();
        let indexed = vector.iter().filter_map(|&(term, w)| self.postings.get(&term).map(|list| (list, w)));
        for (list, w) in indexed.take(self.config.query_terms) {
            let from = list.len().saturating_sub(self.config.postings_read);
            for &s in &list[from..] {
                *acc.entry(self.root(s)).or_default() += w;
            }
        }
        let mut c: Vec<(u32, f32)> = acc.into_iter().collect();
        c.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        c.truncate(self.config.candidates);
        c.into_iter().map(|(s, _)| s).collect()
    }

    fn score(&self, s: u32, vector: &[(u32, f32)], embedding: &[f32], day: Option<Day>) -> f32 {
        let story = &self.stories[s as usize];
        let norm = story.terms.values().map(|w| w * w).sum::<f32>().sqrt();
        let dot: f32 = vector.iter().filter_map(|(t, w)| story.terms.get(t).map(|c| c * w)).sum();
        let term_cos = if norm > 0.0 { dot / norm } else { 0.0 };
        let mut score = self.config.w_terms * term_cos;
        let mut weight = self.config.w_terms;
        if self.dim > 0 && embedding.iter().any(|&x| x != 0.0) {
            let size = story.size.max(1) as f32;
            let a: Vec<f32> = embedding.iter().zip(&self.mean).map(|(x, m)| x - m).collect();
            let b: Vec<f32> = story.vector.iter().zip(&self.mean).map(|(x, m)| x / size - m).collect();
            let w_embed = self.config.w_embed * self.length_factor(vector.len());
            score += w_embed * cosine(&a, &b).max(0.0);
            weight += w_embed;
        }
        if weight > 0.0 {
            score /= weight;
        }
        score * self.decay(story, day)
    }

    /// A setting for an article of the given length factor: the long value, the short one, or
    /// between (a missing value never fires: it counts as above any score).
    fn by_length(&self, long: Option<f32>, short: Option<f32>, length: f32) -> Option<f32> {
        let frac = ((length - 0.2) / 0.8).clamp(0.0, 1.0);
        match (long, short) {
            (Some(l), Some(s)) => Some(l + frac * (s - l)),
            (Some(l), None) => Some(l),
            (None, Some(s)) => (frac > 0.0).then(|| s / frac.max(1e-3)).filter(|v| *v <= 1.0),
            (None, None) => None,
        }
    }

    /// Share of the embedding weight for an article of `terms` distinct terms.
    fn length_factor(&self, terms: usize) -> f32 {
        (self.config.short_terms / terms.max(1) as f32).clamp(0.2, 1.0)
    }

    /// The best other story to merge `s` with, if it scores at least `m` (centroid against
    /// centroid, with the time decay between their spans).
    fn merge_candidate(&self, s: u32) -> Option<u32> {
        let story = &self.stories[s as usize];
        let mut query: Vec<(u32, f32)> = story.terms.iter().map(|(&t, &w)| (t, w)).collect();
        query.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        query.truncate(self.config.query_terms);
        let mut best: Option<(u32, f32)> = None;
        for c in self.candidates(&query) {
            if c == s {
                continue;
            }
            let Some((score, m)) = self.pair_score(s, c) else { continue };
            if score >= m && best.is_none_or(|b| score > b.1) {
                best = Some((c, score));
            }
        }
        best.map(|b| b.0)
    }

    /// Story `s` against story `c`, centroid against centroid with the time decay between their
    /// spans, and the merge threshold for their lengths (`None`: they never merge).
    fn pair_score(&self, s: u32, c: u32) -> Option<(f32, f32)> {
        let story = &self.stories[s as usize];
        let other = &self.stories[c as usize];
        let mean_length = |x: &Story| x.lengths / x.size.max(1) as f32;
        let length = (mean_length(story) + mean_length(other)) / 2.0;
        let m = self.by_length(self.config.merge, self.config.short_merge, length)?;
        let norm_s = story.terms.values().map(|w| w * w).sum::<f32>().sqrt();
        let norm_c = other.terms.values().map(|w| w * w).sum::<f32>().sqrt();
        let (small, big) = if story.terms.len() < other.terms.len() {
            (&story.terms, &other.terms)
        } else {
            (&other.terms, &story.terms)
        };
        let dot: f32 = small.iter().filter_map(|(t, w)| big.get(t).map(|x| x * w)).sum();
        let term_cos = if norm_s > 0.0 && norm_c > 0.0 { dot / (norm_s * norm_c) } else { 0.0 };
        let mut score = self.config.w_terms * term_cos;
        let mut weight = self.config.w_terms;
        if self.dim > 0 {
            let (size_s, size_c) = (story.size.max(1) as f32, other.size.max(1) as f32);
            let a: Vec<f32> = story.vector.iter().zip(&self.mean).map(|(x, m)| x / size_s - m).collect();
            let b: Vec<f32> = other.vector.iter().zip(&self.mean).map(|(x, m)| x / size_c - m).collect();
            let w_embed = self.config.w_embed * length;
            score += w_embed * cosine(&a, &b).max(0.0);
            weight += w_embed;
        }
        if weight > 0.0 {
            score /= weight;
        }
        let gap = match (story.first, story.last) {
            (Some(f), Some(l)) => self.decay(other, Some(f)).max(self.decay(other, Some(l))),
            _ => 1.0,
        };
        Some((score * gap, m))
    }

    /// Merges every pair of stories whose centroids now score above the merge threshold
    /// (a story is only checked for merges when an article joins it, and its centroid and the
    /// running mean keep moving afterwards). Candidates come from the index as for an article,
    /// so this costs about one article's scoring per story, not all pairs. Returns the number of
    /// merges; call it before reading final stories (as `cluster` does at the end of its input).
    pub fn consolidate(&mut self) -> usize {
        if self.config.merge.is_none() && self.config.short_merge.is_none() {
            return 0;
        }
        let mut merges = 0;
        loop {
            let mut changed = false;
            for s in 0..self.stories.len() as u32 {
                if self.root(s) != s || self.stories[s as usize].size == 0 {
                    continue;
                }
                let mut story = s;
                while let Some(other) = self.merge_candidate(story) {
                    story = self.absorb(story, other);
                    merges += 1;
                    changed = true;
                }
            }
            if !changed {
                return merges;
            }
        }
    }

    /// The merge score of two stories and the threshold it is held to (development aid).
    #[doc(hidden)]
    pub fn story_pair_score(&self, a: StoryId, b: StoryId) -> Option<(f32, f32)> {
        let (a, b) = (self.root(a.0), self.root(b.0));
        if a == b || a as usize >= self.stories.len() || b as usize >= self.stories.len() {
            return None;
        }
        self.pair_score(a, b)
    }

    /// Merges stories `a` and `b` into the larger one (the older on a tie) and returns it.
    fn absorb(&mut self, a: u32, b: u32) -> u32 {
        let (sa, sb) = (self.stories[a as usize].size, self.stories[b as usize].size);
        let (keep, gone) = if sa > sb || (sa == sb && a < b) { (a, b) } else { (b, a) };
        let taken = std::mem::replace(
            &mut self.stories[gone as usize],
            Story {
                terms: Terms::default(),
                vector: Vec::new(),
                size: 0,
                first: None,
                last: None,
                indexed: Vec::new(),
                lengths: 0.0,
            },
        );
        let cap = self.config.centroid_terms;
        let story = &mut self.stories[keep as usize];
        for (t, w) in taken.terms {
            *story.terms.entry(t).or_default() += w;
        }
        if story.terms.len() > cap * 2 {
            let mut all: Vec<(u32, f32)> = story.terms.drain().collect();
            all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            all.truncate(cap);
            story.terms = all.into_iter().collect::<Terms>();
        }
        for (acc, x) in story.vector.iter_mut().zip(taken.vector) {
            *acc += x;
        }
        story.size += taken.size;
        story.lengths += taken.lengths;
        story.first = match (story.first, taken.first) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        story.last = match (story.last, taken.last) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
        for t in taken.indexed {
            if !story.indexed.contains(&t) {
                story.indexed.push(t);
            }
        }
        self.parent[gone as usize] = keep;
        keep
    }

    fn decay(&self, story: &Story, day: Option<Day>) -> f32 {
        let (Some(d), Some(first), Some(last)) = (day, story.first, story.last) else {
            return 1.0;
        };
        let gap = if d < first { first - d } else { d.saturating_sub(last).max(0) } as f32;
        if gap <= self.config.grace_days {
            1.0
        } else {
            (-(gap - self.config.grace_days) / self.config.decay_days).exp()
        }
    }

    fn join(&mut self, s: u32, vector: &[(u32, f32)], embedding: &[f32], day: Option<Day>) {
        let cap = self.config.centroid_terms;
        let index_terms = self.config.index_terms;
        let story = &mut self.stories[s as usize];
        story.size += 1;
        for &(t, w) in vector {
            *story.terms.entry(t).or_default() += w;
        }
        if story.terms.len() > cap * 2 {
            let mut all: Vec<(u32, f32)> = story.terms.drain().collect();
            all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            all.truncate(cap);
            story.terms = all.into_iter().collect::<Terms>();
        }
        for (acc, &x) in story.vector.iter_mut().zip(embedding) {
            *acc += x;
        }
        if let Some(d) = day {
            story.first = Some(story.first.map_or(d, |f| f.min(d)));
            story.last = Some(story.last.map_or(d, |l| l.max(d)));
        }
        // Index the story under the article's strongest terms (each story once per term).
        for &(t, _) in vector.iter().take(index_terms) {
            if !story.indexed.contains(&t) {
                story.indexed.push(t);
                self.postings.entry(t).or_default().push(s);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_counted_from_the_epoch() {
        assert_eq!(parse_day("1970-01-01").unwrap(), 0);
        assert_eq!(parse_day("2022-04-03").unwrap(), 19_085);
        assert_eq!(parse_day("2000-03-01T10:00:00Z").unwrap(), 11_017);
        assert!(parse_day("2022-13-01").is_err());
        assert!(parse_day("yesterday").is_err());
        assert!(parse_day("").is_err());
    }

    #[test]
    fn same_event_years_apart_is_a_new_story() {
        let text = "Floods in Gaza: hundreds of Palestinians flee as Israel opens dams.";
        let mut c = Clusterer::builder().build(None);
        let a = c.add(text, Some(parse_day("2015-02-23").unwrap()));
        let b = c.add(text, Some(parse_day("2015-02-25").unwrap()));
        let d = c.add(text, Some(parse_day("2019-02-25").unwrap()));
        assert_eq!(a, b);
        assert_ne!(a, d);
    }

    #[test]
    fn headlines_of_one_story_end_in_one_story() {
        let table = Arc::new(corroborate_embed::StaticEmbeddings::bundled().unwrap());
        let mut c = Clusterer::builder().build(Some(table));
        let ids: Vec<StoryId> = [
            "Dam bursts in Arvia, flooding the village of Osk",
            "Cheese fair opens in Lund with record crowds",
            "Osk flood: Arvian dam gave way before dawn",
            "Arvia dam collapse kills 40 in Osk",
            "Record crowds at the Lund cheese fair",
            "Rescue teams search Osk after the dam burst",
        ]
        .iter()
        .map(|h| c.add(h, None))
        .collect();
        let s = c.resolve_all(&ids);
        assert_eq!(s[0], s[2]);
        assert_eq!(s[0], s[3]);
        assert_eq!(s[0], s[5]);
        assert_eq!(s[1], s[4]);
        assert_ne!(s[0], s[1]);
    }

    #[test]
    fn consolidation_merges_stories_that_agree_at_the_end() {
        // headlines never join here (threshold 0.9), so only the last pass can merge them
        let mut c = Clusterer::builder().short(Some(0.9), Some(0.3)).build(None);
        let ids: Vec<StoryId> = [
            "Mt. Gox files for bankruptcy protection in Tokyo",
            "Cheese fair opens in Lund with record crowds",
            "Mt. Gox bankruptcy: Tokyo court takes the Bitcoin exchange",
        ]
        .iter()
        .map(|h| c.add(h, None))
        .collect();
        assert_eq!(c.stories(), 3);
        assert_eq!(c.consolidate(), 1);
        let s = c.resolve_all(&ids);
        assert_eq!(s[0], s[2]);
        assert_ne!(s[0], s[1]);
        assert_eq!(c.stories(), 2);
    }

    #[test]
    fn new_rare_words_do_not_hide_the_story_an_article_shares_words_with() {
        // The second article's strongest terms are words no one used before (no story is
        // indexed under them); the story it shares "Osk", "Arvia" and "dam" with is a candidate.
        let mut c = Clusterer::builder().build(None);
        c.add("Dam bursts in Arvia, flooding the village of Osk", None);
        let text = "Osk Arvia dam: zorvex quillan brastic mervolt dunhaze plorive sketrin vandle \
                    corblin frastow glimber hestrow jarnith";
        let vector = c.tfidf(text, &[], true);
        assert!(vector.iter().take(c.config.query_terms).all(|(t, _)| !c.postings.contains_key(t)));
        assert_eq!(c.candidates(&vector), vec![0]);
    }

    #[test]
    fn observed_batches_weigh_terms_over_the_whole_batch() {
        let texts = ["Osk dam bursts", "Osk dam gives way", "Lund cheese fair"];
        let mut online = Clusterer::builder().build(None);
        let mut batch = Clusterer::builder().build(None);
        for t in texts {
            batch.observe(t, &[]);
        }
        let a = texts.map(|t| online.assign(t, None));
        let b = texts.map(|t| batch.assign_observed(t, &[], None));
        // counted once each, when observed
        assert_eq!((batch.docs, online.docs), (3, 3));
        assert_eq!(batch.df[batch.vocab["osk"] as usize], 2);
        assert_eq!(a.map(|x| x.story), b.map(|x| x.story));
        // the first article is weighed against the whole batch: "osk" and "dam" (in two of
        // three articles) count less than "burst" (in one), where online all three were new
        let first = batch.tfidf(texts[0], &[], false);
        let w = |t: &str| first.iter().find(|x| x.0 == batch.vocab[t]).unwrap().1;
        assert!(w("burst") > w("osk") && (w("osk") - w("dam")).abs() < 1e-6, "{first:?}");
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        let mut c = Clusterer::builder().build(None);
        let a = c.add("", None);
        let b = c.add("\u{0}\u{fffd} ... !!!", None);
        assert_ne!(a, b);
        assert_eq!(c.stories(), 2);
    }
}
