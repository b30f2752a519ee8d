//! Reading FNC-1 CSV files (`Body ID,articleBody` and `Headline,Body ID[,Stance]`) from any reader,
//! and the deterministic body-disjoint split used for evaluation.

use crate::{ClaimStance, Error, Result};
use std::io::Read;

/// One headline/body pair; `stance` is the gold label when the file has a `Stance` column.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub headline: String,
    pub body_id: String,
    pub stance: Option<ClaimStance>,
}

fn column(headers: &csv::StringRecord, name: &str, what: &str) -> Result<usize> {
    headers.iter().position(|h| h.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case(name)).ok_or_else(|| {
        if headers.iter().all(|h| h.trim().is_empty()) {
            Error::Data(format!(
                "{what}: no header row (an empty file?); the first row names the columns, `{name}` among them"
            ))
        } else {
            let shown: Vec<&str> = headers.iter().collect();
            Error::Data(format!("{what}: no `{name}` column in the header row `{}`", shown.join(",")))
        }
    })
}

fn reader<R: Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new().flexible(true).from_reader(input)
}

/// Read `Body ID,articleBody` rows as `(id, text)` in file order; any bad row is an error (for
/// training and evaluation data, which must be whole).
pub fn read_bodies<R: Read>(input: R) -> Result<Vec<(String, String)>> {
    strict(|bad| read_bodies_with(input, bad))
}

/// [`read_bodies`], where a bad row, or a second row with an id already read (the first is kept),
/// is passed to `bad` and skipped; only a file without the columns is an error.
pub fn read_bodies_with<R: Read>(input: R, bad: &mut dyn FnMut(String)) -> Result<Vec<(String, String)>> {
    let mut rdr = reader(input);
    let headers = rdr.headers().map_err(|e| Error::Data(format!("bodies header: {e}")))?.clone();
    let id = column(&headers, "Body ID", "bodies")?;
    let body = column(&headers, "articleBody", "bodies")?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                bad(format!("bodies row {}: {e}; skipped", i + 2));
                continue;
            }
        };
        match (rec.get(id), rec.get(body)) {
            (Some(a), Some(_)) if !seen.insert(a.trim().to_string()) => {
                bad(format!("bodies row {}: Body ID {} was given before; the first is kept", i + 2, a.trim()))
            }
            (Some(a), Some(b)) => out.push((a.trim().to_string(), b.to_string())),
            _ => bad(format!("bodies row {}: missing fields; skipped", i + 2)),
        }
    }
    Ok(out)
}

/// Read `Headline,Body ID[,Stance]` rows in file order. An unknown stance label is an error; an
/// absent `Stance` column leaves every `stance` as `None`. Any bad row is an error.
pub fn read_stances<R: Read>(input: R) -> Result<Vec<Pair>> {
    strict(|bad| read_stances_with(input, true, bad))
}

/// [`read_stances`] for labelling (`labels` false: a `Stance` column is not read), where a bad row
/// is passed to `bad`: one without its headline or body id is kept with what it has (it comes out
/// unrelated, so the output keeps one row per input pair), one the CSV reader cannot read is
/// skipped. Only a file without the columns is an error.
pub fn read_stances_with<R: Read>(input: R, labels: bool, bad: &mut dyn FnMut(String)) -> Result<Vec<Pair>> {
    let mut rdr = reader(input);
    let headers = rdr.headers().map_err(|e| Error::Data(format!("stances header: {e}")))?.clone();
    let head = column(&headers, "Headline", "stances")?;
    let id = column(&headers, "Body ID", "stances")?;
    let stance = column(&headers, "Stance", "stances").ok().filter(|_| labels);
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                bad(format!("stances row {}: {e}; skipped", i + 2));
                continue;
            }
        };
        let (h, b) = match (rec.get(head), rec.get(id)) {
            (Some(h), Some(b)) => (h, b),
            (h, b) => {
                bad(format!("stances row {}: missing fields; labelled with what it has", i + 2));
                (h.unwrap_or(""), b.unwrap_or(""))
            }
        };
        let stance = match stance.and_then(|s| rec.get(s)).map(str::trim) {
            None | Some("") => None,
            Some(label) => match label.parse::<ClaimStance>() {
                Ok(s) => Some(s),
                Err(e) => {
                    bad(format!("stances row {}: {e}; skipped", i + 2));
                    continue;
                }
            },
        };
        out.push(Pair { headline: h.to_string(), body_id: b.trim().to_string(), stance });
    }
    Ok(out)
}

/// A lenient reader made strict: the first bad row is the error.
fn strict<T>(read: impl FnOnce(&mut dyn FnMut(String)) -> Result<T>) -> Result<T> {
    let mut first: Option<String> = None;
    let out = read(&mut |m| {
        first.get_or_insert(m);
    })?;
    match first {
        Some(m) => Err(Error::Data(m)),
        None => Ok(out),
    }
}

/// Whether a body belongs to the held-out part of the body-disjoint split: a fixed hash of its
/// id puts about `percent`% of bodies there, the same on every machine.
pub fn is_held_out(body_id: &str, percent: u64) -> bool {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in body_id.trim().bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    // mix the low bits, FNV's are weak
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h % 100 < percent
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_with_quotes_and_newlines() {
        let csv = "Body ID,articleBody\n7,\"He said \"\"no\"\".\nThen left.\"\n8,Plain body\n";
        let b = read_bodies(csv.as_bytes()).unwrap();
        assert_eq!(b, [("7".into(), "He said \"no\".\nThen left.".into()), ("8".into(), "Plain body".into())]);
    }

    #[test]
    fn stances_with_and_without_labels() {
        let csv = "Headline,Body ID,Stance\n\"Dam breaks, town flooded\",7,agree\nSpider story,8,unrelated\n";
        let p = read_stances(csv.as_bytes()).unwrap();
        assert_eq!(p[0].headline, "Dam breaks, town flooded");
        assert_eq!(p[0].stance, Some(ClaimStance::Agree));
        assert_eq!(p[1].stance, Some(ClaimStance::Unrelated));
        let p = read_stances("Headline,Body ID\nA claim,3\n".as_bytes()).unwrap();
        assert_eq!(p, [Pair { headline: "A claim".into(), body_id: "3".into(), stance: None }]);
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        assert!(read_stances("Title,Body\nx,1\n".as_bytes()).is_err());
        assert!(read_stances("Headline,Body ID,Stance\nx,1,maybe\n".as_bytes()).is_err());
        assert!(read_stances("Headline,Body ID,Stance\nx\n".as_bytes()).is_err());
        assert!(read_bodies("".as_bytes()).is_err());
    }

    #[test]
    fn lenient_readers_skip_bad_rows_and_say_which() {
        let mut bad = Vec::new();
        let b = read_bodies_with("Body ID,articleBody\n1,Dam safe\n1,Dam broke\n2\n3,Fine\n".as_bytes(), &mut |m| {
            bad.push(m)
        })
        .unwrap();
        assert_eq!(b, [("1".into(), "Dam safe".into()), ("3".into(), "Fine".into())]);
        assert_eq!(
            bad,
            ["bodies row 3: Body ID 1 was given before; the first is kept", "bodies row 4: missing fields; skipped"]
        );
        let mut bad = Vec::new();
        let csv = "Headline,Body ID,Stance\nA,1,agree\nB,1,maybe\nC\nD,3,\n";
        let p = read_stances_with(csv.as_bytes(), true, &mut |m| bad.push(m)).unwrap();
        assert_eq!(p.iter().map(|p| p.headline.as_str()).collect::<Vec<_>>(), ["A", "C", "D"]);
        assert_eq!(bad.len(), 2, "{bad:?}");
        // to label pairs, a Stance column is not read: one row per input pair, however labelled
        let mut bad = Vec::new();
        let p = read_stances_with(csv.as_bytes(), false, &mut |m| bad.push(m)).unwrap();
        assert_eq!(p.iter().map(|p| p.headline.as_str()).collect::<Vec<_>>(), ["A", "B", "C", "D"]);
        assert!(p.iter().all(|p| p.stance.is_none()));
        assert_eq!(bad, ["stances row 4: missing fields; labelled with what it has"]);
        // the strict readers still refuse a duplicate body id (training data must be whole)
        assert!(read_bodies("Body ID,articleBody\n1,a\n1,b\n".as_bytes()).is_err());
    }

    #[test]
    fn split_is_deterministic_and_near_the_share() {
        let held = (0..2000).filter(|i| is_held_out(&i.to_string(), 20)).count();
        assert!((300..500).contains(&held), "{held}");
        assert_eq!(is_held_out("712", 20), is_held_out(" 712 ", 20));
    }
}

/// Split pairs body-disjointly with [`is_held_out`]: `(train, held_out)`, each in input order.
pub fn split_body_disjoint(pairs: &[Pair], percent: u64) -> (Vec<Pair>, Vec<Pair>) {
    pairs.iter().cloned().partition(|p| !is_held_out(&p.body_id, percent))
}

/// Write FNC-1 output CSV: header `Headline,Body ID,Stance`, one row per pair in input order; a pair
/// without a stance (its body is missing) has an empty `Stance`, which no prediction has.
pub fn write_predictions<W: std::io::Write>(out: W, pairs: &[Pair], stances: &[Option<ClaimStance>]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = |e: csv::Error| Error::Data(format!("writing CSV: {e}"));
    w.write_record(["Headline", "Body ID", "Stance"]).map_err(err)?;
    for (p, s) in pairs.iter().zip(stances) {
        w.write_record([p.headline.as_str(), p.body_id.as_str(), s.map_or("", |s| s.as_str())]).map_err(err)?;
    }
    w.flush().map_err(|e| Error::Data(format!("writing CSV: {e}")))
}

#[cfg(test)]
mod write_tests {
    use super::*;

    #[test]
    fn output_round_trips_through_the_reader() {
        let pairs = vec![
            Pair { headline: "Mayor says \"no\", resigns".into(), body_id: "4".into(), stance: None },
            Pair { headline: "Plain".into(), body_id: "9".into(), stance: None },
        ];
        let mut buf = Vec::new();
        write_predictions(&mut buf, &pairs, &[Some(ClaimStance::Disagree), Some(ClaimStance::Unrelated)]).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with("Headline,Body ID,Stance\n"));
        let back = read_stances(text.as_bytes()).unwrap();
        assert_eq!(back[0].headline, pairs[0].headline);
        assert_eq!(back[0].stance, Some(ClaimStance::Disagree));
        assert_eq!(back[1].stance, Some(ClaimStance::Unrelated));
    }

    #[test]
    fn split_keeps_each_body_on_one_side() {
        let pairs: Vec<Pair> = (0..300)
            .map(|i| Pair { headline: format!("h{}", i % 7), body_id: (i % 50).to_string(), stance: None })
            .collect();
        let (train, test) = split_body_disjoint(&pairs, 20);
        assert_eq!(train.len() + test.len(), 300);
        assert!(!test.is_empty() && !train.is_empty());
        assert!(test.iter().all(|p| train.iter().all(|q| q.body_id != p.body_id)));
    }
}
