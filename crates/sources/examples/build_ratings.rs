//! Writes the compact ratings table we ship from the published Lin et al. (2023) CSV.
//!
//! ```text
//! cargo run -p corroborate-sources --example build_ratings -- \
//!     ../shared/eval/sources/data/domain_pc1.csv crates/sources/data/ratings.tsv
//! ```
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let input = args.first().map(String::as_str).unwrap_or("../shared/eval/sources/data/domain_pc1.csv");
    let output = args.get(1).map(String::as_str).unwrap_or("crates/sources/data/ratings.tsv");
    let csv = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("build_ratings: cannot read {input}: {e}");
            return ExitCode::from(2);
        }
    };
    match corroborate_sources::ratings::compact_from_csv(&csv) {
        Ok(table) => {
            if let Err(e) = std::fs::write(output, &table) {
                eprintln!("build_ratings: cannot write {output}: {e}");
                return ExitCode::from(2);
            }
            let n = table.lines().filter(|l| !l.starts_with('#')).count();
            eprintln!("build_ratings: wrote {n} domains to {output} ({} bytes)", table.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("build_ratings: {input}: {e}");
            ExitCode::from(2)
        }
    }
}
