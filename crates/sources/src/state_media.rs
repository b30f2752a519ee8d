//! The list of state-controlled media we keep (`data/state_media.tsv`), each entry with the bases
//! that put it there (`data/state_media_bases.tsv`: EU sanctions regulations, Wikipedia's ownership
//! facts, platform labels, regulators' decisions).

use serde::Serialize;
use std::collections::HashMap;

pub const STATE_MEDIA_TSV: &str = include_str!("../data/state_media.tsv");
pub const BASES_TSV: &str = include_str!("../data/state_media_bases.tsv");

/// One reason an outlet is on the list, with its citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Basis {
    pub key: String,
    pub citation: String,
}

/// A state-controlled outlet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StateMedia {
    pub domain: String,
    pub name: String,
    pub country: String,
    pub controller: String,
    pub bases: Vec<Basis>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct StateMediaList {
    entries: Vec<StateMedia>,
    by_domain: HashMap<String, usize>,
}

impl StateMediaList {
    pub fn builtin() -> StateMediaList {
        StateMediaList::parse(STATE_MEDIA_TSV, BASES_TSV)
    }

    pub fn parse(list: &str, bases: &str) -> StateMediaList {
        let citations: HashMap<&str, &str> = bases
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect();
        let mut entries = Vec::new();
        for line in list.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            let col = |i: usize| c.get(i).copied().unwrap_or("").to_string();
            let bases = col(4)
                .split('|')
                .filter(|k| !k.is_empty())
                .map(|k| Basis {
                    key: k.to_string(),
                    citation: citations.get(k).map(|s| s.to_string()).unwrap_or_default(),
                })
                .collect();
            entries.push(StateMedia {
                domain: col(0).to_lowercase(),
                name: col(1),
                country: col(2),
                controller: col(3),
                bases,
                note: col(5),
            });
        }
        let by_domain = entries.iter().enumerate().map(|(i, e)| (e.domain.clone(), i)).collect();
        StateMediaList { entries, by_domain }
    }

    /// The entry of an outlet's domain (already folded by [`crate::outlets::Outlets`]).
    pub fn get(&self, domain: &str) -> Option<&StateMedia> {
        self.by_domain.get(domain).map(|&i| &self.entries[i])
    }

    pub fn all(&self) -> &[StateMedia] {
        &self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_cited() {
        let l = StateMediaList::builtin();
        assert!(l.all().len() >= 15);
        for e in l.all() {
            assert!(!e.bases.is_empty(), "{} has no basis", e.domain);
            for b in &e.bases {
                assert!(!b.citation.is_empty(), "{}: basis {} has no citation", e.domain, b.key);
            }
            assert!(!e.country.is_empty() && !e.name.is_empty());
        }
        let rt = l.get("rt.com").unwrap();
        assert_eq!(rt.country, "Russia");
        assert!(rt.bases.iter().any(|b| b.citation.contains("2022/350")));
        assert!(l.get("reuters.com").is_none());
    }

    #[test]
    fn every_entry_is_a_known_outlet() {
        let outlets = crate::outlets::Outlets::builtin();
        for e in StateMediaList::builtin().all() {
            assert!(outlets.by_host(&e.domain).is_some(), "{} missing from outlets.tsv", e.domain);
        }
    }
}
