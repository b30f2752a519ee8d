//! `corroborate eval stance`: the FNC-1 stance model trained on a body-disjoint part of the training
//! data and scored on the rest.
use std::path::PathBuf;
use std::process::ExitCode;

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

pub fn stance(args: StanceArgs) -> anyhow::Result<ExitCode> {
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
    let scores: Vec<f32> = preds.iter().map(|p| p.score).collect();
    let bounds = corroborate_fnc::ClaimStance::ALL.map(|s| s.confident_from());
    let calibration = corroborate_eval::stance::calibration(&gold, &pred, &scores, bounds);
    let test_bodies: std::collections::HashSet<&str> = test.iter().map(|p| p.body_id.as_str()).collect();
    if args.json {
        let mut v = serde_json::to_value(&report)?;
        v["calibration"] = serde_json::to_value(&calibration)?;
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "body-disjoint split: train {} pairs, held out {} pairs over {} bodies",
            train.len(),
            test.len(),
            test_bodies.len()
        );
        print!("{}", report.to_text());
        print!("{}", calibration.to_text());
        println!(
            "training {:.1}s; inference {:.2}s ({:.0} pairs/s, body analysis included)",
            train_s,
            infer_s,
            test.len() as f64 / infer_s.max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}
