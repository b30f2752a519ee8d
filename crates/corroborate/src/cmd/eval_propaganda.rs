//! `corroborate eval propaganda`: trains the technique detector on the training split (or takes the
//! compiled-in one) and reports SI F1, TC micro-F1 and throughput on the document-disjoint dev split.
use corroborate_eval::propaganda::{si_score, tc_score};
use corroborate_model::Span;
use corroborate_techniques::{Detector, TECHNIQUES};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// The corpus folder (with articles/ and labels/).
    #[arg(long, default_value = super::propaganda::DEFAULT_DATA)]
    pub data: PathBuf,
    /// Score the compiled-in detector instead of training a new one on the training split.
    #[arg(long)]
    pub embedded: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (train, dev) = super::propaganda::load_split(&args.data)?;
    let detector = if args.embedded {
        Detector::embedded()?.clone()
    } else {
        let started = Instant::now();
        let d = super::propaganda::train(&train);
        eprintln!("trained on {} articles in {:.1}s", train.len(), started.elapsed().as_secs_f64());
        d
    };
    // Span identification, timed: this is the detector's full path (SI + labelling).
    let started = Instant::now();
    let mut predicted: Vec<Vec<Span>> = Vec::with_capacity(dev.len());
    let mut found = 0usize;
    for a in &dev {
        let techniques = detector.detect(&a.text);
        found += techniques.len();
        predicted.push(techniques.iter().map(|t| t.span).collect());
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let bytes: usize = dev.iter().map(|a| a.text.len()).sum();
    let rows: Vec<(&str, &[Span], &[Span])> =
        dev.iter().zip(&predicted).map(|(a, p)| (a.text.as_str(), p.as_slice(), a.si.as_slice())).collect();
    let si = si_score(&rows);
    // Technique classification on gold spans.
    let gold: Vec<(usize, Span, String)> =
        dev.iter().enumerate().flat_map(|(i, a)| a.tc.iter().map(move |(l, s)| (i, *s, l.clone()))).collect();
    let tc = tc_score(&gold, &|article, span| {
        let probs = detector.classify(&dev[article].text, &[span]).remove(0);
        let mut order: Vec<usize> = (0..TECHNIQUES.len()).collect();
        order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]));
        order.into_iter().map(|k| TECHNIQUES[k].to_string()).collect()
    });
    println!("propaganda (SemEval-2020 Task 11), dev split: {} articles (train: {})", dev.len(), train.len());
    println!("token threshold {:.2}, span threshold {:.2}", detector.threshold, detector.min_span_score);
    println!(
        "SI  precision {:.4}  recall {:.4}  F1 {:.4}  ({found} spans predicted, {} gold)",
        si.precision,
        si.recall,
        si.f1,
        dev.iter().map(|a| a.si.len()).sum::<usize>()
    );
    println!("TC  micro-F1 {:.4}  ({} of {} gold labels)", tc.micro_f1, tc.correct, tc.gold);
    println!("{:<38} {:>5} {:>5} {:>5} {:>6}", "technique", "gold", "pred", "ok", "F1");
    for (label, (g, p, ok)) in &tc.per_label {
        let f1 = if g + p > 0 { 2.0 * *ok as f64 / (*g + *p) as f64 } else { 0.0 };
        println!("{label:<38} {g:>5} {p:>5} {ok:>5} {f1:>6.3}");
    }
    println!(
        "throughput: {:.1} articles/s ({:.2} MB/s) over {} articles, one thread",
        dev.len() as f64 / secs,
        bytes as f64 / secs / 1e6,
        dev.len()
    );
    Ok(ExitCode::SUCCESS)
}
