//! What an article is compared on: its content words and its names (capitalised word runs).
use std::collections::HashMap;

/// A term of the article: a content word or (prefixed with `=`) a name.
pub fn terms(text: &str) -> HashMap<String, f32> {
    let mut counts: HashMap<String, f32> = HashMap::new();
    let mut name: Vec<String> = Vec::new();
    let mut sentence_start = true;
    let flush_name = |name: &mut Vec<String>, counts: &mut HashMap<String, f32>| {
        // Single capitalised words are already content words; runs of two or more are names.
        if name.len() >= 2 {
            *counts.entry(format!("={}", name.join(" "))).or_default() += 1.0;
        }
        name.clear();
    };
    for (word, end_of_sentence) in words(text) {
        let lower = word.to_lowercase();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let stop = is_stopword(&lower);
        if capitalised && !stop && !(sentence_start && name.is_empty() && is_common_opener(&lower)) {
            name.push(lower.clone());
        } else {
            flush_name(&mut name, &mut counts);
        }
        if !stop && lower.chars().count() >= 2 && !lower.chars().all(|c| c.is_ascii_digit()) {
            *counts.entry(stem(&lower)).or_default() += 1.0;
        }
        sentence_start = end_of_sentence;
        if end_of_sentence {
            flush_name(&mut name, &mut counts);
        }
    }
    flush_name(&mut name, &mut counts);
    counts
}

/// Words of the text (letters, digits, inner apostrophes and hyphens), each with whether a
/// sentence ends right after it.
fn words(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes_len = text.len();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner = (c == '\'' || c == '’' || c == '-')
            && start.is_some()
            && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push((&text[s..i], false));
        }
        if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';') {
            if let Some(last) = out.last_mut() {
                last.1 = true;
            }
        }
    }
    if let Some(s) = start {
        out.push((&text[s..bytes_len], true));
    }
    out
}

/// A light English stemmer: possessives and regular plurals.
fn stem(word: &str) -> String {
    let w = word.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches('\'');
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

fn is_common_opener(w: &str) -> bool {
    matches!(
        w,
        "but"
            | "and"
            | "yet"
            | "so"
            | "now"
            | "then"
            | "after"
            | "before"
            | "when"
            | "while"
            | "according"
            | "however"
            | "meanwhile"
            | "there"
            | "here"
            | "last"
            | "next"
            | "earlier"
            | "later"
            | "today"
            | "yesterday"
    )
}

/// English function words and news boilerplate that say nothing about the story.
pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

// Sorted (checked by a test).
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
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
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
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "last",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "new",
    "no",
    "nor",
    "not",
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
    "per",
    "reported",
    "reportedly",
    "reports",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
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
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "us",
    "very",
    "via",
    "was",
    "way",
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
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn names_and_content_words() {
        let t = terms("Russian troops left Bucha. Then Vladimir Putin said the bodies were staged.");
        assert!(t.contains_key("=vladimir putin"));
        assert!(t.contains_key("troop"));
        assert!(t.contains_key("body"));
        assert!(!t.contains_key("the"));
        assert!(!t.contains_key("=then vladimir putin"));
    }
}
