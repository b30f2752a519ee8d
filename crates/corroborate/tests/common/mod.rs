//! Helpers shared by the CLI tests.
#![allow(dead_code)]
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (two levels above this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// `$CORROBORATE_SHARED`, else `../shared` beside the repository, if present; tests that need it
/// skip (with a message) when not.
pub fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("CORROBORATE_SHARED").map_or_else(|| root().join("../shared"), PathBuf::from);
    p.is_dir().then_some(p)
}

pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .current_dir(root())
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run corroborate")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A file `name` holding `content` in a fresh temporary directory (removed when the returned
/// directory is dropped: keep it alive while the file is used).
pub fn temp_file(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    (dir, path)
}

/// Runs corroborate with `args`, `stdin` written to its standard input, in `dir` if given (with
/// `$PWD` set to it, as a shell sets it), else in the test's own directory.
pub fn run_piped<S: AsRef<std::ffi::OsStr>>(dir: Option<&Path>, args: &[S], stdin: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_corroborate"));
    if let Some(d) = dir {
        cmd.current_dir(d).env("PWD", d);
    }
    let mut child = cmd
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run corroborate");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().expect("corroborate ends")
}
