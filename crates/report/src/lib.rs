//! corroborate-report (being built).
