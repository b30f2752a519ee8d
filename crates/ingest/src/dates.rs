//! Publication dates as inputs write them, read into ISO 8601 (`published` is an ISO date or
//! nothing, whatever the input: `../shared/OUTPUT.md`). ISO dates are kept as given, and of an ISO
//! date-time (`2022-04-06T23:30:00-05:00`) its date as written (`2022-04-06`, not moved to UTC);
//! RFC 2822 (`Wed, 06 Apr 2022 10:00:00 GMT`), month names (`April 6, 2022`, `6 Apr. 2022`,
//! `Wednesday, April 6th, 2022 at 10:15 a.m.`) and year-first numbers (`2022/04/06`) become
//! `2022-04-06`. A day and month that can be read both ways (`04/06/2022`) are not guessed.
use chrono::NaiveDate;
use corroborate_model::{AmbiguousDate, Diagnostic, Meta};
use regex::Regex;
use std::sync::LazyLock;

/// What a written date reads as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// An ISO 8601 date (`2022-04-06`), a real calendar day.
    Date(String),
    /// Day and month can be swapped (`04/06/2022`).
    Ambiguous(AmbiguousDate),
    /// Not a date this reader knows.
    Unread,
}

static ISO_PREFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])").unwrap());
static YEAR_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[T\s,])").unwrap());
static YEAR_LAST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[T\s,])").unwrap());
/// A weekday before a date: "Wednesday, ", "Wed ".
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+").unwrap()
});
/// "6th" → "6"; "Apr." → "Apr"; "Sept" → "Sep"; commas dropped.
static ORDINAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)\b").unwrap());
static ABBREVIATION_DOT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b([a-z]{3,4})\.").unwrap());
static SEPT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bsept\b").unwrap());

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Reads a written date.
pub fn read(written: &str) -> Reading {
    let s = written.trim();
    if let Some(c) = ISO_PREFIX.captures(s) {
        return match ymd(&c[1], &c[2], &c[3]) {
            // the date as written: a time and its zone are dropped, not converted
            Some(_) => Reading::Date(format!("{}-{}-{}", &c[1], &c[2], &c[3])),
            None => Reading::Unread,
        };
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Reading::Date(iso(dt.date_naive()));
    }
    if let Some(c) = YEAR_FIRST.captures(s) {
        return ymd(&c[1], &c[2], &c[3]).map_or(Reading::Unread, |d| Reading::Date(iso(d)));
    }
    if let Some(c) = YEAR_LAST.captures(s) {
        let (a, b, y) = (&c[1], &c[2], &c[3]);
        return match (ymd(y, a, b), ymd(y, b, a)) {
            (Some(md), Some(dm)) if md == dm => Reading::Date(iso(md)),
            (Some(md), Some(dm)) => Reading::Ambiguous(AmbiguousDate {
                text: c[0].trim_end_matches([',', 'T']).trim().to_string(),
                month_day: iso(md),
                day_month: iso(dm),
            }),
            (Some(one), None) | (None, Some(one)) => Reading::Date(iso(one)),
            (None, None) => Reading::Unread,
        };
    }
    let cleaned = WEEKDAY.replace(s, "");
    let cleaned = ORDINAL.replace_all(&cleaned, "$1");
    let cleaned = ABBREVIATION_DOT.replace_all(&cleaned, "$1");
    let cleaned = SEPT.replace_all(&cleaned, "Sep").replace(',', " ");
    for format in ["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"] {
        if let Ok((d, rest)) = NaiveDate::parse_and_remainder(&cleaned, format) {
            // a time or a zone may follow ("10:15 a.m. EDT"), not more digits of a number
            if rest.chars().next().is_none_or(|c| c.is_whitespace()) {
                return Reading::Date(iso(d));
            }
        }
    }
    Reading::Unread
}

/// Puts `meta.published` into ISO 8601 as [`read`] reads it. A date left unset says why in
/// `diagnostics`: an ambiguous one as [`AmbiguousDate::unset_message`] (and is kept in
/// `meta.ambiguous_date` for a story to settle), one not read as such.
pub fn settle_published(meta: &mut Meta, diagnostics: &mut Vec<Diagnostic>) {
    let Some(written) = meta.published.take() else { return };
    match read(&written) {
        Reading::Date(d) => meta.published = Some(d),
        Reading::Ambiguous(a) => {
            diagnostics.push(Diagnostic::warning(a.unset_message()));
            meta.ambiguous_date.get_or_insert(a);
        }
        Reading::Unread => diagnostics.push(Diagnostic::warning(format!(
            "date \"{written}\" is not a date corroborate reads (2022-04-06, April 6, 2022, 6 Apr 2022, RFC 2822); left unset"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        match read(s) {
            Reading::Date(d) => Some(d),
            _ => None,
        }
    }

    #[test]
    fn written_dates_become_iso() {
        for (written, want) in [
            ("2022-04-06", "2022-04-06"),
            ("2022-04-06T10:00:00Z", "2022-04-06"),
            ("2022-04-06T23:30:00-05:00", "2022-04-06"),
            ("2022-04-06 23:30", "2022-04-06"),
            ("Wed, 06 Apr 2022 10:00:00 GMT", "2022-04-06"),
            ("Wed, 6 Apr 2022 10:00:00 +0200", "2022-04-06"),
            ("April 6, 2022", "2022-04-06"),
            ("april 6 2022", "2022-04-06"),
            ("Apr. 6, 2022", "2022-04-06"),
            ("6 April 2022", "2022-04-06"),
            ("06 Apr 2022", "2022-04-06"),
            ("Wednesday, April 6th, 2022 at 10:15 a.m. EDT", "2022-04-06"),
            ("Sept. 30, 2031", "2031-09-30"),
            ("2022/04/06", "2022-04-06"),
            ("13/04/2022", "2022-04-13"),
            ("04/13/2022", "2022-04-13"),
            ("06.06.2022", "2022-06-06"),
        ] {
            assert_eq!(date(written).as_deref(), Some(want), "{written}");
        }
    }

    #[test]
    fn swappable_and_unknown_dates_are_not_guessed() {
        let Reading::Ambiguous(a) = read("04/06/2022 10:00") else { panic!("{:?}", read("04/06/2022 10:00")) };
        assert_eq!(
            (a.text.as_str(), a.month_day.as_str(), a.day_month.as_str()),
            ("04/06/2022", "2022-04-06", "2022-06-04")
        );
        for s in
            ["", "yesterday", "2022-13-01", "2022-02-30", "April 31, 2022", "4/6/22", "April 6, 20221", "Aprilx 6 2022"]
        {
            assert_eq!(read(s), Reading::Unread, "{s}");
        }
    }

    #[test]
    fn settling_says_why_a_date_is_unset() {
        let mut diags = Vec::new();
        let mut meta = Meta { published: Some("last Tuesday".into()), ..Default::default() };
        settle_published(&mut meta, &mut diags);
        assert_eq!(meta.published, None);
        assert!(diags[0].message.contains("\"last Tuesday\" is not a date"), "{diags:?}");
        let mut meta = Meta { published: Some("04/06/2022".into()), ..Default::default() };
        settle_published(&mut meta, &mut diags);
        assert_eq!((meta.published, meta.ambiguous_date.is_some()), (None, true));
        assert!(diags[1].message.contains("ambiguous"));
        let mut meta = Meta { published: Some("6 April 2022".into()), ..Default::default() };
        settle_published(&mut meta, &mut diags);
        assert_eq!(meta.published.as_deref(), Some("2022-04-06"));
        assert_eq!(diags.len(), 2);
    }
}
