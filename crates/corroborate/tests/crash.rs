//! Crash safety of `corroborate ingest --db`: an ingest killed with SIGKILL at random points loses
//! nothing it acknowledged, stores nothing twice, and the resumed runs end with exactly the corpus of
//! an uninterrupted run (same articles, same stories, byte-identical export).
//!
//! This is the acceptance run itself (10,000 generated articles, five kills), in the normal suite:
//! ingest time does not grow with the corpus, so it takes well under two minutes in a debug build.
//! "Acknowledged" is what `ingest` prints after each commit: `committed N inputs` acknowledges the
//! first N inputs. Set `CRASH_SEED` to replay a run's kill points.
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_corroborate");

/// xorshift64*: small, deterministic, good enough to spread kill points and words.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const SYLLABLES: &[&str] =
    &["ka", "lo", "mi", "ren", "tas", "vo", "dur", "pel", "sin", "gar", "bo", "ith", "nes", "ul", "ra", "fen"];

/// A made-up capitalised word of three syllables, one per `x` below 4096.
fn word(x: usize) -> String {
    let w: String = (0..3).map(|i| SYLLABLES[(x >> (4 * i)) & 15]).collect();
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

const FIRST: &[&str] = &["Ilse", "Marek", "Dana", "Tomas", "Vera", "Oren", "Lina", "Pavel", "Ruth", "Anton"];
const LAST: &[&str] = &["Brandt", "Kovic", "Halloran", "Osei", "Lindqvist", "Moreau", "Tanaka", "Ferro", "Novak"];
const PLACES: &[&str] = &["Osk", "Velkor", "Brenn", "Tarsk", "Merrow", "Quill", "Daskin", "Ulmen", "Poria", "Fenwick"];
const THINGS: &[&str] =
    &["bridge", "dam", "depot", "harbour", "school", "clinic", "railway", "market", "mine", "reservoir"];
const EVENTS: &[&str] =
    &["was closed", "flooded", "caught fire", "reopened", "was evacuated", "collapsed", "was inspected"];
const OUTLETS: &[&str] = &["Arvia Herald", "Belmark Today", "Velkor Post", "Osk Courier", "Daily Ledger"];

/// `n` short articles about `n / 8` events, each event covered by several outlets; each event has
/// its own place, person and project names (made-up words), so that the corpus falls into stories.
fn generate(path: &Path, n: usize) -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let topics = (n / 8).max(1);
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let t = rng.below(topics);
        let mut trng = Rng(t as u64 * 7919 + 13);
        let who = format!("{} {}{}", trng.pick(FIRST), trng.pick(LAST), word(t * 3).to_lowercase());
        let place = format!("{} {}", word(t * 3 + 1), trng.pick(PLACES));
        let (thing, event) = (trng.pick(THINGS), trng.pick(EVENTS));
        let tag = word(t * 3 + 2);
        let outlet = rng.pick(OUTLETS);
        let text = format!(
            "The {thing} in {place} {event} on day {d}, officials said. {who} said that the {tag} inquiry \
             would report within {w} weeks. \"We will find out what happened at the {thing},\" {who} told \
             reporters in {place}. Residents of {place} said they had been warned about the {thing}.",
            d = 1 + t % 28,
            w = 2 + rng.below(6),
        );
        let id = format!("gen-{i:05}");
        let rec = serde_json::json!({"id": id, "text": text, "outlet": outlet, "title": format!("{tag}: the {thing} in {place}"),
            "published": format!("2031-03-{:02}", 1 + t % 28)});
        writeln!(f, "{rec}").unwrap();
        ids.push(id);
    }
    f.flush().unwrap();
    ids
}

fn ingest(input: &Path, db: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.args(["ingest", "--batch", "64", "--db"]).arg(db).arg(input);
    c
}

fn export(db: &Path) -> String {
    let out = Command::new(BIN).args(["export", "--format", "jsonl", "--db"]).arg(db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Every stored id and how often it occurs.
fn stored_ids(db: &Path) -> HashMap<String, usize> {
    let store = corroborate_store::Store::open(db).unwrap();
    let mut m = HashMap::new();
    store
        .for_each_article(|a| {
            *m.entry(a.article.article.id).or_default() += 1;
            Ok(())
        })
        .unwrap();
    m
}

fn crash_test(n: usize, kills: usize) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let ids = generate(&input, n);

    let reference = dir.path().join("reference.db");
    let started = Instant::now();
    let st = ingest(&input, &reference).stdout(Stdio::null()).status().unwrap();
    assert!(st.success());
    let full = started.elapsed();
    let expected = export(&reference);
    assert_eq!(expected.lines().count(), n);

    let seed = std::env::var("CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    eprintln!("crash test: {n} articles, uninterrupted ingest {full:?}, CRASH_SEED={seed}");
    let mut rng = Rng(seed);
    let db = dir.path().join("killed.db");
    let mut acknowledged = 0usize;
    for k in 0..kills {
        let mut child = ingest(&input, &db).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut last = 0usize;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("committed ") {
                    last = rest.split(' ').next().and_then(|x| x.parse().ok()).unwrap_or(last);
                }
            }
            last
        });
        // somewhere in the next fifth of a full run (a resumed run first skips what is stored)
        let delay = full.mul_f64((rng.below(1000) as f64 / 1000.0) * 0.2 + 0.02);
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let acked = reader.join().unwrap();
        // the inputs are valid and distinct: an acknowledged prefix of them must be stored
        acknowledged = acknowledged.max(acked);
        let stored = stored_ids(&db);
        let dupes: Vec<_> = stored.iter().filter(|(_, c)| **c > 1).collect();
        assert!(dupes.is_empty(), "kill {k}: stored twice: {dupes:?}");
        let missing: Vec<&String> = ids[..acknowledged].iter().filter(|id| !stored.contains_key(*id)).collect();
        assert!(missing.is_empty(), "kill {k} after {delay:?}: {} acknowledged articles missing", missing.len());
        eprintln!("kill {} after {delay:?}: {acked} inputs acknowledged, {} stored", k + 1, stored.len());
    }
    let st = ingest(&input, &db).stdout(Stdio::null()).status().unwrap();
    assert!(st.success());
    let got = export(&db);
    assert!(got == expected, "the resumed corpus differs from the uninterrupted one");
}

#[test]
fn killed_ingest_of_10000_articles_resumes_to_the_same_corpus() {
    crash_test(10_000, 5);
}
