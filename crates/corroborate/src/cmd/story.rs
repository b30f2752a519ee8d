//! `corroborate story ID --db PATH`: the compare report of one stored story's articles.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Story id (from `corroborate stories`).
    pub id: i64,
    #[arg(long)]
    pub db: std::path::PathBuf,
    #[arg(long, default_value = "text", value_parser = ["text", "json", "markdown", "html"])]
    pub format: String,
    #[arg(short, long)]
    pub output: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub ratings: super::source::RatingsArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::inputs::refuse_overwrite(super::inputs::output_path(&args.output), &[], Some(&args.db), false)?;
    let store = super::stories::open(&args.db)?;
    let Some(detail) = store.story(args.id)? else {
        anyhow::bail!("no story {} in {}", args.id, args.db.display());
    };
    let c = &detail.comparison;
    if (c.articles.len() as i64) < detail.summary.articles {
        eprintln!(
            "corroborate: story {} has {} articles; this report covers the first {} to arrive (at most {} are compared)",
            args.id,
            detail.summary.articles,
            c.articles.len(),
            corroborate_store::STORY_ARTICLE_CAP
        );
    }
    let kb = args.ratings.knowledge()?;
    let notes: Vec<String> =
        corroborate_sources::signals::comparison_profiles(&kb, c).iter().map(|p| p.brief()).collect();
    let rendered = match args.format.as_str() {
        "json" => serde_json::to_string_pretty(&corroborate_store::story_json(&detail, &kb))? + "\n",
        "markdown" => corroborate_report::markdown::render_with_notes(c, &notes),
        "html" => corroborate_report::html::render_with_notes(c, &notes),
        _ => corroborate_report::text::render_with_notes(c, false, &notes),
    };
    super::inputs::write_output(super::inputs::output_path(&args.output), &rendered)?;
    Ok(ExitCode::SUCCESS)
}
