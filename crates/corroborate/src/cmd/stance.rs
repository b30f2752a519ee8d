//! `corroborate stance --bodies B.csv --stances S.csv`: FNC-1 pairs in, FNC-1 CSV out
//! (`Headline,Body ID,Stance`, input order; an empty `Stance` for a pair whose body is not in the
//! bodies file), with the built-in model or `--model FILE`.
use anyhow::Context;
use corroborate_fnc::{data, StanceModel};
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// FNC-1 bodies CSV (`Body ID,articleBody`).
    #[arg(long)]
    pub bodies: PathBuf,
    /// FNC-1 stances CSV (`Headline,Body ID`; a `Stance` column is ignored).
    #[arg(long)]
    pub stances: PathBuf,
    /// Weight file to use instead of the built-in model.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Write the CSV here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let read = [args.bodies.clone().into_os_string(), args.stances.clone().into_os_string()];
    super::inputs::refuse_overwrite(args.out.as_deref(), &read, None, false)?;
    let open = |p: &PathBuf| File::open(p).map(BufReader::new).with_context(|| format!("opening {}", p.display()));
    // a bad row gets a note (and fails the run); one row out per input pair the CSV reader can read
    let mut skipped = 0usize;
    let mut note = |file: &PathBuf, m: String| {
        skipped += 1;
        eprintln!("corroborate: {}: {m}", file.display());
    };
    let bodies = data::read_bodies_with(open(&args.bodies)?, &mut |m| note(&args.bodies, m))
        .with_context(|| args.bodies.display().to_string())?;
    let pairs = data::read_stances_with(open(&args.stances)?, false, &mut |m| note(&args.stances, m))
        .with_context(|| args.stances.display().to_string())?;
    let loaded;
    let model = match &args.model {
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            loaded = StanceModel::from_bytes(&bytes).with_context(|| path.display().to_string())?;
            &loaded
        }
        None => StanceModel::embedded()?,
    };
    let known: std::collections::HashSet<&str> = bodies.iter().map(|(i, _)| i.as_str()).collect();
    let missing = pairs.iter().filter(|p| !known.contains(p.body_id.as_str())).count();
    if missing > 0 {
        let (pairs_name, they) = if missing == 1 { ("pair names", "its") } else { ("pairs name", "their") };
        eprintln!(
            "corroborate: warning: {missing} {pairs_name} a Body ID not in {}; {they} Stance is left empty",
            args.bodies.display()
        );
    }
    // a pair whose body is missing has no stance: "unrelated" would read as a prediction
    let stances: Vec<_> = model
        .predict_pairs(&bodies, &pairs)
        .iter()
        .zip(&pairs)
        .map(|(p, pair)| known.contains(pair.body_id.as_str()).then_some(p.stance))
        .collect();
    match &args.out {
        Some(path) => {
            let f = File::create(path).with_context(|| format!("creating {}", path.display()))?;
            data::write_predictions(BufWriter::new(f), &pairs, &stances)?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            data::write_predictions(&mut lock, &pairs, &stances)?;
            lock.flush()?;
        }
    }
    Ok(if missing > 0 || skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
