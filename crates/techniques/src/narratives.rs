//! Known disinformation narratives, matched in sentences by patterns and shared keywords.
//!
//! The catalogue is a TOML file that users edit ([`Catalogue::from_toml`]); a default written by the
//! project is compiled in ([`Catalogue::builtin`]). A sentence scores 0.6 for a pattern hit plus 0.2
//! for each distinct keyword it contains (capped at 1.0), and matches at [`MATCH_THRESHOLD`].
//!
//! Whether the article's own voice *adopts* a narrative or only *reports* it is decided from the
//! spans that the caller knows to be attributed to someone (quotes, reported speech): a match inside
//! one is reported. Without attributions, [`Voice::guess`] looks for a reporting cue in the sentence.
//!
//! ```
//! use corroborate_techniques::narratives::{Catalogue, Voice};
//! use corroborate_model::Span;
//! let catalogue = Catalogue::builtin().unwrap();
//! let text = "The so-called massacre was a false flag staged by the other side.";
//! let found = catalogue.match_narratives(text, &[Span::new(0, text.len())]);
//! assert_eq!(found[0].narrative, "staged-atrocities");
//! assert_eq!(Voice::guess(text, found[0].span), Voice::Adopts);
//! ```

use crate::{Error, Result};
use corroborate_model::Span;
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

/// Score at or above which a sentence matches a narrative.
pub const MATCH_THRESHOLD: f32 = 0.5;
const PATTERN_SCORE: f32 = 0.6;
const KEYWORD_SCORE: f32 = 0.2;

/// The default catalogue's TOML text.
pub const BUILTIN: &str = include_str!("../data/narratives.toml");

/// One known narrative as written in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Narrative {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub counter_evidence: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    narrative: Vec<Narrative>,
}

struct Compiled {
    patterns: Vec<Regex>,
    keywords: Vec<Regex>,
}

/// A loaded, validated catalogue.
pub struct Catalogue {
    pub narratives: Vec<Narrative>,
    compiled: Vec<Compiled>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue").field("narratives", &self.narratives.len()).finish()
    }
}

/// A sentence that matches a narrative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NarrativeMatch {
    /// The narrative's `id`.
    pub narrative: String,
    /// The matching sentence.
    pub span: Span,
    /// The words that matched: pattern hits and keywords.
    pub evidence: Vec<Span>,
    pub score: f32,
}

/// How the article's own voice treats a narrative it mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    /// Stated in the article's own voice.
    Adopts,
    /// Attributed to someone: the article reports that someone holds it.
    Reports,
}

const REPORTING_CUES: &str = r"\b(said|says|say|claim(s|ed)?|insist(s|ed)?|accus(e|es|ed)|alleg(e|es|ed)|asserted|argued|stated|told|according to|den(y|ies|ied)|rejected|reject(s)?|added|maintain(s|ed)|suggested|charged|reports?|reported)\b";

impl Voice {
    /// A fallback without attribution data: a sentence with a reporting cue ("said", "insisted",
    /// "according to", "denied") reports; otherwise the voice adopts.
    pub fn guess(text: &str, sentence: Span) -> Voice {
        static CUES: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
        let re = CUES.get_or_init(|| {
            RegexBuilder::new(REPORTING_CUES).case_insensitive(true).build().expect("valid built-in regex")
        });
        if re.is_match(sentence.slice(text)) {
            Voice::Reports
        } else {
            Voice::Adopts
        }
    }

    /// From attribution contents: a match whose evidence lies inside an attributed span is reported.
    pub fn from_attributions(m: &NarrativeMatch, attributed: &[Span]) -> Voice {
        let inside = |e: &Span| attributed.iter().any(|a| a.contains(e));
        if !m.evidence.is_empty() && m.evidence.iter().all(inside) {
            Voice::Reports
        } else {
            Voice::Adopts
        }
    }

    /// Attribution contents decide where they touch the matching sentence; elsewhere [`Voice::guess`].
    pub fn decide(text: &str, m: &NarrativeMatch, attributed: &[Span]) -> Voice {
        if attributed.iter().any(|a| a.overlaps(&m.span)) {
            Voice::from_attributions(m, attributed)
        } else {
            Voice::guess(text, m.span)
        }
    }
}

fn keyword_regex(k: &str) -> std::result::Result<Regex, regex::Error> {
    let words: Vec<String> = k.split_whitespace().map(regex::escape).collect();
    RegexBuilder::new(&format!(r"\b{}", words.join(r"[\s-]+"))).case_insensitive(true).build()
}

impl Catalogue {
    /// The catalogue compiled into this crate (`data/narratives.toml`).
    pub fn builtin() -> Result<Catalogue> {
        Catalogue::from_toml(BUILTIN)
    }

    /// Parses and validates a catalogue; names the narrative and pattern of any error.
    pub fn from_toml(source: &str) -> Result<Catalogue> {
        let file: File = toml::from_str(source).map_err(|e| Error::Catalogue(e.to_string()))?;
        let mut compiled = Vec::with_capacity(file.narrative.len());
        for n in &file.narrative {
            if n.id.trim().is_empty() {
                return Err(Error::Catalogue(format!("narrative {:?} has an empty id", n.name)));
            }
            let bad = |what: &str, p: &str, e: regex::Error| {
                Error::Catalogue(format!("narrative {:?}: bad {what} {p:?}: {e}", n.id))
            };
            let patterns = n
                .patterns
                .iter()
                .map(|p| RegexBuilder::new(p).case_insensitive(true).build().map_err(|e| bad("pattern", p, e)))
                .collect::<Result<Vec<_>>>()?;
            let keywords = n
                .keywords
                .iter()
                .filter(|k| !k.trim().is_empty())
                .map(|k| keyword_regex(k).map_err(|e| bad("keyword", k, e)))
                .collect::<Result<Vec<_>>>()?;
            compiled.push(Compiled { patterns, keywords });
        }
        Ok(Catalogue { narratives: file.narrative, compiled })
    }

    pub fn get(&self, id: &str) -> Option<&Narrative> {
        self.narratives.iter().find(|n| n.id == id)
    }

    /// Matches each sentence of `text` against every narrative; returns matches best first within
    /// each sentence, in sentence order.
    pub fn match_narratives(&self, text: &str, sentences: &[Span]) -> Vec<NarrativeMatch> {
        let mut out = Vec::new();
        for &sentence in sentences {
            let s = sentence.slice(text);
            if s.is_empty() {
                continue;
            }
            let mut here = Vec::new();
            for (n, c) in self.narratives.iter().zip(&self.compiled) {
                let mut evidence = Vec::new();
                let mut score = 0.0;
                let mut pattern_hit = false;
                for p in &c.patterns {
                    if let Some(m) = p.find(s) {
                        pattern_hit = true;
                        let end = word_end(s, m.end());
                        evidence.push(Span::new(sentence.start + m.start(), sentence.start + end));
                    }
                }
                if pattern_hit {
                    score += PATTERN_SCORE;
                }
                for k in &c.keywords {
                    if let Some(m) = k.find(s) {
                        let span = Span::new(sentence.start + m.start(), sentence.start + word_end(s, m.end()));
                        if !evidence.iter().any(|e: &Span| e.contains(&span)) {
                            evidence.push(span);
                        }
                        score += KEYWORD_SCORE;
                    }
                }
                let score = f32::min(score, 1.0);
                if score >= MATCH_THRESHOLD - 1e-6 {
                    evidence.sort();
                    here.push(NarrativeMatch { narrative: n.id.clone(), span: sentence, evidence, score });
                }
            }
            here.sort_by(|a, b| b.score.total_cmp(&a.score));
            out.extend(here);
        }
        out
    }
}

/// Extends a match that stops inside a word ("atrocit") to the end of that word.
fn word_end(s: &str, end: usize) -> usize {
    let rest = &s[end..];
    end + rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len())
}

/// Matches with the built-in catalogue (empty if it failed to load, which the tests rule out).
pub fn match_narratives(text: &str, sentences: &[Span]) -> Vec<NarrativeMatch> {
    static BUILTIN_CATALOGUE: std::sync::OnceLock<Option<Catalogue>> = std::sync::OnceLock::new();
    BUILTIN_CATALOGUE
        .get_or_init(|| Catalogue::builtin().ok())
        .as_ref()
        .map(|c| c.match_narratives(text, sentences))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::sentences;

    #[test]
    fn builtin_catalogue_loads_and_every_entry_is_complete() {
        let c = Catalogue::builtin().unwrap();
        assert!(c.narratives.len() >= 10);
        for n in &c.narratives {
            assert!(!n.patterns.is_empty() && !n.keywords.is_empty() && !n.counter_evidence.is_empty(), "{}", n.id);
        }
    }

    #[test]
    fn own_voice_adopts_and_attributed_claim_is_reported() {
        let text = "The ministry said the footage of bodies in the square had been faked by the other side. \
                    Once again the purported atrocities were a carefully staged provocation by Kyiv.";
        let found = match_narratives(text, &sentences(text));
        let staged: Vec<_> = found.iter().filter(|m| m.narrative == "staged-atrocities").collect();
        assert_eq!(staged.len(), 2, "{found:?}");
        assert_eq!(Voice::guess(text, staged[0].span), Voice::Reports);
        assert_eq!(Voice::guess(text, staged[1].span), Voice::Adopts);
        assert!(staged[1].evidence.iter().any(|e| e.slice(text).to_lowercase().starts_with("purported atrocities")));
        // With attribution data, a match inside the attributed content is reported.
        let content = Span::new(text.find("the footage").unwrap(), text.find(" by the other").unwrap());
        assert_eq!(Voice::from_attributions(staged[0], &[content]), Voice::Reports);
        assert_eq!(Voice::from_attributions(staged[1], &[content]), Voice::Adopts);
    }

    #[test]
    fn unrelated_sentences_do_not_match() {
        let text = "The council approved the new budget for schools. Rain is expected on Tuesday.";
        assert!(match_narratives(text, &sentences(text)).is_empty());
    }

    #[test]
    fn keywords_alone_can_match_and_user_catalogues_are_validated() {
        let c = Catalogue::from_toml(
            "[[narrative]]\nid = \"x\"\nname = \"X\"\ndescription = \"d\"\nkeywords = [\"alpha\", \"beta gamma\", \"delta\"]\n",
        )
        .unwrap();
        let text = "Alpha met beta-gamma near delta.";
        let m = c.match_narratives(text, &[Span::new(0, text.len())]);
        assert_eq!(m.len(), 1);
        assert!((m[0].score - 0.6).abs() < 1e-6);
        assert_eq!(m[0].evidence.len(), 3);
        let two = "Alpha met delta.";
        assert!(c.match_narratives(two, &[Span::new(0, two.len())]).is_empty());
        let err =
            Catalogue::from_toml("[[narrative]]\nid = \"y\"\nname = \"Y\"\ndescription = \"d\"\npatterns = [\"(\"]\n")
                .unwrap_err();
        assert!(err.to_string().contains("\"y\""), "{err}");
        assert!(Catalogue::from_toml("not toml [").is_err());
    }
}
