//! Writes the word clusters of the bundled table as TSV (word, coarse, fine) to stdout:
//! `cargo run --release -p corroborate-embed --example word_clusters -- [FINE] [COARSE] [ITERATIONS]`.
//! The defaults are those of `corroborate eval attribution --train-model` (its `clusters.tsv`); other
//! sizes are for trying (`CORROBORATE_CLUSTERS=FILE` with the attribution crate's `polnear` example).
fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().expect("a number")).collect();
    let table = corroborate_embed::StaticEmbeddings::bundled().expect("bundled table");
    let t = std::time::Instant::now();
    let out = corroborate_embed::clusters::word_clusters(
        &table,
        args.first().copied().unwrap_or(1024),
        args.get(1).copied().unwrap_or(64),
        args.get(2).copied().unwrap_or(15),
    );
    eprintln!("{} words in {:.1}s", out.len(), t.elapsed().as_secs_f64());
    for c in out {
        println!("{}\t{}\t{}", c.word, c.coarse, c.fine);
    }
}
