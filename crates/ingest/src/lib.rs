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

/// What kind of input a path holds, decided from its name (a `.gz` suffix is looked through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    JsonLines,
    Html,
}

impl InputKind {
    pub fn of(path: &str) -> InputKind {
        let lower = path.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            InputKind::JsonLines
        } else if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            InputKind::Html
        } else {
            InputKind::Text
        }
    }

    /// Whether a file met while walking a directory is read (by its name; hidden files are not).
    pub fn wanted_in_directory(name: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        !lower.starts_with('.')
            && [".txt", ".text", ".md", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml"]
                .iter()
                .any(|e| lower.ends_with(e))
    }
}

/// Deepest directory nesting followed.
const MAX_DEPTH: usize = 32;

fn is_gzip_name(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".gz")
}

/// Reads a directory's wanted files (see [`InputKind::wanted_in_directory`]), recursively, in name
/// order; symbolic links to directories are not followed.
fn read_dir_recursive(path: &Path, depth: usize, sink: &mut dyn FnMut(Article)) {
    let shown = path.display().to_string();
    if depth > MAX_DEPTH {
        return sink(failed(&shown, format!("directory nested deeper than {MAX_DEPTH}; skipped")));
    }
    let mut entries: Vec<_> = match fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok()).collect(),
        Err(e) => return sink(failed(&shown, format!("cannot list directory: {e}"))),
    };
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let Ok(ft) = e.file_type() else { continue };
        let child = e.path();
        if ft.is_dir() {
            if !name.starts_with('.') {
                read_dir_recursive(&child, depth + 1, sink);
            }
        } else if InputKind::wanted_in_directory(&name) {
            read_file(&child.display().to_string(), sink);
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
        return read_dir_recursive(p, 0, sink);
    }
    read_file(path, sink)
}

fn read_file(path: &str, sink: &mut dyn FnMut(Article)) {
    let p = Path::new(path);
    let kind = InputKind::of(path);
    let gz = is_gzip_name(path);
    if kind == InputKind::JsonLines {
        return match fs::File::open(p) {
            Ok(f) if gz => jsonl::read_jsonl(path, std::io::BufReader::new(flate2::read::MultiGzDecoder::new(f)), sink),
            Ok(f) => jsonl::read_jsonl(path, std::io::BufReader::new(f), sink),
            Err(e) => sink(failed(path, format!("cannot open: {e}"))),
        };
    }
    let len = fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    if len > MAX_DOCUMENT_BYTES {
        return sink(failed(
            path,
            format!(
                "file is {} bytes, over the {} MB limit for one article; split it or use JSON Lines",
                len,
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = match read_capped(p) {
        Ok(bytes) => bytes,
        Err(e) => return sink(failed(path, format!("cannot read: {e}"))),
    };
    let bytes = if gz {
        match gunzip_capped(&bytes) {
            Ok(b) => b,
            Err(message) => return sink(failed(path, message)),
        }
    } else {
        bytes
    };
    sink(match kind {
        InputKind::Html => article_from_html(path, &bytes, None),
        _ => article_from_bytes(path, &bytes),
    })
}

/// Decompresses gzip data (all members), refusing more than [`MAX_DOCUMENT_BYTES`] of output.
pub fn gunzip_capped(bytes: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut dec = flate2::read::MultiGzDecoder::new(bytes).take(MAX_DOCUMENT_BYTES + 1);
    match dec.read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > MAX_DOCUMENT_BYTES => {
            Err(format!("decompresses to over the {} MB limit for one article", MAX_DOCUMENT_BYTES / (1024 * 1024)))
        }
        Ok(_) => Ok(out),
        Err(e) => Err(format!("not valid gzip data: {e}")),
    }
}

/// An article from a web page: the body text and metadata found by `corroborate-html`.
pub fn article_from_html(id: &str, bytes: &[u8], url: Option<&str>) -> Article {
    let options = corroborate_html::Options { url: url.map(str::to_string), ..Default::default() };
    let mut article = corroborate_html::extract(bytes, &options).into_article(id);
    if article.text.trim().is_empty() {
        article.diagnostics.retain(|d| d.message != "no article text found in the page");
        article.diagnostics.push(Diagnostic::error("no article text found in the page"));
    }
    article
}

/// Bytes of unknown kind (standard input): gzip is decompressed, HTML extracted, anything else read
/// as plain text.
pub fn article_from_unknown_bytes(id: &str, bytes: &[u8]) -> Article {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return match gunzip_capped(bytes) {
            Ok(b) => article_from_unknown_bytes(id, &b),
            Err(message) => failed(id, message),
        };
    }
    if looks_like_html(bytes) {
        article_from_html(id, bytes, None)
    } else {
        article_from_bytes(id, bytes)
    }
}

/// Whether bytes start (after a BOM and whitespace) like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let head: Vec<u8> = b[start..b.len().min(start + 15)].iter().map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html")
        || head.starts_with(b"<html")
        || head.starts_with(b"<!--") && {
            let probe: Vec<u8> = b[..b.len().min(1024)].iter().map(u8::to_ascii_lowercase).collect();
            probe.windows(5).any(|w| w == b"<html")
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
