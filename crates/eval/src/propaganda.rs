//! SemEval-2020 Task 11 (propaganda techniques): the corpus reader, the document-disjoint split, and
//! the task's two metrics.
//!
//! * **SI** (span identification): per article, overlapping spans of the prediction and of the gold
//!   are merged; then, over all articles, precision = Σ |s∩t| / |s| over predicted spans s and gold
//!   spans t, divided by the number of predicted spans; recall = Σ |s∩t| / |t| divided by the
//!   number of gold spans; F1 their harmonic mean. Lengths are counted in characters, as the task's
//!   scorer does.
//! * **TC** (technique classification on gold spans): every gold line gets one predicted label; where
//!   several gold lines share a span, the top-k labels are predicted for its k lines and matched as a
//!   multiset. Micro-F1 equals accuracy here because each gold line gets exactly one prediction.

use corroborate_model::{OffsetMap, Span};
use std::collections::BTreeMap;
use std::path::Path;

/// One article of the corpus; spans are byte offsets into `text`.
#[derive(Debug, Clone, Default)]
pub struct PtcArticle {
    pub id: String,
    pub text: String,
    pub si: Vec<Span>,
    pub tc: Vec<(String, Span)>,
}

/// Errors reading the corpus.
#[derive(Debug, thiserror::Error)]
pub enum PtcError {
    #[error("cannot read {path}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Format(String),
}

fn read(path: &Path) -> Result<String, PtcError> {
    std::fs::read_to_string(path).map_err(|source| PtcError::Io { path: path.display().to_string(), source })
}

/// Reads `articles/article<ID>.txt` and `labels/article<ID>.task1-SI.labels` /
/// `.task2-TC.labels` under `dir`. Articles are returned in id order. Malformed label lines are
/// skipped and counted in the returned warnings.
pub fn load(dir: &Path) -> Result<(Vec<PtcArticle>, Vec<String>), PtcError> {
    let articles_dir = dir.join("articles");
    let entries = std::fs::read_dir(&articles_dir)
        .map_err(|source| PtcError::Io { path: articles_dir.display().to_string(), source })?;
    let mut ids: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_prefix("article").and_then(|n| n.strip_suffix(".txt")).map(str::to_string)
        })
        .collect();
    ids.sort();
    let mut warnings = Vec::new();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let text = read(&articles_dir.join(format!("article{id}.txt")))?;
        let chars: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let to_byte = |c: usize| chars.get(c).copied().unwrap_or(text.len());
        let mut art = PtcArticle { id: id.clone(), ..Default::default() };
        for (suffix, labelled) in [("task1-SI", false), ("task2-TC", true)] {
            let path = dir.join("labels").join(format!("article{id}.{suffix}.labels"));
            let Ok(labels) = read(&path) else {
                warnings.push(format!("{}: missing", path.display()));
                continue;
            };
            for line in labels.lines().filter(|l| !l.trim().is_empty()) {
                let cols: Vec<&str> = line.split('\t').collect();
                let (label, s, e) = match (labelled, cols.as_slice()) {
                    (false, [_, s, e]) => (None, s, e),
                    (true, [_, l, s, e]) => (Some(*l), s, e),
                    _ => {
                        warnings.push(format!("{}: bad line {line:?}", path.display()));
                        continue;
                    }
                };
                let (Ok(s), Ok(e)) = (s.trim().parse::<usize>(), e.trim().parse::<usize>()) else {
                    warnings.push(format!("{}: bad offsets {line:?}", path.display()));
                    continue;
                };
                if s >= e {
                    continue;
                }
                let span = Span::new(to_byte(s), to_byte(e));
                match label {
                    None => art.si.push(span),
                    Some(l) => art.tc.push((l.to_string(), span)),
                }
            }
        }
        art.text = text;
        out.push(art);
    }
    Ok((out, warnings))
}

/// The document-disjoint dev split: articles whose numeric id is divisible by 5 (about 20%).
pub fn is_dev(id: &str) -> bool {
    let digits: String = id.chars().filter(|c| c.is_ascii_digit()).collect();
    digits.parse::<u64>().map(|n| n.is_multiple_of(5)).unwrap_or_else(|_| id.len().is_multiple_of(5))
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(precision: f64, recall: f64) -> Self {
        let f1 = crate::f1(precision, recall);
        Prf { precision, recall, f1 }
    }
}

fn merge(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// SI precision/recall/F1 over articles: `(text, predicted byte spans, gold byte spans)`.
pub fn si_score(articles: &[(&str, &[Span], &[Span])]) -> Prf {
    let (mut p_sum, mut r_sum, mut n_pred, mut n_gold) = (0.0, 0.0, 0usize, 0usize);
    for (text, pred, gold) in articles {
        let map = OffsetMap::new(text);
        let chars = |v: &[Span]| {
            merge(v.iter().map(|s| (map.char_offset(s.start), map.char_offset(s.end))).filter(|(s, e)| e > s).collect())
        };
        let (pred, gold) = (chars(pred), chars(gold));
        n_pred += pred.len();
        n_gold += gold.len();
        for &(ps, pe) in &pred {
            for &(gs, ge) in &gold {
                let overlap = pe.min(ge).saturating_sub(ps.max(gs)) as f64;
                if overlap > 0.0 {
                    p_sum += overlap / (pe - ps) as f64;
                    r_sum += overlap / (ge - gs) as f64;
                }
            }
        }
    }
    let p = if n_pred > 0 { p_sum / n_pred as f64 } else { 0.0 };
    let r = if n_gold > 0 { r_sum / n_gold as f64 } else { 0.0 };
    Prf::new(p, r)
}

/// TC result: micro-F1 and per-label scores.
#[derive(Debug, Clone, Default)]
pub struct TcScore {
    pub micro_f1: f64,
    pub gold: usize,
    pub correct: usize,
    /// label -> (gold count, predicted count, correct)
    pub per_label: BTreeMap<String, (usize, usize, usize)>,
}

/// TC scoring. `gold` holds one entry per gold line: (article index, span, label). `ranked` gives,
/// for each distinct (article, span), the labels best first.
pub fn tc_score(gold: &[(usize, Span, String)], ranked: &dyn Fn(usize, Span) -> Vec<String>) -> TcScore {
    let mut groups: BTreeMap<(usize, Span), Vec<&str>> = BTreeMap::new();
    for (a, s, l) in gold {
        groups.entry((*a, *s)).or_default().push(l);
    }
    let mut score = TcScore { gold: gold.len(), ..Default::default() };
    for ((a, s), labels) in groups {
        let predicted: Vec<String> = ranked(a, s).into_iter().take(labels.len()).collect();
        let mut remaining = labels.clone();
        for l in &labels {
            score.per_label.entry(l.to_string()).or_default().0 += 1;
        }
        for p in &predicted {
            let e = score.per_label.entry(p.clone()).or_default();
            e.1 += 1;
            if let Some(i) = remaining.iter().position(|g| g == p) {
                remaining.swap_remove(i);
                e.2 += 1;
                score.correct += 1;
            }
        }
    }
    score.micro_f1 = if score.gold > 0 { score.correct as f64 / score.gold as f64 } else { 0.0 };
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn si_gives_partial_credit_by_character_overlap() {
        let text = "0123456789abcdefghij";
        let gold = [Span::new(0, 10)];
        let pred = [Span::new(5, 15)];
        let s = si_score(&[(text, &pred, &gold)]);
        assert!((s.precision - 0.5).abs() < 1e-9);
        assert!((s.recall - 0.5).abs() < 1e-9);
        let none = si_score(&[(text, &[], &gold)]);
        assert_eq!(none.f1, 0.0);
        // overlapping predictions are merged before counting
        let twice = si_score(&[(text, &[Span::new(0, 10), Span::new(2, 8)], &gold)]);
        assert!((twice.f1 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn si_counts_characters_not_bytes() {
        let text = "ééééé abc";
        let gold = [Span::new(0, "ééééé".len())];
        let pred = [Span::new(0, "éé".len())];
        let s = si_score(&[(text, &pred, &gold)]);
        assert!((s.recall - 0.4).abs() < 1e-9);
    }

    #[test]
    fn tc_matches_shared_spans_as_multisets() {
        let s = Span::new(0, 3);
        let t = Span::new(4, 8);
        let gold = vec![(0, s, "Doubt".to_string()), (0, s, "Slogans".to_string()), (0, t, "Doubt".to_string())];
        let score = tc_score(&gold, &|_, sp| {
            if sp == s {
                vec!["Slogans".into(), "Repetition".into()]
            } else {
                vec!["Doubt".into()]
            }
        });
        assert_eq!(score.correct, 2);
        assert!((score.micro_f1 - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn dev_split_is_by_document_id() {
        assert!(is_dev("111111115"));
        assert!(!is_dev("111111112"));
    }
}
