//! Sourcing signals of one analysed article: a pure function of its attributions, metadata and
//! text, with every finding pointing at its span.
//!
//! - **named sources**: distinct speakers with a name, with their side and role where known;
//! - **anonymous sources**: unnamed speakers ("officials said", "sources say") and **unverifiable**
//!   sourcing: a source that is information rather than someone ("according to *"confirmed
//!   information"*"), especially in scare quotes;
//! - **sides**: attributions grouped by the country or body their speaker speaks for, and the share
//!   of the largest side;
//! - **state sources**: attributions resting on a state-controlled outlet (our cited list) or on a
//!   government body (a ministry, the Kremlin, "Moscow" as a metonym);
//! - **outlet citations**: known outlets the text cites or republishes ("RT reports: ...");
//! - **byline** and **date** present or not;
//! - [`copies`]: which articles copy another outlet's article, from near-duplicate groups.

use crate::affiliations::{country_in, SpeakerKind};
use crate::profile::{Knowledge, OutletProfile};
use corroborate_model::{AnalyzedArticle, Attribution, EntityType, MetaKind, OffsetMap, Span};
use serde::Serialize;
use std::collections::HashMap;

/// A piece of the article's text. `span` holds byte offsets (internal); `start`/`end` are the
/// Unicode code-point offsets that the JSON output uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    #[serde(skip)]
    pub span: Span,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Evidence {
    fn new(span: Span, text: &str, map: &OffsetMap) -> Evidence {
        Evidence {
            span,
            start: map.char_offset(span.start),
            end: map.char_offset(span.end),
            text: span.slice(text).to_string(),
        }
    }
}

/// A named source and the attributions resting on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedSource {
    pub name: String,
    /// PERSON, ORG, GPE, ...
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub side: Option<String>,
    /// "President of Ukraine", where known.
    pub role: Option<String>,
    /// A person known to hold office, or a government body.
    pub official: bool,
    /// Indices into the article's attributions.
    pub attributions: Vec<usize>,
    /// The first place the source is named.
    pub first: Evidence,
}

/// An unnamed or unverifiable source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnonymousSource {
    /// The attribution, when there is one.
    pub attribution: Option<usize>,
    pub evidence: Evidence,
    /// The source is information or rumour rather than someone, or sits in scare quotes: nobody
    /// can check it.
    pub unverifiable: bool,
    pub reason: String,
}

/// Attributions whose speaker speaks for one side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideShare {
    pub side: String,
    pub attributions: usize,
    /// Share of the attributions with a known side.
    pub share: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StateSourceKind {
    /// An outlet on our state-media list.
    StateOutlet,
    /// A ministry, the Kremlin, a government or its metonym ("Moscow").
    GovernmentBody,
}

/// A state-controlled outlet or government body that claims rest on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StateSource {
    pub kind: StateSourceKind,
    /// "Russian Defence Ministry", "RT".
    pub name: String,
    pub country: String,
    pub attributions: Vec<usize>,
    /// The source words of each attribution (or the citation, for an outlet cited outside one).
    pub evidence: Vec<Evidence>,
    /// For state outlets: the keys of the bases that put them on our list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<String>,
}

/// A known outlet named in the text as a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletCitation {
    pub domain: String,
    pub name: String,
    pub state_media: bool,
    /// The text presents what follows as the outlet's report ("RT reports: ...", "originally
    /// published by ...").
    pub republishes: bool,
    pub evidence: Evidence,
}

/// The sourcing signals of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourcingSignals {
    pub attributions: usize,
    pub named_sources: Vec<NamedSource>,
    pub anonymous_sources: Vec<AnonymousSource>,
    /// How many of `anonymous_sources` are unverifiable.
    pub unverifiable: usize,
    /// Largest side first.
    pub sides: Vec<SideShare>,
    /// The largest side's share of attributions with a known side (`None` when no side is known).
    pub one_side_share: Option<f64>,
    /// Most attributions first.
    pub state_sources: Vec<StateSource>,
    /// Share of all attributions that rest on a state source.
    pub state_source_share: Option<f64>,
    pub outlet_citations: Vec<OutletCitation>,
    pub has_byline: bool,
    pub byline: Option<String>,
    pub has_date: bool,
    /// ISO date when known; a date that is present but ambiguous gives `has_date` without it.
    pub date: Option<String>,
    /// Plain-language lines summing up the above.
    pub summary: Vec<String>,
    /// Set when the article is in a language corroborate does not read (its English name,
    /// "Russian"): its sources were not looked for, so the counts above say nothing about them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_read_language: Option<String>,
}

/// Anonymous heads ("officials said"), matched on the source's last word.
const ANONYMOUS_HEADS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "insider",
    "insiders",
    "observer",
    "observers",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "diplomat",
    "diplomats",
    "witness",
    "witnesses",
    "people",
    "residents",
    "someone",
    "reports",
];
/// Sources that are information rather than someone: nobody can be asked about them.
const INFORMATION_HEADS: &[&str] =
    &["information", "info", "data", "intelligence", "reports", "report", "rumours", "rumors", "evidence"];
/// Phrases of unattributed sourcing found in the text itself.
const ANONYMOUS_PHRASES: &[&str] = &[
    "sources say",
    "sources said",
    "sources told",
    "according to sources",
    "according to reports",
    "it is reported",
    "it was reported",
    "it is claimed",
    "reportedly",
    "rumoured",
    "rumored",
];
/// One automaton for all [`ANONYMOUS_PHRASES`] (none can overlap itself, so overlapping search
/// finds what a search for each phrase alone finds).
fn anonymous_phrases() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(ANONYMOUS_PHRASES)
            .expect("valid phrases")
    })
}

/// Words in a source that mark an office holder ("the regional governor, Ilse Brandt").
const OFFICIAL_TITLES: &[&str] = &[
    "president",
    "minister",
    "governor",
    "mayor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "chancellor",
    "secretary",
    "senator",
    "prosecutor",
    "commander",
    "general",
    "envoy",
    "representative",
    "deputy",
    "chairman",
    "chairwoman",
    "premier",
    "king",
    "queen",
    "prince",
    "official",
];
const QUOTE_CHARS: &[char] = &['"', '“', '”', '«', '»', '„', '\'', '‘', '’', '*', '_'];

fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Is the span wrapped in quotation marks (possibly with emphasis and commas)?
fn in_quotes(text: &str, span: Span) -> bool {
    let before: Vec<char> = text.get(..span.start).unwrap_or("").chars().rev().take(4).collect();
    let after: Vec<char> = text.get(span.end..).unwrap_or("").chars().take(4).collect();
    let q = |s: &[char]| s.iter().any(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '„'));
    let inner = span.slice(text);
    let inner_quoted = inner.starts_with(QUOTE_CHARS) && inner.trim_end_matches([',', '.']).ends_with(QUOTE_CHARS);
    (q(&before) && q(&after)) || inner_quoted
}

/// `v` without every trailing `suffix` (what `trim_end_matches` does), without building a searcher.
fn strip_possessives<'a>(mut v: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = v.strip_suffix(suffix) {
        v = rest;
    }
    v
}

/// A government body named in a source, from its words: ("Russian Defence Ministry", "Russia").
fn body_in(source: &str) -> Option<(String, Option<&'static str>)> {
    // Each word with its possessive ending(s) stripped, once: "ministry's" counts as "ministry".
    let w: Vec<String> = words_lower(source);
    let stripped: Vec<(&str, &str)> =
        w.iter().map(|v| (strip_possessives(v, "'s"), strip_possessives(v, "’s"))).collect();
    let has = |x: &str| w.iter().zip(&stripped).any(|(v, (a, b))| v == x || *a == x || *b == x);
    let country = country_in(source);
    let adj = match country {
        Some(c) => format!("{} ", c.1),
        // A country we do not know: the capitalised word before the body ("Arvian Interior
        // Minister", "Belmark Defence Ministry").
        None => unknown_country_prefix(source).map(|p| format!("{p} ")).unwrap_or_default(),
    };
    let name = if has("ministry") || has("ministries") || has("minister") {
        let kind = if has("defence") || has("defense") {
            "Defence "
        } else if has("foreign") {
            "Foreign "
        } else if has("interior") {
            "Interior "
        } else if has("health") {
            "Health "
        } else if has("justice") {
            "Justice "
        } else {
            ""
        };
        // "the Russian foreign minister" speaks for the ministry too.
        format!("{adj}{kind}Ministry")
    } else if has("kremlin") {
        "Kremlin".to_string()
    } else if has("government") || has("cabinet") || has("authorities") && country.is_some() {
        format!("{adj}government")
    } else if has("military") || has("army") || (has("armed") && has("forces")) || (has("general") && has("staff")) {
        // An army is a state source only when we know whose.
        country?;
        format!("{adj}military")
    } else if has("embassy") {
        format!("{adj}embassy")
    } else {
        return None;
    };
    Some((name.trim().to_string(), country.map(|c| c.0)))
}

fn unknown_country_prefix(source: &str) -> Option<String> {
    let toks: Vec<&str> = source.split_whitespace().collect();
    let at = toks.iter().position(|t| {
        let l = t.to_lowercase();
        l.starts_with("ministr") || l.starts_with("government") || l.starts_with("military") || l.starts_with("army")
    })?;
    let mut i = at;
    while i > 0
        && ["defence", "defense", "foreign", "interior", "health", "justice"]
            .contains(&toks[i - 1].to_lowercase().as_str())
    {
        i -= 1;
    }
    let word = toks.get(i.checked_sub(1)?)?;
    let prev = word.trim_end_matches("'s").trim_end_matches("’s");
    let capitalised = prev.chars().next().is_some_and(char::is_uppercase) && prev.chars().all(char::is_alphabetic);
    if !capitalised || matches!(prev, "The" | "A" | "An" | "Its" | "His" | "Her" | "Their") {
        return None;
    }
    // a country's possessive named as its adjective where that is regular ("Drevnia's" is
    // "Drevnian", as "Russia's" is "Russian"), so that both spellings name one body
    if prev.len() < word.len() {
        if let Some(adjective) = corroborate_nlp::canon::adjective_of_place(prev) {
            return Some(adjective);
        }
    }
    Some(prev.to_string())
}

/// What we know about the speaker of one attribution.
#[derive(Debug, Clone, Default)]
struct Resolved {
    side: Option<String>,
    role: Option<String>,
    official: bool,
    /// (kind, name, country, bases)
    state: Option<(StateSourceKind, String, String, Vec<String>)>,
    anonymous: Option<(bool, String)>,
    /// The government body's name, when the speaker is a body named in the source words.
    body_name: Option<String>,
}

/// Bodies named with their country anywhere in the article, in text order, so that a bare "the
/// ministry" (even in a headline before the full name) resolves to the article's ministry.
fn bodies_with_country<'a>(text: &str, atts: impl IntoIterator<Item = &'a Attribution>) -> Vec<(String, String)> {
    atts.into_iter()
        .filter_map(|a| a.source.map(|s| s.slice(text)))
        .filter_map(body_in)
        .filter(|(b, c)| c.is_some() || b.contains(' '))
        .map(|(b, c)| (b, c.unwrap_or("").to_string()))
        .collect()
}

fn resolve(
    kb: &Knowledge,
    text: &str,
    a: &Attribution,
    last_body: &mut Option<(String, String)>,
    article_bodies: &[(String, String)],
) -> Resolved {
    let mut r = Resolved::default();
    let source_text = a.source.map(|s| s.slice(text)).unwrap_or("");
    let trimmed = source_text.trim().trim_matches(QUOTE_CHARS).trim_end_matches(',').trim_matches(QUOTE_CHARS).trim();
    let sw = words_lower(trimmed);
    let head = sw.last().map(String::as_str).unwrap_or("");
    let speaker = a.speaker.as_ref();
    let resolved_by_pronoun = speaker.is_some_and(|s| s.resolution == "pronoun");

    // Unverifiable: the source is information, or sits in scare quotes.
    if a.source.is_some() && !resolved_by_pronoun {
        let quoted = a.source.is_some_and(|s| in_quotes(text, s));
        if INFORMATION_HEADS.contains(&head) {
            let reason = if quoted {
                format!("the source is \u{201c}{trimmed}\u{201d} in quotation marks: information, not someone named; it cannot be checked")
            } else {
                format!("the source is \u{201c}{trimmed}\u{201d}: information, not someone named; it cannot be checked")
            };
            r.anonymous = Some((true, reason));
            return r;
        }
        if quoted && speaker.is_none_or(|s| s.anonymous) {
            r.anonymous =
                Some((true, format!("the source \u{201c}{trimmed}\u{201d} is in scare quotes and names nobody")));
            return r;
        }
    }
    if speaker.is_some_and(|s| s.anonymous) || (speaker.is_none() && ANONYMOUS_HEADS.contains(&head)) {
        r.anonymous = Some((false, format!("unnamed source: \u{201c}{trimmed}\u{201d}")));
        // An unnamed source may still belong to a side ("Russian officials").
        r.side = country_in(source_text).map(|c| c.0.to_string());
        return r;
    }

    let name = speaker.map(|s| s.name.as_str()).unwrap_or(trimmed);
    // 1. A known person or government.
    if let Some(af) = kb.affiliations.get(name).or_else(|| kb.affiliations.get(trimmed)) {
        r.side = Some(af.side.clone());
        r.role = (!af.role.is_empty()).then(|| af.role.clone());
        r.official = true;
        if !af.body.is_empty() && af.kind != SpeakerKind::Intergovernmental {
            r.state = Some((StateSourceKind::GovernmentBody, af.body.clone(), af.side.clone(), Vec::new()));
            *last_body = Some((af.body.clone(), af.side.clone()));
        }
        return r;
    }
    // 2. A known outlet: state media carry their country.
    let outlet = kb.outlets.by_name(name).or_else(|| kb.outlets.by_name(trimmed));
    if let Some(o) = outlet {
        if let Some(sm) = kb.state_media.get(&o.domain) {
            r.side = Some(sm.country.clone());
            r.state = Some((
                StateSourceKind::StateOutlet,
                o.name.clone(),
                sm.country.clone(),
                sm.bases.iter().map(|b| b.key.clone()).collect(),
            ));
        }
        return r;
    }
    // 3. A government body named in the source words ("Russia's Defense Ministry", "the ministry").
    // A named person speaks for the body only as its spokesperson; a named minister is a named
    // official.
    let person = speaker.is_some_and(|s| s.kind == EntityType::Person);
    let spokes = sw.iter().any(|w| w.starts_with("spokes"));
    let body = if person && !spokes { None } else { body_in(source_text).or_else(|| body_in(name)) };
    if let Some((body, country)) = body {
        let same_kind = |b: &String| body.ends_with("Ministry") && b.ends_with("Ministry");
        let specific = body.contains(' ')
            && body != "Defence Ministry"
            && !body.starts_with("Foreign M")
            && !body.starts_with("Interior M")
            && !body.starts_with("Health M")
            && !body.starts_with("Justice M");
        let (body, country) = match (country, last_body.as_ref()) {
            (Some(c), _) => (body, c.to_string()),
            (None, _) if specific => (body, String::new()),
            // "the ministry" after "Russia's Defense Ministry": the same body.
            (None, Some((b, c))) if same_kind(b) => (b.clone(), c.clone()),
            (None, _) => match article_bodies.iter().find(|(b, _)| same_kind(b)) {
                Some((b, c)) => (b.clone(), c.clone()),
                None => (body, String::new()),
            },
        };
        r.body_name = Some(body.clone());
        r.official = true;
        if !country.is_empty() {
            r.side = Some(country.clone());
        }
        *last_body = Some((body.clone(), country.clone()));
        r.state = Some((StateSourceKind::GovernmentBody, body, country, Vec::new()));
        return r;
    }
    // 4. A country word in the source ("the French president"); a title makes an official.
    r.side = country_in(source_text).map(|c| c.0.to_string());
    r.official = sw.iter().any(|w| OFFICIAL_TITLES.contains(&w.as_str()));
    r
}

/// The sourcing signals of one article. Pure: no IO, no state.
pub fn sourcing_signals(kb: &Knowledge, a: &AnalyzedArticle) -> SourcingSignals {
    let text = a.article.text.as_str();
    let map = OffsetMap::new(text);
    let atts = &a.analysis.attributions;
    let mut named: Vec<NamedSource> = Vec::new();
    let mut anonymous: Vec<AnonymousSource> = Vec::new();
    let mut side_counts: Vec<(String, usize)> = Vec::new();
    let mut state: Vec<StateSource> = Vec::new();
    let mut last_body = None;
    let mut on_state = 0usize;
    // (a body named in an act, "Belmark's Defence Ministry has refused to ...", is the one a later
    // "the ministry" means)
    let article_bodies = bodies_with_country(text, atts.iter().chain(&a.analysis.acts));
    // where each side, state source and name is in its list (first seen first): one look-up per
    // attribution, not a pass over all the names so far
    let mut side_at: HashMap<String, usize> = HashMap::new();
    let mut state_at: HashMap<(StateSourceKind, String), usize> = HashMap::new();
    let mut named_at: HashMap<String, usize> = HashMap::new();

    for (i, att) in atts.iter().enumerate() {
        let r = resolve(kb, text, att, &mut last_body, &article_bodies);
        let ev_span = att.source.unwrap_or(att.cue);
        if let Some(side) = &r.side {
            match side_at.get(side) {
                Some(&k) => side_counts[k].1 += 1,
                None => {
                    side_at.insert(side.clone(), side_counts.len());
                    side_counts.push((side.clone(), 1));
                }
            }
        }
        if let Some((unverifiable, reason)) = r.anonymous {
            anonymous.push(AnonymousSource {
                attribution: Some(i),
                evidence: Evidence::new(ev_span, text, &map),
                unverifiable,
                reason,
            });
            continue;
        }
        if let Some((kind, name, country, bases)) = r.state.clone() {
            on_state += 1;
            let ev = Evidence::new(ev_span, text, &map);
            match state_at.get(&(kind, name.clone())) {
                Some(&k) => {
                    state[k].attributions.push(i);
                    state[k].evidence.push(ev);
                }
                None => {
                    state_at.insert((kind, name.clone()), state.len());
                    state.push(StateSource { kind, name, country, attributions: vec![i], evidence: vec![ev], bases })
                }
            }
        }
        // a source described, not named ("the mayor", "survivors", "the town council"), unless it is
        // a government body the article names elsewhere ("the ministry"): an unnamed source
        if let Some(sp) = att.speaker.as_ref().filter(|sp| {
            sp.resolution == "description" && r.body_name.is_none() && r.state.is_none() && r.role.is_none()
        }) {
            let what = att.source.map_or(sp.name.as_str(), |s| s.slice(text).trim());
            anonymous.push(AnonymousSource {
                attribution: Some(i),
                evidence: Evidence::new(ev_span, text, &map),
                unverifiable: false,
                reason: format!("described, not named: \u{201c}{what}\u{201d}"),
            });
            continue;
        }
        if let Some(sp) = &att.speaker {
            let name = r.body_name.clone().unwrap_or_else(|| sp.name.clone());
            match named_at.get(&name) {
                Some(&k) => named[k].attributions.push(i),
                None => {
                    named_at.insert(name.clone(), named.len());
                    named.push(NamedSource {
                        name,
                        kind: sp.kind.as_str(),
                        side: r.side.clone(),
                        role: r.role.clone(),
                        official: r.official,
                        attributions: vec![i],
                        first: Evidence::new(ev_span, text, &map),
                    })
                }
            }
        }
    }

    // Unattributed sourcing phrases in the text ("sources say", "reportedly"), ASCII case folded,
    // taken phrase by phrase in list order and each phrase's hits in text order.
    let mut hits: Vec<(usize, usize, usize)> =
        anonymous_phrases().find_overlapping_iter(text).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
    hits.sort_unstable();
    // the bytes an unnamed source or a named speaker's source already takes: a phrase there is no
    // new unattributed sourcing (marked once, so many phrases and attributions cost their sum)
    let mut taken = vec![false; if hits.is_empty() { 0 } else { text.len() }];
    let take = |taken: &mut Vec<bool>, s: Span| {
        if let Some(t) = taken.get_mut(s.start..s.end.min(text.len())) {
            t.fill(true);
        }
    };
    if !hits.is_empty() {
        for x in &anonymous {
            take(&mut taken, x.evidence.span);
        }
        for at in atts.iter().filter(|at| at.speaker.as_ref().is_some_and(|sp| !sp.anonymous)) {
            at.source.into_iter().for_each(|src| take(&mut taken, src));
        }
    }
    for (_, s, e) in hits {
        let span = Span::new(s, e);
        let boundary = text[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
            && text[span.end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        let covered = taken[s..e].iter().any(|&t| t);
        if boundary && !covered {
            take(&mut taken, span);
            anonymous.push(AnonymousSource {
                attribution: None,
                evidence: Evidence::new(span, text, &map),
                unverifiable: true,
                reason: format!("\u{201c}{}\u{201d}: sourcing that names nobody", span.slice(text)),
            });
        }
    }
    anonymous.sort_by_key(|x| x.evidence.span);

    // Known outlets the text cites, outside metadata (image and reporting credits, bylines, link markup).
    let skip: Vec<Span> = a
        .article
        .meta_spans
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                MetaKind::ImageCredit | MetaKind::Credit | MetaKind::Byline | MetaKind::LinkMarkup | MetaKind::Category
            )
        })
        .map(|m| m.span)
        .collect();
    let mut citations = Vec::new();
    for (s, e, oi) in kb.outlets.mentions(text) {
        let span = Span::new(s, e);
        if skip.iter().any(|k| k.overlaps(&span)) {
            continue;
        }
        let o = kb.outlets.get(oi);
        let sm = kb.state_media.get(&o.domain);
        let republishes = republishes(text, span);
        citations.push(OutletCitation {
            domain: o.domain.clone(),
            name: o.name.clone(),
            state_media: sm.is_some(),
            republishes,
            evidence: Evidence::new(span, text, &map),
        });
        // A state outlet the text republishes counts as a state source even when no attribution
        // was found for it.
        if let (Some(sm), true) = (sm, republishes) {
            if !state.iter().any(|st| st.kind == StateSourceKind::StateOutlet && st.name == o.name) {
                state.push(StateSource {
                    kind: StateSourceKind::StateOutlet,
                    name: o.name.clone(),
                    country: sm.country.clone(),
                    attributions: Vec::new(),
                    evidence: vec![Evidence::new(span, text, &map)],
                    bases: sm.bases.iter().map(|b| b.key.clone()).collect(),
                });
            }
        }
    }

    side_counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let known: usize = side_counts.iter().map(|c| c.1).sum();
    let sides: Vec<SideShare> = side_counts
        .into_iter()
        .map(|(side, n)| SideShare { side, attributions: n, share: round3(n as f64 / known as f64) })
        .collect();
    state.sort_by(|a, b| b.attributions.len().cmp(&a.attributions.len()).then(a.name.cmp(&b.name)));

    let meta = &a.article.meta;
    let byline_span = a.article.meta_spans.iter().find(|m| m.kind == MetaKind::Byline);
    let byline = if !meta.authors.is_empty() {
        Some(meta.authors.join(", "))
    } else {
        byline_span.map(|m| m.value.clone().unwrap_or_else(|| m.span.slice(text).trim().to_string()))
    };
    let has_date = meta.published.is_some()
        || a.article.meta_spans.iter().any(|m| matches!(m.kind, MetaKind::Dateline | MetaKind::DateCreated));

    let mut sig = SourcingSignals {
        attributions: atts.len(),
        named_sources: named,
        unverifiable: anonymous.iter().filter(|x| x.unverifiable).count(),
        anonymous_sources: anonymous,
        one_side_share: sides.first().map(|s| s.share),
        sides,
        state_source_share: (!atts.is_empty()).then(|| round3(on_state as f64 / atts.len() as f64)),
        state_sources: state,
        outlet_citations: citations,
        has_byline: byline.is_some(),
        byline,
        has_date,
        date: meta.published.clone(),
        summary: Vec::new(),
        not_read_language: corroborate_nlp::language::not_read(meta.language.as_deref()),
    };
    sig.summary = summarize(&sig);
    sig
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// "RT reports: ...", "RT [reports](#): ...", "originally published by RT", "Source: RT", "via RT".
fn republishes(text: &str, span: Span) -> bool {
    let after = text[span.end..].chars().take(40).collect::<String>();
    let after = after.trim_start().trim_start_matches('[').to_lowercase();
    let verb = ["reports", "reported", "writes", "wrote", "says", "said", "reports that"]
        .iter()
        .find(|v| after.starts_with(*v) && after[v.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
    if let Some(v) = verb {
        let rest = after[v.len()..].trim_start();
        let rest = rest.strip_prefix(']').map(|r| r.find(')').map_or(r, |i| &r[i + 1..])).unwrap_or(rest);
        if rest.trim_start().starts_with(':') {
            return true;
        }
    }
    if after.starts_with(':') || after.starts_with(" :") {
        // "Source: RT" is handled below; "RT: ..." as a header line republishes too.
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        return text[line_start..span.start].trim().is_empty();
    }
    let before: String = text[..span.start].chars().rev().take(40).collect::<String>().chars().rev().collect();
    let before = before.to_lowercase();
    let before = before.trim_end().trim_end_matches(['[', '*', '_']);
    [
        "originally appeared on",
        "originally appeared in",
        "originally published by",
        "originally published on",
        "originally published in",
        "source:",
        "via",
        "republished from",
        "courtesy of",
    ]
    .iter()
    .any(|p| before.ends_with(p))
}

fn summarize(s: &SourcingSignals) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(language) = &s.not_read_language {
        out.push(format!("sources not read: the text is in {language}, and corroborate reads English"));
    } else if s.attributions == 0 {
        out.push("no attributed statements found".to_string());
    }
    if !s.named_sources.is_empty() {
        let officials = s.named_sources.iter().filter(|n| n.official).count();
        out.push(format!(
            "{} named source{} ({} official{}): {}",
            s.named_sources.len(),
            if s.named_sources.len() == 1 { "" } else { "s" },
            officials,
            if officials == 1 { "" } else { "s" },
            s.named_sources.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ")
        ));
    }
    let anon = s.anonymous_sources.len() - s.unverifiable;
    if anon > 0 {
        out.push(format!("{anon} unnamed source{}", if anon == 1 { "" } else { "s" }));
    }
    for u in s.anonymous_sources.iter().filter(|x| x.unverifiable) {
        out.push(format!("unverifiable sourcing: {}", u.reason));
    }
    if let Some(top) = s.sides.first() {
        if s.sides.len() == 1 || top.share >= 0.6 {
            out.push(format!(
                "{:.0}% of attributions with a known side come from {} ({} of {})",
                top.share * 100.0,
                top.side,
                top.attributions,
                s.sides.iter().map(|x| x.attributions).sum::<usize>()
            ));
        }
    }
    if !s.state_sources.is_empty() {
        let list: Vec<String> = s
            .state_sources
            .iter()
            .map(|st| {
                let what = match st.kind {
                    StateSourceKind::StateOutlet => "state media",
                    StateSourceKind::GovernmentBody => "government",
                };
                let n = st.attributions.len().max(1);
                format!("{} ({what}, {n})", st.name)
            })
            .collect();
        // "Rests on" only when state sources carry at least half of the attributions.
        let lead =
            if s.state_source_share.is_some_and(|x| x >= 0.5) { "rests on state sources" } else { "state sources" };
        out.push(format!("{lead}: {}", list.join(", ")));
    }
    for c in s.outlet_citations.iter().filter(|c| c.republishes) {
        out.push(format!("republishes {}{}", c.name, if c.state_media { " (state media)" } else { "" }));
    }
    if !s.has_byline {
        out.push("no byline".to_string());
    }
    if !s.has_date {
        out.push("no date".to_string());
    } else if s.date.is_none() {
        out.push("date present but ambiguous".to_string());
    }
    out
}

/// An article that copies an earlier article of another outlet (same near-duplicate group).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyFinding {
    /// Index of the copying article.
    pub article: usize,
    /// Index of the earliest article of its group, taken as the original.
    pub original: usize,
    pub outlet: Option<String>,
    pub original_outlet: Option<String>,
    /// The copy names the original outlet.
    pub credited: bool,
}

/// Outlets that copy others: in each near-duplicate group (earliest first, as
/// `Story::origins` gives them), every article from a different outlet than the first copies it.
/// Articles whose outlet is unknown are compared by nothing and never reported.
pub fn copies(
    kb: &Knowledge,
    articles: &[AnalyzedArticle],
    profiles: &[OutletProfile],
    groups: &[Vec<usize>],
) -> Vec<CopyFinding> {
    let mut out = Vec::new();
    for g in groups {
        let Some((&first, rest)) = g.split_first() else { continue };
        let Some(orig) = profiles.get(first).and_then(|p| p.domain.clone()) else { continue };
        for &i in rest {
            let Some(dom) = profiles.get(i).and_then(|p| p.domain.clone()) else { continue };
            if dom == orig {
                continue;
            }
            let Some(a) = articles.get(i) else { continue };
            let text = &a.article.text;
            let credited = kb.outlets.mentions(text).iter().any(|&(_, _, oi)| kb.outlets.get(oi).domain == orig)
                || text.to_lowercase().contains(&orig);
            out.push(CopyFinding {
                article: i,
                original: first,
                outlet: Some(dom),
                original_outlet: Some(orig.clone()),
                credited,
            });
        }
    }
    out
}

/// The profile of an analysed article's outlet, from its metadata.
pub fn article_profile(kb: &Knowledge, a: &AnalyzedArticle) -> OutletProfile {
    kb.profile(&crate::profile::OutletHints::from_article(&a.article))
}

/// What the JSON output carries per article as `source_profile`: the outlet's profile, the
/// article's sourcing signals, and (in a comparison) whom it copies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceProfile {
    pub outlet: OutletProfile,
    pub signals: SourcingSignals,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<CopyFinding>,
}

/// The `source_profile` of one analysed article.
pub fn source_profile(kb: &Knowledge, a: &AnalyzedArticle) -> SourceProfile {
    SourceProfile { outlet: article_profile(kb, a), signals: sourcing_signals(kb, a), copies: None }
}

/// The `source_profile` of every article of a comparison; `groups` are the near-duplicate groups
/// of all stories (earliest first).
pub fn source_profiles(kb: &Knowledge, articles: &[AnalyzedArticle], groups: &[Vec<usize>]) -> Vec<SourceProfile> {
    let mut out: Vec<SourceProfile> = articles.iter().map(|a| source_profile(kb, a)).collect();
    let outlets: Vec<OutletProfile> = out.iter().map(|p| p.outlet.clone()).collect();
    for c in copies(kb, articles, &outlets, groups) {
        if let Some(p) = out.get_mut(c.article) {
            p.copies = Some(c);
        }
    }
    out
}

/// The `source_profile` of every article of a comparison, in the order of `c.articles`, with the
/// copies its stories' origin groups show.
pub fn comparison_profiles(kb: &Knowledge, c: &corroborate_model::Comparison) -> Vec<SourceProfile> {
    let groups: Vec<Vec<usize>> = c.stories.iter().flat_map(|s| s.origins.iter().cloned()).collect();
    source_profiles(kb, &c.articles, &groups)
}

impl SourceProfile {
    /// One line for a terminal report: outlet, reliability, state media, what the claims rest on.
    pub fn brief(&self) -> String {
        let o = &self.outlet;
        let mut parts = Vec::new();
        // an outlet named or found but not in the ratings table is "unrated"; "outlet unknown" only
        // when the input names none
        parts.push(match (&o.domain, &o.name, &o.rating) {
            (Some(d), _, Some(r)) => format!("{d}: reliability {} (pc1 {:.2})", r.band, r.pc1),
            (_, Some(n), None) => format!("{n}: unrated"),
            (Some(d), None, None) => format!("{d}: unrated"),
            (None, Some(n), Some(r)) => format!("{n}: reliability {} (pc1 {:.2})", r.band, r.pc1),
            (None, None, _) => "outlet unknown".to_string(),
        });
        if let Some(sm) = &o.state_media {
            parts.push(format!("state media ({})", sm.country));
        }
        let s = &self.signals;
        if !s.state_sources.is_empty() {
            let list: Vec<String> =
                s.state_sources.iter().take(3).map(|x| format!("{}×{}", x.name, x.attributions.len().max(1))).collect();
            parts.push(format!("state sources: {}", list.join(", ")));
        }
        let named = s.named_sources.len();
        if let Some(language) = &s.not_read_language {
            parts.push(format!("sources not read ({language})"));
        } else {
            parts.push(format!("{named} named source{}", if named == 1 { "" } else { "s" }));
        }
        let anon = s.anonymous_sources.len() - s.unverifiable;
        if anon > 0 {
            parts.push(format!("{anon} unnamed"));
        }
        if s.unverifiable > 0 {
            parts.push(format!("{} unverifiable", s.unverifiable));
        }
        if let (Some(top), true) =
            (s.sides.first(), s.sides.len() > 1 || s.sides.first().is_some_and(|t| t.attributions > 1))
        {
            parts.push(format!("{:.0}% {}", top.share * 100.0, top.side));
        }
        if !s.has_byline {
            parts.push("no byline".into());
        }
        if !s.has_date {
            parts.push("no date".into());
        }
        if let Some(c) = &self.copies {
            parts.push(format!(
                "copies {}{}",
                c.original_outlet.as_deref().unwrap_or("?"),
                if c.credited { " (credited)" } else { " (uncredited)" }
            ));
        }
        parts.join(" · ")
    }
}
