//! The JSON of `OUTPUT.md`: spans as `{start, end, text}` in Unicode code points.
use corroborate_model::{
    AnalyzedArticle, AttributionKind, Comparison, EvidenceRef, Marker, MarkerKind, MetaKind, OffsetMap, Relation, Span,
    Stance,
};
use serde::Serialize;
use serde_json::{json, Value};

struct Spans<'a> {
    text: &'a str,
    map: OffsetMap,
}

impl<'a> Spans<'a> {
    fn span(&self, s: Span) -> Value {
        json!({"start": self.map.char_offset(s.start), "end": self.map.char_offset(s.end), "text": s.slice(self.text)})
    }

    fn typed(&self, s: Span) -> SpanJson<'a> {
        SpanJson { end: self.map.char_offset(s.end), start: self.map.char_offset(s.start), text: s.slice(self.text) }
    }
}

// The article JSON is written straight from these borrowed structs: building a `serde_json::Value`
// tree per article, serialising and dropping it, was a third of `analyze`. Fields are declared in
// alphabetical order, which is the order the `Value` maps used, so the bytes are unchanged; floats are
// widened to f64 as `json!` did.

#[derive(Serialize)]
struct SpanJson<'a> {
    end: usize,
    start: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct MetaSpanJson<'a> {
    end: usize,
    kind: MetaKind,
    start: usize,
    text: &'a str,
    value: &'a Option<String>,
}

#[derive(Serialize)]
struct MetaJson<'a> {
    authors: &'a [String],
    domain: &'a Option<String>,
    language: &'a Option<String>,
    outlet: &'a Option<String>,
    published: &'a Option<String>,
    title: &'a Option<String>,
    url: &'a Option<String>,
}

#[derive(Serialize)]
struct EntityJson<'a> {
    canonical: &'a str,
    end: usize,
    span: SpanJson<'a>,
    start: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct MarkerJson<'a> {
    end: usize,
    kind: MarkerKind,
    start: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct SpeakerInfoJson<'a> {
    anonymous: bool,
    resolution: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct AttributionJson<'a> {
    content: SpanJson<'a>,
    cue: SpanJson<'a>,
    kind: AttributionKind,
    markers: Vec<MarkerJson<'a>>,
    source: Option<SpanJson<'a>>,
    speaker: Option<&'a str>,
    speaker_info: Option<SpeakerInfoJson<'a>>,
    stance: Stance,
}

#[derive(Serialize)]
struct StatementJson<'a> {
    markers: Vec<MarkerJson<'a>>,
    span: SpanJson<'a>,
    stance: Stance,
}

#[derive(Serialize)]
struct TechniqueJson<'a> {
    confidence: f64,
    end: usize,
    explanation: &'a str,
    span: SpanJson<'a>,
    start: usize,
    technique: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct NarrativeJson<'a> {
    counter_evidence: &'a [String],
    evidence: Vec<SpanJson<'a>>,
    name: &'a str,
    narrative: &'a str,
    score: f64,
    span: SpanJson<'a>,
    voice: &'a str,
}

/// One article's JSON (`OUTPUT.md`), borrowed from the analysis and serialised without an
/// intermediate tree. [`article`] gives the same as a `Value`.
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    /// Acts and intentions the attribution stage found ("has refused | to let observers visit"),
    /// shaped as attributions; the outlet's statements hold their sentences.
    acts: Vec<AttributionJson<'a>>,
    attributions: Vec<AttributionJson<'a>>,
    /// Nested structs keep the sorted keys a `Value` gives them.
    diagnostics: Value,
    entities: Vec<EntityJson<'a>>,
    id: &'a str,
    meta: MetaJson<'a>,
    metadata: Vec<MetaSpanJson<'a>>,
    narratives: Vec<NarrativeJson<'a>>,
    sentences: Vec<SpanJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_profile: Option<Value>,
    /// The stages run, when `analyze --stages` ran only some (absent: all).
    #[serde(skip_serializing_if = "Option::is_none")]
    stages: Option<Vec<&'static str>>,
    statements: Vec<StatementJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<usize>,
    techniques: Vec<TechniqueJson<'a>>,
    text: &'a str,
}

impl<'a> ArticleJson<'a> {
    /// `story` is the article's story id in a comparison.
    pub fn new(a: &'a AnalyzedArticle, story: Option<usize>) -> ArticleJson<'a> {
        let text = a.article.text.as_str();
        let sp = Spans { text, map: OffsetMap::new(text) };
        let an = &a.analysis;
        let m = &a.article.meta;
        let markers = |ms: &'a [Marker]| -> Vec<MarkerJson<'a>> {
            ms.iter()
                .map(|mk| {
                    let s = sp.typed(mk.span);
                    MarkerJson { end: s.end, kind: mk.kind, start: s.start, text: s.text }
                })
                .collect()
        };
        let attribution = |at: &'a corroborate_model::Attribution| AttributionJson {
            content: sp.typed(at.content),
            cue: sp.typed(at.cue),
            kind: at.kind,
            markers: markers(&at.markers),
            source: at.source.map(|s| sp.typed(s)),
            speaker: at.speaker.as_ref().map(|s| s.name.as_str()),
            speaker_info: at.speaker.as_ref().map(|s| SpeakerInfoJson {
                anonymous: s.anonymous,
                resolution: &s.resolution,
                kind: s.kind.as_str(),
            }),
            stance: at.stance,
        };
        ArticleJson {
            acts: an.acts.iter().map(attribution).collect(),
            attributions: an.attributions.iter().map(attribution).collect(),
            diagnostics: serde_json::to_value(&a.article.diagnostics).unwrap_or(Value::Null),
            entities: an
                .entities
                .iter()
                .map(|e| {
                    let s = sp.typed(e.span);
                    EntityJson {
                        canonical: &e.canonical,
                        end: s.end,
                        start: s.start,
                        text: s.text,
                        span: s,
                        kind: e.kind.as_str(),
                    }
                })
                .collect(),
            id: &a.article.id,
            meta: MetaJson {
                authors: &m.authors,
                domain: &m.domain,
                language: &m.language,
                outlet: &m.outlet,
                published: &m.published,
                title: &m.title,
                url: &m.url,
            },
            metadata: a
                .article
                .meta_spans
                .iter()
                .map(|ms| {
                    let s = sp.typed(ms.span);
                    MetaSpanJson { end: s.end, kind: ms.kind, start: s.start, text: s.text, value: &ms.value }
                })
                .collect(),
            narratives: an
                .narratives
                .iter()
                .map(|n| NarrativeJson {
                    counter_evidence: &n.counter_evidence,
                    evidence: n.evidence.iter().map(|e| sp.typed(*e)).collect(),
                    name: &n.name,
                    narrative: &n.narrative,
                    score: f64::from(n.score),
                    span: sp.typed(n.span),
                    voice: &n.voice,
                })
                .collect(),
            sentences: an.sentences.iter().map(|s| sp.typed(*s)).collect(),
            source_profile: None,
            stages: None,
            statements: an
                .statements
                .iter()
                .map(|st| StatementJson { markers: markers(&st.markers), span: sp.typed(st.span), stance: st.stance })
                .collect(),
            story,
            techniques: an
                .techniques
                .iter()
                .map(|t| {
                    let s = sp.typed(t.span);
                    TechniqueJson {
                        confidence: f64::from(t.confidence),
                        end: s.end,
                        explanation: &t.explanation,
                        start: s.start,
                        technique: &t.technique,
                        text: s.text,
                        span: s,
                    }
                })
                .collect(),
            text,
        }
    }

    /// Adds the article's `source_profile` (any serialisable value; its keys come out sorted).
    pub fn with_source_profile(mut self, profile: &impl Serialize) -> ArticleJson<'a> {
        self.source_profile = serde_json::to_value(profile).ok();
        self
    }

    /// Records that only these stages ran (the other fields are empty because they were not run).
    pub fn with_stages(mut self, names: &[&'static str]) -> ArticleJson<'a> {
        self.stages = Some(names.to_vec());
        self
    }
}

/// One article as a JSON object; `story` is its story id in a comparison.
pub fn article(a: &AnalyzedArticle, story: Option<usize>) -> Value {
    serde_json::to_value(ArticleJson::new(a, story)).unwrap_or(Value::Null)
}

fn claim_id(story: usize, claim: usize) -> String {
    format!("s{story}c{claim}")
}

/// A comparison's JSON, serialised an article and a story at a time: the tree of a whole large
/// comparison (`compare --format json` of 2,000 articles) took most of a gigabyte and a half.
pub struct ComparisonJson<'a> {
    c: &'a Comparison,
    profiles: Vec<Value>,
}

impl<'a> ComparisonJson<'a> {
    pub fn new(c: &'a Comparison) -> ComparisonJson<'a> {
        ComparisonJson { c, profiles: Vec::new() }
    }

    /// Adds each article's `source_profile` (in the order of `c.articles`; keys come out sorted).
    pub fn with_source_profiles<P: Serialize>(mut self, profiles: &[P]) -> ComparisonJson<'a> {
        self.profiles = profiles.iter().map(|p| serde_json::to_value(p).unwrap_or(Value::Null)).collect();
        self
    }
}

impl Serialize for ComparisonJson<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        struct Articles<'b>(&'b ComparisonJson<'b>);
        impl Serialize for Articles<'_> {
            fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
                let c = self.0.c;
                let mut seq = ser.serialize_seq(Some(c.articles.len()))?;
                for (i, a) in c.articles.iter().enumerate() {
                    // `story_of` holds places in `c.stories`; the JSON says the story's id (the same in
                    // a comparison, whose stories are numbered in order; a corpus story's own id in a
                    // story report of the store)
                    let story = c.story_of.get(i).copied().filter(|&s| s != usize::MAX);
                    let mut j = ArticleJson::new(a, story.map(|s| c.stories.get(s).map_or(s, |st| st.id)));
                    j.source_profile = self.0.profiles.get(i).cloned();
                    seq.serialize_element(&j)?;
                }
                seq.end()
            }
        }
        struct Stories<'b>(&'b Comparison);
        impl Serialize for Stories<'_> {
            fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
                let mut seq = ser.serialize_seq(Some(self.0.stories.len()))?;
                for s in &self.0.stories {
                    seq.serialize_element(&story(self.0, s))?;
                }
                seq.end()
            }
        }
        let mut m = ser.serialize_map(Some(2))?;
        m.serialize_entry("articles", &Articles(self))?;
        m.serialize_entry("stories", &Stories(self.c))?;
        m.end()
    }
}

/// One story of a comparison as a JSON object.
fn story(c: &Comparison, s: &corroborate_model::Story) -> Value {
    let id = |i: usize| c.articles[i].article.id.clone();
    // one offset map per article of the story, not one per stance
    let spans: std::collections::HashMap<usize, Spans> = s
        .articles
        .iter()
        .map(|&i| {
            let text = c.articles[i].article.text.as_str();
            (i, Spans { text, map: OffsetMap::new(text) })
        })
        .collect();
    let span = |i: usize, e: Span| -> Value {
        match spans.get(&i) {
            Some(sp) => sp.span(e),
            // evidence from an article outside the story (not expected): map it on its own
            None => {
                let text = c.articles[i].article.text.as_str();
                Spans { text, map: OffsetMap::new(text) }.span(e)
            }
        }
    };
    // a piece of evidence as its article and its attribution or statement index
    let evidence_ref = |e: EvidenceRef| match e {
        EvidenceRef::Attribution { article, index } => json!({"article": id(article), "attribution": index}),
        EvidenceRef::Statement { article, index } => json!({"article": id(article), "statement": index}),
    };
    // the same with a span of its article's text (a count's words)
    let evidence_at = |e: EvidenceRef, sp: Span| {
        let mut v = evidence_ref(e);
        v["span"] = span(e.article(), sp);
        v
    };
    let mut out = json!({
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
            let mut v = json!({
                "id": claim_id(s.id, ci),
                "summary": cl.summary,
                "speakers": cl.speakers,
                "attributions": refs(true),
                "statements": refs(false),
                "origins": origins.len(),
                "stances": cl.stances.iter().map(|os| {
                    json!({"article": id(os.article), "stance": os.stance, "markers": os.markers.iter().map(|m| span(os.article, *m)).collect::<Vec<_>>(),
                           "evidence": os.evidence.iter().map(|e| match *e {
                               EvidenceRef::Attribution { index, .. } => json!({"attribution": index}),
                               EvidenceRef::Statement { index, .. } => json!({"statement": index}),
                           }).collect::<Vec<_>>()})
                }).collect::<Vec<_>>(),
                "relations": cl.relations.iter().map(|r| {
                    let mut v = json!({"claim": claim_id(s.id, r.claim), "relation": r.relation, "reason": r.reason});
                    if r.relation == Relation::Contradicts {
                        // which side disputes: this claim (true) or the other one (false)
                        v["disputes"] = r.disputes.into();
                    }
                    // where the two claims meet: this claim's evidence, then the other's
                    if !r.evidence.is_empty() {
                        v["evidence"] = r.evidence.iter().map(|e| evidence_ref(*e)).collect::<Vec<_>>().into();
                    }
                    v
                }).collect::<Vec<_>>(),
                "article_stances": cl.article_stances.iter().map(|st| {
                    json!({"article": id(st.article), "stance": st.stance, "score": st.score, "confident": st.confident, "evidence": st.evidence.iter().map(|e| span(st.article, *e)).collect::<Vec<_>>()})
                }).collect::<Vec<_>>(),
            });
            // the known narratives whose words lie in the claim's evidence (absent: none)
            if !cl.narratives.is_empty() {
                v["narratives"] = cl.narratives.iter().map(|n| json!({"narrative": n.narrative, "name": crate::narrative_name(c, s, &n.narrative),
                    "articles": n.articles.iter().map(|&a| id(a)).collect::<Vec<_>>()})).collect::<Vec<_>>().into();
            }
            v
        }).collect::<Vec<_>>(),
        "count_conflicts": s.count_conflicts.iter().map(|cc| {
            json!({"what": cc.what, "sides": cc.sides.iter().map(|sd| {
                let mut v = evidence_at(sd.evidence, sd.span);
                v["claim"] = claim_id(s.id, sd.claim).into();
                v["low"] = sd.low.into();
                v["high"] = sd.high.into();
                if !sd.also.is_empty() {
                    v["also"] = sd.also.iter().map(|&(e, sp)| evidence_at(e, sp)).collect::<Vec<_>>().into();
                }
                v
            }).collect::<Vec<_>>()})
        }).collect::<Vec<_>>(),
        // disagreements about counts beyond the largest ones listed above
        "more_count_conflicts": s.more_count_conflicts,
    });
    // the articles that credit a wire or outlet for their text (absent: none)
    if !s.credits.is_empty() {
        out["credits"] = s
            .credits
            .iter()
            .map(|wc| {
                json!({"article": id(wc.article), "credits": wc.credits,
            "span": span(wc.article, wc.span), "joined": wc.joined})
            })
            .collect::<Vec<_>>()
            .into();
    }
    out
}
