//! The in-memory index that assigns each new article to a story, in time independent of the corpus
//! size: terms are interned, and candidate stories come from the postings of the article's
//! strongest terms, a bounded number of them scored in full (see [`StoryIndex::linked`]).
//!
//! Determinism: every operation iterates in a fixed order (term ids in arrival order, story ids
//! ascending), and centroids are fixed-point sums, so the state after any run is a function of the
//! stored vectors and stories alone: [`StoryIndex::restore`] rebuilds it from them on open.
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The least average cosine between an article and a story's articles for it to join that story
/// (and between two stories' articles for them to merge). Higher than `compare`'s
/// [`corroborate_claims::STORY_AVERAGE_LINK`] (0.16): `compare` groups a handful of articles a
/// reader chose and asks for a shared name as well, while a corpus gathers whatever arrives, and at
/// 0.16 it grew topic-sized stories (a campaign season's coverage as one). Chosen on the odd half of
/// the FNC-1 bodies (`corroborate eval clustering --store --half 1`: B-cubed 0.874 at 0.16, 0.901 at
/// 0.20, 0.906 at 0.22, 0.910 at 0.24), checked on the even half (0.862, 0.902, 0.907, 0.905).
/// Part of the schema: the index is rebuilt by replaying stored vectors through this rule.
pub(crate) const STORE_AVERAGE_LINK: f64 = 0.22;

/// How many of a new article's strongest terms (by weight) look for candidate stories. With
/// [`POSTINGS_READ`] and [`CANDIDATES`], chosen on the 4,832 articles of `make_corpus.py` (all of
/// it) and the FNC-1 bodies: at 30 / 500 / 50 every article of both ends in the story the exact
/// search of schema 4 gave it; 10 query terms or 10 candidates moved 20 to 24 of the 4,832.
const QUERY_TERMS: usize = 30;
/// How many stories at most a query term reads from its postings: the newest (highest ids). An
/// article's strongest terms are its rarest, whose postings are short; this bounds the others.
const POSTINGS_READ: usize = 500;
/// How many candidate stories, best first by the part of their average the query terms give,
/// are scored in full.
const CANDIDATES: usize = 50;

/// A stored article vector (the JSON object `vectorize` returned, keys in ascending order), parsed
/// into a list in that order: no map is built only to be walked once.
pub(crate) struct StoredVector(pub(crate) Vec<(String, f64)>);

impl<'de> serde::Deserialize<'de> for StoredVector {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = StoredVector;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a story vector (an object of term weights)")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<StoredVector, A::Error> {
                let mut v = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry::<String, f64>()? {
                    v.push(entry);
                }
                Ok(StoredVector(v))
            }
        }
        d.deserialize_map(Entries)
    }
}

/// An article vector: interned term ids with unit-normalised TF-IDF weights, in the term order of
/// the stored (string-keyed) vector.
pub(crate) type Interned = Vec<(u32, f64)>;

/// Fixed-point scale of centroid weights (2^32): a weight is in [0, 1], so a story would need 2^31
/// articles to overflow.
const SCALE: f64 = 4_294_967_296.0;

/// The sum of a story's article vectors, in fixed point: integer sums do not depend on the order
/// they are made in, so a story's centroid is the same whether its articles came one by one or its
/// parts merged, and the index can be rebuilt from the stored stories without placing anything
/// again ([`StoryIndex::restore`]).
///
/// Weights are in a hash map (looked up term by term for every candidate story: in a `BTreeMap`
/// those look-ups were about 30 % of an ingest's samples); sums over a centroid's terms walk them in ascending term
/// order, as when they were kept sorted, so every result is bit for bit what it was.
#[derive(Default)]
struct Centroid {
    w: TermMap<i64>,
    articles: u64,
}

/// A map keyed by interned term ids, with a fixed (unseeded) fast hash: the keys are our own
/// sequential ids, never input, and no result depends on its iteration order.
type TermMap<V> = HashMap<u32, V, foldhash::fast::FixedState>;

impl Centroid {
    /// Adds the fixed-point `x` to term `t`.
    fn add(&mut self, t: u32, x: i64) {
        *self.w.entry(t).or_default() += x;
    }

    /// Term `t`'s weight (0 if absent).
    fn get(&self, t: u32) -> f64 {
        self.w.get(&t).map_or(0.0, |x| unfixed(*x))
    }

    /// The terms and their fixed-point weights in ascending term order.
    fn sorted(&self) -> Vec<(u32, i64)> {
        let mut v: Vec<(u32, i64)> = self.w.iter().map(|(t, x)| (*t, *x)).collect();
        v.sort_unstable_by_key(|x| x.0);
        v
    }
}

/// An article weight in fixed point.
fn fixed(x: f64) -> i64 {
    (x * SCALE).round() as i64
}

/// A fixed-point weight (or sum) as a number.
fn unfixed(x: i64) -> f64 {
    x as f64 / SCALE
}

#[derive(Default)]
pub(crate) struct StoryIndex {
    /// Articles with a non-empty vector.
    n: u64,
    /// Term strings come from articles: a seeded hash, so that no input can make interning slow.
    ids: HashMap<String, u32, foldhash::fast::RandomState>,
    df: Vec<u64>,
    postings: Vec<BTreeSet<i64>>,
    stories: HashMap<i64, Centroid, foldhash::fast::FixedState>,
}

impl StoryIndex {
    fn intern(&mut self, t: &str) -> u32 {
        if let Some(&id) = self.ids.get(t) {
            return id;
        }
        let id = self.df.len() as u32;
        self.ids.insert(t.to_string(), id);
        self.df.push(0);
        self.postings.push(BTreeSet::new());
        id
    }

    /// Turns raw features into the unit vector of a new article, counting it in the document
    /// frequencies. Returns the stored form (term strings) and the interned form.
    pub(crate) fn vectorize(&mut self, features: &[String]) -> (BTreeMap<String, f64>, Interned) {
        let mut counts: BTreeMap<&str, f32> = BTreeMap::new();
        for f in features {
            *counts.entry(f.as_str()).or_default() += 1.0;
        }
        if counts.is_empty() {
            return (BTreeMap::new(), Vec::new());
        }
        self.n += 1;
        let ids: Vec<u32> = counts.keys().map(|t| self.intern(t)).collect();
        for &id in &ids {
            self.df[id as usize] += 1;
        }
        let n = self.n as f64;
        let mut v: BTreeMap<String, f64> = counts
            .iter()
            .zip(&ids)
            .map(|((t, c), id)| {
                let idf = ((1.0 + n) / (1.0 + self.df[*id as usize] as f64)).ln() + 1.0;
                ((*t).to_string(), corroborate_claims::term_weight(t, *c) as f64 * idf)
            })
            .collect();
        let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            v.values_mut().for_each(|x| *x /= norm);
        }
        let interned = v.values().zip(&ids).map(|(x, id)| (*id, *x)).collect();
        (v, interned)
    }

    /// Counts a stored vector in the document frequencies (on replay) and interns it.
    pub(crate) fn count(&mut self, v: &StoredVector) -> Interned {
        let v = &v.0;
        if v.is_empty() {
            return Vec::new();
        }
        self.n += 1;
        v.iter()
            .map(|(t, x)| {
                let id = self.intern(t);
                self.df[id as usize] += 1;
                (id, *x)
            })
            .collect()
    }

    /// Stories whose average cosine with `v` (over their articles: `centroid · v / articles`, the
    /// articles being unit vectors) reaches the link threshold, with that average, smallest id first.
    /// (The centroid's own cosine, used until schema 3, grows with a story's size as its summed
    /// vector broadens, so one story drew in most of a corpus.)
    ///
    /// Candidates, in time that does not grow with the corpus: the stories indexed under the
    /// article's [`QUERY_TERMS`] strongest terms (at most [`POSTINGS_READ`] of the newest per
    /// term), ranked by the part of their average those terms give; the best [`CANDIDATES`] are
    /// scored in full. Until schema 5 every story that could reach the link was scored, an exact
    /// search whose candidates were, on a corpus of news, nearly every story (common words reach
    /// most of them), so each article cost time in proportion to the corpus.
    fn linked(&self, v: &Interned) -> Vec<(i64, f64)> {
        let link = STORE_AVERAGE_LINK;
        let mut strongest: Vec<usize> = (0..v.len()).filter(|&i| !self.postings[v[i].0 as usize].is_empty()).collect();
        strongest.sort_by(|&a, &b| v[b].1.total_cmp(&v[a].1).then(v[a].0.cmp(&v[b].0)));
        strongest.truncate(QUERY_TERMS);
        let mut partial: HashMap<i64, f64, foldhash::fast::FixedState> = HashMap::default();
        for &i in &strongest {
            let (t, w) = v[i];
            for s in self.postings[t as usize].iter().rev().take(POSTINGS_READ) {
                *partial.entry(*s).or_default() += w * self.stories[s].get(t);
            }
        }
        let mut ranked: Vec<(i64, f64)> =
            partial.into_iter().map(|(s, d)| (s, d / self.stories[&s].articles.max(1) as f64)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(CANDIDATES);
        ranked.sort_by_key(|x| x.0);
        let by_term: TermMap<f64> = v.iter().copied().collect();
        ranked
            .into_iter()
            .filter_map(|(s, _)| {
                let c = &self.stories[&s];
                // the shorter of the two vectors walks, the other is looked up
                let dot: f64 = if c.w.len() < v.len() {
                    c.sorted().iter().filter_map(|(t, x)| by_term.get(t).map(|w| w * unfixed(*x))).sum()
                } else {
                    v.iter().filter_map(|(t, w)| c.w.get(t).map(|x| w * unfixed(*x))).sum()
                };
                let avg = dot / c.articles.max(1) as f64;
                (c.articles > 0 && avg >= link).then_some((s, avg))
            })
            .collect()
    }

    /// The average pair cosine between the articles of stories `a` and `b`.
    fn story_average(&self, a: i64, b: i64) -> f64 {
        let (ca, cb) = (&self.stories[&a], &self.stories[&b]);
        let (small, big) = if ca.w.len() < cb.w.len() { (ca, cb) } else { (cb, ca) };
        let dot: f64 = small.sorted().iter().map(|(t, x)| unfixed(*x) * big.get(*t)).sum();
        dot / (ca.articles.max(1) * cb.articles.max(1)) as f64
    }

    /// Places a vector of the article stored under `key`: it joins the linked story of highest
    /// average cosine (ties: the smallest id), and the other stories it links merge into that one
    /// when the two stories' own average pair cosine (`centroid · centroid / (articles · articles)`)
    /// reaches the link too: an article that touches two stories does not chain them. Returns the
    /// story it ends in and the stories merged into that one (ascending); the story kept in a
    /// merge is the larger (ties: the smallest id).
    pub(crate) fn place(&mut self, key: i64, v: &Interned) -> (i64, Vec<i64>) {
        let link = STORE_AVERAGE_LINK;
        let linked = self.linked(v);
        let best = linked.iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0))).map(|x| x.0);
        let together: Vec<i64> = match best {
            None => Vec::new(),
            Some(b) => linked.iter().map(|x| x.0).filter(|&s| s == b || self.story_average(b, s) >= link).collect(),
        };
        let target =
            match together.iter().max_by(|a, b| self.stories[a].articles.cmp(&self.stories[b].articles).then(b.cmp(a)))
            {
                None => {
                    self.stories.insert(key, Centroid::default());
                    key
                }
                Some(t) => *t,
            };
        let merged: Vec<i64> = together.into_iter().filter(|s| *s != target).collect();
        for m in &merged {
            let Some(c) = self.stories.remove(m) else { continue };
            let target_c = self.stories.get_mut(&target).expect("target story exists");
            for (t, x) in &c.w {
                let p = &mut self.postings[*t as usize];
                p.remove(m);
                p.insert(target);
                target_c.add(*t, *x);
            }
            target_c.articles += c.articles;
        }
        self.restore(target, v);
        (target, merged)
    }

    /// Adds a stored vector to the story it is stored in, as [`StoryIndex::place`] left it: on
    /// open, replaying the stored articles this way (after [`StoryIndex::count`]) rebuilds the
    /// index of the run that wrote them exactly (centroids are integer sums, postings sets), with
    /// no candidate search.
    pub(crate) fn restore(&mut self, story: i64, v: &Interned) {
        let c = self.stories.entry(story).or_default();
        for (t, x) in v {
            c.add(*t, fixed(*x));
            self.postings[*t as usize].insert(story);
        }
        c.articles += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit vector of the given terms and raw weights (no document frequencies involved).
    fn vector(index: &mut StoryIndex, terms: &[(&str, f64)]) -> Interned {
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        terms.iter().map(|(t, w)| (index.intern(t), w / norm)).collect()
    }

    #[test]
    fn an_article_finds_its_story_among_more_stories_than_are_scored() {
        let mut index = StoryIndex::default();
        let dam = vector(&mut index, &[("osk", 5.0), ("arvia", 5.0), ("dam", 5.0), ("inquiry", 2.0)]);
        assert_eq!(index.place(1, &dam), (1, vec![]));
        // more stories than CANDIDATES and POSTINGS_READ, newer than the dam story, each with more
        // common words than QUERY_TERMS, which the next article has too
        let common: Vec<String> = (0..QUERY_TERMS + 5).map(|i| format!("common{i}")).collect();
        let n = (CANDIDATES + POSTINGS_READ) as i64 + 10;
        for key in 2..2 + n {
            let own: Vec<String> = (0..8).map(|i| format!("word{key}-{i}")).collect();
            let terms: Vec<(&str, f64)> =
                own.iter().map(|t| (t.as_str(), 5.0)).chain(common.iter().map(|t| (t.as_str(), 1.0))).collect();
            let other = vector(&mut index, &terms);
            assert_eq!(index.place(key, &other), (key, vec![]));
        }
        let mut terms: Vec<(&str, f64)> = common.iter().map(|t| (t.as_str(), 1.0)).collect();
        terms.extend([("osk", 5.0), ("arvia", 5.0), ("dam", 5.0)]);
        let next = vector(&mut index, &terms);
        assert_eq!(index.place(2 + n, &next), (1, vec![]));
    }

    #[test]
    fn an_index_restored_from_the_stored_stories_is_the_one_that_placed_them() {
        // articles over a small vocabulary, so stories form, grow and merge
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let articles: Vec<Vec<String>> = (0..600)
            .map(|_| {
                let topic = next(40);
                (0..6 + next(6)).map(|_| format!("t{}", topic * 3 + next(5))).collect()
            })
            .collect();
        let mut live = StoryIndex::default();
        let mut stored: Vec<(i64, BTreeMap<String, f64>)> = Vec::new();
        let mut story_of: BTreeMap<i64, i64> = BTreeMap::new();
        let mut merges = 0;
        for (i, features) in articles.iter().enumerate() {
            let key = i as i64 + 1;
            let (vector, interned) = live.vectorize(features);
            let (story, merged) = live.place(key, &interned);
            merges += merged.len();
            for s in story_of.values_mut() {
                if merged.contains(s) {
                    *s = story;
                }
            }
            story_of.insert(key, story);
            stored.push((key, vector));
        }
        assert!(merges > 0 && live.stories.len() > 10, "{merges} merges, {} stories", live.stories.len());
        let mut restored = StoryIndex::default();
        for (key, vector) in &stored {
            let v = restored.count(&StoredVector(vector.iter().map(|(t, x)| (t.clone(), *x)).collect()));
            restored.restore(story_of[key], &v);
        }
        assert_eq!(restored.n, live.n);
        assert_eq!(restored.ids, live.ids);
        assert_eq!(restored.df, live.df);
        assert_eq!(restored.postings, live.postings);
        let sorted =
            |x: &StoryIndex| x.stories.iter().map(|(k, c)| (*k, (c.sorted(), c.articles))).collect::<BTreeMap<_, _>>();
        assert_eq!(sorted(&restored), sorted(&live));
    }
}
