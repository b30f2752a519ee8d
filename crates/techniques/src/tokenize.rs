//! A small tokenizer and sentence splitter that keep byte offsets.
//!
//! Words are maximal runs of letters and digits, joined through inner apostrophes and hyphens
//! ("Kremlin-ordered", "didn't"); every other non-space character is a token of its own.

use corroborate_model::{char_at, Span};

/// One token: its byte span and a lower-cased form for features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub lower: String,
    /// True for a word (letters or digits), false for punctuation and symbols.
    pub word: bool,
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '–')
}

/// Splits `text[range]` into tokens (offsets are into `text`).
pub fn tokens(text: &str, range: Span) -> Vec<Token> {
    let mut raw = Vec::new();
    raw_tokens(text, range, &mut raw);
    raw.into_iter().map(|(span, word)| Token { span, lower: span.slice(text).to_lowercase(), word }).collect()
}

/// Splits `text[range]` into token spans, each with whether it is a word, appending to `out`.
pub fn raw_tokens(text: &str, range: Span, out: &mut Vec<(Span, bool)>) {
    let s = range.slice(text);
    let base = range.start;
    let n = s.len();
    let mut i = 0;
    while i < n {
        let (c, len) = char_at(s, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + len;
            while end < n {
                let (d, dl) = char_at(s, end);
                if d.is_alphanumeric() {
                    end += dl;
                } else if joiner(d) && d != '–' && end + dl < n && char_at(s, end + dl).0.is_alphanumeric() {
                    // keep a joiner only when a letter or digit follows it
                    end += dl;
                } else {
                    break;
                }
            }
            out.push((Span::new(base + i, base + end), true));
            i = end;
        } else {
            out.push((Span::new(base + i, base + i + len), false));
            i += len;
        }
    }
}

/// Sentence spans: every line is split at `.`, `!` or `?` (with closing quotes or brackets) that is
/// followed by whitespace and an upper-case letter, a digit or an opening quote. Empty lines are
/// dropped; spans are trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        split_line(text, Span::new(line_start, i), &mut out);
        line_start = i + 1;
    }
    out
}

/// Splits one line at its sentence ends. The terminators are ASCII, so they are found with a byte
/// search and only the characters around each are decoded.
fn split_line(text: &str, line: Span, out: &mut Vec<Span>) {
    let s = line.slice(text);
    let mut start = 0;
    let mut pos = 0;
    while let Some(off) = memchr::memchr3(b'.', b'!', b'?', &s.as_bytes()[pos..]) {
        let k = pos + off;
        // the terminator's run: more terminators, closing quotes and brackets
        let mut m = k + 1;
        for c in s[m..].chars() {
            if !matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')') {
                break;
            }
            m += c.len_utf8();
        }
        let mut n = m;
        for c in s[n..].chars() {
            if !c.is_whitespace() {
                break;
            }
            n += c.len_utf8();
        }
        let saw_space = n > m;
        let next_ok = s[n..]
            .chars()
            .next()
            .is_some_and(|d| d.is_uppercase() || d.is_ascii_digit() || matches!(d, '"' | '“' | '‘' | '\''));
        if saw_space && next_ok && !abbreviation(&s[start..k]) {
            push_trimmed(text, Span::new(line.start + start, line.start + m), out);
            start = n;
            pos = n;
        } else {
            pos = m;
        }
    }
    push_trimmed(text, Span::new(line.start + start, line.end), out);
}

fn abbreviation(before: &str) -> bool {
    let last = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    matches!(
        last,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Jr"
            | "Sr"
            | "Prof"
            | "vs"
            | "No"
            | "U.S"
            | "U"
            | "S"
    ) || (last.chars().count() == 1 && last.chars().all(|c| c.is_uppercase()))
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = span.trim(text, &[]);
    if !t.is_empty() {
        out.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_joiners_and_offsets() {
        let text = "The Kremlin-ordered attack didn't “stop”.";
        let toks = tokens(text, Span::new(0, text.len()));
        let words: Vec<&str> = toks.iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(words, ["The", "Kremlin-ordered", "attack", "didn't", "“", "stop", "”", "."]);
        assert_eq!(toks[1].lower, "kremlin-ordered");
    }

    #[test]
    fn sentences_split_on_terminal_punctuation_and_lines() {
        let text = "Title line\n\nMr. Smith came. He left! Did he? \"Yes.\" Done";
        let s: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(s, ["Title line", "Mr. Smith came.", "He left!", "Did he?", "\"Yes.\"", "Done"]);
    }
}
