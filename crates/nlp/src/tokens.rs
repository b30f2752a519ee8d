//! A tokenizer that keeps byte offsets: words (with internal hyphens, apostrophes and abbreviation
//! dots), numbers, quotation marks (classified as opening, closing or ambiguous) and other punctuation.
use compact_str::CompactString;
use corroborate_model::{char_at, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    /// “ ‘ « „
    Open,
    /// ” ’ »
    Close,
    /// " (direction decided from context by the quote finder)
    Straight,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// A possessive clitic `'s` / `’s` / `'`.
    Possessive,
    Quote(QuoteMark),
    Punct(char),
    /// Markup inside the text (markdown link brackets, emphasis stars): ignored by analysis.
    Markup,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
    /// Lowercased form (words and numbers); the character itself for punctuation.
    pub lower: CompactString,
    /// A line break (or more) separates this token from the previous one.
    pub newline_before: bool,
    /// Two line breaks or more: a paragraph starts here.
    pub paragraph_before: bool,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word | TokKind::Number)
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokKind::Quote(_))
    }
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// True when a word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn quote_kind(c: char) -> Option<QuoteMark> {
    match c {
        '“' | '‘' | '«' | '„' | '‚' | '‹' => Some(QuoteMark::Open),
        '”' | '»' | '›' => Some(QuoteMark::Close),
        '"' | '＂' => Some(QuoteMark::Straight),
        _ => None,
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens. Tokens inside any of `markup` spans are marked [`TokKind::Markup`].
/// Positions are bytes; characters are decoded where they are looked at (ASCII needs no decoding).
pub fn tokenize(text: &str, markup: &[Span]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let n = text.len();
    let bytes = text.as_bytes();
    // the character at byte `k`, if any
    let at = |k: usize| if k < n { Some(char_at(text, k).0) } else { None };
    let mut i = 0;
    let mut newlines = 0usize;
    let mut space = false;
    let mut markup_iter = 0usize;
    while i < n {
        let b = i;
        let (c, cl) = char_at(text, i);
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            space = true;
            i += cl;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            let mut j = i + cl;
            let mut all_digits = c.is_ascii_digit();
            while j < n {
                let (cj, lj) = char_at(text, j);
                if cj.is_alphanumeric() {
                    all_digits &= cj.is_ascii_digit();
                    j += lj;
                } else if (cj == '-' || cj == '.' || cj == ',' || is_apostrophe(cj) || cj == '/')
                    && at(j + lj).is_some_and(char::is_alphanumeric)
                {
                    let (c1, l1) = char_at(text, j + lj);
                    // keep "Kremlin-ordered", "U.S", "3.5", "1,000", "O'Brien"; stop before "'s"
                    if is_apostrophe(cj)
                        && matches!(c1, 's' | 'S')
                        && !at(j + lj + l1).is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                    if cj == ',' && !(all_digits && c1.is_ascii_digit()) {
                        break;
                    }
                    if cj == '/' && !all_digits {
                        break;
                    }
                    all_digits &= cj != '-';
                    j += lj + l1;
                } else {
                    break;
                }
            }
            // Abbreviation dots: "U.S." / "a.m." keep their final dot when the word has an inner dot.
            if j < n && bytes[j] == b'.' && text[start..j].contains('.') && !all_digits {
                j += 1;
            }
            kind = if all_digits || text[start..j].chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
                TokKind::Number
            } else {
                TokKind::Word
            };
            i = j;
        } else if is_apostrophe(c)
            && matches!(at(i + cl), Some('s' | 'S'))
            && !at(i + cl + 1).is_some_and(char::is_alphanumeric)
            && !space
            && !out.is_empty()
        {
            kind = TokKind::Possessive;
            i += cl + 1;
        } else if let Some(q) = quote_kind(c) {
            // ’ right after a letter with no space is an apostrophe or a closing single quote
            kind = TokKind::Quote(q);
            i += cl;
        } else if c == '\'' && at(i + 1) == Some('\'') {
            // '' : a double quotation mark typed as two single ones (New York Times style)
            kind = TokKind::Quote(QuoteMark::Straight);
            i += 2;
        } else if c == '\'' {
            kind = TokKind::Quote(QuoteMark::Straight);
            i += 1;
        } else if c == '.' && at(i + 1) == Some('.') && at(i + 2) == Some('.') {
            kind = TokKind::Punct('…');
            i += 3;
        } else {
            kind = TokKind::Punct(c);
            i += cl;
        }
        let span = Span::new(b, i);
        while markup_iter < markup.len() && markup[markup_iter].end <= span.start {
            markup_iter += 1;
        }
        let in_markup = markup_iter < markup.len() && markup[markup_iter].contains(&span);
        let kind = if in_markup { TokKind::Markup } else { kind };
        let lower = match kind {
            TokKind::Word | TokKind::Number | TokKind::Possessive => {
                let s = span.slice(text);
                if s.is_ascii() {
                    let mut l = CompactString::from(s);
                    l.make_ascii_lowercase();
                    l
                } else {
                    let l = s.to_lowercase();
                    CompactString::from(if l.contains('’') { l.replace('’', "'") } else { l })
                }
            }
            _ => CompactString::from(span.slice(text)),
        };
        out.push(Token {
            span,
            kind,
            lower,
            newline_before: newlines > 0,
            paragraph_before: newlines > 1,
            space_before: space,
        });
        newlines = 0;
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, &[]).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn words_keep_their_inner_marks() {
        assert_eq!(words("The U.S. said Kremlin-ordered"), vec!["The", "U.S.", "said", "Kremlin-ordered"]);
        assert_eq!(words("Russia’s army, 1,000 men."), vec!["Russia", "’s", "army", ",", "1,000", "men", "."]);
        assert_eq!(words("“Yes,” he said"), vec!["“", "Yes", ",", "”", "he", "said"]);
        assert_eq!(words("O'Brien's dog"), vec!["O'Brien", "'s", "dog"]);
        assert_eq!(words("''Yes,'' he said"), vec!["''", "Yes", ",", "''", "he", "said"]);
    }

    #[test]
    fn markup_is_marked() {
        let text = "see [the news](#) now";
        let markup = [Span::new(4, 5), Span::new(13, 17)];
        let toks = tokenize(text, &markup);
        let kinds: Vec<_> = toks.iter().map(|t| (t.span.slice(text), t.kind == TokKind::Markup)).collect();
        assert!(kinds.contains(&("[", true)));
        assert!(kinds.contains(&("news", false)));
        assert!(toks.iter().filter(|t| t.kind == TokKind::Markup).count() >= 3);
    }
}
