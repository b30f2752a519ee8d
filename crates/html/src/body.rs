//! Article-body extraction: boilerplate removal and content scoring.
//!
//! 1. One walk over the tree cuts the visible text into *runs*: the text between two block
//!    boundaries, whitespace collapsed, with how much of it sits inside links.
//! 2. A run is *good* when it is sentence-sized and not mostly link text. Every element is scored
//!    `good - PENALTY * other` over the runs under it; the best-scoring element is the container.
//!    Text that is not article prose (menus, teasers, footers) costs the container that swallows it,
//!    so the winner is the smallest element holding most of the prose.
//! 3. The runs inside the container are kept, except those under boilerplate (by tag, by class or id
//!    words such as `share` or `related`, unless that subtree holds most of the prose), link lists,
//!    and the headline.
use crate::dom::{Dom, Kind, NodeId, NONE};

const GOOD_CHARS: u32 = 40;
const LINK_PENALTY: f32 = 1.0;
const OTHER_PENALTY: f32 = 0.2;
const BODY_BONUS: f32 = 0.25;

/// A stretch of text between block boundaries.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    /// The innermost block element holding the run.
    pub owner: NodeId,
    pub text: String,
    /// Non-whitespace characters.
    pub chars: u32,
    pub link_chars: u32,
}

impl Run {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
            | "caption"
            | "figure"
            | "figcaption"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "form"
            | "fieldset"
            | "address"
            | "details"
            | "summary"
            | "hr"
            | "br"
            | "center"
            | "body"
            | "html"
            | "#root"
    )
}

/// Elements whose contents are never article text.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "textarea"
            | "iframe"
            | "svg"
            | "math"
            | "head"
            | "title"
            | "select"
            | "option"
            | "button"
            | "input"
            | "label"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "map"
            | "nav"
            | "dialog"
    )
}

/// Tags that are boilerplate inside an article container.
fn is_junk_tag(tag: &str) -> bool {
    matches!(tag, "aside" | "footer" | "figure" | "figcaption" | "form" | "header" | "fieldset" | "menu" | "h1")
}

const JUNK_WORDS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "promo",
    "advert",
    "sponsor",
    "newsletter",
    "subscribe",
    "sidebar",
    "footer",
    "breadcrumb",
    "menu",
    "popup",
    "modal",
    "cookie",
    "outbrain",
    "taboola",
    "recommend",
    "popular",
    "trending",
    "signup",
    "byline",
    "caption",
    "credit",
    "toolbar",
    "widget",
    "banner",
    "masthead",
    "timestamp",
    "sr-only",
    "visually-hidden",
    "screen-reader",
    "hidden",
    "author",
    "dateline",
    "published",
    "tags",
    "read-more",
    "readmore",
    "more-stories",
    "newsletter",
    "paywall",
    "nav",
    "bio",
    "disqus",
    "ad-",
    "-ad",
    "ads",
];

const BODY_WORDS: &[&str] =
    &["articlebody", "article-body", "article__body", "story-body", "entry-content", "post-content", "article-content"];

const OUTSIDE_WORDS: &[&str] = &[
    "footer",
    "comment",
    "related",
    "cookie",
    "newsletter",
    "breadcrumb",
    "more-news",
    "more-stories",
    "excerpt",
    "teaser",
    "recirc",
    "read-more",
    "most-read",
    "most-popular",
];

#[derive(Clone, Copy, Default)]
struct ClassFlags {
    /// Marked as the article body (`article-body`, `entry-content`, ...).
    body: bool,
    /// Boilerplate inside an article (share tools, bylines, ads).
    junk: bool,
    /// A region whose prose is not the article's (footer, comments, teasers).
    outside: bool,
}

fn class_matcher() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        let all: Vec<&str> = BODY_WORDS.iter().chain(JUNK_WORDS).chain(OUTSIDE_WORDS).copied().collect();
        aho_corasick::AhoCorasick::new(all).expect("valid patterns")
    })
}

/// Classifies an element by the words of its `class` and `id` (lower-cased, space-joined). Words of
/// four letters or fewer only count as a whole dash- or underscore-separated part (`ad`, `nav`).
fn class_flags(class_id: &str) -> ClassFlags {
    let mut f = ClassFlags::default();
    if class_id.is_empty() {
        return f;
    }
    let bytes = class_id.as_bytes();
    let sep = |i: Option<usize>| i.is_none_or(|i| matches!(bytes.get(i), None | Some(b' ' | b'-' | b'_')));
    for m in class_matcher().find_overlapping_iter(class_id) {
        let idx = m.pattern().as_usize();
        let (pat, kind) = if idx < BODY_WORDS.len() {
            (BODY_WORDS[idx], 0)
        } else if idx < BODY_WORDS.len() + JUNK_WORDS.len() {
            (JUNK_WORDS[idx - BODY_WORDS.len()], 1)
        } else {
            (OUTSIDE_WORDS[idx - BODY_WORDS.len() - JUNK_WORDS.len()], 2)
        };
        let bare = pat.trim_matches('-');
        if bare.len() <= 4 {
            let (start, end) = (
                m.start() + (pat.len() - pat.trim_start_matches('-').len()),
                m.end() - (pat.len() - pat.trim_end_matches('-').len()),
            );
            if !(sep(start.checked_sub(1)) && sep(Some(end))) {
                continue;
            }
        }
        match kind {
            0 => f.body = true,
            1 => f.junk = true,
            _ => f.outside = true,
        }
    }
    if f.body {
        f.junk = false;
        f.outside = false;
    }
    f
}

/// Whether an element's class or id marks it as boilerplate.
#[cfg(test)]
fn junk_class(class_id: &str) -> bool {
    class_flags(class_id).junk
}

struct Buf {
    text: String,
    chars: u32,
    link_chars: u32,
    space: bool,
}

impl Buf {
    fn push(&mut self, s: &str, in_link: bool) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.text.is_empty() {
                    self.text.push(' ');
                }
                self.space = false;
                self.text.push(c);
                self.chars += 1;
                if in_link {
                    self.link_chars += 1;
                }
            }
        }
    }
    fn take(&mut self, owner: NodeId) -> Option<Run> {
        self.space = false;
        if self.chars == 0 {
            self.text.clear();
            return None;
        }
        let run = Run { owner, text: std::mem::take(&mut self.text), chars: self.chars, link_chars: self.link_chars };
        self.chars = 0;
        self.link_chars = 0;
        Some(run)
    }
}

fn hidden(dom: &Dom, id: NodeId) -> bool {
    dom.attrs(id).is_some_and(|a| a.hidden)
}

/// Cuts the visible text under `root` into runs, in document order.
pub(crate) fn runs(dom: &Dom, root: NodeId) -> Vec<Run> {
    let mut out = Vec::new();
    let mut buf = Buf { text: String::new(), chars: 0, link_chars: 0, space: false };
    let mut blocks: Vec<NodeId> = vec![root];
    let mut links = 0u32;
    // (node, exiting)
    let mut stack: Vec<(NodeId, bool)> = vec![(root, false)];
    let mut first = true;
    while let Some((id, exiting)) = stack.pop() {
        let node = &dom.nodes[id as usize];
        match &node.kind {
            Kind::Text { .. } => buf.push(dom.text_of(id).unwrap_or(""), links > 0),
            Kind::Element { tag, .. } => {
                let block = is_block(tag);
                if exiting {
                    if block {
                        if let Some(r) = buf.take(id) {
                            out.push(r);
                        }
                        blocks.pop();
                    }
                    if tag == "a" {
                        links = links.saturating_sub(1);
                    }
                    continue;
                }
                if !first && (is_skipped(tag) || hidden(dom, id)) {
                    continue;
                }
                first = false;
                if block {
                    if let Some(r) = buf.take(*blocks.last().unwrap_or(&root)) {
                        out.push(r);
                    }
                    blocks.push(id);
                }
                if tag == "a" {
                    links += 1;
                }
                stack.push((id, true));
                let start = stack.len();
                stack.extend(dom.children(id).map(|c| (c, false)));
                stack[start..].reverse();
            }
        }
    }
    if let Some(r) = buf.take(root) {
        out.push(r);
    }
    out
}

/// A short run that is page furniture rather than prose: a bare URL, or a time stamp line
/// ("Updated 11:21 pm, Tuesday", "Published: November 19, 2019", "05/10/2018 - Publicado por ...").
fn is_page_furniture(text: &str) -> bool {
    if text.len() > 160 {
        return false;
    }
    if (text.starts_with("http://") || text.starts_with("https://")) && !text.contains(' ') {
        return true;
    }
    let lower = text.to_lowercase();
    let stamp = ["updated", "published", "posted", "last updated", "publicado", "publié", "veröffentlicht"];
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    // Time stamps are not sentences: no closing full stop, few words.
    let sentence = text.trim_end().ends_with('.') || text.split_whitespace().count() > 16;
    has_digit
        && !sentence
        && (stamp.iter().any(|w| lower.starts_with(w))
            || text.bytes().take(10).filter(|b| b.is_ascii_digit()).count() >= 6
                && stamp.iter().any(|w| lower.contains(w)))
}

/// The visible text under `id` on one line, whitespace collapsed.
pub(crate) fn inline_text(dom: &Dom, id: NodeId) -> String {
    runs(dom, id).into_iter().map(|r| r.text).collect::<Vec<_>>().join(" ")
}

/// `end[n]`: one past the last node of `n`'s subtree (nodes are in pre-order).
fn subtree_ends(dom: &Dom) -> Vec<NodeId> {
    let n = dom.nodes.len();
    let mut end: Vec<NodeId> = (1..=n as NodeId).collect();
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent;
        if p != NONE && end[p as usize] < end[i] {
            end[p as usize] = end[i];
        }
    }
    end
}

/// The chosen container and the article paragraphs.
pub(crate) struct Body {
    pub container: NodeId,
    pub paragraphs: Vec<String>,
}

pub(crate) fn extract(dom: &Dom) -> Body {
    let all = runs(dom, 0);
    let n = dom.nodes.len();
    let mut good = vec![0f32; n];
    let mut bad = vec![0f32; n];
    let flags: Vec<ClassFlags> =
        (0..n as NodeId).map(|i| dom.attrs(i).map(|a| class_flags(&a.class_id)).unwrap_or_default()).collect();
    let mut outside: Vec<bool> = (0..n)
        .map(|i| match dom.tag(i as NodeId) {
            Some("aside" | "footer") => true,
            Some("html" | "body" | "main" | "article") | None => false,
            Some(_) => flags[i].outside,
        })
        .collect();
    // An article inside an article is a teaser for another story.
    let mut in_article = vec![false; n];
    for i in 1..n {
        let p = dom.nodes[i].parent as usize;
        let is_article = dom.tag(i as NodeId) == Some("article");
        outside[i] |= is_article && in_article[p];
        in_article[i] = in_article[p] || is_article;
    }
    for r in &all {
        // Prose counts for the elements holding it, in proportion to how sentence-like the run is;
        // link text is what menus and teasers are made of and costs them; other short text
        // (datelines, table cells) costs little.
        let non_link = (r.chars - r.link_chars) as f32;
        let f = (r.chars as f32 / GOOD_CHARS as f32).min(1.0);
        let link_cost = if r.link_density() > 0.5 { LINK_PENALTY } else { OTHER_PENALTY };
        let mut g = if r.link_density() > 0.5 { 0.0 } else { non_link * f };
        let mut b = link_cost * r.link_chars as f32 + OTHER_PENALTY * non_link * (1.0 - f);
        let mut a = r.owner;
        while a != NONE {
            // Prose in a sidebar, footer or comment section is not the article's: it costs them and
            // the elements above.
            if g > 0.0 && outside[a as usize] {
                b += LINK_PENALTY * g;
                g = 0.0;
            }
            good[a as usize] += g;
            bad[a as usize] += b;
            a = dom.nodes[a as usize].parent;
        }
    }
    // Candidates inside a sidebar, footer or comment section are not eligible.
    let mut eligible = vec![true; n];
    for i in 1..n {
        let p = dom.nodes[i].parent as usize;
        eligible[i] = eligible[p] && !outside[i];
    }
    let mut container = 0;
    let mut best = f32::MIN;
    for i in 0..n {
        if !eligible[i] {
            continue;
        }
        let mut s = good[i] - bad[i];
        if let Some(attrs) = dom.attrs(i as NodeId) {
            if attrs.itemprop.as_deref().is_some_and(|p| p.eq_ignore_ascii_case("articlebody")) || flags[i].body {
                s += BODY_BONUS * good[i];
            }
        }
        if s > best {
            best = s;
            container = i as NodeId;
        }
    }
    let end = subtree_ends(dom);
    let c_end = end[container as usize];
    // Boilerplate subtrees inside the container, as pre-order intervals.
    let mut junk = vec![false; n];
    let mut i = container as usize + 1;
    while i < c_end as usize {
        let is_junk = match &dom.nodes[i].kind {
            Kind::Element { tag, .. } => {
                (is_junk_tag(tag) || flags[i].junk) && good[i] < 0.5 * good[container as usize]
            }
            Kind::Text { .. } => false,
        };
        if is_junk {
            let e = end[i] as usize;
            junk[i..e].iter_mut().for_each(|j| *j = true);
            i = e;
        } else {
            i += 1;
        }
    }
    let paragraphs = all
        .into_iter()
        .filter(|r| r.owner >= container && r.owner < c_end && !junk[r.owner as usize])
        .filter(|r| r.link_density() <= 0.5 && !is_page_furniture(&r.text))
        .map(|r| r.text)
        .collect();
    Body { container, paragraphs }
}

pub(crate) fn explain(dom: &Dom) -> String {
    use std::fmt::Write;
    let b = extract(dom);
    let mut s = String::new();
    let _ = writeln!(s, "{}", b.paragraphs.join("\n\n"));
    let path = |mut id: NodeId| {
        let mut p = vec![];
        while id != NONE {
            if let Kind::Element { tag, attrs } = &dom.nodes[id as usize].kind {
                p.push(format!("{tag}.{}", attrs.class_id.replace(' ', ".")));
            }
            id = dom.nodes[id as usize].parent;
        }
        p.reverse();
        p.join(" > ")
    };
    let _ = writeln!(s, "container {} {}", b.container, path(b.container));
    for r in runs(dom, 0) {
        let _ = writeln!(
            s,
            "[{} {}/{} {}] {}",
            r.owner,
            r.chars,
            r.link_chars,
            path(r.owner),
            r.text.chars().take(100).collect::<String>()
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture() {
        assert!(is_page_furniture("https://example.com/news/a-story-14848175.php"));
        assert!(is_page_furniture("Updated 11:21 pm CST, Tuesday, November 19, 2019"));
        assert!(is_page_furniture("PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019"));
        assert!(is_page_furniture("05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde"));
        assert!(!is_page_furniture("Published reports in 2019 said the plan had failed."));
        assert!(!is_page_furniture("The council updated its rules in 2019."));
    }

    #[test]
    fn junk_words() {
        assert!(junk_class("share-buttons"));
        assert!(junk_class("top-ad wrapper"));
        assert!(!junk_class("header-adjust"));
        assert!(!junk_class("article-body share"));
        assert!(!junk_class("main"));
    }
}
