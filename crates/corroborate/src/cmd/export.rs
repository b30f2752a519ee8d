//! `corroborate export --db PATH --format jsonl|parquet`: every stored article, in arrival order.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub db: std::path::PathBuf,
    /// jsonl: one JSON object per article; parquet: a Parquet file (needs the `parquet` feature).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "parquet"])]
    pub format: String,
    /// Output file; standard output for jsonl if omitted.
    #[arg(short, long)]
    pub output: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use super::inputs::Written;
    super::inputs::refuse_overwrite(super::inputs::output_path(&args.output), &[], Some(&args.db), false)?;
    let store = super::stories::open(&args.db)?;
    let (n, written) = match args.format.as_str() {
        "parquet" => (parquet(&store, super::inputs::output_path(&args.output))?, Written::Whole),
        _ => {
            // written beside the file and renamed over it when whole, as reports are
            let mut n = 0;
            let written = super::inputs::write_output_with(super::inputs::output_path(&args.output), |out| {
                n = store.export_jsonl(out).map_err(std::io::Error::other)?;
                Ok(())
            })?;
            (n, written)
        }
    };
    // Standard output closed early (`| head -1`) is no failure, but the articles were not all
    // exported either; how many the reader took is not known here (writes are buffered), so nothing
    // is said. (A pipe that breaks before the last buffer is an error that `main` ends quietly.)
    if written == Written::Whole {
        eprintln!("corroborate: export: {n} articles");
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "parquet")]
fn parquet(store: &corroborate_store::Store, output: Option<&std::path::Path>) -> anyhow::Result<usize> {
    use anyhow::Context;
    let p = output.context("--format parquet needs -o FILE")?;
    let f = std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?;
    Ok(store.export_parquet(f)?)
}

#[cfg(not(feature = "parquet"))]
fn parquet(_: &corroborate_store::Store, _: Option<&std::path::Path>) -> anyhow::Result<usize> {
    anyhow::bail!(
        "this build has no Parquet support: rebuild with `cargo build --release -p corroborate --features parquet`"
    )
}
