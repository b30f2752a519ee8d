//! corroborate-eval: metric code for `corroborate eval <set>`, one module per metric. Metrics take
//! already-parsed gold and predicted values and do no IO.
pub mod extraction;
pub mod sources;
pub mod stance;
