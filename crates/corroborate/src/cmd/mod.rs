//! One module per subcommand.
pub mod analyze;
pub mod cluster;
pub mod compare;
pub mod eval;
pub mod eval_clustering;
pub mod eval_propaganda;
pub mod eval_sources;
pub mod eval_stance;
pub mod inputs;
pub mod narratives;
pub mod propaganda;
pub mod source;
pub mod stance;
pub mod train;
pub mod train_embeddings;
