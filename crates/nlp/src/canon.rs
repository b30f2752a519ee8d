//! Canonical names: one name for all spellings of an entity, within an article and across a run.
//!
//! A *key* folds what differs between spellings (diacritics, case, possessives, transliteration
//! endings such as Zelenskyy / Zelenskiy / Zelensky, Kiev / Kyiv, Defence / Defense, "Russian X" /
//! "Russia's X" / "X of Russia"). A [`Canonicalizer`] collects the surface forms seen for each key,
//! links short person names to full ones ("Biden" to "Joe Biden"), and names each group by its most
//! frequent full form, so that the display name does not depend on the order articles arrive in
//! beyond ties.
use crate::lexicon::{demonym, is_title, place};
use corroborate_model::EntityType;
use std::borrow::Cow;
// foldhash: these maps are keyed by short names from the article, rebuilt for every article, and only
// looked up (never iterated where order could show in output). Its per-process random seed keeps
// crafted names from colliding on purpose (an unseeded hash such as Fx would let one page with many
// colliding names make the maps quadratic); SipHash, the standard default, cost 1.6 % of `analyze`.
use foldhash::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Lowercase, strip diacritics and possessives, unify apostrophes.
pub fn fold(s: &str) -> String {
    // ASCII (most names): nothing to decompose, one allocation.
    let mut s: String = if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        let l =
            s.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect::<String>().to_lowercase();
        if l.contains('’') {
            l.replace('’', "'")
        } else {
            l
        }
    };
    let t = s.trim();
    let t = t.strip_prefix("the ").unwrap_or(t);
    if t.contains("'s ") {
        return t.replace("'s ", " ").trim_end_matches("'s").trim_end_matches('\'').to_string();
    }
    let t = t.trim_end_matches("'s").trim_end_matches('\'');
    // Keep the slice `t` of `s` in place.
    let start = t.as_ptr() as usize - s.as_ptr() as usize;
    let end = start + t.len();
    s.truncate(end);
    s.drain(..start);
    s
}

/// The place a regular adjective in "-n" would be of, for places no lexicon knows: "calvera" of
/// "calveran", "drevnia" of "drevnian" (one word, lower case; whether that place is named is the
/// caller's to check).
pub fn place_of_adjective(adjective: &str) -> Option<&str> {
    adjective.strip_suffix('n').filter(|p| p.ends_with('a') && !p.contains(' '))
}

/// The regular adjective of a place no lexicon knows whose name ends in "-ia": "Drevnian" of
/// "Drevnia" (the inverse of [`place_of_adjective`] where the adjective is certain).
pub fn adjective_of_place(place: &str) -> Option<String> {
    place.ends_with("ia").then(|| format!("{place}n"))
}

/// Folds one lowercase word across transliteration and spelling variants.
pub fn fold_word(w: &str) -> String {
    fold_word_cow(w).into_owned()
}

/// [`fold_word`] without allocating when the word does not change.
fn fold_word_cow(w: &str) -> Cow<'_, str> {
    if let Some(p) = place(w) {
        return Cow::Owned(p.to_lowercase());
    }
    let w = match w {
        "defence" => "defense",
        "centre" => "center",
        "organisation" => "organization",
        "programme" => "program",
        "labour" => "labor",
        _ => w,
    };
    let mut s = Cow::Borrowed(w);
    for (from, to) in [("yy", "y"), ("iy", "y"), ("ij", "y"), ("yi", "y"), ("ii", "y")] {
        if s.len() > 4 && s.ends_with(from) {
            let o = s.to_mut();
            o.truncate(o.len() - from.len());
            o.push_str(to);
            break;
        }
    }
    // Zelensky / Zelenski, Dmitry / Dmitri, Sergey / Sergei, Nikolay / Nikolai: a final "i" after
    // anything but "i" or "y" is the other transliteration of a final "y"
    if s.len() > 3 && s.ends_with('i') && !s[..s.len() - 1].ends_with(['i', 'y']) {
        let o = s.to_mut();
        o.pop();
        o.push('y');
    }
    if s.contains("kh") {
        s = Cow::Owned(s.replace("kh", "h"));
    }
    if s.contains("zh") {
        s = Cow::Owned(s.replace("zh", "j"));
    }
    s
}

/// The words of a name (slices of its folded form) without titles and stopwords.
fn name_words(folded: &str, kind: EntityType) -> Vec<&str> {
    let mut words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '-' && kind != EntityType::Person)
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .filter(|w| !w.is_empty())
        .collect();
    if kind == EntityType::Person {
        let titles = words.iter().take(words.len().saturating_sub(1)).take_while(|w| is_title(w)).count();
        words.drain(..titles);
        // a middle initial is no part of the key: "Vladimir V. Putin" is "Vladimir Putin"
        if words.len() >= 3 && words[..words.len() - 1].iter().any(|w| !initial(w)) {
            let last = words.len() - 1;
            let mut k = 0;
            words.retain(|w| {
                k += 1;
                k - 1 == last || !initial(w)
            });
        }
    }
    words
}

/// A name's initial: one letter, with or without its dot ("V." in "Vladimir V. Putin").
fn initial(w: &str) -> bool {
    w.trim_end_matches('.').chars().count() == 1
}

/// The key of a mention: mentions with the same key are the same entity.
pub fn key(surface: &str, kind: EntityType) -> String {
    let folded = fold(surface);
    let words = name_words(&folded, kind);
    let mut out = String::with_capacity(folded.len() + 6);
    match kind {
        EntityType::Org => {
            let mut ws: Vec<Cow<str>> = words
                .iter()
                .filter(|w| !matches!(**w, "of" | "the" | "for" | "and" | "&"))
                .map(|w| demonym(w).map(|c| Cow::Owned(c.to_lowercase())).unwrap_or_else(|| fold_word_cow(w)))
                .collect();
            ws.sort();
            ws.dedup();
            out.push_str("org:");
            join_into(&mut out, ws.iter().map(|w| &**w));
        }
        EntityType::Gpe | EntityType::Loc => {
            let joined = words.join(" ");
            out.push_str("place:");
            match place(&joined) {
                Some(p) => out.push_str(&p.to_lowercase()),
                None => join_into(&mut out, words.iter().map(|w| fold_word_cow(w))),
            }
        }
        EntityType::Norp => {
            let joined = words.join(" ");
            out.push_str("norp:");
            match demonym(&joined) {
                Some(d) => out.push_str(&d.to_lowercase()),
                None => out.push_str(&joined),
            }
        }
        EntityType::Person | EntityType::Misc => {
            out.push_str("name:");
            join_into(&mut out, words.iter().map(|w| fold_word_cow(w)));
        }
    }
    out
}

/// Appends `words` separated by single spaces.
fn join_into<S: AsRef<str>>(out: &mut String, words: impl Iterator<Item = S>) {
    for (i, w) in words.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w.as_ref());
    }
}

/// A display form of a surface: no leading "the", no possessive, titles dropped from person names.
pub fn clean_surface(surface: &str, kind: EntityType) -> String {
    let s = surface.trim();
    let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
    let s = s.trim_end_matches("'s").trim_end_matches("’s");
    if kind == EntityType::Person {
        let words: Vec<&str> = s.split_whitespace().collect();
        let mut i = 0;
        while i + 1 < words.len() && is_title(&fold(words[i])) {
            i += 1;
        }
        return words[i..].join(" ");
    }
    if matches!(kind, EntityType::Gpe | EntityType::Loc) {
        if let Some(p) = place(&fold(s)) {
            return p.to_string();
        }
    }
    s.to_string()
}

#[derive(Default)]
struct Group {
    kind: Option<EntityType>,
    /// surface -> (count, first seen order)
    surfaces: HashMap<String, (usize, usize)>,
    words: usize,
}

/// Collects mentions, then names each entity once. Add every mention of a run, then [`finish`](Self::finish).
#[derive(Default)]
pub struct Canonicalizer {
    groups: HashMap<String, Group>,
    seen: usize,
}

/// The result of a [`Canonicalizer`]: key to display name.
#[derive(Debug, Default, Clone)]
pub struct CanonMap {
    names: HashMap<String, String>,
    /// the key of the one full person name ending with a word (as [`finish`](Canonicalizer::finish)
    /// links short names), for short names the map never saw
    by_last: HashMap<String, String>,
}

impl Canonicalizer {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, surface: &str, kind: EntityType) {
        self.add_keyed(&key(surface, kind), &clean_surface(surface, kind), kind);
    }

    /// [`add`](Self::add) with the mention's [`key`] and [`clean_surface`] already computed
    /// (callers that see the same surface many times compute them once).
    pub fn add_keyed(&mut self, key: &str, clean: &str, kind: EntityType) {
        let words = clean.split_whitespace().count();
        let g = match self.groups.get_mut(key) {
            Some(g) => g,
            None => self.groups.entry(key.to_string()).or_default(),
        };
        g.kind.get_or_insert(kind);
        g.words = g.words.max(words);
        self.seen += 1;
        let seen = self.seen;
        match g.surfaces.get_mut(clean) {
            Some(e) => e.0 += 1,
            None => {
                g.surfaces.insert(clean.to_string(), (1, seen));
            }
        }
    }

    pub fn finish(self) -> CanonMap {
        // Short person names join the one full name that ends with them.
        let mut by_last: HashMap<String, Vec<String>> = HashMap::default();
        for (k, g) in &self.groups {
            if let Some(rest) = k.strip_prefix("name:") {
                if g.words >= 2 && g.kind == Some(EntityType::Person) {
                    // (a name ends with a surname, not a letter: "I" is no "Ok I")
                    if let Some(last) = rest.split(' ').next_back().filter(|l| !initial(l)) {
                        by_last.entry(last.to_string()).or_default().push(k.clone());
                    }
                }
            }
        }
        // only a last name that one full name ends with links
        let by_last: HashMap<String, String> =
            by_last.into_iter().filter(|(_, v)| v.len() == 1).map(|(k, mut v)| (k, v.remove(0))).collect();
        let mut alias: HashMap<String, String> = HashMap::default();
        for k in self.groups.keys() {
            if let Some(rest) = k.strip_prefix("name:") {
                if !rest.contains(' ') {
                    if let Some(full) = by_last.get(rest) {
                        alias.insert(k.clone(), full.clone());
                    }
                }
            }
        }
        // Merge surface counts into their target group.
        let mut merged: HashMap<String, HashMap<String, (usize, usize)>> = HashMap::default();
        for (k, g) in &self.groups {
            let target = alias.get(k).unwrap_or(k);
            let m = merged.entry(target.clone()).or_default();
            for (s, &(c, first)) in &g.surfaces {
                let e = m.entry(s.clone()).or_insert((0, first));
                e.0 += c;
                e.1 = e.1.min(first);
            }
        }
        let mut names = HashMap::default();
        for (k, surfaces) in &merged {
            // (a middle initial adds no word: "Donald Trump" may stand for "Donald J. Trump")
            let words = |s: &str| s.split_whitespace().filter(|w| !initial(w)).count();
            let max_words = surfaces.keys().map(|s| words(s)).max().unwrap_or(0);
            let best = surfaces
                .iter()
                .filter(|(s, _)| !k.starts_with("name:") || words(s) == max_words)
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            names.insert(k.clone(), best);
        }
        for (short, full) in alias {
            if let Some(n) = names.get(&full).cloned() {
                names.insert(short, n);
            }
        }
        CanonMap { names, by_last }
    }
}

impl CanonMap {
    /// The canonical name of a mention; its cleaned surface if the map never saw it.
    pub fn canonical(&self, surface: &str, kind: EntityType) -> String {
        self.names.get(&key(surface, kind)).cloned().unwrap_or_else(|| clean_surface(surface, kind))
    }

    /// The canonical name of a [`key`], if the map saw it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.names.get(key).map(String::as_str)
    }

    /// The canonical name of a mention the map may not have seen: its key's, or for a one-word
    /// name the one full person name that ends with it ("Kostenkiy" after "Volodymyr Kostenkyy").
    pub fn resolve(&self, surface: &str, kind: EntityType) -> Option<&str> {
        let k = key(surface, kind);
        self.get(&k).or_else(|| {
            let rest = k.strip_prefix("name:")?;
            (!rest.contains(' ')).then(|| self.by_last.get(rest)).flatten().and_then(|full| self.get(full))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn spellings_share_keys() {
        assert_eq!(key("Volodymyr Zelenskyy", Person), key("Volodymyr Zelenskiy", Person));
        assert_eq!(key("Zelensky", Person), key("Zelenskyy", Person));
        assert_eq!(key("Kiev", Gpe), key("Kyiv", Gpe));
        assert_eq!(key("Dmitri Peskov", Person), key("Dmitry Peskov", Person));
        assert_eq!(key("Sergei Lavrov", Person), key("Sergey Lavrov", Person));
        assert_eq!(key("Yuri Ushakov", Person), key("Yury Ushakov", Person));
        assert_eq!(key("the Russian Defence Ministry", Org), key("Russia's Defense Ministry", Org));
        assert_eq!(key("Ministry of Defence of Russia", Org), key("Russian Defense Ministry", Org));
        assert_ne!(key("Russian Defence Ministry", Org), key("Ukrainian Defence Ministry", Org));
    }

    #[test]
    fn canonicalizer_names_groups_by_their_most_frequent_full_form() {
        let mut c = Canonicalizer::new();
        for s in
            ["Volodymyr Zelenskyy", "Zelenskyy", "President Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Zelensky"]
        {
            c.add(s, Person);
        }
        c.add("Joe Biden", Person);
        c.add("Biden", Person);
        let m = c.finish();
        assert_eq!(m.canonical("Zelensky", Person), "Volodymyr Zelenskyy");
        assert_eq!(m.canonical("Volodymyr Zelenskiy", Person), "Volodymyr Zelenskyy");
        assert_eq!(m.canonical("Biden", Person), "Joe Biden");
        assert_eq!(m.canonical("Kiev", Gpe), "Kyiv");
        // names the map never saw: a spelling of a short name, a full name's other spelling
        assert_eq!(m.resolve("Zelenskiy", Person), Some("Volodymyr Zelenskyy"));
        assert_eq!(m.resolve("Bidens", Person), None);
    }
}
