//! `corroborate eval narratives`: the narrative catalogue on the EUvsDisinfo case titles, labelled by
//! the cases' own keywords (see `corroborate_eval::narratives`).
use corroborate_model::Span;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The shared evaluation data.
    #[arg(long, default_value = "../shared/eval")]
    pub data: std::path::PathBuf,
    /// A narratives catalogue (TOML) to score instead of the built-in one.
    #[arg(long)]
    pub narratives: Option<std::path::PathBuf>,
    /// Score only the even (0) or odd (1) rows: tune on one half, report the other.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=1))]
    pub half: Option<u8>,
    /// Write every wrong case (title, labels, prediction) to this file.
    #[arg(long)]
    pub errors: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use anyhow::Context;
    use corroborate_eval::narratives as ev;
    let catalogue = super::narratives::catalogue(args.narratives.as_deref())?;
    let path = args.data.join("narratives/data/posts.csv");
    let csv = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let all_cases = ev::cases(&csv);
    if all_cases.is_empty() {
        anyhow::bail!(
            "no cases in {}: expected EUvsDisinfo's posts.csv, with `title` and `keywords` columns",
            path.display()
        );
    }
    let cases: Vec<ev::Case> =
        all_cases.into_iter().filter(|c| args.half.is_none_or(|h| c.row % 2 == h as usize)).collect();
    let t = std::time::Instant::now();
    let predicted: Vec<Vec<String>> = cases
        .iter()
        .map(|c| {
            let mut ids: Vec<String> = catalogue
                .match_narratives(&c.title, &[Span::new(0, c.title.len())])
                .into_iter()
                .map(|m| m.narrative)
                .collect();
            ids.sort();
            ids.dedup();
            ids
        })
        .collect();
    let secs = t.elapsed().as_secs_f64();
    let (all, per) = ev::score(&cases, &predicted);
    let labelled = cases.iter().filter(|c| !c.labels.is_empty()).count();
    println!(
        "EUvsDisinfo {}: {} case titles{}, {} labelled with a catalogue narrative by their keywords",
        path.display(),
        cases.len(),
        args.half.map_or(String::new(), |h| format!(" ({} rows)", if h == 0 { "even" } else { "odd" })),
        labelled
    );
    println!("| narrative | labelled | predicted | right | precision | recall | F1 |");
    println!("|---|---|---|---|---|---|---|");
    let row = |name: &str, c: &ev::Counts| {
        println!(
            "| {name} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            c.tp + c.fn_,
            c.tp + c.fp,
            c.tp,
            c.precision(),
            c.recall(),
            c.f1()
        )
    };
    for (id, c) in &per {
        row(id, c);
    }
    row("**all (micro)**", &all);
    println!("\nmatching: {:.0} titles/s, one thread", cases.len() as f64 / secs.max(1e-9));
    if let Some(p) = &args.errors {
        let mut w =
            std::io::BufWriter::new(std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?);
        for (c, pr) in cases.iter().zip(&predicted) {
            let mut gold: Vec<&str> = c.labels.to_vec();
            gold.sort_unstable();
            // (predictions are sorted already)
            let scored: Vec<&str> =
                pr.iter().map(String::as_str).filter(|id| ev::SILVER.iter().any(|(s, _)| s == id)).collect();
            if gold != scored {
                writeln!(w, "{}\tlabels {:?}\tpredicted {:?}\t{}", c.row, gold, scored, c.title)?;
            }
        }
        w.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
