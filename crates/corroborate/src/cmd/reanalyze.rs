//! `corroborate reanalyze --db PATH`: analyses every article of a corpus again with this version of
//! corroborate and groups them into stories again, for a corpus written by an older one (analyses
//! are stored, not made on demand, so a newer corroborate's findings reach an old corpus only so).
//!
//! Crash-safe and resumable: the new corpus is built beside the old one (`PATH.reanalysis`, by the
//! same batches as `ingest`, each committed before it is acknowledged), from the stored texts and
//! metadata in their order of arrival, nothing read from the original inputs; a run that stops
//! is continued by running the command again. Only when every article is in does the new file take
//! the old one's place, in one rename; the old file stays as `PATH.before-reanalysis`.
//!
//! Exclusive: the corpus's lock (`PATH.lock`) is held exclusively from before the corpus is read
//! until the new file is in its place, so the command is refused while any other corroborate
//! process has the corpus open (an `ingest` would go on writing into the replaced file, and what it
//! committed meanwhile would be missing from the new one), and they are refused while it runs.
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The corpus file (SQLite).
    #[arg(long)]
    pub db: PathBuf,
    /// Articles analysed and committed together.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Print nothing on standard output.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Analyses a batch again and adds it to the new corpus, acknowledging it once committed.
fn flush(
    batch: &mut Vec<(String, corroborate_model::Article)>,
    new: &mut corroborate_store::Store,
    done: &mut usize,
    total: i64,
    quiet: bool,
) -> anyhow::Result<()> {
    let n = batch.len();
    if n == 0 {
        return Ok(());
    }
    let (hashes, articles): (Vec<String>, Vec<corroborate_model::Article>) = batch.drain(..).unzip();
    let analyzed = corroborate_engine::analyze_all(articles);
    let stats = new.add_batch(hashes.into_iter().zip(analyzed).collect())?;
    *done += n;
    if !quiet {
        // printed only after the commit
        super::inputs::say(format_args!(
            "committed {done} of {total} articles: {} analysed again, {} new stories, {} merged",
            stats.added, stats.new_stories, stats.merged_stories
        ));
    }
    Ok(())
}

pub fn run(mut args: Args) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.db.is_file(), "{} is not a corpus file", args.db.display());
    // through a symbolic link, the file it names is analysed again and replaced (the link was
    // replaced by the new corpus, leaving the old one live under its own name, with another lock)
    args.db = std::fs::canonicalize(&args.db)?;
    let new_path = corroborate_store::beside(&args.db, ".reanalysis");
    let backup = corroborate_store::beside(&args.db, ".before-reanalysis");
    anyhow::ensure!(
        !backup.exists(),
        "{} exists (left by an earlier reanalysis): move it away first",
        backup.display()
    );
    // a file that is not a corpus, or holds another application's tables too (they would stay
    // behind in the old file only), is refused: first before a lock file is made beside it, then
    // under the lock, where nothing else writes
    corroborate_store::check_corpus(&args.db, true)?;
    let lock = corroborate_store::CorpusLock::exclusive(&args.db)?;
    corroborate_store::check_corpus(&args.db, true)?;
    let started = std::time::Instant::now();
    let open = |path: &std::path::Path| {
        corroborate_store::Store::open_exclusive(path, &lock).with_context(|| format!("cannot open {}", path.display()))
    };
    let old = open(&args.db)?;
    let mut new = open(&new_path)?;
    let total = old.len()?;
    // a stopped run is continued only by the build that began it: another's analyses would be mixed in
    let begun_by = new.builds()?;
    let fresh_file = new.is_empty()? && begun_by.is_empty();
    if !fresh_file && begun_by != [super::BUILD] {
        new.close()?;
        std::fs::remove_file(&new_path).with_context(|| format!("cannot remove {}", new_path.display()))?;
        if !args.quiet {
            super::inputs::say(format_args!(
                "starting again: {} was begun by {}, and this is {}",
                new_path.display(),
                if begun_by.is_empty() { "an earlier corroborate".to_string() } else { begun_by.join(", ") },
                super::BUILD
            ));
        }
        new = open(&new_path)?;
    }
    new.record_build(super::BUILD)?;
    let resumed = new.len()?;
    if resumed > 0 && !args.quiet {
        super::inputs::say(format_args!(
            "resuming: {resumed} of {total} articles are in {} already",
            new_path.display()
        ));
    }
    let size = args.batch.max(1);
    let mut batch: Vec<(String, corroborate_model::Article)> = Vec::with_capacity(size);
    let mut done = 0usize;
    // the stored inputs only: their old analyses are not read
    old.for_each_input(|hash, article| {
        if new.contains(&article.id, &hash)? {
            done += 1;
            return Ok(());
        }
        batch.push((hash, article));
        if batch.len() >= size {
            flush(&mut batch, &mut new, &mut done, total, args.quiet)
                .map_err(|e| corroborate_store::Error::Invalid(format!("{e:#}")))?;
        }
        Ok(())
    })?;
    flush(&mut batch, &mut new, &mut done, total, args.quiet)?;
    let (stored, stories) = (new.len()?, new.story_count()?);
    anyhow::ensure!(
        stored == total,
        "{} holds {stored} articles where {} holds {total}: left as they are",
        new_path.display(),
        args.db.display()
    );
    old.close()?;
    new.close()?;
    corroborate_store::replace_file(&args.db, &new_path, &backup, &lock)
        .with_context(|| format!("the new corpus is complete in {}, but", new_path.display()))?;
    eprintln!(
        "corroborate: reanalyze: {total} articles analysed again into {stories} stories in {:.1}s; the old corpus is {}",
        started.elapsed().as_secs_f64(),
        backup.display()
    );
    Ok(ExitCode::SUCCESS)
}
