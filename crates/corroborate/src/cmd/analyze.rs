//! `corroborate analyze FILE...`
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Input files.
    pub files: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("analyze {:?}: being built", args.files)
}
