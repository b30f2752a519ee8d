//! Story clustering: B-cubed precision, recall and F1 against gold story ids, and the loaders of
//! the two gold sets (FNC-1 training bodies grouped into stories; the UCI News Aggregator sample).
use std::collections::HashMap;
use std::path::Path;

/// B-cubed scores over items.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct BCubed {
    /// Mean over items of the share of the item's predicted cluster that is in its gold story.
    pub precision: f64,
    /// Mean over items of the share of the item's gold story that is in its predicted cluster.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

/// B-cubed precision, recall and F1 of `predicted` against `gold` (same length, one label per
/// item). Empty input scores 0.
pub fn bcubed<P: Eq + std::hash::Hash, G: Eq + std::hash::Hash>(predicted: &[P], gold: &[G]) -> BCubed {
    let n = predicted.len().min(gold.len());
    if n == 0 {
        return BCubed { precision: 0.0, recall: 0.0, f1: 0.0 };
    }
    let mut pred_size: HashMap<&P, usize> = HashMap::new();
    let mut gold_size: HashMap<&G, usize> = HashMap::new();
    let mut both: HashMap<(&P, &G), usize> = HashMap::new();
    for i in 0..n {
        *pred_size.entry(&predicted[i]).or_default() += 1;
        *gold_size.entry(&gold[i]).or_default() += 1;
        *both.entry((&predicted[i], &gold[i])).or_default() += 1;
    }
    let (mut p, mut r) = (0f64, 0f64);
    for i in 0..n {
        let shared = both[&(&predicted[i], &gold[i])] as f64;
        p += shared / pred_size[&predicted[i]] as f64;
        r += shared / gold_size[&gold[i]] as f64;
    }
    let (precision, recall) = (p / n as f64, r / n as f64);
    let f1 = crate::f1(precision, recall);
    BCubed { precision, recall, f1 }
}

/// Where a predicted clustering loses against gold, as bounds: what B-cubed would be if some of
/// the errors were mended by an oracle that knows the gold stories.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Diagnosis {
    /// The largest predicted stories (up to five): size and gold make-up, largest share first.
    pub largest: Vec<(usize, Vec<(String, usize)>)>,
    /// Every predicted story split exactly by gold: precision 1, recall as predicted (the bound
    /// that splitting alone can reach).
    pub split_all: BCubed,
    /// Only the largest predicted story split by gold.
    pub split_largest: BCubed,
    /// The largest split by gold, and every predicted story of fewer than `small` items folded into
    /// the story (of at least `small` items) that holds most of the gold story most of its items
    /// belong to (mending the lump and the leftovers, not the rest).
    pub split_largest_fold_small: BCubed,
    /// The size under which a predicted story counts as small.
    pub small: usize,
}

/// The [`Diagnosis`] of `predicted` against `gold` (same length).
pub fn diagnose<P: Eq + std::hash::Hash + Clone + Ord, G: Eq + std::hash::Hash + Clone + Ord + ToString>(
    predicted: &[P],
    gold: &[G],
    small: usize,
) -> Diagnosis {
    use std::collections::BTreeMap;
    let n = predicted.len().min(gold.len());
    let mut make_up: BTreeMap<&P, BTreeMap<&G, usize>> = BTreeMap::new();
    for i in 0..n {
        *make_up.entry(&predicted[i]).or_default().entry(&gold[i]).or_default() += 1;
    }
    let size = |p: &P| make_up[p].values().sum::<usize>();
    let mut by_size: Vec<&P> = make_up.keys().copied().collect();
    by_size.sort_by_key(|p| std::cmp::Reverse(size(p)));
    let majority =
        |p: &P| make_up[p].iter().max_by_key(|(g, c)| (**c, std::cmp::Reverse(**g))).map(|(g, _)| (*g).clone());
    let largest_story = by_size.first().copied().cloned();
    // labels: (predicted story or none, gold story or none); an oracle step replaces one side
    type Label<P, G> = (Option<P>, Option<G>);
    let plain = |p: &P, g: &G| -> Label<P, G> {
        if largest_story.as_ref() == Some(p) {
            (Some(p.clone()), Some(g.clone()))
        } else {
            (Some(p.clone()), None)
        }
    };
    // where a small story's majority gold story lives: the story of at least `small` items holding
    // most of it (its gold part, if that is the split largest), else with the other leftovers
    let home = |g: &G| -> Label<P, G> {
        by_size
            .iter()
            .filter(|p| size(p) >= small)
            .max_by_key(|p| (make_up[**p].get(g).copied().unwrap_or(0), std::cmp::Reverse(**p)))
            .filter(|p| make_up[**p].contains_key(g))
            .map_or((None, Some(g.clone())), |p| plain(p, g))
    };
    let relabel = |split_all: bool, fold: bool| -> Vec<Label<P, G>> {
        (0..n)
            .map(|i| {
                let p = &predicted[i];
                if split_all {
                    (Some(p.clone()), Some(gold[i].clone()))
                } else if fold && size(p) < small {
                    majority(p).map_or((None, None), |g| home(&g))
                } else {
                    plain(p, &gold[i])
                }
            })
            .collect()
    };
    let g = &gold[..n];
    let largest = by_size
        .iter()
        .take(5)
        .map(|p| {
            let mut parts: Vec<(String, usize)> = make_up[*p].iter().map(|(g, c)| (g.to_string(), *c)).collect();
            parts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            (size(p), parts)
        })
        .collect();
    Diagnosis {
        largest,
        split_all: bcubed(&relabel(true, false), g),
        split_largest: bcubed(&relabel(false, false), g),
        split_largest_fold_small: bcubed(&relabel(false, true), g),
        small,
    }
}

/// One item of a gold clustering set.
#[derive(Debug, Clone)]
pub struct StoryItem {
    /// The item's id in its source file.
    pub id: String,
    /// The text to cluster.
    pub text: String,
    /// The gold story.
    pub story: String,
}

/// Errors of the loaders.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file could not be read.
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    /// A file does not have the expected columns.
    #[error("{0}: {1}")]
    Format(String, String),
}

fn read(path: &Path) -> Result<String, LoadError> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| LoadError::Io(path.display().to_string(), e))
}

/// Parses CSV (RFC 4180: quoted fields may hold commas, doubled quotes and newlines).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn column(header: &[String], name: &str, file: &Path) -> Result<usize, LoadError> {
    header
        .iter()
        .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
        .ok_or_else(|| LoadError::Format(file.display().to_string(), format!("no column {name}")))
}

/// The FNC-1 training bodies (sorted by id) and the related (headline, body index, stance) rows.
type FncRows = (Vec<(u64, String)>, Vec<(String, usize, String)>);

fn read_fnc(dir: &Path) -> Result<FncRows, LoadError> {
    let bodies_path = dir.join("train_bodies.csv");
    let stances_path = dir.join("train_stances.csv");
    let bodies = parse_csv(&read(&bodies_path)?);
    let stances = parse_csv(&read(&stances_path)?);
    let (bh, brows) =
        bodies.split_first().ok_or_else(|| LoadError::Format(bodies_path.display().to_string(), "empty".into()))?;
    let (sh, srows) =
        stances.split_first().ok_or_else(|| LoadError::Format(stances_path.display().to_string(), "empty".into()))?;
    let (b_id, b_text) = (column(bh, "Body ID", &bodies_path)?, column(bh, "articleBody", &bodies_path)?);
    let (s_head, s_id, s_stance) = (
        column(sh, "Headline", &stances_path)?,
        column(sh, "Body ID", &stances_path)?,
        column(sh, "Stance", &stances_path)?,
    );
    let mut texts: Vec<(u64, String)> =
        brows.iter().filter_map(|r| Some((r.get(b_id)?.trim().parse().ok()?, r.get(b_text)?.clone()))).collect();
    texts.sort_by_key(|t| t.0);
    let index: HashMap<u64, usize> = texts.iter().enumerate().map(|(i, t)| (t.0, i)).collect();
    let mut rows = Vec::new();
    for r in srows {
        let (Some(h), Some(id), Some(st)) = (r.get(s_head), r.get(s_id), r.get(s_stance)) else { continue };
        if st.trim() == "unrelated" {
            continue;
        }
        let Some(&b) = id.trim().parse::<u64>().ok().and_then(|id| index.get(&id)) else { continue };
        rows.push((h.clone(), b, st.trim().to_string()));
    }
    Ok((texts, rows))
}

/// Story roots of the FNC-1 bodies: bodies related to one headline are one story (connected
/// components); `None` for a body related to no headline.
fn fnc_roots(n: usize, rows: &[(String, usize, String)]) -> Vec<Option<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut related = vec![false; n];
    let mut by_headline: HashMap<&str, usize> = HashMap::new();
    for (h, b, _) in rows {
        related[*b] = true;
        match by_headline.get(h.as_str()) {
            Some(&other) => {
                let (x, y) = (find(&mut parent, other), find(&mut parent, *b));
                parent[x.max(y)] = x.min(y);
            }
            None => {
                by_headline.insert(h.as_str(), *b);
            }
        }
    }
    (0..n).map(|i| related[i].then(|| find(&mut parent, i))).collect()
}

/// The FNC-1 training bodies grouped into stories: bodies related (agree, disagree, discuss) to
/// the same headline are one story; stories are the connected components. Bodies related to no
/// headline are left out. `dir` holds `train_bodies.csv` and `train_stances.csv`. Items come in
/// body-id order; the story label is the smallest body id of the component.
pub fn load_fnc_stories(dir: &Path) -> Result<Vec<StoryItem>, LoadError> {
    let (texts, rows) = read_fnc(dir)?;
    let roots = fnc_roots(texts.len(), &rows);
    Ok(roots
        .iter()
        .enumerate()
        .filter_map(|(i, root)| {
            let root = (*root)?;
            Some(StoryItem { id: texts[i].0.to_string(), text: texts[i].1.clone(), story: texts[root].0.to_string() })
        })
        .collect())
}

/// One FNC-1 story with its labels: the bodies (id, text) in body-id order, the headlines, and
/// each related (headline, body, stance) as indices into those.
#[derive(Debug, Clone)]
pub struct LabelledStory {
    pub bodies: Vec<(u64, String)>,
    pub headlines: Vec<String>,
    pub labels: Vec<(usize, usize, crate::contradictions::Label)>,
}

/// The FNC-1 stories of [`load_fnc_stories`] with their headlines and stance labels, in the order
/// of their smallest body id.
pub fn load_fnc_labelled(dir: &Path) -> Result<Vec<LabelledStory>, LoadError> {
    let (texts, rows) = read_fnc(dir)?;
    let roots = fnc_roots(texts.len(), &rows);
    let mut story_of_root: HashMap<usize, usize> = HashMap::new();
    let mut stories: Vec<LabelledStory> = Vec::new();
    let mut local: HashMap<usize, usize> = HashMap::new();
    for (i, root) in roots.iter().enumerate() {
        let Some(root) = *root else { continue };
        let s = *story_of_root.entry(root).or_insert_with(|| {
            stories.push(LabelledStory { bodies: Vec::new(), headlines: Vec::new(), labels: Vec::new() });
            stories.len() - 1
        });
        local.insert(i, stories[s].bodies.len());
        stories[s].bodies.push(texts[i].clone());
    }
    let mut headline_of: HashMap<(usize, &str), usize> = HashMap::new();
    for (h, b, st) in &rows {
        let (Some(root), Some(label)) = (roots[*b], crate::contradictions::Label::parse(st)) else { continue };
        let s = story_of_root[&root];
        let hi = *headline_of.entry((s, h.as_str())).or_insert_with(|| {
            stories[s].headlines.push(h.clone());
            stories[s].headlines.len() - 1
        });
        stories[s].labels.push((hi, local[b], label));
    }
    Ok(stories)
}

/// The UCI News Aggregator sample: headline (`TITLE`) and story (`STORY`) per row, in file order.
pub fn load_uci(path: &Path) -> Result<Vec<StoryItem>, LoadError> {
    let rows = parse_csv(&read(path)?);
    let (h, rows) = rows.split_first().ok_or_else(|| LoadError::Format(path.display().to_string(), "empty".into()))?;
    let (id, title, story) = (column(h, "ID", path)?, column(h, "TITLE", path)?, column(h, "STORY", path)?);
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some(StoryItem { id: r.get(id)?.clone(), text: r.get(title)?.clone(), story: r.get(story)?.clone() })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnosis_bounds_mend_the_lump_and_the_leftovers() {
        // one lump of two gold stories, one pure story, and a leftover of the pure story's gold
        let predicted = [0, 0, 0, 0, 1, 1, 1, 2];
        let gold = ["a", "a", "b", "b", "c", "c", "c", "c"];
        let d = diagnose(&predicted, &gold, 2);
        assert_eq!(d.largest[0], (4, vec![("a".to_string(), 2), ("b".to_string(), 2)]));
        assert_eq!(d.split_largest.precision, 1.0);
        assert!(d.split_largest.recall < 1.0, "the leftover is still apart");
        assert_eq!(d.split_largest_fold_small.f1, 1.0);
        assert_eq!(d.split_all.precision, 1.0);
        assert_eq!(d.split_all.recall, bcubed(&predicted, &gold).recall);
    }

    #[test]
    fn bcubed_perfect_and_lumped() {
        let gold = ["a", "a", "b", "b"];
        let perfect = bcubed(&[1, 1, 2, 2], &gold);
        assert_eq!((perfect.precision, perfect.recall, perfect.f1), (1.0, 1.0, 1.0));
        let lumped = bcubed(&[0, 0, 0, 0], &gold);
        assert_eq!((lumped.precision, lumped.recall), (0.5, 1.0));
        let split = bcubed(&[1, 2, 3, 4], &gold);
        assert_eq!((split.precision, split.recall), (1.0, 0.5));
        assert_eq!(bcubed::<u8, u8>(&[], &[]).f1, 0.0);
    }

    #[test]
    fn csv_with_quotes_and_newlines() {
        let rows = parse_csv("A,B\n1,\"x, \"\"y\"\"\nz\"\r\n2,w");
        assert_eq!(rows, vec![vec!["A", "B"], vec!["1", "x, \"y\"\nz"], vec!["2", "w"]]);
    }
}
