//! Criterion micro-benchmarks, one group per analysis stage, each on our examples and (when
//! `../shared/eval` is present) on real news text. Each stage is a small function over precomputed
//! inputs ([`Doc`]), so it times only itself; adding a stage is one function and one line in `main`.
//!
//! Run: `cargo bench -p corroborate-bench` (all), or `cargo bench -p corroborate-bench -- entities`.
//!
//! TODO(stages not on main yet): extraction (crates/html), techniques, embeddings and clustering
//! land from other branches; add one `fn` each below, like `entities`, when they do.

use corroborate_bench::{examples, real, Corpus, Doc};
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
    stage(c, "analyze", &corpora, analyze);
}

criterion_group! {
    name = stages;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(stages);
