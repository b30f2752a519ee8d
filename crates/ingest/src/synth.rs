//! A test helper: writes a WARC.gz of synthetic news pages, Common Crawl News style (one gzip member
//! per record, a `warcinfo` record first), of any size, for scale tests of the streaming readers.
//!
//! The pages are our own template text varied by a seeded generator (no page of anyone else's):
//! navigation, a large inline script, related links and a footer around an article of 4-9
//! paragraphs with reported speech and quotes. About one response in 20 is an HTTP redirect or
//! error and one in 25 an image, so the skipping paths are exercised too; a few request and
//! metadata records are mixed in. Deterministic for a seed.
use crate::warc::{http_response_block, write_record};
use std::io::Write;

/// What [`write_archive`] wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub records: u64,
    pub html_pages: u64,
    pub compressed_bytes: u64,
    pub uncompressed_bytes: u64,
}

/// A small xorshift generator: deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PLACES: &[&str] = &[
    "Norrvik",
    "Kaldera",
    "Port Ellis",
    "Vantor",
    "Mirefield",
    "Sable Bay",
    "Oskaja",
    "Tremont Hills",
    "Ravel",
    "Dunmere",
    "Istra Valley",
    "Korvin",
    "Lowmarsh",
    "Belcaro",
    "the northern district",
];
const PEOPLE: &[&str] = &[
    "Mara Olsen",
    "Tomas Vekk",
    "Ines Carvalho",
    "Ruth Abara",
    "Pavel Dorn",
    "Lena Sykes",
    "Jonas Amari",
    "Hedda Krull",
    "Samir Qadri",
    "Olga Teren",
    "Felix Moyo",
    "Greta Lind",
];
const ROLES: &[&str] = &[
    "the mayor",
    "a spokesperson for the water board",
    "the interior minister",
    "a police spokesman",
    "the regional governor",
    "an engineer at the site",
    "the head of the rescue service",
    "a local trader",
    "the opposition leader",
    "a hospital official",
];
const BODIES: &[&str] = &[
    "the council",
    "the ministry",
    "the water board",
    "the port authority",
    "the rail operator",
    "the union",
    "the health agency",
    "the prosecutor's office",
    "the election commission",
    "the fire service",
];
const EVENTS: &[&str] = &[
    "the dam inspection",
    "the ferry strike",
    "the bridge closure",
    "the flood warning",
    "the budget vote",
    "the hospital expansion",
    "the power outage",
    "the port dispute",
    "the rail tender",
    "the school reform",
];
const VERBS: &[&str] =
    &["said", "told reporters", "said in a statement", "wrote on social media", "added", "confirmed"];
const CLAIMS: &[&str] = &[
    "the work would be finished before the winter",
    "no one had been hurt in the incident",
    "the costs had risen by a third since the spring",
    "the decision had been taken without consulting residents",
    "more inspectors would be sent to the site next week",
    "the figures published on Monday were wrong",
    "the agreement would be signed within days",
    "the service would resume on Thursday morning",
    "the investigation had found no evidence of sabotage",
    "the original plan had been abandoned in March",
];
const FILLER: &[&str] = &[
    "residents",
    "officials",
    "the river",
    "the harbour",
    "the old town",
    "the main road",
    "the station",
    "local businesses",
    "the district",
    "the committee",
    "the report",
    "the contractors",
    "last year",
    "the storm",
    "the hearing",
    "the budget",
    "the regional press",
    "the plan",
    "the schools",
    "the clinic",
];
const OUTLETS: &[&str] = &[
    "Norrvik Daily",
    "The Kaldera Post",
    "Harbour Herald",
    "Valley Courier",
    "Sable Bay Times",
    "The Ravel Ledger",
    "Mirefield Gazette",
    "Istra Review",
];

/// One synthetic article page (HTML) and its URL.
pub fn page(rng: &mut Rng, n: u64) -> (String, String) {
    let outlet = rng.pick(OUTLETS);
    let domain: String = outlet.to_ascii_lowercase().chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let place = rng.pick(PLACES);
    let event = rng.pick(EVENTS);
    let title = format!(
        "{} in {}: {} {}",
        capitalise(event),
        place,
        rng.pick(BODIES),
        rng.pick(&["responds", "under pressure", "defends decision", "promises review"])
    );
    let url = format!("https://www.{domain}.example/news/{}/{n}", 2026 - (n % 3));
    let author = rng.pick(PEOPLE);
    let date = format!("2026-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
    let mut body = String::new();
    let paragraphs = 4 + rng.below(6);
    for p in 0..paragraphs {
        body.push_str("<p>");
        let sentences = 2 + rng.below(4);
        for s in 0..sentences {
            let sentence = match rng.below(5) {
                0 => format!(
                    "\u{201c}{}\u{201d} {} {}.",
                    capitalise(rng.pick(CLAIMS)),
                    rng.pick(PEOPLE),
                    rng.pick(VERBS)
                ),
                1 => format!("{} {} that {}.", capitalise(rng.pick(ROLES)), rng.pick(VERBS), rng.pick(CLAIMS)),
                2 => format!("According to {}, {} in {}.", rng.pick(BODIES), rng.pick(CLAIMS), place),
                3 => format!(
                    "{} and {} met on {} to discuss {}, {} {}.",
                    capitalise(rng.pick(FILLER)),
                    rng.pick(FILLER),
                    rng.pick(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
                    event,
                    rng.pick(ROLES),
                    rng.pick(VERBS)
                ),
                _ => format!(
                    "{} {} {} near {} after {}, with {} people affected.",
                    capitalise(rng.pick(FILLER)),
                    rng.pick(&["gathered", "waited", "were evacuated", "were consulted", "protested"]),
                    rng.pick(&["for hours", "on Saturday", "overnight", "again"]),
                    rng.pick(FILLER),
                    event,
                    10 + rng.below(5000)
                ),
            };
            if s > 0 {
                body.push(' ');
            }
            body.push_str(&sentence);
        }
        body.push_str("</p>\n");
        if p == 1 {
            body.push_str("<div class=\"ad-slot\"><span>Advertisement</span></div>\n");
        }
    }
    // an inline script blob (tracking config): little structure, so it compresses about as
    // badly as the minified scripts of real pages
    let mut blob = String::with_capacity(24 * 1024);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for _ in 0..(8 * 1024 + rng.below(8 * 1024)) {
        blob.push(alphabet[rng.below(64)] as char);
    }
    // a stylesheet and a hydration blob, repetitive as real ones are (they compress well): pages
    // end up around 60-110 KB, like news pages in the wild
    let mut css = String::with_capacity(24 * 1024);
    for i in 0..(150 + rng.below(150)) {
        css.push_str(&format!(
            ".c{}-{}{{margin:{}px {}px;padding:{}px;color:#{:06x};font-size:{}px}}\n",
            rng.pick(&["nav", "card", "teaser", "promo", "grid", "hero", "meta"]),
            i,
            rng.below(40),
            rng.below(40),
            rng.below(20),
            rng.next_u64() & 0xffffff,
            10 + rng.below(20)
        ));
    }
    let mut state = String::with_capacity(24 * 1024);
    state.push('[');
    for i in 0..(80 + rng.below(120)) {
        if i > 0 {
            state.push(',');
        }
        state.push_str(&format!(
            "{{\"id\":{},\"kind\":\"{}\",\"headline\":\"{} in {}\",\"section\":\"{}\",\"comments\":{}}}",
            n * 1000 + i as u64,
            rng.pick(&["story", "video", "gallery", "live"]),
            capitalise(rng.pick(EVENTS)),
            rng.pick(PLACES),
            rng.pick(&["news", "world", "local", "business", "politics"]),
            rng.below(500)
        ));
    }
    state.push(']');
    let mut related = String::new();
    for i in 0..(30 + rng.below(50)) {
        related.push_str(&format!(
            "<li><a href=\"/news/{}/{}\">{} in {} {}</a></li>\n",
            2026,
            n.wrapping_mul(31).wrapping_add(i as u64) % 1_000_000,
            capitalise(rng.pick(EVENTS)),
            rng.pick(PLACES),
            rng.pick(&["latest", "live updates", "what we know", "explainer", "analysis"])
        ));
    }
    let html = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta name="author" content="{author}"><meta property="article:published_time" content="{date}T08:00:00Z">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"{date}","author":{{"@type":"Person","name":"{author}"}},"publisher":{{"@type":"Organization","name":"{outlet}"}}}}</script>
<style>body{{font-family:serif}} .nav li{{display:inline}} .ad-slot{{min-height:250px}}
{css}</style>
<script>window.__cfg = "{blob}";</script>
<script>window.__state = {state};</script>
</head><body>
<header><ul class="nav"><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul>
<form action="/search"><input name="q" placeholder="Search"></form></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p><time datetime="{date}">{date}</time>
{body}</article>
<aside><h2>Related</h2><ul>
{related}</ul></aside></main>
<footer><p>&copy; 2026 {outlet}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact</a></footer>
</body></html>
"#
    );
    (url, html)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Writes records to `out` (gzip, one member per record) until at least `target_bytes` of
/// compressed output have been written.
pub fn write_archive<W: Write>(mut out: W, target_bytes: u64, seed: u64) -> std::io::Result<Written> {
    let mut rng = Rng::new(seed);
    let mut w = Written::default();
    let record = |fields: &[(&str, &str)], block: &[u8], w: &mut Written, out: &mut W| -> std::io::Result<()> {
        let mut plain = Vec::with_capacity(block.len() + 512);
        write_record(&mut plain, fields, block)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::with_capacity(plain.len() / 3), flate2::Compression::default());
        gz.write_all(&plain)?;
        let gz = gz.finish()?;
        out.write_all(&gz)?;
        w.records += 1;
        w.compressed_bytes += gz.len() as u64;
        w.uncompressed_bytes += plain.len() as u64;
        Ok(())
    };
    record(
        &[
            ("WARC-Type", "warcinfo"),
            ("WARC-Date", "2026-11-21T00:00:00Z"),
            ("Content-Type", "application/warc-fields"),
        ],
        b"software: corroborate synth\r\nformat: WARC File Format 1.1\r\n",
        &mut w,
        &mut out,
    )?;
    let mut n = 0u64;
    while w.compressed_bytes < target_bytes {
        n += 1;
        let (url, html) = page(&mut rng, n);
        let date = "2026-11-21T00:00:00Z";
        let http = "application/http; msgtype=response";
        let kind = rng.below(100);
        let block = if kind < 3 {
            http_response_block(301, "text/html", b"<html><body>Moved</body></html>")
        } else if kind < 5 {
            http_response_block(404, "text/html", b"<html><body>Not found</body></html>")
        } else if kind < 9 {
            let mut img = vec![0xff, 0xd8, 0xff, 0xe0];
            img.extend((0..2048).map(|_| rng.next_u64() as u8));
            http_response_block(200, "image/jpeg", &img)
        } else {
            w.html_pages += 1;
            http_response_block(200, "text/html; charset=utf-8", html.as_bytes())
        };
        if kind == 99 {
            let req = format!("GET {url} HTTP/1.1\r\nHost: example\r\n\r\n");
            record(
                &[("WARC-Type", "request"), ("WARC-Target-URI", &url), ("WARC-Date", date)],
                req.as_bytes(),
                &mut w,
                &mut out,
            )?;
        }
        record(
            &[("WARC-Type", "response"), ("WARC-Target-URI", &url), ("WARC-Date", date), ("Content-Type", http)],
            &block,
            &mut w,
            &mut out,
        )?;
        if kind == 98 {
            record(&[("WARC-Type", "metadata"), ("WARC-Target-URI", &url)], b"fetchTimeMs: 120\r\n", &mut w, &mut out)?;
        }
    }
    out.flush()?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_archive_reads_back() {
        let mut gz = Vec::new();
        let written = write_archive(&mut gz, 200_000, 7).unwrap();
        assert_eq!(written.compressed_bytes, gz.len() as u64);
        let r = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(&gz[..]));
        let mut pages = Vec::new();
        let s = crate::warc::read_warc("synth.warc.gz", r, &mut |d| pages.push(d), &mut |_| {});
        assert_eq!(s.records as u64, written.records);
        assert_eq!(s.pages as u64, written.html_pages);
        assert_eq!(s.damaged, 0);
        let a = pages.into_iter().next().unwrap().into_article();
        assert!(!a.failed(), "{:?}", a.diagnostics);
        assert!(a.text.len() > 300 && !a.text.contains("window.__cfg") && !a.text.contains("Related"), "{}", a.text);
        assert!(a.meta.title.is_some() && !a.meta.authors.is_empty() && a.meta.published.is_some(), "{:?}", a.meta);
    }
}
