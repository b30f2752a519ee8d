//! corroborate-embed: sentence vectors for semantic similarity.
//!
//! By default a [`StaticEmbeddings`] table: one vector per WordPiece token, distilled by our own
//! code from all-MiniLM-L6-v2 (see [`distill`] with the `transformer` feature, and
//! `corroborate train embeddings`), so that embedding a sentence is a tokenisation and a weighted
//! sum, thousands of times faster than the transformer. The committed table
//! (`crates/embed/models/embeddings.bin`) is embedded in the crate by [`StaticEmbeddings::bundled`]. With the
//! opt-in `transformer` feature, the full model runs through candle ([`transformer::MiniLm`]).
//!
//! This crate does no IO except reading model files that a caller names.
//!
//! ```
//! use corroborate_embed::{cosine, Embedder, StaticEmbeddings};
//! let table = StaticEmbeddings::bundled().unwrap();
//! let a = table.embed("Russian troops killed civilians in Bucha");
//! let b = table.embed("Civilians were executed by Russian forces in Bucha");
//! let c = table.embed("The central bank raised interest rates");
//! assert!(cosine(&a, &b) > cosine(&a, &c));
//! ```
pub mod clusters;
pub mod gender;
pub mod pca;
pub mod table;
pub mod wordpiece;

#[cfg(feature = "transformer")]
pub mod distill;
#[cfg(feature = "transformer")]
pub mod transformer;

pub use table::StaticEmbeddings;
pub use wordpiece::{TokenId, WordPiece};

/// What a transformer encoder gives for a text (`transformer::MiniLm::word_states`): the byte ranges
/// of its basic words, and one `hidden`-wide vector per word laid end to end. Defined here, outside
/// the `transformer` feature, so that consumers of the vectors need not compile the encoder.
pub type WordStates = (Vec<(usize, usize)>, Vec<f32>);

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A model or table file is malformed.
    #[error("bad model file: {0}")]
    Format(String),
    /// A model file could not be read.
    #[error("cannot read model file: {0}")]
    Io(String),
    /// The transformer failed.
    #[error("transformer: {0}")]
    Model(String),
}

/// Result of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Turns text into an L2-normalised vector (the zero vector for text with no known token).
pub trait Embedder {
    /// Width of the vectors.
    fn dim(&self) -> usize;
    /// The vector of one text.
    fn embed(&self, text: &str) -> Vec<f32>;
}

/// The committed table's bytes (see `crates/embed/models/README.md`).
static BUNDLED: &[u8] = include_bytes!("../models/embeddings.bin");

impl StaticEmbeddings {
    /// The table committed with the project, distilled from all-MiniLM-L6-v2.
    pub fn bundled() -> Result<Self> {
        Self::from_static(BUNDLED)
    }
}

/// Scales `v` to unit length (leaves the zero vector alone).
pub fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Cosine similarity of two vectors (0 if either is zero or the widths differ).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() {
        return 0.0;
    }
    let (mut dot, mut na, mut nb) = (0f32, 0f32, 0f32);
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
        na += x * x;
        nb += y * y;
    }
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na.sqrt() * nb.sqrt())
    }
}
