//! corroborate-ingest (being built).
