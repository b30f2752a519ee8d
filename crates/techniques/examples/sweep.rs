//! Compares training settings of the technique detector: for each setting, trains on three quarters
//! of the training split and scores the held-out quarter (the numbers to choose by), then trains on
//! the whole training split and scores the dev split.
//!
//! `cargo run --release -p corroborate-techniques --example sweep -- DATA [SETTING ...]`, where a
//! setting is `key=value` pairs joined by commas (`si_epochs=6,flags=3`); `default` is the defaults.

use corroborate_eval::propaganda::{self, PtcArticle};
use corroborate_model::Span;
use corroborate_techniques::{technique_index, train, Detector, Example, TrainOptions, TECHNIQUES};

fn example(a: &PtcArticle) -> Example {
    Example {
        id: a.id.clone(),
        text: a.text.clone(),
        spans: a.si.clone(),
        labelled: a.tc.iter().filter_map(|(l, s)| technique_index(l).map(|i| (i, *s))).collect(),
        words: None,
    }
}

fn si(pairs: &[(Vec<Span>, Vec<Span>)], texts: &[&str]) -> f64 {
    let rows: Vec<(&str, &[Span], &[Span])> =
        pairs.iter().zip(texts).map(|((p, g), t)| (*t, p.as_slice(), g.as_slice())).collect();
    propaganda::si_score(&rows).f1
}

fn score(d: &Detector, test: &[Example]) -> (f64, f64) {
    let pairs: Vec<(Vec<Span>, Vec<Span>)> =
        test.iter().map(|e| (d.detect(&e.text).into_iter().map(|t| t.span).collect(), e.spans.clone())).collect();
    let texts: Vec<&str> = test.iter().map(|e| e.text.as_str()).collect();
    let gold: Vec<(usize, Span, String)> = test
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.labelled.iter().map(move |(l, s)| (i, *s, TECHNIQUES[*l].to_string())))
        .collect();
    let tc = propaganda::tc_score(&gold, &|a, span| {
        let p = d.classify(&test[a].text, &[span]).remove(0);
        let mut order: Vec<usize> = (0..TECHNIQUES.len()).collect();
        order.sort_by(|&x, &y| p[y].total_cmp(&p[x]));
        order.into_iter().map(|k| TECHNIQUES[k].to_string()).collect()
    });
    (si(&pairs, &texts), tc.micro_f1)
}

fn parse(setting: &str) -> TrainOptions {
    let mut o = TrainOptions::default();
    for kv in setting.split(',').filter(|kv| kv.contains('=')) {
        let (k, v) = kv.split_once('=').unwrap_or_default();
        match k {
            "si_bits" => o.si_bits = v.parse().expect("si_bits"),
            "tc_bits" => o.tc_bits = v.parse().expect("tc_bits"),
            "si_epochs" => o.si_epochs = v.parse().expect("si_epochs"),
            "tc_epochs" => o.tc_epochs = v.parse().expect("tc_epochs"),
            "classes" => o.classes = v.parse().expect("classes"),
            "si_rate" => o.si_rate = v.parse().expect("si_rate"),
            "tc_rate" => o.tc_rate = v.parse().expect("tc_rate"),
            "positive_weight" => o.positive_weight = v.parse().expect("positive_weight"),
            "flags" => o.flags = v.parse().expect("flags"),
            "tc_models" => o.tc_models = v.parse().expect("tc_models"),
            "dense_dims" => o.dense_dims = v.parse().expect("dense_dims"),
            "span_alpha" => o.span_alpha = v.parse().expect("span_alpha"),
            "hidden" => o.hidden = v.parse().expect("hidden"),
            "clause_model" => o.clause_model = v == "1",
            "tune_folds" => o.tune_folds = v.parse().expect("tune_folds"),
            "hidden_rate" => o.hidden_rate = v.parse().expect("hidden_rate"),
            _ => panic!("unknown setting {k}"),
        }
    }
    o
}

fn main() {
    let mut args = std::env::args().skip(1);
    let data = args.next().unwrap_or_else(|| "../shared/eval/propaganda".into());
    let (articles, _) = propaganda::load(std::path::Path::new(&data)).expect("corpus");
    let (tr, dev): (Vec<_>, Vec<_>) = articles.iter().partition(|a| !propaganda::is_dev(&a.id));
    let tr: Vec<Example> = tr.into_iter().map(example).collect();
    let dev: Vec<Example> = dev.into_iter().map(example).collect();
    let fit: Vec<Example> = tr.iter().enumerate().filter(|(i, _)| i % 5 != 2).map(|x| x.1.clone()).collect();
    let held: Vec<Example> = tr.iter().enumerate().filter(|(i, _)| i % 5 == 2).map(|x| x.1.clone()).collect();
    let settings: Vec<String> = args.collect();
    println!("{:<48} {:>8} {:>8} {:>8} {:>8}", "setting", "held SI", "held TC", "dev SI", "dev TC");
    for s in &settings {
        let o = parse(s);
        let (hs, ht) = score(&train(&fit, o, &si), &held);
        let (ds, dt) = score(&train(&tr, o, &si), &dev);
        println!("{s:<48} {hs:>8.4} {ht:>8.4} {ds:>8.4} {dt:>8.4}");
    }
}
