//! The analysis pipeline: the one place that knows the order of the stages.
//!
//! [`analyze`] runs tokens → sentences → entities → attributions → voice stance, and the persuasion
//! technique detector (`corroborate-techniques`), on one article;
//! [`compare`] analyses many in parallel (rayon), gives every entity and speaker one canonical name
//! across the run, then groups articles into stories and statements into claims
//! (`corroborate-claims`).
//!
//! **Architecture invariant:** no IO. Articles come in already read; results go out as values.
//!
//! ```
//! use corroborate_model::Article;
//! let a = corroborate_engine::analyze(Article::new("a", "The mayor said the bridge was closed."));
//! assert_eq!(a.analysis.attributions.len(), 1);
//! ```

use corroborate_model::{Analysis, AnalyzedArticle, Article, Comparison, EntityType, MetaKind, Span};
use corroborate_nlp::canon::{clean_surface, key, Canonicalizer};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;

use corroborate_claims::{cancelled, NEVER};

/// Metadata kinds whose text is not prose and is left out of sentences.
const NOT_PROSE: &[MetaKind] = &[
    MetaKind::Dateline,
    MetaKind::Heading,
    MetaKind::Byline,
    MetaKind::Category,
    MetaKind::DateCreated,
    MetaKind::ImageCredit,
    MetaKind::Credit,
    MetaKind::Field,
];

/// Analyses one article with every stage. A failed input (error diagnostics) gets an empty analysis.
pub fn analyze(article: Article) -> AnalyzedArticle {
    analyze_with(article, Stages::ALL)
}

/// The stages of [`analyze_with`] beyond tokens and sentences, which always run. A stage brings
/// what it needs: attribution its entities (speakers are entities), narratives the attributions (a
/// narrative is adopted or reported according to them); see [`Stages::closed`]. Techniques alone
/// work out the narratives too (an article that adopts one is shown all its findings), but leave
/// them and the attributions out of the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stages {
    pub entities: bool,
    /// Quotes and reported speech with their speakers, and each one's voice stance (`statements` too).
    pub attribution: bool,
    pub techniques: bool,
    pub narratives: bool,
}

impl Stages {
    pub const ALL: Stages = Stages { entities: true, attribution: true, techniques: true, narratives: true };
    pub const NONE: Stages = Stages { entities: false, attribution: false, techniques: false, narratives: false };

    /// These stages with the ones they need.
    pub fn closed(self) -> Stages {
        let attribution = self.attribution || self.narratives;
        Stages { entities: self.entities || attribution, attribution, ..self }
    }

    /// These stages less those that read English only (all but names): for a text in another language.
    pub fn not_english(self) -> Stages {
        Stages { entities: self.entities, ..Stages::NONE }
    }

    /// The names of the stages that are on, in pipeline order.
    pub fn names(self) -> Vec<&'static str> {
        [
            (self.entities, "entities"),
            (self.attribution, "attribution"),
            (self.techniques, "techniques"),
            (self.narratives, "narratives"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect()
    }
}

/// Analyses one article with the given stages (and those they need); the fields of stages that did
/// not run stay empty. A failed input (error diagnostics) gets an empty analysis.
pub fn analyze_with(article: Article, stages: Stages) -> AnalyzedArticle {
    analyze_until(article, stages, &NEVER)
}

/// [`analyze_with`], leaving the parts of a long text not begun when `cancel` is set unanalysed
/// (the caller, having set it, drops the result).
fn analyze_until(mut article: Article, stages: Stages, cancel: &AtomicBool) -> AnalyzedArticle {
    if article.failed() || article.text.is_empty() || cancelled(cancel) {
        return AnalyzedArticle { article, analysis: Analysis::default() };
    }
    let stages = if settle_language(&mut article) { stages.closed() } else { stages.closed().not_english() };
    let analysis = analyze_text(&article, stages, cancel);
    AnalyzedArticle { article, analysis }
}

/// Settles the article's language (`meta.language`: what its input declared, checked against what
/// its prose reads as; see [`corroborate_nlp::language::settle`]) and says so where it matters.
/// Returns whether the article is English or of unknown language, which the stages read as English.
fn settle_language(article: &mut Article) -> bool {
    use corroborate_model::Diagnostic;
    let sample = prose_sample(article, corroborate_nlp::language::SAMPLE_BYTES);
    let lang = corroborate_nlp::language::settle(article.meta.language.as_deref(), &sample);
    // an article analysed again (`corroborate reanalyze`) keeps one copy of each note
    let diagnostics = &mut article.diagnostics;
    let mut note = |d: Diagnostic| {
        if !diagnostics.contains(&d) {
            diagnostics.push(d);
        }
    };
    let english = lang.is_english_or_unknown();
    let name = lang.name.unwrap_or(lang.code.as_str());
    if english {
        if let Some(declared) = &lang.declared_otherwise {
            note(Diagnostic::info(format!(
                "the input declares language \"{declared}\", but the text reads as {name}: analysed as {name}"
            )));
        }
    } else {
        let declared = match (&lang.declared_otherwise, lang.detected) {
            (Some(d), _) => format!(" (the input declares \"{d}\")"),
            (None, false) => " (as the input declares it)".to_string(),
            (None, true) => String::new(),
        };
        note(Diagnostic::warning(format!(
            "the text is in {name}{declared}, and corroborate reads English: only its names and sentences \
             were read; no quotes, speakers, stances, techniques or narratives were looked for"
        )));
    }
    article.meta.language = Some(lang.code);
    english
}

/// The first `max` bytes or so of an article's prose: its text without the regions that are not
/// prose (bylines, datelines, credits), pieces joined by line breaks.
fn prose_sample(article: &Article, max: usize) -> String {
    let mut skip = regions(article).skip;
    skip.sort();
    let text = article.text.as_str();
    let mut out = String::new();
    let mut at = 0;
    for s in skip.iter().chain(std::iter::once(&Span::new(text.len(), text.len()))) {
        if out.len() >= max {
            break;
        }
        if s.start > at {
            let mut end = s.start.min(at + (max - out.len()));
            while !text.is_char_boundary(end) {
                end += 1;
            }
            out.push_str(&text[at..end]);
            out.push('\n');
        }
        at = at.max(s.end);
    }
    out
}

/// What the metadata spans of an article mean for analysis: regions that are not prose (left out of
/// sentences), markup inside prose (ignored by the tokenizer), and the headline.
pub struct Regions {
    pub skip: Vec<Span>,
    pub markup: Vec<Span>,
    pub title: Option<Span>,
}

/// The [`Regions`] of an article, as every stage sees them.
pub fn regions(article: &Article) -> Regions {
    let skip: Vec<Span> = article.meta_spans.iter().filter(|m| NOT_PROSE.contains(&m.kind)).map(|m| m.span).collect();
    let mut markup: Vec<Span> = article
        .meta_spans
        .iter()
        .filter(|m| matches!(m.kind, MetaKind::LinkMarkup | MetaKind::Emphasis))
        .map(|m| m.span)
        .collect();
    markup.sort();
    let title = article.meta_spans.iter().find(|m| m.kind == MetaKind::Title).map(|m| m.span);
    Regions { skip, markup, title }
}

/// Texts longer than this (in bytes) are analysed a part at a time, each part ending at a
/// paragraph break where there is one ([`parts`]). News articles are far shorter (the longest of
/// the 2,000-article corpus is 34 KB) and come out as before; what a long text loses is context
/// across a part's edge (a pronoun whose name is in the part before). In exchange the cost of a
/// text stays linear in its length, where some stages' passes grow with the square of a part:
/// a 4 MB text took 9 s as a whole, and a megabyte of nothing but quotation marks and "said"
/// minutes.
pub const PART_BYTES: usize = 64 * 1024;

fn analyze_text(article: &Article, stages: Stages, cancel: &AtomicBool) -> Analysis {
    let text = article.text.as_str();
    if text.len() <= PART_BYTES {
        return analyze_part(article, stages);
    }
    let analysed: Vec<Analysis> = parts(text, PART_BYTES)
        .into_par_iter()
        .map(|(start, end)| {
            if cancelled(cancel) {
                return Analysis::default();
            }
            let mut part = Article::new(article.id.clone(), &text[start..end]);
            part.meta_spans = article
                .meta_spans
                .iter()
                .filter(|m| start <= m.span.start && m.span.end <= end)
                .map(|m| corroborate_model::MetaSpan {
                    span: Span::new(m.span.start - start, m.span.end - start),
                    ..m.clone()
                })
                .collect();
            let mut analysis = analyze_part(&part, stages);
            analysis.shift(start);
            analysis
        })
        .collect();
    let mut whole = Analysis::default();
    for a in analysed {
        whole.extend(a);
    }
    whole
}

/// Consecutive byte ranges covering `text`, each at most `max` bytes long (a character longer than
/// that aside): a part ends after the last paragraph break ("\n\n") in its reach, else the last line
/// break, else the last sentence end (". "), else the last space, else at a character boundary.
pub fn parts(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let reach = &text[start..limit];
        let cut = ["\n\n", "\n", ". ", " "]
            .iter()
            .find_map(|sep| reach.rfind(sep).map(|i| start + i + sep.len()).filter(|&c| c > start))
            .unwrap_or(if limit > start {
                limit
            } else {
                start + text[start..].chars().next().map_or(1, char::len_utf8)
            });
        out.push((start, cut));
        start = cut;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn analyze_part(article: &Article, stages: Stages) -> Analysis {
    let text = article.text.as_str();
    let Regions { skip, markup, title } = regions(article);
    let toks = corroborate_nlp::tokenize(text, &markup);
    let sentences = corroborate_nlp::sentences(text, &toks, &skip);
    // (techniques need to know whether the article adopts a known narrative, which rests on its
    // attributions: run without those stages, they are worked out and left out of the result, so
    // that a technique is shown alike whatever stages run)
    let for_techniques = stages.techniques && !stages.narratives;
    let entities =
        if stages.entities || for_techniques { corroborate_nlp::entities(text, &toks, &sentences) } else { Vec::new() };
    let (attributions, statements, acts) = if stages.attribution || for_techniques {
        let found = corroborate_attribution::find(text, &toks, &sentences, &entities, title);
        let voice = corroborate_stance::analyze(text, &toks, &sentences, found);
        (voice.attributions, voice.statements, voice.acts)
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    // (an act's content is its actor's, not the outlet's: "wants to prove that the disaster was staged")
    let narratives = if stages.narratives || for_techniques {
        narratives(text, &sentences, attributions.iter().chain(&acts))
    } else {
        Vec::new()
    };
    // (an article that adopts a known narrative in its own voice is shown all its decoded findings)
    let adopts = narratives.iter().any(|n| n.voice == "adopts");
    let techniques = if stages.techniques { techniques(text, &skip, adopts) } else { Vec::new() };
    fn keep<T>(on: bool, v: Vec<T>) -> Vec<T> {
        if on {
            v
        } else {
            Vec::new()
        }
    }
    Analysis {
        sentences,
        entities: keep(stages.entities, entities),
        attributions: keep(stages.attribution, attributions),
        statements: keep(stages.attribution, statements),
        techniques,
        narratives: keep(stages.narratives, narratives),
        acts: keep(stages.attribution, acts),
    }
}

/// Known narratives of the built-in catalogue (`corroborate narratives --narratives FILE` takes a
/// user's own), each with the voice the article gives it: adopted, or reported as someone's.
fn narratives<'a>(
    text: &str,
    sentences: &[Span],
    attributions: impl IntoIterator<Item = &'a corroborate_model::Attribution>,
) -> Vec<corroborate_model::NarrativeFinding> {
    use corroborate_techniques::narratives::{Catalogue, Voice};
    static CATALOGUE: std::sync::OnceLock<Option<Catalogue>> = std::sync::OnceLock::new();
    let Some(catalogue) = CATALOGUE.get_or_init(|| Catalogue::builtin().ok()) else { return Vec::new() };
    let attributed = attributed(attributions);
    catalogue
        .match_narratives(text, sentences)
        .into_iter()
        .filter_map(|m| {
            let n = catalogue.get(&m.narrative)?;
            let voice = match Voice::decide(text, &m, &attributed) {
                Voice::Adopts => "adopts",
                Voice::Reports => "reports",
            };
            Some(corroborate_model::NarrativeFinding {
                narrative: m.narrative.clone(),
                name: n.name.clone(),
                voice: voice.to_string(),
                span: m.span,
                evidence: m.evidence,
                score: m.score,
                counter_evidence: n.counter_evidence.clone(),
            })
        })
        .collect()
}

/// Attribution contents split into those the article endorses through a factive cue ("has
/// revealed that ...": asserted) and those it only reports, with the sources and cues that frame
/// them, for [`Voice::decide`](corroborate_techniques::narratives::Voice::decide).
pub fn attributed<'a>(
    attributions: impl IntoIterator<Item = &'a corroborate_model::Attribution>,
) -> corroborate_techniques::narratives::Attributed {
    let mut out = corroborate_techniques::narratives::Attributed::default();
    for a in attributions {
        if a.stance == corroborate_model::Stance::Asserted {
            out.endorsed.push(a.content);
        } else {
            out.reported.push(a.content);
        }
        out.frames.extend(a.source.iter().copied().chain([a.cue]));
    }
    out
}

/// Persuasion techniques of the text shown to readers (the report bound of
/// [`corroborate_techniques::shown`]; `adopts_narrative`: the article adopts a known narrative),
/// leaving out those in non-prose metadata (bylines, categories).
fn techniques(text: &str, skip: &[Span], adopts_narrative: bool) -> Vec<corroborate_model::Technique> {
    let Ok(detector) = corroborate_techniques::Detector::embedded() else { return Vec::new() };
    let mut found = detector.detect_scored(text);
    found.retain(|(t, _)| !skip.iter().any(|s| s.overlaps(&t.span)));
    corroborate_techniques::shown(text.split_whitespace().count(), found, adopts_narrative)
}

/// Analyses articles in parallel, keeping input order.
pub fn analyze_all(articles: Vec<Article>) -> Vec<AnalyzedArticle> {
    articles.into_par_iter().map(analyze).collect()
}

/// Gives entities and speakers one canonical name across all articles of a run.
pub fn canonicalize(articles: &mut [AnalyzedArticle]) {
    // Each mention counts under its article's canonical name: a short name the article resolved
    // ("Mr. Hedge" after "Oliver K. Hedge") keeps that resolution even where other articles know
    // other people of that surname; only names an article left short are joined across the run.
    // (the mention's own surface is counted, so that the spelling most often written names the group)
    let mut canon = Canonicalizer::new();
    for a in articles.iter() {
        for e in &a.analysis.entities {
            let surface = e.span.slice(&a.article.text);
            canon.add_keyed(&key(&e.canonical, e.kind), &clean_surface(surface, e.kind), e.kind);
        }
    }
    let map = canon.finish();
    // a name typed in one article ("the town of Bucha") gives its type to untyped mentions elsewhere
    let mut typed: HashMap<String, EntityType> = HashMap::new();
    for a in articles.iter() {
        for e in a.analysis.entities.iter().filter(|e| e.kind != EntityType::Misc) {
            typed.entry(corroborate_nlp::canon::fold(e.span.slice(&a.article.text))).or_insert(e.kind);
        }
    }
    for a in articles.iter_mut() {
        let text = &a.article.text;
        for e in a.analysis.entities.iter_mut().filter(|e| e.kind == EntityType::Misc) {
            if let Some(k) = typed.get(&corroborate_nlp::canon::fold(e.span.slice(text))) {
                e.kind = *k;
            }
        }
    }
    for a in articles.iter_mut() {
        let mut renamed: HashMap<String, String> = HashMap::new();
        for e in a.analysis.entities.iter_mut() {
            let new = match renamed.get(&e.canonical) {
                Some(n) => n.clone(),
                None => {
                    let n = map.canonical(&e.canonical, e.kind);
                    renamed.insert(e.canonical.clone(), n.clone());
                    n
                }
            };
            e.canonical = new;
        }
        for att in a.analysis.attributions.iter_mut().chain(a.analysis.acts.iter_mut()) {
            if let Some(sp) = att.speaker.as_mut() {
                if let Some(new) = renamed.get(&sp.name) {
                    sp.name = new.clone();
                } else if sp.resolution == "joint" {
                    // speakers named together ("Clinton and Sanders"): each name as the run names it,
                    // where every part is a name of the article (not "Bill and Melinda Gates
                    // Foundation", whose "and" is its own)
                    if let Some(parts) = joint_parts(&sp.name) {
                        let new: Option<Vec<&String>> = parts.iter().map(|p| renamed.get(*p)).collect();
                        if let Some(new) = new {
                            let (last, rest) = new.split_last().expect("two parts or more");
                            let rest: Vec<&str> = rest.iter().map(|s| s.as_str()).collect();
                            sp.name = format!("{} and {last}", rest.join(", "));
                        }
                    }
                } else if sp.resolution == "name"
                    && !sp.anonymous
                    && sp.name.starts_with(|c: char| c.is_uppercase())
                    && (sp.kind == EntityType::Person || sp.kind == EntityType::Misc && is_transliteration(&sp.name))
                {
                    // a person named where the entity finder missed the name or its type
                    // ("Zelenskiy later repeated"), named like the person its spelling folds to;
                    // an untyped word only if its spelling folds ("Others" is no "A.C. Others")
                    if let Some(new) = map.resolve(&sp.name, sp.kind) {
                        sp.name = new.to_string();
                    }
                }
                // "Moscow insists", "Paris said": a capital that speaks is its country's government
                if sp.kind == EntityType::Gpe {
                    if let Some(country) = capital_of(&sp.name) {
                        sp.name = map.canonical(country, EntityType::Gpe);
                    }
                }
            }
        }
    }
    fold_unnamed_speakers(articles);
}

/// The names of speakers named together, as attribution writes them: "A and B", "A, B and C".
fn joint_parts(name: &str) -> Option<Vec<&str>> {
    let (head, last) = name.rsplit_once(" and ")?;
    let mut parts: Vec<&str> = head.split(", ").collect();
    parts.push(last);
    Some(parts)
}

/// An unnamed speaker capitalised only where it opens a headline or a sentence ("Outbreak Was
/// Staged, Say Residents") is the one written in lower case elsewhere in the run ("residents told
/// the paper"): one speaker, under the spelling written most often (lower case on a tie, never
/// one in capitals throughout). A spelling capitalised inside a sentence somewhere ("said
/// Democratic voters") is a name's: its speaker keeps its spellings. Named speakers keep theirs.
fn fold_unnamed_speakers(articles: &mut [AnalyzedArticle]) {
    let unnamed = |sp: &corroborate_model::Speaker| sp.resolution != "name";
    // the places the run names, for adjectives the lexicon does not know ("Drevnian" of "Drevnia")
    let places: HashSet<String> = articles
        .iter()
        .flat_map(|a| a.analysis.entities.iter().filter(|e| e.kind == EntityType::Gpe))
        .map(|e| corroborate_nlp::canon::fold(&e.canonical))
        .filter(|p| !p.contains(' '))
        .collect();
    let mut spellings: HashMap<String, HashMap<&str, usize>> = HashMap::new();
    let mut proper: HashSet<String> = HashSet::new();
    for a in articles.iter() {
        let titles: Vec<Span> =
            a.article.meta_spans.iter().filter(|m| m.kind == MetaKind::Title).map(|m| m.span).collect();
        // (a source opens its sentence when only quotation marks or spaces come before it there)
        let opens_sentence = |at: usize| {
            let k = a.analysis.sentences.partition_point(|s| s.start <= at);
            k > 0 && {
                let from = a.analysis.sentences[k - 1].start.min(at);
                a.article.text.get(from..at).is_some_and(|before| {
                    before.chars().all(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '('))
                })
            }
        };
        for t in a.analysis.attributions.iter().chain(&a.analysis.acts) {
            let Some(sp) = t.speaker.as_ref().filter(|sp| unnamed(sp)) else { continue };
            let key = speaker_key(&sp.name, &places);
            *spellings.entry(key.clone()).or_default().entry(sp.name.as_str()).or_default() += 1;
            // (a capital that only a country's adjective or name has is no name's: "Russian officials")
            let first = sp.name.split_whitespace().next().unwrap_or_default();
            let capitalised = sp.name.starts_with(|c: char| c.is_uppercase())
                && sp.name != sp.name.to_uppercase()
                && (first.len() == sp.name.len() || country_word(&first.to_lowercase(), &places).is_none());
            if let Some(src) = t.source.filter(|_| capitalised) {
                if !opens_sentence(src.start) && !titles.iter().any(|s| s.contains(&src)) {
                    proper.insert(key);
                }
            }
        }
    }
    let spelling: HashMap<String, String> = spellings
        .into_iter()
        .filter(|(k, forms)| forms.len() > 1 && !proper.contains(k))
        .filter_map(|(k, forms)| {
            // (the most frequent; on a tie, the one with the country's adjective rather than its
            // possessive or "of" ("Drevnian foreign ministry"), then the one in lower case, then the
            // first alphabetically; one in capitals throughout only if there is no other)
            let lower = |s: &str| s.starts_with(|c: char| c.is_lowercase());
            let shouted = |s: &str| s == s.to_uppercase();
            let plain = |s: &str| !s.split_whitespace().any(|w| w == "of" || w.ends_with("'s") || w.ends_with("’s"));
            let best = forms.into_iter().max_by(|x, y| {
                shouted(y.0)
                    .cmp(&shouted(x.0))
                    .then(x.1.cmp(&y.1))
                    .then(plain(x.0).cmp(&plain(y.0)))
                    .then(lower(x.0).cmp(&lower(y.0)))
                    .then(y.0.cmp(x.0))
            })?;
            Some((k, best.0.to_string()))
        })
        .collect();
    for a in articles.iter_mut() {
        for t in a.analysis.attributions.iter_mut().chain(a.analysis.acts.iter_mut()) {
            if let Some(sp) = t.speaker.as_mut().filter(|sp| unnamed(sp)) {
                if let Some(s) = spelling.get(&speaker_key(&sp.name, &places)) {
                    sp.name.clone_from(s);
                }
            }
        }
    }
}

/// The key under which spellings of one unnamed speaker meet: its words in lower case, without
/// possessives, "the" and "of", a country's adjective or name as the country, in sorted order.
/// "Russia's foreign ministry", "the Russian Foreign Ministry" and "the foreign ministry of Russia"
/// are one body; so are "Drevnia's" and "Drevnian" ones where the run names the place Drevnia.
fn speaker_key(name: &str, places: &HashSet<String>) -> String {
    // (one word alone stays itself: "the Chinese" are no "China")
    let one_word = !name.trim().contains(char::is_whitespace);
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            let w = w.to_lowercase().replace('’', "'");
            let country = country_word(&w, places).filter(|_| !one_word);
            country.unwrap_or_else(|| w.strip_suffix("'s").or_else(|| w.strip_suffix('\'')).unwrap_or(&w).to_string())
        })
        .filter(|w| !matches!(w.as_str(), "the" | "of"))
        .collect();
    words.sort();
    words.join(" ")
}

/// The country a word in lower case names or is the adjective of: one the lexicon knows
/// ("russian", "russia"), or one the run names as a place whose adjective adds "n" ("drevnian" of
/// "drevnia", "calveran" of "calvera").
fn country_word(w: &str, places: &HashSet<String>) -> Option<String> {
    let (w, possessive) = match w.strip_suffix("'s") {
        Some(w) => (w, true),
        None => (w, false),
    };
    if let Some(c) = corroborate_nlp::lexicon::demonym(w).or_else(|| corroborate_nlp::lexicon::place(w)) {
        return Some(c.to_lowercase());
    }
    // (the adjective first: the entity finder may have taken "Drevnian" for a place too; a place of
    // the run only in the possessive, "Drevnia's": the finder's places of a whole crawl include
    // words such as "Republicans")
    if let Some(p) = corroborate_nlp::canon::place_of_adjective(w).filter(|p| places.contains(*p)) {
        return Some(p.to_string());
    }
    (possessive && places.contains(w)).then(|| w.to_string())
}

/// True when a name's key spells it otherwise than its plain lower case: a transliteration variant
/// ("Kostenkiy", "Dmitri"), not a common word ("Others", "Companies").
fn is_transliteration(name: &str) -> bool {
    let k = corroborate_nlp::canon::key(name, EntityType::Misc);
    k.strip_prefix("name:").is_some_and(|k| k != corroborate_nlp::canon::fold(name))
}

/// The country a capital's name stands for when it speaks (`CAPITALS` of `corroborate-nlp`).
fn capital_of(name: &str) -> Option<&'static str> {
    let folded = name.trim().to_lowercase();
    corroborate_nlp::lexicon::CAPITALS
        .binary_search_by(|(capital, _)| (*capital).cmp(folded.as_str()))
        .ok()
        .map(|i| corroborate_nlp::lexicon::CAPITALS[i].1)
}

/// Compares articles: analysis, run-wide canonical names, stories (an ambiguous date line settled by
/// the dates of its story), origins, claims, contradictions.
pub fn compare(articles: Vec<Article>) -> Comparison {
    compare_cancellable(articles, &NEVER).expect("never cancelled")
}

/// [`compare`] that a caller with a time limit can stop: once `cancel` is set (from another thread)
/// the work ends soon after and the answer is `None`. The flag is checked between articles and
/// between the parts of a long one, between stages, and inside the claims' clustering
/// ([`corroborate_claims::stories_of_cancellable`]), whose cost grows with the square of a story's
/// statements; a stage already begun elsewhere runs to its end: one article's part or stances, and
/// the claims' passes after clustering (doubts, denials, count conflicts), which are quadratic in a
/// story's statements too and are not checked.
pub fn compare_cancellable(articles: Vec<Article>, cancel: &AtomicBool) -> Option<Comparison> {
    let mut analyzed: Vec<AnalyzedArticle> =
        articles.into_par_iter().map(|a| analyze_until(a, Stages::ALL, cancel)).collect();
    if cancelled(cancel) {
        return None;
    }
    canonicalize(&mut analyzed);
    let groups = corroborate_claims::story_groups_cancellable(&analyzed, cancel)?;
    corroborate_claims::settle_dates(&mut analyzed, &groups);
    // an article whose claims read only its first statements says so
    corroborate_claims::note_unit_caps(&mut analyzed);
    let (story_of, mut stories) = corroborate_claims::stories_of_cancellable(&analyzed, groups, cancel)?;
    for story in stories.iter_mut() {
        if cancelled(cancel) {
            return None;
        }
        article_stances(&analyzed, story);
    }
    Some(Comparison { articles: analyzed, story_of, stories })
}

/// Claims whose whole-article stance is computed per story (the ones reports show first).
pub const MAX_STANCE_CLAIMS: usize = 24;

/// An evidence span without the non-prose metadata (`skip`: date lines, bylines, credits) at its
/// ends and the spaces beside them: the stance model reads the whole text, so a sentence of its
/// evidence may open with "date 2022-04-06". `None` when nothing else is left.
fn without_metadata(text: &str, span: Span, skip: &[Span]) -> Option<Span> {
    let mut s = span;
    for m in skip.iter().filter(|m| m.overlaps(&span)) {
        if m.start <= s.start {
            s.start = s.start.max(m.end);
        } else if m.end >= s.end {
            s.end = s.end.min(m.start);
        }
    }
    let s = Span::new(s.start, s.end.max(s.start)).trim(text, &[]);
    (!s.is_empty()).then_some(s)
}

/// Each article of a story toward each of its leading claims, by the learned FNC-1 model. A claim is
/// put to the model as the reader sees it, its summary (the words of its most central unit, short as
/// the headlines the model learned on). (Until 2026-12-05 it was the evidence that decided the first
/// article's stance, which was often another proposition of the claim's topic: the article carrying
/// the claim itself was then judged "unrelated" to it.) An article that states the claim is related
/// to it by construction and gets the most likely of agree, disagree and discuss. Where the model
/// cannot load, the field stays empty. Public so that a corpus's story report (`corroborate-store`)
/// shows the same lines as `compare`.
pub fn article_stances(articles: &[AnalyzedArticle], story: &mut corroborate_model::Story) {
    let n = story.claims.len().min(MAX_STANCE_CLAIMS);
    let claim_texts: Vec<&str> = story.claims[..n].iter().map(|c| c.summary.trim_end_matches('…')).collect();
    let per_article: Vec<(usize, Vec<corroborate_fnc::ArticleStance>)> = story
        .articles
        .par_iter()
        .filter_map(|&a| {
            let queries: Vec<corroborate_fnc::ClaimQuery> = story.claims[..n]
                .iter()
                .zip(&claim_texts)
                .map(|(c, &text)| corroborate_fnc::ClaimQuery {
                    text,
                    carried: c.stances.iter().any(|s| s.article == a),
                })
                .collect();
            corroborate_fnc::article_stances_given(&queries, &articles[a].article.text).ok().map(|v| (a, v))
        })
        .collect();
    for (a, stances) in per_article {
        let (text, skip) = (&articles[a].article.text, regions(&articles[a].article).skip);
        for (ci, st) in stances.into_iter().enumerate() {
            story.claims[ci].article_stances.push(corroborate_model::ArticleClaimStance {
                article: a,
                stance: st.stance.as_str().to_string(),
                score: st.score,
                confident: st.confident(),
                evidence: st.evidence.into_iter().filter_map(|e| without_metadata(text, e, &skip)).collect(),
            });
        }
    }
}
