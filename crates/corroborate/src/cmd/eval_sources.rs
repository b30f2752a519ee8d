//! `corroborate eval sources`: the outlet tables against their published sources.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct SourcesArgs {
    /// The shared evaluation data.
    #[arg(long, default_value = "../shared/eval")]
    pub data: std::path::PathBuf,
}

pub fn sources(args: SourcesArgs) -> anyhow::Result<ExitCode> {
    use corroborate_eval::sources as ev;
    let read = |rel: &str| {
        let p = args.data.join(rel);
        std::fs::read_to_string(&p).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))
    };
    let t = ev::check_table(&read("sources/data/domain_pc1.csv")?);
    println!(
        "ratings table: {} published, {} shipped, {} missing, max |pc1 difference| {:.6}",
        t.published, t.shipped, t.missing, t.max_abs_diff
    );
    let (best, median) = ev::load_time(50);
    println!("ratings table load (fresh parse, 50 runs): best {best:?}, median {median:?}");
    let kb = corroborate_sources::Knowledge::builtin();
    let counts = ev::outlet_counts(&read("narratives/data/posts.csv")?);
    let c = ev::coverage(&kb, &counts);
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "EUvsDisinfo outlets: {} distinct; identified {} ({:.1}%), rated {} ({:.1}%), on our state-media list {} ({:.1}%)",
        c.distinct_outlets,
        c.identified,
        pct(c.identified, c.distinct_outlets),
        c.rated,
        pct(c.rated, c.distinct_outlets),
        c.state_media,
        pct(c.state_media, c.distinct_outlets)
    );
    println!(
        "  weighted by cases ({} outlet mentions): identified {:.1}%, rated {:.1}%, state media {:.1}%",
        c.mentions,
        pct(c.mentions_identified, c.mentions),
        pct(c.mentions_rated, c.mentions),
        pct(c.mentions_state_media, c.mentions)
    );
    let seeds = args.data.join("../seeds");
    let mut files: Vec<_> =
        std::fs::read_dir(&seeds).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    for f in files {
        let bytes = std::fs::read(&f)?;
        let a = corroborate_engine::analyze(corroborate_ingest::article_from_bytes(&f.display().to_string(), &bytes));
        let s = corroborate_sources::signals::sourcing_signals(&kb, &a);
        println!("seed {}:", f.file_name().unwrap_or_default().to_string_lossy());
        for line in s.summary {
            println!("  {line}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
