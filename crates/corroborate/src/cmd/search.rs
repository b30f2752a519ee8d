//! `corroborate search QUERY --db PATH`: full-text search over the corpus.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Words to find (all of them); operators are taken as words.
    pub query: String,
    #[arg(long)]
    pub db: std::path::PathBuf,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = super::stories::open(&args.db)?;
    let hits = store.search(&args.query, args.limit)?;
    let mut out = String::new();
    if args.format == "json" {
        for h in &hits {
            out.push_str(&serde_json::to_string(h)?);
            out.push('\n');
        }
    } else {
        for h in &hits {
            let story = h.story.map(|s| format!("story {s}")).unwrap_or_default();
            out.push_str(&format!(
                "{:>6}  {}  {}  {}\n        {}\n",
                h.key,
                h.id,
                h.title.as_deref().unwrap_or(""),
                story,
                corroborate_report::clip(&h.snippet, 200)
            ));
        }
    }
    super::inputs::write_output(None, &out)?;
    // finding nothing is an answer, not a failure (exit 1 is for inputs that failed)
    if hits.is_empty() {
        eprintln!("corroborate: search: no article matches {:?}", args.query);
    }
    Ok(ExitCode::SUCCESS)
}
