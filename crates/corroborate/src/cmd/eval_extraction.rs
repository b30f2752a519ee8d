//! `corroborate eval extraction [DIR]`: runs `corroborate-html` on every page of the extraction set
//! (`DIR/html/<id>.html.gz`), scores it against `DIR/ground-truth.json` with the benchmark's shingle
//! metric and prints F1, precision, recall and pages/s; `--tools` adds the other extractors' outputs
//! in `DIR/output/*.json` (`{id: {articleBody}}`, or that wrapped as `{"version": ..., "output": ...}`),
//! scored the same way; a file with none of the set's pages is skipped with a note (exit 1), not
//! scored as a tool that extracts nothing.
use anyhow::Context;
use corroborate_eval::extraction::{score, PageScore, Scores};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// The extraction set.
    #[arg(default_value = "../shared/eval/extraction")]
    pub dir: PathBuf,
    /// Also score the other tools' outputs in DIR/output (a file with none of the pages is skipped, exit 1).
    #[arg(long)]
    pub tools: bool,
    /// Print the N worst pages (by F1) with their precision and recall.
    #[arg(long, default_value_t = 0)]
    pub worst: usize,
    /// Worker threads for the timed run (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Write our predictions as DIR-style JSON ({id: {articleBody}}) to this file.
    #[arg(long)]
    pub save: Option<PathBuf>,
}

fn gold(dir: &Path) -> anyhow::Result<BTreeMap<String, (String, Option<String>)>> {
    let path = dir.join("ground-truth.json");
    let raw = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let v: BTreeMap<String, Value> =
        serde_json::from_str(&raw).with_context(|| format!("parsing {}", path.display()))?;
    Ok(v.into_iter()
        .map(|(k, v)| {
            let body = v.get("articleBody").and_then(Value::as_str).unwrap_or("").to_string();
            let url = v.get("url").and_then(Value::as_str).map(str::to_string);
            (k, (body, url))
        })
        .collect())
}

fn print_scores(out: &mut String, name: &str, s: &Scores, extra: &str) {
    let _ = writeln!(out, "{name:<22} F1 {:.4}  precision {:.4}  recall {:.4}{extra}", s.f1, s.precision, s.recall);
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gold = gold(&args.dir)?;
    let mut out = String::new();
    let mut pages = Vec::with_capacity(gold.len());
    for id in gold.keys() {
        let path = args.dir.join("html").join(format!("{id}.html.gz"));
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?,
        )
        .read_to_end(&mut raw)
        .with_context(|| format!("decompressing {}", path.display()))?;
        pages.push(raw);
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.unwrap_or(0)).build()?;
    let threads = pool.current_num_threads();
    let ids: Vec<&String> = gold.keys().collect();
    let start = Instant::now();
    let predicted: Vec<String> = pool.install(|| {
        pages
            .par_iter()
            .zip(ids.par_iter())
            .map(|(raw, id)| {
                let opts = corroborate_html::Options { url: gold[*id].1.clone(), ..Default::default() };
                corroborate_html::extract(raw, &opts).text
            })
            .collect()
    });
    let elapsed = start.elapsed().as_secs_f64();
    let mb = pages.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let per_page: Vec<PageScore> = ids.iter().zip(&predicted).map(|(id, p)| PageScore::new(&gold[*id].0, p)).collect();
    let ours = score(&per_page);
    let _ = writeln!(
        out,
        "{} pages, {:.1} MB of HTML, {} from {}",
        pages.len(),
        mb,
        threads_label(threads),
        args.dir.display()
    );
    print_scores(
        &mut out,
        "corroborate",
        &ours,
        &format!(
            "  {:.1} pages/s ({:.3} s, {} thread{})",
            pages.len() as f64 / elapsed,
            elapsed,
            threads,
            if threads == 1 { "" } else { "s" }
        ),
    );
    if args.worst > 0 {
        let mut order: Vec<usize> = (0..per_page.len()).collect();
        order.sort_by(|&a, &b| per_page[a].f1().total_cmp(&per_page[b].f1()));
        for &i in order.iter().take(args.worst) {
            let s = &per_page[i];
            let _ = writeln!(
                out,
                "  worst {} F1 {:.3} P {:.3} R {:.3}  {}",
                ids[i],
                s.f1(),
                s.precision().unwrap_or(0.0),
                s.recall().unwrap_or(0.0),
                gold[ids[i]].1.as_deref().unwrap_or("")
            );
        }
    }
    if let Some(path) = &args.save {
        let saved: BTreeMap<&str, Value> =
            ids.iter().zip(&predicted).map(|(id, p)| (id.as_str(), serde_json::json!({ "articleBody": p }))).collect();
        std::fs::write(path, serde_json::to_string(&saved)?)?;
    }
    let mut skipped = false;
    if args.tools {
        let mut rows = vec![];
        let out_dir = args.dir.join("output");
        let mut entries: Vec<_> = std::fs::read_dir(&out_dir)
            .with_context(|| format!("listing {}", out_dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        entries.sort();
        for path in entries {
            let raw = std::fs::read_to_string(&path)?;
            let Ok(v) = serde_json::from_str::<Value>(&raw) else {
                eprintln!("corroborate: {}: not JSON; skipped", path.display());
                skipped = true;
                continue;
            };
            let Some(pages) = tool_pages(&v, &ids) else {
                eprintln!("corroborate: {}: not a JSON object of pages; skipped", path.display());
                skipped = true;
                continue;
            };
            // a page present with no body (`null`) is the tool's empty answer; a page absent is
            // one the file does not hold
            let body = |id: &str| pages.get(id).and_then(|x| x.get("articleBody")).and_then(Value::as_str);
            let found = ids.iter().filter(|id| pages.contains_key(id.as_str())).count();
            if found == 0 {
                // scored, it would read as a tool that extracts nothing (F1 0)
                eprintln!("corroborate: {}: 0 of {} pages found; skipped", path.display(), ids.len());
                skipped = true;
                continue;
            }
            let per: Vec<PageScore> =
                ids.iter().map(|id| PageScore::new(&gold[*id].0, body(id).unwrap_or(""))).collect();
            let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let note = if found < ids.len() {
                format!("  ({found} of {} pages found; the others scored as empty)", ids.len())
            } else {
                String::new()
            };
            rows.push((name, score(&per), note));
        }
        rows.push(("corroborate (ours)".into(), ours, String::new()));
        rows.sort_by(|a, b| b.1.f1.total_cmp(&a.1.f1));
        let _ = writeln!(out, "\nall tools, scored by the same metric:");
        for (name, s, note) in &rows {
            print_scores(&mut out, name, s, note);
        }
    }
    crate::cmd::inputs::write_output(None, &out)?;
    Ok(if skipped { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The pages of a tool's output file, by id: the file itself (`{id: {articleBody}}`), or its
/// `output` member when the file wraps the pages as the benchmark's newer files do
/// (`{"version": ..., "output": {id: {articleBody}}}`). `None` when the file is not an object.
fn tool_pages<'a>(v: &'a Value, ids: &[&String]) -> Option<&'a serde_json::Map<String, Value>> {
    let top = v.as_object()?;
    let wrapped = top.get("output").and_then(Value::as_object);
    match wrapped {
        Some(pages) if !ids.iter().any(|id| top.contains_key(id.as_str())) => Some(pages),
        _ => Some(top),
    }
}

fn threads_label(threads: usize) -> String {
    format!("{threads} worker thread{}", if threads == 1 { "" } else { "s" })
}
