//! RSS (0.9x, 1.0, 2.0) and Atom feeds: each item becomes an article, with the item's title, link
//! (as `url`), date (`pubDate`/`published`, else `updated`), authors, and the feed's title as the
//! outlet. The text is the item's full content where the feed carries it, else its description;
//! HTML in either is turned into plain text with paragraph breaks. With
//! [`ReadOptions::fetch_links`](crate::ReadOptions) the linked page is fetched instead and extracted,
//! the item's own fields winning over the page's.
//!
//! Parsing is `feed-rs` (over `quick-xml`), which copes with the date formats and namespaces feeds
//! use in practice.
//!
//! **Item ids are deterministic**, so that polling a feed with `ingest` stores each item once: an
//! item's id is its link, else its `<guid>`/`<id>`, else [`item_id`]: the feed's own identity (its
//! Atom `<id>`, else its channel link, else the path or URL it was read from) and a hash of the
//! item's title and text, `FEED#item-<16 hex>`. The same item read again has the same id wherever
//! it stands in the feed; a diagnostic on an item also names its position (`item 3 of f.rss`).
//! (feed-rs gives an item without link or id a random UUID, which made every read a new article:
//! its id generator is replaced by one that leaves such ids empty.)
use crate::{failed, http, Doc, Note, ReadOptions};
use corroborate_model::{Article, Diagnostic, Meta};
use sha2::{Digest, Sha256};

/// Most items taken from one feed; the rest are counted in a note.
pub const MAX_ITEMS: usize = 10_000;

/// Whether bytes look like a feed (an `<rss`, `<rdf:RDF` or `<feed` element near the start).
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    head.contains("<rss") || head.contains("<rdf:rdf") || head.contains("<feed")
}

/// Reads a feed document, giving `sink` one [`Doc`] per item, in feed order.
pub fn read_feed(
    source: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Doc),
    note: &mut dyn FnMut(Note),
) {
    // no generated ids: feed-rs would give an item without link or id a random UUID
    let parser = feed_rs::parser::Builder::new().id_generator(|_, _, _| String::new()).build();
    let feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(e) => return sink(Doc::Article(failed(source, format!("not a readable RSS or Atom feed: {e}")))),
    };
    let outlet = feed.title.as_ref().map(|t| plain(&t.content)).filter(|t| !t.is_empty());
    // what an item without link or id is named under: the feed's own id, else its link, else where
    // it was read from
    let feed_name = Some(feed.id.trim())
        .filter(|i| !i.is_empty())
        .or_else(|| feed.links.first().map(|l| l.href.trim()).filter(|h| !h.is_empty()))
        .unwrap_or(source)
        .to_string();
    let language = feed.language.clone();
    let total = feed.entries.len();
    if total == 0 {
        return sink(Doc::Article(failed(source, "feed has no items".into())));
    }
    for (i, entry) in feed.entries.into_iter().take(MAX_ITEMS).enumerate() {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|h| !h.is_empty());
        let meta = Meta {
            title: entry.title.as_ref().map(|t| plain(&t.content)).filter(|t| !t.is_empty()),
            published: entry.published.or(entry.updated).map(|d| d.format("%Y-%m-%d").to_string()),
            authors: entry
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(|n| n.trim().to_string()))
                .filter(|n| !n.is_empty())
                .collect(),
            outlet: outlet.clone(),
            domain: link.as_deref().and_then(crate::jsonl::domain_of),
            url: link.clone(),
            language: language.clone(),
            ambiguous_date: None,
        };
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_ref().map(|b| (b.as_str(), c.content_type.essence().to_string())))
            .filter(|(b, _)| !b.trim().is_empty())
            .or_else(|| {
                entry
                    .summary
                    .as_ref()
                    .map(|s| (s.content.as_str(), s.content_type.essence().to_string()))
                    .filter(|(b, _)| !b.trim().is_empty())
            });
        let text =
            body.map(|(b, ty)| if ty.contains("plain") && !b.contains('<') { b.trim().to_string() } else { plain(b) });
        let id = link.clone().unwrap_or_else(|| {
            if entry.id.trim().is_empty() {
                item_id(&feed_name, meta.title.as_deref(), text.as_deref())
            } else {
                entry.id.trim().to_string()
            }
        });
        let position = format!("item {} of {source}", i + 1);
        let mut fetch_failed = None;
        if opts.fetch_links {
            match &link {
                Some(url) if http::is_url(url) => match http::fetch(url, &opts.http) {
                    Ok(page) => {
                        sink(Doc::Html {
                            id,
                            bytes: page.body,
                            url: Some(page.final_url),
                            content_type: page.content_type,
                            meta,
                        });
                        continue;
                    }
                    Err(e) => {
                        fetch_failed =
                            Some(format!("{position}: linked page not fetched ({e}); the feed's text is used"))
                    }
                },
                Some(url) => {
                    fetch_failed =
                        Some(format!("{position}: link {url:?} is not an http(s) URL; the feed's text is used"))
                }
                None => fetch_failed = Some(format!("{position} has no link to fetch; the feed's text is used")),
            }
        }
        let mut article = match text {
            Some(t) if !t.trim().is_empty() => {
                let mut a = Article::new(id, t);
                a.meta = meta;
                a
            }
            _ => {
                let mut a = failed(&id, format!("{position}: feed item has no text (no description or content)"));
                a.meta = meta;
                a
            }
        };
        if let Some(w) = fetch_failed {
            article.diagnostics.push(Diagnostic::warning(w));
        }
        sink(Doc::Article(article));
    }
    if total > MAX_ITEMS {
        note(Note {
            input: source.to_string(),
            diagnostic: Diagnostic::warning(format!("{} items after the first {MAX_ITEMS} skipped", total - MAX_ITEMS)),
        });
    }
}

/// The id of a feed item that has neither link nor id: `FEED#item-` and the first 16 hex digits of
/// the SHA-256 of its title and text, so that it depends on the item's content, not on where it
/// stands in the feed, and the same item read again has the same id.
pub fn item_id(feed: &str, title: Option<&str>, text: Option<&str>) -> String {
    let mut h = Sha256::new();
    h.update(title.unwrap_or("").as_bytes());
    h.update([0u8]);
    h.update(text.unwrap_or("").as_bytes());
    let hex: String = h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{feed}#item-{hex}")
}

/// Plain text from an HTML fragment: tags dropped, block elements as paragraph breaks (`<br>` as a
/// line break), script and style content dropped, entities decoded, runs of spaces collapsed.
pub fn plain(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len());
    let mut rest = fragment;
    let mut skip_until: Option<&'static str> = None;
    while !rest.is_empty() {
        if let Some(end) = skip_until.take() {
            // script or style content: up to its closing tag, whatever it holds
            let closing = rest.match_indices("</").map(|(i, _)| i).find(|&i| {
                rest.as_bytes().get(i + 2..i + 2 + end.len()).is_some_and(|t| t.eq_ignore_ascii_case(end.as_bytes()))
            });
            match closing {
                Some(i) => {
                    rest = &rest[i..];
                    rest = rest.find('>').map_or("", |gt| &rest[gt + 1..]);
                    continue;
                }
                None => break,
            }
        }
        let Some(lt) = rest.find('<') else {
            push_text(&mut out, rest);
            break;
        };
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else {
            // a lone '<' is text
            push_text(&mut out, rest);
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "script" if !closing => skip_until = Some("script"),
            "style" if !closing => skip_until = Some("style"),
            "br" => line_break(&mut out, "\n"),
            "p" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "tr"
            | "table" | "section" | "article" | "figure" | "figcaption" | "pre" | "hr" => line_break(&mut out, "\n\n"),
            _ => {}
        }
    }
    let trimmed = out.trim();
    trimmed.to_string()
}

fn line_break(out: &mut String, brk: &str) {
    while out.ends_with(' ') {
        out.pop();
    }
    if out.is_empty() || out.ends_with("\n\n") || (brk == "\n" && out.ends_with('\n')) {
        return;
    }
    if out.ends_with('\n') {
        out.push('\n');
    } else {
        out.push_str(brk);
    }
}

fn push_text(out: &mut String, raw: &str) {
    let decoded = html_escape::decode_html_entities(raw);
    for c in decoded.chars() {
        if c.is_whitespace() {
            if !(out.is_empty() || out.ends_with(' ') || out.ends_with('\n')) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Valley Courier</title><link>https://courier.example/</link><language>en</language>
<item><title>Dam holds after storm</title><link>https://courier.example/dam</link>
<pubDate>Tue, 03 Mar 2026 08:15:00 +0000</pubDate><dc:creator>Jane Roe</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The water board said the dam <b>held</b> through the storm.</p><p>Engineers &amp; inspectors will visit on Friday.</p>]]></content:encoded></item>
<item><title>Bridge reopens</title><link>https://courier.example/bridge</link>
<description>&lt;p&gt;The bridge reopened on Monday, the council said.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://courier.example/empty</link></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title><id>urn:hp</id><updated>2026-03-04T00:00:00Z</updated>
<entry><title type="text">Ferry strike ends</title><id>urn:hp:1</id><link rel="alternate" href="https://harbour.example/ferry"/>
<updated>2026-03-04T09:00:00Z</updated><author><name>Ola Nordmann</name></author>
<content type="html">&lt;p&gt;The union said the strike was over.&lt;/p&gt;&lt;p&gt;Boats sail again on Thursday.&lt;/p&gt;</content></entry>
</feed>"#;

    fn read(bytes: &[u8]) -> Vec<Article> {
        let mut out = Vec::new();
        read_feed("f.rss", bytes, &ReadOptions::default(), &mut |d| out.push(d.into_article()), &mut |_| {});
        out
    }

    #[test]
    fn rss_items_become_articles() {
        let a = read(RSS.as_bytes());
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].id, "https://courier.example/dam");
        assert_eq!(a[0].meta.title.as_deref(), Some("Dam holds after storm"));
        assert_eq!(a[0].meta.outlet.as_deref(), Some("The Valley Courier"));
        assert_eq!(a[0].meta.published.as_deref(), Some("2026-03-03"));
        assert_eq!(a[0].meta.authors, vec!["Jane Roe".to_string()]);
        assert_eq!(a[0].meta.domain.as_deref(), Some("courier.example"));
        assert_eq!(a[0].meta.language.as_deref(), Some("en"));
        assert_eq!(
            a[0].text,
            "The water board said the dam held through the storm.\n\nEngineers & inspectors will visit on Friday."
        );
        assert_eq!(a[1].text, "The bridge reopened on Monday, the council said.");
        assert!(a[2].failed());
    }

    #[test]
    fn atom_entries_become_articles() {
        let a = read(ATOM.as_bytes());
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].id, "https://harbour.example/ferry");
        assert_eq!(a[0].meta.published.as_deref(), Some("2026-03-04"));
        assert_eq!(a[0].meta.authors, vec!["Ola Nordmann".to_string()]);
        assert_eq!(a[0].meta.outlet.as_deref(), Some("Harbour Post"));
        assert_eq!(a[0].text, "The union said the strike was over.\n\nBoats sail again on Thursday.");
    }

    /// The audit's feed: an item with a link, one with text but neither link nor guid, one with a
    /// title only. Read twice, and with its items in another order, every id is the same; the
    /// title-only item's error names the feed and the item's position.
    #[test]
    fn items_without_link_or_guid_have_ids_from_their_content() {
        let items = [
            "<item><title>T2</title><description>The mayor said the dam is safe.</description><link>https://x.example/a</link></item>",
            "<item><description>No title but text, he said.</description></item>",
            "<item><title>Only title</title></item>",
            "<item><guid isPermaLink=\"false\">tag:x.example,2026:7</guid><description>Guid only, she said.</description></item>",
        ];
        let feed = |order: &[usize]| {
            let body: String = order.iter().map(|&i| items[i]).collect();
            format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>{body}</channel></rss>")
        };
        let ids = |a: &[Article]| a.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        let first = read(feed(&[0, 1, 2, 3]).as_bytes());
        assert_eq!(ids(&first), ids(&read(feed(&[0, 1, 2, 3]).as_bytes())));
        assert_eq!(first[0].id, "https://x.example/a");
        assert!(
            first[1].id.starts_with("f.rss#item-") && first[1].id.len() == "f.rss#item-".len() + 16,
            "{}",
            first[1].id
        );
        assert_eq!(first[1].text, "No title but text, he said.");
        assert!(first[2].failed());
        assert_eq!(
            first[2].diagnostics[0].message,
            "item 3 of f.rss: feed item has no text (no description or content)"
        );
        assert_eq!(first[3].id, "tag:x.example,2026:7");
        // another order: the same ids for the same items
        let moved = read(feed(&[2, 3, 1, 0]).as_bytes());
        assert_eq!(
            ids(&moved),
            vec![first[2].id.clone(), first[3].id.clone(), first[1].id.clone(), first[0].id.clone()]
        );
        assert_ne!(first[1].id, first[2].id);
        // a feed with its own id names such items under it, wherever it was read from
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>H</title><id>urn:hp</id>
<entry><title>No id</title><content type="text">The union said the strike was over.</content></entry></feed>"#;
        let a = read(atom.as_bytes());
        assert!(a[0].id.starts_with("urn:hp#item-"), "{}", a[0].id);
        assert_eq!(a[0].id, read(atom.as_bytes())[0].id);
    }

    #[test]
    fn broken_feeds_are_diagnosed() {
        for bad in [&b"<rss><channel><item><title>x"[..], b"", b"\xff\xfe<rss", b"<feed></feed>"] {
            let a = read(bad);
            assert_eq!(a.len(), 1);
            assert!(a[0].failed(), "{:?}", a[0]);
        }
    }

    #[test]
    fn fragments_to_text() {
        assert_eq!(plain("a<br>b<p>c</p><script>x<y</script>d &lt;e&gt;"), "a\nb\n\nc\n\nd <e>");
        assert_eq!(plain("1 < 2 and"), "1 < 2 and");
    }
}
