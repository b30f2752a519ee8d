//! `corroborate eval <set>`: accuracy on the public data of ../shared/eval. One variant per set; the
//! metric code lives in the `corroborate-eval` crate, this module only parses arguments and prints.
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// FNC-1 stance: train on a body-disjoint part of the training data, score the rest.
    Stance(StanceArgs),
    /// Persuasion techniques (SemEval-2020 Task 11): SI F1 and TC micro-F1 on the dev split.
    Propaganda(super::eval_propaganda::Args),
}

#[derive(clap::Args)]
pub struct StanceArgs {
    /// Folder with train_bodies.csv and train_stances.csv.
    #[arg(long, default_value = "../shared/eval/stance")]
    pub data: PathBuf,
    /// Percent of bodies (by a fixed hash of their id) held out for scoring.
    #[arg(long, default_value_t = 20)]
    pub held_out: u64,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(command: EvalCommand) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Stance(args) => stance(args),
        EvalCommand::Propaganda(args) => super::eval_propaganda::run(args),
    }
}

fn stance(args: StanceArgs) -> anyhow::Result<ExitCode> {
    use corroborate_fnc::{data, StanceModel, TrainConfig};
    use std::time::Instant;
    let (bodies, pairs) = super::train::read_fnc(&args.data)?;
    let (train, test) = data::split_body_disjoint(&pairs, args.held_out);
    let t0 = Instant::now();
    let model = StanceModel::train(&bodies, &train, &TrainConfig::default())?;
    let train_s = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let preds = model.predict_pairs(&bodies, &test);
    let infer_s = t1.elapsed().as_secs_f64();
    let gold: Vec<usize> = test.iter().map(|p| p.stance.map_or(usize::MAX, |s| s.index())).collect();
    let pred: Vec<usize> = preds.iter().map(|p| p.stance.index()).collect();
    let report = corroborate_eval::stance::score(&gold, &pred);
    let test_bodies: std::collections::HashSet<&str> = test.iter().map(|p| p.body_id.as_str()).collect();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "body-disjoint split: train {} pairs, held out {} pairs over {} bodies",
            train.len(),
            test.len(),
            test_bodies.len()
        );
        print!("{}", report.to_text());
        println!(
            "training {:.1}s; inference {:.2}s ({:.0} pairs/s, body analysis included)",
            train_s,
            infer_s,
            test.len() as f64 / infer_s.max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}
