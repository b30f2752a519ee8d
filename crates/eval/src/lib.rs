//! corroborate-eval (being built).
