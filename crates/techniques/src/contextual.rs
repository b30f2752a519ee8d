//! Contextual token vectors (from a frozen transformer encoder such as all-MiniLM-L6-v2, run by the
//! caller) as dense inputs of the span model: their mapping onto this crate's tokens, and their
//! standardisation and quantisation to `i8`, whose parameters are stored with the model.
//!
//! The encoder itself is not run here (this crate does no IO and needs no tensor library): the
//! caller hands over, per text, the byte ranges of the encoder's words and one vector per word
//! (`corroborate_embed::transformer::MiniLm::word_states` with the `transformer` feature).

use crate::features::Doc;
use crate::linear::Reader;
use crate::{Error, Result};

/// Quantised units per standard deviation of a standardised vector component (±4σ fits in `i8`).
pub const UNITS_PER_SD: f32 = 24.0;

/// Standardisation of contextual vectors: `q = round((x - mean) * scale)`, clamped to `i8`.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
}

impl Context {
    /// Width of the vectors.
    pub fn dim(&self) -> usize {
        self.mean.len()
    }

    /// Fits the standardisation on vectors laid end to end (`dim` values each; all-zero vectors,
    /// which stand for tokens the encoder did not cover, are left out).
    pub fn fit(vectors: &[&[f32]], dim: usize) -> Self {
        let mut sum = vec![0f64; dim];
        let mut sq = vec![0f64; dim];
        let mut n = 0f64;
        for v in vectors {
            for row in v.chunks_exact(dim).filter(|r| r.iter().any(|&x| x != 0.0)) {
                n += 1.0;
                for ((s, q), &x) in sum.iter_mut().zip(sq.iter_mut()).zip(row) {
                    *s += x as f64;
                    *q += (x as f64) * (x as f64);
                }
            }
        }
        let n = n.max(1.0);
        let mean: Vec<f32> = sum.iter().map(|s| (s / n) as f32).collect();
        let scale = sum
            .iter()
            .zip(&sq)
            .map(|(s, q)| {
                let var = (q / n - (s / n) * (s / n)).max(1e-8);
                UNITS_PER_SD / var.sqrt() as f32
            })
            .collect();
        Context { mean, scale }
    }

    /// Quantises per-token vectors (`dim` values each); all-zero vectors stay zero.
    pub fn quantise(&self, vectors: &[f32]) -> Vec<i8> {
        let d = self.dim();
        let mut out = vec![0i8; vectors.len()];
        for (row, q) in vectors.chunks_exact(d).zip(out.chunks_exact_mut(d)) {
            if row.iter().all(|&x| x == 0.0) {
                continue;
            }
            for (((o, &x), m), s) in q.iter_mut().zip(row).zip(&self.mean).zip(&self.scale) {
                *o = ((x - m) * s).round().clamp(-127.0, 127.0) as i8;
            }
        }
        out
    }

    /// Makes the quantised vectors the document's dense inputs.
    pub fn apply(&self, doc: &mut Doc, vectors: &[f32]) {
        doc.dense_dim = self.dim();
        doc.dense = self.quantise(vectors);
        doc.dense.resize(doc.tokens.len() * doc.dense_dim, 0);
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.dim() as u32).to_le_bytes());
        for v in self.mean.iter().chain(&self.scale) {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self> {
        let d = r.u32()? as usize;
        if d == 0 || d > 4096 {
            return Err(Error::Model(format!("implausible contextual vector width {d}")));
        }
        let mut vals = Vec::with_capacity(2 * d);
        for _ in 0..2 * d {
            vals.push(f32::from_bits(r.u32()?));
        }
        let scale = vals.split_off(d);
        Ok(Context { mean: vals, scale })
    }
}

/// Per-token vectors of a prepared document (`dim` values per token, in token order) from the
/// encoder's words: each token gets the mean vector of the words whose byte ranges overlap it
/// (zeros if none do). `ranges` must be sorted, as an encoder reading left to right gives them.
pub fn token_vectors(doc: &Doc, ranges: &[(usize, usize)], word_vectors: &[f32], dim: usize) -> Vec<f32> {
    let mut out = vec![0f32; doc.tokens.len() * dim];
    let mut w = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        let (a, b) = (t.span.start, t.span.end);
        while w < ranges.len() && ranges[w].1 <= a {
            w += 1;
        }
        let row = &mut out[i * dim..(i + 1) * dim];
        let mut n = 0;
        let mut k = w;
        while k < ranges.len() && ranges[k].0 < b {
            if ranges[k].1 > a {
                if let Some(v) = word_vectors.get(k * dim..(k + 1) * dim) {
                    for (o, x) in row.iter_mut().zip(v) {
                        *o += x;
                    }
                    n += 1;
                }
            }
            k += 1;
        }
        if n > 1 {
            for o in row.iter_mut() {
                *o /= n as f32;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clusters::Clusters;

    #[test]
    fn tokens_take_the_mean_of_overlapping_words() {
        let text = "Don't panic now";
        let doc = Doc::new(text, &Clusters::default(), 0);
        // encoder words: "don" "'" "t" "panic" "now", vectors 1..=5 in one dimension
        let ranges = [(0, 3), (3, 4), (4, 5), (6, 11), (12, 15)];
        let vecs = [1.0, 2.0, 3.0, 4.0, 5.0];
        let got = token_vectors(&doc, &ranges, &vecs, 1);
        let by_token: Vec<(&str, f32)> =
            doc.tokens.iter().zip(&got).map(|(t, v)| (&text[t.span.start..t.span.end], *v)).collect();
        assert_eq!(by_token.last(), Some(&("now", 5.0)));
        assert!(by_token.iter().any(|&(w, v)| w == "panic" && v == 4.0), "{by_token:?}");
        let first = by_token[0];
        assert!(first.0.starts_with("Don") && first.1 >= 1.0 && first.1 <= 3.0, "{by_token:?}");
    }

    #[test]
    fn standardisation_round_trips_through_bytes() {
        let v = [1.0f32, 0.0, 3.0, 2.0, 0.0, 0.0, 5.0, 4.0];
        let c = Context::fit(&[&v], 2);
        let q = c.quantise(&v);
        assert_eq!(&q[4..6], &[0, 0], "zero rows stay zero");
        assert!(q[0] < 0 && q[6] > 0);
        let mut bytes = Vec::new();
        c.write(&mut bytes);
        let back = Context::read(&mut Reader { bytes: &bytes, pos: 0 }).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn a_model_with_contextual_inputs_round_trips_and_plain_models_stay_plain() {
        let plain = crate::Detector::embedded().unwrap();
        assert!(!plain.uses_context() && plain.head.is_none());
        let v = [1.0f32, -2.0, 0.5, 3.0];
        let mut d = plain.clone();
        d.context = Some(Context::fit(&[&v], 2));
        let bytes = d.to_bytes();
        assert_eq!(&bytes[..plain.to_bytes().len()], plain.to_bytes().as_slice());
        let back = crate::Detector::from_bytes(&bytes).unwrap();
        assert_eq!(back.context, d.context);
        assert!(back.head.is_none());
        d.head = Some(crate::mlp::Mlp { inputs: 2, hidden: 1, w: vec![0.5, -0.25], b: vec![0.1], u: vec![2.0] });
        let bytes = d.to_bytes();
        let head = crate::Detector::from_bytes(&bytes).unwrap().head.unwrap();
        assert_eq!((head.inputs, head.hidden, head.w, head.b, head.u), (2, 1, vec![0.5, -0.25], vec![0.1], vec![2.0]));
        let mut truncated = bytes.clone();
        truncated.truncate(bytes.len() - 3);
        assert!(crate::Detector::from_bytes(&truncated).is_err());
    }
}
