//! Metadata inside plain text, as real files carry it: a `date 2022-04-06` prefix glued to the first
//! paragraph, a title line, `by Jane Roe`, a `Category` block with numbered items, `Date Created
//! 04/06/2022`, `Image: AP` credit lines, markdown links `[text](#)` and emphasis `*...*`.
//!
//! Everything found is a [`MetaSpan`] of the unchanged text. Ambiguous dates are reported, not guessed.
use crate::dates::Reading;
use corroborate_model::{Diagnostic, Meta, MetaKind, MetaSpan, Span};
use regex::Regex;
use std::sync::LazyLock;

/// What [`parse`] found.
#[derive(Debug, Default)]
pub struct TextMeta {
    pub meta: Meta,
    pub spans: Vec<MetaSpan>,
    pub diagnostics: Vec<Diagnostic>,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:date|published|posted|updated)[:\s]\s*(\d{4})-(\d{2})-(\d{2})\b[ \t]*").unwrap()
});
static IMAGE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:image|photo|picture|photograph|credit|image credit|photo credit|source)\s*:\s*\S.{0,80}$")
        .unwrap()
});
/// A photo's credit line as agencies and papers write it: "Jane Roe via Getty Images", "JANE ROE /
/// GETTY IMAGES", "(Jane Roe/AFP/Getty Images)", "[Photo by: Jane Roe/Reuters]", "[image via
/// Shutterstock]" (checked on lines of at most 12 words; an agency named in a sentence, "a nice old
/// man on Shutterstock", is no credit).
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\[(]?(?i:(?:photo|image|picture)(?: by)?:?\s+)?(?:[^.!?\[\]()]|\b[A-Z]\.\s){0,80}?(?:\bvia\s+|\s*/\s*)(?i:getty images|afp|ap|ap photo|reuters|epa|shutterstock(?:\.com)?|associated press)\b[^.!?\[\]()]{0,80}[\])]?\.?[\])]?$",
    )
    .unwrap()
});
/// A credit line in brackets naming whoever supplied the picture, agency or not: "[Judd Nelson
/// Death Hoax Image via Gregg Klein]", "(Photo courtesy of Ana Lima)": the whole line bracketed, and
/// the credit a few capitalised words, so a sentence that mentions a photo ("(A photo by Ana Lima
/// shows the port.)") is none.
static BRACKETED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\[[^\[\]()]{0,80}|\([^\[\]()]{0,80})\b(?i:image|photo|picture|photograph|screenshot|screengrab)s?\s+(?i:via|by|courtesy of|credit:?)\s+(?:[A-Z][\w.'’&-]*(?:\s+|\s*/\s*)?){1,6}[\])]\.?$",
    )
    .unwrap()
});
/// A credit in capitals naming the paper the photographer worked for: "JANE ROE FOR THE OSK HERALD".
static FOR_THE_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Z.'’ -]{2,60} FOR THE [A-Z.'’ -]{3,60}$").unwrap());
/// A line giving when the page was last changed: "Updated 8:28 p.m. ET", "LAST UPDATED AT 14:41 ON
/// Tue 10 Feb 2015", "Updated Dec. 31, 2014 11:30 a.m. EST" (a digit is required: "Updated to
/// clarify ..." is an editor's note).
static UPDATED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:last )?updated)(?i: at| on)?:?\s+[^\n]{0,30}\d[^\n.!?]{0,40}(?:[ap]\.m\.[^\n]{0,10})?$")
        .unwrap()
});
/// A wire credit closing a paragraph: "... in the region. (Reporting by Ana Lima; Editing by Ben Ode.)"
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?i:additional reporting|reporting|writing|editing) by [^()]{3,300}\)\.?\s*$").unwrap()
});
/// A line crediting reporters or editors (checked on lines of at most 40 words).
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\(\s*(?i:additional reporting|reporting|writing|editing) by\b.*\)\.?|(?i:additional reporting|reporting|writing|editing) by\b[^.]*(?:;[^.]*)*\.?|[^.!?]{3,160}?\bcontributed (?:(?:additional )?reporting(?: (?:to|for) this (?:report|story|article))?|(?:to|for) this (?:report|story|article))(?: from [^.]{1,60})?\.(?:\s+[^.]{3,80}\breported from .{1,60})?)\s*$",
    )
    .unwrap()
});
static NUMBERED_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,2}[.)]\s+\S").unwrap());
static SLASH_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$").unwrap());
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").unwrap());
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\[\]\n]+)\]\(([^()\s]*)\)").unwrap());
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\*{1,2}([^*\n]+)\*{1,2}"#).unwrap());

/// `by Jane Roe`, `By Ana Lima and Tom Berg`: the names, or `None` when the line is not a byline.
/// (By hand rather than by a Unicode regex, whose compilation alone cost more than analysing an article.)
fn byline(line: &str) -> Option<&str> {
    let rest =
        line.strip_prefix("by ").or_else(|| line.strip_prefix("By ")).or_else(|| line.strip_prefix("BY "))?.trim();
    // "BY JANE ROE | 01/12/15 12:35 PM": the names before a bar and a time
    let rest = match rest.split_once(" | ") {
        Some((names, when)) if when.chars().any(|c| c.is_ascii_digit()) && when.split_whitespace().count() <= 6 => {
            names.trim()
        }
        _ => rest,
    };
    // "By Ilse Marten, Dorvane Courier", "By Ana Lima, Staff Writer": the names before an
    // affiliation of a few capitalised words (a list of names goes on with "and": "By Ana Lima, Tom
    // Berg and Jo Kay" are three)
    let rest = match rest.split_once(", ") {
        Some((names, affiliation))
            if !affiliation.contains(" and ")
                && !affiliation.contains(" & ")
                && (1..=5).contains(&affiliation.split_whitespace().count())
                && affiliation.split_whitespace().all(|w| w.starts_with(char::is_uppercase)) =>
        {
            names.trim()
        }
        _ => rest,
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 {
        return None;
    }
    let mut names = 0;
    for w in words.iter().map(|w| w.strip_suffix(',').unwrap_or(w)) {
        let connector = matches!(w, "and" | "&" | "de" | "van" | "von" | "da" | "di" | "bin" | "del" | "la" | "le");
        let name = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
        if !(connector || name) {
            return None;
        }
        names += usize::from(name);
    }
    (names >= 1 && !matches!(*words.last()?, "and" | "&")).then_some(rest)
}

/// The date a line of its own gives, optionally after "Published"/"Posted" ("December 3, 2031",
/// "Published: Wed 3 Dec 2031 10:15 GMT"): a line of at most ten words that [`crate::dates::read`]
/// reads as a date from its start, not a sentence that opens with one ("December 3, 2031, was cold.").
fn date_line(line: &str) -> Option<&str> {
    let line = line.trim();
    let lower = line.get(..10).unwrap_or(line).to_ascii_lowercase();
    let date = ["published", "posted"]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(line, |p| line[p.len()..].trim_start_matches([':', ' ']).trim_start_matches("on ").trim());
    let sentence = (line.ends_with('.') && !line.ends_with(".m.")) || line.ends_with(['!', '?', '"', '”']);
    if sentence || line.chars().count() > 60 || line.split_whitespace().count() > 10 {
        return None;
    }
    (crate::dates::read(date) != Reading::Unread).then_some(date)
}

/// A line naming an outlet or a section: one to five capitalised words ("Drevnia Today", "The Osk
/// Herald", "World News"), no sentence.
fn name_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && line.chars().count() <= 40
        && !line.ends_with(['.', '!', '?', ':', ','])
        && words.iter().all(|w| {
            matches!(*w, "of" | "the" | "and" | "&" | "for" | "de")
                || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && byline(line).is_none()
}

/// The longest label a line is compared with below, in characters ("date published").
const LONGEST_LABEL: usize = 14;

/// Labels that stand alone on a line as section headings in pasted pages.
const HEADINGS: &[&str] = &["description", "summary", "abstract", "related", "share this", "tags", "advertisement"];

/// A line of the text: its byte span without the line break.
#[derive(Clone, Copy)]
struct Line {
    span: Span,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
            out.push(Line { span: Span::new(start, end) });
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Line { span: Span::new(start, text.len()) });
    }
    out
}

/// The span of a line without its surrounding whitespace.
fn trimmed(text: &str, line: Line) -> Span {
    line.span.trim(text, &[])
}

/// Finds metadata spans in a plain-text article.
pub fn parse(text: &str) -> TextMeta {
    let mut out = TextMeta::default();
    let lines = lines(text);
    let mut iso_from_dateline: Option<String> = None;

    // A date prefix glued to the first paragraph, or a date line among the first lines.
    let head_lines = lines.iter().filter(|l| !trimmed(text, **l).is_empty()).take(4);
    let dateline = std::iter::once(0)
        .chain(head_lines.map(|l| l.span.start))
        .find_map(|at| DATELINE.captures(&text[at..]).map(|c| (at, c)));
    if let Some((at, c)) = dateline {
        let m = c.get(0).unwrap();
        let (m_start, m_end) = (at + m.start(), at + m.end());
        let iso = format!("{}-{}-{}", &c[1], &c[2], &c[3]);
        let lead = m_start + (m.as_str().len() - m.as_str().trim_start().len());
        let span = Span::new(lead, m_end).trim(text, &[]);
        // `Date: 2022-02-30` is a date line still, but no date: unset, with a warning
        let iso = match crate::dates::read(&iso) {
            Reading::Date(_) => Some(iso),
            _ => {
                out.diagnostics.push(Diagnostic::warning(unread_date_message(&iso)));
                None
            }
        };
        out.spans.push(MetaSpan { kind: MetaKind::Dateline, span, value: iso.clone() });
        iso_from_dateline = iso;
    }

    // Non-empty lines with their index, for looking at neighbours.
    let nonempty: Vec<(usize, Span)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let t = trimmed(text, *l);
            (!t.is_empty()).then_some((i, t))
        })
        .collect();

    let before_header = out.spans.len();
    if !front_matter(text, &lines, &mut out) {
        header_fields(text, &nonempty, &mut out);
    }
    // A date on a line of its own among the first lines ("December 3, 2031", "Wed 3 Dec 2031
    // 10:15 GMT", "Published 3 December 2031"), as pages clipped by hand carry it under the headline.
    // (in the head of the page: up to its first paragraph of prose)
    for &(_, span) in nonempty.iter().take(6) {
        if out.spans.iter().any(|m| m.span.overlaps(&span)) {
            continue;
        }
        let line = span.slice(text);
        if line.split_whitespace().count() > 25 || line.ends_with('.') && !line.ends_with(".m.") {
            break;
        }
        if let Some(written) = date_line(line) {
            let value = read_date(written, iso_from_dateline.as_deref(), &mut out);
            if let Some(iso) = &value {
                out.meta.published.get_or_insert_with(|| iso.clone());
            }
            out.spans.push(MetaSpan { kind: MetaKind::Dateline, span, value });
        }
    }
    // the lines of a header block, front matter or date line are read: the line rules below leave them
    let header: Vec<Span> = out.spans[before_header..].iter().map(|m| m.span).collect();

    // Title: a first non-empty line that is short, not a sentence, and followed by more text.
    if let Some(&(idx, span)) = nonempty.first().filter(|_| out.meta.title.is_none()) {
        let s = span.slice(text);
        let words = s.split_whitespace().count();
        let ends_like_sentence = s.ends_with('.') && !s.ends_with("..");
        // (or a line of metadata right under it: "date 2026-03-14", "By Jane Roe")
        let is_meta =
            |line: Span| out.spans.iter().any(|m| m.span.overlaps(&line)) || byline(line.slice(text)).is_some();
        let next = lines.get(idx + 1).map(|l| trimmed(text, *l));
        let next_is_blank = next.is_none_or(|next| next.is_empty() || is_meta(next));
        // "Headline / Drevnia Today / December 3, 2031": the outlet's or section's name between a
        // headline and its date or byline (not prose, and not taken for the outlet: it may be a section)
        let outlet_line = next.filter(|&next| {
            !next_is_blank
                && name_line(next.slice(text))
                && lines.get(idx + 2).is_some_and(|l| {
                    let after = trimmed(text, *l);
                    !after.is_empty() && is_meta(after)
                })
        });
        if nonempty.len() > 1
            && (2..=25).contains(&words)
            && s.chars().count() <= 200
            && !ends_like_sentence
            && (next_is_blank || outlet_line.is_some())
            && !out.spans.iter().any(|m| m.span.overlaps(&span))
        {
            out.spans.push(MetaSpan { kind: MetaKind::Title, span, value: Some(s.to_string()) });
            out.meta.title = Some(s.to_string());
            if let Some(name) = outlet_line {
                let value = Some(name.slice(text).to_string());
                out.spans.push(MetaSpan { kind: MetaKind::Heading, span: name, value });
            }
        }
    }

    let mut k = 0;
    while k < nonempty.len() {
        let (_, span) = nonempty[k];
        if header.iter().any(|h| h.overlaps(&span)) {
            k += 1;
            continue;
        }
        let s = span.slice(text);
        // Only short lines can be one of the labels below (`to_lowercase` never shortens a text by
        // characters), so longer ones, most of an article, are not lowered at all.
        let lower = if s.len() <= LONGEST_LABEL * 4 && s.chars().count() <= LONGEST_LABEL {
            s.to_lowercase()
        } else {
            String::new()
        };
        let words = s.split_whitespace().count();
        if let Some(names) = byline(s) {
            for name in names.split(" and ").flat_map(|n| n.split(" & ")).flat_map(|n| n.split(", ")) {
                out.meta.authors.push(name.trim().to_string());
            }
            out.spans.push(MetaSpan { kind: MetaKind::Byline, span, value: Some(names.to_string()) });
        } else if words <= 40 && CREDIT.is_match(s.trim()) {
            out.spans.push(MetaSpan { kind: MetaKind::Credit, span, value: Some(s.trim().to_string()) });
        } else if let Some(m) = TRAILING_CREDIT.find(s) {
            let credit = Span::new(span.start + m.start(), span.start + m.end());
            out.spans.push(MetaSpan {
                kind: MetaKind::Credit,
                span: credit,
                value: Some(m.as_str().trim().to_string()),
            });
        } else if words <= 12
            && (PHOTO_CREDIT.is_match(s.trim())
                || FOR_THE_CREDIT.is_match(s.trim())
                || BRACKETED_CREDIT.is_match(s.trim()))
        {
            out.spans.push(MetaSpan { kind: MetaKind::ImageCredit, span, value: Some(s.trim().to_string()) });
        } else if words <= 12 && UPDATED_LINE.is_match(s.trim()) {
            out.spans.push(MetaSpan { kind: MetaKind::Dateline, span, value: None });
        } else if IMAGE_CREDIT.is_match(s) && words <= 12 && s.chars().count() <= 100 {
            let value = s.split_once(':').map(|(_, v)| v.trim().to_string());
            out.spans.push(MetaSpan { kind: MetaKind::ImageCredit, span, value });
        } else if lower == "category" || lower == "categories" {
            let mut end = span.end;
            let mut items = Vec::new();
            let mut j = k + 1;
            while j < nonempty.len() && NUMBERED_ITEM.is_match(nonempty[j].1.slice(text)) {
                let item = nonempty[j].1.slice(text);
                let item = item.split_once(char::is_whitespace).map(|x| x.1).unwrap_or(item).trim();
                items.push(item.to_string());
                end = nonempty[j].1.end;
                j += 1;
            }
            out.spans.push(MetaSpan {
                kind: MetaKind::Category,
                span: Span::new(span.start, end),
                value: Some(items.join("; ")),
            });
            k = j;
            continue;
        } else if lower == "date created" || lower == "date published" || lower == "published" || lower == "date" {
            if let Some(&(_, dspan)) = nonempty.get(k + 1) {
                let d = dspan.slice(text);
                if let Some(iso) = read_date(d, iso_from_dateline.as_deref(), &mut out) {
                    out.meta.published.get_or_insert(iso.clone());
                    out.spans.push(MetaSpan {
                        kind: MetaKind::DateCreated,
                        span: span.cover(&dspan),
                        value: Some(iso),
                    });
                } else if SLASH_DATE.is_match(d) || ISO_DATE.is_match(d) {
                    out.spans.push(MetaSpan { kind: MetaKind::DateCreated, span: span.cover(&dspan), value: None });
                }
                k += 2;
                continue;
            }
        } else if HEADINGS.contains(&lower.as_str()) {
            out.spans.push(MetaSpan { kind: MetaKind::Heading, span, value: Some(s.to_string()) });
        }
        k += 1;
    }
    if out.meta.published.is_none() {
        out.meta.published = iso_from_dateline;
    }

    for c in MD_LINK.captures_iter(text) {
        let all = c.get(0).unwrap();
        let inner = c.get(1).unwrap();
        if inner.as_str().chars().count() > 300 {
            continue;
        }
        out.spans.push(MetaSpan {
            kind: MetaKind::LinkMarkup,
            span: Span::new(all.start(), all.start() + 1),
            value: None,
        });
        out.spans.push(MetaSpan {
            kind: MetaKind::LinkText,
            span: Span::new(inner.start(), inner.end()),
            value: Some(c[2].to_string()),
        });
        out.spans.push(MetaSpan {
            kind: MetaKind::LinkMarkup,
            span: Span::new(inner.end(), all.end()),
            value: Some(c[2].to_string()),
        });
    }
    for c in EMPHASIS.captures_iter(text) {
        let all = c.get(0).unwrap();
        let inner = c.get(1).unwrap();
        if inner.as_str().trim() != inner.as_str() || inner.as_str().chars().count() > 200 {
            continue; // "a * b * c" is arithmetic or a list, not emphasis
        }
        out.spans.push(MetaSpan { kind: MetaKind::Emphasis, span: Span::new(all.start(), inner.start()), value: None });
        out.spans.push(MetaSpan { kind: MetaKind::Emphasis, span: Span::new(inner.end(), all.end()), value: None });
    }
    out.spans.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// What a labelled header line (`Title: ...`) gives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Authors,
    Date,
    Url,
    Outlet,
    Language,
    /// Known, not kept in `meta`: `Section: World`, `Length: 523 words`, `Updated: ...`.
    Other,
}

/// The field a header label names (lowercase, without its colon).
fn field(label: &str) -> Option<Field> {
    Some(match label {
        "title" | "headline" | "head" => Field::Title,
        "author" | "authors" | "by" | "byline" | "writer" | "reporter" => Field::Authors,
        "date" | "published" | "date published" | "publication date" | "pub date" | "posted" => Field::Date,
        "url" | "link" | "source url" | "original url" | "canonical url" | "web address" => Field::Url,
        "outlet" | "source" | "publication" | "publisher" | "site" | "website" => Field::Outlet,
        "language" | "lang" => Field::Language,
        "section" | "category" | "length" | "word count" | "words" | "updated" | "modified" | "last updated"
        | "tags" | "keywords" | "id" | "dateline" | "edition" | "page" => Field::Other,
        _ => return None,
    })
}

/// The labelled header block of a text file, as people write one above a pasted article:
///
/// ```text
/// Title: Dam bursts in Osk
/// Author: Jane Roe
/// Date: April 6, 2031
/// URL: https://example.org/osk
/// ```
///
/// Lines `Label: value` with a label of [`field`], one after another from the first line (or the
/// second, after a title line), blank lines allowed between them. Each line becomes a span that is
/// not prose; a title's value becomes the title span, read as the headline.
///
/// The block is read by runs of adjacent lines: a run of labelled lines belongs to it when one of
/// them has a value that fits its label (or is a date line, `Date: 2031-02-30`, whose date is not
/// read). A line of such a run whose value is empty (`Author:`) or
/// does not fit (`URL: not a url`, `Date: 2022`) stays in the block, its value left unset (with a
/// warning that quotes it), so the lines after it are still read as fields, not as prose.
fn header_fields(text: &str, nonempty: &[(usize, Span)], out: &mut TextMeta) {
    // after a headline line, not after a paragraph of prose
    let mut j = match nonempty.first() {
        Some(_) if header_run(text, nonempty, 0, nonempty.len().min(24)).1 => 0,
        Some(&(_, s)) => {
            let first = s.slice(text);
            if first.split_whitespace().count() > 25 || first.ends_with('.') {
                return;
            }
            1
        }
        None => return,
    };
    let end = (j + 24).min(nonempty.len());
    while j < end {
        let (run_end, fits) = header_run(text, nonempty, j, end);
        if !fits {
            break;
        }
        for &(_, span) in &nonempty[j..run_end] {
            if out.spans.iter().any(|m| m.span.overlaps(&span)) {
                continue; // a `Date: 2031-03-14` dateline, found already
            }
            let line = span.slice(text);
            let l = label_line(line).expect("a line of the run");
            let value = Span::new(span.start + l.value_at, span.end);
            if l.fits {
                apply_field(text, out, l.field, span, value);
            } else {
                unread_field(text, out, l.field, span, value);
            }
        }
        j = run_end;
    }
}

/// The run of adjacent labelled lines from `nonempty[j]` (up to `end`): where it ends, and whether
/// a line of it makes it a header block (a value that fits its label, or a date that is meant).
fn header_run(text: &str, nonempty: &[(usize, Span)], j: usize, end: usize) -> (usize, bool) {
    let mut k = j;
    let mut fits = false;
    while k < end && (k == j || nonempty[k].0 == nonempty[k - 1].0 + 1) {
        let Some(l) = label_line(nonempty[k].1.slice(text)) else { break };
        fits |= l.anchors;
        k += 1;
    }
    (k, fits)
}

/// Keeps a header line whose value is empty or does not fit its label as a field span that is not
/// prose, its value unset; a value that was meant to be read is quoted in a warning.
fn unread_field(text: &str, out: &mut TextMeta, field: Field, line: Span, value: Span) {
    let v = value.slice(text);
    let label = text[line.start..value.start].trim_end().trim_end_matches(':').trim();
    out.spans.push(MetaSpan { kind: MetaKind::Field, span: line, value: None });
    if v.is_empty() {
        return;
    }
    let what = match field {
        // the warning of every unread date
        Field::Date => {
            read_date(v, None, out);
            return;
        }
        Field::Url => "a web address (one word, such as https://example.org/story)",
        Field::Title => "a title (30 words at most)",
        Field::Authors => "names (12 words at most, not a sentence)",
        Field::Outlet => "an outlet's name (12 words at most, not a sentence)",
        Field::Language => "a language",
        // not kept in the metadata
        Field::Other => return,
    };
    out.diagnostics.push(Diagnostic::warning(format!(
        "header line \"{label}:\" holds \"{v}\", which does not read as {what}; left unset"
    )));
}

/// Puts one header field into `out`: its value (`value`, inside `line`) into `meta` unless set, and
/// its line into spans that are not prose (a title's value becomes the title span instead).
fn apply_field(text: &str, out: &mut TextMeta, field: Field, line: Span, value: Span) {
    let v = value.slice(text).to_string();
    // `Source: https://...` is where the article is, not who published it
    let field = if field == Field::Outlet && (v.starts_with("http://") || v.starts_with("https://")) {
        Field::Url
    } else {
        field
    };
    match field {
        Field::Title if out.meta.title.is_none() => {
            for edge in [Span::new(line.start, value.start), Span::new(value.end, line.end)] {
                if !edge.is_empty() {
                    out.spans.push(MetaSpan { kind: MetaKind::Field, span: edge, value: None });
                }
            }
            out.spans.push(MetaSpan { kind: MetaKind::Title, span: value, value: Some(v.clone()) });
            out.meta.title = Some(v);
            return;
        }
        Field::Authors => {
            // "Press Trust of India | New Delhi | Posted: ...": the names come first
            let names = v.split('|').next().unwrap_or_default().trim();
            let names = names.strip_prefix("By ").or_else(|| names.strip_prefix("by ")).unwrap_or(names);
            for name in names.split([',', ';', '&']).flat_map(|n| n.split(" and ")) {
                let name = name.trim().trim_matches(['"', '\'']).trim();
                if !name.is_empty() {
                    out.meta.authors.push(name.to_string());
                }
            }
            out.spans.push(MetaSpan { kind: MetaKind::Byline, span: line, value: Some(names.to_string()) });
            return;
        }
        Field::Date if out.meta.published.is_none() => {
            if let Some(iso) = read_date(&v, None, out) {
                out.meta.published = Some(iso.clone());
                out.spans.push(MetaSpan { kind: MetaKind::Dateline, span: line, value: Some(iso) });
                return;
            }
        }
        Field::Url if out.meta.url.is_none() => out.meta.url = Some(v.clone()),
        Field::Outlet if out.meta.outlet.is_none() => out.meta.outlet = Some(v.clone()),
        Field::Language if out.meta.language.is_none() => out.meta.language = Some(v.clone()),
        _ => {}
    }
    out.spans.push(MetaSpan { kind: MetaKind::Field, span: line, value: Some(v) });
}

/// A value of front matter without its quotes, list brackets or wiki-link brackets
/// (`"[[Jane Roe]]"` → `Jane Roe`), as a span of the text.
fn unquoted(text: &str, mut v: Span) -> Span {
    v = v.trim(text, &[]);
    for (open, close) in [("\"", "\""), ("'", "'"), ("[[", "]]"), ("[", "]")] {
        let s = v.slice(text);
        if s.len() >= open.len() + close.len() && s.starts_with(open) && s.ends_with(close) {
            v = Span::new(v.start + open.len(), v.end - close.len()).trim(text, &[]);
        }
    }
    v
}

/// YAML front matter between `---` lines at the top of a Markdown file, as web clippers and site
/// generators write it (`title:`, `source:` or `url:`, `author:` with a list of names, `published:`
/// or `date:`). Only that flat subset is read (keys, scalars, `- item` lists); every line of the
/// block is metadata. Returns whether there was a block.
fn front_matter(text: &str, lines: &[Line], out: &mut TextMeta) -> bool {
    let line_at = |k: usize| trimmed(text, lines[k]);
    let Some(open) = (0..lines.len()).find(|&k| !line_at(k).is_empty()) else { return false };
    if line_at(open).slice(text) != "---" {
        return false;
    }
    let Some(close) =
        (open + 1..lines.len().min(open + 200)).find(|&k| matches!(line_at(k).slice(text), "---" | "..."))
    else {
        return false;
    };
    // YAML lines only (`key: value`, `- item`, indented lines under a key), a key among them: a
    // Markdown text that opens with a `---` rule and has another below is prose
    let yaml_key =
        |l: &str| l.split_once(':').is_some_and(|(key, _)| !key.is_empty() && !key.contains(char::is_whitespace));
    let mut keys = 0;
    for l in &lines[open + 1..close] {
        let (raw, line) = (l.span.slice(text), trimmed(text, *l).slice(text));
        if yaml_key(line) && !raw.starts_with(char::is_whitespace) {
            keys += 1;
        } else if !(line.is_empty() || line.starts_with('-') || raw.starts_with(char::is_whitespace)) {
            return false;
        }
    }
    if keys == 0 {
        return false;
    }
    for k in [open, close] {
        out.spans.push(MetaSpan { kind: MetaKind::Field, span: line_at(k), value: None });
    }
    let item = |k: usize| {
        let s = line_at(k);
        s.slice(text).strip_prefix('-').map(|rest| Span::new(s.end - rest.len(), s.end))
    };
    let mut k = open + 1;
    while k < close {
        let span = line_at(k);
        let line = span.slice(text);
        k += 1;
        if span.is_empty() || out.spans.iter().any(|m| m.span.overlaps(&span)) {
            continue; // a `published: 2022-04-06` dateline, found already
        }
        let keyed = line.split_once(':').filter(|_| yaml_key(line) && item(k - 1).is_none());
        let Some((key, rest)) = keyed else {
            out.spans.push(MetaSpan { kind: MetaKind::Field, span, value: None });
            continue;
        };
        let value = unquoted(text, Span::new(span.end - rest.len(), span.end));
        let field = field(key.to_lowercase().as_str()).unwrap_or(Field::Other);
        if !value.is_empty() {
            apply_field(text, out, field, span, value);
            continue;
        }
        // `author:` and its `- name` lines
        out.spans.push(MetaSpan { kind: MetaKind::Field, span, value: None });
        while k < close && (line_at(k).is_empty() || item(k).is_some()) {
            if let Some(v) = item(k) {
                apply_field(text, out, field, line_at(k), unquoted(text, v));
            }
            k += 1;
        }
    }
    true
}

/// A header line `Label: value` with a known label: its field, where its value starts, and
/// whether the value fits the label (a title of at most 30 words, a name of at most 12 and not a
/// sentence, a date that reads, an `Updated:` date). "Newspaper: Minister used private email" is a
/// headline (no known label), "UPDATED: We were wrong." prose (a value that does not fit).
struct Labelled {
    field: Field,
    value_at: usize,
    fits: bool,
    /// Whether the line makes the lines next to it a header block: a value that fits, or a date
    /// line whose date does not read.
    anchors: bool,
}

fn label_line(line: &str) -> Option<Labelled> {
    let (label, rest) = line.split_once(':')?;
    let value = rest.trim();
    if label.len() > 24 || line.len() > 400 {
        return None;
    }
    let label = label.trim().to_lowercase();
    let field = field(&label)?;
    let words = value.split_whitespace().count();
    let fits = !value.is_empty()
        && match field {
            Field::Title => words <= 30,
            Field::Date => crate::dates::read(value) != Reading::Unread,
            Field::Url => words == 1,
            Field::Other if label.contains("updated") || label == "modified" => {
                crate::dates::read(value) != Reading::Unread
            }
            _ => words <= 12 && !(value.ends_with('.') && words > 3),
        };
    // `Date: 2031-02-30`, `Published: 2031`: a date meant, though none is read
    let anchors = fits || field == Field::Date && words <= 8 && value.contains(|c: char| c.is_ascii_digit());
    Some(Labelled { field, value_at: line.len() - rest.trim_start().len(), fits, anchors })
}

/// The warning of a date that is not read: it quotes the date.
fn unread_date_message(d: &str) -> String {
    format!("date \"{d}\" is not a valid date; left unset")
}

/// Reads a date line. Day/month order in `04/06/2022` is ambiguous: resolved only when a dateline
/// agrees with one reading, and reported either way.
fn read_date(d: &str, dateline: Option<&str>, out: &mut TextMeta) -> Option<String> {
    let diags = &mut out.diagnostics;
    match crate::dates::read(d) {
        Reading::Date(iso) => Some(iso),
        Reading::Ambiguous(ambiguous) => {
            let (md, dm) = (&ambiguous.month_day, &ambiguous.day_month);
            if let Some(line) = dateline.filter(|l| l == md || l == dm) {
                diags.push(Diagnostic::info(format!(
                    "date \"{d}\" is ambiguous (month/day gives {md}, day/month gives {dm}); the dateline {line} settles it"
                )));
                Some(line.to_string())
            } else {
                diags.push(Diagnostic::warning(ambiguous.unset_message()));
                out.meta.ambiguous_date.get_or_insert(ambiguous);
                None
            }
        }
        Reading::Unread => {
            diags.push(Diagnostic::warning(unread_date_message(d)));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_fits_the_length_that_lines_are_lowered_up_to() {
        let labels = ["category", "categories", "date created", "date published", "published", "date"];
        for l in labels.iter().chain(HEADINGS) {
            assert!(l.chars().count() <= LONGEST_LABEL, "{l}");
        }
        let t = "Headline here\n\nDATE PUBLISHED\n2022-04-06\n\nAdvertisement\n\nBody text of the article.";
        let found = parse(t);
        assert_eq!(found.meta.published.as_deref(), Some("2022-04-06"));
        assert!(found.spans.iter().any(|m| m.kind == MetaKind::Heading));
    }

    fn kinds(t: &TextMeta, text: &str) -> Vec<(MetaKind, String)> {
        t.spans.iter().map(|m| (m.kind, m.span.slice(text).to_string())).collect()
    }

    #[test]
    fn messy_page_shapes_become_spans() {
        let text = " date 2031-03-02 The river rose overnight. Officials said so.\n\nMore text [in a link](#) and *\"emphasis\"* here.\n\nImage: Reuters\n\nby Ana Lima\n\nCategory\n\n1. World\n2. Weather\n\nDate Created\n\n03/02/2031\n";
        let t = parse(text);
        let k = kinds(&t, text);
        assert!(k.contains(&(MetaKind::Dateline, "date 2031-03-02".into())), "{k:?}");
        assert!(k.contains(&(MetaKind::ImageCredit, "Image: Reuters".into())));
        assert!(k.contains(&(MetaKind::Byline, "by Ana Lima".into())));
        assert!(k.contains(&(MetaKind::LinkText, "in a link".into())));
        assert!(k.contains(&(MetaKind::LinkMarkup, "](#)".into())));
        assert!(k.iter().any(|(kind, s)| *kind == MetaKind::Category && s.ends_with("2. Weather")));
        assert_eq!(t.meta.authors, vec!["Ana Lima"]);
        assert_eq!(t.meta.published.as_deref(), Some("2031-03-02"));
        assert!(t.meta.title.is_none(), "a long first paragraph is not a title");
        // The ambiguous date agrees with the dateline read month/day: settled, and said so.
        assert!(t.diagnostics.iter().any(|d| d.message.contains("ambiguous") && d.message.contains("settles")));
    }

    #[test]
    fn photo_credits_update_lines_and_barred_bylines_are_metadata() {
        let text = "Flood Closes Port\n\nBY JANE ROE | 01/12/31 12:35 PM\n\nThe port closed on Monday.\n\n\
                    Ana Lima via Getty Images\n\nTOM M. BERG / GETTY IMAGES\n\n(Ines Varga/AFP/Getty Images)\n\n\
                    [Photo by: Ben Ode/Reuters]\n\nBEN ODE FOR THE OSK HERALD\n\n[Port Closure Hoax Image via Tom Berg]\n\n\
                    (A photo by Ana Lima shows the port.)\n\nUpdated 8:28 p.m. ET\n\n\
                    LAST UPDATED AT 14:41 ON Tue 10 Feb 2031\n\nUpdated to clarify who owns the port.\n\n\
                    You see, he is really a nice old man on Shutterstock.\n\nThe port is closed. Ben Ode / Reuters\n\nBy Monday morning the port was open.\n";
        let t = parse(text);
        let k = kinds(&t, text);
        assert!(k.contains(&(MetaKind::Byline, "BY JANE ROE | 01/12/31 12:35 PM".into())), "{k:?}");
        assert_eq!(t.meta.authors, vec!["JANE ROE"]);
        // a byline with an affiliation after a comma names its author
        let with_outlet = "Flood Closes Port\n\nBy Ilse Marten, Osk Courier\nSaturday 14 March\n\nThe port closed.\n";
        let t = parse(with_outlet);
        assert!(kinds(&t, with_outlet).contains(&(MetaKind::Byline, "By Ilse Marten, Osk Courier".into())));
        assert_eq!(t.meta.authors, vec!["Ilse Marten"]);
        assert_eq!(parse("Port\n\nBy Ana Lima, Tom Berg and Jo Kay\n\nThe port closed.\n").meta.authors.len(), 3);
        for credit in [
            "Ana Lima via Getty Images",
            "TOM M. BERG / GETTY IMAGES",
            "(Ines Varga/AFP/Getty Images)",
            "[Photo by: Ben Ode/Reuters]",
            "BEN ODE FOR THE OSK HERALD",
            "[Port Closure Hoax Image via Tom Berg]",
        ] {
            assert!(k.contains(&(MetaKind::ImageCredit, credit.into())), "{credit}: {k:?}");
        }
        for updated in ["Updated 8:28 p.m. ET", "LAST UPDATED AT 14:41 ON Tue 10 Feb 2031"] {
            assert!(k.contains(&(MetaKind::Dateline, updated.into())), "{updated}: {k:?}");
        }
        for prose in ["Updated to clarify", "You see", "By Monday", "The port closed", "The port is closed", "(A photo"]
        {
            assert!(!k.iter().any(|(_, s)| s.starts_with(prose)), "{prose}: {k:?}");
        }
        assert!(t.meta.published.is_none(), "an update line is no publication date");
    }

    #[test]
    fn reporting_credits_are_metadata_not_prose() {
        let text =
            "Flood Closes Port\n\nThe port closed on Monday, the harbour master said.\n\nHeavy rain contributed.\n\n\
                    Ana Lima contributed to this report.\n\n(Reporting by Ana Lima; Editing by Ben Ode)\n\n\
                    Ines Varga and Tom Berg contributed reporting from Osk. Ana Lima reported from Velkor, D.C.\n\n\
                    The levee held overnight. (Reporting by Tom Berg; Editing by Ben Ode.)\n";
        let t = parse(text);
        let credits: Vec<&str> =
            t.spans.iter().filter(|m| m.kind == MetaKind::Credit).map(|m| m.span.slice(text)).collect();
        assert_eq!(
            credits,
            [
                "Ana Lima contributed to this report.",
                "(Reporting by Ana Lima; Editing by Ben Ode)",
                "Ines Varga and Tom Berg contributed reporting from Osk. Ana Lima reported from Velkor, D.C.",
                "(Reporting by Tom Berg; Editing by Ben Ode.)"
            ]
        );
    }

    #[test]
    fn ambiguous_date_without_dateline_is_not_guessed() {
        let text = "Storm Hits Coast\n\nThe storm hit.\n\nDate Created\n\n05/07/2030\n";
        let t = parse(text);
        assert_eq!(t.meta.published, None);
        assert!(t.diagnostics.iter().any(|d| d.message.contains("2030-05-07") && d.message.contains("2030-07-05")));
        // both readings kept, for the other articles of a story to settle (`corroborate_claims::settle_dates`)
        let amb = t.meta.ambiguous_date.as_ref().expect("the readings are kept");
        assert_eq!(
            (amb.text.as_str(), amb.month_day.as_str(), amb.day_month.as_str()),
            ("05/07/2030", "2030-05-07", "2030-07-05")
        );
        assert_eq!(t.meta.title.as_deref(), Some("Storm Hits Coast"));
    }

    #[test]
    fn a_headline_with_its_date_or_byline_right_under_it_is_the_title() {
        for text in [
            "Dam Bursts in Osk, Officials Say\ndate 2031-03-13\n\nThe dam gave way.\n",
            "Dam Bursts in Osk, Officials Say\nBy Jane Roe\n\nThe dam gave way.\n",
        ] {
            let t = parse(text);
            assert_eq!(t.meta.title.as_deref(), Some("Dam Bursts in Osk, Officials Say"), "{text:?}");
        }
        // a sentence's line break is no headline
        let t = parse("The dam burst in Osk and\nthe water rose.\n\nMore.\n");
        assert_eq!(t.meta.title, None);
    }

    #[test]
    fn a_date_on_a_line_of_its_own_under_the_headline_is_the_date() {
        let body = "\n\nThe outage left the capital dark on Tuesday, officials said.\n";
        for (head, date) in [
            ("Blackout Hits Capital\nBy Mira Olsen\nDecember 3, 2031", "2031-12-03"),
            ("Blackout Hits Capital\nDecember 3, 2031", "2031-12-03"),
            ("Blackout Hits Capital\nWednesday, 3 Dec. 2031 10:15 a.m.", "2031-12-03"),
            ("Blackout Hits Capital\nPublished: 3 December 2031", "2031-12-03"),
            ("Blackout Hits Capital\nDrevnia Today\nDecember 3, 2031", "2031-12-03"),
        ] {
            let text = format!("{head}{body}");
            let t = parse(&text);
            assert_eq!(t.meta.published.as_deref(), Some(date), "{head:?}");
            assert_eq!(t.meta.title.as_deref(), Some("Blackout Hits Capital"), "{head:?}");
            // the date line and the outlet's name are no prose
            let lines: Vec<&str> = head.lines().skip(1).collect();
            for line in lines {
                assert!(t.spans.iter().any(|m| m.span.slice(&text) == line), "{line:?} in {head:?}");
            }
        }
        // a sentence that opens with a date is prose; a date that reads two ways is not guessed
        let t = parse("Blackout Hits Capital\n\nDecember 3, 2031, was the coldest night of the year.\n");
        assert_eq!(t.meta.published, None);
        let t = parse("Blackout Hits Capital\n04/06/2031\n\nThe outage left the capital dark, officials said.\n");
        assert_eq!(t.meta.published, None);
        assert!(t.diagnostics.iter().any(|d| d.message.contains("04/06/2031")), "{:?}", t.diagnostics);
        // a second line of prose under a headline is not an outlet's name
        let t = parse("Blackout Hits Capital\nPower Cut Again\n\nThe outage left the capital dark.\n");
        assert_eq!(t.meta.title, None);
    }

    #[test]
    fn unambiguous_day_first_date_is_read() {
        let text = "Title Line Here\n\nBody.\n\nDate Created\n\n25/07/2030\n";
        assert_eq!(parse(text).meta.published.as_deref(), Some("2030-07-25"));
    }

    #[test]
    fn a_labelled_header_block_fills_the_metadata_and_is_not_prose() {
        let text = "Title: Dam Bursts in Osk\nAuthor: Jane Roe and Tom Berg\nDate: Thursday, March 13th, 2031\n\
                    URL: https://www.example.org/osk\nOutlet: Arvia Herald\nSection: World\n\n\
                    The dam gave way before dawn, rescue teams said.\n";
        let t = parse(text);
        assert_eq!(t.meta.title.as_deref(), Some("Dam Bursts in Osk"));
        assert_eq!(t.meta.authors, vec!["Jane Roe", "Tom Berg"]);
        assert_eq!(t.meta.published.as_deref(), Some("2031-03-13"));
        assert_eq!(t.meta.url.as_deref(), Some("https://www.example.org/osk"));
        assert_eq!(t.meta.outlet.as_deref(), Some("Arvia Herald"));
        let k = kinds(&t, text);
        assert!(k.contains(&(MetaKind::Field, "Title: ".into())), "{k:?}");
        assert!(k.contains(&(MetaKind::Title, "Dam Bursts in Osk".into())));
        assert!(k.contains(&(MetaKind::Byline, "Author: Jane Roe and Tom Berg".into())));
        assert!(k.contains(&(MetaKind::Dateline, "Date: Thursday, March 13th, 2031".into())));
        for line in ["URL: https://www.example.org/osk", "Outlet: Arvia Herald", "Section: World"] {
            assert!(k.contains(&(MetaKind::Field, line.into())), "{line}: {k:?}");
        }
        // after a headline line too
        let text = "Dam Bursts in Osk\n\nBy: Jane Roe\nPublished: 2031-03-13T08:00:00Z\n\nThe dam gave way.\n";
        let t = parse(text);
        assert_eq!(t.meta.title.as_deref(), Some("Dam Bursts in Osk"));
        assert_eq!(t.meta.authors, vec!["Jane Roe"]);
        assert_eq!(t.meta.published.as_deref(), Some("2031-03-13"), "the date of a date-time, as written");
    }

    #[test]
    fn an_empty_or_unreadable_header_value_does_not_end_the_header_block() {
        let text = "Title: Ferry Strike in Velkor\nDate: 2031\nAuthor: \nURL: not a url\nOutlet: Harbour Post\n\
                    Section: Coast\n\nThe ferry crews walked out at dawn, a union spokesman said.\n";
        let t = parse(text);
        assert_eq!(t.meta.title.as_deref(), Some("Ferry Strike in Velkor"));
        assert_eq!(t.meta.outlet.as_deref(), Some("Harbour Post"), "the lines after the bad ones are read");
        assert_eq!((t.meta.published.as_deref(), t.meta.url.as_deref()), (None, None));
        assert!(t.meta.authors.is_empty());
        let k = kinds(&t, text);
        for line in ["Date: 2031", "Author:", "URL: not a url", "Outlet: Harbour Post", "Section: Coast"] {
            assert!(k.contains(&(MetaKind::Field, line.into())), "{line}: {k:?}");
        }
        // every header line is metadata, not prose
        let body = text.find("The ferry").unwrap();
        let covered = |p: usize| t.spans.iter().any(|m| m.span.start <= p && p < m.span.end);
        assert!((0..body).all(|p| covered(p) || text[p..].starts_with(['\n', ' '])), "{k:?}");
        // the unread values are quoted in warnings; an empty one is no mistake
        let warnings: Vec<&str> = t.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("\"2031\"")), "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("\"not a url\"")), "{warnings:?}");
        assert!(t.diagnostics.iter().all(|d| d.level == corroborate_model::Level::Warning));
        // after a headline line too, and the first line of a block may be the empty one
        let text = "Ferry Strike in Velkor\n\nAuthor:\nOutlet: Harbour Post\n\nThe crews walked out.\n";
        let t = parse(text);
        assert_eq!(t.meta.outlet.as_deref(), Some("Harbour Post"));
        assert!(kinds(&t, text).contains(&(MetaKind::Field, "Author:".into())));
        // a run of labelled lines none of which reads is still prose
        let text = "Title: Ferry Strike in Velkor\n\nUpdated: we were wrong about the crews, and say so.\n\nThe crews walked out.\n";
        let t = parse(text);
        assert!(!kinds(&t, text).iter().any(|(_, s)| s.starts_with("Updated")), "{:?}", kinds(&t, text));
    }

    #[test]
    fn impossible_dates_are_unset_with_a_warning_that_quotes_them() {
        for (text, written) in [
            (
                "Title: Ferry Strike in Velkor\nDate: 2031-02-30\nOutlet: Harbour Post\n\nThe crews walked out.\n",
                "2031-02-30",
            ),
            ("date 2031-13-01 The ferry crews walked out at dawn, a union spokesman said.\n", "2031-13-01"),
            ("Ferry Strike\n\nPublished: 2031-04-31T09:00:00Z\n\nThe crews walked out.\n", "2031-04-31T09:00:00Z"),
        ] {
            let t = parse(text);
            assert_eq!(t.meta.published, None, "{text:?}");
            assert!(
                t.diagnostics
                    .iter()
                    .any(|d| d.level == corroborate_model::Level::Warning
                        && d.message.contains(&format!("\"{written}\""))),
                "{text:?}: {:?}",
                t.diagnostics
            );
            assert!(!t.spans.iter().any(|m| m.value.as_deref() == Some(written)), "{text:?}");
        }
        let t =
            parse("Title: Ferry Strike in Velkor\nDate: 2031-02-30\nOutlet: Harbour Post\n\nThe crews walked out.\n");
        assert_eq!(t.meta.outlet.as_deref(), Some("Harbour Post"));
        // a date-time keeps its date as written, not moved to another zone
        let t = parse("Title: Ferry Strike\nDate: 2031-04-06T23:30:00-05:00\n\nThe crews walked out.\n");
        assert_eq!(t.meta.published.as_deref(), Some("2031-04-06"));
    }

    #[test]
    fn lines_that_only_look_like_fields_stay_prose() {
        for text in [
            // a headline whose colon gives a source, a correction in prose, a caption after the lead
            "Newspaper: Minister used a private email account.\n\nThe minister used it, the paper said.\n",
            "UPDATED: We were wrong about the dam, and here is what we got wrong and why.\n\nThe dam held.\n",
            "The dam gave way before dawn on Thursday, rescue teams said.\n\nSource: Arvia Herald\n\nMore text.\n",
        ] {
            let t = parse(text);
            assert!(!t.spans.iter().any(|m| m.kind == MetaKind::Field), "{text:?}: {:?}", kinds(&t, text));
            assert!(t.meta.outlet.is_none() && t.meta.authors.is_empty(), "{text:?}");
        }
    }

    #[test]
    fn front_matter_of_a_clipped_page_is_metadata() {
        // as a web clipper writes it
        let text = "---\ntitle: \"Dam Bursts in Osk\"\nsource: \"https://www.example.org/osk\"\nauthor:\n  - \"[[Jane Roe]]\"\n  - \"[[Tom Berg]]\"\n\
                    published: 2031-03-13\ncreated: 2031-04-01\ndescription: \"Rescue teams said the dam gave way.\"\ntags:\n  - \"clippings\"\n---\n\n\
                    The dam gave way before dawn, rescue teams said.\n";
        let t = parse(text);
        assert_eq!(t.meta.title.as_deref(), Some("Dam Bursts in Osk"));
        assert_eq!(t.meta.url.as_deref(), Some("https://www.example.org/osk"));
        assert_eq!(t.meta.authors, vec!["Jane Roe", "Tom Berg"]);
        assert_eq!(t.meta.published.as_deref(), Some("2031-03-13"), "published, not the clipping date");
        let k = kinds(&t, text);
        assert!(k.contains(&(MetaKind::Title, "Dam Bursts in Osk".into())), "{k:?}");
        // every line of the block is metadata; the body is not
        let body = text.find("The dam").unwrap();
        for (i, line) in text[..body].lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let at = text.lines().take(i).map(|l| l.len() + 1).sum::<usize>();
            let end = at + line.len();
            let covered = |p: usize| t.spans.iter().any(|m| m.span.start <= p && p < m.span.end);
            let first = at + line.len() - line.trim_start().len();
            assert!((first..end).all(|p| covered(p) || text.as_bytes()[p] == b' '), "line {line:?} not covered: {k:?}");
        }
        assert!(!t.spans.iter().any(|m| m.span.end > body));
        // a site generator's, with a comma list; a `---` rule with no block after it is prose
        let t = parse("---\ntitle: Osk\ndate: April 6, 2031\nauthors: [Ana Lima, Ben Ode]\n---\nText.\n");
        assert_eq!(t.meta.published.as_deref(), Some("2031-04-06"));
        assert_eq!(t.meta.authors, vec!["Ana Lima", "Ben Ode"]);
        let t = parse("---\n\nThe dam gave way, rescue teams said.\n");
        assert!(t.spans.is_empty() && t.meta.title.is_none(), "{:?}", t.spans);
        let t = parse("---\n\nThe dam gave way: rescue teams said so.\n\n---\n\nMore of the story.\n");
        assert!(t.spans.is_empty(), "two rules around prose are no front matter: {:?}", t.spans);
    }
}
