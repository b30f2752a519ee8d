//! Concepts: words that state the same thing map to one feature ("executed", "killings",
//! "atrocities"), and words that dispute a proposition (staged, faked, false flag, denied).

/// Synonym classes: (concept, words). A word's concept replaces its stem as a feature.
pub const CONCEPTS: &[(&str, &[&str])] = &[
    ("KILL", &["die", "died", "dies", "dying", "kill", "killed", "killing", "killings", "kills", "murder", "murdered", "murders", "massacre", "massacred", "execute", "executed", "execution", "executions", "atrocity", "atrocities", "slaughter", "slaughtered", "genocide", "dead", "death", "deaths", "bodies", "corpses", "casualties", "crimes", "crime"]),
    ("MEDIA", &["photo", "photos", "photographs", "video", "videos", "footage", "images", "image", "filming", "film", "filmed", "pictures", "recording"]),
    ("ATTACK", &["attack", "attacks", "attacked", "strike", "strikes", "struck", "shelling", "shelled", "bombing", "bombed", "bombardment", "offensive", "assault", "invasion", "invaded"]),
    ("DESTROY", &["destroy", "destroyed", "destruction", "damage", "damaged", "collapse", "collapsed", "wrecked", "burned", "razed"]),
    ("TROOPS", &["troops", "forces", "soldiers", "army", "military", "servicemen"]),
    ("CIVILIAN", &["civilians", "civilian", "residents", "people", "villagers", "inhabitants"]),
    ("TOWN", &["town", "towns", "city", "cities", "village", "villages", "suburb", "suburbs"]),
    ("POISON", &["poison", "poisoned", "poisoning", "contaminated", "contamination", "toxic", "chemical", "chemicals", "leak", "leaked", "spill", "spilled"]),
    ("FLOOD", &["flood", "flooded", "flooding", "floods", "floodwater", "inundated"]),
    ("EXPLODE", &["explosion", "explosions", "exploded", "blast", "blasts", "detonated", "detonation"]),
];

/// Words by which a unit disputes the proposition it talks about.
pub const FABRICATION: &[&str] = &[
    "doctored", "fabricate", "fabricated", "fabricating", "fabrication", "fake", "faked", "faking", "forged", "hoax",
    "provocation", "stage", "staged", "stages", "staging", "set-up", "staged-up", "invented", "made-up",
];

/// Negation words that reverse a nearby concept ("one" for "no one died": the "no" before it counts).
/// Verbs of denial.
pub const DENIAL: &[&str] = &["denial", "denials", "denied", "denies", "deny", "denying", "dismissed", "rejected", "rejects", "refuted"];

pub const NEGATION: &[&str] = &["not", "no", "never", "one", "n't", "didn't", "did not", "none", "nothing", "nobody", "without"];

/// Function words left out of claim features.
pub const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
    "last", "many", "may", "more", "most", "much", "must", "my", "new", "now", "of", "on", "once", "one", "only", "or",
    "other", "our", "out", "over", "own", "said", "same", "say", "says", "several", "she", "should", "since", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "two", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "week", "day", "days", "year", "years", "time", "way", "made", "make", "take", "took",
    "including", "according", "another", "number", "part", "including", "amid", "already",
];

pub fn concept(w: &str) -> Option<&'static str> {
    CONCEPTS.iter().find(|(_, ws)| ws.contains(&w)).map(|(c, _)| *c)
}
