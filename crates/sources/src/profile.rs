//! An outlet's profile: who it is, how rating services rate it, whether it is state media.

use crate::affiliations::Affiliations;
use crate::domain::host_of;
use crate::outlets::{Identified, Outlets, Via};
use crate::ratings::{Rating, RatingSource, Ratings, CITATION};
use crate::state_media::{StateMedia, StateMediaList};
use corroborate_model::{Article, Diagnostic, MetaKind};
use serde::Serialize;

/// What a document tells about its outlet. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutletHints {
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    pub url: Option<String>,
    pub domain: Option<String>,
    /// `og:site_name`.
    pub site_name: Option<String>,
    /// JSON-LD `publisher.name`.
    pub publisher: Option<String>,
    /// An outlet name from elsewhere (a JSONL record's `outlet`).
    pub outlet: Option<String>,
    pub byline: Option<String>,
}

impl OutletHints {
    /// Hints holding only a URL or domain.
    pub fn url(url: &str) -> OutletHints {
        OutletHints { url: Some(url.to_string()), ..Default::default() }
    }

    /// What a user typed: a URL or domain if it looks like one, else an outlet name ("RT").
    pub fn query(q: &str) -> OutletHints {
        let q = q.trim();
        if !q.contains(' ') && host_of(q).is_some() {
            OutletHints::url(q)
        } else {
            OutletHints { outlet: Some(q.to_string()), ..Default::default() }
        }
    }

    /// The outlet name the input itself gives (`og:site_name`, publisher, an `Outlet:` line), if any.
    pub fn declared_name(&self) -> Option<String> {
        [&self.site_name, &self.publisher, &self.outlet]
            .into_iter()
            .flatten()
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|n| !n.is_empty())
    }

    /// The hints an ingested article carries: its URL, domain, outlet name and byline line.
    pub fn from_article(article: &Article) -> OutletHints {
        let byline = article
            .meta_spans
            .iter()
            .find(|m| m.kind == MetaKind::Byline)
            .map(|m| m.span.slice(&article.text).to_string())
            .or_else(|| (!article.meta.authors.is_empty()).then(|| article.meta.authors.join(", ")));
        OutletHints {
            url: article.meta.url.clone(),
            domain: article.meta.domain.clone(),
            outlet: article.meta.outlet.clone(),
            byline,
            ..Default::default()
        }
    }
}

/// An outlet's profile. `rating: null` means no rating is known: we never guess one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletProfile {
    /// The outlet's registrable domain, if identified.
    pub domain: Option<String>,
    pub name: Option<String>,
    /// How it was identified.
    pub identified: Option<Identified>,
    pub rating: Option<Rating>,
    /// `low`, `mixed`, `fair`, `high` or `unknown`.
    pub reliability: String,
    /// What `reliability` means.
    pub reliability_meaning: String,
    /// The source of the rating, when it is the shipped table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating_citation: Option<&'static str>,
    /// Set when the outlet is on our state-media list.
    pub state_media: Option<StateMedia>,
}

/// Everything this crate knows: outlets, ratings, state media, speaker affiliations.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub outlets: Outlets,
    pub ratings: Ratings,
    pub state_media: StateMediaList,
    pub affiliations: Affiliations,
}

impl Knowledge {
    /// The shipped tables, no user overrides.
    pub fn builtin() -> Knowledge {
        Knowledge {
            outlets: Outlets::builtin(),
            ratings: Ratings::builtin(),
            state_media: StateMediaList::builtin(),
            affiliations: Affiliations::builtin(),
        }
    }

    /// Adds user ratings (the text of a ratings file; `origin` names it in diagnostics).
    pub fn with_user_ratings(mut self, text: &str, origin: &str) -> (Knowledge, Vec<Diagnostic>) {
        let diags = self.ratings.add_overrides(text, origin);
        (self, diags)
    }

    /// Identifies the outlet from the hints, most direct first.
    pub fn identify(&self, h: &OutletHints) -> Option<Identified> {
        let o = &self.outlets;
        let host = |s: &Option<String>, via| s.as_deref().and_then(|s| o.identify_host(s, via));
        let name = |s: &Option<String>, via| s.as_deref().and_then(|s| o.identify_name(s, via));
        host(&h.canonical, Via::Canonical)
            .or_else(|| host(&h.url, Via::Url))
            .or_else(|| host(&h.domain, Via::Domain))
            .or_else(|| name(&h.site_name, Via::SiteName))
            .or_else(|| name(&h.publisher, Via::Publisher))
            .or_else(|| name(&h.outlet, Via::OutletName))
            .or_else(|| h.byline.as_deref().and_then(|b| o.identify_byline(b)))
    }

    /// The profile of the outlet the hints point at.
    pub fn profile(&self, h: &OutletHints) -> OutletProfile {
        let identified = self.identify(h);
        let rating = identified.as_ref().and_then(|id| {
            // The host actually seen may have a rating of its own (a regional edition, a mirror);
            // otherwise the outlet's.
            let seen = matches!(id.via, Via::Canonical | Via::Url | Via::Domain).then_some(id.evidence.as_str());
            seen.and_then(|s| self.ratings.lookup(s)).or_else(|| self.ratings.lookup(&id.domain))
        });
        let state_media = identified.as_ref().and_then(|id| self.state_media.get(&id.domain).cloned());
        let (reliability, meaning) = match &rating {
            Some(r) => (
                r.band.as_str().to_string(),
                format!(
                    "{}; pc1 {:.2}, higher than {:.1}% of the other {} rated news domains",
                    r.band.meaning(),
                    r.pc1,
                    r.percentile,
                    self.ratings.others(&r.matched)
                ),
            ),
            None => ("unknown".to_string(), "no rating is known for this outlet; none is guessed".to_string()),
        };
        OutletProfile {
            domain: identified.as_ref().map(|i| i.domain.clone()),
            // the table's name, else the name the input gives (an outlet not in our table is still
            // named: "Portavel Courier", unrated, is not an outlet unknown)
            name: identified.as_ref().and_then(|i| i.name.clone()).or_else(|| h.declared_name()),
            rating_citation: rating.as_ref().filter(|r| r.source == RatingSource::Lin2023).map(|_| CITATION),
            identified,
            rating,
            reliability,
            reliability_meaning: meaning,
            state_media,
        }
    }
}

impl OutletProfile {
    /// A few lines of plain text for terminals.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        match (&self.name, &self.domain) {
            (Some(n), Some(d)) => s.push_str(&format!("{n} ({d})\n")),
            (None, Some(d)) => s.push_str(&format!("{d}\n")),
            _ => s.push_str("outlet not identified\n"),
        }
        if let Some(id) = &self.identified {
            let seen = id.seen_domain.as_deref().map(|d| format!(", seen as {d}")).unwrap_or_default();
            s.push_str(&format!("  identified from {} `{}`{seen}\n", id.via.words(), id.evidence));
        }
        match &self.rating {
            Some(r) => {
                let from = match &r.source {
                    RatingSource::Lin2023 => "Lin et al. 2023".to_string(),
                    RatingSource::User { origin } => format!("user ratings {origin}"),
                };
                s.push_str(&format!("  reliability: {} (pc1 {:.4}, {}; matched {})\n", r.band, r.pc1, from, r.matched));
                s.push_str(&format!("    {}\n", self.reliability_meaning));
            }
            None => s.push_str("  reliability: unknown (no rating known; none guessed)\n"),
        }
        match &self.state_media {
            Some(m) => {
                s.push_str(&format!("  state media: yes, {} ({})\n", m.country, m.controller));
                for b in &m.bases {
                    s.push_str(&format!("    basis {}: {}\n", b.key, b.citation));
                }
                if !m.note.is_empty() {
                    s.push_str(&format!("    note: {}\n", m.note));
                }
            }
            None => s.push_str("  state media: not on our list\n"),
        }
        if let Some(c) = self.rating_citation {
            s.push_str(&format!("  ratings source: {c}\n"));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles() {
        let kb = Knowledge::builtin();
        let rt = kb.profile(&OutletHints::query("RT"));
        assert_eq!(rt.domain.as_deref(), Some("rt.com"));
        assert_eq!(rt.reliability, "low");
        assert!(rt.state_media.is_some());
        assert!(rt.to_text().contains("EU"));

        let mirror = kb.profile(&OutletHints::url("https://sputnikglobe.com/20220405/x.html"));
        assert_eq!(mirror.domain.as_deref(), Some("sputniknews.com"));
        assert_eq!(mirror.rating.as_ref().unwrap().matched, "sputniknews.com");
        assert!(mirror.state_media.is_some());

        let unknown = kb.profile(&OutletHints::query("https://blog.unrated-example.org/post"));
        assert_eq!(unknown.domain.as_deref(), Some("unrated-example.org"));
        assert_eq!(unknown.reliability, "unknown");
        assert!(unknown.rating.is_none() && unknown.state_media.is_none());

        let nothing = kb.profile(&OutletHints::query("Some Blog Nobody Knows"));
        assert!(nothing.domain.is_none());
        assert_eq!(nothing.reliability, "unknown");

        let byline = kb.profile(&OutletHints { byline: Some("By Jane Roe | Reuters".into()), ..Default::default() });
        assert_eq!(byline.reliability, "high");
    }

    /// The text says which hint in plain words, and the share is of the other domains: the
    /// highest-rated one is higher than all of them, not "100.0 % of" a table that holds it.
    #[test]
    fn text_names_the_hint_in_words_and_counts_the_other_domains() {
        let kb = Knowledge::builtin();
        let reuters = kb.profile(&OutletHints::query("reuters.com")).to_text();
        assert!(reuters.contains("higher than 100.0% of the other 11519 rated news domains"), "{reuters}");
        let rt = kb.profile(&OutletHints::query("https://www.rt.com/x")).to_text();
        assert!(rt.contains("identified from the URL `"), "{rt}");
        let bbc = kb.profile(&OutletHints::query("BBC News")).to_text();
        assert!(bbc.contains("identified from the outlet name `BBC News`"), "{bbc}");
    }

    /// An outlet the input names but our table lacks keeps its name and is "unrated", never an
    /// outlet unknown; one the input does not name is unknown.
    #[test]
    fn a_named_outlet_outside_the_table_is_named_and_unrated() {
        let kb = Knowledge::builtin();
        let mut a = corroborate_model::AnalyzedArticle {
            article: corroborate_model::Article::new("a", "The ferry sank, the coastguard said."),
            ..Default::default()
        };
        a.article.meta.outlet = Some("Velkor  Evening Star".into());
        let p = crate::signals::source_profile(&kb, &a);
        assert_eq!(p.outlet.name.as_deref(), Some("Velkor Evening Star"));
        assert!(p.outlet.domain.is_none() && p.outlet.rating.is_none());
        assert!(p.brief().starts_with("Velkor Evening Star: unrated · "), "{}", p.brief());
        a.article.meta.domain = Some("velkor-star.example".into());
        assert!(crate::signals::source_profile(&kb, &a).brief().starts_with("Velkor Evening Star: unrated"));
        a.article.meta.outlet = None;
        assert!(crate::signals::source_profile(&kb, &a).brief().starts_with("velkor-star.example: unrated"));
        a.article.meta.domain = None;
        assert!(crate::signals::source_profile(&kb, &a).brief().starts_with("outlet unknown"));
        let html = OutletHints { site_name: Some("Renewal Post".into()), ..Default::default() };
        assert_eq!(kb.profile(&html).name.as_deref(), Some("Renewal Post"));
    }

    #[test]
    fn canonical_beats_url_and_user_ratings_apply() {
        let h = OutletHints {
            canonical: Some("https://www.rt.com/news/1/".into()),
            url: Some("https://aggregator.example/item/9".into()),
            ..Default::default()
        };
        let (kb, diags) = Knowledge::builtin().with_user_ratings("aggregator.example\t0.5\nrt.com\t0.05\n", "u.tsv");
        assert!(diags.is_empty());
        let p = kb.profile(&h);
        assert_eq!(p.identified.as_ref().unwrap().via, Via::Canonical);
        assert_eq!(p.rating.as_ref().unwrap().pc1, 0.05);
        assert!(p.rating_citation.is_none());
    }
}
