//! Outlet reliability ratings: the Lin et al. (2023) aggregate news-domain quality scores (`pc1`,
//! 0 = lowest quality, 1 = highest), shipped as a compact table, plus user overrides.
//!
//! The shipped table `data/ratings.tsv` holds only domain and `pc1` rounded to four decimals; it is
//! written by [`compact_from_csv`] (run `cargo run -p corroborate-sources --example build_ratings`).
//! It is compiled into the binary and parsed lazily into a sorted vector of borrowed keys: no
//! allocation per domain, well under 10 ms (see the `load_time` test and `benches/load.rs`).
//!
//! Lookup folds subdomains: `https://www.rfi.fr/en/x` tries `www.rfi.fr/en`, `www.rfi.fr`,
//! `rfi.fr/en`, `rfi.fr`. A domain that is not in the table is *unknown*: nothing is guessed.

use crate::domain::{first_path_segment, fold_chain, host_of};
use crate::{Error, Result};
use corroborate_model::Diagnostic;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The shipped table (generated; see the module doc).
pub const BUILTIN_TSV: &str = include_str!("../data/ratings.tsv");

/// The citation for the shipped ratings.
pub const CITATION: &str = "Lin, H., Lasser, J., Lewandowsky, S., Cole, R., Gully, A., Rand, D. G., & \
Pennycook, G. (2023). High level of correspondence across different news domain quality rating sets. \
PNAS Nexus, 2(9), 1-8. https://doi.org/10.1093/pnasnexus/pgad286";

/// Scores are stored as ten-thousandths (0..=10000).
const SCALE: f64 = 10_000.0;

/// What a `pc1` score means, in four bands. The bands are our reading of the scale, not the
/// paper's: `pc1` is relative (the first principal component of several rating sets, rescaled so
/// that the lowest-rated domain is 0 and the highest 1), so every rating also carries its
/// percentile among the rated domains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    /// pc1 < 0.4
    Low,
    /// 0.4 <= pc1 < 0.6
    Mixed,
    /// 0.6 <= pc1 < 0.8
    Fair,
    /// pc1 >= 0.8
    High,
}

impl Band {
    pub fn of(pc1: f64) -> Band {
        if pc1 < 0.4 {
            Band::Low
        } else if pc1 < 0.6 {
            Band::Mixed
        } else if pc1 < 0.8 {
            Band::Fair
        } else {
            Band::High
        }
    }
    pub fn as_str(&self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Mixed => "mixed",
            Band::Fair => "fair",
            Band::High => "high",
        }
    }
    /// One line on what the band means.
    pub fn meaning(&self) -> &'static str {
        match self {
            Band::Low => "pc1 below 0.4: rating services largely agree the domain is of low quality",
            Band::Mixed => "pc1 0.4-0.6: mixed or middling ratings",
            Band::Fair => "pc1 0.6-0.8: rated fairly well by most rating services",
            Band::High => "pc1 0.8 or more: among the highest-rated news domains",
        }
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a rating came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RatingSource {
    /// The shipped Lin et al. (2023) table.
    Lin2023,
    /// A user's ratings file (`--ratings FILE` or `$CORROBORATE_RATINGS`).
    User { origin: String },
}

/// A reliability rating for one outlet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rating {
    /// 0 = lowest quality, 1 = highest, four decimals.
    pub pc1: f64,
    pub band: Band,
    /// Share (0-100) of the other domains in the shipped table rated lower than this one (itself
    /// not counted), rounded down to a tenth: 100 only when every other domain is lower.
    pub percentile: f64,
    /// The table key that matched (`rfi.fr/en`, `rt.com`).
    pub matched: String,
    pub source: RatingSource,
}

/// One user override: a score, or `None` to mark a domain as unrated.
#[derive(Debug, Clone, PartialEq)]
struct Override {
    score: Option<u16>,
    origin: String,
}

/// The ratings table: the shipped one plus any user overrides.
#[derive(Debug, Clone)]
pub struct Ratings {
    /// Sorted by key.
    builtin: &'static [(&'static str, u16)],
    /// Scores of `builtin`, sorted, for percentiles.
    sorted_scores: &'static [u16],
    overrides: HashMap<String, Override>,
}

struct Builtin {
    entries: Vec<(&'static str, u16)>,
    scores: Vec<u16>,
}

fn builtin() -> &'static Builtin {
    static TABLE: OnceLock<Builtin> = OnceLock::new();
    TABLE.get_or_init(|| {
        let entries = parse_builtin(BUILTIN_TSV);
        let mut scores: Vec<u16> = entries.iter().map(|e| e.1).collect();
        scores.sort_unstable();
        Builtin { entries, scores }
    })
}

/// Parses the shipped table in one pass over its bytes (a plain loop, so it stays fast even in
/// unoptimised test builds). Lines that do not parse are skipped (a test checks there are none).
fn parse_builtin(text: &'static str) -> Vec<(&'static str, u16)> {
    let b = text.as_bytes();
    let mut entries = Vec::with_capacity(12_000);
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let mut tab = usize::MAX;
        while i < b.len() && b[i] != b'\n' {
            if b[i] == b'\t' && tab == usize::MAX {
                tab = i;
            }
            i += 1;
        }
        let end = i;
        i += 1;
        if tab == usize::MAX || b[start] == b'#' {
            continue;
        }
        // Tabs and newlines are ASCII, so these are char boundaries.
        let score = &text[tab + 1..end];
        if let Some(s) = parse_fixed(score.as_bytes()).or_else(|| parse_score(score)) {
            entries.push((&text[start..tab], s));
        }
    }
    // The generator writes sorted keys; sort anyway if someone edited the file by hand.
    if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
    }
    entries
}

/// Fast path for the shipped table's own format: `0`, `1`, or `0.` and one to four digits.
fn parse_fixed(b: &[u8]) -> Option<u16> {
    match b {
        [b'1'] => Some(10_000),
        [b'0'] => Some(0),
        [b'0', b'.', digits @ ..] if (1..=4).contains(&digits.len()) => {
            let mut v: u16 = 0;
            for (i, &d) in digits.iter().enumerate() {
                if !d.is_ascii_digit() {
                    return None;
                }
                v += (d - b'0') as u16 * [1000, 100, 10, 1][i];
            }
            Some(v)
        }
        _ => None,
    }
}

/// `0.2933` -> 2933; `1` -> 10000. Rejects values outside 0..=1 and non-numbers.
fn parse_score(s: &str) -> Option<u16> {
    let v: f64 = s.trim().parse().ok()?;
    if !(0.0..=1.0).contains(&v) || v.is_nan() {
        return None;
    }
    Some((v * SCALE).round() as u16)
}

/// Normalises a table key: lower case, no scheme, no `www.`, at most one path segment.
pub fn normalize_key(key: &str) -> Option<String> {
    let host = host_of(key)?;
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    Some(match first_path_segment(key) {
        Some(seg) => format!("{host}/{seg}"),
        None => host,
    })
}

/// Parses the shipped table from scratch, bypassing the cache, and returns the number of domains
/// (for load-time measurements).
pub fn load_uncached() -> usize {
    let entries = parse_builtin(BUILTIN_TSV);
    let mut scores: Vec<u16> = entries.iter().map(|e| e.1).collect();
    scores.sort_unstable();
    entries.len()
}

impl Ratings {
    /// The shipped table, no overrides.
    pub fn builtin() -> Ratings {
        let b = builtin();
        Ratings { builtin: &b.entries, sorted_scores: &b.scores, overrides: HashMap::new() }
    }

    /// Number of domains in the shipped table.
    pub fn builtin_len(&self) -> usize {
        self.builtin.len()
    }

    /// Number of user overrides loaded.
    pub fn overrides_len(&self) -> usize {
        self.overrides.len()
    }

    /// Adds (or replaces) ratings from a user file's text. One rating per line:
    /// `DOMAIN<TAB or comma>PC1[<TAB or comma>note]`, `#` starts a comment; PC1 is a number from 0
    /// to 1, or `unknown` / `-` to mark a shipped rating as not applicable. A header line
    /// `domain,pc1` is allowed. Bad lines become warnings; they never stop the load.
    pub fn add_overrides(&mut self, text: &str, origin: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split(['\t', ',']).map(str::trim);
            let key = cols.next().unwrap_or("");
            let value = cols.next().unwrap_or("");
            if i == 0 && key.eq_ignore_ascii_case("domain") {
                continue;
            }
            let Some(norm) = normalize_key(key) else {
                diags.push(Diagnostic::warning(format!("{origin}:{}: `{key}` is not a domain; line ignored", i + 1)));
                continue;
            };
            let score = match value.to_ascii_lowercase().as_str() {
                "unknown" | "-" | "none" => None,
                v => match parse_score(v) {
                    Some(s) => Some(s),
                    None => {
                        diags.push(Diagnostic::warning(format!(
                            "{origin}:{}: rating `{value}` for {norm} is not a number from 0 to 1; line ignored",
                            i + 1
                        )));
                        continue;
                    }
                },
            };
            self.overrides.insert(norm, Override { score, origin: origin.to_string() });
        }
        diags
    }

    /// The shipped table's rows, sorted by key (pc1 in ten-thousandths).
    pub fn builtin_entries(&self) -> &[(&'static str, u16)] {
        self.builtin
    }

    /// The rating of a domain or URL, or `None` when unknown (never guessed).
    pub fn lookup(&self, domain_or_url: &str) -> Option<Rating> {
        let host = host_of(domain_or_url)?;
        let seg = first_path_segment(domain_or_url);
        let mut keys = Vec::new();
        for h in fold_chain(&host) {
            if let Some(seg) = &seg {
                keys.push(format!("{h}/{seg}"));
            }
            if let Some(stripped) = h.strip_prefix("www.") {
                if let Some(seg) = &seg {
                    keys.push(format!("{stripped}/{seg}"));
                }
                keys.push(stripped.to_string());
            }
            keys.push(h);
        }
        for key in &keys {
            if let Some(o) = self.overrides.get(key) {
                return o.score.map(|s| self.rating(key, s, RatingSource::User { origin: o.origin.clone() }));
            }
        }
        for key in &keys {
            if let Ok(i) = self.builtin.binary_search_by(|e| e.0.cmp(key.as_str())) {
                return Some(self.rating(key, self.builtin[i].1, RatingSource::Lin2023));
            }
        }
        None
    }

    /// How many domains of the shipped table a rating of `key` is compared with: all but `key`
    /// itself.
    pub fn others(&self, key: &str) -> usize {
        self.builtin_len() - usize::from(self.builtin_score(key).is_some())
    }

    fn builtin_score(&self, key: &str) -> Option<u16> {
        self.builtin.binary_search_by(|e| e.0.cmp(key)).ok().map(|i| self.builtin[i].1)
    }

    fn rating(&self, key: &str, score: u16, source: RatingSource) -> Rating {
        // the domain's own entry is no other domain (reuters.com, the highest, was "higher than
        // 100.0%" of a table that holds it); rounded down, so that 99.99 % is not shown as 100
        let mut lower = self.sorted_scores.partition_point(|&s| s < score);
        if self.builtin_score(key).is_some_and(|own| own < score) {
            lower -= 1;
        }
        let n = self.others(key).max(1);
        let pc1 = score as f64 / SCALE;
        Rating {
            pc1,
            band: Band::of(pc1),
            percentile: (lower as f64 * 1000.0 / n as f64).floor() / 10.0,
            matched: key.to_string(),
            source,
        }
    }
}

/// Turns the published `domain,pc1` CSV into the compact table we ship: a citation header, then
/// `domain<TAB>pc1` sorted by domain, pc1 rounded to four decimals.
pub fn compact_from_csv(csv: &str) -> Result<String> {
    let mut rows: Vec<(String, u16)> = Vec::new();
    for (i, line) in csv.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (i == 0 && line.starts_with("domain")) {
            continue;
        }
        let (domain, pc1) = line
            .rsplit_once(',')
            .ok_or_else(|| Error::Ratings { line: i + 1, message: "expected `domain,pc1`".into() })?;
        let score = parse_score(pc1)
            .ok_or_else(|| Error::Ratings { line: i + 1, message: format!("pc1 `{pc1}` is not in 0..1") })?;
        let domain = domain.trim().trim_matches('"').to_lowercase();
        if domain.is_empty() || domain.contains(char::is_whitespace) {
            return Err(Error::Ratings { line: i + 1, message: format!("bad domain `{domain}`") });
        }
        rows.push((domain, score));
    }
    rows.sort();
    rows.dedup_by(|a, b| a.0 == b.0);
    let mut out = String::with_capacity(rows.len() * 24 + 512);
    out.push_str("# News-domain quality ratings: pc1, 0 = lowest quality, 1 = highest, four decimals.\n");
    out.push_str(&format!("# Source: {CITATION}\n"));
    out.push_str("# Generated by corroborate-sources (`cargo run -p corroborate-sources --example build_ratings`).\n");
    out.push_str(&format!("# {} domains. domain<TAB>pc1\n", rows.len()));
    for (d, s) in rows {
        out.push_str(&format!("{d}\t{}\n", format_score(s)));
    }
    Ok(out)
}

fn format_score(s: u16) -> String {
    if s == 10_000 {
        "1".into()
    } else {
        let t = format!("{:.4}", s as f64 / SCALE);
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn shipped_table_is_complete_and_clean() {
        let lines = BUILTIN_TSV.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).count();
        let r = Ratings::builtin();
        assert_eq!(r.builtin_len(), lines, "every line of data/ratings.tsv parses");
        assert_eq!(r.builtin_len(), 11_520);
        assert!(BUILTIN_TSV.contains("10.1093/pnasnexus/pgad286"));
    }

    #[test]
    fn load_time_under_10ms() {
        // Parse the table from scratch (not through the cache) and keep the best of a few runs,
        // so a busy machine does not make the test flaky.
        let mut best = Duration::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            let n = load_uncached();
            best = best.min(t.elapsed());
            assert_eq!(n, 11_520);
        }
        eprintln!("ratings table parse: {best:?}");
        assert!(best < Duration::from_millis(10), "took {best:?}");
    }

    #[test]
    fn lookups_fold_subdomains_and_paths() {
        let r = Ratings::builtin();
        let rt = r.lookup("https://www.rt.com/russia/553000-bucha/").unwrap();
        assert_eq!(rt.matched, "rt.com");
        assert_eq!(rt.band, Band::Low);
        assert!((rt.pc1 - 0.2933).abs() < 1e-9);
        assert!(rt.percentile > 5.0 && rt.percentile < 30.0, "{}", rt.percentile);
        assert_eq!(r.lookup("reuters.com").unwrap().pc1, 1.0);
        // the highest is higher than all the others, and the next highest than all but one: not
        // shown as 100 %
        assert_eq!(r.lookup("reuters.com").unwrap().percentile, 100.0);
        assert_eq!(r.others("reuters.com"), 11_519);
        assert_eq!(r.lookup("apnews.com").unwrap().percentile, 99.9);
        assert_eq!(r.lookup("reuters.com").unwrap().band, Band::High);
        // A more specific key wins over the registrable domain.
        assert_eq!(r.lookup("https://www.rfi.fr/en/europe/x").unwrap().matched, "rfi.fr/en");
        assert_eq!(r.lookup("https://cnnespanol.cnn.com/x").unwrap().matched, "cnnespanol.cnn.com");
        assert_eq!(r.lookup("https://edition.cnn.com/x").unwrap().matched, "edition.cnn.com");
        assert_eq!(r.lookup("https://live.nytimes.com/2022/x").unwrap().matched, "nytimes.com");
        // Unknown stays unknown.
        assert_eq!(r.lookup("my-little-blog-nobody-rated.example"), None);
        assert_eq!(r.lookup("not a domain"), None);
    }

    #[test]
    fn user_overrides_add_replace_and_remove() {
        let mut r = Ratings::builtin();
        let diags = r.add_overrides(
            "domain,pc1\n# ours\nmy-local-paper.example, 0.7, checked by hand\nhttps://www.rt.com/,0.1\n\
             reuters.com\tunknown\nbad line\nx.example,7\n",
            "mine.csv",
        );
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags[1].message.contains("mine.csv:7"));
        let mine = r.lookup("news.my-local-paper.example").unwrap();
        assert_eq!(mine.band, Band::Fair);
        assert_eq!(mine.source, RatingSource::User { origin: "mine.csv".into() });
        assert_eq!(r.lookup("rt.com").unwrap().pc1, 0.1);
        assert_eq!(r.lookup("reuters.com"), None);
        assert_eq!(r.lookup("apnews.com").unwrap().source, RatingSource::Lin2023);
        assert_eq!(r.overrides_len(), 3);
    }

    #[test]
    fn compacts_the_published_csv() {
        let csv = "domain,pc1\nzeta.example,0.123456\nalpha.example,1\nsite.example/en,0.5\n";
        let out = compact_from_csv(csv).unwrap();
        let body: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(body, ["alpha.example\t1", "site.example/en\t0.5", "zeta.example\t0.1235"]);
        assert!(out.contains("pgad286"));
        assert!(compact_from_csv("domain,pc1\nx.example,2\n").is_err());
        assert!(compact_from_csv("domain,pc1\nnocomma\n").is_err());
    }

    #[test]
    fn fixed_point_parse_agrees_with_float_parse() {
        for s in ["0", "1", "0.5", "0.29", "0.293", "0.2933", "0.0001"] {
            assert_eq!(parse_fixed(s.as_bytes()), parse_score(s), "{s}");
        }
        assert_eq!(parse_fixed(b"0.12345"), None);
        assert_eq!(parse_fixed(b"0.1a"), None);
    }

    #[test]
    fn bands() {
        assert_eq!(Band::of(0.0), Band::Low);
        assert_eq!(Band::of(0.4), Band::Mixed);
        assert_eq!(Band::of(0.79), Band::Fair);
        assert_eq!(Band::of(0.8), Band::High);
    }
}
