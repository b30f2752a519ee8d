//! A small arena DOM built from `lol_html`'s streaming tokenizer.
//!
//! `lol_html` gets raw-text elements (`script`, `style`, `textarea`, `title`) and comments right, and is
//! several times faster than a full HTML5 tree builder; it does not build a tree, so we do, with the
//! few implied-end-tag rules that matter for text (`p`, `li`, `dt`/`dd`, table rows and cells,
//! `option`). Text is stored entity-decoded, whitespace left as is.
use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{ContentType, Element, EndTag, TextChunk};
use lol_html::{doc_text, element, HtmlRewriter, MemorySettings, Settings};

pub type NodeId = u32;
pub const NONE: NodeId = u32::MAX;

/// Attributes we keep (everything else is dropped on the way in).
#[derive(Debug, Default, Clone)]
pub struct Attrs {
    /// `class` and `id` joined by a space, lower-cased.
    pub class_id: String,
    pub itemprop: Option<String>,
    pub role: Option<String>,
    pub hidden: bool,
    pub other: Vec<(String, String)>,
}

impl Attrs {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.other.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
pub enum Kind {
    Element {
        tag: String,
        attrs: Box<Attrs>,
    },
    /// A byte range of [`Dom::text`].
    Text {
        start: u32,
        end: u32,
    },
}

#[derive(Debug)]
pub struct Node {
    pub kind: Kind,
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub next_sibling: NodeId,
}

/// The document: node 0 is a synthetic root.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
    pub text: String,
    /// Raw contents of `<script type="application/ld+json">` elements.
    pub json_ld: Vec<String>,
    /// `<title>` text.
    pub title: Option<String>,
}

impl Dom {
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id as usize].kind {
            Kind::Element { tag, .. } => Some(tag),
            Kind::Text { .. } => None,
        }
    }
    pub fn attrs(&self, id: NodeId) -> Option<&Attrs> {
        match &self.nodes[id as usize].kind {
            Kind::Element { attrs, .. } => Some(attrs),
            Kind::Text { .. } => None,
        }
    }
    pub fn text_of(&self, id: NodeId) -> Option<&str> {
        match self.nodes[id as usize].kind {
            Kind::Text { start, end } => Some(&self.text[start as usize..end as usize]),
            Kind::Element { .. } => None,
        }
    }
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.nodes[id as usize].first_child }
    }
}

pub struct Children<'d> {
    dom: &'d Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.nodes[id as usize].next_sibling;
        Some(id)
    }
}

pub fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "frame"
    )
}

/// Start tags that close an open `<p>`.
fn closes_p(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "details"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "ul"
    )
}

/// Elements open at once, at most: deeper ones are kept as leaves, their contents going to the
/// element at this depth. Real pages nest a few dozen deep; the tokenizer's end-tag bookkeeping
/// costs time in proportion to the open elements at each tag, so 200,000 nested `<div>`s took 17 s
/// (browsers cap their trees too: Blink lays out 512 levels).
const MAX_DEPTH: usize = 512;

struct Builder {
    dom: Dom,
    stack: Vec<NodeId>,
    /// Pending raw text of the current text node (decoded when the node ends).
    pending: String,
    /// Inside a raw-text element whose text we keep (`ld+json`, `title`).
    capture: Option<Capture>,
}

#[derive(Clone, Copy, PartialEq)]
enum Capture {
    JsonLd,
    Title,
    Skip,
}

impl Builder {
    fn top(&self) -> NodeId {
        *self.stack.last().unwrap_or(&0)
    }
    fn append(&mut self, kind: Kind) -> NodeId {
        let parent = self.top();
        let id = self.dom.nodes.len() as NodeId;
        self.dom.nodes.push(Node { kind, parent, first_child: NONE, last_child: NONE, next_sibling: NONE });
        let p = &mut self.dom.nodes[parent as usize];
        let last = p.last_child;
        p.last_child = id;
        if last == NONE {
            p.first_child = id;
        } else {
            self.dom.nodes[last as usize].next_sibling = id;
        }
        id
    }
    fn top_tag(&self, depth: usize) -> Option<&str> {
        let n = self.stack.len();
        if depth >= n {
            return None;
        }
        self.dom.tag(self.stack[n - 1 - depth])
    }
    /// Pops to and including the nearest open `tag` found before any of `stop`.
    fn close_nearest(&mut self, tags: &[&str], stop: &[&str]) {
        for depth in 0..self.stack.len().min(12) {
            let Some(t) = self.top_tag(depth) else { return };
            if tags.contains(&t) {
                self.stack.truncate(self.stack.len() - 1 - depth);
                return;
            }
            if stop.contains(&t) {
                return;
            }
        }
    }
    fn flush_text(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let raw = std::mem::take(&mut self.pending);
        match self.capture {
            Some(Capture::JsonLd) => {
                self.dom.json_ld.push(raw);
                return;
            }
            Some(Capture::Title) => {
                let t = html_escape::decode_html_entities(&raw).trim().to_string();
                if self.dom.title.is_none() && !t.is_empty() {
                    self.dom.title = Some(t);
                }
                return;
            }
            Some(Capture::Skip) => return,
            None => {}
        }
        let start = self.dom.text.len() as u32;
        self.dom.text.push_str(&html_escape::decode_html_entities(&raw));
        let end = self.dom.text.len() as u32;
        self.append(Kind::Text { start, end });
    }
    fn start(&mut self, el: &Element) -> Option<NodeId> {
        self.flush_text();
        let tag = el.tag_name();
        if closes_p(&tag) {
            self.close_nearest(&["p"], &["div", "td", "th", "li", "body", "article", "section", "blockquote"]);
        }
        match tag.as_str() {
            "li" => self.close_nearest(&["li"], &["ul", "ol", "menu"]),
            "dt" | "dd" => self.close_nearest(&["dt", "dd"], &["dl"]),
            "tr" => self.close_nearest(&["tr"], &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => self.close_nearest(&["td", "th"], &["tr", "table"]),
            "option" => self.close_nearest(&["option"], &["select", "datalist"]),
            _ => {}
        }
        let mut attrs = Attrs::default();
        for a in el.attributes() {
            let name = a.name();
            match name.as_str() {
                "class" | "id" => {
                    if !attrs.class_id.is_empty() {
                        attrs.class_id.push(' ');
                    }
                    attrs.class_id.push_str(&a.value().to_ascii_lowercase());
                }
                "itemprop" => attrs.itemprop = Some(a.value()),
                "role" => attrs.role = Some(a.value().to_ascii_lowercase()),
                "hidden" => attrs.hidden = true,
                "aria-hidden" => attrs.hidden |= a.value().eq_ignore_ascii_case("true"),
                "style" => {
                    let v = a.value().to_ascii_lowercase().replace(' ', "");
                    attrs.hidden |= v.contains("display:none") || v.contains("visibility:hidden");
                }
                "type" | "property" | "name" | "content" | "rel" | "lang" | "datetime" | "charset" | "http-equiv" => {
                    attrs.other.push((name, a.value()))
                }
                "href" if tag == "link" => attrs.other.push((name, a.value())),
                _ => {}
            }
        }
        let capture = match tag.as_str() {
            "script" => {
                let ty = attrs.get("type").unwrap_or("").to_ascii_lowercase();
                Some(if ty.contains("ld+json") { Capture::JsonLd } else { Capture::Skip })
            }
            "style" | "noscript" | "template" | "textarea" | "iframe" | "svg" | "math" => Some(Capture::Skip),
            "title" if self.capture.is_none() => Some(Capture::Title),
            _ => None,
        };
        let void = is_void(&tag) || el.is_self_closing();
        let id = self.append(Kind::Element { tag, attrs: Box::new(attrs) });
        // beyond MAX_DEPTH an element is a leaf and what it holds goes to the element above it
        if void || self.stack.len() >= MAX_DEPTH {
            return None;
        }
        self.stack.push(id);
        if capture.is_some() && self.capture.is_none() {
            self.capture = capture;
        }
        Some(id)
    }
    fn end(&mut self, id: NodeId) {
        self.flush_text();
        if let Some(pos) = self.stack.iter().rposition(|&n| n == id) {
            self.stack.truncate(pos);
            // Leaving a raw-text or skipped element ends its capture.
            if self.capture.is_some() && !self.stack.iter().any(|&n| captures(self.dom.tag(n))) {
                self.capture = None;
            }
        }
    }
}

fn captures(tag: Option<&str>) -> bool {
    matches!(tag, Some("script" | "style" | "noscript" | "template" | "textarea" | "iframe" | "svg" | "math" | "title"))
}

/// Error from the tokenizer (memory limit exceeded and the like); the partial tree is still returned.
pub fn parse(html: &str) -> (Dom, Option<String>) {
    let b = Rc::new(RefCell::new(Builder {
        dom: Dom {
            nodes: vec![Node {
                kind: Kind::Element { tag: "#root".into(), attrs: Box::default() },
                parent: NONE,
                first_child: NONE,
                last_child: NONE,
                next_sibling: NONE,
            }],
            text: String::with_capacity(html.len() / 4),
            json_ld: Vec::new(),
            title: None,
        },
        stack: Vec::with_capacity(64),
        pending: String::new(),
        capture: None,
    }));
    let b_el = b.clone();
    let b_text = b.clone();
    let error = {
        let settings = Settings {
            element_content_handlers: vec![element!("*", move |el| {
                let id = b_el.borrow_mut().start(el);
                if let (Some(id), Some(handlers)) = (id, el.end_tag_handlers()) {
                    let b_end = b_el.clone();
                    handlers.push(Box::new(move |_end: &mut EndTag<'_>| {
                        b_end.borrow_mut().end(id);
                        Ok(())
                    }));
                }
                Ok(())
            })],
            document_content_handlers: vec![doc_text!(move |t: &mut TextChunk| {
                let mut b = b_text.borrow_mut();
                b.pending.push_str(t.as_str());
                if t.last_in_text_node() {
                    b.flush_text();
                }
                Ok(())
            })],
            memory_settings: MemorySettings { max_allowed_memory_usage: 64 << 20, ..MemorySettings::default() },
            ..Settings::new()
        };
        let mut rw = HtmlRewriter::new(settings, |_: &[u8]| {});
        let r = rw.write(html.as_bytes()).and_then(|_| rw.end());
        r.err().map(|e| e.to_string())
    };
    let _ = ContentType::Text;
    let mut b = match Rc::try_unwrap(b) {
        Ok(cell) => cell.into_inner(),
        Err(_) => unreachable!("all handlers dropped with the rewriter"),
    };
    b.flush_text();
    (b.dom, error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(dom: &Dom, id: NodeId, out: &mut String) {
        for c in dom.children(id) {
            if let Some(t) = dom.text_of(c) {
                out.push_str(t);
            } else {
                let tag = dom.tag(c).unwrap();
                out.push('<');
                out.push_str(tag);
                out.push('>');
                outline(dom, c, out);
                if !is_void(tag) {
                    out.push_str("</");
                    out.push_str(tag);
                    out.push('>');
                }
            }
        }
    }

    #[test]
    fn builds_tree_with_implied_ends_and_raw_text() {
        let html = r#"<html><body><DIV class="A b"><p>one<p>two &amp; x<br>y</div><script>var a="</div><p>"; if (a<b) {}</script><!-- <p>c</p> --><ul><li>a<li>b</ul><p>end"#;
        let (dom, err) = parse(html);
        assert!(err.is_none());
        let mut s = String::new();
        outline(&dom, 0, &mut s);
        assert_eq!(
            s,
            "<html><body><div><p>one</p><p>two & x<br>y</p></div><script></script><ul><li>a</li><li>b</li></ul><p>end</p></body></html>"
        );
        let div = dom.nodes.iter().position(|n| matches!(&n.kind, Kind::Element { tag, .. } if tag == "div")).unwrap();
        assert_eq!(dom.attrs(div as NodeId).unwrap().class_id, "a b");
    }

    #[test]
    fn nesting_beyond_the_cap_is_flattened_and_costs_its_length() {
        let n = 100_000;
        let html = format!("<body>{}<p>deep words</p>{}<p>after</p></body>", "<div>".repeat(n), "</div>".repeat(n));
        let t = std::time::Instant::now();
        let (dom, err) = parse(&html);
        let took = t.elapsed();
        assert!(err.is_none());
        assert!(dom.text.contains("deep words") && dom.text.contains("after"));
        // no node lies deeper than the cap (and the document's own root and body)
        let depth = |mut id: NodeId| {
            let mut d = 0;
            while dom.nodes[id as usize].parent != NONE {
                id = dom.nodes[id as usize].parent;
                d += 1;
            }
            d
        };
        let deepest = (0..dom.nodes.len() as NodeId).map(depth).max().unwrap();
        assert!(deepest <= MAX_DEPTH + 2, "{deepest}");
        // 100,000 levels took 2 s of a release build (quadratic) before the cap
        assert!(took < std::time::Duration::from_secs(20), "{took:?}");
    }

    #[test]
    fn keeps_json_ld_and_title() {
        let (dom, _) =
            parse(r#"<head><title>A &amp; B</title><script type="application/ld+json">{"a":"<b>"}</script></head>"#);
        assert_eq!(dom.title.as_deref(), Some("A & B"));
        assert_eq!(dom.json_ld, vec![r#"{"a":"<b>"}"#.to_string()]);
    }
}
