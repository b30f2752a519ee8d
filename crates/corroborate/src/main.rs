//! The `corroborate` command line: a thin layer over the library crates.
use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "corroborate", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles, one JSON object per article.
    Analyze { files: Vec<String> },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze { files } => {
            eprintln!("analyze {files:?}: being built");
            ExitCode::from(2)
        }
    }
}
