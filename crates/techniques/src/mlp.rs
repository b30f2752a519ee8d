//! A small hidden layer over dense word vectors, added to the token model's score: `u · relu(W x + b)`
//! where `x` is the token's dense inputs (the vectors of the previous word, the word, the next word,
//! and the sentence's mean; see [`crate::features::dense_local`]). Trained jointly with the hashed
//! linear part; for detection it is *baked*: `W x` is linear in each word's vector, so each word of
//! the table gets its four pre-computed contributions (one per role), and a token costs a few
//! additions and `hidden` ReLUs instead of a matrix product.

use crate::clusters::{Clusters, DENSE_SCALE};
use crate::linear::{sigmoid, Feature, Linear, Reader, Rng, TrainConfig};
use crate::{Error, Result};

/// Roles of a word vector in the dense inputs: previous word, word, next word, sentence mean.
pub const ROLES: usize = 4;

/// The hidden layer while training (`f32`, dense).
#[derive(Debug, Clone)]
pub struct Mlp {
    pub inputs: usize,
    pub hidden: usize,
    /// `w[j * inputs + d]`.
    pub w: Vec<f32>,
    pub b: Vec<f32>,
    pub u: Vec<f32>,
}

impl Mlp {
    fn new(inputs: usize, hidden: usize, seed: u64) -> Self {
        let mut rng = Rng::new(seed ^ 0x9e37_79b9_7f4a_7c15);
        let mut uniform = |a: f32| ((rng.next_u64() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * a;
        let a = (6.0 / (inputs + hidden) as f32).sqrt();
        let w = (0..inputs * hidden).map(|_| uniform(a)).collect();
        let u = (0..hidden).map(|_| uniform(0.1)).collect();
        Mlp { inputs, hidden, w, b: vec![0.0; hidden], u }
    }

    /// Output and hidden activations for inputs `x` (quantised values / `DENSE_SCALE`).
    pub fn forward(&self, x: &[f32], h: &mut [f32]) -> f32 {
        let mut out = 0.0;
        for (j, hj) in h.iter_mut().enumerate().take(self.hidden) {
            let row = &self.w[j * self.inputs..(j + 1) * self.inputs];
            let mut s = self.b[j];
            for (w, v) in row.iter().zip(x) {
                s += w * v;
            }
            *hj = s.max(0.0);
            out += self.u[j] * *hj;
        }
        out
    }

    /// Bakes the layer for a word table: per table row and role, `W_role · vector(row)`.
    pub fn bake(&self, clusters: &Clusters) -> Baked {
        let dim = clusters.dim();
        let rows = clusters.len();
        let mut values = vec![0f32; rows * ROLES * self.hidden];
        for r in 0..rows {
            let v: Vec<f32> = clusters.vector_of_row(r as u32).iter().map(|&q| q as f32 / DENSE_SCALE).collect();
            for role in 0..ROLES {
                for j in 0..self.hidden {
                    let w = &self.w[j * self.inputs + role * dim..j * self.inputs + (role + 1) * dim];
                    values[(r * ROLES + role) * self.hidden + j] = w.iter().zip(&v).map(|(a, b)| a * b).sum();
                }
            }
        }
        let max = values.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        Baked {
            hidden: self.hidden,
            scale,
            table: values.iter().map(|x| (x / scale).round() as i8).collect(),
            b: self.b.clone(),
            u: self.u.clone(),
        }
    }
}

impl Mlp {
    /// Writes the layer (`u32` inputs and units, then `f32` `w`, `b`, `u`).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.inputs as u32).to_le_bytes());
        out.extend_from_slice(&(self.hidden as u32).to_le_bytes());
        for x in self.w.iter().chain(&self.b).chain(&self.u) {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self> {
        let inputs = r.u32()? as usize;
        let hidden = r.u32()? as usize;
        if inputs > 1 << 14 || hidden > 256 {
            return Err(Error::Model(format!("implausible hidden layer {inputs} x {hidden}")));
        }
        let mut floats = r
            .take(4 * (inputs * hidden + 2 * hidden))?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let w = floats.by_ref().take(inputs * hidden).collect();
        let b = floats.by_ref().take(hidden).collect();
        let u = floats.collect();
        Ok(Mlp { inputs, hidden, w, b, u })
    }
}

/// The hidden layer as used for detection: per word-table row and role, its `hidden` contributions.
#[derive(Debug, Clone, Default)]
pub struct Baked {
    pub hidden: usize,
    pub scale: f32,
    /// `table[(row * ROLES + role) * hidden + j]`, times `scale`.
    pub table: Vec<i8>,
    pub b: Vec<f32>,
    pub u: Vec<f32>,
}

impl Baked {
    /// Adds the contribution of word-table row `row` in `role` to the pre-activations `pre`.
    #[inline]
    pub fn add(&self, row: u32, role: usize, weight: f32, pre: &mut [f32]) {
        let a = (row as usize * ROLES + role) * self.hidden;
        let s = self.scale * weight;
        for (p, &q) in pre.iter_mut().zip(&self.table[a..a + self.hidden]) {
            *p += q as f32 * s;
        }
    }

    /// The layer's output for pre-activations (without the bias).
    #[inline]
    pub fn output(&self, pre: &[f32]) -> f32 {
        let mut out = 0.0;
        for ((p, b), u) in pre.iter().zip(&self.b).zip(&self.u) {
            out += u * (p + b).max(0.0);
        }
        out
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.hidden as u32).to_le_bytes());
        if self.hidden == 0 {
            return;
        }
        out.extend_from_slice(&(self.table.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for x in self.b.iter().chain(&self.u) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend(self.table.iter().map(|&q| q as u8));
    }

    pub(crate) fn read(r: &mut Reader, rows: usize) -> Result<Self> {
        let hidden = r.u32()? as usize;
        if hidden == 0 {
            return Ok(Baked::default());
        }
        let n = r.u32()? as usize;
        if hidden > 256 || n != rows * ROLES * hidden {
            return Err(Error::Model(format!("hidden layer of {hidden} units does not fit the word table")));
        }
        let scale = f32::from_bits(r.u32()?);
        let mut floats = r.take(8 * hidden)?.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let b = floats.by_ref().take(hidden).collect();
        let u = floats.collect();
        let table = r.take(n)?.iter().map(|&q| q as i8).collect();
        Ok(Baked { hidden, scale, table, b, u })
    }
}

/// Trains a logistic token model with a hidden layer over its dense inputs (`dense[i * dense_dim..]`
/// for `data[i]`), jointly with the hashed linear part (Adagrad, weight averaging).
#[allow(clippy::too_many_arguments)]
pub fn train_logistic(
    bits: u32,
    data: &[(Vec<Feature>, usize)],
    dense: &[i8],
    dense_dim: usize,
    weights: &[f32],
    hidden: usize,
    hidden_rate: f32,
    cfg: TrainConfig,
) -> (Linear, Mlp) {
    let mut model = Linear::new(1, bits);
    let mut mlp = Mlp::new(dense_dim, hidden, cfg.seed);
    let n = model.weights.len();
    let mut grad_sq = vec![1e-6f32; n];
    let mut acc = vec![0f32; n];
    let mut mg = vec![1e-6f32; mlp.w.len() + 2 * hidden];
    let mut macc = vec![0f32; mlp.w.len() + 2 * hidden];
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(cfg.seed);
    let mut x = vec![0f32; dense_dim];
    let mut h = vec![0f32; hidden];
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (features, label) = &data[i];
            for (v, &q) in x.iter_mut().zip(&dense[i * dense_dim..(i + 1) * dense_dim]) {
                *v = q as f32 / DENSE_SCALE;
            }
            let s = model.score1(features) + mlp.forward(&x, &mut h);
            let y = (*label == 1) as u8 as f32;
            let wgt = if *label == 1 { cfg.positive_weight } else { 1.0 };
            let g = (sigmoid(s) - y) * wgt * weights.get(i).copied().unwrap_or(1.0);
            if g.abs() < 1e-4 {
                c += 1.0;
                continue;
            }
            for &f in features {
                let idx = model.row_index(f);
                grad_sq[idx] += g * g;
                let step = cfg.rate * g / grad_sq[idx].sqrt();
                model.weights[idx] -= step;
                acc[idx] -= c * step;
            }
            let nw = mlp.w.len();
            for (j, &hj) in h.iter().enumerate() {
                // Output weight.
                let gu = g * hj;
                let k = nw + hidden + j;
                mg[k] += gu * gu;
                let step = hidden_rate * gu / mg[k].sqrt();
                let gh = if hj > 0.0 { g * mlp.u[j] } else { 0.0 };
                mlp.u[j] -= step;
                macc[k] -= c * step;
                if gh == 0.0 {
                    continue;
                }
                let k = nw + j;
                mg[k] += gh * gh;
                let step = hidden_rate * gh / mg[k].sqrt();
                mlp.b[j] -= step;
                macc[k] -= c * step;
                let row = j * dense_dim;
                for (d, &v) in x.iter().enumerate() {
                    if v == 0.0 {
                        continue;
                    }
                    let gw = gh * v;
                    let k = row + d;
                    mg[k] += gw * gw;
                    let step = hidden_rate * gw / mg[k].sqrt();
                    mlp.w[k] -= step;
                    macc[k] -= c * step;
                }
            }
            c += 1.0;
        }
    }
    for (w, a) in model.weights.iter_mut().zip(&acc) {
        *w -= *a / c;
    }
    let nw = mlp.w.len();
    for (k, a) in macc.iter().enumerate() {
        let p = if k < nw {
            &mut mlp.w[k]
        } else if k < nw + hidden {
            &mut mlp.b[k - nw]
        } else {
            &mut mlp.u[k - nw - hidden]
        };
        *p -= *a / c;
    }
    (model, mlp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_non_linear_rule_and_the_baked_layer_agrees() {
        // The label is 1 when exactly one of the two dense inputs is positive (not linearly separable).
        let bias = crate::linear::hash("bias", &[]);
        let mut data = Vec::new();
        let mut dense = Vec::new();
        for k in 0..400 {
            let (a, b) = ((k % 2) as i8, ((k / 2) % 2) as i8);
            dense.extend_from_slice(&[(2 * a - 1) * 32, (2 * b - 1) * 32]);
            data.push((vec![bias], (a != b) as usize));
        }
        let cfg = TrainConfig { epochs: 30, rate: 0.05, positive_weight: 1.0, seed: 3 };
        let (lin, mlp) = train_logistic(10, &data, &dense, 2, &[], 8, 0.05, cfg);
        let score = |x: [f32; 2]| {
            let mut h = vec![0.0; 8];
            sigmoid(lin.score1(&[bias]) + mlp.forward(&x, &mut h))
        };
        assert!(score([1.0, -1.0]) > 0.7 && score([-1.0, 1.0]) > 0.7, "{}", score([1.0, -1.0]));
        assert!(score([1.0, 1.0]) < 0.3 && score([-1.0, -1.0]) < 0.3);

        // Baking: each role's contribution equals W_role · vector.
        let words: Vec<String> = ["x", "y"].iter().map(|s| s.to_string()).collect();
        let vectors = vec![vec![1.0, 0.2], vec![-0.3, 1.0]];
        let table = Clusters::build(&words, &vectors, 2, 2).with_vectors(&words, &vectors, 1);
        let layer = Mlp::new(ROLES, 3, 5);
        let baked = layer.bake(&table);
        let mut bytes = Vec::new();
        baked.write(&mut bytes);
        let back = Baked::read(&mut Reader { bytes: &bytes, pos: 0 }, table.len()).unwrap();
        for row in 0..table.len() as u32 {
            let v = table.vector_of_row(row)[0] as f32 / DENSE_SCALE;
            for role in 0..ROLES {
                let mut pre = vec![0.0; 3];
                back.add(row, role, 1.0, &mut pre);
                for (j, p) in pre.iter().enumerate() {
                    assert!((p - layer.w[j * ROLES + role] * v).abs() < 0.03, "{p}");
                }
            }
        }
        assert!(Baked::read(&mut Reader { bytes: &bytes, pos: 0 }, table.len() + 1).is_err());
    }
}
