//! `analyze` over archives, feeds and directories: streamed, in input order, with exit codes; and
//! (ignored, minutes) the 1 GB WARC.gz scale test with its peak-memory bound.
mod common;
use common::{root, stdout};
use std::io::{BufRead, Write};
use std::process::{Command, Stdio};

fn run_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run corroborate")
}

fn small_archive(dir: &std::path::Path) -> (std::path::PathBuf, u64) {
    let path = dir.join("small.warc.gz");
    let f = std::fs::File::create(&path).unwrap();
    let w = corroborate_ingest::synth::write_archive(std::io::BufWriter::new(f), 150_000, 3).unwrap();
    (path, w.html_pages)
}

#[test]
fn analyze_streams_a_warc_in_order_with_a_batch_smaller_than_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let (path, pages) = small_archive(dir.path());
    assert!(pages > 5);
    let p = path.to_str().unwrap();
    let a = run_in(dir.path(), &["analyze", "--batch", "3", p]);
    assert_eq!(a.status.code(), Some(0), "{}", String::from_utf8_lossy(&a.stderr));
    let lines: Vec<serde_json::Value> = stdout(&a).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len() as u64, pages);
    assert!(lines.iter().all(|v| v["id"].as_str().unwrap().starts_with("https://www.")));
    assert!(lines.iter().all(|v| v["meta"]["title"].is_string() && !v["text"].as_str().unwrap().contains("<p>")));
    // the summary of skipped records is on stderr
    let err = String::from_utf8_lossy(&a.stderr);
    assert!(err.contains("WARC records") && err.contains("HTML pages"), "{err}");
    // deterministic: a different batch size gives the same bytes
    let b = run_in(dir.path(), &["analyze", "--batch", "100", p]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn a_damaged_archive_keeps_what_was_read_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = small_archive(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    let cut = dir.path().join("cut.warc.gz");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let o = run_in(dir.path(), &["analyze", cut.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let n = out.lines().count();
    assert!(n > 2, "records before the damage are kept: {n}");
    let last: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert!(last["diagnostics"][0]["message"].as_str().unwrap().contains("abandoned"), "{last}");
}

#[test]
fn feeds_and_mixed_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let feed = root().join("crates/ingest/tests/regressions/feed/seed-rss.xml");
    let text = root().join("examples/wire-original.txt");
    let o = run_in(dir.path(), &["analyze", feed.to_str().unwrap(), text.to_str().unwrap(), "/no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(1), "a missing file is a failed input");
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids[0], "https://courier.example/dam");
    assert!(ids[1].ends_with("wire-original.txt"));
    assert_eq!(ids[2], "/no/such/file.txt");
    // usage errors are 2
    let o = run_in(dir.path(), &["analyze"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Peak resident memory (VmHWM) of a running process, in kB.
fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
#[ignore = "writes a 1 GB WARC.gz and analyses it (many minutes); run with: \
            cargo build --release -p corroborate && CORROBORATE_BIN=$PWD/target/release/corroborate \
            cargo test -p corroborate --test archives -- --ignored --nocapture"]
fn a_1gb_warc_gz_streams_through_analyze_under_300mb() {
    let bytes: u64 = std::env::var("CORROBORATE_WARC_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(1 << 30);
    let keep = std::env::var_os("CORROBORATE_WARC_DIR");
    let tmp = tempfile::tempdir().unwrap();
    let dir = keep.map(std::path::PathBuf::from).unwrap_or_else(|| tmp.path().to_path_buf());
    let path = dir.join(format!("synth-{bytes}.warc.gz"));
    let started = std::time::Instant::now();
    let pages = if path.exists() {
        None
    } else {
        let f = std::fs::File::create(&path).unwrap();
        let w = corroborate_ingest::synth::write_archive(std::io::BufWriter::new(f), bytes, 42).unwrap();
        eprintln!(
            "generated {}: {} records, {} HTML pages, {:.1} MB gzip ({:.1} MB uncompressed) in {:.0} s",
            path.display(),
            w.records,
            w.html_pages,
            w.compressed_bytes as f64 / 1e6,
            w.uncompressed_bytes as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
        Some(w.html_pages)
    };
    let started = std::time::Instant::now();
    // CORROBORATE_BIN picks another build of the binary (say target/release/corroborate while the
    // test itself is built in debug; give an absolute path)
    let bin = std::env::var("CORROBORATE_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_corroborate").to_string());
    let mut child = Command::new(&bin)
        .args(["analyze", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let (peak, done) = (peak.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                if let Some(kb) = vm_hwm_kb(pid) {
                    peak.fetch_max(kb, std::sync::atomic::Ordering::Relaxed);
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        })
    };
    let stdout = child.stdout.take().unwrap();
    let mut lines = 0u64;
    let mut out_bytes = 0u64;
    for line in std::io::BufReader::new(stdout).split(b'\n') {
        let line = line.unwrap();
        out_bytes += line.len() as u64 + 1;
        lines += 1;
    }
    // the last reading, just before the process is reaped
    if let Some(kb) = vm_hwm_kb(pid) {
        peak.fetch_max(kb, std::sync::atomic::Ordering::Relaxed);
    }
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    let status = child.wait().unwrap();
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    watcher.join().unwrap();
    let secs = started.elapsed().as_secs_f64();
    let peak_mb = peak.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1024.0;
    let size = std::fs::metadata(&path).unwrap().len();
    let report = format!(
        "analyze {:.1} MB WARC.gz: {lines} articles, {:.1} MB of JSON, {secs:.0} s ({:.0} articles/s, {:.1} MB/s of gzip), peak RSS {peak_mb:.1} MB, exit {:?}",
        size as f64 / 1e6,
        out_bytes as f64 / 1e6,
        lines as f64 / secs,
        size as f64 / 1e6 / secs,
        status.code()
    );
    eprintln!("{report}\nstderr: {}", stderr.trim());
    let _ = writeln!(std::io::stderr());
    assert_eq!(status.code(), Some(0), "{stderr}");
    if let Some(p) = pages {
        assert_eq!(lines, p);
    }
    assert!(peak_mb > 1.0 && peak_mb < 300.0, "{report}");
}
