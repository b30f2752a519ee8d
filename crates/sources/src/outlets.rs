//! Outlet identification: which outlet published a document, from whatever hints it carries.
//!
//! Hints are tried from the most to the least direct: canonical link, URL, domain, `og:site_name`,
//! JSON-LD publisher, the ingest's outlet name, then a byline naming an outlet ("By Jane Roe,
//! Reuters"). Hosts fold to their registrable domain (`edition.cnn.com` -> `cnn.com`); known
//! mirrors and sister sites fold to their outlet (`swentr.site` -> `rt.com`) through the table
//! `data/outlets.tsv`, which also maps names to domains ("Russia Today" -> `rt.com`).

use crate::domain::{host_of, registrable_domain};
use serde::Serialize;
use std::collections::HashMap;

/// The shipped outlet table.
pub const OUTLETS_TSV: &str = include_str!("../data/outlets.tsv");

/// One known outlet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outlet {
    pub domain: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub mirrors: Vec<String>,
}

impl Outlet {
    /// The display name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Which hint identified the outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Canonical,
    Url,
    Domain,
    SiteName,
    Publisher,
    OutletName,
    Byline,
}

impl Via {
    /// The hint in plain words, for text output ("identified from the URL `rt.com`").
    pub fn words(self) -> &'static str {
        match self {
            Via::Canonical => "the canonical link",
            Via::Url => "the URL",
            Via::Domain => "the domain",
            Via::SiteName => "the site name",
            Via::Publisher => "the publisher",
            Via::OutletName => "the outlet name",
            Via::Byline => "the byline",
        }
    }
}

/// The outlet a document comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identified {
    /// The outlet's registrable domain (mirrors folded).
    pub domain: String,
    /// The registrable domain actually seen, when it differs (a mirror or sister site).
    pub seen_domain: Option<String>,
    /// The outlet's name where we know it.
    pub name: Option<String>,
    pub via: Via,
    /// The hint's text.
    pub evidence: String,
}

/// The table of known outlets, indexed by domain, mirror and normalised name.
#[derive(Debug, Clone)]
pub struct Outlets {
    outlets: Vec<Outlet>,
    by_domain: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// Every name, alias and domain in one automaton (one pass over a text instead of one per name),
    /// ASCII-case-insensitive; capitals-only aliases ("RT", "AP") count only where written exactly.
    needles: Needles,
}

#[derive(Debug, Clone)]
struct Needles {
    ac: Option<aho_corasick::AhoCorasick>,
    /// Per pattern: its outlet, and whether it only counts with the exact case (capitals aliases).
    outlet: Vec<(usize, bool)>,
    patterns: Vec<String>,
}

impl Needles {
    /// `needles`: (name, outlet, exact case only).
    fn new(needles: Vec<(String, usize, bool)>) -> Needles {
        // A DFA: the needles are few (about a hundred), so it is small and quick to build, and it
        // scans every article's text several times faster than the default NFA.
        let ac = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(needles.iter().map(|(n, _, _)| n))
            .ok();
        let outlet = needles.iter().map(|&(_, i, exact)| (i, exact)).collect();
        Needles { ac, outlet, patterns: needles.into_iter().map(|(n, _, _)| n).collect() }
    }

    fn find(&self, text: &str, found: &mut Vec<(usize, usize, usize)>) {
        let Some(ac) = &self.ac else { return };
        for m in ac.find_overlapping_iter(text) {
            let p = m.pattern().as_usize();
            let (outlet, exact) = self.outlet[p];
            if exact && text.as_bytes()[m.start()..m.end()] != *self.patterns[p].as_bytes() {
                continue;
            }
            if is_word_boundary(text, m.start(), m.end()) {
                found.push((m.start(), m.end(), outlet));
            }
        }
    }
}

/// Lower case, `&` -> `and`, punctuation to spaces, leading `the` dropped, spaces collapsed.
pub fn normalize_name(s: &str) -> String {
    if s.is_ascii() {
        return normalize_ascii_name(s);
    }
    normalize_name_general(s)
}

/// [`normalize_name`] of an ASCII name in one pass and one allocation (it runs for every
/// attribution's source, several times): the same words, joined the same way.
fn normalize_ascii_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Words: runs of alphanumerics and dots, with `'` removed and `&` a word of its own ("and");
    // dots at either end of a run are trimmed. A leading "the" is dropped when a word follows.
    let mut words = 0usize;
    let mut pending_the = false;
    let mut push_word = |w: &[u8], out: &mut String| {
        let w = trim_dots(w);
        if w.is_empty() {
            return;
        }
        if words == 0 && w == b"the" {
            pending_the = true;
            words = 1;
            return;
        }
        if words > 0 && !(words == 1 && pending_the) {
            out.push(' ');
        }
        if words == 1 && pending_the {
            pending_the = false;
        }
        out.extend(w.iter().map(|&b| b as char));
        words += 1;
    };
    let mut word: Vec<u8> = Vec::with_capacity(32);
    for &b in s.as_bytes() {
        match b {
            b'\'' => {}
            b'&' => {
                push_word(&word, &mut out);
                word.clear();
                push_word(b"and", &mut out);
            }
            _ if b.is_ascii_alphanumeric() || b == b'.' => word.push(b.to_ascii_lowercase()),
            _ => {
                push_word(&word, &mut out);
                word.clear();
            }
        }
    }
    push_word(&word, &mut out);
    if pending_the {
        out.push_str("the");
    }
    out
}

fn trim_dots(w: &[u8]) -> &[u8] {
    let a = w.iter().position(|&b| b != b'.').unwrap_or(w.len());
    let b = w.iter().rposition(|&b| b != b'.').map_or(a, |i| i + 1);
    &w[a..b.max(a)]
}

fn normalize_name_general(s: &str) -> String {
    let s = s.to_lowercase().replace('&', " and ").replace(['’', '\''], "");
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.first() {
        Some(&"the") if words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

impl Outlets {
    pub fn builtin() -> Outlets {
        Outlets::parse(OUTLETS_TSV)
    }

    /// Parses `domain<TAB>name<TAB>aliases<TAB>mirrors` rows; short rows are allowed.
    pub fn parse(text: &str) -> Outlets {
        let mut outlets = Vec::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let list = |i: usize| -> Vec<String> {
                cols.get(i)
                    .map(|c| c.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect())
                    .unwrap_or_default()
            };
            let domain = cols[0].trim().to_lowercase();
            if domain.is_empty() {
                continue;
            }
            outlets.push(Outlet {
                name: cols.get(1).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).unwrap_or(domain.clone()),
                domain,
                aliases: list(2),
                mirrors: list(3),
            });
        }
        let mut by_domain = HashMap::new();
        let mut by_name = HashMap::new();
        for (i, o) in outlets.iter().enumerate() {
            by_domain.insert(o.domain.clone(), i);
            for m in &o.mirrors {
                by_domain.entry(m.to_lowercase()).or_insert(i);
            }
            for n in o.names() {
                by_name.entry(normalize_name(n)).or_insert(i);
            }
            by_name.entry(normalize_name(&o.domain)).or_insert(i);
        }
        let mut needles = Vec::new();
        for (i, o) in outlets.iter().enumerate() {
            for n in o.names().chain(std::iter::once(o.domain.as_str())).filter(|n| !n.is_empty()) {
                needles.push((n.to_string(), i, is_caps_alias(n)));
            }
        }
        Outlets { outlets, by_domain, by_name, needles: Needles::new(needles) }
    }

    pub fn all(&self) -> &[Outlet] {
        &self.outlets
    }

    /// The known outlet of a host (any subdomain of it, or of a mirror).
    pub fn by_host(&self, host: &str) -> Option<&Outlet> {
        let host = host.to_lowercase();
        let mut h = host.as_str();
        loop {
            if let Some(&i) = self.by_domain.get(h) {
                return Some(&self.outlets[i]);
            }
            match h.find('.') {
                Some(i) if h[i + 1..].contains('.') => h = &h[i + 1..],
                _ => return None,
            }
        }
    }

    /// The known outlet of a name ("Russia Today", "the Associated Press"). Short all-capital
    /// aliases ("RT", "AP") only match when written in capitals.
    pub fn by_name(&self, name: &str) -> Option<&Outlet> {
        let o = &self.outlets[*self.by_name.get(&normalize_name(name))?];
        let trimmed = name.trim();
        let caps_alias = o.names().any(|n| is_caps_alias(n) && n.eq_ignore_ascii_case(trimmed));
        if caps_alias && !o.names().any(|n| n == trimmed) {
            return None;
        }
        Some(o)
    }

    /// The known outlet of an edition's name: "Sputnik Poland", "RT English", "TASS - Russian",
    /// "RT Germany (old)". A ` - ` suffix and parenthesised notes are dropped, then trailing words,
    /// until what is left is a known name (never fewer words than the name itself).
    pub fn by_edition_name(&self, name: &str) -> Option<&Outlet> {
        let base = name.split(" - ").next().unwrap_or(name);
        let base = base.split('(').next().unwrap_or(base).trim();
        let words: Vec<&str> = base.split_whitespace().collect();
        (1..=words.len()).rev().find_map(|n| self.by_name(&words[..n].join(" ")))
    }

    /// Identifies a domain or URL: registrable domain, mirrors folded.
    pub fn identify_host(&self, domain_or_url: &str, via: Via) -> Option<Identified> {
        let host = host_of(domain_or_url)?;
        let reg = registrable_domain(&host).unwrap_or_else(|| host.clone());
        Some(match self.by_host(&host) {
            Some(o) => Identified {
                seen_domain: (o.domain != reg && !host.ends_with(&format!(".{}", o.domain)) && host != o.domain)
                    .then(|| reg.clone()),
                domain: o.domain.clone(),
                name: Some(o.name.clone()),
                via,
                evidence: domain_or_url.trim().to_string(),
            },
            None => Identified {
                domain: reg,
                seen_domain: None,
                name: None,
                via,
                evidence: domain_or_url.trim().to_string(),
            },
        })
    }

    /// Identifies a name: a known outlet name, or a name that is itself a domain ("RT.com").
    pub fn identify_name(&self, name: &str, via: Via) -> Option<Identified> {
        if let Some(o) = self.by_name(name) {
            return Some(Identified {
                domain: o.domain.clone(),
                seen_domain: None,
                name: Some(o.name.clone()),
                via,
                evidence: name.trim().to_string(),
            });
        }
        let t = name.trim();
        if !t.contains(' ') && t.contains('.') {
            return self.identify_host(t, via);
        }
        let o = self.by_edition_name(t)?;
        Some(Identified {
            domain: o.domain.clone(),
            seen_domain: None,
            name: Some(o.name.clone()),
            via,
            evidence: t.to_string(),
        })
    }

    /// Known outlets named in a byline, such as "By Jane Roe, Reuters" or "Associated Press".
    pub fn identify_byline(&self, byline: &str) -> Option<Identified> {
        let mentions = self.mentions(byline);
        let (start, end, i) = *mentions.first()?;
        let o = &self.outlets[i];
        Some(Identified {
            domain: o.domain.clone(),
            seen_domain: None,
            name: Some(o.name.clone()),
            via: Via::Byline,
            evidence: byline[start..end].to_string(),
        })
    }

    /// Every mention of a known outlet name in `text`, as `(start, end, outlet index)` byte ranges,
    /// whole words only, longest name first at each place, in text order.
    pub fn mentions(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        self.needles.find(text, &mut found);
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for f in found {
            if out.last().is_none_or(|l| f.0 >= l.1) {
                out.push(f);
            }
        }
        out
    }

    pub fn get(&self, index: usize) -> &Outlet {
        &self.outlets[index]
    }
}

/// "RT", "AP", "TASS": short names in capitals that are ordinary words in lower case.
fn is_caps_alias(n: &str) -> bool {
    n.len() <= 5 && n.chars().all(|c| c.is_ascii_uppercase() || c == '/' || c == '-')
}

fn is_word_boundary(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let ok = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
    // "RT.com" is a mention of RT, but "AP." inside "A.P.x" is not worth the trouble.
    ok(before) && ok(after) && before != Some('.') && after != Some('-')
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_names_normalise_as_the_general_path_does() {
        let cases = [
            "The Associated Press",
            "the",
            "The",
            "  the  ",
            "the the",
            "The . the",
            "Reuters",
            "AT&T",
            "Marks & Spencer",
            "&",
            "the & co",
            "Fox News' Sean",
            "U.S. State Department",
            "...dots...",
            ".the. BBC",
            "RT.com",
            "Al-Jazeera",
            "",
            "   ",
            "the.",
            "the-",
            "Tom's the best",
            "a'b' & 'c",
            "n.y. times",
        ];
        for c in cases {
            assert_eq!(super::normalize_ascii_name(c), super::normalize_name_general(c), "{c:?}");
        }
        // Every short string over a small alphabet that exercises each branch.
        let alphabet = ['t', 'h', 'e', ' ', '.', '&', '\'', 'A', '-', '1'];
        let mut buf = String::new();
        for n in 0..(alphabet.len().pow(5)) {
            buf.clear();
            let mut k = n;
            for _ in 0..5 {
                buf.push(alphabet[k % alphabet.len()]);
                k /= alphabet.len();
            }
            assert_eq!(super::normalize_ascii_name(&buf), super::normalize_name_general(&buf), "{buf:?}");
        }
    }

    use super::*;

    #[test]
    fn names_and_hosts() {
        let o = Outlets::builtin();
        assert_eq!(o.by_name("Russia Today").unwrap().domain, "rt.com");
        assert_eq!(o.by_name("RT").unwrap().domain, "rt.com");
        assert!(o.by_name("rt").is_none(), "lower-case `rt` is not RT");
        assert_eq!(o.by_name("the Associated Press").unwrap().domain, "apnews.com");
        assert_eq!(o.by_name("AP").unwrap().domain, "apnews.com");
        assert_eq!(o.by_name("TASS").unwrap().domain, "tass.com");
        assert_eq!(o.by_name("Reuters").unwrap().domain, "reuters.com");
        assert_eq!(o.by_name("Xinhua News Agency").unwrap().domain, "xinhuanet.com");
        assert!(o.by_name("Daily Bugle").is_none());

        let id = o.identify_host("https://swentr.site/russia/1", Via::Url).unwrap();
        assert_eq!((id.domain.as_str(), id.seen_domain.as_deref()), ("rt.com", Some("swentr.site")));
        let id = o.identify_host("https://de.rt.com/x", Via::Url).unwrap();
        assert_eq!((id.domain.as_str(), id.seen_domain.as_deref()), ("rt.com", None));
        let id = o.identify_host("https://edition.cnn.com/2022/04/05/x", Via::Url).unwrap();
        assert_eq!(id.domain, "cnn.com");
        let id = o.identify_host("https://www.unheard-of.co.uk/a", Via::Url).unwrap();
        assert_eq!((id.domain.as_str(), id.name), ("unheard-of.co.uk", None));
        assert_eq!(o.identify_name("RT.com", Via::SiteName).unwrap().domain, "rt.com");
        assert!(o.identify_name("Some Blog", Via::SiteName).is_none());
        assert_eq!(o.identify_name("Sputnik Poland", Via::OutletName).unwrap().domain, "sputniknews.com");
        assert_eq!(o.identify_name("RT Germany (old)", Via::OutletName).unwrap().domain, "rt.com");
        assert_eq!(o.identify_name("TASS - Russian", Via::OutletName).unwrap().domain, "tass.com");
        assert!(o.identify_name("Rt Weekly", Via::OutletName).is_none());
        assert!(o.identify_name("Global", Via::OutletName).is_none());
    }

    #[test]
    fn bylines_and_mentions() {
        let o = Outlets::builtin();
        let id = o.identify_byline("By Jane Roe and John Doe, Reuters").unwrap();
        assert_eq!((id.domain.as_str(), id.via), ("reuters.com", Via::Byline));
        assert_eq!(o.identify_byline("By The Associated Press").unwrap().domain, "apnews.com");
        assert!(o.identify_byline("by Niamh Harris").is_none());

        let text = "RT reports: the start. Apart from that, Russia Today and the art of rt.com; reportedly.";
        let m: Vec<&str> = o.mentions(text).iter().map(|&(s, e, _)| &text[s..e]).collect();
        assert_eq!(m, ["RT", "Russia Today", "rt.com"]);
    }
}
