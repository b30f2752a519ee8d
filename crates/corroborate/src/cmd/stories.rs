//! `corroborate stories --db PATH`: the stories of the corpus, largest first, with filters.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub db: std::path::PathBuf,
    /// Only stories covered by an outlet whose name contains this.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only stories whose label (main entities) contains this.
    #[arg(long)]
    pub label: Option<String>,
    /// Only stories with an article containing this known narrative (its catalogue id).
    #[arg(long)]
    pub narrative: Option<String>,
    /// Only stories with an article using this persuasion technique (e.g. Loaded_Language).
    #[arg(long)]
    pub technique: Option<String>,
    /// Only stories with an article published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only stories with an article published on or before this date.
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub min_articles: Option<i64>,
    /// At most this many stories (at most 10000); stderr says how many match in all.
    #[arg(long, default_value_t = 50)]
    pub limit: i64,
    /// Skip this many stories of the list first (the next page: --offset 50).
    #[arg(long, default_value_t = 0)]
    pub offset: i64,
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

/// Opens an existing corpus (a missing file is an error, not a new empty corpus; so is a file that
/// is not a corpus, left as it is).
pub fn open(db: &std::path::Path) -> anyhow::Result<corroborate_store::Store> {
    use anyhow::Context;
    anyhow::ensure!(
        db.is_file(),
        "no corpus at {}: create one with `corroborate ingest FILE... --db {}`",
        db.display(),
        db.display()
    );
    corroborate_store::Store::open_corpus(db).with_context(|| format!("cannot open {}", db.display()))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    // a date written another way is read as the articles' dates are ("March 1, 2031", "2031-3-1")
    let as_iso = |d: Option<String>| {
        d.map(|d| match corroborate_ingest::dates::read(&d) {
            corroborate_ingest::dates::Reading::Date(iso) => iso,
            _ => d,
        })
    };
    let filter = corroborate_store::StoryFilter {
        outlet: args.outlet,
        from: as_iso(args.from),
        to: as_iso(args.to),
        label: args.label,
        narrative: args.narrative,
        technique: args.technique,
        min_articles: args.min_articles,
        limit: Some(args.limit),
        offset: Some(args.offset),
    };
    // a command run once can afford the whole count (the server counts a little past its page)
    let page = store.stories_page_exact(&filter)?;
    let stories = page.stories;
    let mut out = String::new();
    for s in &stories {
        if args.format == "json" {
            out.push_str(&serde_json::to_string(s)?);
        } else {
            let dates = match (&s.first_published, &s.last_published) {
                (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                (Some(a), _) => a.clone(),
                _ => String::new(),
            };
            out.push_str(&story_line(s.id, s.articles, &s.label, &s.outlets, &dates));
        }
        out.push('\n');
    }
    super::inputs::write_output(None, &out)?;
    if let Some(note) = page_note(page.total, page.offset, stories.len()) {
        eprintln!("corroborate: stories: {note}");
    }
    Ok(ExitCode::SUCCESS)
}

/// A story's line: id, "1 article" or "N articles", label, outlets (none known: no `[]`), dates.
fn story_line(id: i64, articles: i64, label: &str, outlets: &[String], dates: &str) -> String {
    let noun = if articles == 1 { "article " } else { "articles" };
    let outlets = if outlets.is_empty() {
        String::new()
    } else {
        format!("[{}]", corroborate_report::clip(&outlets.join(", "), 80))
    };
    let rest: Vec<&str> = [label, outlets.as_str(), dates].into_iter().filter(|p| !p.is_empty()).collect();
    format!("{id:>6}  {articles:>4} {noun}  {}", rest.join("  "))
}

/// What a list that is not the whole of it says on stderr: how many of how many, and how to see more.
fn page_note(total: i64, offset: i64, shown: usize) -> Option<String> {
    let shown = shown as i64;
    if offset == 0 && shown >= total {
        return None;
    }
    let which = if shown == 0 {
        format!("none of {total} stories shown")
    } else if offset == 0 {
        format!("{shown} of {total} stories shown")
    } else {
        format!("stories {}–{} of {total} shown", offset + 1, offset + shown)
    };
    Some(format!("{which}; --limit N (and --offset N) for more"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_article_is_singular_and_no_outlets_print_no_brackets() {
        assert_eq!(super::story_line(3, 1, "Dam", &[], "2031-03-01"), "     3     1 article   Dam  2031-03-01");
        let herald = ["Herald".to_string()];
        assert_eq!(super::story_line(4, 2, "Dam", &herald, ""), "     4     2 articles  Dam  [Herald]");
    }
}
