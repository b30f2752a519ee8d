//! Quotation finding: pairs opening and closing marks (curly or straight) within a paragraph, lets a
//! quotation continue into the next paragraph the way news style does (no closing mark, a new opening
//! mark), and drops an unbalanced mark alone, so it costs at most its own quote.
use corroborate_model::Span;
use corroborate_nlp::{QuoteMark, TokKind, Token};

/// A quotation: token indices of its marks and the span between them.
#[derive(Debug, Clone)]
pub struct Quote {
    pub open: usize,
    pub close: usize,
    /// The quoted words, without the marks, trimmed of whitespace and trailing commas.
    pub inner: Span,
    /// Marks included.
    pub outer: Span,
    pub words: usize,
}

fn is_double(t: &Token, text: &str) -> bool {
    matches!(t.span.slice(text), "“" | "”" | "\"" | "«" | "»" | "„" | "＂" | "''")
}

/// The most words of a quotation held inside another with the same marks.
const NESTED_WORDS: usize = 8;
/// How many tokens after a quotation held inside another the outer one may close.
const RESUMED_TOKENS: usize = 30;

/// Finds double-quoted quotations.
pub fn find_quotes(text: &str, tokens: &[Token]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // a quotation that a second opening mark interrupted: the second may be a quotation inside it
    // (`“... what he calls “hell” than live ...”`), after which a closing mark closes it again
    let mut outer: Option<usize> = None;
    // until which token an outer quotation resumed after a short inner one may close: a close much
    // later belongs to no quotation it held (`“Well, he thinks it is “Shark Tank.” But ...` left
    // the outer open, and a mark paragraphs on would swallow all between)
    let mut resumed_until: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        let TokKind::Quote(mark) = t.kind else {
            if t.paragraph_before {
                // an unclosed quote does not run past its paragraph
                open = None;
                outer = None;
            }
            continue;
        };
        if !is_double(t, text) {
            continue;
        }
        // (nor does it run on into a new paragraph as a quotation continued there does)
        if resumed_until.is_some_and(|u| i > u || t.paragraph_before) {
            open = None;
            resumed_until = None;
        }
        let opening = match mark {
            QuoteMark::Open => true,
            // a closing mark opening a paragraph and touching a word is a misprinted opening mark
            // (`”Fear. I am afraid ...” ― Name`)
            QuoteMark::Close => {
                (i == 0 || t.newline_before || t.paragraph_before)
                    && tokens.get(i + 1).is_some_and(|n| !n.space_before && n.is_word())
            }
            QuoteMark::Straight => {
                if open.is_some() && !t.paragraph_before {
                    false
                } else {
                    // opens when followed directly by a word
                    tokens.get(i + 1).is_some_and(|n| !n.space_before && n.kind != TokKind::Punct('.'))
                }
            }
        };
        if opening {
            if let Some(o) = open {
                // an opening mark at a new paragraph continues the quote; elsewhere the old one was
                // unbalanced, or holds this one (curly marks only: straight ones close)
                if t.paragraph_before && tokens[o + 1..i].iter().any(|x| x.is_word()) {
                    continue;
                }
                let curly = |k: usize| tokens[k].kind == TokKind::Quote(QuoteMark::Open);
                outer = (!t.paragraph_before && curly(i) && curly(o)).then_some(o);
            }
            open = Some(i);
            resumed_until = None;
        } else if let Some(o) = open.take() {
            let words = tokens[o + 1..i].iter().filter(|x| x.is_word()).count();
            // (a quotation held in another is a few words: a name, a term, a title)
            open = outer.take().filter(|_| words <= NESTED_WORDS);
            resumed_until = open.map(|_| i + RESUMED_TOKENS);
            if i > o + 1 {
                let inner = Span::new(tokens[o].span.end, t.span.start).trim(text, &[',']);
                if words > 0 {
                    out.push(Quote { open: o, close: i, inner, outer: tokens[o].span.cover(&t.span), words });
                }
            }
        }
    }
    // (a quotation holding another closes after it)
    out.sort_by_key(|q| q.open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_nlp::tokenize;

    fn quotes(text: &str) -> Vec<String> {
        let toks = tokenize(text, &[]);
        find_quotes(text, &toks).iter().map(|q| q.inner.slice(text).to_string()).collect()
    }

    #[test]
    fn curly_straight_unbalanced_and_continued() {
        assert_eq!(quotes("“We stay,” she said. He said \"no way\" twice."), vec!["We stay", "no way"]);
        // an unbalanced mark costs only its own quote
        assert_eq!(quotes("He said “never.\n\nLater: “fine,” she said."), vec!["fine"]);
        // a quote continued into the next paragraph
        assert_eq!(quotes("“First part.\n\n“Second part,” he said."), vec!["First part.\n\n“Second part"]);
        // a closing mark that opens a paragraph opens the quote
        assert_eq!(quotes("Intro.\n\n”Fear of him.” ― Ana Ruiz"), vec!["Fear of him."]);
        // a quotation inside another with the same marks: both
        assert_eq!(
            quotes("“I would rather live in what he calls “hell” than here.” ― Ana Ruiz"),
            vec!["I would rather live in what he calls “hell” than here.", "hell"]
        );
        // an unbalanced mark before a quotation still costs only itself
        assert_eq!(quotes("He said “never. Then “fine,” she said."), vec!["fine"]);
        // an outer quotation left open closes nowhere far on, nor in the next paragraph
        let far =
            format!("“Well, she thinks it is “Dam Watch.” {} And that is all.”", "The river rose again. ".repeat(8));
        assert_eq!(quotes(&far), vec!["Dam Watch."]);
        assert_eq!(quotes("\"He left, shouting “No dam!”\n\n“Right,” Ana said."), vec!["No dam!", "Right"]);
    }
}
