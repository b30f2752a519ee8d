//! Trains on the training split with one setting and writes the dev split's predicted and gold spans
//! as TSV (article, kind, start, end, score, label, text), for error analysis.
//!
//! `cargo run --release -p corroborate-techniques --example dump_si -- DATA SETTING OUT.tsv [MODEL.bin]`

// `dump_si` uses the settings and the corpus loading, not the comparison table.
#[allow(dead_code)]
mod common;

use corroborate_eval::propaganda;
use corroborate_techniques::{train, Example};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (articles, _) = propaganda::load(std::path::Path::new(&args[0])).expect("corpus");
    let (tr, dev): (Vec<_>, Vec<_>) = articles.iter().partition(|a| !propaganda::is_dev(&a.id));
    let tr: Vec<Example> = tr.into_iter().map(|a| common::example(a, None)).collect();
    let d = train(&tr, common::parse(&args[1]), &common::si);
    if let Some(path) = args.get(3) {
        std::fs::write(path, d.to_bytes()).expect("model");
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(&args[2]).expect("out"));
    for a in &dev {
        let map = corroborate_model::OffsetMap::new(&a.text);
        for t in d.detect(&a.text) {
            let txt = t.span.slice(&a.text).replace(['\t', '\n'], " ");
            let (s, e) = (map.char_offset(t.span.start), map.char_offset(t.span.end));
            writeln!(out, "{}\tpred\t{s}\t{e}\t{:.3}\t{}\t{txt}", a.id, t.confidence, t.technique).unwrap();
        }
        for (l, sp) in &a.tc {
            let txt = sp.slice(&a.text).replace(['\t', '\n'], " ");
            let (s, e) = (map.char_offset(sp.start), map.char_offset(sp.end));
            writeln!(out, "{}\tgold\t{s}\t{e}\t1\t{l}\t{txt}", a.id).unwrap();
        }
    }
}
