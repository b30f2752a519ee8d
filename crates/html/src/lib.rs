//! corroborate-html: the article in a web page. Bytes in; the article body as clean text (one
//! paragraph per block, separated by blank lines), its metadata (title, publication date, authors,
//! outlet, canonical URL, language) and diagnostics out.
//!
//! Pure: no IO, no network, never panics on bad input (malformed, truncated, mis-encoded HTML gives
//! a best effort plus diagnostics). The pipeline:
//! - [`charset`]: bytes to text (BOM, declared charset checked against the bytes, guesses reported);
//! - `dom`: a compact tree built on `lol_html`'s tokenizer (fast, and right about raw-text elements);
//! - `meta`: JSON-LD `NewsArticle`, then Open Graph and `<meta>`, then the page;
//! - `body`: boilerplate removal and content scoring (see that module's doc).
//!
//! ```
//! let page = br#"<html lang="en"><head><title>Site</title>
//!   <meta property="og:site_name" content="The Daily Example"></head>
//!   <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Bridge reopens</h1>
//!   <p>The old bridge over the river reopened on Monday after two years of repairs, officials said.</p>
//!   <p>Traffic was light in the morning, and the mayor walked across it with the engineers.</p>
//!   <div class="share-tools"><a href="/s">Share on social media</a></div></article>
//!   <footer>Copyright 2024 The Daily Example, all rights reserved, and more text here.</footer></body></html>"#;
//! let ex = corroborate_html::extract(page, &corroborate_html::Options::default());
//! assert!(ex.text.starts_with("The old bridge over the river reopened on Monday"));
//! assert!(ex.text.contains("repairs, officials said.\n\nTraffic was light"));
//! assert!(!ex.text.contains("Share") && !ex.text.contains("Copyright"));
//! assert_eq!(ex.meta.title.as_deref(), Some("Bridge reopens"));
//! assert_eq!(ex.meta.outlet.as_deref(), Some("The Daily Example"));
//! assert_eq!(ex.meta.language.as_deref(), Some("en"));
//! ```
use corroborate_model::{Article, Diagnostic, Meta};

mod body;
pub mod charset;
mod dom;
mod meta;

/// Pages larger than this are cut (with a diagnostic) before parsing.
pub const DEFAULT_MAX_BYTES: usize = 32 << 20;

/// What is known about a page besides its bytes.
#[derive(Debug, Clone)]
pub struct Options {
    /// The address the page was fetched from (fallback for the canonical URL and the domain).
    pub url: Option<String>,
    /// The HTTP `Content-Type` header, for its charset.
    pub content_type: Option<String>,
    /// Input beyond this many bytes is ignored.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { url: None, content_type: None, max_bytes: DEFAULT_MAX_BYTES }
    }
}

impl Options {
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

/// The article found in a page.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The article body: paragraphs separated by a blank line.
    pub text: String,
    pub meta: Meta,
    pub diagnostics: Vec<Diagnostic>,
}

impl Extraction {
    /// An [`Article`] with this text, metadata and diagnostics.
    pub fn into_article(self, id: impl Into<String>) -> Article {
        let mut a = Article::new(id, self.text);
        a.meta = self.meta;
        a.diagnostics = self.diagnostics;
        a
    }
}

/// Extracts the article from the raw bytes of a page.
pub fn extract(bytes: &[u8], options: &Options) -> Extraction {
    let mut diagnostics = Vec::new();
    let bytes = if bytes.len() > options.max_bytes {
        diagnostics.push(Diagnostic::warning(format!(
            "page of {} bytes cut to the first {} bytes",
            bytes.len(),
            options.max_bytes
        )));
        &bytes[..options.max_bytes]
    } else {
        bytes
    };
    let html = charset::decode(bytes, options.content_type.as_deref(), &mut diagnostics);
    let mut ex = extract_str(&html, options);
    diagnostics.append(&mut ex.diagnostics);
    ex.diagnostics = diagnostics;
    ex
}

/// Extracts the article from a page already decoded to text.
pub fn extract_str(html: &str, options: &Options) -> Extraction {
    let mut diagnostics = Vec::new();
    let (dom, error) = dom::parse(html);
    if let Some(e) = error {
        diagnostics.push(Diagnostic::warning(format!("HTML tokenizer stopped early: {e}")));
    }
    let ld = meta::json_ld(&dom);
    let meta = meta::extract(&dom, &ld, options.url.as_deref());
    let body = body::extract(&dom);
    let text = body.paragraphs.join("\n\n");
    if text.is_empty() {
        diagnostics.push(Diagnostic::warning("no article text found in the page"));
    }
    Extraction { text, meta, diagnostics }
}

/// A description of how the body was chosen (container, scores, kept and dropped runs), for
/// tuning the extractor; not a stable format.
#[doc(hidden)]
pub fn explain(bytes: &[u8]) -> String {
    let mut d = Vec::new();
    let html = charset::decode(bytes, None, &mut d);
    let (dom, error) = dom::parse(&html);
    format!("diagnostics {d:?} error {error:?} nodes {}\n{}", dom.nodes.len(), body::explain(&dom))
}

/// Parses without extracting and returns the node count (for timing the stages).
#[doc(hidden)]
pub fn parse_only(html: &str) -> usize {
    dom::parse(html).0.nodes.len()
}
