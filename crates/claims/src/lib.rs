//! corroborate-claims (being built).
