//! Checks of the outlet tables against the public data: does the shipped ratings table hold the
//! published figures, how long does it take to load, and how many outlets of the EUvsDisinfo case
//! database do we identify, rate and find on our state-media list.

use corroborate_sources::{profile::OutletHints, ratings, Knowledge};
use serde::Serialize;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Shipped ratings table versus the published CSV.
#[derive(Debug, Clone, Serialize)]
pub struct TableCheck {
    pub published: usize,
    pub shipped: usize,
    /// Published domains missing from the shipped table.
    pub missing: usize,
    /// Largest |shipped - published| pc1 difference (rounding to four decimals).
    pub max_abs_diff: f64,
}

/// Compares the shipped table with the text of `domain_pc1.csv`.
pub fn check_table(csv: &str) -> TableCheck {
    let kb = Knowledge::builtin();
    let shipped: HashMap<&str, u16> = kb.ratings.builtin_entries().iter().copied().collect();
    let (mut published, mut missing, mut max) = (0, 0, 0.0f64);
    for line in csv.lines().skip(1) {
        let Some((d, v)) = line.trim().rsplit_once(',') else { continue };
        let Ok(v) = v.parse::<f64>() else { continue };
        published += 1;
        match shipped.get(d.trim().to_lowercase().as_str()) {
            Some(&s) => max = max.max((s as f64 / 10_000.0 - v).abs()),
            None => missing += 1,
        }
    }
    TableCheck { published, shipped: shipped.len(), missing, max_abs_diff: max }
}

/// Best and median time of `runs` fresh parses of the shipped table.
pub fn load_time(runs: usize) -> (Duration, Duration) {
    let mut t: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(ratings::load_uncached());
            s.elapsed()
        })
        .collect();
    t.sort();
    (t[0], t[t.len() / 2])
}

/// Coverage of the outlets named in the EUvsDisinfo database.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    pub distinct_outlets: usize,
    pub identified: usize,
    pub rated: usize,
    pub state_media: usize,
    /// The same counts weighted by the number of cases naming the outlet.
    pub mentions: usize,
    pub mentions_identified: usize,
    pub mentions_rated: usize,
    pub mentions_state_media: usize,
}

/// Reads the `outlets` column (comma-separated names) of EUvsDisinfo's `posts.csv`.
pub fn outlet_counts(csv: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let mut rows = csv_rows(csv);
    let Some(header) = rows.next() else { return counts };
    let Some(col) = header.iter().position(|h| h == "outlets") else { return counts };
    for row in rows {
        if let Some(cell) = row.get(col) {
            for o in cell.split(',').map(str::trim).filter(|o| !o.is_empty()) {
                *counts.entry(o.to_string()).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Identification, rating and state-media coverage of outlet names (with their case counts).
pub fn coverage(kb: &Knowledge, counts: &HashMap<String, usize>) -> Coverage {
    let mut c = Coverage::default();
    for (name, &n) in counts {
        let p = kb.profile(&OutletHints::query(name));
        c.distinct_outlets += 1;
        c.mentions += n;
        if p.domain.is_some() && (p.name.is_some() || p.rating.is_some()) {
            c.identified += 1;
            c.mentions_identified += n;
        }
        if p.rating.is_some() {
            c.rated += 1;
            c.mentions_rated += n;
        }
        if p.state_media.is_some() {
            c.state_media += 1;
            c.mentions_state_media += n;
        }
    }
    c
}

/// A small RFC 4180 reader: quoted fields with doubled quotes and embedded newlines.
pub(crate) fn csv_rows(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    let mut chars = text.chars().peekable();
    std::iter::from_fn(move || {
        chars.peek()?;
        let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
        while let Some(ch) = chars.next() {
            match (ch, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => row.push(std::mem::take(&mut field)),
                ('\n', false) => break,
                ('\r', false) => {}
                (c, _) => field.push(c),
            }
        }
        row.push(field);
        Some(row)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_check_and_coverage_on_small_inputs() {
        let t = check_table("domain,pc1\nrt.com,0.293277424671587\nnot-shipped.example,0.5\n");
        assert_eq!((t.published, t.missing), (2, 1));
        assert!(t.max_abs_diff < 5e-5);
        let counts =
            outlet_counts("date,id,outlets\n2020,1,\"RT English, someblog.example\"\n2020,2,\"Sputnik Poland\"\n");
        assert_eq!(counts.len(), 3);
        let c = coverage(&Knowledge::builtin(), &counts);
        assert_eq!((c.distinct_outlets, c.identified, c.rated, c.state_media), (3, 2, 2, 2));
    }
}
