//! Attribution: who says what. Finds direct quotes, reported speech and mixed quotes with their cue
//! (said, told, claimed, according to, a headline colon), their content, and their source, and
//! resolves the source to a speaker through names, titles, pronouns ("he insisted"), descriptions
//! ("the ministry's spokesman", "the ministry") and relative clauses ("Moscow, which insists ...").
//! Unnamed sources ("officials said") are marked anonymous, as are things someone only saw or was
//! given ("according to documents seen by the Herald": the documents, not the Herald).
//!
//! The voice's stance on each attribution is left `Reported` here; `corroborate-stance` decides it.
//! Pure: tokens, sentences and entities in, attributions out.
//!
//! ```
//! use corroborate_nlp::{tokenize, sentences, entities};
//! let text = "The mayor of Velkor, Ana Ruiz, said the bridge was closed. “It is safe,” she added.";
//! let toks = tokenize(text, &[]);
//! let sents = sentences(text, &toks, &[]);
//! let ents = entities(text, &toks, &sents);
//! let found = corroborate_attribution::find(text, &toks, &sents, &ents, None);
//! assert_eq!(found.attributions.len(), 2);
//! assert_eq!(found.attributions[1].speaker.as_ref().unwrap().name, "Ana Ruiz");
//! assert_eq!(found.attributions[1].content.slice(text), "It is safe");
//! ```

pub mod learned;
pub mod lexicon;
pub mod quotes;

use corroborate_model::{Attribution, AttributionKind, Entity, EntityType, Span, SpanSet, Speaker, Stance};
use corroborate_nlp::{is_capitalized, TokKind, Token};
use lexicon::*;
pub use quotes::{find_quotes, Quote};
use std::collections::HashMap;

/// What [`find`] returns: the attributions (in text order) and every quotation found, used or not.
#[derive(Debug, Default)]
pub struct Found {
    pub attributions: Vec<Attribution>,
    pub quotes: Vec<Quote>,
    /// Indices into `quotes` of quotations that no attribution uses (scare-quote candidates).
    pub unattributed_quotes: Vec<usize>,
}

const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "evening",
    "night",
    "weekend",
    "afternoon",
];
/// Number words before a unit of time: "three years ago", "a few weeks ago".
const NUMBER_WORDS: &[&str] =
    &["a", "few", "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many"];
const SUBORDINATORS: &[&str] = &["while", "when", "after", "before", "as"];

/// Words that open the voice's own clause after a postposed report: "X, the ministry said, | as
/// claims spread", "the network said on Wednesday | after reviewing the protocols".
const SETTING_SUBORDINATORS: &[&str] = &["after", "amid", "as", "before", "following", "when", "whereas", "while"];

/// Words that open a short setting after a cue: "said | on Wednesday", "said | late on Tuesday".
const SETTING_OPENERS: &[&str] = &["at", "during", "early", "in", "late", "on", "overnight"];
/// Words that never qualify a role noun after them (see `Ctx::role_modifier`).
const FUNCTION_WORDS: &[&str] = &[
    "about", "after", "all", "also", "although", "and", "any", "are", "because", "been", "before", "but", "can",
    "could", "for", "from", "had", "has", "have", "her", "his", "into", "its", "many", "may", "might", "more", "most",
    "must", "not", "one", "other", "our", "over", "says", "shall", "should", "since", "some", "such", "than", "that",
    "the", "their", "then", "these", "this", "those", "though", "two", "under", "unless", "until", "was", "were",
    "what", "when", "where", "whereas", "which", "while", "who", "will", "with", "would", "yet",
];
const DETERMINERS: &[&str] =
    &["the", "a", "an", "these", "those", "this", "that", "his", "her", "its", "their", "our", "such", "any", "no"];

/// Heads of sources that are information or a document rather than someone: "according to
/// confirmed information", "documents show".
const INFORMATION: &[&str] = &[
    "information",
    "info",
    "data",
    "intelligence",
    "report",
    "reports",
    "rumours",
    "rumors",
    "evidence",
    "document",
    "documents",
    "records",
    "figures",
    "statistics",
    "footage",
    "letter",
    "memo",
    "email",
];

/// The source's token range, its speaker and the entity of `kind` in the source that the speaker was
/// named for, when the speaker was resolved by name.
fn named_in_source<'a>(
    ctx: &'a Ctx,
    r: &Raw,
    sp: Option<&'a Speaker>,
    kind: EntityType,
) -> Option<((usize, usize), &'a Speaker, &'a Entity)> {
    let ((a, b), sp) = (r.source?, sp?);
    if sp.kind != kind || sp.resolution != "name" {
        return None;
    }
    let toks = ctx.toks;
    let e = ctx.entities.iter().find(|e| {
        e.kind == kind && e.canonical == sp.name && toks[a].span.start <= e.span.start && e.span.end <= toks[b].span.end
    })?;
    Some(((a, b), sp, e))
}

/// Records `name` as the one holder of `key`, or no one once two names hold it.
fn hold(holders: &mut HashMap<String, Option<String>>, key: String, name: &str) {
    let holder = holders.entry(key).or_insert_with(|| Some(name.to_string()));
    if holder.as_deref() != Some(name) {
        *holder = None;
    }
}

/// A description of a body is the body the article names in it, before or after: "the national grid
/// operator said ..." and "The operator, Calgrid, said ..." (or "Harbourline Security, a private
/// firm that ...") are one speaker, as [`named_roles`] does for people. The body's noun is the last
/// lower-case word of the words beside the name (after their determiners, up to a preposition or
/// clause), a noun of a body or an agent ("operator", "firm", "insurer"); only one body may be so
/// called in the article, and only a definite description ("the operator", "the national grid
/// operator") stands for it. A description with no name anywhere ("the analyst" after "an energy
/// analyst") is the earlier one whose words end in its own, when only one does.
fn named_descriptions(ctx: &Ctx, raw: &[Raw], speakers: &mut [Option<Speaker>]) {
    let toks = ctx.toks;
    let noun = |ks: &[usize]| -> Option<String> {
        let words: Vec<usize> = ks.iter().copied().filter(|&k| toks[k].is_word()).collect();
        let &head = words.last()?;
        let w = ctx.lower(head);
        let lower = words.iter().all(|&k| !ctx.cap(k) || DETERMINERS.contains(&ctx.lower(k)));
        (lower
            && words.len() >= 2
            && DETERMINERS.contains(&ctx.lower(words[0]))
            && !w.ends_with('s')
            && (is_org_word(w) || agent_noun(w) || is(INSTITUTIONS, w)))
        .then(|| w.to_string())
    };
    let mut holders: HashMap<String, Option<String>> = HashMap::new();
    for (r, sp) in raw.iter().zip(speakers.iter()) {
        let Some(((a, b), sp, e)) = named_in_source(ctx, r, sp.as_ref(), EntityType::Org) else { continue };
        // "The operator, | Calgrid": the words before the name and its comma; "Harbourline
        // Security, | a private firm | that ...": after the name's comma, up to a clause
        let before: Vec<usize> = (a..=b).filter(|&k| toks[k].span.end <= e.span.start).collect();
        let before = match before.split_last() {
            Some((&last, rest)) if toks[last].is_punct(',') => rest.to_vec(),
            _ => Vec::new(),
        };
        let rest: Vec<usize> = (a..=b).filter(|&k| toks[k].span.start >= e.span.end).collect();
        let after: Vec<usize> = match rest.split_first() {
            Some((&comma, rest)) if toks[comma].is_punct(',') => rest
                .iter()
                .copied()
                .take_while(|&k| {
                    toks[k].is_word()
                        && !matches!(
                            toks[k].lower.as_str(),
                            "of" | "for" | "at" | "in" | "that" | "who" | "which" | "with"
                        )
                })
                .collect(),
            _ => Vec::new(),
        };
        for head in [noun(&before), noun(&after)].into_iter().flatten() {
            hold(&mut holders, head, &sp.name);
        }
    }
    // the unnamed descriptions so far, by their last word: "energy analyst" for a later "the analyst"
    let mut described: HashMap<String, Option<String>> = HashMap::new();
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by_key(|&i| raw[i].cue_span(toks).start);
    for i in order {
        let (Some((a, b)), Some(s)) = (raw[i].source, speakers[i].as_mut()) else { continue };
        // (words of no name: "energy analyst" of "an energy analyst quoted by the news agency DNA")
        let unnamed = matches!(s.resolution.as_str(), "unnamed" | "description" | "anonymous")
            && s.kind != EntityType::Person
            && s.name.split_whitespace().all(|w| !w.starts_with(char::is_uppercase));
        if !unnamed {
            continue;
        }
        let head = ctx.lower(b).to_string();
        let definite = ctx.lower(a) == "the" && (a + 1..=b).all(|k| toks[k].is_word() && !ctx.cap(k));
        if definite {
            if let Some(Some(name)) = holders.get(&head) {
                *s = Speaker {
                    name: name.clone(),
                    kind: EntityType::Org,
                    anonymous: false,
                    resolution: "reference".into(),
                };
                continue;
            }
            if b == a + 1 {
                if let Some(Some(name)) = described.get(&head) {
                    s.name = name.clone();
                    continue;
                }
            }
        }
        // (a short phrase of plain modifiers, "energy analyst", "senior law enforcement official":
        // not one that says which or how many, "another source", "one company", nor a clause or a
        // phrase with a preposition, "attorneys for the family", nor a title, "shadow chancellor"
        // is not "the chancellor")
        let words: Vec<&str> = s.name.split_whitespace().collect();
        let plain = |w: &&str| {
            let w = w.to_lowercase();
            !w.contains(|c: char| c.is_ascii_digit())
                && !DETERMINERS.contains(&w.as_str())
                && !is(QUANTIFIERS, &w)
                && !is(FUNCTION_WORDS, &w)
                && !matches!(
                    w.as_str(),
                    "one"
                        | "another"
                        | "other"
                        | "multiple"
                        | "each"
                        | "every"
                        | "no"
                        | "and"
                        | "or"
                        | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "by"
                        | "to"
                )
        };
        let modifiers =
            (2..=4).contains(&words.len()) && words.iter().all(plain) && !corroborate_nlp::lexicon::is_title(&head);
        if let (true, Some(last)) = (modifiers, words.last()) {
            hold(&mut described, last.to_lowercase(), &s.name);
        }
    }
}

/// A lowercase word that names a role: a descriptor ("spokesman"), a title ("minister") or an agent
/// noun ("engineer").
fn role_word(w: &str) -> bool {
    is(DESCRIPTORS, w) || corroborate_nlp::lexicon::is_title(w) || agent_noun(w)
}

/// A role described without a name is the person the article names in that role, before or after:
/// "the city's police chief said ..." and "Police chief Gerrit Hauke said ..." (or "The city's
/// police chief, Gerrit Hauke, ...") are one speaker. The role is the description's words after its
/// determiners and owner ("police chief", "shadow finance minister": not "finance minister"), two or
/// more, a person's role last, and only one person may hold it in the article; a description with
/// "a" or "an" ("a police chief") stays unnamed.
fn named_roles(ctx: &Ctx, raw: &[Raw], speakers: &mut [Option<Speaker>]) {
    let toks = ctx.toks;
    // a role: the lowercased words of a phrase after its determiners and its owner ("the city's |
    // police chief"), two or more, the last a person's role (not a body: "the State Department")
    let role_of = |ks: &[usize]| -> Option<String> {
        let from = ks.iter().rposition(|&k| toks[k].kind == TokKind::Possessive).map_or(0, |p| p + 1);
        let words: Vec<&str> = ks[from..]
            .iter()
            .filter(|&&k| toks[k].is_word())
            .map(|&k| toks[k].lower.as_str())
            .skip_while(|w| DETERMINERS.contains(w))
            .collect();
        let head = *words.last()?;
        let body = is(BODY_DESCRIPTORS, head) || head == "source";
        (words.len() >= 2 && role_word(head) && !body && !head.ends_with('s')).then(|| words.join(" "))
    };
    let mut holders: HashMap<String, Option<String>> = HashMap::new();
    for (r, sp) in raw.iter().zip(speakers.iter()) {
        let Some(((a, b), sp, e)) = named_in_source(ctx, r, sp.as_ref(), EntityType::Person) else { continue };
        // the words before the name ("Police chief | Gerrit Hauke"), or after its comma up to a
        // preposition or clause ("Gerrit Hauke, | the city's police chief")
        let before: Vec<usize> =
            (a..=b).filter(|&k| toks[k].span.end <= e.span.start && !toks[k].is_punct(',')).collect();
        let after: Vec<usize> = (a..=b)
            .filter(|&k| toks[k].span.start >= e.span.end && !toks[k].is_punct(','))
            .take_while(|&k| !matches!(toks[k].lower.as_str(), "of" | "for" | "at" | "in" | "who" | "which"))
            .collect();
        for role in [role_of(&before), role_of(&after)].into_iter().flatten() {
            hold(&mut holders, role, &sp.name);
        }
    }
    for (r, sp) in raw.iter().zip(speakers.iter_mut()) {
        let (Some((a, b)), Some(s)) = (r.source, sp.as_mut()) else { continue };
        // (a definite description: "the police chief", "the city's police chief")
        let definite = ctx.lower(a) == "the" || a < b && toks[a + 1].kind == TokKind::Possessive;
        if s.kind == EntityType::Person || s.anonymous || !definite {
            continue;
        }
        let ks: Vec<usize> = (a..=b).collect();
        if let Some(Some(name)) = role_of(&ks).and_then(|role| holders.get(&role)) {
            *s = Speaker {
                name: name.clone(),
                kind: EntityType::Person,
                anonymous: false,
                resolution: "description".into(),
            };
        }
    }
}

/// Lowercase nouns for people by their ending: engineer, doctor, scientist, guardsman, residents.
fn agent_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    w.len() > 4
        && ["er", "or", "ist", "ian", "ant", "man", "woman", "men", "eer", "ent"].iter().any(|s| w.ends_with(s))
        && !matches!(
            w,
            "other"
                | "under"
                | "after"
                | "never"
                | "however"
                | "order"
                | "over"
                | "number"
                | "member"
                | "matter"
                | "major"
                | "minor"
                | "prior"
                | "moment"
                | "comment"
                | "event"
                | "percent"
                | "recent"
                | "current"
                | "different"
                | "important"
                | "statement"
                | "government"
                | "agreement"
                | "development"
                | "investment"
                | "treatment"
        )
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// sentence index of each token (tokens outside sentences: usize::MAX)
    sent_of: Vec<usize>,
    /// first and one-past-last token of each sentence
    sent_toks: Vec<(usize, usize)>,
    entities: &'a [Entity],
    /// whether `entities` are in order of their starts (as `corroborate_nlp::entities` gives them),
    /// so those inside a phrase are found by binary search
    entities_sorted: bool,
    /// whether each token's lowercase form is a cue verb ([`is_cue_verb`], looked up once per token)
    cue_verb: Vec<bool>,
    /// description head (e.g. "spokesman") -> speaker name learnt from "the ministry's spokesman Igor K."
    descriptions: HashMap<String, (String, EntityType)>,
    /// lowercase surname -> whether the article calls that person "Mr" (true) or "Ms"/"Mrs"/"Miss"
    /// (false); a surname given both is left out
    titled: HashMap<String, bool>,
    /// the content of the attribution being resolved when it comes before its cue: a pronoun's
    /// antecedent is not named inside the words it speaks ("“Ana Ruiz was not there,” he said")
    own_words: Option<Span>,
    /// the person a speaker was described through ("Robert Plant" of "Robert Plant's publicist"),
    /// still the antecedent of a later "he" or "she"
    described_through: Option<Speaker>,
}

/// Whether a first name leans male (`Some(true)`), female (`Some(false)`) or neither, by the words
/// of `data/genders.tsv`: derived from the static embedding table (`corroborate_embed::gender`) by
/// `corroborate eval attribution --train-model`, and read on first use.
fn first_name_male(name: &str) -> Option<bool> {
    static WORDS: std::sync::OnceLock<HashMap<&'static str, bool>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        include_str!("../data/genders.tsv")
            .lines()
            .filter_map(|l| {
                let (w, g) = l.split_once('\t')?;
                Some((w, g == "m"))
            })
            .collect()
    });
    let name = name.to_lowercase();
    // a double name by the part the list knows ("Jean-Pierre")
    words.get(name.as_str()).or_else(|| name.split('-').find_map(|part| words.get(part))).copied()
}

/// The surnames an article gives a gendered title ("Mr. Sanders", "Ms Clinton"), for pronouns; not
/// those that two people of the article share ("Bill Clinton" and "Hillary Clinton": "Mrs. Clinton"
/// says nothing of him).
fn titled_names(text: &str, toks: &[Token], entities: &[Entity]) -> HashMap<String, bool> {
    let mut seen: HashMap<String, Option<bool>> = HashMap::new();
    for (i, t) in toks.iter().enumerate() {
        let male = match t.lower.trim_end_matches('.') {
            "mr" => true,
            "ms" | "mrs" | "miss" => false,
            _ => continue,
        };
        let next = toks[i + 1..].iter().find(|n| !n.is_punct('.'));
        if let Some(n) = next.filter(|n| n.kind == TokKind::Word && is_capitalized(n.span.slice(text))) {
            let e = seen.entry(n.lower.to_string()).or_insert(Some(male));
            if *e != Some(male) {
                *e = None;
            }
        }
    }
    let mut people: HashMap<String, Vec<&str>> = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityType::Person) {
        if let Some((_, surname)) = e.canonical.rsplit_once(' ') {
            let names = people.entry(surname.to_lowercase()).or_default();
            if !names.contains(&e.canonical.as_str()) {
                names.push(&e.canonical);
            }
        }
    }
    seen.into_iter()
        .filter(|(k, _)| people.get(k).is_none_or(|p| p.len() < 2))
        .filter_map(|(k, v)| Some((k, v?)))
        .collect()
}

impl Ctx<'_> {
    /// [`is_cue_verb`] of token `i`'s lowercase form.
    fn cue_verb(&self, i: usize) -> bool {
        self.cue_verb[i]
    }
    /// [`Ctx::cue_verb`], false past the last token.
    fn cue_verb_at(&self, i: usize) -> bool {
        self.cue_verb.get(i).copied().unwrap_or(false)
    }
    fn lower(&self, i: usize) -> &str {
        &self.toks[i].lower
    }
    fn cap(&self, i: usize) -> bool {
        self.toks[i].kind == TokKind::Word && is_capitalized(self.toks[i].span.slice(self.text))
    }
    fn sent_start(&self, i: usize) -> usize {
        self.sent_toks.get(self.sent_of[i]).map_or(i, |s| s.0)
    }
    fn sent_end(&self, i: usize) -> usize {
        self.sent_toks.get(self.sent_of[i]).map_or(i + 1, |s| s.1)
    }
    /// True when token `i` opens its sentence, or follows only quotation marks from its start.
    fn opens_sentence(&self, i: usize) -> bool {
        (self.sent_start(i)..i).all(|k| matches!(self.toks[k].kind, TokKind::Quote(_)))
    }
    fn np_token(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            TokKind::Possessive | TokKind::Number => true,
            TokKind::Word => self.cap(i) || is(NP_MODIFIERS, &t.lower) || role_word(&t.lower) || self.role_modifier(i),
            _ => false,
        }
    }
    /// A lowercase noun that says whose role the next word is, in a title before a name: "council"
    /// in "council leader Ana Pelt", "press" in "press secretary Brian Fallon" (not "said", "also",
    /// "the", an adverb or a participle; nor "world" in "world leaders", which names no one).
    fn role_modifier(&self, i: usize) -> bool {
        let l = self.lower(i);
        let role =
            |n: usize| self.toks.get(n).is_some_and(|t| t.kind == TokKind::Word && !self.cap(n) && role_word(&t.lower));
        l.len() >= 3
            && l.chars().all(|c| c.is_ascii_lowercase())
            && !self.cap(i)
            && !self.cue_verb(i)
            && !(l.ends_with("ly") || l.ends_with("ing") || l.ends_with("ed"))
            && !is(FUNCTION_WORDS, l)
            && role(i + 1)
            && self.toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Word)
            && self.cap(i + 2)
    }
    fn head_ok(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == TokKind::Word
            && (self.cap(i) || is(DESCRIPTORS, &t.lower) || is(PRONOUNS, &t.lower) || agent_noun(&t.lower))
            && !DETERMINERS.contains(&t.lower.as_str())
    }
}

/// Finds attributions. `title` is the span of the headline, where "Name: words" is an attribution.
pub fn find(text: &str, toks: &[Token], sents: &[Span], entities: &[Entity], title: Option<Span>) -> Found {
    find_with(text, toks, sents, entities, title, learned::Model::builtin())
}

/// [`find`] with a given learned model (`None`: rules only).
pub fn find_with(
    text: &str,
    toks: &[Token],
    sents: &[Span],
    entities: &[Entity],
    title: Option<Span>,
    model: Option<&learned::Model>,
) -> Found {
    let mut sent_of = vec![usize::MAX; toks.len()];
    let mut sent_toks = Vec::with_capacity(sents.len());
    let mut ti = 0;
    for (si, s) in sents.iter().enumerate() {
        while ti < toks.len() && toks[ti].span.start < s.start {
            ti += 1;
        }
        let a = ti;
        while ti < toks.len() && toks[ti].span.end <= s.end {
            sent_of[ti] = si;
            ti += 1;
        }
        sent_toks.push((a, ti));
    }
    let cue_verb: Vec<bool> = toks.iter().map(|t| is_cue_verb(&t.lower)).collect();
    let entities_sorted = entities.is_sorted_by_key(|e| e.span.start);
    let mut ctx = Ctx {
        text,
        toks,
        sent_of,
        sent_toks,
        entities,
        entities_sorted,
        cue_verb,
        descriptions: HashMap::new(),
        titled: titled_names(text, toks, entities),
        own_words: None,
        described_through: None,
    };
    let quotes = find_quotes(text, toks);
    let mut raw: Vec<Raw> = Vec::new();
    let mut used_quote = vec![false; quotes.len()];
    let mut used_cue = vec![false; toks.len()];

    // Direct quotes.
    for (qi, q) in quotes.iter().enumerate() {
        if let Some(r) = direct_after(&ctx, q).or_else(|| direct_before(&ctx, q)) {
            used_quote[qi] = true;
            used_cue[r.cue.0] = true;
            raw.push(r);
        }
    }
    // Signatures: `“words” ― Name` closing a paragraph (vox pops, epigraphs).
    for (qi, q) in quotes.iter().enumerate() {
        if used_quote[qi] {
            continue;
        }
        if let Some(r) = dash_signature(&ctx, q) {
            used_quote[qi] = true;
            used_cue[r.cue.0] = true;
            raw.push(r);
        }
    }
    // tokens inside a quotation (marks excluded)
    let mut in_quote = vec![false; toks.len()];
    for q in &quotes {
        in_quote[q.open + 1..q.close].iter_mut().for_each(|x| *x = true);
    }
    // Reported speech.
    for c in 0..toks.len() {
        if used_cue[c] || ctx.sent_of[c] == usize::MAX || in_quote[c] {
            continue;
        }
        let r = if toks[c].lower == "according" && toks.get(c + 1).is_some_and(|t| t.lower == "to") {
            according_to(&ctx, c)
        } else if ctx.cue_verb(c)
            && toks[c].kind == TokKind::Word
            && !(ctx.cap(c) && c > ctx.sent_start(c) && !title.is_some_and(|t| t.contains(&toks[c].span)))
        {
            indirect(&ctx, c)
        } else {
            None
        };
        if let Some(r) = r {
            raw.push(r);
        }
    }
    // Transcript lines "PENCE: words" and "Name Surname: words" at the start of a paragraph (two or
    // more of them, so that a dateline "BELMARK: ..." is not one).
    let mut transcript = Vec::new();
    for &(a, b) in ctx.sent_toks.iter() {
        if a >= toks.len() || !(a == 0 || toks[a].newline_before) {
            continue;
        }
        let a = if toks[a].is_quote() { a + 1 } else { a };
        let Some(colon) = (a..b.min(a + 5)).find(|&i| toks[i].is_punct(':')) else { continue };
        if colon == a
            || used_cue[colon]
            || !(a..colon).all(|i| ctx.cap(i))
            || title.is_some_and(|t| t.contains(&toks[a].span))
            || (a..colon).any(|i| is(HEADLINE_LABELS, ctx.lower(i)))
        {
            continue;
        }
        // the paragraph that follows
        let mut end = colon + 1;
        while end + 1 < toks.len() && !toks[end + 1].paragraph_before {
            end += 1;
        }
        if end <= colon || end >= toks.len() {
            continue;
        }
        let content = toks[colon + 1].span.cover(&toks[end].span).trim(text, &['"', '“', '”']);
        if content.is_empty() {
            continue;
        }
        transcript.push(Raw {
            source: Some((a, colon - 1)),
            cue: (colon, colon),
            content,
            direct: true,
            learned: false,
            more: None,
            subject: None,
        });
    }
    if transcript.len() >= 2 {
        raw.extend(transcript);
    }
    raw.extend(block_after_colon(&ctx, &used_cue));
    // Headline "Name: words".
    let headline = title.and_then(|t| headline_colon(&ctx, t));
    if let Some(r) = &headline {
        raw.push(r.clone());
    }
    // which tokens the part-of-speech tagger reads as nouns (empty without the learned model)
    let mut nominal: Vec<bool> = Vec::new();
    // and which as verbs
    let mut verbal: Vec<bool> = Vec::new();
    // The learned tagger (when its weights load): its attributions replace rule ones whose cue
    // falls inside one of its attributions.
    if let Some(model) = model {
        let lexicon = toks.iter().zip(&ctx.cue_verb).map(|(t, &v)| v && t.kind == TokKind::Word).collect();
        let doc = learned::Doc::with_lexicon(
            text,
            toks,
            sents,
            model.pos.as_ref(),
            model.clusters.as_ref(),
            &quotes,
            lexicon,
        );
        let cues = model.cues(&doc);
        nominal = (0..toks.len()).map(|i| doc.nominal(i)).collect();
        verbal = (0..toks.len()).map(|i| doc.verb(i)).collect();
        let mut covered = vec![false; toks.len()];
        let mut in_content = vec![false; toks.len()];
        let mut learned_raw = Vec::new();
        // each quotation's words without a final stop or comma, what a whole-quotation content is
        // compared with
        let quote_bare: Vec<Span> = quotes.iter().map(|q| q.inner.trim(text, &['.', ','])).collect();
        let whole_quote = |bare: Span| quote_bare.iter().position(|&b| b == bare).map(|qi| &quotes[qi]);
        let mut tagged = model.roles(&doc, &cues);
        drop_acts_in_contents(&ctx, &verbal, &mut tagged);
        nested_before_postposed(&ctx, &verbal, &mut tagged);
        learned_cuts(&ctx.sent_of, &mut tagged);
        // what each attribution reports after its cue
        let reported: HashMap<usize, (usize, usize)> =
            tagged.iter().filter_map(|t| t.content.filter(|&(a, _)| a > t.cue.1)).map(|(a, b)| (b, (a, b))).collect();
        for mut t in tagged {
            let Some((mut ca, mut cb)) = t.content else { continue };
            // what was said after the cue opens on no programme's title (or is only one: then the
            // part before the cue is all that was said)
            if ca > t.cue.1 {
                match past_programme(&ctx, &quotes, (ca, cb)).or_else(|| t.more.take()) {
                    Some((a, b)) => (ca, cb) = (a, b),
                    None => continue,
                }
            }
            // the headline colon rule knows "Name: words" better than a cue the tagger finds in it
            if let Some(h) = &headline {
                let (sa, _) = h.source.unwrap_or(h.cue);
                if [Some(t.cue), t.source, t.content].into_iter().flatten().any(|(a, b)| a <= h.cue.0 && sa <= b) {
                    continue;
                }
            }
            // a link's or a photo's label is no one: "MORE: Man survives fall", "PHOTOS: ..."
            if t.cue.0 == t.cue.1 && toks[t.cue.0].is_punct(':') && {
                let line = (0..t.cue.0).rev().find(|&k| toks[k].newline_before).unwrap_or(0);
                t.cue.0 - line <= 3 && (line..t.cue.0).any(|k| is(HEADLINE_LABELS, ctx.lower(k)))
            } {
                continue;
            }
            // a capitalised cue word between two capitalised words inside a sentence is a name:
            // "Brigadier General | Said | Nasser", "Major Claim Tower" (the rules skip such cues too;
            // not in a title-case headline, whose longer words are all capitalised: "Trump Says He
            // Will Win")
            let (s0, s1) = (ctx.sent_start(t.cue.0), ctx.sent_end(t.cue.0));
            if t.cue.0 == t.cue.1
                && ctx.cap(t.cue.0)
                && (s0..s1).any(|k| toks[k].kind == TokKind::Word && !ctx.cap(k) && toks[k].lower.len() > 4)
                && t.cue.0 > ctx.sent_start(t.cue.0)
                && !title.is_some_and(|h| h.contains(&toks[t.cue.0].span))
                && ctx.cap(t.cue.0 - 1)
                && toks.get(t.cue.0 + 1).is_some_and(|_| ctx.cap(t.cue.0 + 1))
            {
                continue;
            }
            // "everyone knows ...": the voice's own rhetoric, not someone's statement
            if t.source.is_some_and(|(a, b)| {
                a == b && matches!(toks[a].lower.as_str(), "everyone" | "everybody" | "nobody" | "anyone")
            }) {
                continue;
            }
            // a parenthetical before "that": "said, without evidence, that ..."
            if let Some(k) = (ca + 1..cb.min(ca + 9)).find(|&k| toks[k].lower == "that" && toks[k - 1].is_punct(',')) {
                if toks[ca..k].iter().filter(|x| x.is_punct(',')).count() == 1 {
                    ca = k;
                }
            }
            // a source ends on a word: "Belmark, which" -> "Belmark"
            // and not on an adverb or auxiliary of the clause: "Trump has often", "Politifact then",
            // "He’s" -> "He"
            t.source = t.source.and_then(|x| trim_source(text, toks, x));
            // ", which he denies": what another attribution reports just before, when it ends at that
            // comma ("Critics claim the mayor's office ignored warnings, | which | he denies"; "the
            // allegations that he assaulted her, which he has denied"), for a cue that denies or
            // grants what it is said of, its source between "which" and the cue (not "which raised
            // concerns among experts", "which friends described as miserable")
            if ca == cb
                && toks[ca].lower == "which"
                && ca > 1
                && toks[ca - 1].is_punct(',')
                && t.source.is_some_and(|(sa, sb)| ca < sa && sb < t.cue.0)
                && (t.cue.0..=t.cue.1).any(|k| {
                    is(DENIAL_CUES, ctx.lower(k))
                        || is(FACTIVE_CUES, ctx.lower(k))
                        || matches!(ctx.lower(k), "dispute" | "disputes" | "disputed" | "contests" | "contested")
                })
            {
                if let Some(&(pa, pb)) = reported.get(&(ca - 2)) {
                    (ca, cb) = (pa, pb);
                }
            }
            // a lone pronoun is no content ("were recently liberated, which")
            if ca == cb && matches!(toks[ca].lower.as_str(), "which" | "that" | "it" | "this" | "who" | "what") {
                continue;
            }
            // no source found: the rules' source for the same cue, if they have one; and the rules'
            // source where it covers the learned one ("Russia's Defense Ministry" over "Ministry")
            let rule = raw.iter().find(|r| (t.cue.0..=t.cue.1).contains(&r.cue.0));
            // (the tokens of a rule's content)
            let token_range = |c: Span| {
                (
                    toks.partition_point(|x| x.span.start < c.start),
                    toks.partition_point(|x| x.span.end <= c.end).saturating_sub(1),
                )
            };
            // a report inverted after its content's comma ("CONTENT, say residents", a headline's
            // "CONTENT, Says Mayor"): the rules read its parts by their order, where the tagger can
            // take a headline's capitalised content for the source, or a month for a name
            if let Some(r) = rule.filter(|r| {
                !r.direct
                    && r.cue.0 == t.cue.0
                    && is(INVERTED_CUES, ctx.lower(r.cue.0))
                    && r.cue.0 > 0
                    && toks[r.cue.0 - 1].is_punct(',')
                    && r.source.is_some_and(|(a, _)| a > r.cue.1)
                    && r.content.end <= toks[r.cue.0].span.start
            }) {
                t.source = r.source;
                (ca, cb) = token_range(r.content);
                t.more = None;
            }
            // after the one told, what was said starts where the rules read it: "told reporters |
            // the ferry would run", which the tagger can cut to "would run"
            if let Some(r) = rule.filter(|r| {
                !r.direct
                    && matches!(ctx.lower(t.cue.1), "told" | "tell" | "tells")
                    && r.content.start > toks[t.cue.1].span.end
                    && r.content.start < toks[ca].span.start
                    && r.content.end >= toks[cb].span.end
                    && addressee_end(&ctx, t.cue.1 + 1, ctx.sent_end(t.cue.1))
                        .is_some_and(|k| toks.get(k).is_some_and(|x| x.span.start == r.content.start))
            }) {
                ca = token_range(r.content).0;
            }
            // the one told and a setting after a cue are no content: "CONTENT, he said | to
            // reporters on Monday." (what was said is the rules' content before the cue)
            if told_only(&ctx, t.cue.1, (ca, cb)) {
                let Some(r) = rule.filter(|r| r.content.end <= toks[t.cue.0].span.start) else { continue };
                (ca, cb) = token_range(r.content);
                t.source = t.source.or(r.source);
            }
            let rule_source = rule.and_then(|r| r.source);
            // a content cut short runs on as the rules read the cue: a "that" clause cut at the
            // comma of an appositive ("told the Post that Ana Ruiz, | an engineer who ..., is not his
            // adviser"), a content ending on an article ("has described as | “rubbish” a")
            let appositive = toks[ca].lower == "that"
                && toks.get(cb + 1).is_some_and(|x| x.is_punct(','))
                && !(ca + 1..=cb).any(|k| doc.verb(k) || auxiliary(ctx.lower(k)));
            let article = DETERMINERS.contains(&ctx.lower(cb)) && !matches!(ctx.lower(cb), "that" | "this");
            // and a subject cut before or at the end of its relative clause: "said the bridge, |
            // which opens in May, would ease traffic", "says the reform, which raises the age, | is
            // needed" (the clause closed by a comma, a verb after it)
            let relative_at = |k: usize| {
                toks[k].is_punct(',') && toks.get(k + 1).is_some_and(|x| matches!(x.lower.as_str(), "which" | "who"))
            };
            // (a finite verb: not a participle, "..., drawing 1,110 people", "according to")
            let verb_after = |k: usize| {
                toks[k].is_punct(',')
                    && toks.get(k + 1).is_some_and(|x| {
                        x.is_word() && (auxiliary(&x.lower) || doc.verb(k + 1) && !x.lower.ends_with("ing"))
                    })
            };
            let end = ctx.sent_end(cb);
            let relative = cb > t.cue.1
                && cb + 1 < end
                && (relative_at(cb + 1) && (cb + 3..end).find(|&k| toks[k].is_punct(',')).is_some_and(verb_after)
                    || verb_after(cb + 1) && (ca..cb).rev().find(|&k| toks[k].is_punct(',')).is_some_and(relative_at));
            if let Some(r) = rule.filter(|r| {
                (appositive || article || relative)
                    && r.content.start <= toks[ca].span.start
                    && r.content.end > toks[cb].span.end
            }) {
                cb = toks.partition_point(|x| x.span.end <= r.content.end).saturating_sub(1).max(cb);
            } else if relative {
                // (where the rules cut it too, to the end of the clause after the relative one:
                // the next comma, "..., did not require witnesses to cooperate, | sources told
                // POLITICO", or the end of the sentence)
                let verb = (cb + 1..end).find(|&k| verb_after(k)).map_or(cb, |k| k + 1);
                let stop = (verb..end).find(|&k| toks[k].is_punct(',')).unwrap_or(end);
                cb = (cb..stop).rev().find(|&k| toks[k].is_word()).unwrap_or(cb);
            }
            // a second "that" clause joined by "and" is no more the whole content than the first:
            // "said every count had been watched | and that no complaint had been filed" runs from
            // where the rules' content starts, right after the cue
            let coordinated = ca > t.cue.1 + 1
                && toks[ca].lower == "that"
                && matches!(ctx.lower(ca - 1), "and" | "or" | "but")
                && !(t.cue.1 + 1..ca).any(|k| toks[k].is_quote() || toks[k].is_punct('.'));
            if let Some(r) = rule.filter(|r| {
                coordinated
                    && !r.direct
                    && r.content.start > toks[t.cue.1].span.end
                    && r.content.start < toks[ca].span.start
                    && r.content.end > toks[ca].span.end
            }) {
                ca = token_range(r.content).0;
            }
            // a relative clause after the cue's noun ("CONTENT, a website claimed in a story | that
            // went viral": "that" and a verb): what was claimed is the clause before the source's comma
            let medium =
                |w: &str| is(CONTEXT_NOUNS, w) || matches!(w, "story" | "article" | "column" | "blog" | "piece");
            let relative = t.cue.1 >= t.cue.0 + 2
                && medium(ctx.lower(t.cue.1))
                && matches!(toks[ca].lower.as_str(), "that" | "which")
                && (ca + 1..=cb).find(|&k| !is_ly_adverb(ctx.lower(k))).is_some_and(|k| doc.verb(k));
            if let Some((sa, _)) =
                t.source.filter(|&(sa, _)| relative && sa >= ctx.sent_start(t.cue.0) + 4 && toks[sa - 1].is_punct(','))
            {
                ca = ctx.sent_start(t.cue.0);
                cb = sa - 2;
            }
            // and where only the rules' source names someone ("the representative of Paris ... said"
            // over "videos circulating in the region")
            let names = |(a, b): (usize, usize)| {
                (a..=b).any(|k| toks[k].is_word() && toks[k].span.slice(text).starts_with(char::is_uppercase))
            };
            // a participle joined by a comma speaks with the speaker of the report before it, not
            // with a name in or after what that one reported ("An official denied that she is the
            // wife of Dorn, the leader of the militia, | adding that ...": the official adds)
            let participle = ctx.lower(t.cue.0).ends_with("ing") && ctx.lower(t.cue.0) != "according";
            let joined = (t.cue.0 > 0 && toks[t.cue.0 - 1].is_punct(',') && participle)
                .then(|| {
                    learned_raw.iter().rev().find(|r: &&Raw| {
                        r.cue.1 < t.cue.0 && ctx.sent_of[r.cue.0] == ctx.sent_of[t.cue.0] && r.source.is_some()
                    })
                })
                .flatten()
                .filter(|r| {
                    // (the token after the content, and a comma after it)
                    let after = toks.partition_point(|x| x.span.end <= r.content.end);
                    t.source
                        .is_some_and(|(a, _)| a > r.cue.1 && toks[a].span.start >= r.content.start && a <= after + 1)
                })
                .and_then(|r| r.source);
            let source = match (t.source, rule_source) {
                _ if joined.is_some() => joined,
                (Some((a, b)), Some((ra, rb))) if ra <= a && b <= rb => Some((ra, rb)),
                (Some(l), Some(r)) if !names(l) && names(r) => Some(r),
                (learned, rules) => learned.or(rules),
            }
            .and_then(|x| trim_source(text, toks, x));
            // a content stops where the source taken begins: `“X,” the ministry's spokesman Y said`
            // when the tagger read "the ministry's spokesman" as content and the rules' source covers it
            if let Some((sa, _)) = source.filter(|&(sa, _)| ca < sa && sa <= cb) {
                cb = sa - 1;
                while cb > ca && !toks[cb].is_word() {
                    cb -= 1;
                }
            }
            // emphasis marks are no words of the content: `*"reliable sources,"* no one died`
            let mut content = toks[ca].span.cover(&toks[cb].span).trim(text, &[',', '*', '_']);
            if content.is_empty() {
                continue;
            }
            let bare = content.trim(text, &['"', '“', '”', '.', ',', ' ']);
            let whole = whole_quote(bare);
            let direct = whole.is_some() || quotes.iter().any(|q| q.inner.contains(&content));
            // a whole quotation is its words, without the marks
            if let Some(q) = whole {
                content = q.inner;
            }
            // a quotation that runs on from earlier paragraphs (news style: no closing mark at the
            // end of a paragraph, a new opening mark at the next) is one content, though the tagger
            // reads only its cue's paragraph: the rules' whole quotation
            let mut direct = direct;
            // (the marks that open the paragraphs alike: a straight mark left open is no start of a
            // curly quotation)
            let mark_before = |at: usize| {
                toks[..toks.partition_point(|x| x.span.start < at)].iter().rev().find(|x| x.is_quote()).map(|x| x.span)
            };
            if let Some(r) = rule.filter(|r| {
                r.direct
                    && r.content.contains(&bare)
                    && r.content.start < bare.start
                    && text[r.content.start..bare.start].contains("\n\n")
                    && quotes.iter().any(|q| {
                        q.inner == r.content
                            && (q.open == 0 || toks[q.open].paragraph_before)
                            && mark_before(bare.start).is_some_and(|m| {
                                m.slice(text) == toks[q.open].span.slice(text) && m.start > q.outer.start
                            })
                    })
            }) {
                content = r.content;
                direct = true;
            }
            for (a, b) in [Some(t.cue), source].into_iter().flatten() {
                covered[a..=b].iter_mut().for_each(|x| *x = true);
            }
            if let Some((a, b)) = t.content {
                in_content[a..=b].iter_mut().for_each(|x| *x = true);
            }
            // a clause the voice joins to a postposed report with a subordinating word is the
            // voice's own setting, not a second part of what was said: "X, the ministry said on
            // Thursday, | as claims that Y spread online", "he said when asked about Y" ("as" only
            // after a comma: "appointed as deputy" is no clause); a quotation that opens a sentence
            // after it and closes the second content stays the speaker's (`"X," he said when asked
            // about Y. "Z."`: Z)
            let subordinate = |(ma, _): (usize, usize)| {
                let from = t.source.map_or(t.cue.1, |s| s.1.max(t.cue.1)) + 1;
                ma > t.cue.1
                    && !toks[ma].is_quote()
                    && !quotes.iter().any(|q| q.open < ma && ma < q.close)
                    && (from..ma).any(|k| {
                        is(SETTING_SUBORDINATORS, ctx.lower(k)) && (ctx.lower(k) != "as" || toks[k - 1].is_punct(','))
                    })
            };
            let more = t.more.filter(|&m| !told_only(&ctx, t.cue.1, m)).and_then(|m| past_programme(&ctx, &quotes, m));
            let more = more.and_then(|(ma, mb)| {
                if !subordinate((ma, mb)) {
                    return Some((ma, mb));
                }
                // (a sentence ends before the quotation: a stop, an abbreviation's, or a quotation
                // that closes on one)
                let ends = |k: usize| toks[k].span.slice(text).ends_with(['.', '!', '?']);
                let q = quotes.iter().find(|q| {
                    q.open > ma + 1
                        && q.open <= mb
                        && q.close + 2 >= mb
                        && (ends(q.open - 1) || toks[q.open - 1].is_quote() && ends(q.open - 2))
                })?;
                Some((q.open, mb))
            });
            let more = more.and_then(|(ma, mb)| {
                let m = toks[ma].span.cover(&toks[mb].span).trim(text, &[',']);
                let bare = m.trim(text, &['"', '“', '”', '.', ',', ' ']);
                let q = whole_quote(bare);
                let m = q.map_or(m, |q| q.inner);
                (!m.is_empty()).then_some(m)
            });
            // whom a blame falls on is part of the charge, not of the cue (the tagger reads title
            // case so: "Calvera | Blames Drevnia for | Its Own Blackout")
            let mut cue = t.cue;
            if cue.1 > cue.0 + 1
                && matches!(ctx.lower(cue.0), "blames" | "blamed" | "blame" | "accuses" | "accused" | "accuse")
                && matches!(ctx.lower(cue.1), "for" | "of")
                && (cue.0 + 1..cue.1).all(|k| ctx.cap(k))
                && toks[cue.1].span.end <= content.start
            {
                content = toks[cue.0 + 1].span.cover(&content);
                cue = (cue.0, cue.0);
            }
            learned_raw.push(Raw { source, cue, content, direct, learned: true, more, subject: None });
        }
        // a rule attribution inside a learned content stays when its source names someone: PolNeAR
        // leaves such nested reports unmarked ("X said that Macron has agreed to ..."), but a reader
        // of the report wants Macron's part
        let names = |(a, b): (usize, usize)| {
            (a..=b).any(|k| toks[k].is_word() && toks[k].span.slice(text).starts_with(char::is_uppercase))
        };
        raw.retain(|r| !covered[r.cue.0] && (!in_content[r.cue.0] || r.source.is_some_and(names)));
        raw.extend(learned_raw);
        for r in raw.iter_mut() {
            let cue = r.cue_span(toks);
            r.source = r.source.map(|x| with_modifiers(text, toks, &doc, x, |t: &Token| t.span.overlaps(&cue)));
            // the words taken into the source leave the content that ran into them
            if let Some((a, _)) = r.source {
                let at = toks[a].span.start;
                if r.content.start < at && at < r.content.end {
                    let cut = Span::new(r.content.start, at).trim(text, &[',', ' ', '-', '—']);
                    if !cut.is_empty() {
                        r.content = cut;
                    }
                }
            }
        }
    }
    // a participle's saying with no source found is done by the subject of its clause (not inside
    // what another reports: "Agreeing to pay did not mean ..., the agency said"); what it reports
    // stops before that subject ("Noting that X, | Trump | said")
    let reported: Vec<Span> = raw.iter().map(|r| r.content).collect();
    for (i, r) in raw.iter_mut().enumerate() {
        let at = toks[r.cue.0].span;
        if r.source.is_some() || reported.iter().enumerate().any(|(j, c)| j != i && c.contains(&at)) {
            continue;
        }
        r.source = participle_controller(&ctx, &quotes, &verbal, r.cue.0);
        if let Some((a, _)) = r.source.filter(|&(a, _)| r.content.contains(&toks[a].span)) {
            let cut = Span::new(r.content.start, toks[a].span.start).trim(text, &[',', ' ', '"', '“', '”']);
            if cut.is_empty() {
                r.source = None;
            } else {
                r.content = cut;
            }
        }
    }
    // what was said begins past where and when it was said
    for r in raw.iter_mut().filter(|r| !r.direct) {
        if let Some(start) = past_setting(&ctx, &verbal, r) {
            r.content = Span::new(start, r.content.end);
        }
    }
    // a passive cue that reports nothing ("Brek | was attacked") is no attribution, before
    // contents are cut at other attributions; the people named by attributions dropped on the way
    // stay mentions for later pronouns
    let mut mentions: Vec<(usize, usize)> = Vec::new();
    passives(&ctx, &mut raw, true, &mut mentions);
    // nor is a verb and its particle that did something ("A cyberattack knocked | out power ...,
    // the operator said"), which would cut the content it stands in
    raw.retain(|r| {
        let act = opening_particle(&ctx, r) == Some(false);
        if act {
            mentions.extend(r.source);
        }
        !act
    });
    cut_learned_at_others(&ctx, &mut raw);
    // speaking somewhere or to someone is no statement: "spoke to reporters", "spoke at a
    // gathering", "called into a radio show" (a content starts with what was said)
    raw.retain(|r| {
        let next = toks.get(r.cue.1 + 1);
        r.direct
            || r.cue.0 != r.cue.1
            || !next.is_some_and(|n| n.span.start == r.content.start && place_not_words(&toks[r.cue.0].lower, &n.lower))
    });
    // "offered no evidence", "gave no details": what was not given is no statement
    raw.retain(|r| {
        let words: Vec<&str> = r.content.slice(text).split_whitespace().take(3).collect();
        r.direct
            || !(words.len() >= 2
                && words[0].eq_ignore_ascii_case("no")
                && matches!(
                    words[1].trim_end_matches(|c: char| !c.is_alphanumeric()),
                    "evidence"
                        | "proof"
                        | "details"
                        | "detail"
                        | "explanation"
                        | "specifics"
                        | "basis"
                        | "source"
                        | "sources"
                ))
    });
    // "it seems that", "it is expected that": an impersonal "it" is nobody (and must not be
    // resolved to whatever came before)
    raw.retain(|r| {
        !r.source.is_some_and(|(a, b)| a == b && toks[a].lower == "it" && impersonal_cue(&toks[r.cue.0..=r.cue.1]))
    });
    raw.sort_by_key(|r| (r.content.start, r.cue.0));
    raw.dedup_by(|a, b| a.cue.0 == b.cue.0);
    cut_at_following_attributions(&ctx, &mut raw);
    for r in raw.iter_mut() {
        parenthetical(&ctx, r);
    }
    add_second_contents(&ctx, &quotes, &mut raw);
    // a time phrase after a preposition is a setting, not a speaker: "The government has in | the
    // past | misled", "prosecutors in | April | charged": the noun phrase before the preposition (and
    // its auxiliary, and a relative pronoun's antecedent) speaks, if there is one
    for r in raw.iter_mut() {
        let Some((a, b)) = r.source else { continue };
        if a == 0
            || !time_phrase(toks, a, b)
            || !matches!(toks[a - 1].lower.as_str(), "in" | "on" | "during" | "since" | "until" | "over")
        {
            continue;
        }
        let min = ctx.sent_start(a);
        if a < min + 2 {
            r.source = None;
            continue;
        }
        // the words before the preposition: "prosecutors | in April", "the government has | in the past",
        // "Capital Economics, which has | in the past"
        let mut end = a - 2;
        if end > min && matches!(toks[end].lower.as_str(), "has" | "have" | "had") {
            end -= 1;
        }
        if end > min + 1 && matches!(toks[end].lower.as_str(), "who" | "which") && toks[end - 1].is_punct(',') {
            end -= 2;
        }
        // the noun phrase ending there: up to six words back, not across a comma, a cue verb or a
        // function word, a determiner its first word ("The port authority", "federal prosecutors")
        let word = |k: usize| toks[k].is_word() && !ctx.cue_verb(k) && !is(FUNCTION_WORDS, &toks[k].lower);
        if !word(end) {
            r.source = None;
            continue;
        }
        let mut start = end;
        while start > min && end - start < 5 && word(start - 1) {
            start -= 1;
        }
        if start > min && DETERMINERS.contains(&toks[start - 1].lower.as_str()) {
            start -= 1;
        }
        r.source = Some((start, end));
    }
    // who quoted someone is not who speaks: "An energy analyst quoted by | Ostria Radio | said" (the
    // tagger's source) is the analyst's report, the whole subject its source
    for r in raw.iter_mut() {
        let Some((a, b)) = r.source else { continue };
        let min = ctx.sent_start(a);
        if r.direct
            || a < min + 3
            || b + 1 != r.cue.0
            || toks[a - 1].lower != "by"
            || !is(ASKED_PARTICIPLES, &toks[a - 2].lower)
            || toks[a - 2].lower == "reached"
        {
            continue;
        }
        if let Some(s) = restrictive_subject(&ctx, b, min) {
            r.source = Some(s);
        }
    }
    // a cue without a source shares the subject of the verb it is joined to
    // (and one that ends right before "and" and the cue is the object of the verb before:
    // "The council approved | the levy | and warned")
    for i in 0..raw.len() {
        let object = raw[i].source.is_some_and(|(_, b)| {
            b + 2 <= raw[i].cue.0
                && matches!(toks[b + 1].lower.as_str(), "and" | "but")
                && (b + 2..raw[i].cue.0).all(|k| is_ly_adverb(&toks[k].lower) || toks[k].lower == "also")
        });
        if object {
            if let Some(s) = shared_subject(&ctx, &raw, &nominal, raw[i].cue.0) {
                raw[i].source = trim_source(text, toks, s);
            }
        }
        if raw[i].source.is_none() {
            raw[i].source = shared_subject(&ctx, &raw, &nominal, raw[i].cue.0).and_then(|x| trim_source(text, toks, x));
        }
        if raw[i].source.is_none() {
            raw[i].source = inverted_source(&ctx, &raw[i]);
        }
    }
    // the parts of one quotation around its cue share the source found for one of them
    for i in 0..raw.len() {
        if raw[i].source.is_none() {
            raw[i].source = raw.iter().find(|o| o.cue == raw[i].cue && o.source.is_some()).and_then(|o| o.source);
        }
    }
    // a source's edges: no opening conjunction ("But the company said"; "But" alone is no
    // speaker), no trailing setting, the whole name after a title ([`tidy_source`])
    for r in raw.iter_mut() {
        r.source = r.source.and_then(|x| tidy_source(text, toks, x));
    }
    appositives_after_according_to(&ctx, &verbal, &mut raw);

    // A cue outside every sentence is in metadata (a `Title:` label, a byline): no attribution.
    raw.retain(|r| ctx.sent_of[r.cue.0] != usize::MAX);
    // a passive cue's subject is what is said, not who says it
    passives(&ctx, &mut raw, false, &mut mentions);

    // a source ends before its cue ("Cruz has long | has long said": the tagger's cue took the
    // auxiliary and adverb the source ran into)
    for r in raw.iter_mut() {
        let cue = cue_extent(&ctx, r);
        r.source = r.source.and_then(|(a, mut b)| {
            if toks[a].span.start >= cue.start || toks[b].span.end <= cue.start {
                return Some((a, b));
            }
            while b > a && toks[b].span.end > cue.start {
                b -= 1;
            }
            (toks[b].span.end <= cue.start).then_some((a, b)).and_then(|x| trim_source(text, toks, x))
        });
    }
    sources_past_relative_clauses(&ctx, &mut raw);

    // a content that opens with its own source: `said Mr Dean. "Our DVDs ..."`, `said Mr Sener,
    // "will ..."`, `said Bernie Banton, who leads ... "There is ..."` (the content is what follows
    // the source and its description, the source runs to that stop when no comma comes between:
    // `said Swedish trades union official Ulf Carlsson. "What ..."`); `said Melissa Roloson, 32,
    // of Sodus` (the source and its description only: no attribution); `said Mr Haines would be
    // next` (the source is the content's subject: no one); a content inside its source is no
    // attribution; and a content that opens with its cue's particle ([`particle_content`])
    raw.retain_mut(|r| {
        let keep = content_after_source(&ctx, &quotes, r) && particle_content(&ctx, &nominal, r);
        if !keep {
            mentions.extend(r.source);
        }
        keep
    });

    // an opening phrase of setting holding the cue: no report, or one of no one named
    raw.retain_mut(|r| match setting_holds_cue(&ctx, r) {
        Some(true) => false,
        Some(false) => {
            r.source = None;
            true
        }
        None => true,
    });
    // a span of time is no one: the one the relative clause it ends describes, or no source
    for r in raw.iter_mut() {
        if r.source.is_some_and(|x| time_only(&ctx, x)) {
            r.source = r.source.and_then(|x| past_time_source(&ctx, x));
        }
    }
    // reports of no one, and words that only look like reports ([`no_statement`]); the people
    // their sources name stay mentions for later pronouns
    raw.retain(|r| {
        let keep = !no_statement(&ctx, r, title);
        if !keep {
            mentions.extend(r.source);
        }
        keep
    });
    // a setting alone is nothing said: "In a video posted | on Monday morning |, he said ..."
    raw.retain(|r| r.direct || !setting_only(r.content.slice(text)));

    // Speakers, in text order so pronouns and descriptions see what came before.
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by_key(|&i| raw[i].cue_span(toks).start);
    let mut speakers: Vec<Option<Speaker>> = vec![None; raw.len()];
    let mut recent: Vec<(usize, Speaker)> = Vec::new();
    mentions.extend(raw.iter().filter_map(|r| r.subject));
    mentions.sort_unstable();
    let mut subjects = subject_names(&ctx, &raw, &nominal, &verbal);
    subjects.extend(subject_groups(&ctx, &raw, &nominal, &verbal));
    subjects.sort_by_key(|(start, _)| *start);
    let mut next_subject = subjects.into_iter().peekable();
    let mut next_mention = mentions.into_iter().peekable();
    for &i in &order {
        let at = raw[i].cue_span(toks).start;
        // (a mention counts only when it names someone: "Everything Trump" or "The second front
        // must be" are no one for a later "he")
        while let Some((a, b)) = next_mention.next_if(|&(a, _)| toks[a].span.start < at) {
            let span = toks[a].span.cover(&toks[b].span);
            let named = ctx.entities.iter().any(|e| {
                span.contains(&e.span)
                    && (e.kind == EntityType::Person || e.kind == EntityType::Org && e.canonical.contains(' '))
            });
            if let Some(sp) =
                resolve(&mut ctx, (a, b), &recent).filter(|sp| named && sp.resolution == "name" && !sp.anonymous)
            {
                recent.push((toks[a].span.start, sp));
            }
        }
        // (kept in order with the mentions above: both come before this cue)
        while let Some(m) = next_subject.next_if(|(start, _)| *start < at) {
            let pos = recent.partition_point(|(start, _)| *start <= m.0);
            recent.insert(pos, m);
        }
        let cue_start = raw[i].cue_span(toks).start;
        ctx.own_words = (raw[i].content.end <= cue_start).then_some(raw[i].content);
        // "nobody in Oslo called for ...", "No one expected ...", "none of the officials would
        // comment": a report no one made has no speaker (PolNeAR marks the source all the same)
        let no_one = raw[i].source.is_some_and(|(a, b)| {
            let first = ctx.lower(a);
            (matches!(first, "nobody" | "none") || first == "no" && a < b && ctx.lower(a + 1) == "one")
        });
        let mut sp = raw[i].source.filter(|_| !no_one).and_then(|s| resolve(&mut ctx, s, &recent));
        ctx.own_words = None;
        if let Some(sp) = sp.as_mut().filter(|_| anonymity(&ctx, &raw[i])) {
            unnamed_as_asked(&ctx, raw[i].source, sp);
        }
        // a speaker reached through a relative or possessive pronoun ("Scott, who", "his call")
        // is no fresh mention for later pronouns: counted as one, it changed 38 later pronoun
        // speakers on the corpus, 12 for the worse ("she" the husband named just before her)
        // against 5 for the better
        let relayed = raw[i].source.is_some_and(|(a, b)| {
            a == b && matches!(toks[a].lower.as_str(), "who" | "which" | "that" | "his" | "her" | "their" | "its")
        });
        if let Some(p) = ctx.described_through.take() {
            recent.push((raw[i].cue_span(toks).start, p));
        }
        if let Some(sp) = sp.as_ref().filter(|_| !relayed) {
            recent.push((raw[i].cue_span(toks).start, sp.clone()));
        }
        speakers[i] = sp;
    }
    named_roles(&ctx, &raw, &mut speakers);
    named_descriptions(&ctx, &raw, &mut speakers);

    // where each attribution begins (its source or its cue, whichever comes first), by its cue
    let mut begins: Vec<(usize, usize)> = raw
        .iter()
        .map(|r| {
            let cue = toks[r.cue.0].span.start;
            (cue, r.source.map_or(cue, |(a, _)| toks[a].span.start.min(cue)))
        })
        .collect();
    begins.sort_unstable();
    let mut by_start: Vec<Span> = quotes.iter().map(|q| q.outer).collect();
    by_start.sort_unstable_by_key(|q| q.start);
    let attributions: Vec<Attribution> = raw
        .iter()
        .zip(speakers)
        .map(|(r, speaker)| {
            let content = if r.direct {
                without_dangling_conjunction(text, toks, r.content)
            } else {
                let c = without_dateline(text, toks, within_nested_few(text, &begins, r));
                let c = past_possessive(&ctx, &begins, c);
                let c = without_trailing_setting(text, toks, c);
                with_whole_quotations(without_dangling_conjunction(text, toks, c), &by_start)
            };
            let r = &Raw { content, ..r.clone() };
            let source = r.source.map(|(a, b)| toks[a].span.cover(&toks[b].span));
            let kind = if r.direct {
                AttributionKind::Direct
            } else if holds_quotation(r.content, &by_start) {
                AttributionKind::Mixed
            } else {
                AttributionKind::Indirect
            };
            Attribution {
                source,
                speaker,
                cue: cue_extent(&ctx, r),
                content: r.content,
                kind,
                stance: Stance::Reported,
                markers: Vec::new(),
            }
        })
        .collect();
    let unattributed_quotes = (0..quotes.len())
        .filter(|&qi| {
            !used_quote[qi]
                && !attributions.iter().any(|a| {
                    a.content.contains(&quotes[qi].outer)
                        && !a.content.contains(&Span::new(quotes[qi].inner.start, quotes[qi].inner.start))
                })
        })
        .collect();
    Found { attributions, quotes, unattributed_quotes }
}

/// Whether token `k` is a lower-case word naming a role ("adviser", "official", "member").
fn toks_lower_head(ctx: &Ctx, k: usize) -> bool {
    ctx.toks[k].kind == TokKind::Word && !ctx.cap(k) && (role_word(ctx.lower(k)) || is(ANONYMOUS_HEADS, ctx.lower(k)))
}

/// Whether the words around an attribution's source say that it asked not to be named: "Officials
/// at the commission, speaking on condition of anonymity, said", "a worker, who asked not to be
/// named, told", "said an official who was not authorized to speak publicly".
fn anonymity(ctx: &Ctx, r: &Raw) -> bool {
    let toks = ctx.toks;
    let Some((a, b)) = r.source else { return false };
    let cue = r.cue_span(toks);
    let start = toks[a].span.start.min(cue.start);
    let mut end = toks[b].span.end.max(cue.end);
    if toks[a].span.start > cue.start || r.content.start < cue.start {
        // a source after its cue, or a content before it: the rest of the sentence
        end = end.max(ctx.sent_toks.get(ctx.sent_of[b]).and_then(|s| toks.get(s.1 - 1)).map_or(end, |t| t.span.end));
    } else if r.content.start > end {
        end = r.content.start;
    }
    let window = ctx.text[start..end].to_lowercase();
    [
        "anonymity",
        "not to be named",
        "not to be identified",
        "without being named",
        "not authorized to",
        "not authorised to",
    ]
    .iter()
    .any(|w| window.contains(w))
}

/// An anonymous source, however it was resolved: "Officials at the Electoral Commission" who ask
/// not to be named are officials, not the commission (the head before "at/in/from/of" names them).
fn unnamed_as_asked(ctx: &Ctx, source: Option<(usize, usize)>, sp: &mut Speaker) {
    sp.anonymous = true;
    sp.resolution = "anonymous".into();
    let Some((a, b)) = source else { return };
    if a == b && is(PRONOUNS, ctx.lower(a)) {
        return;
    }
    // the head: the last word before a preposition, a comma or a relative pronoun ("A Velkor
    // adviser, who ...", "officials at the board")
    let end = (a..=b)
        .find(|&k| matches!(ctx.lower(k), "at" | "in" | "from" | "of" | "for" | "with" | "," | "who" | "which"))
        .unwrap_or(b + 1);
    if end > a + 1 && end <= b + 1 && toks_lower_head(ctx, end - 1) {
        let words: Vec<&str> = ctx.text[ctx.toks[a].span.start..ctx.toks[end - 1].span.end]
            .split_whitespace()
            .filter(|w| !DETERMINERS.contains(&w.to_lowercase().as_str()))
            .collect();
        sp.name = words.join(" ");
        sp.kind = EntityType::Misc;
        return;
    }
    let plain = |k: usize| !ctx.cap(k) || DETERMINERS.contains(&ctx.lower(k)) || k == a && ctx.opens_sentence(a);
    if end > a && end <= b && (a..end).all(plain) {
        let words: Vec<&str> = (a..end).map(|k| ctx.lower(k)).filter(|w| !DETERMINERS.contains(w)).collect();
        if !words.is_empty() {
            sp.name = words.join(" ");
            sp.kind = EntityType::Misc;
        }
    }
}

/// Whether an attribution found reports no one's words: the rules and the tagger take these for
/// reports, but nobody speaks in them.
fn no_statement(ctx: &Ctx, r: &Raw, title: Option<Span>) -> bool {
    let toks = ctx.toks;
    let (c0, c1) = r.cue;
    let cue = ctx.lower(c0);
    let in_title = title.is_some_and(|t| t.contains(&toks[c0].span));
    let next = |k: usize| toks.get(k).map(|t| t.lower.as_str()).unwrap_or("");
    // a headline's past participle is its passive, a headline drops "is": "Formula Recalled After
    // Babies Fall Ill", "Mayor Warned Over Budget", "Chemical Found in Creek", "Convoy attacked near
    // Velk" (nobody recalled, warned, found or attacked anything here)
    if in_title
        && c0 == c1
        && (cue.ends_with("ed") || matches!(cue, "found" | "shown" | "seen" | "known" | "thought" | "held"))
        && (c1 + 1 >= toks.len()
            || !title.is_some_and(|t| t.contains(&toks[c1 + 1].span))
            || matches!(
                next(c1 + 1),
                "after" | "as" | "over" | "amid" | "for" | "following" | "despite" | "in" | "near" | "at" | "outside"
            ))
    {
        return true;
    }
    if let Some((a, b)) = r.source {
        // a caption's label is no one: "Hot Property: the island ...", "Secluded: the villa ..."
        // (a label of at most three capitalised words opening its line, naming no person; a
        // transcript's "PENCE:" is written in capitals)
        let line = (0..=a).rev().find(|&k| k == 0 || toks[k].newline_before).unwrap_or(0);
        if c0 == c1
            && toks[c0].is_punct(':')
            && a == line
            && toks[..a].iter().any(|t| t.paragraph_before)
            && !in_title
            && b + 1 == c0
            && b - a < 3
            && (a..=b).all(|k| ctx.cap(k) && toks[k].span.slice(ctx.text).chars().any(char::is_lowercase))
            // ("Stated Stone:", "Added Ruiz:" are reports)
            && !(a..=b).any(|k| ctx.cue_verb(k))
            && !ctx.entities.iter().any(|e| {
                e.kind == EntityType::Person && toks[a].span.start <= e.span.start && e.span.end <= toks[b].span.end
            })
        {
            return true;
        }
    }
    // "Having said that, ...": a turn of phrase
    if cue == "said" && c0 > 0 && ctx.lower(c0 - 1) == "having" && next(c1 + 1) == "that" {
        return true;
    }
    // naming, convening and phoning are no reports: "a nonprofit group called | the Velk Legacy
    // Fund", "The council called | an emergency meeting", "Ruiz called | Ana Dorn on Friday to thank
    // her" (while "called the plan a disaster", "called it "reckless"" are)
    if !r.direct && c0 == c1 && matches!(cue, "called" | "calls" | "call" | "calling" | "named" | "dubbed") {
        let from = toks.partition_point(|t| t.span.start < r.content.start);
        let mut to = toks.partition_point(|t| t.span.end <= r.content.end);
        // (a participle between commas names up to its closing comma: "Her group, called | the
        // Velk Fund, | opened an office")
        if c0 > 0 && toks[c0 - 1].is_punct(',') {
            to = (from..to).find(|&k| toks[k].is_punct(',')).unwrap_or(to);
        }
        let words: Vec<usize> = (from..to).filter(|&k| toks[k].is_word()).collect();
        let small = |k: usize| matches!(ctx.lower(k), "the" | "of" | "and" | "for" | "on" | "in");
        let a_name = !words.is_empty()
            && words.iter().all(|&k| ctx.cap(k) || small(k) || toks[k].lower.starts_with(|c: char| c.is_ascii_digit()))
            && words.iter().any(|&k| ctx.cap(k))
            && !(from..to).any(|k| matches!(toks[k].kind, TokKind::Quote(_)));
        let gathering =
            words.iter().take(4).any(|&k| {
                matches!(
                    ctx.lower(k),
                    "meeting"
                        | "session"
                        | "summit"
                        | "strike"
                        | "vote"
                        | "election"
                        | "referendum"
                        | "truce"
                        | "ceasefire"
                        | "halt"
                        | "recess"
                )
            }) && words.first().is_some_and(|&k| matches!(ctx.lower(k), "a" | "an" | "the" | "for" | "off"));
        let phoned = ctx.entities.iter().any(|e| {
            e.kind == EntityType::Person
                && words.first().is_some_and(|&k| toks[k].span.start == e.span.start)
                && toks.get(toks.partition_point(|t| t.span.start < e.span.end)).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "on" | "to" | "at" | "from" | "last" | "yesterday" | "this" | "after" | "before"
                    )
                })
        });
        if a_name && cue != "call" || gathering || phoned {
            return true;
        }
    }
    // a participle after its noun, "the results | announced | by the commission are ...": the
    // noun is what was announced (a reduced relative clause), and no one speaks in the sentence
    if !r.direct
        && c0 == c1
        && cue.ends_with("ed")
        && next(c1 + 1) == "by"
        && !next(c1 + 2).ends_with("ing")
        && r.source.is_some_and(|(_, b)| {
            b + 1 == c0 && toks[b].is_word() && !ctx.cap(b) && !is(PRONOUNS, ctx.lower(b)) && !auxiliary(ctx.lower(b))
        })
    {
        return true;
    }
    // "X appears to come from ...", "the plan seems to work": a raising verb, no one speaks
    let to_first = r.content.slice(ctx.text).split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("to"));
    // (only where the "source" is the object of a preposition, the tail of a longer subject: "A
    // figure circulating on | social media | appears"; PolNeAR marks "Melania seems to have
    // vanished" as an attribution)
    let after_preposition = r.source.is_some_and(|(a, _)| {
        a > ctx.sent_start(a) && matches!(ctx.lower(a - 1), "on" | "in" | "of" | "at" | "from" | "with" | "by")
    });
    if !r.direct
        && matches!(cue, "appears" | "appeared" | "seems" | "seemed")
        && (to_first || r.content.end <= toks[c0].span.start)
        && after_preposition
    {
        return true;
    }
    // "a worker, who asked not to be named, said": the request is the source's anonymity (see
    // [`anonymity`]), not a statement
    let content = r.content.slice(ctx.text).to_lowercase();
    if matches!(cue, "asked" | "requested" | "spoke" | "speaking")
        && (content.starts_with("not to be ") || content.contains("anonymity"))
    {
        return true;
    }
    // nor is a cue that opens on a possessive and reports only a pronoun ("'s complaints would be
    // investigated" read as a cue with "she" as its content), nor one with no source at all that
    // reports only a pronoun (the subject of the next clause)
    let bare = r.content.slice(ctx.text).trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if matches!(bare.as_str(), "she" | "he" | "they" | "we" | "i" | "you")
        && (!toks[c0].is_word()
            || c0 > 0 && toks[c0 - 1].kind == TokKind::Possessive
            || r.source.is_none() && !r.direct)
    {
        return true;
    }
    // "raised doubts over the claims, citing Kurdish sources, who said ...", "Yisrael Hayom quotes
    // a senior Kurdish source who confirmed ...": who is cited or quoted is someone, the source of
    // another report, not what anyone said (a short phrase whose last word names people; "citing
    // data from the State Department", "citing fears of terrorism" stay)
    if !r.direct && matches!(cue, "citing" | "cited" | "cites" | "cite" | "quoting" | "quoted" | "quotes" | "quote") {
        // (up to a comma or a relative clause: "citing Kurdish sources, who said", "quotes a
        // senior Kurdish source who confirmed")
        let all: Vec<&str> = bare.split(',').next().unwrap_or("").split_whitespace().collect();
        let ws: Vec<&str> =
            all.iter().copied().take_while(|w| !matches!(*w, "who" | "whom" | "which" | "that")).collect();
        // (a relative clause must report what they said itself: not "quoted a few experts who
        // have found no evidence")
        let rest = &all[ws.len()..];
        let speaks = |w: &str| {
            matches!(
                w,
                "said"
                    | "says"
                    | "say"
                    | "told"
                    | "tells"
                    | "confirmed"
                    | "confirms"
                    | "added"
                    | "denied"
                    | "denies"
                    | "claimed"
                    | "claims"
                    | "insisted"
                    | "insists"
                    | "explained"
                    | "warned"
                    | "spoke"
                    | "described"
            )
        };
        let reports = rest.is_empty() || rest.iter().skip(1).take(3).any(|w| speaks(w));
        if (1..=5).contains(&ws.len())
            && reports
            && ws.last().is_some_and(|w| {
                is(ANONYMOUS_HEADS, w)
                    || corroborate_nlp::lexicon::is_title(w)
                    // (people: not "a statement", "the campaign", "the department")
                    || is(DESCRIPTORS, w) && !is(BODY_DESCRIPTORS, w)
            })
            && !ws.iter().any(|w| matches!(*w, "of" | "from" | "by" | "that"))
        {
            return true;
        }
    }
    // goods called back, not a memory told: "recalled millions of tins", "recalled 40,000 cars"
    if !r.direct
        && matches!(cue, "recalled" | "recalls" | "recall" | "recalling")
        && (toks.get(c0 + 1).is_some_and(|t| t.kind == TokKind::Number)
            || matches!(next(c0 + 1), "millions" | "thousands" | "hundreds" | "batches" | "tonnes" | "tons"))
    {
        return true;
    }
    // a headline's compound noun: "... as Hoax | Claims | Spread Online" (the source one common
    // word that names no one, no body and no document)
    if in_title && c0 == c1 && matches!(cue, "claims" | "fears" | "warnings" | "allegations" | "accusations") {
        if let Some((a, b)) = r.source.filter(|&(a, b)| a == b && b + 1 == c0) {
            let w = ctx.lower(a);
            let someone = role_word(w)
                || is(ANONYMOUS_HEADS, w)
                || is(INFORMATION, w)
                || is_org_word(w)
                || is(PRONOUNS, w)
                || ctx.entities.iter().any(|e| {
                    matches!(e.kind, EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Loc)
                        && e.span.overlaps(&toks[a].span)
                });
            if !someone && corroborate_nlp::lexicon::common_word(w) && toks[b].is_word() {
                return true;
            }
        }
    }
    false
}

/// Whether a cue after an "it" subject makes that "it" impersonal: "it seems", "it appears", "it is
/// expected", "it was announced" (but "it said": an organisation).
/// What to do with a report whose source is the opening phrase of setting its sentence begins
/// with and whose cue is the noun or participle that phrase holds: "In a preliminary | report |, the
/// airline announced ...", "On a more conciliatory | note", "In a video | posted | to her account,
/// she said", "By the time those primaries | concluded" are no one saying anything (`Some(true)`:
/// drop it); "Following initial | reports | of the explosion,", "Despite | complaints | that he is
/// a crusader," report something of no one named (`Some(false)`: keep it without the source): a
/// noun whose content ("of", "that", "about" ...) ends within the phrase. `None` for any other
/// report. A phrase cut at its comma is [`tidy_source`]'s ("Among likely voters, | two-thirds
/// say"); not a number after "over" or "by" ("Over 170 researchers | say"), nor a clause inside
/// the phrase ("To which she | said"), nor a report of saying ("On Monday some news sites |
/// reported on").
fn setting_holds_cue(ctx: &Ctx, r: &Raw) -> Option<bool> {
    let toks = ctx.toks;
    let (a, b) = r.source?;
    let c0 = r.cue.0;
    let opening = |k: usize| {
        matches!(
            ctx.lower(k),
            "in" | "on"
                | "despite"
                | "by"
                | "over"
                | "for"
                | "to"
                | "during"
                | "amid"
                | "under"
                | "through"
                | "throughout"
                | "following"
                | "unlike"
        )
    };
    // (the preposition in the source or right before it: "On | a brighter | note"; there only the
    // noun of the phrase: not "Despite | polls | showing", "In | a statement | announcing the pick"
    // (what the statement announced), nor after a possessive alone, "In | their | view")
    let p = if opening(a) {
        a
    } else {
        let noun = r.cue.0 == r.cue.1 && !ctx.lower(c0).ends_with("ed") && !ctx.lower(c0).ends_with("ing");
        let possessive = a == b && matches!(ctx.lower(a), "his" | "her" | "their" | "its" | "my" | "our" | "your");
        a.checked_sub(1).filter(|&p| opening(p) && noun && !possessive)?
    };
    if r.direct || b + 1 != c0 || !ctx.opens_sentence(p) || (c0..=r.cue.1).any(|k| is(SAY_VERBS, ctx.lower(k))) {
        return None;
    }
    let number_after =
        matches!(ctx.lower(p), "over" | "by") && toks.get(p + 1).is_some_and(|t| t.kind == TokKind::Number);
    let clause = (p..=b).any(|k| {
        toks[k].is_punct(',')
            || toks[k].is_quote()
            || matches!(
                ctx.lower(k),
                "which" | "who" | "whom" | "i" | "we" | "he" | "she" | "they" | "we're" | "they're" | "i'm"
            )
    });
    if number_after || clause {
        return None;
    }
    // (the phrase closes at its comma; what the noun reports lies before it)
    let close = (r.cue.1 + 1..ctx.sent_end(c0)).find(|&k| toks[k].is_punct(','));
    let first = toks.partition_point(|t| t.span.end <= r.content.start);
    // (a conjunction after the comma is no part of it: "reports of the explosion, | but")
    let within = close.is_some_and(|k| {
        r.content.end <= toks[k].span.start
            || toks[k + 1..]
                .iter()
                .take_while(|t| t.span.end <= r.content.end)
                .all(|t| matches!(t.lower.as_str(), "but" | "and" | "or" | "yet"))
    });
    let noun = r.cue.0 == r.cue.1 && !ctx.lower(c0).ends_with("ed") && !ctx.lower(c0).ends_with("ing");
    let reports = toks.get(first).is_some_and(|t| matches!(t.lower.as_str(), "that" | "of" | "about"));
    Some(!(noun && within && reports && first == r.cue.1 + 1))
}

/// Nouns of a span of time: a source made of them and their modifiers names no one ("for a |
/// decade |, told", "the first | time | cited").
const TIME_NOUNS: &[&str] = &[
    "century", "day", "days", "decade", "decades", "hour", "hours", "month", "months", "morning", "night", "period",
    "season", "time", "week", "weekend", "weeks", "year", "years",
];

/// True when tokens `a..=b` only name a span of time: "a decade", "the first time", "years", "that
/// night", "the past two weeks" (a time noun in lower case, or a plural opening the sentence:
/// "Hours"; not "Day", a name, nor "the Sunday Times").
fn time_only(ctx: &Ctx, (a, b): (usize, usize)) -> bool {
    let toks = ctx.toks;
    let noun = |k: usize| {
        is(TIME_NOUNS, ctx.lower(k)) && (!ctx.cap(k) || ctx.opens_sentence(k) && ctx.lower(k).ends_with('s'))
    };
    let modifier = |k: usize| {
        toks[k].kind == TokKind::Number
            || matches!(
                ctx.lower(k),
                "a" | "an"
                    | "the"
                    | "that"
                    | "this"
                    | "those"
                    | "these"
                    | "same"
                    | "first"
                    | "last"
                    | "past"
                    | "next"
                    | "early"
                    | "late"
                    | "recent"
                    | "whole"
                    | "entire"
                    | "few"
                    | "several"
                    | "many"
                    | "couple"
                    | "of"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "ten"
            )
    };
    noun(b) && (a..b).all(modifier)
}

/// The source a time phrase took from the one described before it: "Schiff, 56, who has served
/// on the committee for | a decade |, told reporters" is Schiff's report: the source is the name
/// (with an age set off by commas) and its relative clause, as PolNeAR marks it; `None` where no
/// such clause opens the sentence.
fn past_time_source(ctx: &Ctx, (a, b): (usize, usize)) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    let s0 = ctx.sent_start(a);
    // (an age after the name: "Schiff, 56, | who")
    let who = (s0 + 2..a).rev().find(|&r| matches!(ctx.lower(r), "who" | "which") && toks[r - 1].is_punct(','))?;
    if who >= s0 + 4 && toks[who - 2].kind == TokKind::Number && toks[who - 3].is_punct(',') {
        let (pa, _) = np_ending_at(ctx, who - 4, s0)?;
        return (pa == s0 && ctx.cap(pa)).then_some((pa, b));
    }
    let (na, nb) = relative_subject(ctx, a, s0)?;
    (toks[na..=nb].iter().any(|t| t.is_word()) && !time_only(ctx, (na, nb))).then_some((na, b))
}

fn impersonal_cue(cue: &[Token]) -> bool {
    let seems =
        cue.iter().any(|t| matches!(t.lower.as_str(), "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"));
    let passive = cue.iter().any(|t| matches!(t.lower.as_str(), "is" | "was" | "be" | "been" | "being"))
        && cue.last().is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "expected"
                    | "hoped"
                    | "believed"
                    | "thought"
                    | "feared"
                    | "understood"
                    | "said"
                    | "reported"
                    | "estimated"
                    | "announced"
                    | "rumoured"
                    | "rumored"
                    | "known"
                    | "claimed"
                    | "alleged"
            )
        });
    seems || passive
}

/// Whether a cue word followed by this word speaks of where, when or to whom someone spoke rather
/// than what they said ("spoke to reporters", "talked for an hour", "called into the show").
fn place_not_words(cue: &str, next: &str) -> bool {
    let speaking =
        matches!(cue, "spoke" | "speak" | "speaks" | "speaking" | "spoken" | "talked" | "talk" | "talks" | "talking");
    let called = matches!(cue, "called" | "calls" | "call" | "calling");
    (speaking
        && matches!(
            next,
            "to" | "at"
                | "in"
                | "for"
                | "against"
                | "with"
                | "before"
                | "during"
                | "from"
                | "after"
                | "outside"
                | "inside"
                | "near"
                | "by"
                | "alongside"
                | "beside"
        ))
        || (called && matches!(next, "into" | "in" | "at" | "from" | "back"))
}

/// Conjunctions that join a new clause, with its own speaker, to a content: "said the ferry would
/// sail and officials warned ...".
const CLAUSE_CONJUNCTIONS: &[&str] = &["and", "but", "while", "whereas"];

/// Subordinating words that do the same ("said the dam had been neglected, after local officials
/// reported ..."), but also end a clause as adverbs ("the day before", "in the years since").
const CLAUSE_SUBORDINATORS: &[&str] =
    &["after", "although", "because", "before", "once", "since", "though", "until", "when"];

/// Whether token `k` joins a new clause to a content that runs on to it: a conjunction, or a
/// subordinating word with at least two tokens of the content before it ("even though he ..." is
/// one clause).
fn joins_clause(toks: &[Token], k: usize, content_start: usize) -> bool {
    let w = toks[k].lower.as_str();
    crate::lexicon::is(CLAUSE_CONJUNCTIONS, w)
        || crate::lexicon::is(CLAUSE_SUBORDINATORS, w) && k >= 2 && toks[k - 2].span.start >= content_start
}

/// A content cut where another attribution begins can end on the conjunction that joined them
/// ("Machado promised to keep supporting Clinton and [said ...]"): the conjunction (and a comma or
/// dash before it) is no part of it; nor is a relative pronoun whose clause the other holds.
fn without_dangling_conjunction(text: &str, toks: &[Token], mut content: Span) -> Span {
    // "..., and when [he said]": the subordinating word, then the conjunction before it
    for _ in 0..2 {
        let last = toks.partition_point(|t| t.span.end <= content.end);
        let Some(k) = last.checked_sub(1) else { break };
        let t = &toks[k];
        // a subordinating word ends the content as an adverb ("the day before.") unless a clause
        // of its own follows
        let subordinator = crate::lexicon::is(CLAUSE_SUBORDINATORS, &t.lower)
            && toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Word);
        if t.span.end != content.end
            || t.span.start <= content.start
            // (or a relative pronoun whose clause another attribution holds: "condemned the
            // document, which | the Foreign Office says has cost ...")
            || !(t.lower == "or"
                || crate::lexicon::is(CLAUSE_CONJUNCTIONS, &t.lower)
                || subordinator
                || matches!(t.lower.as_str(), "which" | "who" | "whom"))
        {
            break;
        }
        // and the word that leans on it: "even though", "shortly after", "especially when"
        let mut k = if subordinator && k >= 1 && toks[k - 1].span.start > content.start {
            k - usize::from(crate::lexicon::is(LEANING_ADVERBS, &toks[k - 1].lower))
        } else {
            k
        };
        // (and a relative pronoun's preposition: "the report, all of | which ...", "in | which")
        if matches!(t.lower.as_str(), "which" | "whom") {
            let before =
                |k: usize| (k >= 1 && toks[k - 1].span.start >= content.start).then(|| toks[k - 1].lower.as_str());
            if let Some(p) = before(k).filter(|w| {
                matches!(*w, "in" | "of" | "to" | "for" | "with" | "on" | "at" | "by" | "from" | "under" | "through")
            }) {
                k -= 1;
                if p == "of"
                    && before(k)
                        .is_some_and(|w| matches!(w, "all" | "some" | "each" | "none" | "many" | "most" | "both"))
                {
                    k -= 1;
                }
            }
        }
        let cut = Span::new(content.start, toks[k].span.start).trim(text, &[',', ';', '—', '―', '–']);
        if cut.is_empty() {
            break;
        }
        content = cut;
    }
    content
}

/// A reported content without the medium it was said in, closing it: "as much | in an interview
/// earlier Thursday morning", "more school investment | in a statement on Thursday" (PolNeAR leaves
/// those to the reporting clause). Only at the end (no clause follows after a comma), and never
/// inside a quotation. (A trailing participle, ", singing ...", and a trailing date, "in July", were
/// measured too: as often right as wrong on PolNeAR dev, so they stay.)
fn without_trailing_setting(text: &str, toks: &[Token], content: Span) -> Span {
    let first = toks.partition_point(|t| t.span.start < content.start);
    let last = toks.partition_point(|t| t.span.end <= content.end);
    if last <= first + 3 {
        return content;
    }
    let inner = &toks[first..last];
    let medium = |i: usize| {
        inner[i].lower == "in"
            && inner.get(i + 1).is_some_and(|n| matches!(n.lower.as_str(), "a" | "an"))
            && inner.get(i + 2).is_some_and(|n| {
                matches!(n.lower.as_str(), "interview" | "statement" | "tweet" | "email" | "speech" | "post" | "letter")
            })
            && !inner[i..].iter().any(|x| x.is_quote() || x.is_punct(','))
    };
    match (2..inner.len()).find(|&i| medium(i)) {
        Some(i) => {
            let c = Span::new(content.start, inner[i].span.start).trim(text, &[',', ';', ' ']);
            if c.is_empty() {
                content
            } else {
                c
            }
        }
        None => content,
    }
}

/// A reported content never ends on a possessive, an owner without what is owned: "Asked whether
/// the opposition|'s complaints would be investigated, she said" (a cue the tagger found in the
/// rest and that was dropped) runs on to the end of its clause (the next comma, conjunction or the
/// end of the sentence), unless another attribution's source or cue lies on the way.
fn past_possessive(ctx: &Ctx, begins: &[(usize, usize)], content: Span) -> Span {
    let toks = ctx.toks;
    let last = toks.partition_point(|t| t.span.end <= content.end);
    let Some(k) = last.checked_sub(1) else { return content };
    if toks[k].kind != TokKind::Possessive || toks[k].span.end != content.end || ctx.sent_of[k] == usize::MAX {
        return content;
    }
    let s1 = ctx.sent_end(k);
    let mut e = k + 1;
    while e < s1
        && !toks[e].is_punct(',')
        && !toks[e].is_quote()
        && toks[e].kind != TokKind::Punct('.')
        && !is(CLAUSE_CONJUNCTIONS, &toks[e].lower)
    {
        e += 1;
    }
    if e == k + 1 {
        return content;
    }
    let end = toks[e - 1].span.end;
    if begins.iter().any(|&(c, b)| content.end <= b && b < end || content.end <= c && c < end) {
        return content;
    }
    Span::new(content.start, end)
}

/// A reported content that opens its paragraph with a dateline keeps only what follows the
/// dateline's dash: "Meridian Press - | Portavel's mayor was re-elected ...", "OSK (Wire) — |
/// Officials said" (the dateline is the outlet's credit, not what was said). A dateline is at most
/// seven capitalised words (with commas and brackets) and a spaced dash, followed on its line by a
/// sentence that opens on a capital ("Many Republicans - who ..." is an aside) and has a lower-case
/// word.
fn without_dateline(text: &str, toks: &[Token], content: Span) -> Span {
    let first = toks.partition_point(|t| t.span.start < content.start);
    if first >= toks.len() || toks[first].span.start != content.start || !(first == 0 || toks[first].newline_before) {
        return content;
    }
    let name = |t: &Token| {
        t.kind == TokKind::Word && t.span.slice(text).starts_with(char::is_uppercase)
            || matches!(t.kind, TokKind::Punct('(' | ')' | ','))
    };
    let Some(dash) = (first + 1..toks.len().min(first + 9)).find(|&d| !name(&toks[d])) else { return content };
    let clause = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && !t.newline_before && t.span.slice(text).starts_with(char::is_lowercase)
        })
    };
    if !matches!(toks[dash].kind, TokKind::Punct('-' | '–' | '—'))
        || !toks[dash].space_before
        || !toks.get(dash + 1).is_some_and(|t| {
            t.space_before && t.is_word() && !t.newline_before && !t.span.slice(text).starts_with(char::is_lowercase)
        })
        || !(dash + 2..dash + 5).any(clause)
        || toks[dash + 1].span.start >= content.end
    {
        return content;
    }
    Span::new(toks[dash + 1].span.start, content.end)
}

/// Adverbs that lean on a subordinating word after them ("even though", "shortly after").
const LEANING_ADVERBS: &[&str] = &["also", "especially", "even", "just", "long", "only", "right", "shortly", "soon"];

/// An attribution before speaker resolution: token ranges for source and cue.
#[derive(Debug, Clone)]
struct Raw {
    source: Option<(usize, usize)>,
    /// first and last token of the cue
    cue: (usize, usize),
    content: Span,
    direct: bool,
    /// Found by the learned tagger: its cue is already the whole cue span.
    learned: bool,
    /// A second content on the far side of the cue (`"X," he said. "Y."`): reported as a second
    /// attribution with the same source and cue.
    more: Option<Span>,
    /// The subject of a passive cue, which named no speaker ([`passive_subject`]): still a mention
    /// for later pronouns.
    subject: Option<(usize, usize)>,
}

impl Raw {
    fn cue_span(&self, toks: &[Token]) -> Span {
        toks[self.cue.0].span.cover(&toks[self.cue.1].span)
    }
}

/// Auxiliaries and adverbs that belong to a cue when they stand right before it: "has said",
/// "also noted", "would later write".
pub(crate) const CUE_AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "previously",
    "repeatedly",
    "again",
    "later",
    "then",
    "recently",
    "once",
    "already",
    "publicly",
    "often",
    "just",
    "since",
    "first",
    "still",
    "even",
    "'ve",
    "'s",
];

/// Negations that belong to a cue when they stand right before it (PolNeAR's cues are "did not
/// mention", "could not immediately provide", "never cited"). Kept apart from [`CUE_AUXILIARIES`],
/// which the learned tagger's features read.
pub(crate) const CUE_NEGATIONS: &[&str] = &[
    "not", "never", "didn't", "doesn't", "don't", "won't", "wouldn't", "couldn't", "hasn't", "haven't", "hadn't",
    "isn't", "wasn't", "weren't", "aren't", "can't", "cannot",
];

/// The cue as PolNeAR marks it: the cue word with the auxiliaries and adverbs before it, a colon
/// right after it, and "in a statement" style phrases after it ("said in a statement:").
fn cue_extent(ctx: &Ctx, r: &Raw) -> Span {
    let toks = ctx.toks;
    let (mut a, mut b) = r.cue;
    // "in a (recent|phone) interview" after the cue: the last token of the phrase
    let setting = |b: usize| -> Option<usize> {
        if b + 3 >= toks.len()
            || !matches!(ctx.lower(b + 1), "in" | "during")
            || !matches!(ctx.lower(b + 2), "a" | "an" | "the" | "his" | "her" | "its" | "their")
        {
            return None;
        }
        let noun = (b + 3..(b + 6).min(toks.len())).find(|&k| is(CONTEXT_NOUNS, ctx.lower(k)))?;
        (b + 3..noun).all(|k| toks[k].kind == TokKind::Word && !ctx.cue_verb(k)).then_some(noun)
    };
    if r.learned {
        // the auxiliaries and adverbs the tagger left out before it ("then ruled", "’s claiming")
        let floor = r.source.map_or(0, |s| if s.1 < a { s.1 + 1 } else { 0 });
        let s0 = if ctx.sent_of[a] == usize::MAX { a } else { ctx.sent_start(a) };
        while a > floor.max(s0)
            && (is(CUE_AUXILIARIES, ctx.lower(a - 1))
                || is(CUE_NEGATIONS, ctx.lower(a - 1))
                || (is_ly_adverb(ctx.lower(a - 1)) && toks[a - 1].span.slice(ctx.text).starts_with(char::is_lowercase)))
            && !r.content.contains(&toks[a - 1].span)
        {
            a -= 1;
        }
        if let Some(e) = setting(b) {
            let phrase = toks[b + 1].span.cover(&toks[e].span);
            if !r.content.overlaps(&phrase) && !r.source.is_some_and(|(x, y)| x <= e && b < y) {
                b = e;
            }
        }
        return toks[a].span.cover(&toks[b].span);
    }
    let floor = r.source.map_or(0, |s| if s.1 < a { s.1 + 1 } else { 0 });
    let s0 = if ctx.sent_of[a] == usize::MAX { a } else { ctx.sent_start(a) };
    if toks[a].kind == TokKind::Word && ctx.lower(a) != "according" {
        while a > floor.max(s0) && (is(CUE_AUXILIARIES, ctx.lower(a - 1)) || is(CUE_NEGATIONS, ctx.lower(a - 1))) {
            a -= 1;
        }
        if let Some(e) = setting(b).filter(|_| !r.content.contains(&toks[b + 1].span)) {
            b = e;
        }
        if toks.get(b + 1).is_some_and(|t| t.is_punct(':')) {
            b += 1;
        }
    }
    toks[a].span.cover(&toks[b].span)
}

/// True when `att` reports what its source did or means to do ("The army has refused to let
/// journalists in", "the West has already decided who to blame"), not what it said or holds true: a
/// cue word of [`ACT_CUES`] and none of saying ([`SPEECH_AFTER_ACT`]), followed by an infinitive
/// ("to ...", "who to ...") whose verb is not one of saying and that holds no "that" clause, or by
/// anything after "against" ("decided against recommending", "voted against the bill"). PolNeAR
/// annotates such acts and intentions as attributions; the claims and the sourcing counts leave
/// them to the outlet's own voice, which is what asserts them.
pub fn reports_an_act(text: &str, att: &Attribution) -> bool {
    fn words(s: &str, n: usize) -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .take(n)
            .map(str::to_lowercase)
            .collect()
    }
    let cue = words(att.cue.slice(text), 8);
    if !cue.iter().any(|w| is(ACT_CUES, w)) || cue.iter().any(|w| is(SPEECH_AFTER_ACT, w)) {
        return false;
    }
    // "wants to prove that the disaster was staged": what follows is a proposition, the source's
    if words(att.content.slice(text), 6).iter().any(|w| w == "that") {
        return false;
    }
    let content = words(att.content.slice(text), 3);
    let c: Vec<&str> = content.iter().map(String::as_str).collect();
    let wh = |w: &str| matches!(w, "who" | "whom" | "what" | "how" | "whether" | "where" | "when" | "which");
    let verb = match c.as_slice() {
        ["to", v, ..] => Some(*v),
        [w, "to", v] if wh(w) => Some(*v),
        [v, ..] if cue.last().is_some_and(|w| w == "against") => Some(*v),
        _ => None,
    };
    verb.is_some_and(|v| !is(SPEECH_AFTER_ACT, v))
}

/// The reporting word of a cue span: "denied" in "has denied", "said" in "said in a statement:".
pub fn cue_word(cue: &str) -> String {
    let lower = cue.to_lowercase();
    lower
        .split(|c: char| c.is_whitespace() || c == ':')
        .find(|w| {
            let w = w.replace('’', "'");
            !(w.is_empty() || is(CUE_AUXILIARIES, &w) || is(CUE_NEGATIONS, &w) || w.ends_with("ly") && w.len() > 4)
        })
        .unwrap_or("")
        .to_string()
}

/// `“...,” the spokesman said` / `“...,” said the spokesman`.
fn direct_after(ctx: &Ctx, q: &Quote) -> Option<Raw> {
    let toks = ctx.toks;
    let mut j = q.close + 1;
    if toks.get(j).is_some_and(|t| t.is_punct(',')) {
        j += 1;
    }
    let last_inner = toks.get(q.close.wrapping_sub(1))?;
    let ends_comma = last_inner.is_punct(',') || toks.get(q.close + 1).is_some_and(|t| t.is_punct(','));
    if !(ends_comma || last_inner.is_punct('?') || last_inner.is_punct('!')) {
        return None;
    }
    if j >= toks.len() || toks[j].paragraph_before || toks[j].newline_before {
        return None;
    }
    let limit = (j + 14).min(toks.len());
    // "..., Amy Pope, deputy homeland security advisor, said": a source that starts right here
    if let Some(c) = (j..(j + 20).min(toks.len()))
        .take_while(|&c| !(toks[c].is_punct('.') || toks[c].is_quote() || toks[c].paragraph_before))
        .find(|&c| toks[c].kind == TokKind::Word && ctx.cue_verb(c) && c > j)
    {
        if let Some(src) = source_before(ctx, c, j) {
            if src.0 == j {
                let (cue_end, _) = cue_particle(ctx, c);
                return Some(Raw {
                    source: Some(src),
                    cue: (c, cue_end),
                    content: q.inner,
                    direct: true,
                    learned: false,
                    more: None,
                    subject: None,
                });
            }
        }
    }
    for c in j..limit {
        let t = &toks[c];
        if t.is_punct('.') || t.is_quote() || (t.is_punct(',') && c > j) && !ctx.cue_verb(c.saturating_sub(1)) {
            if t.is_punct(',') {
                // "..., he said, adding": a comma after a plain NP ends the search
                if !(j..c).all(|k| ctx.np_token(k)) {
                    return None;
                }
            } else {
                return None;
            }
        }
        if t.kind == TokKind::Word && ctx.cue_verb(c) {
            let (cue_end, _) = cue_particle(ctx, c);
            if c > j {
                let src = source_before(ctx, c, j)?;
                return Some(Raw {
                    source: Some(src),
                    cue: (c, cue_end),
                    content: q.inner,
                    direct: true,
                    learned: false,
                    more: None,
                    subject: None,
                });
            }
            // inverted: said the minister
            let mut e = cue_end + 1;
            while e < toks.len() && ctx.np_token(e) && !toks[e].is_punct(',') {
                e += 1;
            }
            // an appositive to the end of the sentence: "said Mason Harrison, a Crowdpac spokesman."
            if e > cue_end + 1 && e < toks.len() && toks[e].is_punct(',') {
                if let Some(stop) = (e + 1..(e + 12).min(toks.len())).find(|&i| {
                    toks[i].is_punct('.') || toks[i].is_quote() || toks[i].newline_before || toks[i].is_punct(',')
                }) {
                    if (toks[stop].is_punct('.') || toks[stop].newline_before) && ctx.head_ok(e - 1) && stop > e + 1 {
                        {
                            return Some(Raw {
                                source: Some((cue_end + 1, stop - 1)),
                                cue: (c, cue_end),
                                content: q.inner,
                                direct: true,
                                learned: false,
                                more: None,
                                subject: None,
                            });
                        }
                    }
                }
            }
            let source = (e > cue_end + 1 && ctx.head_ok(e - 1)).then_some((cue_end + 1, e - 1));
            let source = source.or_else(|| {
                // "said Tuesday", pronoun after: "said he"
                toks.get(cue_end + 1).filter(|t| is(PRONOUNS, &t.lower)).map(|_| (cue_end + 1, cue_end + 1))
            });
            source?;
            return Some(Raw {
                source,
                cue: (c, cue_end),
                content: q.inner,
                direct: true,
                learned: false,
                more: None,
                subject: None,
            });
        }
        if !ctx.np_token(c) && !is(BETWEEN, &t.lower) && !is(PRONOUNS, &t.lower) && !t.is_punct(',') {
            return None;
        }
    }
    None
}

/// `The spokesman said: “...”` / `he said, “...”`.
fn direct_before(ctx: &Ctx, q: &Quote) -> Option<Raw> {
    let toks = ctx.toks;
    let mut k = q.open.checked_sub(1)?;
    if toks[k].is_punct(':') || toks[k].is_punct(',') {
        k = k.checked_sub(1)?;
    }
    if toks[k].lower == "reporters" || toks[k].lower == "journalists" {
        k = k.checked_sub(1)?;
    }
    if !(toks[k].kind == TokKind::Word && ctx.cue_verb(k)) {
        return None;
    }
    if ctx.sent_of[k] == usize::MAX {
        return None;
    }
    let s0 = ctx.sent_start(k);
    let src = source_before(ctx, k, s0)?;
    // a quotation inside what someone else reports is theirs, a mixed quote: "Westmacott also said
    // that | Obama shows | “great charm”", "who added that | the White House seemed | "rattled""
    if src.0 >= s0 + 2 && toks[src.0 - 1].lower == "that" && ctx.cue_verb(src.0 - 2) {
        return None;
    }
    Some(Raw {
        source: Some(src),
        cue: (k, k),
        content: q.inner,
        direct: true,
        learned: false,
        more: None,
        subject: None,
    })
}

/// "pointed out", "went on to say": extends a cue over its particle.
fn cue_particle(ctx: &Ctx, c: usize) -> (usize, usize) {
    match ctx.toks.get(c + 1).map(|t| t.lower.as_str()) {
        Some("out") if ctx.lower(c) == "pointed" => (c + 1, c + 2),
        _ => (c, c + 1),
    }
}

/// The source noun phrase that ends right before cue `c` (adverbials skipped), not before `min`.
fn source_before(ctx: &Ctx, c: usize, min: usize) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    if c == 0 || c <= min {
        return None;
    }
    let mut k = c - 1;
    // markup between source and cue: "RT [reports](#)"
    while k > min && toks[k].kind == TokKind::Markup {
        k -= 1;
    }
    // skip adverbs, auxiliaries and adverbial phrases between source and cue
    loop {
        let l = ctx.lower(k);
        let step = if is(BETWEEN, l) && !(is(PRONOUNS, l)) {
            1
        } else if is(CONTEXT_NOUNS, l)
            && k >= min + 2
            && matches!(ctx.lower(k - 1), "a" | "an" | "the" | "his" | "her" | "its")
            && matches!(ctx.lower(k - 2), "in" | "during" | "at" | "on")
        {
            3
        } else if TIME_WORDS.contains(&l)
            && k > min
            && matches!(ctx.lower(k - 1), "on" | "last" | "this" | "late" | "early")
        {
            2
        } else {
            0
        };
        if step == 0 || k < min + step {
            break;
        }
        k -= step;
    }
    // relative clause: "Moscow, which insists"
    if matches!(ctx.lower(k), "which" | "who") && k >= min + 2 && toks[k - 1].is_punct(',') {
        return np_ending_at(ctx, k - 2, min);
    }
    // pronoun subject
    if is(PRONOUNS, ctx.lower(k)) {
        return Some((k, k));
    }
    // appositive: "Ukraine's president, Volodymyr Zelenskiy, said"
    if toks[k].is_punct(',') && k >= min + 3 {
        if let Some((a, b)) = np_ending_at(ctx, k - 1, min) {
            if a >= min + 2 && toks[a - 1].is_punct(',') {
                if let Some((a0, _)) = np_ending_at(ctx, a - 2, min) {
                    let first_is_desc = (a0..a - 1)
                        .any(|i| is(DESCRIPTORS, ctx.lower(i)) || corroborate_nlp::lexicon::is_title(ctx.lower(i)));
                    if first_is_desc {
                        return Some((a0, b));
                    }
                    // "Belmark, the neighbouring country, denied": a name, then its description
                    if matches!(ctx.lower(a), "the" | "a" | "an")
                        && (a0..a - 1).all(|i| ctx.cap(i) || ctx.toks[i].kind == TokKind::Possessive)
                    {
                        return Some((a0, b));
                    }
                }
            }
        }
        // a participle clause or a relative clause before the verb: find "X, which ..., has rejected"
        return relative_subject(ctx, k, min)
            .or_else(|| appositive_source(ctx, k, min))
            .or_else(|| participle_aside(ctx, k, min));
    }
    if let Some(s) = restrictive_subject(ctx, k, min) {
        return Some(s);
    }
    // the same after the comma that closes what was said, or an opening phrase: "CONTENT,
    // officials in Port Alder | said", "On Friday, engineers from the ministry | warned ..."
    // (a subject that opens in lowercase: a name after a comma may be a place's, "residents in
    // Jupiter, | Florida who were voting ... complained")
    // (nor a participle: "said Xing Wangli, a spokesman for the monopoly | quoted | in China Daily")
    let participle = is(ASKED_PARTICIPLES, ctx.lower(c))
        && toks.get(c + 1).is_some_and(|t| matches!(t.lower.as_str(), "in" | "by" | "on"));
    let comma = (min..k).rev().find(|&i| toks[i].is_punct(',')).filter(|&c| c < k && !ctx.cap(c + 1) && !participle);
    if let Some(comma) = comma {
        if let Some(s) = restrictive_subject(ctx, k, comma + 1) {
            return Some(s);
        }
    }
    if let Some(np) = np_ending_at(ctx, k, min) {
        return Some(np);
    }
    // "Zelenskyy while reacting to the killings termed it": subject before a subordinate clause
    for s in (min..k).rev() {
        if SUBORDINATORS.contains(&ctx.lower(s)) && s > min {
            if let Some(np) = np_ending_at(ctx, s - 1, min) {
                if np.0 == min || toks[np.0 - 1].is_punct(',') {
                    return Some(np);
                }
            }
        }
        if toks[s].is_punct(',') || toks[s].is_punct(';') {
            break;
        }
    }
    None
}

/// The whole subject that opens a sentence and ends at `k`, right before the cue, when its head is
/// followed by a preposition or a relative clause without commas: "Engineers from the ministry |
/// had warned", "Engineers who inspected the dam | had warned" (the noun right before the cue is
/// no speaker: "the dam", "the ministry"). The head must name someone ([`Ctx::head_ok`]).
fn restrictive_subject(ctx: &Ctx, k: usize, min: usize) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    // (a headline in capitals run into the sentence names no one: "FULL BAN FROM OLYMPICS The ...";
    // one acronym may open a subject: "NATO officials in Brussels")
    let shouted = |i: usize| {
        let w = toks[i].span.slice(ctx.text);
        w.len() >= 3 && w.chars().all(|c| c.is_uppercase())
    };
    // ("An energy analyst | quoted by | the Drevnian News Agency | said": the participle is the
    // head's, not a cue of its own)
    let quoted_by = |i: usize| is(ASKED_PARTICIPLES, ctx.lower(i)) && i < k && matches!(ctx.lower(i + 1), "by" | "in");
    if k < min + 2
        || (min..=k).any(|i| !toks[i].is_word() || ctx.cue_verb(i) && !quoted_by(i))
        || (min..=k).filter(|&i| shouted(i)).count() >= 2
    {
        return None;
    }
    let head_at_start = |end: usize| np_ending_at(ctx, end, min).filter(|h| h.0 == min && !time_phrase(toks, h.0, h.1));
    // a body named by a common noun opens the subject too: "The company | that runs the dam"
    let body_at_start = |end: usize| {
        is_org_word(ctx.lower(end))
            && (min..end).all(|i| DETERMINERS.contains(&ctx.lower(i)) || ctx.np_token(i))
            && !time_phrase(toks, min, end)
    };
    // ("that" only after such a body, as the subject of its clause: not "a country | that the
    // nominee called", "Fears | that donors ...")
    // (a clause of its own: in "another governor who | has not | backed" the cue is the clause's verb)
    let own_verb = |r: usize| {
        (r + 1..=k).any(|i| {
            let l = ctx.lower(i);
            !is(BETWEEN, l) && !auxiliary(l) && !matches!(l, "not" | "never" | "n't")
        })
    };
    let relative = (min + 1..k).find(|&r| {
        matches!(ctx.lower(r), "who" | "which") && own_verb(r)
            || ctx.lower(r) == "that"
                && body_at_start(r - 1)
                && !ctx.cap(r + 1)
                && !DETERMINERS.contains(&ctx.lower(r + 1))
                && !is(PRONOUNS, ctx.lower(r + 1))
    });
    let preposition =
        (min + 1..k).find(|&p| matches!(ctx.lower(p), "from" | "at" | "in" | "with" | "for") || quoted_by(p));
    let opener = match (relative, preposition) {
        (Some(r), Some(p)) => r.min(p),
        (r, p) => r.or(p)?,
    };
    // after a preposition, a noun phrase to the cue ("from | the ministry", "in | the port", "in |
    // nearby villages"): names and modifiers, or a determiner and up to four plain nouns
    let plain_noun = |i: usize| {
        let l = ctx.lower(i);
        toks[i].kind == TokKind::Word
            && l.chars().all(|c| c.is_ascii_lowercase())
            && !is(FUNCTION_WORDS, l)
            && !DETERMINERS.contains(&l)
            && !l.ends_with("ly")
            && !ctx.cue_verb(i)
    };
    // (one such noun after a determiner, "the area | seem" is no phrase; without one, plurals)
    let phrase = |from: usize| {
        let det = DETERMINERS.contains(&ctx.lower(from)) && from < k;
        let from = from + usize::from(det);
        let plain = (from..=k).filter(|&i| !ctx.np_token(i)).collect::<Vec<_>>();
        k - from < 4
            && plain.iter().all(|&i| plain_noun(i))
            && (det && plain.len() <= 1 && plain.iter().all(|&i| i == k)
                || !det && plain.iter().all(|&i| ctx.lower(i).ends_with('s')))
    };
    let after = opener + 1 + usize::from(quoted_by(opener));
    if after > k {
        return None;
    }
    // (who quoted them may be any short phrase: "quoted by | the state news agency")
    let by_phrase = quoted_by(opener)
        && k - after < 6
        && (after..=k).all(|i| ctx.np_token(i) || plain_noun(i) || DETERMINERS.contains(&ctx.lower(i)));
    if Some(opener) == preposition && !(after..=k).all(|i| ctx.np_token(i)) && !phrase(after) && !by_phrase {
        return None;
    }
    // (a time is no part of who: "federal prosecutors in April | charged", "officials in 2019")
    if Some(opener) == preposition && (time_phrase(toks, after, k) || toks[k].kind == TokKind::Number) {
        return None;
    }
    if Some(opener) == relative && body_at_start(opener - 1) {
        return Some((min, k));
    }
    // (a short plain phrase before "quoted by": "An energy analyst | quoted by")
    if quoted_by(opener)
        && opener - min <= 4
        && (min..opener).all(|i| DETERMINERS.contains(&ctx.lower(i)) || plain_noun(i))
        && plain_noun(opener - 1)
    {
        return Some((min, k));
    }
    head_at_start(opener - 1).map(|h| (h.0, k))
}

/// The noun phrase a relative pronoun at `r` refers to, in its sentence: the one right before it,
/// past a comma and a parenthesis ("the Muslim Association of Britain (MAB), which").
fn antecedent(ctx: &Ctx, r: usize) -> Option<(usize, usize)> {
    let min = ctx.sent_toks.get(*ctx.sent_of.get(r)?)?.0;
    let toks = ctx.toks;
    let mut k = r.checked_sub(1).filter(|&k| k >= min)?;
    if toks[k].is_punct(',') {
        k = k.checked_sub(1).filter(|&k| k >= min)?;
    }
    if toks[k].is_punct(')') {
        let open = (min..k).rev().find(|&i| toks[i].is_punct('('))?;
        k = open.checked_sub(1).filter(|&k| k >= min)?;
    }
    // "the company, which says": a body described, not named (no head of a source elsewhere; "the
    // Scottish National Party, which" is a name, found as before)
    // (with its modifiers: "the national weather | office, which said")
    if (is(ORG_NOUNS, ctx.lower(k)) || is(INSTITUTIONS, ctx.lower(k))) && !ctx.cap(k) {
        let mut a = k;
        while a > min
            && k - a < 3
            && toks[a - 1].is_word()
            && !ctx.cue_verb(a - 1)
            && !is(FUNCTION_WORDS, ctx.lower(a - 1))
            && !DETERMINERS.contains(&ctx.lower(a - 1))
        {
            a -= 1;
        }
        if a > min && ctx.lower(a - 1) == "the" {
            a -= 1;
        }
        return Some((a, k));
    }
    // "a video released in May that claimed": the time is the setting, not what "that" stands for
    let (a, b) = np_ending_at(ctx, k, min)?;
    if time_phrase(toks, a, b) && a >= min + 2 && matches!(toks[a - 1].lower.as_str(), "in" | "on" | "during" | "since")
    {
        return np_ending_at(ctx, a - 2, min);
    }
    Some((a, b))
}

/// A source read inside a relative clause that describes the one who speaks: "John Smith, who
/// endorsed | Mr. Rubio |, said", "a White House official who spoke anonymously to discuss |
/// internal strategy | said" — what the clause's own report is about is no speaker. The source is
/// the head with its clause, as PolNeAR marks it ("Chris Cox, who runs the NRA's lobbying arm,"),
/// and with the appositive it describes ("Gov. John Kasich of Ohio, a Republican who has refused
/// to endorse Mr. Trump"). Only where that report's content opens at or before the source and ends
/// within the clause (before the comma that closes it, or at the cue of a clause without commas).
fn sources_past_relative_clauses(ctx: &Ctx, raw: &mut [Raw]) {
    let toks = ctx.toks;
    let nested: Vec<(usize, Span)> = raw.iter().map(|r| (r.cue.0, r.content)).collect();
    for r in raw.iter_mut() {
        let Some((sa, sb)) = r.source else { continue };
        if r.direct || sb >= r.cue.0 {
            continue;
        }
        let s0 = ctx.sent_start(sa);
        let Some(w) = (s0 + 1..sa).rev().find(|&k| matches!(ctx.lower(k), "who" | "which")) else { continue };
        // where the clause closes: a comma before the cue (past adverbs: "said on Tuesday" keeps
        // them after the cue), or the cue itself when no comma opened the clause
        let mut close = r.cue.0;
        while close > sb + 1 && is(BETWEEN, ctx.lower(close - 1)) {
            close -= 1;
        }
        let commas = toks[w - 1].is_punct(',');
        let closed_by_comma = close > sb + 1 && toks[close - 1].is_punct(',');
        // (a clause set off by commas closes with one; one without may close at the cue)
        if !closed_by_comma && (commas || close != sb + 1)
            // (a clause without commas runs without punctuation to the source: not "an email
            // which said the firm had fooled the market, | the investigation | said")
            || !commas && (w + 1..sa).any(|k| toks[k].kind == TokKind::Punct(','))
        {
            continue;
        }
        let clause_end = if closed_by_comma { close - 2 } else { sb };
        let (src, end) = (toks[sa].span.cover(&toks[sb].span), toks[clause_end].span.end);
        // (a content the tagger cut short still opens at or before the source: "endorsed | Ms |.
        // Ana Ruiz")
        let holds = nested.iter().any(|&(cue, content)| {
            w < cue
                && cue < sa
                && toks[cue].span.end <= content.start
                && content.start <= src.start
                && content.end <= end
        });
        if !holds {
            continue;
        }
        let Some((mut a, _)) = antecedent(ctx, w) else { continue };
        // (the name a described head stands beside: "Gov. John Kasich of Ohio, | a Republican who",
        // "Shelton, | the president of the union, which")
        if a >= s0 + 2 && toks[a - 1].is_punct(',') && DETERMINERS.contains(&ctx.lower(a)) {
            if let Some((a0, _)) = np_ending_at(ctx, a - 2, s0).filter(|&(a0, b0)| {
                (a0..=b0).all(|k| {
                    ctx.cap(k) || toks[k].kind != TokKind::Word || matches!(ctx.lower(k), "of" | "the" | "for")
                }) && !TIME_WORDS.contains(&ctx.lower(b0))
            }) {
                a = a0;
            }
        }
        // (and the whole name the head cut: "Christopher M. | Shelton")
        if let Some(e) =
            ctx.entities.iter().find(|e| e.span.start < toks[a].span.start && toks[a].span.end <= e.span.end)
        {
            a = toks.partition_point(|t| t.span.start < e.span.start).max(s0);
        }
        if let Some(s) = trim_source(ctx.text, toks, (a, clause_end)) {
            r.source = Some(s);
        }
    }
}

fn relative_subject(ctx: &Ctx, k: usize, min: usize) -> Option<(usize, usize)> {
    for r in (min + 2..k).rev() {
        if matches!(ctx.lower(r), "which" | "who") && ctx.toks[r - 1].is_punct(',') {
            let np = np_ending_at(ctx, r - 2, min)?;
            let before_ok = np.0 == min || ctx.toks[np.0 - 1].is_punct(',');
            return before_ok.then_some(np);
        }
    }
    None
}

/// The subject before a participle clause set off by commas, ending at the comma `k`: "A police
/// officer | , speaking on condition of anonymity, | said", "Salceda, citing data from the U.S.
/// State Department, said" (the subject opens the sentence or follows a comma).
fn participle_aside(ctx: &Ctx, k: usize, min: usize) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    let first = (k.saturating_sub(16).max(min)..k).rev().find(|&i| toks[i].is_punct(','))?;
    let opening = toks.get(first + 1).filter(|t| t.is_word() && first + 1 < k)?;
    if !(opening.lower.ends_with("ing") && opening.lower.len() > 5 && !ctx.cap(first + 1)) || first < min + 1 {
        return None;
    }
    let (a, b) = np_ending_at(ctx, first - 1, min)?;
    (a == min || a == ctx.sent_start(a) || toks[a - 1].is_punct(',')).then_some((a, b))
}

/// `Amy Pope, deputy homeland security advisor,` ending at the comma `k`: a capitalised name, then
/// a description of up to ten words between commas.
fn appositive_source(ctx: &Ctx, k: usize, min: usize) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    if !toks[k].is_punct(',') || k < min + 3 {
        return None;
    }
    let first = (k.saturating_sub(12).max(min)..k).rev().find(|&i| toks[i].is_punct(','))?;
    let desc = first + 1..k;
    if desc.is_empty()
        || desc.clone().any(|i| !(toks[i].is_word() || toks[i].kind == TokKind::Possessive) || ctx.cue_verb(i))
    {
        return None;
    }
    if first == 0 || first <= min || !ctx.cap(first - 1) {
        return None;
    }
    let mut a = first - 1;
    while a > min && (ctx.cap(a - 1) || toks[a - 1].is_punct('.') && ctx.cap(a.saturating_sub(2))) {
        a -= 1;
    }
    if toks[a].is_punct('.') {
        a += 1;
    }
    Some((a, k - 1))
}

/// A noun phrase ending at token `end` (inclusive), going back no further than `min`.
fn np_ending_at(ctx: &Ctx, end: usize, min: usize) -> Option<(usize, usize)> {
    if end < min || !ctx.head_ok(end) || is(PRONOUNS, ctx.lower(end)) && end > min && ctx.np_token(end - 1) {
        return None;
    }
    if is(PRONOUNS, ctx.lower(end)) {
        return Some((end, end));
    }
    let mut a = end;
    while a > min {
        let p = a - 1;
        let l = ctx.lower(p);
        if l == "of" {
            // "representative of Paris", "Ministry of Defence"
            if p > min && (ctx.np_token(p - 1)) {
                a = p;
                continue;
            }
            break;
        }
        if ctx.np_token(p) && !(ctx.cap(p) && corroborate_nlp::lexicon::not_name(l) && !DETERMINERS.contains(&l)) {
            a = p;
        } else if ctx.toks[a].kind == TokKind::Possessive
            && ctx.toks[p].is_word()
            && !ctx.cue_verb(p)
            && !is(FUNCTION_WORDS, l)
        {
            // the owner before a possessive, a common noun too: "the company | 's spokesman"
            a = p;
        } else {
            break;
        }
    }
    // don't start on "of" or a possessive
    while a < end && (ctx.lower(a) == "of" || ctx.toks[a].kind == TokKind::Possessive) {
        a += 1;
    }
    Some((a, end))
}

/// Words that open a setting right after a cue, the report's time or place rather than what was
/// said: "CONTENT, the board said | on Friday", "reported | late Thursday".
const SETTING_STARTS: &[&str] =
    &["during", "in", "on", "at", "last", "this", "earlier", "later", "late", "early", "yesterday", "today"];

/// The body that closes a sentence as its source after the comma that ends what was said, named by
/// a common noun ([`is_org_word`]) with its determiner and modifiers: "CONTENT, | the city's
/// electoral commission | announced on Monday." Only where nothing but a setting follows the cue
/// (not "..., the council announced a review").
fn postposed_body(ctx: &Ctx, c: usize, after: usize, s0: usize, s1: usize) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    let head = c.checked_sub(1)?;
    if head <= s0 || !is_org_word(ctx.lower(head)) {
        return None;
    }
    let determiner = |i: usize| matches!(ctx.lower(i), "the" | "a" | "an" | "its" | "their");
    let mut a = head;
    // back to its determiner ("a charge | the company denies")
    while a > s0 + 1
        && head - a < 6
        && !determiner(a)
        && (toks[a - 1].is_word() || toks[a - 1].kind == TokKind::Possessive)
    {
        a -= 1;
    }
    let closes = after >= s1
        || matches!(toks[after].kind, TokKind::Punct('.') | TokKind::Punct('!') | TokKind::Punct(','))
        || is(SETTING_STARTS, ctx.lower(after));
    (a > s0 && toks[a - 1].is_punct(',') && determiner(a) && closes && !(a..c).any(|i| ctx.cue_verb(i)))
        .then_some((a, head))
}

/// Reported speech around cue verb `c`: `SOURCE CUE (that) CONTENT` or `CONTENT, SOURCE CUE.`
fn indirect(ctx: &Ctx, c: usize) -> Option<Raw> {
    let toks = ctx.toks;
    let l = ctx.lower(c);
    // a noun or adjective, not a verb: "the claims", "the alleged killings", "said" as adjective
    if c > 0 && DETERMINERS.contains(&ctx.lower(c - 1)) {
        return None;
    }
    if matches!(l, "alleged" | "reported" | "estimated" | "confirmed" | "stated")
        && toks
            .get(c + 1)
            .is_some_and(|t| t.kind == TokKind::Word && !matches!(t.lower.as_str(), "that" | "to" | "on" | "in" | "by"))
        && !(c > 0 && matches!(ctx.lower(c - 1), "has" | "have" | "had" | "also" | "officials" | "sources"))
        && !(c > 0 && ctx.cap(c - 1))
        // (after an appositive it is the verb: "The Ballot Network, a monitoring group, | reported errors")
        && !(c > 0 && toks[c - 1].is_punct(','))
    {
        return None;
    }
    // "would add", "will state": a plan, not a report
    if c > 0
        && matches!(
            ctx.lower(c - 1),
            "would" | "will" | "could" | "may" | "might" | "should" | "can" | "must" | "shall"
        )
    {
        return None;
    }
    if l == "pointed" && toks.get(c + 1).is_none_or(|t| t.lower != "out") {
        return None;
    }
    // an infinitive is not a report ("to make headlines and accuse"), unless "went on to accuse"
    if c > 1
        && ctx.lower(c - 1) == "to"
        && !matches!(ctx.lower(c - 2), "on" | "continues" | "continue" | "continued" | "going" | "refused" | "declined")
    {
        return None;
    }
    if c > 0 && matches!(ctx.lower(c - 1), "and" | "or") && !(c > 1 && ctx.np_token(c - 2)) {
        return None;
    }
    let s0 = ctx.sent_start(c);
    let s1 = ctx.sent_end(c);
    let (cue_end, after) = cue_particle(ctx, c);
    // inverted after the comma that ends what was said: "CONTENT, say residents.", "CONTENT, Says
    // Mayor" in a headline (whose capitals would read "CONTENT" as the source)
    if let Some(source) = source_after_comma(ctx, c, cue_end, s0, s1) {
        return Some(Raw {
            source: Some(source),
            cue: (c, cue_end),
            content: toks[s0].span.cover(&toks[c - 2].span).trim(ctx.text, &[',']),
            direct: false,
            learned: false,
            more: None,
            subject: None,
        });
    }
    let gerund = l.ends_with("ing");
    let source =
        if gerund && c > s0 && toks[c - 1].is_punct(',') { subject_of(ctx, s0, c) } else { source_before(ctx, c, s0) };
    // "Almost half said", "most voters believe": a short subject at the start of the sentence
    let source = source.or_else(|| {
        (c > s0
            && c - s0 <= 5
            && (s0..c).all(|i| toks[i].is_word() || toks[i].kind == TokKind::Possessive)
            && !(s0..c).any(|i| ctx.cue_verb(i)))
        .then(|| (s0, c - 1))
    });
    // a body named by a common noun after the comma that ends what was said, the report closing
    // the sentence: "CONTENT, the city's electoral commission announced on Monday."
    let body = source.is_none().then(|| postposed_body(ctx, c, after, s0, s1)).flatten();
    let source = source.or(body)?;
    // content after the cue
    let mut a = after;
    // "confirmed to the Herald | the story is a hoax", "said to reporters | that ...": the one told
    // is no part of what was said
    if toks.get(a).is_some_and(|t| t.lower == "to") && !matches!(l, "told" | "tell" | "tells" | "telling") {
        let told = |k: usize| {
            ctx.cap(k)
                || DETERMINERS.contains(&ctx.lower(k)) && k == a + 1
                || matches!(ctx.lower(k), "reporters" | "journalists" | "him" | "her" | "them" | "me" | "us")
        };
        let mut k = a + 1;
        while k < s1 && k < a + 7 && told(k) {
            k += 1;
        }
        let opens =
            k < s1 && (toks[k].lower == "that" || DETERMINERS.contains(&ctx.lower(k)) && ctx.lower(k) != "that");
        if k > a + 1 && opens && (ctx.cap(k - 1) || !DETERMINERS.contains(&ctx.lower(k - 1))) {
            a = k;
        }
    }
    // the one told, when what follows is a setting, a "that" or a clause: "CONTENT, Ana Ruiz told
    // reporters on Monday.", "said to reporters.", "told Reuters the bridge was safe"
    let tell = matches!(l, "told" | "tell" | "tells" | "telling");
    let said_to = toks.get(a).is_some_and(|t| t.lower == "to")
        && matches!(
            l,
            "said"
                | "says"
                | "say"
                | "explained"
                | "explains"
                | "confirmed"
                | "confirms"
                | "admitted"
                | "admits"
                | "complained"
                | "wrote"
                | "writes"
                | "declared"
                | "insisted"
                | "revealed"
                | "stated"
        );
    let that_soon = (a..s1.min(a + 6)).any(|k| toks[k].lower == "that");
    if (tell || said_to) && !that_soon {
        if let Some(k) = addressee_end(ctx, if tell { a } else { a + 1 }, s1) {
            a = k;
        }
    }
    if matches!(l, "told" | "tell" | "tells" | "telling" | "warned" | "urged") {
        // skip the addressee: "told reporters that"
        let mut k = a;
        while k < s1 && k < a + 5 && toks[k].lower != "that" && !toks[k].is_punct(',') {
            k += 1;
        }
        if k < s1 && toks[k].lower == "that" {
            a = k;
        }
    }
    // a parenthetical before "that": "said, without evidence, that ..."
    if a < s1 && toks[a].is_punct(',') {
        if let Some(k) = (a + 1..s1.min(a + 9)).find(|&k| toks[k].is_punct(',')) {
            if toks.get(k + 1).is_some_and(|t| t.lower == "that") {
                a = k + 1;
            }
        }
    }
    while a < s1 && (toks[a].is_punct(':') || toks[a].is_punct(',') || toks[a].kind == TokKind::Markup) {
        a += 1;
    }
    let mut e = s1;
    while e > a
        && matches!(toks[e - 1].kind, TokKind::Punct('.') | TokKind::Punct('!') | TokKind::Punct('?') | TokKind::Markup)
    {
        e -= 1;
    }
    let after_words = (a..e).filter(|&i| toks[i].is_word()).count();
    let adverbial_only =
        after_words <= 6 && (a..e).all(|i| !toks[i].is_punct(',')) && (a >= e || is(SETTING_STARTS, ctx.lower(a)));
    // a setting and then a clause the voice joins with a subordinating word: "X, the network said
    // on Wednesday | after reviewing the protocols", "X, the ministry said, | as claims spread"
    // (what was said is X, before the source; not after a fronted setting, "On Monday, the
    // ministry said ...", and not where a "that" clause follows)
    let setting_clause = {
        let mut k = a;
        if k < e && (is(SETTING_OPENERS, ctx.lower(k)) || is(TIME_WORDS, ctx.lower(k))) {
            k += 1;
            while k < e
                && k < a + 5
                && toks[k].is_word()
                && !is(SETTING_SUBORDINATORS, ctx.lower(k))
                && ctx.lower(k) != "that"
                && !ctx.cue_verb(k)
            {
                k += 1;
            }
            if k < e && toks[k].is_punct(',') {
                k += 1;
            }
        }
        let before = (s0..source.0.saturating_sub(1)).filter(|&i| toks[i].is_word()).count();
        k < e
            && is(SETTING_SUBORDINATORS, ctx.lower(k))
            && (ctx.lower(k) != "as" || toks[k - 1].is_punct(','))
            && !(k..e).any(|i| ctx.lower(i) == "that" || toks[i].is_quote())
            && before >= 4
            && !is(SETTING_OPENERS, ctx.lower(s0))
            && !is(SETTING_SUBORDINATORS, ctx.lower(s0))
            && !ctx.lower(s0).ends_with("ing")
            && !ctx.lower(s0).ends_with("ed")
            && !matches!(ctx.lower(s0), "according" | "despite" | "since" | "with" | "for" | "from" | "by" | "if")
    };
    // a postposed source whose head alone was read: "CONTENT, the harbour | master said."
    let postposed = a >= e || adverbial_only || setting_clause || body.is_some();
    let source = if postposed { whole_postposed(ctx, source, s0) } else { source };
    if postposed && source.0 > s0 && toks[source.0 - 1].is_punct(',') {
        // postposed: "CONTENT, Konashenkov added."
        let mut start = s0;
        // drop a leading "According to X," which is its own attribution
        if ctx.lower(start) == "according" {
            if let Some(comma) = (start..source.0 - 1).find(|&i| toks[i].is_punct(',')) {
                if comma + 1 < source.0 - 1 {
                    start = comma + 1;
                }
            }
        }
        while start < source.0 - 1
            && (toks[start].kind == TokKind::Markup
                || toks[start].is_quote() && !(start + 1..source.0 - 1).any(|i| toks[i].is_quote()))
        {
            start += 1;
        }
        let content = toks[start].span.cover(&toks[source.0 - 2].span);
        return Some(Raw {
            source: Some(source),
            cue: (c, cue_end),
            content: content.trim(ctx.text, &[',']),
            direct: false,
            learned: false,
            more: None,
            subject: None,
        });
    }
    if a >= e || after_words < 2 {
        return None;
    }
    let content = toks[a].span.cover(&toks[e - 1].span);
    Some(Raw {
        source: Some(source),
        cue: (c, cue_end),
        content: content.trim(ctx.text, &[',']),
        direct: false,
        learned: false,
        more: None,
        subject: None,
    })
}

/// Words that open a setting after a report: "told reporters | on Monday", "| late on Tuesday".
const SETTING_WORDS: &[&str] = &[
    "at",
    "during",
    "early",
    "earlier",
    "in",
    "last",
    "late",
    "later",
    "on",
    "overnight",
    "this",
    "today",
    "yesterday",
];

/// People told things, named by a bare plural or a medium without a determiner: "told reporters".
const BARE_ADDRESSEES: &[&str] = &[
    "congress",
    "crowds",
    "delegates",
    "investors",
    "journalists",
    "lawmakers",
    "listeners",
    "parliament",
    "radio",
    "readers",
    "reporters",
    "senators",
    "staff",
    "students",
    "supporters",
    "television",
    "viewers",
    "voters",
];

/// Heads of an addressee after a determiner: "told the newspaper", "a news conference" (not "told
/// a joke", "told the truth").
const AUDIENCES: &[&str] = &[
    "agency",
    "assembly",
    "audience",
    "briefing",
    "broadcaster",
    "channel",
    "committee",
    "conference",
    "congregation",
    "council",
    "court",
    "crowd",
    "gathering",
    "hearing",
    "interviewer",
    "journalist",
    "jury",
    "meeting",
    "network",
    "newspaper",
    "outlet",
    "paper",
    "parliament",
    "podcast",
    "programme",
    "program",
    "radio",
    "rally",
    "reporter",
    "reporters",
    "journalists",
    "senate",
    "show",
    "station",
    "summit",
    "supporters",
    "television",
    "tribunal",
];

/// Where the one told ends when it starts at `k` (after "told" or "said to"): a pronoun ("him"),
/// a name ("Reuters", "the Free Osk Voice"), a bare plural of [`BARE_ADDRESSEES`] ("reporters",
/// "local reporters"), or up to three words after a determiner ("the newspaper", "a news
/// conference") when only a setting, a "that" or the end of the sentence follows ("told the story
/// of" is no addressee).
fn addressee_end(ctx: &Ctx, k: usize, s1: usize) -> Option<usize> {
    let toks = ctx.toks;
    let word = |i: usize| i < s1 && toks[i].kind == TokKind::Word && !ctx.cue_verb(i);
    if !word(k) {
        return None;
    }
    if matches!(ctx.lower(k), "him" | "her" | "them" | "me" | "us" | "you") {
        return Some(k + 1);
    }
    let settled = |i: usize| {
        i >= s1
            || matches!(toks[i].kind, TokKind::Punct('.' | '!' | '?' | ';'))
            || is(SETTING_WORDS, ctx.lower(i))
            || ctx.lower(i) == "that"
    };
    let stop = |i: usize| is(SETTING_WORDS, ctx.lower(i)) || matches!(ctx.lower(i), "that" | "who" | "which");
    let determiner = matches!(ctx.lower(k), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our");
    let first = k + usize::from(determiner);
    // (after a determiner, capitalised words or lowercase ones, not both: "the Osk Courier",
    // "a news conference", not "the Osk Courier he")
    let caps = first < s1 && ctx.cap(first);
    let mut e = first;
    while e < k + 5
        && word(e)
        && !stop(e)
        && (caps && ctx.cap(e)
            || !caps && determiner
            || is(BARE_ADDRESSEES, ctx.lower(e))
            || matches!(ctx.lower(e), "local" | "state" | "foreign" | "national"))
    {
        e += 1;
    }
    if e == k + usize::from(determiner) || e > k + 4 {
        return None;
    }
    // ("told ABC|'s programme": the addressee runs on)
    if e < s1 && toks[e].kind == TokKind::Possessive {
        return None;
    }
    let named = (k..e).all(|i| ctx.cap(i) || i == k && determiner);
    if determiner && !named && !is(AUDIENCES, ctx.lower(e - 1)) {
        return None;
    }
    let bare = !determiner && is(BARE_ADDRESSEES, ctx.lower(e - 1));
    ((named || bare) && !(e < s1 && ctx.lower(e) == "of") || settled(e)).then_some(e)
}

/// A source that ends a sentence after what was said, widened back to the comma when a
/// determiner and plain lowercase words lie between: "the harbour | master", "a ferry | captain".
fn whole_postposed(ctx: &Ctx, (a, b): (usize, usize), s0: usize) -> (usize, usize) {
    let toks = ctx.toks;
    if a <= s0 + 1 || toks[a - 1].is_punct(',') {
        return (a, b);
    }
    let Some(comma) = (a.saturating_sub(4).max(s0)..a).rev().find(|&k| !toks[k].is_word()) else { return (a, b) };
    let plain = |k: usize| {
        toks[k].is_word()
            && !ctx.cue_verb(k)
            && !is_ly_adverb(ctx.lower(k))
            && (!is(FUNCTION_WORDS, ctx.lower(k)) || k == comma + 1)
    };
    if toks[comma].is_punct(',')
        && matches!(ctx.lower(comma + 1), "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our")
        && (comma + 1..a).all(plain)
    {
        (comma + 1, b)
    } else {
        (a, b)
    }
}

/// Whether tokens `a..=b` right after a cue ending at `cue_end` are only the one told and a
/// setting: "said | to reporters on Monday", "told | the newspaper".
fn told_only(ctx: &Ctx, cue_end: usize, (a, b): (usize, usize)) -> bool {
    let toks = ctx.toks;
    let said_to = a == cue_end + 1 && toks[a].lower == "to";
    let told = a == cue_end + 1 && matches!(ctx.lower(cue_end), "told" | "tell" | "tells");
    (said_to || told)
        && addressee_end(ctx, if said_to { a + 1 } else { a }, ctx.sent_end(a)).is_some_and(|k| {
            k > b || is(SETTING_WORDS, ctx.lower(k)) && (k..=b).all(|i| !ctx.cue_verb(i) && toks[i].lower != "that")
        })
}

/// Where what was said begins when the content taken opens on the setting of the saying: "told an
/// invited crowd | at Philadelphia's Union League club | that ...", "estimated | in 2005 | that",
/// "said | in Nashua last week, | "..."": at the "that" or the quotation after a place or time
/// phrase with no verb in it, after a cue of saying. Not "at least 20 victims".
fn past_setting(ctx: &Ctx, verbal: &[bool], r: &Raw) -> Option<usize> {
    let toks = ctx.toks;
    let k0 = toks.partition_point(|t| t.span.start < r.content.start);
    if k0 <= r.cue.1 || k0 >= toks.len() || !ctx.cue_verb(r.cue.0) {
        return None;
    }
    let first = ctx.lower(k0);
    if !matches!(first, "at" | "in" | "on" | "during" | "before" | "after")
        || matches!(ctx.lower(k0 + 1), "least" | "most" | "fact" | "part" | "order" | "particular" | "addition")
    {
        return None;
    }
    let s1 = ctx.sent_end(k0);
    let verb = |k: usize| verbal.get(k).is_some_and(|&v| v) || is(AUXILIARIES, ctx.lower(k));
    let k = (k0 + 1..(k0 + 15).min(s1)).find(|&k| {
        toks[k].lower == "that"
            || toks[k].is_quote()
            || verb(k)
            || toks[k].is_punct('.')
            || toks[k].is_punct(',') && !toks.get(k + 1).is_some_and(|n| n.is_quote())
    })?;
    // (a "that" before a verb is a relative pronoun of the place: "spoke at a park | that overlooks")
    let opens = toks[k].lower == "that" && toks.get(k + 1).is_some_and(|n| n.is_word()) && !verb(k + 1)
        || toks[k].is_quote() && matches!(ctx.lower(k - 1), "," | ":");
    (opens && toks[k].span.end <= r.content.end).then_some(toks[k].span.start)
}

/// Who does a participle's saying when no source was found: the subject of the clause it hangs on.
/// After a comma or a preposition inside the sentence, the sentence's subject ("Dean, a former
/// chairman, poked at Trump, | tweeting | ...", "Ruiz sang to the crowd before | asking | ...");
/// opening the sentence, the subject after its comma ("After | saying | ..., she was taken ...",
/// "In | defending | himself, Vask offered ..."). Not inside a quotation.
fn participle_controller(ctx: &Ctx, quotes: &[Quote], verbal: &[bool], c: usize) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    let w = ctx.lower(c);
    let quoted = |k: usize| quotes.iter().any(|q| q.open < k && k < q.close);
    if !(w.ends_with("ing") && w.len() > 5 && w != "according") || quoted(c) {
        return None;
    }
    let (s0, s1) = (ctx.sent_start(c), ctx.sent_end(c));
    // the noun phrase from `a` up to its verb
    let verb = |k: usize| verbal.get(k).is_some_and(|&v| v);
    let subject = |a: usize| {
        let e = (a..s1).find(|&k| !ctx.np_token(k) || verb(k))?;
        (e > a && verb(e) && ctx.head_ok(e - 1)).then_some((a, e - 1))
    };
    let opener = |k: usize| matches!(ctx.lower(k), "after" | "before" | "while" | "by" | "in" | "when" | "since");
    if c == s0 || c == s0 + 1 && opener(s0) {
        // (a comma that closes a quotation ends the clause too: `After saying it was "awful," she`)
        let comma = (c + 1..s1)
            .find(|&i| toks[i].is_punct(',') && (!quoted(i) || toks.get(i + 1).is_some_and(|n| n.is_quote())))?;
        let after = if toks[comma + 1].is_quote() { comma + 2 } else { comma + 1 };
        return subject(after);
    }
    let p = c.checked_sub(1).filter(|&p| p > s0)?;
    (toks[p].is_punct(',') || opener(p)).then(|| subject(s0)).flatten()
}

/// A second part of what was said that opens on the programme or paper it was said on is no part
/// of it: "Pence said on CNN's | "State of the Union."", "Flynn said on Fox News's | "Fox and
/// Friends." "I mean, ..."", "Ruiz told | "Meet the Press" on Sunday". The title is a short
/// quotation in title case after "on", "told" or a possessive; what the part holds after it stays
/// when, past when and where, it opens on "that" or another quotation ("told "Morning Joe" on
/// Friday | that ..."), else nothing does.
fn past_programme(ctx: &Ctx, quotes: &[Quote], (a, b): (usize, usize)) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    let possessive = |k: usize| matches!(toks[k].span.slice(ctx.text), "'s" | "’s") || toks[k].lower.ends_with("'s");
    let Some(title) = quotes.iter().find(|q| {
        q.open + 1 >= a
            && q.open <= a + 4
            && q.close <= b + 1
            && (1..=6).contains(&q.words)
            && (a..q.open).all(|k| ctx.cap(k) || possessive(k))
            && q.open
                .checked_sub(1)
                .is_some_and(|k| matches!(ctx.lower(k), "on" | "told" | "tells" | "tell") || possessive(k))
            && (q.open + 1..q.close)
                .filter(|&k| toks[k].is_word())
                .enumerate()
                .all(|(i, k)| ctx.cap(k) || i > 0 && corroborate_nlp::lexicon::TITLE_CASE_SMALL.contains(&ctx.lower(k)))
    }) else {
        return Some((a, b));
    };
    // past when and where ("on Sunday", "this morning"), what follows is said: "that ..." or a
    // quotation
    let setting = |k: usize| {
        toks[k].is_punct('.')
            || toks[k].is_punct(',')
            || is(SETTING_WORDS, ctx.lower(k))
            || matches!(ctx.lower(k), "morning" | "afternoon" | "evening" | "night" | "week")
            || ctx.cap(k) && !toks[k].is_quote()
    };
    let k = (title.close + 1..=b).find(|&k| !setting(k))?;
    (toks[k].lower == "that" || quotes.iter().any(|q| q.open == k)).then_some((k, b))
}

/// Cue verbs that stand before their source after what was said: "CONTENT, say residents".
const INVERTED_CUES: &[&str] = &["say", "says", "said", "added", "adds", "insist", "insists", "insisted"];

/// The source of a report whose cue follows the comma that ends what was said, to the end of the
/// sentence: "CONTENT, say residents.", "CONTENT, says Ana Ruiz, a nurse." (to a comma), a
/// headline's "CONTENT, Says Mayor". Not a setting ("said on Monday"), and at least two words said.
fn source_after_comma(ctx: &Ctx, c: usize, cue_end: usize, s0: usize, s1: usize) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    if c < s0 + 3 || !toks[c - 1].is_punct(',') || cue_end != c {
        return None;
    }
    if !is(INVERTED_CUES, ctx.lower(c)) {
        return None;
    }
    // (a quotation is for the direct rules: `"We will win", says Ana Ruiz`)
    if toks[s0].is_quote() || toks[c - 2].is_quote() {
        return None;
    }
    let a = c + 1;
    // (an initial's dot inside a name: "Jeffrey N. Trimble")
    let inside = |i: usize| {
        toks[i].is_word()
            || toks[i].kind == TokKind::Possessive
            || toks[i].is_punct('.') && i + 1 < s1 && ctx.cap(i + 1) && toks[i - 1].span.len() == 1
    };
    let mut b = a;
    while b < s1 && inside(b) && b < a + 7 {
        b += 1;
    }
    // the end of the sentence (but its closing marks), or a comma that opens an appositive
    let at_end = |i: usize| (i..s1).all(|k| !toks[k].is_word());
    if b == a
        || !(at_end(b) || toks[b].is_punct(','))
        || is(SETTING_WORDS, ctx.lower(a))
        || matches!(ctx.lower(a), "that" | "to" | "by" | "after" | "of" | "about" | "for" | "with" | "from" | "as")
        || toks[b].is_punct(',') && toks.get(b + 1).is_some_and(|t| t.is_quote())
    {
        return None;
    }
    let head = b - 1;
    let fits = (a..b).all(|i| {
        ctx.np_token(i) || is(ANONYMOUS_HEADS, ctx.lower(i)) || is(PRONOUNS, ctx.lower(i)) || toks[i].is_punct('.')
    });
    if !fits || !(ctx.head_ok(head) || is(ANONYMOUS_HEADS, ctx.lower(head))) || ctx.cue_verb(head) {
        return None;
    }
    // an appositive or a relative clause to the end of the sentence is the source's, as PolNeAR
    // marks it ("says Ana Ruiz, a nurse at the clinic.", "said DeSantis, who was elected in 2012.")
    // or, where a clause of its own follows, the appositive to its comma ("said Howard Rubel, a
    // senior analyst at Jefferies, | who notes that ...")
    if !toks[b].is_punct(',') || matches!(ctx.lower(b + 1), "adding" | "and" | "but") {
        return Some((a, head));
    }
    let plain = |x: usize, y: usize| (x..=y).all(|k| !ctx.cue_verb(k) && !toks[k].is_quote());
    let last = (b..s1).rev().find(|&k| toks[k].is_word()).unwrap_or(head);
    if last > b && last - a < 45 && plain(b + 1, last) {
        return Some((a, last));
    }
    let comma = (b + 1..s1.min(b + 14)).find(|&k| toks[k].is_punct(','));
    Some((a, comma.filter(|&k| k > b + 1 && plain(b + 1, k - 1)).map_or(head, |k| k - 1)))
}

/// The subject noun phrase at the start of a sentence (after a leading "On Saturday,").
fn subject_of(ctx: &Ctx, s0: usize, limit: usize) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    let mut a = s0;
    if let Some(comma) = (s0..limit.min(s0 + 5)).find(|&i| toks[i].is_punct(',')) {
        if matches!(ctx.lower(s0), "on" | "in" | "at" | "last" | "earlier" | "later" | "meanwhile") {
            a = comma + 1;
        }
    }
    // "According to a report from X, | the minister ...": an attribution of its own
    if ctx.lower(s0) == "according" && toks.get(s0 + 1).is_some_and(|t| t.lower == "to") {
        a = (s0 + 2..limit.min(s0 + 25)).find(|&i| toks[i].is_punct(','))? + 1;
    }
    let mut e = a;
    while e < limit && ctx.np_token(e) {
        e += 1;
    }
    (e > a && ctx.head_ok(e - 1)).then(|| (a, e - 1))
}

/// The people named as the subjects that open sentences, with where each begins: mentions a
/// later "he" or "she" may take up, whatever the verb ("President Obama prompted outrage when he
/// blasted the ruling"). Only a subject that ends on a person's name and is followed by its verb
/// counts ("For Sanders, ...", "Cruz's candidacy", "Jackson and Stiller", a signature "David
/// Groner." do not), and none inside what someone is reported to say (`Mr Sullivan "made
/// decisions," he told the court`: he is not Sullivan). Found from the entities alone (resolving
/// the phrase would teach the article's descriptions), and marked with the resolution "subject",
/// which a later "I" passes over (the one speaking).
fn subject_names(ctx: &Ctx, raw: &[Raw], nominal: &[bool], verbal: &[bool]) -> Vec<(usize, Speaker)> {
    let toks = ctx.toks;
    // (in log time: a text of many sentences and contents costs their sum, not their product)
    let within = SpanSet::new(raw.iter().map(|r| r.content));
    let reported = |k: usize| within.contains(&toks[k].span);
    let verb = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && (verbal.get(k).copied().unwrap_or(!ctx.cap(k) && !is(FUNCTION_WORDS, &t.lower))
                    || auxiliary(&t.lower))
        })
    };
    // the verb, or an adverb and then the verb ("Obama later spoke")
    let verb_after = |k: usize| {
        verb(k)
            || toks.get(k).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !ctx.cap(k)
                    && !nominal.get(k).copied().unwrap_or(false)
                    && !matches!(t.lower.as_str(), "and" | "or" | "but" | "nor")
            }) && verb(k + 1)
    };
    ctx.sent_toks
        .iter()
        .filter_map(|&(s0, s1)| {
            // after an opening phrase or clause, the subject of the main clause: "As supporters
            // waited, | Hillary Clinton took to Twitter"
            let s0 = if is(SUBJECTLESS_OPENERS, ctx.lower(s0)) {
                (s0..s1).find(|&k| toks[k].is_punct(','))? + 1
            } else {
                s0
            };
            (s0 < s1).then(|| subject_of(ctx, s0, s1)).flatten()
        })
        .filter(|&(a, b)| !is(SUBJECTLESS_OPENERS, ctx.lower(a)) && verb_after(b + 1) && !reported(a))
        .filter_map(|(a, b)| {
            let end = toks[b].span.end;
            let e = if ctx.entities_sorted {
                // the one entity that can end there is the last to start before it
                ctx.entities[..ctx.entities.partition_point(|e| e.span.start < end)].last()
            } else {
                ctx.entities.iter().find(|e| e.span.end == end)
            }
            .filter(|e| e.span.end == end && e.kind == EntityType::Person)?;
            (e.span.start >= toks[a].span.start).then(|| {
                let speaker = Speaker {
                    name: e.canonical.clone(),
                    kind: EntityType::Person,
                    anonymous: false,
                    resolution: "subject".into(),
                };
                (toks[a].span.start, speaker)
            })
        })
        .collect()
}

/// The groups named as the subjects that open sentences: mentions a later "they" may take up
/// ("Russian prosecutors are forcing the sale ..., which they claim", "The aides, led by ..., met
/// the group. They said", "Ana Ruiz and Karel Dusek, sociologists at ..., published a book. They
/// argue"): a phrase ending on a lowercase plural noun, or two people joined by "and", followed by
/// its verb (or by an appositive between commas and then its verb), and not inside reported speech.
/// Before, such a "they" went to the nearest organisation or place named before it ("Yukos",
/// "New Hampshire"). Marked with the resolution "group", which only "they" takes up.
fn subject_groups(ctx: &Ctx, raw: &[Raw], nominal: &[bool], verbal: &[bool]) -> Vec<(usize, Speaker)> {
    let toks = ctx.toks;
    // (in log time: a text of many sentences and contents costs their sum, not their product)
    let within = SpanSet::new(raw.iter().map(|r| r.content));
    let reported = |k: usize| within.contains(&toks[k].span);
    let word = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Word);
    let verb = |k: usize| {
        word(k)
            && (verbal.get(k).copied().unwrap_or(false) || auxiliary(&toks[k].lower))
            && !is(FUNCTION_WORDS, &toks[k].lower)
    };
    let verb_after = |k: usize, s1: usize| {
        let k = if toks.get(k).is_some_and(|t| t.is_punct(',')) {
            // an appositive or participle between commas: "The aides, led by Terry Sullivan, told"
            match (k + 1..s1.min(k + 20)).find(|&j| toks[j].is_punct(',')) {
                Some(j) => j + 1,
                None => return false,
            }
        } else {
            k
        };
        verb(k) || word(k) && !ctx.cap(k) && !nominal.get(k).copied().unwrap_or(false) && verb(k + 1)
    };
    let person_at = |k: usize| -> Option<usize> {
        let start = toks.get(k)?.span.start;
        let e = if ctx.entities_sorted {
            let first = ctx.entities.partition_point(|e| e.span.start < start);
            ctx.entities[first..].iter().take_while(|e| e.span.start == start).find(|e| e.kind == EntityType::Person)
        } else {
            ctx.entities.iter().find(|e| e.span.start == start && e.kind == EntityType::Person)
        }?;
        (k..toks.len()).take_while(|&j| toks[j].span.end <= e.span.end).last()
    };
    let plural = |w: &str| {
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("ics")
            && !matches!(w, "news" | "series" | "species" | "always" | "perhaps" | "was" | "has" | "does" | "this")
    };
    let mut out = Vec::new();
    for &(s0, s1) in ctx.sent_toks.iter() {
        let s0 = if is(SUBJECTLESS_OPENERS, ctx.lower(s0)) {
            match (s0..s1).find(|&k| toks[k].is_punct(',')) {
                Some(k) => k + 1,
                None => continue,
            }
        } else {
            s0
        };
        if s0 >= s1 || reported(s0) {
            continue;
        }
        // two people joined by "and"
        if let Some(end) = person_at(s0).filter(|&e| toks.get(e + 1).is_some_and(|t| t.lower == "and")) {
            if let Some(end2) = person_at(end + 2).filter(|&e| e < s1 && verb_after(e + 1, s1)) {
                let span = toks[s0].span.cover(&toks[end2].span);
                let speaker = Speaker {
                    name: span.slice(ctx.text).to_string(),
                    kind: EntityType::Misc,
                    anonymous: false,
                    resolution: "group".into(),
                };
                out.push((toks[s0].span.start, speaker));
            }
            continue;
        }
        // a phrase ending on a lowercase plural noun
        let mut k = s0;
        if word(k)
            && (DETERMINERS.contains(&ctx.lower(k)) || matches!(ctx.lower(k), "his" | "her" | "their" | "its" | "our"))
        {
            k += 1;
        }
        let first = k;
        while k < s1.min(first + 5) && word(k) && !verb(k) && !is(FUNCTION_WORDS, ctx.lower(k)) {
            k += 1;
        }
        if k == first || !plural(ctx.lower(k - 1)) || ctx.cap(k - 1) || !nominal.get(k - 1).copied().unwrap_or(false) {
            continue;
        }
        // (its verb inside its sentence: a phrase running to the sentence's end has none)
        if k >= s1 || !verb_after(k, s1) {
            continue;
        }
        let span = toks[first].span.cover(&toks[k - 1].span);
        let name = span.slice(ctx.text);
        // a one-word group opening its sentence is capitalised by its place only ("Prosecutors")
        let name = if first == k - 1 && ctx.opens_sentence(first) { lowercase_first(name) } else { name.to_string() };
        out.push((
            toks[s0].span.start,
            Speaker { name, kind: EntityType::Misc, anonymous: true, resolution: "group".into() },
        ));
    }
    out
}

/// A reported content that cuts a quotation at one of its marks takes the whole quotation, marks
/// included: `said "hello there" to the crowd` gave `hello there" to the crowd` (the opening mark
/// left out, the closing one in), `called the report "fake news".` gave `the report "fake news`.
/// `quotations`: the quotations' spans with their marks, by start (they do not overlap).
fn with_whole_quotations(content: Span, quotations: &[Span]) -> Span {
    let mut c = content;
    let before = |at: usize| quotations.partition_point(|q| q.start < at).checked_sub(1).map(|i| quotations[i]);
    // the content opens inside a quotation, just past its opening mark, and runs past its close
    if let Some(q) = before(c.start) {
        let opening_only = q.end <= c.end && q.end > c.start;
        if opening_only && c.start - q.start <= 4 {
            c.start = q.start;
        }
    }
    // the content ends inside a quotation, just before its closing mark, having begun before it
    if let Some(q) = before(c.end) {
        if q.start >= c.start && c.end < q.end && q.end - c.end <= 4 {
            c.end = q.end;
        }
    }
    c
}

/// Whether a content holds a whole quotation (a mixed quote). `quotations` as in
/// [`with_whole_quotations`].
fn holds_quotation(content: Span, quotations: &[Span]) -> bool {
    let first = quotations.partition_point(|q| q.start < content.start);
    quotations.get(first).is_some_and(|q| q.end <= content.end)
}

const NESTED_AT_MOST: usize = 3;

/// A reported content holds at most [`NESTED_AT_MOST`] attributions nested in it ("X said that Y
/// said Z", "A is expected to ... as B were said to"): it ends where the next one begins. Text with
/// no sentence ends ("the minister said that the dam the minister said that ...", thousands of
/// times) otherwise gave each cue a content running on through all the others to the sentence cap:
/// output and memory quadratic in the length of the text. `begins`: each attribution's cue start
/// and where it begins (its source or its cue), sorted.
fn within_nested_few(text: &str, begins: &[(usize, usize)], r: &Raw) -> Span {
    let c = r.content;
    let first = begins.partition_point(|&(cue, _)| cue < c.start);
    let beyond = begins[first..]
        .iter()
        .take_while(|&&(cue, _)| cue < c.end)
        .filter(|&&(_, at)| at >= c.start)
        .nth(NESTED_AT_MOST);
    match beyond {
        Some(&(_, at)) if at > c.start => Span::new(c.start, at).trim(text, &[',']),
        _ => c,
    }
}

/// Words that open a sentence with a phrase or clause before its subject: what follows them up to
/// their verb is no subject ("For Sanders, there ...", "As Rep. Grayson's campaign began ..."); the
/// subject comes after the comma that ends them.
const SUBJECTLESS_OPENERS: &[&str] = &[
    "about", "after", "against", "although", "amid", "among", "as", "at", "because", "before", "by", "despite",
    "during", "for", "from", "if", "in", "like", "of", "on", "once", "since", "though", "through", "to", "under",
    "unless", "unlike", "until", "when", "while", "with", "without",
];

/// `According to SOURCE, CONTENT` and `CONTENT, according to SOURCE.`
fn according_to(ctx: &Ctx, c: usize) -> Option<Raw> {
    let toks = ctx.toks;
    let s0 = ctx.sent_start(c);
    let s1 = ctx.sent_end(c);
    let mut a = c + 2;
    while a < s1 && (toks[a].kind == TokKind::Markup || toks[a].is_quote()) {
        a += 1;
    }
    let mut e = a;
    while !(e >= s1 || toks[e].is_punct(',') || toks[e].is_punct('.') || toks[e].is_quote() && e > a) {
        e += 1;
    }
    if e == a {
        return None;
    }
    let source = (a, e - 1);
    let content = if c == s0 || (c > s0 && (s0..c).all(|i| toks[i].kind == TokKind::Markup)) {
        // According to X, CONTENT
        let mut k = e;
        while k < s1 && (toks[k].is_punct(',') || toks[k].is_quote() || toks[k].kind == TokKind::Markup) {
            k += 1;
        }
        let mut end = s1;
        while end > k && matches!(toks[end - 1].kind, TokKind::Punct('.') | TokKind::Markup) {
            end -= 1;
        }
        // stop before a postposed ", he insisted"
        if let Some(comma) = (k..end).rev().find(|&i| toks[i].is_punct(',')) {
            let tail = comma + 1..end;
            if tail.len() <= 3 && tail.into_iter().any(|i| ctx.cue_verb(i)) {
                end = comma;
            }
        }
        if k >= end {
            return None;
        }
        toks[k].span.cover(&toks[end - 1].span)
    } else {
        let mut end = c;
        while end > s0 && toks[end - 1].is_punct(',') {
            end -= 1;
        }
        if end <= s0 {
            return None;
        }
        toks[s0].span.cover(&toks[end - 1].span)
    };
    Some(Raw {
        source: Some(source),
        cue: (c, c + 1),
        content: content.trim(ctx.text, &[',']),
        direct: false,
        learned: false,
        more: None,
        subject: None,
    })
}

/// A source with the words that modify its noun before it: "the debate | moderators", "human rights |
/// groups", "Republican vice-presidential nominee | Mike Pence" (the tagger often takes the head
/// alone). Stops at punctuation (but a joining hyphen), a pronoun, a word of time, an -ly adverb, a
/// verb or any word the part-of-speech tagger reads as neither noun nor modifier, and after a
/// determiner.
/// `taken`: a token of the attribution's own cue, where it stops too. (Not its content: the
/// tagger often marks a title before a name as content, "said | RICS housing spokesman | Ian Perry".)
fn with_modifiers(
    text: &str,
    toks: &[Token],
    doc: &learned::Doc,
    (mut a, b): (usize, usize),
    taken: impl Fn(&Token) -> bool,
) -> (usize, usize) {
    let pronoun = |w: &str| {
        matches!(
            w,
            "he" | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "you"
                | "who"
                | "which"
                | "that"
                | "this"
                | "these"
                | "those"
                | "him"
                | "them"
                | "us"
                | "me"
                | "what"
                | "there"
                | "one"
                | "someone"
                | "everyone"
                | "nobody"
                | "where"
                | "when"
                | "how"
                | "why"
                | "his"
                | "her"
                | "their"
                | "its"
                | "my"
                | "our"
                | "your"
        )
    };
    if toks[a].kind != TokKind::Word || pronoun(&toks[a].lower) || !doc.nominal(a) {
        return (a, b);
    }
    let head = a;
    while a > 0 {
        let p = &toks[a - 1];
        if taken(p) {
            break;
        }
        // a hyphen joining two words: "vice-presidential"
        if p.is_punct('-')
            && !p.space_before
            && !toks[a].space_before
            && a >= 2
            && toks[a - 2].is_word()
            && !taken(&toks[a - 2])
        {
            a -= 2;
            continue;
        }
        if p.kind != TokKind::Word || toks[a].newline_before {
            break;
        }
        let w = p.lower.as_str();
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "your" | "my") {
            a -= 1;
            break;
        }
        let time = matches!(
            w,
            "perhaps"
                | "however"
                | "still"
                | "instead"
                | "also"
                | "even"
                | "only"
                | "just"
                | "so"
                | "thus"
                | "meanwhile"
                | "indeed"
                | "here"
                | "there"
                | "later"
                | "earlier"
                | "again"
                | "yet"
                | "soon"
                | "finally"
                | "yesterday"
                | "today"
                | "tonight"
                | "now"
                | "then"
                | "week"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        );
        // before a name, only a role: "nominee | Mike Pence", not "a Bloomberg interview | Trump"
        let name_edge = a == head && toks[a].span.slice(text).starts_with(char::is_uppercase);
        if pronoun(w)
            || name_edge
                && !(p.span.slice(text).starts_with(char::is_lowercase)
                    && (role_word(w) || matches!(w, "nominee" | "candidate" | "liaison" | "host" | "anchor")))
        {
            break;
        }
        let noun_like =
            (doc.nominal(a - 1) && !pronoun(w)) || (doc.modifier(a - 1) && !is_ly_adverb(w) && !w.ends_with("ly"));
        if time || !noun_like {
            break;
        }
        a -= 1;
    }
    (a, b)
}

/// An -ing word that belongs to a role or a list rather than to an action: "Robert Peck, managing
/// director", "Proponents, including the Conference of Mayors".
fn role_participle(w: &str) -> bool {
    matches!(
        w,
        "including"
            | "managing"
            | "leading"
            | "ranking"
            | "presiding"
            | "governing"
            | "founding"
            | "outgoing"
            | "incoming"
            | "acting"
            | "visiting"
            | "reigning"
            | "sitting"
            | "retiring"
            | "serving"
            | "consulting"
            | "contributing"
            | "longstanding"
            | "longtime"
    )
}

/// A lowercase head of a body that speaks: "the council", "the board", "the committee".
fn is_org_word(w: &str) -> bool {
    corroborate_nlp::lexicon::is_org_head(w)
        || matches!(w, "council" | "board" | "committee" | "court" | "panel" | "union" | "company" | "government")
}

/// The source after a closing cue: `"...," said 9/11 widow Terry Strada.`, `"...," said the
/// ruling.`: what follows the cue to the end of the sentence or to a relative clause (", who ..."),
/// when what was said ends before the cue, at a comma or a closing quotation mark.
fn inverted_source(ctx: &Ctx, r: &Raw) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    let (c0, c1) = r.cue;
    if c0 != c1 || !matches!(ctx.lower(c0), "said" | "says" | "added" | "wrote" | "writes" | "asked" | "explained") {
        return None;
    }
    // what was said ends before the cue, after a comma or a closing quotation mark
    let before = c0.checked_sub(1)?;
    if r.content.end > toks[c0].span.start || !(toks[before].is_punct(',') || toks[before].is_quote()) {
        return None;
    }
    let end = ctx.sent_end(c0);
    let a = c1 + 1;
    let mut b = end.checked_sub(1)?;
    if let Some(k) = (a + 1..b).find(|&k| toks[k].is_punct(',') && matches!(ctx.lower(k + 1), "who" | "which")) {
        b = k - 1;
    }
    while b > a && !toks[b].is_word() {
        b -= 1;
    }
    let first = toks.get(a)?;
    // (or lowercase words of a role before a name: "said flood victim Ana Ruiz")
    let role = || {
        let name = (a + 1..=b.min(a + 3)).find(|&k| ctx.cap(k));
        name.is_some_and(|n| {
            (a..n).all(|k| toks[k].is_word() && !ctx.cue_verb(k) && !is(FUNCTION_WORDS, &toks[k].lower))
                && !matches!(first.lower.as_str(), "in" | "on" | "at" | "during" | "after" | "before" | "by")
        })
    };
    let opens = ctx.cap(a) || first.kind == TokKind::Number || DETERMINERS.contains(&first.lower.as_str()) || role();
    (a <= b && b - a < 20 && opens && toks[b].is_word()).then_some((a, b))
}

/// "According to Pavel Dunne, a hydrologist at the state university, cracks ...", "..., according
/// to Dunne, a hydrologist.": the description after the name's comma is the source's (PolNeAR's
/// sources hold their appositives), not what was said: a noun phrase opening on "a", "an" or "the"
/// with a word of a role or a body in it and no verb ("According to The Guardian, an email was
/// sent ..." and "According to the ministry, the dam, which ..." say what was said). Before the
/// content, the content starts after it; at the end of the sentence, it was read as a second
/// content of the cue, which goes.
/// `verbal`: which tokens the part-of-speech tagger reads as verbs (empty: none known).
fn appositives_after_according_to(ctx: &Ctx, verbal: &[bool], raw: &mut Vec<Raw>) {
    let toks = ctx.toks;
    let mut drop = vec![false; raw.len()];
    for i in 0..raw.len() {
        let r = &raw[i];
        if r.direct || ctx.lower(r.cue.0) != "according" {
            continue;
        }
        // the source's comma, then the description
        let (a, d) = match r.source {
            Some((a, b)) if b + 2 < toks.len() && toks[b + 1].is_punct(',') => (a, b + 2),
            _ => continue,
        };
        if toks[d].span.start != r.content.start || !matches!(ctx.lower(d), "a" | "an" | "the") {
            continue;
        }
        let s1 = ctx.sent_end(d);
        let Some(f) = (d + 1..s1.min(d + 16)).find(|&k| !(toks[k].is_word() || toks[k].kind == TokKind::Possessive))
        else {
            continue;
        };
        let verb = |k: usize| {
            ctx.cue_verb(k) || auxiliary(ctx.lower(k)) || ctx.lower(k) == "being" || verbal.get(k).is_some_and(|&v| v)
        };
        let role = |k: usize| role_word(ctx.lower(k)) || is_org_word(ctx.lower(k));
        if f < d + 2 || (d..f).any(verb) || !(d..f).any(role) {
            continue;
        }
        let at_end = (f..s1).all(|k| !toks[k].is_word());
        let rest = (f + 1..s1).filter(|&k| toks[k].is_word()).count();
        if toks[f].is_punct(',') && rest >= 3 && !matches!(ctx.lower(f + 1), "which" | "who" | "that") {
            let end = raw[i].content.end;
            raw[i].source = Some((a, f - 1));
            raw[i].content = Span::new(toks[f + 1].span.start, end);
        } else if at_end
            && raw
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && o.cue == r.cue && o.content.end <= toks[r.cue.0].span.start)
        {
            drop[i] = true;
            let cue = r.cue;
            for o in raw.iter_mut().filter(|o| o.cue == cue) {
                o.source = Some((a, f - 1));
            }
        }
    }
    let mut k = 0;
    raw.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// The subject a cue shares with the verb it is joined to: "Theresa May announced ... and |
/// suggested", "His ex-wife agreed, but also | contended", "she said ..., | emphasizing": the source
/// of an attribution earlier in the sentence, or else the sentence's subject when no clause opens
/// between it and the cue.
/// `nominal`: which tokens the part-of-speech tagger reads as nouns (empty: all).
fn shared_subject(ctx: &Ctx, raw: &[Raw], nominal: &[bool], c: usize) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    let s0 = ctx.sent_start(c);
    let mut k = c;
    while k > s0 && (matches!(ctx.lower(k - 1), "also" | "then" | "later" | "even") || is_ly_adverb(ctx.lower(k - 1))) {
        k -= 1;
    }
    if k <= s0 + 1 {
        return None;
    }
    let gerund = ctx.lower(c).ends_with("ing") && toks[k - 1].is_punct(',');
    let joined = matches!(ctx.lower(k - 1), "and" | "but")
        || (k >= s0 + 2 && toks[k - 1].is_punct(',') && matches!(ctx.lower(k - 2), "and" | "but"));
    if !gerund && !joined {
        return None;
    }
    // the speaker of an attribution before it in the sentence: "she said ..., | emphasizing"
    if let Some(r) = raw.iter().filter(|r| s0 <= r.cue.0 && r.cue.1 < k && r.source.is_some()).max_by_key(|r| r.cue.0) {
        return r.source;
    }
    if (s0..k).any(|i| {
        toks[i].is_quote()
            || matches!(ctx.lower(i), "that" | "who" | "which" | "whom" | "when" | "if" | "because" | "while" | "after")
    }) {
        return None;
    }
    let (a, mut b) = subject_of(ctx, s0, k)?;
    // the head noun after a name: "The Lenmark | council"
    while b + 1 < k && is_org_word(ctx.lower(b + 1)) {
        b += 1;
    }
    // a capitalised opening word that names no one is no subject: "But", "Perhaps", "Get"
    // nor one that opens with a preposition: "During his second day of ..."
    if matches!(
        ctx.lower(a),
        "during" | "in" | "on" | "at" | "for" | "after" | "before" | "with" | "from" | "by" | "initially" | "under"
    ) {
        return None;
    }
    let first = if DETERMINERS.contains(&ctx.lower(a)) { a + 1 } else { a };
    let common = |i: usize| corroborate_nlp::lexicon::not_name(ctx.lower(i)) || ctx.cue_verb(i);
    let noun = |i: usize| nominal.get(i).is_none_or(|&n| n);
    ((ctx.head_ok(b) || is_org_word(ctx.lower(b))) && b + 2 < k && first <= b && !common(first) && noun(b))
        .then_some((a, b))
}

/// A content that opens with its own source (see the call in [`find_with`]): cut, or the source
/// dropped; false when nothing is left of an attribution.
fn content_after_source(ctx: &Ctx, quotes: &[Quote], r: &mut Raw) -> bool {
    let (text, toks) = (ctx.text, ctx.toks);
    let Some((a, b)) = r.source else { return true };
    let src = toks[a].span.cover(&toks[b].span);
    if src.contains(&r.content) {
        return false;
    }
    let opens = src.start < r.content.end
        && if r.content.start >= src.start {
            r.content.start < src.end
        } else {
            Span::new(r.content.start, src.start).slice(text).chars().all(|c| !c.is_alphanumeric())
        };
    if !opens {
        return true;
    }
    let quote_next = |k: usize| toks.get(k + 1).is_some_and(|t| t.is_quote());
    let stop = (b + 1..toks.len()).take_while(|&k| toks[k].span.start < r.content.end).find(|&k| {
        toks[k].is_punct('.') && k + 1 < toks.len() && toks[k + 1].span.start < r.content.end
            || (toks[k].is_punct(',') || toks[k].is_punct(':')) && quote_next(k)
    });
    // "According to a story circulating online, | thousands of turkeys ...": what follows the
    // source's comma
    let stop = stop.or_else(|| {
        (ctx.lower(r.cue.0) == "according" && toks.get(b + 1).is_some_and(|t| t.is_punct(',')))
            .then_some(b + 1)
            .filter(|&k| toks[k].span.end < r.content.end)
    });
    let said = |k: usize| Span::new(toks[k].span.end, r.content.end).trim(text, &[' ']);
    if let Some(k) = stop.filter(|&k| said(k).slice(text).chars().any(char::is_alphanumeric)) {
        r.content = said(k);
        // a whole quotation is its words, without the marks
        let bare = r.content.trim(text, &['"', '“', '”', '.', ',', ' ']);
        if let Some(q) = quotes.iter().find(|q| q.inner.trim(text, &['.', ',']) == bare) {
            r.content = q.inner;
            r.direct = true;
        }
        if k > b + 1 && k <= b + 9 && !(b + 1..k).any(|i| toks[i].is_punct(',') || toks[i].is_punct('(')) {
            r.source = trim_source(text, toks, (a, k - 1));
        }
        return true;
    }
    let ends = toks.get(b + 1).is_none_or(|t| {
        t.is_quote()
            || matches!(t.kind, TokKind::Punct('.') | TokKind::Punct(',') | TokKind::Punct(':') | TokKind::Punct('('))
    });
    if ends {
        return false;
    }
    r.source = None;
    true
}

/// [`passive_subject`] for each attribution, keeping the subject it takes from the source; an
/// attribution it empties is dropped (its subject added to `mentions`). `early`: only that dropping
/// (before contents are cut at one another, so that an event cuts no report).
fn passives(ctx: &Ctx, raw: &mut Vec<Raw>, early: bool, mentions: &mut Vec<(usize, usize)>) {
    for r in raw.iter_mut() {
        if let Some(s) = passive_subject(ctx, r, early) {
            r.subject = Some(s);
            r.source = r.source.and_then(|x| tidy_source(ctx.text, ctx.toks, x));
        }
    }
    raw.retain(|r| {
        if r.content.is_empty() {
            mentions.extend(r.subject);
        }
        !r.content.is_empty()
    });
}

/// A form of "be", "have", "do" or a modal ("is", "wasn't", "will"): a verb the part-of-speech
/// tagger reads as an auxiliary.
fn auxiliary(w: &str) -> bool {
    let w = w.strip_suffix("n't").or_else(|| w.strip_suffix("n’t")).unwrap_or(w);
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "wo"
            | "ca"
    )
}

/// Whether the particle that opens a reported content right after its cue says something with the
/// cue ("ruled | out a deal", [`PHRASAL_CUES`]) or not ("knocked | out power": the verb did
/// something); `None` when no particle opens the content.
fn opening_particle(ctx: &Ctx, r: &Raw) -> Option<bool> {
    let t = ctx.toks.get(r.cue.1 + 1)?;
    if r.direct
        || t.span.start != r.content.start
        || !matches!(t.lower.as_str(), "up" | "down" | "off" | "out" | "away" | "back")
        || !t.span.slice(ctx.text).starts_with(char::is_lowercase)
    {
        return None;
    }
    let verb = ctx.lower(r.cue.1);
    Some(PHRASAL_CUES.iter().any(|(v, p)| *p == t.lower && verb.starts_with(v)))
}

/// A content that opens with its cue's particle ("ripped | up the contract", "stepped | down as
/// chairman", "ruled | out a deal"): the particle belongs to the cue when the two say something
/// ([`PHRASAL_CUES`]: "ruled out", "played down", "hit back"), and otherwise the verb did
/// something, and reported nothing (false: no attribution). Nor is a plural noun a cue before an
/// auxiliary ("The 35 | shows | would have been split"; `nominal`: the tokens the part-of-speech
/// tagger reads as nouns, empty without it).
fn particle_content(ctx: &Ctx, nominal: &[bool], r: &mut Raw) -> bool {
    let toks = ctx.toks;
    let k = r.cue.1 + 1;
    let Some(t) = toks.get(k) else { return true };
    // a plural noun, not a verb, before an auxiliary: "The 35 | shows | would have been split"
    // (as the part-of-speech tagger reads it: "the kingdom | hopes | will shatter" is a verb; and
    // after a pronoun or a name it is one: "which Yukos | claims | was illegally sold")
    let c = r.cue.0;
    let after_name = c > 0
        && (is(PRONOUNS, ctx.lower(c - 1)) || ctx.lower(c - 1) == "you" || ctx.cap(c - 1) && c - 1 > ctx.sent_start(c));
    if !r.direct
        && r.cue.0 == r.cue.1
        && ctx.lower(c).ends_with('s')
        && auxiliary(&t.lower)
        && nominal.get(c).is_some_and(|&n| n)
        && !after_name
    {
        return false;
    }
    let Some(says) = opening_particle(ctx, r) else { return true };
    if !says {
        return false;
    }
    r.cue.1 = k;
    let rest = Span::new(t.span.end, r.content.end).trim(ctx.text, &[' ', ',', ':']);
    r.content = rest;
    !rest.is_empty()
}

/// Words between a form of "be" and its participle that leave the passive whole: "is also
/// expected", "was not told", "were widely seen".
fn passive_adverb(w: &str) -> bool {
    matches!(w, "also" | "not" | "never" | "long" | "still" | "now" | "often" | "first" | "then") || is_ly_adverb(w)
}

/// The agent of the passive participle at token `p`: the "by" and the noun phrase after it, in the
/// participle's clause (before a comma or another verb).
fn passive_agent(ctx: &Ctx, p: usize) -> Option<(usize, (usize, usize))> {
    let toks = ctx.toks;
    let end = ctx.sent_end(p);
    let mut k = p + 1;
    while k < end.min(p + 14) {
        let t = &toks[k];
        let quoted = |i: usize| toks.get(i).is_some_and(|t| t.is_quote());
        if t.is_punct(';') || t.is_punct(':') || t.is_punct(',') && !quoted(k - 1) && !quoted(k + 1) {
            break;
        }
        // another verb: the "by" is its ("are expected to be questioned by officers")
        if matches!(t.lower.as_str(), "to" | "that" | "be" | "been" | "being" | "and" | "who" | "which")
            || t.lower.ends_with("ing")
            || ctx.cue_verb(k)
        {
            break;
        }
        if t.lower == "by" {
            // the agent: a noun phrase ("the debate moderators", "some of his rivals", "Plant's
            // publicist"), up to a verb, a preposition other than "of" or a punctuation mark
            // (no count: "backed by 42 percent", "won by 34"; no participle or adverb: "the
            // encryption | deployed by Apple", "Trump | already")
            let noun_word = |j: usize| {
                let l = ctx.lower(j);
                toks[j].is_word()
                    && !ctx.cue_verb(j)
                    && !l.ends_with("ly")
                    && !l.ends_with("ing")
                    && (!l.ends_with("ed") || ctx.cap(j))
                    && (!is(FUNCTION_WORDS, l) || matches!(l, "some" | "many" | "most" | "all" | "other"))
                    && !is(PASSIVE_AGENT_STOPS, l)
            };
            let mut j = k + 1;
            while j < end
                && toks[j].kind != TokKind::Number
                && (ctx.np_token(j)
                    || DETERMINERS.contains(&ctx.lower(j))
                    || noun_word(j)
                    || ctx.lower(j) == "of" && j > k + 1 && j + 1 < end && noun_word(j + 1)
                    || ctx.lower(j) == "and" && ctx.cap(j - 1) && j + 1 < end && ctx.cap(j + 1))
            {
                j += 1;
            }
            let (a, b) = (k + 1, j.saturating_sub(1));
            // a lone common word names someone only as a plural or a person's noun ("historians",
            // "liberals"; not "anxiety")
            let lone_ok = a < b || ctx.cap(a) || ctx.lower(a).ends_with('s') || agent_noun(ctx.lower(a));
            let counted = toks.get(j).is_some_and(|t| t.kind == TokKind::Number)
                || (a..=b).any(|i| matches!(ctx.lower(i), "percent" | "per" | "cent" | "votes" | "points"));
            let named =
                j > a && lone_ok && !counted && !DETERMINERS.contains(&ctx.lower(b)) && !time_phrase(toks, a, b);
            return named.then_some((k, (a, b)));
        }
        k += 1;
    }
    None
}

/// A passive cue's subject is what was said or done, not who said or did it: "Dylann Roof | is
/// accused | of killing", "Bernie Sanders | is said | to have pressed", "The deal | is expected | to
/// close", "A rumor that ... | has been called | “rubbish” by Plant's publicist". Such a source before
/// the cue becomes the start of the content (a content before the cue is that subject already), and
/// the agent after "by" (in the clause, before a comma) the source, or no one. With neither an
/// agent nor a participle of saying or judging ([`PASSIVE_REPORTS`]) it reports nothing ("Brek was
/// attacked in prison"): the content is emptied for the caller to drop. `early`: only that. Kept:
/// the subject of a participle of a state of mind ("analysts were disappointed that",
/// [`EXPERIENCER_PARTICIPLES`]), of "was quoted as saying", and of "is reported to have said".
/// Returns the subject taken from the source.
fn passive_subject(ctx: &Ctx, r: &mut Raw, early: bool) -> Option<(usize, usize)> {
    let toks = ctx.toks;
    // no source: a subject that names a claim, from the sentence's start to the cue ("A rumor that
    // Brek tore up the contract | has been called ...")
    let claim_subject = |c: usize| {
        let s0 = ctx.sent_start(c);
        let k = if DETERMINERS.contains(&ctx.lower(s0)) { s0 + 1 } else { s0 };
        (k + 2 < c
            && corroborate_nlp::lexicon::CLAIM_NOUNS.contains(&ctx.lower(k))
            && toks.get(k + 1).is_some_and(|t| matches!(t.lower.as_str(), "that" | "saying")))
        .then_some((s0, k))
    };
    let subject = r.source.or_else(|| claim_subject(r.cue.0))?;
    let sa = subject.0;
    if r.direct || sa >= r.cue.0 {
        return None;
    }
    // the participle: the cue's first word that is no auxiliary or adverb
    let p = (r.cue.0..=r.cue.1).find(|&k| {
        toks[k].is_word()
            && !matches!(ctx.lower(k), "be" | "been" | "being")
            && !is(CUE_AUXILIARIES, ctx.lower(k))
            && !passive_adverb(ctx.lower(k))
    })?;
    let w = ctx.lower(p);
    if !(w.ends_with("ed") || is(IRREGULAR_PARTICIPLES, w)) || is(EXPERIENCER_PARTICIPLES, w) {
        return None;
    }
    // a form of "be" right before it, across adverbs ("is also expected"; not "He's said": has)
    let mut k = p;
    while k > sa + 1 && passive_adverb(ctx.lower(k - 1)) {
        k -= 1;
    }
    if k == 0 || !matches!(ctx.lower(k - 1), "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'re" | "’re")
    {
        return None;
    }
    // "was quoted as saying", "was heard telling", "is reported to have said": the subject speaks
    let next = |n: usize| toks.get(p + n).map_or("", |t| t.lower.as_str());
    let speaking = |w: &str| matches!(w, "saying" | "telling" | "writing" | "claiming" | "describing");
    let clause = (1..9).take_while(|&n| !matches!(next(n), "," | ";" | "." | ""));
    if clause.clone().any(|n| speaking(next(n)))
        || clause.clone().any(|n| {
            next(n) == "to" && (ctx.cue_verb_at(p + n + 1) || next(n + 1) == "have" && ctx.cue_verb_at(p + n + 2))
        })
    {
        return None;
    }
    let agent = passive_agent(ctx, p);
    // with no agent and no word of saying, it says only what happened to someone ("Brek was
    // attacked in prison", "Cruz was booed off the stage"): no one's report; the content is
    // emptied, and the attribution dropped
    if agent.is_none() && !is(PASSIVE_REPORTS, w) {
        r.content = Span::new(r.content.start, r.content.start);
        return Some(subject);
    }
    if early {
        return None;
    }
    // a content before the cue is the subject already ("The proposal | was rejected by the mayor")
    if r.content.start < toks[p].span.end {
        r.source = agent.map(|(_, s)| s);
        return Some(subject);
    }
    let relative = sa == subject.1 && matches!(ctx.lower(sa), "who" | "which" | "that");
    // a subject that names a claim opens its sentence: "A rumor that Plant ripped up the contract
    // | has been called “rubbish”" (the source taken was "the contract")
    let start = if let Some((s0, _)) = claim_subject(p).filter(|&(s0, _)| s0 <= sa) {
        toks[s0].span.start
    } else if relative {
        r.content.start
    } else {
        toks[sa].span.start
    };
    // what follows the agent is the rest of the content when it opens with "to" or "that" ("The
    // facility has been ordered by the CDC | to close"): the content then runs over the agent
    let rest = agent.and_then(|(_, (_, b))| toks.get(b + 1)).filter(|t| t.span.end <= r.content.end);
    let stop = match agent {
        Some(_) if rest.is_some_and(|t| matches!(t.lower.as_str(), "to" | "that")) => r.content.end,
        Some((by, _)) => toks[by - 1].span.end.max(start),
        None => r.content.end,
    };
    let content = Span::new(start, stop).trim(ctx.text, &[',', ' ']);
    if content.is_empty() {
        return None;
    }
    r.content = content;
    r.source = agent.map(|(_, s)| s);
    Some(subject)
}

/// A source's edges, tidied: without the sentence's opening conjunction ("But the company said"), a
/// subordinating word ("While | a federal judge found"), an opening phrase of time or place ("On
/// Monday night, | Clinton") or an opening adverb ("Both | Mr. King and Mr. Schultz"); without a
/// trailing participle or setting after a comma ("Caddell, speaking of ...", "Clinton, at Monday's
/// debate") or a trailing date ("a group of doctors in 2015"); and with the name a title abbreviation
/// stands before ("Mr | . Burman" -> "Mr. Burman"). `None` when nothing of a speaker is left.
fn tidy_source(text: &str, toks: &[Token], (mut a, mut b): (usize, usize)) -> Option<(usize, usize)> {
    while a <= b && matches!(toks[a].lower.as_str(), "but" | "and" | "so" | "yet" | "or" | "nor") {
        a += 1;
    }
    // nor is a subordinating word alone a source: "When asked about ...", "After saying ...";
    // before a speaker it opens the clause, not the speaker: "While | a federal judge found"
    let subordinator = |a: usize| {
        a <= b
            && matches!(
                toks[a].lower.as_str(),
                "when" | "while" | "after" | "before" | "if" | "as" | "once" | "because" | "since" | "until"
            )
    };
    if subordinator(a) && a < b {
        a += 1;
    }
    // a relative pronoun before a subject is what is said, not who says it: "the attack, which |
    // police say happened on a side street" (not "that", as often a determiner: "That forecast")
    if a < b && matches!(toks[a].lower.as_str(), "which" | "whom") && toks[a + 1].kind == TokKind::Word {
        a += 1;
    }
    // an opening phrase of time or place up to its comma: "On Monday night, | Clinton"; a day or
    // month run into a name is only the day: "On Tuesday | Mitsubishi, the only ... firm, confirmed"
    let capital = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokKind::Word && t.span.slice(text).starts_with(char::is_uppercase))
    };
    if a < b && matches!(toks[a].lower.as_str(), "on" | "in" | "at" | "during" | "earlier" | "later") {
        // (and a year run into what follows it: "In 1998 | the party said")
        let year = |k: usize| {
            toks[k].kind == TokKind::Number
                && toks[k].lower.len() == 4
                && toks[k].lower.bytes().all(|c| c.is_ascii_digit())
        };
        // (or a determiner: "On Monday | some news sites reported")
        let opens_subject = |k: usize| {
            capital(k) && !time_phrase(toks, k, k)
                || matches!(toks[k].lower.as_str(), "the" | "some" | "many" | "several" | "most" | "a" | "an")
        };
        if a + 2 < b && (time_phrase(toks, a + 1, a + 1) || year(a + 1)) && opens_subject(a + 2) {
            a += 2;
        } else if let Some(c) = (a + 1..b).find(|&k| toks[k].lower == ",") {
            a = c + 1;
        }
    }
    // an opening adverb or preposition: "Both | Mr. King and Mr. Schultz", "With | Democratic leaders"
    // ("both" only before a name: "both presidential candidates" are the speakers)
    if a < b
        && (matches!(toks[a].lower.as_str(), "even" | "then" | "with") || (toks[a].lower == "both" && capital(a + 1)))
    {
        a += 1;
    }
    if a > b || subordinator(a) {
        return None;
    }
    // a participle or a setting after a comma is the speaker's doing, not the speaker: "Caddell, |
    // speaking of ...", "Clinton, | at Monday's debate", "Cummings, the top Democrat ..., | in a
    // statement" (but inside a relative clause it is the clause's: "Mitchell, who served as
    // ambassador from 2012, in ...")
    let relative = (a..b).find(|&k| matches!(toks[k].lower.as_str(), "who" | "which" | "whom")).unwrap_or(b);
    if let Some(k) = (a + 1..relative).find(|&k| {
        toks[k].is_punct(',')
            && toks.get(k + 1).is_some_and(|n| {
                n.kind == TokKind::Word
                    && n.span.slice(text).starts_with(char::is_lowercase)
                    && ((n.lower.ends_with("ing") && n.lower.len() > 4 && !role_participle(&n.lower))
                        || matches!(n.lower.as_str(), "at" | "in" | "during" | "on"))
            })
    }) {
        b = k - 1;
    }
    // a trailing date: "a group of doctors | in 2015", "Wells Fargo | just this month"
    if b >= a + 2
        && toks[b].kind == TokKind::Number
        && toks[b].lower.len() == 4
        && toks[b].lower.starts_with(['1', '2'])
        && toks[b - 1].lower == "in"
    {
        b -= 2;
    }
    if b >= a + 2
        && matches!(toks[b].lower.as_str(), "week" | "month" | "year")
        && matches!(toks[b - 1].lower.as_str(), "this" | "last")
    {
        b -= 2;
        if b > a && toks[b].lower == "just" {
            b -= 1;
        }
    }
    // a trailing time ago and a reflexive after the name: "Halvik himself | three years ago"
    if b >= a + 2 && toks[b].lower == "ago" {
        let mut k = b - 1;
        if matches!(toks[k].lower.trim_end_matches('s'), "year" | "month" | "week" | "day" | "decade" | "hour") {
            k -= 1;
            if k > a && (toks[k].kind == TokKind::Number || is(NUMBER_WORDS, &toks[k].lower)) {
                b = k - 1;
                // "less than two weeks ago", "about a year ago"
                while b > a
                    && matches!(
                        toks[b].lower.as_str(),
                        "than" | "less" | "more" | "about" | "nearly" | "almost" | "just" | "only"
                    )
                {
                    b -= 1;
                }
            }
        }
    }
    if b > a && matches!(toks[b].lower.as_str(), "himself" | "herself" | "itself" | "themselves") {
        b -= 1;
    }
    // a title abbreviation and its name: "said Mr | . Burman" -> "Mr. Burman", "Mr. | Clarke" -> "Mr. Clarke"
    let title = |t: &Token| {
        matches!(
            t.lower.as_str(),
            "mr" | "mrs" | "ms" | "dr" | "del" | "sen" | "rep" | "gov" | "gen" | "lt" | "col" | "sgt" | "prof" | "rev"
        ) && t.span.slice(text).starts_with(char::is_uppercase)
    };
    let joined = |k: usize| toks.get(k).is_some_and(|t| t.is_punct('.') && !t.space_before);
    if title(&toks[b]) && joined(b + 1) && capital(b + 2) {
        b += 2;
        while capital(b + 1) && !toks[b + 1].newline_before {
            b += 1;
        }
    }
    if a >= 2 && joined(a - 1) && title(&toks[a - 2]) && capital(a) {
        a -= 2;
    }
    // an adverb at either edge is no part of the speaker: "Currently | users", "The story | also",
    // "The masked man | then"
    let edge = |k: usize| is(EDGE_ADVERBS, &toks[k].lower) || toks[k].is_punct(',');
    // an existential "there" opens no speaker: "There were conflicting | reports"
    if toks[a].lower == "there" {
        return None;
    }
    while a < b && edge(a) {
        a += 1;
    }
    while b > a && (edge(b) || source_tail(text, toks, b)) {
        b -= 1;
    }
    // a preposition, an article or an adverb alone, or a phrase that ends on one, names no one:
    // "There were reports", "In defending himself", "At the time of writing", "the governments of"
    if is(NO_SPEAKER, &toks[b].lower) {
        // unless a name ends right before it: "Sgt Gill Cherry | from"
        if b > a && capital(b - 1) && !is(NO_SPEAKER, &toks[b - 1].lower) {
            return Some((a, b - 1));
        }
        return None;
    }
    Some((a, b))
}

/// True when a text is only a time after a preposition: "on Monday morning", "late on Tuesday",
/// "in March 2027".
fn setting_only(text: &str) -> bool {
    use corroborate_nlp::lexicon::{MONTHS, WEEKDAYS};
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let opens = |w: &str| matches!(w, "on" | "in" | "at" | "during" | "late" | "early" | "earlier" | "later");
    let time = |w: &str| {
        MONTHS.contains(&w)
            || WEEKDAYS.contains(&w)
            || w.chars().all(|c| c.is_ascii_digit())
            || matches!(
                w,
                "the" | "morning" | "afternoon" | "evening" | "night" | "day" | "week" | "weekend" | "last" | "this"
            )
            || opens(w)
    };
    words.first().is_some_and(|w| opens(w))
        && words.iter().any(|w| MONTHS.contains(&w.as_str()) || WEEKDAYS.contains(&w.as_str()))
        && words.iter().all(|w| time(w))
}

/// True when tokens `a..=b` only name a time: "the past", "April", "Tuesday", "recent years".
fn time_phrase(toks: &[Token], a: usize, b: usize) -> bool {
    use corroborate_nlp::lexicon::{MONTHS, WEEKDAYS};
    let words: Vec<&str> = toks[a..=b].iter().map(|t| t.lower.as_str()).collect();
    let dated = |w: &str| MONTHS.contains(&w) || WEEKDAYS.contains(&w);
    match words.as_slice() {
        ["the", w] => matches!(*w, "past" | "meantime" | "interim"),
        ["recent", w] => matches!(*w, "days" | "weeks" | "months" | "years"),
        [w] => dated(w),
        // "May 3", "Tuesday night"
        [w, x] => {
            dated(w) && (toks[b].kind == TokKind::Number || matches!(*x, "morning" | "afternoon" | "evening" | "night"))
        }
        _ => false,
    }
}

/// A source ends on a word that is no relative pronoun, adverb or auxiliary (`None` if nothing is
/// left).
fn trim_source(text: &str, toks: &[Token], (mut sa, mut sb): (usize, usize)) -> Option<(usize, usize)> {
    // a label or dateline before the speaker: "The Latest: Trump", "Oct. 4 (UPI) — Bill Clinton"
    if let Some(k) = (sa..sb).rev().find(|&k| toks[k].is_punct(':') || toks[k].is_punct('—')) {
        sa = k + 1;
    }
    while sb > sa
        && (!toks[sb].is_word()
            || matches!(toks[sb].lower.as_str(), "which" | "who" | "that" | "and" | "or" | "but")
            || source_tail(text, toks, sb)
            || (toks[sb].kind == TokKind::Possessive
                && matches!(toks[sb - 1].lower.as_str(), "he" | "she" | "it" | "that" | "there")))
    {
        sb -= 1;
    }
    toks[sb].is_word().then_some((sa, sb))
}

/// An adverb in -ly ("publicly", "cynically"), not a noun or adjective such as "family" or "daily".
fn is_ly_adverb(w: &str) -> bool {
    w.len() >= 6
        && w.ends_with("ly")
        && !matches!(
            w,
            "family"
                | "assembly"
                | "supply"
                | "anomaly"
                | "monopoly"
                | "homily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "quarterly"
                | "elderly"
                | "friendly"
                | "likely"
                | "lonely"
                | "lovely"
                | "ugly"
                | "costly"
                | "deadly"
                | "orderly"
                | "kelly"
                | "reilly"
                | "italy"
        )
}

/// A word that ends no source: an adverb, auxiliary or negation between the speaker and the cue
/// ("Trump has often said", "The ministry also said", "The ministry could not confirm", "An Iraqi
/// official today denied"), lowercase.
fn source_tail(text: &str, toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    // (a time word ends a source, not a phrase: "ambassador from 2012 until earlier")
    let time = matches!(t.lower.as_str(), "today" | "yesterday" | "tonight" | "earlier");
    if time && k > 0 && matches!(toks[k - 1].lower.as_str(), "until" | "than" | "since" | "from" | "of" | "till") {
        return false;
    }
    t.kind == TokKind::Word
        && t.span.slice(text).starts_with(char::is_lowercase)
        && (is_ly_adverb(&t.lower)
            || matches!(
                t.lower.as_str(),
                "also"
                    | "then"
                    | "often"
                    | "has"
                    | "have"
                    | "had"
                    | "not"
                    | "never"
                    | "already"
                    | "still"
                    | "once"
                    | "now"
                    | "again"
                    | "too"
                    | "later"
                    | "meanwhile"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "earlier"
                    | "just"
                    | "even"
                    | "always"
                    | "could"
                    | "would"
                    | "will"
                    | "can"
                    | "cannot"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
                    | "did"
                    | "does"
            )
            || t.lower.ends_with("n't"))
}

/// A learned attribution whose cue opens on no word of saying ([`is_cue_verb`]) inside what a cue of
/// saying reports, after it, is part of that report, not an attribution of its own: "Critics claim
/// the mayor's office | ignored repeated warnings | about the dam" (the tagger reads attitudes as
/// PolNeAR annotates them, "ignored", "angered"; inside a claim they are what is claimed). Only an
/// act whose subject lies in the report's content (a second act of the reporter, "accused ... and
/// chided", stays); a report whose content stops at the act's verb, holding only its subject, runs
/// on over the act.
fn drop_acts_in_contents(ctx: &Ctx, verbal: &[bool], tagged: &mut Vec<learned::Tagged>) {
    // (the cue's first word: "ignored | repeated warnings" is no repeating)
    let first = |t: &learned::Tagged| (t.cue.0..=t.cue.1).find(|&k| ctx.toks[k].is_word());
    let said = |t: &learned::Tagged| first(t).is_some_and(|k| ctx.cue_verb(k) || is(SPEECH_MANNER, ctx.lower(k)));
    // (a verb: "according to", "in a statement" and nouns are how a report names its source)
    let act = |t: &learned::Tagged| first(t).is_some_and(|k| verbal[k] && ctx.lower(k) != "according");
    let mut inside = vec![false; tagged.len()];
    // (a report's content, run on over an act, and the report's index)
    let mut run_on: Vec<(usize, (usize, usize))> = Vec::new();
    for (ui, u) in tagged.iter().enumerate() {
        if said(u) || !act(u) {
            continue;
        }
        // (its subject inside the report: "accused Sanders of ... and | chided | him" is a second
        // act of the one who accused)
        let Some((sa, _)) = u.source else { continue };
        // (nor a clause of its own joined to the report: "One senator called him a hero | while
        // reporters heaped praise on him")
        if (0..sa).rev().find(|&k| !ctx.toks[k].is_punct(',')).is_some_and(|k| {
            matches!(ctx.lower(k), "while" | "whereas" | "but" | "and" | "although" | "though" | "yet")
        }) {
            continue;
        }
        // (a report before it, among the few cues just before: contents are bounded by the
        // tagger's window, and a long document costs no pass over all pairs)
        for (ti, t) in tagged[..ui].iter().enumerate().rev().take(REPORTS_BEFORE_ACT) {
            let Some((a, b)) = t.content.filter(|&(a, _)| said(t) && t.cue.1 < a && a <= sa) else { continue };
            if u.cue.1 <= b {
                inside[ui] = true;
                break;
            }
            // a report cut at the act's verb, its content only the act's subject ("claim | the
            // mayor's office", "office | ignored ..."): it runs on over the act
            if u.cue.0 == b + 1 && !(a..=b).any(|k| verbal[k]) {
                let mut end = [Some(u.cue), u.content].into_iter().flatten().map(|p| p.1).max().unwrap_or(b);
                // (an act in a relative clause, "said the driver, | who | identifies himself as Rob
                // ..., has worked there for years", leaves the report's own verb still to come: to
                // the sentence's end, where other attributions cut it as they do any content)
                if u.source.is_some_and(|(x, y)| x == y && matches!(ctx.lower(x), "who" | "which")) {
                    end = (end..ctx.sent_end(end)).rfind(|&k| ctx.toks[k].is_word()).unwrap_or(end);
                }
                run_on.push((ti, (a, end)));
                inside[ui] = true;
                break;
            }
        }
    }
    for (ti, content) in run_on {
        tagged[ti].content = Some(content);
    }
    let mut k = 0;
    tagged.retain(|_| {
        k += 1;
        !inside[k - 1]
    });
}

/// A report whose cue and source follow what it reports, at the end of its sentence ("..., sources
/// said"), reports the whole clause before them, another report in it included: "Harbour protocol
/// called for | the mayor to be flown ..., sources said" and "... while Minister Vane negotiates
/// with | Calvera over the dam, Ruiz said" began where the inner cue ends (the tagger stops at
/// another cue; PolNeAR marks the outer content whole). The content then starts where the sentence
/// does; an inner act ("negotiates with") is part of what was reported, not a report of its own.
fn nested_before_postposed(ctx: &Ctx, verbal: &[bool], tagged: &mut Vec<learned::Tagged>) {
    let said = |u: &learned::Tagged| {
        (u.cue.0..=u.cue.1).find(|&k| ctx.toks[k].is_word()).is_some_and(|k| {
            !verbal[k] || ctx.lower(k) == "according" || ctx.cue_verb(k) || is(SPEECH_MANNER, ctx.lower(k))
        })
    };
    let mut inside = vec![false; tagged.len()];
    let mut grown = Vec::new();
    // (the first report whose cue ends at each token: a look-up, not a pass over all of them)
    let mut ends_at: HashMap<usize, usize> = HashMap::new();
    for (ui, u) in tagged.iter().enumerate() {
        ends_at.entry(u.cue.1).or_insert(ui);
    }
    for (ti, t) in tagged.iter().enumerate() {
        let Some((a, b)) = t.content else { continue };
        let sent = ctx.sent_of[t.cue.0];
        if b >= t.cue.0 || ctx.sent_of[a] != sent || t.source.is_some_and(|(x, _)| x < t.cue.0 && x <= b) {
            continue;
        }
        // (the content's start follows another cue of the sentence, directly or past a word or
        // two the tagger left to neither: "called for | the | mayor")
        let Some(ui) = (a.saturating_sub(3)..a)
            .filter_map(|e| ends_at.get(&e).copied())
            .filter(|&ui| {
                let u = &tagged[ui];
                ctx.sent_of[u.cue.0] == sent && (u.cue.1 + 1..a).all(|k| ctx.toks[k].is_word())
            })
            .min()
        else {
            continue;
        };
        let start = (ctx.sent_start(a)..a).find(|&k| !matches!(ctx.toks[k].kind, TokKind::Quote(_))).unwrap_or(a);
        // (not when the other is itself a saying with its subject: "Vask said she felt ..., she
        // said" says one thing twice, and "Vask said" is no part of it)
        let u = &tagged[ui];
        if u.source.is_some_and(|(x, _)| x < start || x < u.cue.0 && is(SAY_VERBS, ctx.lower(u.cue.0))) {
            continue;
        }
        grown.push((ti, start));
        inside[ui] |= !said(&tagged[ui]);
    }
    for (ti, start) in grown {
        if let Some(c) = tagged[ti].content.as_mut() {
            c.0 = start;
        }
    }
    let mut k = 0;
    tagged.retain(|_| {
        k += 1;
        !inside[k - 1]
    });
}

/// How many learned cues before an act [`drop_acts_in_contents`] looks at for a report holding it.
const REPORTS_BEFORE_ACT: usize = 8;

/// A learned content stops where another attribution's parts begin: on the far side of its own cue,
/// nothing of another attribution (cue, source, content) stays inside it.
fn learned_cuts(sent_of: &[usize], tagged: &mut [learned::Tagged]) {
    let parts: Vec<Vec<(usize, usize)>> =
        tagged.iter().map(|t| [Some(t.cue), t.source, t.content].into_iter().flatten().collect()).collect();
    for (i, t) in tagged.iter_mut().enumerate() {
        let Some((mut a, mut b)) = t.content else { continue };
        for (j, ps) in parts.iter().enumerate() {
            if i == j || !ps.iter().any(|p| (a..=b).contains(&p.0) || (a..=b).contains(&p.1)) {
                continue;
            }
            // does the other attribution's cue sit inside this content?
            let (oc, _) = ps[0];
            if !(a..=b).contains(&oc) {
                continue;
            }
            // an attribution wholly inside what this one reports before its cue in one sentence is
            // part of it: "Ruiz plans to visit Osk, according to an aide" (the aide tells the plan;
            // PolNeAR marks the outer content so, nested report and all)
            if b < t.cue.0 && sent_of[a] == sent_of[t.cue.0] && ps.iter().all(|p| a <= p.0 && p.1 <= b) {
                continue;
            }
            if oc > t.cue.1 {
                let first = ps.iter().map(|p| p.0).filter(|&s| s > t.cue.1 && s > a).min().unwrap_or(oc);
                b = b.min(first.saturating_sub(1));
            } else {
                let last = ps.iter().map(|p| p.1).filter(|&e| e < t.cue.0 && e < b).max().unwrap_or(oc);
                a = a.max(last + 1);
            }
        }
        t.content = (a <= b).then_some((a, b));
    }
}

/// True when the cue at token `i` opens its sentence as a participle clause: "Asked whether ...",
/// "When asked about ...", "Pressed on ...".
fn participle_opening(ctx: &Ctx, i: usize) -> bool {
    let first = ctx.sent_start(i);
    let words: Vec<&str> = (first..=i).filter(|&k| ctx.toks[k].is_word()).map(|k| ctx.toks[k].lower.as_str()).collect();
    match words.as_slice() {
        [cue] => cue.ends_with("ed"),
        ["when" | "after" | "if" | "once", cue] => cue.ends_with("ed"),
        _ => false,
    }
}

/// A learned content holds no other attribution's cue: on the far side of its own cue it stops
/// where that attribution's first part begins (or starts after its last part, before the cue).
fn cut_learned_at_others(ctx: &Ctx, raw: &mut [Raw]) {
    let toks = ctx.toks;
    let parts: Vec<(Span, Span, Vec<Span>)> = raw
        .iter()
        .map(|r| {
            let cue = r.cue_span(toks);
            let mut v = vec![cue, r.content];
            v.extend(r.source.map(|(a, b)| toks[a].span.cover(&toks[b].span)));
            (cue, r.content, v)
        })
        .collect();
    let direct: Vec<bool> = raw.iter().map(|r| r.direct).collect();
    // the cue of each reported-speech attribution of the rules (not a quotation's)
    let rule_cue: Vec<Option<usize>> = raw.iter().map(|r| (!r.learned && !r.direct).then_some(r.cue.0)).collect();
    // the sentence of each cue (its first token's), looked up once: the loop below meets every pair
    let cue_sent: Vec<usize> = raw.iter().map(|r| ctx.sent_of[r.cue.0]).collect();
    for (i, r) in raw.iter_mut().enumerate() {
        if !r.learned {
            continue;
        }
        let own = r.cue_span(toks);
        let mut c = r.content;
        for (j, (cue, content, ps)) in parts.iter().enumerate() {
            if i == j {
                continue;
            }
            // a content that starts on another attribution's source whose cue lies before it:
            // `According to "reliable sources," no one died, he insisted` — the content is what the
            // sources said, not the sources' name
            if cue.end <= c.start
                && ps.len() > 2
                && ps[2].start >= c.start
                && ps[2].start < c.end
                && ps[2].end <= content.start
            {
                let rest = Span::new(ps[2].end, c.end);
                let trimmed = rest.trim(ctx.text, &[',', '"', '“', '”', '*', '_', '\'']);
                if !trimmed.is_empty() {
                    c.start = trimmed.start;
                }
                continue;
            }
            let cue_inside = c.start <= cue.start && cue.start < c.end;
            let same_sentence = cue_sent[i] == cue_sent[j];
            // a content that runs into the source of a postposed report of the same words, from
            // its start or from inside: "According to reliable sources, no soldiers entered Osk, |
            // he | insisted" — "he" is the source of "insisted", whose content ends before him; "The
            // official said that the woman is his wife, | AP | reported" (AP's content read as the
            // "that" clause: "said" keeps it, up to AP)
            let postposed_source = ps.len() > 2
                && c.start < ps[2].start
                && ps[2].start < c.end
                && cue.start >= ps[2].end
                && content.end <= ps[2].start
                && (content.start <= c.start
                    || !direct[j]
                        && same_sentence
                        && content.start < ps[2].start
                        && toks[r.cue.1].span.end <= content.start);
            // a report the rules found inside this content, after its cue in the same sentence, is
            // nested in it ("sources said Secret Service protocol called for ...", kept for the
            // reader when it names its source): the content holds it whole instead of stopping at it
            if cue_inside
                && !postposed_source
                && rule_cue[j].is_some_and(|k| ctx.sent_of[k] == ctx.sent_of[r.cue.0] && k > r.cue.1)
            {
                continue;
            }
            // a content that crosses into another attribution whose cue lies beyond it: `said that X.
            // "Y," said Z` — Y is Z's, so X stops where Y begins (or, before the cue, starts after it)
            let crosses_after = cue.start >= c.end && c.start < content.start && content.start < c.end;
            let crosses_before = cue.end <= c.start && c.start < content.end && content.end < c.end;
            // a content that runs into the source of an attribution after it: `said the ferry would
            // sail and officials warned that ...` — "officials" are the next speaker
            let source_after = ps.len() > 2 && own.end <= c.start && c.start < ps[2].start && ps[2].start < c.end && {
                // joined to the content by a conjunction: a new clause, not an object in it; or by
                // a comma after a participle clause that opens the sentence: "Asked whether the dam
                // had been inspected, | Kovic said ..." (the question is not Kovic's)
                let k = toks.partition_point(|t| t.span.start < ps[2].start);
                k > 0
                    && (joins_clause(toks, k - 1, c.start)
                        || toks[k - 1].lower == "," && participle_opening(ctx, r.cue.0))
            };
            if source_after && !cue_inside || postposed_source {
                c.end = ps[2].start;
                continue;
            }
            // two reports of one sentence whose contents cross, the second's source after its own
            // content at the sentence's end ("An official denied that [a woman detained in Lebanon
            // is [the wife of the ISIS leader], AP reported"): the first is nested in the second,
            // which holds it whole from the first's source, and the first keeps its own
            let postposed = |src: Option<&Span>, cue: Span, content: Span| {
                src.is_some_and(|s| s.start >= content.end) && cue.start >= content.end
            };
            let own_source = r.source.map(|(a, b)| toks[a].span.cover(&toks[b].span));
            if same_sentence
                && !direct[j]
                && crosses_after
                && postposed(ps.get(2), *cue, *content)
                && ps[2].start >= c.end
            {
                continue;
            }
            if same_sentence && !direct[j] && crosses_before && postposed(own_source.as_ref(), own, c) {
                c.start = c.start.min(ps.iter().map(|p| p.start).min().unwrap_or(cue.start));
                continue;
            }
            // a report wholly inside what this one reports before its cue in one sentence is part of
            // it (see `learned_cuts`)
            if c.end <= own.start
                && ctx.sent_of[toks.partition_point(|t| t.span.start < c.start)] == ctx.sent_of[r.cue.0]
                && ps.iter().all(|p| c.start <= p.start && p.end <= c.end)
            {
                continue;
            }
            if !(cue_inside || crosses_after && content.start >= own.end || crosses_before && content.end <= own.start)
            {
                continue;
            }
            if cue.start >= own.end {
                let first =
                    ps.iter().map(|p| p.start).filter(|&s| s >= own.end && s > c.start).min().unwrap_or(cue.start);
                c.end = c.end.min(first);
            } else {
                let last = ps.iter().map(|p| p.end).filter(|&e| e <= own.start && e < c.end).max().unwrap_or(cue.end);
                c.start = c.start.max(last);
            }
        }
        let c = Span::new(c.start, c.end.max(c.start)).trim(ctx.text, &[',', '"', '“', '*', '_']);
        if !c.is_empty() {
            r.content = c;
        }
    }
}

/// A paragraph that only says who speaks, "Limbaugh added:" or "The governor wrote:", and the
/// paragraph after it with no quotation mark: what was said set off as a block (a web page's
/// blockquote, a tweet), which no sentence-bound reading reaches. The source is a few words,
/// the first capitalised; the cue the saying verb before the colon; the content that one paragraph.
fn block_after_colon(ctx: &Ctx, used_cue: &[bool]) -> Vec<Raw> {
    let toks = ctx.toks;
    let mut out = Vec::new();
    for &(a, b) in ctx.sent_toks.iter() {
        // (the sentence is its paragraph, and ends in a colon)
        let Some(colon) = b.checked_sub(1) else { continue };
        if a >= colon
            || colon + 1 >= toks.len()
            || !(a == 0 || toks[a].paragraph_before)
            || !toks[colon].is_punct(':')
            || !toks[colon + 1].paragraph_before
            || toks[colon + 1].is_quote()
        {
            continue;
        }
        let cue = colon - 1;
        // (not a label in capitals: "SHORT READS:")
        let shouted = toks[cue].text(ctx.text).chars().all(|c| !c.is_lowercase());
        if cue == a || used_cue[cue] || !ctx.cue_verb(cue) || shouted {
            continue;
        }
        let source = (a, cue - 1);
        if cue - a > BLOCK_SOURCE_WORDS || !ctx.cap(a) || (a..cue).any(|k| !toks[k].is_word() || ctx.cue_verb(k)) {
            continue;
        }
        let end = (colon + 1..toks.len()).find(|&k| k > colon + 1 && toks[k].paragraph_before).unwrap_or(toks.len());
        let content = toks[colon + 1].span.cover(&toks[end - 1].span);
        out.push(Raw {
            source: Some(source),
            cue: (cue, colon),
            content,
            direct: false,
            learned: false,
            more: None,
            subject: None,
        });
    }
    out
}

/// The most words of the source of a paragraph that only says who speaks ([`block_after_colon`]).
const BLOCK_SOURCE_WORDS: usize = 5;

/// `“words” ― Name` at the end of a paragraph: the dash is the cue, the name the source.
fn dash_signature(ctx: &Ctx, q: &Quote) -> Option<Raw> {
    let toks = ctx.toks;
    let d = q.close + 1;
    let dash = toks.get(d)?;
    if !matches!(dash.kind, TokKind::Punct('―' | '—' | '–')) || dash.newline_before {
        return None;
    }
    let a = d + 1;
    let mut b = a;
    // (a name's middle initial keeps its dot: "Edwin G. Monroy")
    let initial_dot = |k: usize| {
        k > a
            && toks[k].is_punct('.')
            && toks[k - 1].text(ctx.text).len() == 1
            && toks.get(k + 1).is_some_and(|n| !n.newline_before)
            && ctx.cap(k + 1)
    };
    while b < toks.len() && b < a + 6 && (ctx.cap(b) || initial_dot(b)) && !toks[b].newline_before {
        b += 1;
    }
    let ends = |k: usize| k >= toks.len() || toks[k].newline_before;
    if b == a || !(ends(b) || toks[b].is_punct('.') && ends(b + 1)) {
        return None;
    }
    Some(Raw {
        source: Some((a, b - 1)),
        cue: (d, d),
        content: q.inner,
        direct: true,
        learned: false,
        more: None,
        subject: None,
    })
}

/// Words of headline labels before a colon that are no speaker ("The Latest:", "BREAKING:",
/// "EXCLUSIVE:"), and title-case prepositions that make the part before the colon a phrase
/// ("Stealth Over Health:", "Big Win For Bernie:"). Read off the PolNeAR `train/` headlines; and the
/// labels of a page's links and media ("MORE:", "PHOTOS:", "SEE ALSO:", "READ:"), which head lines
/// of their own, often two or more of them, in the FNC-1 bodies.
const HEADLINE_LABELS: &[&str] = &[
    "more",
    "photos",
    "photo",
    "pictures",
    "video",
    "videos",
    "watch",
    "read",
    "see",
    "also",
    "related",
    "story",
    "fact",
    "updated",
    "correction",
    "live",
    "podcast",
    "gallery",
    "trending",
    "sponsored",
    "advertisement",
    "latest",
    "breaking",
    "revealed",
    "wow",
    "look",
    "boom",
    "busted",
    "bombshell",
    "exclusive",
    "byline",
    "update",
    "notice",
    "leaked",
    "over",
    "for",
    "in",
    "with",
];

/// Headline `Name: words`.
fn headline_colon(ctx: &Ctx, title: Span) -> Option<Raw> {
    let toks = ctx.toks;
    let first = toks.iter().position(|t| t.span.start >= title.start)?;
    let colon = (first..toks.len()).take_while(|&i| toks[i].span.end <= title.end).find(|&i| toks[i].is_punct(':'))?;
    if colon == first || colon - first > 5 || !(first..colon).all(|i| ctx.cap(i) || toks[i].kind == TokKind::Possessive)
    {
        return None;
    }
    // a label, not a speaker: "The Latest: ...", "BREAKING: ...", "Stealth Over Health: ..."
    if (first..colon).any(|i| is(HEADLINE_LABELS, ctx.lower(i))) {
        return None;
    }
    // nor a topic: "Mirovka Dam Collapse: Company Blames Record Rain" (the last word before the
    // colon a common word that names no one, no body and no document)
    let last = colon - 1;
    let w = ctx.lower(last);
    let someone = role_word(w)
        || is_org_word(w)
        || is(INFORMATION, w)
        || matches!(w, "poll" | "polls" | "survey" | "study" | "analysis" | "audit" | "inquiry")
        || is(ANONYMOUS_HEADS, w)
        || is(PRONOUNS, w)
        || ctx.entities.iter().any(|e| {
            matches!(e.kind, EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp)
                && e.span.overlaps(&toks[last].span)
        });
    if !someone && corroborate_nlp::lexicon::common_word(w) {
        return None;
    }
    let end = (colon + 1..toks.len()).take_while(|&i| toks[i].span.end <= title.end).last()?;
    Some(Raw {
        source: Some((first, colon - 1)),
        cue: (colon, colon),
        content: toks[colon + 1].span.cover(&toks[end].span),
        direct: false,
        learned: false,
        more: None,
        subject: None,
    })
}

/// A learned attribution's second content (the far side of its cue) becomes an attribution of its
/// own with the same source and cue, unless it overlaps another attribution's parts.
fn add_second_contents(ctx: &Ctx, quotes: &[Quote], raw: &mut Vec<Raw>) {
    let toks = ctx.toks;
    for r in raw.iter_mut().filter(|r| r.direct && r.more.is_none()) {
        r.more = quote_continued(ctx, quotes, r);
    }
    let parts: Vec<Span> = raw
        .iter()
        .flat_map(|r| {
            [Some(r.cue_span(toks)), Some(r.content), r.source.map(|(a, b)| toks[a].span.cover(&toks[b].span))]
        })
        .flatten()
        .collect();
    let mut extra = Vec::new();
    for r in raw.iter_mut() {
        let Some(m) = r.more.take() else { continue };
        if parts.iter().any(|p| p.overlaps(&m)) {
            continue;
        }
        let direct = quotes.iter().any(|q| q.inner.contains(&m));
        extra.push(Raw { content: m, direct, more: None, subject: None, ..r.clone() });
    }
    if !extra.is_empty() {
        raw.extend(extra);
        raw.sort_by_key(|r| (r.content.start, r.cue.0));
    }
}

/// The quotation that carries on a direct quote after its attribution clause: `“X,” said Ellis, a
/// tax consultant. “Y.”` and `"X," he said, "Y."` (PolNeAR: one content, X and Y). Only when the
/// first quotation ends on a comma (its sentence goes on into the clause), the clause (source and
/// cue, then at most a short appositive) follows it directly, and the second one opens right after
/// the clause's comma or full stop, in the same paragraph.
fn quote_continued(ctx: &Ctx, quotes: &[Quote], r: &Raw) -> Option<Span> {
    const APPOSITIVE: usize = 10;
    let toks = ctx.toks;
    let q1 = quotes.iter().find(|q| q.inner == r.content)?;
    // the comma inside the marks: `“X,”`
    if q1.close == 0 || !toks[q1.close - 1].is_punct(',') {
        return None;
    }
    let first = r.source.map_or(r.cue.0, |s| s.0.min(r.cue.0));
    if first != q1.close + 1 {
        return None;
    }
    let mut k = r.source.map_or(r.cue.1, |s| s.1.max(r.cue.1)) + 1;
    // a short appositive after the clause: `, a Republican tax consultant.`
    if toks.get(k).is_some_and(|t| t.is_punct(',')) && !toks.get(k + 1).is_some_and(Token::is_quote) {
        let end = (k + 1..toks.len().min(k + 2 + APPOSITIVE))
            .find(|&j| toks[j].is_punct('.') || toks[j].is_quote() || toks[j].paragraph_before)?;
        if !toks[end].is_punct('.') {
            return None;
        }
        k = end;
    }
    if !toks.get(k).is_some_and(|t| t.is_punct(',') || t.is_punct('.')) {
        return None;
    }
    let q2 = quotes.iter().find(|q| q.open == k + 1)?;
    (!toks[q2.open].paragraph_before && q2.words > 0).then_some(q2.inner)
}

/// Words that open a noun phrase or a relative clause: after "according to X," they start an
/// appositive ("..., according to Ivo Senn, a biologist at ..."), not the rest of what was said.
const NOUN_PHRASE_OPENERS: &[&str] = &[
    "a", "an", "the", "who", "which", "that", "whose", "whom", "where", "when", "and", "or", "but", "its", "his",
    "her", "their", "our", "my", "your",
];

/// First words of an opening adverbial ("Instead, she said, ...", "In several cases, they say, ..."),
/// which is no part of what was said.
const ADVERBIAL_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "if",
    "when",
    "as",
    "after",
    "before",
    "since",
    "because",
    "instead",
    "now",
    "still",
    "yet",
    "but",
    "and",
    "so",
    "however",
    "meanwhile",
    "for",
    "with",
    "without",
    "by",
    "during",
    "from",
    "although",
    "though",
    "while",
    "once",
    "then",
    "under",
    "until",
    "earlier",
    "later",
    "overall",
    "again",
    "also",
    "otherwise",
    "indeed",
    "nonetheless",
    "nevertheless",
    "moreover",
    "thus",
    "therefore",
    "today",
    "yesterday",
    "here",
    "there",
    "first",
    "finally",
    "previously",
    "of",
    "to",
    "despite",
    "unlike",
    "like",
    "within",
    "even",
    "too",
    "amid",
    "among",
    "across",
    "over",
    "through",
    "toward",
    "against",
    "around",
    "beyond",
];

/// A reported attribution set between commas inside its content's sentence: "The council,
/// officials said on Monday, will not raise taxes", "Spiders, according to Dr Framenau, don't
/// burrow in skin". Its content is the two parts around the clause (PolNeAR: one discontinuous
/// content), where the tagger gave one of them or neither: the part after the clause becomes the
/// content and the part before it the second content (reported with the same source and cue).
/// Only when the clause is source and cue, then at most a short setting ("on Monday"), the part
/// before it opens the sentence (at most 15 tokens, no quotation mark, no other cue verb) and the
/// part after it runs to the sentence's end (at least two tokens, not opening on a cue verb). A
/// part before that is only an opening adverbial ("Instead", "In several cases") is left out.
fn parenthetical(ctx: &Ctx, r: &mut Raw) {
    const BEFORE: usize = 15;
    const SETTING: usize = 6;
    let toks = ctx.toks;
    let Some((s0, s1)) = r.source else { return };
    if r.direct || r.more.is_some() {
        return;
    }
    let comma = |k: usize| toks[k].kind == TokKind::Punct(',');
    // a source after its cue that ran on over the comma to the sentence's end ("according to Ivo
    // Senn, do not swim ...") ends at that comma
    let s1 = match (s0 > r.cue.1).then(|| (s0..=s1).find(|&k| comma(k))).flatten() {
        Some(k) if k > s0 && ctx.sent_toks.get(ctx.sent_of[s0]).is_some_and(|&(_, se)| s1 + 2 >= se) => k - 1,
        _ => s1,
    };
    let (lo, hi) = (s0.min(r.cue.0), s1.max(r.cue.1));
    let Some(&(ss, se)) = ctx.sent_toks.get(ctx.sent_of[lo]) else { return };
    let plain = |k: usize| !matches!(toks[k].kind, TokKind::Quote(_) | TokKind::Markup) && !ctx.cue_verb[k];
    // the part before: the sentence's opening up to the comma before the clause
    if lo < ss + 2 || !comma(lo - 1) || lo - 1 - ss > BEFORE || !(ss..lo - 1).all(plain) {
        return;
    }
    // the clause ends at the next comma, after at most a short setting
    let Some(close) = (hi + 1..se.min(hi + 2 + SETTING)).find(|&k| comma(k)) else { return };
    if !(hi + 1..close).all(|k| plain(k) && toks[k].kind != TokKind::Punct('.')) {
        return;
    }
    // the part after: to the sentence's end, without its closing punctuation
    let mut last = se - 1;
    while last > close && matches!(toks[last].kind, TokKind::Punct(_) | TokKind::Quote(_)) {
        last -= 1;
    }
    // (a part after that opens with a subordinating word is the voice's own clause: "X, the board
    // said on Friday, | as rumours spread")
    if last < close + 2
        || ctx.cue_verb[close + 1]
        || is(SETTING_SUBORDINATORS, ctx.lower(close + 1))
        || (close + 1..=last).any(|k| matches!(toks[k].kind, TokKind::Quote(_)))
    {
        return;
    }
    // a cue before its source ("..., said Wilcox, an Orlando Republican") is mostly followed by an
    // appositive: only "according to X," and a part after it that opens on a lowercase word that
    // does not start a noun phrase or relative clause ("do not swim")
    if r.cue.0 < s0 {
        let next = &toks[close + 1];
        if toks[r.cue.0].lower != "according"
            || is_capitalized(next.span.slice(ctx.text))
            || NOUN_PHRASE_OPENERS.contains(&next.lower.as_str())
        {
            return;
        }
    }
    let before = toks[ss].span.cover(&toks[lo - 2].span);
    let after = toks[close + 1].span.cover(&toks[last].span);
    // an opening adverbial ("Instead, she said, ...", "In several cases, they say, ...") is no part
    // of what was said
    let opener =
        (lo - 1 - ss < 2 && toks[ss].lower.ends_with("ly")) || ADVERBIAL_OPENERS.contains(&toks[ss].lower.as_str());
    // the tagger's content must be one of the parts (or inside them), or nothing beyond the clause
    let inside = |p: &Span| p.start <= r.content.start && r.content.end <= p.end;
    if !(inside(&before) || inside(&after) || r.content.is_empty()) {
        return;
    }
    r.content = after;
    r.more = (!opener).then_some(before);
    r.source = Some((s0, s1));
}

/// "as Russia continues to deny X, the ministry has stated Y": X stops where the next attribution's
/// source begins after a comma.
fn cut_at_following_attributions(ctx: &Ctx, raw: &mut [Raw]) {
    let starts: Vec<usize> = raw.iter().filter_map(|r| r.source.map(|s| s.0)).collect();
    // the cue and content of each report, for the inverted ones below
    let reports: Vec<(Span, Span)> = raw
        .iter()
        .filter(|r| !r.direct && r.cue.0 == r.cue.1 && is(INVERTED_CUES, ctx.lower(r.cue.0)))
        .map(|r| (r.cue_span(ctx.toks), r.content))
        .collect();
    for r in raw.iter_mut() {
        if r.direct || r.learned {
            continue;
        }
        let cue_start = ctx.toks[r.cue.0].span.start;
        // "Inspectors found traces in the creek, | said | Dana Whitlow": a report inverted after a
        // comma whose content holds this cue ends this content at its own cue
        for &(cue, content) in &reports {
            if content.start <= cue_start
                && content.end <= cue.start
                && r.content.start < cue.start
                && cue.start < r.content.end
                && ctx.text[..cue.start].trim_end().ends_with(',')
            {
                r.content = Span::new(r.content.start, cue.start).trim(ctx.text, &[',', ' ']);
            }
        }
        for &s in &starts {
            let sp = ctx.toks[s].span;
            let joined =
                ctx.toks[s - 1.min(s)].is_punct(',') || s > 0 && joins_clause(ctx.toks, s - 1, r.content.start);
            if s > 0 && r.content.start < sp.start && sp.start < r.content.end && sp.start > cue_start && joined {
                let cut = ctx.toks[s - 1].span.start;
                if cut > r.content.start {
                    r.content = Span::new(r.content.start, cut).trim(ctx.text, &[',']);
                }
            }
        }
    }
}

/// Whether token `a`, the first word of a source phrase without a name ("Analysts said", "Some
/// critics argue"), is capitalised only because it opens its sentence, so the speaker is the same as
/// "analysts" elsewhere: a word capitalised (not all capitals: "US officials") at the start of the
/// sentence or right after a quotation mark opening it, which is the phrase's `head`, an unnamed
/// source's or a description's word, a quantifier, or written in lowercase elsewhere in the text and
/// never capitalised inside a sentence ("Federal investigators" where "federal" occurs; "Tory
/// leader" and "European leaders" stay).
fn opens_sentence_lowercase(ctx: &Ctx, a: usize, head: &str) -> bool {
    let toks = ctx.toks;
    let t = &toks[a];
    let surface = t.span.slice(ctx.text);
    let opens = ctx.opens_sentence(a);
    let capitalised = is_capitalized(surface) && surface.chars().skip(1).all(|c| !c.is_uppercase());
    if t.kind != TokKind::Word || !opens || !capitalised {
        return false;
    }
    let w = t.lower.as_str();
    w == head
        || is(ANONYMOUS_HEADS, w)
        || is(DESCRIPTORS, w)
        || is(QUANTIFIERS, w)
        || matches!(w, "other" | "two" | "three")
        || {
            // in lowercase elsewhere, and never capitalised inside a sentence ("European")
            let mut forms = toks.iter().enumerate().filter(|(_, o)| o.kind == TokKind::Word && o.lower == w);
            let mut lower = false;
            let proper = forms.any(|(k, o)| {
                let form = o.span.slice(ctx.text);
                lower |= form == w;
                form != w && !ctx.opens_sentence(k)
            });
            lower && !proper
        }
}

/// `s` with its first character in lower case ("A letter" opening a sentence is "a letter").
fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

/// The speaker the article taught a description to stand for ("the firm" after "Harbourline
/// Security, a private firm that ..."), if any.
/// (A body's is a "reference": a description of a body the article names is that named body, not
/// an unnamed source.)
fn described(ctx: &Ctx, head: &str) -> Option<Speaker> {
    let (name, kind) = ctx.descriptions.get(head)?;
    let resolution = if *kind == EntityType::Org { "reference" } else { "description" };
    Some(Speaker { name: name.clone(), kind: *kind, anonymous: false, resolution: resolution.into() })
}

/// The organisation named last before `before` with `word` (or its plural) in its name, as the
/// speaker a description of it stands for: "the ministry's spokesman" after "the Defence Ministry",
/// "the bank" after "Osk Bank", "the airline" after "Osk Airlines".
/// (Its resolution is "reference": a description of a body the article names is that named body,
/// not an unnamed source.)
/// "The company" and "the firm" also stand for a name that a trade or a company's suffix ends
/// ("Halden Water", "Norvane Energy", "Osk Holdings").
fn org_named_with(ctx: &Ctx, before: usize, word: &str) -> Option<Speaker> {
    let trading = matches!(word, "company" | "firm");
    let o = ctx.entities.iter().rev().filter(|e| e.span.end <= before && e.kind == EntityType::Org).find(|e| {
        let lower = e.canonical.to_lowercase();
        lower.split_whitespace().any(|x| x == word || x.strip_suffix('s') == Some(word))
            || trading
                && lower.rsplit(' ').next().is_some_and(|last| {
                    corroborate_nlp::lexicon::TRADE_HEADS.contains(&last) || COMPANY_SUFFIXES.contains(&last)
                })
    })?;
    Some(Speaker { name: o.canonical.clone(), kind: EntityType::Org, anonymous: false, resolution: "reference".into() })
}

/// The body a speaker named earlier whose name ends in `word`: "the party" after "the People's
/// Renewal party said" (a name the entity finder did not type as an organisation).
fn body_spoken_before(recent: &[(usize, Speaker)], word: &str) -> Option<Speaker> {
    let (_, s) = recent.iter().rev().find(|(_, s)| {
        s.kind == EntityType::Org
            && s.resolution == "name"
            && s.name.contains(' ')
            && s.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(word))
    })?;
    Some(Speaker { resolution: "reference".into(), ..s.clone() })
}

/// Resolves a source phrase to a speaker.
/// Lowercase words that name a kind of place: the head of "the Kurdistan region", "the port".
const PLACE_WORDS: &[&str] = &[
    "area", "border", "capital", "city", "country", "district", "port", "province", "region", "state", "town",
    "village", "villages", "towns", "cities", "suburbs", "north", "south", "east", "west",
];

/// True when tokens `a..=b` name a place: a determiner, then a name (no person's) or adjectives,
/// and a word of [`PLACE_WORDS`] closing it ("the Kurdistan region", "the port", "nearby villages").
fn place_phrase(ctx: &Ctx, inside: &[&Entity], a: usize, b: usize) -> bool {
    let toks = ctx.toks;
    if a > b || b >= toks.len() {
        return false;
    }
    let a = a + usize::from(DETERMINERS.contains(&ctx.lower(a)) && a < b);
    // (a name before the place word, whatever the entity finder typed it: "the Kurdistan region")
    let person = |k: usize| {
        inside.iter().any(|e| {
            e.kind == EntityType::Person && e.span.start <= toks[k].span.start && toks[k].span.end <= e.span.end
        })
    };
    b - a < 4
        && is(PLACE_WORDS, ctx.lower(b))
        && (a..b).all(|k| toks[k].is_word() && !person(k) && !is(FUNCTION_WORDS, ctx.lower(k)))
}

/// Several named speakers joined by "and": "Presidential candidates Hillary Clinton and Donald
/// Trump", "Two objectors, Lawrence Joyce and William Graham", "China and Russia", "The New York
/// Times and the Wall Street Journal" speak together, as one speaker named by all their names
/// (resolution "joint"), not as the last of them. People may carry words that describe them
/// ("Donald Trump and House Speaker Paul Ryan", "MSNBC's Alex Seitz-Wald and Reuters' Luciana
/// Lopez"); bodies and places are joined by nothing but "and", commas and "the". Not a phrase in
/// which one is described through another ("a spokesman for Ana Ruiz and Petr Vask", "Ana Ruiz's
/// campaign and Petr Vask").
fn joint(text: &str, span: Span, inside: &[&Entity]) -> Option<Speaker> {
    const LINKS: &[&str] =
        &["of", "in", "at", "by", "to", "on", "for", "from", "with", "against", "about", "between", "as", "or", "nor"];
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let persons: Vec<&Entity> = inside.iter().filter(|e| e.kind == EntityType::Person).copied().collect();
    let (names, people) = if persons.len() >= 2 {
        (persons, true)
    } else {
        let bodies: Vec<&Entity> =
            inside.iter().filter(|e| matches!(e.kind, EntityType::Org | EntityType::Gpe)).copied().collect();
        (bodies, false)
    };
    if names.len() < 2 || names[names.len() - 1].span.end != span.end {
        return None;
    }
    let title = corroborate_nlp::lexicon::is_title;
    // (a word that links or acts is no word describing a name: "a spokesman for", "representing")
    let links = |w: &str| is(LINKS, w) || w != "the" && is(FUNCTION_WORDS, w) || w.ends_with("ing") && w != "leading";
    let mut lead = words(&text[span.start..names[0].span.start]);
    while lead.last().is_some_and(|w| title(w)) {
        lead.pop();
    }
    // (one who speaks for them speaks for them all, as for one: "A lawyer representing Mr. Vane and
    // Ms. Dorn", "a spokesman for")
    if let [.., role, link] = lead.as_slice() {
        if role_word(role) && matches!(link.as_str(), "for" | "representing") {
            lead.clear();
        }
    }
    // (each person's name looks like one: capitalised words, not a title or a post; "Strategists
    // for Barack Obama", "of State", "Pennsylvania Gov", "Hewlett-Packard CEO" are pieces the
    // entity finder took for names)
    let name_like = |e: &Entity| {
        let name = e.span.slice(text);
        let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
        let last = last.trim_end_matches('.');
        (!title(last) || corroborate_nlp::lexicon::surname_title(last))
            && !matches!(last, "ceo" | "cfo" | "coo" | "cto")
            && name.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase)
                    || matches!(w, "de" | "van" | "von" | "al" | "bin" | "la" | "le" | "da" | "di" | "du")
            })
    };
    let counted = |w: &str| matches!(w, "the" | "both" | "two" | "three" | "four");
    // (before the first name, words that describe them all: "Presidential candidates", "Two
    // objectors,"; not one of them, "A senator")
    if lead.first().is_some_and(|w| matches!(w.as_str(), "a" | "an"))
        || lead.iter().any(|w| !counted(w) && links(w))
        || !people && !lead.iter().all(|w| counted(w))
        || people && !names.iter().all(|e| name_like(e))
    {
        return None;
    }
    for pair in names.windows(2) {
        let gap = &text[pair[0].span.end..pair[1].span.start];
        let g = words(gap);
        let possessive = gap.starts_with(['\'', '’']);
        // (after a comma, only a title: "Mr. Tribe, Ms. Epstein and Mr. Amar"; after "and", words
        // that describe the next one: "and House Speaker", "and drummer")
        let fits = match g.split_first() {
            Some((and, rest)) if and == "and" => rest.iter().all(|w| w != "and" && !links(w)),
            _ => gap.trim_start().starts_with(',') && g.iter().all(|w| title(w)),
        };
        if possessive || !fits || !people && !g.iter().all(|w| matches!(w.as_str(), "and" | "the")) {
            return None;
        }
    }
    // (the last two joined by "and")
    if !words(&text[names[names.len() - 2].span.end..names[names.len() - 1].span.start]).contains(&"and".to_string()) {
        return None;
    }
    let canon: Vec<&str> = names.iter().map(|e| e.canonical.as_str()).collect();
    let name = match canon.split_last() {
        Some((last, rest)) if rest.len() > 1 => format!("{} and {last}", rest.join(", ")),
        Some((last, rest)) => format!("{} and {last}", rest[0]),
        None => return None,
    };
    let kind = if people || names.iter().all(|e| e.kind == names[0].kind) { names[0].kind } else { EntityType::Org };
    Some(Speaker { name, kind, anonymous: false, resolution: "joint".into() })
}

/// The pronoun a contraction opens with: "they’re" → "they", "we've" → "we", "i'm" → "i"
/// (`None` for any other word, "it's" included: "It's worth | noting" is no one).
fn contracted_pronoun(w: &str) -> Option<&'static str> {
    let (base, rest) = w.split_once(['’', '\''])?;
    let pronoun = ["he", "i", "she", "they", "we", "you"].into_iter().find(|p| *p == base)?;
    matches!(rest, "re" | "s" | "ve" | "m" | "ll" | "d").then_some(pronoun)
}

fn resolve(ctx: &mut Ctx, (a, b): (usize, usize), recent: &[(usize, Speaker)]) -> Option<Speaker> {
    let toks = ctx.toks;
    let span = toks[a].span.cover(&toks[b].span);
    let phrase = span.slice(ctx.text);
    let lower_words: Vec<&str> = (a..=b).map(|i| toks[i].lower.as_str()).collect();
    // named entities inside the phrase
    let inside: Vec<&Entity> = if ctx.entities_sorted {
        // only entities starting inside the phrase (or at its end, if empty) can lie inside it
        let first = ctx.entities.partition_point(|e| e.span.start < span.start);
        ctx.entities[first..]
            .iter()
            .take_while(|e| e.span.start <= span.end)
            .filter(|e| span.contains(&e.span))
            .collect()
    } else {
        ctx.entities.iter().filter(|e| span.contains(&e.span)).collect()
    };
    // a question word names no one: "What | seemed to be a romp", "what has been | suggests"; the
    // pronoun after it and its auxiliaries speaks, "What do you | think", "What we’ve | learned"
    if lower_words[0] == "what" {
        let pronoun = |k: usize| {
            is(PRONOUNS, ctx.lower(k)) || ctx.lower(k) == "you" || contracted_pronoun(ctx.lower(k)).is_some()
        };
        if let Some(k) = (a + 1..=b).find(|&k| pronoun(k)).filter(|&k| (a + 1..k).all(|i| auxiliary(ctx.lower(i)))) {
            return resolve(ctx, (k, k), recent);
        }
        if inside.is_empty() {
            return None;
        }
    }
    // what someone only saw or was given speaks, not who saw it: "documents seen by the Herald",
    // "emails obtained by the Associated Press", "a memo leaked to reporters" (while "a report
    // released by the ministry" is the ministry's)
    // (not inside a relative clause: "Mr. Stevens, who took aim at Rubio, long viewed by many as ...")
    let access = (a + 1..b).find(|&k| {
        let (w, next) = (lower_words[k - a], lower_words[k + 1 - a]);
        is(SEEN_BY, w) && next == "by" || is(GIVEN_TO, w) && matches!(next, "to" | "with")
    });
    let relative = |k: usize| lower_words[..k - a].iter().any(|w| matches!(*w, "who" | "which" | "whom"));
    if let Some(k) = access.filter(|&k| !relative(k)) {
        let end = (a..k).rev().find(|&i| toks[i].kind == TokKind::Word)?;
        let named = ctx.entities.iter().any(|e| toks[a].span.start <= e.span.start && e.span.end <= toks[end].span.end);
        if named {
            // "an email from the president of the AFL-CIO obtained by The Huffington Post"
            return resolve(ctx, (a, end), recent);
        }
        // "A letter sent to Martin Mubanga", "audio provided to The Times": a thing, unnamed
        let thing = toks[a].span.cover(&toks[end].span).slice(ctx.text);
        let name = if ctx.opens_sentence(a) { lowercase_first(thing) } else { thing.to_string() };
        return Some(Speaker { name, kind: EntityType::Misc, anonymous: true, resolution: "information".into() });
    }
    // a head before a relative clause or a place speaks: "Engineers | who inspected the dam",
    // "Officials | in Osk", "The senator | from Florida" (but an organisation after the head still
    // does: "A spokeswoman for | the House Armed Services Committee")
    // (places listed to the phrase's end: "Officials in Texas | and Ohio")
    let places_to = |from: usize| {
        let first = toks.partition_point(|t| t.span.start < from);
        (first..=b).all(|i| {
            matches!(toks[i].lower.as_str(), "and" | "or" | ",")
                || inside.iter().any(|e| e.kind == EntityType::Gpe && e.span.contains(&toks[i].span))
        })
    };
    let restricted = (a + 1..=b).find(|&k| {
        let w = lower_words[k - a];
        !toks[k - 1].is_punct(',')
            && (matches!(w, "who" | "which")
                // (or a participle of being asked: "A farmer | interviewed by Reuters", "an energy
                // analyst | quoted by the Drevnian News Agency")
                || is(ASKED_PARTICIPLES, w)
                    && lower_words.get(k + 1 - a).is_some_and(|n| matches!(*n, "by" | "in"))
                // ("that" only after a short noun phrase of a body or a role: "The company | that
                // runs the dam"; in other sources it opens what is said, "The real story is that")
                || w == "that"
                    && k > a
                    && k - a <= 4
                    && is_org_word(lower_words[k - 1 - a])
                    && lower_words.get(k + 1 - a).is_some_and(|n| !DETERMINERS.contains(n) && !is(PRONOUNS, n))
                || matches!(w, "in" | "at" | "from")
                    // (a seat of power in a place is the place's: "the government in Cairo")
                    && !matches!(
                        lower_words[k - 1 - a],
                        "government" | "regime" | "authorities" | "administration" | "leadership" | "police" | "court" | "courts"
                    )
                    && (inside.iter().any(|e| {
                        e.kind == EntityType::Gpe
                            && toks.get(k + 1).is_some_and(|n| n.span.start == e.span.start)
                            && (e.span.end == span.end || places_to(e.span.end))
                    })
                    // (or a place's phrase: "in the Kurdistan region", "in the port", "at the border")
                    || place_phrase(ctx, &inside, k + 1, b)
                    // (and an institution in a named place, whatever the entity finder typed the
                    // place as: "the hospital in | Ostrava Bay" is the hospital)
                    || (is(INSTITUTIONS, lower_words[k - 1 - a]) || is(ORG_NOUNS, lower_words[k - 1 - a]))
                        && (k + 1..=b).all(|i| ctx.cap(i) || toks[i].kind == TokKind::Possessive)))
    });
    if let Some(k) = restricted {
        return resolve(ctx, (a, k - 1), recent);
    }
    // (both only where the phrase's own head comes first: not inside an appositive, "Chad Bown, an
    // expert on trade", nor after a name, "Mr. Trump - 60 percent of voters")
    let head_first = |k: usize| {
        (a..k).all(|i| !matches!(toks[i].kind, TokKind::Punct(',' | '(' | '-' | '—' | '–')))
            && !inside.iter().any(|e| e.kind == EntityType::Person && e.span.end <= toks[k].span.start)
    };
    // a share of a group is the group: "Seventy-four percent of | Democratic registered voters"
    // (not "a majority of | his supporters", "half of | them", whose pronouns are no speaker)
    if let Some(k) = (a + 1..b).find(|&k| {
        lower_words[k - a] == "of"
            && is(SHARES, lower_words[k - 1 - a])
            && head_first(k)
            && !matches!(
                lower_words[k + 1 - a],
                "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "them"
                    | "whom"
                    | "those"
                    | "these"
                    | "us"
                    | "you"
            )
    }) {
        return resolve(ctx, (k + 1, b), recent);
    }
    // people named by how they stand to someone are not that one: "Critics of the Kremlin", "Experts
    // on North Korea", "at least a dozen members of Congress" (unnamed, named with whom they stand
    // to, up to a comma or a clause; not a body's name, "Friends of the Earth")
    if let Some(k) = (a + 1..b).find(|&k| {
        let head = lower_words[k - 1 - a];
        (lower_words[k - a] == "of" && is(RELATIONS, head)
            || lower_words[k - a] == "on" && matches!(head, "expert" | "experts" | "specialist" | "specialists"))
            && head_first(k)
            && !ctx.entities.iter().any(|e| {
                matches!(e.kind, EntityType::Org | EntityType::Person) && e.span.contains(&toks[k - 1].span)
            })
            // (nor where names after a comma or dash name the head: "an experienced member of the
            // establishment, Hillary Clinton", "two members of Congress from Florida, Ileana
            // Ros-Lehtinen and Carlos Curbelo"; one name cannot name "supporters of her opponent,
            // Sen. Bernie Sanders")
            && {
                let after = (k..=b).find(|&i| matches!(toks[i].kind, TokKind::Punct(',' | '-' | '—' | '–')));
                let named = after.map_or(0, |i| {
                    inside.iter().filter(|e| e.kind == EntityType::Person && e.span.start > toks[i].span.start).count()
                });
                let plural = head.ends_with('s');
                named == 0 || plural && named < 2
            }
    }) {
        let end = (k + 1..=b)
            .find(|&i| {
                matches!(toks[i].kind, TokKind::Punct(',' | '(' | '-' | '—' | '–'))
                    || matches!(lower_words[i - a], "who" | "which" | "that")
            })
            .map_or(span.end, |i| toks[i - 1].span.end);
        let name = ctx.text[toks[k - 1].span.start..end].to_string();
        let name = if ctx.cap(k - 1) { lowercase_first(&name) } else { name };
        return Some(Speaker { name, kind: EntityType::Misc, anonymous: true, resolution: "unnamed".into() });
    }
    if let Some(sp) = joint(ctx.text, span, &inside) {
        return Some(sp);
    }
    let pick = |k: EntityType| inside.iter().rev().find(|e| e.kind == k).copied();
    let head = lower_words.last().copied().unwrap_or("");
    // a name before its appositive speaks, not a name inside it: "Cornell Belcher, a pollster
    // who worked on Mr. Obama's campaign"
    // (and the person of the head before its first comma, named "of" a body or place or before a
    // relative clause, over one in the appositive or clause after it: "Jamie Graham of Total Film, a
    // position shared by presenter Jonathan Ross", "executive Frank Vane, who had backed Sen. Ana
    // Ruiz"; not someone's in a possessive, "Mayor Petr Vask's spokeswoman, Ana Ruiz")
    let comma = phrase.find(',').map(|c| span.start + c);
    let head_person = || {
        let before_comma = |e: &&&Entity| e.kind == EntityType::Person && comma.is_some_and(|c| e.span.end <= c);
        let after = |e: &Entity, s: &str| ctx.text[e.span.end..].starts_with(s);
        (inside.iter().filter(before_comma).rfind(|e| after(e, " of ")))
            .or_else(|| inside.iter().filter(before_comma).rfind(|e| after(e, ", who ")))
    };
    let named_first = inside
        .iter()
        .find(|e| e.kind == EntityType::Person && e.span.start == span.start && ctx.text[e.span.end..].starts_with(','))
        .or_else(head_person)
        .copied();
    // someone described through a person is not that person: "Robert Plant's publicist", "the
    // senator's lawyer" (one person named, then a possessive and only lower-case words); no
    // antecedent for a later "he" or "she" (who is the person, as before), and what a later "the
    // publicist" stands for
    if let Some(p) = pick(EntityType::Person).filter(|p| {
        named_first.is_none()
            && inside.iter().filter(|e| e.kind == EntityType::Person).count() == 1
            && !phrase.contains(',')
            && toks.get(b).is_some_and(|t| t.is_word() && role_word(&t.lower))
            && Some(toks.partition_point(|t| t.span.start < p.span.end)).is_some_and(|k| {
                k < b && toks[k].kind == TokKind::Possessive && (k + 1..=b).all(|i| toks[i].is_word() && !ctx.cap(i))
            })
    }) {
        let words: Vec<&str> =
            phrase.split_whitespace().skip_while(|w| DETERMINERS.contains(&w.to_lowercase().as_str())).collect();
        let name = words.join(" ");
        ctx.described_through = Some(Speaker {
            name: p.canonical.clone(),
            kind: EntityType::Person,
            anonymous: false,
            resolution: "name".into(),
        });
        if is(DESCRIPTORS, head) {
            ctx.descriptions.insert(head.to_string(), (name.clone(), EntityType::Misc));
        }
        return Some(Speaker { name, kind: EntityType::Misc, anonymous: false, resolution: "description".into() });
    }
    // nor is someone whose role a person's name only qualifies: "a senior Cruz adviser", "one
    // Sanders supporter", "a longtime adviser to Trump", "a narrator in the Clinton ad" (one person
    // named, after a determiner or modifier and before a person's role, or after the role and "to",
    // "for" or "in"; no comma): the description speaks, the person stays the antecedent of a later
    // "he" or "she". A body ("the Clinton campaign") is left to what follows.
    // (a spokesman speaks for whom he names, as before: "a spokeswoman for Royal Mail"; nor is a
    // body's word a person's role, "the China Daily | newspaper")
    let person_role = |w: &str| {
        (agent_noun(w)
            || matches!(
                w,
                "aide"
                    | "aides"
                    | "adviser"
                    | "advisers"
                    | "advisor"
                    | "advisors"
                    | "supporter"
                    | "supporters"
                    | "staffer"
                    | "staffers"
                    | "loyalist"
                    | "loyalists"
                    | "narrator"
                    | "actor"
                    | "actress"
                    | "surrogate"
                    | "surrogates"
                    | "voters"
            ))
            && !w.starts_with("spokes")
            && !is_org_word(w)
            && !is(ORG_NOUNS, w)
            && !is(CONTEXT_NOUNS, w)
            && !matches!(w, "newspaper" | "newspapers" | "paper" | "movement" | "government")
    };
    let plain = |k: usize| {
        toks[k].is_word()
            && !ctx.cap(k)
            && !matches!(
                ctx.lower(k),
                "in" | "of" | "at" | "on" | "for" | "to" | "from" | "with" | "by" | "that" | "who" | "which"
            )
    };
    if let Some(p) = pick(EntityType::Person).filter(|p| {
        if named_first.is_some()
            || inside.iter().filter(|e| e.kind == EntityType::Person).count() != 1
            || phrase.contains(',')
        {
            return false;
        }
        let first = toks.partition_point(|t| t.span.start < p.span.start);
        let last = toks.partition_point(|t| t.span.start < p.span.end).saturating_sub(1);
        // (a name between a determiner and the role: "a senior Cruz | adviser")
        let modifier = first > a
            && last < b
            && (DETERMINERS.contains(&ctx.lower(a)) || is(QUANTIFIERS, ctx.lower(a)))
            && (a + 1..first).all(plain)
            && person_role(ctx.lower(b))
            && (last + 1..=b).all(plain);
        // (a name after the role and a preposition: "a longtime adviser | to | Trump")
        let after_role = last == b
            && (a + 1..first).find(|&k| matches!(ctx.lower(k), "to" | "for" | "in")).is_some_and(|k| {
                (a..k).any(|i| person_role(ctx.lower(i)))
                    && (a..k).all(|i| toks[i].is_word() && !ctx.cap(i) || i == a && ctx.opens_sentence(a))
            });
        modifier || after_role
    }) {
        let words: Vec<&str> =
            phrase.split_whitespace().skip_while(|w| DETERMINERS.contains(&w.to_lowercase().as_str())).collect();
        ctx.described_through = Some(Speaker {
            name: p.canonical.clone(),
            kind: EntityType::Person,
            anonymous: false,
            resolution: "name".into(),
        });
        let name = words.join(" ");
        let name =
            if ctx.opens_sentence(a) && words.len() == lower_words.len() { lowercase_first(&name) } else { name };
        return Some(Speaker { name, kind: EntityType::Misc, anonymous: false, resolution: "description".into() });
    }
    // and so does a body named before its appositive, where no person is named: "Yangtze Electric
    // Power, the operator of China's Three Gorges Dam" (a source that runs over a comma past a
    // setting, "CNN, Cruz" after "Speaking to", stays the person's)
    if !inside.iter().any(|e| e.kind == EntityType::Person) {
        if let Some(o) = inside.iter().find(|e| {
            e.kind == EntityType::Org && e.span.start == span.start && ctx.text[e.span.end..].starts_with(',')
        }) {
            // (what the appositive calls it names it later: "Harbourline Security, a private firm
            // that ..." makes a later "The firm" the same body)
            let after = toks.partition_point(|t| t.span.start < o.span.end) + 1;
            if after < b && matches!(ctx.lower(after), "a" | "an" | "the") {
                if let Some(k) = (after + 1..=b.min(after + 4))
                    .take_while(|&k| toks[k].is_word() && !ctx.cap(k))
                    .find(|&k| is(ORG_NOUNS, ctx.lower(k)) || is(INSTITUTIONS, ctx.lower(k)))
                {
                    ctx.descriptions.insert(ctx.lower(k).to_string(), (o.canonical.clone(), EntityType::Org));
                }
            }
            return Some(Speaker {
                name: o.canonical.clone(),
                kind: EntityType::Org,
                anonymous: false,
                resolution: "name".into(),
            });
        }
    }
    if let Some(p) = named_first.or_else(|| pick(EntityType::Person)) {
        // (the head of the description, not a word that modifies it: "the city's police | chief,
        // Gerrit Hauke" is the chief; a later "police" are not he)
        // (nor a word in what follows the head: "David Axelrod, the chief strategist | of Barack
        // Obama's 2008 campaign" is not "the campaign")
        let modifies = |k: usize| lower_words.get(k + 1).is_some_and(|n| role_word(n));
        let of = (1..lower_words.len())
            .find(|&k| {
                matches!(lower_words[k], "of" | "for" | "at" | "in" | "from" | "with" | "on" | "to")
                    && lower_words[..k].iter().any(|w| role_word(w))
            })
            .unwrap_or(lower_words.len());
        if let Some(d) = (0..of).find(|&k| is(DESCRIPTORS, lower_words[k]) && !modifies(k)) {
            let d = lower_words[d];
            ctx.descriptions.insert(d.to_string(), (p.canonical.clone(), EntityType::Person));
        }
        return Some(Speaker {
            name: p.canonical.clone(),
            kind: EntityType::Person,
            anonymous: false,
            resolution: "name".into(),
        });
    }
    // a relative pronoun speaks for what it follows: "Warren, who has not endorsed anyone, told",
    // "the association (MAB), which believes", "lawmakers who blame"
    if a == b && matches!(head, "who" | "which" | "that") {
        return antecedent(ctx, a).and_then(|np| resolve(ctx, np, recent));
    }
    // a possessive speaks for its owner as the pronoun would: "his call for", "her decision"; and a
    // pronoun with its verb run into it is the pronoun: "They’re | not expecting", "We’re | adding"
    let head = match head {
        "his" => "he",
        "her" => "she",
        "their" => "they",
        "its" => "it",
        h => contracted_pronoun(h).unwrap_or(h),
    };
    if a == b && is(PRONOUNS, head) {
        let want_person = matches!(head, "he" | "she" | "i");
        // "she" is not a man the article calls "Mr", nor "he" a woman it calls "Ms"
        let want_male = match head {
            "he" => Some(true),
            "she" => Some(false),
            _ => None,
        };
        // nor, without a title, "she" a person whose first name leans male, or "he" one whose
        // first name leans female: whether a name agrees (Some(true)), disagrees or says nothing
        let agrees = |name: &str| -> Option<bool> {
            let m = want_male?;
            let surname = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
            if let Some(g) = ctx.titled.get(&surname) {
                return Some(*g == m);
            }
            let (first, _) = name.split_once(' ')?;
            first_name_male(first).map(|g| g == m)
        };
        // the nearest that does not disagree; once one was passed over for disagreeing, the nearest
        // that agrees (a name that says nothing there is as often a place or a firm the entity
        // finder took for a person: "Pershing Square", "Boca Raton")
        let own = ctx.own_words;
        let mut passed_over = false;
        let mut fits = |name: &str| match agrees(name) {
            Some(true) => true,
            Some(false) => {
                passed_over = true;
                false
            }
            None => !passed_over,
        };
        let found = recent
            .iter()
            .rev()
            .find(|(at, s)| {
                // an unnamed source is taken up again by "it" or "they" as its number allows
                // ("The report said ... It also found", "Officials said ... They added")
                let unnamed_agrees = || {
                    let plural = s.name.ends_with('s') && !s.name.ends_with("ss");
                    match head {
                        "it" => !plural,
                        "they" => plural,
                        _ => false,
                    }
                };
                // (speakers named together are "they" only)
                ((s.kind == EntityType::Person) == want_person && s.resolution != "joint"
                    || s.resolution == "joint" && head == "they")
                    && !own.is_some_and(|w| w.contains(&Span::new(*at, *at)))
                    && (!s.anonymous || unnamed_agrees())
                    // a group named as a subject is for "they" only
                    && (s.resolution != "group" || head == "they")
                    && !(head == "i" && s.resolution == "subject")
                    && fits(&s.name)
            })
            .map(|(_, s)| s.clone())
            .or_else(|| {
                ctx.entities
                    .iter()
                    .rev()
                    .filter(|e| e.span.end <= span.start && !own.is_some_and(|w| w.contains(&e.span)))
                    .find(|e| {
                        if want_person {
                            e.kind == EntityType::Person && fits(&e.canonical)
                        } else {
                            matches!(e.kind, EntityType::Org | EntityType::Gpe)
                        }
                    })
                    .map(|e| Speaker {
                        name: e.canonical.clone(),
                        kind: e.kind,
                        anonymous: false,
                        resolution: String::new(),
                    })
            });
        return found.map(|mut s| {
            s.resolution = "pronoun".into();
            s
        });
    }
    // a body of a place is that body, not the place: "The foreign ministry of Russia" (described as
    // "foreign ministry of Russia", one speaker with "the Russian foreign ministry" across a run);
    // a person's role of a place stays the place's ("the representative of Paris" speaks for France)
    if let Some(of) = lower_words.iter().position(|w| *w == "of").filter(|&k| {
        k > 0
            && [BODY_DESCRIPTORS, ORG_NOUNS, INSTITUTIONS].iter().any(|l| is(l, lower_words[k - 1]))
            && !lower_words[..k].iter().any(|w| matches!(*w, "who" | "which" | "that"))
            && !inside.iter().any(|e| matches!(e.kind, EntityType::Org | EntityType::Person))
    }) {
        // (the place is all that follows "of" and its determiners)
        let next = (a + of + 1..=b).find(|&i| !DETERMINERS.contains(&ctx.lower(i)));
        let place = next.is_some_and(|n| {
            inside
                .iter()
                .any(|e| e.kind == EntityType::Gpe && e.span.end == span.end && e.span.start == toks[n].span.start)
        });
        if place {
            let words: Vec<&str> =
                phrase.split_whitespace().skip_while(|w| DETERMINERS.contains(&w.to_lowercase().as_str())).collect();
            let mut name = words.join(" ");
            let first = toks[a].span.slice(ctx.text);
            if words.first() == Some(&first) && opens_sentence_lowercase(ctx, a, lower_words[of - 1]) {
                name = format!("{}{}", toks[a].lower, &name[first.len()..]);
            }
            let anonymous = is(ANONYMOUS_HEADS, lower_words[of - 1]);
            return Some(Speaker {
                name,
                kind: if anonymous { EntityType::Misc } else { EntityType::Org },
                anonymous,
                resolution: if anonymous { "anonymous" } else { "description" }.into(),
            });
        }
    }
    // (an organisation of the phrase's head before one in what follows it: "A projection by the
    // consulting firm Oxford Economics, | prepared for the National Retail Federation", "Deutsche
    // Bank - | itself a target of a Yukos lawsuit"; an acronym in brackets is the head's own)
    let head_end = (a + 1..=b)
        .find(|&k| {
            matches!(toks[k].kind, TokKind::Punct(',' | '-' | '—' | '–'))
                || matches!(lower_words[k - a], "who" | "which" | "that")
        })
        .map_or(span.end, |k| toks[k].span.start);
    // (but a name in apposition that closes the phrase names the head: "The UN programme tackling
    // Aids, | UNAIDS"; a nickname in quotes is no body: "Antonio "LA" Reid")
    let appositive = |e: &&&Entity| {
        e.span.end == span.end
            && ctx.text[head_end..e.span.start].trim_matches(|c: char| c == ',' || c.is_whitespace()).is_empty()
    };
    let quoted = |e: &Entity| {
        ctx.text[..e.span.start].ends_with(['"', '“', '\'', '‘'])
            && ctx.text[e.span.end..].starts_with(['"', '”', '\'', '’'])
    };
    let org_of_head = inside
        .iter()
        .rev()
        .filter(|e| e.kind == EntityType::Org && !quoted(e))
        .find(|e| e.span.end <= head_end || appositive(e))
        .copied();
    if let Some(o) = org_of_head.or_else(|| pick(EntityType::Org)).or_else(|| {
        // a place is the speaker only when it is the head: "Moscow insists", not "officials in Moscow"
        // or a name before its appositive: "Belmark, the neighbouring country"
        inside
            .iter()
            .rev()
            .find(|e| {
                let appositive = e.span.start == span.start && ctx.text[e.span.end..].starts_with(',');
                matches!(e.kind, EntityType::Gpe) && e.span.end == span.end
                    || appositive && matches!(e.kind, EntityType::Gpe | EntityType::Misc)
            })
            .copied()
    }) {
        return Some(Speaker { name: o.canonical.clone(), kind: o.kind, anonymous: false, resolution: "name".into() });
    }
    if is(DESCRIPTORS, head) {
        // a name before its appositive that the entity finder left out ("Belmark, the neighbouring
        // country", sentence-initial): the name is the speaker, the description says what it is
        if let Some((name, rest)) = phrase.split_once(',') {
            let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            let rest_first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
            let not_name =
                |w: &str| corroborate_nlp::lexicon::NOT_NAMES.binary_search(&w.to_lowercase().as_str()).is_ok();
            if !name.trim().is_empty()
                && name.split_whitespace().all(capitalised)
                && !name.split_whitespace().next().is_some_and(not_name)
                && DETERMINERS.contains(&rest_first.as_str())
            {
                let country = matches!(head, "country" | "nation" | "state" | "republic" | "kingdom");
                return Some(Speaker {
                    name: corroborate_nlp::canon::clean_surface(name.trim(), EntityType::Org),
                    kind: if country { EntityType::Gpe } else { EntityType::Org },
                    anonymous: false,
                    resolution: "name".into(),
                });
            }
        }
        // a description: learnt earlier, or the nearest organisation it names ("the ministry")
        if let Some(s) = described(ctx, head) {
            return Some(s);
        }
        let is_anonymous = is(ANONYMOUS_HEADS, head);
        if !is_anonymous {
            // "the ministry's spokesman" -> the organisation named by a word of the phrase
            // (not a word coordinated with another, a modifier: "state | and local leaders" are no
            // "Islamic State")
            for (i, w) in lower_words.iter().enumerate().rev() {
                if w.len() < 4 || DETERMINERS.contains(w) {
                    continue;
                }
                if lower_words.get(i + 1).is_some_and(|n| matches!(*n, "and" | "or" | ","))
                    || i > 0 && matches!(lower_words[i - 1], "and" | "or")
                {
                    continue;
                }
                if let Some(mut o) = org_named_with(ctx, span.start, w) {
                    // (only a definite description is a reference to it: "local media" is not
                    // "Fairfax Media")
                    if ctx.lower(a) != "the" {
                        o.resolution = "description".into();
                    }
                    return Some(o);
                }
            }
        }
        let words: Vec<&str> =
            phrase.split_whitespace().filter(|w| !DETERMINERS.contains(&w.to_lowercase().as_str())).collect();
        let mut name = words.join(" ");
        let first = toks[a].span.slice(ctx.text);
        if words.first() == Some(&first) && opens_sentence_lowercase(ctx, a, head) {
            name = format!("{}{}", toks[a].lower, &name[first.len()..]);
        }
        return Some(Speaker {
            name,
            kind: if is_anonymous { EntityType::Misc } else { EntityType::Org },
            anonymous: is_anonymous,
            resolution: if is_anonymous { "anonymous" } else { "description" }.into(),
        });
    }
    // a quantifier alone names no one: "Some | chanted", "Others | call it", "Many | fear"
    if a == b && is(QUANTIFIERS, head) {
        return Some(Speaker {
            name: head.to_string(),
            kind: EntityType::Misc,
            anonymous: true,
            resolution: "unnamed".into(),
        });
    }
    // a name that only modifies a lower-case head is no speaker, the whole description is: "The
    // Democratic presidential nominee" (was "Democratic"), "American voters", "Osk residents"
    // (a short phrase without a preposition or a clause: "a report by the Commons committee", "Many
    // Republicans clamoring for less ..." are left to the names in them)
    // (its leading determiners left out: "The Florida senator" is "Florida senator"; not "many of
    // her Republican supporters")
    let words: Vec<&str> =
        phrase.split_whitespace().skip_while(|w| DETERMINERS.contains(&w.to_lowercase().as_str())).collect();
    if toks[b].kind == TokKind::Word
        && !ctx.cap(b)
        && !inside.is_empty()
        && inside.iter().all(|e| e.span.end < toks[b].span.start)
        && !phrase.contains([',', '(', '"', '“'])
        && words.len() <= 5
        && !lower_words.iter().any(|w| {
            matches!(*w, "by" | "for" | "in" | "at" | "with" | "from" | "to" | "on" | "who" | "is" | "are")
                || w.len() > 5 && w.ends_with("ing")
                || w.ends_with("n't")
                || w.ends_with("n’t")
        })
    {
        let mut name = words.join(" ");
        let first = toks[a].span.slice(ctx.text);
        if words.first() == Some(&first) && opens_sentence_lowercase(ctx, a, head) {
            name = format!("{}{}", toks[a].lower, &name[first.len()..]);
        }
        // a body's name that ends in its kind is a name: "(the opposition) People's Renewal party",
        // "the Green party" (capitalised words right before the head)
        // (not "a US court" nor "the Australian newspaper": an indefinite article or a place or
        // people alone before the head make no name; nor "a leader of a Kenyan group")
        if (is(INSTITUTIONS, head) || is(ORG_NOUNS, head))
            && b > a
            && ctx.cap(b - 1)
            && !matches!(lower_words[0], "a" | "an")
            && !lower_words.contains(&"of")
        {
            let mut k = b - 1;
            let word = |i: usize| ctx.cap(i) && !DETERMINERS.contains(&ctx.lower(i));
            while k > a && (word(k - 1) || toks[k - 1].kind == TokKind::Possessive && k - 1 > a && word(k - 2)) {
                k -= 1;
            }
            let place = inside.iter().any(|e| {
                matches!(e.kind, EntityType::Gpe | EntityType::Norp)
                    && e.span.start <= toks[k].span.start
                    && toks[b - 1].span.end <= e.span.end
            });
            if !place {
                let name = toks[k].span.cover(&toks[b].span).slice(ctx.text).to_string();
                return Some(Speaker { name, kind: EntityType::Org, anonymous: false, resolution: "name".into() });
            }
        }
        let anonymous = is(ANONYMOUS_HEADS, head);
        return Some(Speaker {
            name,
            kind: EntityType::Misc,
            anonymous,
            resolution: if anonymous { "anonymous" } else { "description" }.into(),
        });
    }
    if let Some(n) = pick(EntityType::Norp).or_else(|| pick(EntityType::Misc)).or_else(|| pick(EntityType::Gpe)) {
        return Some(Speaker { name: n.canonical.clone(), kind: n.kind, anonymous: false, resolution: "name".into() });
    }
    // "The bank | said": the organisation the article named last whose name holds the word ("Osk
    // Bank"); not any organisation named before ("the company" after one mention of its regulator
    // is not the regulator), so "the company" with no such name stays a description
    if b == a + 1 && ctx.lower(a) == "the" && is(ORG_NOUNS, head) {
        if let Some(s) = described(ctx, head) {
            return Some(s);
        }
        if let Some(o) = org_named_with(ctx, span.start, head) {
            return Some(o);
        }
    }
    // so are "the commission", "the party" after "the Electoral Commission", "People's Renewal
    // party" (the nearest named body with that word, among the names found or the speakers
    // named before)
    if b == a + 1 && ctx.lower(a) == "the" && is(INSTITUTIONS, head) {
        if let Some(o) = org_named_with(ctx, span.start, head).or_else(|| body_spoken_before(recent, head)) {
            return Some(o);
        }
    }
    // (a capital that only opens the sentence on a determiner names no one: "The report | said"; nor
    // one on common words, which the entity finder found no name in: "Aid groups | said",
    // "Engineers who inspected the dam | had warned", "Survivors | described")
    let common_opening = ctx.opens_sentence(a) && !(a + 1..=b).any(|i| ctx.cap(i)) && {
        let role = |w: &str| {
            is(DESCRIPTORS, w)
                || is(ANONYMOUS_HEADS, w)
                || is(ORG_NOUNS, w)
                || is(INSTITUTIONS, w)
                || matches!(w, "groups" | "people" | "crews" | "teams" | "families" | "fans" | "members" | "voters")
        };
        let agent_plural =
            |w: &str| w.len() > 5 && ["ers", "ors", "ists", "ents", "ants"].iter().any(|s| w.ends_with(s));
        // the noun the phrase is about: its last word before a relative pronoun or a preposition
        // ("Engineers | who inspected the dam", "Leaders | of the union")
        let noun = (a..=b)
            .take_while(|&i| {
                !matches!(ctx.lower(i), "who" | "which" | "that" | "of" | "in" | "from" | "at" | "with" | "for" | "on")
            })
            .filter(|&i| toks[i].kind == TokKind::Word)
            .last()
            .map_or(head, |i| ctx.lower(i));
        if noun != ctx.lower(a) {
            // "Aid groups", "Tesla engineers": a role or a plural of people after the capital
            role(noun) || agent_plural(noun)
        } else {
            // one word: a role ("Ministers"), or a plural of people that a relative clause follows
            // with no comma ("Engineers who inspected the dam"; a name takes one: "Sanders, who")
            // or that is also written in lower case here ("Creditors" beside "creditors"; not
            // "Sanders said")
            // or a plural English writes in lower case ("Doctors", "Teachers"; not "Sanders")
            let w = ctx.lower(a);
            role(w)
                || agent_plural(w)
                    && (ctx.toks.get(a + 1).is_some_and(|t| matches!(t.lower.as_str(), "who" | "that"))
                        || ctx.toks.iter().any(|o| o.lower == w && o.span.slice(ctx.text) == w))
                || w.len() > 3
                    && w.ends_with('s')
                    && corroborate_nlp::lexicon::common_word(w)
                    && !corroborate_nlp::lexicon::given_name(w)
                    && !PARTIES.contains(&w)
        }
    };
    if !common_opening && (a..=b).any(|i| ctx.cap(i) && !(i == a && DETERMINERS.contains(&ctx.lower(i)))) {
        // (a name before what describes it, set off by a comma: "Schiff, 56, who has served ...",
        // "Michelle, a mother of twins"; not a list, "Friends, lobbyists and former foes")
        let name = phrase
            .split_once(',')
            .filter(|(n, rest)| {
                let ws: Vec<&str> = n.split_whitespace().collect();
                let next = rest.split_whitespace().next().unwrap_or("").to_lowercase();
                !ws.is_empty()
                    && ws.len() <= 4
                    && ws.iter().all(|w| w.starts_with(char::is_uppercase))
                    && (matches!(next.as_str(), "a" | "an" | "the" | "who" | "which" | "though" | "however" | "too")
                        || next.starts_with(|c: char| c.is_ascii_digit()))
            })
            .map_or(phrase, |(n, _)| n.trim());
        return Some(Speaker {
            name: corroborate_nlp::canon::clean_surface(name, EntityType::Misc),
            kind: EntityType::Misc,
            anonymous: false,
            resolution: "name".into(),
        });
    }
    // nothing names it: "rescue teams said"; "according to “confirmed information”" is information,
    // not someone
    // (without its article, as descriptions are named above: "the report" is "report")
    let name = phrase.trim_matches(|c: char| !c.is_alphanumeric());
    let name = match name.split_once(char::is_whitespace) {
        Some((article, rest)) if matches!(article.to_lowercase().as_str(), "the" | "a" | "an") => {
            rest.trim_start().to_string()
        }
        _ if ctx.opens_sentence(a) && ctx.cap(a) => lowercase_first(name),
        _ => name.to_string(),
    };
    // a body described, not named, is no anonymous source: "the town council", "the company"
    if is(ORG_NOUNS, head) || is(INSTITUTIONS, head) {
        return Some(Speaker { name, kind: EntityType::Org, anonymous: false, resolution: "description".into() });
    }
    let resolution = if is(INFORMATION, head) { "information" } else { "unnamed" };
    (!name.is_empty()).then(|| Speaker { name, kind: EntityType::Misc, anonymous: true, resolution: resolution.into() })
}

#[cfg(test)]
mod tests;
