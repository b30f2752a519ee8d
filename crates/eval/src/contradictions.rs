//! Contradictions between articles, scored on FNC-1: bodies that *agree* with a headline assert its
//! claim, bodies that *disagree* refute it, so within a story an agreeing and a disagreeing body
//! contradict each other on that claim, and two agreeing (or two disagreeing) bodies do not.
//!
//! A system's contradictions come in as *sides*: for each contradiction, the articles carrying the
//! affirming claim and those carrying the disputing one. An article on both sides (it reports a
//! claim and its denial) is on neither. Two scores:
//!
//! * **pairs**: ordered pairs (agreeing body, disagreeing body) of one headline are the gold
//!   contradictions; a predicted pair (affirming article, disputing article) is right if it is one
//!   of them, wrong if both bodies are labelled agree or disagree for a common headline but it is
//!   not (two agreeing bodies, or the sides reversed), and not scored otherwise (a body that only
//!   discusses the claim);
//! * **bodies**: how many disagreeing bodies are put on a disputing side, and how many agreeing
//!   ones are (wrongly).
use std::collections::{HashMap, HashSet};

/// A body's stance toward one headline, as FNC-1 labels it (unrelated pairs are left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    Agree,
    Disagree,
    Discuss,
}

impl Label {
    /// The FNC-1 label text, or `None` for "unrelated" and anything else.
    pub fn parse(s: &str) -> Option<Label> {
        match s.trim() {
            "agree" => Some(Label::Agree),
            "disagree" => Some(Label::Disagree),
            "discuss" => Some(Label::Discuss),
            _ => None,
        }
    }
}

/// One story's gold: `(headline, body, label)` with bodies as indices into the story's articles.
pub type StoryLabels = [(usize, usize, Label)];

/// One contradiction's sides: the articles carrying the affirming claim, then the disputing one.
pub type Sides = (Vec<usize>, Vec<usize>);

/// Counts over all stories scored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Gold pairs (agreeing body, disagreeing body), each counted once.
    pub gold_pairs: usize,
    /// Predicted pairs that are gold pairs.
    pub right_pairs: usize,
    /// Predicted pairs between bodies labelled agree/disagree for a common headline that are not
    /// gold pairs (both agree, both disagree, or the sides reversed).
    pub wrong_pairs: usize,
    /// Predicted pairs not scored (a body only discusses, or the two share no headline).
    pub unscored_pairs: usize,
    /// Bodies that disagree with a headline of their story (and agree with none).
    pub disagreeing: usize,
    /// Of those, put on a disputing side.
    pub disagreeing_found: usize,
    /// Bodies that agree with a headline of their story (and disagree with none).
    pub agreeing: usize,
    /// Of those, put on a disputing side (wrongly).
    pub agreeing_disputing: usize,
    /// Bodies that only discuss, and of those, put on a disputing side.
    pub discussing: usize,
    pub discussing_disputing: usize,
    /// Contradictions found, and how many of them have articles on both sides.
    pub contradictions: usize,
    pub across_articles: usize,
}

impl Tally {
    /// Adds one story: its gold labels and the sides of each contradiction found in it.
    pub fn add(&mut self, labels: &StoryLabels, contradictions: &[Sides]) {
        let mut by_body: HashMap<usize, HashMap<usize, Label>> = HashMap::new();
        for &(h, b, l) in labels {
            by_body.entry(b).or_default().insert(h, l);
        }
        let mut gold: HashSet<(usize, usize)> = HashSet::new();
        let mut headlines: HashMap<usize, Vec<(usize, Label)>> = HashMap::new();
        for &(h, b, l) in labels {
            headlines.entry(h).or_default().push((b, l));
        }
        for bodies in headlines.values() {
            for &(a, la) in bodies {
                for &(d, ld) in bodies {
                    if la == Label::Agree && ld == Label::Disagree && a != d {
                        gold.insert((a, d));
                    }
                }
            }
        }
        self.gold_pairs += gold.len();
        // is the pair of bodies labelled agree/disagree for one common headline?
        let scored = |x: usize, y: usize| {
            let (Some(lx), Some(ly)) = (by_body.get(&x), by_body.get(&y)) else { return false };
            lx.iter().any(|(h, l)| *l != Label::Discuss && ly.get(h).is_some_and(|m| *m != Label::Discuss))
        };
        let mut predicted: HashSet<(usize, usize)> = HashSet::new();
        let mut disputing: HashSet<usize> = HashSet::new();
        for sides in contradictions {
            self.contradictions += 1;
            let Some((aff_only, dis_only)) = one_sided(sides) else { continue };
            self.across_articles += 1;
            disputing.extend(&dis_only);
            for &a in &aff_only {
                for &d in &dis_only {
                    predicted.insert((a, d));
                }
            }
        }
        for &(a, d) in &predicted {
            if gold.contains(&(a, d)) {
                self.right_pairs += 1;
            } else if scored(a, d) {
                self.wrong_pairs += 1;
            } else {
                self.unscored_pairs += 1;
            }
        }
        for (b, ls) in &by_body {
            let agree = ls.values().any(|l| *l == Label::Agree);
            let disagree = ls.values().any(|l| *l == Label::Disagree);
            let found = disputing.contains(b);
            match (agree, disagree) {
                (false, true) => {
                    self.disagreeing += 1;
                    self.disagreeing_found += usize::from(found);
                }
                (true, false) => {
                    self.agreeing += 1;
                    self.agreeing_disputing += usize::from(found);
                }
                (false, false) => {
                    self.discussing += 1;
                    self.discussing_disputing += usize::from(found);
                }
                (true, true) => {}
            }
        }
    }

    /// Pair precision: right pairs among the scored predicted pairs.
    pub fn pair_precision(&self) -> f64 {
        ratio(self.right_pairs, self.right_pairs + self.wrong_pairs)
    }

    /// Pair recall: gold pairs found.
    pub fn pair_recall(&self) -> f64 {
        ratio(self.right_pairs, self.gold_pairs)
    }
}

/// The articles on only one side of a contradiction (affirming, disputing), or `None` when a side
/// has none (the contradiction is inside articles that carry both).
pub fn one_sided((aff, dis): &Sides) -> Option<(Vec<usize>, Vec<usize>)> {
    let aff_only: Vec<usize> = aff.iter().copied().filter(|a| !dis.contains(a)).collect();
    let dis_only: Vec<usize> = dis.iter().copied().filter(|d| !aff.contains(d)).collect();
    (!aff_only.is_empty() && !dis_only.is_empty()).then_some((aff_only, dis_only))
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::*;

    #[test]
    fn pairs_follow_the_sides_and_their_direction() {
        // headline 0: bodies 0 and 1 agree, 2 disagrees, 3 discusses
        let labels = [(0, 0, Agree), (0, 1, Agree), (0, 2, Disagree), (0, 3, Discuss)];
        let mut t = Tally::default();
        // 0 affirms, 2 disputes: right; 1 disputes too: wrong (agree/agree); 3 unscored
        t.add(&labels, &[(vec![0], vec![2, 1, 3])]);
        assert_eq!((t.gold_pairs, t.right_pairs, t.wrong_pairs, t.unscored_pairs), (2, 1, 1, 1));
        assert_eq!((t.disagreeing, t.disagreeing_found, t.agreeing, t.agreeing_disputing), (1, 1, 2, 1));
        assert_eq!((t.discussing, t.discussing_disputing), (1, 1));
        assert_eq!(t.pair_precision(), 0.5);
        assert_eq!(t.pair_recall(), 0.5);
    }

    #[test]
    fn reversed_sides_are_wrong_and_an_article_on_both_sides_is_on_neither() {
        let labels = [(0, 0, Agree), (0, 1, Disagree)];
        let mut t = Tally::default();
        t.add(&labels, &[(vec![1], vec![0])]);
        assert_eq!((t.right_pairs, t.wrong_pairs, t.disagreeing_found, t.agreeing_disputing), (0, 1, 0, 1));
        let mut t = Tally::default();
        t.add(&labels, &[(vec![0, 1], vec![1])]);
        assert_eq!((t.contradictions, t.across_articles, t.right_pairs, t.wrong_pairs), (1, 0, 0, 0));
    }
}
