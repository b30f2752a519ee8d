//! `cargo run --release -p corroborate-html --example timing -- DIR/html`: time per stage, one thread.
use std::io::Read;
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).expect("a directory of .html.gz pages");
    let mut pages = vec![];
    for e in std::fs::read_dir(dir).expect("readable directory").flatten() {
        let mut s = Vec::new();
        let f = std::fs::File::open(e.path()).expect("readable file");
        let _ = flate2::read::GzDecoder::new(f).read_to_end(&mut s);
        pages.push(s);
    }
    let t = Instant::now();
    let texts: Vec<String> = pages.iter().map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    println!("decode {:?}", t.elapsed());
    let t = Instant::now();
    let n: usize = texts.iter().map(|s| corroborate_html::parse_only(s)).sum();
    println!("parse {:?} ({n} nodes)", t.elapsed());
    let t = Instant::now();
    let opts = corroborate_html::Options::default();
    let n: usize = pages.iter().map(|p| corroborate_html::extract(p, &opts).text.len()).sum();
    println!("extract {:?} ({n} bytes)", t.elapsed());
}
