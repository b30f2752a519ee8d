//! corroborate-sources: who published an article, how reliable rating services find that outlet,
//! and how the article sources its claims.
//!
//! - [`outlets`] identifies the outlet from a URL, canonical link, `og:site_name`, publisher or
//!   byline, folding subdomains and known mirrors to one registrable domain.
//! - [`ratings`] holds the Lin et al. (2023) news-domain quality ratings (compiled in, loaded in well
//!   under 10 ms) plus user overrides read from a file at run time. Unknown outlets stay unknown.
//! - [`state_media`] is our cited list of state-controlled outlets (RT, TASS, Xinhua, ...).
//! - [`affiliations`] groups known speakers by the side they speak for (country or body).
//! - [`signals`] computes sourcing signals of one analysed article as a pure function: named and
//!   anonymous sources, unverifiable sourcing, one-sidedness, state sources, byline and date, and
//!   which outlets copy others (given near-duplicate groups).
//! - [`profile`] puts an outlet's identity, rating and state-media entry together.
//!
//! The crate does no IO: data tables are compiled in, user files are passed in as text.
//!
//! ```
//! use corroborate_sources::{Knowledge, profile::OutletHints};
//! let kb = Knowledge::builtin();
//! let p = kb.profile(&OutletHints::url("https://www.rt.com/russia/x/"));
//! assert_eq!(p.domain.as_deref(), Some("rt.com"));
//! assert_eq!(p.rating.as_ref().unwrap().band.as_str(), "low");
//! assert!(p.state_media.is_some());
//! assert!(kb.profile(&OutletHints::url("unrated.example")).rating.is_none());
//! ```

pub mod affiliations;
pub mod domain;
pub mod outlets;
pub mod profile;
pub mod ratings;
pub mod signals;
pub mod state_media;

pub use profile::{Knowledge, OutletProfile};

/// Errors of this crate (malformed input tables).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("ratings line {line}: {message}")]
    Ratings { line: usize, message: String },
}

pub type Result<T> = std::result::Result<T, Error>;
