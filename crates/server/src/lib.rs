//! The HTTP face of a corpus: a JSON API (axum) and a small web app served by the same binary.
//!
//! * `GET /api/stories` (filters: `outlet`, `narrative`, `technique`, `label`, `from`, `to`,
//!   `min_articles`, `limit`, `offset`), `GET /api/facets` (the values those filters can take),
//!   `GET /api/stories/{id}` (summary and compare report, cached in the store until the story
//!   changes), `GET /api/articles/{key}`, `GET /api/search?q=`, `POST /api/compare` (texts, or URLs of
//!   articles already in the corpus: the server never fetches from the network), and
//!   `GET /api/openapi.json`.
//! * HTML views reuse `corroborate-report`'s page: `/stories/{id}/report.html`,
//!   `/articles/{key}/report.html`; the app (`/`) is static HTML and JS embedded with `include_str!`.
//! * Errors are JSON `{"error": {"code", "message"}}` with a matching status, including the ones
//!   axum and tower-http make themselves (bad query strings, 405, the body limit, the time limit):
//!   an outer layer rewrites any non-JSON error response. Bodies are capped at [`MAX_BODY_BYTES`],
//!   requests at [`REQUEST_TIMEOUT`] (408); the engine and SQLite run on the blocking pool
//!   (`spawn_blocking`), each blocking thread with its own connection.
//! * Compare jobs are capped: at most [`Limits::max_compare_jobs`] run at once (the cores by
//!   default); a request that finds none free within [`COMPARE_QUEUE_WAIT`] is answered 503 `busy`
//!   with `Retry-After`. A compare whose request ends first (the time limit, or the client gone)
//!   is stopped: the handler's drop sets the engine's cancel flag
//!   ([`corroborate_engine::compare_cancellable`]), and the job's slot is freed only when the work
//!   has really stopped.
//!
//! **Architecture invariant:** this crate knows HTTP; the engine and the store know nothing of it.

use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corroborate_model::{AnalyzedArticle, Article, Comparison};
use corroborate_store::{Store, StoryFilter};
use serde::Deserialize;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Largest request body.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// Longest a request may take; past it the answer is 408 Request Timeout.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Most documents in one compare request.
pub const MAX_COMPARE_DOCS: usize = 50;
/// Longest a compare request waits for one of the [`Limits::max_compare_jobs`] slots before it is
/// answered 503 `busy`.
pub const COMPARE_QUEUE_WAIT: Duration = Duration::from_secs(2);
/// The `Retry-After` (seconds) of a 503 `busy`.
pub const BUSY_RETRY_AFTER_SECS: u64 = 5;

/// Errors of the server crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("store: {0}")]
    Store(#[from] corroborate_store::Error),
    /// The address is taken, or not ours to listen on (the cause is the error's source, so a chain
    /// printed by `anyhow` says it once).
    #[error("cannot listen on {addr}")]
    Bind { addr: std::net::SocketAddr, source: std::io::Error },
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

/// An API error: HTTP status, a stable code, a message.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    /// Seconds for a `Retry-After` header.
    retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into(), retry_after: None }
    }
    fn not_found(what: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", what)
    }
    fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }
    fn internal(message: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message.to_string())
    }
}

impl From<corroborate_store::Error> for ApiError {
    fn from(e: corroborate_store::Error) -> Self {
        match e {
            // what the request asked for cannot be applied (a filter that is no date)
            corroborate_store::Error::Invalid(message) => ApiError::bad_request(message),
            e => ApiError::internal(e),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp =
            (self.status, Json(json!({"error": {"code": self.code, "message": self.message}}))).into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut().insert(header::RETRY_AFTER, secs.into());
        }
        resp
    }
}

type ApiResult<T> = std::result::Result<T, ApiError>;

/// Shared state: where the corpus is.
#[derive(Clone)]
pub struct AppState {
    db: Arc<PathBuf>,
    /// Outlet tables for source profiles: the shipped ones, with the user's ratings if given.
    kb: Arc<corroborate_sources::Knowledge>,
    /// One permit per compare job that may run ([`Limits::max_compare_jobs`]).
    compare_jobs: Arc<tokio::sync::Semaphore>,
    compare_queue_wait: Duration,
}

thread_local! {
    static STORE: RefCell<Option<(PathBuf, Store)>> = const { RefCell::new(None) };
}

/// Runs `f` with this blocking thread's connection to the corpus, on the blocking pool.
async fn with_store<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut Store) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let db = state.db.clone();
    tokio::task::spawn_blocking(move || {
        STORE.with(|cell| {
            let mut slot = cell.borrow_mut();
            if slot.as_ref().is_none_or(|(p, _)| p != db.as_ref()) {
                *slot = Some((db.as_ref().clone(), Store::open(db.as_ref())?));
            }
            let (_, store) = slot.as_mut().expect("opened above");
            f(store)
        })
    })
    .await
    .map_err(ApiError::internal)?
}

/// Limits on requests.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_body_bytes: usize,
    pub timeout: Duration,
    /// Most compare jobs running at once (at least 1); default: the cores.
    pub max_compare_jobs: usize,
    /// How long a compare request waits for a free job before 503 `busy`.
    pub compare_queue_wait: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: MAX_BODY_BYTES,
            timeout: REQUEST_TIMEOUT,
            max_compare_jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
            compare_queue_wait: COMPARE_QUEUE_WAIT,
        }
    }
}

/// The application: API, HTML views and the web app, with the default limits.
pub fn router(db: PathBuf) -> Router {
    router_with(db, Limits::default())
}

/// The application with the given body-size and time limits.
pub fn router_with(db: PathBuf, limits: Limits) -> Router {
    router_full(db, limits, corroborate_sources::Knowledge::builtin())
}

/// The application with the given limits and outlet tables (user ratings added: `--ratings`).
pub fn router_full(db: PathBuf, limits: Limits, kb: corroborate_sources::Knowledge) -> Router {
    let state = AppState {
        db: Arc::new(db),
        kb: Arc::new(kb),
        compare_jobs: Arc::new(tokio::sync::Semaphore::new(limits.max_compare_jobs.max(1))),
        compare_queue_wait: limits.compare_queue_wait,
    };
    Router::new()
        .route("/", get(|| async { html(include_str!("web/index.html")) }))
        .route(
            "/app.js",
            get(|| async { ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], include_str!("web/app.js")) }),
        )
        .route(
            "/api/openapi.json",
            get(|| async { ([(header::CONTENT_TYPE, "application/json")], include_str!("openapi.json")) }),
        )
        .route("/api/stories", get(stories))
        .route("/api/stories/{id}", get(story))
        .route("/api/facets", get(facets))
        .route("/api/articles/{key}", get(article))
        .route("/api/search", get(search))
        .route("/api/compare", post(compare))
        .route("/stories/{id}/report.html", get(story_html))
        .route("/articles/{key}/report.html", get(article_html))
        .fallback(|| async { ApiError::not_found("no such route") })
        .with_state(state)
        .layer(DefaultBodyLimit::max(limits.max_body_bytes))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.timeout))
        .layer(axum::middleware::map_response(json_errors))
}

/// Turns the plain-text (or empty) error responses of axum's extractors and of the limit layers
/// into the API's JSON errors, keeping their status and message.
async fn json_errors(resp: Response) -> Response {
    let status = resp.status();
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return resp;
    }
    let code = match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::PAYLOAD_TOO_LARGE => "body_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid_body",
        StatusCode::SERVICE_UNAVAILABLE => "busy",
        s if s.is_server_error() => "internal",
        _ => "http_error",
    };
    let bytes = axum::body::to_bytes(resp.into_body(), 64 * 1024).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).trim().to_string();
    let message = if text.is_empty() {
        match status {
            StatusCode::REQUEST_TIMEOUT => "the request took longer than the server's time limit".to_string(),
            _ => status.canonical_reason().unwrap_or("error").to_string(),
        }
    } else {
        text
    };
    ApiError::new(status, code, message).into_response()
}

/// Serves until Ctrl-C. The corpus must exist (it is opened per blocking thread, read and cache-write).
pub async fn serve(db: PathBuf, addr: std::net::SocketAddr, kb: corroborate_sources::Knowledge) -> Result<()> {
    Store::open(&db)?; // fail early on a bad file
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|source| Error::Bind { addr, source })?;
    eprintln!("corroborate: serving {} on http://{}", db.display(), listener.local_addr()?);
    axum::serve(listener, router_full(db, Limits::default(), kb))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

fn html(body: impl Into<String>) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body.into()).into_response()
}

fn json_text(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn parse_id(s: &str) -> ApiResult<i64> {
    s.parse().map_err(|_| ApiError::bad_request(format!("not an id: {s:?}")))
}

/// A count given in a query string (`limit=20`): none when absent or empty. One that is not a whole
/// number, or is out of `0..=max`, is a 400 that names the parameter and the values it takes
/// (rather than Rust's "invalid digit found in string", or a silent cut to the maximum).
fn count_param(name: &str, given: Option<&str>, max: Option<i64>) -> ApiResult<Option<i64>> {
    match number_param(name, given, max)? {
        Some(n) => match corroborate_store::count_problem(name, n, max) {
            Some(problem) => Err(ApiError::bad_request(problem)),
            None => Ok(Some(n)),
        },
        None => Ok(None),
    }
}

/// [`count_param`] without the range check: only what is no whole number is refused (the message
/// names the values the parameter takes, up to `max`).
fn number_param(name: &str, given: Option<&str>, max: Option<i64>) -> ApiResult<Option<i64>> {
    let Some(given) = given.map(str::trim).filter(|g| !g.is_empty()) else { return Ok(None) };
    let n = given.parse::<i64>().map_err(|_| {
        let digits = given.strip_prefix(['-', '+']).unwrap_or(given);
        let digits_only = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        let why = if digits_only { "is out of range" } else { "is not a whole number" };
        // a long value is not echoed whole
        let shown: String = given.chars().take(40).collect();
        let shown = if shown.len() < given.len() { format!("{shown:?}…") } else { format!("{shown:?}") };
        ApiError::bad_request(format!("{name}: {shown} {why}; it takes {}", corroborate_store::count_range(max)))
    })?;
    Ok(Some(n))
}

/// The story list's query: its counts read as text, so that one that is no number is said as such.
#[derive(Deserialize)]
struct StoriesQuery {
    outlet: Option<String>,
    narrative: Option<String>,
    technique: Option<String>,
    label: Option<String>,
    from: Option<String>,
    to: Option<String>,
    min_articles: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

impl StoriesQuery {
    fn into_filter(self) -> ApiResult<StoryFilter> {
        let f = StoryFilter {
            min_articles: number_param("min_articles", self.min_articles.as_deref(), None)?,
            limit: number_param("limit", self.limit.as_deref(), Some(corroborate_store::MAX_STORY_LIMIT))?,
            offset: number_param("offset", self.offset.as_deref(), None)?,
            outlet: self.outlet,
            narrative: self.narrative,
            technique: self.technique,
            label: self.label,
            from: self.from,
            to: self.to,
        };
        // the store's own word on the rest: the counts' ranges (as `count_param` says them, with a
        // paging hint for the limit) and the dates
        match f.problem() {
            Some(problem) => Err(ApiError::bad_request(problem)),
            None => Ok(f),
        }
    }
}

async fn stories(
    State(st): State<AppState>,
    Query(q): Query<StoriesQuery>,
) -> ApiResult<Json<corroborate_store::StoryPage>> {
    let f = q.into_filter()?;
    Ok(Json(with_store(&st, move |s| Ok(s.stories_page(&f)?)).await?))
}

async fn facets(State(st): State<AppState>) -> ApiResult<Json<corroborate_store::Facets>> {
    Ok(Json(with_store(&st, move |s| Ok(s.facets()?)).await?))
}

async fn story(State(st): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let id = parse_id(&id)?;
    let kb = st.kb.clone();
    let text =
        with_store(&st, move |s| s.story_report(id, &kb)?.ok_or_else(|| ApiError::not_found(format!("no story {id}"))))
            .await?;
    Ok(json_text(text))
}

async fn story_html(State(st): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let id = parse_id(&id)?;
    let d = with_store(&st, move |s| s.story(id)?.ok_or_else(|| ApiError::not_found(format!("no story {id}")))).await?;
    Ok(html(html_with_profiles(&st.kb, &d.comparison)))
}

/// The HTML report with each article's outlet, its reliability and what its claims rest on.
fn html_with_profiles(kb: &corroborate_sources::Knowledge, c: &Comparison) -> String {
    let notes: Vec<String> =
        corroborate_sources::signals::comparison_profiles(kb, c).iter().map(|p| p.brief()).collect();
    corroborate_report::html::render_with_notes(c, &notes)
}

/// A stored article as its story's report shows it ([`Store::article_as_reported`]: a date its story
/// settles is the report's), or a 404.
async fn stored_article(st: &AppState, key: i64) -> ApiResult<corroborate_store::StoredArticle> {
    with_store(st, move |s| s.article_as_reported(key)?.ok_or_else(|| ApiError::not_found(format!("no article {key}"))))
        .await
}

async fn article(State(st): State<AppState>, Path(key): Path<String>) -> ApiResult<Json<Value>> {
    let key = parse_id(&key)?;
    let a = stored_article(&st, key).await?;
    let profile = corroborate_sources::signals::source_profile(&st.kb, &a.article);
    let mut v = serde_json::to_value(
        corroborate_report::json::ArticleJson::new(&a.article, None).with_source_profile(&profile),
    )
    .map_err(ApiError::internal)?;
    v["key"] = json!(a.key);
    v["story"] = json!(a.story);
    v["hash"] = json!(a.hash);
    Ok(Json(v))
}

fn single(a: AnalyzedArticle) -> Comparison {
    let story = corroborate_claims::story(std::slice::from_ref(&a), 0, vec![0]);
    Comparison { articles: vec![a], story_of: vec![0], stories: vec![story] }
}

async fn article_html(State(st): State<AppState>, Path(key): Path<String>) -> ApiResult<Response> {
    let key = parse_id(&key)?;
    let a = stored_article(&st, key).await?;
    Ok(html(html_with_profiles(&st.kb, &single(a.article))))
}

/// Hits a search gives when its query names no limit.
pub const DEFAULT_SEARCH_LIMIT: i64 = 20;
/// The largest limit a search takes; a larger one is a 400, as for the story list.
pub const MAX_SEARCH_LIMIT: i64 = 200;

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
    /// Read as text, so that one that is no number is said as such ([`count_param`]).
    limit: Option<String>,
}

async fn search(State(st): State<AppState>, Query(q): Query<SearchQuery>) -> ApiResult<Json<Value>> {
    let limit = count_param("limit", q.limit.as_deref(), Some(MAX_SEARCH_LIMIT))?.unwrap_or(DEFAULT_SEARCH_LIMIT);
    let Some(query) = q.q.filter(|s| !s.trim().is_empty()) else {
        return Err(ApiError::bad_request("missing query parameter q"));
    };
    let limit = limit as usize;
    let hits = with_store(&st, move |s| Ok(s.search(&query, limit)?)).await?;
    Ok(Json(json!({ "hits": hits })))
}

/// A document to compare: its text, or the URL of an article already in the corpus.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareRequest {
    #[serde(default)]
    texts: Vec<CompareText>,
    #[serde(default)]
    urls: Vec<String>,
    /// Also return the HTML report (default true).
    #[serde(default = "yes")]
    html: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CompareText {
    Plain(String),
    Named(NamedText),
}

/// A text with its id and where it is from, read as a JSON Lines record with these fields is
/// ([`corroborate_ingest::jsonl::article_from_fields`]): given fields win over what the text's own
/// header says, and `published` is read as every reader reads dates (one it cannot read is left
/// unset with a warning, the text's own date line then read).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedText {
    id: Option<String>,
    text: String,
    url: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

impl NamedText {
    fn into_article(self, fallback_id: String) -> Article {
        let NamedText { id, text, url, title, outlet, published } = self;
        let id = id.unwrap_or(fallback_id);
        if url.is_none() && title.is_none() && outlet.is_none() && published.is_none() {
            // a text alone is read as a plain text is (the same as a text given as a string)
            return corroborate_ingest::article_from_bytes(&id, text.as_bytes());
        }
        let fields = corroborate_ingest::jsonl::Fields { url, title, published, outlet, ..Default::default() };
        corroborate_ingest::jsonl::article_from_fields(id, text, fields)
    }
}

async fn compare(State(st): State<AppState>, body: axum::body::Bytes) -> ApiResult<Json<Value>> {
    let req: CompareRequest = serde_json::from_slice(&body)
        .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body", format!("bad JSON body: {e}")))?;
    let n = req.texts.len() + req.urls.len();
    if n == 0 {
        return Err(ApiError::bad_request("give at least one of texts or urls"));
    }
    if n > MAX_COMPARE_DOCS {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_many_documents",
            format!("{n} documents; at most {MAX_COMPARE_DOCS} per request"),
        ));
    }
    let mut articles = Vec::with_capacity(n);
    for (i, t) in req.texts.into_iter().enumerate() {
        let text = match &t {
            CompareText::Plain(text) => text,
            CompareText::Named(named) => &named.text,
        };
        if text.trim().is_empty() {
            return Err(ApiError::bad_request(format!("text {} is empty", i + 1)));
        }
        let fallback_id = format!("text-{}", i + 1);
        articles.push(match t {
            CompareText::Plain(text) => corroborate_ingest::article_from_bytes(&fallback_id, text.as_bytes()),
            CompareText::Named(named) => named.into_article(fallback_id),
        });
    }
    let urls = req.urls;
    let want_html = req.html;
    if !urls.is_empty() {
        let found: Vec<Article> = with_store(&st, move |s| {
            urls.iter()
                .map(|u| {
                    s.article_by_url(u)?.map(|a| a.article.article).ok_or_else(|| {
                        ApiError::new(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            "url_not_in_corpus",
                            format!("{u} is not in the corpus; this server does not fetch from the network: ingest it first or paste its text"),
                        )
                    })
                })
                .collect()
        })
        .await?;
        articles.extend(found);
    }
    // claims and stories refer to articles by id: a repeated one is renamed `ID#2`, as in the CLI
    corroborate_ingest::make_ids_unique(&mut articles);
    // a slot, held by the job itself: it is freed when the work stops, not when the request ends
    let permit = match tokio::time::timeout(st.compare_queue_wait, st.compare_jobs.clone().acquire_owned()).await {
        Ok(Ok(permit)) => permit,
        _ => {
            let mut e = ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "the server is running as many comparisons as it can; try again shortly",
            );
            e.retry_after = Some(BUSY_RETRY_AFTER_SECS);
            return Err(e);
        }
    };
    // dropped with this handler: on success, or when the time limit or the client's going drops it
    let cancel = CancelOnDrop(Arc::new(AtomicBool::new(false)));
    let flag = cancel.0.clone();
    let kb = st.kb.clone();
    let v = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let c = corroborate_engine::compare_cancellable(articles, &flag)?;
        let profiles = corroborate_sources::signals::comparison_profiles(&kb, &c);
        let comparison = corroborate_report::json::ComparisonJson::new(&c).with_source_profiles(&profiles);
        let mut v = json!({ "comparison": serde_json::to_value(&comparison).unwrap_or(Value::Null) });
        if want_html {
            let notes: Vec<String> = profiles.iter().map(|p| p.brief()).collect();
            v["html"] = json!(corroborate_report::html::render_with_notes(&c, &notes));
        }
        Some(v)
    })
    .await
    .map_err(ApiError::internal)?
    .ok_or_else(|| ApiError::internal("the comparison was cancelled"))?;
    drop(cancel);
    Ok(Json(v))
}

/// Sets its flag when dropped: the handler that holds it is done, or was dropped unfinished.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests;
