//! `corroborate search QUERY --db PATH`: full-text search over the corpus.
use corroborate_store::{HIGHLIGHT_END, HIGHLIGHT_START};
use std::io::IsTerminal;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Words to find (all of them); operators are taken as words.
    pub query: String,
    #[arg(long)]
    pub db: std::path::PathBuf,
    /// Most hits shown (at least 1).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: u64,
    /// Text: each hit's excerpt with its matching words marked; JSON Lines: the API's hits, the
    /// matching words between U+E000 and U+E001.
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
    /// Matching words in bold: auto (on a terminal, unless NO_COLOR is set), always, never (then
    /// between ⟦ and ⟧).
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub color: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // (an empty query said "no article matches" with exit 0, as if the corpus had been searched)
    anyhow::ensure!(!args.query.trim().is_empty(), "the query is empty: give the words to search for");
    let store = super::stories::open(&args.db)?;
    let hits = store.search(&args.query, usize::try_from(args.limit).unwrap_or(usize::MAX))?;
    let mut out = String::new();
    if args.format == "json" {
        for h in &hits {
            out.push_str(&serde_json::to_string(h)?);
            out.push('\n');
        }
    } else {
        let bold = match args.color.as_str() {
            "always" => true,
            "never" => false,
            _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        for h in &hits {
            let story = h.story.map(|s| format!("story {s}")).unwrap_or_default();
            out.push_str(&format!(
                "{:>6}  {}  {}  {}\n        {}\n",
                h.key,
                h.id,
                h.title.as_deref().unwrap_or(""),
                story,
                marked(&corroborate_report::clip(&h.snippet, 200), bold)
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

/// A snippet for a terminal: the store's markers of the matching words (private-use characters,
/// which a terminal shows as nothing or as boxes) become bold, or ⟦ ⟧, which news text hardly
/// ever holds; a match the clipping cut is closed.
fn marked(snippet: &str, bold: bool) -> String {
    let (open, close) = if bold { ("\x1b[1m", "\x1b[22m") } else { ("⟦", "⟧") };
    let mut out = String::with_capacity(snippet.len() + 16);
    let mut inside = false;
    for c in snippet.chars() {
        match c {
            HIGHLIGHT_START if !inside => {
                out.push_str(open);
                inside = true;
            }
            HIGHLIGHT_END if inside => {
                out.push_str(close);
                inside = false;
            }
            HIGHLIGHT_START | HIGHLIGHT_END => {}
            c => out.push(c),
        }
    }
    if inside {
        out.push_str(close);
    }
    out
}
