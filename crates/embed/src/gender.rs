//! Which first names of the static table lean female or male: each word's vector projected on the
//! direction from male to female words (he → she, his → her, man → woman, ...), the mean of
//! fourteen such differences. Used for first names, where a pronoun must agree with its person
//! ("she said" is not Donald Trump's): "mary" and "hillary" lean female, "john" and "donald" male.
//! Only words near the centroid of a dozen first names count (names lie together in this space;
//! "new", "free", "south", which an entity finder may put before a "person", do not).
use crate::StaticEmbeddings;

/// Word pairs (female, male) whose differences make the direction.
const PAIRS: [(&str, &str); 14] = [
    ("she", "he"),
    ("her", "his"),
    ("woman", "man"),
    ("girl", "boy"),
    ("mother", "father"),
    ("daughter", "son"),
    ("sister", "brother"),
    ("queen", "king"),
    ("wife", "husband"),
    ("mrs", "mr"),
    ("women", "men"),
    ("female", "male"),
    ("lady", "gentleman"),
    ("actress", "actor"),
];

/// First names whose centroid marks the words that are names.
const SEED_NAMES: [&str; 12] =
    ["john", "mary", "david", "sarah", "michael", "elizabeth", "james", "anna", "robert", "susan", "peter", "helen"];

/// A word is a name when its cosine with the seed names' centroid is above this: 94 % of the
/// title-given first names below are, and "new", "free", "south", "united", "of" are not.
pub const NAME_ABOVE: f32 = 0.1;

/// A word leans female above this projection and male below [`MALE_BELOW`]; between, neither.
/// Chosen on first names whose sex the corpora give by a title ("Tony Blair" with "Mr Blair"; 379
/// names from the BBC bulk corpus, PolNeAR train/ and the FNC-1 bodies): above 0.15 are 83 % of
/// the women's names and 4 of the 287 men's, below −0.02 86 % of the men's and no woman's.
pub const FEMALE_ABOVE: f32 = 0.15;
/// See [`FEMALE_ABOVE`].
pub const MALE_BELOW: f32 = -0.02;

/// For every whole lowercase word of the table that is a name ([`NAME_ABOVE`]), its projection on
/// the female direction (unit vectors, so a cosine), in vocabulary order; empty if a pair or seed
/// word is missing from the table.
pub fn female_scores(table: &StaticEmbeddings) -> Vec<(String, f32)> {
    let dim = crate::Embedder::dim(table);
    let unit = |w: &str| -> Option<Vec<f32>> {
        let &[id] = table.wordpiece().encode(w).as_slice() else { return None };
        let mut v = vec![0f32; dim];
        table.accumulate(id, 1.0, &mut v);
        crate::normalize(&mut v);
        Some(v)
    };
    let dot = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
    let mut direction = vec![0f32; dim];
    for (f, m) in PAIRS {
        let (Some(f), Some(m)) = (unit(f), unit(m)) else { return Vec::new() };
        for ((d, a), b) in direction.iter_mut().zip(&f).zip(&m) {
            *d += a - b;
        }
    }
    crate::normalize(&mut direction);
    let mut names = vec![0f32; dim];
    for w in SEED_NAMES {
        let Some(v) = unit(w) else { return Vec::new() };
        names.iter_mut().zip(&v).for_each(|(c, x)| *c += x);
    }
    crate::normalize(&mut names);
    table
        .vocab()
        .iter()
        .filter(|w| crate::clusters::clusterable(w))
        .filter_map(|w| {
            let v = unit(w)?;
            (dot(&v, &names) > NAME_ABOVE).then(|| (w.clone(), dot(&v, &direction)))
        })
        .collect()
}

/// The words that lean one way: `(word, female)`.
pub fn gendered_words(table: &StaticEmbeddings) -> Vec<(String, bool)> {
    female_scores(table)
        .into_iter()
        .filter_map(|(w, s)| {
            if s > FEMALE_ABOVE {
                Some((w, true))
            } else if s < MALE_BELOW {
                Some((w, false))
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn first_names_lean_their_way() {
        let table = crate::StaticEmbeddings::bundled().unwrap();
        let words: std::collections::HashMap<String, bool> = super::gendered_words(&table).into_iter().collect();
        for w in ["mary", "hillary", "sarah", "margaret"] {
            assert_eq!(words.get(w), Some(&true), "{w}");
        }
        for w in ["john", "donald", "michael", "vladimir"] {
            assert_eq!(words.get(w), Some(&false), "{w}");
        }
        for w in ["new", "free", "south", "of"] {
            assert_eq!(words.get(w), None, "{w} is no name");
        }
    }
}
