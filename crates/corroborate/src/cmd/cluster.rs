//! `corroborate cluster FILE...`: story id per article, JSON Lines.
//!
//! Inputs are read as `analyze` reads them (files, directories, JSON Lines, web pages, WARC, feeds,
//! URLs, gzip, `-`): each article is clustered on its title and text (a page's extracted body, not
//! its markup) and its publication day. Nothing else is analysed, so this is the fast way to group
//! a large crawl. Stories may merge as articles arrive, so the lines are printed once all are read,
//! each with its story as it stands at the end.
use corroborate_cluster::{parse_day, Clusterer};
use corroborate_embed::{Embedder, StaticEmbeddings};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

/// How sentences become vectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EmbedderKind {
    /// The committed static table distilled from all-MiniLM-L6-v2 (default).
    Static,
    /// The full transformer (needs `--features transformer` and `--model DIR`).
    Transformer,
    /// No embeddings: terms and names only.
    None,
}

/// Options shared by `cluster` and `eval clustering`.
#[derive(clap::Args, Clone, Debug)]
pub struct ClusterOptions {
    /// Sentence embedder.
    #[arg(long, value_enum, default_value_t = EmbedderKind::Static)]
    pub embedder: EmbedderKind,
    /// Model directory for `--embedder transformer`.
    #[arg(long)]
    pub model: Option<std::path::PathBuf>,
    /// Least score for joining a story, 0 to 1 (default: the library's).
    #[arg(long, value_parser = score)]
    pub threshold: Option<f32>,
    /// Weights of the term and embedding similarities, two numbers of 0 or more, not both 0,
    /// separated by a comma: `--weights 0.6,0.4` (default: the library's).
    #[arg(long, value_parser = weights, value_name = "TERMS,EMBED")]
    pub weights: Option<Weights>,
    /// Distinct terms below which an article leans fully on the embedding, 0 or more (default:
    /// the library's).
    #[arg(long, value_parser = non_negative)]
    pub short_terms: Option<f32>,
    /// Threshold for headline-length articles, 0 to 1 (default: the library's).
    #[arg(long, value_parser = score)]
    pub short_threshold: Option<f32>,
    /// Score at which two stories of headline-length articles merge, 0 to 1 (default: the
    /// library's).
    #[arg(long, value_parser = score)]
    pub short_merge: Option<f32>,
    /// Score at which two stories of long articles merge, 0 to 1 (default: never).
    #[arg(long, value_parser = score)]
    pub merge: Option<f32>,
}

/// The weights of `--weights TERMS,EMBED`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    pub terms: f32,
    pub embed: f32,
}

fn number(s: &str) -> Result<f32, String> {
    match s.trim().parse::<f32>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("`{s}` is not a number")),
    }
}

/// A score: the clusterer's scores are weighted means of cosines, from 0 to 1 (NaN or 5 put every
/// article in a story of its own, silently).
fn score(s: &str) -> Result<f32, String> {
    let v = number(s)?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0 to 1, the range of the clusterer's scores"))
    }
}

fn non_negative(s: &str) -> Result<f32, String> {
    let v = number(s)?;
    if v >= 0.0 {
        Ok(v)
    } else {
        Err(format!("{v} is negative"))
    }
}

/// `TERMS,EMBED`: two weights of 0 or more, not both 0 (the score divides by their sum).
fn weights(s: &str) -> Result<Weights, String> {
    let Some((terms, embed)) = s.split_once(',') else {
        return Err("two weights separated by a comma are needed, TERMS,EMBED (such as 0.6,0.4)".into());
    };
    let (terms, embed) = (non_negative(terms)?, non_negative(embed)?);
    if terms == 0.0 && embed == 0.0 {
        return Err("the weights cannot both be 0".into());
    }
    Ok(Weights { terms, embed })
}

/// The embedder the options ask for.
pub fn embedder(opts: &ClusterOptions) -> anyhow::Result<Option<Arc<dyn Embedder + Send + Sync>>> {
    Ok(match opts.embedder {
        EmbedderKind::None => None,
        EmbedderKind::Static => Some(Arc::new(StaticEmbeddings::bundled()?)),
        EmbedderKind::Transformer => Some(transformer(opts)?),
    })
}

#[cfg(feature = "transformer")]
fn transformer(opts: &ClusterOptions) -> anyhow::Result<Arc<dyn Embedder + Send + Sync>> {
    let dir = opts.model.as_ref().ok_or_else(|| anyhow::anyhow!("--embedder transformer needs --model DIR"))?;
    Ok(Arc::new(corroborate_embed::transformer::MiniLm::load(dir)?))
}

#[cfg(not(feature = "transformer"))]
fn transformer(_opts: &ClusterOptions) -> anyhow::Result<Arc<dyn Embedder + Send + Sync>> {
    anyhow::bail!("built without the transformer; rebuild with --features transformer")
}

/// A clusterer with the options' embedder and threshold.
pub fn clusterer(opts: &ClusterOptions) -> anyhow::Result<Clusterer> {
    let mut builder = Clusterer::builder();
    if let Some(t) = opts.threshold {
        builder = builder.threshold(t);
    }
    if let Some(w) = opts.weights {
        if w.terms == 0.0 && opts.embedder == EmbedderKind::None {
            anyhow::bail!(
                "--weights {},{} with --embedder none weighs nothing: the terms' weight must be above 0",
                w.terms,
                w.embed
            );
        }
        builder = builder.weights(w.terms, w.embed);
    }
    if let Some(n) = opts.short_terms {
        builder = builder.short_terms(n);
    }
    if opts.short_threshold.is_some() || opts.short_merge.is_some() {
        let defaults = Clusterer::builder();
        builder = builder
            .short(opts.short_threshold.or(defaults.short_threshold()), opts.short_merge.or(defaults.short_merge()));
    }
    if opts.merge.is_some() {
        builder = builder.merge(opts.merge);
    }
    Ok(builder.build(embedder(opts)?))
}

#[derive(clap::Args)]
pub struct Args {
    /// Articles: files, directories, URLs, JSON Lines, WARC, feeds (as for `analyze`); `-` for stdin.
    #[arg(required = true)]
    pub files: Vec<std::ffi::OsString>,
    #[command(flatten)]
    pub options: ClusterOptions,
    #[command(flatten)]
    pub read: super::inputs::ReadArgs,
}

/// What is kept of an article until its story is known (stories can merge until the last one).
struct Row {
    id: String,
    day: Option<String>,
    /// None for an input that was not read (or holds no text): its line says why instead.
    assignment: Option<corroborate_cluster::Assignment>,
    diagnostics: Vec<corroborate_model::Diagnostic>,
}

/// The text an article is clustered on: its title in front of its text, unless the text opens
/// with it (a text file's first line is its title).
fn clustered_text(a: &corroborate_model::Article) -> std::borrow::Cow<'_, str> {
    match a.meta.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) if !a.text.trim_start().starts_with(t) => format!("{t}\n\n{}", a.text).into(),
        _ => a.text.as_str().into(),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut clusterer = clusterer(&args.options)?;
    let mut failed = false;
    // Stories can merge as articles arrive, so every article's story is printed at the end, as
    // it stands after the last article.
    let mut rows: Vec<Row> = Vec::new();
    super::inputs::for_each_batch_with(&args.files, 256, &args.read, |batch| {
        failed |= super::inputs::report_failures(batch.iter());
        for a in batch.iter() {
            // one line per input, in order: one that was not read says so rather than go missing
            if a.failed() || a.text.trim().is_empty() {
                let mut diagnostics = a.diagnostics.clone();
                if diagnostics.is_empty() {
                    diagnostics.push(corroborate_model::Diagnostic::error("no text to cluster".to_string()));
                }
                rows.push(Row { id: a.id.clone(), day: None, assignment: None, diagnostics });
                continue;
            }
            let day = match a.meta.published.as_deref().map(|d| (d, parse_day(d))) {
                Some((d, Ok(day))) => Some((d.get(..10).unwrap_or(d).to_string(), day)),
                Some((d, Err(_))) => {
                    eprintln!(
                        "corroborate: warning: {}: date \"{d}\" is not YYYY-MM-DD; clustered without a date",
                        a.id
                    );
                    None
                }
                None => None,
            };
            let assignment = clusterer.assign(&clustered_text(a), day.as_ref().map(|x| x.1));
            rows.push(Row {
                id: a.id.clone(),
                day: day.map(|x| x.0),
                assignment: Some(assignment),
                diagnostics: Vec::new(),
            });
        }
        Ok(())
    })?;
    clusterer.consolidate();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for r in rows {
        let Some(assignment) = r.assignment else {
            writeln!(out, "{}", serde_json::json!({"id": r.id, "story": null, "diagnostics": r.diagnostics}))?;
            continue;
        };
        let line = serde_json::json!({
            "id": r.id,
            "published": r.day,
            "story": clusterer.resolve(assignment.story).0,
            "score": (f64::from(assignment.score) * 1000.0).round() / 1000.0,
            "new_story": assignment.new_story,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
