//! corroborate-nlp (being built).
