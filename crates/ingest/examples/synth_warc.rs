//! Writes a synthetic Common-Crawl-style WARC.gz (see `corroborate_ingest::synth`):
//! `cargo run --release -p corroborate-ingest --example synth_warc -- OUT.warc.gz [BYTES] [SEED]`
//! (BYTES of gzip output, default 1 GiB).
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: synth_warc OUT.warc.gz [BYTES] [SEED]");
        std::process::exit(2);
    };
    let bytes: u64 = args.next().and_then(|b| b.parse().ok()).unwrap_or(1 << 30);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let started = std::time::Instant::now();
    let f = std::fs::File::create(&out).unwrap_or_else(|e| {
        eprintln!("cannot create {out}: {e}");
        std::process::exit(2);
    });
    match corroborate_ingest::synth::write_archive(std::io::BufWriter::new(f), bytes, seed) {
        Ok(w) => println!(
            "{out}: {} records, {} HTML pages, {:.1} MB gzip ({:.1} MB uncompressed), {:.0} s",
            w.records,
            w.html_pages,
            w.compressed_bytes as f64 / 1e6,
            w.uncompressed_bytes as f64 / 1e6,
            started.elapsed().as_secs_f64()
        ),
        Err(e) => {
            eprintln!("cannot write {out}: {e}");
            std::process::exit(1);
        }
    }
}
