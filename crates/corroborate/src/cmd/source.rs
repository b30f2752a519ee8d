//! `corroborate source DOMAIN_OR_URL`: an outlet's profile (identity, reliability rating, state-media
//! status), as text or JSON.
use corroborate_sources::{profile::OutletHints, Knowledge};
use std::path::PathBuf;
use std::process::ExitCode;

/// The environment variable naming a user ratings file (same format as `--ratings`).
pub const RATINGS_ENV: &str = "CORROBORATE_RATINGS";

#[derive(clap::Args)]
pub struct Args {
    /// A domain, URL or outlet name ("rt.com", "https://www.reuters.com/world/x", "Associated Press").
    pub query: String,
    #[command(flatten)]
    pub ratings: RatingsArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `--ratings FILE`, shared by the commands that show outlet profiles.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct RatingsArgs {
    /// Extra or overriding outlet ratings: lines `DOMAIN,PC1` (0-1, or `unknown`), `#` comments.
    /// Also read from $CORROBORATE_RATINGS. This file wins over the environment, both over the
    /// shipped Lin et al. (2023) table.
    #[arg(long, value_name = "FILE")]
    pub ratings: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

impl RatingsArgs {
    /// The shipped knowledge plus the user's ratings files; problems in them go to stderr.
    pub fn knowledge(&self) -> anyhow::Result<Knowledge> {
        let mut kb = Knowledge::builtin();
        let mut files: Vec<PathBuf> = Vec::new();
        if let Some(env) = std::env::var_os(RATINGS_ENV).filter(|v| !v.is_empty()) {
            files.push(env.into());
        }
        // the same file named twice (in the environment and by --ratings) is read once
        let same = |a: &PathBuf, b: &PathBuf| {
            a == b || a.canonicalize().ok().is_some_and(|c| b.canonicalize().ok() == Some(c))
        };
        files.extend(self.ratings.clone().filter(|r| !files.iter().any(|f| same(f, r))));
        for path in files {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| anyhow::anyhow!("cannot read ratings file {}: {e}", path.display()))?;
            let diags;
            (kb, diags) = kb.with_user_ratings(&text, &path.display().to_string());
            for d in diags {
                eprintln!("corroborate: warning: {}", d.message);
            }
        }
        Ok(kb)
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    if args.query.trim().is_empty() {
        anyhow::bail!("give a domain, URL or outlet name");
    }
    let kb = args.ratings.knowledge()?;
    let profile = kb.profile(&OutletHints::query(&args.query));
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Text => write!(out, "{}", profile.to_text())?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&profile)?)?,
    }
    Ok(ExitCode::SUCCESS)
}
