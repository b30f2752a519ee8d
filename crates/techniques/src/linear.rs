//! Hashed sparse linear models: logistic (one output) or softmax (several), trained with Adagrad and
//! weight averaging, stored quantised to `i16`.

use crate::{Error, Result};

/// Feature ids are 32-bit hashes reduced to the model's bucket count.
pub type Feature = u32;

/// 64-bit FNV-1a of bytes (usable in constants).
pub const fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// FNV-1a over a tag and parts, with a separator between parts.
pub fn hash(tag: &str, parts: &[&str]) -> Feature {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for b in tag.bytes() {
        eat(b);
    }
    for p in parts {
        eat(0x1f);
        for b in p.bytes() {
            eat(b);
        }
    }
    (h ^ (h >> 32)) as u32
}

/// A linear model over hashed features. `outputs == 1` is a logistic model; more is softmax.
#[derive(Debug, Clone)]
pub struct Linear {
    pub outputs: usize,
    pub bits: u32,
    /// Weights of a model being trained: `weights[bucket * outputs + output]` (empty for a model
    /// read from a file, which keeps them in `frozen`).
    pub weights: Vec<f32>,
    /// A model read from a file: its stored `i16` weights, read as `q as f32 * scale` on use.
    frozen: Option<Frozen>,
    /// Number of dense (real-valued) inputs beside the hashed features (0: none).
    pub dense_dim: usize,
    /// Weights of the dense inputs: `dense[input * outputs + output]`.
    pub dense: Vec<f32>,
}

/// The weights of a model read from a file, as stored: `i16` values and one scale. A weight is
/// read as `q as f32 * scale`, the very `f32` a table of converted weights would hold, so scores are
/// the same to the bit, from half the memory. Feature lookups are random reads into tables of
/// megabytes, so the memory they touch, not the arithmetic, sets the speed.
#[derive(Debug, Clone)]
struct Frozen {
    scale: f32,
    table: Table,
}

#[derive(Debug, Clone)]
enum Table {
    /// One output: a weight per bucket, zeros included (one read per feature, no index).
    Direct(Vec<i16>),
    /// Several outputs: most buckets are zero, so each bucket has a row number into `values`
    /// (row 0 is zeros) and only non-zero rows are stored. The index is `u16` while rows fit.
    Small {
        index: Vec<u16>,
        values: Vec<i16>,
    },
    Large {
        index: Vec<u32>,
        values: Vec<i16>,
    },
}

impl Frozen {
    /// Where bucket `b`'s row starts in the stored values, and the values.
    #[inline]
    fn row(&self, b: usize, outputs: usize) -> &[i16] {
        match &self.table {
            Table::Direct(v) => std::slice::from_ref(&v[b]),
            Table::Small { index, values } => {
                let at = index[b] as usize * outputs;
                &values[at..at + outputs]
            }
            Table::Large { index, values } => {
                let at = index[b] as usize * outputs;
                &values[at..at + outputs]
            }
        }
    }
}

/// Dense inputs are stored as `i8` and read as `q / DENSE_SCALE` (see [`crate::clusters::DENSE_SCALE`]).
const DENSE_SCALE: f32 = crate::clusters::DENSE_SCALE;

/// Hyper-parameters of [`Linear::train`].
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    pub epochs: usize,
    pub rate: f32,
    /// Weight of positive examples of a logistic model (class imbalance).
    pub positive_weight: f32,
    pub seed: u64,
}

/// Deterministic xorshift generator for shuffling.
pub struct Rng(u64);
impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

impl Linear {
    pub fn new(outputs: usize, bits: u32) -> Self {
        Linear {
            outputs,
            bits,
            weights: vec![0.0; (1usize << bits) * outputs],
            frozen: None,
            dense_dim: 0,
            dense: Vec::new(),
        }
    }

    #[inline]
    fn bucket(&self, f: Feature) -> usize {
        (f as usize) & ((1usize << self.bits) - 1)
    }

    /// Where a feature's row starts in `weights` (a model in training).
    #[inline]
    fn row(&self, f: Feature) -> usize {
        self.bucket(f) * self.outputs
    }

    /// Index of a training model's weight for a feature.
    #[inline]
    pub(crate) fn row_index(&self, f: Feature) -> usize {
        debug_assert!(self.frozen.is_none(), "a model read from a file is not trained further");
        self.row(f)
    }

    /// The first output's weight of each feature, as `f32` (for tests).
    #[cfg(test)]
    fn weights_of(&self, features: &[Feature]) -> Vec<f32> {
        features
            .iter()
            .map(|&f| match &self.frozen {
                Some(fz) => fz.row(self.bucket(f), self.outputs)[0] as f32 * fz.scale,
                None => self.weights[self.row(f)],
            })
            .collect()
    }

    /// Asks the processor to fetch feature `f`'s weights (of a model with several outputs: its
    /// row number), so that scoring it later does not wait (see [`corroborate_model::hint`]).
    #[inline]
    pub fn prefetch(&self, f: Feature) {
        use corroborate_model::hint::prefetch;
        let b = self.bucket(f);
        match &self.frozen {
            Some(Frozen { table: Table::Direct(v), .. }) => prefetch(&v[b]),
            Some(Frozen { table: Table::Small { index, .. }, .. }) => prefetch(&index[b]),
            Some(Frozen { table: Table::Large { index, .. }, .. }) => prefetch(&index[b]),
            None => prefetch(&self.weights[self.row(f)]),
        }
    }

    /// Raw scores, one per output.
    pub fn scores(&self, features: &[Feature], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.outputs, 0.0);
        let add = |out: &mut Vec<f32>, row: &[i16], scale: f32| {
            for (o, &q) in out.iter_mut().zip(row) {
                *o += q as f32 * scale;
            }
        };
        match &self.frozen {
            Some(Frozen { scale, table: Table::Small { index, values } }) => {
                let n = self.outputs;
                // the rows' numbers first, their rows fetched, then the sums in feature order
                let rows: Vec<usize> = features.iter().map(|&f| index[self.bucket(f)] as usize * n).collect();
                for &at in &rows {
                    corroborate_model::hint::prefetch(&values[at]);
                }
                for &at in &rows {
                    add(out, &values[at..at + n], *scale);
                }
            }
            Some(fz) => {
                for &f in features {
                    add(out, fz.row(self.bucket(f), self.outputs), fz.scale);
                }
            }
            None => {
                for &f in features {
                    let b = self.row(f);
                    for (o, w) in out.iter_mut().zip(&self.weights[b..b + self.outputs]) {
                        *o += *w;
                    }
                }
            }
        }
    }

    /// Adds the dense inputs' contribution to raw scores (`x` holds `dense_dim` quantised values).
    pub fn add_dense(&self, x: &[i8], out: &mut [f32]) {
        if self.dense_dim == 0 {
            return;
        }
        for (d, &q) in x.iter().enumerate().take(self.dense_dim) {
            if q == 0 {
                continue;
            }
            let v = q as f32 / DENSE_SCALE;
            for (o, w) in out.iter_mut().zip(&self.dense[d * self.outputs..(d + 1) * self.outputs]) {
                *o += v * *w;
            }
        }
    }

    /// The dense inputs' contribution to a logistic model's raw score.
    #[inline]
    pub fn dense1(&self, x: &[i8]) -> f32 {
        let mut f = 0f32;
        for (&q, &w) in x.iter().zip(&self.dense) {
            f += q as f32 * w;
        }
        f / DENSE_SCALE
    }

    /// The contribution of dense inputs `x` that start at input `offset`, for a logistic model.
    #[inline]
    pub fn dense1_from(&self, offset: usize, x: &[i8]) -> f32 {
        match self.dense.get(offset..) {
            Some(w) => {
                let mut f = 0f32;
                for (&q, &w) in x.iter().zip(w) {
                    f += q as f32 * w;
                }
                f / DENSE_SCALE
            }
            None => 0.0,
        }
    }

    /// Raw score of a logistic model (its first output), without allocating.
    #[inline]
    pub fn score1(&self, features: &[Feature]) -> f32 {
        let mut s = 0.0;
        match &self.frozen {
            Some(Frozen { scale, table: Table::Direct(v) }) => {
                for &f in features {
                    s += v[self.bucket(f)] as f32 * scale;
                }
            }
            Some(fz) => {
                for &f in features {
                    s += fz.row(self.bucket(f), self.outputs)[0] as f32 * fz.scale;
                }
            }
            None => {
                for &f in features {
                    s += self.weights[self.row(f)];
                }
            }
        }
        s
    }

    /// Probability of the positive class of a logistic model.
    pub fn probability(&self, features: &[Feature]) -> f32 {
        sigmoid(self.score1(features))
    }

    /// Softmax probabilities of a multi-output model.
    pub fn probabilities(&self, features: &[Feature]) -> Vec<f32> {
        let mut s = Vec::with_capacity(self.outputs);
        self.scores(features, &mut s);
        softmax(&mut s);
        s
    }

    /// Trains on `(features, label)` examples; for a logistic model the label is 0 or 1.
    pub fn train(outputs: usize, bits: u32, data: &[(Vec<Feature>, usize)], cfg: TrainConfig) -> Self {
        Self::train_dense(outputs, bits, data, &[], 0, &[], cfg)
    }

    /// Trains with `dense_dim` quantised dense inputs per example beside the hashed features
    /// (`dense[i * dense_dim..]` belongs to `data[i]`), and optionally a loss weight per example
    /// (`weights` empty: all 1).
    pub fn train_dense(
        outputs: usize,
        bits: u32,
        data: &[(Vec<Feature>, usize)],
        dense: &[i8],
        dense_dim: usize,
        weights: &[f32],
        cfg: TrainConfig,
    ) -> Self {
        let mut model = Linear::new(outputs, bits);
        let dense_dim = if dense.len() == data.len() * dense_dim { dense_dim } else { 0 };
        model.dense_dim = dense_dim;
        model.dense = vec![0.0; dense_dim * outputs];
        let nd = model.dense.len();
        let mut dgrad_sq = vec![1e-6f32; nd];
        let mut du = vec![0f32; nd];
        let n = model.weights.len();
        let mut grad_sq = vec![1e-6f32; n];
        // Averaging: avg = w - u / c, where u accumulates c * update.
        let mut u = vec![0f32; n];
        let mut c: f32 = 1.0;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(cfg.seed);
        let mut scores = Vec::new();
        let mut g = vec![0f32; outputs];
        for _ in 0..cfg.epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                let (features, label) = &data[i];
                model.scores(features, &mut scores);
                let x = &dense[i * dense_dim..(i + 1) * dense_dim];
                model.add_dense(x, &mut scores);
                if outputs == 1 {
                    let p = sigmoid(scores[0]);
                    let y = (*label == 1) as u8 as f32;
                    let wgt = if *label == 1 { cfg.positive_weight } else { 1.0 };
                    g[0] = (p - y) * wgt * weights.get(i).copied().unwrap_or(1.0);
                } else {
                    softmax(&mut scores);
                    for (k, gk) in g.iter_mut().enumerate() {
                        *gk = scores[k] - (k == *label) as u8 as f32;
                    }
                }
                for &f in features {
                    let b = model.row(f);
                    for (k, &gk) in g.iter().enumerate() {
                        if gk.abs() < 1e-4 {
                            continue;
                        }
                        let idx = b + k;
                        grad_sq[idx] += gk * gk;
                        let step = cfg.rate * gk / grad_sq[idx].sqrt();
                        model.weights[idx] -= step;
                        u[idx] -= c * step;
                    }
                }
                for (d, &q) in x.iter().enumerate() {
                    if q == 0 {
                        continue;
                    }
                    let v = q as f32 / DENSE_SCALE;
                    for (k, &gk) in g.iter().enumerate() {
                        let gv = gk * v;
                        if gv.abs() < 1e-5 {
                            continue;
                        }
                        let idx = d * outputs + k;
                        dgrad_sq[idx] += gv * gv;
                        let step = cfg.rate * gv / dgrad_sq[idx].sqrt();
                        model.dense[idx] -= step;
                        du[idx] -= c * step;
                    }
                }
                c += 1.0;
            }
        }
        for (w, u) in model.weights.iter_mut().zip(&u) {
            *w -= *u / c;
        }
        for (w, u) in model.dense.iter_mut().zip(&du) {
            *w -= *u / c;
        }
        model
    }

    /// Serialises: outputs, bits, scale, a bitmap of non-zero buckets, then their `i16` weights.
    /// A model read from a file writes the bytes it was read from.
    pub fn write(&self, out: &mut Vec<u8>) {
        let scale = match &self.frozen {
            Some(fz) => fz.scale,
            None => {
                let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
                if max > 0.0 {
                    max / i16::MAX as f32
                } else {
                    1.0
                }
            }
        };
        out.extend_from_slice(&(self.outputs as u32).to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        let buckets = 1usize << self.bits;
        let mut bitmap = vec![0u8; buckets.div_ceil(8)];
        let mut values = Vec::new();
        let mut row = vec![0i16; self.outputs];
        for b in 0..buckets {
            match &self.frozen {
                Some(fz) => row.copy_from_slice(fz.row(b, self.outputs)),
                None => {
                    let start = b * self.outputs;
                    for (q, &w) in row.iter_mut().zip(&self.weights[start..start + self.outputs]) {
                        *q = (w / scale).round() as i16;
                    }
                }
            }
            if row.iter().any(|&q| q != 0) {
                bitmap[b / 8] |= 1 << (b % 8);
                values.extend(row.iter().flat_map(|q| q.to_le_bytes()));
            }
        }
        out.extend_from_slice(&bitmap);
        out.extend_from_slice(&values);
        out.extend_from_slice(&(self.dense_dim as u32).to_le_bytes());
        for w in &self.dense {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }

    /// Reads what [`Linear::write`] wrote; returns the model and the bytes consumed.
    pub fn read(bytes: &[u8]) -> Result<(Self, usize)> {
        let mut r = Reader { bytes, pos: 0 };
        let outputs = r.u32()? as usize;
        let bits = r.u32()?;
        let scale = f32::from_bits(r.u32()?);
        if outputs == 0 || outputs > 64 || !(8..=24).contains(&bits) {
            return Err(Error::Model(format!("implausible model shape: {outputs} outputs, {bits} bits")));
        }
        let buckets = 1usize << bits;
        let bitmap = r.take(buckets.div_ceil(8))?;
        let rows: usize = bitmap.iter().map(|b| b.count_ones() as usize).sum();
        let raw = r.take(rows * outputs * 2)?;
        let table = if outputs == 1 {
            let mut direct = vec![0i16; buckets];
            let values: Vec<i16> = raw.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
            each_set(bitmap, buckets, |b, k| direct[b] = values[k]);
            Table::Direct(direct)
        } else {
            // row 0 is the zero row; the k-th set bucket (from 0) has row k + 1
            let mut stored = vec![0i16; outputs];
            stored.extend(raw.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])));
            if rows < u16::MAX as usize {
                let mut index = vec![0u16; buckets];
                each_set(bitmap, buckets, |b, k| index[b] = (k + 1) as u16);
                Table::Small { index, values: stored }
            } else {
                let mut index = vec![0u32; buckets];
                each_set(bitmap, buckets, |b, k| index[b] = (k + 1) as u32);
                Table::Large { index, values: stored }
            }
        };
        let dense_dim = r.u32()? as usize;
        if dense_dim > 4096 {
            return Err(Error::Model(format!("implausible dense width {dense_dim}")));
        }
        let dense = r
            .take(dense_dim * outputs * 4)?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let frozen = Some(Frozen { scale, table });
        Ok((Linear { outputs, bits, weights: Vec::new(), frozen, dense_dim, dense }, r.pos))
    }
}

/// Calls `visit(bucket, k)` for the k-th set bucket of `bitmap` (from 0), in order; most bytes of
/// a model's bitmap are zero and skipped whole.
#[inline(always)]
fn each_set(bitmap: &[u8], buckets: usize, mut visit: impl FnMut(usize, usize)) {
    let mut k = 0;
    for (i, &byte) in bitmap.iter().enumerate() {
        let mut bits = byte;
        while bits != 0 {
            let b = i * 8 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if b < buckets {
                visit(b, k);
            }
            k += 1;
        }
    }
}

pub(crate) struct Reader<'a> {
    pub bytes: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| Error::Model("model file is truncated".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
}

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

pub fn softmax(s: &mut [f32]) {
    let max = s.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in s.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in s.iter_mut() {
        *v /= sum;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let a = hash("w", &["good"]);
        let b = hash("w", &["bad"]);
        let bias = hash("bias", &[]);
        let data: Vec<(Vec<Feature>, usize)> = (0..50).flat_map(|_| [(vec![a, bias], 1), (vec![b, bias], 0)]).collect();
        let cfg = TrainConfig { epochs: 3, rate: 0.5, positive_weight: 1.0, seed: 7 };
        let m = Linear::train(1, 10, &data, cfg);
        assert!(m.probability(&[a, bias]) > 0.8);
        assert!(m.probability(&[b, bias]) < 0.2);
        let mut bytes = Vec::new();
        m.write(&mut bytes);
        let (back, used) = Linear::read(&bytes).unwrap();
        assert_eq!(used, bytes.len());
        assert!((back.probability(&[a, bias]) - m.probability(&[a, bias])).abs() < 1e-3);
        assert!(Linear::read(&bytes[..bytes.len() - 1]).is_err());
        // a model read from a file scores with its stored weights and writes the same bytes back
        assert_eq!(back.score1(&[a, bias]), back.weights_of(&[a, bias]).iter().sum::<f32>());
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(again, bytes);
    }

    #[test]
    fn the_shipped_model_reads_and_writes_back_to_the_same_bytes() {
        let bytes = include_bytes!("../model/techniques.bin");
        let d = crate::Detector::from_bytes(bytes).unwrap();
        assert!(d.to_bytes() == bytes.as_slice());
        // several outputs: the indexed table gives every output's weight of a feature
        let mut s = Vec::new();
        for f in [0u32, 1, 12345, u32::MAX] {
            d.tc[0].scores(&[f], &mut s);
            assert_eq!(s.len(), crate::TECHNIQUES.len());
        }
    }
}
