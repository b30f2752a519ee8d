//! `corroborate cluster FILE...`: story id per article, JSON Lines.
//!
//! A `.jsonl` file holds one article per line (`text` or `body`, with `title` put in front if
//! present; optional `id`, and `date` or `published` as `YYYY-MM-DD...`); any other file is one
//! article. `-` reads JSON Lines from standard input. Stories may merge as articles arrive, so the
//! lines are printed once all are read, each with its story as it stands at the end.
use corroborate_cluster::{parse_day, Clusterer, Day};
use corroborate_embed::{Embedder, StaticEmbeddings};
use std::io::{BufRead, Write};
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
    /// Least score for joining a story (default: the library's).
    #[arg(long)]
    pub threshold: Option<f32>,
    /// Weights of the term and embedding similarities, `TERMS,EMBED` (default: the library's).
    #[arg(long, value_delimiter = ',', num_args = 2)]
    pub weights: Option<Vec<f32>>,
    /// Distinct terms below which an article leans fully on the embedding (default: the
    /// library's).
    #[arg(long)]
    pub short_terms: Option<f32>,
    /// Threshold for headline-length articles (default: the library's).
    #[arg(long)]
    pub short_threshold: Option<f32>,
    /// Score at which two stories of headline-length articles merge (default: the library's).
    #[arg(long)]
    pub short_merge: Option<f32>,
    /// Score at which two stories of long articles merge (default: never).
    #[arg(long)]
    pub merge: Option<f32>,
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
    if let Some(w) = &opts.weights {
        builder = builder.weights(w[0], w.get(1).copied().unwrap_or(0.0));
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
    /// Input files (`.jsonl`: one article per line; otherwise one article per file; `-`: JSON
    /// Lines on standard input).
    #[arg(required = true)]
    pub files: Vec<String>,
    #[command(flatten)]
    pub options: ClusterOptions,
}

struct Input {
    source: String,
    id: Option<String>,
    text: String,
    day: Option<Day>,
}

fn from_json(source: String, line: &str) -> Result<Input, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let get = |k: &str| v.get(k).and_then(|x| x.as_str());
    let body = get("text").or_else(|| get("body")).ok_or("no \"text\" or \"body\" field")?;
    let text = match get("title") {
        Some(t) => format!("{t}\n\n{body}"),
        None => body.to_string(),
    };
    let day = match get("date").or_else(|| get("published")) {
        Some(d) => Some(parse_day(d).map_err(|e| e.to_string())?),
        None => None,
    };
    let id = v.get("id").map(|x| match x.as_str() {
        Some(s) => s.to_string(),
        None => x.to_string(),
    });
    Ok(Input { source, id, text, day })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut clusterer = clusterer(&args.options)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    // Stories can merge as articles arrive, so every article's story is printed at the end, as
    // it stands after the last article.
    let mut rows: Vec<(Input, corroborate_cluster::Assignment)> = Vec::new();
    let mut emit = |input: Input, _out: &mut dyn Write| -> anyhow::Result<()> {
        let a = clusterer.assign(&input.text, input.day);
        rows.push((Input { text: String::new(), ..input }, a));
        Ok(())
    };
    for file in &args.files {
        let lines: Box<dyn Iterator<Item = std::io::Result<String>>> = if file == "-" {
            Box::new(std::io::stdin().lock().lines())
        } else if file.ends_with(".jsonl") || file.ends_with(".ndjson") {
            match std::fs::File::open(file) {
                Ok(f) => Box::new(std::io::BufReader::new(f).lines()),
                Err(e) => {
                    eprintln!("corroborate: {file}: {e}");
                    failed = true;
                    continue;
                }
            }
        } else {
            match std::fs::read(file) {
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    emit(Input { source: file.clone(), id: None, text, day: None }, &mut out)?;
                }
                Err(e) => {
                    eprintln!("corroborate: {file}: {e}");
                    failed = true;
                }
            }
            continue;
        };
        for (n, line) in lines.enumerate() {
            let source = format!("{file}:{}", n + 1);
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("corroborate: {source}: {e}");
                    failed = true;
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            match from_json(source.clone(), &line) {
                Ok(input) => emit(input, &mut out)?,
                Err(e) => {
                    eprintln!("corroborate: {source}: {e}");
                    failed = true;
                }
            }
        }
    }
    clusterer.consolidate();
    for (input, a) in rows {
        let line = serde_json::json!({
            "source": input.source,
            "id": input.id,
            "story": clusterer.resolve(a.story).0,
            "score": (a.score * 1000.0).round() / 1000.0,
            "new_story": a.new_story,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
