//! `corroborate train <model>`: reproduce committed weights from the public training data.
use anyhow::Context;
use clap::Subcommand;
use corroborate_fnc::{data, StanceModel, TrainConfig};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// The FNC-1 stance model, on all of train_bodies.csv / train_stances.csv.
    Stance(StanceArgs),
}

#[derive(clap::Args)]
pub struct StanceArgs {
    /// Folder with train_bodies.csv and train_stances.csv.
    #[arg(long, default_value = "../shared/eval/stance")]
    pub data: PathBuf,
    /// Where to write the weights.
    #[arg(long, default_value = "crates/fnc/models/fnc.bin")]
    pub out: PathBuf,
}

pub fn run(command: TrainCommand) -> anyhow::Result<ExitCode> {
    match command {
        TrainCommand::Stance(args) => stance(args),
    }
}

/// FNC-1 bodies as `(Body ID, text)` and the headline/body pairs.
pub type FncData = (Vec<(String, String)>, Vec<data::Pair>);

/// Read the FNC-1 training files from `dir`.
pub fn read_fnc(dir: &Path) -> anyhow::Result<FncData> {
    let open = |name: &str| {
        let p = dir.join(name);
        File::open(&p).map(BufReader::new).with_context(|| format!("opening {}", p.display()))
    };
    let bodies = data::read_bodies(open("train_bodies.csv")?).context("train_bodies.csv")?;
    let pairs = data::read_stances(open("train_stances.csv")?).context("train_stances.csv")?;
    Ok((bodies, pairs))
}

fn stance(args: StanceArgs) -> anyhow::Result<ExitCode> {
    let (bodies, pairs) = read_fnc(&args.data)?;
    let start = Instant::now();
    let model = StanceModel::train(&bodies, &pairs, &TrainConfig::default())?;
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "trained on {} pairs / {} bodies in {:.1}s; wrote {} ({} bytes)",
        pairs.len(),
        bodies.len(),
        start.elapsed().as_secs_f64(),
        args.out.display(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}
