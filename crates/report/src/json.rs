//! The JSON of `OUTPUT.md`: spans as `{start, end, text}` in Unicode code points.
use corroborate_model::{AnalyzedArticle, Comparison, EvidenceRef, OffsetMap, Span};
use serde_json::{json, Value};

struct Spans<'a> {
    text: &'a str,
    map: OffsetMap,
}

impl Spans<'_> {
    fn span(&self, s: Span) -> Value {
        json!({"start": self.map.char_offset(s.start), "end": self.map.char_offset(s.end), "text": s.slice(self.text)})
    }
}

/// One article as a JSON object; `story` is its story id in a comparison.
pub fn article(a: &AnalyzedArticle, story: Option<usize>) -> Value {
    let text = a.article.text.as_str();
    let sp = Spans { text, map: OffsetMap::new(text) };
    let an = &a.analysis;
    let m = &a.article.meta;
    let mut v = json!({
        "id": a.article.id,
        "text": text,
        "meta": {
            "title": m.title, "published": m.published, "authors": m.authors, "outlet": m.outlet,
            "url": m.url, "domain": m.domain, "language": m.language,
        },
        "metadata": a.article.meta_spans.iter().map(|ms| {
            let mut o = sp.span(ms.span);
            o["kind"] = json!(ms.kind);
            o["value"] = json!(ms.value);
            o
        }).collect::<Vec<_>>(),
        "sentences": an.sentences.iter().map(|s| sp.span(*s)).collect::<Vec<_>>(),
        "entities": an.entities.iter().map(|e| {
            let s = sp.span(e.span);
            json!({"span": s, "start": s["start"], "end": s["end"], "text": s["text"], "type": e.kind.as_str(), "canonical": e.canonical})
        }).collect::<Vec<_>>(),
        "attributions": an.attributions.iter().map(|at| json!({
            "source": at.source.map(|s| sp.span(s)),
            "speaker": at.speaker.as_ref().map(|s| s.name.clone()),
            "speaker_info": at.speaker.as_ref().map(|s| json!({"type": s.kind.as_str(), "anonymous": s.anonymous, "resolution": s.resolution})),
            "cue": sp.span(at.cue),
            "content": sp.span(at.content),
            "kind": at.kind,
            "stance": at.stance,
            "markers": at.markers.iter().map(|mk| { let mut o = sp.span(mk.span); o["kind"] = json!(mk.kind); o }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "statements": an.statements.iter().map(|st| json!({
            "span": sp.span(st.span),
            "stance": st.stance,
            "markers": st.markers.iter().map(|mk| { let mut o = sp.span(mk.span); o["kind"] = json!(mk.kind); o }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "techniques": an.techniques.iter().map(|t| {
            let s = sp.span(t.span);
            json!({"technique": t.technique, "span": s, "start": s["start"], "end": s["end"], "text": s["text"], "confidence": t.confidence, "explanation": t.explanation})
        }).collect::<Vec<_>>(),
        "narratives": an.narratives.iter().map(|n| json!({
            "narrative": n.narrative, "name": n.name, "voice": n.voice, "score": n.score,
            "span": sp.span(n.span), "evidence": n.evidence.iter().map(|e| sp.span(*e)).collect::<Vec<_>>(),
            "counter_evidence": n.counter_evidence,
        })).collect::<Vec<_>>(),
        "diagnostics": a.article.diagnostics,
    });
    if let Some(s) = story {
        v["story"] = json!(s);
    }
    v
}

fn claim_id(story: usize, claim: usize) -> String {
    format!("s{story}c{claim}")
}

/// A comparison as one JSON object.
pub fn comparison(c: &Comparison) -> Value {
    let articles: Vec<Value> = c
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| article(a, c.story_of.get(i).copied().filter(|&s| s != usize::MAX)))
        .collect();
    let id = |i: usize| c.articles[i].article.id.clone();
    let stories: Vec<Value> = c
        .stories
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "label": s.label,
                "articles": s.articles.iter().map(|&i| id(i)).collect::<Vec<_>>(),
                "origins": s.origins.iter().map(|g| g.iter().map(|&i| id(i)).collect::<Vec<_>>()).collect::<Vec<_>>(),
                "claims": s.claims.iter().enumerate().map(|(ci, cl)| {
                    let refs = |want_att: bool| cl.evidence.iter().filter_map(|e| match (*e, want_att) {
                        (EvidenceRef::Attribution { article, index }, true) | (EvidenceRef::Statement { article, index }, false) => Some(json!({"article": id(article), "index": index})),
                        _ => None,
                    }).collect::<Vec<_>>();
                    let origins: std::collections::BTreeSet<usize> = cl.evidence.iter().filter_map(|e| s.origins.iter().position(|g| g.contains(&e.article()))).collect();
                    json!({
                        "id": claim_id(s.id, ci),
                        "summary": cl.summary,
                        "speakers": cl.speakers,
                        "attributions": refs(true),
                        "statements": refs(false),
                        "origins": origins.len(),
                        "stances": cl.stances.iter().map(|os| {
                            let a = &c.articles[os.article];
                            let sp = Spans { text: &a.article.text, map: OffsetMap::new(&a.article.text) };
                            json!({"article": id(os.article), "stance": os.stance, "markers": os.markers.iter().map(|m| sp.span(*m)).collect::<Vec<_>>(),
                                   "evidence": os.evidence.iter().map(|e| match *e {
                                       EvidenceRef::Attribution { index, .. } => json!({"attribution": index}),
                                       EvidenceRef::Statement { index, .. } => json!({"statement": index}),
                                   }).collect::<Vec<_>>()})
                        }).collect::<Vec<_>>(),
                        "relations": cl.relations.iter().map(|r| json!({"claim": claim_id(s.id, r.claim), "relation": r.relation, "reason": r.reason})).collect::<Vec<_>>(),
                        "article_stances": cl.article_stances.iter().map(|st| {
                            let a = &c.articles[st.article];
                            let sp = Spans { text: &a.article.text, map: OffsetMap::new(&a.article.text) };
                            json!({"article": id(st.article), "stance": st.stance, "score": st.score, "evidence": st.evidence.iter().map(|e| sp.span(*e)).collect::<Vec<_>>()})
                        }).collect::<Vec<_>>(),
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"articles": articles, "stories": stories})
}
