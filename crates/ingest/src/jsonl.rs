//! JSON Lines records (`id`, `url`, `title`, `text` or `body`, `published` or `date`, `outlet`),
//! streamed line by line; also corroborate's own `export` records, whose metadata is under `meta`.
use crate::{apply_text_meta, failed, MAX_DOCUMENT_BYTES};
use corroborate_model::{AmbiguousDate, Article, Diagnostic};
use serde::Deserialize;
use std::io::BufRead;

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    /// `body` as well: the field name of some news datasets (and of `cluster` until it read inputs
    /// as `analyze` does).
    #[serde(alias = "body")]
    text: Option<String>,
    html: Option<String>,
    #[serde(alias = "date")]
    published: Option<String>,
    outlet: Option<String>,
    authors: Option<Vec<String>>,
    language: Option<String>,
    /// The metadata of an `export` record: each field read where the top level lacks it.
    meta: Option<ExportedMeta>,
}

/// The `meta` object of a record that `corroborate export` wrote: the article's whole metadata as
/// stored (every field may be missing or null in a record written by hand).
#[derive(Deserialize, Default)]
#[serde(default)]
struct ExportedMeta {
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    authors: Option<Vec<String>>,
    language: Option<String>,
    domain: Option<String>,
    ambiguous_date: Option<AmbiguousDate>,
}

impl ExportedMeta {
    fn is_empty(&self) -> bool {
        self.url.is_none()
            && self.title.is_none()
            && self.published.is_none()
            && self.outlet.is_none()
            && self.authors.is_none()
            && self.language.is_none()
            && self.domain.is_none()
            && self.ambiguous_date.is_none()
    }
}

/// Reads records one line at a time; a bad line becomes a failed article `PATH:LINE`, the rest go on.
/// A UTF-8 byte-order mark before the first record is dropped. A file without a record (empty, or
/// blank lines only) becomes one failed article `PATH`, as an empty text file does.
pub fn read_jsonl<R: BufRead>(path: &str, mut reader: R, sink: &mut dyn FnMut(Article)) {
    let mut line = Vec::new();
    let mut lineno = 0usize;
    let (mut bytes, mut records) = (0u64, 0usize);
    loop {
        line.clear();
        lineno += 1;
        match std::io::Read::take(&mut reader, MAX_DOCUMENT_BYTES + 1).read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                sink(failed(&format!("{path}:{lineno}"), format!("read error: {e}")));
                return;
            }
        }
        bytes += line.len() as u64;
        if lineno == 1 && line.starts_with(crate::UTF8_BOM) {
            line.drain(..crate::UTF8_BOM.len());
        }
        if line.len() as u64 > MAX_DOCUMENT_BYTES {
            records += 1;
            sink(failed(
                &format!("{path}:{lineno}"),
                format!("line {lineno} is over the {} MB limit for one record; skipped", MAX_DOCUMENT_BYTES >> 20),
            ));
            // skip the rest of this overlong line
            let mut rest = Vec::new();
            let _ = reader.read_until(b'\n', &mut rest);
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        records += 1;
        sink(parse_record(path, lineno, &line));
    }
    if records == 0 {
        let why = if bytes == 0 { "empty file" } else { "only blank lines" };
        sink(failed(path, format!("no records: {why}")));
    }
}

/// One JSON Lines record to an article.
///
/// A record that `corroborate export` wrote carries its metadata under `meta`: each field is read
/// from the top level, else from `meta` (a top-level field wins: it is what the writer of the line
/// says now). `meta.domain` is kept as stored unless a top-level `url` is given, whose domain it
/// then is. An export record's metadata is the article's whole metadata as it was stored, so the
/// text's own lines fill none of its fields (they still give the metadata spans), and the record
/// reads back into the article that was exported, with the same content hash.
pub fn parse_record(path: &str, lineno: usize, line: &[u8]) -> Article {
    let fallback_id = format!("{path}:{lineno}");
    let (record, notes) = match serde_json::from_slice::<Record>(line) {
        Ok(r) => (r, Vec::new()),
        Err(_) => match lenient(line) {
            Ok(read) => read,
            Err(e) => return failed(&fallback_id, format!("line {lineno} is not a valid JSON record: {e}")),
        },
    };
    let mut a = article_of(record, fallback_id, &format!("line {lineno}"));
    a.diagnostics.extend(notes.into_iter().map(|n| Diagnostic::warning(format!("line {lineno}: {n}"))));
    a
}

/// A record that does not read as it should, read as far as it can be: one bad byte, a lone
/// surrogate escape (`\ud83d` cut from its pair, common in scraped posts) or one field of the wrong
/// type cost the record as a whole, while a text file with the same faults is kept with a note.
/// Invalid UTF-8 becomes U+FFFD, a lone surrogate escape `\ufffd`; a field of the wrong type is left
/// out, except a date given as a Unix time (seconds, or milliseconds), which is read as its UTC
/// day, and authors given as one string. Each repair is a note. An error when the line is no
/// JSON object even so.
fn lenient(line: &[u8]) -> Result<(Record, Vec<String>), String> {
    let mut notes = Vec::new();
    let text = match std::str::from_utf8(line) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(e) => {
            notes.push(format!("bytes that are not UTF-8 (the first at byte {}) read as U+FFFD", e.valid_up_to()));
            String::from_utf8_lossy(line)
        }
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(first) => {
            let repaired = without_lone_surrogates(&text);
            if repaired == *text {
                return Err(first.to_string());
            }
            notes.push("a lone surrogate escape (half of a UTF-16 pair) read as U+FFFD".into());
            serde_json::from_str(&repaired).map_err(|e| e.to_string())?
        }
    };
    let serde_json::Value::Object(mut fields) = value else {
        return Err("the line is JSON but not an object".into());
    };
    let mut string = |names: &[&str], notes: &mut Vec<String>| -> Option<String> {
        let (name, v) = names.iter().find_map(|n| fields.remove(*n).map(|v| (*n, v)))?;
        match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Null => None,
            other => {
                notes.push(format!("\"{name}\" is {}, not a string; left out", kind(&other)));
                None
            }
        }
    };
    let text_field = string(&["text", "body"], &mut notes);
    let (url, title, html, outlet, language) = (
        string(&["url"], &mut notes),
        string(&["title"], &mut notes),
        string(&["html"], &mut notes),
        string(&["outlet"], &mut notes),
        string(&["language"], &mut notes),
    );
    let published = match fields.remove("published").or_else(|| fields.remove("date")) {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => match n.as_i64().and_then(unix_day) {
            Some(day) => {
                notes.push(format!("the date {n} read as a Unix time: {day}"));
                Some(day)
            }
            None => {
                notes.push(format!("the date {n} is no Unix time; left out"));
                None
            }
        },
        Some(serde_json::Value::Null) | None => None,
        Some(other) => {
            notes.push(format!("\"published\" is {}, not a date; left out", kind(&other)));
            None
        }
    };
    let authors = match fields.remove("authors") {
        Some(serde_json::Value::Array(items)) => {
            let names: Vec<String> = items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect();
            if names.len() < items.len() {
                notes.push("authors that are not strings left out".into());
            }
            Some(names)
        }
        Some(serde_json::Value::String(s)) => Some(vec![s]),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => {
            notes.push(format!("\"authors\" is {}, not a list of names; left out", kind(&other)));
            None
        }
    };
    let meta = match fields.remove("meta") {
        Some(serde_json::Value::Null) | None => None,
        Some(v) => match serde_json::from_value::<ExportedMeta>(v) {
            Ok(m) => Some(m),
            Err(e) => {
                notes.push(format!("\"meta\" not read ({e}); left out"));
                None
            }
        },
    };
    let id = fields.remove("id");
    Ok((Record { id, url, title, text: text_field, html, published, outlet, authors, language, meta }, notes))
}

/// "a number", "an object", ... for a note about a field of the wrong type.
fn kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// The UTC day (`YYYY-MM-DD`) of a Unix time in seconds, or in milliseconds (from 10^11 on, which
/// as seconds would be past the year 5000); none out of chrono's range or before 1970.
fn unix_day(t: i64) -> Option<String> {
    let secs = if t.unsigned_abs() >= 100_000_000_000 { t / 1000 } else { t };
    (secs >= 0).then(|| chrono::DateTime::from_timestamp(secs, 0)).flatten().map(|d| d.date_naive().to_string())
}

/// `text` with every `\uD800`-`\uDFFF` escape that is not half of a well-formed pair replaced by
/// `\ufffd` (escaped backslashes are skipped over, so `\\ud83d` is left as it is).
fn without_lone_surrogates(text: &str) -> String {
    let b = text.as_bytes();
    let hex = |i: usize| -> Option<u32> {
        let h = text.get(i..i + 4)?;
        u32::from_str_radix(h, 16).ok().filter(|_| h.bytes().all(|c| c.is_ascii_hexdigit()))
    };
    let unit_at = |i: usize| -> Option<u32> {
        (b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u')).then(|| hex(i + 2)).flatten()
    };
    let mut out = String::with_capacity(text.len());
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit_at(i) {
            Some(0xD800..=0xDBFF) if unit_at(i + 6).is_some_and(|l| (0xDC00..=0xDFFF).contains(&l)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&text[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            Some(_) => i += 6,
            // any other escape: the backslash and the character it escapes
            None => i += 2,
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    out
}

/// The fields a record may give beside its text, as JSON Lines records name them. Whoever takes
/// texts with such fields (the server's compare texts) reads them with [`article_from_fields`], so
/// that they are read as a record's are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub url: Option<String>,
    pub title: Option<String>,
    /// Read as every reader reads dates ([`crate::dates::settle_published`]).
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub authors: Option<Vec<String>>,
    pub language: Option<String>,
}

/// An article of `text` with the metadata `fields` give, read as a JSON Lines record with that id,
/// text and fields is: the fields win over the text's own header lines, which fill the rest; a date
/// that does not read is left unset with a warning (the text's own date line then read); the domain
/// is the URL's. An empty text is an error diagnostic.
pub fn article_from_fields(id: String, text: String, fields: Fields) -> Article {
    let Fields { url, title, published, outlet, authors, language } = fields;
    let record =
        Record { id: None, url, title, text: Some(text), html: None, published, outlet, authors, language, meta: None };
    article_of(record, id, "the record")
}

/// A record read to an article (`fallback_id` where it has no id); `at` says where the record is in
/// messages ("line 3").
fn article_of(record: Record, fallback_id: String, at: &str) -> Article {
    let id = match record.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    // (another tool's "meta" holding none of these fields is no export: the text's lines still
    // fill the metadata)
    let exported = record.meta.as_ref().is_some_and(|m| !m.is_empty());
    let stored = record.meta.unwrap_or_default();
    let (url, domain) = match (record.url, stored.url) {
        (Some(url), _) => (Some(url.clone()), domain_of(&url)),
        (None, Some(url)) => (Some(url.clone()), stored.domain.or_else(|| domain_of(&url))),
        (None, None) => (None, stored.domain),
    };
    let title = record.title.or(stored.title);
    let published = record.published.or(stored.published);
    let outlet = record.outlet.or(stored.outlet);
    let authors = record.authors.or(stored.authors);
    let language = record.language.or(stored.language);
    let mut a = match (record.text, record.html) {
        (Some(text), _) => Article::new(id, text),
        (None, Some(html)) => {
            let mut a = crate::article_from_html(&id, html.as_bytes(), url.as_deref());
            if a.failed() {
                return a;
            }
            // The record's own fields win over what the page says.
            a.meta.title = title.or(a.meta.title.take());
            a.meta.published = published.or(a.meta.published.take());
            a.meta.outlet = outlet.or(a.meta.outlet.take());
            if let Some(authors) = authors {
                a.meta.authors = authors;
            }
            a.meta.language = language.or(a.meta.language.take());
            if url.is_some() || domain.is_some() {
                a.meta.domain = domain;
                a.meta.url = url.or(a.meta.url.take());
            }
            crate::dates::settle_published(&mut a.meta, &mut a.diagnostics);
            return a;
        }
        (None, None) => return failed(&id, format!("{at} has no \"text\" or \"html\" field")),
    };
    if a.text.trim().is_empty() {
        a.diagnostics.push(Diagnostic::error(format!("{at} has an empty \"text\"")));
        return a;
    }
    a.meta.title = title;
    a.meta.published = published;
    a.meta.ambiguous_date = stored.ambiguous_date;
    // a record's date that is not read leaves the text's own date line to be read
    crate::dates::settle_published(&mut a.meta, &mut a.diagnostics);
    a.meta.outlet = outlet;
    a.meta.authors = authors.unwrap_or_default();
    a.meta.language = language;
    a.meta.url = url;
    a.meta.domain = domain;
    if exported {
        // the text's lines for their spans and notes; the metadata stays the record's
        let meta = a.meta.clone();
        apply_text_meta(&mut a);
        a.meta = meta;
    } else {
        apply_text_meta(&mut a);
    }
    a
}

pub use corroborate_model::domain_of;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_tools_meta_is_no_export() {
        let text = "Dam Holds\n\nBy Ana Ruiz\n\nThe dam held overnight, the mayor said.\n";
        let plain = parse_record("x.jsonl", 1, serde_json::json!({"id": "a", "text": text}).to_string().as_bytes());
        let other = parse_record(
            "x.jsonl",
            1,
            serde_json::json!({"id": "a", "text": text, "meta": {"source": "scraper-x"}}).to_string().as_bytes(),
        );
        assert!(!plain.meta.authors.is_empty(), "{:?}", plain.meta);
        assert_eq!(other.meta, plain.meta);
    }

    #[test]
    fn a_bad_byte_a_lone_surrogate_or_a_mistyped_field_costs_that_part_not_the_record() {
        let read = |line: &[u8]| parse_record("w.jsonl", 1, line);
        let notes = |a: &Article| a.diagnostics.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join(" | ");
        let a = read(b"{\"id\":\"a\",\"text\":\"Caf\xe9 owner said the dam \xff is fine.\"}");
        assert!(!a.failed(), "{}", notes(&a));
        assert_eq!((a.id.as_str(), a.text.as_str()), ("a", "Caf\u{fffd} owner said the dam \u{fffd} is fine."));
        assert!(notes(&a).contains("not UTF-8 (the first at byte 21)"), "{}", notes(&a));
        let a = read(br#"{"id":"s","text":"Emoji \ud83d here, and \ud83d\ude00 and \\ud83d, the mayor said."}"#);
        assert!(!a.failed(), "{}", notes(&a));
        assert_eq!(a.text, "Emoji \u{fffd} here, and \u{1f600} and \\ud83d, the mayor said.");
        let a =
            read(br#"{"id":"n","text":"The mayor said so.","published":1649203200,"authors":"Ana Ruiz","title":7}"#);
        assert!(!a.failed(), "{}", notes(&a));
        assert_eq!(a.meta.published.as_deref(), Some("2022-04-06"));
        assert_eq!(a.meta.authors, ["Ana Ruiz"]);
        assert!(notes(&a).contains("\"title\" is a number"), "{}", notes(&a));
        let a = read(br#"{"id":"ms","text":"The mayor said so.","date":1649203200000}"#);
        assert_eq!(a.meta.published.as_deref(), Some("2022-04-06"));
        // still no record: not JSON, or JSON but no object
        assert!(read(b"not json").failed());
        assert!(read(b"[1, 2]").failed());
        // a sound record reads without notes
        assert!(read(br#"{"id":"ok","text":"The mayor said all is well."}"#).diagnostics.is_empty());
    }

    #[test]
    fn records_stream_and_bad_lines_are_diagnosed() {
        let data = b"{\"id\":\"a\",\"text\":\"One.\",\"url\":\"https://www.example.org/x\"}\nnot json\n\n{\"id\":7,\"title\":\"T\"}\n";
        let mut out = Vec::new();
        read_jsonl("f.jsonl", &data[..], &mut |a| out.push(a));
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].id, "a");
        assert_eq!(out[0].meta.domain.as_deref(), Some("example.org"));
        assert!(out[1].failed() && out[1].id == "f.jsonl:2");
        assert!(out[2].failed() && out[2].diagnostics[0].message.contains("no \"text\""));
    }

    #[test]
    fn an_export_record_reads_its_metadata_from_meta_and_top_level_fields_win() {
        let exported = r#"{"key":1,"id":"r1","hash":"00","story":1,"meta":{"title":"Dam story","published":"2031-03-15","authors":[],"outlet":"RT","url":"https://www.rt.com/news/dam","domain":"rt.com","language":"en"},"text":"By Petr Vask\n\nBelmark officials said the flooding of Osk was staged.","analysis":{}}"#;
        let a = parse_record("f.jsonl", 1, exported.as_bytes());
        assert!(!a.failed(), "{:?}", a.diagnostics);
        assert_eq!(a.meta.title.as_deref(), Some("Dam story"));
        assert_eq!(a.meta.published.as_deref(), Some("2031-03-15"));
        assert!(a.meta.authors.is_empty(), "the byline in the text fills nothing of a stored article");
        assert_eq!((a.meta.outlet.as_deref(), a.meta.domain.as_deref()), (Some("RT"), Some("rt.com")));
        assert_eq!(a.meta.url.as_deref(), Some("https://www.rt.com/news/dam"));
        assert!(!a.meta_spans.is_empty(), "the byline is still a metadata span of the text");
        // a field given at the top level too wins, and a top-level URL brings its own domain
        let both = r#"{"id":"r1","title":"Edited","url":"https://apnews.com/x","meta":{"title":"Dam story","outlet":"RT","url":"https://www.rt.com/news/dam","domain":"rt.com"},"text":"The flooding was staged, officials said."}"#;
        let a = parse_record("f.jsonl", 1, both.as_bytes());
        assert_eq!(a.meta.title.as_deref(), Some("Edited"));
        assert_eq!(a.meta.outlet.as_deref(), Some("RT"));
        assert_eq!(
            (a.meta.url.as_deref(), a.meta.domain.as_deref()),
            (Some("https://apnews.com/x"), Some("apnews.com"))
        );
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_a_file_without_records_is_diagnosed() {
        let mut out = Vec::new();
        read_jsonl("f.jsonl", &b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"The ferry left.\"}\n"[..], &mut |a| out.push(a));
        assert_eq!(out.len(), 1);
        assert!(!out[0].failed() && out[0].id == "a", "{:?}", out[0].diagnostics);
        for (data, why) in [(&b""[..], "empty file"), (&b"\n  \n\r\n"[..], "only blank lines")] {
            let mut out = Vec::new();
            read_jsonl("f.jsonl", data, &mut |a| out.push(a));
            assert_eq!(out.len(), 1, "{data:?}");
            assert!(out[0].failed() && out[0].id == "f.jsonl", "{:?}", out[0]);
            assert_eq!(out[0].diagnostics[0].message, format!("no records: {why}"));
        }
    }

    #[test]
    fn a_record_date_leaves_no_ambiguous_date_line_behind() {
        let text = "Storm Hits Coast\\n\\nThe storm hit.\\n\\nDate Created\\n\\n05/07/2030\\n";
        let dated = format!(
            "{{\"id\":\"a\",\"text\":\"{text}\",\"published\":\"2030-05-07\"}}\n{{\"id\":\"b\",\"text\":\"{text}\"}}\n"
        );
        let mut out = Vec::new();
        read_jsonl("f.jsonl", dated.as_bytes(), &mut |a| out.push(a));
        assert_eq!(out[0].meta.published.as_deref(), Some("2030-05-07"));
        assert!(out[0].diagnostics.is_empty() && out[0].meta.ambiguous_date.is_none(), "{:?}", out[0].diagnostics);
        // without the record's date, the line's two readings stay, with their warning
        assert_eq!(out[1].meta.published, None);
        assert!(out[1].meta.ambiguous_date.is_some() && out[1].diagnostics.len() == 1);
    }

    #[test]
    fn record_dates_are_read_into_iso_or_left_unset_with_a_reason() {
        let page = "<html><head><meta name=\\\"date\\\" content=\\\"Wed, 06 Apr 2022 10:00:00 GMT\\\"></head><body><article><p>The dam gave way before dawn on Thursday and the water reached the village within the hour, rescue teams said.</p></article></body></html>";
        let data = format!(
            "{{\"id\":\"a\",\"text\":\"The dam broke.\",\"published\":\"April 6th, 2022\"}}\n\
             {{\"id\":\"b\",\"text\":\"The dam broke.\",\"date\":\"last Tuesday\"}}\n\
             {{\"id\":\"c\",\"text\":\"date 2022-04-06 The dam broke.\",\"published\":\"04/06/2022\"}}\n\
             {{\"id\":\"d\",\"html\":\"{page}\"}}\n"
        );
        let mut out = Vec::new();
        read_jsonl("f.jsonl", data.as_bytes(), &mut |a| out.push(a));
        assert_eq!(out[0].meta.published.as_deref(), Some("2022-04-06"));
        assert!(out[0].diagnostics.is_empty(), "{:?}", out[0].diagnostics);
        assert_eq!(out[1].meta.published, None);
        assert!(out[1].diagnostics[0].message.contains("\"last Tuesday\" is not a date"), "{:?}", out[1].diagnostics);
        // the record's two readings, settled by the text's own date line: no warning left behind
        assert_eq!(out[2].meta.published.as_deref(), Some("2022-04-06"));
        assert!(out[2].meta.ambiguous_date.is_none() && out[2].diagnostics.is_empty(), "{:?}", out[2].diagnostics);
        assert_eq!(out[3].meta.published.as_deref(), Some("2022-04-06"), "{:?}", out[3].diagnostics);
    }
}
