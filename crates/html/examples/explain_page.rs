//! `cargo run -p corroborate-html --example explain_page -- PAGE.html[.gz]`: how the extractor chose the body.
use std::io::Read;
fn main() {
    for path in std::env::args().skip(1) {
        let raw = std::fs::read(&path).expect("readable file");
        let mut bytes = Vec::new();
        if raw.starts_with(&[0x1f, 0x8b]) {
            let _ = flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut bytes);
        } else {
            bytes = raw;
        }
        println!("{}", corroborate_html::explain(&bytes));
    }
}
