//! `corroborate eval clustering`, `eval clustering-scale` and `eval embeddings`.
use super::cluster::{clusterer, ClusterOptions};
use corroborate_eval::clustering::{bcubed, diagnose, load_fnc_stories, load_uci, StoryItem};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct ClusteringArgs {
    /// The evaluation data folder.
    #[arg(long, default_value = "../shared/eval")]
    pub data: PathBuf,
    /// Feed the articles in a shuffled order (seeded) instead of file order.
    #[arg(long)]
    pub shuffle: Option<u64>,
    /// Score only every other item of each set: 0 the even positions, 1 the odd ones (in file
    /// order). The thresholds were tuned on half 1; half 0 is the held-out half.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=1))]
    pub half: Option<u8>,
    /// Count term frequencies over the whole set before clustering it (term weights from the
    /// whole batch, as for a batch known in advance) instead of as articles arrive.
    #[arg(long)]
    pub batch: bool,
    /// Also print where the clustering loses: the largest predicted stories' gold make-up, and
    /// B-cubed bounds if an oracle split them by gold, or also moved each small story (under N
    /// items) into the big story holding most of its majority gold story.
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "20")]
    pub diagnose: Option<usize>,
    /// Group the items as `compare` does (the whole analysis, then average linkage of TF-IDF vectors
    /// over stems and canonical names) instead of with the story clusterer; the clusterer options
    /// do not apply, and the time is that of the whole `compare`, claims included.
    #[arg(long)]
    pub compare: bool,
    /// Group the items as the persistent corpus does (`corroborate ingest`): each item analysed
    /// and added to a new corpus in memory, in batches of 256 as `ingest` commits them, and scored
    /// by the story the corpus holds it in at the end; the clusterer options do not apply, and the
    /// time is that of the whole ingest, analysis included.
    #[arg(long, conflicts_with = "compare")]
    pub store: bool,
    #[command(flatten)]
    pub options: ClusterOptions,
}

/// A small deterministic generator (xorshift) for shuffles and variations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn sets(data: &Path) -> Vec<(&'static str, Result<Vec<StoryItem>, String>)> {
    vec![
        ("fnc1-train-stories", load_fnc_stories(&data.join("stance")).map_err(|e| e.to_string())),
        ("uci-news-sample", load_uci(&data.join("clustering/uci-news-aggregator.csv")).map_err(|e| e.to_string())),
    ]
}

pub fn clustering(args: ClusteringArgs) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for (name, items) in sets(&args.data) {
        let mut items = match items {
            Ok(items) if !items.is_empty() => items,
            Ok(_) => {
                eprintln!("{name}: no items; skipped");
                failed = true;
                continue;
            }
            Err(e) => {
                eprintln!("{name}: {e}; skipped");
                failed = true;
                continue;
            }
        };
        if let Some(h) = args.half {
            items = items.into_iter().enumerate().filter(|(i, _)| i % 2 == h as usize).map(|x| x.1).collect();
        }
        if let Some(seed) = args.shuffle {
            let mut rng = Rng::new(seed);
            for i in (1..items.len()).rev() {
                items.swap(i, rng.below(i + 1));
            }
        }
        let start = Instant::now();
        let (predicted, predicted_stories): (Vec<u32>, usize) = if args.store {
            store_stories(&items)?
        } else if args.compare {
            let articles: Vec<corroborate_model::Article> = items
                .iter()
                .enumerate()
                .map(|(i, it)| corroborate_model::Article::new(i.to_string(), it.text.clone()))
                .collect();
            let cmp = corroborate_engine::compare(articles);
            (cmp.story_of.iter().map(|&s| s as u32).collect(), cmp.stories.len())
        } else {
            let mut c = clusterer(&args.options)?;
            if args.batch {
                for it in &items {
                    c.observe(&it.text, &[]);
                }
            }
            let ids: Vec<corroborate_cluster::StoryId> = items
                .iter()
                .map(|it| if args.batch { c.assign_observed(&it.text, &[], None).story } else { c.add(&it.text, None) })
                .collect();
            c.consolidate();
            (c.resolve_all(&ids).into_iter().map(|s| s.0).collect(), c.stories())
        };
        let secs = start.elapsed().as_secs_f64();
        let gold: Vec<&str> = items.iter().map(|it| it.story.as_str()).collect();
        let mut stories = gold.clone();
        stories.sort_unstable();
        stories.dedup();
        let b = bcubed(&predicted, &gold);
        let grouping = if args.store {
            "store"
        } else if args.compare {
            "compare"
        } else {
            "clusterer"
        };
        let diagnosis = args.diagnose.map(|small| {
            let d = diagnose(&predicted, &gold, small);
            let round = |b: corroborate_eval::clustering::BCubed| {
                serde_json::json!({"precision": round4(b.precision), "recall": round4(b.recall), "f1": round4(b.f1)})
            };
            serde_json::json!({
                "largest_predicted_stories": d.largest,
                "oracle_split_all": round(d.split_all),
                "oracle_split_largest": round(d.split_largest),
                "oracle_split_largest_fold_small": round(d.split_largest_fold_small),
                "small": d.small,
            })
        });
        println!(
            "{}",
            serde_json::json!({
                "diagnosis": diagnosis,
                "set": name,
                "grouping": grouping,
                "embedder": if grouping == "clusterer" { format!("{:?}", args.options.embedder).to_lowercase() } else { "none".to_string() },
                "term_weights": match grouping { "compare" => "whole set", "store" => "online", _ if args.batch => "whole set", _ => "online" },
                "order": args.shuffle.map_or("file".to_string(), |s| format!("shuffled seed {s}")),
                "half": args.half,
                "items": items.len(),
                "gold_stories": stories.len(),
                "predicted_stories": predicted_stories,
                "bcubed_precision": round4(b.precision),
                "bcubed_recall": round4(b.recall),
                "bcubed_f1": round4(b.f1),
                "seconds": round4(secs),
                "articles_per_second": (items.len() as f64 / secs.max(1e-9)).round(),
            })
        );
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The story of each item after ingesting them all, in order, into a new corpus in memory (with
/// `ingest`'s batch size), and the number of stories holding them.
fn store_stories(items: &[StoryItem]) -> anyhow::Result<(Vec<u32>, usize)> {
    const BATCH: usize = 256;
    let mut store = corroborate_store::Store::open_memory()?;
    for (b, chunk) in items.chunks(BATCH).enumerate() {
        let articles: Vec<corroborate_model::Article> = chunk
            .iter()
            .enumerate()
            .map(|(i, it)| corroborate_model::Article::new((b * BATCH + i).to_string(), it.text.clone()))
            .collect();
        let hashes: Vec<String> = articles.iter().map(corroborate_store::content_hash).collect();
        store.add_batch(hashes.into_iter().zip(corroborate_engine::analyze_all(articles)).collect())?;
    }
    let mut story = vec![None; items.len()];
    store.for_each_article(|a| {
        if let Some(slot) = a.article.article.id.parse::<usize>().ok().and_then(|i| story.get_mut(i)) {
            *slot = a.story;
        }
        Ok(())
    })?;
    // an item the corpus holds in no story (or skipped as a duplicate of an earlier one) is a
    // story of its own
    let mut ids: std::collections::HashMap<i64, u32> = std::collections::HashMap::new();
    let mut next = 0u32;
    let mut predicted = Vec::with_capacity(items.len());
    for s in story {
        let key = s.unwrap_or(-1 - predicted.len() as i64);
        let id = *ids.entry(key).or_insert_with(|| {
            next += 1;
            next - 1
        });
        predicted.push(id);
    }
    Ok((predicted, next as usize))
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[derive(clap::Args)]
pub struct ScaleArgs {
    /// The evaluation data folder (its `bulk/bbc` corpus is repeated with variations).
    #[arg(long, default_value = "../shared/eval")]
    pub data: PathBuf,
    /// How many articles to cluster.
    #[arg(long, default_value_t = 100_000)]
    pub articles: usize,
    #[command(flatten)]
    pub options: ClusterOptions,
}

/// Peak resident memory of this process in kB (Linux), if known.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A variation of an article for copy `round`: some sentences dropped, the rest rotated, a few
/// words swapped for a marker unique to the copy, and a date that moves on by 20 days per round.
fn vary(text: &str, round: usize, rng: &mut Rng) -> String {
    let sentences: Vec<&str> = text.split_inclusive(['.', '\n']).collect();
    let n = sentences.len().max(1);
    let rot = rng.below(n);
    let mut out = String::with_capacity(text.len() + 16);
    for i in 0..n {
        let s = sentences.get((i + rot) % n).copied().unwrap_or("");
        if n > 3 && rng.below(5) == 0 {
            continue;
        }
        for w in s.split(' ') {
            if rng.below(40) == 0 {
                out.push_str(&format!("variant{round}"));
            } else {
                out.push_str(w);
            }
            out.push(' ');
        }
    }
    out
}

pub fn scale(args: ScaleArgs) -> anyhow::Result<ExitCode> {
    let dir = args.data.join("bulk/bbc");
    let files = super::train_embeddings::text_files(&dir)?;
    if files.is_empty() {
        anyhow::bail!("no .txt files under {}", dir.display());
    }
    let base: Vec<String> =
        files.iter().filter_map(|f| std::fs::read(f).ok()).map(|b| String::from_utf8_lossy(&b).into_owned()).collect();
    let mut rng = Rng::new(7);
    let mut c = clusterer(&args.options)?;
    let start = Instant::now();
    let mut bytes = 0usize;
    let start_day = 12_000;
    for i in 0..args.articles {
        let round = i / base.len();
        let text = vary(&base[i % base.len()], round, &mut rng);
        bytes += text.len();
        let day = start_day + (round * 20) as i32 + (i % base.len() * 20 / base.len()) as i32;
        c.add(&text, Some(day));
        if (i + 1) % 20_000 == 0 {
            eprintln!("{} articles, {} stories, {:.1}s", i + 1, c.stories(), start.elapsed().as_secs_f64());
        }
    }
    let merges = c.consolidate();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "articles": args.articles,
            "final_merges": merges,
            "base_articles": base.len(),
            "megabytes": (bytes as f64 / 1e6).round(),
            "embedder": format!("{:?}", args.options.embedder).to_lowercase(),
            "stories": c.stories(),
            "seconds": round4(secs),
            "articles_per_second": (args.articles as f64 / secs.max(1e-9)).round(),
            "peak_rss_mb": peak_rss_kb().map(|k| k / 1024),
        })
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct EmbeddingsArgs {
    /// The evaluation data folder.
    #[arg(long, default_value = "../shared/eval")]
    pub data: PathBuf,
    /// The transformer's model directory (with `--features transformer`): compare against it.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Sentence pairs sampled per set (half from one story, half from two).
    #[arg(long, default_value_t = 2000)]
    pub pairs: usize,
}

/// Average ranks (ties share their mean rank).
fn ranks(x: &[f32]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0f64; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        for &k in &idx[i..=j] {
            r[k] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    r
}

/// Spearman's rank correlation.
pub fn spearman(a: &[f32], b: &[f32]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        cov += (x - ma) * (y - mb);
        va += (x - ma) * (x - ma);
        vb += (y - mb) * (y - mb);
    }
    if va == 0.0 || vb == 0.0 {
        0.0
    } else {
        cov / (va * vb).sqrt()
    }
}

/// Probability that a same-story pair scores above a different-story pair (ROC AUC).
fn auc(scores: &[f32], same: &[bool]) -> f64 {
    let r = ranks(scores);
    let pos = same.iter().filter(|&&s| s).count() as f64;
    let neg = same.len() as f64 - pos;
    if pos == 0.0 || neg == 0.0 {
        return 0.0;
    }
    let sum: f64 = r.iter().zip(same).filter(|(_, &s)| s).map(|(r, _)| r + 1.0).sum();
    (sum - pos * (pos + 1.0) / 2.0) / (pos * neg)
}

/// Same-story and different-story index pairs, seeded.
fn sample_pairs(items: &[StoryItem], n: usize, rng: &mut Rng) -> Vec<(usize, usize, bool)> {
    let mut by_story: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, it) in items.iter().enumerate() {
        by_story.entry(&it.story).or_default().push(i);
    }
    let multi: Vec<&Vec<usize>> = by_story.values().filter(|v| v.len() > 1).collect();
    let mut out = Vec::with_capacity(n);
    let mut guard = 0;
    while out.len() < n && guard < n * 20 && !items.is_empty() {
        guard += 1;
        if out.len() % 2 == 0 && !multi.is_empty() {
            let s = multi[rng.below(multi.len())];
            let (a, b) = (s[rng.below(s.len())], s[rng.below(s.len())]);
            if a != b {
                out.push((a, b, true));
            }
        } else {
            let (a, b) = (rng.below(items.len()), rng.below(items.len()));
            if items[a].story != items[b].story {
                out.push((a, b, false));
            }
        }
    }
    out
}

pub fn embeddings(args: EmbeddingsArgs) -> anyhow::Result<ExitCode> {
    use corroborate_embed::{cosine, Embedder, StaticEmbeddings};
    let table = StaticEmbeddings::bundled()?;
    let full = load_transformer(args.model.as_deref())?;
    // a set that is missing is skipped with a note and fails the run, as in `eval clustering`: with
    // no data at all, an exit of 0 read as a scored run
    let mut failed = false;
    for (name, items) in sets(&args.data) {
        let items = match items {
            Ok(items) if !items.is_empty() => items,
            Ok(_) => {
                eprintln!("{name}: no items; skipped");
                failed = true;
                continue;
            }
            Err(e) => {
                eprintln!("{name}: {e}; skipped");
                failed = true;
                continue;
            }
        };
        let mut rng = Rng::new(11);
        let pairs = sample_pairs(&items, args.pairs, &mut rng);
        let mut used: Vec<usize> = pairs.iter().flat_map(|p| [p.0, p.1]).collect();
        used.sort_unstable();
        used.dedup();
        let texts: Vec<&str> = used.iter().map(|&i| items[i].text.as_str()).collect();
        let slot: std::collections::HashMap<usize, usize> = used.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let same: Vec<bool> = pairs.iter().map(|p| p.2).collect();
        let start = Instant::now();
        let sv: Vec<Vec<f32>> = texts.iter().map(|t| table.embed(t)).collect();
        let static_secs = start.elapsed().as_secs_f64();
        let s_scores: Vec<f32> = pairs.iter().map(|p| cosine(&sv[slot[&p.0]], &sv[slot[&p.1]])).collect();
        let mut line = serde_json::json!({
            "set": name,
            "pairs": pairs.len(),
            "texts": texts.len(),
            "static_dims": table.dim(),
            "static_sentences_per_second": (texts.len() as f64 / static_secs.max(1e-9)).round(),
            "static_same_story_auc": round4(auc(&s_scores, &same)),
        });
        if let Some(full) = &full {
            let start = Instant::now();
            let fv = full(&texts)?;
            let secs = start.elapsed().as_secs_f64();
            let f_scores: Vec<f32> = pairs.iter().map(|p| cosine(&fv[slot[&p.0]], &fv[slot[&p.1]])).collect();
            line["transformer_sentences_per_second"] = serde_json::json!(round4(texts.len() as f64 / secs.max(1e-9)));
            line["transformer_same_story_auc"] = serde_json::json!(round4(auc(&f_scores, &same)));
            line["spearman_static_vs_transformer"] = serde_json::json!(round4(spearman(&s_scores, &f_scores)));
        }
        println!("{line}");
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

type BatchEmbed = Box<dyn Fn(&[&str]) -> anyhow::Result<Vec<Vec<f32>>>>;

#[cfg(feature = "transformer")]
fn load_transformer(model: Option<&Path>) -> anyhow::Result<Option<BatchEmbed>> {
    let Some(dir) = model else { return Ok(None) };
    let lm = corroborate_embed::transformer::MiniLm::load(dir)?;
    Ok(Some(Box::new(move |texts: &[&str]| Ok(lm.embed_batch(texts)?))))
}

#[cfg(not(feature = "transformer"))]
fn load_transformer(model: Option<&Path>) -> anyhow::Result<Option<BatchEmbed>> {
    if model.is_some() {
        anyhow::bail!("--model needs a binary built with --features transformer");
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_and_auc() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        assert_eq!(auc(&[0.9, 0.8, 0.1, 0.2], &[true, true, false, false]), 1.0);
        assert_eq!(auc(&[0.1, 0.2, 0.9, 0.8], &[true, true, false, false]), 0.0);
    }

    #[test]
    fn variations_change_the_text_and_never_panic() {
        let mut rng = Rng::new(1);
        let v = vary("One. Two three. Four five six. Seven.", 3, &mut rng);
        assert!(!v.is_empty());
        assert_eq!(vary("", 0, &mut rng).trim(), "");
    }
}
