//! What the `sweep`, `contextual` and `dump_si` examples share: the corpus as training examples, scoring a
//! detector on held-out articles, the `key=value` settings, and the comparison table.

use corroborate_eval::propaganda::{self, PtcArticle};
use corroborate_model::Span;
use corroborate_techniques::{technique_index, train, Detector, Example, TrainOptions, WordStates, TECHNIQUES};
use std::time::Instant;

/// One annotated article as a training example, with its encoder word states if there are any.
pub fn example(a: &PtcArticle, words: Option<WordStates>) -> Example {
    Example {
        id: a.id.clone(),
        text: a.text.clone(),
        spans: a.si.clone(),
        labelled: a.tc.iter().filter_map(|(l, s)| technique_index(l).map(|i| (i, *s))).collect(),
        words,
    }
}

/// SI F1 of predicted against gold spans, article by article (the training callback's measure).
pub fn si(pairs: &[(Vec<Span>, Vec<Span>)], texts: &[&str]) -> f64 {
    let rows: Vec<(&str, &[Span], &[Span])> =
        pairs.iter().zip(texts).map(|((p, g), t)| (*t, p.as_slice(), g.as_slice())).collect();
    propaganda::si_score(&rows).f1
}

/// SI F1 and TC micro-F1 of `d` on `test` (with the articles' word states where they have them).
fn score(d: &Detector, test: &[Example]) -> (f64, f64) {
    let pairs: Vec<(Vec<Span>, Vec<Span>)> = test
        .iter()
        .map(|e| {
            let found = match &e.words {
                Some(w) => d.detect_contextual(&e.text, w),
                None => d.detect(&e.text),
            };
            (found.into_iter().map(|t| t.span).collect(), e.spans.clone())
        })
        .collect();
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

/// A setting: `key=value` pairs joined by commas (`si_epochs=6,flags=3`); `default` is the defaults.
pub fn parse(setting: &str) -> TrainOptions {
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
            "contextual" => o.contextual = v == "1",
            _ => panic!("unknown setting {k}"),
        }
    }
    o
}

/// For each setting: trains on four fifths of the training split and scores the fifth held out (the
/// numbers to choose by), then trains on the whole training split and scores the dev split.
pub fn compare_settings(tr: &[Example], dev: &[Example], settings: impl IntoIterator<Item = String>) {
    let fit: Vec<Example> = tr.iter().enumerate().filter(|(i, _)| i % 5 != 2).map(|x| x.1.clone()).collect();
    let held: Vec<Example> = tr.iter().enumerate().filter(|(i, _)| i % 5 == 2).map(|x| x.1.clone()).collect();
    println!("{:<48} {:>8} {:>8} {:>8} {:>8}", "setting", "held SI", "held TC", "dev SI", "dev TC");
    for s in settings {
        let o = parse(&s);
        let t = Instant::now();
        let (hs, ht) = score(&train(&fit, o, &si), &held);
        let (ds, dt) = score(&train(tr, o, &si), dev);
        println!("{s:<48} {hs:>8.4} {ht:>8.4} {ds:>8.4} {dt:>8.4}  ({:.0} s)", t.elapsed().as_secs_f64());
    }
}
