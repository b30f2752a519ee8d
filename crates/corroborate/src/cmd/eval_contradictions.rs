//! `corroborate eval contradictions`: `compare` over each FNC-1 story's bodies; do the bodies that
//! disagree with a headline end up disputing what the agreeing ones affirm? (metric:
//! `corroborate_eval::contradictions`).
use anyhow::Context;
use corroborate_eval::clustering::{load_fnc_labelled, LabelledStory};
use corroborate_eval::contradictions::{one_sided, Label, Sides, Tally};
use corroborate_model::{Article, Comparison, Relation};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// The FNC-1 folder (`train_bodies.csv`, `train_stances.csv`).
    #[arg(long, default_value = "../shared/eval/stance")]
    pub data: PathBuf,
    /// Also write every contradiction found between two articles to this file, for reading: its
    /// story's headlines, the gold label of each article on each side, the reason, and the two
    /// pieces of evidence where the sides meet.
    #[arg(long)]
    pub errors: Option<PathBuf>,
}

/// Each contradiction of a comparison as the articles on its affirming and on its disputing side
/// (article indices of the comparison), with the claim indices (story, affirming, disputing).
fn sides(c: &Comparison) -> Vec<(Sides, (usize, usize, usize))> {
    let mut out = Vec::new();
    for (si, s) in c.stories.iter().enumerate() {
        for (ci, cl) in s.claims.iter().enumerate() {
            for r in cl.relations.iter().filter(|r| r.relation == Relation::Contradicts && !r.disputes) {
                let articles = |k: usize| {
                    let mut v: Vec<usize> = s.claims[k].evidence.iter().map(|e| e.article()).collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                };
                out.push(((articles(ci), articles(r.claim)), (si, ci, r.claim)));
            }
        }
    }
    out
}

/// Count conflicts found (`Story::count_conflicts`), for reading rather than scoring: FNC-1 labels
/// bodies against headlines, not counts against counts.
#[derive(Default)]
struct CountTally {
    total: usize,
    agree_disagree: usize,
    log: String,
}

/// A body's single stance label when all its headlines give it the same one.
fn label_of(story: &LabelledStory, body: usize) -> Option<Label> {
    let mut labels = story.labels.iter().filter(|x| x.1 == body).map(|x| x.2);
    let first = labels.next()?;
    labels.all(|l| l == first).then_some(first)
}

/// A body's labels in short: how many headlines of its story it agrees with, disagrees with and
/// discusses (`a2 d1 c5`).
fn label_text(story: &LabelledStory, body: usize) -> String {
    let n = |l: Label| story.labels.iter().filter(|x| x.1 == body && x.2 == l).count();
    format!("a{} d{} c{}", n(Label::Agree), n(Label::Disagree), n(Label::Discuss))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stories = load_fnc_labelled(&args.data).with_context(|| {
        format!("cannot load FNC-1 from {} (is ../shared/eval beside the repository?)", args.data.display())
    })?;
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut log = String::new();
    let mut articles_n = 0usize;
    let mut counts = CountTally::default();
    for (sn, story) in stories.iter().enumerate() {
        let articles: Vec<Article> =
            story.bodies.iter().map(|(id, text)| Article::new(id.to_string(), text.clone())).collect();
        articles_n += articles.len();
        let cmp = corroborate_engine::compare(articles);
        for s in &cmp.stories {
            for cc in &s.count_conflicts {
                counts.total += 1;
                let [a, b] = [&cc.sides[0], &cc.sides[1]].map(|sd| sd.evidence.article());
                let agree_disagree = |x: usize, y: usize| {
                    label_of(story, x) == Some(Label::Agree) && label_of(story, y) == Some(Label::Disagree)
                };
                if agree_disagree(a, b) || agree_disagree(b, a) {
                    counts.agree_disagree += 1;
                }
                if args.errors.is_some() {
                    let _ = writeln!(
                        counts.log,
                        "## story {sn}: {} ({})",
                        corroborate_report::clip(&story.headlines.join(" | "), 200),
                        cc.what
                    );
                    for sd in &cc.sides {
                        let art = sd.evidence.article();
                        let text = &cmp.articles[art].article.text;
                        let from = text.floor_char_boundary(sd.span.start.saturating_sub(120));
                        let to = text.ceil_char_boundary((sd.span.end + 80).min(text.len()));
                        let _ = writeln!(
                            counts.log,
                            "  {}[{}] «{}»: …{}…",
                            story.bodies[art].0,
                            label_text(story, art),
                            sd.span.slice(text),
                            text[from..to].replace('\n', " ")
                        );
                    }
                }
            }
        }
        let found = sides(&cmp);
        let only: Vec<Sides> = found.iter().map(|f| f.0.clone()).collect();
        tally.add(&story.labels, &only);
        if args.errors.is_some() {
            for (sides, (si, ca, cd)) in &found {
                let Some((a_only, d_only)) = one_sided(sides) else { continue };
                let s = &cmp.stories[*si];
                let _ = writeln!(log, "## story {sn}: {}", corroborate_report::clip(&story.headlines.join(" | "), 300));
                let side = |v: &[usize]| {
                    v.iter()
                        .map(|&b| format!("{}[{}]", story.bodies[b].0, label_text(story, b)))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let rel =
                    s.claims[*ca].relations.iter().find(|r| r.claim == *cd && r.relation == Relation::Contradicts);
                let _ = writeln!(log, "affirm  {}\ndispute {}", side(&a_only), side(&d_only));
                if let Some(r) = rel {
                    let _ = writeln!(log, "reason  {}", r.reason);
                    for e in &r.evidence {
                        let text = corroborate_report::evidence_text(&cmp, e).replace('\n', " ");
                        let _ = writeln!(
                            log,
                            "  {}: {}",
                            story.bodies[e.article()].0,
                            corroborate_report::clip(&text, 200)
                        );
                    }
                }
                let _ = writeln!(log);
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    if let Some(path) = &args.errors {
        log.push_str("\n# count conflicts\n\n");
        log.push_str(&counts.log);
        std::fs::write(path, &log).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let t = &tally;
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "FNC-1 {}: {} stories, {} bodies, compared story by story; {} contradictions, {} between articles",
        args.data.display(),
        stories.len(),
        articles_n,
        t.contradictions,
        t.across_articles
    );
    println!("| measure | value |\n|---|---|");
    println!(
        "| pairs (agreeing body, disagreeing body): precision | {:.3} ({} right, {} wrong; {} pairs not scored) |",
        t.pair_precision(),
        t.right_pairs,
        t.wrong_pairs,
        t.unscored_pairs
    );
    println!("| pairs: recall | {:.3} ({} of {}) |", t.pair_recall(), t.right_pairs, t.gold_pairs);
    println!("| pairs: F1 | {:.3} |", corroborate_eval::f1(t.pair_precision(), t.pair_recall()));
    println!(
        "| disagreeing bodies on a disputing side | {:.3} ({} of {}) |",
        pct(t.disagreeing_found, t.disagreeing),
        t.disagreeing_found,
        t.disagreeing
    );
    println!(
        "| agreeing bodies on a disputing side (wrong) | {:.3} ({} of {}) |",
        pct(t.agreeing_disputing, t.agreeing),
        t.agreeing_disputing,
        t.agreeing
    );
    println!(
        "| discussing bodies on a disputing side | {:.3} ({} of {}) |",
        pct(t.discussing_disputing, t.discussing),
        t.discussing_disputing,
        t.discussing
    );
    println!(
        "| count conflicts (\"at least 40 killed\" / \"no one died\"), between articles | {} ({} between an agreeing and a disagreeing body; all listed with `--errors`) |",
        counts.total, counts.agree_disagree
    );
    println!(
        "\ncompare, all stages: {secs:.1} s for {articles_n} bodies = {:.0} bodies/s",
        articles_n as f64 / secs.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}
