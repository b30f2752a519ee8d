//! The persistent corpus: one SQLite file (bundled SQLite, WAL journal, FTS5 full-text index) that
//! holds analysed articles, the stories they are grouped into, and each story's claims.
//!
//! * **Idempotent.** An article is keyed by its id and a SHA-256 of its content ([`content_hash`]);
//!   adding it again adds nothing.
//! * **Crash-safe.** [`Store::add_batch`] writes one batch in one transaction; when it returns, the
//!   batch is committed and durable (`synchronous=FULL` in WAL mode: the WAL is fsynced at every commit,
//!   so an acknowledged batch survives a `kill -9` and a power loss; one fsync per batch is cheap).
//!   A killed run leaves the file at its last commit; the next run skips what is there and resumes.
//! * **Incremental stories.** Each new article is compared with story *centroids* (the sum of their
//!   articles' unit TF-IDF vectors, features and weights from `corroborate-claims`) through an inverted
//!   index of terms, never with all articles, and only through the terms that can lift a cosine to
//!   the threshold (an exact bound, see `index.rs`): it joins the story of highest *average* cosine
//!   with its articles (`centroid · v / articles`) if that reaches the store's link (0.22, see
//!   `index.rs`), merging into it the other stories it links whose
//!   own average with that story reaches the link too, or founds a new one, whose id is the
//!   article's row id. The in-memory index is rebuilt on open by
//!   replaying the stored vectors in arrival order: the same operations in the same order, so a
//!   resumed run reaches bit for bit the state of an uninterrupted one.
//! * **Summaries in constant time per article.** A story's size, dates, outlets, narratives,
//!   techniques (`story_facets`) and entity counts (`story_entities`, whose top four are its label)
//!   are updated by index lookups as each article arrives, never recounted over the story; a merge
//!   moves the smaller story's rows. The story filters (outlet, date, narrative, technique) read them.
//! * **Claims on demand.** Adding an article marks its story stale; [`Store::story`] recomputes the
//!   story's origins, claims and report for that story only (at most [`STORY_ARTICLE_CAP`] articles)
//!   and caches them until the story changes.
//!
//! ```
//! use corroborate_store::{content_hash, Store};
//! let mut store = Store::open_memory().unwrap();
//! let a = corroborate_engine::analyze(corroborate_model::Article::new("a", "The mayor said the bridge was closed."));
//! let h = content_hash(&a.article);
//! assert_eq!(store.add_batch(vec![(h.clone(), a.clone())]).unwrap().added, 1);
//! assert_eq!(store.add_batch(vec![(h, a)]).unwrap().added, 0);
//! assert_eq!(store.search("bridge", 10).unwrap().len(), 1);
//! ```

use corroborate_model::{AnalyzedArticle, Article, Comparison};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

mod index;
use index::StoryIndex;

#[cfg(feature = "parquet")]
mod parquet_export;

/// Most articles of one story that its claims and report are computed over (the earliest ones).
pub const STORY_ARTICLE_CAP: usize = 300;

/// The articles of story `?1` that its report reads, the first `?2` ([`STORY_ARTICLE_CAP`]) in
/// arrival order: one clause for every query that must agree with the report.
const STORY_REPORT_ARTICLES: &str = "FROM articles WHERE story = ?1 ORDER BY rowid LIMIT ?2";

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Invalid(String),
    /// Another corroborate process holds the corpus's lock ([`CorpusLock`]), or the lock file
    /// cannot be opened.
    #[error("{0}")]
    Locked(String),
    #[error(
        "an article's stored analysis cannot be read by this build of corroborate ({0}); \
         `corroborate reanalyze --db CORPUS` analyses every article again with it"
    )]
    StoredAnalysis(serde_json::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

/// Version of the schema below (`PRAGMA user_version`). 3: stories are grouped by average cosine
/// (the story index's rule changed, and the index is rebuilt by replaying the stored vectors, so a
/// corpus grouped by the old rule cannot be continued). 4: the link is 0.22, no longer 0.16. 5: a
/// bounded number of candidate stories from the article's strongest terms, no longer every story
/// that could reach the link. 6: content hashes leave out the language ([`content_hash`]); the
/// hashes of older files are made again when they are opened.
const SCHEMA_VERSION: i64 = 6;

/// This build of corroborate: the version and, built from a git checkout, the commit
/// (`0.1.0+1a2b3c4d5e6f`; `build.rs`). Recorded in the corpora it writes ([`Store::record_build`]).
pub const BUILD: &str = env!("CORROBORATE_BUILD");

/// The start of a cached story report's first line, which ends with the [`BUILD`] that made it:
/// reports cached by another build (whose claims or story JSON may differ), or before builds were
/// named (before count conflicts: no such line), are stale and made again on request.
const REPORT_FORMAT: &str =
    "corroborate story report 5 (count conflicts, claim narratives, dates settled by the story, corpus story ids)";

/// The first line of the story reports this build caches.
fn report_header() -> String {
    format!("{REPORT_FORMAT} by {BUILD}\n")
}

/// The older schemas whose corpora are grouped again in place when opened (the same tables).
const REGROUPABLE_SCHEMAS: std::ops::RangeInclusive<i64> = 3..=4;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS articles(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    hash TEXT NOT NULL,
    story INTEGER,
    title TEXT,
    outlet TEXT,
    published TEXT,
    text TEXT NOT NULL,
    meta TEXT NOT NULL,
    analysis TEXT NOT NULL,
    vec TEXT NOT NULL,
    UNIQUE(id, hash)
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE TABLE IF NOT EXISTS stories(
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    narratives TEXT NOT NULL,
    techniques TEXT NOT NULL,
    first_published TEXT,
    last_published TEXT,
    report TEXT
);
CREATE INDEX IF NOT EXISTS stories_size ON stories(n_articles DESC, id);
CREATE TABLE IF NOT EXISTS story_facets(
    story INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY(story, kind, value)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_facets_value ON story_facets(kind, value, story);
CREATE TABLE IF NOT EXISTS story_entities(
    story INTEGER NOT NULL,
    name TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY(story, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_entities_rank ON story_entities(story, n DESC, name);
CREATE TABLE IF NOT EXISTS narratives(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims(
    story INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    summary TEXT NOT NULL,
    claim TEXT NOT NULL,
    PRIMARY KEY(story, idx)
);
CREATE TABLE IF NOT EXISTS builds(
    build TEXT PRIMARY KEY
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
";

/// The tables of [`SCHEMA`], every one a corroborate corpus has ever had (besides SQLite's own
/// `sqlite_*` and the full-text index's `articles_fts_*`).
const TABLES: [&str; 8] =
    ["articles", "stories", "story_facets", "story_entities", "narratives", "claims", "builds", "articles_fts"];

/// Refuses, before anything is written into it, a file that is not a corroborate corpus: one
/// that is not SQLite or is empty (said without opening it), or whose tables lack `articles` and
/// `stories` (another application's database); with `only_ours`, also one holding tables that are
/// not corroborate's, which a replaced file would leave behind.
pub fn check_corpus(path: &Path, only_ours: bool) -> Result<()> {
    check_corpus_header(path)?;
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let has = |t: &str| tables.iter().any(|x| x == t);
    if !(has("articles") && has("stories")) {
        let held =
            if tables.is_empty() { "no tables".to_string() } else { format!("its tables: {}", tables.join(", ")) };
        return Err(not_a_corpus(path, &held));
    }
    let foreign: Vec<&str> = tables
        .iter()
        .map(String::as_str)
        .filter(|t| !(TABLES.contains(t) || t.starts_with("articles_fts_") || t.starts_with("sqlite_")))
        .collect();
    if only_ours && !foreign.is_empty() {
        return Err(Error::Invalid(format!(
            "{} holds tables that are not corroborate's ({}): a reanalysed corpus would not have them; left as it is",
            path.display(),
            foreign.join(", ")
        )));
    }
    Ok(())
}

/// Refuses a file that is empty or not SQLite, from its first bytes (SQLite would take an empty
/// file for an empty database).
fn check_corpus_header(path: &Path) -> Result<()> {
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| std::io::Read::read(&mut f, &mut head))?;
    match &head[..read] {
        [] => Err(not_a_corpus(path, "an empty file")),
        b"SQLite format 3\0" => Ok(()),
        _ => Err(not_a_corpus(path, "not an SQLite database")),
    }
}

fn not_a_corpus(path: &Path, why: &str) -> Error {
    Error::Invalid(format!(
        "{} is not a corroborate corpus ({why}); left as it is. A corpus is the file that \
         `corroborate ingest FILE... --db PATH` makes",
        path.display()
    ))
}

/// Kinds of story facets, each with a JSON list column in `stories`.
const FACETS: [&str; 3] = ["outlet", "narrative", "technique"];

/// SHA-256 (hex) of an article's text and metadata: with its id, the key that makes adding idempotent.
/// An ambiguous date line is read from the text, so it adds nothing to the key (and articles hashed
/// before it was kept keep their key).
pub fn content_hash(a: &Article) -> String {
    let mut h = Sha256::new();
    h.update(a.text.as_bytes());
    h.update([0u8]);
    // the language is left out: the engine settles it from the text, and until 2026-12-05 the
    // reader guessed it for text files, so it says nothing of an input's identity that the text
    // does not, and leaving it out keeps re-ingesting an input idempotent across versions
    let meta = corroborate_model::Meta { ambiguous_date: None, language: None, ..a.meta.clone() };
    h.update(serde_json::to_string(&meta).unwrap_or_default().as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The path of a file beside `path`, its name followed by `suffix` (`corpus.db-wal`,
/// `corpus.db.reanalysis`).
pub fn beside(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    std::path::PathBuf::from(s)
}

/// An advisory lock on a corpus, held for as long as a process has the corpus open: the empty file
/// `PATH.lock` beside it, locked with `flock` (`fs4`). Every process that opens the corpus holds it
/// shared ([`Store::open`], [`Store::open_read_only`]: `ingest`, `serve`, the commands that read);
/// `reanalyze`, which puts a new file in the corpus's place, holds it exclusively from before it
/// reads the corpus until the new file is in place ([`replace_file`]), so that no process writes
/// into a file that is being replaced, nor commits articles the new file would not have.
///
/// Never waits: a process that cannot have the lock is refused at once, before it opens the
/// corpus. The system releases the lock when its process ends, however it ends. The lock is not
/// taken on the corpus file itself: `reanalyze` renames a new file into the corpus's place, and a
/// lock on the old file would not bind the processes that open the new one. The lock file
/// stays when the corpus is closed (removing it while another process is about to lock it would
/// split the lock in two).
#[derive(Debug)]
pub struct CorpusLock {
    _file: std::fs::File,
    exclusive: bool,
}

impl CorpusLock {
    /// The lock as every process that opens the corpus holds it; refused while a `reanalyze` holds it.
    pub fn shared(db: &Path) -> Result<CorpusLock> {
        Self::take(db, false)
    }

    /// The lock as `reanalyze` holds it; refused while any other process has the corpus open.
    pub fn exclusive(db: &Path) -> Result<CorpusLock> {
        Self::take(db, true)
    }

    fn take(db: &Path, exclusive: bool) -> Result<CorpusLock> {
        let path = lock_path(db);
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::Locked(format!("cannot open the lock file {}: {e}", path.display())))?;
        // called by path: Rust 1.89's `File` has methods of the same names (the MSRV is older)
        let taken = if exclusive { fs4::FileExt::try_lock(&file) } else { fs4::FileExt::try_lock_shared(&file) };
        match taken {
            Ok(()) => Ok(CorpusLock { _file: file, exclusive }),
            Err(fs4::TryLockError::WouldBlock) if exclusive => Err(Error::Locked(format!(
                "{} is open in another corroborate process (an `ingest`, a `serve`, or a command reading it; \
                 they hold {} shared): stop it, then run this again",
                db.display(),
                path.display()
            ))),
            Err(fs4::TryLockError::WouldBlock) => Err(Error::Locked(format!(
                "{} is being analysed again and replaced by `corroborate reanalyze` in another process (it holds \
                 {} exclusively): run this again when it has finished",
                db.display(),
                path.display()
            ))),
            Err(fs4::TryLockError::Error(e)) => Err(Error::Locked(format!("cannot lock {}: {e}", path.display()))),
        }
    }
}

/// The lock file of the corpus `db`: `db.lock`, beside the file that a symbolic link names, so
/// that one corpus has one lock whichever name it is opened by.
pub fn lock_path(db: &Path) -> std::path::PathBuf {
    beside(&std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf()), ".lock")
}

/// Puts the closed corpus file `new` in the place of the closed corpus file `db`, keeping the old
/// one as `backup`: `db` gets a second name first (a hard link, or a copy where links are not
/// possible), then `new` is renamed over it, so that at every moment `db` is one whole corpus, the
/// old or the new. Needs `db`'s [`CorpusLock`] held exclusively (no other corroborate process has
/// the corpus open). Refuses too while either file has a write-ahead log beside it (a process that
/// takes no lock, such as an older corroborate, has it open, or one was stopped with it open):
/// SQLite would read that log into the wrong file.
pub fn replace_file(db: &Path, new: &Path, backup: &Path, lock: &CorpusLock) -> Result<()> {
    if !lock.exclusive {
        return Err(Error::Invalid(format!("replacing {} needs its lock held exclusively", db.display())));
    }
    for p in [db, new] {
        for ext in ["-wal", "-journal"] {
            let log = beside(p, ext);
            if log.metadata().is_ok_and(|m| m.len() > 0) {
                return Err(Error::Invalid(format!(
                    "{} exists: another process has {} open (stop it, or open the file once with corroborate to fold the log in)",
                    log.display(),
                    p.display()
                )));
            }
        }
    }
    if backup.exists() {
        return Err(Error::Invalid(format!("{} exists already: move it away first", backup.display())));
    }
    if std::fs::hard_link(db, backup).is_err() {
        std::fs::copy(db, backup)?;
    }
    std::fs::rename(new, db)?;
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(beside(new, ext));
    }
    Ok(())
}

/// A transaction that writes: `BEGIN IMMEDIATE`, so that it waits (up to the busy timeout) for
/// another process's write to end. A deferred one that read first cannot wait: when another
/// connection has committed since its read, SQLite refuses the upgrade to a write at once with
/// "database is locked", whatever the timeout.
fn write_transaction(conn: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    Ok(conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
}

/// Makes every stored article's content hash again with [`content_hash`] (files of schema 5 and
/// older hashed the language too), in the caller's transaction, a thousand rows at a time. Where
/// two stored articles of one id now hash alike (they differed in their language only) the later
/// one keeps its old hash: both stay stored.
fn rehash(tx: &rusqlite::Transaction) -> Result<()> {
    let mut after = 0i64;
    loop {
        let rows: Vec<(i64, String, String, String)> = tx
            .prepare_cached("SELECT rowid, id, text, meta FROM articles WHERE rowid > ?1 ORDER BY rowid LIMIT 1000")?
            .query_map([after], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(last) = rows.last() else { return Ok(()) };
        after = last.0;
        for (key, id, text, meta) in rows {
            let parts: StoredParts = serde_json::from_str(&meta)?;
            let hash = content_hash(&Article { id, text, meta: parts.meta, ..Default::default() });
            tx.prepare_cached("UPDATE OR IGNORE articles SET hash = ?1 WHERE rowid = ?2")?
                .execute(params![hash, key])?;
        }
    }
}

/// What one batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BatchStats {
    pub added: usize,
    /// Already in the store (same id and content).
    pub skipped: usize,
    pub new_stories: usize,
    pub merged_stories: usize,
}

/// One line of the story list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub id: i64,
    pub label: String,
    pub articles: i64,
    pub outlets: Vec<String>,
    /// Catalogue ids of the known narratives its articles contain.
    pub narratives: Vec<String>,
    /// Persuasion techniques found in its articles.
    pub techniques: Vec<String>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

/// Filters for [`Store::stories`]; all optional.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StoryFilter {
    /// Only stories one of whose outlets contains this (case-insensitive).
    pub outlet: Option<String>,
    /// Only stories with an article published on or after this date (ISO 8601 prefix comparison).
    pub from: Option<String>,
    /// Only stories with an article published on or before this date.
    pub to: Option<String>,
    /// Only stories whose label contains this (case-insensitive): a named entity, a place.
    pub label: Option<String>,
    /// Only stories with an article containing this known narrative (catalogue id, exact).
    pub narrative: Option<String>,
    /// Only stories with an article using this persuasion technique (label, e.g. `Loaded_Language`).
    pub technique: Option<String>,
    /// Only stories with at least this many articles.
    pub min_articles: Option<i64>,
    /// At most this many stories (default [`DEFAULT_STORY_LIMIT`], at most [`MAX_STORY_LIMIT`]).
    pub limit: Option<i64>,
    /// Skip this many stories of the list first (paging).
    pub offset: Option<i64>,
}

/// Stories a list gives when its filter names no limit.
pub const DEFAULT_STORY_LIMIT: i64 = 100;
/// The largest limit a story list takes; a larger one is refused ([`StoryFilter::problem`]).
pub const MAX_STORY_LIMIT: i64 = 10_000;

/// How many stories past the end of a page [`Store::stories_page`] counts before it stops: its
/// `total` is exact up to `offset + limit + STORY_COUNT_AHEAD`, a lower bound from there on. A full
/// count reads every story the filters select (seconds on a corpus of a million stories, for a page
/// read in a millisecond); this one reads at most this many rows more than the page itself.
pub const STORY_COUNT_AHEAD: i64 = 1_000;

/// A page of the story list ([`Store::stories_page`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryPage {
    /// How many stories the filters select in all (the pages together); when
    /// `total_is_lower_bound`, at least this many (the count stopped there).
    pub total: i64,
    /// Whether `total` is where the count stopped rather than the whole count: more stories may
    /// match ([`STORY_COUNT_AHEAD`]).
    pub total_is_lower_bound: bool,
    /// How many of them come before this page.
    pub offset: i64,
    /// The most this page could hold.
    pub limit: i64,
    pub stories: Vec<StorySummary>,
}

impl StoryFilter {
    /// Why the filter cannot be applied, if it cannot: a date that is not an ISO 8601 date or
    /// prefix of one (`2031-03-01`, `2031-03`, `2031`; "2031-3-1" would compare as a string and
    /// match nothing), a negative count.
    pub fn problem(&self) -> Option<String> {
        let iso_prefix = |d: &str| {
            let parts: Vec<&str> = d.split('-').collect();
            let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
            let number = |p: &str| p.parse::<u32>().unwrap_or(0);
            match parts.as_slice() {
                [y] => digits(y, 4),
                [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&number(m)),
                [y, m, day] => {
                    digits(y, 4)
                        && digits(m, 2)
                        && digits(day, 2)
                        && chrono::NaiveDate::from_ymd_opt(number(y) as i32, number(m), number(day)).is_some()
                }
                _ => false,
            }
        };
        for (name, v) in [("from", &self.from), ("to", &self.to)] {
            if let Some(d) = v.as_deref().map(str::trim).filter(|d| !d.is_empty() && !iso_prefix(d)) {
                return Some(format!("{name}: {d:?} is not a date as YYYY-MM-DD (or YYYY-MM, YYYY)"));
            }
        }
        for (name, v, max) in [
            ("min_articles", self.min_articles, None),
            ("limit", self.limit, Some(MAX_STORY_LIMIT)),
            ("offset", self.offset, None),
        ] {
            if let Some(problem) = v.and_then(|n| count_problem(name, n, max)) {
                let paging = name == "limit" && v.is_some_and(|n| n > MAX_STORY_LIMIT);
                return Some(if paging { format!("{problem} (page with offset)") } else { problem });
            }
        }
        None
    }
}

/// The values a count (a limit, an offset, a minimum) up to `max` takes, as messages say them: "a
/// whole number from 0 to 200", or "a whole number, 0 or more" without a maximum.
pub fn count_range(max: Option<i64>) -> String {
    match max {
        Some(max) => format!("a whole number from 0 to {max}"),
        None => "a whole number, 0 or more".to_string(),
    }
}

/// Why `n` cannot be the count `name` (up to `max`), if it cannot: it is negative or over the
/// maximum. The message names the count and the values it takes.
pub fn count_problem(name: &str, n: i64, max: Option<i64>) -> Option<String> {
    let why = if n < 0 {
        "is negative"
    } else if max.is_some_and(|max| n > max) {
        "is over the maximum"
    } else {
        return None;
    };
    Some(format!("{name}: {n} {why}; it takes {}", count_range(max)))
}

/// One value of a story filter and the number of stories it occurs in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facet {
    pub value: String,
    /// A narrative's name (narratives only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub stories: i64,
}

/// The values the story filters can take.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    pub outlets: Vec<Facet>,
    pub narratives: Vec<Facet>,
    pub techniques: Vec<Facet>,
}

/// Opens a matching word in a [`Hit::snippet`]: U+E000, of the Private Use Area, which the text of
/// a snippet never holds (a text's own is taken out).
pub const HIGHLIGHT_START: char = '\u{E000}';
/// Closes a matching word in a [`Hit::snippet`]: U+E001.
pub const HIGHLIGHT_END: char = '\u{E001}';

/// The snippet `marked` (the excerpt with FTS5's markers) with only the markers FTS5 put in: the
/// characters it has beyond `plain` (the same excerpt without markers), and none of the text's own
/// [`HIGHLIGHT_START`] or [`HIGHLIGHT_END`].
fn own_markers(marked: &str, plain: &str) -> String {
    let is_marker = |c: char| c == HIGHLIGHT_START || c == HIGHLIGHT_END;
    let mut text = plain.chars().peekable();
    let mut out = String::with_capacity(marked.len());
    for c in marked.chars() {
        if text.peek() == Some(&c) {
            text.next();
            if !is_marker(c) {
                out.push(c);
            }
        } else if is_marker(c) {
            out.push(c);
        } else {
            // not the same excerpt (never seen): the text alone, unmarked
            return plain.chars().filter(|c| !is_marker(*c)).collect();
        }
    }
    out
}

/// A search hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub key: i64,
    pub id: String,
    pub title: Option<String>,
    pub story: Option<i64>,
    /// An excerpt of the text, each matching word between [`HIGHLIGHT_START`] and [`HIGHLIGHT_END`]
    /// (private-use characters, taken out of the text, so they mark nothing else).
    pub snippet: String,
    pub score: f64,
}

/// A stored article with its place in the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredArticle {
    pub key: i64,
    pub hash: String,
    pub story: Option<i64>,
    pub article: AnalyzedArticle,
}

/// A story: its summary and the comparison of its articles (one story, claims included).
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDetail {
    pub summary: StorySummary,
    /// Store keys of the articles, in the order of `comparison.articles`.
    pub keys: Vec<i64>,
    pub comparison: Comparison,
}

/// The corpus in one SQLite file.
pub struct Store {
    conn: Connection,
    index: Option<StoryIndex>,
    /// The shared [`CorpusLock`] of a store opened from a file (none in memory or under an
    /// exclusive lock its caller holds). Declared after `conn`, so released after it is closed.
    _lock: Option<CorpusLock>,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, in WAL mode, holding its [`CorpusLock`]
    /// shared until the store is dropped (refused while a `reanalyze` holds it).
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let lock = CorpusLock::shared(path)?;
        let mut store = Self::setup(Connection::open(path)?)?;
        store._lock = Some(lock);
        Ok(store)
    }

    /// Opens the existing corpus at `path` as [`Store::open`] does, refusing a file that is not
    /// one ([`check_corpus`]) before anything is written into it: the commands that read a corpus.
    pub fn open_corpus(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        // the file's first bytes first, so that no lock file is made beside an empty or foreign one
        check_corpus_header(path)?;
        let lock = CorpusLock::shared(path)?;
        check_corpus(path, false)?;
        let mut store = Self::setup(Connection::open(path)?)?;
        store._lock = Some(lock);
        Ok(store)
    }

    /// Opens (creating if needed) the store at `path` under a [`CorpusLock`] that this process
    /// already holds exclusively, which [`Store::open`] would be refused by: `reanalyze` opens the
    /// corpus and the new file beside it so, both under the corpus's lock.
    pub fn open_exclusive(path: impl AsRef<Path>, lock: &CorpusLock) -> Result<Store> {
        if !lock.exclusive {
            return Err(Error::Invalid(format!("{}: the lock is not held exclusively", path.as_ref().display())));
        }
        Self::setup(Connection::open(path)?)
    }

    /// Opens the store read-only (for serving many readers beside one writer), holding its
    /// [`CorpusLock`] shared as [`Store::open`] does.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let lock = CorpusLock::shared(path.as_ref())?;
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Store { conn, index: None, _lock: Some(lock) })
    }

    /// A store in memory (tests, examples).
    pub fn open_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let has_articles: bool =
            conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'")?.exists([])?;
        // schemas 3 and 4 have this schema's tables and stored vectors; only the story rule differs,
        // so their stories are grouped again in place. Older files lack the vectors.
        let regroup = has_articles && REGROUPABLE_SCHEMAS.contains(&version);
        if version > SCHEMA_VERSION {
            return Err(Error::Invalid(format!(
                "this corpus was written by a newer corroborate (schema {version}, this one reads up to \
                 {SCHEMA_VERSION}): open it with that version"
            )));
        }
        // schema 5 has this schema's stories; only its content hashes are made again
        let rehash_only = has_articles && version == 5;
        if has_articles && version < SCHEMA_VERSION && !regroup && !rehash_only {
            return Err(Error::Invalid(format!(
                "this corpus was written by an older corroborate (schema {version}, now {SCHEMA_VERSION}): \
                 export it with that version and ingest the export into a new file"
            )));
        }
        conn.execute_batch(SCHEMA)?;
        let mut store = Store { conn, index: None, _lock: None };
        if regroup {
            store.regroup()?;
        } else if rehash_only {
            let tx = write_transaction(&mut store.conn)?;
            rehash(&tx)?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            tx.commit()?;
        } else {
            store.conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        Ok(store)
    }

    /// Groups every stored article into stories again, in arrival order, by the current rule (from
    /// the stored vectors and analyses: nothing is analysed again), rebuilding the story tables, and
    /// marks the file with the current schema: one transaction, so a crash leaves the old file as it was.
    fn regroup(&mut self) -> Result<()> {
        let tx = write_transaction(&mut self.conn)?;
        rehash(&tx)?;
        tx.execute_batch(
            "DELETE FROM stories; DELETE FROM story_facets; DELETE FROM story_entities; DELETE FROM claims;
             UPDATE articles SET story = NULL;",
        )?;
        let keys: Vec<i64> = tx
            .prepare("SELECT rowid FROM articles ORDER BY rowid")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut index = StoryIndex::default();
        for key in keys {
            let (stored, vec) = tx
                .prepare_cached(
                    "SELECT rowid, hash, story, id, text, meta, analysis, vec FROM articles WHERE rowid = ?1",
                )?
                .query_row([key], |r| Ok((stored_row(r)?, r.get::<_, String>(7)?)))?;
            let stored = stored?;
            let v: index::StoredVector = serde_json::from_str(&vec)?;
            let v = index.count(&v);
            if v.is_empty() {
                continue;
            }
            let (story, merged) = index.place(key, &v);
            for m in &merged {
                merge_story(&tx, story, *m)?;
            }
            tx.prepare_cached("UPDATE articles SET story = ?1 WHERE rowid = ?2")?.execute(params![story, key])?;
            let meta = &stored.article.article.meta;
            let outlet = meta.outlet.clone().or_else(|| meta.domain.clone());
            add_to_story(&tx, story, story == key, outlet.as_deref(), &stored.article)?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        self.index = Some(index);
        Ok(())
    }

    /// Whether this exact article (id and content hash) is stored.
    pub fn contains(&self, id: &str, hash: &str) -> Result<bool> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM articles WHERE id = ?1 AND hash = ?2")?;
        Ok(st.exists(params![id, hash])?)
    }

    /// Number of stored articles.
    pub fn len(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    fn load_index(&mut self) -> Result<()> {
        if self.index.is_some() {
            return Ok(());
        }
        use rayon::prelude::*;
        /// Stored vectors parsed together, in parallel (a large part of an open was parsing them).
        const CHUNK: usize = 1024;
        type Row = (i64, Option<i64>, String);
        let mut index = StoryIndex::default();
        let replay = |index: &mut StoryIndex, chunk: &mut Vec<Row>| -> Result<()> {
            let parsed: Vec<index::StoredVector> =
                chunk.par_iter().map(|r| serde_json::from_str(&r.2)).collect::<std::result::Result<_, _>>()?;
            for ((key, story, _), v) in chunk.drain(..).zip(parsed) {
                let v = index.count(&v);
                match (story, v.is_empty()) {
                    (_, true) => {}
                    (Some(story), false) => index.restore(story, &v),
                    (None, false) => {
                        return Err(Error::Invalid(format!("article {key} has a story vector but no story")));
                    }
                }
            }
            Ok(())
        };
        let mut st = self.conn.prepare("SELECT rowid, story, vec FROM articles ORDER BY rowid")?;
        let mut rows = st.query([])?;
        let mut chunk: Vec<Row> = Vec::with_capacity(CHUNK);
        while let Some(r) = rows.next()? {
            chunk.push((r.get(0)?, r.get(1)?, r.get(2)?));
            if chunk.len() == CHUNK {
                replay(&mut index, &mut chunk)?;
            }
        }
        replay(&mut index, &mut chunk)?;
        drop(rows);
        drop(st);
        self.index = Some(index);
        Ok(())
    }

    /// Adds a batch of analysed articles (with their [`content_hash`]) in one transaction. When this
    /// returns `Ok`, the batch is committed and durable. Failed articles (error diagnostics) are not stored.
    pub fn add_batch(&mut self, batch: Vec<(String, AnalyzedArticle)>) -> Result<BatchStats> {
        self.load_index()?;
        let result = self.add_batch_inner(batch);
        if result.is_err() {
            // the transaction rolled back: the in-memory index may be ahead of the file
            self.index = None;
        }
        result
    }

    fn add_batch_inner(&mut self, batch: Vec<(String, AnalyzedArticle)>) -> Result<BatchStats> {
        use rayon::prelude::*;
        let mut stats = BatchStats::default();
        // what does not depend on the corpus, for the whole batch at once and in parallel: story
        // features and the stored JSON (the loop below places articles one at a time)
        let prepared: Vec<Option<Prepared>> = batch
            .par_iter()
            .map(|(_, a)| (!a.article.failed()).then(|| Prepared::of(a)).transpose())
            .collect::<Result<_>>()?;
        let index = self.index.as_mut().expect("index loaded");
        let tx = write_transaction(&mut self.conn)?;
        let mut next_key: i64 = tx.query_row("SELECT coalesce(max(rowid), 0) + 1 FROM articles", [], |r| r.get(0))?;
        for ((hash, a), prepared) in batch.into_iter().zip(prepared) {
            let Some(prepared) = prepared else { continue };
            let exists = tx
                .prepare_cached("SELECT 1 FROM articles WHERE id = ?1 AND hash = ?2")?
                .exists(params![a.article.id, hash])?;
            if exists {
                stats.skipped += 1;
                continue;
            }
            let key = next_key;
            next_key += 1;
            let (stored, v) = index.vectorize(&prepared.features);
            let story = if v.is_empty() {
                None
            } else {
                let (story, merged) = index.place(key, &v);
                if story == key {
                    stats.new_stories += 1;
                }
                stats.merged_stories += merged.len();
                for m in &merged {
                    merge_story(&tx, story, *m)?;
                }
                Some(story)
            };
            let meta = &a.article.meta;
            let outlet = meta.outlet.clone().or_else(|| meta.domain.clone());
            tx.prepare_cached(
                "INSERT INTO articles(rowid, id, hash, story, title, outlet, published, text, meta, analysis, vec)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                key,
                a.article.id,
                hash,
                story,
                meta.title,
                outlet,
                meta.published,
                a.article.text,
                prepared.parts,
                prepared.analysis,
                serde_json::to_string(&stored)?,
            ])?;
            tx.prepare_cached("INSERT INTO articles_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?.execute(params![
                key,
                meta.title,
                a.article.text
            ])?;
            stats.added += 1;
            if let Some(story) = story {
                add_to_story(&tx, story, story == key, outlet.as_deref(), &a)?;
            }
        }
        tx.commit()?;
        Ok(stats)
    }

    /// Full-text search (FTS5, BM25) over titles and texts. Words are matched as given, all of them.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let q = fts_query(query);
        if q.is_empty() {
            return Ok(Vec::new());
        }
        // the excerpt twice, with the markers and without: what the first has beyond the second
        // is the markers FTS5 put in; the text's own U+E000 / U+E001, if any, are taken out
        let mut st = self.conn.prepare_cached(
            "SELECT a.rowid, a.id, a.title, a.story, snippet(articles_fts, 1, ?3, ?4, '…', 16),
                    snippet(articles_fts, 1, '', '', '…', 16), bm25(articles_fts)
             FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts) LIMIT ?2",
        )?;
        let (start, end) = (HIGHLIGHT_START.to_string(), HIGHLIGHT_END.to_string());
        let hits = st
            .query_map(params![q, limit as i64, start, end], |r| {
                Ok(Hit {
                    key: r.get(0)?,
                    id: r.get(1)?,
                    title: r.get(2)?,
                    story: r.get(3)?,
                    snippet: own_markers(&r.get::<_, String>(4)?, &r.get::<_, String>(5)?),
                    score: -r.get::<_, f64>(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(hits)
    }

    /// Stories, largest first, filtered: the page `f.limit` (default [`DEFAULT_STORY_LIMIT`]) and
    /// `f.offset` select.
    pub fn stories(&self, f: &StoryFilter) -> Result<Vec<StorySummary>> {
        let (sql, mut args) = story_query(f, SUMMARY_COLUMNS)?;
        let sql = format!("{sql} ORDER BY n_articles DESC, id LIMIT ? OFFSET ?");
        args.push(f.limit.unwrap_or(DEFAULT_STORY_LIMIT).into());
        args.push(f.offset.unwrap_or(0).into());
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), summary_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(r??);
        }
        Ok(out)
    }

    /// How many stories the filters of `f` select (its limit and offset aside): all of them, or,
    /// with a `cap`, at most `cap` (the count stops there).
    pub fn count_stories(&self, f: &StoryFilter, cap: Option<i64>) -> Result<i64> {
        let (sql, args) = match cap {
            Some(cap) => {
                let (sql, mut args) = story_query(f, "1")?;
                args.push(cap.max(0).into());
                (format!("SELECT count(*) FROM ({sql} LIMIT ?)"), args)
            }
            None => story_query(f, "count(*)")?,
        };
        Ok(self.conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(args), |r| r.get(0))?)
    }

    /// A page of stories and how many the filters select, counted up to [`STORY_COUNT_AHEAD`]
    /// stories past the page (`total_is_lower_bound` says when the count stopped there), so that a
    /// page costs about what its rows do whatever the corpus size. Read in one snapshot of the file
    /// (an ingest that commits between the two reads cannot make them disagree).
    pub fn stories_page(&self, f: &StoryFilter) -> Result<StoryPage> {
        let (offset, limit) = (f.offset.unwrap_or(0), f.limit.unwrap_or(DEFAULT_STORY_LIMIT));
        self.page_counted_to(f, Some(offset.saturating_add(limit).saturating_add(STORY_COUNT_AHEAD)))
    }

    /// [`Store::stories_page`] with every matching story counted (`total` always exact): the time
    /// grows with the stories the filters select.
    pub fn stories_page_exact(&self, f: &StoryFilter) -> Result<StoryPage> {
        self.page_counted_to(f, None)
    }

    fn page_counted_to(&self, f: &StoryFilter, cap: Option<i64>) -> Result<StoryPage> {
        let tx = self.conn.unchecked_transaction()?;
        let stories = self.stories(f)?;
        // counted to one past the cap: exactly `cap` stories is an exact total
        let counted = self.count_stories(f, cap.map(|c| c.saturating_add(1)))?;
        tx.finish()?;
        let over = cap.is_some_and(|cap| counted > cap);
        Ok(StoryPage {
            total: if over { cap.unwrap_or(counted) } else { counted },
            total_is_lower_bound: over,
            offset: f.offset.unwrap_or(0),
            limit: f.limit.unwrap_or(DEFAULT_STORY_LIMIT),
            stories,
        })
    }

    /// The values the story filters can take, each with the number of stories it occurs in, most
    /// frequent first: outlets, narratives (with their names) and techniques.
    pub fn facets(&self) -> Result<Facets> {
        let mut out = Facets::default();
        let mut st = self.conn.prepare_cached(
            "SELECT f.kind, f.value, count(*) AS c, n.name FROM story_facets f
             LEFT JOIN narratives n ON f.kind = 'narrative' AND n.id = f.value
             GROUP BY f.kind, f.value ORDER BY c DESC, f.value",
        )?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, Facet { value: r.get(1)?, stories: r.get(2)?, name: r.get(3)? }))
        })?;
        for r in rows {
            let (kind, facet) = r?;
            match kind.as_str() {
                "outlet" => out.outlets.push(facet),
                "narrative" => out.narratives.push(facet),
                _ => out.techniques.push(facet),
            }
        }
        Ok(out)
    }

    /// One story's summary, without computing its claims.
    pub fn story_summary(&self, id: i64) -> Result<Option<StorySummary>> {
        let mut st = self.conn.prepare_cached(&format!("SELECT {SUMMARY_COLUMNS} FROM stories WHERE id = ?1"))?;
        match st.query_row(params![id], summary_row).optional()? {
            Some(r) => Ok(Some(r?)),
            None => Ok(None),
        }
    }

    /// Cached report JSON (`corroborate-report` json form) of a story, if fresh: made since the
    /// story last changed, by this [`BUILD`] (see [`REPORT_FORMAT`]).
    pub fn cached_report(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT report FROM stories WHERE id = ?1")?
            .query_row(params![id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten()
            .and_then(|r| r.strip_prefix(report_header().as_str()).map(str::to_string)))
    }

    /// A story with its comparison: origins and claims over its (first [`STORY_ARTICLE_CAP`])
    /// articles. The comparison's one story has the corpus id `id`.
    pub fn story(&self, id: i64) -> Result<Option<StoryDetail>> {
        let Some(summary) = self.story_summary(id)? else { return Ok(None) };
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT rowid, hash, story, id, text, meta, analysis {STORY_REPORT_ARTICLES}"))?;
        let rows = st.query_map(params![id, STORY_ARTICLE_CAP as i64], stored_row)?;
        let mut keys = Vec::new();
        let mut articles = Vec::new();
        for r in rows {
            let s = r??;
            keys.push(s.key);
            articles.push(s.article);
        }
        corroborate_engine::canonicalize(&mut articles);
        let group: Vec<usize> = (0..articles.len()).collect();
        corroborate_claims::settle_dates(&mut articles, std::slice::from_ref(&group));
        corroborate_claims::note_unit_caps(&mut articles);
        // the story by its corpus id, which the report's story, its articles' `story` and its claim
        // ids (`s{id}c{n}`) then carry: a client reads them as the corpus's, not as 0
        let mut story = corroborate_claims::story(&articles, usize::try_from(id).unwrap_or_default(), group);
        // each article's learned stance toward the leading claims, as `compare` gives it
        corroborate_engine::article_stances(&articles, &mut story);
        let comparison = Comparison { story_of: vec![0; articles.len()], articles, stories: vec![story] };
        Ok(Some(StoryDetail { summary, keys, comparison }))
    }

    /// Computes (or takes from the cache) a story's report JSON, caching it and its claims. Its
    /// articles' source profiles are made with `kb`; a report made with user ratings is not cached
    /// (the cache holds reports made with the shipped tables only, which a ratings file would change).
    pub fn story_report(&mut self, id: i64, kb: &corroborate_sources::Knowledge) -> Result<Option<String>> {
        let shipped_tables = kb.ratings.overrides_len() == 0;
        if let Some(r) = self.cached_report(id)?.filter(|_| shipped_tables) {
            return Ok(Some(r));
        }
        let Some(detail) = self.story(id)? else { return Ok(None) };
        let json = story_json(&detail, kb);
        let text = serde_json::to_string(&json)?;
        let tx = write_transaction(&mut self.conn)?;
        tx.execute("DELETE FROM claims WHERE story = ?1", params![id])?;
        for (i, c) in detail.comparison.stories[0].claims.iter().enumerate() {
            tx.execute(
                "INSERT INTO claims(story, idx, summary, claim) VALUES (?1, ?2, ?3, ?4)",
                params![id, i as i64, c.summary, serde_json::to_string(c)?],
            )?;
        }
        if shipped_tables {
            tx.execute(
                "UPDATE stories SET report = ?1 WHERE id = ?2",
                params![format!("{}{text}", report_header()), id],
            )?;
        }
        tx.commit()?;
        Ok(Some(text))
    }

    /// One article by store key.
    pub fn article(&self, key: i64) -> Result<Option<StoredArticle>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT rowid, hash, story, id, text, meta, analysis FROM articles WHERE rowid = ?1")?;
        match st.query_row(params![key], stored_row).optional()? {
            Some(r) => Ok(Some(r?)),
            None => Ok(None),
        }
    }

    /// One article by store key as its story's report ([`Store::story`]) shows it: an ambiguous
    /// date line (`03/02/2031`) that left it undated is settled from the dates of the story's first
    /// [`STORY_ARTICLE_CAP`] articles by [`corroborate_claims::settle_dates`], as the report does, the
    /// warning replaced by the note that says which article settled it; an article past those is in
    /// no report and is returned as stored. (The report's other changes, the names made canonical
    /// across the story, are not made here.)
    pub fn article_as_reported(&self, key: i64) -> Result<Option<StoredArticle>> {
        let Some(mut stored) = self.article(key)? else { return Ok(None) };
        let meta = &stored.article.article.meta;
        let Some(story) = stored.story.filter(|_| meta.published.is_none() && meta.ambiguous_date.is_some()) else {
            return Ok(Some(stored));
        };
        // the story's articles as the report reads them, by their ids and dates alone (the dates
        // settle nothing else), in the report's order, so that a tie names the same article
        let mut st = self.conn.prepare_cached(&format!("SELECT rowid, id, published {STORY_REPORT_ARTICLES}"))?;
        let rows = st.query_map(params![story, STORY_ARTICLE_CAP as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?))
        })?;
        let mut articles = Vec::new();
        let mut in_report = false;
        for r in rows {
            let (k, id, published) = r?;
            if k == key {
                in_report = true;
            } else {
                let mut a = Article::new(id, "");
                a.meta.published = published;
                articles.push(AnalyzedArticle { article: a, analysis: Default::default() });
            }
        }
        // an article past the story's first STORY_ARTICLE_CAP is in no report: nothing settles it
        if !in_report {
            return Ok(Some(stored));
        }
        articles.push(stored.article);
        let group: Vec<usize> = (0..articles.len()).collect();
        corroborate_claims::settle_dates(&mut articles, &[group]);
        stored.article = articles.pop().expect("pushed above");
        Ok(Some(stored))
    }

    /// The latest stored article whose metadata URL is `url`.
    pub fn article_by_url(&self, url: &str) -> Result<Option<StoredArticle>> {
        let mut st = self.conn.prepare_cached(
            "SELECT rowid, hash, story, id, text, meta, analysis FROM articles
             WHERE json_extract(meta, '$.meta.url') = ?1 ORDER BY rowid DESC LIMIT 1",
        )?;
        match st.query_row(params![url], stored_row).optional()? {
            Some(r) => Ok(Some(r?)),
            None => Ok(None),
        }
    }

    /// Calls `f` with every article in arrival order.
    pub fn for_each_article(&self, mut f: impl FnMut(StoredArticle) -> Result<()>) -> Result<()> {
        let mut st =
            self.conn.prepare("SELECT rowid, hash, story, id, text, meta, analysis FROM articles ORDER BY rowid")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            f(stored_row(r)??)?;
        }
        Ok(())
    }

    /// Calls `f` with every stored input in arrival order: its content hash and its article as it
    /// was read (text, metadata, metadata spans, diagnostics), without parsing its stored analysis.
    pub fn for_each_input(&self, mut f: impl FnMut(String, Article) -> Result<()>) -> Result<()> {
        let mut st = self.conn.prepare("SELECT hash, id, text, meta FROM articles ORDER BY rowid")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (hash, id, text, meta): (String, String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let parts: StoredParts = serde_json::from_str(&meta)?;
            f(hash, parts.into_article(id, text))?;
        }
        Ok(())
    }

    /// Records that the corroborate build `build` (its version and commit) wrote analyses into
    /// this corpus. (A table added without a schema change: older builds ignore it.)
    pub fn record_build(&self, build: &str) -> Result<()> {
        self.conn.execute("INSERT OR IGNORE INTO builds(build) VALUES (?1)", params![build])?;
        Ok(())
    }

    /// The builds recorded by [`Store::record_build`], in name order (none for a corpus written
    /// before builds were recorded).
    pub fn builds(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare("SELECT build FROM builds ORDER BY build")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The number of stories.
    pub fn story_count(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT count(*) FROM stories", [], |r| r.get(0))?)
    }

    /// Closes the file, its write-ahead log folded into it first, so that the file alone is the
    /// whole corpus (and can be renamed: [`replace_file`]).
    pub fn close(self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        self.conn.close().map_err(|(_, e)| Error::Sqlite(e))
    }

    /// Writes every article as one JSON object per line, in arrival order.
    pub fn export_jsonl(&self, out: &mut dyn std::io::Write) -> Result<usize> {
        let mut n = 0;
        self.for_each_article(|a| {
            serde_json::to_writer(&mut *out, &export_record(&a))?;
            out.write_all(b"\n")?;
            n += 1;
            Ok(())
        })?;
        Ok(n)
    }

    /// Writes every article to a Parquet file (feature `parquet`).
    #[cfg(feature = "parquet")]
    pub fn export_parquet(&self, out: std::fs::File) -> Result<usize> {
        parquet_export::write(self, out)
    }
}

/// The JSON record of one article in `export --format jsonl`.
pub fn export_record(a: &StoredArticle) -> serde_json::Value {
    serde_json::json!({
        "key": a.key,
        "id": a.article.article.id,
        "hash": a.hash,
        "story": a.story,
        "meta": a.article.article.meta,
        "text": a.article.article.text,
        "analysis": corroborate_report::json::article(&a.article, None),
    })
}

/// The JSON of a story: its summary and the comparison report of its articles (`OUTPUT.md` form),
/// with each article's store key.
pub fn story_json(d: &StoryDetail, kb: &corroborate_sources::Knowledge) -> serde_json::Value {
    let profiles = corroborate_sources::signals::comparison_profiles(kb, &d.comparison);
    let comparison = corroborate_report::json::ComparisonJson::new(&d.comparison).with_source_profiles(&profiles);
    serde_json::json!({
        "story": d.summary,
        // the articles compared: the first to arrive, at most STORY_ARTICLE_CAP of `story.articles`
        "articles_compared": d.comparison.articles.len(),
        "article_keys": d.keys,
        "comparison": serde_json::to_value(&comparison).unwrap_or(serde_json::Value::Null),
    })
}

/// What [`Store::add_batch`] stores of an article that does not depend on the corpus: its story
/// features and JSON columns, made for a whole batch in parallel.
struct Prepared {
    features: Vec<String>,
    parts: String,
    analysis: String,
}

impl Prepared {
    fn of(a: &AnalyzedArticle) -> Result<Prepared> {
        Ok(Prepared {
            features: corroborate_claims::story_features(a),
            parts: serde_json::to_string(&StoredParts::of(&a.article))?,
            analysis: serde_json::to_string(&a.analysis)?,
        })
    }
}

/// Parts of an article stored as JSON beside its text.
#[derive(Serialize, Deserialize)]
struct StoredParts {
    meta: corroborate_model::Meta,
    meta_spans: Vec<corroborate_model::MetaSpan>,
    diagnostics: Vec<corroborate_model::Diagnostic>,
}

impl StoredParts {
    fn of(a: &Article) -> StoredParts {
        StoredParts { meta: a.meta.clone(), meta_spans: a.meta_spans.clone(), diagnostics: a.diagnostics.clone() }
    }

    /// The stored article: its id and text with these parts.
    fn into_article(self, id: String, text: String) -> Article {
        Article { id, text, meta: self.meta, meta_spans: self.meta_spans, diagnostics: self.diagnostics }
    }
}

fn stored_row(r: &rusqlite::Row) -> rusqlite::Result<Result<StoredArticle>> {
    let key: i64 = r.get(0)?;
    let hash: String = r.get(1)?;
    let story: Option<i64> = r.get(2)?;
    let id: String = r.get(3)?;
    let text: String = r.get(4)?;
    let meta: String = r.get(5)?;
    let analysis: String = r.get(6)?;
    Ok((|| {
        let parts: StoredParts = serde_json::from_str(&meta)?;
        let analysis = serde_json::from_str(&analysis).map_err(Error::StoredAnalysis)?;
        let article = parts.into_article(id, text);
        Ok(StoredArticle { key, hash, story, article: AnalyzedArticle { article, analysis } })
    })())
}

const SUMMARY_COLUMNS: &str = "id, label, n_articles, outlets, narratives, techniques, first_published, last_published";

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<Result<StorySummary>> {
    let lists: [String; 3] = [r.get(3)?, r.get(4)?, r.get(5)?];
    let (id, label, articles, first_published, last_published) =
        (r.get(0)?, r.get(1)?, r.get(2)?, r.get(6)?, r.get(7)?);
    Ok((|| {
        let [outlets, narratives, techniques] = lists;
        Ok(StorySummary {
            id,
            label,
            articles,
            outlets: serde_json::from_str(&outlets)?,
            narratives: serde_json::from_str(&narratives)?,
            techniques: serde_json::from_str(&techniques)?,
            first_published,
            last_published,
        })
    })())
}

/// Entities that name what a story is about (not nationalities or miscellany), once per article.
fn label_entities(a: &AnalyzedArticle) -> BTreeSet<&str> {
    use corroborate_model::EntityType;
    a.analysis
        .entities
        .iter()
        .filter(|e| !matches!(e.kind, EntityType::Norp | EntityType::Misc))
        .map(|e| e.canonical.as_str())
        .collect()
}

/// Counts a new article in its story: size, dates, facets, entities and label, each in time that
/// does not grow with the story (index lookups); marks the cached report stale.
fn add_to_story(
    tx: &rusqlite::Transaction,
    story: i64,
    new: bool,
    outlet: Option<&str>,
    a: &AnalyzedArticle,
) -> Result<()> {
    let mut published = a.article.meta.published.as_deref();
    // a date line that reads two ways, settled by the story's dates so far for its summary (the
    // story report settles it against every dated article, `claims::settle_dates`)
    if let (false, None, Some(amb)) = (new, published, a.article.meta.ambiguous_date.as_ref()) {
        let range: Option<(String, String)> = tx
            .prepare_cached("SELECT first_published, last_published FROM stories WHERE id = ?1")?
            .query_row(params![story], |r| Ok(r.get::<_, Option<String>>(0)?.zip(r.get::<_, Option<String>>(1)?)))
            .optional()?
            .flatten();
        published = range.and_then(|(first, last)| corroborate_claims::settle_in_range(amb, &first, &last));
    }
    if new {
        tx.prepare_cached(
            "INSERT INTO stories(id, label, n_articles, outlets, narratives, techniques, first_published, last_published)
             VALUES (?1, '', 1, '[]', '[]', '[]', ?2, ?2)",
        )?
        .execute(params![story, published])?;
    } else {
        tx.prepare_cached(
            "UPDATE stories SET n_articles = n_articles + 1, report = NULL,
               first_published = CASE WHEN ?2 IS NOT NULL AND (first_published IS NULL OR ?2 < first_published)
                                      THEN ?2 ELSE first_published END,
               last_published = CASE WHEN ?2 IS NOT NULL AND (last_published IS NULL OR ?2 > last_published)
                                     THEN ?2 ELSE last_published END
             WHERE id = ?1",
        )?
        .execute(params![story, published])?;
        tx.prepare_cached("DELETE FROM claims WHERE story = ?1")?.execute(params![story])?;
    }
    let mut facets: BTreeSet<(&str, &str)> = BTreeSet::new();
    if let Some(o) = outlet {
        facets.insert(("outlet", o));
    }
    for n in &a.analysis.narratives {
        facets.insert(("narrative", n.narrative.as_str()));
        tx.prepare_cached("INSERT OR IGNORE INTO narratives(id, name) VALUES (?1, ?2)")?
            .execute(params![n.narrative, n.name])?;
    }
    for t in &a.analysis.techniques {
        facets.insert(("technique", t.technique.as_str()));
    }
    let mut changed: BTreeSet<&str> = BTreeSet::new();
    for (kind, value) in facets {
        let n: i64 = tx
            .prepare_cached(
                "INSERT INTO story_facets(story, kind, value, n) VALUES (?1, ?2, ?3, 1)
                 ON CONFLICT(story, kind, value) DO UPDATE SET n = n + 1 RETURNING n",
            )?
            .query_row(params![story, kind, value], |r| r.get(0))?;
        if n == 1 {
            changed.insert(kind);
        }
    }
    for kind in changed {
        refresh_facet_list(tx, story, kind)?;
    }
    for name in label_entities(a) {
        tx.prepare_cached(
            "INSERT INTO story_entities(story, name, n) VALUES (?1, ?2, 1)
             ON CONFLICT(story, name) DO UPDATE SET n = n + 1",
        )?
        .execute(params![story, name])?;
    }
    refresh_label(tx, story)
}

/// The JSON list column of one facet kind, from the facet rows (a story has few distinct values).
fn refresh_facet_list(tx: &rusqlite::Transaction, story: i64, kind: &str) -> Result<()> {
    let values: Vec<String> = tx
        .prepare_cached("SELECT value FROM story_facets WHERE story = ?1 AND kind = ?2 ORDER BY value")?
        .query_map(params![story, kind], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let sql = match kind {
        "outlet" => "UPDATE stories SET outlets = ?1 WHERE id = ?2",
        "narrative" => "UPDATE stories SET narratives = ?1 WHERE id = ?2",
        _ => "UPDATE stories SET techniques = ?1 WHERE id = ?2",
    };
    tx.prepare_cached(sql)?.execute(params![serde_json::to_string(&values)?, story])?;
    Ok(())
}

/// A story's label: the four entities named by most of its articles (ties: alphabetical).
fn refresh_label(tx: &rusqlite::Transaction, story: i64) -> Result<()> {
    let names: Vec<String> = tx
        .prepare_cached("SELECT name FROM story_entities WHERE story = ?1 ORDER BY n DESC, name LIMIT 4")?
        .query_map(params![story], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.prepare_cached("UPDATE stories SET label = ?1 WHERE id = ?2")?.execute(params![names.join(", "), story])?;
    Ok(())
}

/// Moves story `from` into story `into`: its articles, counts, dates, facets and entities.
fn merge_story(tx: &rusqlite::Transaction, into: i64, from: i64) -> Result<()> {
    tx.prepare_cached("UPDATE articles SET story = ?1 WHERE story = ?2")?.execute(params![into, from])?;
    tx.prepare_cached(
        "UPDATE stories SET n_articles = stories.n_articles + m.n_articles, report = NULL,
           first_published = CASE WHEN m.first_published IS NOT NULL
                                   AND (stories.first_published IS NULL OR m.first_published < stories.first_published)
                                  THEN m.first_published ELSE stories.first_published END,
           last_published = CASE WHEN m.last_published IS NOT NULL
                                  AND (stories.last_published IS NULL OR m.last_published > stories.last_published)
                                 THEN m.last_published ELSE stories.last_published END
         FROM (SELECT n_articles, first_published, last_published FROM stories WHERE id = ?2) AS m
         WHERE stories.id = ?1",
    )?
    .execute(params![into, from])?;
    tx.prepare_cached(
        "INSERT INTO story_facets(story, kind, value, n) SELECT ?1, kind, value, n FROM story_facets WHERE story = ?2
         ON CONFLICT(story, kind, value) DO UPDATE SET n = n + excluded.n",
    )?
    .execute(params![into, from])?;
    tx.prepare_cached(
        "INSERT INTO story_entities(story, name, n) SELECT ?1, name, n FROM story_entities WHERE story = ?2
         ON CONFLICT(story, name) DO UPDATE SET n = n + excluded.n",
    )?
    .execute(params![into, from])?;
    for sql in [
        "DELETE FROM story_facets WHERE story = ?1",
        "DELETE FROM story_entities WHERE story = ?1",
        "DELETE FROM stories WHERE id = ?1",
        "DELETE FROM claims WHERE story = ?1",
    ] {
        tx.prepare_cached(sql)?.execute(params![from])?;
    }
    tx.prepare_cached("DELETE FROM claims WHERE story = ?1")?.execute(params![into])?;
    for kind in FACETS {
        refresh_facet_list(tx, into, kind)?;
    }
    refresh_label(tx, into)
}

/// The story list's query up to its order: `SELECT columns FROM stories WHERE <the filters of f>`,
/// with its arguments; refused if the filter cannot be applied ([`StoryFilter::problem`]).
fn story_query(f: &StoryFilter, columns: &str) -> Result<(String, Vec<rusqlite::types::Value>)> {
    if let Some(problem) = f.problem() {
        return Err(Error::Invalid(problem));
    }
    let mut sql = format!("SELECT {columns} FROM stories WHERE 1=1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    let given = |o: &Option<String>| o.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    if let Some(o) = given(&f.outlet) {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM story_facets f WHERE f.story = stories.id AND f.kind = 'outlet'
               AND instr(lower(f.value), ?) > 0)",
        );
        args.push(o.to_lowercase().into());
    }
    for (kind, v) in [("narrative", given(&f.narrative)), ("technique", given(&f.technique))] {
        if let Some(v) = v {
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM story_facets f WHERE f.kind = '{kind}' AND f.value = ? AND f.story = stories.id)"
            ));
            args.push(v.into());
        }
    }
    if let Some(l) = given(&f.label) {
        sql.push_str(" AND instr(lower(label), ?) > 0");
        args.push(l.to_lowercase().into());
    }
    if let Some(d) = given(&f.from) {
        sql.push_str(" AND last_published >= ?");
        args.push(d.into());
    }
    if let Some(d) = given(&f.to) {
        sql.push_str(" AND first_published <= ?");
        args.push(format!("{d}\u{10ffff}").into());
    }
    if let Some(n) = f.min_articles {
        sql.push_str(" AND n_articles >= ?");
        args.push(n.into());
    }
    Ok((sql, args))
}

/// Turns user words into an FTS5 query: each word quoted (no operators, no syntax errors), all required.
fn fts_query(q: &str) -> String {
    q.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .take(32)
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
