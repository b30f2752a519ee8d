//! Readers: turn what users hand us (paths, JSON Lines records, raw bytes) into [`Article`]s.
//!
//! Every reader is *total*: a bad input becomes an `Article` whose diagnostics say what went wrong
//! (missing file, directory, binary data, invalid UTF-8, empty), never an error that stops the run.
//! This crate sits at the edge and does the IO; [`textmeta`] (metadata spans inside plain text) and
//! [`decode`] are pure and can be used without touching files.
//!
//! ```
//! let article = corroborate_ingest::article_from_bytes("mem", b"A Title\n\nBody text here.\n\nby Jane Roe\n");
//! assert_eq!(article.meta.title.as_deref(), Some("A Title"));
//! assert_eq!(article.meta.authors, vec!["Jane Roe".to_string()]);
//! assert_eq!(article.text, "A Title\n\nBody text here.\n\nby Jane Roe\n");
//! ```

pub mod decode;
pub mod jsonl;
pub mod textmeta;

use corroborate_model::{Article, Diagnostic};
use std::fs;
use std::io::Read;
use std::path::Path;

/// Largest single document read into memory. Larger files get a diagnostic instead of being loaded.
pub const MAX_DOCUMENT_BYTES: u64 = 32 * 1024 * 1024;

/// Errors of this crate; readers turn them into diagnostics, callers rarely see them.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}

pub type Result<T> = std::result::Result<T, Error>;

/// What kind of input a path holds, decided from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    JsonLines,
}

impl InputKind {
    pub fn of(path: &str) -> InputKind {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            InputKind::JsonLines
        } else {
            InputKind::Text
        }
    }
}

/// Reads one path, calling `sink` with each article it holds (one for a text file, one per line for
/// JSON Lines, streamed). Problems become articles with error diagnostics, so the caller can report
/// them in order and go on.
pub fn read_path(path: &str, sink: &mut dyn FnMut(Article)) {
    let p = Path::new(path);
    let meta = match fs::metadata(p) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return sink(failed(path, "no such file".to_string()));
        }
        Err(e) => return sink(failed(path, format!("cannot read: {e}"))),
    };
    if meta.is_dir() {
        return sink(failed(path, "is a directory; give the files inside it".to_string()));
    }
    match InputKind::of(path) {
        InputKind::JsonLines => match fs::File::open(p) {
            Ok(f) => jsonl::read_jsonl(path, std::io::BufReader::new(f), sink),
            Err(e) => sink(failed(path, format!("cannot open: {e}"))),
        },
        InputKind::Text => {
            if meta.len() > MAX_DOCUMENT_BYTES {
                return sink(failed(
                    path,
                    format!(
                        "file is {} bytes, over the {} MB limit for one article; split it or use JSON Lines",
                        meta.len(),
                        MAX_DOCUMENT_BYTES / (1024 * 1024)
                    ),
                ));
            }
            match read_capped(p) {
                Ok(bytes) => sink(article_from_bytes(path, &bytes)),
                Err(e) => sink(failed(path, format!("cannot read: {e}"))),
            }
        }
    }
}

fn read_capped(p: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    fs::File::open(p)?.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

/// An article that could not be read: its id and one error diagnostic.
pub fn failed(id: &str, message: String) -> Article {
    let mut a = Article::new(id, "");
    a.diagnostics.push(Diagnostic::error(message));
    a
}

/// A plain-text document from raw bytes: decoded (see [`decode`]), metadata recognised as spans,
/// text kept exactly as decoded.
pub fn article_from_bytes(id: &str, bytes: &[u8]) -> Article {
    let decoded = decode::decode_text(bytes);
    let mut article = Article::new(id, decoded.text);
    article.diagnostics = decoded.diagnostics;
    if article.failed() {
        article.text.clear();
        return article;
    }
    if article.text.trim().is_empty() {
        article.diagnostics.push(Diagnostic::error(if bytes.is_empty() {
            "empty file".to_string()
        } else {
            "file holds only whitespace".to_string()
        }));
        return article;
    }
    apply_text_meta(&mut article);
    article
}

/// Recognises metadata inside `article.text` and fills `meta`, `meta_spans` and diagnostics; fields
/// already set (from a JSON Lines record, say) are kept.
pub fn apply_text_meta(article: &mut Article) {
    let found = textmeta::parse(&article.text);
    let meta = &mut article.meta;
    if meta.title.is_none() {
        meta.title = found.meta.title;
    }
    if meta.published.is_none() {
        meta.published = found.meta.published;
    }
    if meta.authors.is_empty() {
        meta.authors = found.meta.authors;
    }
    if meta.language.is_none() {
        meta.language = found.meta.language;
    }
    article.meta_spans = found.spans;
    article.diagnostics.extend(found.diagnostics);
}
