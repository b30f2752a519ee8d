//! One module per subcommand.
/// This build of corroborate: its version and the commit built, recorded in the corpora it writes.
pub use corroborate_store::BUILD;

pub mod analyze;
pub mod cluster;
pub mod compare;
pub mod eval;
pub mod eval_attribution;
pub mod eval_clustering;
pub mod eval_contradictions;
pub mod eval_extraction;
pub mod eval_narratives;
pub mod eval_propaganda;
pub mod eval_sources;
pub mod eval_stance;
pub mod export;
pub mod ingest;
pub mod inputs;
pub mod narratives;
pub mod propaganda;
pub mod reanalyze;
pub mod search;
pub mod serve;
pub mod source;
pub mod stance;
pub mod stories;
pub mod story;
pub mod train;
pub mod train_embeddings;
pub mod train_lexicon;
