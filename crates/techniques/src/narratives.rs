//! Known narratives (being built).
