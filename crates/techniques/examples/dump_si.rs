//! Trains on the training split with one setting and writes the dev split's predicted and gold spans
//! as TSV (article, kind, start, end, score, label, text), for error analysis.
//!
//! `cargo run --release -p corroborate-techniques --example dump_si -- DATA SETTING OUT.tsv [MODEL.bin]`

use corroborate_eval::propaganda::{self, PtcArticle};
use corroborate_techniques::{technique_index, train, Example, TrainOptions};
use std::io::Write;

fn example(a: &PtcArticle) -> Example {
    Example {
        id: a.id.clone(),
        text: a.text.clone(),
        spans: a.si.clone(),
        labelled: a.tc.iter().filter_map(|(l, s)| technique_index(l).map(|i| (i, *s))).collect(),
        words: None,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (articles, _) = propaganda::load(std::path::Path::new(&args[0])).expect("corpus");
    let (tr, dev): (Vec<_>, Vec<_>) = articles.iter().partition(|a| !propaganda::is_dev(&a.id));
    let tr: Vec<Example> = tr.into_iter().map(example).collect();
    let mut o = TrainOptions::default();
    for kv in args[1].split(',').filter(|kv| kv.contains('=')) {
        let (k, v) = kv.split_once('=').unwrap_or_default();
        match k {
            "flags" => o.flags = v.parse().expect("flags"),
            "dense_dims" => o.dense_dims = v.parse().expect("dense_dims"),
            "span_alpha" => o.span_alpha = v.parse().expect("span_alpha"),
            "hidden" => o.hidden = v.parse().expect("hidden"),
            "clause_model" => o.clause_model = v == "1",
            "tune_folds" => o.tune_folds = v.parse().expect("tune_folds"),
            "hidden_rate" => o.hidden_rate = v.parse().expect("hidden_rate"),
            "si_epochs" => o.si_epochs = v.parse().expect("si_epochs"),
            _ => panic!("unknown setting {k}"),
        }
    }
    let si = |pairs: &[(Vec<corroborate_model::Span>, Vec<corroborate_model::Span>)], texts: &[&str]| {
        let rows: Vec<(&str, &[corroborate_model::Span], &[corroborate_model::Span])> =
            pairs.iter().zip(texts).map(|((p, g), t)| (*t, p.as_slice(), g.as_slice())).collect();
        propaganda::si_score(&rows).f1
    };
    let d = train(&tr, o, &si);
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
