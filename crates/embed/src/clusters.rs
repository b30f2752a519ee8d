//! Word clusters from the static table: the whole-word tokens of the vocabulary grouped by spherical
//! k-means on their vectors, at two granularities. Taggers use a word's cluster as a feature that
//! generalises from the words their training data saw to words of like meaning ("fears" to
//! "worries"), as Brown clusters did for the taggers of the 2000s.
use crate::StaticEmbeddings;

/// One clustered word: the word and its cluster at the coarse and the fine granularity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordCluster {
    pub word: String,
    pub coarse: u16,
    pub fine: u16,
}

/// A word of the vocabulary worth a cluster: whole (not a `##` continuation), lowercase letters
/// (an apostrophe inside allowed), at least two of them.
pub(crate) fn clusterable(token: &str) -> bool {
    token.len() >= 2
        && token.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'')
        && token.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
}

/// Clusters the table's whole words: `fine` groups by spherical k-means on the word vectors, then
/// `coarse` groups of those groups' centroids, each with `iterations` rounds. Deterministic: the
/// seeds are chosen by [`farthest_first`], so the same table gives the same clusters.
pub fn word_clusters(table: &StaticEmbeddings, fine: usize, coarse: usize, iterations: usize) -> Vec<WordCluster> {
    let dim = crate::Embedder::dim(table);
    let words: Vec<(usize, &str)> =
        table.vocab().iter().enumerate().filter(|(_, t)| clusterable(t)).map(|(i, t)| (i, t.as_str())).collect();
    let mut rows = vec![0f32; words.len() * dim];
    for (r, &(id, _)) in rows.chunks_mut(dim).zip(&words) {
        table.accumulate(id as crate::TokenId, 1.0, r);
        crate::normalize(r);
    }
    let (fine_of, centroids) = spherical_kmeans(&rows, dim, farthest_first(&rows, dim, fine), iterations);
    let (coarse_of, _) = spherical_kmeans(&centroids, dim, farthest_first(&centroids, dim, coarse), iterations);
    words
        .iter()
        .zip(&fine_of)
        .map(|(&(_, w), &f)| WordCluster { word: w.to_string(), coarse: coarse_of[f] as u16, fine: f as u16 })
        .collect()
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `k` seed centroids for [`spherical_kmeans`] (at most one per row): the first row, then each time
/// the row least similar to every seed so far (the first of equals).
pub fn farthest_first(rows: &[f32], dim: usize, k: usize) -> Vec<f32> {
    let n = rows.len() / dim;
    let row = |i: usize| &rows[i * dim..(i + 1) * dim];
    let mut seeds = Vec::with_capacity(k.min(n) * dim);
    let mut nearest = vec![f32::NEG_INFINITY; n];
    let mut next = 0;
    for _ in 0..k.min(n) {
        seeds.extend_from_slice(row(next));
        let c = &seeds[seeds.len() - dim..];
        for (i, best) in nearest.iter_mut().enumerate() {
            *best = best.max(dot(row(i), c));
        }
        next = (0..n).min_by(|&a, &b| nearest[a].total_cmp(&nearest[b])).unwrap_or(0);
    }
    seeds
}

/// Spherical k-means of unit rows (`dim` wide, laid end to end) from the given seed centroids, for
/// `iterations` rounds: the cluster of each row (the most similar centroid, the first of equals)
/// and the unit centroids. A cluster left empty keeps its centroid.
pub fn spherical_kmeans(rows: &[f32], dim: usize, seeds: Vec<f32>, iterations: usize) -> (Vec<usize>, Vec<f32>) {
    let mut centroids = seeds;
    let k = centroids.len() / dim;
    let mut of = vec![0usize; rows.len() / dim];
    if k == 0 {
        return (of, centroids);
    }
    for _ in 0..iterations {
        for (o, r) in of.iter_mut().zip(rows.chunks_exact(dim)) {
            let mut best = (f32::MIN, 0);
            for (c, cv) in centroids.chunks_exact(dim).enumerate() {
                let d = dot(cv, r);
                if d > best.0 {
                    best = (d, c);
                }
            }
            *o = best.1;
        }
        let mut sums = vec![0f32; k * dim];
        for (&o, r) in of.iter().zip(rows.chunks_exact(dim)) {
            for (s, v) in sums[o * dim..(o + 1) * dim].iter_mut().zip(r) {
                *s += v;
            }
        }
        for (c, s) in centroids.chunks_mut(dim).zip(sums.chunks_mut(dim)) {
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                s.iter_mut().for_each(|x| *x /= norm);
                c.copy_from_slice(s);
            }
        }
    }
    (of, centroids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kmeans_separates_two_directions() {
        let rows = [1.0, 0.0, 0.9, 0.1, 0.0, 1.0, 0.1, 0.9];
        let mut unit = rows.to_vec();
        unit.chunks_mut(2).for_each(crate::normalize);
        let (of, _) = spherical_kmeans(&unit, 2, farthest_first(&unit, 2, 2), 5);
        assert_eq!(of[0], of[1]);
        assert_eq!(of[2], of[3]);
        assert_ne!(of[0], of[2]);
    }

    #[test]
    fn only_whole_lowercase_words_are_clustered() {
        assert!(clusterable("said"));
        assert!(clusterable("don't"));
        assert!(!clusterable("##ing"));
        assert!(!clusterable("a"));
        assert!(!clusterable("[CLS]"));
        assert!(!clusterable("1990"));
    }
}
