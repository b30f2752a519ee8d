//! Known narratives on the EUvsDisinfo case titles: each title is one disinformation claim as the
//! EU's East StratCom team summed it up, and each case carries the team's keywords. A keyword that
//! names one of our catalogue's narratives ([`SILVER`]) makes that narrative a (silver) label of
//! the case; the matcher runs on the title alone. Labels come from keywords, not from reading the
//! titles, so they are noisy both ways: a case keyed "Crimea" need not claim that Crimea joined
//! Russia legitimately, and a title can voice a narrative its keywords do not name.
use crate::sources::csv_rows;
use std::collections::BTreeMap;

/// EUvsDisinfo keywords that name a narrative of the built-in catalogue (`narratives.toml`), by id.
/// Our reading of the keyword list (601 distinct keywords), written for this evaluation.
pub const SILVER: &[(&str, &[&str])] = &[
    ("staged-atrocities", &["false flag", "Provocation", "White Helmets"]),
    ("western-backed-coup", &["Coup", "Euromaidan", "Colour revolutions"]),
    ("biolabs", &["Biological weapons"]),
    ("nazi-government", &["Nazi/Fascist"]),
    ("russophobia", &["Russophobia", "Anti-Russian"]),
    ("nato-encirclement", &["Encircling Russia", "EU/NATO enlargement"]),
    ("not-a-real-state", &["Ukrainian statehood", "Ukrainian disintegration"]),
    ("poisonings-staged", &["Sergei Skripal", "Skripal", "novichok", "Amesbury poisoning"]),
    ("mh17-blame-shift", &["MH17"]),
    ("crimea-legitimate", &["illegal annexation"]),
    ("secret-elites", &["Secret elites / global elites", "Deep state", "George Soros", "Rothschild"]),
    ("pandemic-plot", &["coronavirus"]),
    ("western-media-lies", &["Mainstream media", "fake news"]),
];

/// One case: its title and the narratives its keywords name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// Row number in `posts.csv` (0 = first case).
    pub row: usize,
    pub title: String,
    pub labels: Vec<&'static str>,
}

/// Reads EUvsDisinfo's `posts.csv` (columns `title` and `keywords`, keywords joined by `+`).
pub fn cases(csv: &str) -> Vec<Case> {
    let mut rows = csv_rows(csv);
    let Some(header) = rows.next() else { return Vec::new() };
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(t), Some(k)) = (col("title"), col("keywords")) else { return Vec::new() };
    rows.enumerate()
        .filter_map(|(row, r)| {
            let title = r.get(t)?.trim().to_string();
            let keywords: Vec<&str> = r.get(k)?.split('+').map(str::trim).collect();
            let labels = SILVER
                .iter()
                .filter(|(_, kws)| kws.iter().any(|kw| keywords.contains(kw)))
                .map(|(id, _)| *id)
                .collect();
            (!title.is_empty()).then_some(Case { row, title, labels })
        })
        .collect()
}

/// Counts for one narrative, or for all (micro).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and labelled.
    pub tp: usize,
    /// Predicted, not labelled.
    pub fp: usize,
    /// Labelled, not predicted.
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        crate::f1(self.precision(), self.recall())
    }
}

/// Scores predicted narrative ids per case against the silver labels: micro counts over every
/// (case, narrative of [`SILVER`]) pair, and the counts per narrative. Predictions of narratives
/// outside [`SILVER`] (a user's own catalogue) are not scored.
pub fn score(cases: &[Case], predicted: &[Vec<String>]) -> (Counts, BTreeMap<&'static str, Counts>) {
    let mut per: BTreeMap<&'static str, Counts> = SILVER.iter().map(|(id, _)| (*id, Counts::default())).collect();
    for (c, p) in cases.iter().zip(predicted) {
        for (id, counts) in per.iter_mut() {
            match (p.iter().any(|x| x == id), c.labels.contains(id)) {
                (true, true) => counts.tp += 1,
                (true, false) => counts.fp += 1,
                (false, true) => counts.fn_ += 1,
                (false, false) => {}
            }
        }
    }
    let mut all = Counts::default();
    for c in per.values() {
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
    }
    (all, per)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_become_labels_and_predictions_are_scored_per_narrative() {
        let csv = "date,id,title,countries,keywords,languages,outlets\n\
            2021-01-01,u1,\"MH17 was downed by Ukraine, a \"\"witness\"\" says\",Ukraine,MH17+War in Ukraine,English,X\n\
            2021-01-02,u2,The West fears Russia,Russia,Russophobia,English,Y\n\
            2021-01-03,u3,Weather is nice,Russia,Weather,English,Z\n";
        let cs = cases(csv);
        assert_eq!(cs.len(), 3);
        assert_eq!(cs[0].title, "MH17 was downed by Ukraine, a \"witness\" says");
        assert_eq!(cs[0].labels, ["mh17-blame-shift"]);
        assert_eq!(cs[1].labels, ["russophobia"]);
        assert!(cs[2].labels.is_empty());
        let pred = vec![vec!["mh17-blame-shift".to_string()], vec![], vec!["biolabs".to_string()]];
        let (all, per) = score(&cs, &pred);
        assert_eq!((all.tp, all.fp, all.fn_), (1, 1, 1));
        assert_eq!(per["biolabs"].fp, 1);
        assert_eq!(per["russophobia"].fn_, 1);
        assert!((all.f1() - 0.5).abs() < 1e-12);
    }
}
