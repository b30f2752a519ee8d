//! Sets `CORROBORATE_BUILD` (`corroborate_store::BUILD`): the package version and, in a git
//! checkout, the commit built (`0.1.0+1a2b3c4d5e6f`). A corpus records the builds that analysed it,
//! a story report cached by one build is made again by another, and a stopped `reanalyze` is not
//! continued by a different build (its analyses would be mixed).
use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string()).filter(|s| !s.is_empty())
}

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let build = match git(&["rev-parse", "--short=12", "HEAD"]) {
        Some(commit) => format!("{version}+{commit}"),
        None => version,
    };
    println!("cargo:rustc-env=CORROBORATE_BUILD={build}");
    // run again when the commit changes: HEAD, the branch it names, packed refs (only files that
    // exist: cargo would run the script on every build for a missing one)
    if git(&["rev-parse", "--git-dir"]).is_some() {
        let mut names = vec!["HEAD".to_string(), "packed-refs".to_string()];
        names.extend(git(&["symbolic-ref", "-q", "HEAD"]));
        for name in names {
            // `--git-path` finds a branch in a worktree's common directory too
            let Some(p) = git(&["rev-parse", "--git-path", &name]) else { continue };
            let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(p);
            if p.exists() {
                println!("cargo:rerun-if-changed={}", p.display());
            }
        }
    } else {
        println!("cargo:rerun-if-changed=build.rs");
    }
}
