//! corroborate-attribution (being built).
