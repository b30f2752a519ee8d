//! corroborate-eval: metric code for `corroborate eval <set>`, one module per metric. Metrics take
//! already-parsed gold and predicted values and do no IO.
//! `propaganda` also reads the PTC corpus (its only IO).
//! `propaganda` also reads the PTC corpus (its only IO); `clustering` also reads the FNC-1 and UCI
//! files into gold stories.
pub mod attribution;
pub mod clustering;
pub mod extraction;
pub mod propaganda;
pub mod sources;
pub mod stance;
