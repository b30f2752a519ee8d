//! One module per subcommand.
pub mod analyze;
pub mod compare;
pub mod eval;
pub mod inputs;
pub mod source;
