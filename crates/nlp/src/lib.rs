//! Text basics for corroborate: [`tokenize`], [`sentences`], [`entities`] and [`canon`] (canonical
//! names that merge spellings and transliterations across articles).
//!
//! **Invariant:** every token, sentence and entity keeps the byte span of the text it came from; no
//! stage copies or rewrites the text. Pure functions, no IO, no global state.
//!
//! ```
//! use corroborate_nlp::{tokenize, sentences};
//! let text = "Gen. Ana Ruiz said it. “We will stay,” she added.";
//! let toks = tokenize(text, &[]);
//! let sents = sentences(text, &toks, &[]);
//! assert_eq!(sents.len(), 2);
//! assert_eq!(sents[0].slice(text), "Gen. Ana Ruiz said it.");
//! ```

pub mod canon;
pub mod entities;
pub mod language;
pub mod lexicon;
mod sentences;
mod tokens;

pub use entities::entities;
pub use sentences::sentences;
pub use tokens::{is_capitalized, tokenize, QuoteMark, TokKind, Token};
