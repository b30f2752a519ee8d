//! corroborate-engine (being built).
