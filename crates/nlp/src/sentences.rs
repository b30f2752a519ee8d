//! Sentence splitting over tokens: ends at `.`, `!`, `?` (with any closing quotes or brackets) before
//! a capital, a digit or an opening quote, unless the word before is a known abbreviation or an
//! initial; a line break always ends a sentence. Regions in `skip` (metadata lines) are left out.
use crate::tokens::{QuoteMark, TokKind, Token};
use corroborate_model::Span;

/// Abbreviations that stand before a number ("No. 10", "Fig. 3") and nowhere else.
const NUMBER_ABBREVIATIONS: &[&str] = &["fig", "no"];

fn ends_abbreviation(tok: &Token, text: &str) -> bool {
    let s = tok.span.slice(text);
    if s.chars().count() == 1 && s.chars().all(char::is_uppercase) {
        return true; // an initial: "Joe R. Biden"
    }
    if s.contains('.') {
        return true; // "U.S." keeps its own dot
    }
    // "then-Sen. Obama": the part after a hyphen, when it is capitalised ("yes-or-no." and
    // "next-gen." end their sentences)
    match s.rsplit_once('-') {
        Some((_, part)) => {
            part.starts_with(char::is_uppercase) && crate::lexicon::is_abbreviation(&part.to_lowercase())
        }
        None => crate::lexicon::is_abbreviation(&tok.lower),
    }
}

/// Words that go on a time after "a.m."/"p.m." in the same sentence besides a day's or a month's
/// name ([`crate::lexicon::WEEKDAYS`], [`crate::lexicon::MONTHS`]): a zone, a short day or month, a
/// place's time ("6 p.m. Tuesday", "10 a.m. ET", "9 p.m. local time", "7 p.m. Moscow time").
const AFTER_A_TIME: &[&str] = &[
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "bst", "cet", "cest", "eet",
    "eest", "utc", "msk", "ist", "jst", "aest", "eastern", "central", "mountain", "pacific", "local", "mon", "tue",
    "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec",
];

/// "a.m."/"p.m." holds its own dot, so it ends a sentence when a capitalised word follows that
/// does not go on the time ("shortly after 6 p.m. Hospitals ran on generators"; not "6 p.m.
/// Tuesday", "10 a.m. ET", "7 p.m. Moscow time").
fn time_ends_sentence(tokens: &[Token], i: usize, text: &str) -> bool {
    let t = &tokens[i];
    let Some(n) = tokens.get(i + 1) else { return false };
    // (a time as written, after its number: not "British P.M. Tony Blair")
    let after_number = i > 0 && tokens[i - 1].kind == TokKind::Number;
    if !matches!(t.span.slice(text), "a.m." | "p.m.") || !after_number || n.kind != TokKind::Word || n.newline_before {
        return false;
    }
    let time_after = tokens.get(i + 2).is_some_and(|m| m.lower == "time");
    let goes_on = |w: &str| {
        AFTER_A_TIME.contains(&w) || crate::lexicon::WEEKDAYS.contains(&w) || crate::lexicon::MONTHS.contains(&w)
    };
    crate::is_capitalized(n.span.slice(text)) && !goes_on(n.lower.as_str()) && !time_after
}

/// Splits into sentence spans (trimmed), skipping tokens inside `skip`.
pub fn sentences(text: &str, tokens: &[Token], skip: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None; // token index
    let mut last: usize = 0;
    let in_skip = |t: &Token| skip.iter().any(|s| s.overlaps(&t.span));
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind == TokKind::Markup && !in_skip(t) {
            i += 1; // markup inside prose is transparent
            continue;
        }
        if in_skip(t) {
            if let Some(s) = start.take() {
                out.push(Span::new(tokens[s].span.start, tokens[last].span.end));
            }
            i += 1;
            continue;
        }
        if let Some(s) = start {
            // A line break ends a sentence, unless a paragraph was cut mid-sentence: the line before ends
            // in a word or comma and this one goes on in lowercase.
            let broken = t.kind == TokKind::Word
                && t.span.slice(text).starts_with(|c: char| c.is_lowercase())
                && matches!(tokens[last].kind, TokKind::Word | TokKind::Punct(','));
            if t.newline_before && !broken {
                out.push(Span::new(tokens[s].span.start, tokens[last].span.end));
                start = None;
            }
        }
        if start.is_none() {
            start = Some(i);
        }
        last = i;
        if time_ends_sentence(tokens, i, text) {
            out.push(Span::new(tokens[start.unwrap()].span.start, t.span.end));
            start = None;
            i += 1;
            continue;
        }
        let terminal =
            matches!(t.kind, TokKind::Punct('.') | TokKind::Punct('!') | TokKind::Punct('?') | TokKind::Punct('…'));
        if terminal {
            // absorb closing quotes and brackets
            let mut j = i + 1;
            while j < tokens.len()
                && !tokens[j].space_before
                && matches!(
                    tokens[j].kind,
                    TokKind::Quote(QuoteMark::Close)
                        | TokKind::Quote(QuoteMark::Straight)
                        | TokKind::Punct(')')
                        | TokKind::Punct(']')
                        | TokKind::Punct('*')
                        | TokKind::Markup
                )
            {
                j += 1;
            }
            let next = tokens.get(j);
            // a quotation closed right after the dot ends there ("Kovic said: “No.” The minister ..."),
            // and "No." abbreviates only before its number ("No. 10"; "The answer was no. The ...")
            let quote_closed = tokens[i + 1..j].iter().any(|q| matches!(q.kind, TokKind::Quote(_)));
            let is_abbrev = t.kind == TokKind::Punct('.')
                && i > 0
                && !t.space_before
                && !quote_closed
                && ends_abbreviation(&tokens[i - 1], text)
                && (!NUMBER_ABBREVIATIONS.contains(&tokens[i - 1].lower.as_str())
                    || next.is_some_and(|n| n.kind == TokKind::Number));
            let starts_new = match next {
                None => true,
                Some(n) => {
                    n.newline_before
                        || match n.kind {
                            TokKind::Word => crate::is_capitalized(n.span.slice(text)),
                            TokKind::Number => true,
                            TokKind::Quote(QuoteMark::Open) | TokKind::Quote(QuoteMark::Straight) => true,
                            TokKind::Punct('(')
                            | TokKind::Punct('[')
                            | TokKind::Punct('*')
                            | TokKind::Punct('-')
                            | TokKind::Punct('—') => true,
                            _ => false,
                        }
                }
            };
            // after "Gen." a capitalised name follows: not a boundary; after "Inc." at sentence end it is,
            // which we cannot tell apart cheaply, so abbreviations never end a sentence unless a line ends.
            if starts_new && (!is_abbrev || next.is_none_or(|n| n.newline_before)) {
                let end_tok = j - 1;
                out.push(Span::new(tokens[start.unwrap()].span.start, tokens[end_tok].span.end));
                start = None;
                last = end_tok;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push(Span::new(tokens[s].span.start, tokens[last].span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{sentences, tokenize};

    fn split(text: &str) -> Vec<&str> {
        let toks = tokenize(text, &[]);
        sentences(text, &toks, &[]).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_initials_and_quotes() {
        assert_eq!(
            split("Mr. J. R. Smith of the U.S. Army arrived at 5 p.m. on Monday. He left."),
            vec!["Mr. J. R. Smith of the U.S. Army arrived at 5 p.m. on Monday.", "He left."]
        );
        assert_eq!(
            split("“We are leaving.” The mayor said so. Was it true? Yes!"),
            vec!["“We are leaving.”", "The mayor said so.", "Was it true?", "Yes!"]
        );
        assert_eq!(split("First line\nSecond line."), vec!["First line", "Second line."]);
        assert_eq!(
            split("She ran against then-Sen. Obama. He won."),
            vec!["She ran against then-Sen. Obama.", "He won."]
        );
        assert_eq!(split("It was yes-or-no. The council met."), vec!["It was yes-or-no.", "The council met."]);
        assert_eq!(split("Consoles are next-gen. Sony said so."), vec!["Consoles are next-gen.", "Sony said so."]);
        assert_eq!(
            split("the streets of the\n\nsuburban town, it said."),
            vec!["the streets of the\n\nsuburban town, it said."]
        );
        assert_eq!(split("It rose 3.5 percent. Then fell."), vec!["It rose 3.5 percent.", "Then fell."]);
        // a quotation closing after an abbreviation's dot ends the sentence; "No." abbreviates before a number
        assert_eq!(
            split(
                "Kovic said: “No.” The minister agreed. He lives at No. 10 Quay Street. The answer was no. Then rain."
            ),
            vec![
                "Kovic said: “No.”",
                "The minister agreed.",
                "He lives at No. 10 Quay Street.",
                "The answer was no.",
                "Then rain."
            ]
        );
        assert_eq!(split("It was Gen. Vask. No. Then rain."), vec!["It was Gen. Vask.", "No.", "Then rain."]);
        // "a.m."/"p.m." ends a sentence before a capitalised word that does not go on the time
        assert_eq!(
            split("It went dark after 6 p.m. Hospitals ran on generators. It ended at 3 a.m. Tuesday, at 4 p.m. ET and at 7 p.m. Moscow time."),
            vec![
                "It went dark after 6 p.m.",
                "Hospitals ran on generators.",
                "It ended at 3 a.m. Tuesday, at 4 p.m. ET and at 7 p.m. Moscow time."
            ]
        );
        assert_eq!(
            split("With support from British P.M. Tony Blair, the plan went ahead."),
            vec!["With support from British P.M. Tony Blair, the plan went ahead."]
        );
    }

    #[test]
    fn skip_regions_are_left_out() {
        let text = "by Jane Roe\nThe text. More.";
        let toks = tokenize(text, &[]);
        let s = sentences(text, &toks, &[corroborate_model::Span::new(0, 11)]);
        let got: Vec<_> = s.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, vec!["The text.", "More."]);
    }
}
