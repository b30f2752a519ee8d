//! Counts stated in a text ("killing at least 40 people", "no one died", "more than 200 homes",
//! "dozens of deaths"): what is counted, the range of values the words allow, and where the words
//! are, so that two articles whose counts of one thing cannot both be true are shown side by side.
//!
//! Deliberately narrow: a number counts something only when a plural noun or a word of a known kind
//! (deaths, injuries, people evacuated or missing, bodies) follows it or governs it; money,
//! percentages, ages, dates and measures are not counts; vague words ("dozens", "scores") bound a
//! count from below only, so they conflict with none or with a smaller number, never with a larger one.

/// A count in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    /// What is counted: a kind (`deaths`, `injured`, `evacuated`, `missing`, `arrested`, `bodies`)
    /// or the counted noun in the singular ("home", "visitor").
    pub what: String,
    pub low: f64,
    /// `None`: no upper bound ("at least 40", "dozens of").
    pub high: Option<f64>,
    /// Byte range in the text: from the number (or its modifier, "at least") to the counted word.
    pub start: usize,
    pub end: usize,
}

impl Count {
    /// True when the two counts cannot both be true: their ranges do not meet, even with a tenth of
    /// slack for rounding ("about 300" and "320" meet; "40" and "none" do not).
    pub fn conflicts(&self, other: &Count) -> bool {
        let below = |a: &Count, b: &Count| b.high.is_some_and(|h| a.low > h * 1.1 + 0.5);
        self.what == other.what && (below(self, other) || below(other, self))
    }
}

struct Tok<'a> {
    text: &'a str,
    lower: String,
    start: usize,
    end: usize,
    /// A comma, full stop, colon, semicolon, bracket or dash lies between this token and the previous.
    break_before: bool,
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok> = Vec::new();
    let mut gap_break = false;
    let mut i = 0;
    let b = text.as_bytes();
    while i < b.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i;
            let mut j = i;
            while j < b.len() {
                let c = text[j..].chars().next().unwrap_or(' ');
                if c.is_alphanumeric() {
                    j += c.len_utf8();
                    end = j;
                } else if matches!(c, ',' | '.' | '-' | '\'' | '’') {
                    // inside a token only between two alphanumerics of the right kind: "1,200",
                    // "2.5", "twenty-five", "don't"
                    let next = text[j + c.len_utf8()..].chars().next();
                    let prev = text[..j].chars().next_back();
                    let digits = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
                    let letters = matches!(c, '-' | '\'' | '’') && next.is_some_and(char::is_alphanumeric);
                    if digits || letters {
                        j += c.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let t = &text[start..end];
            out.push(Tok { text: t, lower: t.to_lowercase(), start, end, break_before: gap_break });
            gap_break = false;
            i = end;
        } else {
            if matches!(c, ',' | '.' | ':' | ';' | '(' | ')' | '—' | '–' | '!' | '?' | '"' | '“' | '”') {
                gap_break = true;
            }
            i += c.len_utf8();
        }
    }
    out
}

const UNITS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

/// Vague plurals followed by "of": the least they can mean.
const VAGUE: &[(&str, f64)] =
    &[("dozens", 24.0), ("scores", 40.0), ("hundreds", 200.0), ("thousands", 2000.0), ("millions", 2_000_000.0)];

const SCALES: &[(&str, f64)] =
    &[("hundred", 100.0), ("thousand", 1_000.0), ("million", 1_000_000.0), ("billion", 1_000_000_000.0)];

/// Month abbreviations ("Jan", "Sept"); the full names are `corroborate_nlp::lexicon::MONTHS`.
const MONTH_ABBREVIATIONS: &[&str] =
    &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// A month's name or abbreviation, lowercase.
fn month(w: &str) -> bool {
    corroborate_nlp::lexicon::MONTHS.contains(&w) || MONTH_ABBREVIATIONS.contains(&w)
}

/// Nouns that measure rather than count things a report could disagree on.
const MEASURES: &[&str] = &[
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
    "decades",
    "centuries",
    "percent",
    "points",
    "times",
    "miles",
    "kilometres",
    "kilometers",
    "km",
    "metres",
    "meters",
    "feet",
    "inches",
    "pounds",
    "dollars",
    "euros",
    "cents",
    "degrees",
    "acres",
    "hectares",
    "tons",
    "tonnes",
    "kilograms",
    "kg",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "bits",
    "things",
    "ways",
    "others",
    "ones",
    "yards",
    "sides",
    "parts",
    "steps",
    "rounds",
    "laps",
    "goals",
    "runs",
    "votes",
    "seats",
    "stars",
    "odds",
    "reasons",
    "words",
    "pages",
    "questions",
    "terms",
    "grams",
    "mph",
    "bps",
    "pence",
    "pesos",
    "rupees",
    "yen",
    "francs",
    "roubles",
    "rubles",
    "hryvnias",
    "mins",
    "hrs",
    "pts",
    "per",
    "stories",
    "episodes",
];

/// People, whom a number counts by what happened to them ("40 people were killed").
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "civilians",
    "residents",
    "villagers",
    "men",
    "women",
    "children",
    "soldiers",
    "troops",
    "passengers",
    "workers",
    "migrants",
    "refugees",
    "protesters",
    "demonstrators",
    "students",
    "patients",
    "inhabitants",
    "citizens",
    "adults",
    "miners",
    "fighters",
    "militants",
    "officers",
    "policemen",
    "individuals",
    "victims",
    "pilgrims",
    "tourists",
    "prisoners",
    "crew",
    "personnel",
    "staff",
];

/// Whom a count of people counts, where its noun says: those who fight or those who do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Combatants,
    Civilians,
}

/// Nouns of people who fight ("107 militants"), and of people who do not ("13,000 civilians").
const COMBATANTS: &[&str] = &[
    "soldiers",
    "troops",
    "fighters",
    "militants",
    "insurgents",
    "rebels",
    "officers",
    "policemen",
    "servicemen",
    "gunmen",
    "jihadists",
    "attackers",
    "guerrillas",
    "combatants",
    "personnel",
];
const NON_COMBATANTS: &[&str] = &[
    "civilians",
    "children",
    "women",
    "students",
    "villagers",
    "residents",
    "passengers",
    "tourists",
    "pilgrims",
    "worshippers",
    "protesters",
    "demonstrators",
    "migrants",
    "refugees",
    "patients",
    "workers",
    "miners",
    "schoolchildren",
    "pupils",
    "journalists",
];

/// The side of the people a count's words (`text`, from its number to what it counts) name by their
/// last word: "107 Boko Haram militants" fight, "13,000 civilians" do not; none for "40 people" or "40
/// dead", which may be either.
pub fn side(text: &str) -> Option<Side> {
    let last = text.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty())?.to_lowercase();
    if COMBATANTS.contains(&last.as_str()) {
        Some(Side::Combatants)
    } else if NON_COMBATANTS.contains(&last.as_str()) {
        Some(Side::Civilians)
    } else {
        None
    }
}

/// Words of what happened to the people counted, and the kind they give the count.
const KINDS: &[(&str, &str)] = &[
    ("killed", "deaths"),
    ("kill", "deaths"),
    ("kills", "deaths"),
    ("killing", "deaths"),
    ("dead", "deaths"),
    ("died", "deaths"),
    ("die", "deaths"),
    ("dies", "deaths"),
    ("death", "deaths"),
    ("deaths", "deaths"),
    ("fatalities", "deaths"),
    ("perished", "deaths"),
    ("drowned", "deaths"),
    ("injured", "injured"),
    ("injuries", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("hospitalised", "injured"),
    ("hospitalized", "injured"),
    ("evacuated", "evacuated"),
    ("displaced", "evacuated"),
    ("missing", "missing"),
    ("arrested", "arrested"),
    ("arrests", "arrested"),
    ("detained", "arrested"),
    ("bodies", "bodies"),
    ("corpses", "bodies"),
    ("casualties", "casualties"),
];

/// The kinds a count can have besides a counted noun.
pub const KIND_NAMES: &[&str] =
    &["deaths", "injured", "evacuated", "missing", "arrested", "bodies", "casualties", "turnout"];

/// Shares of a whole that a story has one of, named by the noun near their percentage ("turnout
/// was 61 percent", "a turnout of 61%", "61 percent turnout"): the kind they give it. Other
/// percentages (of the vote, of voters, growth) differ between candidates, groups and periods.
const SHARES: &[(&str, &str)] = &[("turnout", "turnout")];

/// Words of a change in a share, not its level ("turnout was down 30 percent").
const CHANGES: &[&str] = &[
    "up",
    "down",
    "rose",
    "risen",
    "fell",
    "fallen",
    "dropped",
    "increased",
    "decreased",
    "declined",
    "grew",
    "jumped",
    "slipped",
    "climbed",
    "change",
    "increase",
    "decrease",
    "drop",
    "fall",
    "rise",
];

/// The kinds of [`SHARES`].
pub const SHARE_KINDS: &[&str] = &["turnout"];

fn kind(word: &str) -> Option<&'static str> {
    KINDS.iter().find(|(w, _)| *w == word).map(|(_, k)| *k)
}

fn lookup(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// The value of a number token: digits ("1,200", "2.5") or a number word ("forty", "twenty-five").
fn number_value(t: &Tok) -> Option<f64> {
    let s = t.lower.as_str();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        if !s.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
            return None;
        }
        return s.replace(',', "").parse().ok();
    }
    if let Some(v) = lookup(UNITS, s) {
        return Some(v);
    }
    // "twenty-five"
    let (tens, ones) = s.split_once('-')?;
    let (t, o) = (lookup(UNITS, tens)?, lookup(UNITS, ones)?);
    (t >= 20.0 && o < 10.0).then_some(t + o)
}

/// True when the word is a plural noun that can be counted: "homes", "bodies", "people".
fn countable_plural(w: &str) -> bool {
    if PEOPLE.contains(&w) {
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.chars().all(|c| c.is_alphabetic())
        && !MEASURES.contains(&w)
}

/// The singular of a counted noun, as its name: "homes" → "home", "bodies" → "body".
fn singular(w: &str) -> String {
    if PEOPLE.contains(&w) {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["ches", "shes", "xes", "sses"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// Words that may stand between a number and what it counts ("200 Arvian homes"). Not "more",
/// "other", "additional": "40 more bodies", "three other Americans" count a part, not the whole.
fn skippable(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "of" | "the" | "its" | "their")
        || t.text.starts_with(char::is_uppercase) && !t.lower.ends_with('s')
}

/// The range of a count from the words before its number, and the token where the count starts.
fn modifier(toks: &[Tok], i: usize, n: f64) -> (f64, Option<f64>, usize) {
    let w = |k: usize| if k < i && !toks[i].break_before { Some(toks[k].lower.as_str()) } else { None };
    let one = i.checked_sub(1).and_then(w);
    let two = i.checked_sub(2).and_then(|k| w(k).filter(|_| !toks[k + 1].break_before)).zip(one);
    match two {
        // "no more than 40"
        Some(("more", "than")) if i >= 3 && toks[i - 3].lower == "no" && !toks[i - 2].break_before => {
            return (0.0, Some(n), i - 3)
        }
        Some(("at", "least")) | Some(("more", "than")) | Some(("upwards", "of")) | Some(("excess", "of")) => {
            return (n, None, i - 2)
        }
        Some(("up", "to"))
        | Some(("many", "as"))
        | Some(("at", "most"))
        | Some(("fewer", "than"))
        | Some(("less", "than")) => return (0.0, Some(n), i - 2),
        Some(("close", "to")) => return (0.8 * n, Some(n), i - 2),
        Some(("an", "estimated")) => return (0.7 * n, Some(1.3 * n), i - 2),
        _ => {}
    }
    match one {
        Some("over") => (n, None, i - 1),
        Some("nearly" | "almost") => (0.8 * n, Some(n), i - 1),
        Some("under") => (0.0, Some(n), i - 1),
        Some("about" | "around" | "some" | "roughly" | "approximately" | "estimated" | "approx") => {
            (0.7 * n, Some(1.3 * n), i - 1)
        }
        _ => (n, Some(n), i),
    }
}

/// What the number at `i` counts, and the index of the word that says so: a kind word or a
/// counted noun after it ("40 dead", "200 homes", "dozens of deaths"), people with what happened
/// to them nearby ("40 people were killed", "killing 40 people"), a killing verb before a bare
/// number ("Kills 40"), or a death toll before it ("the death toll rose to 40").
fn counted(toks: &[Tok], i: usize, after: usize) -> Option<(String, usize)> {
    let mut j = after;
    let mut skipped = 0;
    while j < toks.len() && skipped <= 2 && !toks[j].break_before {
        let w = toks[j].lower.as_str();
        if let Some(k) = kind(w) {
            return Some((k.to_string(), j));
        }
        if countable_plural(w) {
            if PEOPLE.contains(&w) {
                return people_kind(toks, i, j).map(|k| (k.to_string(), j));
            }
            return Some((singular(w), j));
        }
        if !skippable(&toks[j]) {
            break;
        }
        skipped += 1;
        j += 1;
    }
    // nothing counted after the number: "Kills 40", "the death toll rose to 40" (not "killed 81
    // percent of")
    let bare = toks.get(after).is_none_or(|t| {
        t.break_before || !t.lower.ends_with('s') && !matches!(t.lower.as_str(), "percent" | "per" | "of")
    });
    if bare {
        let left = |k: usize| (k < i).then(|| toks[k].lower.as_str());
        if let Some(w) = i.checked_sub(1).and_then(left) {
            if matches!(w, "kills" | "killing" | "killed" | "kill") {
                return Some(("deaths".into(), i));
            }
        }
        let from = i.saturating_sub(5);
        if toks[from..i].iter().any(|t| t.lower == "toll") && !toks[from + 1..=i].iter().any(|t| t.break_before) {
            return Some(("deaths".into(), i));
        }
    }
    None
}

/// What happened to people counted at `noun` (number at `i`): a kind word up to five words before
/// the number in its clause ("killing 40 people"), or up to six words after the noun in its clause
/// ("40 people were killed").
fn people_kind(toks: &[Tok], i: usize, noun: usize) -> Option<&'static str> {
    // "killing at least 40 people", "killed more than a dozen students", "shot dead roughly 100
    // demonstrators and injured hundreds more": the verb before the number decides first
    let before = i.saturating_sub(5);
    let mut k = i;
    while k > before {
        // a verb or participle, not a noun ("the bodies of any of the 43 students who went missing")
        let noun = matches!(
            toks[k - 1].lower.as_str(),
            "bodies" | "corpses" | "casualties" | "death" | "deaths" | "fatalities" | "injuries" | "arrests"
        );
        if let Some(found) = kind(&toks[k - 1].lower).filter(|_| !noun) {
            return Some(found);
        }
        if toks[k - 1].break_before {
            break;
        }
        k -= 1;
    }
    let after: Vec<&Tok> = toks.iter().skip(noun + 1).take(6).take_while(|t| !t.break_before).collect();
    after.iter().find_map(|t| kind(&t.lower)).or_else(|| {
        // "38 people had been treated", "five protesters needed hospital treatment": people cared
        // for are hurt (not "treated as suspects", "treated unfairly")
        after.iter().enumerate().find_map(|(p, t)| {
            let how = after.get(p + 1).map(|n| n.lower.as_str());
            let cared = CARE.contains(&t.lower.as_str())
                && how
                    .is_none_or(|n| !(matches!(n, "as" | "like" | "to" | "with") || n.len() > 4 && n.ends_with("ly")));
            cared.then_some("injured")
        })
    })
}

/// Words of medical care that make the people counted before them injured: "38 people had been
/// treated", "five protesters needed hospital treatment". Only after people: "38 hospital beds"
/// counts beds.
const CARE: &[&str] = &["treated", "treatment", "hospital"];

/// The index `n` tokens before `i`, when no break lies between.
fn back_word(toks: &[Tok], i: usize, n: usize) -> Option<usize> {
    let k = i.checked_sub(n)?;
    (k + 1..=i).all(|j| !toks[j].break_before).then_some(k)
}

/// "not the 61 percent": a rejected figure after "not the".
fn the_after_not(toks: &[Tok], i: usize) -> bool {
    back_word(toks, i, 2).is_some_and(|k| toks[k].lower == "not" && toks[k + 1].lower == "the")
}

/// A percentage of a share a story has one of ([`SHARES`]): the noun up to eight words before the
/// number in its clause ("Turnout in the mayoral election was 61 percent"), or right after the
/// percentage ("61 percent turnout"). Not a past or other figure it is set against ("up from 55
/// percent", "55 percent in 2027", "in March", "compared with").
fn share(text: &str, toks: &[Tok], i: usize) -> Option<Count> {
    let t = &toks[i];
    let n = number_value(t)?;
    // (a share above the whole is what a claim of fraud states: "turnout reached 112 percent")
    if !(0.0..=1000.0).contains(&n) {
        return None;
    }
    // the percentage's end: "61%", "61 percent", "61 per cent"
    let sign = text[t.end..].starts_with('%');
    let next = |k: usize| toks.get(k).filter(|x| !x.break_before);
    let (end, after) = if sign {
        (t.end + 1, i + 1)
    } else if next(i + 1).is_some_and(|x| x.lower == "percent") {
        (toks[i + 1].end, i + 2)
    } else if next(i + 1).is_some_and(|x| x.lower == "per") && next(i + 2).is_some_and(|x| x.lower == "cent") {
        (toks[i + 2].end, i + 3)
    } else {
        return None;
    };
    let kind_of = |w: &str| SHARES.iter().find(|(x, _)| *x == w).map(|(_, k)| *k);
    let mut what = next(after).and_then(|x| kind_of(&x.lower));
    if what.is_none() {
        let mut k = i;
        while k > 0 && i - k < 8 && !toks[k].break_before {
            k -= 1;
            if let Some(found) = kind_of(&toks[k].lower) {
                // not a change ("turnout was down almost 30 percent", "dropped by 4 percent",
                // "rose to 61 percent" is a level) nor a part ("turnout among young voters was 40
                // percent", "for voters under 30")
                let between: Vec<&str> = toks[k + 1..i].iter().map(|x| x.lower.as_str()).collect();
                let to = between.iter().rposition(|w| *w == "to");
                let changed = between.iter().enumerate().any(|(p, w)| CHANGES.contains(w) && to.is_none_or(|t| t < p))
                    || between.last() == Some(&"by");
                // ("a turnout of about 50 percent" is the whole: only modifiers after its "of")
                let modifier = |w: &&str| {
                    matches!(
                        *w,
                        "about"
                            | "around"
                            | "roughly"
                            | "nearly"
                            | "almost"
                            | "some"
                            | "approximately"
                            | "just"
                            | "only"
                            | "barely"
                            | "a"
                            | "record"
                            | "over"
                            | "under"
                            | "than"
                            | "more"
                            | "less"
                            | "at"
                            | "least"
                            | "most"
                    )
                };
                let part_of =
                    between.iter().position(|w| *w == "of").is_some_and(|p| !between[p + 1..].iter().all(modifier));
                if changed || part_of || between.iter().any(|w| matches!(*w, "among" | "for")) {
                    return None;
                }
                what = Some(found);
                break;
            }
        }
    }
    let what = what?;
    // a figure of another time set against this one ("in 2027", "in March", "last time")
    let prev = i.checked_sub(1).map(|k| toks[k].lower.as_str());
    let later = toks[after.min(toks.len())..].iter().take(4).take_while(|x| !x.break_before);
    if matches!(prev, Some("from" | "than" | "with" | "versus" | "vs"))
        || later.clone().any(|x| x.lower.len() == 4 && x.lower.starts_with(['1', '2']) && number_value(x).is_some())
        || later
            .clone()
            .any(|x| matches!(x.lower.as_str(), "last" | "previous" | "earlier" | "before") || month(&x.lower))
    {
        return None;
    }
    let (low, high, from) = modifier(toks, i, n);
    // (percentages are rounded to whole points: "48" meets "48.4")
    let (low, high) = (low - 0.5, high.map(|h| h + 0.5));
    Some(Count { what: what.to_string(), low: low.max(0.0), high, start: toks[from].start, end })
}

/// The counts of a text.
pub fn counts(text: &str) -> Vec<Count> {
    let toks = tokens(text);
    let mut out: Vec<Count> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(c) = zero_count(&toks, i).or_else(|| number_count(text, &toks, i)) {
            i = toks.iter().position(|t| t.start >= c.end).unwrap_or(toks.len()).max(i + 1);
            out.push(c);
        } else {
            i += 1;
        }
    }
    out
}

/// "no one died", "nobody was killed", "no deaths", "no bodies": a count of none.
fn zero_count(toks: &[Tok], i: usize) -> Option<Count> {
    let w = toks[i].lower.as_str();
    let next = toks.get(i + 1).filter(|t| !t.break_before);
    let (what, end) = match (w, next.map(|t| t.lower.as_str())) {
        // "none of the missing students were among the bodies" is about a part of them
        ("none", Some("of")) => return None,
        ("no", Some("one")) | ("nobody", _) | ("none", _) => {
            let from = if w == "no" { i + 2 } else { i + 1 };
            let k = toks.iter().enumerate().skip(from).take(4).take_while(|(_, t)| !t.break_before).find_map(
                |(j, t)| kind(&t.lower).filter(|k| !matches!(*k, "bodies" | "casualties" | "arrested")).map(|k| (k, j)),
            )?;
            (k.0.to_string(), toks[k.1].end)
        }
        ("no" | "zero", Some(n)) => {
            let t = next?;
            if let Some(k) = kind(n).filter(|_| n.ends_with('s')) {
                (k.to_string(), t.end)
            } else if countable_plural(n) && !PEOPLE.contains(&n) {
                (singular(n), t.end)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some(Count { what, low: 0.0, high: Some(0.0), start: toks[i].start, end })
}

/// A number and what it counts.
fn number_count(text: &str, toks: &[Tok], i: usize) -> Option<Count> {
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|k| toks[k].lower.as_str());
    let next = toks.get(i + 1).filter(|n| !n.break_before);
    // a vague plural: "dozens of deaths", "hundreds of bodies"
    if let Some(least) = lookup(VAGUE, &t.lower) {
        if next.is_some_and(|n| n.lower == "of") {
            let (what, j) = counted(toks, i, i + 2)?;
            return Some(Count { what, low: least, high: None, start: t.start, end: toks[j].end });
        }
        return None;
    }
    let mut n = number_value(t)?;
    // "several dozen dead", "a few hundred homes": at least twice the word
    let vague_before =
        |k: usize| matches!(toks[k].lower.as_str(), "several" | "few" | "many") && !toks[k + 1].break_before;
    if matches!(t.lower.as_str(), "dozen" | "hundred") && i > 0 && vague_before(i - 1) {
        let (what, j) = counted(toks, i, i + 1)?;
        return Some(Count { what, low: 2.0 * n, high: None, start: toks[i - 1].start, end: toks[j].end });
    }
    // a figure the words reject is none of theirs: "48 percent, not the 61 percent the commission
    // invented", "not 40 but 400"
    let rejected = |k: usize| toks[k].lower == "not" && !toks[k + 1].break_before;
    if !t.break_before && (back_word(toks, i, 1).is_some_and(rejected) || the_after_not(toks, i)) {
        return None;
    }
    if let Some(c) = share(text, toks, i) {
        return Some(c);
    }
    // money, a percentage, a date, an ordinal or part of a compound ("43-year-old") is no count
    let before = text[..t.start].chars().next_back();
    if before.is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥' | '#' | '-' | '/' | ':'))
        || text[t.end..].starts_with(['%', '-', '/', ':'])
        || prev.is_some_and(month)
        || next.is_some_and(|n| month(&n.lower))
    {
        return None;
    }
    // the whole of a part: the 400 of "killed 300 out of 400 soldiers", "44 of the 50 delegates"
    let word = |k: Option<usize>| k.map(|k| toks[k].lower.as_str());
    let is_number = |k: Option<usize>| k.is_some_and(|k| number_value(&toks[k]).is_some());
    let back = |n: usize| i.checked_sub(n);
    if word(back(1)) == Some("of") && (is_number(back(2)) || word(back(2)) == Some("out") && is_number(back(3)))
        || word(back(1)) == Some("the") && word(back(2)) == Some("of") && is_number(back(3))
    {
        return None;
    }
    // "a dozen", "one hundred", "2.5 million"
    let mut after = i + 1;
    if let Some(scale) = next.and_then(|n| lookup(SCALES, &n.lower)) {
        n *= scale;
        after += 1;
    }
    // a year ("in 2014") without a plural after it
    if (1900.0..=2100.0).contains(&n) && n.fract() == 0.0 && !t.text.contains(',') && after == i + 1 {
        let plural = toks.get(after).is_some_and(|x| !x.break_before && countable_plural(&x.lower));
        if !plural {
            return None;
        }
    }
    let (what, j) = counted(toks, i, after)?;
    // "more than a dozen": the modifier stands before the article
    let article = matches!(t.lower.as_str(), "dozen" | "hundred")
        && i > 0
        && matches!(toks[i - 1].lower.as_str(), "a" | "an")
        && !t.break_before;
    let (low, high, from) = modifier(toks, if article { i - 1 } else { i }, n);
    Some(Count { what, low, high, start: toks[from].start, end: toks[j].end.max(toks[after - 1].end) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, f64, Option<f64>, String) {
        let c = counts(text);
        assert_eq!(c.len(), 1, "{text}: {c:?}");
        let c = &c[0];
        (c.what.clone(), c.low, c.high, text[c.start..c.end].to_string())
    }

    #[test]
    fn counts_of_deaths_in_their_usual_forms() {
        assert_eq!(
            one("killing at least 40 people, rescue teams said"),
            ("deaths".into(), 40.0, None, "at least 40 people".into())
        );
        assert_eq!(
            one("Floodwater From Burst Dam Kills 40 in Arvian Village"),
            ("deaths".into(), 40.0, Some(40.0), "40".into())
        );
        assert_eq!(
            one("raising the death toll to 40, officials said"),
            ("deaths".into(), 40.0, Some(40.0), "40".into())
        );
        assert_eq!(one("no one died in Osk"), ("deaths".into(), 0.0, Some(0.0), "no one died".into()));
        assert_eq!(
            one("after officials reported dozens of deaths"),
            ("deaths".into(), 24.0, None, "dozens of deaths".into())
        );
        assert_eq!(one("Twelve people were killed"), ("deaths".into(), 12.0, Some(12.0), "Twelve people".into()));
        assert_eq!(
            one("about 300 people had been evacuated"),
            ("evacuated".into(), 210.0, Some(390.0), "about 300 people".into())
        );
        assert_eq!(
            one("more than 200 homes were destroyed"),
            ("home".into(), 200.0, None, "more than 200 homes".into())
        );
        assert_eq!(one("1,200 bodies"), ("bodies".into(), 1200.0, Some(1200.0), "1,200 bodies".into()));
        // people cared for are hurt
        assert_eq!(one("38 people had been treated, the hospital said").0, "injured");
        assert_eq!(one("only five protesters needed hospital treatment").0, "injured");
        assert_eq!(one("two people remained in hospital").0, "injured");
        for text in ["40 hospital beds", "20 workers were treated unfairly", "40 people were treated as suspects"] {
            assert!(counts(text).iter().all(|c| c.what != "injured"), "{text}: {:?}", counts(text));
        }
    }

    #[test]
    fn vague_words_bound_from_below_and_parts_are_no_counts() {
        assert_eq!(
            one("leaving several dozen dead over the weekend"),
            ("deaths".into(), 24.0, None, "several dozen dead".into())
        );
        assert_eq!(
            one("killed more than a dozen students"),
            ("deaths".into(), 12.0, None, "more than a dozen students".into())
        );
        assert!(counts("none of the missing students were among the bodies").is_empty());
        assert!(counts("Rescuers found 40 more bodies").is_empty(), "40 more: a part, not the whole");
        assert!(counts("he claimed that they killed 81 percent of the victims").is_empty());
        let parts = counts("ISIS killed 300 out of 400 soldiers they besieged");
        assert_eq!(parts.iter().map(|c| c.low).collect::<Vec<_>>(), [300.0], "400 is the whole: {parts:?}");
        assert!(counts("the new limit would save around 65 lives a year").iter().all(|c| c.what != "deaths"));
        assert_eq!(counts("forces shot dead roughly 100 demonstrators and injured hundreds more")[0].what, "deaths");
        assert_eq!(
            counts("the grave does not hold the bodies of any of the 43 students who went missing")[0].what,
            "missing"
        );
    }

    #[test]
    fn money_dates_ages_and_measures_are_no_counts() {
        for text in [
            "It cost $40 million.",
            "Turnout was 40% in March.",
            "Turnout was 40% in 2027.",
            "Halvik won 52 percent of the vote.",
            "On March 14 the dam burst.",
            "In 2014 the dam was inspected.",
            "a 43-year-old farmer",
            "It took 40 years.",
            "40 people attended the fair",
            "The 40 was late.",
        ] {
            assert!(counts(text).is_empty(), "{text}: {:?}", counts(text));
        }
    }

    #[test]
    fn turnout_is_a_share_a_story_has_one_of() {
        assert_eq!(
            one("Turnout in the Portavel mayoral election was 61 percent, the commission said."),
            ("turnout".into(), 60.5, Some(61.5), "61 percent".into())
        );
        assert_eq!(one("a turnout of 61%"), ("turnout".into(), 60.5, Some(61.5), "61%".into()));
        assert_eq!(one("about 61 per cent turnout").3, "about 61 per cent");
        let c = |t: &str| counts(t).remove(0);
        assert!(c("Turnout was 61 percent.").conflicts(&c("Real turnout was barely 48 percent.")));
        assert!(!c("Turnout was 61 percent.").conflicts(&c("Turnout was 61.4 percent.")));
        for change in [
            "Turnout was down an average of almost 30 percent.",
            "Turnout for voters under 30 dropped roughly 40 percent.",
            "Turnout among young voters was 40 percent.",
            "Turnout fell by 4 percent.",
        ] {
            assert!(counts(change).is_empty(), "{change}: {:?}", counts(change));
        }
        // a share above the whole is what a claim of fraud states
        assert_eq!(one("In Osk, turnout reached an impossible 112 percent.").1, 111.5);
        let rising = counts("Turnout rose to 61 percent, up from 55 percent.");
        assert_eq!(rising.iter().map(|c| c.low).collect::<Vec<_>>(), [60.5], "55 was before: {rising:?}");
        // the figure an article rejects is not its own
        let rejecting = counts("Real turnout was barely 48 percent, not the 61 percent the commission invented.");
        assert_eq!(rejecting.iter().map(|c| c.low).collect::<Vec<_>>(), [47.5], "{rejecting:?}");
    }

    #[test]
    fn conflicts_need_ranges_that_cannot_meet() {
        let c = |t: &str| counts(t).remove(0);
        let forty = c("killing at least 40 people");
        assert!(forty.conflicts(&c("no one died")));
        assert!(!forty.conflicts(&c("dozens of deaths")), "dozens can be 40");
        assert!(!forty.conflicts(&c("raising the death toll to 52")), "at least 40");
        assert!(c("the death toll rose to 12").conflicts(&c("Kills 40")));
        assert!(!c("about 300 people were evacuated").conflicts(&c("320 people were evacuated")));
        assert!(!forty.conflicts(&c("300 people were evacuated")), "another kind");
        assert!(c("no bodies were found").conflicts(&c("more than 400 bodies")));
    }
}
