//! `corroborate narratives FILE...`: known disinformation narratives in each article, with the
//! evidence words and whether the article's own voice adopts the narrative or only reports it.
use super::inputs;
use corroborate_model::OffsetMap;
use corroborate_techniques::narratives::{Catalogue, Voice};
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Input files: plain text, or JSON Lines (.jsonl); `-` for stdin.
    #[arg(required = true)]
    pub files: Vec<std::ffi::OsString>,
    /// A narratives catalogue (TOML) to use instead of the built-in one.
    #[arg(long)]
    pub narratives: Option<std::path::PathBuf>,
    /// Output: readable text, or JSON Lines (one object per article).
    #[arg(long, default_value = "text", value_parser = ["text", "jsonl"])]
    pub format: String,
}

/// The catalogue of `--narratives FILE`, or the built-in one.
pub fn catalogue(path: Option<&std::path::Path>) -> anyhow::Result<Catalogue> {
    use anyhow::Context;
    Ok(match path {
        Some(p) => {
            let src = std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
            Catalogue::from_toml(&src).with_context(|| format!("in {}", p.display()))?
        }
        None => Catalogue::builtin()?,
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let catalogue = catalogue(args.narratives.as_deref())?;
    let articles = inputs::read_all(&args.files);
    let failed = inputs::report_failures(articles.iter());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for a in corroborate_engine::analyze_all(articles) {
        // an input that could not be read was not checked: no "narratives" for it, which would
        // read as checked and clean, but what went wrong
        if a.article.failed() {
            let problems: Vec<&str> = a
                .article
                .diagnostics
                .iter()
                .filter(|d| d.level == corroborate_model::Level::Error)
                .map(|d| d.message.as_str())
                .collect();
            if args.format == "jsonl" {
                writeln!(out, "{}", json!({"id": a.article.id, "diagnostics": a.article.diagnostics}))?;
            } else {
                writeln!(out, "{}\n  not read: {}", a.article.id, problems.join("; "))?;
            }
            continue;
        }
        let text = a.article.text.as_str();
        let attributed = corroborate_engine::attributed(a.analysis.attributions.iter().chain(&a.analysis.acts));
        let found = catalogue.match_narratives(text, &a.analysis.sentences);
        let map = OffsetMap::new(text);
        let span = |s: corroborate_model::Span| json!({"start": map.char_offset(s.start), "end": map.char_offset(s.end), "text": s.slice(text)});
        let rows: Vec<_> = found
            .iter()
            .map(|m| {
                let voice = Voice::decide(text, m, &attributed);
                let n = catalogue.get(&m.narrative);
                (m, voice, n)
            })
            .collect();
        if args.format == "jsonl" {
            let v = json!({
                "id": a.article.id,
                "narratives": rows.iter().map(|(m, voice, n)| json!({
                    "narrative": m.narrative,
                    "name": n.map(|n| n.name.clone()),
                    "voice": voice,
                    "score": m.score,
                    "span": span(m.span),
                    "evidence": m.evidence.iter().map(|e| span(*e)).collect::<Vec<_>>(),
                    "counter_evidence": n.map(|n| n.counter_evidence.clone()).unwrap_or_default(),
                })).collect::<Vec<_>>(),
            });
            writeln!(out, "{v}")?;
            continue;
        }
        writeln!(out, "{}", a.article.id)?;
        if rows.is_empty() {
            writeln!(out, "  no known narrative")?;
        }
        let mut seen = Vec::new();
        for (m, _, n) in &rows {
            if seen.contains(&m.narrative) {
                continue;
            }
            seen.push(m.narrative.clone());
            let adopts = rows.iter().any(|(o, v, _)| o.narrative == m.narrative && *v == Voice::Adopts);
            let name = n.map_or(m.narrative.as_str(), |n| n.name.as_str());
            writeln!(
                out,
                "  {name}: {}",
                if adopts { "ADOPTS it in its own voice" } else { "reports it (attributed)" }
            )?;
            for (o, v, _) in rows.iter().filter(|(o, _, _)| o.narrative == m.narrative) {
                let words: Vec<&str> = o.evidence.iter().map(|e| e.slice(text)).collect();
                let voice = if *v == Voice::Adopts { "own voice" } else { "attributed" };
                writeln!(out, "    [{voice}, {:.1}] {:?}  <- {}", o.score, o.span.slice(text), words.join(" | "))?;
            }
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
