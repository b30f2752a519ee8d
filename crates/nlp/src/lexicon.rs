//! Word lists written for corroborate (general English and news vocabulary; no third-party list).
//! Sorted slices (a test keeps them sorted and free of repeats), looked up through one hash map.

/// Lowercased abbreviations that take a dot and do not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr", "e.g", "etc", "feb",
    "fig", "gen", "gov", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mr", "mrs", "ms", "mt",
    "no", "nov", "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "vs",
];

/// Titles that precede a person's name (lowercased, single words).
pub const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "cardinal",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "councillor",
    "dame",
    "deputy",
    "director",
    "dr",
    "emir",
    "envoy",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lieutenant",
    "lord",
    "lt",
    "maj",
    "major",
    "marshal",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "officer",
    "pm",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "vice",
];

/// Last words that make a capitalised phrase an organisation (lowercased).
pub const ORG_HEADS: &[&str] = &[
    "agency",
    "airlines",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "church",
    "coalition",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "directorate",
    "federation",
    "foods",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "government",
    "group",
    "guard",
    "holdings",
    "hospital",
    "inc",
    "industries",
    "institute",
    "journal",
    "league",
    "ltd",
    "media",
    "ministry",
    "motors",
    "movement",
    "navy",
    "network",
    "news",
    "office",
    "operations",
    "organisation",
    "organization",
    "parliament",
    "party",
    "pharmaceuticals",
    "police",
    "post",
    "press",
    "school",
    "senate",
    "service",
    "services",
    "society",
    "times",
    "tribunal",
    "union",
    "university",
];

/// Last words of a trade that make a capitalised phrase a company ("Halden Water", "Norvane
/// Energy", "Tarsk Mining"), lowercased: only after a first word that is no given name ("Samantha
/// Power", "Bill Gas" stay people).
pub const TRADE_HEADS: &[&str] = &[
    "airways",
    "analytics",
    "chemicals",
    "consulting",
    "electric",
    "energy",
    "labs",
    "logistics",
    "mining",
    "partners",
    "petroleum",
    "power",
    "railways",
    "shipping",
    "software",
    "solutions",
    "steel",
    "systems",
    "technologies",
    "telecom",
    "utilities",
    "ventures",
    "water",
];

/// Nouns of a body that, beside a name, say the name is the body's: "Harbourline Security, | a
/// private firm", "the | operator |, Calgrid,", "a | group | known as Frost Lynx", "oil | giant |
/// Velkon", lowercased.
pub const BODY_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "band",
    "bank",
    "broadcaster",
    "carmaker",
    "carrier",
    "chain",
    "charity",
    "company",
    "conglomerate",
    "consortium",
    "contractor",
    "firm",
    "gang",
    "giant",
    "group",
    "insurer",
    "label",
    "lender",
    "manufacturer",
    "militia",
    "network",
    "newspaper",
    "operator",
    "organisation",
    "organization",
    "outfit",
    "publisher",
    "regulator",
    "retailer",
    "startup",
    "studio",
    "subsidiary",
    "tank",
    "union",
    "utility",
    "watchdog",
];

/// Last words that make a capitalised phrase a place: a feature of the land or water (or a work on
/// it: "Three Gorges Dam", "Kiel Canal"), or a kind of settlement ("Ostrava Bay", "Velkor River", "Osk County"), lowercased.
pub const PLACE_HEADS: &[&str] = &[
    "bay",
    "beach",
    "canal",
    "canyon",
    "cape",
    "city",
    "coast",
    "county",
    "creek",
    "dam",
    "delta",
    "district",
    "gulf",
    "harbor",
    "harbour",
    "heights",
    "hills",
    "island",
    "islands",
    "lake",
    "mountains",
    "peninsula",
    "province",
    "region",
    "reservoir",
    "river",
    "sea",
    "strait",
    "valley",
];

/// Organisations known by one name (lowercased).
pub const KNOWN_ORGS: &[&str] = &[
    "afp",
    "al jazeera",
    "amnesty",
    "ap",
    "bbc",
    "cgtn",
    "cia",
    "cnn",
    "eu",
    "europol",
    "fbi",
    "fsb",
    "hamas",
    "hezbollah",
    "imf",
    "interpol",
    "kremlin",
    "nasa",
    "nato",
    "osce",
    "pentagon",
    "reuters",
    "rt",
    "sputnik",
    "tass",
    "un",
    "unesco",
    "unicef",
    "unsc",
    "who",
    "xinhua",
];

/// Country and place names with the canonical name they stand for: (lowercase alias, canonical).
/// Sorted by alias.
pub const PLACES: &[(&str, &str)] = &[
    ("afghanistan", "Afghanistan"),
    ("africa", "Africa"),
    ("albania", "Albania"),
    ("algeria", "Algeria"),
    ("america", "United States"),
    ("argentina", "Argentina"),
    ("armenia", "Armenia"),
    ("asia", "Asia"),
    ("australia", "Australia"),
    ("austria", "Austria"),
    ("azerbaijan", "Azerbaijan"),
    ("baghdad", "Baghdad"),
    ("bangladesh", "Bangladesh"),
    ("beijing", "Beijing"),
    ("belarus", "Belarus"),
    ("belgium", "Belgium"),
    ("berlin", "Berlin"),
    ("bosnia", "Bosnia"),
    ("brazil", "Brazil"),
    ("britain", "United Kingdom"),
    ("brussels", "Brussels"),
    ("bulgaria", "Bulgaria"),
    ("cairo", "Cairo"),
    ("canada", "Canada"),
    ("chile", "Chile"),
    ("china", "China"),
    ("colombia", "Colombia"),
    ("crimea", "Crimea"),
    ("croatia", "Croatia"),
    ("cuba", "Cuba"),
    ("czechia", "Czechia"),
    ("damascus", "Damascus"),
    ("denmark", "Denmark"),
    ("donbas", "Donbas"),
    ("donbass", "Donbas"),
    ("donetsk", "Donetsk"),
    ("egypt", "Egypt"),
    ("england", "England"),
    ("estonia", "Estonia"),
    ("ethiopia", "Ethiopia"),
    ("europe", "Europe"),
    ("finland", "Finland"),
    ("france", "France"),
    ("gaza", "Gaza"),
    ("georgia", "Georgia"),
    ("germany", "Germany"),
    ("greece", "Greece"),
    ("hungary", "Hungary"),
    ("india", "India"),
    ("indonesia", "Indonesia"),
    ("iran", "Iran"),
    ("iraq", "Iraq"),
    ("ireland", "Ireland"),
    ("israel", "Israel"),
    ("italy", "Italy"),
    ("japan", "Japan"),
    ("jerusalem", "Jerusalem"),
    ("jordan", "Jordan"),
    ("kazakhstan", "Kazakhstan"),
    ("kenya", "Kenya"),
    ("kharkiv", "Kharkiv"),
    ("kharkov", "Kharkiv"),
    ("kherson", "Kherson"),
    ("kiev", "Kyiv"),
    ("kyiv", "Kyiv"),
    ("latvia", "Latvia"),
    ("lebanon", "Lebanon"),
    ("libya", "Libya"),
    ("lithuania", "Lithuania"),
    ("london", "London"),
    ("lugansk", "Luhansk"),
    ("luhansk", "Luhansk"),
    ("mariupol", "Mariupol"),
    ("mexico", "Mexico"),
    ("minsk", "Minsk"),
    ("moldova", "Moldova"),
    ("moscow", "Moscow"),
    ("myanmar", "Myanmar"),
    ("netherlands", "Netherlands"),
    ("new york", "New York"),
    ("nigeria", "Nigeria"),
    ("north korea", "North Korea"),
    ("norway", "Norway"),
    ("odesa", "Odesa"),
    ("odessa", "Odesa"),
    ("pakistan", "Pakistan"),
    ("palestine", "Palestine"),
    ("paris", "Paris"),
    ("peru", "Peru"),
    ("philippines", "Philippines"),
    ("poland", "Poland"),
    ("portugal", "Portugal"),
    ("qatar", "Qatar"),
    ("romania", "Romania"),
    ("russia", "Russia"),
    ("russian federation", "Russia"),
    ("saudi arabia", "Saudi Arabia"),
    ("scotland", "Scotland"),
    ("serbia", "Serbia"),
    ("slovakia", "Slovakia"),
    ("somalia", "Somalia"),
    ("south africa", "South Africa"),
    ("south korea", "South Korea"),
    ("spain", "Spain"),
    ("sudan", "Sudan"),
    ("sweden", "Sweden"),
    ("switzerland", "Switzerland"),
    ("syria", "Syria"),
    ("taiwan", "Taiwan"),
    ("tehran", "Tehran"),
    ("tokyo", "Tokyo"),
    ("turkey", "Turkey"),
    ("u.k.", "United Kingdom"),
    ("u.s.", "United States"),
    ("u.s.a.", "United States"),
    ("uk", "United Kingdom"),
    ("ukraine", "Ukraine"),
    ("united kingdom", "United Kingdom"),
    ("united states", "United States"),
    ("us", "United States"),
    ("usa", "United States"),
    ("venezuela", "Venezuela"),
    ("vietnam", "Vietnam"),
    ("warsaw", "Warsaw"),
    ("washington", "Washington"),
    ("yemen", "Yemen"),
];

/// Capitals that stand for their country's government when they speak ("Moscow insists", "Paris
/// said"): (lowercase capital, canonical country). Sorted. Brussels (the EU or Belgium) and Jerusalem
/// are left out on purpose.
pub const CAPITALS: &[(&str, &str)] = &[
    ("abuja", "Nigeria"),
    ("ankara", "Turkey"),
    ("baghdad", "Iraq"),
    ("baku", "Azerbaijan"),
    ("beijing", "China"),
    ("belgrade", "Serbia"),
    ("berlin", "Germany"),
    ("brasilia", "Brazil"),
    ("bucharest", "Romania"),
    ("budapest", "Hungary"),
    ("cairo", "Egypt"),
    ("canberra", "Australia"),
    ("caracas", "Venezuela"),
    ("chisinau", "Moldova"),
    ("damascus", "Syria"),
    ("doha", "Qatar"),
    ("hanoi", "Vietnam"),
    ("havana", "Cuba"),
    ("helsinki", "Finland"),
    ("islamabad", "Pakistan"),
    ("kabul", "Afghanistan"),
    ("kiev", "Ukraine"),
    ("kyiv", "Ukraine"),
    ("london", "United Kingdom"),
    ("madrid", "Spain"),
    ("minsk", "Belarus"),
    ("moscow", "Russia"),
    ("new delhi", "India"),
    ("oslo", "Norway"),
    ("ottawa", "Canada"),
    ("paris", "France"),
    ("pyongyang", "North Korea"),
    ("riga", "Latvia"),
    ("riyadh", "Saudi Arabia"),
    ("rome", "Italy"),
    ("seoul", "South Korea"),
    ("stockholm", "Sweden"),
    ("taipei", "Taiwan"),
    ("tallinn", "Estonia"),
    ("tbilisi", "Georgia"),
    ("tehran", "Iran"),
    ("tokyo", "Japan"),
    ("vilnius", "Lithuania"),
    ("warsaw", "Poland"),
    ("washington", "United States"),
    ("yerevan", "Armenia"),
];

/// Nationality adjectives and the country they name: (lowercase adjective, canonical country). Sorted.
pub const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "Afghanistan"),
    ("american", "United States"),
    ("australian", "Australia"),
    ("belarusian", "Belarus"),
    ("brazilian", "Brazil"),
    ("british", "United Kingdom"),
    ("canadian", "Canada"),
    ("chinese", "China"),
    ("dutch", "Netherlands"),
    ("egyptian", "Egypt"),
    ("english", "England"),
    ("estonian", "Estonia"),
    ("european", "Europe"),
    ("finnish", "Finland"),
    ("french", "France"),
    ("georgian", "Georgia"),
    ("german", "Germany"),
    ("greek", "Greece"),
    ("hungarian", "Hungary"),
    ("indian", "India"),
    ("iranian", "Iran"),
    ("iraqi", "Iraq"),
    ("irish", "Ireland"),
    ("israeli", "Israel"),
    ("italian", "Italy"),
    ("japanese", "Japan"),
    ("latvian", "Latvia"),
    ("lebanese", "Lebanon"),
    ("lithuanian", "Lithuania"),
    ("mexican", "Mexico"),
    ("moldovan", "Moldova"),
    ("nigerian", "Nigeria"),
    ("norwegian", "Norway"),
    ("pakistani", "Pakistan"),
    ("palestinian", "Palestine"),
    ("polish", "Poland"),
    ("romanian", "Romania"),
    ("russian", "Russia"),
    ("saudi", "Saudi Arabia"),
    ("scottish", "Scotland"),
    ("serbian", "Serbia"),
    ("spanish", "Spain"),
    ("swedish", "Sweden"),
    ("swiss", "Switzerland"),
    ("syrian", "Syria"),
    ("taiwanese", "Taiwan"),
    ("turkish", "Turkey"),
    ("ukrainian", "Ukraine"),
    ("western", "the West"),
];

/// Capitalised words that are not names when they start a sentence or stand alone (lowercased).
/// Month names, lowercase.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lowercase.
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub const NOT_NAMES: &[&str] = &[
    "a",
    "according",
    "after",
    "again",
    "all",
    "also",
    "although",
    "amid",
    "an",
    "and",
    "another",
    "any",
    "april",
    "as",
    "at",
    "august",
    "because",
    "before",
    "both",
    "but",
    "by",
    "december",
    "despite",
    "during",
    "each",
    "earlier",
    "even",
    "every",
    "february",
    "for",
    "friday",
    "from",
    "furthermore",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "image",
    "in",
    "instead",
    "it",
    "its",
    "january",
    "july",
    "june",
    "last",
    "later",
    "like",
    "many",
    "march",
    "may",
    "meanwhile",
    "monday",
    "more",
    "moreover",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "my",
    "next",
    "no",
    "none",
    "not",
    "november",
    "now",
    "october",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "photo",
    "read",
    "saturday",
    "september",
    "several",
    "she",
    "similar",
    "since",
    "so",
    "some",
    "such",
    "sunday",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thursday",
    "to",
    "today",
    "tuesday",
    "two",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "we",
    "wednesday",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "yesterday",
    "yet",
    "you",
];

/// Words a title-case headline leaves in lower case.
pub const TITLE_CASE_SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "off", "on", "or", "over",
    "per", "the", "to", "up", "via", "vs", "with",
];

/// Words of a minister's or secretary's portfolio, between the title and the name.
pub const PORTFOLIOS: &[&str] = &[
    "affairs",
    "agriculture",
    "commerce",
    "defence",
    "defense",
    "education",
    "energy",
    "environment",
    "finance",
    "foreign",
    "health",
    "home",
    "homeland",
    "housing",
    "interior",
    "justice",
    "labor",
    "labour",
    "navy",
    "security",
    "state",
    "transport",
    "transportation",
    "treasury",
    "veterans",
    "war",
];

/// What one word is in the lists above: list bits, and its row in [`PLACES`] / [`DEMONYMS`].
#[derive(Default, Clone, Copy)]
struct Entry {
    bits: u16,
    place: u16,
    demonym: u16,
}
const TITLE: u16 = 1;
const ORG_HEAD: u16 = 2;
const KNOWN_ORG: u16 = 4;
const PLACE: u16 = 8;
const DEMONYM: u16 = 16;
const NOT_NAME: u16 = 32;
const ABBREVIATION: u16 = 64;
const GIVEN_NAME: u16 = 128;
const LISTED_PLACE: u16 = 256;
const COMMON_WORD: u16 = 512;

/// Derived word lists (`corroborate train lexicon` writes them; see `data/README.md`): US Census
/// given names, lower case, one a line.
const GIVEN_NAMES: &str = include_str!("../data/given_names.txt");
/// Countries, US states and cities of several words ("new hampshire", "florida", "los angeles"),
/// lower case, one a line.
const LISTED_PLACES: &str = include_str!("../data/places.txt");
/// Words the UD English treebank writes in lower case at least twice.
const COMMON_WORDS: &str = include_str!("../data/common_words.txt");

/// All lists in one hash map, so that a look-up hashes the word once instead of comparing it with
/// about ten list entries (the entity finder asks several lists about most tokens). Fixed-seed
/// hashing is safe here: the keys are these lists, never input.
fn entry(lower: &str) -> Option<Entry> {
    type Map = std::collections::HashMap<&'static str, Entry, foldhash::fast::FixedState>;
    static MAP: std::sync::OnceLock<Map> = std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = Map::default();
        let mut set = |w: &'static str, f: &dyn Fn(&mut Entry)| f(m.entry(w).or_default());
        let lists: [(&[&'static str], u16); 5] = [
            (TITLES, TITLE),
            (ORG_HEADS, ORG_HEAD),
            (KNOWN_ORGS, KNOWN_ORG),
            (NOT_NAMES, NOT_NAME),
            (ABBREVIATIONS, ABBREVIATION),
        ];
        for (list, bit) in lists {
            for w in list {
                set(w, &|e| e.bits |= bit);
            }
        }
        for (text, bit) in [(GIVEN_NAMES, GIVEN_NAME), (LISTED_PLACES, LISTED_PLACE), (COMMON_WORDS, COMMON_WORD)] {
            for w in text.lines().filter(|l| !l.is_empty()) {
                set(w, &|e| e.bits |= bit);
            }
        }
        for (i, (w, _)) in PLACES.iter().enumerate() {
            set(w, &|e| {
                e.bits |= PLACE;
                e.place = i as u16;
            });
        }
        for (i, (w, _)) in DEMONYMS.iter().enumerate() {
            set(w, &|e| {
                e.bits |= DEMONYM;
                e.demonym = i as u16;
            });
        }
        m
    });
    map.get(lower).copied()
}

fn has(lower: &str, bit: u16) -> bool {
    entry(lower).is_some_and(|e| e.bits & bit != 0)
}

pub fn is_abbreviation(lower: &str) -> bool {
    has(lower, ABBREVIATION)
}
/// Title words that are also common surnames ("Peter King", "Anna Bishop").
pub fn surname_title(lower: &str) -> bool {
    matches!(
        lower,
        "king"
            | "bishop"
            | "major"
            | "dean"
            | "judge"
            | "knight"
            | "prince"
            | "pope"
            | "marshal"
            | "mayor"
            | "sheriff"
            | "chancellor"
    )
}
pub fn is_title(lower: &str) -> bool {
    has(lower.trim_end_matches('.'), TITLE)
}
pub fn is_org_head(lower: &str) -> bool {
    has(lower, ORG_HEAD)
}
pub fn known_org(lower: &str) -> bool {
    has(lower, KNOWN_ORG)
}
pub fn place(lower: &str) -> Option<&'static str> {
    entry(lower).filter(|e| e.bits & PLACE != 0).map(|e| PLACES[e.place as usize].1)
}
pub fn demonym(lower: &str) -> Option<&'static str> {
    entry(lower).filter(|e| e.bits & DEMONYM != 0).map(|e| DEMONYMS[e.demonym as usize].1)
}
pub fn not_name(lower: &str) -> bool {
    has(lower, NOT_NAME)
}
/// A US Census given name ("bill", "grace", "marco").
pub fn given_name(lower: &str) -> bool {
    has(lower, GIVEN_NAME)
}
/// A listed place: a country or US state ("florida"), or a city of several words, its words lower
/// case and joined by single spaces ("new hampshire", "los angeles").
pub fn listed_place(lower: &str) -> bool {
    has(lower, LISTED_PLACE)
}
/// A word English writes in lower case ("white", "house", "cup"), not only as a name.
pub fn common_word(lower: &str) -> bool {
    has(lower, COMMON_WORD)
}

/// What one can reject or dismiss as untrue: "rejected the allegations", "dismissed suggestions",
/// but not "rejected Obama's gun actions" nor "dismissed Walker as weak", which oppose a policy or
/// belittle a person without saying that anything claimed is false.
pub const CLAIM_NOUNS: &[&str] = &[
    "account",
    "accounts",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "assertion",
    "assertions",
    "characterisation",
    "characterization",
    "charge",
    "charges",
    "claim",
    "claims",
    "conclusion",
    "conclusions",
    "criticism",
    "criticisms",
    "critique",
    "estimate",
    "estimates",
    "evidence",
    "figures",
    "finding",
    "findings",
    "narrative",
    "news",
    "notion",
    "report",
    "reports",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "speculation",
    "stories",
    "story",
    "suggestion",
    "suggestions",
    "theory",
    "theories",
    "version",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(list: &[&str]) -> bool {
        list.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(sorted(ABBREVIATIONS));
        assert!(sorted(TITLES));
        assert!(sorted(ORG_HEADS));
        assert!(sorted(KNOWN_ORGS));
        assert!(sorted(NOT_NAMES));
        assert!(sorted(TITLE_CASE_SMALL));
        assert!(sorted(PORTFOLIOS));
        assert!(sorted(BODY_NOUNS));
        assert!(sorted(TRADE_HEADS));
        assert!(PLACES.windows(2).all(|w| w[0].0 < w[1].0), "{:?}", PLACES.windows(2).find(|w| w[0].0 >= w[1].0));
        assert!(DEMONYMS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CAPITALS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn look_ups_agree_with_the_lists() {
        for w in TITLES {
            assert!(is_title(w) && is_title(&format!("{w}.")), "{w}");
        }
        for w in NOT_NAMES {
            assert!(not_name(w), "{w}");
        }
        for (w, v) in PLACES {
            assert_eq!(place(w), Some(*v));
        }
        for (w, v) in DEMONYMS {
            assert_eq!(demonym(w), Some(*v));
        }
        assert!(ORG_HEADS.iter().all(|w| is_org_head(w)) && KNOWN_ORGS.iter().all(|w| known_org(w)));
        assert!(ABBREVIATIONS.iter().all(|w| is_abbreviation(w)));
        assert!(!is_title("kyiv") && place("minister").is_none() && !not_name("zelenskyy"));
    }
}
