//! BERT's uncased tokenizer (basic pre-tokenisation, then greedy longest-match WordPiece) over a
//! vocabulary, written here so the default build needs no tokenizer library.
//!
//! It follows `BertTokenizer` of all-MiniLM-L6-v2 (`do_lower_case`, accents stripped): text is
//! cleaned, CJK ideographs are isolated, words are lower-cased, NFD-decomposed with combining marks
//! removed, split at punctuation, then each word is cut into the longest vocabulary pieces from the
//! left, continuations prefixed with `##`; a word that cannot be cut becomes `[UNK]`.
use rustc_hash::FxHashMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Words longer than this many characters become `[UNK]`, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// A token id: the row of the vocabulary.
pub type TokenId = u32;

/// A WordPiece tokenizer over a fixed vocabulary.
#[derive(Debug, Clone)]
pub struct WordPiece {
    /// Fx hashing: 30,000 entries are inserted at every start-up (a fifth of a two-article
    /// `compare`'s start-up with SipHash and `String` keys); the keys are a fixed vocabulary.
    ids: FxHashMap<Box<str>, TokenId>,
    unk: Option<TokenId>,
}

impl WordPiece {
    /// Builds the tokenizer; the id of a token is its index in `vocab`.
    pub fn new(vocab: &[String]) -> Self {
        let mut ids = FxHashMap::with_capacity_and_hasher(vocab.len(), Default::default());
        for (i, t) in vocab.iter().enumerate() {
            ids.insert(Box::from(t.as_str()), i as TokenId);
        }
        let unk = ids.get("[UNK]").copied();
        WordPiece { ids, unk }
    }

    /// The id of an exact vocabulary entry (`"[CLS]"`, `"##ing"`, ...).
    pub fn id(&self, token: &str) -> Option<TokenId> {
        self.ids.get(token).copied()
    }

    /// The words of `text` after BERT's basic tokenisation (lower-cased, accents stripped,
    /// punctuation split off).
    pub fn basic_words(text: &str) -> Vec<String> {
        Self::basic_words_with_offsets(text).into_iter().map(|w| w.0).collect()
    }

    /// [`WordPiece::basic_words`] with the byte range of `text` each word comes from.
    pub fn basic_words_with_offsets(text: &str) -> Vec<(String, usize, usize)> {
        let mut words = Vec::new();
        let mut current = String::new();
        let mut current_start = 0;
        let mut current_end = 0;
        let flush = |current: &mut String, words: &mut Vec<(String, usize, usize)>, s: usize, e: usize| {
            if !current.is_empty() {
                words.push((std::mem::take(current), s, e));
            }
        };
        for (at, c) in text.char_indices() {
            let end = at + c.len_utf8();
            if c == '\0' || c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()) {
                continue;
            }
            if c.is_whitespace() {
                flush(&mut current, &mut words, current_start, current_end);
                continue;
            }
            if is_cjk(c) || is_punctuation(c) {
                flush(&mut current, &mut words, current_start, current_end);
                words.push((c.to_string(), at, end));
                continue;
            }
            for lc in c.to_lowercase() {
                for d in lc.nfd() {
                    if is_combining_mark(d) {
                        continue;
                    }
                    if is_punctuation(d) {
                        flush(&mut current, &mut words, current_start, current_end);
                        words.push((d.to_string(), at, end));
                    } else {
                        if current.is_empty() {
                            current_start = at;
                        }
                        current.push(d);
                        current_end = end;
                    }
                }
            }
        }
        flush(&mut current, &mut words, current_start, current_end);
        words
    }

    /// Appends the WordPiece ids of one basic word to `out`.
    pub fn word_ids(&self, word: &str, out: &mut Vec<TokenId>) {
        if word.chars().count() > MAX_WORD_CHARS {
            out.extend(self.unk);
            return;
        }
        let start_len = out.len();
        let mut start = 0;
        let mut piece = String::with_capacity(word.len() + 2);
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[start..end]);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    found = Some(id);
                    break;
                }
                // Step back one character (not one byte).
                end = word[..end].char_indices().next_back().map_or(start, |(i, _)| i);
            }
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    out.truncate(start_len);
                    out.extend(self.unk);
                    return;
                }
            }
        }
    }

    /// The WordPiece ids of `text`, without `[CLS]`/`[SEP]`.
    pub fn encode(&self, text: &str) -> Vec<TokenId> {
        let mut out = Vec::new();
        for word in Self::basic_words(text) {
            self.word_ids(&word, &mut out);
        }
        out
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// BERT's punctuation: all ASCII non-alphanumeric printable symbols, plus Unicode punctuation
/// (approximated by the Latin-1 punctuation marks and the general and CJK punctuation blocks).
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32,
            0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF
            | 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011
            | 0x3014..=0x301F | 0xFF01..=0xFF0F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vec<String> {
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "run", "##ning", "##s", "cafe", ",", "un", "##aff", "##able"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn basic_words_lowercase_strip_accents_split_punctuation() {
        assert_eq!(WordPiece::basic_words("The Café, running!"), vec!["the", "cafe", ",", "running", "!"]);
    }

    #[test]
    fn offsets_point_at_the_words() {
        let text = "Élan, don't  stop";
        let words = WordPiece::basic_words_with_offsets(text);
        let got: Vec<(&str, &str)> = words.iter().map(|(w, s, e)| (w.as_str(), &text[*s..*e])).collect();
        assert_eq!(got, [("elan", "Élan"), (",", ","), ("don", "don"), ("'", "'"), ("t", "t"), ("stop", "stop")]);
    }

    #[test]
    fn greedy_longest_match() {
        let wp = WordPiece::new(&vocab());
        assert_eq!(wp.encode("The runnings, Unaffable"), vec![4, 5, 6, 7, 9, 10, 11, 12]);
        // A word that cannot be fully cut is one [UNK].
        assert_eq!(wp.encode("runx"), vec![1]);
    }
}
