//! Across articles: which articles tell the same [`Story`], which of them are copies of one origin,
//! which statements make the same [`Claim`], and which claims contradict each other.
//!
//! * **Stories**: articles are linked when their named entities and content words (TF-IDF, cosine)
//!   overlap enough; stories are the connected components.
//! * **Origins**: near-copies (word 5-gram shingle Jaccard, estimated by MinHash + LSH in
//!   `corroborate-dedup`) within a story form one origin,
//!   earliest first.
//! * **Claims**: every attribution and own-voice statement is a *unit* with features: content-word
//!   stems, concepts (synonyms such as "executed" / "killings" / "atrocities" share one), and canonical
//!   entities, and a sentence vector (static embeddings of `corroborate-embed`) so that paraphrases
//!   with no word in common still meet; and a polarity: it *affirms* its proposition, or *disputes* it (staged, faked, false
//!   flag, denied, rejected, a negation near the concept; a fabrication refuted, "the idea that it was
//!   staged is false", affirms). Units of one polarity are grouped by
//!   average-linkage clustering; an affirming and a disputing claim about the same thing contradict,
//!   if someone affirms: the outlet's own doubts alone ("the so-called disaster") affirm nothing, and
//!   move to the affirmed claim they doubt, which then contradicts the dispute. A contradiction also
//!   needs an affirming and a disputing unit with two content features in common (`MIN_COMMON`), and
//!   another voice on each side, both in one pair of units (`sides_meet`). Refusals are not
//!   disputes ("rejected the offer", "denied bail"), nor is withholding ("denied Garland a hearing");
//!   "rejected" and "dismissed" dispute only what names a claim ("the allegations", "that ...",
//!   "as baseless"), not a plan or a person.
//! * **Opposite states**: two voices that put one thing in opposite states ("the sprinklers were
//!   working" / "had been switched off"; `OPPOSITE_STATES` in the lexicon; "the sirens never
//!   sounded" / "had worked") make two claims that contradict.
//! * **Blame**: an accusation ("accused Belmark of the attack") is a claim of its own; a denial of
//!   involvement ("had nothing to do with it", "rejects blame for") contradicts only claims naming
//!   the denier or what it stands for (the Kremlin, Russia, Moscow), and a topic that only denies
//!   joins the accusation it answers. A content that only points back ("the accusation", "the charge")
//!   is about the nearest accusation or claim before it in its article.
//! * **Outlet stance** on a claim: the outlet's own voice decides. A hedge, scare quotes or a
//!   refutation applied by the outlet to the claim make it *distanced* / *refuted* even where the
//!   outlet also reports others asserting it; otherwise a statement in its own voice makes it
//!   *asserted*; otherwise it *reports* it (or distances itself only through "claimed" cues).
//!
//! Pure; comparisons are of a handful to a few thousand articles (the pairwise steps are inside one
//! story and capped).

mod counts;
pub mod credits;
mod dates;
mod lexicon;
#[cfg(test)]
mod tests;

use corroborate_model::{
    AnalyzedArticle, Attribution, AttributionKind, Claim, ClaimNarrative, ClaimRelation, CountConflict, CountSide,
    EntityType, EvidenceRef, MarkerKind, OutletStance, Relation, Span, Stance, Story, WireCredit,
};
use dates::day_number;
pub use dates::{settle_dates, settle_in_range, SETTLE_DAYS};
use lexicon::*;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};

/// The flag of the functions without one: never set (also the engine's).
pub static NEVER: AtomicBool = AtomicBool::new(false);

/// True once the caller has asked the work to stop (see [`stories_of_cancellable`]).
pub fn cancelled(cancel: &AtomicBool) -> bool {
    cancel.load(Ordering::Relaxed)
}

/// Average cosine above which groups of articles are one story: in [`stories`] (average linkage over
/// a run) and in a persistent corpus (`corroborate-store`, as articles arrive). On the 1,683 FNC-1 bodies through `compare`, B-cubed F1: 0.834 at 0.10, 0.864 at 0.12,
/// 0.883 at 0.14, 0.901 at 0.16, 0.911 at 0.18, 0.915 at 0.22 (where the shipped examples' story
/// splits); 0.16 keeps a margin below that.
pub const STORY_AVERAGE_LINK: f32 = 0.16;
/// Most articles of a run grouped into stories exactly (memory n² floats: 64 MB at 4,000); the
/// articles beyond join the stories so found (by average word cosine, no shared name required), or
/// start their own, in one linear pass.
pub const MAX_STORY_ARTICLES: usize = 4000;
/// Shingle Jaccard above which two articles are copies of one origin.
pub const COPY_LINK: f32 = 0.5;
/// Average-linkage cosine above which units are one claim.
pub const CLAIM_LINK: f32 = 0.15;
/// Most units of a story clustered exactly (memory n² floats: 36 MB at 3,000); the units beyond join
/// the topics so found, or start their own, in one linear pass (see [`cluster`]).
pub const MAX_UNITS: usize = 3000;
/// Most attributions and statements of one article read as claim units, the first in text order;
/// the others stay in the article's analysis but in no claim, and [`note_unit_caps`] says so on the
/// article. News articles are far below it (the 2,000-article corpus's most is 319, in its longest
/// article, 34 KB); one long text of short sentences (a 4 MB text holds over 100,000) made the
/// claims' pairwise passes (topics past [`MAX_UNITS`], doubts, denials, the sides of a
/// contradiction) grow with the square of the text.
pub const MAX_ARTICLE_UNITS: usize = 3000;
/// Sentence-vector cosine (static table of `corroborate-embed`) from which two units count as
/// paraphrases even without shared words; unrelated news sentences score about 0.1-0.35 on it,
/// paraphrases 0.55-0.8.
pub const PARAPHRASE_FLOOR: f32 = 0.45;
/// The share of the word cosine that counts when all two units share is one broad feature (a
/// concept of many words or a speaker): "people" in "About 300 people left their homes" and "Our
/// people did an outstanding job" is no proposition in common.
pub const LONE_BROAD_SHARE: f32 = 0.0;
/// Weight of the paraphrase similarity above the floor, added to the word cosine.
pub const PARAPHRASE_WEIGHT: f32 = 1.0;

/// The bundled static sentence embeddings, loaded once (none if the table cannot be read).
fn embeddings() -> Option<&'static corroborate_embed::StaticEmbeddings> {
    static TABLE: std::sync::OnceLock<Option<corroborate_embed::StaticEmbeddings>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| corroborate_embed::StaticEmbeddings::bundled().ok()).as_ref()
}

/// The part of a sentence-vector cosine `e` above [`PARAPHRASE_FLOOR`], weighted.
fn paraphrase(e: f32) -> f32 {
    PARAPHRASE_WEIGHT * ((e - PARAPHRASE_FLOOR) / (1.0 - PARAPHRASE_FLOOR)).max(0.0)
}

/// Dot product in eight independent sums, which the compiler turns into vector instructions.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// Feature vectors. A fixed hasher keeps iteration, and so floating-point sums, in the same order on
/// every run: the same input must give the same report.
type Fixed = std::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>;
type Vector = HashMap<String, f32, Fixed>;

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut ws: Vec<String> = raw_words(text).map(word).collect();
    for i in 0..ws.len() {
        if ws[i] == "no" && modifier_no(&ws, i) {
            ws[i] = "no-".to_string();
        }
    }
    ws.into_iter()
}

/// True when the "no" at `i` names a kind of thing rather than denying it: "a no vote", "a strict
/// | no | food or drinks policy" (an article just before it or two words before, and within four
/// words a noun such a "no" makes: policy, zone, vote ...); not "an issue | no | voter cares
/// about", where the "no" denies.
fn modifier_no(ws: &[String], i: usize) -> bool {
    let article = |k: usize| matches!(ws[k].as_str(), "a" | "an" | "the");
    (i >= 1 && article(i - 1) || i >= 2 && article(i - 2) && !NEGATION.contains(&ws[i - 1].as_str()))
        && ws[i + 1..(i + 5).min(ws.len())].iter().any(|w| NO_KINDS.contains(&w.as_str()))
}

/// Nouns that a "no" before them makes a kind of: "a no-strike deal", "a no food policy".
const NO_KINDS: &[&str] = &[
    "ban", "bid", "camp", "campaign", "clause", "deal", "go", "list", "motion", "order", "pact", "policy", "rule",
    "rules", "side", "vote", "votes", "zone",
];

/// The words of a text as written.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !word_char(c)).filter(|w| !w.is_empty())
}

/// True when `c` belongs to a word: letters, digits, hyphens and apostrophes, straight or curly
/// ("isn’t" is one word, as "isn't" is).
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}

/// A word as [`words`] gives it: lowercased, curly apostrophes made straight, without a possessive
/// "'s" or the quotation marks around it ("'staged'" is "staged").
fn word(w: &str) -> String {
    w.to_lowercase().replace('’', "'").trim_end_matches("'s").trim_matches('\'').to_string()
}

struct Featurizer {
    stemmer: Stemmer,
}

impl Featurizer {
    fn new() -> Self {
        Featurizer { stemmer: Stemmer::create(Algorithm::English) }
    }
    /// Content-word stems, without stopwords, polarity words or numbers.
    fn stems(&self, text: &str) -> Vec<String> {
        words(text)
            .filter(|w| w.len() > 2 && !STOPWORDS.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
            .map(|w| self.stemmer.stem(&w).into_owned())
            .collect()
    }

    /// Content features of a piece of text: concepts or stems, without stopwords and polarity words.
    fn features(&self, text: &str) -> Vec<String> {
        words(text).filter_map(|w| self.feature(&w)).collect()
    }

    /// The content feature of a lowercased word: its concept or its stem (none for stopwords, numbers,
    /// and the words of negation, denial and fabrication).
    fn feature(&self, w: &str) -> Option<String> {
        let content = w.len() > 2
            && !STOPWORDS.contains(&w)
            && !FABRICATION.contains(&w)
            && !NEGATION.contains(&w)
            && !DENIAL.contains(&w)
            && !w.chars().all(|c| c.is_ascii_digit());
        content.then(|| match concept(w) {
            Some(c) => c.to_string(),
            None => self.stemmer.stem(w).into_owned(),
        })
    }

    /// The features of the words written in lower case: what the text says rather than whom it
    /// names ("climate change", not "Clinton").
    fn lowercase_features(&self, text: &str) -> HashSet<String> {
        raw_words(text)
            .filter(|r| r.starts_with(|c: char| c.is_lowercase()))
            .filter_map(|r| self.feature(&word(r)))
            .collect()
    }

    /// The features of what an affirming text (its words `about`, its own words `text`) states:
    /// not the words that only name a claim ([`POINTERS`]: "some families claim" states none), nor what it negates.
    fn affirmed_features(&self, about: &str, text: &str) -> HashSet<String> {
        let negated = self.negated_features(text);
        let ws: Vec<String> = words(about).collect();
        let charged = charged_words(&ws);
        ws.iter()
            .enumerate()
            .filter(|(i, w)| !POINTERS.contains(&w.as_str()) && !charged[*i])
            .filter_map(|(_, w)| self.feature(w))
            .filter(|f| !negated.contains(f))
            .collect()
    }

    /// The features of the words a negation governs (the four after it, and the predicate of a
    /// subject "none of ...", [`none_of_predicate`]): what the text says is not so ("her son did not commit the child abuse" does not state child abuse). Not after "not
    /// only", which affirms.
    fn negated_features(&self, text: &str) -> HashSet<String> {
        let ws: Vec<String> = words(text).collect();
        let governed = (0..ws.len())
            .filter(|&p| negation(&ws[p]) && ws.get(p + 1).is_none_or(|n| n != "only"))
            .flat_map(|p| ws[p + 1..(p + 5).min(ws.len())].iter());
        // "none of the tank cars involved in the derailment had | leaked": its predicate too
        let predicates = (0..ws.len()).filter_map(|p| none_of_predicate(&ws, p)).map(|q| &ws[q]);
        governed.chain(predicates).filter_map(|w| self.feature(w)).collect()
    }

    /// True when the text states predicate `w` of `o` as a phrase: `w`'s word with `o`'s among the
    /// three after it ("overwhelmingly | qualified | to be | president"), of `subject` (one of its
    /// features, or a pronoun that may stand for it, among the five words before; any subject if
    /// none), and plainly: nothing in it negated, refused, avoided or in doubt ("will refuse to
    /// answer any questions" does not state that he will answer them). A third-person subject
    /// pronoun ("he", "it's") may stand for anyone; "I" and "we" stand for the text's `speaker` (its
    /// name's features; none for the outlet's own voice), so Pence's "I strongly support Paul Ryan"
    /// does not state that Trump supports him. A possessive ("their report answered all the
    /// questions", "her supporters") names no subject.
    fn states(&self, text: &str, w: &str, o: &str, subject: &[String], speaker: &[String]) -> bool {
        let ws: Vec<String> = words(text).collect();
        if ws.iter().any(|x| negation(x) || NOT_PLAINLY.contains(&x.as_str())) {
            return false;
        }
        let fs: Vec<Option<String>> = ws.iter().map(|x| self.feature(x)).collect();
        let speaker_is_subject = speaker.iter().any(|x| subject.contains(x));
        let stands_for_subject = |x: &str| {
            // "he's", "we’re": the pronoun before the apostrophe
            let p = x.split(['\'', '’']).next().unwrap_or(x);
            SUBJECT_PRONOUNS.contains(&p) || speaker_is_subject && FIRST_PERSON.contains(&p)
        };
        // (what should or must be done is not said to be: "said Mr. Trump should release his tax
        // returns" does not state that he releases them)
        let obliged = |i: usize| ws[i.saturating_sub(2)..i].iter().any(|x| OBLIGATION.contains(&x.as_str()));
        (0..ws.len()).any(|i| {
            let before = i.saturating_sub(SUBJECT_WORDS)..i;
            // (or among the seven after a conjunction: "fired | tear gas and rubber bullets")
            let reach = if ws[i + 1..(i + 4).min(ws.len())].iter().any(|x| x == "and" || x == "or") { 8 } else { 4 };
            fs[i].as_deref() == Some(w)
                && !obliged(i)
                && fs[i + 1..(i + reach).min(ws.len())].iter().any(|x| x.as_deref() == Some(o))
                // of the same subject: one of its words just before, or a pronoun that may stand for it
                && (subject.is_empty()
                    || fs[before.clone()].iter().flatten().any(|x| subject.contains(x))
                    || ws[before].iter().any(|x| stands_for_subject(x)))
        })
    }

    /// The features of what a disputing text disputes: after the "that" of a claim it names ("Bernie
    /// Sanders' accusations that | the Clinton campaign is violating election law"; "denied | that
    /// ...") or the "against", "about", "of", "over" right after its noun ("dismisses Sanders'
    /// accusations against | Clinton's fundraising"), else all of it; never the words that only name a claim ("Clinton's claim" says nothing claimed).
    ///
    /// And the features of its core: those before the first word that opens a clause or circumstance of its own ("his shadow
    /// cabinet was split | over its decision to back ID cards": what is denied is the split, not the
    /// decision). The core is all of it when nothing opens such a clause after its first two
    /// features.
    ///
    /// And what it disputes that is itself negative: `None` when nothing is; else the features of
    /// the positive forms of its "un-" words ("rejects a suggestion that Ebbers was unaware of the
    /// fraud": aware), empty for a plain negation ("denied that he had not paid").
    fn disputed_parts(&self, text: &str) -> (HashSet<String>, HashSet<String>, Option<HashSet<String>>) {
        let ws: Vec<String> = words(text).collect();
        // "accusations that | ...", and "accusations against | Clinton's fundraising": what a claim
        // it names says, not who makes it ("Sanders'")
        let that = ws.iter().enumerate().position(|(t, w)| {
            w == "that" && (t == 0 || ws[t.saturating_sub(3)..t].iter().any(|n| CLAIM_NOUNS.contains(&n.as_str())))
                || matches!(w.as_str(), "against" | "about" | "of" | "over")
                    && t > 0
                    && CLAIM_NOUNS.contains(&ws[t - 1].as_str())
        });
        let features = |from: usize, to: usize| -> HashSet<String> {
            ws[from..to].iter().filter(|w| !POINTERS.contains(&w.as_str())).filter_map(|w| self.feature(w)).collect()
        };
        // of two clauses joined by "and that", the one that negates: "no rubber bullets had been
        // fired | and that claims of dozens of injured protesters were exaggerated"
        let second = (1..ws.len()).find(|&k| ws[k] == "that" && ws[k - 1] == "and");
        if let Some(k) = second.filter(|&k| that.is_some_and(|t| t > k) && ws[..k - 1].iter().any(|w| negation(w))) {
            let all = features(0, k - 1);
            return (all.clone(), all, Some(HashSet::new()));
        }
        let mut from = that.map_or(0, |t| t + 1);
        let mut all = None;
        if that.is_none() {
            // a denial in the text itself ("An artist critical of arts funding under assembly
            // control has denied comparing the idea with dictatorships") disputes what follows it,
            // where something does ("the claims were denied by the ministry": all of it)
            if let Some(d) = (0..ws.len()).find(|&i| denial_at(&ws, i)) {
                let after = features(d + 1, ws.len());
                // (and what only names a claim after a denier: "Kurdish sources | denying | the
                // claims" disputes nothing of the sources)
                if after.len() >= MIN_COMMON || d > 0 && ws[..d].iter().all(|w| self.feature(w).is_some()) {
                    from = d + 1;
                    all = Some(after);
                }
            } else if let Some((i, n)) = unsupported_claims(&ws) {
                // "offering no evidence for | their so-called cyberattack claims": the claims
                let after = features(i + n, ws.len());
                if !after.is_empty() {
                    from = i + n;
                    all = Some(after);
                }
            }
        }
        let all = all.unwrap_or_else(|| features(from, ws.len()));
        let mut seen = 0;
        let core_end = (from..ws.len())
            .find(|&i| {
                let opens = seen >= MIN_COMMON && CLAUSE_OPENERS.contains(&ws[i].as_str());
                seen += usize::from(self.feature(&ws[i]).is_some());
                opens
            })
            .unwrap_or(ws.len());
        let negative = ws[from..].iter().any(|w| negation(w)).then(HashSet::new).or_else(|| {
            let positives: HashSet<String> = ws[from..]
                .iter()
                .filter_map(|w| w.strip_prefix("un").filter(|rest| rest.len() > 3))
                .filter_map(|rest| self.feature(rest))
                .collect();
            (!positives.is_empty()).then_some(positives)
        });
        (all, features(from, core_end), negative)
    }

    /// The predicate of the clause a disputing text opens with "that" (at its start or after a
    /// claim noun): the first word after the auxiliaries that end its subject ("denied | that any
    /// tank car | had been | breached": breach), as a feature. What states it must state that
    /// predicate: "Every tank car is intact" does not say a car was breached. `None` where no such
    /// clause or auxiliary is found, or the word after the auxiliaries is no content word; both
    /// words of a pair ("had been | injured or killed"). Without an auxiliary, the past tense of an
    /// event ("that the singer | died | in a crash").
    fn disputed_predicate(&self, text: &str) -> Option<Vec<String>> {
        let ws: Vec<String> = words(text).collect();
        let that = ws.iter().enumerate().position(|(t, w)| {
            w == "that" && (t == 0 || ws[t.saturating_sub(3)..t].iter().any(|n| CLAIM_NOUNS.contains(&n.as_str())))
        })?;
        let aux = |w: &str| auxiliary(w) || w == "do";
        let window = || {
            (that + 2..(that + 2 + PREDICATE_SUBJECT_WORDS).min(ws.len()))
                .take_while(|&q| !CLAUSE_OPENERS.contains(&ws[q].as_str()))
        };
        let Some(q) = window().find(|&q| aux(&ws[q])) else {
            // no auxiliary: a past tense of an event is the predicate ("that the singer Ana Brel |
            // died | in a car crash", "that troops | killed | civilians")
            let event = |w: &str| {
                (w.ends_with("ed") || w == "died")
                    && concept(w)
                        .is_some_and(|c| matches!(c, "KILL" | "ATTACK" | "POISON" | "EXPLODE" | "DESTROY" | "FLOOD"))
            };
            return window().find(|&q| event(&ws[q])).and_then(|q| self.feature(&ws[q])).map(|p| vec![p]);
        };
        let r = (q..ws.len()).find(|&r| !aux(&ws[r]) && !is_ly(&ws[r]))?;
        // "is | coming", "was | going to": a light verb names no predicate of its own
        if LIGHT_VERBS.contains(&ws[r].as_str()) {
            return None;
        }
        let mut predicate: Vec<String> =
            (!negation(&ws[r])).then(|| self.feature(&ws[r])).flatten().into_iter().collect();
        // "had been | injured or killed": either
        if !predicate.is_empty() && ws.get(r + 1).is_some_and(|w| w == "or" || w == "and") {
            predicate.extend(ws.get(r + 2).and_then(|w| self.feature(w)));
        }
        (!predicate.is_empty()).then_some(predicate)
    }

    /// The features of what claims said to lack evidence claim: "offering no evidence for their
    /// so-called | cyberattack | claims" (the words between the phrase and the claim noun; `None`
    /// where there are none, "no evidence for the claims").
    fn unsupported_thing(&self, text: &str) -> Option<HashSet<String>> {
        let ws: Vec<String> = words(text).collect();
        let (i, n) = unsupported_claims(&ws)?;
        let end = (i + n..ws.len()).find(|&k| CLAIM_NOUNS.contains(&ws[k].as_str()))?;
        let thing: HashSet<String> = ws[i + n..end]
            .iter()
            .filter(|w| !POINTERS.contains(&w.as_str()) && !w.starts_with("so-called"))
            .filter_map(|w| self.feature(w))
            .collect();
        (!thing.is_empty()).then_some(thing)
    }

    /// The features of the thing a text says was made up: the subject a fabrication is said of
    /// ("the so-called outbreak | was staged", "the footage | is fake", "the blast had been a
    /// set-up"), or the object of one done ("Kyiv staged | the killings", "doctored | photos").
    /// `None` when that thing is only a pronoun or names a claim ("this was staged", "the claims
    /// are fake"), and when the text denies or refutes the fabrication rather than asserting it
    /// ("denied that the footage was faked", "the idea that the outbreak was staged is false").
    fn fabricated_subject(&self, text: &str) -> Option<HashSet<String>> {
        let ws: Vec<String> = words(text).collect();
        let i = (0..ws.len()).find(|&i| fabrication_at(&ws, i))?;
        if (0..i).any(|k| negation(&ws[k]) || denial_at(&ws, k))
            || ws[i + 1..].iter().any(|w| FALSITY.contains(&w.as_str()) || negation(w))
        {
            return None;
        }
        // back over the verb to its subject: "had been", "was a", "is entirely"
        let mut j = i;
        let mut predicated = false;
        while j > 0 && (be_form(&ws[j - 1]) || FABRICATION_VERB_FILLERS.contains(&ws[j - 1].as_str())) {
            predicated |= be_form(&ws[j - 1]);
            j -= 1;
        }
        // (not "Ukraine is staging | civilian killings": the subject of an active verb makes it up)
        let active = ws[i].ends_with("ing") || matches!(ws[i].as_str(), "stage" | "stages" | "fabricate");
        let thing: Vec<&String> = if predicated && !active {
            // up to four words before the verb, back to a word that opens a clause ("claims that |
            // the outbreak | had been staged")
            let from = (j.saturating_sub(4)..j)
                .rev()
                .take_while(|&k| !SUBJECT_BOUNDARIES.contains(&ws[k].as_str()))
                .last()
                .unwrap_or(j);
            ws[from..j].iter().collect()
        } else {
            // or the thing made, past determiners and hedges: "doctored | photos", "the staged |
            // killings", "had staged more alleged | killings of civilians", "a hoax | video"; of
            // evidence, deaths, a blast or a poisoning ("staging attacks" may be carrying them out,
            // "fabricated attacks" made-up criticisms, "a hoax website" a site of hoaxes)
            let evidence = |w: &str| {
                MEDIA.contains(&w) || concept(w).is_some_and(|c| matches!(c, "KILL" | "MEDIA" | "EXPLODE" | "POISON"))
            };
            let made: Vec<&String> = ws[i + 1..]
                .iter()
                .skip_while(|w| DETERMINERS.contains(&w.as_str()) || HEDGES.contains(&w.as_str()))
                .take(2)
                .take_while(|w| !STOPWORDS.contains(&w.as_str()))
                .collect();
            if !made.iter().any(|w| evidence(w)) {
                return None;
            }
            made
        };
        // (a pointer or a claim names no thing made up: "this", "the claims", "fabricated rumours")
        if thing
            .iter()
            .any(|w| POINTERS.contains(&w.as_str()) || TOLD.contains(&w.as_str()) || CLAIM_NOUNS.contains(&w.as_str()))
        {
            return None;
        }
        let out: HashSet<String> = thing
            .iter()
            .filter(|w| !HEDGES.contains(&w.as_str()) && !FABRICATION.contains(&w.as_str()))
            .filter_map(|w| self.feature(w))
            .collect();
        (!out.is_empty()).then_some(out)
    }
}

/// Words between a subject and a fabrication said of it, beside the forms of "be": "had been
/// staged", "was a hoax", "is entirely fake".
const FABRICATION_VERB_FILLERS: &[&str] = &[
    "had",
    "has",
    "have",
    "a",
    "an",
    "all",
    "entirely",
    "completely",
    "totally",
    "simply",
    "just",
    "clearly",
    "merely",
    "falsely",
    "deliberately",
];

/// Words that open a noun phrase: "the staged killings", "staged more killings".
const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "more", "another", "new", "further"];

/// Words a subject does not reach back over: what opens its clause ("claims that | the outbreak
/// was staged"), a verb of saying before it.
const SUBJECT_BOUNDARIES: &[&str] =
    &["that", "and", "but", "or", "because", "said", "says", "claimed", "claims", "insisted", "which", "who", "if"];

/// Modifiers by which a voice keeps its distance from what they modify ("the so-called outbreak"):
/// no part of the thing named.
const HEDGES: &[&str] = &["alleged", "ostensible", "purported", "reputed", "so-called", "supposed"];

/// Words that open a clause or a circumstance of its own after what a denial is about.
const CLAUSE_OPENERS: &[&str] =
    &["over", "because", "after", "before", "which", "who", "when", "while", "since", "despite", "amid", "following"];

/// Which words only name what a charge or an allegation says: the (up to three) words before
/// "charges" ("faced blackmail and robbery charges") and the (up to five) after "charges of" /
/// "allegations that" ("granted bail on charges of robbery and blackmail"). Reporting a charge does
/// not state what it charges.
fn charged_words(ws: &[String]) -> Vec<bool> {
    let mut out = vec![false; ws.len()];
    for (i, w) in ws.iter().enumerate() {
        if !matches!(w.as_str(), "charge" | "charges" | "allegation" | "allegations" | "accusation" | "accusations") {
            continue;
        }
        for o in &mut out[i.saturating_sub(3)..i] {
            *o = true;
        }
        if ws.get(i + 1).is_some_and(|n| matches!(n.as_str(), "of" | "that")) {
            for o in &mut out[i + 1..(i + 7).min(ws.len())] {
                *o = true;
            }
        }
    }
    out
}

/// True when `w` negates what follows it: "not", "never", "didn't"; not "one" or "without"
/// ("without killing off demand" disputes nothing).
fn negation(w: &str) -> bool {
    (NEGATION.contains(&w) && w != "one" && w != "without") || w.ends_with("n't") || w == "cannot"
}

fn tfidf(docs: &[Vec<String>]) -> Vec<Vector> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for d in docs {
        let set: HashSet<&str> = d.iter().map(String::as_str).collect();
        for w in set {
            *df.entry(w).or_default() += 1;
        }
    }
    let n = docs.len() as f32;
    docs.iter()
        .map(|d| {
            let mut v: Vector = Vector::default();
            for w in d {
                *v.entry(w.clone()).or_default() += 1.0;
            }
            for (w, x) in v.iter_mut() {
                let idf = ((1.0 + n) / (1.0 + df[w.as_str()] as f32)).ln() + 1.0;
                // concepts carry the proposition: weigh them double
                *x = term_weight(w, *x) * idf;
            }
            v
        })
        .collect()
}

/// Groups articles into stories; returns each article's story index and the stories with claims.
pub fn stories(articles: &[AnalyzedArticle]) -> (Vec<usize>, Vec<Story>) {
    stories_of(articles, story_groups(articles))
}

/// The articles of each story (indices into `articles`, each group and the groups in order); failed
/// inputs are in none.
pub fn story_groups(articles: &[AnalyzedArticle]) -> Vec<Vec<usize>> {
    story_groups_cancellable(articles, &NEVER).expect("never cancelled")
}

/// [`story_groups`], stopping early with `None` once `cancel` is set (checked inside the
/// clustering, whose cost grows with the square of the articles).
pub fn story_groups_cancellable(articles: &[AnalyzedArticle], cancel: &AtomicBool) -> Option<Vec<Vec<usize>>> {
    let f = Featurizer::new();
    let docs: Vec<Vec<String>> = articles.iter().map(|a| features_with(&f, a)).collect();
    let vecs = sparse_unit_vectors(&tfidf(&docs));
    // two articles on one event name something in common: a person, a body or a place. Shared wording
    // alone is not enough ("false flag", "said during a briefing" recur across unrelated events).
    // (each name as a number, each article's names sorted: the test below runs for every pair of
    // articles, so it is a merge of two short lists, not string hashing)
    let mut ids: HashMap<String, u32> = HashMap::new();
    let names: Vec<Vec<u32>> = articles
        .iter()
        .map(|a| {
            let mut v: Vec<u32> = a
                .analysis
                .entities
                .iter()
                .filter(|e| matches!(e.kind, EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Loc))
                .map(|e| {
                    let next = ids.len() as u32;
                    *ids.entry(e.canonical.to_lowercase()).or_insert(next)
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    // average linkage, not connected components: a chain of pairwise links (A-B on one name and
    // some words, B-C on another) made one story of 1,305 of the 1,683 FNC-1 bodies
    let live: Vec<usize> = (0..articles.len()).filter(|&i| !articles[i].article.failed()).collect();
    let sim = |i: usize, j: usize| if disjoint(&names[i], &names[j]) { 0.0 } else { sparse_dot(&vecs[i], &vecs[j]) };
    let mut groups = cluster_capped(&vecs, &[], &live, STORY_AVERAGE_LINK, MAX_STORY_ARTICLES, sim, cancel);
    if cancelled(cancel) {
        return None;
    }
    groups.iter_mut().for_each(|g| g.sort_unstable());
    groups.sort_unstable();
    Some(groups)
}

/// The stories of `groups` (as [`story_groups`] gives them): each article's story index
/// (`usize::MAX` for failed inputs) and the stories with their origins and claims.
pub fn stories_of(articles: &[AnalyzedArticle], groups: Vec<Vec<usize>>) -> (Vec<usize>, Vec<Story>) {
    stories_of_cancellable(articles, groups, &NEVER).expect("never cancelled")
}

/// [`stories_of`], stopping early with `None` once `cancel` is set: a caller with a time limit (the
/// server) sets it from another thread when the answer is no longer wanted. It is checked between
/// stories and between the stages of a story's claims, and inside their clustering (a story of
/// thousands of statements takes minutes), so the work ends soon after it is set.
pub fn stories_of_cancellable(
    articles: &[AnalyzedArticle],
    groups: Vec<Vec<usize>>,
    cancel: &AtomicBool,
) -> Option<(Vec<usize>, Vec<Story>)> {
    let f = Featurizer::new();
    let mut story_of = vec![usize::MAX; articles.len()];
    let mut out = Vec::new();
    for (sid, g) in groups.into_iter().enumerate() {
        if cancelled(cancel) {
            return None;
        }
        for &i in &g {
            story_of[i] = sid;
        }
        out.push(story_with(&f, articles, sid, g, cancel));
    }
    (!cancelled(cancel)).then_some((story_of, out))
}

/// One story made of the articles `group` (indices into `articles`), already known to belong
/// together (a persistent corpus groups them incrementally): its origins, claims and label.
pub fn story(articles: &[AnalyzedArticle], id: usize, group: Vec<usize>) -> Story {
    story_with(&Featurizer::new(), articles, id, group, &NEVER)
}

/// One story; when `cancel` is set meanwhile, what it holds is incomplete (the caller drops it).
fn story_with(f: &Featurizer, articles: &[AnalyzedArticle], id: usize, g: Vec<usize>, cancel: &AtomicBool) -> Story {
    let (origins, credits) = origins_and_credits(articles, &g);
    let (claims, (count_conflicts, more_count_conflicts)) = claims(f, articles, &g, cancel);
    let label = story_label(articles, &g);
    Story { id, articles: g, origins, claims, label, count_conflicts, more_count_conflicts, credits }
}

/// The features stories are grouped by: content stems and concepts, and each entity's canonical name
/// three times. Public so that a persistent corpus (`corroborate-store`) can assign articles to
/// stories incrementally with the same similarity.
pub fn story_features(article: &AnalyzedArticle) -> Vec<String> {
    features_with(&Featurizer::new(), article)
}

/// Weight of a term in a story vector, given its count in the article: sublinear tf, with concepts
/// (upper-case features) counted double, as in [`stories`]. Multiply by the term's idf.
pub fn term_weight(term: &str, count: f32) -> f32 {
    let boost = if term.bytes().all(|b| b.is_ascii_uppercase()) { 2.0 } else { 1.0 };
    (1.0 + count.ln()) * boost
}

fn features_with(f: &Featurizer, a: &AnalyzedArticle) -> Vec<String> {
    // stems, not concepts: "killed" and "died" say the same thing in a claim, but two stories about
    // different deaths are different stories
    let mut d = f.stems(&a.article.text);
    for e in &a.analysis.entities {
        // names count three times: they say what the story is about
        for _ in 0..3 {
            d.push(format!("@{}", e.canonical.to_lowercase()));
        }
    }
    d
}

/// A short label for a group of articles: the entities most of them name.
pub fn story_label(articles: &[AnalyzedArticle], g: &[usize]) -> String {
    let mut counts: HashMap<&str, (usize, HashSet<usize>)> = HashMap::new();
    for &i in g {
        for e in articles[i].analysis.entities.iter().filter(|e| !matches!(e.kind, EntityType::Norp | EntityType::Misc))
        {
            let c = counts.entry(e.canonical.as_str()).or_default();
            c.0 += 1;
            c.1.insert(i);
        }
    }
    let mut v: Vec<(&str, usize, usize)> = counts.into_iter().map(|(k, (n, arts))| (k, arts.len(), n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    v.iter().take(4).map(|x| x.0).collect::<Vec<_>>().join(", ")
}

/// Near-copies within a story (MinHash + LSH over word shingles, see `corroborate-dedup`), each
/// group earliest first (by published date, then input order).
pub fn origins(articles: &[AnalyzedArticle], g: &[usize]) -> Vec<Vec<usize>> {
    origins_and_credits(articles, g).0
}

/// [`origins`], and the wire credits of the story's articles ([`credits::wire_credit`]): an article
/// that credits a wire or outlet joins the origin of another article of that wire (one whose outlet
/// it is, or one crediting it too) with which it shares [`credits::CREDIT_SHARE`] of the shorter
/// text's word 5-grams; an article quoting an agency ("told Reuters") credits none.
pub fn origins_and_credits(articles: &[AnalyzedArticle], g: &[usize]) -> (Vec<Vec<usize>>, Vec<WireCredit>) {
    let texts: Vec<&str> = g.iter().map(|&i| articles[i].article.text.as_str()).collect();
    let dates: Vec<Option<&str>> = g.iter().map(|&i| articles[i].article.meta.published.as_deref()).collect();
    let groups = corroborate_dedup::origins_with(&texts, &dates, COPY_LINK);
    let found: Vec<Option<(String, Span)>> = g.iter().map(|&i| credits::wire_credit(&articles[i])).collect();
    if found.iter().all(Option::is_none) {
        let groups = groups.into_iter().map(|grp| grp.into_iter().map(|k| g[k]).collect()).collect();
        return (groups, Vec::new());
    }
    let mut group_of = vec![0; g.len()];
    for (n, grp) in groups.iter().enumerate() {
        for &k in grp {
            group_of[k] = n;
        }
    }
    // the articles of each wire: those crediting it, and those it published (by their own outlet)
    let keys: Vec<Option<String>> = found.iter().map(|c| c.as_ref().map(|(name, _)| credits::wire_key(name))).collect();
    let mut of_wire: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for (k, key) in keys.iter().enumerate() {
        if let Some(key) = key {
            of_wire.entry(key.as_str()).or_default().push(k);
        }
    }
    for (k, &i) in g.iter().enumerate() {
        for own in credits::outlet_keys(&articles[i]) {
            if let Some(members) = of_wire.get_mut(own.as_str()) {
                if !members.contains(&k) {
                    members.push(k);
                }
            }
        }
    }
    let mut shingles: HashMap<usize, Vec<u64>> = HashMap::new();
    let mut links = Vec::new();
    let mut joined = vec![false; g.len()];
    for members in of_wire.values().filter(|m| m.len() > 1) {
        // a wire's members, at most the first 1,000, each crediting one against every other
        let members = &members[..members.len().min(1000)];
        for &a in members {
            if keys[a].is_none() {
                continue;
            }
            for &b in members {
                if a == b || group_of[a] == group_of[b] || links.contains(&(b, a)) {
                    continue;
                }
                for k in [a, b] {
                    shingles.entry(k).or_insert_with(|| corroborate_dedup::shingle_hashes(texts[k]));
                }
                let (n, part) = corroborate_dedup::shared_shingles(&shingles[&a], &shingles[&b]);
                if n >= credits::CREDIT_SHINGLES && part >= credits::CREDIT_SHARE {
                    links.push((a, b));
                    joined[a] = true;
                    joined[b] |= keys[b].is_some();
                }
            }
        }
    }
    let groups = corroborate_dedup::join_origins(&groups, &dates, &links);
    let groups = groups.into_iter().map(|grp| grp.into_iter().map(|k| g[k]).collect()).collect();
    let mut out: Vec<WireCredit> = found
        .into_iter()
        .enumerate()
        .filter_map(|(k, c)| c.map(|(credits, span)| WireCredit { article: g[k], credits, span, joined: joined[k] }))
        .collect();
    out.sort_by_key(|c| c.article);
    (groups, out)
}

/// Where an article's claim units end under [`MAX_ARTICLE_UNITS`]: its attributions (by where their
/// content starts) and statements in text order, as `(start, 0 for an attribution or 1 for a
/// statement, index)`; an item from `from` on is not read. `dropped` counts those items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct UnitCap {
    from: (usize, u8, usize),
    dropped: usize,
}

impl UnitCap {
    /// The cap of an article with more than `max` attributions and statements; `None` otherwise.
    fn of(a: &AnalyzedArticle, max: usize) -> Option<UnitCap> {
        let an = &a.analysis;
        let total = an.attributions.len() + an.statements.len();
        if total <= max {
            return None;
        }
        let mut items: Vec<(usize, u8, usize)> = an
            .attributions
            .iter()
            .enumerate()
            .map(|(k, at)| (at.content.start, 0, k))
            .chain(an.statements.iter().enumerate().map(|(k, st)| (st.span.start, 1, k)))
            .collect();
        let (_, &mut from, _) = items.select_nth_unstable(max);
        Some(UnitCap { from, dropped: total - max })
    }

    /// True when the attribution `k`, whose content starts at `start`, is read.
    fn keeps_attribution(cap: Option<UnitCap>, start: usize, k: usize) -> bool {
        cap.is_none_or(|c| (start, 0, k) < c.from)
    }

    /// True when the statement `k`, which starts at `start`, is read.
    fn keeps_statement(cap: Option<UnitCap>, start: usize, k: usize) -> bool {
        cap.is_none_or(|c| (start, 1, k) < c.from)
    }
}

/// Notes on each article over [`MAX_ARTICLE_UNITS`] (a warning, once) how many of its attributions
/// and statements its claims leave out. The claims ([`stories_of`], [`story`]) read only the first
/// ones whether or not this is called; the engine and a corpus's story reports call it so that the
/// report says what was left out.
pub fn note_unit_caps(articles: &mut [AnalyzedArticle]) {
    for a in articles.iter_mut() {
        let Some(cap) = UnitCap::of(a, MAX_ARTICLE_UNITS) else { continue };
        let total = cap.dropped + MAX_ARTICLE_UNITS;
        let note = corroborate_model::Diagnostic::warning(format!(
            "claims read the first {MAX_ARTICLE_UNITS} of the article's {total} attributions and statements \
             (the most for one article): the other {} are in its analysis but in no claim, contradiction \
             or count conflict",
            cap.dropped
        ));
        if !a.article.diagnostics.contains(&note) {
            a.article.diagnostics.push(note);
        }
    }
}

/// One unit of evidence.
struct Unit {
    r: EvidenceRef,
    span: Span,
    disputes: bool,
    /// whether its cue denies, rejects or dismisses what it reports ("denied that ...")
    denies: bool,
    /// what it disputes by a negation alone ("did not attack": ATTACK; "is not qualified to be
    /// president": qualified, president): it contradicts only what states that
    negates: Option<Negated>,
    stance: Stance,
    /// the voice's own hedge / scare quotes / refutation on it
    strong_voice_marker: Option<Span>,
    own_voice: bool,
    speaker: Option<String>,
    /// "X denied any role in": a denial of involvement, by X; it contradicts only claims that involve X
    denies_involvement: Option<String>,
    /// Whom an accusation accuses ("Belmark" in "accused Belmark of the attack").
    accuses: Option<String>,
    /// For a unit that says something was made up, the features of that thing ("the outbreak" in
    /// "the outbreak was staged"): it contradicts what states that thing ([`Featurizer::fabricated_subject`]).
    fabricated: Option<HashSet<String>>,
    /// The words the unit is about, for similarity: its own span, or for a content that only points
    /// back ("rejected the accusation", "repeated the charge") the content of the accusation or
    /// claim it points at.
    about: Span,
    /// The words of all parts of a reported content split by its cue ("The council, | officials
    /// said, | will not raise taxes"), when the unit stands for them all (its span is the last part).
    joined: Option<String>,
}

impl Unit {
    /// The unit's words: all parts of a split content, or its span.
    fn text<'a>(&'a self, articles: &'a [AnalyzedArticle]) -> &'a str {
        self.joined.as_deref().unwrap_or_else(|| self.span.slice(&articles[self.r.article()].article.text))
    }

    /// The words it is about: what it points back at, or its own words.
    fn about_text<'a>(&'a self, articles: &'a [AnalyzedArticle]) -> &'a str {
        if self.points_back() {
            self.about.slice(&articles[self.r.article()].article.text)
        } else {
            self.text(articles)
        }
    }

    /// True when the unit's words only point back at what another said ("rejected the accusation").
    fn points_back(&self) -> bool {
        self.about != self.span
    }
}

const INVOLVEMENT: &[&str] =
    &["involvement", "involved", "role", "responsibility", "responsible", "part", "anything", "blame"];

/// Phrases that deny involvement on their own ("had nothing to do with it", "played no role in"), as
/// word sequences.
const NO_INVOLVEMENT: &[&[&str]] = &[
    &["nothing", "to", "do", "with"],
    &["no", "role"],
    &["no", "part"],
    &["no", "involvement"],
    &["no", "responsibility"],
    &["not", "involved"],
    &["not", "behind"],
    &["not", "responsible"],
    &["never", "involved"],
    &["wasn't", "involved"],
    &["weren't", "involved"],
    &["isn't", "involved"],
    &["aren't", "involved"],
    &["wasn't", "behind"],
    &["weren't", "behind"],
];

/// Where in `ws` the first phrase of [`NO_INVOLVEMENT`] starts, and its length in words; not after
/// "want" ("we want no part in it" refuses a part to come; it denies none taken) nor after "who".
fn no_involvement(ws: &[String]) -> Option<(usize, usize)> {
    // (nor of people a relative clause describes: "meetings with individuals who had nothing to do
    // with the foundation" denies nothing of anyone who speaks)
    let described = |i: usize| ws[i.saturating_sub(2)..i].iter().any(|w| w == "who");
    let wanted = |i: usize| i > 0 && matches!(ws[i - 1].as_str(), "want" | "wants" | "wanted");
    (0..ws.len()).filter(|&i| !wanted(i) && !described(i)).find_map(|i| {
        NO_INVOLVEMENT
            .iter()
            .find(|p| ws.len() - i >= p.len() && ws[i..].iter().zip(p.iter()).all(|(w, q)| w == q))
            .map(|p| (i, p.len()))
    })
}

/// Who a denial of involvement is by, if `text` (the cue's words and the content) denies involvement:
/// "rejects blame for", "denied any role in", "Moscow had nothing to do with it". The denier is the
/// name that opens a content denying on its own ("Moscow"), else `speaker`.
fn denies_involvement(text: &str, speaker: Option<&str>, denial: bool) -> Option<String> {
    let ws: Vec<String> = words(text).collect();
    if let Some((i, _)) = no_involvement(&ws) {
        // the capitalised words before the phrase's verb: "Moscow had nothing", "The Kremlin was not"
        let subject: Vec<&str> = text
            .split_whitespace()
            .take(i)
            .skip_while(|w| !w.starts_with(|c: char| c.is_uppercase()) || w.eq_ignore_ascii_case("the"))
            .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        return Some(if subject.is_empty() { speaker.unwrap_or("").to_string() } else { subject.join(" ") });
    }
    // (the involvement near the denial's start: "denied any role in", "denied that it was
    // involved"; not "rejected that idea, saying intercept evidence is only a small part of the case")
    let denial = denial || ws.iter().any(|w| DENIAL.contains(&w.as_str()));
    (denial && ws.iter().take(7).any(|w| INVOLVEMENT.contains(&w.as_str()))).then(|| speaker.unwrap_or("").to_string())
}

/// Seats of government that speak for their country ("the Kremlin said").
const SEATS: &[(&str, &str)] = &[
    ("downing street", "United Kingdom"),
    ("elysee", "France"),
    ("kremlin", "Russia"),
    ("pentagon", "United States"),
    ("white house", "United States"),
    ("zhongnanhai", "China"),
];

/// Last words of the names of bodies, not people.
const BODIES: &[&str] = &[
    "agency",
    "army",
    "bank",
    "commission",
    "committee",
    "council",
    "court",
    "department",
    "government",
    "house",
    "ministry",
    "office",
    "party",
    "police",
    "service",
    "services",
    "street",
    "union",
];

/// `who` and what it stands for: the country of a capital or a seat of government, and that
/// country's capital ("Kremlin" is also "Russia" and "Moscow").
fn aliases(who: &str) -> Vec<String> {
    let w = who.trim().to_lowercase();
    let w = w.strip_prefix("the ").unwrap_or(&w).to_string();
    let country = corroborate_nlp::lexicon::CAPITALS
        .iter()
        .chain(SEATS)
        .find(|(place, _)| *place == w)
        .map(|(_, c)| c.to_lowercase())
        .or_else(|| corroborate_nlp::lexicon::CAPITALS.iter().any(|(_, c)| c.to_lowercase() == w).then(|| w.clone()));
    let parts: Vec<&str> = who.split_whitespace().skip_while(|p| p.eq_ignore_ascii_case("the")).collect();
    // a body named for its country stands for it: "the Saudi government", "Russian Defence Ministry",
    // "Belmark's foreign ministry", and, for a country no list knows, "the Drevnian foreign ministry"
    // (Drevnia: the adjective without its last "n")
    let country = country.or_else(|| match parts.as_slice() {
        [first, .., last] if BODIES.contains(&last.to_lowercase().as_str()) => {
            let first = first.to_lowercase();
            let known = corroborate_nlp::lexicon::DEMONYMS.iter().find(|(adj, _)| *adj == first);
            let owner = first.strip_suffix("'s").or_else(|| first.strip_suffix("’s"));
            let stem = first.strip_suffix('n').filter(|s| s.ends_with(['a', 'i']) && s.chars().count() >= 4);
            known.map(|(_, c)| c.to_lowercase()).or(owner.or(stem).map(str::to_string))
        }
        _ => None,
    });
    let mut out = vec![w.clone()];
    // a person's surname: "Fiorina" names Carly Fiorina (not "Ministry" the Defence Ministry)
    if let [.., last] = parts.as_slice() {
        if parts.len() >= 2
            && parts.iter().all(|p| p.starts_with(|c: char| c.is_uppercase()))
            && last.chars().count() >= 4
            && !BODIES.contains(&last.to_lowercase().as_str())
        {
            out.push(last.to_lowercase());
        }
    }
    if let Some(c) = country {
        out.extend(
            corroborate_nlp::lexicon::CAPITALS
                .iter()
                .filter(|(_, k)| k.to_lowercase() == c)
                .map(|(p, _)| p.to_string()),
        );
        out.push(c);
    }
    out.sort();
    out.dedup();
    out
}

/// True when `text` names `who` or its nationality ("Russian troops" names Russia), or what `who`
/// stands for ("Moscow" names the Kremlin's country).
fn mentions(text: &str, who: &str) -> bool {
    let t = text.to_lowercase();
    if who.trim().is_empty() {
        return false;
    }
    aliases(who).iter().any(|w| {
        t.contains(w.as_str())
            || corroborate_nlp::lexicon::DEMONYMS.iter().any(|(adj, country)| {
                country.to_lowercase() == *w && t.split(|c: char| !c.is_alphanumeric()).any(|x| x == *adj)
            })
    })
}

/// Words a denial names when it only points at what someone else said ("rejected the accusation").
const POINTERS: &[&str] = &[
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "assertion",
    "assertions",
    "charge",
    "charges",
    "claim",
    "claims",
    "report",
    "reports",
    "suggestion",
    "suggestions",
    "it",
    "this",
    "that",
    "them",
];

/// Cue words of an accusation.
const ACCUSING: &[&str] = &["accused", "accuses", "accusing", "blamed", "blames", "blaming"];

/// Cue words of an accusation or a claim that a pointer ("the accusation", "these claims") can stand for.
const CLAIMING: &[&str] = &["alleged", "alleges", "charged", "charges", "claimed", "claims"];

/// Whom the content of an accusation accuses: the name it opens with ("Belmark of the attack").
fn accused(content: &str) -> Option<String> {
    let name: Vec<&str> = content
        .split_whitespace()
        .skip_while(|w| *w == "the")
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

/// Phrases that pin an act on someone named after them ("traced the attack to Belmark", "the
/// work of hackers linked to Belmark") or before them ("Belmark was behind the attack"), as word
/// lists; `true` where the one pinned comes after.
const PINNING: &[(&[&str], bool)] = &[
    (&["traced", "to"], true),
    (&["the", "work", "of"], true),
    (&["carried", "out", "by"], true),
    (&["blamed", "on"], true),
    (&["orchestrated", "by"], true),
    (&["was", "behind"], false),
    (&["were", "behind"], false),
    (&["is", "behind"], false),
    (&["are", "behind"], false),
];

/// Whom a content pins an act on without an accusing cue: from the first name after the phrase
/// (past a few lowercase words, "a group known as | Frost Lynx, which researchers have linked to
/// Drevnia's military intelligence", "hackers linked to | Drevnian intelligence") to the content's
/// end, or the name that closes the words before "was behind". "traced" may stand up to four words
/// before its "to" ("traced the attack to").
fn pinned_on(content: &str) -> Option<String> {
    let raw: Vec<&str> = content.split_whitespace().collect();
    let lower: Vec<String> = raw.iter().map(|w| word(w.trim_matches(|c: char| !word_char(c)))).collect();
    fn name(w: &str) -> Option<&str> {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
        (w.starts_with(|c: char| c.is_uppercase()) && w.chars().count() >= 2).then_some(w)
    }
    for i in 0..lower.len() {
        for (phrase, after) in PINNING {
            let at = |k: usize| lower.get(k).map(String::as_str);
            let end = if phrase[0] == "traced" {
                (at(i) == Some("traced"))
                    .then(|| (i + 1..(i + 6).min(lower.len())).find(|&k| at(k) == Some("to")))
                    .flatten()
            } else {
                phrase.iter().enumerate().all(|(j, p)| at(i + j) == Some(p)).then(|| i + phrase.len() - 1)
            };
            let Some(end) = end else { continue };
            let found: Vec<&str> = if *after {
                // (the name and what the content goes on to say of it: "Frost Lynx, which researchers
                // have linked to Drevnia's military intelligence")
                let first = (end + 1..(end + 6).min(raw.len())).find(|&k| name(raw[k]).is_some());
                first.map_or(Vec::new(), |f| raw[f..].to_vec())
            } else {
                let mut v: Vec<&str> = raw[..i].iter().rev().map_while(|w| name(w)).take(4).collect();
                v.reverse();
                v
            };
            if !found.is_empty() {
                return Some(found.join(" "));
            }
        }
    }
    None
}

/// True when `content` only points at what someone else said: "the accusation", "these claims",
/// "it" (a determiner and a pointer word, nothing else).
fn points_elsewhere(content: &str) -> bool {
    let ws: Vec<String> = words(content).collect();
    // what may follow the pointer without saying what was claimed: "the charge in a video address",
    // "the accusation as absurd" (but "the allegations of having ..." says it)
    let rest_ok = |rest: &[String]| {
        rest.first().is_none_or(|w| {
            matches!(w.as_str(), "in" | "on" | "at" | "during" | "after" | "before" | "as" | "again" | "made" | "from")
        })
    };
    let det = |d: &str| {
        matches!(
            d,
            "the" | "these" | "those" | "this" | "that" | "such" | "any" | "all" | "his" | "her" | "their" | "its"
        )
    };
    match ws.as_slice() {
        [w, rest @ ..] if POINTERS.contains(&w.as_str()) => rest_ok(rest),
        [d, w, rest @ ..] => det(d) && POINTERS.contains(&w.as_str()) && rest_ok(rest),
        _ => false,
    }
}

/// The content of the accusation a pointer at `index` stands for: the nearest attribution before it in
/// the article whose cue accuses or claims ("X accused Moscow of the attack. Peskov rejected the
/// accusation").
fn pointed_at(a: &AnalyzedArticle, index: usize) -> Option<Span> {
    let text = &a.article.text;
    a.analysis.attributions[..index]
        .iter()
        .rev()
        .find(|b| {
            words(b.cue.slice(text)).any(|w| ACCUSING.contains(&w.as_str()) || CLAIMING.contains(&w.as_str()))
                && !points_elsewhere(b.content.slice(text))
        })
        .map(|b| b.content)
}

/// True when a content speaks of its speaker: "that she would accept", "he knew nothing".
fn about_self(content: &str) -> bool {
    let mut ws = words(content);
    let first = ws.next();
    let subject = if first.as_deref() == Some("that") { ws.next() } else { first };
    subject.is_some_and(|w| matches!(w.as_str(), "he" | "she" | "they" | "i" | "we"))
}

/// True when a denial cue after `before` deprives rather than denies: "rights that had been |
/// denied | victims of shootings" (but "the claims were | denied | by the ministry" denies).
fn deprived(before: &str, content: &str) -> bool {
    // (the last word, read from the end: `before` is all of the article up to the cue)
    before.rsplit(|c: char| !word_char(c)).find(|w| !w.is_empty()).is_some_and(|w| {
        let w = word(w);
        (be_form(&w) || matches!(w.as_str(), "get" | "got")) && words(content).next().is_some_and(|n| n != "by")
    })
}

/// True when a cue that rejects or dismisses (`verb`) does so to something claimed: its content
/// ("that the dam burst", "the accusation"), or the cue's words after the verb ("rejected claims |
/// that ...").
fn rejects_claim(cue: &str, verb: &str, content: &str) -> bool {
    let after: Vec<String> = words(cue).skip_while(|w| w != verb).skip(1).chain(words(content)).collect();
    points_elsewhere(content) || names_claim(&after)
}

/// The denial words of a cue: "denied" in "has denied", "rejects" in "rejects blame for".
fn cue_denial(cue: &str) -> Option<String> {
    cue.split(|c: char| c.is_whitespace() || c == ':').map(str::to_lowercase).find(|w| {
        matches!(
            w.as_str(),
            "denied" | "denies" | "deny" | "denying" | "rejected" | "rejects" | "reject" | "dismissed" | "dismisses"
        )
    })
}

/// How well an attribution names who speaks: no one, a thing ("according to confirmed
/// information"), an unnamed source ("officials"), someone named (or a pronoun for them).
fn speaker_rank(att: &Attribution) -> u8 {
    match &att.speaker {
        None => 0,
        Some(s) if s.anonymous && s.resolution == "information" => 1,
        Some(s) if s.anonymous => 2,
        Some(_) => 3,
    }
}

/// For each content of an article's attributions, the one attribution that stands for it: the
/// best-named speaker's, the first of equals. "According to | confirmed information, | the filming
/// took place in ..., | he | insisted" is one claim of his, not two units that weigh twice in its
/// group. A denial after the content stands apart from a report of it before the content:
/// "Critics claim X, which he denies" is two units, a claim and its denial (not "The police have
/// denied X, according to a statement", one denial).
fn outspoken(atts: &[Attribution], text: &str) -> HashMap<(Span, bool), usize> {
    let mut best: HashMap<(Span, bool), usize> = HashMap::new();
    for (k, att) in atts.iter().enumerate() {
        let b = best.entry(outspoken_key(atts, att, text)).or_insert(k);
        if speaker_rank(att) > speaker_rank(&atts[*b]) {
            *b = k;
        }
    }
    best
}

/// What [`outspoken`] groups attributions by: their content, and whether the cue denies it after
/// another attribution's cue has put it forward before it.
fn outspoken_key(atts: &[Attribution], att: &Attribution, text: &str) -> (Span, bool) {
    let denies_after = att.cue.start >= att.content.end
        && cue_denial(att.cue.slice(text)).is_some()
        && atts.iter().any(|o| o.content == att.content && o.cue.end <= att.content.start);
    (att.content, denies_after)
}

fn units(f: &Featurizer, articles: &[AnalyzedArticle], g: &[usize]) -> (Vec<Unit>, Vec<Vec<String>>) {
    units_capped(f, articles, g, MAX_ARTICLE_UNITS)
}

/// [`units`], reading at most `max` attributions and statements of each article ([`UnitCap`]).
fn units_capped(
    f: &Featurizer,
    articles: &[AnalyzedArticle],
    g: &[usize],
    max: usize,
) -> (Vec<Unit>, Vec<Vec<String>>) {
    let mut units = Vec::new();
    let mut feats = Vec::new();
    for &ai in g {
        let a = &articles[ai];
        let cap = UnitCap::of(a, max);
        let text = &a.article.text;
        let atts = &a.analysis.attributions;
        // the parts of one reported content around its cue ("The council, | officials said, | will
        // not raise taxes") are one unit: the last part (the one with the verb) carries the words
        // of all of them
        let reported = |k: usize| atts[k].kind != AttributionKind::Direct;
        let mut by_cue: HashMap<Span, Vec<usize>> = HashMap::new();
        for k in (0..atts.len()).filter(|&k| reported(k)) {
            by_cue.entry(atts[k].cue).or_default().push(k);
        }
        let parts_of = |k: usize| -> Vec<usize> {
            if reported(k) {
                by_cue[&atts[k].cue].clone()
            } else {
                vec![k]
            }
        };
        let speaks_for = outspoken(atts, text);
        for (k, att) in atts.iter().enumerate() {
            if !UnitCap::keeps_attribution(cap, att.content.start, k) {
                continue;
            }
            let parts = parts_of(k);
            if parts.iter().copied().max_by_key(|&j| (atts[j].content.start, j)) != Some(k)
                || speaks_for[&outspoken_key(atts, att, text)] != k
            {
                continue;
            }
            let joined: String;
            let content = if parts.len() > 1 {
                joined = parts.iter().map(|&j| atts[j].content.slice(text)).collect::<Vec<_>>().join(" ");
                joined.as_str()
            } else {
                att.content.slice(text)
            };
            // the reporting word: "denied" in "has denied"
            let cue = att.cue.slice(text);
            // a negated predicate disputes only in the words of someone named ("Sanders said
            // Clinton is not qualified"), not of no one
            let dispute = match disputed(f, content) {
                // a negation in the cue governs the content: "the mayor | didn't mention | any
                // killings" says nothing was said of a killing (but "did not deny" denies nothing)
                Disputed::No if words(cue).any(|w| negation(&w)) => match disputed(f, &format!("{cue} {content}")) {
                    d @ Disputed::Negates(Negated::Concept(_)) => d,
                    _ => Disputed::No,
                },
                Disputed::Negates(Negated::Predicate { .. }) if att.speaker.is_none() => Disputed::No,
                // "he had never won a Grammy": what is denied is denied of the speaker
                Disputed::Negates(Negated::Predicate { word, object, subject, agentless: false })
                    if subject.is_empty() =>
                {
                    let subject = att.speaker.as_ref().map(|sp| f.features(&sp.name)).unwrap_or_default();
                    Disputed::Negates(Negated::Predicate { word, object, subject, agentless: false })
                }
                d => d,
            };
            // "rejected the offer" refuses; it does not deny that anything is true
            let denial = cue_denial(cue).is_some_and(|w| !rejects(&w) || rejects_claim(cue, &w, content))
                && !deprived(&text[..att.cue.start], content)
                && !refuses(content)
                && !gives_to(&words(content).collect::<Vec<_>>())
                && !refuses(cue);
            // "Kyiv | denied | that the footage was faked": a denial of a fabrication affirms the thing
            let (denial, dispute) = if denial && dispute == Disputed::Plainly && fabricated_in(content) {
                (false, Disputed::No)
            } else {
                (denial, dispute)
            };
            // "Peskov rejected the accusation": what is rejected is the accusation made before
            let about = if points_elsewhere(content) { pointed_at(a, k) } else { None };
            let about_text = about.map_or(content, |s| s.slice(text));
            let strong = att
                .markers
                .iter()
                .find(|m| matches!(m.kind, MarkerKind::Refutation | MarkerKind::Hedge))
                .map(|m| m.span);
            let mut fe = f.features(about_text);
            if fe.is_empty() {
                continue;
            }
            if let Some(sp) = &att.speaker {
                fe.push(format!("@{}", sp.name.to_lowercase()));
            }
            let speaker = att.speaker.as_ref().map(|s| s.name.clone());
            let denies_involvement = match about {
                // rejecting "the accusation" against Belmark denies Belmark's involvement
                Some(s) => accused(s.slice(text)).or_else(|| denies_involvement(content, speaker.as_deref(), denial)),
                None => denies_involvement(&format!("{cue} {content}"), speaker.as_deref(), denial).or_else(|| {
                    // "Fiorina denied that she would ...": a denial about the speaker's own doings
                    (denial && about_self(content)).then(|| speaker.clone().unwrap_or_default())
                }),
            };
            // "accused Belmark of the attack"; "repeated the charge": the accusation pointed at
            let accuses = match about {
                Some(s) if !denial => accused(s.slice(text)),
                _ if words(cue).any(|w| ACCUSING.contains(&w.as_str())) => accused(content),
                // "said investigators had traced the attack to a group known as Frost Lynx"
                _ if !denial && dispute == Disputed::No => pinned_on(content),
                _ => None,
            };
            // a content of one word ("chuckling", "However", "Update:") states no proposition, unless
            // it denies or accuses ("denied involvement") or points at one said before
            let one_word = raw_words(content).take(2).count() < 2;
            if one_word
                && about.is_none()
                && !denial
                && dispute == Disputed::No
                && denies_involvement.is_none()
                && accuses.is_none()
            {
                continue;
            }
            let fabricated = (!denial && dispute == Disputed::Plainly)
                .then(|| f.fabricated_subject(about_text).or_else(|| f.unsupported_thing(about_text)))
                .flatten();
            units.push(Unit {
                r: EvidenceRef::Attribution { article: ai, index: k },
                span: att.content,
                disputes: denial || dispute != Disputed::No,
                denies: denial,
                negates: dispute.negates().filter(|_| !denial),
                stance: att.stance,
                strong_voice_marker: strong,
                own_voice: false,
                // "rejects blame for the blast": the cue can carry the involvement
                denies_involvement,
                accuses,
                fabricated,
                speaker,
                about: about.unwrap_or(att.content),
                joined: (parts.len() > 1).then(|| content.to_string()),
            });
            feats.push(fe);
        }
        for (k, st) in a.analysis.statements.iter().enumerate() {
            if !UnitCap::keeps_statement(cap, st.span.start, k) {
                continue;
            }
            let s = st.span.slice(text);
            let fe = f.features(s);
            if fe.len() < 2 {
                continue;
            }
            // the outlet's own negations of a predicate are what it reports, seldom an answer to
            // another voice ("Republicans haven't won New Hampshire since 2000")
            let dispute = match disputed(f, s) {
                Disputed::Negates(Negated::Predicate { .. }) => Disputed::No,
                d => d,
            };
            let strong = st
                .markers
                .iter()
                .find(|m| matches!(m.kind, MarkerKind::Refutation | MarkerKind::Hedge | MarkerKind::ScareQuotes))
                .map(|m| m.span);
            // (or what claims said to lack evidence claim: "no evidence for their cyberattack claims")
            let fabricated = (dispute == Disputed::Plainly)
                .then(|| f.fabricated_subject(s).or_else(|| f.unsupported_thing(s)))
                .flatten();
            units.push(Unit {
                r: EvidenceRef::Statement { article: ai, index: k },
                span: st.span,
                disputes: dispute != Disputed::No,
                denies: false,
                negates: dispute.negates(),
                stance: st.stance,
                strong_voice_marker: strong,
                own_voice: true,
                speaker: None,
                // "Belmark, the neighbouring country, denied any role": the denier opens the sentence
                denies_involvement: denies_involvement(s, s.split([',', ' ']).next(), false),
                accuses: None,
                fabricated,
                about: st.span,
                joined: None,
            });
            feats.push(fe);
        }
    }
    confirm_negated_predicates(f, articles, &mut units, &feats);
    confirm_negated_concepts(f, articles, &mut units, &feats);
    (units, feats)
}

/// A unit that disputes only by a negated concept ("No leak after derailment": POISON) disputes
/// only where another unit of the story states that concept and does not negate it ("chemicals
/// leaked into the creek"); elsewhere nothing it answers was said, and it groups as a plain
/// statement with what it speaks of ("none of the tank cars had leaked").
fn confirm_negated_concepts(f: &Featurizer, articles: &[AnalyzedArticle], units: &mut [Unit], feats: &[Vec<String>]) {
    let negated: HashSet<&'static str> = units
        .iter()
        .filter_map(|u| match u.negates {
            Some(Negated::Concept(c)) => Some(c),
            _ => None,
        })
        .collect();
    if negated.is_empty() {
        return;
    }
    // the concepts some unit states plainly
    let stated: HashSet<&str> = (0..units.len())
        .filter(|&x| !units[x].disputes)
        .flat_map(|x| {
            let not = f.negated_features(units[x].text(articles));
            let negated = &negated;
            feats[x].iter().filter(move |c| negated.contains(c.as_str()) && !not.contains(*c)).map(String::as_str)
        })
        .collect();
    for u in units.iter_mut() {
        if matches!(u.negates, Some(Negated::Concept(c)) if !stated.contains(c)) {
            u.disputes = false;
            u.negates = None;
        }
    }
}

/// A unit that disputes only by a negated predicate ("Sanders said Clinton is not qualified to be
/// president") disputes only where another article's unit states that predicate plainly of the
/// same subject ("Biden: Hillary's overwhelmingly qualified to be president"); elsewhere it is a
/// plain statement of its speaker, as before such negations were read, and groups as one.
fn confirm_negated_predicates(f: &Featurizer, articles: &[AnalyzedArticle], units: &mut [Unit], feats: &[Vec<String>]) {
    let candidates: Vec<usize> =
        (0..units.len()).filter(|&y| matches!(units[y].negates, Some(Negated::Predicate { .. }))).collect();
    if candidates.is_empty() {
        return;
    }
    // the units that name each negated word, so that each candidate reads only those
    let negated: HashSet<&str> = candidates
        .iter()
        .filter_map(|&y| match &units[y].negates {
            Some(Negated::Predicate { word, .. }) => Some(word.as_str()),
            _ => None,
        })
        .collect();
    let mut naming: HashMap<&str, Vec<usize>> = HashMap::new();
    for (x, fe) in feats.iter().enumerate() {
        for w in fe.iter().map(String::as_str).filter(|w| negated.contains(w)).collect::<HashSet<_>>() {
            naming.entry(w).or_default().push(x);
        }
    }
    for y in candidates {
        let Some(Negated::Predicate { word, object, subject, .. }) = &units[y].negates else { continue };
        let stated = naming.get(word.as_str()).into_iter().flatten().any(|&x| {
            !units[x].disputes
                && units[x].r.article() != units[y].r.article()
                && feats[x].contains(object)
                && f.states(units[x].about_text(articles), word, object, subject, &speaker_features(f, &units[x]))
        });
        if !stated {
            units[y].disputes = false;
            units[y].negates = None;
        }
    }
}

/// What a text disputes by a negation alone.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Negated {
    /// a concept right after a negation: "didn't mention any killings" (KILL)
    Concept(&'static str),
    /// any other word right after a negation (`word`), with the next word that says what of
    /// (`object`: "is not | qualified | to be | president"), and the features of whom or what it is
    /// denied of (`subject`: the words before the negation, "Clinton"; the speaker's name for "he");
    /// `agentless` for a passive denied of no one ("no rubber bullets had been fired": fired,
    /// bullet), whose subject stays open
    Predicate { word: String, object: String, subject: Vec<String>, agentless: bool },
}

/// How a text disputes what it talks about.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Disputed {
    No,
    /// staged, faked, false flag, denied, rejected the claims, no involvement
    Plainly,
    /// only by a negation ("didn't mention any killings", "is not qualified to be president"): it
    /// disputes what it negates and nothing else
    Negates(Negated),
}

impl Disputed {
    /// What a dispute by negation alone negates.
    fn negates(self) -> Option<Negated> {
        match self {
            Disputed::Negates(n) => Some(n),
            _ => None,
        }
    }
}

/// How the text disputes what it talks about: staged, faked, false flag, or a negation right
/// before a concept word ("didn't mention any killings") or before a predicate and what it is of
/// ("Clinton is not qualified to be president").
fn disputed(f: &Featurizer, text: &str) -> Disputed {
    let ws: Vec<String> = words(text).collect();
    if no_involvement(&ws).is_some() {
        return Disputed::Plainly;
    }
    // "the idea that the outbreak was staged is false" disputes the staging, not the outbreak
    if refuted_fabrication(&ws) {
        return Disputed::No;
    }
    if untrue_that(&ws) || claim_called_untrue(&ws) || unsupported_claims(&ws).is_some() {
        return Disputed::Plainly;
    }
    let mut negated = None;
    for (i, w) in ws.iter().enumerate() {
        if fabrication_at(&ws, i)
            || denial_at(&ws, i)
            || w == "false" && ws.get(i + 1).is_some_and(|n| n.starts_with("flag"))
            // "a staged provocation designed to frame Belmark": framing someone is fabricating
            // (not "to frame its plans as more than a road": that frames a message)
            || w == "frame" && i > 0 && ws[i - 1] == "to" && !ws[i + 1..].iter().take(6).any(|n| n == "as")
            // "the same tactics were used by Kiev to blame Russian forces": a ploy to blame someone
            // makes the blame up (not "someone to blame", "sought to blame the company")
            || matches!(w.as_str(), "blame" | "discredit" | "smear")
                && i > 0
                && ws[i - 1] == "to"
                && ws[i.saturating_sub(8)..i].iter().any(|n| PLOYS.contains(&n.as_str()))
            // "pointed out numerous inconsistencies in the Ukrainian story": doubt on an account
            || inconsistencies_in_account(&ws, i)
        {
            return Disputed::Plainly;
        }
        if negated.is_none() {
            negated = concept(w)
                .filter(|&c| matches!(c, "KILL" | "ATTACK" | "POISON" | "EXPLODE" | "DESTROY" | "FRAUD"))
                .filter(|_| negated_at(&ws, i))
                .filter(|&c| c != "FRAUD" || fraud_denied(&ws, i));
        }
    }
    match negated {
        Some(c) => Disputed::Negates(Negated::Concept(c)),
        None => negated_predicate(f, &ws).map_or(Disputed::No, Disputed::Negates),
    }
}

/// True when the negation before the fraud word `ws[i]` says there was none: "no fraud", "was not
/// rigged", "no evidence of fraud", "no reports of irregularities"; not a negated verb of its own
/// ("do not report fraud", "did not investigate irregularities").
fn fraud_denied(ws: &[String], i: usize) -> bool {
    let Some(p) = (i.saturating_sub(3)..i).rev().find(|&p| negation(&ws[p])) else { return false };
    ws[p + 1..i].iter().all(|w| {
        be_form(w)
            || matches!(
                w.as_str(),
                "any"
                    | "evidence"
                    | "proof"
                    | "sign"
                    | "signs"
                    | "reports"
                    | "of"
                    | "widespread"
                    | "systematic"
                    | "large-scale"
                    | "major"
                    | "serious"
                    | "significant"
                    | "has"
                    | "have"
                    | "had"
            )
    })
}

/// Where the text says claims lack evidence, and how many words say it: "offering no evidence for
/// their so-called cyberattack claims", "without any proof of the allegations", "provided no
/// evidence to support the claim" (a claim noun within five words after "no evidence for/of/to
/// support/backing"). Such a text disputes what the claims say.
fn unsupported_claims(ws: &[String]) -> Option<(usize, usize)> {
    (0..ws.len()).find_map(|i| {
        if !matches!(ws[i].as_str(), "no" | "without") {
            return None;
        }
        let e = i + 1 + usize::from(ws.get(i + 1).is_some_and(|w| w == "any"));
        if !ws.get(e).is_some_and(|w| matches!(w.as_str(), "evidence" | "proof")) {
            return None;
        }
        let link = e + 1;
        let after = match ws.get(link).map(String::as_str) {
            Some("for" | "of" | "behind" | "backing") => link + 1,
            Some("to") if ws.get(link + 1).is_some_and(|w| matches!(w.as_str(), "support" | "back")) => link + 2,
            _ => return None,
        };
        (after..(after + 5).min(ws.len())).any(|k| CLAIM_NOUNS.contains(&ws[k].as_str())).then_some((i, e + 1 - i))
    })
}

/// True when the text calls a "that" clause untrue: "it wasn't true that the car had been stolen",
/// "it is false that ...", "it's untrue that ..." (not "it is true that", nor "not only true that").
fn untrue_that(ws: &[String]) -> bool {
    (2..ws.len()).any(|k| {
        ws[k] == "that"
            && match ws[k - 1].as_str() {
                "true" => negation(&ws[k - 2]) || k > 2 && negation(&ws[k - 3]) && is_ly(&ws[k - 2]),
                "false" | "untrue" => be_form(&ws[k - 2]) || ws[k - 2] == "it's" || is_ly(&ws[k - 2]),
                _ => false,
            }
    })
}

/// True when a claim it names is called untrue: "A claim circulating online that more ballots were
/// cast than there are voters is false", "Rumours that the car has been stolen have been greatly
/// exaggerated" (what the claim says is disputed; a claim of fabrication called untrue is
/// [`refuted_fabrication`], which affirms the thing).
fn claim_called_untrue(ws: &[String]) -> bool {
    // (or a text that opens with the claim's "that": the content of "reports | that ...")
    let Some(that) = (0..ws.len()).find(|&t| {
        ws[t] == "that" && (t == 0 || ws[t.saturating_sub(4)..t].iter().any(|w| CLAIM_NOUNS.contains(&w.as_str())))
    }) else {
        return false;
    };
    // (the clause has a verb of its own before the verdict on the claim: not "the accusation that
    // the articles were misleading", where "misleading" is what is claimed)
    let finite = |k: usize| {
        be_form(&ws[k]) || AUXILIARIES.contains(&ws[k].as_str()) || matches!(ws[k].as_str(), "has" | "have" | "had")
    };
    // (a bare "that ..." is held to words of truth: "that the things they ask are ridiculous" judges
    // the things, not a claim)
    let truth = |w: &str| {
        matches!(w, "false" | "untrue" | "inaccurate" | "baseless" | "unfounded" | "groundless")
            || matches!(w, "exaggerated" | "overblown" | "overstated")
    };
    (that + 3..ws.len()).any(|j| {
        let untrue = if that == 0 { truth(&ws[j]) } else { FALSITY.contains(&ws[j].as_str()) || truth(&ws[j]) };
        // (nor a verdict inside a relative clause: "a piece whose headline was misleading")
        if !untrue || ws[that + 1..j].iter().any(|w| matches!(w.as_str(), "whose" | "which" | "who")) {
            return false;
        }
        let be = |k: usize| be_form(&ws[k]) || ws[k] == "remains";
        let verdict = if be(j - 1) {
            j - 1
        } else if is_ly(&ws[j - 1]) && be(j - 2) {
            j - 2
        } else {
            return false;
        };
        // "have been | greatly exaggerated": the verdict's own auxiliaries are not the clause's
        let mut from = verdict;
        while from > that + 1 && finite(from - 1) {
            from -= 1;
        }
        (that + 2..from).any(&finite)
    })
}

/// True when `ws[i]` finds fault with an account: "inconsistencies in the Ukrainian story",
/// "discrepancies in the official account" (not "inconsistencies in the data" or "in his game").
fn inconsistencies_in_account(ws: &[String], i: usize) -> bool {
    matches!(ws[i].as_str(), "inconsistencies" | "inconsistency" | "discrepancies" | "contradictions")
        && ws.get(i + 1).is_some_and(|w| w == "in")
        && ws[i + 2..(i + 6).min(ws.len())].iter().any(|w| {
            corroborate_nlp::lexicon::CLAIM_NOUNS.contains(&w.as_str())
                || matches!(w.as_str(), "testimony" | "footage" | "video")
        })
}

/// Words for a scheme: what they are used "to blame" someone for is made up ("tactics used to
/// blame", "in an attempt to discredit").
const PLOYS: &[&str] = &["attempt", "attempts", "bid", "ploy", "ploys", "provocation", "tactic", "tactics"];

/// The first predicate a negation governs, with the word after it that says what of: "not |
/// qualified | to be | president", "had not been | stolen | from | the set" (auxiliaries, forms of "be" and
/// adverbs in "-ly" skipped); not a negated intent or purpose ([`negated_at`]), nor what someone
/// wants no part of ("we want no part in it" refuses), nor in a condition. The features of both words,
/// and of the (up to five) words before the negation: its subject.
fn negated_predicate(f: &Featurizer, ws: &[String]) -> Option<Negated> {
    let skipped = |w: &str| be_form(w) || matches!(w, "have" | "has" | "had" | "even" | "yet") || is_ly(w);
    (0..ws.len())
        .filter(|&p| negation(&ws[p]) && ws.get(p + 1).is_none_or(|n| n != "only"))
        .filter(|&p| !ws[p.saturating_sub(2)..p].iter().any(|w| INTENT.contains(&w.as_str())))
        // nor a condition ("if no candidate wins a majority")
        .filter(|&p| !ws[p.saturating_sub(3)..p].iter().any(|w| matches!(w.as_str(), "if" | "unless" | "whether")))
        .find_map(|p| {
            if let Some(passive) = none_done(f, ws, p) {
                return Some(passive);
            }
            let q = (p + 1..ws.len()).find(|&q| !skipped(&ws[q]))?;
            let word = f.feature(&ws[q]).filter(|_| negated_at(ws, q) && !INTENT.contains(&ws[q].as_str()))?;
            let object = ws[q + 1..(q + 4).min(ws.len())]
                .iter()
                .filter(|w| !PARTICLES.contains(&w.as_str()))
                .find_map(|w| f.feature(w))?;
            let subject = ws[p.saturating_sub(SUBJECT_WORDS)..p].iter().filter_map(|w| f.feature(w)).collect();
            Some(Negated::Predicate { word, object, subject, agentless: false })
        })
}

/// "no | rubber bullets | had been | fired": a "no" before a short noun phrase, then a passive
/// (auxiliaries with a form of "be", then a participle) denies that anyone did it to the thing:
/// the participle is the predicate, the phrase's last word its object, and no one its subject.
fn none_done(f: &Featurizer, ws: &[String], p: usize) -> Option<Negated> {
    if ws[p] != "no" {
        return None;
    }
    let aux = (p + 2..(p + 5).min(ws.len())).find(|&k| auxiliary(&ws[k]))?;
    let verb = (aux..ws.len()).find(|&k| !auxiliary(&ws[k]) && !is_ly(&ws[k]))?;
    let participle = ws[verb].ends_with("ed") || ws[verb].ends_with("en");
    if !participle || !ws[aux..verb].iter().any(|w| be_form(w)) || ws[p + 1..aux].iter().any(|w| f.feature(w).is_none())
    {
        return None;
    }
    let word = f.feature(&ws[verb])?;
    let object = f.feature(&ws[aux - 1])?;
    Some(Negated::Predicate { word, object, subject: Vec::new(), agentless: true })
}

/// Verbs that say little beside their subject or object ("a shakeup is | coming").
const LIGHT_VERBS: &[&str] = &[
    "come",
    "coming",
    "go",
    "going",
    "gone",
    "happen",
    "happening",
    "happened",
    "get",
    "getting",
    "got",
    "take",
    "taking",
    "taken",
    "make",
    "making",
    "made",
    "do",
    "doing",
    "done",
    "have",
    "having",
];

/// Most words of the subject between a disputed "that" and its auxiliary ([`Featurizer::disputed_predicate`]).
const PREDICATE_SUBJECT_WORDS: usize = 8;

/// Pronouns that may stand for the subject a negation names, whoever says them.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// Pronouns that stand for whoever says them.
const FIRST_PERSON: &[&str] = &["i", "we"];

/// How many words before a negation (or a stated predicate) may name its subject.
const SUBJECT_WORDS: usize = 5;

/// Particles and adverbs after a verb that say nothing of what it is about ("looking | forward | to
/// the campaign": what is negated is looking forward to the campaign).
const PARTICLES: &[&str] =
    &["forward", "back", "away", "out", "off", "down", "again", "anymore", "longer", "enough", "yet", "now", "even"];

/// Words that keep a text from plainly stating what follows them ("refused to answer", "unlikely to
/// settle", "whether to prosecute", "without being handcuffed").
const NOT_PLAINLY: &[&str] = &[
    "refuse",
    "refused",
    "refuses",
    "unlikely",
    "unable",
    "fail",
    "failed",
    "fails",
    "struggling",
    "struggle",
    "avoid",
    "avoided",
    "avoiding",
    "whether",
    "if",
    "unless",
    "without",
];

/// Words that make what follows a duty or a wish rather than a fact: "should release", "must go".
const OBLIGATION: &[&str] = &["should", "must", "ought"];

/// True for an adverb in "-ly" ("reliably", "really"), not a short word such as "fly".
fn is_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// True when a negation in the three words before `ws[i]` negates it: "did not kill", "no
/// attack"; not "without killing off demand", nor a negated intent ("did not intend to kill") or a
/// purpose ("making sure they are not nuclear strikes").
fn negated_at(ws: &[String], i: usize) -> bool {
    if (i.saturating_sub(NONE_OF_WORDS)..i).any(|p| none_of_predicate(ws, p) == Some(i)) {
        return true;
    }
    (i.saturating_sub(3)..i).rev().find(|&p| negation(&ws[p])).is_some_and(|p| {
        !ws[p + 1..i].iter().any(|w| INTENT.contains(&w.as_str()))
            && !ws[p.saturating_sub(3)..p]
                .iter()
                .any(|w| matches!(w.as_str(), "sure" | "ensure" | "ensures" | "ensuring"))
    })
}

/// How far after "none of" its predicate may come.
const NONE_OF_WORDS: usize = 12;

/// The predicate of a subject "none of ..." or "neither of ..." at `ws[p]`: the word after the
/// auxiliaries that end the subject ("none of the tank cars involved in the derailment | had |
/// leaked"); none where no auxiliary comes within [`NONE_OF_WORDS`] or a clause opens first ("none
/// of those who ...").
fn none_of_predicate(ws: &[String], p: usize) -> Option<usize> {
    if !matches!(ws[p].as_str(), "none" | "neither") || ws.get(p + 1).is_none_or(|w| w != "of") {
        return None;
    }
    let end = (p + NONE_OF_WORDS).min(ws.len());
    let aux = (p + 2..end)
        .take_while(|&q| !matches!(ws[q].as_str(), "that" | "which" | "who" | "whom" | "whose"))
        .find(|&q| auxiliary(&ws[q]))?;
    (aux..ws.len()).find(|&q| !(auxiliary(&ws[q]) || is_ly(&ws[q])))
}

/// True for an auxiliary, a form of "be", "did" or "does": the words between a subject and its
/// predicate ("had | been", "did | not").
fn auxiliary(w: &str) -> bool {
    AUXILIARIES.contains(&w) || be_form(w) || matches!(w, "did" | "does")
}

/// Words of intent: what follows them is meant, not done ("did not intend to kill").
const INTENT: &[&str] = &["intend", "intended", "mean", "meant", "plan", "planned", "try", "tried", "want", "wanted"];

/// True when the text disputes what it talks about (see [`disputed`]).
#[cfg(test)]
fn disputes(text: &str) -> bool {
    disputed(&Featurizer::new(), text) != Disputed::No
}

/// True when `w` is a form of "be" that makes a passive ("was staged", "were denied").
fn be_form(w: &str) -> bool {
    matches!(w, "was" | "were" | "been" | "being" | "be" | "is" | "are")
}

/// True when `ws[i]` is a word of fabrication in that sense: "staged" in "the video was staged", not
/// "stage" in "took the stage" or "staged a protest".
fn fabrication_at(ws: &[String], i: usize) -> bool {
    let w = ws[i].as_str();
    if !FABRICATION.contains(&w) {
        return false;
    }
    // "invented" fakes only what is told: "an invented story", not "the music they invented"
    if matches!(w, "invented" | "made-up") {
        return ws.get(i + 1).is_some_and(|n| TOLD.contains(&n.as_str()));
    }
    let prev = if i > 0 { ws[i - 1].as_str() } else { "" };
    let next = ws.get(i + 1).map_or("", String::as_str);
    // (fake "accounts" are fraudulent ones, at a bank or online, not a false account of events)
    let evidence =
        |n: &str| !n.starts_with("account") && (MEDIA.contains(&n) || CLAIM_NOUNS.contains(&n) || TOLD.contains(&n));
    match w {
        // "fake photos", "the video is fake", "faked the attack"; not "fake accounts", "a fake school"
        "fake" | "faked" => {
            return next.is_empty()
                || STOPWORDS.contains(&next)
                || ws[i + 1..].iter().take(2).any(|n| evidence(n))
                || be_form(prev) && w == "faked";
        }
        // "forged documents", "the letter was forged"; not "forged a reputation", "forged and led by"
        "forged" => return evidence(next) || be_form(prev) && !matches!(next, "and" | "a" | "an" | "the" | "ties"),
        // "it was a set-up"; not "her email set-up"
        "set-up" => return matches!(prev, "a" | "an"),
        // "a staged provocation", "dismissed it as a provocation"; not a hostile act ("North Korea's
        // latest provocation", "this sort of provocation") nor the defence to murder ("including provocation")
        "provocation" => {
            return !matches!(
                prev,
                "latest" | "new" | "further" | "another" | "military" | "nuclear" | "including" | "of" | "any" | "no"
            ) && !matches!(next, "defence" | "defense")
        }
        _ => {}
    }
    if !w.starts_with("stag") {
        return true;
    }
    // something performed within four words after it ("staged something of a recovery"); an
    // attack or a raid too, when someone stages it ("militants staged attacks on two checkpoints"
    // carried them out; "the attack was staged" is another matter)
    if ws[i + 1..].iter().take(4).any(|n| PERFORMED.contains(&n.as_str()) || CARRIED_OUT.contains(&n.as_str())) {
        return false;
    }
    // or before it, in a passive: "the race was staged in Newcastle" (not "the rescue was staged")
    if i >= 2 && be_form(&ws[i - 1]) && ws[i.saturating_sub(5)..i - 1].iter().any(|n| PERFORMED.contains(&n.as_str())) {
        return false;
    }
    // "stage" and "stages" fake only as verbs: "to stage", "would stage", "they stage"
    !matches!(w, "stage" | "stages")
        || i > 0
            && matches!(ws[i - 1].as_str(), "to" | "would" | "will" | "could" | "might" | "can" | "did" | "they" | "we")
}

/// True when the text says that what someone calls made up was not: "the outbreak was not staged",
/// "the idea that the outbreak was staged is false", "denied that the footage was faked", "there is
/// no evidence the video was doctored". Such a text disputes the fabrication, so it affirms the
/// thing (not "the footage was staged, a provocation": the falsity must be said of a claim it names).
fn refuted_fabrication(ws: &[String]) -> bool {
    let Some(i) = (0..ws.len()).find(|&i| fabrication_at(ws, i)) else { return false };
    // the clause the fabrication is in, back to a word that opens another
    let from = (0..i).rev().find(|&k| REFUTATION_BOUNDARIES.contains(&ws[k].as_str())).map_or(0, |k| k + 1);
    let before = &ws[from..i];
    // "the claim that | the outbreak was staged | is false", "claims the video was faked are lies"
    let named = |k: usize| CLAIM_NOUNS.contains(&ws[k].as_str()) || matches!(ws[k].as_str(), "idea" | "ideas");
    let claim_before = (from..i).any(|k| named(k) && i - k <= 8);
    let called_untrue = ws[i + 1..].iter().take(10).enumerate().any(|(k, w)| {
        FALSITY.contains(&w.as_str()) && k > 0 && {
            let p = &ws[i + k];
            be_form(p) || matches!(p.as_str(), "as" | "entirely" | "completely" | "totally" | "simply" | "utterly")
        }
    });
    negated_at(ws, i)
        || claim_before && called_untrue
        // "denied that the footage was faked", "rejected claims that it was staged"
        // (not "dismissed the claims as fake": that calls the claims made up)
        || (from..i).any(|k| {
            denial_at(ws, k)
                && i - k <= 9
                && ws[k + 1..i].iter().any(|w| w == "that" || CLAIM_NOUNS.contains(&w.as_str()))
                && !ws[k + 1..i].iter().any(|w| w == "as")
        })
        // "no evidence (that) the outbreak was staged", "no sign it was faked"
        || before.windows(2).any(|p| negation(&p[0]) && matches!(p[1].as_str(), "evidence" | "proof" | "sign" | "signs" | "indication"))
}

/// True when the text says, without refuting it, that something was made up ("the footage was
/// faked"); not "the footage as fake", what a dismissal calls made up.
fn fabricated_in(text: &str) -> bool {
    let ws: Vec<String> = words(text).collect();
    (0..ws.len()).any(|i| fabrication_at(&ws, i) && !ws[i.saturating_sub(4)..i].iter().any(|w| w == "as"))
        && !refuted_fabrication(&ws)
}

/// Words that end, going back, the clause a refuted fabrication is in ("said the footage was
/// staged, | but there is no evidence": the evidence is denied of the staging only after the "but").
const REFUTATION_BOUNDARIES: &[&str] =
    &["and", "but", "said", "says", "saying", "while", "although", "though", "because"];

/// True when `ws[i]` denies that something is true: "denied" in "Belmark denied the report", not in
/// "there is no denying it", "denied bail", nor the noun in "vaccine denial".
fn denial_at(ws: &[String], i: usize) -> bool {
    let w = ws[i].as_str();
    let prev = if i > 0 { ws[i - 1].as_str() } else { "" };
    let next = ws.get(i + 1).map_or("", String::as_str);
    DENIAL.contains(&w)
        && !matches!(w, "denial" | "denials")
        && prev != "no"
        && !refusal_after(ws, i)
        // deprived, not denying: "was denied bail", "had been denied a hearing" (but "the claims were
        // denied by the ministry" denies), "denying us justice"; fired or thrown out: "was dismissed
        // after", "the case was dismissed"
        && !(w.starts_with("den")
            && ((be_form(prev) || matches!(prev, "get" | "got"))
                && !next.is_empty()
                && next != "by"
                || matches!(next, "him" | "her" | "us" | "me" | "you" | "them")
                || gives_to(&ws[i + 1..])))
        && !(w == "dismissed" && be_form(prev) && next != "by")
        // "a fact that cannot be denied" affirms it
        && !(prev == "be" && i >= 2 && matches!(ws[i - 2].as_str(), "cannot" | "can't" | "not" | "never"))
        // "rejected the allegations", "the claims were dismissed": a rejection disputes only a claim
        && (!rejects(w) || names_claim(&ws[i + 1..]) || ws[i.saturating_sub(4)..i].iter().any(|n| CLAIM_NOUNS.contains(&n.as_str())))
}

/// True when the words after "deny" read as someone and something withheld from them: "denied
/// Garland a hearing", "deny everyday Americans a voice" (not "denied the report", "denied Moscow had
/// a role", "denied reports of the attack").
fn gives_to(ws: &[String]) -> bool {
    let det = |w: &str| matches!(w, "a" | "an" | "the");
    let filler = |w: &str| {
        det(w)
            || STOPWORDS.contains(&w)
            || w.ends_with("ing")
            || matches!(w, "had" | "has" | "have" | "did" | "knew" | "ever" | "any")
    };
    // the one withheld from may be "the council" or "his side" ("denied his side a famous
    // victory"), but not a claim
    let owner = |w: &str| matches!(w, "the" | "his" | "her" | "their" | "its" | "our" | "my" | "your");
    let who = if ws.first().is_some_and(|w| owner(w)) { &ws[1.min(ws.len())..] } else { ws };
    (1..=2).any(|k| {
        who.get(k).is_some_and(|w| det(w))
            && who[..k]
                .iter()
                .all(|w| !filler(w) && !CLAIM_NOUNS.contains(&w.as_str()) && !POINTERS.contains(&w.as_str()))
    })
}

/// True when the denial word `ws[i]` refuses something ("rejected the offer", "denied bail", "the
/// offer was rejected") rather than denying that something is true: a refused thing within its next
/// five words, before any "that", or its three words before.
fn refusal_after(ws: &[String], i: usize) -> bool {
    refused_first(&ws[i + 1..])
        // passive: "the offer was rejected"
        || ws[i.saturating_sub(3)..i].iter().any(|n| REFUSED.contains(&n.as_str()))
}

/// True when `w` rejects or dismisses ("rejected", "dismisses"): words that deny only what names a
/// claim ([`names_claim`]).
fn rejects(w: &str) -> bool {
    w.starts_with("reject") || w.starts_with("dismiss")
}

/// True when the words after "rejected" or "dismissed" name something claimed: "that ...", "the idea
/// that ...", a claim within their first six ("the Tory allegations"), or "as" and a word of
/// falsity ("Obama's remarks as nonsense"); not "Trump's offer", "Walker as an ineffective leader".
fn names_claim(ws: &[String]) -> bool {
    let that = ws.iter().take(4).any(|w| w == "that");
    // (or blame: "rejects blame for the blast" denies involvement)
    // (criticism names a claim only with what it claims: "dismissed critique of his performance"
    // disputes no fact, "rejected criticism that the unit's closure made the city less safe" does)
    let noun = ws.iter().take(6).take_while(|w| *w != "that").any(|w| {
        CLAIM_NOUNS.contains(&w.as_str()) && !OPINIONS.contains(&w.as_str())
            || matches!(w.as_str(), "blame" | "responsibility" | "involvement")
    });
    let untrue = ws
        .iter()
        .take(12)
        .position(|w| w == "as")
        .is_some_and(|k| ws[k + 1..].iter().take(4).any(|w| FALSITY.contains(&w.as_str())));
    that || noun || untrue
}

/// Claim nouns that name a judgement rather than a fact claimed: they name a claim only with a "that".
const OPINIONS: &[&str] = &["criticism", "criticisms", "critique"];

/// True when a refused thing comes within the first five of `ws`, before any "that".
fn refused_first(ws: &[String]) -> bool {
    ws.iter().take(5).take_while(|n| *n != "that").any(|n| REFUSED.contains(&n.as_str()))
}

/// True when a denial cue's content is something refused ("rejected | Trump's offer"), not a claim.
fn refuses(content: &str) -> bool {
    refused_first(&words(content).collect::<Vec<_>>())
}

/// Word vectors as sorted (term id, weight) lists scaled to unit length, so that a cosine is one
/// merge of two short lists.
/// The bit of a term id that marks a broad feature ([`broad_feature`]).
const BROAD: u32 = 1 << 31;

/// True for a feature that alone says little of what two units claim: a concept of people, places
/// or things named in many words ("people", "residents": CIVILIAN; not an event such as KILL) or a
/// speaker ("@dana whitlow": what one person says is not one claim).
fn broad_feature(k: &str) -> bool {
    k.starts_with('@') || matches!(k, "CIVILIAN" | "TOWN" | "TROOPS" | "MEDIA")
}

/// Unit-length sparse vectors of tf-idf vectors, their terms numbered (with [`BROAD`] on broad
/// features) and sorted.
fn sparse_unit_vectors(vecs: &[Vector]) -> Vec<Vec<(u32, f32)>> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    vecs.iter()
        .map(|v| {
            let norm = v.values().map(|x| x * x).sum::<f32>().sqrt();
            let mut s: Vec<(u32, f32)> = v
                .iter()
                .map(|(k, x)| {
                    let next = ids.len() as u32 | if broad_feature(k) { BROAD } else { 0 };
                    (*ids.entry(k.as_str()).or_insert(next), if norm > 0.0 { x / norm } else { 0.0 })
                })
                .collect();
            s.sort_unstable_by_key(|&(k, _)| k);
            s
        })
        .collect()
}

/// True when two sorted lists share no element.
fn disjoint(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return false,
        }
    }
    true
}

fn sparse_dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    sparse_dot_shared(a, b).0
}

/// The dot product of two sparse vectors, how many terms they share and the first of them.
fn sparse_dot_shared(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f32, usize, u32) {
    let (mut shared, mut first) = (0, 0);
    let (mut i, mut j, mut dot) = (0, 0, 0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                if shared == 0 {
                    first = a[i].0;
                }
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (dot, shared, first)
}

/// Per topic, the sums of its units' word vectors (with postings: term -> topics holding it, so that
/// a unit meets only the topics it shares a word with) and of their sentence vectors, with the
/// squared length of that sum.
#[derive(Default)]
struct TopicSums {
    dims: usize,
    words: Vec<HashMap<u32, f32>>,
    postings: HashMap<u32, Vec<u32>>,
    sent: Vec<Vec<f32>>,
    sent_sq: Vec<f32>,
}

impl TopicSums {
    /// Adds a unit to topic `c` (the next new topic if `c` is their number).
    fn add(&mut self, c: usize, words: &[(u32, f32)], sent: Option<&Vec<f32>>) {
        if c == self.words.len() {
            self.words.push(HashMap::new());
            self.sent.push(vec![0f32; self.dims]);
            self.sent_sq.push(0.0);
        }
        for &(k, x) in words {
            let postings = &mut self.postings;
            *self.words[c].entry(k).or_insert_with(|| {
                postings.entry(k).or_default().push(c as u32);
                0.0
            }) += x;
        }
        if let Some(v) = sent {
            // |S + v|² = |S|² + 2 S·v + |v|²
            self.sent_sq[c] += 2.0 * dot(&self.sent[c], v) + dot(v, v);
            self.sent[c].iter_mut().zip(v).for_each(|(s, x)| *s += x);
        }
    }
}

/// A candidate merge of clusters `a` < `b` at average similarity `avg`, valid while both are alive
/// at the versions they had when it was made (16 bytes: the heap can hold many).
#[derive(PartialEq)]
struct Merge {
    avg: f32,
    a: u32,
    b: u32,
    versions: (u16, u16),
}

impl Eq for Merge {}

impl Ord for Merge {
    /// Highest similarity first; among equals, the lowest pair of cluster indices.
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.avg.total_cmp(&o.avg).then(o.a.cmp(&self.a)).then(o.b.cmp(&self.b))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

/// Groups units into topics: average-linkage agglomeration ([`agglomerate`]) of the first
/// [`MAX_UNITS`] units, merging while the average pair similarity is above `link`. Units beyond them
/// (a story of a few hundred articles) are not dropped: each joins the topic of highest average
/// similarity if that is above `link` (the word part of that average is exact, one dot product with
/// the topic's summed vectors; the paraphrase part is taken against the topic's mean sentence
/// vector), or starts a topic of its own, in one linear pass.
fn cluster(
    sparse: &[Vec<(u32, f32)>],
    sent: &[Vec<f32>],
    disputing: &[bool],
    idx: &[usize],
    link: f32,
    cancel: &AtomicBool,
) -> Vec<Vec<usize>> {
    cluster_capped(sparse, sent, idx, link, MAX_UNITS, |x, y| pair_similarity(sparse, sent, disputing, x, y), cancel)
}

/// Similarity of units `x` and `y`: the cosine of their word features, plus the share of their
/// sentence vectors' cosine above [`PARAPHRASE_FLOOR`] ("officials ordered residents to leave their
/// homes" and "authorities told people to evacuate" share no word); from unit-length vectors. Two
/// units that do not dispute (`disputing`) and share only one broad feature count
/// [`LONE_BROAD_SHARE`] of their word cosine.
fn pair_similarity(sparse: &[Vec<(u32, f32)>], sent: &[Vec<f32>], disputing: &[bool], x: usize, y: usize) -> f32 {
    let (w, shared, first) = sparse_dot_shared(&sparse[x], &sparse[y]);
    // (a dispute of a concept is about that concept alone: "the mayor did not mention any killings")
    let plain = |u: usize| !disputing.get(u).copied().unwrap_or(false);
    let w = if shared == 1 && first & BROAD != 0 && plain(x) && plain(y) { w * LONE_BROAD_SHARE } else { w };
    match (sent.get(x), sent.get(y)) {
        (Some(a), Some(b)) => w + paraphrase(dot(a, b)),
        _ => w,
    }
}

/// Average-linkage agglomeration of `items` under `sim`: merges the two clusters of highest average
/// pair similarity while it is above `link`. Pair similarities are computed once (n² / 2 floats
/// kept), the sums between clusters updated on each merge (Lance-Williams: the sum to a merged
/// cluster is the sum of the sums to its parts) and candidate merges kept in a heap: O(n² log n).
/// Once `cancel` is set it stops where it is and returns the clusters so far.
fn agglomerate(
    items: &[usize],
    sim: impl Fn(usize, usize) -> f32 + Sync,
    link: f32,
    cancel: &AtomicBool,
) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    let n = items.len();
    debug_assert!(n < 1 << 16, "agglomerate: {n} items, at most 65,535");
    // sums[a * n + b]: sum of the pair similarities between clusters a and b; the upper triangle
    // computed row by row in parallel (a story's thousands of articles are millions of pairs), then
    // mirrored
    let mut sums = vec![0f32; n * n];
    if n > 0 {
        sums.par_chunks_mut(n).enumerate().for_each(|(a, row)| {
            if cancelled(cancel) {
                return;
            }
            for b in a + 1..n {
                row[b] = sim(items[a], items[b]);
            }
        });
    }
    for a in 0..n {
        for b in a + 1..n {
            sums[b * n + a] = sums[a * n + b];
        }
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|a| vec![a]).collect();
    // a cluster's version counts the merges into it: fewer than n, and the callers keep n under
    // 65,536 (`MAX_UNITS`, `MAX_STORY_ARTICLES`), so a u16 never wraps
    let mut version = vec![0u16; n];
    let mut heap = std::collections::BinaryHeap::new();
    for a in 0..n {
        for b in a + 1..n {
            if sums[a * n + b] > link {
                heap.push(Merge { avg: sums[a * n + b], a: a as u32, b: b as u32, versions: (0, 0) });
            }
        }
    }
    while let Some(m) = heap.pop() {
        if cancelled(cancel) {
            break;
        }
        let (a, b) = (m.a as usize, m.b as usize);
        if members[a].is_empty() || members[b].is_empty() || m.versions != (version[a], version[b]) {
            continue;
        }
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        version[a] += 1;
        for c in 0..n {
            if c == a || members[c].is_empty() {
                continue;
            }
            let s = sums[a * n + c] + sums[b * n + c];
            sums[a * n + c] = s;
            sums[c * n + a] = s;
            let avg = s / (members[a].len() * members[c].len()) as f32;
            if avg > link {
                let (x, y) = (a.min(c), a.max(c));
                heap.push(Merge { avg, a: x as u32, b: y as u32, versions: (version[x], version[y]) });
            }
        }
    }
    members.into_iter().filter(|m| !m.is_empty()).map(|m| m.into_iter().map(|k| items[k]).collect()).collect()
}

/// [`cluster`] with the first `cap` items clustered exactly under `sim`.
fn cluster_capped(
    sparse: &[Vec<(u32, f32)>],
    sent: &[Vec<f32>],
    idx: &[usize],
    link: f32,
    cap: usize,
    sim: impl Fn(usize, usize) -> f32 + Sync,
    cancel: &AtomicBool,
) -> Vec<Vec<usize>> {
    let (dense, rest) = idx.split_at(idx.len().min(cap));
    let mut clusters = agglomerate(dense, sim, link, cancel);
    if rest.is_empty() || cancelled(cancel) {
        return clusters;
    }
    // the rest, online, against each topic's sums
    let mut sums = TopicSums { dims: sent.first().map_or(0, Vec::len), ..TopicSums::default() };
    for (c, members) in clusters.iter().enumerate() {
        for &u in members {
            sums.add(c, &sparse[u], sent.get(u));
        }
    }
    let mut words = vec![0f32; clusters.len()];
    for &u in rest {
        if cancelled(cancel) {
            break;
        }
        words.resize(clusters.len(), 0.0);
        let mut touched: Vec<u32> = Vec::new();
        for &(k, x) in &sparse[u] {
            for &c in sums.postings.get(&k).map_or(&[][..], Vec::as_slice) {
                if words[c as usize] == 0.0 {
                    touched.push(c);
                }
                words[c as usize] += x * sums.words[c as usize][&k];
            }
        }
        let best = (0..clusters.len())
            .map(|c| {
                let w = words[c] / clusters[c].len() as f32;
                let s = match sent.get(u) {
                    Some(v) if sums.sent_sq[c] > 0.0 => w + paraphrase(dot(v, &sums.sent[c]) / sums.sent_sq[c].sqrt()),
                    _ => w,
                };
                (c, s)
            })
            .filter(|&(_, s)| s > link)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        for c in touched {
            words[c as usize] = 0.0;
        }
        let c = best.map_or(clusters.len(), |(c, _)| c);
        if c == clusters.len() {
            clusters.push(Vec::new());
        }
        clusters[c].push(u);
        sums.add(c, &sparse[u], sent.get(u));
    }
    clusters
}

/// True when a unit only voices the outlet's own doubt ("the so-called dam disaster", "alleged
/// killings"): it names a claim without anyone affirming it.
fn doubt_only(u: &Unit) -> bool {
    u.own_voice && matches!(u.stance, Stance::Distanced | Stance::Refuted)
}

/// True when someone affirms what the units say: a source it is attributed to, or the outlet's own
/// plain voice.
fn affirmed(units: &[Unit], members: &[usize]) -> bool {
    members.iter().any(|&m| !doubt_only(&units[m]))
}

/// Content features an affirming and a disputing unit must share for their claims to contradict: a
/// topic gathers units at a low similarity (paraphrases), but a dispute contradicts only what it is
/// about ("no one died in Osk" shares the killing and Osk with "Floodwater kills 40 in Osk").
const MIN_COMMON: usize = 2;

/// Words that leave a negated concept whole: "no evidence of fraud of any kind", "no sign of a
/// leak", "we have seen no reports of killings". A dispute of nothing but its concept ("there was
/// no fraud") answers every statement of that concept in its topic, so the concept alone is the
/// feature in common it needs (not [`MIN_COMMON`]).
const BLANKET_WORDS: &[&str] = &[
    "evidence",
    "proof",
    "sign",
    "signs",
    "trace",
    "traces",
    "indication",
    "report",
    "reports",
    "seen",
    "found",
    "kind",
    "widespread",
    "systematic",
    "large-scale",
    "major",
    "serious",
    "significant",
];

/// The features of the name of a unit's speaker; none for the outlet's own voice.
fn speaker_features(f: &Featurizer, u: &Unit) -> Vec<String> {
    u.speaker.as_deref().map(|s| f.features(s)).unwrap_or_default()
}

/// Who voices a unit: its speaker, or where it has none, the outlet of its article in its own voice.
fn voice(units: &[Unit], u: usize) -> (Option<&str>, Option<usize>) {
    match units[u].speaker.as_deref() {
        Some(s) => (Some(s), None),
        None => (None, Some(units[u].r.article())),
    }
}

/// The unit of `affirm` and the unit of `dispute` that meet as the two sides of one
/// contradiction: another voice on each side (no speaker, and no outlet in its own voice, against
/// itself: "This is absurd" and "rejected the accusation" by one man are one side), neither inside
/// the other, words that [`say_the_same`] thing (content features: concepts, stems, names; not
/// speakers, words that only point at a claim, what the affirming side negates, nor who makes the claim a denial
/// answers: see [`Featurizer::affirmed_features`] and [`Featurizer::disputed_parts`]), and for
/// a denial of involvement ("Belmark denied any role"), an affirming unit that names the denier. Of
/// several such pairs, the one that shows the contradiction best.
fn sides_meet(
    f: &Featurizer,
    articles: &[AnalyzedArticle],
    units: &[Unit],
    affirm: &[usize],
    dispute: &[usize],
) -> Option<(usize, usize)> {
    let text = |u: usize| units[u].text(articles);
    let about = |u: usize| units[u].about_text(articles);
    let set = |u: usize| f.affirmed_features(about(u), text(u));
    let disputers: HashSet<_> = dispute.iter().map(|&y| voice(units, y)).collect();
    type Parts = (HashSet<String>, HashSet<String>, Option<HashSet<String>>);
    let disputed: Vec<Parts> = dispute.iter().map(|&y| f.disputed_parts(about(y))).collect();
    // the predicate each denial of a "that" clause disputes
    // (and of a claim called made up after its "that" clause: "The story that the singer Ana Brel
    // died in a car crash | is a hoax" disputes the death, not "Singer Ana Brel alive and well";
    // a claim called untrue keeps the looser match, "reports that she had likened the assembly to
    // totalitarian regimes were inaccurate" against "Comparing the Assembly to Hitler's Germany")
    let named_then_made_up = |y: usize| {
        let ws: Vec<String> = words(about(y)).collect();
        ws.iter().enumerate().any(|(t, w)| {
            w == "that"
                && t > 0
                && CLAIM_NOUNS.contains(&ws[t - 1].as_str())
                && (t + 1..ws.len()).any(|k| fabrication_at(&ws, k))
        })
    };
    let predicates: HashMap<usize, Vec<String>> = dispute
        .iter()
        .filter(|&&y| units[y].denies && units[y].fabricated.is_none() || named_then_made_up(y))
        .filter_map(|&y| f.disputed_predicate(about(y)).map(|p| (y, p)))
        .collect();
    let disputes: Vec<(usize, HashSet<&str>, &Parts)> =
        dispute.iter().zip(&disputed).map(|(&y, p)| (y, p.0.iter().map(String::as_str).collect(), p)).collect();
    // the features in common each dispute needs: one for a dispute of its concept alone
    // (and one for claims said to lack evidence: "no evidence for their cyberattack claims")
    let least: HashMap<usize, usize> = disputes
        .iter()
        .map(|(y, d, _)| {
            let unsupported = || unsupported_claims(&words(about(*y)).collect::<Vec<_>>()).is_some();
            (*y, if blanket(f, units[*y].negates.as_ref(), d) || unsupported() { 1 } else { MIN_COMMON })
        })
        .collect();
    // a plain dispute of something negative ("rejects a suggestion that Ebbers was unaware of the
    // fraud") says the positive: it agrees with what states that ("Ebbers 'aware' of fraud"); not a
    // dispute that is itself a negation ("did not attack", "was not involved")
    let double_negative = |y: usize, a: &HashSet<&str>, negative: &Option<HashSet<String>>| {
        units[y].negates.is_none() && units[y].denies_involvement.is_none() && says_the_positive(a, negative)
    };
    // one unit inside the other ("but Moscow denies — “why wouldn't you ...” asked Dunn") is one
    // sentence reporting another, not two sides, unless the inner one is named as a claim: "Brown
    // denied | Conservative claims that he had fiddled the figures"
    let claimed = |x: usize| match units[x].r {
        EvidenceRef::Attribution { article, index } => {
            let a = &articles[article];
            words(a.analysis.attributions[index].cue.slice(&a.article.text)).any(|w| {
                CLAIM_NOUNS.contains(&w.as_str()) || CLAIMING.contains(&w.as_str()) || ACCUSING.contains(&w.as_str())
            })
        }
        EvidenceRef::Statement { .. } => false,
    };
    let nested = |x: usize, y: usize| {
        let (a, b) = (&units[x], &units[y]);
        a.r.article() == b.r.article() && a.span.start < b.span.end && b.span.start < a.span.end && !claimed(x)
    };
    // each unit's lowercase features, made when first asked for
    let lower: HashMap<usize, std::cell::OnceCell<HashSet<String>>> =
        affirm.iter().chain(dispute).map(|&u| (u, std::cell::OnceCell::new())).collect();
    let lower = |u: usize| lower[&u].get_or_init(|| f.lowercase_features(text(u)));
    // of all pairs that meet, the one that shows the contradiction best: a plain statement of the
    // claim in its own words (not the outlet's "alleged killings", nor words that only point back
    // at it, "That, as a general rule, is right", nor a report the outlet distances itself from:
    // "according to 'confirmed information' ..., he insisted"), then two outlets, then the most
    // words in common
    type Key = (bool, bool, bool, bool, usize);
    let mut best: Option<(Key, (usize, usize))> = None;
    // a denial of involvement answers an accusation of the denier whatever words they share ("any
    // involvement", said by Drevnia's foreign ministry, against "traced the attack to a group ...
    // which researchers have linked to Drevnia's military intelligence")
    let answers = |x: usize, y: usize| {
        let (Some(accused), Some(who)) = (units[x].accuses.as_deref(), units[y].denies_involvement.as_deref()) else {
            return false;
        };
        mentions(accused, who) || mentions(who, accused)
    };
    // (nor one that itself calls the story false: "The phony Culkin story is almost identical to
    // ...", "users were duped by its claims" are on the side of the dispute, not against it)
    for &x in affirm.iter().filter(|&&x| !disputers.contains(&voice(units, x)) && !debunks(text(x))) {
        let a = set(x);
        let a: HashSet<&str> = a.iter().map(String::as_str).collect();
        for (y, d, (_, core, negative)) in &disputes {
            let key = (
                units[x].strong_voice_marker.is_none(),
                !units[x].points_back(),
                !matches!(units[x].stance, Stance::Distanced | Stance::Refuted),
                units[x].r.article() != units[*y].r.article(),
                a.intersection(d).count(),
            );
            if best.is_some_and(|(k, _)| k >= key) || nested(x, *y) {
                continue;
            }
            let said = |c: &str| lower(x).contains(c) || lower(*y).contains(c);
            let meet = (say_the_same(&a, d, units[*y].negates.as_ref(), least[y], said)
                || units[*y].fabricated.as_ref().is_some_and(|thing| states_thing(&a, thing, said)))
                && core.iter().any(|c| a.contains(c.as_str()))
                && predicates.get(y).is_none_or(|p| p.iter().any(|p| a.contains(p.as_str())))
                && !double_negative(*y, &a, negative)
                && units[*y].denies_involvement.as_deref().is_none_or(|who| mentions(text(x), who))
                && match &units[*y].negates {
                    Some(Negated::Predicate { word, object, subject, .. }) => {
                        f.states(about(x), word, object, subject, &speaker_features(f, &units[x]))
                    }
                    _ => true,
                };
            if meet || answers(x, *y) {
                best = Some((key, (x, *y)));
            }
        }
    }
    best.map(|(_, pair)| pair)
}

/// Words that call a story false without disputing any proposition of it ([`disputed`] finds none
/// in "The phony Culkin story is almost identical to the phony Rose story").
const DEBUNKING: &[&str] = &[
    "hoax",
    "hoaxes",
    "hoaxer",
    "hoaxers",
    "phony",
    "phoney",
    "bogus",
    "duped",
    "prank",
    "pranked",
    "spoof",
    "satirical",
];

/// True when a text calls what it tells of false ([`DEBUNKING`]).
fn debunks(text: &str) -> bool {
    words(text).any(|w| DEBUNKING.contains(&w.as_str()))
}

/// True when a dispute (its content features `d`) negates a concept and says nothing else ("we have
/// seen no evidence of fraud of any kind": [`BLANKET_WORDS`] aside).
fn blanket(f: &Featurizer, negates: Option<&Negated>, d: &HashSet<&str>) -> bool {
    match negates {
        Some(Negated::Concept(c)) => {
            d.iter().all(|w| w == c || BLANKET_WORDS.iter().any(|b| f.feature(b).is_some_and(|b| b == *w)))
        }
        _ => false,
    }
}

/// True when an affirming text and a disputing text (each with its content features) speak of one
/// thing: at least `least` features in common (one for a [`blanket`] dispute, else [`MIN_COMMON`])
/// and at least a third of the shorter side's (two words shared by two long sentences make a
/// topic, not a proposition), one of them `said`: written
/// in lower case in either text (something said, not only names: "Clinton" and "Obama"), and for a
/// text that disputes only by a negation ("did not attack Mrs Clinton"), the concept it negates,
/// or the predicate it negates with what it is of, both on both sides ("not qualified to be
/// president" and "overwhelmingly qualified to be president").
fn say_the_same(
    a: &HashSet<&str>,
    d: &HashSet<&str>,
    negates: Option<&Negated>,
    least: usize,
    said: impl Fn(&str) -> bool,
) -> bool {
    let common: Vec<&str> = a.intersection(d).copied().collect();
    common.len() >= least
        && common.len() * 3 >= a.len().min(d.len())
        && negates.is_none_or(|n| match n {
            Negated::Concept(c) => a.contains(c),
            Negated::Predicate { word, object, .. } => {
                a.contains(word.as_str()) && a.contains(object.as_str()) && d.contains(object.as_str())
            }
        })
        && common.iter().any(|c| said(c))
}

/// True when an affirming text (its content features `a`) states the thing a fabrication is said of
/// (`thing`: "the outbreak" of "the so-called outbreak was staged"): all its features, one of them
/// `said` in lower case ("Formula outbreak grows to 19 cases" states the outbreak; a name alone
/// states nothing). A thing made up is often one noun, so this does not ask for the two features in
/// common that [`say_the_same`] asks of other disputes.
fn states_thing(a: &HashSet<&str>, thing: &HashSet<String>, said: impl Fn(&str) -> bool) -> bool {
    thing.iter().all(|c| a.contains(c.as_str())) && thing.iter().any(|c| said(c))
}

/// True when a plain dispute of something negative (`negative`, from [`Featurizer::disputed_parts`])
/// says what the affirming side's features `a` state: any plain negation ("denied that he had not
/// paid"), or an "un-" word whose positive `a` holds ("unaware" against "aware").
fn says_the_positive(a: &HashSet<&str>, negative: &Option<HashSet<String>>) -> bool {
    negative.as_ref().is_some_and(|p| p.is_empty() || p.iter().any(|w| a.contains(w.as_str())))
}

/// True when every affirming unit is attributed to someone who also voices the dispute: one
/// speaker's "This is absurd" and "rejected the accusation" are one side, not two.
fn self_disputed(units: &[Unit], affirm: &[usize], dispute: &[usize]) -> bool {
    let disputers: HashSet<&str> = dispute.iter().filter_map(|&u| units[u].speaker.as_deref()).collect();
    affirm.iter().all(|&u| units[u].speaker.as_deref().is_some_and(|s| disputers.contains(s)))
}

/// A topic that only denies involvement ("Belmark had nothing to do with it": no one but the deniers
/// in it affirms anything, or only what accuses no one) moves its denials to the topic holding an accusation against the denier ("accused Belmark of the
/// attack"), the most similar if several: the denial answers that accusation, in other words.
fn join_denials(
    f: &Featurizer,
    articles: &[AnalyzedArticle],
    units: &[Unit],
    topics: &mut [(Vec<usize>, Vec<usize>)],
    sim: impl Fn(usize, usize) -> f32,
) {
    for t in 0..topics.len() {
        let (affirm, dispute) = &topics[t];
        // (what the deniers themselves say beside the denial, "This is absurd", affirms nothing here;
        // nor does what accuses no one and does not meet the denial, sharing a word with it: "No one
        // was hurt in the outage" beside "Drevnia had nothing to do with the outage")
        if dispute.is_empty()
            || dispute.iter().any(|&u| units[u].denies_involvement.is_none())
            || !affirm.is_empty()
                && !self_disputed(units, affirm, dispute)
                && (affirm.iter().any(|&u| units[u].accuses.is_some())
                    || sides_meet(f, articles, units, affirm, dispute).is_some())
        {
            continue;
        }
        let answers = |x: usize| {
            units[x].accuses.as_deref().is_some_and(|accused| {
                let text = units[x].span.slice(&articles[units[x].r.article()].article.text);
                dispute.iter().any(|&u| {
                    let who = units[u].denies_involvement.as_deref().unwrap_or("");
                    mentions(text, who) || mentions(who, accused)
                })
            })
        };
        let best = (0..topics.len())
            .filter(|&o| o != t)
            .filter_map(|o| {
                let accusations: Vec<usize> = topics[o].0.iter().copied().filter(|&x| answers(x)).collect();
                let s = accusations.iter().flat_map(|&x| dispute.iter().map(move |&y| (x, y)));
                (!accusations.is_empty()).then(|| (o, s.map(|(x, y)| sim(x, y)).fold(f32::MIN, f32::max)))
            })
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((o, _)) = best {
            let moved = std::mem::take(&mut topics[t].1);
            topics[o].1.extend(moved);
        }
    }
}

/// A unit that says something was made up ("the so-called outbreak was staged to ruin the
/// company") shares often no more than that thing with what states it ("Formula outbreak grows to
/// 19 cases"), too little to fall into one topic with it. Each topic holding such a unit is also
/// weighed against the topic, affirmed by someone else, whose unit stating the thing (all its
/// features) is most similar to it. Returns (affirmed topic, disputed topic) pairs not in `links`.
fn link_fabrications(
    units: &[Unit],
    feats: &[Vec<String>],
    topics: &[(Vec<usize>, Vec<usize>)],
    links: &[(usize, usize)],
    sim: impl Fn(usize, usize) -> f32,
) -> Vec<(usize, usize)> {
    let mut topic_of: HashMap<usize, usize> = HashMap::new();
    for (t, (affirm, _)) in topics.iter().enumerate() {
        for &u in affirm {
            topic_of.insert(u, t);
        }
    }
    let mut out = Vec::new();
    for (t, (_, dispute)) in topics.iter().enumerate() {
        for &y in dispute {
            let Some(thing) = &units[y].fabricated else { continue };
            let best = (0..units.len())
                .filter(|&x| topic_of.get(&x).is_some_and(|&o| o != t))
                .filter(|&x| !doubt_only(&units[x]) && voice(units, x) != voice(units, y))
                .filter(|&x| thing.iter().all(|c| feats[x].contains(c)))
                .map(|x| (topic_of[&x], sim(x, y)))
                .max_by(|p, q| p.1.total_cmp(&q.1).then(q.0.cmp(&p.0)));
            if let Some((o, _)) = best {
                if !links.contains(&(o, t)) && !out.contains(&(o, t)) {
                    out.push((o, t));
                }
            }
        }
    }
    out
}

/// A topic that is disputed ("the dam disaster was staged") but whose affirming side is only the
/// outlet's own doubts ("the so-called dam disaster") says nothing anyone affirms: those doubts are
/// about a claim that others make. Each such side moves to the topic, affirmed by someone, that holds
/// the unit most similar to one of its units (at least [`CLAIM_LINK`]), so that the outlet's
/// distance shows on that claim. Returns (receiving topic, disputed topic) pairs.
fn rehome_doubts(
    units: &[Unit],
    topics: &mut [(Vec<usize>, Vec<usize>)],
    sim: impl Fn(usize, usize) -> f32,
) -> Vec<(usize, usize)> {
    let mut links = Vec::new();
    for t in 0..topics.len() {
        let (affirm, dispute) = &topics[t];
        if affirm.is_empty() || dispute.is_empty() || affirmed(units, affirm) {
            continue;
        }
        let best = (0..topics.len())
            .filter(|&o| o != t && affirmed(units, &topics[o].0))
            .map(|o| {
                let s = affirm.iter().flat_map(|&x| topics[o].0.iter().map(move |&y| (x, y)));
                (o, s.map(|(x, y)| sim(x, y)).fold(0.0f32, f32::max))
            })
            .filter(|&(_, s)| s >= CLAIM_LINK)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((o, _)) = best {
            let moved = std::mem::take(&mut topics[t].0);
            topics[o].0.extend(moved);
            links.push((o, t));
        }
    }
    links
}

/// The words that name a claim: a unit's span, or for an attribution whose content is a scrap of a
/// few words ("river blast" in "Kremlin rejects blame for river blast") the source and cue with it,
/// when they come before it in one stretch of text. With `fragments`, also for a content that is
/// no sentence of its own, opening in lower case, behind a cue that is not a plain verb of saying
/// ("any role in the collapse" behind "denied", "to let observers visit" behind "refused"), or
/// the object of an accusation: read alone, it says what its speaker denied or refused.
fn claim_words<'a>(articles: &'a [AnalyzedArticle], u: &Unit, fragments: bool) -> &'a str {
    let a = &articles[u.r.article()];
    let text = &a.article.text;
    let own = u.span.slice(text);
    let EvidenceRef::Attribution { index, .. } = u.r else {
        return if fragments { with_subject(a, u.span).unwrap_or(own) } else { own };
    };
    let att = &a.analysis.attributions[index];
    let start = att.source.map_or(att.cue.start, |s| s.start.min(att.cue.start));
    let cue = att.cue.slice(text).to_lowercase();
    // (an accusation's object opens with a name: "Russia of trying to hide ...")
    let fragment = fragments
        && (own.starts_with(|c: char| c.is_lowercase()) || cue.contains("accus") || cue.contains("blam"))
        && !plain_saying(&cue);
    // (an accusation's content is its object: "Belmark of the attack" needs "accused")
    if own.split_whitespace().count() >= 5 && u.accuses.is_none() && !fragment
        || att.cue.end > att.content.start
        || start >= att.content.start
    {
        return own;
    }
    let whole = &text[start..att.content.end];
    // one stretch: no sentence or paragraph break between the source and the content
    if whole.contains('\n') || whole.len() > 300 {
        return own;
    }
    whole
}

/// A statement of the voice that opens in lower case ("distributed graphic footage of ..." where
/// "On Saturday, Ukraine" is the source of a later "saying that ..."), from its sentence's start:
/// "On Saturday, Ukraine distributed graphic footage of ...". Only where the words before it are on
/// its line and few.
fn with_subject(a: &AnalyzedArticle, span: Span) -> Option<&str> {
    let text = &a.article.text;
    if !span.slice(text).starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let sentences = &a.analysis.sentences;
    let k = sentences.partition_point(|s| s.end <= span.start);
    let start = sentences.get(k).filter(|s| s.start < span.start)?.start;
    let before = &text[start..span.start];
    (!before.contains('\n') && before.split_whitespace().count() <= 8).then(|| &text[start..span.end])
}

/// Cue words after which a content is what the speaker holds true ("said the dam had been
/// neglected"), as against those after which it is what they deny, refuse, promise or ask.
const PLAIN_SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "stated",
    "states",
    "according",
    "reported",
    "reports",
    "reportedly",
    "explained",
    "explains",
    "noted",
    "notes",
    "wrote",
    "writes",
    "claimed",
    "claims",
    "claim",
    "insisted",
    "insists",
    "argued",
    "argues",
    "believes",
    "believed",
    "thinks",
    "suggested",
    "suggests",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "revealed",
    "reveals",
    "warned",
    "warns",
    "estimated",
    "estimates",
    "acknowledged",
    "admitted",
    "alleged",
    "alleges",
    "asserted",
    "maintained",
    "maintains",
    "testified",
    "showed",
    "shows",
    "indicated",
    "believe",
    "think",
    "thought",
    "stressed",
];

/// Whether a cue, in lower case, is a plain verb of saying ([`PLAIN_SAYING`]).
fn plain_saying(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphabetic()).any(|w| PLAIN_SAYING.contains(&w))
}

fn summary(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= 160 {
        return t;
    }
    let mut out = String::new();
    for w in t.split(' ') {
        if out.chars().count() + w.chars().count() > 155 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

/// What a unit's kind adds to its centrality when a claim's summary is chosen: the outlet's own
/// plain words a little; a voice's hedge or scare quotes, a pointer ("those accusations": central
/// through the words it points at), a dispute by a negation alone ("the mayor didn't mention any
/// killings" names the claim it answers only by its absence) and a scrap of three words or fewer
/// ("the group", which names no proposition) much less.
fn summary_weight(indirect: bool, own_voice: bool, words: usize) -> f32 {
    if indirect || words <= 3 {
        -0.5
    } else if own_voice {
        0.15
    } else {
        0.0
    }
}

/// The claims of a story, and the counts its articles give of one thing that cannot both be true.
fn claims(
    f: &Featurizer,
    articles: &[AnalyzedArticle],
    g: &[usize],
    cancel: &AtomicBool,
) -> (Vec<Claim>, (Vec<CountConflict>, usize)) {
    let (units, feats) = units(f, articles, g);
    if cancelled(cancel) {
        return (Vec::new(), (Vec::new(), 0));
    }
    let vecs = tfidf(&feats);
    // sentence vectors of the units' own words, for paraphrases
    let sent: Vec<Vec<f32>> = match embeddings() {
        Some(t) => {
            use corroborate_embed::Embedder;
            // at unit length, so that a cosine is a dot product
            let unit = |mut v: Vec<f32>| {
                corroborate_embed::normalize(&mut v);
                v
            };
            units.iter().map(|u| unit(t.embed(u.about_text(articles)))).collect()
        }
        None => Vec::new(),
    };
    // topics first (whatever the polarity), then each topic splits into what affirms and what disputes it
    let all: Vec<usize> = (0..units.len()).collect();
    let sparse = sparse_unit_vectors(&vecs);
    let disputing: Vec<bool> = units.iter().map(|u| u.disputes).collect();
    let topics = cluster(&sparse, &sent, &disputing, &all, CLAIM_LINK, cancel);
    if cancelled(cancel) {
        return (Vec::new(), (Vec::new(), 0));
    }
    let mut topics: Vec<(Vec<usize>, Vec<usize>)> = topics
        .into_iter()
        .map(|topic| {
            let (dispute, affirm): (Vec<usize>, Vec<usize>) = topic.into_iter().partition(|&i| units[i].disputes);
            (affirm, dispute)
        })
        .collect();
    let mut links = rehome_doubts(&units, &mut topics, |x, y| pair_similarity(&sparse, &sent, &disputing, x, y));
    join_denials(f, articles, &units, &mut topics, |x, y| pair_similarity(&sparse, &sent, &disputing, x, y));
    let more =
        link_fabrications(&units, &feats, &topics, &links, |x, y| pair_similarity(&sparse, &sent, &disputing, x, y));
    links.extend(more);
    if cancelled(cancel) {
        return (Vec::new(), (Vec::new(), 0));
    }
    let mut groups: Vec<(bool, Vec<usize>)> = Vec::new();
    // per topic: its affirming groups (the plain claims, then the accusations) and its disputing group
    let mut group_of: Vec<([Option<usize>; 2], Option<usize>)> = Vec::new();
    for (affirm, dispute) in topics {
        let mut push = |disputing: bool, members: Vec<usize>| {
            (!members.is_empty()).then(|| {
                groups.push((disputing, members));
                groups.len() - 1
            })
        };
        // "X accused Belmark of the attack" is a claim of its own beside what the topic reports of
        // the attack: a denial of involvement answers the accusation, not the report
        let (accusations, plain): (Vec<usize>, Vec<usize>) =
            affirm.into_iter().partition(|&u| units[u].accuses.is_some());
        let a = [push(false, plain), push(false, accusations)];
        let d = push(true, dispute);
        group_of.push((a, d));
    }
    // an affirming and a disputing side of one topic contradict, and so do a disputed topic whose
    // only affirming words were the outlet's own doubts and the claim those doubts were moved to
    // (with the units where they meet)
    let mut topic_pairs: Vec<(usize, usize, (usize, usize))> = Vec::new();
    let pairs = group_of
        .iter()
        .copied()
        .chain(links.iter().map(|&(o, t)| (group_of[o].0, group_of[t].1)))
        .flat_map(|(a, d)| a.into_iter().map(move |a| (a, d)));
    for (a, d) in pairs {
        let (Some(a), Some(d)) = (a, d) else { continue };
        if !affirmed(&units, &groups[a].1) {
            continue;
        }
        if let Some(meet) = sides_meet(f, articles, &units, &groups[a].1, &groups[d].1) {
            topic_pairs.push((a, d, meet));
        }
    }
    // opposite states said of one thing by two voices: a claim of its own for each side
    let pinned: HashSet<usize> = topic_pairs.iter().flat_map(|&(_, _, (x, y))| [x, y]).collect();
    let opposites = opposite_states(f, articles, &units, &mut groups, &pinned);
    // each unit's cosine to the centroid of its group (the sum of the group's unit vectors)
    let mut centrality = vec![0f32; units.len()];
    for (_, members) in &groups {
        let mut terms: Vec<(u32, f32)> = members.iter().flat_map(|&m| sparse[m].iter().copied()).collect();
        terms.sort_by_key(|&(k, _)| k);
        let mut c: Vec<(u32, f32)> = Vec::with_capacity(terms.len());
        for (k, x) in terms {
            match c.last_mut() {
                Some(last) if last.0 == k => last.1 += x,
                _ => c.push((k, x)),
            }
        }
        let norm = c.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        for &m in members {
            centrality[m] = if norm > 0.0 { sparse_dot(&sparse[m], &c) / norm } else { 0.0 };
        }
    }

    // the speakers of each attribution content of the story's articles, looked up per unit below
    // (scanning an article's attributions for each unit was quadratic in a long article: 80 % of
    // `compare` on a 2 MB text of short sentences)
    let mut speakers_of: HashMap<(usize, Span), Vec<&str>> = HashMap::new();
    for &ai in g {
        let text = &articles[ai].article.text;
        for att in &articles[ai].analysis.attributions {
            // (not one whose cue is negated, "the local mayor | didn't mention | any killings": the
            // mayor said nothing, someone reports his silence)
            // (nor one who declined to say anything: "the mayor's office | declined | to comment on the
            // fraud allegations")
            if let Some(s) = att
                .speaker
                .as_ref()
                .filter(|_| !words(att.cue.slice(text)).any(|w| negation(&w)) && !declined_to_say(att, text))
            {
                speakers_of.entry((ai, att.content)).or_default().push(&s.name);
            }
        }
    }
    let mut claims: Vec<Claim> = groups
        .iter()
        .enumerate()
        .map(|(gi, (_, members))| {
            // the most central unit names the claim; prefer the voice's own words and short ones
            // a hedged phrase ("alleged killings") names nothing; prefer plain statements of the claim
            let plain = |u: &Unit| {
                let words = claim_words(articles, u, false).split_whitespace().count();
                summary_weight(
                    u.strong_voice_marker.is_some() || u.points_back() || u.negates.is_some(),
                    u.own_voice,
                    words,
                )
            };
            let rep = *members
                .iter()
                .max_by(|&&x, &&y| {
                    // (to 1e-4: the two units of a pair are equally central, up to rounding)
                    let score = |u: usize| ((centrality[u] + plain(&units[u])) * 1e4).round() as i64;
                    // then a sentence over a fragment ("Captivity is ..." over "that captivity
                    // was ..."), and one of about a dozen words over a scrap or a paragraph
                    let text = |u: usize| units[u].span.slice(&articles[units[u].r.article()].article.text);
                    let capital = |u: usize| text(u).starts_with(|c: char| c.is_uppercase());
                    let off_length = |u: usize| text(u).split_whitespace().count().abs_diff(12);
                    score(x)
                        .cmp(&score(y))
                        .then(capital(x).cmp(&capital(y)))
                        .then(off_length(y).cmp(&off_length(x)))
                        .then(units[y].span.len().cmp(&units[x].span.len()))
                })
                .unwrap();
            let rep_text = claim_words(articles, &units[rep], true);
            let mut evidence: Vec<EvidenceRef> = members.iter().map(|&m| units[m].r).collect();
            evidence.sort();
            // (with the other speakers of a unit's very words: "according to reliable sources, no
            // one died, Vask insisted" is said by both)
            let mut speakers: Vec<String> = members
                .iter()
                .flat_map(|&m| match units[m].r {
                    EvidenceRef::Attribution { article, .. } => {
                        speakers_of.get(&(article, units[m].span)).map_or(&[][..], Vec::as_slice)
                    }
                    _ => &[],
                })
                .map(|s| s.to_string())
                .collect();
            speakers.sort();
            speakers.dedup();
            // evidence per outlet: the most central first; equally central (the two units of a pair
            // are, up to rounding), the outlet's own words, then a named source
            let mut by_centrality = members.clone();
            let rank = |u: usize| {
                let central = (centrality[u] * 1e4).round() as i64;
                // a pointer ("those accusations") last: its words say little on their own
                (!units[u].points_back(), central, units[u].own_voice, units[u].speaker.is_some())
            };
            by_centrality.sort_by_key(|&u| std::cmp::Reverse(rank(u)));
            let stances = outlet_stances(&units, &by_centrality, groups[gi].0);
            // the known narratives whose matching words a unit of the claim holds
            let mut narratives: Vec<ClaimNarrative> = Vec::new();
            for &m in members {
                let article = units[m].r.article();
                for n in &articles[article].analysis.narratives {
                    if !n.evidence.iter().any(|e| units[m].span.contains(e)) {
                        continue;
                    }
                    match narratives.iter_mut().find(|c| c.narrative == n.narrative) {
                        Some(c) if !c.articles.contains(&article) => c.articles.push(article),
                        Some(_) => {}
                        None => {
                            narratives.push(ClaimNarrative { narrative: n.narrative.clone(), articles: vec![article] })
                        }
                    }
                }
            }
            for n in narratives.iter_mut() {
                n.articles.sort_unstable();
            }
            Claim {
                summary: summary(rep_text),
                evidence,
                relations: Vec::new(),
                stances,
                speakers,
                narratives,
                article_stances: Vec::new(),
            }
        })
        .collect();
    // contradictions: what affirms and what disputes one topic
    for (a, b, (x, y)) in topic_pairs {
        let reason = format!("disputes ({})", dispute_words(articles, &units, &groups[b].1));
        let (x, y) = (units[x].r, units[y].r);
        claims[a].relations.push(ClaimRelation {
            claim: b,
            relation: Relation::Contradicts,
            reason: reason.clone(),
            evidence: vec![x, y],
            disputes: false,
        });
        claims[b].relations.push(ClaimRelation {
            claim: a,
            relation: Relation::Contradicts,
            reason,
            evidence: vec![y, x],
            disputes: true,
        });
    }
    for o in &opposites {
        let (x, y) = (units[o.units.0].r, units[o.units.1].r);
        // (each side's reason names its own state first: "switched off vs working")
        let (wx, wy) = (&o.words.0, &o.words.1);
        for (from, to, evidence, reason) in [
            (o.groups.0, o.groups.1, vec![x, y], format!("{wx} vs {wy}")),
            (o.groups.1, o.groups.0, vec![y, x], format!("{wy} vs {wx}")),
        ] {
            if claims[from].relations.iter().any(|r| r.claim == to) {
                continue;
            }
            claims[from].relations.push(ClaimRelation {
                claim: to,
                relation: Relation::Contradicts,
                reason,
                evidence,
                disputes: false,
            });
        }
    }
    // order: claims in contradictions and carried by more articles first; keep relation indices right
    let mut order: Vec<usize> = (0..claims.len()).collect();
    let weight: Vec<(usize, usize, usize)> = claims
        .iter()
        .map(|c| {
            let arts: HashSet<usize> = c.evidence.iter().map(|e| e.article()).collect();
            (c.relations.len().min(1), arts.len(), c.evidence.len())
        })
        .collect();
    order.sort_by(|&x, &y| weight[y].cmp(&weight[x]).then(x.cmp(&y)));
    let mut new_index = vec![0; claims.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<Claim> = order.iter().map(|&o| claims[o].clone()).collect();
    for c in sorted.iter_mut() {
        for r in c.relations.iter_mut() {
            r.claim = new_index[r.claim];
        }
    }
    let mut topic_of = vec![usize::MAX; units.len()];
    for (t, (a, d)) in group_of.iter().enumerate() {
        for g in a.iter().flatten().chain(d) {
            for &u in &groups[*g].1 {
                topic_of[u] = t;
            }
        }
    }
    // (a claim split off for an opposite state stays in its topic)
    for o in &opposites {
        if let Some(&u) = groups[o.groups.0].1.first() {
            for &v in &groups[o.groups.1].1 {
                if topic_of[v] == usize::MAX {
                    topic_of[v] = topic_of[u];
                }
            }
        }
    }
    let mut claim_of = vec![usize::MAX; units.len()];
    for (gi, (_, members)) in groups.iter().enumerate() {
        for &u in members {
            claim_of[u] = new_index[gi];
        }
    }
    let conflicts = count_conflicts(articles, &units, &claim_of, &topic_of);
    (sorted, conflicts)
}

/// Two claims that say one thing is in opposite states ([`OPPOSITE_STATES`]).
struct Opposite {
    /// the claims (indices into the groups)
    groups: (usize, usize),
    /// a unit of each that says it
    units: (usize, usize),
    /// the words of each state ("switched off", "working")
    words: (String, String),
}

/// A state of [`OPPOSITE_STATES`] said of a thing in `ws`: (pair, side, the state's words, the
/// features of the thing). Predicative only ("the sprinklers | had been | switched off", "the
/// border remained closed"), with the features of the (up to five) words of its subject before any
/// phrase placing it, none a pronoun's; a negation before it moves it to the other side ("were not working").
fn states(f: &Featurizer, ws: &[String]) -> Vec<(usize, usize, String, HashSet<String>)> {
    // the first words of the states' phrases, so that most words are passed over at one look-up
    static FIRST: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        OPPOSITE_STATES.iter().flat_map(|(a, b)| a.iter().chain(b.iter())).filter_map(|p| p.split(' ').next()).collect()
    });
    let mut out = Vec::new();
    for i in (0..ws.len()).filter(|&i| first.contains(ws[i].as_str())) {
        for (pair, sides) in OPPOSITE_STATES.iter().enumerate() {
            for (side, phrases) in [sides.0, sides.1].into_iter().enumerate() {
                let Some(phrase) = phrases.iter().find(|p| {
                    let n = p.split(' ').count();
                    i + n <= ws.len() && p.split(' ').zip(&ws[i..]).all(|(a, b)| a == b)
                }) else {
                    continue;
                };
                // back over adverbs and negations to the verb that predicates the state
                let mut j = i;
                let mut negated = false;
                let mut negator = None;
                while j > 0
                    && (is_ly(&ws[j - 1]) || negation(&ws[j - 1]) || STATE_ADVERBS.contains(&ws[j - 1].as_str()))
                {
                    negated ^= negation(&ws[j - 1]);
                    negator = negator.or(negation(&ws[j - 1]).then_some(j - 1));
                    j -= 1;
                }
                if j == 0 || !(be_form(&ws[j - 1]) || STATE_VERBS.contains(&ws[j - 1].as_str())) {
                    continue;
                }
                // ("silent" of a thing that should sound: someone who "remained silent" or "was
                // silent on the matter" declined to speak)
                if *phrase == "silent"
                    && (!be_form(&ws[j - 1])
                        || ws.get(i + 1).is_some_and(|n| matches!(n.as_str(), "on" | "about" | "over")))
                {
                    continue;
                }
                // and over the auxiliaries to the subject
                while j > 0 && (be_form(&ws[j - 1]) || AUXILIARIES.contains(&ws[j - 1].as_str())) {
                    negated ^= negation(&ws[j - 1]);
                    negator = negator.or(negation(&ws[j - 1]).then_some(j - 1));
                    j -= 1;
                }
                let Some(thing) = subject_thing(f, ws, j, i) else { continue };
                out.push((
                    pair,
                    side ^ usize::from(negated),
                    stated(phrase, negated, negator.map(|k| ws[k].as_str())),
                    thing,
                ));
            }
        }
    }
    out.extend(working_verbs(f, ws));
    out
}

/// A state's words as a reader should see them: with the negation that moved it to the other side
/// ("never sounded", "not working").
fn stated(phrase: &str, negated: bool, negator: Option<&str>) -> String {
    match negator {
        Some(n) if negated => format!("{n} {phrase}"),
        _ => phrase.to_string(),
    }
}

/// The features of the thing a state is said of: the head of the subject ending before `ws[j]`
/// (up to five words back to a word that opens its clause; "that" may be a determiner: "that
/// hall"), before a phrase that places it ("the sprinklers | in that hall": two things at one place
/// are not one thing), none a pronoun's; none in a question or a condition ("whether the singer was
/// still alive", "failed to confirm the sirens were working") before the state at `ws[i]`.
fn subject_thing(f: &Featurizer, ws: &[String], j: usize, i: usize) -> Option<HashSet<String>> {
    let from = (j.saturating_sub(5)..j)
        .rev()
        .take_while(|&k| ws[k] == "that" || !SUBJECT_BOUNDARIES.contains(&ws[k].as_str()))
        .last()
        .unwrap_or(j);
    let thing: HashSet<String> = ws[from..j]
        .iter()
        .take_while(|w| !PLACING.contains(&w.as_str()))
        .filter(|w| !POINTERS.contains(&w.as_str()) && !SUBJECT_PRONOUNS.contains(&w.as_str()))
        .filter_map(|w| f.feature(w))
        .collect();
    (!thing.is_empty() && !ws[from.saturating_sub(3)..i].iter().any(|w| NOT_PLAINLY.contains(&w.as_str())))
        .then_some(thing)
}

/// Verbs that say a thing worked, of the "working" pair of [`OPPOSITE_STATES`]: "the sirens sounded",
/// "the brakes had worked", with a negation on the other side ("the sirens never sounded", "did
/// not work", "failed to go off"). A past form stands after its subject or an auxiliary; a base
/// form only after a "do", a modal or "fail to" (not the noun: "the work", "a sound"). Intransitive
/// only: the verb ends the text or comes before a word of [`AFTER_WORKING`] or an adverb in "-ly"
/// ("sounded the alarm", "sounded good" and "worked at the plant" say no such thing).
fn working_verbs(f: &Featurizer, ws: &[String]) -> Vec<(usize, usize, String, HashSet<String>)> {
    const PAST: &[&str] = &["worked", "functioned", "sounded", "went off"];
    const BASE: &[&str] = &["work", "function", "sound", "go off"];
    const DO_OR_MODAL: &[&str] = &["did", "does", "do", "will", "would", "could", "can", "may", "might", "should"];
    // (the pair whose first side is "working")
    let Some(pair) = OPPOSITE_STATES.iter().position(|(a, _)| a.contains(&"working")) else { return Vec::new() };
    let mut out = Vec::new();
    for i in 0..ws.len() {
        for (phrases, base) in [(PAST, false), (BASE, true)] {
            let Some(phrase) = phrases.iter().find(|p| {
                let n = p.split(' ').count();
                i + n <= ws.len() && p.split(' ').zip(&ws[i..]).all(|(a, b)| a == b)
            }) else {
                continue;
            };
            let end = i + phrase.split(' ').count();
            if ws.get(end).is_some_and(|w| !is_ly(w) && !AFTER_WORKING.contains(&w.as_str())) {
                continue;
            }
            // back over adverbs, negations and auxiliaries to the subject
            let mut j = i;
            let mut negated = false;
            let mut negator = None;
            let mut helped = false;
            while j > 0 {
                let w = ws[j - 1].as_str();
                if base && w == "to" && j > 1 && matches!(ws[j - 2].as_str(), "fail" | "failed" | "fails") {
                    negated = !negated;
                    negator = negator.or(Some(format!("{} to", ws[j - 2])));
                    helped = true;
                    j -= 2;
                } else if negation(w) || AUXILIARIES.contains(&w) || DO_OR_MODAL.contains(&w) {
                    negated ^= negation(w);
                    negator = negator.or(negation(w).then(|| w.to_string()));
                    helped |= DO_OR_MODAL.contains(&w) || w.ends_with("n't") || w == "cannot";
                    j -= 1;
                } else if is_ly(w) || STATE_ADVERBS.contains(&w) {
                    j -= 1;
                } else {
                    break;
                }
            }
            if base && !helped {
                continue;
            }
            let Some(thing) = subject_thing(f, ws, j, j) else { continue };
            out.push((pair, usize::from(negated), stated(phrase, negated, negator.as_deref()), thing));
        }
    }
    out
}

/// Words that may follow a verb of [`working_verbs`] that has no object ("the sirens never
/// sounded | that night", "worked | as intended").
const AFTER_WORKING: &[&str] = &[
    "and",
    "but",
    "or",
    "when",
    "until",
    "before",
    "after",
    "during",
    "that",
    "this",
    "last",
    "again",
    "then",
    "either",
    "properly",
    "correctly",
    "normally",
    "fine",
    "well",
    "because",
    "while",
    "once",
];

/// Prepositions that open a phrase placing or qualifying a subject ("the sprinklers | in that hall").
const PLACING: &[&str] = &["in", "at", "on", "of", "from", "near", "inside", "outside", "with", "for", "along"];

/// Words between a state and the verb that predicates it ("were | still | working").
const STATE_ADVERBS: &[&str] = &["all", "still", "already", "fully", "completely", "partly", "largely", "both"];

/// Verbs beside "be" that predicate a state: "remained closed", "stayed open".
const STATE_VERBS: &[&str] =
    &["remain", "remained", "remains", "stay", "stayed", "stays", "seemed", "appeared", "kept", "left"];

/// Auxiliaries before a predicate: "had been", "will be", "would have been".
const AUXILIARIES: &[&str] =
    &["had", "has", "have", "will", "would", "could", "may", "might", "must", "should", "not", "never", "n't"];

/// Opposite states ([`states`]) said of one thing by two voices, in affirming units: a claim
/// holding both is split (the units that put the thing in the second unit's state go to a new
/// claim), and the two claims contradict. Units are looked up by pair and side, not compared all
/// with all; units `pinned` as the evidence of a contradiction already stay where they are.
fn opposite_states(
    f: &Featurizer,
    articles: &[AnalyzedArticle],
    units: &[Unit],
    groups: &mut Vec<(bool, Vec<usize>)>,
    pinned: &HashSet<usize>,
) -> Vec<Opposite> {
    let mut group_of = vec![usize::MAX; units.len()];
    for (g, (_, members)) in groups.iter().enumerate() {
        for &u in members {
            group_of[u] = g;
        }
    }
    // per pair: the units with a state on each side
    type Said = (usize, String, HashSet<String>);
    let mut by_pair: BTreeMap<usize, [Vec<Said>; 2]> = BTreeMap::new();
    for (u, unit) in units.iter().enumerate() {
        if unit.disputes || group_of[u] == usize::MAX || doubt_only(unit) {
            continue;
        }
        let ws: Vec<String> = words(unit.text(articles)).collect();
        for (pair, side, phrase, thing) in states(f, &ws) {
            by_pair.entry(pair).or_default()[side].push((u, phrase, thing));
        }
    }
    let mut out: Vec<Opposite> = Vec::new();
    for [first, second] in by_pair.values() {
        // the first pair of units, by two voices, of which the things meet
        let found = first.iter().find_map(|(x, px, tx)| {
            second
                .iter()
                .find(|(y, _, ty)| voice(units, *x) != voice(units, *y) && !tx.is_disjoint(ty))
                .map(|(y, py, _)| (*x, *y, tx, px.clone(), py.clone()))
        });
        let Some((x, y, tx, px, py)) = found else { continue };
        let (gx, gy) = (group_of[x], group_of[y]);
        // the units of the first claim that say the second state of that thing leave it, for the
        // second claim (a new one when both were in one), unless one is the evidence of a
        // contradiction of the claim already: "residents said the sirens never sounded", grouped
        // with the mayor's "the sirens were working", goes with "the sirens were silent"
        let leaving: HashSet<usize> = second
            .iter()
            .filter(|(u, _, t)| group_of[*u] == gx && *u != x && !t.is_disjoint(tx))
            .map(|s| s.0)
            .collect();
        let stuck = leaving.iter().any(|&u| pinned.contains(&u));
        if stuck && gx == gy {
            continue;
        }
        if !stuck {
            groups[gx].1.retain(|u| !leaving.contains(u));
        }
        let gy = if gx == gy {
            groups.push((false, Vec::new()));
            groups.len() - 1
        } else {
            gy
        };
        if !stuck && !leaving.is_empty() {
            for &u in &leaving {
                group_of[u] = gy;
            }
            groups[gy].1.extend(leaving);
            groups[gy].1.sort_unstable();
        }
        if out.iter().any(|o| o.groups == (gx, gy) || o.groups == (gy, gx)) {
            continue;
        }
        out.push(Opposite { groups: (gx, gy), units: (x, y), words: (px, py) });
    }
    out
}

/// Most days between two articles' dates for their counts of one thing to conflict.
const COUNT_DAYS: i64 = 2;

/// Most counts of one thing compared pairwise in a story (the earliest articles' first).
const MAX_COUNTS: usize = 200;
/// Most count conflicts reported per story (the largest disagreements; the others are counted).
const MAX_COUNT_CONFLICTS: usize = 8;

/// Counts of one thing in two articles that cannot both be true ([`counts::Count::conflicts`]):
/// of the kinds of [`counts`] (deaths, injured, evacuated, missing, arrested, bodies, casualties),
/// both naming one person, organisation or place, in articles published within [`COUNT_DAYS`] of
/// each other. One conflict per disagreement (the first articles that give it: "40" after "at least
/// 40" against "none" is the same one), the larger value first, each side with the other articles
/// that side with it; the [`MAX_COUNT_CONFLICTS`] largest disagreements (by the ratio of the two
/// counts), with how many more there are.
fn count_conflicts(
    articles: &[AnalyzedArticle],
    units: &[Unit],
    claim_of: &[usize],
    topic_of: &[usize],
) -> (Vec<CountConflict>, usize) {
    let mut found: Vec<(usize, counts::Count)> = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    // the named people, organisations and places of each unit with a count: two counts are of one
    // thing only where they name one ("killed 49" in Orlando and "three people were killed" in
    // Boston, both in a story on the FBI, are not)
    let mut anchors: HashMap<usize, Vec<(&str, bool)>> = HashMap::new();
    // each article's entities in the order they start, so that a unit reads only those inside it
    // (reading them all for each count was quadratic in a long article)
    let mut by_start: HashMap<usize, Vec<usize>> = HashMap::new();
    for (u, unit) in units.iter().enumerate() {
        let article = unit.r.article();
        for mut c in counts::counts(unit.span.slice(&articles[article].article.text)) {
            c.start += unit.span.start;
            c.end += unit.span.start;
            // a sentence and a content inside it state one count once
            if seen.insert((article, c.start)) {
                found.push((u, c));
                let entities = &articles[article].analysis.entities;
                let order = by_start.entry(article).or_insert_with(|| {
                    let mut o: Vec<usize> = (0..entities.len()).collect();
                    o.sort_by_key(|&i| entities[i].span.start);
                    o
                });
                anchors.entry(u).or_insert_with(|| {
                    let from = order.partition_point(|&i| entities[i].span.start < unit.span.start);
                    let mut names: Vec<(&str, bool)> = order[from..]
                        .iter()
                        .map(|&i| &entities[i])
                        .take_while(|e| e.span.start <= unit.span.end)
                        .filter(|e| unit.span.contains(&e.span))
                        .map(|e| (e.canonical.as_str(), e.kind == EntityType::Misc))
                        .collect();
                    names.sort_unstable();
                    names.dedup();
                    names
                });
            }
        }
    }
    // (a share such as turnout, which a story has one of, is anchored by a name of any kind,
    // "Portavel" in "the Portavel mayoral election", or by none on one side: "Turnout was 61
    // percent" in a story on one election; "American" in two death tolls is no one place)
    let share_anchor = |u: usize, v: usize, what: &str| {
        let (a, b) = (&anchors[&u], &anchors[&v]);
        let share = counts::SHARE_KINDS.contains(&what);
        share && (a.is_empty() || b.is_empty())
            || a.iter().filter(|n| share || !n.1).any(|n| b.iter().any(|m| m.0 == n.0))
    };
    // counts change as a story goes on (a death toll rises): only articles published within
    // `COUNT_DAYS` of each other, where both dates are known, are held to one count
    let day = |u: usize| articles[units[u].r.article()].article.meta.published.as_deref().and_then(day_number);
    let same_days = |u: usize, v: usize| match (day(u), day(v)) {
        (Some(x), Some(y)) => (x - y).abs() <= COUNT_DAYS,
        _ => true,
    };
    // "13,000 civilians" and "107 militants" killed count different people, and "thousands of
    // people" counts a whole of which "107 militants" may be a part: counts of people conflict
    // only where they count people of one side, or both of no side named
    let same_side = |u: usize, a: &counts::Count, v: usize, b: &counts::Count| {
        let side =
            |u: usize, c: &counts::Count| counts::side(&articles[units[u].r.article()].article.text[c.start..c.end]);
        side(u, a) == side(v, b)
    };
    // counts of things in general ("delegates", "emails", "countries") differ without conflict far
    // more often than not (measured on the corpus): only counts of what happened to people, and bodies
    found.retain(|(_, c)| counts::KIND_NAMES.contains(&c.what.as_str()));
    found.sort_by(|x, y| x.1.what.cmp(&y.1.what).then(units[x.0].r.cmp(&units[y.0].r)));
    let mut out: Vec<CountConflict> = Vec::new();
    let mut more = 0;
    let mut shown: Vec<(counts::Count, counts::Count)> = Vec::new();
    for same in found.chunk_by(|x, y| x.1.what == y.1.what) {
        let same = &same[..same.len().min(MAX_COUNTS)];
        // every conflicting pair, the larger count first, the largest disagreements first (by the
        // ratio of the two counts; the earliest articles first among equals)
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, (u, a)) in same.iter().enumerate() {
            for (j, (v, b)) in same.iter().enumerate().skip(i + 1) {
                if units[*u].r.article() == units[*v].r.article()
                    || !a.conflicts(b)
                    || !same_side(*u, a, *v, b)
                    || topic_of[*u] != topic_of[*v]
                    || !share_anchor(*u, *v, &a.what)
                    || !same_days(*u, *v)
                {
                    continue;
                }
                let (hi, lo) = if a.low >= b.low { (i, j) } else { (j, i) };
                let (x, y) = (&same[hi].1, &same[lo].1);
                pairs.push(((x.low + 1.0) / (y.high.unwrap_or(y.low) + 1.0), hi, lo));
            }
        }
        pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1.min(p.2), p.1.max(p.2)).cmp(&(q.1.min(q.2), q.1.max(q.2)))));
        for (_, hi, lo) in pairs {
            let ((u, a), (v, b)) = ((&same[hi].0, &same[hi].1), (&same[lo].0, &same[lo].1));
            // one disagreement once: "at least 40" and "40" against "none" are the same one
            if shown.iter().any(|(x, y)| x.what == a.what && !x.conflicts(a) && !y.conflicts(b)) {
                continue;
            }
            shown.push((a.clone(), b.clone()));
            if out.len() >= MAX_COUNT_CONFLICTS {
                more += 1;
                continue;
            }
            {
                // the other articles that side with one count against the other
                let also = |u: usize, c: &counts::Count, other: &counts::Count, not: usize| {
                    let mut arts: Vec<usize> = vec![units[u].r.article(), units[not].r.article()];
                    let mut v: Vec<(EvidenceRef, Span)> = Vec::new();
                    for (w, d) in same {
                        let art = units[*w].r.article();
                        if !arts.contains(&art)
                            && topic_of[*w] == topic_of[u]
                            && !d.conflicts(c)
                            && d.conflicts(other)
                            && share_anchor(*w, u, &c.what)
                            && same_days(*w, u)
                        {
                            arts.push(art);
                            v.push((units[*w].r, Span { start: d.start, end: d.end }));
                        }
                    }
                    v
                };
                let side = |u: usize, c: &counts::Count, other: &counts::Count, not: usize| CountSide {
                    evidence: units[u].r,
                    claim: claim_of[u],
                    span: Span { start: c.start, end: c.end },
                    low: c.low,
                    high: c.high,
                    also: also(u, c, other, not),
                };
                out.push(CountConflict { what: a.what.clone(), sides: vec![side(*u, a, b, *v), side(*v, b, a, *u)] });
            }
        }
    }
    (out, more)
}

fn dispute_words(articles: &[AnalyzedArticle], units: &[Unit], members: &[usize]) -> String {
    let mut found: Vec<String> = Vec::new();
    for &m in members {
        let ws: Vec<String> = words(units[m].text(articles)).collect();
        for (i, n) in no_involvement(&ws).into_iter().chain(unsupported_claims(&ws)) {
            let phrase = ws[i..i + n].join(" ");
            if !found.contains(&phrase) {
                found.push(phrase);
            }
        }
        let negated_concept = match &units[m].negates {
            Some(Negated::Concept(c)) => Some(*c),
            _ => None,
        };
        for (i, w) in ws.iter().enumerate() {
            let word = if w == "false" && ws.get(i + 1).is_some_and(|n| n.starts_with("flag")) {
                "false flag".to_string()
            } else if fabrication_at(&ws, i) || denial_at(&ws, i) {
                w.clone()
            } else if negated_concept.is_some() && concept(w) == negated_concept && negated_at(&ws, i) {
                // the negation and what it negates: "no fraud", "did not attack"
                let p = (i.saturating_sub(3)..i).rev().find(|&p| negation(&ws[p])).unwrap_or(i);
                ws[p..=i].join(" ")
            } else {
                continue;
            };
            if !found.contains(&word) {
                found.push(word);
            }
        }
        if let EvidenceRef::Attribution { article, index } = units[m].r {
            let a = &articles[article];
            if let Some(w) = cue_denial(a.analysis.attributions[index].cue.slice(&a.article.text)) {
                if !found.contains(&w) {
                    found.push(w);
                }
            }
        }
    }
    if found.is_empty() {
        "negation".into()
    } else {
        found.truncate(4);
        found.join(", ")
    }
}

/// Each article's stance on a claim, decided by its own voice (see the crate docs).
///
/// In a claim that *disputes* something ("the disaster was staged"), the voice's hedges and scare
/// quotes aim at the disputed thing, so a statement of the voice carrying them asserts the dispute.
fn outlet_stances(units: &[Unit], members: &[usize], disputing: bool) -> Vec<OutletStance> {
    let mut by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &m in members {
        by_article.entry(units[m].r.article()).or_default().push(m);
    }
    by_article
        .into_iter()
        .map(|(article, ms)| {
            let strong: Vec<&Unit> = ms
                .iter()
                .map(|&m| &units[m])
                .filter(|u| u.strong_voice_marker.is_some() && matches!(u.stance, Stance::Distanced | Stance::Refuted))
                .filter(|u| !(disputing && u.own_voice))
                .collect();
            // (in a disputing group the voice's own doubt or refutation is of what is disputed: the
            // voice sides with the dispute, "rushed to blame Drevnia, offering no evidence" beside
            // "Drevnia had nothing to do with it")
            let voice_asserts = |u: &Unit| {
                u.own_voice
                    && (u.stance == Stance::Asserted
                        || disputing && matches!(u.stance, Stance::Distanced | Stance::Refuted))
            };
            let (stance, markers) = if let Some(u) = strong.iter().find(|u| u.stance == Stance::Refuted) {
                (Stance::Refuted, vec![u.strong_voice_marker.unwrap()])
            } else if !strong.is_empty() {
                // (one marker once: the words of an outlet's sentence and of a phrase inside it
                // can carry the same "purported")
                let mut markers: Vec<Span> = strong.iter().filter_map(|u| u.strong_voice_marker).collect();
                markers.sort_by_key(|s| (s.start, s.end));
                markers.dedup();
                (Stance::Distanced, markers)
            } else if ms
                .iter()
                .any(|&m| voice_asserts(&units[m]) || !units[m].own_voice && units[m].stance == Stance::Asserted)
            {
                (Stance::Asserted, Vec::new())
            } else if ms.iter().any(|&m| matches!(units[m].stance, Stance::Reported | Stance::Asserted)) {
                (Stance::Reported, Vec::new())
            } else {
                (Stance::Distanced, Vec::new())
            };
            // the evidence that decided the stance first: the words carrying the voice's markers,
            // the voice's own assertion (then a speaker's), a plain report
            let mut ms = ms;
            if !markers.is_empty() {
                ms.sort_by_key(|&m| units[m].strong_voice_marker.is_none_or(|s| !markers.contains(&s)));
            } else if stance == Stance::Asserted {
                ms.sort_by_key(|&m| {
                    let u = &units[m];
                    if voice_asserts(u) {
                        0
                    } else if !u.own_voice && u.stance == Stance::Asserted {
                        1
                    } else {
                        2
                    }
                });
            } else if stance == Stance::Reported {
                ms.sort_by_key(|&m| !matches!(units[m].stance, Stance::Reported | Stance::Asserted));
            }
            let evidence: Vec<EvidenceRef> = ms.iter().map(|&m| units[m].r).collect();
            OutletStance { article, stance, evidence, markers }
        })
        .collect()
}

/// True when an attribution reports a refusal to say anything: "declined | to comment on the
/// allegations", "refused | to say whether ...".
fn declined_to_say(att: &Attribution, text: &str) -> bool {
    let content: Vec<String> = words(att.content.slice(text)).take(2).collect();
    words(att.cue.slice(text))
        .any(|w| matches!(w.as_str(), "declined" | "declines" | "declining" | "refused" | "refuses" | "refusing"))
        && content.first().is_some_and(|w| w == "to")
        && content.get(1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "comment" | "say" | "discuss" | "answer" | "confirm" | "elaborate" | "respond" | "speak" | "specify"
            )
        })
}

/// Whether an attribution quotes its speaker directly (for reports).
pub fn is_direct(kind: AttributionKind) -> bool {
    kind == AttributionKind::Direct
}
