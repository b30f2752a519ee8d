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
//! already overlap enough (see [`ClustererBuilder::short_terms`]). The score is multiplied by a
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
    let bad = || Error::Date(date.to_string());
    let d = date.trim();
    let mut parts = d.get(..10).ok_or_else(bad)?.split('-');
    let mut num = |lo: i64, hi: i64| -> Result<i64> {
        let v: i64 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        if (lo..=hi).contains(&v) {
            Ok(v)
        } else {
            Err(bad())
        }
    };
    let (y, m, day) = (num(1, 9999)?, num(1, 12)?, num(1, 31)?);
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Ok((era * 146_097 + doe - 719_468) as Day)
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
                threshold: 0.25,
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
            },
        }
    }
}

impl ClustererBuilder {
    /// Least score for joining a story (default 0.25).
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
    /// The clusterer, with the embedder for semantic similarity (or none: terms only).
    pub fn build(self, embedder: Option<Arc<dyn Embedder + Send + Sync>>) -> Clusterer {
        let dim = embedder.as_ref().map_or(0, |e| e.dim());
        Clusterer {
            config: self.config,
            embedder,
            vocab: HashMap::new(),
            df: Vec::new(),
            docs: 0,
            stories: Vec::new(),
            postings: HashMap::new(),
            mean: vec![0.0; dim],
            dim,
        }
    }
}

#[derive(Debug)]
struct Story {
    /// Sum of member TF-IDF vectors (unit length each), pruned to the strongest terms.
    terms: HashMap<u32, f32>,
    /// Sum of member sentence vectors.
    vector: Vec<f32>,
    size: u32,
    first: Option<Day>,
    last: Option<Day>,
    indexed: Vec<u32>,
}

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
    stories: Vec<Story>,
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

    /// Number of stories so far.
    pub fn stories(&self) -> usize {
        self.stories.len()
    }

    /// Puts one article (its text, and its day if known) into a story and returns the story.
    pub fn add(&mut self, text: &str, day: Option<Day>) -> StoryId {
        self.assign(text, day).story
    }

    /// Like [`Clusterer::add`], with the score.
    pub fn assign(&mut self, text: &str, day: Option<Day>) -> Assignment {
        let vector = self.tfidf(text);
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
            let n = self.docs as f32;
            for (m, &x) in self.mean.iter_mut().zip(&embedding) {
                *m += (x - *m) / n.max(1.0);
            }
        }
        let (story, score, new_story) = match best {
            Some((s, score)) if score >= self.config.threshold => (s, score, false),
            _ => {
                self.stories.push(Story {
                    terms: HashMap::new(),
                    vector: vec![0.0; self.dim],
                    size: 0,
                    first: None,
                    last: None,
                    indexed: Vec::new(),
                });
                (self.stories.len() as u32 - 1, 0.0, true)
            }
        };
        self.join(story, &vector, &embedding, day);
        Assignment { story: StoryId(story), score, new_story }
    }

    /// The article's TF-IDF vector (unit length, strongest terms first), counting it in the
    /// document frequencies.
    fn tfidf(&mut self, text: &str) -> Vec<(u32, f32)> {
        let counts = features::terms(text);
        self.docs += 1;
        let n = self.docs as f32;
        let mut v: Vec<(u32, f32)> = counts
            .into_iter()
            .map(|(term, tf)| {
                let boost = if term.starts_with('=') { self.config.name_boost } else { 1.0 };
                let next = self.vocab.len() as u32;
                let id = *self.vocab.entry(term).or_insert(next);
                if id as usize == self.df.len() {
                    self.df.push(0);
                }
                self.df[id as usize] += 1;
                let idf = ((n + 1.0) / (self.df[id as usize] as f32 + 1.0)).ln() + 1.0;
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

    /// Stories sharing the article's strongest terms, by summed weight, best first.
    fn candidates(&self, vector: &[(u32, f32)]) -> Vec<u32> {
        let mut acc: HashMap<u32, f32> = HashMap::new();
        for &(term, w) in vector.iter().take(self.config.query_terms) {
            if let Some(list) = self.postings.get(&term) {
                let from = list.len().saturating_sub(self.config.postings_read);
                for &s in &list[from..] {
                    *acc.entry(s).or_default() += w;
                }
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
            let length = (self.config.short_terms / vector.len().max(1) as f32).clamp(0.2, 1.0);
            let w_embed = self.config.w_embed * length;
            score += w_embed * cosine(&a, &b).max(0.0);
            weight += w_embed;
        }
        if weight > 0.0 {
            score /= weight;
        }
        score * self.decay(story, day)
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
            story.terms = all.into_iter().collect();
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
    fn empty_and_odd_input_does_not_panic() {
        let mut c = Clusterer::builder().build(None);
        let a = c.add("", None);
        let b = c.add("\u{0}\u{fffd} ... !!!", None);
        assert_ne!(a, b);
        assert_eq!(c.stories(), 2);
    }
}
