//! Which language an article is written in: what its input declares (an HTML `lang` attribute, a
//! JSON Lines `language` field, a feed's language) checked against what the text reads as
//! (whatlang's trigram profiles of 70 languages).
//!
//! The rest of the pipeline reads English: its cue words, stance markers and learned models were made
//! on English news. [`settle`] tells the engine whether an article is English, so that a text in
//! another language gets no English findings (Russian prose read as English has no quotes and every
//! sentence "asserted") and says why instead.

/// At most this many bytes of prose are read to tell the language (a character's end past it aside):
/// a few hundred words are plenty for trigram profiles, and the cost of a long text stays fixed.
pub const SAMPLE_BYTES: usize = 1024;

/// Fewer letters than this are too few for a detection to outweigh what the input declares.
const MIN_LETTERS: usize = 40;

/// The language an article is taken to be written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 where the language has one ("en", "ru", "uk"), else ISO 639-3 ("cmn" is "zh");
    /// `und` when neither the input nor the text says. A declared tag that the text agrees with is
    /// kept as declared ("en-GB").
    pub code: String,
    /// The language's English name ("Russian"); `None` for `und` and for declared codes that are
    /// not ISO 639 codes.
    pub name: Option<&'static str>,
    /// Whether the text itself was read as this language, reliably (not only declared).
    pub detected: bool,
    /// Set when the input declared one language and the text reads, reliably, as another.
    pub declared_otherwise: Option<String>,
}

impl Language {
    /// English, or not known to be anything else: the pipeline reads it.
    pub fn is_english_or_unknown(&self) -> bool {
        not_read(Some(&self.code)).is_none()
    }
}

/// For an article recorded in a language the pipeline does not read (`meta.language` as
/// [`settle`] left it): that language's English name, or its code where it has none. `None` for
/// English and for an unknown language.
pub fn not_read(code: Option<&str>) -> Option<String> {
    let code = code?.trim();
    let p = primary(code).to_ascii_lowercase();
    if p.is_empty() || p == "und" || p == "en" || p == "eng" {
        return None;
    }
    Some(iso(&p).map_or_else(|| code.to_string(), |l| l.to_name().to_string()))
}

/// The ISO 639 language of a lower-case primary subtag, two letters or three.
fn iso(primary: &str) -> Option<isolang::Language> {
    isolang::Language::from_639_1(primary).or_else(|| isolang::Language::from_639_3(primary))
}

/// The language of `prose` (the article's text without metadata), given what the input declares.
/// A reliable detection wins over the declaration (pages often declare their site's language);
/// where the text is too short or mixed to tell, the declaration stands; with neither, `und`.
pub fn settle(declared: Option<&str>, prose: &str) -> Language {
    let declared = declared.map(str::trim).filter(|d| !d.is_empty() && !d.eq_ignore_ascii_case("und"));
    let detected = detect(prose);
    match (declared, detected) {
        (Some(d), Some((code, name)))
            if primary(d).eq_ignore_ascii_case(code) || to_639_1(primary(d)) == Some(code) =>
        {
            Language { code: d.to_string(), name: Some(name), detected: true, declared_otherwise: None }
        }
        (d, Some((code, name))) => Language {
            code: code.to_string(),
            name: Some(name),
            detected: true,
            declared_otherwise: d.map(str::to_string),
        },
        (Some(d), None) => Language {
            code: d.to_string(),
            name: iso(&primary(d).to_ascii_lowercase()).map(|l| l.to_name()),
            detected: false,
            declared_otherwise: None,
        },
        (None, None) => Language { code: "und".into(), name: None, detected: false, declared_otherwise: None },
    }
}

/// The language `text` reliably reads as, by its first [`SAMPLE_BYTES`]: its code (as
/// [`Language::code`]) and English name.
pub fn detect(text: &str) -> Option<(&'static str, &'static str)> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if plainly_english(sample) {
        return Some(("en", "English"));
    }
    let info = whatlang::detect(sample).filter(whatlang::Info::is_reliable)?;
    let lang = info.lang();
    let code = to_639_1(lang.code()).unwrap_or(lang.code());
    Some((code, lang.eng_name()))
}

/// English function words: together about a fifth of the words of English news, and rare in other
/// languages' prose (a few are words there too: "in", "is", "to").
const ENGLISH_FUNCTION_WORDS: [&str; 10] = ["the", "and", "of", "to", "in", "that", "is", "was", "said", "for"];

/// Whether at least [`PLAINLY_ENGLISH_PERCENT`] of the sample's words (30 at least) are English
/// function words: a check ten times cheaper than the trigram profiles, which most English news
/// passes (8,061 of the 8,276 texts of `../shared/eval` and the corpus when it was written; the rest
/// went on to the profiles and 2 French ones were French), so that only the rest pay for [`whatlang`].
fn plainly_english(sample: &str) -> bool {
    let (mut words, mut hits) = (0usize, 0usize);
    for w in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        hits += usize::from(ENGLISH_FUNCTION_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w)));
    }
    words >= 30 && hits * 100 >= words * PLAINLY_ENGLISH_PERCENT
}

/// See [`plainly_english`].
const PLAINLY_ENGLISH_PERCENT: usize = 12;

/// The primary subtag of a language tag: "en" of "en-GB", "pt" of "pt_BR".
fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// The ISO 639-1 code of an ISO 639-3 code, where there is one (whatlang's Mandarin, `cmn`, is
/// Chinese, `zh`).
fn to_639_1(code: &str) -> Option<&'static str> {
    if code == "cmn" {
        return Some("zh");
    }
    isolang::Language::from_639_3(code).and_then(|l| l.to_639_1())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "The mayor of Arvia said on Tuesday that the dam would be inspected again before the \
                      spring floods, and that nobody had been hurt when the bridge closed.";
    const RU: &str = "Министерство обороны заявило, что кадры из города являются постановкой. По данным \
                      министерства, ни один местный житель не пострадал.";

    #[test]
    fn english_and_russian_prose_read_as_what_they_are() {
        let en = settle(None, EN);
        assert_eq!((en.code.as_str(), en.name, en.detected), ("en", Some("English"), true));
        assert!(en.is_english_or_unknown());
        let ru = settle(None, RU);
        assert_eq!((ru.code.as_str(), ru.name), ("ru", Some("Russian")));
        assert!(!ru.is_english_or_unknown());
    }

    #[test]
    fn a_declaration_stands_where_the_text_agrees_or_cannot_tell() {
        // kept as declared when the text agrees, however it is written
        assert_eq!(settle(Some("en-GB"), EN).code, "en-GB");
        assert!(settle(Some("EN-us"), EN).is_english_or_unknown());
        assert!(settle(Some("ENG"), "Ja.").is_english_or_unknown());
        // too short to tell: the declaration stands
        let de = settle(Some("de"), "Ja.");
        assert_eq!((de.code.as_str(), de.name, de.detected), ("de", Some("German"), false));
        assert!(!de.is_english_or_unknown());
        assert_eq!(settle(None, "Ja.").code, "und");
        assert!(settle(Some("und"), "Ja.").is_english_or_unknown());
    }

    #[test]
    fn languages_not_read_are_named() {
        assert_eq!(not_read(Some("ru")).as_deref(), Some("Russian"));
        assert_eq!(not_read(Some("pt-BR")).as_deref(), Some("Portuguese"));
        assert_eq!(not_read(Some("xx-test")).as_deref(), Some("xx-test"));
        for english in [None, Some("en"), Some("en-US"), Some("und"), Some("")] {
            assert_eq!(not_read(english), None, "{english:?}");
        }
    }

    #[test]
    fn the_text_wins_over_a_wrong_declaration() {
        let ru = settle(Some("en"), RU);
        assert_eq!(ru.code, "ru");
        assert_eq!(ru.declared_otherwise.as_deref(), Some("en"));
    }
}
