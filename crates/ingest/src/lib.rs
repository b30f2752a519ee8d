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

pub mod dates;
pub mod decode;
pub mod feed;
pub mod fuzzing;
pub mod http;
pub mod jsonl;
pub mod synth;
pub mod textmeta;
pub mod warc;

use corroborate_model::{Article, Diagnostic, Meta};
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

/// One document read from an input: either finished, or a web page whose extraction is left to
/// [`Doc::into_article`], so that a caller can run extraction in parallel (it is the costly part).
#[derive(Debug, Clone)]
pub enum Doc {
    Article(Article),
    Html {
        id: String,
        bytes: Vec<u8>,
        /// Where the page came from (fallback canonical URL and domain).
        url: Option<String>,
        /// The HTTP `Content-Type`, for its charset.
        content_type: Option<String>,
        /// Metadata from the container (a feed item): fields set here win over the page's own.
        meta: Meta,
    },
}

impl Doc {
    pub fn id(&self) -> &str {
        match self {
            Doc::Article(a) => &a.id,
            Doc::Html { id, .. } => id,
        }
    }

    /// The article: pages are extracted here.
    pub fn into_article(self) -> Article {
        match self {
            Doc::Article(a) => a,
            Doc::Html { id, bytes, url, content_type, meta } => {
                let mut a = article_from_page(&id, &bytes, url.as_deref(), content_type.as_deref());
                if a.failed() {
                    return a;
                }
                let m = &mut a.meta;
                m.title = meta.title.or(m.title.take());
                m.published = meta.published.or(m.published.take());
                m.outlet = meta.outlet.or(m.outlet.take());
                m.language = meta.language.or(m.language.take());
                if !meta.authors.is_empty() {
                    m.authors = meta.authors;
                }
                if m.url.is_none() {
                    m.url = meta.url;
                }
                if m.domain.is_none() {
                    m.domain = m.url.as_deref().and_then(jsonl::domain_of);
                }
                dates::settle_published(&mut a.meta, &mut a.diagnostics);
                a
            }
        }
    }
}

/// A note about an input as a whole (what a WARC file held, what was skipped), not about one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub input: String,
    pub diagnostic: Diagnostic,
}

/// How inputs are read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// For feeds: fetch each item's linked page (over HTTP) and analyse it instead of the summary.
    pub fetch_links: bool,
    /// HTTP settings for URL inputs and fetched links.
    pub http: http::Config,
    /// When set, counts the bytes read from input files (before decompression), for progress.
    pub bytes_read: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
}

/// A reader that adds the bytes it reads to a shared counter.
struct Counting<R> {
    inner: R,
    count: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(c) = &self.count {
            c.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// What kind of input a path holds, decided from its name (a `.gz` suffix is looked through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    JsonLines,
    Html,
    Warc,
    Feed,
}

impl InputKind {
    pub fn of(path: &str) -> InputKind {
        let lower = path.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            InputKind::JsonLines
        } else if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            InputKind::Html
        } else if lower.ends_with(".warc") || lower.ends_with(".arc") {
            InputKind::Warc
        } else if lower.ends_with(".rss") || lower.ends_with(".atom") || lower.ends_with(".xml") {
            InputKind::Feed
        } else {
            InputKind::Text
        }
    }

    /// Whether a file met while walking a directory is read (by its name; hidden files are not).
    pub fn wanted_in_directory(name: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        !lower.starts_with('.')
            && [".txt", ".text", ".md", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".warc", ".rss", ".atom"]
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
/// order.
///
/// Symbolic links to directories are followed, as a user who links an archive folder into the folder
/// they hand us expects, and count towards [`MAX_DEPTH`] like real subdirectories. Each directory is
/// read once per walk, under the first path the name-ordered walk reaches it by: `visited` holds the
/// canonical path of every directory walked (and the path it was walked under), so a link back to
/// an ancestor (a loop) or a second link to a directory read already is not followed again but gets
/// a note naming the path it was read under. Links to files are read like files; hidden links, like
/// hidden entries, are skipped.
fn read_dir_recursive(
    path: &Path,
    depth: usize,
    visited: &mut std::collections::HashMap<std::path::PathBuf, String>,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Doc),
    note: &mut dyn FnMut(Note),
) {
    let shown = path.display().to_string();
    if depth > MAX_DEPTH {
        return sink(Doc::Article(failed(&shown, format!("directory nested deeper than {MAX_DEPTH}; skipped"))));
    }
    let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if let Some(first) = visited.get(&canonical) {
        let message = format!(
            "the same directory as {first}, read already (a symbolic link loops back or leads to it twice); skipped"
        );
        return note(Note { input: shown, diagnostic: Diagnostic::info(message) });
    }
    visited.insert(canonical, shown.clone());
    let mut entries: Vec<_> = match fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok()).collect(),
        Err(e) => return sink(Doc::Article(failed(&shown, format!("cannot list directory: {e}")))),
    };
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let Ok(ft) = e.file_type() else { continue };
        // the current directory's entries are named as the user names them: `a.txt`, not `./a.txt`
        let child = if path == Path::new(".") { std::path::PathBuf::from(e.file_name()) } else { e.path() };
        // a link is looked through to what it names (a broken one is read, and fails, as a file)
        let is_dir = ft.is_dir() || ft.is_symlink() && fs::metadata(&child).is_ok_and(|m| m.is_dir());
        if is_dir {
            if !name.starts_with('.') {
                read_dir_recursive(&child, depth + 1, visited, opts, sink, note);
            }
        } else if InputKind::wanted_in_directory(&name) {
            // the path itself is read; its id is how it displays (a name that is not UTF-8 has
            // U+FFFD in its id, not in the path)
            read_file(&child, &child.display().to_string(), opts, sink, note);
        }
    }
}

/// Reads one path, calling `sink` with each article it holds (one for a text file, one per line for
/// JSON Lines, streamed). Problems become articles with error diagnostics, so the caller can report
/// them in order and go on. Pages are extracted as they come, one after another, and notes about
/// whole inputs are dropped: see [`read_input`] for both.
pub fn read_path(path: &str, sink: &mut dyn FnMut(Article)) {
    read_input(path, &ReadOptions::default(), &mut |d: Doc| sink(d.into_article()), &mut |_| {})
}

/// Reads one input: a path (file or directory) or an `http(s)://` URL, calling `sink` with each
/// document it holds, in order, streamed (a WARC archive or a JSON Lines file is never loaded
/// whole), and `note` with notes about the input as a whole.
pub fn read_input(input: &str, opts: &ReadOptions, sink: &mut dyn FnMut(Doc), note: &mut dyn FnMut(Note)) {
    if http::is_url(input) {
        return http::read_url(input, opts, sink, note);
    }
    let id = path_id(input);
    read_local(Path::new(&id), &id, opts, sink, note)
}

/// The id of a local path as a user gave it: spellings of one path give one id, so that `ingest
/// ah.txt`, `ingest ./ah.txt` and `ingest sub/../ah.txt` store it once. The path is cleaned by
/// [`clean_path`] (`./` and `.` steps, doubled and trailing separators, `dir/..` dropped) and the
/// cleaned one is taken only when it names the same file as the path given (a `dir/..` through a
/// symbolic link does not). A relative path without such steps, `examples/x.txt`, is its own id,
/// as before; so is a path that names nothing. An absolute path stays absolute: made relative to
/// the current directory, one file given by its absolute path got another id in every directory a
/// scheduled job ran from.
pub fn path_id(input: &str) -> String {
    let cleaned = clean_path(input);
    if cleaned == input {
        return cleaned;
    }
    match (fs::canonicalize(input), fs::canonicalize(&cleaned)) {
        (Ok(a), Ok(b)) if a == b => cleaned,
        _ => input.to_string(),
    }
}

/// A path cleaned lexically (no file is looked at): `.` steps, doubled and trailing separators
/// dropped, `name/..` dropped (a leading `..` stays; `/..` is `/`).
pub fn clean_path(input: &str) -> String {
    use std::path::{Component, PathBuf};
    let mut out = PathBuf::new();
    let mut normal = 0usize;
    for c in Path::new(input).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if normal > 0 => {
                out.pop();
                normal -= 1;
            }
            Component::ParentDir if out.has_root() => {} // `/..` is `/`
            Component::Normal(_) => {
                out.push(c);
                normal += 1;
            }
            _ => out.push(c),
        }
    }
    if out.as_os_str().is_empty() {
        return ".".to_string();
    }
    out.display().to_string()
}

/// Reads one input named by an OS string (a command-line argument), which need not be UTF-8: a
/// UTF-8 one as [`read_input`] reads it, any other as a local path, whose articles' ids are its
/// lossy display.
pub fn read_os_input(
    input: &std::ffi::OsStr,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Doc),
    note: &mut dyn FnMut(Note),
) {
    match input.to_str() {
        Some(s) => read_input(s, opts, sink, note),
        None => read_local(Path::new(input), &Path::new(input).display().to_string(), opts, sink, note),
    }
}

/// The error of a directory given as an input in which nothing is read.
const NO_FILES: &str = "no files: none here to read (inputs end .txt, .md, .jsonl, .html, .warc, .rss, \
.atom or the like, gzipped or not; hidden entries are skipped)";

/// Reads a file or directory `p`, shown as `id`; a directory in which nothing is read is one failed
/// article ([`NO_FILES`]).
fn read_local(p: &Path, id: &str, opts: &ReadOptions, sink: &mut dyn FnMut(Doc), note: &mut dyn FnMut(Note)) {
    let meta = match fs::metadata(p) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return sink(Doc::Article(failed(id, "no such file".to_string())));
        }
        Err(e) => return sink(Doc::Article(failed(id, format!("cannot read: {e}")))),
    };
    if meta.is_dir() {
        // a directory that yields nothing (empty, or only hidden files and unknown extensions) is an
        // input that failed, as a missing file is: a crawl that wrote nothing is no success
        // (a file read that holds no document, a WARC of request records only, says so in a note:
        // it was read)
        let any = std::cell::Cell::new(false);
        read_dir_recursive(
            p,
            0,
            &mut Default::default(),
            opts,
            &mut |d| {
                any.set(true);
                sink(d)
            },
            &mut |n| {
                any.set(true);
                note(n)
            },
        );
        if !any.get() {
            sink(Doc::Article(failed(id, NO_FILES.to_string())));
        }
        return;
    }
    read_file(p, id, opts, sink, note)
}

/// Reads standard input (or any stream) of unknown kind: gzip is looked through, a WARC archive is
/// streamed record by record, a feed read item by item, anything else read (up to
/// [`MAX_DOCUMENT_BYTES`]) as one page or text.
pub fn read_stream<R: Read>(
    id: &str,
    input: R,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Doc),
    note: &mut dyn FnMut(Note),
) {
    use std::io::BufRead;
    let mut r = std::io::BufReader::with_capacity(256 * 1024, input);
    let gz = match r.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(e) => return sink(Doc::Article(failed(id, format!("cannot read: {e}")))),
    };
    let mut r: Box<dyn BufRead> = if gz {
        Box::new(std::io::BufReader::with_capacity(256 * 1024, flate2::read::MultiGzDecoder::new(r)))
    } else {
        Box::new(r)
    };
    let is_warc = match r.fill_buf() {
        Ok(head) => head.starts_with(b"WARC/"),
        Err(e) => return sink(Doc::Article(failed(id, format!("cannot read: {e}")))),
    };
    if is_warc {
        warc::read_warc(id, r, sink, note);
        return;
    }
    // JSON Lines: a stream whose first character is `{` (articles and pages open otherwise), streamed
    let is_jsonl = match r.fill_buf() {
        Ok(head) => {
            let head = head.strip_prefix(UTF8_BOM).unwrap_or(head);
            head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        }
        Err(e) => return sink(Doc::Article(failed(id, format!("cannot read: {e}")))),
    };
    if is_jsonl {
        jsonl::read_jsonl(id, r, &mut |a| sink(Doc::Article(a)));
        return;
    }
    let mut bytes = Vec::new();
    let read = r.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes);
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return sink(Doc::Article(failed(
            id,
            format!("input over the {} MB limit for one article", MAX_DOCUMENT_BYTES / (1024 * 1024)),
        )));
    }
    match read {
        Ok(_) => {}
        // gzip that breaks off: what it holds is kept, as for a file
        Err(e) if gz => {
            return match gunzip_outcome(&mut bytes, Err(e)) {
                Ok(_) => {
                    let (html, feed) = (looks_like_html(&bytes), feed::looks_like_feed(&bytes));
                    sink(Doc::Article(truncated_article(id, &bytes, html, feed)))
                }
                Err(why) => sink(Doc::Article(failed(id, why))),
            };
        }
        Err(e) => return sink(Doc::Article(failed(id, format!("cannot read: {e}")))),
    }
    if looks_like_html(&bytes) {
        sink(Doc::Html { id: id.to_string(), bytes, url: None, content_type: None, meta: Meta::default() })
    } else if feed::looks_like_feed(&bytes) {
        feed::read_feed(id, &bytes, opts, sink, note)
    } else {
        sink(Doc::Article(article_from_bytes(id, &bytes)))
    }
}

/// A buffered reader of a file, gunzipped (all members) when `gz`.
fn open_stream(p: &Path, gz: bool, opts: &ReadOptions) -> std::io::Result<Box<dyn std::io::BufRead>> {
    let f = Counting { inner: fs::File::open(p)?, count: opts.bytes_read.clone() };
    Ok(if gz {
        Box::new(std::io::BufReader::with_capacity(256 * 1024, flate2::read::MultiGzDecoder::new(f)))
    } else {
        Box::new(std::io::BufReader::with_capacity(256 * 1024, f))
    })
}

/// Reads the file `p`, whose articles' ids are `path` (its display).
fn read_file(p: &Path, path: &str, opts: &ReadOptions, sink: &mut dyn FnMut(Doc), note: &mut dyn FnMut(Note)) {
    let kind = InputKind::of(path);
    let gz = is_gzip_name(path);
    match kind {
        InputKind::JsonLines => {
            return match open_stream(p, gz, opts) {
                Ok(r) => jsonl::read_jsonl(path, r, &mut |a| sink(Doc::Article(a))),
                Err(e) => sink(Doc::Article(failed(path, format!("cannot open: {e}")))),
            };
        }
        InputKind::Warc => {
            return match open_stream(p, gz, opts) {
                Ok(r) => {
                    warc::read_warc(path, r, sink, note);
                }
                Err(e) => sink(Doc::Article(failed(path, format!("cannot open: {e}")))),
            };
        }
        _ => {}
    }
    let len = fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    if len > MAX_DOCUMENT_BYTES {
        return sink(Doc::Article(failed(
            path,
            format!(
                "file is {} bytes, over the {} MB limit for one article; split it or use JSON Lines",
                len,
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
        )));
    }
    let bytes = match read_capped(p) {
        Ok(bytes) => {
            if let Some(c) = &opts.bytes_read {
                c.fetch_add(len, std::sync::atomic::Ordering::Relaxed);
            }
            bytes
        }
        Err(e) => return sink(Doc::Article(failed(path, format!("cannot read: {e}")))),
    };
    let bytes = if gz {
        match gunzip_keeping_truncated(&bytes) {
            Ok(Gunzipped { bytes, truncated: false }) => bytes,
            Ok(Gunzipped { bytes, truncated: true }) => {
                let (html, feed) = (kind == InputKind::Html, kind == InputKind::Feed);
                return sink(Doc::Article(truncated_article(path, &bytes, html, feed)));
            }
            Err(message) => return sink(Doc::Article(failed(path, message))),
        }
    } else {
        bytes
    };
    match kind {
        InputKind::Html => {
            sink(Doc::Html { id: path.to_string(), bytes, url: None, content_type: None, meta: Meta::default() })
        }
        InputKind::Feed => feed::read_feed(path, &bytes, opts, sink, note),
        _ => sink(Doc::Article(article_from_bytes(path, &bytes))),
    }
}

/// Decompresses gzip data (all members), refusing more than [`MAX_DOCUMENT_BYTES`] of output and
/// data that breaks off (see [`gunzip_keeping_truncated`] to keep what it holds).
pub fn gunzip_capped(bytes: &[u8]) -> std::result::Result<Vec<u8>, String> {
    match gunzip_keeping_truncated(bytes)? {
        Gunzipped { bytes, truncated: false } => Ok(bytes),
        Gunzipped { bytes, truncated: true } => {
            Err(format!("gzip data truncated: the stream breaks off after {} bytes of text", bytes.len()))
        }
    }
}

/// Decompressed gzip data, and whether the stream broke off before its end (a download or copy cut
/// short).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gunzipped {
    pub bytes: Vec<u8>,
    pub truncated: bool,
}

/// Decompresses gzip data (all members), refusing more than [`MAX_DOCUMENT_BYTES`] of output, and
/// keeping what a truncated stream holds up to where it breaks off (without a character cut in
/// two at the end). Corrupt data, and truncated data from which nothing could be decompressed, are
/// errors.
pub fn gunzip_keeping_truncated(bytes: &[u8]) -> std::result::Result<Gunzipped, String> {
    let mut out = Vec::new();
    let mut dec = flate2::read::MultiGzDecoder::new(bytes).take(MAX_DOCUMENT_BYTES + 1);
    let read = dec.read_to_end(&mut out);
    if out.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(format!(
            "decompresses to over the {} MB limit for one article",
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        ));
    }
    gunzip_outcome(&mut out, read).map(|truncated| Gunzipped { bytes: out, truncated })
}

/// What a gzip read that ended with `read` left in `out`: whole (`false`), broken off (`true`: the
/// text up to the break is kept, a character cut in two dropped), or why it cannot be read.
fn gunzip_outcome(out: &mut Vec<u8>, read: std::io::Result<usize>) -> std::result::Result<bool, String> {
    match read {
        Ok(_) => Ok(false),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            trim_cut_character(out);
            if out.is_empty() {
                Err("gzip data truncated: the stream breaks off before any text".to_string())
            } else {
                Ok(true)
            }
        }
        Err(e) => Err(format!("not valid gzip data: {e}")),
    }
}

/// Drops an incomplete UTF-8 sequence at the end of otherwise valid UTF-8 (text that broke off in
/// the middle of a character would be read as another encoding).
fn trim_cut_character(bytes: &mut Vec<u8>) {
    if let Err(e) = std::str::from_utf8(bytes) {
        if e.error_len().is_none() {
            bytes.truncate(e.valid_up_to());
        }
    }
}

/// The warning on an article read from gzip data that breaks off after `n` bytes of text.
fn truncated_warning(n: usize) -> Diagnostic {
    Diagnostic::warning(format!(
        "gzip stream truncated after {n} bytes of text: the text up to there is kept, the rest is lost"
    ))
}

/// The article of a document whose gzip stream broke off: a page extracted, a text read, as far as
/// they go, with [`truncated_warning`]; a feed is not read in part.
fn truncated_article(id: &str, bytes: &[u8], html: bool, feed: bool) -> Article {
    if feed {
        return failed(
            id,
            format!("gzip stream truncated after {} bytes of text: a feed cut short is not read", bytes.len()),
        );
    }
    let mut a = if html { article_from_page(id, bytes, None, None) } else { article_from_bytes(id, bytes) };
    a.diagnostics.insert(0, truncated_warning(bytes.len()));
    a
}

/// An article from a web page: the body text and metadata found by `corroborate-html`.
pub fn article_from_html(id: &str, bytes: &[u8], url: Option<&str>) -> Article {
    article_from_page(id, bytes, url, None)
}

/// An article from a web page served with an HTTP `Content-Type` (for its charset).
pub fn article_from_page(id: &str, bytes: &[u8], url: Option<&str>, content_type: Option<&str>) -> Article {
    let options = corroborate_html::Options {
        url: url.map(str::to_string),
        content_type: content_type.map(str::to_string),
        ..Default::default()
    };
    let mut article = corroborate_html::extract(bytes, &options).into_article(id);
    dates::settle_published(&mut article.meta, &mut article.diagnostics);
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
        return match gunzip_keeping_truncated(bytes) {
            Ok(Gunzipped { bytes, truncated: false }) => article_from_unknown_bytes(id, &bytes),
            Ok(Gunzipped { bytes, truncated: true }) => truncated_article(id, &bytes, looks_like_html(&bytes), false),
            Err(message) => failed(id, message),
        };
    }
    if looks_like_html(bytes) {
        article_from_html(id, bytes, None)
    } else {
        article_from_bytes(id, bytes)
    }
}

/// The UTF-8 byte-order mark, which some tools write before a document or a first JSON record.
pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether bytes start (after a BOM and whitespace) like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
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

/// Makes the articles' ids unique, in order: a report refers to its articles by id, so an article
/// with the id of an earlier one (the same file given twice, two JSON Lines records or two API
/// texts with one `id`) is renamed `ID#2` (`#3`, ...; never an id another article has), with a
/// warning on it.
pub fn make_ids_unique(articles: &mut [Article]) {
    let mut taken: std::collections::HashSet<String> = articles.iter().map(|a| a.id.clone()).collect();
    let mut seen = std::collections::HashSet::new();
    // the next number to try per id: 100,000 records of one id are renamed in linear time
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for a in articles {
        if seen.insert(a.id.clone()) {
            continue;
        }
        let n = next.entry(a.id.clone()).or_insert(2);
        let renamed = (*n..).map(|k| (k, format!("{}#{k}", a.id))).find(|(_, id)| !taken.contains(id));
        let (k, renamed) = renamed.expect("a free id");
        *n = k + 1;
        a.diagnostics.push(Diagnostic::warning(format!(
            "the id {:?} was given to an earlier input too; this one is {renamed:?} in the report",
            a.id
        )));
        taken.insert(renamed.clone());
        seen.insert(renamed.clone());
        a.id = renamed;
    }
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
    let mut found = textmeta::parse(&article.text);
    let meta = &mut article.meta;
    if meta.title.is_none() {
        meta.title = found.meta.title;
    }
    if meta.published.is_none() {
        if found.meta.published.is_some() {
            // a record's ambiguous date, settled by the text's own date line
            if let Some(unset) = meta.ambiguous_date.take().map(|amb| amb.unset_message()) {
                article.diagnostics.retain(|d| d.message != unset);
            }
        }
        meta.published = found.meta.published;
        meta.ambiguous_date = meta.ambiguous_date.take().or(found.meta.ambiguous_date);
    } else if let Some(amb) = found.meta.ambiguous_date {
        // the date is known already: an ambiguous date line leaves nothing unset
        let unset = amb.unset_message();
        found.diagnostics.retain(|d| d.message != unset);
    }
    if meta.authors.is_empty() {
        meta.authors = found.meta.authors;
    }
    if meta.language.is_none() {
        meta.language = found.meta.language;
    }
    if meta.outlet.is_none() {
        meta.outlet = found.meta.outlet;
    }
    if meta.url.is_none() {
        meta.url = found.meta.url;
    }
    if meta.domain.is_none() {
        meta.domain = meta.url.as_deref().and_then(jsonl::domain_of);
    }
    article.meta_spans = found.spans;
    article.diagnostics.extend(found.diagnostics);
}
