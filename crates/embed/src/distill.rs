//! Distilling the static table from the transformer (feature `transformer`), as Model2Vec does:
//! every vocabulary token is run through MiniLM alone (`[CLS] token [SEP]`, mean-pooled), the
//! vectors are reduced by PCA, each token gets a SIF weight `a / (a + p(token))` from token
//! frequencies of a corpus, and rows are quantised to int8.
use crate::pca;
use crate::table::StaticEmbeddings;
use crate::transformer::MiniLm;
use crate::Result;

/// Settings of a distillation.
#[derive(Debug, Clone)]
pub struct DistillOptions {
    /// Dimensions kept by PCA.
    pub dims: usize,
    /// SIF coefficient `a`.
    pub sif: f64,
    /// Tokens per forward pass.
    pub batch: usize,
}

impl Default for DistillOptions {
    fn default() -> Self {
        DistillOptions { dims: 256, sif: 1e-3, batch: 512 }
    }
}

/// Distils the table. `counts[id]` is how often token `id` occurs in the frequency corpus (may be
/// all zero: then every weight is 1). `progress(done, total)` is called after each batch.
pub fn distill(
    model: &MiniLm,
    counts: &[u64],
    options: &DistillOptions,
    note: &str,
    mut progress: impl FnMut(usize, usize),
) -> Result<(StaticEmbeddings, f64)> {
    let vocab = model.vocab().to_vec();
    let n = vocab.len();
    let mut raw: Vec<f32> = Vec::new();
    let mut hidden = 0;
    let ids: Vec<u32> = (0..n as u32).collect();
    for chunk in ids.chunks(options.batch.max(1)) {
        let seqs: Vec<Vec<u32>> = chunk.iter().map(|&id| vec![id]).collect();
        for v in model.pooled(&seqs)? {
            hidden = v.len();
            raw.extend(v);
        }
        progress(raw.len() / hidden.max(1), n);
    }
    let (projected, explained) = pca::project(&raw, hidden, options.dims);
    let dims = options.dims.min(hidden);
    let total: u64 = counts.iter().sum();
    let weights: Vec<f32> = (0..n)
        .map(|i| {
            let c = counts.get(i).copied().unwrap_or(0);
            if total == 0 {
                1.0
            } else {
                let p = c as f64 / total as f64;
                (options.sif / (options.sif + p)) as f32
            }
        })
        .collect();
    let note =
        format!("{note}; PCA {hidden}->{dims} dims ({:.1}% of variance); SIF a={}", explained * 100.0, options.sif);
    let table = StaticEmbeddings::from_f32(vocab, dims, &projected, weights, note)?;
    Ok((table, explained))
}
