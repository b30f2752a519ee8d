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
//!   index of terms, never with all articles: it joins every story whose centroid cosine reaches
//!   [`corroborate_claims::STORY_LINK`] (merging them when it links several) or founds a new one. A
//!   story's id is the row id of its founding article, so ids do not depend on counters, and the
//!   in-memory index is rebuilt on open by replaying the stored vectors in arrival order: the same
//!   operations in the same order, so a resumed run reaches bit for bit the state of an uninterrupted
//!   one.
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
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

#[cfg(feature = "parquet")]
mod parquet_export;

/// Most articles of one story that its claims and report are computed over (the earliest ones).
pub const STORY_ARTICLE_CAP: usize = 300;

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
}

pub type Result<T> = std::result::Result<T, Error>;

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
    first_published TEXT,
    last_published TEXT,
    report TEXT
);
CREATE TABLE IF NOT EXISTS claims(
    story INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    summary TEXT NOT NULL,
    claim TEXT NOT NULL,
    PRIMARY KEY(story, idx)
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
";

/// SHA-256 (hex) of an article's text and metadata: with its id, the key that makes adding idempotent.
pub fn content_hash(a: &Article) -> String {
    let mut h = Sha256::new();
    h.update(a.text.as_bytes());
    h.update([0u8]);
    h.update(serde_json::to_string(&a.meta).unwrap_or_default().as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
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
    /// Only stories with at least this many articles.
    pub min_articles: Option<i64>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// A search hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub key: i64,
    pub id: String,
    pub title: Option<String>,
    pub story: Option<i64>,
    /// Matching words between `[` and `]`.
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

type Vector = BTreeMap<String, f64>;

/// The in-memory index for incremental story assignment, derived from the stored article vectors.
#[derive(Default)]
struct StoryIndex {
    n: u64,
    df: HashMap<String, u64>,
    sums: HashMap<i64, (Vector, f64)>,
    postings: HashMap<String, BTreeSet<i64>>,
}

impl StoryIndex {
    /// Turns raw features into the unit vector of a new article, counting it in the document frequencies.
    fn vectorize(&mut self, features: &[String]) -> Vector {
        let mut counts: BTreeMap<&str, f32> = BTreeMap::new();
        for f in features {
            *counts.entry(f.as_str()).or_default() += 1.0;
        }
        if counts.is_empty() {
            return Vector::new();
        }
        self.n += 1;
        for t in counts.keys() {
            *self.df.entry((*t).to_string()).or_default() += 1;
        }
        let n = self.n as f64;
        let mut v: Vector = counts
            .iter()
            .map(|(t, c)| {
                let idf = ((1.0 + n) / (1.0 + self.df[*t] as f64)).ln() + 1.0;
                ((*t).to_string(), corroborate_claims::term_weight(t, *c) as f64 * idf)
            })
            .collect();
        let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            v.values_mut().for_each(|x| *x /= norm);
        }
        v
    }

    /// Counts a stored vector in the document frequencies (on replay).
    fn count(&mut self, v: &Vector) {
        if v.is_empty() {
            return;
        }
        self.n += 1;
        for t in v.keys() {
            *self.df.entry(t.clone()).or_default() += 1;
        }
    }

    /// Stories whose centroid is similar enough to `v`, smallest id first.
    fn linked(&self, v: &Vector) -> Vec<i64> {
        let mut dot: BTreeMap<i64, f64> = BTreeMap::new();
        for (t, w) in v {
            if let Some(ss) = self.postings.get(t) {
                for s in ss {
                    let sum = &self.sums[s].0;
                    *dot.entry(*s).or_default() += w * sum.get(t).copied().unwrap_or(0.0);
                }
            }
        }
        dot.into_iter()
            .filter(|(s, d)| {
                let norm2 = self.sums[s].1;
                norm2 > 0.0 && d / norm2.sqrt() >= corroborate_claims::STORY_LINK as f64
            })
            .map(|(s, _)| s)
            .collect()
    }

    /// Places a vector: returns (story it ends in, stories merged into it).
    fn place(&mut self, key: i64, v: &Vector) -> (i64, Vec<i64>) {
        let linked = self.linked(v);
        let (target, merged) = match linked.split_first() {
            None => {
                self.sums.insert(key, (Vector::new(), 0.0));
                (key, Vec::new())
            }
            Some((t, rest)) => (*t, rest.to_vec()),
        };
        for m in &merged {
            if let Some((sum, _)) = self.sums.remove(m) {
                for t in sum.keys() {
                    if let Some(p) = self.postings.get_mut(t) {
                        p.remove(m);
                        p.insert(target);
                    }
                }
                let entry = self.sums.get_mut(&target).expect("target story exists");
                for (t, x) in sum {
                    *entry.0.entry(t).or_default() += x;
                }
                entry.1 = entry.0.values().map(|x| x * x).sum();
            }
        }
        let entry = self.sums.get_mut(&target).expect("target story exists");
        for (t, x) in v {
            *entry.0.entry(t.clone()).or_default() += x;
            self.postings.entry(t.clone()).or_default().insert(target);
        }
        entry.1 = entry.0.values().map(|x| x * x).sum();
        (target, merged)
    }
}

/// The corpus in one SQLite file.
pub struct Store {
    conn: Connection,
    index: Option<StoryIndex>,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, in WAL mode.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let conn = Connection::open(path)?;
        Self::setup(conn)
    }

    /// Opens the store read-only (for serving many readers beside one writer).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Store { conn, index: None })
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
        conn.execute_batch(SCHEMA)?;
        Ok(Store { conn, index: None })
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
        let mut index = StoryIndex::default();
        let mut st = self.conn.prepare("SELECT rowid, vec FROM articles ORDER BY rowid")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let key: i64 = r.get(0)?;
            let v: Vector = serde_json::from_str(&r.get::<_, String>(1)?)?;
            index.count(&v);
            if !v.is_empty() {
                index.place(key, &v);
            }
        }
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
        let mut stats = BatchStats::default();
        let index = self.index.as_mut().expect("index loaded");
        let tx = self.conn.transaction()?;
        for (hash, a) in batch {
            if a.article.failed() {
                continue;
            }
            let exists = tx
                .prepare_cached("SELECT 1 FROM articles WHERE id = ?1 AND hash = ?2")?
                .exists(params![a.article.id, hash])?;
            if exists {
                stats.skipped += 1;
                continue;
            }
            let features = corroborate_claims::story_features(&a);
            let v = index.vectorize(&features);
            let meta = &a.article.meta;
            let outlet = meta.outlet.clone().or_else(|| meta.domain.clone());
            tx.prepare_cached(
                "INSERT INTO articles(id, hash, title, outlet, published, text, meta, analysis, vec)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                a.article.id,
                hash,
                meta.title,
                outlet,
                meta.published,
                a.article.text,
                serde_json::to_string(&StoredParts::of(&a.article))?,
                serde_json::to_string(&a.analysis)?,
                serde_json::to_string(&v)?,
            ])?;
            let key = tx.last_insert_rowid();
            tx.prepare_cached("INSERT INTO articles_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?.execute(params![
                key,
                meta.title,
                a.article.text
            ])?;
            stats.added += 1;
            if v.is_empty() {
                continue;
            }
            let (story, merged) = index.place(key, &v);
            if story == key {
                stats.new_stories += 1;
                let label = corroborate_claims::story_label(std::slice::from_ref(&a), &[0]);
                tx.prepare_cached(
                    "INSERT INTO stories(id, label, n_articles, outlets, first_published, last_published)
                     VALUES (?1, ?2, 0, '[]', NULL, NULL)",
                )?
                .execute(params![story, label])?;
            }
            tx.prepare_cached("UPDATE articles SET story = ?1 WHERE rowid = ?2")?.execute(params![story, key])?;
            for m in &merged {
                stats.merged_stories += 1;
                tx.prepare_cached("UPDATE articles SET story = ?1 WHERE story = ?2")?.execute(params![story, m])?;
                tx.prepare_cached("DELETE FROM stories WHERE id = ?1")?.execute(params![m])?;
                tx.prepare_cached("DELETE FROM claims WHERE story = ?1")?.execute(params![m])?;
            }
            refresh_summary(&tx, story)?;
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
        let mut st = self.conn.prepare_cached(
            "SELECT a.rowid, a.id, a.title, a.story, snippet(articles_fts, 1, '[', ']', '…', 16), bm25(articles_fts)
             FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts) LIMIT ?2",
        )?;
        let hits = st
            .query_map(params![q, limit as i64], |r| {
                Ok(Hit {
                    key: r.get(0)?,
                    id: r.get(1)?,
                    title: r.get(2)?,
                    story: r.get(3)?,
                    snippet: r.get(4)?,
                    score: -r.get::<_, f64>(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(hits)
    }

    /// Stories, largest first, filtered.
    pub fn stories(&self, f: &StoryFilter) -> Result<Vec<StorySummary>> {
        let mut sql = String::from(
            "SELECT id, label, n_articles, outlets, first_published, last_published FROM stories WHERE 1=1",
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(o) = f.outlet.as_deref().filter(|s| !s.is_empty()) {
            sql.push_str(" AND lower(outlets) LIKE ?");
            args.push(format!("%{}%", o.to_lowercase()).into());
        }
        if let Some(l) = f.label.as_deref().filter(|s| !s.is_empty()) {
            sql.push_str(" AND lower(label) LIKE ?");
            args.push(format!("%{}%", l.to_lowercase()).into());
        }
        if let Some(d) = f.from.as_deref().filter(|s| !s.is_empty()) {
            sql.push_str(" AND last_published >= ?");
            args.push(d.to_string().into());
        }
        if let Some(d) = f.to.as_deref().filter(|s| !s.is_empty()) {
            sql.push_str(" AND first_published <= ?");
            args.push(format!("{d}\u{10ffff}").into());
        }
        if let Some(n) = f.min_articles {
            sql.push_str(" AND n_articles >= ?");
            args.push(n.into());
        }
        sql.push_str(" ORDER BY n_articles DESC, id LIMIT ? OFFSET ?");
        args.push(f.limit.unwrap_or(100).clamp(0, 10_000).into());
        args.push(f.offset.unwrap_or(0).max(0).into());
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), summary_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(r??);
        }
        Ok(out)
    }

    /// One story's summary, without computing its claims.
    pub fn story_summary(&self, id: i64) -> Result<Option<StorySummary>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, label, n_articles, outlets, first_published, last_published FROM stories WHERE id = ?1",
        )?;
        match st.query_row(params![id], summary_row).optional()? {
            Some(r) => Ok(Some(r?)),
            None => Ok(None),
        }
    }

    /// Cached report JSON (`corroborate-report` json form) of a story, if fresh.
    pub fn cached_report(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT report FROM stories WHERE id = ?1")?
            .query_row(params![id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }

    /// A story with its comparison: origins and claims over its (first [`STORY_ARTICLE_CAP`]) articles.
    pub fn story(&self, id: i64) -> Result<Option<StoryDetail>> {
        let Some(summary) = self.story_summary(id)? else { return Ok(None) };
        let mut st = self.conn.prepare_cached(
            "SELECT rowid, hash, story, id, text, meta, analysis FROM articles WHERE story = ?1 ORDER BY rowid LIMIT ?2",
        )?;
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
        let story = corroborate_claims::story(&articles, 0, group);
        let comparison = Comparison { story_of: vec![0; articles.len()], articles, stories: vec![story] };
        Ok(Some(StoryDetail { summary, keys, comparison }))
    }

    /// Computes (or takes from the cache) a story's report JSON, caching it and its claims.
    pub fn story_report(&mut self, id: i64) -> Result<Option<String>> {
        if let Some(r) = self.cached_report(id)? {
            return Ok(Some(r));
        }
        let Some(detail) = self.story(id)? else { return Ok(None) };
        let json = story_json(&detail);
        let text = serde_json::to_string(&json)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM claims WHERE story = ?1", params![id])?;
        for (i, c) in detail.comparison.stories[0].claims.iter().enumerate() {
            tx.execute(
                "INSERT INTO claims(story, idx, summary, claim) VALUES (?1, ?2, ?3, ?4)",
                params![id, i as i64, c.summary, serde_json::to_string(c)?],
            )?;
        }
        tx.execute(
            "UPDATE stories SET report = ?1, label = ?2 WHERE id = ?3",
            params![text, detail.comparison.stories[0].label, id],
        )?;
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
pub fn story_json(d: &StoryDetail) -> serde_json::Value {
    serde_json::json!({
        "story": d.summary,
        "article_keys": d.keys,
        "comparison": corroborate_report::json::comparison(&d.comparison),
    })
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
        let analysis = serde_json::from_str(&analysis)?;
        let article =
            Article { id, text, meta: parts.meta, meta_spans: parts.meta_spans, diagnostics: parts.diagnostics };
        Ok(StoredArticle { key, hash, story, article: AnalyzedArticle { article, analysis } })
    })())
}

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<Result<StorySummary>> {
    let outlets: String = r.get(3)?;
    let s = StorySummary {
        id: r.get(0)?,
        label: r.get(1)?,
        articles: r.get(2)?,
        outlets: Vec::new(),
        first_published: r.get(4)?,
        last_published: r.get(5)?,
    };
    Ok(serde_json::from_str(&outlets).map(|outlets| StorySummary { outlets, ..s }).map_err(Error::from))
}

/// Recomputes a story's counts, outlets and dates from its articles, and marks its report stale.
fn refresh_summary(tx: &rusqlite::Transaction, story: i64) -> Result<()> {
    let (n, first, last): (i64, Option<String>, Option<String>) = tx
        .prepare_cached("SELECT count(*), min(published), max(published) FROM articles WHERE story = ?1")?
        .query_row(params![story], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let outlets: Vec<String> = tx
        .prepare_cached("SELECT DISTINCT outlet FROM articles WHERE story = ?1 AND outlet IS NOT NULL ORDER BY outlet")?
        .query_map(params![story], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.prepare_cached(
        "UPDATE stories SET n_articles = ?1, outlets = ?2, first_published = ?3, last_published = ?4, report = NULL
         WHERE id = ?5",
    )?
    .execute(params![n, serde_json::to_string(&outlets)?, first, last, story])?;
    Ok(())
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
