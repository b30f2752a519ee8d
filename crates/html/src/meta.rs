//! Metadata: JSON-LD (schema.org `NewsArticle` and kin) first, then Open Graph and `<meta>` tags,
//! then the page itself (`<title>`, `<h1>`, `<time>`, `<html lang>`, `<link rel=canonical>`).
use crate::dom::{Dom, Kind, NodeId};
use corroborate_model::Meta;
use serde_json::Value;

/// What JSON-LD said about the article, kept apart so the body extractor can use `articleBody`.
#[derive(Debug, Default)]
pub(crate) struct JsonLd {
    pub headline: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub body: Option<String>,
}

fn is_article_type(v: &Value) -> bool {
    let t = |s: &str| {
        let s = s.rsplit('/').next().unwrap_or(s);
        s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting"
    };
    match v.get("@type") {
        Some(Value::String(s)) => t(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(t)),
        _ => false,
    }
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        Value::Object(o) => string(o.get("name")).or_else(|| string(o.get("@id"))),
        _ => None,
    }
}

fn names(v: Option<&Value>, out: &mut Vec<String>) {
    match v {
        Some(Value::String(s)) => {
            for part in s.split([',', ';']).flat_map(|p| p.split(" and ")) {
                let p = part.trim();
                if !p.is_empty() && !p.starts_with("http") && !out.iter().any(|x| x == p) {
                    out.push(p.to_string());
                }
            }
        }
        Some(Value::Array(a)) => a.iter().for_each(|x| names(Some(x), out)),
        Some(Value::Object(o)) => names(o.get("name"), out),
        _ => {}
    }
}

fn collect_articles<'v>(v: &'v Value, out: &mut Vec<&'v Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_articles(x, out, depth + 1)),
        Value::Object(o) => {
            if is_article_type(v) {
                out.push(v);
            }
            if let Some(g) = o.get("@graph") {
                collect_articles(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                collect_articles(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

pub(crate) fn json_ld(dom: &Dom) -> JsonLd {
    let mut best = JsonLd::default();
    for raw in &dom.json_ld {
        let cleaned = raw.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
        let cleaned = cleaned.trim_start_matches("//<![CDATA[").trim_end_matches("//]]>").trim();
        let Ok(v) = serde_json::from_str::<Value>(cleaned) else { continue };
        let mut arts = vec![];
        collect_articles(&v, &mut arts, 0);
        for a in arts {
            let get = |k: &str| string(a.get(k));
            best.headline = best.headline.take().or_else(|| get("headline")).or_else(|| get("name"));
            best.published = best.published.take().or_else(|| get("datePublished")).or_else(|| get("dateCreated"));
            if best.authors.is_empty() {
                names(a.get("author"), &mut best.authors);
            }
            best.publisher = best.publisher.take().or_else(|| get("publisher"));
            best.url = best.url.take().or_else(|| get("url")).or_else(|| get("mainEntityOfPage"));
            best.language = best.language.take().or_else(|| get("inLanguage"));
            if let Some(Value::String(b)) = a.get("articleBody") {
                if best.body.as_ref().is_none_or(|x| x.len() < b.len()) {
                    best.body = Some(b.clone());
                }
            }
        }
    }
    best
}

fn meta_tags(dom: &Dom) -> Vec<(String, String)> {
    let mut out = vec![];
    for n in &dom.nodes {
        let Kind::Element { tag, attrs } = &n.kind else { continue };
        match tag.as_str() {
            "meta" => {
                let key = attrs
                    .get("property")
                    .or(attrs.get("name"))
                    .or(attrs.get("http-equiv"))
                    .or(attrs.itemprop.as_deref());
                if let (Some(k), Some(v)) = (key, attrs.get("content")) {
                    let v = html_escape::decode_html_entities(v).trim().to_string();
                    if !v.is_empty() {
                        out.push((k.to_ascii_lowercase(), v));
                    }
                }
            }
            "link" if attrs.get("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(h) = attrs.get("href") {
                    out.push(("link:canonical".into(), h.trim().to_string()));
                }
            }
            _ => {}
        }
    }
    out
}

fn first_text(dom: &Dom, want: &str) -> Option<String> {
    let id = dom.nodes.iter().position(|n| matches!(&n.kind, Kind::Element { tag, .. } if tag == want))?;
    let t = crate::body::inline_text(dom, id as NodeId);
    Some(t).filter(|s| !s.is_empty())
}

pub(crate) fn extract(dom: &Dom, ld: &JsonLd, page_url: Option<&str>) -> Meta {
    let tags = meta_tags(dom);
    let tag = |keys: &[&str]| keys.iter().find_map(|k| tags.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));
    let mut meta = Meta {
        title: ld
            .headline
            .clone()
            .or_else(|| tag(&["og:title", "twitter:title", "title", "headline"]))
            .or_else(|| first_text(dom, "h1"))
            .or_else(|| dom.title.clone()),
        published: ld
            .published
            .clone()
            .or_else(|| {
                tag(&[
                    "article:published_time",
                    "datepublished",
                    "og:published_time",
                    "publish-date",
                    "pubdate",
                    "date",
                    "dc.date",
                    "dc.date.issued",
                    "dcterms.created",
                    "parsely-pub-date",
                    "sailthru.date",
                ])
            })
            .or_else(|| {
                dom.nodes.iter().find_map(|n| match &n.kind {
                    Kind::Element { tag, attrs } if tag == "time" => attrs.get("datetime").map(str::to_string),
                    _ => None,
                })
            }),
        authors: ld.authors.clone(),
        outlet: ld.publisher.clone().or_else(|| tag(&["og:site_name", "application-name", "publisher"])),
        url: tag(&["link:canonical", "og:url"]).or_else(|| ld.url.clone()).or_else(|| page_url.map(str::to_string)),
        domain: None,
        language: ld.language.clone().or_else(|| {
            dom.nodes.iter().find_map(|n| match &n.kind {
                Kind::Element { tag, attrs } if tag == "html" => attrs.get("lang").map(str::to_string),
                _ => None,
            })
        }),
        ambiguous_date: None,
    };
    if meta.authors.is_empty() {
        for (k, v) in &tags {
            if matches!(
                k.as_str(),
                "author" | "article:author" | "dc.creator" | "byl" | "parsely-author" | "sailthru.author"
            ) {
                let v = v.strip_prefix("By ").or_else(|| v.strip_prefix("by ")).unwrap_or(v);
                names(Some(&Value::String(v.to_string())), &mut meta.authors);
            }
        }
    }
    if meta.language.is_none() {
        meta.language = tag(&["og:locale", "content-language", "dc.language", "language"]);
    }
    if let Some(l) = &mut meta.language {
        *l = l.replace('_', "-");
    }
    meta.domain = meta
        .url
        .as_deref()
        .and_then(corroborate_model::domain_of)
        .or_else(|| page_url.and_then(corroborate_model::domain_of));
    meta
}
