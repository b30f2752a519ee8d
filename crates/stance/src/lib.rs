//! corroborate-stance (being built).
