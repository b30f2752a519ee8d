//! `corroborate eval propaganda`: trains the technique detector on the training split (or takes the
//! compiled-in one) and reports SI F1, TC micro-F1 and throughput on the document-disjoint dev split.
use corroborate_eval::propaganda::{si_score, tc_score};
use corroborate_model::{Span, Technique};
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
    /// A folder of neutral news reporting (plain-text files, read recursively, e.g.
    /// `../shared/eval/bulk/bbc`): reports the findings per 1,000 words the detector shows there.
    #[arg(long)]
    pub neutral: Option<PathBuf>,
    /// Writes one line per finding (dev and neutral) with its scores, for calibrating the report bound.
    #[arg(long)]
    pub dump: Option<PathBuf>,
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
    let mut scored = Vec::with_capacity(dev.len());
    for a in &dev {
        let techniques = detector.detect_scored(&a.text);
        found += techniques.len();
        predicted.push(techniques.iter().map(|t| t.0.span).collect());
        scored.push(techniques);
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let bytes: usize = dev.iter().map(|a| a.text.len()).sum();
    let rows: Vec<(&str, &[Span], &[Span])> =
        dev.iter().zip(&predicted).map(|(a, p)| (a.text.as_str(), p.as_slice(), a.si.as_slice())).collect();
    let si = si_score(&rows);
    // What readers are shown (the report bound), beside the F1-tuned decoding.
    let mut dump = String::new();
    let (mut dev_words, mut decoded, mut shown) = (0usize, Tally::default(), Tally::default());
    let mut shown_rows: Vec<Vec<Span>> = Vec::with_capacity(dev.len());
    for (a, found) in dev.iter().zip(&scored) {
        let words = a.text.split_whitespace().count();
        dev_words += words;
        let hit = |t: &Technique| {
            (
                a.si.iter().any(|g| g.overlaps(&t.span)),
                a.tc.iter().any(|(l, g)| g.overlaps(&t.span) && *l == t.technique),
            )
        };
        for (t, q) in found {
            let (h, l) = hit(t);
            decoded.add(h, l);
            dump.push_str(&dump_line("dev", &a.id, words, found.len(), t, *q, Some((h, l)), &a.text));
        }
        // what `analyze` shows: the engine's techniques (report bound, narratives, metadata)
        let kept = shown_by_engine(&a.id, &a.text);
        for t in &kept {
            let (h, l) = hit(t);
            shown.add(h, l);
        }
        shown_rows.push(kept.iter().map(|t| t.span).collect());
    }
    let shown_si = si_score(
        &dev.iter().zip(&shown_rows).map(|(a, p)| (a.text.as_str(), p.as_slice(), a.si.as_slice())).collect::<Vec<_>>(),
    );
    let mut neutral = None;
    if let Some(dir) = &args.neutral {
        let mut files = Vec::new();
        collect_texts(dir, &mut files)?;
        let (mut words_all, mut n_decoded, mut n_shown) = (0usize, 0usize, 0usize);
        for f in &files {
            // (a few bulk files are not UTF-8; their odd bytes do not matter here)
            let text = String::from_utf8_lossy(&std::fs::read(f)?).into_owned();
            let words = text.split_whitespace().count();
            words_all += words;
            let found = detector.detect_scored(&text);
            n_decoded += found.len();
            for (t, q) in &found {
                dump.push_str(&dump_line("neutral", &f.display().to_string(), words, found.len(), t, *q, None, &text));
            }
            n_shown += shown_by_engine(&f.display().to_string(), &text).len();
        }
        neutral = Some((files.len(), words_all, n_decoded, n_shown));
    }
    if let Some(path) = &args.dump {
        std::fs::write(path, dump)?;
    }
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
    let per_1000 = |n: usize, w: usize| 1000.0 * n as f64 / w.max(1) as f64;
    println!(
        "findings on dev, decoded: {} ({:.2} per 1,000 words), {:.3} overlap an annotated span, {:.3} one of their technique",
        decoded.n,
        per_1000(decoded.n, dev_words),
        decoded.hit_precision(),
        decoded.label_precision()
    );
    println!(
        "findings on dev, shown (report bound): {} ({:.2} per 1,000 words), {:.3} overlap an annotated span, {:.3} one of \
         their technique; SI of the shown spans P {:.4} R {:.4} F1 {:.4}",
        shown.n,
        per_1000(shown.n, dev_words),
        shown.hit_precision(),
        shown.label_precision(),
        shown_si.precision,
        shown_si.recall,
        shown_si.f1
    );
    if let Some((docs, words, n_decoded, n_shown)) = neutral {
        println!(
            "neutral reporting: {docs} articles, {words} words: decoded {n_decoded} ({:.2} per 1,000 words), shown {n_shown} \
             ({:.2} per 1,000 words)",
            per_1000(n_decoded, words),
            per_1000(n_shown, words)
        );
    }
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

/// The `.txt` files under `dir`, recursively, in name order.
fn collect_texts(dir: &std::path::Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_texts(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

/// Findings counted against the dev annotation.
#[derive(Default)]
struct Tally {
    n: usize,
    /// overlapping an annotated span
    hit: usize,
    /// overlapping an annotated span of the finding's technique
    label: usize,
}

impl Tally {
    fn add(&mut self, hit: bool, label: bool) {
        self.n += 1;
        self.hit += usize::from(hit);
        self.label += usize::from(label);
    }
    fn hit_precision(&self) -> f64 {
        self.hit as f64 / self.n.max(1) as f64
    }
    fn label_precision(&self) -> f64 {
        self.label as f64 / self.n.max(1) as f64
    }
}

/// One line of `--dump`: set, document, its words and findings, the finding's mean token
/// probability and technique probability, technique, whether it overlaps an annotated span (and
/// one of its technique), and its text.
#[allow(clippy::too_many_arguments)]
fn dump_line(
    set: &str,
    doc: &str,
    words: usize,
    findings: usize,
    t: &Technique,
    q: f32,
    hit: Option<(bool, bool)>,
    text: &str,
) -> String {
    let (h, l) =
        hit.map_or((String::new(), String::new()), |(h, l)| (u8::from(h).to_string(), u8::from(l).to_string()));
    format!(
        "{set}\t{doc}\t{words}\t{findings}\t{:.4}\t{q:.4}\t{}\t{h}\t{l}\t{}\n",
        t.confidence,
        t.technique,
        t.span.slice(text).replace(['\t', '\n'], " ")
    )
}

/// The techniques `analyze` shows for a text.
fn shown_by_engine(id: &str, text: &str) -> Vec<Technique> {
    let article = corroborate_model::Article::new(id, text);
    corroborate_engine::analyze_with(article, corroborate_engine::Stages::ALL).analysis.techniques
}
