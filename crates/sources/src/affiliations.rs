//! Which side a speaker speaks for: a small hand-kept table of people, governments and their
//! metonyms (`data/affiliations.tsv`: "Konashenkov" -> Russia, Russian Defence Ministry; "Moscow" ->
//! Russia, Russian government), and the country words that mark a source ("Russia's Defense
//! Ministry", "the Ukrainian president").

use crate::outlets::normalize_name;
use serde::Serialize;
use std::collections::HashMap;

pub const AFFILIATIONS_TSV: &str = include_str!("../data/affiliations.tsv");

/// What kind of speaker a table row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    Person,
    /// A national government or one of its bodies, or a metonym for it ("Moscow", "the Kremlin").
    Government,
    /// The EU, NATO, the UN.
    Intergovernmental,
}

/// A known speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Affiliation {
    pub name: String,
    /// Country or organisation the speaker speaks for.
    pub side: String,
    pub kind: SpeakerKind,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The government body the speaker speaks for, if any ("Russian Defence Ministry").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub body: String,
}

/// Country words: (word as written, country, adjective used to name its bodies).
const COUNTRY_WORDS: &[(&str, &str, &str)] = &[
    ("Russian", "Russia", "Russian"),
    ("Russia's", "Russia", "Russian"),
    ("Russia’s", "Russia", "Russian"),
    ("Moscow's", "Russia", "Russian"),
    ("Ukrainian", "Ukraine", "Ukrainian"),
    ("Ukraine's", "Ukraine", "Ukrainian"),
    ("Ukraine’s", "Ukraine", "Ukrainian"),
    ("Kyiv's", "Ukraine", "Ukrainian"),
    ("French", "France", "French"),
    ("France's", "France", "French"),
    ("American", "United States", "US"),
    ("US", "United States", "US"),
    ("U.S.", "United States", "US"),
    ("British", "United Kingdom", "UK"),
    ("UK", "United Kingdom", "UK"),
    ("Britain's", "United Kingdom", "UK"),
    ("German", "Germany", "German"),
    ("Germany's", "Germany", "German"),
    ("Chinese", "China", "Chinese"),
    ("China's", "China", "Chinese"),
    ("Belarusian", "Belarus", "Belarusian"),
    ("Polish", "Poland", "Polish"),
    ("Iranian", "Iran", "Iranian"),
    ("Iran's", "Iran", "Iranian"),
    ("Israeli", "Israel", "Israeli"),
    ("Turkish", "Turkey", "Turkish"),
];

/// The country a text names through a country word, with the adjective for its bodies.
pub fn country_in(text: &str) -> Option<(&'static str, &'static str)> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"' | '“' | '”'))
        .find_map(|w| COUNTRY_WORDS.iter().find(|(word, _, _)| *word == w).map(|&(_, c, adj)| (c, adj)))
}

/// The people and governments table.
#[derive(Debug, Clone)]
pub struct Affiliations {
    rows: Vec<Affiliation>,
    by_name: HashMap<String, usize>,
}

impl Affiliations {
    pub fn builtin() -> Affiliations {
        Affiliations::parse(AFFILIATIONS_TSV)
    }

    pub fn parse(text: &str) -> Affiliations {
        let mut rows = Vec::new();
        let mut by_name = HashMap::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            let col = |i: usize| c.get(i).copied().unwrap_or("").to_string();
            let names: Vec<&str> = c[0].split('|').map(str::trim).filter(|n| !n.is_empty()).collect();
            let Some(first) = names.first() else { continue };
            let kind = match col(2).as_str() {
                "person" => SpeakerKind::Person,
                _ if matches!(col(1).as_str(), "European Union" | "NATO" | "United Nations") => {
                    SpeakerKind::Intergovernmental
                }
                _ => SpeakerKind::Government,
            };
            let i = rows.len();
            rows.push(Affiliation { name: first.to_string(), side: col(1), kind, role: col(3), body: col(4) });
            for n in names {
                by_name.entry(normalize_name(n)).or_insert(i);
            }
        }
        Affiliations { rows, by_name }
    }

    /// A known speaker by (canonical) name: the whole name, else its last word for people
    /// ("Major General Igor Konashenkov" -> Konashenkov), ignoring a leading "the".
    pub fn get(&self, name: &str) -> Option<&Affiliation> {
        let n = normalize_name(name);
        if let Some(&i) = self.by_name.get(&n) {
            return Some(&self.rows[i]);
        }
        let last = n.rsplit(' ').next()?;
        self.by_name.get(last).map(|&i| &self.rows[i]).filter(|a| a.kind == SpeakerKind::Person)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_speakers_and_country_words() {
        let a = Affiliations::builtin();
        assert_eq!(a.get("Igor Konashenkov").unwrap().body, "Russian Defence Ministry");
        assert_eq!(a.get("Major General Igor Konashenkov").unwrap().side, "Russia");
        assert_eq!(a.get("Volodymyr Zelenskiy").unwrap().side, "Ukraine");
        assert_eq!(a.get("the Kremlin").unwrap().kind, SpeakerKind::Government);
        assert_eq!(a.get("Moscow").unwrap().body, "Russian government");
        assert_eq!(a.get("EU").unwrap().kind, SpeakerKind::Intergovernmental);
        assert!(a.get("Jane Roe").is_none());
        // A place's last word is not a person's surname.
        assert!(a.get("South Ukraine").is_none());
        assert_eq!(country_in("Russia's Defense Ministry"), Some(("Russia", "Russian")));
        assert_eq!(country_in("the Ukrainian president, Volodymyr Zelenskiy"), Some(("Ukraine", "Ukrainian")));
        assert_eq!(country_in("local officials"), None);
    }
}
