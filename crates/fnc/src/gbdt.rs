//! Multi-class gradient-boosted decision trees (softmax loss, second-order leaf values,
//! histogram splits on quantile bins), small enough to read in one sitting.
//!
//! Training is deterministic: row subsampling uses a fixed-seed generator.

use rayon::prelude::*;

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct GbdtParams {
    pub rounds: usize,
    pub learning_rate: f32,
    pub max_depth: usize,
    /// Minimum hessian sum in a child.
    pub min_child_weight: f64,
    /// L2 penalty on leaf values.
    pub lambda: f64,
    /// Share of rows used for each round.
    pub subsample: f64,
    pub max_bins: usize,
    pub seed: u64,
    /// Weight of each class's rows in the loss (empty: all 1).
    pub class_weights: Vec<f32>,
}

impl Default for GbdtParams {
    fn default() -> Self {
        GbdtParams {
            rounds: 200,
            learning_rate: 0.1,
            max_depth: 6,
            min_child_weight: 1.0,
            lambda: 1.0,
            subsample: 0.8,
            max_bins: 64,
            seed: 17,
            class_weights: Vec::new(),
        }
    }
}

/// One tree node; a leaf has `feature == u32::MAX`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    pub feature: u32,
    pub threshold: f32,
    pub left: u32,
    pub right: u32,
    pub value: f32,
}

const LEAF: u32 = u32::MAX;

/// A regression tree: `nodes[0]` is the root.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub nodes: Vec<Node>,
}

impl Tree {
    pub fn predict(&self, x: &[f32]) -> f32 {
        let mut i = 0usize;
        loop {
            let n = &self.nodes[i];
            if n.feature == LEAF {
                return n.value;
            }
            let v = x.get(n.feature as usize).copied().unwrap_or(0.0);
            i = if v <= n.threshold { n.left } else { n.right } as usize;
        }
    }

    /// Every child index points forward inside the tree and every split feature is in range.
    pub fn is_well_formed(&self, n_features: usize) -> bool {
        !self.nodes.is_empty()
            && self.nodes.iter().enumerate().all(|(i, n)| {
                n.feature == LEAF
                    || ((n.feature as usize) < n_features
                        && (n.left as usize) > i
                        && (n.right as usize) > i
                        && (n.left as usize) < self.nodes.len()
                        && (n.right as usize) < self.nodes.len())
            })
    }
}

/// A trained multi-class model: `trees[round][class]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Gbdt {
    pub classes: usize,
    pub features: usize,
    pub base: Vec<f32>,
    pub trees: Vec<Vec<Tree>>,
}

impl Gbdt {
    /// Class probabilities for one feature vector.
    pub fn predict_proba(&self, x: &[f32]) -> Vec<f32> {
        let mut raw = self.base.clone();
        for round in &self.trees {
            for (k, t) in round.iter().enumerate() {
                raw[k] += t.predict(x);
            }
        }
        softmax(&raw)
    }

    /// Train on rows `x` (all of length `features`) with labels `y < classes`.
    pub fn train(x: &[Vec<f32>], y: &[usize], classes: usize, params: &GbdtParams) -> Gbdt {
        let n = x.len();
        let features = x.first().map_or(0, |r| r.len());
        let edges = bin_edges(x, features, params.max_bins);
        let bins: Vec<u8> = x
            .iter()
            .flat_map(|row| row.iter().zip(&edges).map(|(&v, e)| e.partition_point(|&t| t < v) as u8))
            .collect();
        let mut prior = vec![1.0f64; classes];
        for &c in y {
            prior[c] += params.class_weights.get(c).copied().unwrap_or(1.0) as f64;
        }
        let total: f64 = prior.iter().sum();
        let base: Vec<f32> = prior.iter().map(|p| (p / total).ln() as f32).collect();
        let mut raw: Vec<Vec<f32>> = vec![base.clone(); n];
        let mut rng = params.seed.max(1);
        let mut trees = Vec::with_capacity(params.rounds);
        for _ in 0..params.rounds {
            let rows: Vec<u32> = (0..n as u32)
                .filter(|_| {
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    (rng >> 11) as f64 / (1u64 << 53) as f64 <= params.subsample
                })
                .collect();
            let probs: Vec<Vec<f32>> = raw.iter().map(|r| softmax(r)).collect();
            let round: Vec<Tree> = (0..classes)
                .into_par_iter()
                .map(|k| {
                    let grad: Vec<(f32, f32)> = probs
                        .iter()
                        .zip(y)
                        .map(|(p, &c)| {
                            let t = if c == k { 1.0 } else { 0.0 };
                            let w = params.class_weights.get(c).copied().unwrap_or(1.0);
                            (w * (p[k] - t), w * (p[k] * (1.0 - p[k])).max(1e-6))
                        })
                        .collect();
                    let mut builder =
                        Builder { bins: &bins, features, grad: &grad, edges: &edges, params, nodes: Vec::new() };
                    builder.build(rows.clone(), 0);
                    Tree { nodes: builder.nodes }
                })
                .collect();
            raw.par_iter_mut().zip(x.par_iter()).for_each(|(r, row)| {
                for (k, t) in round.iter().enumerate() {
                    r[k] += t.predict(row);
                }
            });
            trees.push(round);
        }
        Gbdt { classes, features, base, trees }
    }
}

fn softmax(raw: &[f32]) -> Vec<f32> {
    let m = raw.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f32> = raw.iter().map(|r| (r - m).exp()).collect();
    let s: f32 = e.iter().sum();
    e.iter().map(|v| v / s).collect()
}

/// Candidate thresholds per feature: distinct quantiles of its values.
fn bin_edges(x: &[Vec<f32>], features: usize, max_bins: usize) -> Vec<Vec<f32>> {
    (0..features)
        .map(|f| {
            let mut v: Vec<f32> = x.iter().map(|r| r[f]).collect();
            v.sort_by(f32::total_cmp);
            let mut e: Vec<f32> = Vec::new();
            for q in 1..max_bins.min(255) {
                let val = v[(q * v.len() / max_bins).min(v.len() - 1)];
                if e.last() != Some(&val) {
                    e.push(val);
                }
            }
            // the largest value never splits anything off
            if e.last() == v.last() {
                e.pop();
            }
            e
        })
        .collect()
}

struct Builder<'a> {
    bins: &'a [u8],
    features: usize,
    grad: &'a [(f32, f32)],
    edges: &'a [Vec<f32>],
    params: &'a GbdtParams,
    nodes: Vec<Node>,
}

impl Builder<'_> {
    fn leaf_value(&self, g: f64, h: f64) -> f32 {
        (-g / (h + self.params.lambda)) as f32 * self.params.learning_rate
    }

    fn build(&mut self, rows: Vec<u32>, depth: usize) -> u32 {
        let id = self.nodes.len() as u32;
        let (g, h) = rows.iter().fold((0.0f64, 0.0f64), |(g, h), &r| {
            let (gi, hi) = self.grad[r as usize];
            (g + gi as f64, h + hi as f64)
        });
        self.nodes.push(Node { feature: LEAF, threshold: 0.0, left: 0, right: 0, value: self.leaf_value(g, h) });
        if depth >= self.params.max_depth || h < 2.0 * self.params.min_child_weight {
            return id;
        }
        let nb = self.edges.iter().map(|e| e.len() + 1).max().unwrap_or(1);
        let f_n = self.features;
        let mut hist = vec![(0.0f64, 0.0f64); f_n * nb];
        for &r in &rows {
            let (gi, hi) = self.grad[r as usize];
            let row = &self.bins[r as usize * f_n..(r as usize + 1) * f_n];
            for (f, &b) in row.iter().enumerate() {
                let cell = &mut hist[f * nb + b as usize];
                cell.0 += gi as f64;
                cell.1 += hi as f64;
            }
        }
        let lambda = self.params.lambda;
        let parent = g * g / (h + lambda);
        let mut best: Option<(f64, usize, usize)> = None;
        for f in 0..f_n {
            let (mut gl, mut hl) = (0.0, 0.0);
            for b in 0..self.edges[f].len() {
                gl += hist[f * nb + b].0;
                hl += hist[f * nb + b].1;
                let (gr, hr) = (g - gl, h - hl);
                if hl < self.params.min_child_weight || hr < self.params.min_child_weight {
                    continue;
                }
                let gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
                if gain > 1e-9 && best.is_none_or(|(bg, _, _)| gain > bg) {
                    best = Some((gain, f, b));
                }
            }
        }
        let Some((_, f, b)) = best else { return id };
        let (left, right): (Vec<u32>, Vec<u32>) =
            rows.into_iter().partition(|&r| (self.bins[r as usize * f_n + f] as usize) <= b);
        let l = self.build(left, depth + 1);
        let r = self.build(right, depth + 1);
        self.nodes[id as usize] =
            Node { feature: f as u32, threshold: self.edges[f][b], left: l, right: r, value: 0.0 };
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_nonlinear_three_class_rule() {
        // class 0 inside a square, 1 left of it, 2 right of it: needs interactions.
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..30 {
            for j in 0..30 {
                let (a, b) = (i as f32 / 30.0, j as f32 / 30.0);
                let c = if (0.3..0.7).contains(&a) && (0.3..0.7).contains(&b) {
                    0
                } else if a < 0.5 {
                    1
                } else {
                    2
                };
                x.push(vec![a, b, 0.5]);
                y.push(c);
            }
        }
        let params = GbdtParams { rounds: 40, max_depth: 4, ..GbdtParams::default() };
        let m = Gbdt::train(&x, &y, 3, &params);
        assert!(m.trees.iter().flatten().all(|t| t.is_well_formed(3)));
        let correct = x
            .iter()
            .zip(&y)
            .filter(|(r, &c)| {
                let p = m.predict_proba(r);
                (0..3).max_by(|&a, &b| p[a].total_cmp(&p[b])) == Some(c)
            })
            .count();
        assert!(correct as f64 / x.len() as f64 > 0.97, "{correct} of {}", x.len());
        let p = m.predict_proba(&[0.5, 0.5, 0.5]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5 && p[0] > 0.8);
    }

    #[test]
    fn constant_features_give_a_prior_only_model() {
        let x = vec![vec![1.0f32]; 10];
        let y = vec![0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
        let m = Gbdt::train(&x, &y, 2, &GbdtParams { rounds: 3, ..GbdtParams::default() });
        assert!(m.trees.iter().flatten().all(|t| t.nodes.len() == 1));
        let p = m.predict_proba(&[1.0]);
        assert!(p[1] > p[0]);
    }
}
