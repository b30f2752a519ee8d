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
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Lowercase, strip diacritics and possessives, unify apostrophes.
pub fn fold(s: &str) -> String {
    let s: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'");
    let s = s.trim();
    let s = s.strip_prefix("the ").unwrap_or(s);
    s.replace("'s ", " ").trim_end_matches("'s").trim_end_matches('\'').to_string()
}

/// Folds one lowercase word across transliteration and spelling variants.
pub fn fold_word(w: &str) -> String {
    if let Some(p) = place(w) {
        return p.to_lowercase();
    }
    let w = match w {
        "defence" => "defense",
        "centre" => "center",
        "organisation" => "organization",
        "programme" => "program",
        "labour" => "labor",
        _ => w,
    };
    let mut s = w.to_string();
    for (from, to) in [("yy", "y"), ("iy", "y"), ("ij", "y"), ("yi", "y"), ("ii", "y")] {
        if s.len() > 4 && s.ends_with(from) {
            s.truncate(s.len() - from.len());
            s.push_str(to);
            break;
        }
    }
    // Zelensky / Zelenski
    if s.len() > 5 && s.ends_with("ski") {
        s.pop();
        s.push('y');
    }
    s = s.replace("kh", "h").replace("zh", "j");
    s
}

/// The words of a name without titles and stopwords, folded.
fn name_words(surface: &str, kind: EntityType) -> Vec<String> {
    let folded = fold(surface);
    let mut words: Vec<String> = folded
        .split(|c: char| c.is_whitespace() || c == '-' && kind != EntityType::Person)
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.').to_string())
        .filter(|w| !w.is_empty())
        .collect();
    if kind == EntityType::Person {
        while words.len() > 1 && is_title(&words[0]) {
            words.remove(0);
        }
    }
    words
}

/// The key of a mention: mentions with the same key are the same entity.
pub fn key(surface: &str, kind: EntityType) -> String {
    let words = name_words(surface, kind);
    match kind {
        EntityType::Org => {
            let mut ws: Vec<String> = words
                .iter()
                .filter(|w| !matches!(w.as_str(), "of" | "the" | "for" | "and" | "&"))
                .map(|w| demonym(w).map(|c| c.to_lowercase()).unwrap_or_else(|| fold_word(w)))
                .collect();
            ws.sort();
            ws.dedup();
            format!("org:{}", ws.join(" "))
        }
        EntityType::Gpe | EntityType::Loc => {
            let joined = words.join(" ");
            let name = place(&joined)
                .map(str::to_lowercase)
                .unwrap_or_else(|| words.iter().map(|w| fold_word(w)).collect::<Vec<_>>().join(" "));
            format!("place:{name}")
        }
        EntityType::Norp => {
            let joined = words.join(" ");
            format!("norp:{}", demonym(&joined).map(str::to_lowercase).unwrap_or(joined))
        }
        EntityType::Person | EntityType::Misc => {
            let ws: Vec<String> = words.iter().map(|w| fold_word(w)).collect();
            format!("name:{}", ws.join(" "))
        }
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
}

impl Canonicalizer {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, surface: &str, kind: EntityType) {
        let k = key(surface, kind);
        let clean = clean_surface(surface, kind);
        let words = clean.split_whitespace().count();
        let g = self.groups.entry(k).or_default();
        g.kind.get_or_insert(kind);
        g.words = g.words.max(words);
        self.seen += 1;
        let seen = self.seen;
        let e = g.surfaces.entry(clean).or_insert((0, seen));
        e.0 += 1;
    }

    pub fn finish(self) -> CanonMap {
        // Short person names join the one full name that ends with them.
        let mut by_last: HashMap<String, Vec<String>> = HashMap::new();
        for (k, g) in &self.groups {
            if let Some(rest) = k.strip_prefix("name:") {
                if g.words >= 2 && g.kind == Some(EntityType::Person) {
                    if let Some(last) = rest.split(' ').next_back() {
                        by_last.entry(last.to_string()).or_default().push(k.clone());
                    }
                }
            }
        }
        let mut alias: HashMap<String, String> = HashMap::new();
        for k in self.groups.keys() {
            if let Some(rest) = k.strip_prefix("name:") {
                if !rest.contains(' ') {
                    if let Some(full) = by_last.get(rest).filter(|v| v.len() == 1) {
                        alias.insert(k.clone(), full[0].clone());
                    }
                }
            }
        }
        // Merge surface counts into their target group.
        let mut merged: HashMap<String, HashMap<String, (usize, usize)>> = HashMap::new();
        for (k, g) in &self.groups {
            let target = alias.get(k).unwrap_or(k);
            let m = merged.entry(target.clone()).or_default();
            for (s, &(c, first)) in &g.surfaces {
                let e = m.entry(s.clone()).or_insert((0, first));
                e.0 += c;
                e.1 = e.1.min(first);
            }
        }
        let mut names = HashMap::new();
        for (k, surfaces) in &merged {
            let max_words = surfaces.keys().map(|s| s.split_whitespace().count()).max().unwrap_or(0);
            let best = surfaces
                .iter()
                .filter(|(s, _)| !k.starts_with("name:") || s.split_whitespace().count() == max_words)
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
        CanonMap { names }
    }
}

impl CanonMap {
    /// The canonical name of a mention; its cleaned surface if the map never saw it.
    pub fn canonical(&self, surface: &str, kind: EntityType) -> String {
        self.names.get(&key(surface, kind)).cloned().unwrap_or_else(|| clean_surface(surface, kind))
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
    }
}
