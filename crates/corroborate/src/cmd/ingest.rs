//! `corroborate ingest FILE... --db PATH`: adds articles to the persistent corpus, in batches, each
//! committed in one transaction before it is acknowledged on standard output. Idempotent and
//! resumable: articles already stored (same id and content) are skipped before analysis.
//!
//! **Acknowledgement.** After each batch's transaction has committed (WAL fsynced), one line
//! `committed N inputs: ...` goes to standard output (line-buffered, so a reader sees it at once):
//! it acknowledges the first N inputs, counted across all files in the order given (failed inputs
//! included, and counted from the start again by a resumed run). Every valid input among them is in
//! the corpus exactly once, whatever happens to the process afterwards.
use super::inputs;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Articles: files, directories, URLs, JSON Lines, WARC, feeds (as for `analyze`); `-` for stdin.
    #[arg(required = true)]
    pub files: Vec<std::ffi::OsString>,
    /// The corpus file (SQLite); created if missing.
    #[arg(long)]
    pub db: std::path::PathBuf,
    /// Articles committed together in one transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Print nothing on standard output.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub read: inputs::ReadArgs,
}

/// One analysed batch on its way to the store thread.
struct Analysed {
    /// Inputs seen up to the end of this batch (what its commit acknowledges).
    seen: usize,
    /// Inputs of the batch already stored before it was analysed.
    known: usize,
    articles: Vec<(String, corroborate_model::AnalyzedArticle)>,
}

/// What a user should know about a corpus that other builds of corroborate analysed (their findings
/// stay as those builds made them), or `None`.
pub fn other_builds(store: &corroborate_store::Store, db: &std::path::Path) -> anyhow::Result<Option<String>> {
    if store.is_empty()? {
        return Ok(None);
    }
    let builds = store.builds()?;
    let others: Vec<&String> = builds.iter().filter(|b| *b != super::BUILD).collect();
    let by = match (others.is_empty(), builds.is_empty()) {
        (_, true) => "an earlier corroborate (one that did not record its build)".to_string(),
        (true, false) => return Ok(None),
        (false, false) => {
            format!(
                "other builds of corroborate ({})",
                others.iter().map(|b| b.as_str()).collect::<Vec<_>>().join(", ")
            )
        }
    };
    Ok(Some(format!(
        "{} holds analyses made by {by}; this is {}. `corroborate reanalyze --db {}` analyses every article again with this one",
        db.display(),
        super::BUILD,
        db.display()
    )))
}

/// Reads and analyses batches on this thread while a second one stores the batch before: the
/// store's part (story placement, SQLite) runs one article at a time, so without the overlap one
/// of two cores idled through it (100,000 articles: 184 s wall at 112 % CPU).
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use anyhow::Context;
    let mut store =
        corroborate_store::Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    // a second connection looks up what is stored already while the first one writes
    let probe = corroborate_store::Store::open_read_only(&args.db)
        .with_context(|| format!("cannot open {}", args.db.display()))?;
    if let Some(note) = other_builds(&store, &args.db)? {
        eprintln!("corroborate: note: {note}");
    }
    store.record_build(super::BUILD)?;
    let quiet = args.quiet;
    let started = std::time::Instant::now();
    let mut failed = false;
    let mut seen = 0usize;
    let (to_store, batches) = std::sync::mpsc::sync_channel::<Analysed>(1);
    let (read, written) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> anyhow::Result<(usize, usize)> {
            let (mut added, mut skipped) = (0usize, 0usize);
            for b in batches {
                let stats = store.add_batch(b.articles)?;
                added += stats.added;
                skipped += stats.skipped + b.known;
                if !quiet {
                    // printed only after the commit: every input up to `seen` is durable
                    inputs::say(format_args!(
                        "committed {} inputs: {} new, {} already stored, {} new stories, {} merged; {} articles in the corpus",
                        b.seen,
                        stats.added,
                        stats.skipped + b.known,
                        stats.new_stories,
                        stats.merged_stories,
                        store.len()?
                    ));
                }
            }
            Ok((added, skipped))
        });
        let read = inputs::for_each_batch_with(&args.files, args.batch.max(1), &args.read, |batch| {
            seen += batch.len();
            failed |= inputs::report_failures(batch.iter());
            let mut todo = Vec::with_capacity(batch.len());
            let mut hashes = Vec::with_capacity(batch.len());
            let mut known = 0;
            for mut a in batch {
                let h = corroborate_store::content_hash(&a);
                // a document read from standard input has no name of its own: it is named by its
                // content, so the same text piped in again is stored once and two texts are two
                // articles (all were the article "-")
                if a.id == "-" && !a.failed() {
                    a.id = format!("stdin:{}", &h[..16]);
                }
                if !a.failed() && probe.contains(&a.id, &h)? {
                    known += 1;
                    continue;
                }
                hashes.push(h);
                todo.push(a);
            }
            let analyzed = corroborate_engine::analyze_all(todo);
            let articles = hashes.into_iter().zip(analyzed).collect();
            // an error here means the store thread stopped; its own error says why
            to_store.send(Analysed { seen, known, articles }).map_err(|_| anyhow::anyhow!("the store stopped"))
        });
        drop(to_store);
        let written = writer.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the store thread panicked")));
        (read, written)
    });
    // the store's error first: when it stops, reading stops too, for that reason
    let (added, skipped) = written?;
    read?;
    eprintln!(
        "corroborate: ingest: {seen} inputs, {added} added, {skipped} already stored, in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
