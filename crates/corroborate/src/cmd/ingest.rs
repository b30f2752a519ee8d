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
    pub files: Vec<String>,
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

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use anyhow::Context;
    let mut store =
        corroborate_store::Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    let mut failed = false;
    let mut seen = 0usize;
    let (mut added, mut skipped) = (0usize, 0usize);
    let started = std::time::Instant::now();
    inputs::for_each_batch_with(&args.files, args.batch.max(1), &args.read, |batch| {
        seen += batch.len();
        failed |= inputs::report_failures(batch.iter());
        let mut todo = Vec::with_capacity(batch.len());
        let mut hashes = Vec::with_capacity(batch.len());
        let mut known = 0;
        for a in batch {
            let h = corroborate_store::content_hash(&a);
            if !a.failed() && store.contains(&a.id, &h)? {
                known += 1;
                continue;
            }
            hashes.push(h);
            todo.push(a);
        }
        let analyzed = corroborate_engine::analyze_all(todo);
        let stats = store.add_batch(hashes.into_iter().zip(analyzed).collect())?;
        added += stats.added;
        skipped += stats.skipped + known;
        if !args.quiet {
            // printed only after the commit: every input up to `seen` is durable
            println!(
                "committed {seen} inputs: {} new, {} already stored, {} new stories, {} merged; {} articles in the corpus",
                stats.added,
                stats.skipped + known,
                stats.new_stories,
                stats.merged_stories,
                store.len()?
            );
        }
        Ok(())
    })?;
    eprintln!(
        "corroborate: ingest: {seen} inputs, {added} added, {skipped} already stored, in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
