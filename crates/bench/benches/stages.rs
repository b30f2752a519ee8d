//! Criterion micro-benchmarks, one group per analysis stage, each on our examples and (when
//! `../shared/eval` is present) on real news text. Each stage is a small function over precomputed
//! inputs ([`Doc`]), so it times only itself; adding a stage is one function and one line in `main`.
//!
//! Run: `cargo bench -p corroborate-bench` (all), or `cargo bench -p corroborate-bench -- entities`.
//!
//! Stages: tokenize, segmentation, entities, attribution, stance, claims, techniques (spans and
//! classes), embeddings (the static table, one vector per sentence), clustering (online story
//! assignment of whole articles) and analyze (all of it); extraction (HTML to text) runs on the
//! benchmark pages of `../shared/eval/extraction` when present, else on our examples wrapped in a page.

use corroborate_bench::{examples, real, Corpus, Doc};
use corroborate_embed::{Embedder, StaticEmbeddings};
use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// Real articles used per run (enough for a stable number, few enough for a quick bench).
const REAL_ARTICLES: usize = 40;

fn corpora() -> Vec<Corpus> {
    let mut v = vec![examples()];
    match real(REAL_ARTICLES) {
        Some(c) => v.push(c),
        None => eprintln!("bench: ../shared/eval absent, real-text benchmarks skipped"),
    }
    v
}

/// Benchmarks `f` on every corpus, with throughput in bytes of article text.
fn stage(c: &mut Criterion, name: &str, corpora: &[(Corpus, Vec<Doc>)], f: impl Fn(&[Doc]) -> usize) {
    let mut g = c.benchmark_group(name);
    for (corpus, docs) in corpora {
        g.throughput(Throughput::Bytes(corpus.bytes()));
        g.bench_function(corpus.name, |b| b.iter(|| black_box(f(docs))));
    }
    g.finish();
}

fn segmentation(docs: &[Doc]) -> usize {
    docs.iter()
        .map(|d| {
            let toks = corroborate_nlp::tokenize(d.text(), &d.markup);
            corroborate_nlp::sentences(d.text(), &toks, &d.skip).len()
        })
        .sum()
}

fn tokenize(docs: &[Doc]) -> usize {
    docs.iter().map(|d| corroborate_nlp::tokenize(d.text(), &d.markup).len()).sum()
}

fn entities(docs: &[Doc]) -> usize {
    docs.iter().map(|d| corroborate_nlp::entities(d.text(), &d.tokens, &d.sentences).len()).sum()
}

fn attribution(docs: &[Doc]) -> usize {
    docs.iter().map(|d| d.attributions().attributions.len()).sum()
}

fn techniques(docs: &[Doc]) -> usize {
    docs.iter().map(|d| corroborate_techniques::detect(d.text()).len()).sum()
}

fn embeddings(docs: &[Doc]) -> usize {
    let table = embedder();
    docs.iter().flat_map(|d| d.sentences.iter().map(|s| table.embed(s.slice(d.text())).len())).sum()
}

fn clustering(docs: &[Doc]) -> usize {
    let embed: std::sync::Arc<dyn Embedder + Send + Sync> = std::sync::Arc::new(embedder().clone());
    let mut c = corroborate_cluster::Clusterer::builder().build(Some(embed));
    for d in docs {
        c.add(d.text(), None);
    }
    c.stories()
}

fn embedder() -> &'static StaticEmbeddings {
    static TABLE: std::sync::OnceLock<StaticEmbeddings> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| StaticEmbeddings::bundled().expect("the committed embedding table loads"))
}

/// HTML pages: the extraction benchmark's when present, else each example wrapped in a page.
fn pages(limit: usize) -> Vec<Vec<u8>> {
    let dir = corroborate_bench::eval_dir().join("extraction/html");
    let mut pages: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .map(|rd| {
            let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
                .into_iter()
                .take(limit)
                .filter_map(|p| std::fs::read(&p).ok())
                .map(|b| {
                    if b.starts_with(&[0x1f, 0x8b]) {
                        corroborate_ingest::gunzip_capped(&b).unwrap_or_default()
                    } else {
                        b
                    }
                })
                .filter(|b| !b.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if pages.is_empty() {
        pages = examples()
            .articles
            .iter()
            .map(|a| {
                let body: String = a.text.split("\n\n").map(|p| format!("<p>{p}</p>\n")).collect();
                format!("<html><head><title>{}</title></head><body><nav><a href=/>Home</a></nav><article>{body}</article><footer>(c)</footer></body></html>", a.id).into_bytes()
            })
            .collect();
    }
    pages
}

fn analyze(docs: &[Doc]) -> usize {
    docs.iter().map(|d| corroborate_engine::analyze(d.article.clone()).analysis.sentences.len()).sum()
}

fn benches(c: &mut Criterion) {
    let corpora: Vec<(Corpus, Vec<Doc>)> = corpora()
        .into_iter()
        .map(|c| {
            let docs = c.articles.iter().cloned().map(Doc::new).collect();
            (c, docs)
        })
        .collect();
    stage(c, "tokenize", &corpora, tokenize);
    stage(c, "segmentation", &corpora, segmentation);
    stage(c, "entities", &corpora, entities);
    stage(c, "attribution", &corpora, attribution);
    // Stance consumes attribution's output, so each iteration gets a fresh one, untimed.
    let mut g = c.benchmark_group("stance");
    for (corpus, docs) in &corpora {
        g.throughput(Throughput::Bytes(corpus.bytes()));
        g.bench_function(corpus.name, |b| {
            b.iter_batched(
                || docs.iter().map(|d| d.attributions()).collect::<Vec<_>>(),
                |found| {
                    let n: usize = docs
                        .iter()
                        .zip(found)
                        .map(|(d, f)| {
                            corroborate_stance::analyze(d.text(), &d.tokens, &d.sentences, f).statements.len()
                        })
                        .sum();
                    black_box(n)
                },
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
    // Claims: canonical names across the run, stories, claims and contradictions (compare minus analysis).
    let mut g = c.benchmark_group("claims");
    for (corpus, docs) in &corpora {
        let analyzed: Vec<_> = docs.iter().map(|d| corroborate_engine::analyze(d.article.clone())).collect();
        g.throughput(Throughput::Bytes(corpus.bytes()));
        g.bench_function(corpus.name, |b| {
            b.iter_batched(
                || analyzed.clone(),
                |mut a| {
                    corroborate_engine::canonicalize(&mut a);
                    black_box(corroborate_claims::stories(&a).1.len())
                },
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
    stage(c, "techniques", &corpora, techniques);
    stage(c, "embeddings", &corpora, embeddings);
    stage(c, "clustering", &corpora, clustering);
    stage(c, "analyze", &corpora, analyze);
    let pages = pages(40);
    let mut g = c.benchmark_group("extraction");
    g.throughput(Throughput::Bytes(pages.iter().map(|p| p.len() as u64).sum()));
    g.bench_function(format!("{} pages", pages.len()), |b| {
        b.iter(|| {
            let opts = corroborate_html::Options::default();
            black_box(pages.iter().map(|p| corroborate_html::extract(p, &opts).text.len()).sum::<usize>())
        })
    });
    g.finish();
}

criterion_group! {
    name = stages;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(stages);
