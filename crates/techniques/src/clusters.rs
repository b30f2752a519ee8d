//! Word classes: lower-cased words mapped to one of `k` clusters of their static embeddings
//! (spherical k-means over vectors from `corroborate-embed`), so that the linear models see that
//! "slaughter" and "massacre" are alike even where training saw only one of them.

use crate::linear::{fnv64, Reader};
use crate::Result;

/// A sorted table of word hashes and their cluster ids, and optionally a short dense vector per word
/// (the leading principal components of its static embedding, standardised, quantised to `i8`).
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// The words' keys, sorted (hashes, so spread evenly over the `u32` range).
    keys: Vec<u32>,
    /// `starts[t]` is the first key whose top `dir_bits` bits are at least `t` (with one more entry
    /// for the end), so a word is looked for among the one or two keys of its slot instead of by a
    /// binary search whose last steps are each a cache miss.
    starts: Vec<u32>,
    dir_bits: u32,
    ids: Vec<u16>,
    /// Width of the dense vectors (0: none).
    dim: usize,
    /// `dim` values per word, in the order of `keys`; the value is `q as f32 / DENSE_SCALE`.
    vecs: Vec<i8>,
}

/// Quantisation of the dense word vectors: standardised values are stored as `round(x * 32)`,
/// clipped to the `i8` range (±3.97 standard deviations).
pub const DENSE_SCALE: f32 = 32.0;

fn key(word: &str) -> u32 {
    key_of_hash(fnv64(word.as_bytes()))
}

fn key_of_hash(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

impl Clusters {
    /// Number of words with a class.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The class of a lower-cased word.
    pub fn get(&self, word: &str) -> Option<u16> {
        self.get_hash(fnv64(word.as_bytes()))
    }

    /// The class of a lower-cased word given by its [`fnv64`] hash.
    pub fn get_hash(&self, h: u64) -> Option<u16> {
        self.find(key_of_hash(h)).map(|i| self.ids[i])
    }

    /// Position of `key` in `keys`.
    #[inline]
    fn find(&self, key: u32) -> Option<usize> {
        if self.starts.is_empty() {
            return self.keys.binary_search(&key).ok();
        }
        let slot = (key as u64 >> (32 - self.dir_bits)) as usize;
        let (a, b) = (self.starts[slot] as usize, self.starts[slot + 1] as usize);
        self.keys[a..b].binary_search(&key).ok().map(|i| a + i)
    }

    /// Builds the slot directory of [`Clusters::find`] (about one key per slot).
    fn indexed(mut self) -> Self {
        let n = self.keys.len();
        if n < 64 {
            self.starts = Vec::new();
            return self;
        }
        let bits = (usize::BITS - 1 - n.leading_zeros()).min(24);
        let slots = 1usize << bits;
        let mut starts = Vec::with_capacity(slots + 1);
        let mut i = 0;
        for t in 0..slots {
            while i < n && ((self.keys[i] as u64) >> (32 - bits)) < t as u64 {
                i += 1;
            }
            starts.push(i as u32);
        }
        starts.push(n as u32);
        self.starts = starts;
        self.dir_bits = bits;
        self
    }

    /// Width of the dense word vectors (0: none).
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Row of a word (by its [`fnv64`] hash) in the table.
    pub fn row_of_hash(&self, h: u64) -> Option<u32> {
        self.find(key_of_hash(h)).map(|i| i as u32)
    }

    /// The class of a table row.
    pub fn class_of_row(&self, row: u32) -> u16 {
        self.ids[row as usize]
    }

    /// The dense vector of a table row (empty without dense vectors).
    pub fn vector_of_row(&self, row: u32) -> &[i8] {
        let a = row as usize * self.dim;
        &self.vecs[a..a + self.dim]
    }

    /// Adds dense vectors: the first `dim` coordinates of each word's vector (the table's leading
    /// principal components), each standardised over the table's words. Words absent from `words`
    /// get zeros.
    pub fn with_vectors(mut self, words: &[String], vectors: &[Vec<f32>], dim: usize) -> Self {
        let dim = dim.min(vectors.first().map_or(0, |v| v.len()));
        self.dim = dim;
        self.vecs = vec![0; self.keys.len() * dim];
        if dim == 0 {
            return self;
        }
        let mut rows: Vec<Option<&Vec<f32>>> = vec![None; self.keys.len()];
        for (w, v) in words.iter().zip(vectors) {
            if let Some(i) = self.find(key(w)) {
                if rows[i].is_none() && v.iter().any(|x| *x != 0.0) {
                    rows[i] = Some(v);
                }
            }
        }
        let present: Vec<&Vec<f32>> = rows.iter().flatten().copied().collect();
        let n = present.len().max(1) as f64;
        for d in 0..dim {
            let mean = present.iter().map(|v| v[d] as f64).sum::<f64>() / n;
            let var = present.iter().map(|v| (v[d] as f64 - mean).powi(2)).sum::<f64>() / n;
            let sd = var.sqrt().max(1e-9);
            for (i, r) in rows.iter().enumerate() {
                if let Some(v) = r {
                    let x = ((v[d] as f64 - mean) / sd) as f32 * DENSE_SCALE;
                    self.vecs[i * dim + d] = x.round().clamp(-127.0, 127.0) as i8;
                }
            }
        }
        self
    }

    /// Spherical k-means over L2-normalised `vectors` (one per word, all of width `dim`);
    /// deterministic (the first centroids are evenly spaced words in hash order).
    pub fn build(words: &[String], vectors: &[Vec<f32>], k: usize, iterations: usize) -> Self {
        let mut items: Vec<(u32, &Vec<f32>)> =
            words.iter().zip(vectors).filter(|(_, v)| v.iter().any(|x| *x != 0.0)).map(|(w, v)| (key(w), v)).collect();
        items.sort_by_key(|x| x.0);
        items.dedup_by_key(|x| x.0);
        if items.is_empty() || k == 0 {
            return Clusters::default();
        }
        let k = k.min(items.len()).min(crate::features::MAX_CLASSES);
        let dim = items[0].1.len();
        let rows: Vec<f32> = items.iter().flat_map(|x| x.1.iter().copied()).collect();
        let seeds: Vec<f32> = (0..k).flat_map(|c| items[c * items.len() / k].1.iter().copied()).collect();
        let (of, _) = corroborate_embed::clusters::spherical_kmeans(&rows, dim, seeds, iterations);
        let assign: Vec<u16> = of.into_iter().map(|c| c as u16).collect();
        Clusters { keys: items.iter().map(|x| x.0).collect(), ids: assign, ..Default::default() }.indexed()
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for (k, id) in self.keys.iter().zip(&self.ids) {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&id.to_le_bytes());
        }
        out.extend_from_slice(&(self.dim as u32).to_le_bytes());
        out.extend(self.vecs.iter().map(|&q| q as u8));
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self> {
        let n = r.u32()? as usize;
        let body = r.take(n.checked_mul(6).ok_or_else(|| crate::Error::Model("cluster table too large".into()))?)?;
        let mut c = Clusters { keys: Vec::with_capacity(n), ids: Vec::with_capacity(n), ..Default::default() };
        for row in body.chunks_exact(6) {
            c.keys.push(u32::from_le_bytes([row[0], row[1], row[2], row[3]]));
            c.ids.push(u16::from_le_bytes([row[4], row[5]]));
        }
        if c.keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(crate::Error::Model("cluster table is not sorted".into()));
        }
        c.dim = r.u32()? as usize;
        if c.dim > 256 {
            return Err(crate::Error::Model(format!("implausible word vector width {}", c.dim)));
        }
        c.vecs = r.take(n * c.dim)?.iter().map(|&b| b as i8).collect();
        Ok(c.indexed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slot_directory_finds_what_a_binary_search_finds() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u32
        };
        let mut keys: Vec<u32> = (0..5000).map(|_| next()).chain([0, 1, u32::MAX - 1, u32::MAX]).collect();
        keys.sort_unstable();
        keys.dedup();
        let ids = vec![0u16; keys.len()];
        let c = Clusters { keys: keys.clone(), ids, ..Default::default() }.indexed();
        assert!(c.dir_bits >= 12);
        for k in keys.iter().copied().chain((0..5000).map(|_| next())).chain([2, u32::MAX - 2]) {
            assert_eq!(c.find(k), keys.binary_search(&k).ok(), "{k}");
        }
    }

    #[test]
    fn similar_vectors_share_a_class_and_round_trip() {
        let words: Vec<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
        let vectors = vec![vec![1.0, 0.0], vec![0.99, 0.14], vec![0.0, 1.0], vec![0.14, 0.99]];
        let c = Clusters::build(&words, &vectors, 2, 5);
        assert_eq!(c.get("a"), c.get("b"));
        assert_eq!(c.get("c"), c.get("d"));
        assert_ne!(c.get("a"), c.get("c"));
        assert_eq!(c.get("zzz"), None);
        let mut bytes = Vec::new();
        c.write(&mut bytes);
        let back = Clusters::read(&mut Reader { bytes: &bytes, pos: 0 }).unwrap();
        assert_eq!(back.get("d"), c.get("d"));
        assert_eq!(back.dim(), 0);

        // Dense vectors: standardised per dimension, quantised, and kept through a round trip.
        let v = c.with_vectors(&words, &vectors, 2);
        let mut bytes = Vec::new();
        v.write(&mut bytes);
        let back = Clusters::read(&mut Reader { bytes: &bytes, pos: 0 }).unwrap();
        let row = |w: &str| back.row_of_hash(fnv64(w.as_bytes())).unwrap();
        assert_eq!(back.dim(), 2);
        assert!(back.vector_of_row(row("a"))[0] > 0 && back.vector_of_row(row("c"))[0] < 0);
        assert_eq!(back.vector_of_row(row("a")), v.vector_of_row(row("a")));
        assert!(Clusters::read(&mut Reader { bytes: &bytes[..bytes.len() - 1], pos: 0 }).is_err());
    }
}
