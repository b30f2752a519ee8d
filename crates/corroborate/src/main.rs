//! The `corroborate` command line: a thin layer over the library crates.
//!
//! Each subcommand lives in its own module under `cmd/` with a clap `Args` struct and a
//! `run(args) -> anyhow::Result<ExitCode>`; this file only dispatches.
//! Exit codes: 0 ok, 1 some inputs failed, 2 usage or fatal error.
use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cmd;

#[derive(Parser)]
#[command(name = "corroborate", version = cmd::BUILD, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles, one JSON object per article.
    Analyze(cmd::analyze::Args),
    /// Compare articles: stories, who claims what, each outlet's stance, contradictions.
    Compare(cmd::compare::Args),
    /// Show an outlet's profile: identity, reliability rating, state-media status.
    Source(cmd::source::Args),
    /// Evaluate a component on the public data in ../shared/eval.
    #[command(subcommand)]
    Eval(cmd::eval::EvalCommand),
    /// Group articles into stories, one JSON line per article with its story id.
    Cluster(cmd::cluster::Args),
    /// FNC-1 stance of article bodies toward headlines: CSV in, CSV out.
    Stance(cmd::stance::Args),
    /// Known disinformation narratives in articles, and whether each article adopts or reports them.
    Narratives(cmd::narratives::Args),
    /// Train a model from the public data in ../shared/eval and write its weights.
    #[command(subcommand)]
    Train(cmd::train::TrainCommand),
    /// Add articles to a persistent corpus (SQLite): idempotent, resumable, crash-safe.
    Ingest(cmd::ingest::Args),
    /// Analyse every article of a corpus again with this version, and group them into stories again.
    Reanalyze(cmd::reanalyze::Args),
    /// Full-text search in a corpus.
    Search(cmd::search::Args),
    /// The stories of a corpus.
    Stories(cmd::stories::Args),
    /// The compare report of one story of a corpus.
    Story(cmd::story::Args),
    /// Export a corpus as JSON Lines or Parquet.
    Export(cmd::export::Args),
    /// Serve the HTTP API and the web app over a corpus.
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Compare(args) => cmd::compare::run(args),
        Command::Source(args) => cmd::source::run(args),
        Command::Eval(command) => cmd::eval::run(command),
        Command::Cluster(args) => cmd::cluster::run(args),
        Command::Stance(args) => cmd::stance::run(args),
        Command::Narratives(args) => cmd::narratives::run(args),
        Command::Train(command) => cmd::train::run(command),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Reanalyze(args) => cmd::reanalyze::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Stories(args) => cmd::stories::run(args),
        Command::Story(args) => cmd::story::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match result {
        Ok(code) => code,
        // the reader of standard output stopped reading (`| head`): nothing more to say
        Err(err) if broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("corroborate: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether an error comes from writing to a pipe whose reader has gone, directly or through a
/// JSON writer.
fn broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
