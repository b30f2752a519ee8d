//! `corroborate eval <set>`: accuracy on the public data of ../shared/eval. One variant per set; the
//! metric code lives in the `corroborate-eval` crate, this module only parses arguments and prints.
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalCommand {}

pub fn run(command: EvalCommand) -> anyhow::Result<ExitCode> {
    match command {}
}
