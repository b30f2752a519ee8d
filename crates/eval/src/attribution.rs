//! Attribution scores on PolNeAR-style brat annotations (Source, Cue and Content spans tied together
//! by `E` relation lines; spans may be discontinuous, `T3 Content 10 20;25 40`).
//!
//! Offsets in `.ann` files count Unicode code points; [`parse_ann`] converts them to byte offsets of
//! the text so that they compare directly with [`corroborate_model::Span`].
//!
//! **Matching.** In each document, gold and predicted attributions are paired one to one, greedily by
//! decreasing token overlap of cue plus content (a pair needs its cues or its contents to overlap).
//! Then, for each role (source, cue, content):
//! - *exact*: a pair counts when the role's spans are equal after trimming whitespace and punctuation
//!   from each fragment (fragments separated only by whitespace or punctuation are joined);
//! - *overlap*: partial credit by tokens: a pair adds |shared tokens| / |predicted tokens| to
//!   precision and |shared tokens| / |gold tokens| to recall (tokens: runs of letters and digits; a
//!   span with none, such as a colon cue, uses its other non-space characters);
//! - *any*: a pair counts when the role's spans share at least one token.
//!
//! Precision divides by the predicted attributions that have the role, recall by the gold ones.
//!
//! **Shared cues.** Predicted attributions with the same cue span are scored as one attribution
//! whose content is their contents together: PolNeAR annotates `"X," he said. "Y."` as one
//! attribution with a discontinuous content, where the engine reports X and Y as two attributions
//! of one cue (each content stays a contiguous span without the cue inside).
use corroborate_model::Span;
use std::collections::{BTreeSet, HashMap};

/// Errors reading an annotation file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("line {line}: {message}")]
    Parse { line: usize, message: String },
}

pub type Result<T> = std::result::Result<T, Error>;

/// A possibly discontinuous span: its fragments, as byte spans of the text.
pub type Fragments = Vec<Span>;

/// One gold attribution.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    pub source: Option<Fragments>,
    pub cue: Fragments,
    pub content: Fragments,
}

/// One predicted attribution (contiguous spans, byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    pub source: Option<Span>,
    pub cue: Span,
    pub content: Span,
}

/// The fragments, or `None` for none.
fn nonempty(v: &[Span]) -> Option<&[Span]> {
    (!v.is_empty()).then_some(v)
}

/// Reads a brat `.ann` file annotating `text`. Text-bound annotations that no relation uses are
/// ignored, as are `Discard`/`Discuss` labels and annotator notes.
pub fn parse_ann(ann: &str, text: &str) -> Result<Vec<GoldAttribution>> {
    let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(text.len());
    let mut spans: HashMap<&str, (String, Fragments)> = HashMap::new();
    let mut relations: Vec<(usize, &str)> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let line_no = n + 1;
        let err = |m: &str| Error::Parse { line: line_no, message: m.to_string() };
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else { continue };
        if id.starts_with('T') {
            let (label, offsets) = body.split_once(' ').ok_or_else(|| err("text-bound line without offsets"))?;
            let mut frags = Vec::new();
            for part in offsets.split(';') {
                let (a, b) = part.trim().split_once(' ').ok_or_else(|| err("bad offsets"))?;
                let a: usize = a.parse().map_err(|_| err("bad start offset"))?;
                let b: usize = b.parse().map_err(|_| err("bad end offset"))?;
                if a > b || b >= byte_of.len() {
                    return Err(err("offsets outside the text"));
                }
                frags.push(Span::new(byte_of[a], byte_of[b]));
            }
            spans.insert(id, (label.to_string(), frags));
        } else if id.starts_with('E') {
            relations.push((line_no, body));
        }
    }
    let mut out = Vec::new();
    for (line, body) in relations {
        let mut g = GoldAttribution::default();
        for arg in body.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else { continue };
            let Some((_, frags)) = spans.get(tid) else {
                return Err(Error::Parse { line, message: format!("relation names unknown span {tid}") });
            };
            match role {
                "Source" => g.source.get_or_insert_with(Vec::new).extend(frags.iter().copied()),
                "Cue" => g.cue.extend(frags.iter().copied()),
                "Content" | "Content2" => g.content.extend(frags.iter().copied()),
                _ => {}
            }
        }
        if !g.cue.is_empty() || !g.content.is_empty() {
            g.cue.sort();
            g.content.sort();
            out.push(g);
        }
    }
    Ok(out)
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(p_num: f64, p_den: usize, r_num: f64, r_den: usize) -> Prf {
        let precision = if p_den == 0 { 0.0 } else { p_num / p_den as f64 };
        let recall = if r_den == 0 { 0.0 } else { r_num / r_den as f64 };
        let f1 = crate::f1(precision, recall);
        Prf { precision, recall, f1 }
    }
}

/// Running sums for one role.
#[derive(Debug, Clone, Copy, Default)]
pub struct RoleTally {
    pub predicted: usize,
    pub gold: usize,
    pub exact: usize,
    pub any: usize,
    pub partial_p: f64,
    pub partial_r: f64,
}

impl RoleTally {
    pub fn exact(&self) -> Prf {
        Prf::new(self.exact as f64, self.predicted, self.exact as f64, self.gold)
    }
    pub fn overlap(&self) -> Prf {
        Prf::new(self.partial_p, self.predicted, self.partial_r, self.gold)
    }
    pub fn any(&self) -> Prf {
        Prf::new(self.any as f64, self.predicted, self.any as f64, self.gold)
    }
}

/// Sums over documents: source, cue, content.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub source: RoleTally,
    pub cue: RoleTally,
    pub content: RoleTally,
    pub documents: usize,
    pub gold_attributions: usize,
    pub predicted_attributions: usize,
    pub paired: usize,
}

/// Token keys (start offsets) of the tokens a set of fragments covers.
fn tokens(text: &str, frags: &[Span]) -> BTreeSet<usize> {
    let mut words = BTreeSet::new();
    let mut other = BTreeSet::new();
    for f in frags {
        let (s, e) = (f.start.min(text.len()), f.end.min(text.len()));
        let Some(slice) = text.get(s..e) else { continue };
        let mut in_word = false;
        for (i, c) in slice.char_indices() {
            if c.is_alphanumeric() {
                if !in_word {
                    // a word cut by the span start still counts as the same token
                    let mut start = s + i;
                    while let Some(p) = text[..start].chars().next_back().filter(|p| p.is_alphanumeric()) {
                        start -= p.len_utf8();
                    }
                    words.insert(start);
                }
                in_word = true;
            } else {
                in_word = false;
                if !c.is_whitespace() {
                    other.insert(s + i);
                }
            }
        }
    }
    if words.is_empty() {
        other
    } else {
        words
    }
}

/// Fragments trimmed of whitespace and punctuation, joined across gaps of only those.
fn normalise(text: &str, frags: &[Span]) -> Vec<(usize, usize)> {
    let trim = |c: char| !c.is_alphanumeric();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut sorted: Vec<Span> = frags.to_vec();
    sorted.sort();
    for f in sorted {
        let Some(slice) = text.get(f.start..f.end) else { continue };
        let lead = slice.len() - slice.trim_start_matches(trim).len();
        let t = slice.trim_matches(trim);
        if t.is_empty() {
            continue;
        }
        let (a, b) = (f.start + lead, f.start + lead + t.len());
        if let Some(last) = out.last_mut() {
            if a < last.1 || text[last.1..a].chars().all(trim) {
                last.1 = last.1.max(b);
                continue;
            }
        }
        out.push((a, b));
    }
    if out.is_empty() {
        // a colon cue: compare the raw fragments
        return frags.iter().map(|f| (f.start, f.end)).collect();
    }
    out
}

fn add_role(text: &str, tally: &mut RoleTally, gold: Option<&[Span]>, pred: Option<&[Span]>) {
    let (Some(g), Some(p)) = (gold, pred) else { return };
    if normalise(text, g) == normalise(text, p) {
        tally.exact += 1;
    }
    let tg = tokens(text, g);
    let tp = tokens(text, p);
    let shared = tg.intersection(&tp).count();
    if shared > 0 {
        tally.any += 1;
    }
    if !tp.is_empty() {
        tally.partial_p += shared as f64 / tp.len() as f64;
    }
    if !tg.is_empty() {
        tally.partial_r += shared as f64 / tg.len() as f64;
    }
}

impl Tally {
    /// Scores one document.
    pub fn add(&mut self, text: &str, gold: &[GoldAttribution], pred: &[Predicted]) {
        // predictions sharing a cue: one attribution with the contents as fragments
        let mut merged: Vec<GoldAttribution> = Vec::with_capacity(pred.len());
        for p in pred {
            match merged.iter_mut().find(|m| m.cue[0] == p.cue) {
                Some(m) => {
                    m.content.push(p.content);
                    m.source = m.source.take().or(p.source.map(|s| vec![s]));
                }
                None => merged.push(GoldAttribution {
                    source: p.source.map(|s| vec![s]),
                    cue: vec![p.cue],
                    content: vec![p.content],
                }),
            }
        }
        self.add_annotations(text, gold, &merged);
    }

    /// Scores one annotation of a document against another (`pred` with fragments, as an
    /// annotator's): what [`Tally::add`] does once predictions sharing a cue are merged, and what
    /// inter-annotator agreement is measured with.
    pub fn add_annotations(&mut self, text: &str, gold: &[GoldAttribution], pred: &[GoldAttribution]) {
        self.documents += 1;
        self.gold_attributions += gold.len();
        self.predicted_attributions += pred.len();
        for g in gold {
            self.source.gold += usize::from(g.source.is_some());
            self.cue.gold += usize::from(!g.cue.is_empty());
            self.content.gold += usize::from(!g.content.is_empty());
        }
        for p in pred {
            self.source.predicted += usize::from(p.source.is_some());
            self.cue.predicted += usize::from(!p.cue.is_empty());
            self.content.predicted += usize::from(!p.content.is_empty());
        }
        let gt: Vec<(BTreeSet<usize>, BTreeSet<usize>)> =
            gold.iter().map(|g| (tokens(text, &g.cue), tokens(text, &g.content))).collect();
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for (pi, p) in pred.iter().enumerate() {
            let pc = tokens(text, &p.cue);
            let pt = tokens(text, &p.content);
            for (gi, (gc, gcont)) in gt.iter().enumerate() {
                let cue = gc.intersection(&pc).count();
                let content = gcont.intersection(&pt).count();
                if cue == 0 && content == 0 {
                    continue;
                }
                let frac = |n: usize, a: &BTreeSet<usize>, b: &BTreeSet<usize>| {
                    if n == 0 {
                        0.0
                    } else {
                        2.0 * n as f64 / (a.len() + b.len()) as f64
                    }
                };
                candidates.push((frac(cue, gc, &pc) + frac(content, gcont, &pt), pi, gi));
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut used_p = vec![false; pred.len()];
        let mut used_g = vec![false; gold.len()];
        for (_, pi, gi) in candidates {
            if used_p[pi] || used_g[gi] {
                continue;
            }
            used_p[pi] = true;
            used_g[gi] = true;
            self.paired += 1;
            let (g, p) = (&gold[gi], &pred[pi]);
            add_role(text, &mut self.source, g.source.as_deref(), p.source.as_deref());
            add_role(text, &mut self.cue, nonempty(&g.cue), nonempty(&p.cue));
            add_role(text, &mut self.content, nonempty(&g.content), nonempty(&p.content));
        }
    }

    /// A Markdown table of the scores.
    pub fn table(&self) -> String {
        let mut s = String::from("| role | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | any-overlap F1 |\n|---|---|---|---|---|---|---|---|\n");
        for (name, r) in [("source", &self.source), ("cue", &self.cue), ("content", &self.content)] {
            let (e, o, a) = (r.exact(), r.overlap(), r.any());
            s += &format!(
                "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |\n",
                e.precision, e.recall, e.f1, o.precision, o.recall, o.f1, a.f1
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Héllo. “We won,” the mayor said, adding that rain fell.";

    #[test]
    fn parses_code_point_offsets_and_discontinuous_spans() {
        // "mayor" starts at code point 21 (é and “ are multibyte)
        let ann = "T1\tSource 17 26\tthe mayor\nT2\tCue 27 31\tsaid\nT3\tContent 8 14;45 54\tWe won rain fell\n\
                   T4\tAttribution 27 31\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\n";
        let g = parse_ann(ann, TEXT).unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].source.as_ref().unwrap()[0].slice(TEXT), "the mayor");
        assert_eq!(g[0].cue[0].slice(TEXT), "said");
        assert_eq!(g[0].content[0].slice(TEXT), "We won");
        assert_eq!(g[0].content.len(), 2);
        assert!(parse_ann("T1\tCue 0 999\tx\n", TEXT).is_err());
    }

    #[test]
    fn exact_overlap_and_unpaired() {
        let ann = "T1\tSource 17 26\tthe mayor\nT2\tCue 27 31\tsaid\nT3\tContent 8 14\tWe won\n\
                   E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT4\tAttribution 27 31\tsaid\n";
        let g = parse_ann(ann, TEXT).unwrap();
        let find = |s: &str| {
            let a = TEXT.find(s).unwrap();
            Span::new(a, a + s.len())
        };
        // source "mayor" is partial (1 of 2 tokens), cue exact, content exact after trimming the comma
        let p = vec![
            Predicted { source: Some(find("mayor")), cue: find("said"), content: find("We won,") },
            Predicted { source: None, cue: find("adding"), content: find("rain fell") },
        ];
        let mut t = Tally::default();
        t.add(TEXT, &g, &p);
        assert_eq!(t.paired, 1);
        assert_eq!(t.cue.exact, 1);
        assert_eq!(t.content.exact, 1);
        assert_eq!(t.source.exact, 0);
        assert!((t.source.partial_p - 1.0).abs() < 1e-9 && (t.source.partial_r - 0.5).abs() < 1e-9);
        let cue = t.cue.exact();
        assert!((cue.precision - 0.5).abs() < 1e-9 && (cue.recall - 1.0).abs() < 1e-9);
        assert_eq!(t.source.overlap().precision, 1.0);
    }

    #[test]
    fn predictions_sharing_a_cue_score_as_one_discontinuous_content() {
        let text = "“We won,” the mayor said. “Rain fell.”";
        let ann = "T1\tSource 10 19\tthe mayor\nT2\tCue 20 24\tsaid\nT3\tContent 1 7;27 36\tWe won Rain fell\n\
                   E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let g = parse_ann(ann, text).unwrap();
        let find = |s: &str| {
            let a = text.find(s).unwrap();
            Span::new(a, a + s.len())
        };
        let (source, cue) = (Some(find("the mayor")), find("said"));
        let both =
            [Predicted { source, cue, content: find("We won") }, Predicted { source, cue, content: find("Rain fell") }];
        let mut t = Tally::default();
        t.add(text, &g, &both);
        assert_eq!((t.predicted_attributions, t.paired, t.content.exact), (1, 1, 1));
        // one part alone is half the content
        let mut half = Tally::default();
        half.add(text, &g, &both[..1]);
        assert_eq!(half.content.exact, 0);
        assert!((half.content.partial_r - 0.5).abs() < 1e-9);
    }

    #[test]
    fn one_annotation_against_another_keeps_its_fragments() {
        let text = "“We won,” the mayor said. “Rain fell.”";
        let whole = "T1\tSource 10 19\tthe mayor\nT2\tCue 20 24\tsaid\nT3\tContent 1 7;27 36\tWe won Rain fell\n\
                     E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let first = "T1\tSource 14 19\tmayor\nT2\tCue 20 24\tsaid\nT3\tContent 1 7\tWe won\n\
                     E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let (whole, first) = (parse_ann(whole, text).unwrap(), parse_ann(first, text).unwrap());
        let mut same = Tally::default();
        same.add_annotations(text, &whole, &whole);
        assert_eq!((same.paired, same.source.exact, same.cue.exact, same.content.exact), (1, 1, 1, 1));
        // the second annotator marks half the content and half the source
        let mut t = Tally::default();
        t.add_annotations(text, &whole, &first);
        assert_eq!((t.paired, t.cue.exact, t.content.exact, t.source.exact), (1, 1, 0, 0));
        assert!((t.content.partial_r - 0.5).abs() < 1e-9 && (t.content.partial_p - 1.0).abs() < 1e-9);
        assert!((t.source.partial_r - 0.5).abs() < 1e-9);
    }
}

const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "also", "did", "does", "do", "is", "are", "was", "were", "will", "would", "could", "be",
    "been", "being", "not", "then", "again", "once", "just", "still", "even", "never", "often", "first", "later",
];

/// Counts, for a cue lexicon learnt from gold annotations: how often each lowercase word is part
/// of a gold cue, and how often it occurs at all.
#[derive(Debug, Default)]
pub struct CueCounts {
    pub in_cue: HashMap<String, usize>,
    pub total: HashMap<String, usize>,
}

impl CueCounts {
    /// Adds one annotated document.
    pub fn add(&mut self, text: &str, gold: &[GoldAttribution]) {
        let cues: Vec<Span> = gold.iter().filter_map(|g| g.cue.first().copied()).collect();
        let toks = corroborate_nlp::tokenize(text, &[]);
        // the head of a cue: its first word that is not an auxiliary or an adverb
        let skip = |w: &str| w.ends_with("ly") || AUXILIARIES.contains(&w);
        let mut heads = std::collections::HashSet::new();
        for c in &cues {
            if let Some(t) =
                toks.iter().find(|t| c.contains(&t.span) && t.kind == corroborate_nlp::TokKind::Word && !skip(&t.lower))
            {
                heads.insert(t.span.start);
            }
        }
        for t in toks {
            if t.kind != corroborate_nlp::TokKind::Word || skip(&t.lower) {
                continue;
            }
            *self.total.entry(t.lower.to_string()).or_default() += 1;
            if heads.contains(&t.span.start) {
                *self.in_cue.entry(t.lower.into_string()).or_default() += 1;
            }
        }
    }

    /// Words seen in cues at least `min_count` times and at a rate of at least `min_rate`, as TSV
    /// lines `word<TAB>in_cue<TAB>total`, sorted by word.
    pub fn lexicon(&self, min_count: usize, min_rate: f64) -> String {
        let mut rows: Vec<(&String, usize, usize)> = self
            .in_cue
            .iter()
            .map(|(w, &c)| (w, c, self.total.get(w).copied().unwrap_or(c)))
            .filter(|&(_, c, t)| c >= min_count && c as f64 >= min_rate * t as f64)
            .collect();
        rows.sort();
        let mut out = format!(
            "# Cue heads learnt from PolNeAR annotations by `corroborate eval attribution --learn-cues` (min-count {min_count}, min-rate {min_rate}): word, times it heads a gold cue, times it occurs.\n"
        );
        out.extend(rows.iter().map(|(w, c, t)| format!("{w}\t{c}\t{t}\n")));
        out
    }
}
