//! Wire credits: an article that says its text comes from a wire agency or another outlet
//! ("(Meridian Press) ...", "OSK (Reuters) - ...", "This story was provided by ...", "The Associated
//! Press contributed to this report.", a closing "— AFP"). A rewrite of a wire story, lightly
//! edited, shares too few word shingles with the wire's own text to count as a near-copy (`dedup`);
//! its credit and the text it shares with another article of the same wire put it in that origin
//! ([`crate::origins`]).
//!
//! Only these placings of a name are credits: the head of the first paragraph of prose, a sentence
//! that says who provided the story, "X contributed", a closing dash. A source quoted or spoken to
//! ("told Reuters", "according to AP", "Reuters reported") credits nothing.

use corroborate_model::{AnalyzedArticle, Span};

/// Two articles crediting one wire are one origin when this part of the shorter one's word
/// 5-grams is in the other (independent reports of one event share a few percent: a quote, a name
/// with its title; a wire story rewritten by hand keeps most of its sentences).
pub const CREDIT_SHARE: f32 = 0.3;
/// ... and at least this many 5-grams (a headline and a quote are not a story's text).
pub const CREDIT_SHINGLES: usize = 20;

/// Last words of an agency's or outlet's name.
const AGENCY_WORDS: &[&str] =
    &["press", "news", "agency", "service", "wire", "wires", "newswire", "presse", "syndicate"];

/// Wire agencies known by a name that ends in none of [`AGENCY_WORDS`] (lower case, without "the").
const WIRES: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "associated press",
    "agence france-presse",
    "bloomberg",
    "upi",
    "united press international",
    "dpa",
    "xinhua",
    "tass",
    "itar-tass",
    "ansa",
    "efe",
    "kyodo",
    "yonhap",
    "interfax",
    "ria novosti",
    "anadolu",
    "pti",
    "aap",
    "pa",
    "bernama",
    "antara",
];

/// One name, however it is written: lower case, without "the", "AP" as "associated press".
pub fn wire_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let key = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    match key.as_str() {
        "ap" => "associated press".into(),
        "afp" => "agence france-presse".into(),
        "upi" => "united press international".into(),
        "pa" => "press association".into(),
        _ => key,
    }
}

/// True when `name` names an agency or outlet: a known wire, or a name ending in an agency word
/// ("Meridian Press", "Coastal News Service").
fn agency_like(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    WIRES.contains(&lower) || lower.split_whitespace().last().is_some_and(|w| AGENCY_WORDS.contains(&w))
}

/// A word of a name: capitalised ("Meridian", "France-Presse", "AP"), or "of"/"de" inside one.
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '\'' | '.' | '’'))
}

/// The name at the start of `s` (up to five capitalised words, "The" included; a word closing a
/// sentence ends it): its length in bytes, a trailing full stop or comma left out.
fn name_at_start(s: &str) -> Option<usize> {
    let mut end = 0;
    for (k, w) in s.split(' ').enumerate() {
        if k == 5 || !name_word(w) {
            break;
        }
        end += usize::from(k > 0) + w.len();
        if w.ends_with(['.', ',']) {
            break;
        }
    }
    let name = s[..end].trim_end_matches(['.', ',']);
    (!name.is_empty()).then_some(name.len())
}

/// The name that ends at the end of `s` (up to five capitalised words, none closing a sentence):
/// where it starts.
fn name_at_end(s: &str) -> Option<usize> {
    let mut start = s.len();
    let mut head_end = s.len();
    for _ in 0..5 {
        let head = &s[..head_end];
        let ws = head.rfind(' ').map_or(0, |k| k + 1);
        let w = &head[ws..];
        if !name_word(w) || (head_end < s.len() && w.ends_with(['.', '!', '?', ','])) {
            break;
        }
        start = ws;
        if ws == 0 {
            break;
        }
        head_end = ws - 1;
    }
    (start < s.len()).then_some(start)
}

/// What follows a dash (or colon) that opens `s`, when prose follows it (a capital, a digit, a
/// quotation mark).
fn after_dash(s: &str) -> Option<&str> {
    let rest = ["- ", "– ", "— ", "-- ", ": "].iter().find_map(|d| s.strip_prefix(d))?.trim_start();
    rest.chars().next().filter(|&c| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘".contains(c)).map(|_| rest)
}

/// The paragraphs of prose of an article: `(start, paragraph)`, metadata-only ones (title, header
/// lines, datelines) left out.
fn prose_paragraphs(a: &AnalyzedArticle) -> Vec<(usize, &str)> {
    paragraphs(a, false)
}

/// The paragraphs of an article, `(start, paragraph)`; with `metadata`, those holding only
/// metadata as well (a credit line is one: "X contributed to this report").
fn paragraphs(a: &AnalyzedArticle, metadata: bool) -> Vec<(usize, &str)> {
    let text = a.article.text.as_str();
    let mut spans: Vec<Span> = a.article.meta_spans.iter().map(|m| m.span).collect();
    spans.sort_by_key(|s| s.start);
    let covered = |mut s: usize, e: usize| {
        for sp in &spans {
            if sp.start <= s && sp.end > s {
                s = sp.end;
            }
            while s < e && text.as_bytes()[s].is_ascii_whitespace() {
                s += 1;
            }
        }
        s >= e
    };
    let mut out = Vec::new();
    let mut pos = 0;
    for para in text.split("\n\n") {
        let lead = para.len() - para.trim_start().len();
        let body = para.trim();
        let start = pos + lead;
        pos += para.len() + 2;
        if !body.is_empty() && (metadata || !covered(start, start + body.len())) {
            out.push((start, body));
        }
    }
    out
}

/// The credit at the head of a lead paragraph: "(Meridian Press) ...", "OSK (Reuters) - ...",
/// "WASHINGTON, May 3 (AP) — ...", "Meridian Press - ...". The name's span within `p`.
fn lead_credit(p: &str) -> Option<(usize, usize)> {
    if let Some(open) = p.find('(').filter(|&o| o <= 60) {
        // before it, nothing or a dateline: a place, a date, in capitalised words or digits
        let before = p[..open].trim_end();
        let dateline = before.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’'))
        });
        let close = p[open..].find(')').map(|c| open + c)?;
        let name = &p[open + 1..close];
        let after = p[close + 1..].trim_start();
        let acronym = (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase());
        let prose = after_dash(after).is_some() || after.chars().next().is_some_and(char::is_uppercase);
        if dateline && (agency_like(name) || acronym) && name_at_start(name) == Some(name.len()) && prose {
            return Some((open + 1, close));
        }
        if !before.is_empty() {
            return None;
        }
    }
    // "Meridian Press - Portavel's mayor ..."
    let n = name_at_start(p)?;
    let rest = p[n..].strip_prefix(' ')?;
    (agency_like(&p[..n]) && after_dash(rest).is_some()).then_some((0, n))
}

/// Openings of a sentence that says who provided the story; the name follows.
const PROVIDED: &[&str] = &[
    "this story was provided by ",
    "this article was provided by ",
    "this report was provided by ",
    "this content was provided by ",
    "this story was supplied by ",
    "this article was supplied by ",
    "this story was distributed by ",
    "this story was originally published by ",
    "this article was originally published by ",
    "this story was first published by ",
    "this article was first published by ",
    "this story originally appeared in ",
    "this article originally appeared in ",
    "this story first appeared in ",
    "this article first appeared in ",
];

/// A credit inside or closing a paragraph: "This story was provided by X", "X contributed (to this
/// report)", a closing "— X". The name's span within `p`.
fn body_credit(p: &str) -> Option<(usize, usize)> {
    let lower = p.to_lowercase();
    if lower.len() == p.len() {
        for opening in PROVIDED {
            if let Some(at) = lower.find(opening) {
                let from = at + opening.len();
                let rest = &p[from..];
                let from = from + if rest.starts_with("the ") { 4 } else { 0 };
                if let Some(n) = name_at_start(&p[from..]) {
                    return Some((from, from + n));
                }
            }
        }
        // "The Associated Press contributed to this report.", at a sentence's start
        let mut search = 0;
        while let Some(at) = lower[search..].find(" contributed").map(|k| search + k) {
            search = at + 1;
            let Some(start) = name_at_end(&p[..at]) else { continue };
            let sentence_start = start == 0 || p[..start].trim_end().ends_with(['.', '!', '?', '"', '”', ')']);
            if sentence_start && agency_like(&p[start..at]) {
                return Some((start, at));
            }
        }
    }
    // "... the officials said. — Reuters", or a paragraph of its own
    let t = p.trim_end_matches(['.', ' ']);
    let start = name_at_end(t)?;
    let before = t[..start].trim_end();
    let before = ["--", "—", "–", "-"].iter().find_map(|d| before.strip_suffix(d))?;
    let closes = before.trim_end().is_empty() || before.trim_end().ends_with(['.', '!', '?', '"', '”']);
    (closes && agency_like(&t[start..])).then_some((start, t.len()))
}

/// The wire or outlet an article credits for its text, with the span of its name: the first
/// credit in the lead paragraph of prose, or else in any paragraph. `None` when it credits none.
pub fn wire_credit(a: &AnalyzedArticle) -> Option<(String, Span)> {
    let lead = prose_paragraphs(a).first().and_then(|&(at, p)| lead_credit(p).map(|(s, e)| (at + s, at + e)));
    let (s, e) =
        lead.or_else(|| paragraphs(a, true).iter().find_map(|&(at, p)| body_credit(p).map(|(s, e)| (at + s, at + e))))?;
    let name = a.article.text[s..e].trim();
    let s = s + (a.article.text[s..e].len() - a.article.text[s..e].trim_start().len());
    Some((name.to_string(), Span::new(s, s + name.len())))
}

/// The names an article's own metadata gives its outlet, as [`wire_key`]s: the outlet, and the
/// domain's first label ("reuters" of reuters.com).
pub fn outlet_keys(a: &AnalyzedArticle) -> Vec<String> {
    let m = &a.article.meta;
    let mut out: Vec<String> = m.outlet.iter().map(|o| wire_key(o)).collect();
    if let Some(label) = m.domain.as_deref().and_then(|d| d.trim_start_matches("www.").split('.').next()) {
        out.push(wire_key(label));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{Article, MetaKind, MetaSpan};

    fn art(text: &str) -> AnalyzedArticle {
        AnalyzedArticle { article: Article::new("t", text), ..Default::default() }
    }

    fn credit(text: &str) -> Option<String> {
        let a = art(text);
        wire_credit(&a).map(|(name, sp)| {
            assert_eq!(&text[sp.start..sp.end], name);
            name
        })
    }

    #[test]
    fn credits_in_the_lead_paragraph() {
        assert_eq!(credit("(Harbour Press) The ferry sank on Monday.").as_deref(), Some("Harbour Press"));
        assert_eq!(credit("VELKOR (Reuters) - The ferry sank on Monday.").as_deref(), Some("Reuters"));
        assert_eq!(credit("OSK, May 3 (AP) — The ferry sank.").as_deref(), Some("AP"));
        assert_eq!(credit("Harbour Press - The ferry sank on Monday.").as_deref(), Some("Harbour Press"));
        // a place before a dash is a dateline, no credit
        assert_eq!(credit("VELKOR - The ferry sank on Monday."), None);
        // a parenthesis that is no agency
        assert_eq!(credit("(Updated) The ferry sank on Monday."), None);
        assert_eq!(credit("The ferry (built 1990) sank on Monday."), None);
    }

    #[test]
    fn credits_in_later_paragraphs() {
        let t = "The ferry sank on Monday.\n\nThis story was provided by the Harbour Press wire.";
        assert_eq!(credit(t).as_deref(), Some("Harbour Press"));
        let t = "The ferry sank on Monday.\n\nThe Associated Press contributed to this report.";
        assert_eq!(credit(t).as_deref(), Some("The Associated Press"));
        let t = "The ferry sank on Monday, the coastguard said. — AFP";
        assert_eq!(credit(t).as_deref(), Some("AFP"));
        let t = "The ferry sank on Monday.\n\n-- Harbour News Service";
        assert_eq!(credit(t).as_deref(), Some("Harbour News Service"));
    }

    #[test]
    fn sources_and_reporters_are_no_credit() {
        // quoting or speaking to an agency credits nothing
        for t in [
            "The captain told Reuters the ferry was overloaded.",
            "The ferry sank, according to AP.\n\nReuters reported two deaths.",
            "The ferry sank on Monday.\n\nAna Lima contributed to this report.",
            "The ferry sank on Monday. Dana Kovic - the harbour master - said so.",
            "Reuters - the agency - was not told.",
        ] {
            assert_eq!(credit(t), None, "{t}");
        }
    }

    #[test]
    fn the_lead_is_the_first_paragraph_of_prose() {
        let text = "Ferry Sinks Off Osk\n\n(Harbour Press) The ferry sank on Monday.";
        let mut a = art(text);
        a.article.meta_spans.push(MetaSpan { kind: MetaKind::Title, span: Span::new(0, 19), value: None });
        assert_eq!(wire_credit(&a).map(|c| c.0).as_deref(), Some("Harbour Press"));
        // a credit line that the reader marked as metadata still credits
        let text = "The ferry sank on Monday.\n\nHarbour Press contributed to this report.";
        let mut a = art(text);
        a.article.meta_spans.push(MetaSpan { kind: MetaKind::Credit, span: Span::new(27, text.len()), value: None });
        assert_eq!(wire_credit(&a).map(|c| c.0).as_deref(), Some("Harbour Press"));
        // a credit-like head further down is not a lead
        let text = "The ferry sank on Monday.\n\n(Harbour Press) Rescuers searched.";
        assert_eq!(credit(text), None);
    }

    #[test]
    fn keys_fold_spellings() {
        assert_eq!(wire_key("The Associated Press"), wire_key("AP"));
        assert_eq!(wire_key(" Harbour  Press "), "harbour press");
        let mut a = art("x");
        a.article.meta.outlet = Some("The Harbour Press".into());
        a.article.meta.domain = Some("www.reuters.com".into());
        assert_eq!(outlet_keys(&a), ["harbour press", "reuters"]);
    }
}
