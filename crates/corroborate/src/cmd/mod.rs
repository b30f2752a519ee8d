//! One module per subcommand.
pub mod analyze;
pub mod compare;
pub mod eval;
pub mod eval_propaganda;
pub mod inputs;
pub mod narratives;
pub mod propaganda;
pub mod stance;
pub mod train;
