//! Entry points for the fuzz targets in `fuzz/` (and for the stable test that replays the inputs
//! they found, `tests/regressions.rs`): each runs one reader on arbitrary bytes and checks what it
//! returns. A panic here is a finding.
use crate::{Doc, ReadOptions};
use corroborate_model::Article;

/// Checks an article's invariants: spans inside the text on character boundaries, and a failed
/// article carries an error.
pub fn check(a: &Article) {
    for m in &a.meta_spans {
        let s = m.span;
        assert!(s.start <= s.end && s.end <= a.text.len(), "span {s:?} outside text of {} bytes", a.text.len());
        assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end), "span {s:?} splits a character");
    }
}

/// The HTML extractor.
pub fn html(data: &[u8]) {
    let a =
        crate::article_from_page("fuzz", data, Some("https://fuzz.example/a"), Some("text/html; charset=windows-1251"));
    check(&a);
    let a = crate::article_from_html("fuzz", data, None);
    check(&a);
}

/// The WARC reader, on the bytes as they are and gzipped.
pub fn warc(data: &[u8]) {
    let mut docs = Vec::new();
    let s = crate::warc::read_warc("fuzz.warc", data, &mut |d| docs.push(d), &mut |_| {});
    assert!(s.pages <= s.records);
    for d in docs {
        check(&d.into_article());
    }
    // the same bytes as a gzip stream (mostly invalid: exercises the error path)
    let r = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(data));
    crate::warc::read_warc("fuzz.warc.gz", r, &mut |d: Doc| check(&d.into_article()), &mut |_| {});
    let _ = crate::warc::http_payload(data);
}

/// The feed reader (without fetching links: no network).
pub fn feed(data: &[u8]) {
    crate::feed::read_feed("fuzz.rss", data, &ReadOptions::default(), &mut |d| check(&d.into_article()), &mut |_| {});
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = crate::feed::plain(s);
    }
}

/// The text reader, and the stream reader that sniffs gzip, WARC, feeds and HTML.
pub fn text(data: &[u8]) {
    check(&crate::article_from_bytes("fuzz.txt", data));
    crate::read_stream("-", data, &ReadOptions::default(), &mut |d| check(&d.into_article()), &mut |_| {});
    if let Ok(s) = std::str::from_utf8(data) {
        let found = crate::textmeta::parse(s);
        for m in &found.spans {
            assert!(m.span.end <= s.len() && s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
        }
    }
}
