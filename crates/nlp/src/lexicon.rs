//! Word lists written for corroborate (general English and news vocabulary; no third-party list).
//! Sorted slices, searched with `binary_search`; a test keeps them sorted.

/// Lowercased abbreviations that take a dot and do not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr", "e.g", "etc", "feb", "fig", "gen", "gov", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "vs",
];

/// Titles that precede a person's name (lowercased, single words).
pub const TITLES: &[&str] = &[
    "adm", "admiral", "ambassador", "archbishop", "bishop", "brig", "brigadier", "capt", "captain", "cardinal", "chairman", "chairwoman", "chancellor", "chief", "col", "colonel", "commander", "commissioner", "congressman", "congresswoman", "councillor", "dame", "deputy", "director", "dr", "emir", "envoy", "gen", "general", "gov", "governor", "judge", "justice", "king", "lieutenant", "lord", "lt", "maj", "major", "marshal", "mayor", "minister", "mr", "mrs", "ms", "officer", "pm", "pope", "premier", "president", "prince", "princess", "prof", "professor", "queen", "rabbi", "rep", "representative", "secretary", "sen", "senator", "sergeant", "sgt", "sheikh", "sir", "speaker", "spokesman", "spokesperson", "spokeswoman", "superintendent",
];

/// Last words that make a capitalised phrase an organisation (lowercased).
pub const ORG_HEADS: &[&str] = &[
    "agency", "airlines", "alliance", "army", "assembly", "association", "authority", "bank", "board", "bureau", "cabinet", "center", "centre", "church", "coalition", "college", "command", "commission", "committee", "company", "congress", "corp", "corporation", "council", "court", "department", "directorate", "federation", "force", "forces", "foundation", "front", "fund", "government", "group", "guard", "inc", "institute", "journal", "league", "ltd", "media", "ministry", "movement", "navy", "network", "news", "office", "operations", "organisation", "organization", "parliament", "party", "police", "post", "press", "school", "senate", "service", "services", "society", "times", "tribunal", "union", "university",
];

/// Organisations known by one name (lowercased).
pub const KNOWN_ORGS: &[&str] = &[
    "afp", "al jazeera", "amnesty", "ap", "bbc", "cgtn", "cia", "cnn", "eu", "europol", "fbi", "fsb", "hamas", "hezbollah", "imf", "interpol", "kremlin", "nasa", "nato", "osce", "pentagon", "reuters", "rt", "sputnik", "tass", "un", "unesco", "unicef", "unsc", "who", "xinhua",
];

/// Country and place names with the canonical name they stand for: (lowercase alias, canonical).
/// Sorted by alias.
pub const PLACES: &[(&str, &str)] = &[
    ("afghanistan", "Afghanistan"), ("africa", "Africa"), ("albania", "Albania"), ("algeria", "Algeria"),
    ("america", "United States"), ("argentina", "Argentina"), ("armenia", "Armenia"), ("asia", "Asia"),
    ("australia", "Australia"), ("austria", "Austria"), ("azerbaijan", "Azerbaijan"), ("baghdad", "Baghdad"),
    ("bangladesh", "Bangladesh"), ("beijing", "Beijing"), ("belarus", "Belarus"), ("belgium", "Belgium"),
    ("berlin", "Berlin"), ("bosnia", "Bosnia"), ("brazil", "Brazil"), ("britain", "United Kingdom"),
    ("brussels", "Brussels"), ("bulgaria", "Bulgaria"), ("cairo", "Cairo"), ("canada", "Canada"),
    ("chile", "Chile"), ("china", "China"), ("colombia", "Colombia"), ("crimea", "Crimea"), ("croatia", "Croatia"),
    ("cuba", "Cuba"), ("czechia", "Czechia"), ("damascus", "Damascus"), ("denmark", "Denmark"),
    ("donbas", "Donbas"), ("donbass", "Donbas"), ("donetsk", "Donetsk"), ("egypt", "Egypt"),
    ("england", "England"), ("estonia", "Estonia"), ("ethiopia", "Ethiopia"), ("europe", "Europe"),
    ("finland", "Finland"), ("france", "France"), ("gaza", "Gaza"), ("georgia", "Georgia"), ("germany", "Germany"),
    ("greece", "Greece"), ("hungary", "Hungary"), ("india", "India"), ("indonesia", "Indonesia"), ("iran", "Iran"),
    ("iraq", "Iraq"), ("ireland", "Ireland"), ("israel", "Israel"), ("italy", "Italy"), ("japan", "Japan"),
    ("jerusalem", "Jerusalem"), ("jordan", "Jordan"), ("kazakhstan", "Kazakhstan"), ("kenya", "Kenya"),
    ("kharkiv", "Kharkiv"), ("kharkov", "Kharkiv"), ("kherson", "Kherson"), ("kiev", "Kyiv"), ("kyiv", "Kyiv"),
    ("latvia", "Latvia"), ("lebanon", "Lebanon"), ("libya", "Libya"), ("lithuania", "Lithuania"),
    ("london", "London"), ("lugansk", "Luhansk"), ("luhansk", "Luhansk"), ("mariupol", "Mariupol"),
    ("mexico", "Mexico"), ("minsk", "Minsk"), ("moldova", "Moldova"), ("moscow", "Moscow"), ("myanmar", "Myanmar"),
    ("netherlands", "Netherlands"), ("new york", "New York"), ("nigeria", "Nigeria"),
    ("north korea", "North Korea"), ("norway", "Norway"), ("odesa", "Odesa"), ("odessa", "Odesa"),
    ("pakistan", "Pakistan"), ("palestine", "Palestine"), ("paris", "Paris"), ("peru", "Peru"),
    ("philippines", "Philippines"), ("poland", "Poland"), ("portugal", "Portugal"), ("qatar", "Qatar"),
    ("romania", "Romania"), ("russia", "Russia"), ("russian federation", "Russia"),
    ("saudi arabia", "Saudi Arabia"), ("scotland", "Scotland"), ("serbia", "Serbia"), ("slovakia", "Slovakia"),
    ("somalia", "Somalia"), ("south africa", "South Africa"), ("south korea", "South Korea"), ("spain", "Spain"),
    ("sudan", "Sudan"), ("sweden", "Sweden"), ("switzerland", "Switzerland"), ("syria", "Syria"),
    ("taiwan", "Taiwan"), ("tehran", "Tehran"), ("tokyo", "Tokyo"), ("turkey", "Turkey"),
    ("u.k.", "United Kingdom"), ("u.s.", "United States"), ("u.s.a.", "United States"), ("uk", "United Kingdom"),
    ("ukraine", "Ukraine"), ("united kingdom", "United Kingdom"), ("united states", "United States"),
    ("us", "United States"), ("usa", "United States"), ("venezuela", "Venezuela"), ("vietnam", "Vietnam"),
    ("warsaw", "Warsaw"), ("washington", "Washington"), ("yemen", "Yemen"),
];

/// Nationality adjectives and the country they name: (lowercase adjective, canonical country). Sorted.
pub const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "Afghanistan"), ("american", "United States"), ("australian", "Australia"),
    ("belarusian", "Belarus"), ("brazilian", "Brazil"), ("british", "United Kingdom"), ("canadian", "Canada"),
    ("chinese", "China"), ("dutch", "Netherlands"), ("egyptian", "Egypt"), ("english", "England"),
    ("estonian", "Estonia"), ("european", "Europe"), ("finnish", "Finland"), ("french", "France"),
    ("georgian", "Georgia"), ("german", "Germany"), ("greek", "Greece"), ("hungarian", "Hungary"),
    ("indian", "India"), ("iranian", "Iran"), ("iraqi", "Iraq"), ("irish", "Ireland"), ("israeli", "Israel"),
    ("italian", "Italy"), ("japanese", "Japan"), ("latvian", "Latvia"), ("lebanese", "Lebanon"),
    ("lithuanian", "Lithuania"), ("mexican", "Mexico"), ("moldovan", "Moldova"), ("nigerian", "Nigeria"),
    ("norwegian", "Norway"), ("pakistani", "Pakistan"), ("palestinian", "Palestine"), ("polish", "Poland"),
    ("romanian", "Romania"), ("russian", "Russia"), ("saudi", "Saudi Arabia"), ("scottish", "Scotland"),
    ("serbian", "Serbia"), ("spanish", "Spain"), ("swedish", "Sweden"), ("swiss", "Switzerland"),
    ("syrian", "Syria"), ("taiwanese", "Taiwan"), ("turkish", "Turkey"), ("ukrainian", "Ukraine"),
    ("western", "the West"),
];

/// Capitalised words that are not names when they start a sentence or stand alone (lowercased).
pub const NOT_NAMES: &[&str] = &[
    "a", "according", "after", "again", "all", "also", "although", "amid", "an", "and", "another", "any", "april", "as", "at", "august", "because", "before", "both", "but", "by", "december", "despite", "during", "each", "earlier", "even", "every", "february", "for", "friday", "from", "furthermore", "he", "her", "here", "his", "how", "however", "i", "if", "image", "in", "instead", "it", "its", "january", "july", "june", "last", "later", "like", "many", "march", "may", "meanwhile", "monday", "more", "moreover", "most", "mr", "mrs", "ms", "much", "my", "next", "no", "none", "not", "november", "now", "october", "of", "on", "once", "one", "only", "or", "other", "our", "over", "photo", "read", "saturday", "september", "several", "she", "similar", "since", "so", "some", "such", "sunday", "that", "the", "their", "then", "there", "these", "they", "this", "those", "though", "thursday", "to", "today", "tuesday", "two", "under", "unlike", "until", "up", "upon", "we", "wednesday", "what", "when", "where", "whether", "which", "while", "who", "why", "with", "within", "without", "yesterday", "yet", "you",
];

pub fn is_title(lower: &str) -> bool {
    TITLES.binary_search(&lower.trim_end_matches('.')).is_ok()
}
pub fn is_org_head(lower: &str) -> bool {
    ORG_HEADS.binary_search(&lower).is_ok()
}
pub fn known_org(lower: &str) -> bool {
    KNOWN_ORGS.binary_search(&lower).is_ok()
}
pub fn place(lower: &str) -> Option<&'static str> {
    PLACES.binary_search_by(|(k, _)| k.cmp(&lower)).ok().map(|i| PLACES[i].1)
}
pub fn demonym(lower: &str) -> Option<&'static str> {
    DEMONYMS.binary_search_by(|(k, _)| k.cmp(&lower)).ok().map(|i| DEMONYMS[i].1)
}
pub fn not_name(lower: &str) -> bool {
    NOT_NAMES.binary_search(&lower).is_ok()
}

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
        assert!(PLACES.windows(2).all(|w| w[0].0 < w[1].0), "{:?}", PLACES.windows(2).find(|w| w[0].0 >= w[1].0));
        assert!(DEMONYMS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
