//! corroborate-eval (being built).

pub mod sources;
