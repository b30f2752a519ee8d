//! Cue words and source descriptions.

/// Reporting verbs, every form we match (lowercase). Sorted.
pub const CUE_VERBS: &[&str] = &[
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "agree",
    "agreed",
    "agrees",
    "allege",
    "alleged",
    "alleges",
    "announce",
    "announced",
    "announces",
    "argue",
    "argued",
    "argues",
    "assert",
    "asserted",
    "asserts",
    "believe",
    "believes",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "conclude",
    "concluded",
    "confirm",
    "confirmed",
    "confirms",
    "contend",
    "contended",
    "contends",
    "declare",
    "declared",
    "declares",
    "demand",
    "demanded",
    "demands",
    "denied",
    "denies",
    "deny",
    "denying",
    "dismiss",
    "dismissed",
    "dismisses",
    "estimate",
    "estimated",
    "explain",
    "explained",
    "explains",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "maintain",
    "maintained",
    "maintains",
    "note",
    "noted",
    "notes",
    "pointed",
    "predict",
    "predicted",
    "promise",
    "promised",
    "promises",
    "recall",
    "recalled",
    "reject",
    "rejected",
    "rejects",
    "report",
    "reported",
    "reports",
    "reveal",
    "revealed",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "stated",
    "stress",
    "stressed",
    "suggest",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "termed",
    "testified",
    "think",
    "thinks",
    "told",
    "tweeted",
    "urge",
    "urged",
    "urges",
    "warn",
    "warned",
    "warns",
    "write",
    "writes",
    "wrote",
];

/// Cue verbs whose subject denies or rejects the content.
pub const DENIAL_CUES: &[&str] =
    &["denied", "denies", "deny", "denying", "dismiss", "dismissed", "dismisses", "reject", "rejected", "rejects"];

/// Reporting verbs that by themselves cast doubt on the content.
pub const DISTANCING_CUES: &[&str] =
    &["alleged", "alleges", "claim", "claimed", "claiming", "claims", "insist", "insisted", "insisting", "insists"];

/// Reporting verbs by which the voice takes the content as true.
pub const FACTIVE_CUES: &[&str] = &[
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "admit",
    "admits",
    "admitted",
    "confirm",
    "confirmed",
    "confirms",
    "reveal",
    "revealed",
    "reveals",
];

/// Words that may sit between a source and its cue: adverbs, auxiliaries, "went on to".
pub const BETWEEN: &[&str] = &[
    "already",
    "also",
    "again",
    "earlier",
    "first",
    "further",
    "had",
    "has",
    "have",
    "later",
    "now",
    "once",
    "previously",
    "recently",
    "repeatedly",
    "then",
    "will",
    "would",
    "went",
    "on",
    "to",
    "has",
    "continues",
    "continue",
    "continued",
    "had",
    "did",
    "does",
    "do",
    "was",
    "is",
    "were",
    "are",
    "been",
    "publicly",
    "separately",
    "reportedly",
    "flatly",
    "strongly",
    "firmly",
    "falsely",
    "wrongly",
    "baselessly",
    "initially",
    "finally",
    "subsequently",
    "quickly",
    "immediately",
];

/// Nouns after "in a/an" or "during a" that make an adverbial between source and cue.
pub const CONTEXT_NOUNS: &[&str] = &[
    "address",
    "briefing",
    "conference",
    "interview",
    "letter",
    "meeting",
    "post",
    "press",
    "report",
    "speech",
    "statement",
    "tweet",
    "video",
    "session",
];

/// Common nouns that describe a source (lowercase, singular and plural).
pub const DESCRIPTORS: &[&str] = &[
    "activist",
    "activists",
    "agency",
    "aide",
    "aides",
    "analyst",
    "analysts",
    "army",
    "authorities",
    "authority",
    "campaign",
    "chief",
    "commander",
    "correspondent",
    "country",
    "critics",
    "department",
    "diplomat",
    "diplomats",
    "envoy",
    "expert",
    "experts",
    "government",
    "governor",
    "investigators",
    "kremlin",
    "lawyer",
    "lawyers",
    "leader",
    "leaders",
    "mayor",
    "media",
    "military",
    "minister",
    "ministry",
    "nation",
    "observers",
    "office",
    "officer",
    "officers",
    "official",
    "officials",
    "people",
    "police",
    "president",
    "prosecutor",
    "prosecutors",
    "reporter",
    "reporters",
    "representative",
    "researchers",
    "resident",
    "residents",
    "secretary",
    "side",
    "source",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "statement",
    "survivors",
    "team",
    "witness",
    "witnesses",
];

/// Participles of someone asked for their words, before "by" or "in": "an analyst | quoted by |
/// the news agency", "a spokesman | quoted in | China Daily", "a farmer | interviewed by | Reuters".
pub const ASKED_PARTICIPLES: &[&str] = &["cited", "contacted", "interviewed", "quoted", "reached"];

/// [`DESCRIPTORS`] that name a body or a thing, not a person ("the State Department", "a statement").
pub const BODY_DESCRIPTORS: &[&str] = &[
    "agency",
    "army",
    "authority",
    "campaign",
    "country",
    "department",
    "government",
    "kremlin",
    "media",
    "military",
    "ministry",
    "nation",
    "office",
    "police",
    "side",
    "statement",
    "team",
];

/// Participles of access before "by": "documents seen by the Herald" are the source, not the Herald.
pub const SEEN_BY: &[&str] = &["acquired", "examined", "obtained", "reviewed", "seen", "viewed"];

/// Participles of giving before "to" / "with": "a memo leaked to reporters", "data shared with the BBC".
pub const GIVEN_TO: &[&str] = &["given", "leaked", "provided", "sent", "shared", "shown", "supplied"];

/// Quantifiers that can stand alone for people they do not name: "Some | chanted", "Others | call it".
pub const QUANTIFIERS: &[&str] = &["all", "both", "few", "many", "most", "others", "several", "some"];

/// Heads of a definite description that stand for an organisation named before with the word in its
/// name ("the bank" after "Osk Bank"), or else for a body described, not named ("the company").
pub const ORG_NOUNS: &[&str] = &[
    "airline",
    "bank",
    "broadcaster",
    "carmaker",
    "company",
    "corporation",
    "firm",
    "insurer",
    "lender",
    "manufacturer",
    "newspaper",
    "publisher",
    "retailer",
];

/// Last words of a company's name ("Osk Holdings", "Tarsk Motors"): what "the company" can stand for.
pub const COMPANY_SUFFIXES: &[&str] =
    &["airlines", "corp", "corporation", "foods", "holdings", "inc", "industries", "ltd", "motors", "plc"];

/// Heads of bodies that a description can stand for without naming them ("the town council"): not
/// anonymous sources.
pub const INSTITUTIONS: &[&str] = &[
    "board",
    "club",
    "commission",
    "committee",
    "council",
    "court",
    "group",
    "hospital",
    "inquiry",
    "panel",
    "parliament",
    "party",
    "school",
    "tribunal",
    "union",
    "university",
];

/// Descriptor heads that leave the source unnamed when nothing names it.
pub const ANONYMOUS_HEADS: &[&str] = &[
    "activists",
    "analysts",
    "authorities",
    "critics",
    "diplomats",
    "expert",
    "experts",
    "investigators",
    "observers",
    "official",
    "officials",
    "people",
    "residents",
    "source",
    "sources",
    "witness",
    "witnesses",
];

/// Words allowed inside a source noun phrase before its head.
pub const NP_MODIFIERS: &[&str] = &[
    "a",
    "an",
    "another",
    "anonymous",
    "local",
    "other",
    "senior",
    "several",
    "some",
    "state",
    "the",
    "their",
    "top",
    "two",
    "three",
    "many",
    "former",
    "foreign",
    "independent",
    "military",
    "unnamed",
    "western",
    "his",
    "her",
    "its",
    "security",
    "intelligence",
    "government",
    "defence",
    "defense",
    "health",
    "emergency",
    "city",
    "regional",
    "national",
    "international",
    "provincial",
    "municipal",
    "federal",
    "u.s.",
    "of",
];

pub const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we"];

/// Adverbs at a source's edge that are no part of the speaker: "Currently | users", "The story |
/// also", "His relatives | there".
pub const EDGE_ADVERBS: &[&str] = &["also", "currently", "however", "just", "now", "still", "then", "there"];

/// Words a speaker never ends on: a preposition, an article or an adverb alone ("There were
/// reports", "In defending himself") or closing a phrase ("At the time of writing", "the
/// governments of").
pub const NO_SPEAKER: &[&str] = &[
    "a",
    "also",
    "an",
    "as",
    "at",
    "by",
    "currently",
    "during",
    "even",
    "for",
    "from",
    "however",
    "in",
    "just",
    "of",
    "on",
    "still",
    "the",
    "then",
    "there",
    "to",
    "with",
];

/// Participles that name a state of mind of their subject, not something done to it: "analysts
/// were disappointed that ...", "Mr. Ackman is convinced that ...": the subject of such a passive
/// holds the view and is its source (PolNeAR marks it so).
pub const EXPERIENCER_PARTICIPLES: &[&str] = &[
    "agreed",
    "alarmed",
    "amazed",
    "amused",
    "angered",
    "annoyed",
    "appalled",
    "assured",
    "astonished",
    "astounded",
    "bothered",
    "committed",
    "concerned",
    "confused",
    "convinced",
    "delighted",
    "determined",
    "disappointed",
    "disgusted",
    "dismayed",
    "disturbed",
    "divided",
    "drawn",
    "embarrassed",
    "embittered",
    "encouraged",
    "engaged",
    "enraged",
    "excited",
    "fascinated",
    "frightened",
    "frustrated",
    "gratified",
    "heartened",
    "horrified",
    "impressed",
    "incensed",
    "inclined",
    "infuriated",
    "inspired",
    "interested",
    "intrigued",
    "irritated",
    "obsessed",
    "offended",
    "opposed",
    "outraged",
    "overjoyed",
    "perplexed",
    "persuaded",
    "pleased",
    "prepared",
    "puzzled",
    "reassured",
    "relieved",
    "resigned",
    "saddened",
    "satisfied",
    "scared",
    "shocked",
    "sickened",
    "split",
    "startled",
    "stunned",
    "surprised",
    "tempted",
    "terrified",
    "thrilled",
    "tired",
    "troubled",
    "unconvinced",
    "unimpressed",
    "united",
    "unmoved",
    "upset",
    "worried",
];

/// Participles of saying, believing and judging: a passive cue of one reports something even
/// without an agent ("is said to", "were told", "is accused of", "is expected to").
pub const PASSIVE_REPORTS: &[&str] = &[
    "accused",
    "advised",
    "alleged",
    "announced",
    "asked",
    "believed",
    "blamed",
    "branded",
    "called",
    "charged",
    "cited",
    "claimed",
    "condemned",
    "confirmed",
    "considered",
    "criticised",
    "criticized",
    "deemed",
    "denied",
    "described",
    "dismissed",
    "disputed",
    "estimated",
    "expected",
    "feared",
    "hoped",
    "informed",
    "instructed",
    "known",
    "labeled",
    "labelled",
    "mentioned",
    "ordered",
    "praised",
    "predicted",
    "questioned",
    "quoted",
    "rated",
    "regarded",
    "rejected",
    "reported",
    "revealed",
    "rumored",
    "rumoured",
    "said",
    "seen",
    "suggested",
    "suspected",
    "thought",
    "told",
    "touted",
    "understood",
    "urged",
    "viewed",
    "warned",
];

/// Phrasal verbs that say something, as (start of the verb, particle): "ruled out", "played
/// down", "hit back", "spoke out".
pub const PHRASAL_CUES: &[(&str, &str)] = &[
    ("back", "away"),
    ("back", "down"),
    ("brush", "off"),
    ("call", "off"),
    ("chime", "in"),
    ("doubl", "down"),
    ("find", "out"),
    ("fire", "back"),
    ("found", "out"),
    ("hit", "back"),
    ("laid", "out"),
    ("lash", "out"),
    ("lay", "out"),
    ("play", "down"),
    ("point", "out"),
    ("rul", "out"),
    ("shoot", "down"),
    ("shot", "down"),
    ("shrug", "off"),
    ("singl", "out"),
    ("sound", "off"),
    ("speak", "out"),
    ("speak", "up"),
    ("spell", "out"),
    ("spok", "out"),
    ("spok", "up"),
    ("strik", "down"),
    ("struck", "down"),
    ("talk", "down"),
    ("talk", "up"),
    ("tone", "down"),
    ("toned", "down"),
    ("wav", "off"),
    ("weigh", "in"),
];

/// Past participles without the "-ed" ending that a passive cue may end on: "is said to", "were
/// told", "is known for", "has been shown".
pub const IRREGULAR_PARTICIPLES: &[&str] = &[
    "begun",
    "brought",
    "caught",
    "chosen",
    "drawn",
    "found",
    "given",
    "heard",
    "held",
    "hidden",
    "known",
    "led",
    "made",
    "meant",
    "overheard",
    "paid",
    "read",
    "said",
    "seen",
    "sent",
    "shown",
    "sought",
    "spoken",
    "taken",
    "taught",
    "thought",
    "told",
    "understood",
    "withdrawn",
    "written",
];

/// Words that end the agent of a passive cue ("criticized by Trump | already", "by the mayor | in
/// a statement").
pub const PASSIVE_AGENT_STOPS: &[&str] = &[
    "about",
    "after",
    "again",
    "almost",
    "already",
    "around",
    "as",
    "at",
    "during",
    "for",
    "here",
    "in",
    "less",
    "nearly",
    "now",
    "on",
    "than",
    "there",
    "to",
    "today",
    "too",
    "up",
    "while",
    "yesterday",
];

/// Verbs of the manner of speaking, fewer than [`learnt_cues`] needs to learn them, yet always
/// someone saying something ("his wife | whispered | to him: ..."): never taken for an act inside
/// another report (see `drop_acts_in_contents` in the crate root).
pub const SPEECH_MANNER: &[&str] = &[
    "cried",
    "exclaimed",
    "gasped",
    "joked",
    "mumbled",
    "murmured",
    "muttered",
    "quipped",
    "roared",
    "screamed",
    "shouted",
    "snapped",
    "whispered",
    "yelled",
];

/// Cue words of doing, deciding or meaning to do rather than of saying or holding true: with an
/// infinitive after them ("has refused | to let observers visit", "has already decided | who to
/// blame", "continued | to ignore the warnings") a text reports an act of its source, which the
/// outlet itself asserts (see [`reports_an_act`](crate::reports_an_act)). Not "agreed to", "promised
/// to": commitments, made by speaking.
pub const ACT_CUES: &[&str] = &[
    "aim",
    "aimed",
    "aims",
    "attempt",
    "attempted",
    "attempts",
    "began",
    "begin",
    "begins",
    "begun",
    "choose",
    "chooses",
    "chose",
    "chosen",
    "continue",
    "continued",
    "continues",
    "continuing",
    "decide",
    "decided",
    "decides",
    "deciding",
    "fail",
    "failed",
    "fails",
    "intend",
    "intended",
    "intends",
    "let",
    "letting",
    "manage",
    "managed",
    "manages",
    "moved",
    "plan",
    "planned",
    "planning",
    "plans",
    "refuse",
    "refused",
    "refuses",
    "refusing",
    "seek",
    "seeking",
    "seeks",
    "sought",
    "start",
    "started",
    "starts",
    "tried",
    "tries",
    "try",
    "trying",
    "vote",
    "voted",
    "votes",
    "want",
    "wanted",
    "wanting",
    "wants",
];

/// Verbs of saying, disclosing or taking a public position: after an act cue they keep a report of
/// speech ("refused | to comment", "continued to call for an inquiry", "decided to say nothing").
pub const SPEECH_AFTER_ACT: &[&str] = &[
    "acknowledge",
    "address",
    "admit",
    "announce",
    "answer",
    "apologise",
    "apologize",
    "call",
    "clarify",
    "comment",
    "condemn",
    "confirm",
    "criticise",
    "criticize",
    "deny",
    "describe",
    "detail",
    "disclose",
    "discuss",
    "divulge",
    "elaborate",
    "endorse",
    "explain",
    "identify",
    "insist",
    "name",
    "pledge",
    "promise",
    "respond",
    "reveal",
    "say",
    "speak",
    "specify",
    "state",
    "talk",
    "tell",
    "testify",
];

/// The plainest verbs of saying: a report made with one of them and its subject is a saying of its
/// own, not an event another report tells ("Vask said she felt ..., she said").
pub const SAY_VERBS: &[&str] = &[
    "add", "added", "adds", "ask", "asked", "asks", "say", "said", "says", "tell", "tells", "told", "wrote", "write",
    "writes",
];

pub fn is(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Cue heads learnt from PolNeAR train/ (see `data/cues.tsv` for how to reproduce them).
fn learnt_cues() -> impl Iterator<Item = &'static str> {
    include_str!("../data/cues.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter(|w| !w.is_empty() && *w != "according")
}

/// Whether `w` (lowercase) is a cue verb of [`CUE_VERBS`] or of the learnt lexicon. Called for
/// every token of every article, so one hash lookup instead of two binary searches of strings.
pub fn is_cue_verb(w: &str) -> bool {
    type Set = std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;
    /// The set, and for each pair of first and last byte (letters a to z, anything else as one
    /// class) the lengths (bit `min(len, 63)`) of its words: most tokens (punctuation, short
    /// function words, nouns) are turned away by that before any hashing.
    struct Cues {
        set: Set,
        lens: [[u64; 27]; 27],
    }
    fn class(b: u8) -> usize {
        if b.is_ascii_lowercase() {
            (b - b'a') as usize
        } else {
            26
        }
    }
    static ALL: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
    let cues = ALL.get_or_init(|| {
        let set: Set = CUE_VERBS.iter().copied().chain(learnt_cues()).collect();
        let mut lens = [[0u64; 27]; 27];
        for w in &set {
            if let (Some(&a), Some(&z)) = (w.as_bytes().first(), w.as_bytes().last()) {
                lens[class(a)][class(z)] |= 1 << w.len().min(63);
            }
        }
        Cues { set, lens }
    });
    match (w.as_bytes().first(), w.as_bytes().last()) {
        (Some(&a), Some(&z)) => cues.lens[class(a)][class(z)] & (1 << w.len().min(63)) != 0 && cues.set.contains(w),
        _ => cues.set.contains(w),
    }
}

/// FNV-1a: a few instructions per byte for short words, where SipHash costs more than the lookup.
/// The sets are fixed at build time (the cue lexicon, the word clusters), so no attacker chooses
/// their keys.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Plurals that, capitalised, name a party's members ("Democrats said"), not an unnamed group.
pub const PARTIES: &[&str] =
    &["conservatives", "democrats", "greens", "liberals", "republicans", "socialists", "tories", "unionists"];

/// Nouns of a share of a group: "percent of", "a majority of" (the group speaks).
pub const SHARES: &[&str] = &[
    "percent",
    "cent",
    "majority",
    "majorities",
    "minority",
    "plurality",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "share",
    "proportion",
    "fifth",
    "fifths",
];

/// Nouns of people named by how they stand to someone: "critics of", "experts on", "members of".
pub const RELATIONS: &[&str] = &[
    "critics",
    "supporters",
    "opponents",
    "detractors",
    "backers",
    "defenders",
    "allies",
    "enemies",
    "foes",
    "rivals",
    "fans",
    "followers",
    "loyalists",
    "admirers",
    "skeptics",
    "sceptics",
    "experts",
    "specialists",
    "scholars",
    "observers",
    "watchers",
    "members",
    "friends",
    "relatives",
    "colleagues",
    "critic",
    "supporter",
    "opponent",
    "ally",
    "expert",
    "member",
    "friend",
    "relative",
    "colleague",
];

/// Forms of "be", "have" and "do" and the modals, which the part-of-speech tagger may not call verbs.
pub(crate) const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must",
    "shall", "should", "was", "were", "will", "would",
];

#[cfg(test)]
mod tests {
    #[test]
    fn source_edge_lists_sorted() {
        for list in [
            super::EDGE_ADVERBS,
            super::NO_SPEAKER,
            super::EXPERIENCER_PARTICIPLES,
            super::IRREGULAR_PARTICIPLES,
            super::PASSIVE_AGENT_STOPS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn cue_verbs_sorted() {
        assert!(
            super::CUE_VERBS.windows(2).all(|w| w[0] < w[1]),
            "{:?}",
            super::CUE_VERBS.windows(2).find(|w| w[0] >= w[1])
        );
    }
}
