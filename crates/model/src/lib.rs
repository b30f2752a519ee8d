//! The data model of corroborate: an [`Article`] (the exact text of one document plus its metadata),
//! the findings made about it ([`Analysis`]), and the cross-article results of a comparison
//! ([`Comparison`], [`Story`], [`Claim`]).
//!
//! **Invariant:** every finding is a [`Span`] of its article's `text`. Spans hold *byte* offsets
//! internally (cheap slicing, always on `char` boundaries); the JSON writers convert them to Unicode
//! code-point offsets with [`OffsetMap`], as `OUTPUT.md` requires.
//!
//! This crate does no IO and has no logic beyond small helpers on the types.
//!
//! ```
//! use corroborate_model::{Span, OffsetMap};
//! let text = "Kyiv – “Zelenskyy”";
//! let span = Span::new(text.find('Z').unwrap(), text.len() - "”".len());
//! assert_eq!(span.slice(text), "Zelenskyy");
//! let map = OffsetMap::new(text);
//! assert_eq!(map.char_offset(span.start), 8);
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;

pub mod hint;
mod meta_helpers;
mod offsets;
pub use meta_helpers::{day_number, domain_of};
pub use offsets::{char_at, OffsetMap};

/// A half-open byte range `[start, end)` of an article's text, always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The text this span covers; empty if the span does not fit the text.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// The span `by` bytes further on.
    pub fn shifted(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// This span with leading and trailing whitespace and the given punctuation removed.
    pub fn trim(&self, text: &str, punct: &[char]) -> Span {
        let s = self.slice(text);
        let trimmed_start = s.trim_start_matches(|c: char| c.is_whitespace() || punct.contains(&c));
        let start = self.start + (s.len() - trimmed_start.len());
        let trimmed = trimmed_start.trim_end_matches(|c: char| c.is_whitespace() || punct.contains(&c));
        Span::new(start, start + trimmed.len())
    }
}

/// Spans sorted by start with the running maximum of their ends: whether any of them overlaps or
/// contains a span, in logarithmic time (nested and overlapping spans allowed).
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl SpanSet {
    pub fn new(spans: impl Iterator<Item = Span>) -> SpanSet {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_unstable_by_key(|s| s.start);
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        SpanSet { spans, max_end }
    }

    /// The largest end among the spans that start before `bound` (`inclusive`: at or before).
    fn reach(&self, bound: usize, inclusive: bool) -> Option<usize> {
        let n = self.spans.partition_point(|s| if inclusive { s.start <= bound } else { s.start < bound });
        n.checked_sub(1).map(|i| self.max_end[i])
    }

    /// Whether some span of the set overlaps `span`.
    pub fn overlaps(&self, span: &Span) -> bool {
        self.reach(span.end, false).is_some_and(|e| e > span.start)
    }

    /// Whether some span of the set contains `span`.
    pub fn contains(&self, span: &Span) -> bool {
        self.reach(span.start, true).is_some_and(|e| e >= span.end)
    }
}

/// Where a diagnostic is serious enough to make the input count as failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The input could not be analysed at all (missing, unreadable, binary, empty).
    Error,
    /// The input was analysed, but something was repaired or guessed (lossy decoding, ambiguous date).
    Warning,
    /// Worth knowing, nothing went wrong.
    Info,
}

/// What went wrong, or was noticed, with one input. Never stops a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub message: String,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic { level: Level::Error, message: message.into() }
    }
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic { level: Level::Warning, message: message.into() }
    }
    pub fn info(message: impl Into<String>) -> Self {
        Diagnostic { level: Level::Info, message: message.into() }
    }
}

/// Kinds of metadata recognised inside a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaKind {
    /// A `date 2022-04-06` style prefix, or any date line giving the publication date; also a line
    /// saying when the page was updated (`Updated 8:28 p.m. ET`; its value is then `None`).
    Dateline,
    Title,
    /// A section label such as `Description`.
    Heading,
    Byline,
    /// A `Category` block (its label and its numbered items).
    Category,
    /// A `Date Created 04/06/2022` block.
    DateCreated,
    /// `Image: AP` and similar credit lines.
    ImageCredit,
    /// A line crediting reporters or editors: "Ana Lima contributed to this report", "(Reporting by
    /// Ana Lima; Editing by Ben Ode)".
    Credit,
    /// The visible text of a markdown link `[text](#)`.
    LinkText,
    /// The markup of a markdown link (brackets and target), not part of the prose.
    LinkMarkup,
    /// Markdown emphasis markers such as `*`.
    Emphasis,
    /// A labelled header line of a text file (`URL: ...`, `Outlet: ...`, `Section: ...`), or the
    /// label of `Title: ...`.
    Field,
}

/// A metadata element found in the text, with the value it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaSpan {
    pub kind: MetaKind,
    pub span: Span,
    /// The normalised value (an ISO date, an author name, a category), where there is one.
    pub value: Option<String>,
}

/// Document-level metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    /// ISO 8601 date, or `None` where unknown or ambiguous.
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub domain: Option<String>,
    pub language: Option<String>,
    /// A date line that reads as two dates (`04/06/2022`). `published` stays unset for it unless
    /// something settles the order: a dateline in the text, or (in `compare`) the dates of the other
    /// articles of its story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambiguous_date: Option<AmbiguousDate>,
}

/// A date written in an order that cannot be told from the date alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmbiguousDate {
    /// The date as written.
    pub text: String,
    /// ISO 8601 read month first.
    pub month_day: String,
    /// ISO 8601 read day first.
    pub day_month: String,
}

impl AmbiguousDate {
    /// The warning of a date left unset.
    pub fn unset_message(&self) -> String {
        format!(
            "date \"{}\" is ambiguous: {} (month/day) or {} (day/month); left unset",
            self.text, self.month_day, self.day_month
        )
    }
}

/// One input document: its exact text, its metadata, and what went wrong reading it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the file path, or the id given in a JSON Lines record.
    pub id: String,
    /// The whole decoded document that every span refers to.
    pub text: String,
    pub meta: Meta,
    pub meta_spans: Vec<MetaSpan>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Article {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article { id: id.into(), text: text.into(), ..Default::default() }
    }
    /// True when an error diagnostic means this input could not be analysed.
    pub fn failed(&self) -> bool {
        self.diagnostics.iter().any(|d| d.level == Level::Error)
    }
}

/// Entity types, named as spaCy and OntoNotes name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    /// Countries, cities, states: places with a government.
    #[serde(rename = "GPE")]
    Gpe,
    /// Other places.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities and groups ("Russian", "Ukrainian").
    #[serde(rename = "NORP")]
    Norp,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Misc => "MISC",
        }
    }
}

/// A mention of a named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityType,
    /// The merged name shared by all mentions and spellings of this entity (across articles in a run).
    pub canonical: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributionKind {
    /// The content is a quotation.
    Direct,
    /// Reported speech, paraphrase.
    Indirect,
    /// Paraphrase containing a quoted fragment.
    Mixed,
}

/// How the article's own voice treats a proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The outlet states it as fact, in its own voice.
    Asserted,
    /// Neutral attribution: someone said it.
    Reported,
    /// The outlet keeps its distance: alleged, purported, so-called, scare quotes, "claimed".
    Distanced,
    /// The outlet says it is false.
    Refuted,
}

impl Stance {
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Asserted => "asserted",
            Stance::Reported => "reported",
            Stance::Distanced => "distanced",
            Stance::Refuted => "refuted",
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of evidence a stance marker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerKind {
    /// A hedging modifier on the proposition itself: alleged, purported, so-called, supposed.
    Hedge,
    /// A few words in quotation marks that nobody is quoted as saying.
    ScareQuotes,
    /// A reporting verb that casts doubt: claimed, insisted.
    DistancingCue,
    /// "without evidence", "unverified", "could not be independently verified".
    Unverified,
    /// false, debunked, fake, "there is no evidence".
    Refutation,
    /// A factive verb or phrase by which the voice endorses the content: confirmed, revealed, showed.
    Factive,
    /// A negation that cancels a marker ("not alleged").
    Negation,
}

/// A word or phrase that shows how the voice treats a proposition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub kind: MarkerKind,
    pub span: Span,
}

/// Who is speaking, once resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name (shared with the entity of the same name).
    pub name: String,
    pub kind: EntityType,
    /// "officials said", "sources say": a source with no name.
    pub anonymous: bool,
    /// How the source span was linked to the name: `name`; `pronoun`; `description` ("the
    /// senator's lawyer"); `reference` (a description the article named earlier, "the operator");
    /// `subject` (the subject of an earlier sentence); `group` (people named by what they are,
    /// "voters in Iowa"); `anonymous` and `unnamed` ("officials said"); `information` (a document
    /// or data, "documents seen by the Herald"); `joint` (several named together: `name` holds all
    /// their names, "China and Russia").
    pub resolution: String,
}

/// Someone said something: a quote or reported speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The words naming the source in the text (may be a pronoun), if any.
    pub source: Option<Span>,
    pub speaker: Option<Speaker>,
    /// The cue: said, told, according to, a colon in a headline.
    pub cue: Span,
    /// What is attributed.
    pub content: Span,
    pub kind: AttributionKind,
    pub stance: Stance,
    pub markers: Vec<Marker>,
}

/// A proposition stated in the article's own voice, with no source: the outlet asserts it (or
/// distances itself from it through markers such as "alleged").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub span: Span,
    pub stance: Stance,
    pub markers: Vec<Marker>,
}

/// A persuasion technique found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Technique {
    /// One of the 14 SemEval-2020 Task 11 labels, e.g. `Loaded_Language`.
    pub technique: String,
    pub span: Span,
    pub confidence: f32,
    pub explanation: String,
}

/// A known disinformation narrative found in an article, and how the article's voice treats it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NarrativeFinding {
    /// The catalogue id of the narrative.
    pub narrative: String,
    pub name: String,
    /// `adopts` (stated in the outlet's own voice) or `reports` (attributed to someone).
    pub voice: String,
    /// The matching sentence.
    pub span: Span,
    /// The words that matched.
    pub evidence: Vec<Span>,
    pub score: f32,
    /// Where a reader can check the narrative against the record.
    pub counter_evidence: Vec<String>,
}

/// Everything found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub attributions: Vec<Attribution>,
    pub statements: Vec<Statement>,
    pub techniques: Vec<Technique>,
    #[serde(default)]
    pub narratives: Vec<NarrativeFinding>,
    /// What sources are reported to have done or to mean to do, found by the attribution stage but
    /// no speech ("The army has refused | to let journalists in"): PolNeAR counts them as
    /// attributions; claims, sourcing counts and the voice leave them to the outlet's statement.
    #[serde(default)]
    pub acts: Vec<Attribution>,
}

impl Analysis {
    /// Moves every span `by` bytes on: the analysis of a part of a text that starts there, put in
    /// place in the whole text.
    pub fn shift(&mut self, by: usize) {
        let markers = |ms: &mut Vec<Marker>| ms.iter_mut().for_each(|m| m.span = m.span.shifted(by));
        self.sentences.iter_mut().for_each(|s| *s = s.shifted(by));
        self.entities.iter_mut().for_each(|e| e.span = e.span.shifted(by));
        for a in self.attributions.iter_mut().chain(self.acts.iter_mut()) {
            a.source = a.source.map(|s| s.shifted(by));
            a.cue = a.cue.shifted(by);
            a.content = a.content.shifted(by);
            markers(&mut a.markers);
        }
        for s in &mut self.statements {
            s.span = s.span.shifted(by);
            markers(&mut s.markers);
        }
        self.techniques.iter_mut().for_each(|t| t.span = t.span.shifted(by));
        for n in &mut self.narratives {
            n.span = n.span.shifted(by);
            n.evidence.iter_mut().for_each(|e| *e = e.shifted(by));
        }
    }

    /// Appends the analysis of the next part of a text (already [`shift`](Analysis::shift)ed).
    pub fn extend(&mut self, next: Analysis) {
        let Analysis { sentences, entities, attributions, statements, techniques, narratives, acts } = next;
        self.sentences.extend(sentences);
        self.entities.extend(entities);
        self.attributions.extend(attributions);
        self.statements.extend(statements);
        self.techniques.extend(techniques);
        self.narratives.extend(narratives);
        self.acts.extend(acts);
    }
}

/// An article with its analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnalyzedArticle {
    pub article: Article,
    pub analysis: Analysis,
}

/// Points at one piece of evidence for a claim: an attribution or an own-voice statement of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EvidenceRef {
    Attribution { article: usize, index: usize },
    Statement { article: usize, index: usize },
}

impl EvidenceRef {
    pub fn article(&self) -> usize {
        match *self {
            EvidenceRef::Attribution { article, .. } | EvidenceRef::Statement { article, .. } => article,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Agrees,
    Contradicts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRelation {
    /// Index of the other claim in the story's `claims`.
    pub claim: usize,
    pub relation: Relation,
    /// Why: "staged vs killed", "denial", "400 vs none".
    pub reason: String,
    /// Where the two claims meet: this claim's evidence, then the other's, that say and dispute the
    /// same thing (empty when the relation rests on the claims as wholes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceRef>,
    /// In a contradiction, whether this claim is the side that disputes the other (denies it,
    /// refutes it, calls it staged or fake); false on the side that affirms it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disputes: bool,
}

/// How one article treats one claim, with the evidence that decides it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletStance {
    /// Index of the article in the comparison.
    pub article: usize,
    pub stance: Stance,
    /// The evidence pieces of this article for the claim.
    pub evidence: Vec<EvidenceRef>,
    /// Marker spans that decided the stance.
    pub markers: Vec<Span>,
}

/// A whole article's stance toward a claim (FNC-1 labels: agree, disagree, discuss, unrelated), from
/// the learned model, with the body sentences it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleClaimStance {
    pub article: usize,
    pub stance: String,
    pub score: f32,
    /// Whether the score reaches the bound at which this label was right at least 80% of the time
    /// on held-out FNC-1 pairs; reports show only these.
    #[serde(default)]
    pub confident: bool,
    pub evidence: Vec<Span>,
}

/// A known narrative in a claim's evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimNarrative {
    /// The catalogue id of the narrative.
    pub narrative: String,
    /// The articles (indices in the comparison) whose evidence of the claim holds its words.
    pub articles: Vec<usize>,
}

/// One proposition as stated in one or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub summary: String,
    pub evidence: Vec<EvidenceRef>,
    pub relations: Vec<ClaimRelation>,
    pub stances: Vec<OutletStance>,
    /// Who the claim is attributed to, canonical names.
    pub speakers: Vec<String>,
    /// Known narratives whose matching words lie in the claim's evidence, with the articles whose
    /// evidence holds them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub narratives: Vec<ClaimNarrative>,
    /// Each article of the story toward the claim as a whole (learned; empty when not computed).
    #[serde(default)]
    pub article_stances: Vec<ArticleClaimStance>,
}

/// A group of articles on the same event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: usize,
    /// Indices of the articles in the comparison.
    pub articles: Vec<usize>,
    /// Independent-origin groups (near-copies together), article indices, earliest first.
    pub origins: Vec<Vec<usize>>,
    pub claims: Vec<Claim>,
    /// Shared key entities, for a label.
    pub label: String,
    /// Counts of one thing, in two articles, that cannot both be true ("at least 40 people" killed,
    /// "no one died").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub count_conflicts: Vec<CountConflict>,
    /// Count disagreements found beyond those in `count_conflicts` (which holds the largest).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more_count_conflicts: usize,
    /// The articles that credit a wire agency or another outlet for their text ("(Meridian Press)",
    /// "This story was provided by ...", "CITY (Reuters) -"), in article order; an article that
    /// shares substantial text with another article of the same wire is in that article's origin.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<WireCredit>,
}

/// An article's credit of a wire agency or outlet for its text (see [`Story::credits`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireCredit {
    /// Index of the crediting article in the comparison.
    pub article: usize,
    /// The agency or outlet credited, as written ("Meridian Press", "The Associated Press").
    pub credits: String,
    /// The credit's words in the article.
    pub span: Span,
    /// True when the credit put the article in the origin of another article of the same wire (one
    /// from it, or crediting it, sharing substantial text) that shingle similarity alone did not.
    pub joined: bool,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A count an article states ("killing at least 40 people"), one side of a [`CountConflict`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountSide {
    /// The attribution or statement that states it.
    pub evidence: EvidenceRef,
    /// The claim (index in the story's `claims`) that evidence belongs to.
    pub claim: usize,
    /// The count's words in the article: the number (with "at least", "about") to what it counts.
    pub span: Span,
    /// The least and the most the words allow (`high` absent: no upper bound, "at least 40").
    pub low: f64,
    pub high: Option<f64>,
    /// Other articles of the story that give a count agreeing with this side and not with the
    /// other: their evidence and the count's words (one per article).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<(EvidenceRef, Span)>,
}

/// Two articles of a story that count one thing ("deaths", "home") in ways that cannot both be true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountConflict {
    /// What is counted: a kind (`deaths`, `injured`, `evacuated`, `missing`, `arrested`, `bodies`,
    /// `casualties`) or a noun in the singular.
    pub what: String,
    /// The two counts, the larger first.
    pub sides: Vec<CountSide>,
}

/// The result of comparing several articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub articles: Vec<AnalyzedArticle>,
    /// For each article, the index of its story in `stories`.
    pub story_of: Vec<usize>,
    pub stories: Vec<Story>,
}
