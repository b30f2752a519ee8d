//! Text helpers: tokens, a light stemmer, stopwords, sentence splitting and the cue lexicons the
//! stance features count.

/// Lowercased word tokens: runs of alphanumerics; apostrophes inside a word are dropped
/// ("isn't" -> "isnt", "Obama's" -> "obamas").
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’') && !cur.is_empty() {
            // keep the word going only if a letter follows
            if !chars.peek().is_some_and(|n| n.is_alphanumeric()) {
                out.push(std::mem::take(&mut cur));
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A light suffix stripper, applied the same way to headlines and bodies.
pub fn stem(word: &str) -> String {
    let n = word.len();
    if n <= 3 || !word.is_ascii() {
        return word.to_string();
    }
    if let Some(s) = word.strip_suffix("ies") {
        if n > 4 {
            return format!("{s}y");
        }
    }
    if let Some(s) = word.strip_suffix("sses") {
        return format!("{s}ss");
    }
    if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") {
        return stem(&word[..n - 1]);
    }
    if n > 5 {
        if let Some(s) = word.strip_suffix("ing") {
            return s.to_string();
        }
    }
    if n > 4 {
        if let Some(s) = word.strip_suffix("ed") {
            return s.to_string();
        }
    }
    word.to_string()
}

/// Common English function words, ignored by the overlap features.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "new",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

/// The sentences of `text`, as slices of it: the engine's own splitter (`corroborate-nlp`), which
/// knows abbreviations and initials ("Sen. Cruz", "the Sept. 11 ceremony", "Joe R. Biden"), so the
/// evidence shown for a stance is a whole sentence; a line break ends one unless the next line goes
/// on in lower case after a word or comma (a paragraph cut mid-sentence).
pub fn sentences(text: &str) -> Vec<&str> {
    let tokens = corroborate_nlp::tokenize(text, &[]);
    corroborate_nlp::sentences(text, &tokens, &[]).into_iter().map(|s| s.slice(text)).collect()
}

/// The cue lexicons, matched on lowercased (unstemmed) tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lexicon {
    Refute,
    Hedge,
    Confirm,
    Report,
    Negation,
}

impl Lexicon {
    pub const ALL: [Lexicon; 5] =
        [Lexicon::Refute, Lexicon::Hedge, Lexicon::Confirm, Lexicon::Report, Lexicon::Negation];

    pub fn words(self) -> &'static [&'static str] {
        match self {
            Lexicon::Refute => REFUTE,
            Lexicon::Hedge => HEDGE,
            Lexicon::Confirm => CONFIRM,
            Lexicon::Report => REPORT,
            Lexicon::Negation => NEGATION,
        }
    }

    pub fn contains(self, word: &str) -> bool {
        self.words().contains(&word)
    }
}

const REFUTE: &[&str] = &[
    "fake",
    "fakes",
    "faked",
    "fraud",
    "fraudulent",
    "hoax",
    "hoaxes",
    "false",
    "falsely",
    "deny",
    "denies",
    "denied",
    "denial",
    "debunk",
    "debunked",
    "debunks",
    "prank",
    "pranks",
    "retract",
    "retracted",
    "retraction",
    "untrue",
    "myth",
    "satire",
    "satirical",
    "fabricated",
    "fabrication",
    "bogus",
    "misleading",
    "nonsense",
    "baseless",
    "doubt",
    "doubts",
    "dismissed",
    "dismisses",
    "refuted",
    "refute",
    "refutes",
    "rejects",
    "rejected",
    "lie",
    "lies",
    "lying",
    "incorrect",
    "erroneous",
    "phony",
    "scam",
    "joke",
    "parody",
    "photoshopped",
    "doctored",
    "unfounded",
];

const HEDGE: &[&str] = &[
    "alleged",
    "allegedly",
    "reportedly",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "rumored",
    "rumoured",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "purportedly",
    "purported",
    "apparently",
    "unconfirmed",
    "unverified",
    "may",
    "might",
    "could",
    "possibly",
    "possible",
    "likely",
    "suggests",
    "suggest",
    "suggested",
    "appears",
    "appear",
    "appeared",
    "seems",
    "seem",
    "supposedly",
    "speculation",
    "speculated",
    "believed",
    "unclear",
    "perhaps",
    "if",
    "whether",
];

const CONFIRM: &[&str] = &[
    "confirmed",
    "confirms",
    "confirm",
    "confirmation",
    "announced",
    "announces",
    "official",
    "officially",
    "revealed",
    "reveals",
    "proof",
    "proves",
    "proved",
    "proven",
    "indeed",
    "true",
    "verified",
    "actually",
    "evidence",
    "shows",
    "showed",
    "found",
    "discovered",
    "genuine",
    "real",
];

const REPORT: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "stated",
    "statement",
    "according",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "added",
    "explained",
    "wrote",
    "tweeted",
    "interview",
    "report",
    "reports",
    "reported",
    "sources",
    "source",
];

const NEGATION: &[&str] = &[
    "not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "without", "isnt", "arent", "wasnt", "werent",
    "dont", "doesnt", "didnt", "cant", "cannot", "couldnt", "wont", "wouldnt", "hasnt", "havent", "hadnt", "shouldnt",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && !is_stopword("bridge"));
    }

    #[test]
    fn tokens_keep_contractions_together() {
        assert_eq!(tokens("The mayor isn't lying, it's 'fake'!"), ["the", "mayor", "isnt", "lying", "its", "fake"]);
        assert_eq!(tokens("Überraschung 42"), ["überraschung", "42"]);
        assert!(tokens("  ...  ").is_empty());
    }

    #[test]
    fn stemmer_folds_simple_inflections() {
        assert_eq!(stem("bridges"), stem("bridge"));
        assert_eq!(stem("stories"), "story");
        assert_eq!(stem("reported"), "report");
        assert_eq!(stem("reporting"), "report");
        assert_eq!(stem("virus"), "virus");
        assert_eq!(stem("bus"), "bus");
    }

    #[test]
    fn sentences_split_on_end_marks_and_lines() {
        let s = sentences("The dam broke. Nobody was hurt!\nOfficials said 3.5 m of water? Yes");
        assert_eq!(s, ["The dam broke.", "Nobody was hurt!", "Officials said 3.5 m of water?", "Yes"]);
        // abbreviations and initials end no sentence: evidence is shown whole
        let s = sentences("Texas Sen. Ted Cruz spoke at the Sept. 11 ceremony. Mr. J. Smith left.");
        assert_eq!(s, ["Texas Sen. Ted Cruz spoke at the Sept. 11 ceremony.", "Mr. J. Smith left."]);
    }

    #[test]
    fn lexicons_know_their_cues() {
        assert!(Lexicon::Refute.contains("hoax"));
        assert!(Lexicon::Hedge.contains("allegedly"));
        assert!(Lexicon::Negation.contains("doesnt"));
        assert!(!Lexicon::Confirm.contains("hoax"));
    }
}
