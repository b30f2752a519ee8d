//! Reading the inputs named on the command line, in order, in bounded batches.
//!
//! A reader thread walks the inputs (files, directories, WARC archives, feeds, URLs, `-`) and sends
//! documents over a bounded channel; the caller's thread gathers them into batches, extracts the
//! web pages of a batch in parallel (rayon) and hands the batch on. Memory is bounded by the
//! channel and one batch, whatever the corpus size, in documents and in bytes: a batch ends at
//! [`BATCH_BYTES`] of text, and the reader waits while [`IN_FLIGHT_BYTES`] are read and not yet
//! worked through (an article's analysis and JSON take some twenty times its text, so 256
//! documents of 32 MB each would have needed a couple of hundred gigabytes). Order is input order.
use corroborate_ingest::{Doc, Note, ReadOptions};
use corroborate_model::Article;
use rayon::prelude::*;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How inputs are read: options shared by the commands that read articles.
#[derive(clap::Args, Clone, Debug)]
pub struct ReadArgs {
    /// For RSS/Atom feeds: fetch each item's linked page and analyse it instead of the feed's text.
    #[arg(long)]
    pub fetch_links: bool,
    /// Largest page fetched from a URL, in MB.
    #[arg(long, default_value_t = 10, value_name = "MB")]
    pub max_fetch_mb: u64,
    /// Connect and read timeout for URLs, in seconds.
    #[arg(long, default_value_t = 20, value_name = "SECONDS")]
    pub fetch_timeout: u64,
    /// Most redirects followed for a URL.
    #[arg(long, default_value_t = 5)]
    pub max_redirects: u32,
    /// Progress bar on stderr: auto (when stderr is a terminal), always, never.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub progress: String,
}

impl Default for ReadArgs {
    fn default() -> Self {
        ReadArgs { fetch_links: false, max_fetch_mb: 10, fetch_timeout: 20, max_redirects: 5, progress: "never".into() }
    }
}

impl ReadArgs {
    pub fn options(&self) -> ReadOptions {
        let mut o = ReadOptions { fetch_links: self.fetch_links, ..Default::default() };
        o.http.max_bytes = self.max_fetch_mb.saturating_mul(1024 * 1024);
        o.http.connect_timeout = std::time::Duration::from_secs(self.fetch_timeout.max(1));
        o.http.read_timeout = std::time::Duration::from_secs(self.fetch_timeout.max(1));
        o.http.total_timeout = std::time::Duration::from_secs(self.fetch_timeout.max(1) * 3);
        o.http.max_redirects = self.max_redirects;
        o
    }

    fn progress_wanted(&self) -> bool {
        match self.progress.as_str() {
            "always" => true,
            "never" => false,
            _ => std::io::stderr().is_terminal(),
        }
    }
}

/// A counter of input bytes read, and the total when known (all inputs are plain files).
struct Progress {
    bar: indicatif::ProgressBar,
    bytes: Arc<AtomicU64>,
    articles: u64,
}

impl Progress {
    fn new(paths: &[OsString], wanted: bool) -> Progress {
        let bytes = Arc::new(AtomicU64::new(0));
        if !wanted {
            return Progress { bar: indicatif::ProgressBar::hidden(), bytes, articles: 0 };
        }
        let total: Option<u64> =
            paths.iter().map(|p| std::fs::metadata(p).ok().filter(|m| m.is_file()).map(|m| m.len())).sum();
        let target = indicatif::ProgressDrawTarget::stderr_with_hz(4);
        let bar = match total {
            Some(t) => {
                let bar = indicatif::ProgressBar::with_draw_target(Some(t), target);
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta}) {msg}",
                    )
                    .expect("valid template"),
                );
                bar
            }
            None => {
                let bar = indicatif::ProgressBar::with_draw_target(None, target);
                bar.set_style(
                    indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
                        .expect("valid template"),
                );
                bar
            }
        };
        Progress { bar, bytes, articles: 0 }
    }

    fn advance(&mut self, articles: usize) {
        if self.bar.is_hidden() {
            return;
        }
        self.articles += articles as u64;
        let secs = self.bar.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_position(self.bytes.load(Ordering::Relaxed));
        self.bar.set_message(format!("{} articles, {:.0}/s", self.articles, self.articles as f64 / secs));
    }
}

/// The progress bar of the batches being read now, if one is drawn: [`say`] prints above it.
static BAR: std::sync::Mutex<Option<indicatif::ProgressBar>> = std::sync::Mutex::new(None);

/// Runs `f` (which writes to the terminal) with the progress bar, if one is drawn, taken off the
/// screen, from any thread. Keep `f` short and never let it wait on another thread: the bar's
/// lock is held while it runs (a batch's whole work inside it once deadlocked `ingest`, whose
/// store thread acknowledges batches through [`say`] while the reader waited to hand it the next).
pub fn suspended<R>(f: impl FnOnce() -> R) -> R {
    let bar = BAR.lock().map(|b| b.clone()).unwrap_or(None);
    match bar {
        Some(bar) => bar.suspend(f),
        None => f(),
    }
}

/// Prints a line on standard output without tearing the progress bar on stderr (both are often
/// the same terminal). A line that cannot be written (the reader of a pipe has gone) is dropped:
/// these lines report on work that goes on.
pub fn say(line: std::fmt::Arguments) {
    use std::io::Write;
    suspended(|| {
        let _ = writeln!(std::io::stdout().lock(), "{line}");
    });
}

/// A batch ends when its documents hold this many bytes, whatever their number. News articles
/// are kilobytes, so a batch of 256 of them never comes near it.
pub const BATCH_BYTES: u64 = 64 * 1024 * 1024;
/// The most bytes of documents read ahead and not yet worked through (the batch at work, the one
/// being gathered, the channel between); a document larger than that alone is still let through.
pub const IN_FLIGHT_BYTES: u64 = 2 * BATCH_BYTES;

fn doc_bytes(d: &Doc) -> u64 {
    match d {
        Doc::Article(a) => a.text.len() as u64,
        Doc::Html { bytes, .. } => bytes.len() as u64,
    }
}

/// The bytes read ahead of the batches: the reader waits for room before sending a document.
#[derive(Default)]
struct Budget {
    in_flight: std::sync::Mutex<u64>,
    room: std::sync::Condvar,
}

impl Budget {
    /// Waits until `n` more bytes fit (or nothing is in flight), then counts them.
    fn take(&self, n: u64) {
        let mut used = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + n > IN_FLIGHT_BYTES {
            used = self.room.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += n;
    }

    fn give_back(&self, n: u64) {
        let mut used = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        *used = used.saturating_sub(n);
        self.room.notify_all();
    }
}

/// Lets a waiting reader go when the batches stop early (its next send then fails and it ends).
struct Release(Arc<Budget>);

impl Drop for Release {
    fn drop(&mut self) {
        self.0.give_back(u64::MAX);
    }
}

/// Calls `batch` with groups of at most `size` articles, in input order (`-` reads standard
/// input; a second `-` is an input that failed: standard input is read once), with reading options
/// and a progress bar (see [`ReadArgs`]). Paths need not be UTF-8.
pub fn for_each_batch_with(
    paths: &[OsString],
    size: usize,
    read: &ReadArgs,
    mut batch: impl FnMut(Vec<Article>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let size = size.max(1);
    let mut progress = Progress::new(paths, read.progress_wanted());
    /// Forgets the bar when the batches end, however they end.
    struct Shown;
    impl Drop for Shown {
        fn drop(&mut self) {
            if let Ok(mut b) = BAR.lock() {
                *b = None;
            }
        }
    }
    let _shown = (!progress.bar.is_hidden()).then(|| {
        if let Ok(mut b) = BAR.lock() {
            *b = Some(progress.bar.clone());
        }
        Shown
    });
    let mut opts = read.options();
    opts.bytes_read = Some(progress.bytes.clone());
    let (tx, rx) = std::sync::mpsc::sync_channel::<Doc>(size * 2);
    let budget = Arc::new(Budget::default());
    let _release = Release(budget.clone());
    let reader_budget = budget.clone();
    let paths = paths.to_vec();
    let bar = progress.bar.clone();
    // Detached: if the consumer stops early (an error, a closed pipe) the process exits without
    // waiting for the reader to finish a large archive.
    let reader = std::thread::spawn(move || {
        let mut note = |n: Note| {
            bar.suspend(|| eprintln!("corroborate: {}: {}: {}", level_word(&n), n.input, n.diagnostic.message));
        };
        let mut stdin_read = false;
        for path in &paths {
            let mut gone = false;
            let mut sink = |d: Doc| {
                if gone {
                    return;
                }
                reader_budget.take(doc_bytes(&d));
                gone = tx.send(d).is_err();
            };
            if path == "-" && stdin_read {
                let why = "standard input was read already (by an earlier `-`): a second `-` reads nothing";
                sink(Doc::Article(corroborate_ingest::failed("-", why.to_string())));
            } else if path == "-" {
                stdin_read = true;
                corroborate_ingest::read_stream("-", std::io::stdin().lock(), &opts, &mut sink, &mut note);
            } else {
                corroborate_ingest::read_os_input(path, &opts, &mut sink, &mut note);
            }
            if gone {
                return;
            }
        }
    });
    let mut pending: Vec<Doc> = Vec::with_capacity(size);
    let mut pending_bytes = 0u64;
    let mut flush = |pending: &mut Vec<Doc>, pending_bytes: &mut u64, progress: &mut Progress| -> anyhow::Result<()> {
        let docs = std::mem::take(pending);
        let n = docs.len();
        let articles: Vec<Article> = docs.into_par_iter().map(Doc::into_article).collect();
        // the bar stays drawn while the batch is worked on; its output goes through `suspended`
        let r = batch(articles);
        budget.give_back(std::mem::take(pending_bytes));
        progress.advance(n);
        r
    };
    for doc in rx {
        pending_bytes += doc_bytes(&doc);
        pending.push(doc);
        if pending.len() >= size || pending_bytes >= BATCH_BYTES {
            flush(&mut pending, &mut pending_bytes, &mut progress)?;
        }
    }
    if !pending.is_empty() {
        flush(&mut pending, &mut pending_bytes, &mut progress)?;
    }
    let _ = reader.join();
    progress.bar.finish_and_clear();
    Ok(())
}

fn level_word(n: &Note) -> &'static str {
    match n.diagnostic.level {
        corroborate_model::Level::Error => "error",
        corroborate_model::Level::Warning => "warning",
        corroborate_model::Level::Info => "note",
    }
}

/// Reads every input (for commands that need them all at once).
pub fn read_all(paths: &[OsString]) -> Vec<Article> {
    read_all_with(paths, &ReadArgs::default())
}

/// Reads every input with reading options.
///
/// Ids are made unique ([`corroborate_ingest::make_ids_unique`]): a second input with the id of
/// an earlier one is renamed `ID#2` (`#3`, ...), with a warning.
pub fn read_all_with(paths: &[OsString], read: &ReadArgs) -> Vec<Article> {
    let mut all = Vec::new();
    let _ = for_each_batch_with(paths, 1024, read, |b| {
        all.extend(b);
        Ok(())
    });
    corroborate_ingest::make_ids_unique(&mut all);
    all
}

/// Prints each failed input's diagnostics to stderr; true if any input failed.
pub fn report_failures<'a>(articles: impl IntoIterator<Item = &'a Article>) -> bool {
    suspended(|| report(articles))
}

fn report<'a>(articles: impl IntoIterator<Item = &'a Article>) -> bool {
    let mut any = false;
    for a in articles {
        for d in &a.diagnostics {
            match d.level {
                corroborate_model::Level::Error => {
                    any = true;
                    eprintln!("corroborate: {}: {}", a.id, d.message);
                }
                corroborate_model::Level::Warning => eprintln!("corroborate: warning: {}: {}", a.id, d.message),
                corroborate_model::Level::Info => {}
            }
        }
    }
    any
}

/// The `-o` path of a command, `None` for standard output: no `-o`, or `-o -` (as `-` reads
/// standard input among the inputs).
pub fn output_path(output: &Option<std::path::PathBuf>) -> Option<&std::path::Path> {
    output.as_deref().filter(|p| *p != std::path::Path::new("-"))
}

/// Refuses an `-o` path that names what the command reads: an input file (`compare X Y -o X`
/// replaced the article with its report; `analyze X -o X` emptied X before reading it) or the corpus
/// and its write-ahead files (`export --db c.db -o c.db` left the corpus malformed), compared by file
/// identity whatever the spelling; also a file that exists where an input directory's walk reads
/// it (`compare news -o news/a.txt` replaced the article `news/a.txt`), and with `streamed` (the
/// output grows while the inputs are read) such a place even where no file is yet: the run would
/// read its own output back.
pub fn refuse_overwrite(
    output: Option<&std::path::Path>,
    inputs: &[std::ffi::OsString],
    db: Option<&std::path::Path>,
    streamed: bool,
) -> anyhow::Result<()> {
    use std::path::{Path, PathBuf};
    let Some(out) = output else { return Ok(()) };
    let mut read: Vec<(PathBuf, String)> = inputs
        .iter()
        .filter(|i| *i != "-" && !i.to_str().is_some_and(corroborate_ingest::http::is_url))
        .map(|i| (PathBuf::from(i), "an input".to_string()))
        .collect();
    if let Some(db) = db {
        read.push((db.to_path_buf(), "the corpus".into()));
        read.push((corroborate_store::lock_path(db), "the corpus's lock file".into()));
        for suffix in ["-wal", "-shm"] {
            let mut p = db.as_os_str().to_owned();
            p.push(suffix);
            read.push((PathBuf::from(p), "the corpus's write-ahead log".into()));
        }
    }
    for (p, what) in &read {
        if same_file::is_same_file(out, p).unwrap_or(false) {
            anyhow::bail!(
                "-o {} is {what} ({}): the report would overwrite what it reads; write it elsewhere",
                out.display(),
                p.display()
            );
        }
    }
    if streamed || out.exists() {
        let wanted =
            out.file_name().and_then(|n| n.to_str()).is_some_and(corroborate_ingest::InputKind::wanted_in_directory);
        let parent = out.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let (true, Ok(parent)) = (wanted, std::fs::canonicalize(parent)) {
            for (p, _) in read.iter().filter(|(p, _)| p.is_dir()) {
                if std::fs::canonicalize(p).is_ok_and(|d| parent.starts_with(d)) {
                    anyhow::bail!(
                        "-o {} lies in the input directory {}, whose walk would read it back as an input; write it elsewhere",
                        out.display(),
                        p.display()
                    );
                }
            }
        }
    }
    Ok(())
}

/// Whether a command's output was written whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Whole,
    /// Standard output is a pipe whose reader went away before the end (`| head -1`): the rest was
    /// dropped without an error, as a closed pipe asks, and the command must not say it wrote it all.
    ReaderGone,
}

/// Writes to `-o FILE` or standard output, `write` streaming the content into a buffered writer (a
/// large JSON report is never held whole in memory).
///
/// A report is one document, so a file is written beside its path and renamed over it only when
/// whole: a failure midway leaves no half report, and a report already at that path stays as it
/// was. Paths that are not regular files (`/dev/null`, a pipe) are written directly. A broken pipe
/// on standard output (an error of kind `BrokenPipe` from `write`, or at the last flush) is
/// [`Written::ReaderGone`], not an error.
pub fn write_output_with(
    output: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> anyhow::Result<Written> {
    use anyhow::Context;
    use std::io::Write;
    match output {
        Some(p) => {
            let cannot = || format!("cannot write {}", p.display());
            // a link is written through to its file, and stays a link
            let resolved = std::fs::canonicalize(p)
                .ok()
                .filter(|_| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()));
            let p = resolved.as_deref().unwrap_or(p);
            let existing = std::fs::metadata(p).ok();
            if existing.as_ref().is_some_and(|m| !m.is_file()) {
                let file = std::fs::OpenOptions::new().write(true).open(p).with_context(cannot)?;
                let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
                write(&mut out).and_then(|_| out.flush()).with_context(cannot)?;
                return Ok(Written::Whole);
            }
            let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let tmp = tempfile::Builder::new().prefix(".corroborate-").tempfile_in(dir).with_context(cannot)?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp);
            write(&mut out).and_then(|_| out.flush()).with_context(cannot)?;
            let tmp = out.into_inner().map_err(|e| e.into_error()).with_context(cannot)?;
            // the permissions a new file would have had, or those of the report it replaces
            let permissions = match existing {
                Some(m) => m.permissions(),
                None => new_file_permissions(tmp.as_file().metadata().with_context(cannot)?.permissions()),
            };
            tmp.as_file().set_permissions(permissions).with_context(cannot)?;
            tmp.persist(p).map_err(|e| e.error).with_context(cannot)?;
            Ok(Written::Whole)
        }
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match write(&mut out).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Written::ReaderGone),
                r => r.context("cannot write to standard output").map(|()| Written::Whole),
            }
        }
    }
}

/// Read and write for all, as `File::create` asks (the temporary file is private to its owner).
#[cfg(unix)]
fn new_file_permissions(mut p: std::fs::Permissions) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    p.set_mode(0o644);
    p
}

#[cfg(not(unix))]
fn new_file_permissions(p: std::fs::Permissions) -> std::fs::Permissions {
    p
}

/// Writes `content` to `-o FILE` or standard output.
pub fn write_output(output: Option<&std::path::Path>, content: &str) -> anyhow::Result<()> {
    write_output_with(output, |w| w.write_all(content.as_bytes())).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::write_output_with;

    #[test]
    fn batches_of_large_documents_are_bounded_in_bytes_not_only_in_number() {
        let dir = tempfile::tempdir().unwrap();
        let big = "The council met again on Monday and said nothing new. ".repeat(30 * 1024 * 1024 / 54);
        for i in 0..5 {
            std::fs::write(dir.path().join(format!("{i}.txt")), &big).unwrap();
        }
        let read = super::ReadArgs {
            fetch_links: false,
            max_fetch_mb: 10,
            fetch_timeout: 20,
            max_redirects: 5,
            progress: "never".into(),
        };
        let mut batches = Vec::new();
        super::for_each_batch_with(&[dir.path().as_os_str().to_owned()], 256, &read, |b| {
            batches.push(b.iter().map(|a| a.text.len() as u64).sum::<u64>());
            Ok(())
        })
        .unwrap();
        let one = big.len() as u64;
        assert_eq!(batches.iter().sum::<u64>(), 5 * one);
        assert!(batches.len() >= 2, "{batches:?}");
        assert!(batches.iter().all(|&b| b < super::BATCH_BYTES + one), "{batches:?}");
    }

    #[test]
    fn a_report_that_fails_midway_leaves_the_earlier_one_and_no_half_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "{\"earlier\": true}").unwrap();
        let err = write_output_with(Some(&path), |w| {
            w.write_all(b"{\"stories\": [")?;
            Err(std::io::Error::other("serialisation failed"))
        })
        .unwrap_err();
        assert!(format!("{err:#}").contains("serialisation failed"), "{err:#}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"earlier\": true}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary file was left");
        write_output_with(Some(&path), |w| w.write_all(b"{}")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_report_is_readable_by_all_and_a_link_is_written_through() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.json");
        write_output_with(Some(&path), |w| w.write_all(b"{}")).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        let link = dir.path().join("latest.json");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        write_output_with(Some(&link), |w| w.write_all(b"[]")).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[]");
    }
}
