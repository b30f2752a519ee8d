//! WARC and WARC.gz archives (ISO 28500, as Common Crawl News publishes them), streamed record by
//! record: memory holds one record at a time, whatever the archive's size.
//!
//! `response` records whose HTTP payload is an HTML page become [`Doc::Html`]s (extraction is left to
//! the caller, so it can run in parallel); every other record is skipped and counted, and the counts
//! end the file as one [`Note`]. A corrupt header is diagnosed and the reader resynchronises on the
//! next `WARC/` line; a truncated record or an unreadable gzip member is diagnosed and ends the file,
//! keeping every record read before it. A gzipped archive is one gzip member per record (or one
//! member for all); [`flate2::read::MultiGzDecoder`] reads both.
use crate::{failed, Doc, Note};
use corroborate_model::{Diagnostic, Meta};
use std::collections::BTreeMap;
use std::io::{BufRead, Read};

/// Longest WARC or HTTP header block read; a longer one is corrupt.
pub const MAX_HEADER_BYTES: u64 = 64 * 1024;
/// Largest record payload held in memory; larger records are skipped (streamed past, not loaded).
pub const MAX_RECORD_BYTES: u64 = crate::MAX_DOCUMENT_BYTES;
/// Most lines skipped while looking for the next record after a corrupt one, before giving up.
const MAX_RESYNC_LINES: usize = 1_000_000;

/// What one archive held: records seen, pages given out, and why the others were skipped.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub records: usize,
    pub pages: usize,
    /// Reason ("request record", "HTTP status 404", "content type image/jpeg", ...) to count.
    pub skipped: BTreeMap<String, usize>,
    /// Diagnostics for damaged records (also given to the sink as failed articles).
    pub damaged: usize,
}

impl Summary {
    fn skip(&mut self, reason: impl Into<String>) {
        *self.skipped.entry(reason.into()).or_default() += 1;
    }

    /// One line: "12 WARC records, 9 HTML pages; skipped 2 request records, 1 HTTP status 404".
    pub fn describe(&self) -> String {
        let s_of = |n: usize| if n == 1 { "" } else { "s" };
        let mut s =
            format!("{} WARC record{}, {} HTML page{}", self.records, s_of(self.records), self.pages, s_of(self.pages));
        if !self.skipped.is_empty() {
            let parts: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, &n)| if k.ends_with(" record") { format!("{n} {k}{}", s_of(n)) } else { format!("{n} {k}") })
                .collect();
            s.push_str("; skipped ");
            s.push_str(&parts.join(", "));
        }
        if self.damaged > 0 {
            s.push_str(&format!("; {} damaged", self.damaged));
        }
        s
    }
}

enum Line {
    Eof,
    Text(Vec<u8>),
    TooLong,
}

/// Reads one line of at most `cap` bytes (the newline included). An over-long line is consumed to
/// its end (in bounded pieces) and reported as `TooLong`.
fn read_line<R: BufRead>(r: &mut R, cap: u64) -> std::io::Result<Line> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(cap).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    if buf.last() != Some(&b'\n') && n as u64 >= cap {
        loop {
            buf.clear();
            let n = r.by_ref().take(cap).read_until(b'\n', &mut buf)?;
            if n == 0 || buf.last() == Some(&b'\n') {
                return Ok(Line::TooLong);
            }
        }
    }
    Ok(Line::Text(buf))
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// A record's named header fields (names lower-cased, first value kept).
struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

enum HeaderRead {
    Header(Header),
    Corrupt(String),
    Truncated,
}

/// Reads header lines up to the blank line ending them.
fn read_header_fields<R: BufRead>(r: &mut R) -> std::io::Result<HeaderRead> {
    let mut fields = Vec::new();
    let mut total = 0u64;
    loop {
        let line = match read_line(r, MAX_HEADER_BYTES)? {
            Line::Eof => return Ok(HeaderRead::Truncated),
            Line::TooLong => return Ok(HeaderRead::Corrupt("header line too long".into())),
            Line::Text(l) => l,
        };
        total += line.len() as u64;
        if total > MAX_HEADER_BYTES {
            return Ok(HeaderRead::Corrupt("header block too long".into()));
        }
        let line = trim_eol(&line);
        if line.is_empty() {
            return Ok(HeaderRead::Header(Header { fields }));
        }
        let text = String::from_utf8_lossy(line);
        if (text.starts_with(' ') || text.starts_with('\t')) && !fields.is_empty() {
            // folded continuation line
            if let Some((_, v)) = fields.last_mut() {
                v.push(' ');
                v.push_str(text.trim());
            }
            continue;
        }
        match text.split_once(':') {
            Some((k, v)) => fields.push((k.trim().to_ascii_lowercase(), v.trim().to_string())),
            None => return Ok(HeaderRead::Corrupt(format!("header line without a colon: {:?}", clip(&text)))),
        }
    }
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// Streams an archive (already decompressed if it was gzipped), giving `sink` one [`Doc`] per HTML
/// response and `note` the summary at the end (and a note per damaged stretch).
pub fn read_warc<R: BufRead>(
    source: &str,
    mut reader: R,
    sink: &mut dyn FnMut(Doc),
    note: &mut dyn FnMut(Note),
) -> Summary {
    let mut summary = Summary::default();
    let damaged = |summary: &mut Summary, sink: &mut dyn FnMut(Doc), n: usize, message: String| {
        summary.damaged += 1;
        sink(Doc::Article(failed(&format!("{source}#record-{n}"), message)));
    };
    'records: loop {
        // Find the version line, skipping the blank lines between records and, after a corrupt
        // record, anything else.
        let mut skipped_lines = 0usize;
        loop {
            let line = match read_line(&mut reader, MAX_HEADER_BYTES) {
                Ok(Line::Eof) => {
                    if skipped_lines > 0 {
                        let n = summary.records + 1;
                        damaged(&mut summary, sink, n, format!("{skipped_lines} line(s) of non-WARC data at the end"));
                    }
                    break 'records;
                }
                Ok(Line::TooLong) => {
                    skipped_lines += 1;
                    continue;
                }
                Ok(Line::Text(l)) => l,
                Err(e) => {
                    let n = summary.records + 1;
                    damaged(&mut summary, sink, n, format!("read error, archive abandoned here: {e}"));
                    break 'records;
                }
            };
            let t = trim_eol(&line);
            if t.starts_with(b"WARC/") {
                break;
            }
            if !t.is_empty() {
                skipped_lines += 1;
                if skipped_lines > MAX_RESYNC_LINES {
                    let n = summary.records + 1;
                    damaged(&mut summary, sink, n, "no WARC record found in the data; not a WARC file?".into());
                    break 'records;
                }
            }
        }
        if skipped_lines > 0 {
            let n = summary.records + 1;
            damaged(
                &mut summary,
                sink,
                n,
                format!("{skipped_lines} line(s) of non-WARC data skipped before this record"),
            );
        }
        summary.records += 1;
        let n = summary.records;
        let header = match read_header_fields(&mut reader) {
            Ok(HeaderRead::Header(h)) => h,
            Ok(HeaderRead::Truncated) => {
                damaged(&mut summary, sink, n, "archive ends inside a record header (truncated)".into());
                break;
            }
            Ok(HeaderRead::Corrupt(why)) => {
                damaged(&mut summary, sink, n, format!("corrupt record header ({why}); skipped to the next record"));
                continue;
            }
            Err(e) => {
                damaged(&mut summary, sink, n, format!("read error, archive abandoned here: {e}"));
                break;
            }
        };
        let Some(len) = header.get("content-length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            damaged(&mut summary, sink, n, "record without a valid Content-Length; skipped to the next record".into());
            continue;
        };
        let kind = header.get("warc-type").unwrap_or("").to_ascii_lowercase();
        let wanted = kind == "response"
            && header.get("content-type").is_none_or(|ct| ct.to_ascii_lowercase().contains("application/http"));
        if !wanted || len > MAX_RECORD_BYTES {
            let reason = if !wanted {
                if kind.is_empty() {
                    "record without WARC-Type".to_string()
                } else if kind == "response" {
                    "non-HTTP response record".to_string()
                } else {
                    format!("{kind} record")
                }
            } else {
                format!("response over {} MB", MAX_RECORD_BYTES / (1024 * 1024))
            };
            match std::io::copy(&mut reader.by_ref().take(len), &mut std::io::sink()) {
                Ok(copied) if copied == len => summary.skip(reason),
                Ok(copied) => {
                    damaged(
                        &mut summary,
                        sink,
                        n,
                        format!("archive ends inside a record: {copied} of {len} bytes (truncated)"),
                    );
                    break;
                }
                Err(e) => {
                    damaged(&mut summary, sink, n, format!("read error, archive abandoned here: {e}"));
                    break;
                }
            }
            continue;
        }
        let mut block = Vec::with_capacity(len.min(1 << 20) as usize);
        match reader.by_ref().take(len).read_to_end(&mut block) {
            Ok(_) if block.len() as u64 == len => {}
            Ok(_) => {
                damaged(
                    &mut summary,
                    sink,
                    n,
                    format!("archive ends inside a record: {} of {len} bytes (truncated)", block.len()),
                );
                break;
            }
            Err(e) => {
                damaged(&mut summary, sink, n, format!("read error, archive abandoned here: {e}"));
                break;
            }
        }
        let uri = header.get("warc-target-uri").map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string());
        let id = uri.clone().unwrap_or_else(|| format!("{source}#record-{n}"));
        match http_payload(&block) {
            Ok(page) => {
                summary.pages += 1;
                sink(Doc::Html {
                    id,
                    bytes: page.body,
                    url: uri,
                    content_type: page.content_type,
                    meta: Meta::default(),
                })
            }
            Err(Skip::Reason(reason)) => summary.skip(reason),
            Err(Skip::Damaged(why)) => damaged(&mut summary, sink, n, format!("{id}: {why}")),
        }
    }
    note(Note { input: source.to_string(), diagnostic: Diagnostic::info(summary.describe()) });
    summary
}

/// An HTTP response's HTML payload, ready for extraction.
pub struct Page {
    pub body: Vec<u8>,
    pub content_type: Option<String>,
}

/// Why a response record gives no page.
pub enum Skip {
    /// An ordinary reason, counted in the summary ("HTTP status 404").
    Reason(String),
    /// The record is damaged: a diagnostic.
    Damaged(String),
}

/// Parses an HTTP response message: a 2xx status and an HTML content type give the decoded body
/// (chunked transfer and gzip/deflate content encodings undone, capped at [`MAX_RECORD_BYTES`]).
pub fn http_payload(block: &[u8]) -> Result<Page, Skip> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut resp = httparse::Response::new(&mut headers);
    let body_start = match resp.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err(Skip::Damaged("HTTP header incomplete".into())),
        Err(e) => return Err(Skip::Damaged(format!("HTTP header unreadable: {e}"))),
    };
    let code = resp.code.unwrap_or(0);
    if !(200..300).contains(&code) {
        return Err(Skip::Reason(format!("HTTP status {code}")));
    }
    let header = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let content_type = header("content-type");
    let body = &block[body_start..];
    let body = match header("transfer-encoding") {
        Some(te) if te.to_ascii_lowercase().contains("chunked") => match dechunk(body) {
            Some(b) => std::borrow::Cow::Owned(b),
            // Common Crawl keeps the header but stores the payload already de-chunked
            None => std::borrow::Cow::Borrowed(body),
        },
        _ => std::borrow::Cow::Borrowed(body),
    };
    let body = match header("content-encoding").map(|e| e.to_ascii_lowercase()) {
        None => body.into_owned(),
        Some(e) if e.is_empty() || e == "identity" => body.into_owned(),
        Some(e) if e == "gzip" || e == "x-gzip" || e == "deflate" => {
            match decompress(&body, e == "deflate") {
                Some(b) => b,
                // stored already decoded, as Common Crawl does
                None => body.into_owned(),
            }
        }
        Some(e) => return Err(Skip::Reason(format!("content encoding {e}"))),
    };
    match &content_type {
        Some(ct) => {
            let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            if mime != "text/html" && mime != "application/xhtml+xml" {
                return Err(Skip::Reason(format!("content type {}", clip(&mime))));
            }
        }
        None if !crate::looks_like_html(&body) => return Err(Skip::Reason("response without a content type".into())),
        None => {}
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Skip::Reason("empty response".into()));
    }
    Ok(Page { body, content_type })
}

/// Undoes chunked transfer coding; `None` if the data is not validly chunked.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = data.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(&data[..eol]).ok()?.trim();
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        data = &data[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        if size > data.len() || out.len() + size > MAX_RECORD_BYTES as usize {
            return None;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size..];
        data = data.strip_prefix(b"\r\n").or_else(|| data.strip_prefix(b"\n")).unwrap_or(data);
    }
}

fn decompress(data: &[u8], deflate: bool) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let cap = MAX_RECORD_BYTES + 1;
    let r = if deflate {
        flate2::read::ZlibDecoder::new(data).take(cap).read_to_end(&mut out)
    } else {
        flate2::read::MultiGzDecoder::new(data).take(cap).read_to_end(&mut out)
    };
    (r.is_ok() && (out.len() as u64) < cap).then_some(out)
}

/// Writes one WARC record (used by tests and the archive generator): `WARC/1.1`, the given header
/// fields, Content-Length, and the block.
pub fn write_record<W: std::io::Write>(out: &mut W, fields: &[(&str, &str)], block: &[u8]) -> std::io::Result<()> {
    out.write_all(b"WARC/1.1\r\n")?;
    for (k, v) in fields {
        write!(out, "{k}: {v}\r\n")?;
    }
    write!(out, "Content-Length: {}\r\n\r\n", block.len())?;
    out.write_all(block)?;
    out.write_all(b"\r\n\r\n")
}

/// The block of an HTTP response record holding `body` with the given content type.
pub fn http_response_block(status: u16, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut b = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        if status == 200 { "OK" } else { "Other" },
        body.len()
    )
    .into_bytes();
    b.extend_from_slice(body);
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const PAGE: &str = "<!doctype html><html><head><title>Dam report</title></head><body><article>\
        <h1>Dam report</h1><p>The regional water board said on Tuesday that the dam had held through the \
        storm, and engineers would inspect the spillway this week.</p><p>Residents downstream were told \
        they could return home by the evening, the board said in a statement.</p></article></body></html>";

    fn response(out: &mut Vec<u8>, uri: &str, status: u16, ct: &str, body: &[u8]) {
        let block = http_response_block(status, ct, body);
        write_record(
            out,
            &[
                ("WARC-Type", "response"),
                ("WARC-Target-URI", uri),
                ("WARC-Date", "2026-11-21T10:00:00Z"),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            &block,
        )
        .unwrap();
    }

    fn archive() -> Vec<u8> {
        let mut w = Vec::new();
        write_record(&mut w, &[("WARC-Type", "warcinfo")], b"software: test\r\n").unwrap();
        write_record(
            &mut w,
            &[("WARC-Type", "request"), ("WARC-Target-URI", "https://a.example/1")],
            b"GET / HTTP/1.1\r\n\r\n",
        )
        .unwrap();
        response(&mut w, "https://a.example/1", 200, "text/html; charset=utf-8", PAGE.as_bytes());
        response(&mut w, "https://a.example/2", 404, "text/html", b"<html>not found</html>");
        response(&mut w, "https://a.example/3.jpg", 200, "image/jpeg", b"\xff\xd8\xff");
        response(&mut w, "https://b.example/x", 200, "text/html", PAGE.replace("Tuesday", "Monday").as_bytes());
        w
    }

    fn run(bytes: &[u8]) -> (Vec<Doc>, Vec<Note>, Summary) {
        let (mut docs, mut notes) = (Vec::new(), Vec::new());
        let s = read_warc("t.warc", bytes, &mut |d| docs.push(d), &mut |n| notes.push(n));
        (docs, notes, s)
    }

    #[test]
    fn html_responses_are_kept_and_the_rest_counted() {
        let (docs, notes, s) = run(&archive());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id(), "https://a.example/1");
        let a = docs.into_iter().next().unwrap().into_article();
        assert!(!a.failed(), "{:?}", a.diagnostics);
        assert!(a.text.contains("engineers would inspect the spillway"));
        assert_eq!(a.meta.domain.as_deref(), Some("a.example"));
        assert_eq!(s.records, 6);
        assert_eq!(s.pages, 2);
        assert_eq!(s.skipped.get("HTTP status 404"), Some(&1));
        assert_eq!(s.skipped.get("content type image/jpeg"), Some(&1));
        assert_eq!(s.skipped.get("request record"), Some(&1));
        assert_eq!(s.skipped.get("warcinfo record"), Some(&1));
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].diagnostic.message.starts_with("6 WARC records, 2 HTML pages; skipped"),
            "{}",
            notes[0].diagnostic.message
        );
    }

    #[test]
    fn the_summary_says_one_record_and_many_records() {
        let mut one = Summary { records: 1, pages: 1, ..Default::default() };
        assert_eq!(one.describe(), "1 WARC record, 1 HTML page");
        one.skip("request record");
        one.records = 3;
        one.pages = 0;
        one.skip("request record");
        one.skip("HTTP status 404");
        assert_eq!(one.describe(), "3 WARC records, 0 HTML pages; skipped 1 HTTP status 404, 2 request records");
    }

    /// One gzip member per record, as Common Crawl writes them.
    fn gzip_per_record(plain: &[u8]) -> Vec<u8> {
        let mut gz = Vec::new();
        let mut start = 0;
        for (i, w) in plain.windows(8).enumerate() {
            if w == b"WARC/1.1" && i > start {
                let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                e.write_all(&plain[start..i]).unwrap();
                gz.extend(e.finish().unwrap());
                start = i;
            }
        }
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(&plain[start..]).unwrap();
        gz.extend(e.finish().unwrap());
        gz
    }

    #[test]
    fn multi_member_gzip_streams() {
        let gz = gzip_per_record(&archive());
        let (docs, _, s) = run_gz(&gz);
        assert_eq!((docs.len(), s.records, s.damaged), (2, 6, 0));
    }

    fn run_gz(gz: &[u8]) -> (Vec<Doc>, Vec<Note>, Summary) {
        let (mut docs, mut notes) = (Vec::new(), Vec::new());
        let r = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(gz));
        let s = read_warc("t.warc.gz", r, &mut |d| docs.push(d), &mut |n| notes.push(n));
        (docs, notes, s)
    }

    #[test]
    fn truncation_keeps_what_was_read() {
        let full = archive();
        let cut = &full[..full.len() - 100];
        let (docs, _, s) = run(cut);
        assert_eq!(docs.len(), 2, "first page kept, then one diagnostic");
        assert!(matches!(&docs[0], Doc::Html { .. }));
        let bad = docs.into_iter().nth(1).unwrap().into_article();
        assert!(bad.failed() && bad.diagnostics[0].message.contains("truncated"), "{:?}", bad.diagnostics);
        assert_eq!(s.damaged, 1);
        // a truncated gzip stream: the last member cut short
        let gz = gzip_per_record(&full);
        let (docs, _, s) = run_gz(&gz[..gz.len() - 30]);
        assert_eq!((docs.len(), s.damaged), (2, 1), "{s:?}");
        assert_eq!(docs[0].id(), "https://a.example/1");
        assert!(docs[1].id().ends_with("#record-6"));
    }

    #[test]
    fn corrupt_headers_resynchronise() {
        let mut w = Vec::new();
        w.extend_from_slice(b"garbage line\r\nmore garbage\r\n");
        write_record(&mut w, &[("WARC-Type", "response"), ("No colon here", "")], b"x").unwrap();
        // a record whose header line lacks a colon
        w.extend_from_slice(b"WARC/1.1\r\nthis line has no colon\r\n\r\n");
        // Content-Length not a number
        w.extend_from_slice(b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nzzz\r\n\r\n");
        response(&mut w, "https://c.example/ok", 200, "text/html", PAGE.as_bytes());
        let (docs, _, s) = run(&w);
        let pages: Vec<_> = docs.iter().filter(|d| matches!(d, Doc::Html { .. })).collect();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].id(), "https://c.example/ok");
        assert!(s.damaged >= 3, "{s:?}");
    }

    #[test]
    fn chunked_and_gzip_payloads_are_decoded() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(PAGE.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let mut chunked = Vec::new();
        for c in gz.chunks(100) {
            chunked.extend(format!("{:x}\r\n", c.len()).bytes());
            chunked.extend_from_slice(c);
            chunked.extend_from_slice(b"\r\n");
        }
        chunked.extend_from_slice(b"0\r\n\r\n");
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(chunked);
        let page = http_payload(&block).ok().unwrap();
        assert_eq!(page.body, PAGE.as_bytes());
    }

    #[test]
    fn not_a_warc_is_one_diagnostic() {
        let (docs, _, s) = run(b"just some text\nnothing else\n");
        assert_eq!(docs.len(), 1);
        assert!(docs[0].id().ends_with("#record-1"));
        assert_eq!(s.records, 0);
    }
}
