//! The stance of an article's own voice. For each attribution: *reported* (neutral cue), *distanced*
//! ("claimed", "insisted", "without evidence", scare quotes), *refuted* ("falsely claimed", a following
//! "there is no evidence"), or *asserted* (a factive cue: "confirmed", "revealed"). For the voice's own
//! sentences: [`Statement`]s, asserted unless a hedge ("alleged", "purported", "so-called"), scare
//! quotes or a refutation says otherwise; and the hedged phrases the outlet slips into someone else's
//! reported words ("claimed that Ukraine staged the *alleged killings*") become distanced statements of
//! their own, because the hedge is the outlet's word choice, aimed at that phrase, not at the claim.
//!
//! Negation cancels a marker ("not alleged"); words inside direct quotes are the speaker's, never the
//! voice's. Every stance carries the marker spans it rests on. Pure and rule-based.

use corroborate_attribution::{lexicon as cues, Found};
use corroborate_model::{Attribution, AttributionKind, Marker, MarkerKind, Span, SpanSet, Stance, Statement};
use corroborate_nlp::{TokKind, Token};

/// Modifiers by which the voice keeps its distance from what they modify.
pub const HEDGES: &[&str] = &[
    "alleged",
    "allegedly",
    "ostensible",
    "ostensibly",
    "purported",
    "purportedly",
    "reputed",
    "reputedly",
    "so-called",
    "supposed",
    "supposedly",
];
/// Words by which the voice says something is false.
pub const REFUTATIONS: &[&str] = &[
    "baseless",
    "debunked",
    "disproved",
    "disproven",
    "false",
    "falsely",
    "groundless",
    "untrue",
    "wrongly",
    "baselessly",
];
const NEGATIONS: &[&str] = &["not", "no", "never", "n't", "neither", "nor", "without"];
const UNVERIFIED_WORDS: &[&str] = &["unconfirmed", "unproven", "unsubstantiated", "unverified"];
const EVIDENCE_VERBS: &[&str] = &["providing", "offering", "giving", "citing", "presenting", "showing", "any"];

/// Word marks up to four words long in quotation marks, nobody quoted as saying them: scare quotes.
pub const SCARE_QUOTE_MAX_WORDS: usize = 4;

fn negated(toks: &[Token], i: usize) -> Option<usize> {
    (i.saturating_sub(2)..i).rev().find(|&k| negation(&toks[k].lower) && toks[k].lower != "without")
}

/// A negating word, contractions too ("didn't" is one token).
fn negation(w: &str) -> bool {
    NEGATIONS.contains(&w) || w.ends_with("n't") || w == "cannot"
}

/// Markers found among tokens `range` that are the voice's (not inside `quoted`).
fn voice_markers(toks: &[Token], range: std::ops::Range<usize>, quoted: &[Span]) -> Vec<Marker> {
    let mut out = Vec::new();
    let in_quote = |s: &Span| quoted.iter().any(|q| q.contains(s));
    for i in range.clone() {
        let t = &toks[i];
        if t.kind != TokKind::Word {
            continue;
        }
        let l = t.lower.as_str();
        let kind = if HEDGES.contains(&l) {
            Some(MarkerKind::Hedge)
        } else if REFUTATIONS.contains(&l) {
            Some(MarkerKind::Refutation)
        } else if UNVERIFIED_WORDS.contains(&l) {
            Some(MarkerKind::Unverified)
        } else if l == "evidence" || l == "proof" {
            // "without (providing) evidence" / "there is no evidence"
            let back: Vec<&str> =
                (i.saturating_sub(3)..i).filter(|&k| k >= range.start).map(|k| toks[k].lower.as_str()).collect();
            let after_without = back.iter().rposition(|w| *w == "without").map(|p| &back[p + 1..]);
            if after_without.is_some_and(|ws| ws.iter().all(|w| EVIDENCE_VERBS.contains(w))) {
                Some(MarkerKind::Unverified)
            } else if back.last() == Some(&"no") {
                Some(MarkerKind::Refutation)
            } else {
                None
            }
        } else {
            None
        };
        // Only a marker word is checked against the quotes (most words are not markers).
        let Some(kind) = kind.filter(|_| !in_quote(&t.span)) else { continue };
        let span = if l == "evidence" || l == "proof" {
            let from =
                (i.saturating_sub(3)..i).find(|&k| matches!(toks[k].lower.as_str(), "without" | "no")).unwrap_or(i);
            toks[from].span.cover(&t.span)
        } else {
            t.span
        };
        if kind != MarkerKind::Refutation || l != "evidence" {
            if let Some(n) = negated(toks, i) {
                out.push(Marker { kind: MarkerKind::Negation, span: toks[n].span.cover(&t.span) });
                continue;
            }
        }
        out.push(Marker { kind, span });
    }
    out
}

fn stance_of(markers: &[Marker], factive: bool) -> Stance {
    if markers.iter().any(|m| m.kind == MarkerKind::Refutation) {
        Stance::Refuted
    } else if markers.iter().any(|m| {
        matches!(
            m.kind,
            MarkerKind::Hedge | MarkerKind::ScareQuotes | MarkerKind::DistancingCue | MarkerKind::Unverified
        )
    }) {
        Stance::Distanced
    } else if factive {
        Stance::Asserted
    } else {
        Stance::Reported
    }
}

/// Tokens before and after an attribution (its cue and content) in which the sentence's words can
/// mark it ("X said, without offering evidence, that ..."): bounded, so that a text without sentence
/// ends costs each attribution no more than this.
const MARKER_REACH: usize = 48;

/// Token index range covering a span.
fn tok_range(toks: &[Token], span: Span) -> std::ops::Range<usize> {
    let a = toks.partition_point(|t| t.span.end <= span.start);
    let b = toks.partition_point(|t| t.span.start < span.end);
    a..b.max(a)
}

/// Everything the stance stage returns.
#[derive(Debug, Default)]
pub struct VoiceStance {
    pub attributions: Vec<Attribution>,
    pub statements: Vec<Statement>,
    /// Attributions of acts and intentions ([`corroborate_attribution::reports_an_act`]: "has refused
    /// to let observers visit"), with their stance: the sentence they are in is the voice's own
    /// statement.
    pub acts: Vec<Attribution>,
}

/// Decides the voice's stance on each attribution and finds the voice's own statements.
pub fn analyze(text: &str, toks: &[Token], sents: &[Span], found: Found) -> VoiceStance {
    let quotes_inner: Vec<Span> = found.quotes.iter().map(|q| q.inner).collect();
    let direct_contents: Vec<Span> =
        found.attributions.iter().filter(|a| a.kind == AttributionKind::Direct).map(|a| a.content).collect();
    let scare: Vec<Span> = found
        .unattributed_quotes
        .iter()
        .map(|&i| &found.quotes[i])
        .filter(|q| q.words <= SCARE_QUOTE_MAX_WORDS)
        .filter(|q| !direct_contents.iter().any(|c| c.overlaps(&q.inner)))
        .map(|q| q.outer)
        .collect();
    let mut attributions = found.attributions;
    for a in attributions.iter_mut() {
        let mut markers = Vec::new();
        let cue_l = corroborate_attribution::cue_word(a.cue.slice(text));
        let cue_range = tok_range(toks, a.cue);
        // (before the cue, or inside it before its last word: "did not claim", "never alleged")
        let negated_cue = negated(toks, cue_range.start).is_some()
            || toks[cue_range.start..cue_range.end.saturating_sub(1).max(cue_range.start)]
                .iter()
                .any(|t| negation(&t.lower) && t.lower != "without");
        if cues::DISTANCING_CUES.contains(&cue_l.as_str()) && !negated_cue {
            markers.push(Marker { kind: MarkerKind::DistancingCue, span: a.cue });
        }
        // an adverb right before the cue or at its start (learned cues keep it): "falsely claimed"
        if let Some(adv) = toks[cue_range.start.saturating_sub(1)..cue_range.end]
            .iter()
            .find(|t| REFUTATIONS.contains(&t.lower.as_str()))
        {
            markers.push(Marker { kind: MarkerKind::Refutation, span: adv.span });
        }
        // the rest of the sentence outside the content, near the attribution: "without evidence"
        let at = sents.partition_point(|s| s.end <= a.cue.start);
        if let Some(sent) = sents.get(at).filter(|s| s.contains(&a.cue)) {
            let r = tok_range(toks, *sent);
            let whole = tok_range(toks, a.cue.cover(&a.content));
            let near = r.start.max(whole.start.saturating_sub(MARKER_REACH))..r.end.min(whole.end + MARKER_REACH);
            let outside: Vec<usize> = near.filter(|&i| !a.content.contains(&toks[i].span)).collect();
            if let (Some(&first), Some(&last)) = (outside.first(), outside.last()) {
                for m in voice_markers(toks, first..last + 1, &quotes_inner) {
                    if !a.content.contains(&m.span) && matches!(m.kind, MarkerKind::Unverified | MarkerKind::Negation) {
                        markers.push(m);
                    }
                }
            }
            // scare quotes around the source: according to “confirmed information”
            if let Some(src) = a.source {
                for q in &scare {
                    if q.overlaps(&src) {
                        markers.push(Marker { kind: MarkerKind::ScareQuotes, span: *q });
                    }
                }
            }
            // the next sentence refutes: "There is no evidence for this."
            if let Some(next) = sents.get(at + 1) {
                let r = tok_range(toks, *next);
                let words: Vec<&str> = r.clone().map(|i| toks[i].lower.as_str()).collect();
                let refers_back =
                    words.iter().take(4).any(|w| matches!(*w, "this" | "that" | "the" | "there" | "it" | "such"));
                let refuting = voice_markers(toks, r, &quotes_inner)
                    .into_iter()
                    .filter(|m| m.kind == MarkerKind::Refutation)
                    .collect::<Vec<_>>();
                let own_cue = words.iter().any(|w| cues::is_cue_verb(w));
                if refers_back && !own_cue && words.len() <= 14 {
                    markers.extend(refuting);
                }
            }
        }
        // ("could not confirm that ..." confirms nothing)
        let factive = cues::FACTIVE_CUES.contains(&cue_l.as_str()) && !negated_cue;
        if factive {
            markers.push(Marker { kind: MarkerKind::Factive, span: a.cue });
        }
        a.stance = stance_of(&markers, factive);
        markers.sort_by_key(|m| m.span.start);
        markers.dedup();
        a.markers = markers;
    }
    let (acts, attributions): (Vec<Attribution>, Vec<Attribution>) =
        attributions.into_iter().partition(|a| corroborate_attribution::reports_an_act(text, a));
    let statements = statements(text, toks, sents, &attributions, &quotes_inner, &scare);
    VoiceStance { attributions, statements, acts }
}

/// The lower-cased words of a run of tokens (punctuation left out).
fn run_words<'t>(toks: &'t [Token], run: &[usize]) -> Vec<&'t str> {
    run.iter().filter(|&&i| toks[i].is_word()).map(|&i| toks[i].lower.as_str()).collect()
}

/// Verbs that open a page's calls to its reader ("Follow us", "Click here", "Subscribe to"), never a
/// proposition: at the start of a sentence, imperatives whatever follows.
const READER_CALLS: &[&str] =
    &["follow", "subscribe", "click", "listen", "register", "tap", "donate", "visit", "see", "scroll"];

/// Openings of a page's notes to its reader other than a verb: "For more, head to ...", "To contact
/// the reporter ...", "Check out ...", "Copyright 2014 ...", "(AP Photo/...)" ("For more than a
/// decade" is no call: see [`call_to_action`]).
const READER_OPENINGS: &[&[&str]] =
    &[&["for", "more"], &["to", "contact"], &["check", "out"], &["copyright"], &["ap", "photo"]];

/// Verbs that open a call to the reader only before these words ("Share your thoughts", "Read more",
/// "Sign up"), or before a colon ("WATCH: ..."): "Share prices fell", "Download sales are due",
/// "Read went to the committee" (a name) and "Email records show" state something.
const READER_CALLS_BEFORE: &[(&str, &[&str])] = &[
    (
        "read",
        &["more", "the", "our", "this", "it", "full", "here", "next", "about", "part", "all", "what", "how", "why"],
    ),
    ("watch", &["the", "a", "an", "our", "this", "it", "video", "live", "now", "here", "full", "what", "how", "as"]),
    ("download", &["the", "our", "it", "this", "a", "an", "now", "here"]),
    ("share", &["it", "this", "your", "our", "them", "with"]),
    ("contact", &["us", "me", "him", "her", "them"]),
    ("email", &["us", "me", "him", "her", "them"]),
    ("join", &["us", "our"]),
    ("sign", &["up"]),
    ("continue", &["reading"]),
    ("view", &["all", "more", "photos", "gallery", "comments", "the", "our"]),
    ("add", &["a", "your"]),
];

/// True for a sentence's opening that is a call to the reader: a page's navigation and sign-off
/// ("Follow Jane Roe on Twitter", "Watch the video below", "Share your thoughts in the comments"),
/// which a claim table should not list as the outlet asserting something. `ws`: the words from the
/// sentence's first; `colon`: a colon follows the first word.
fn call_to_action(ws: &[&str], colon: bool) -> bool {
    let (Some(&first), second) = (ws.first(), ws.get(1).copied()) else { return false };
    READER_CALLS.contains(&first)
        || READER_OPENINGS.iter().any(|o| ws.starts_with(o)) && ws.get(2) != Some(&"than")
        || READER_CALLS_BEFORE
            .iter()
            .any(|(verb, next)| *verb == first && (colon || second.is_some_and(|w| next.contains(&w))))
}

/// True for a page's script or style left in its text (`google_ad_width = 468;`, `{ display: none; }`,
/// `(function(d, s, id) { ...`): braces or assignments, and code punctuation at least every 20th
/// character. Semicolon lists of names ("J Robinson (Sale, capt); M Cueto (Sale)") are not code.
fn looks_like_code(s: &str) -> bool {
    let strong = s.chars().filter(|c| matches!(c, '{' | '}' | '=')).count();
    let all = s.chars().filter(|c| matches!(c, '{' | '}' | '=' | ';' | '(' | ')')).count();
    strong >= 2 && all >= 4 && all * 20 >= s.chars().count()
        // a script's method calls between statements: `fjs.parentNode.insertBefore(js, fjs); }(document, ...`
        || s.contains("[CDATA[")
        || method_call(s) && s.contains([';', '}', '='])
}

/// True where a lower-case word is joined by a dot to a name and a parenthesis (`Math.floor(`,
/// `fjs.parentNode.insertBefore(`): how scripts call, never how prose writes.
fn method_call(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().filter(|&(_, &c)| c == b'.').any(|(i, _)| {
        let before = i.checked_sub(1).is_some_and(|j| b[j].is_ascii_lowercase() || b[j].is_ascii_digit());
        let name = b[i + 1..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
        before && name > 0 && b.get(i + 1 + name) == Some(&b'(') && b[i + 1].is_ascii_alphabetic()
    })
}

/// True for a line that gives an email address: a page's contact or sign-off line ("Contact Jane
/// Roe: jroe@example.com", "To report problems with this article, email ...", "With News Wire
/// Services jroe@example.com"), never a proposition of the story: a word character, `@`, and a
/// dotted domain.
fn gives_an_email(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().filter(|&(_, &c)| c == b'@').any(|(i, _)| {
        let user = i.checked_sub(1).is_some_and(|j| b[j].is_ascii_alphanumeric() || matches!(b[j], b'.' | b'_' | b'-'));
        let host: &[u8] = &b[i + 1..];
        let len = host.iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')).count();
        let host = &host[..len];
        let dot = host.iter().rposition(|&c| c == b'.');
        user && dot.is_some_and(|d| d > 0 && host.len() - d > 2)
    })
}

/// Auxiliaries and copulas: a run with one of them has a finite verb.
const AUXILIARIES: &[&str] = &["is", "was", "were", "are", "be", "has", "have", "had", "will", "would", "can", "could"];

/// True for a clause or phrase that states nothing as true: a condition ("If he loses the primary"),
/// a comparison ("As if addressing the crowd") or a phrase opened by "as" ("As for the
/// plan", "As part of the deal"). (A temporal or concessive clause, "As the images sent shock around
/// the world", "Although the economy grew", takes its content as true and stays a statement.)
fn not_asserted_clause(words: &[&str]) -> bool {
    match (words.first().copied(), words.get(1).copied()) {
        (Some("if" | "unless" | "whether"), _) => true,
        // "As a result murderers could get five years" has a main clause of its own
        (Some("as"), Some(w)) => {
            matches!(w, "for" | "if" | "though" | "well" | "part" | "a" | "an" | "far" | "long" | "recently" | "of")
                && !words.iter().any(|w| AUXILIARIES.contains(w))
        }
        (Some("because"), Some("of")) => true,
        _ => false,
    }
}

/// Words that follow a participle opening a phrase ("Speaking *to* reporters", "Giving *a* speech",
/// "Collecting *his* award"), where a noun in -ing opening a clause is followed by a noun or a verb
/// ("Boeing sacked", "Outstanding issues include", "Rising prices").
const AFTER_PARTICIPLE: &[&str] = &[
    "to", "on", "at", "in", "into", "from", "with", "for", "about", "after", "before", "over", "through", "against",
    "up", "out", "off", "back", "ahead", "down", "the", "a", "an", "his", "her", "their", "its", "our", "my", "this",
    "these", "those", "some", "other", "all", "both", "several", "each", "mr", "mrs", "ms", "dr",
];

/// True for a word that can be a participle: longer than four letters, in -ing.
fn ends_in_ing(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing")
}

/// Prepositions in -ing ("During the debate", "Following the vote").
const PREPOSITIONS_ING: &[&str] = &["during", "following", "regarding", "concerning", "including", "according"];

/// True for the words of a participle or prepositional phrase with no finite verb: "Speaking to
/// reporters on Monday", "Having fled the city", "During the debate".
fn participle_phrase(words: &[&str]) -> bool {
    let (Some(&head), second) = (words.first(), words.get(1).copied()) else { return false };
    let participle = ends_in_ing(head)
        && (matches!(head, "having" | "being") || second.is_some_and(|w| AFTER_PARTICIPLE.contains(&w)));
    (participle || PREPOSITIONS_ING.contains(&head)) && !words.iter().any(|w| AUXILIARIES.contains(w))
}

/// Words of a linking adverbial that opens a sentence before its comma ("In the meantime,",
/// "On the other hand,", "Meanwhile,").
const LINKING: &[&str] = &[
    "in",
    "the",
    "meantime",
    "meanwhile",
    "on",
    "other",
    "hand",
    "however",
    "moreover",
    "also",
    "earlier",
    "later",
    "addition",
    "at",
    "same",
    "time",
    "furthermore",
    "still",
    "then",
    "now",
    "separately",
    "additionally",
    "nevertheless",
    "nonetheless",
    "instead",
    "this",
    "week",
    "today",
    "yesterday",
    "first",
    "finally",
];

/// Number of tokens of a linking adverbial and its comma at the start of a run (0 if there is none).
fn opening_adverbial(toks: &[Token], run: &[usize]) -> usize {
    let Some(comma) = run.iter().take(6).position(|&i| toks[i].lower == ",") else { return 0 };
    let before = &run[..comma];
    let all_linking = before.iter().all(|&i| !toks[i].is_word() || LINKING.contains(&toks[i].lower.as_str()));
    if comma > 0 && all_linking {
        comma + 1
    } else {
        0
    }
}

/// True for a noun phrase with a relative clause ("Engineers who inspected the dam last year"): a
/// relative pronoun after the first word, and no auxiliary or copula before it (which would make the
/// words a clause of their own: "he was told that ...").
fn is_subject_phrase(words: &[&str]) -> bool {
    let Some(rel) = words.iter().skip(1).position(|w| matches!(*w, "who" | "which" | "that")) else { return false };
    !words[..rel + 1].iter().any(|w| AUXILIARIES.contains(w))
}

/// The voice's own statements: sentence parts no attribution covers, and hedged phrases inside
/// reported speech.
fn statements(
    text: &str,
    toks: &[Token],
    sents: &[Span],
    atts: &[Attribution],
    quotes: &[Span],
    scare: &[Span],
) -> Vec<Statement> {
    let mut out = Vec::new();
    // the attributions whose cue or content overlaps each sentence, found by binary search (a text
    // of many sentences and attributions costs their sum, not their product)
    let mut of_sentence: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
    for (k, a) in atts.iter().enumerate() {
        for span in [a.cue, a.content] {
            let first = sents.partition_point(|s| s.end <= span.start);
            for (j, sent) in sents.iter().enumerate().skip(first).take_while(|(_, s)| s.start < span.end) {
                if sent.overlaps(&span) && of_sentence[j].last() != Some(&k) {
                    of_sentence[j].push(k);
                }
            }
        }
    }
    let scare_set = SpanSet::new(scare.iter().copied());
    let quoted = SpanSet::new(quotes.iter().copied().filter(|q| !scare_set.contains(q)));
    for (sent, here) in sents.iter().zip(&of_sentence) {
        let here: Vec<&Attribution> = here.iter().map(|&k| &atts[k]).collect();
        let covered =
            SpanSet::new(here.iter().flat_map(|a| [Some(a.content), Some(a.cue), a.source].into_iter().flatten()));
        // after a cue, what no attribution covers is the addressee or an adverbial ("told reporters in
        // Velkor", "said during a briefing"), not a statement of the voice
        let after_cue = here.iter().filter(|a| sent.contains(&a.cue)).map(|a| a.cue.end).min();
        let sourceless_cues: Vec<Span> =
            here.iter().filter(|a| a.source.is_none() && sent.contains(&a.cue)).map(|a| a.cue).collect();
        // maximal runs of uncovered tokens in the sentence
        let r = tok_range(toks, *sent);
        let first_word = r.clone().find(|&i| toks[i].is_word());
        let mut run: Vec<usize> = Vec::new();
        // `cut`: the run ends where an attribution begins, which holds the sentence's main clause
        let mut flush = |run: &mut Vec<usize>, cut: bool| {
            // a relative pronoun whose clause an attribution holds belongs to that clause: "the
            // attack on the van, which | police say happened on a side street"
            if cut && run.last().is_some_and(|&i| matches!(toks[i].lower.as_str(), "which" | "who" | "whom")) {
                run.pop();
            }
            let ws = run_words(toks, run);
            let words = ws.len();
            // leftovers of a clause around an attribution ("which controls the river, has") are not statements
            let first = ws.first().copied().unwrap_or("");
            let last = ws.last().copied().unwrap_or("");
            // an opening linking adverbial ("In the meantime, ...", "On the other hand, ...") is set
            // aside for the checks below
            let lead = opening_adverbial(toks, run);
            let rest = &run[lead..];
            let rw = &ws[run[..lead].iter().filter(|&&i| toks[i].is_word()).count()..];
            let (head, second) = (rw.first().copied().unwrap_or(""), rw.get(1).copied());
            // with a comma and words after it, a main clause follows: "By winning Ohio, Kasich took 66 delegates"
            let main_clause_follows = rest.iter().enumerate().any(|(k, &i)| {
                matches!(toks[i].lower.as_str(), "," | "-" | "--" | "—" | "–")
                    && rest[k + 1..].iter().any(|&j| toks[j].is_word())
            });
            // a participle adverbial ("while highlighting the images", "after meeting him", "despite
            // the warnings"): no finite verb, so no proposition of its own; and, where an attribution
            // holds the main clause, a bare participle ("joining other countries") or a subordinate
            // clause ("As the images have sent a wave of shock") is only its setting
            let adverbial = (matches!(head, "while" | "when" | "after" | "before" | "since" | "by")
                && second.is_some_and(ends_in_ing)
                || matches!(head, "despite" | "amid")
                || cut && (participle_phrase(rw) || not_asserted_clause(rw))
                // a setting before the report that holds the main clause: "In a video posted on
                // Monday morning, | he said ..."
                || cut && matches!(head, "in" | "on" | "at" | "during" | "from" | "through" | "under"))
                && !main_clause_follows;
            let fragment = adverbial
                || matches!(first, "which" | "who" | "whom" | "that" | "and" | "but" | "or")
                || matches!(last, "has" | "have" | "had" | "is" | "was" | "were" | "are" | "to" | "the" | "a" | "and");
            // "Follow her on Twitter", "Share your thoughts below": the page speaking to its reader
            let opening = run.iter().position(|&i| toks[i].is_word());
            let colon = opening.and_then(|k| run.get(k + 1)).is_some_and(|&i| toks[i].lower == ":");
            let to_the_reader =
                opening.map(|k| run[k]) == first_word && first_word.is_some() && call_to_action(&ws, colon);
            if words >= 5 && !fragment && !to_the_reader {
                let span = toks[run[0]]
                    .span
                    .cover(&toks[*run.last().unwrap()].span)
                    .trim(text, &[',', '.', ';', ':', '—', '-']);
                let said = span.slice(text);
                if !said.ends_with('?') && !looks_like_code(said) && !gives_an_email(said) {
                    let mut markers = voice_markers(toks, run[0]..run[run.len() - 1] + 1, quotes);
                    markers.extend(
                        scare
                            .iter()
                            .filter(|q| span.contains(q))
                            .map(|q| Marker { kind: MarkerKind::ScareQuotes, span: *q }),
                    );
                    markers.sort_by_key(|m| m.span.start);
                    let stance = match stance_of(&markers, false) {
                        Stance::Reported => Stance::Asserted,
                        s => s,
                    };
                    out.push(Statement { span, stance, markers });
                }
            }
            run.clear();
        };
        for i in r {
            let t = &toks[i];
            if t.kind == TokKind::Markup {
                continue;
            }
            if sourceless_cues.iter().any(|c| c.start == t.span.start) && is_subject_phrase(&run_words(toks, &run)) {
                // the words right before a cue whose source the attribution stage left out are its
                // subject ("Engineers who inspected the dam last year had warned that ..."), not a
                // statement of the voice
                run.clear();
            } else if covered.overlaps(&t.span)
                || quoted.overlaps(&t.span)
                || after_cue.is_some_and(|e| t.span.start >= e) && run.is_empty()
            {
                let cut = !run.is_empty();
                flush(&mut run, cut);
            } else {
                run.push(i);
            }
        }
        flush(&mut run, false);
    }
    // hedged phrases, in reported speech and in the voice's own sentences (never in direct quotes):
    // "the alleged atrocities" is a proposition the outlet keeps at arm's length
    let direct = SpanSet::new(
        atts.iter().filter(|a| a.kind == AttributionKind::Direct).map(|a| a.content).chain(quotes.iter().copied()),
    );
    for r in sents.iter().map(|s| tok_range(toks, *s)) {
        for i in r.clone() {
            let t = &toks[i];
            if !HEDGES.contains(&t.lower.as_str()) || direct.contains(&t.span) || negated(toks, i).is_some() {
                continue;
            }
            // the hedge and the phrase it modifies, up to a clause boundary
            let mut e = i + 1;
            while e < r.end
                && e < i + 9
                && toks[e].is_word()
                && !matches!(
                    toks[e].lower.as_str(),
                    "and" | "to" | "that" | "which" | "who" | "by" | "as" | "was" | "were" | "is" | "are"
                )
            {
                e += 1;
            }
            if e > i + 1 {
                let span = t.span.cover(&toks[e - 1].span);
                out.push(Statement {
                    span,
                    stance: Stance::Distanced,
                    markers: vec![Marker { kind: MarkerKind::Hedge, span: t.span }],
                });
            }
        }
    }
    out.sort_by_key(|s| s.span.start);
    out
}

#[cfg(test)]
mod tests;
