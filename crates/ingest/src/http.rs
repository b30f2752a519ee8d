//! http(s) URLs as inputs: one blocking GET each (ureq over rustls), with connect and read timeouts,
//! a size cap, a redirect limit and a user agent that names the project. A page (HTML) becomes a
//! [`Doc::Html`]; a feed (RSS/Atom) is read as a feed; any other content type, an HTTP error, a
//! timeout or an over-size body becomes a failed article whose diagnostic says which.
use crate::{failed, feed, Doc, Note, ReadOptions};
use corroborate_model::Meta;
use std::io::Read;
use std::time::Duration;

/// The user agent sent with every request.
pub const USER_AGENT: &str =
    concat!("corroborate/", env!("CARGO_PKG_VERSION"), " (+https://github.com/corroborate/corroborate)");

/// HTTP settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Time to open the connection (DNS included).
    pub connect_timeout: Duration,
    /// Longest wait for any one read from the server.
    pub read_timeout: Duration,
    /// Whole request, redirects and body included.
    pub total_timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    /// Most redirects followed.
    pub max_redirects: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(60),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// What a fetch can fail with.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("HTTP status {0}")]
    Status(u16),
    #[error("content type {0:?} is not a web page or a feed")]
    ContentType(String),
    #[error("body over the {0} byte limit")]
    TooLarge(u64),
    #[error("timed out ({0})")]
    Timeout(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    #[error("{0}")]
    Other(String),
}

/// A fetched body.
#[derive(Debug)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Whether an input names an http(s) URL.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The content types accepted: web pages and feeds (whose items are then read).
fn acceptable(mime: &str) -> bool {
    matches!(
        mime,
        "text/html"
            | "application/xhtml+xml"
            | "application/rss+xml"
            | "application/atom+xml"
            | "application/rdf+xml"
            | "application/xml"
            | "text/xml"
    )
}

/// GETs a URL under the limits of `config`; only web pages and feeds are accepted.
pub fn fetch(url: &str, config: &Config) -> Result<Fetched, FetchError> {
    use ureq::ResponseExt;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(config.connect_timeout))
        .timeout_recv_response(Some(config.read_timeout))
        .timeout_recv_body(Some(config.read_timeout))
        .timeout_global(Some(config.total_timeout))
        .max_redirects(config.max_redirects)
        .max_redirects_will_error(true)
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .build()
        .into();
    let mut resp = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.1")
        .call()
        .map_err(|e| match e {
            ureq::Error::Timeout(t) => FetchError::Timeout(t.to_string()),
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects(config.max_redirects),
            ureq::Error::BodyExceedsLimit(n) => FetchError::TooLarge(n),
            other => FetchError::Other(other.to_string()),
        })?;
    let status = resp.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status(status));
    }
    let final_url = resp.get_uri().to_string();
    let content_type = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_string);
    let mime = content_type.as_deref().unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if !mime.is_empty() && !acceptable(&mime) {
        return Err(FetchError::ContentType(mime));
    }
    if let Some(len) = resp.body().content_length() {
        if len > config.max_bytes {
            return Err(FetchError::TooLarge(config.max_bytes));
        }
    }
    let mut body = Vec::new();
    resp.body_mut().as_reader().take(config.max_bytes + 1).read_to_end(&mut body).map_err(|e| match e.kind() {
        std::io::ErrorKind::TimedOut => FetchError::Timeout(e.to_string()),
        _ => FetchError::Other(format!("reading the body: {e}")),
    })?;
    if body.len() as u64 > config.max_bytes {
        return Err(FetchError::TooLarge(config.max_bytes));
    }
    if mime.is_empty() && !crate::looks_like_html(&body) && !feed::looks_like_feed(&body) {
        return Err(FetchError::ContentType("(none, and the body is not HTML)".into()));
    }
    Ok(Fetched { final_url, content_type, body })
}

/// Reads a URL input: a page becomes one document, a feed its items.
pub fn read_url(url: &str, opts: &ReadOptions, sink: &mut dyn FnMut(Doc), note: &mut dyn FnMut(Note)) {
    let page = match fetch(url, &opts.http) {
        Ok(p) => p,
        Err(e) => return sink(Doc::Article(failed(url, format!("cannot fetch: {e}")))),
    };
    let mime = page.content_type.as_deref().unwrap_or("").to_ascii_lowercase();
    let is_feed = mime.contains("rss")
        || mime.contains("atom")
        || mime.contains("rdf")
        || mime.contains("xml") && !mime.contains("xhtml");
    if is_feed || (!crate::looks_like_html(&page.body) && feed::looks_like_feed(&page.body)) {
        return feed::read_feed(url, &page.body, opts, sink, note);
    }
    sink(Doc::Html {
        id: url.to_string(),
        bytes: page.body,
        url: Some(page.final_url),
        content_type: page.content_type,
        meta: Meta::default(),
    })
}
