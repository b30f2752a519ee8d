//! Bytes to text, with diagnostics: binary data is refused; UTF-16 is decoded, with a byte-order
//! mark or without one (told by where its NUL bytes fall); bytes that are not UTF-8 are read in the
//! legacy encoding they fit (guessed by `chardetng`: windows-1252 (latin-1), the usual other
//! encoding of a Western text file, windows-1251 for Cyrillic ...), unless they are UTF-8 with a few
//! bad bytes (then decoded lossily).
use corroborate_model::Diagnostic;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

pub struct Decoded {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes a document. A byte-order mark says the encoding (UTF-8, UTF-16LE, UTF-16BE) and is
/// dropped (noted). Without one, UTF-16 is recognised by the NUL bytes of its ASCII characters (see
/// [`utf16_without_bom`]; a warning names it), UTF-8 is read as such; other bytes are read in the
/// legacy encoding they fit ([`guess_legacy`]: windows-1252 for Western text), with a warning that
/// names it, unless most of their non-ASCII characters are valid UTF-8 (a UTF-8 text with a few
/// broken bytes), whose bad bytes become U+FFFD with a warning. Data that looks binary is an error.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    let mut diagnostics = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if enc == UTF_8 {
            diagnostics.push(Diagnostic::info("UTF-8 byte-order mark dropped; offsets count from after it"));
            return decode_bomless(&bytes[bom_len..], diagnostics);
        }
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if looks_binary(text.as_bytes()) {
            diagnostics.push(Diagnostic::error(format!(
                "binary data (NUL or control characters) after a {} byte-order mark, not a text article; skipped",
                enc.name()
            )));
            return Decoded { text: String::new(), diagnostics };
        }
        diagnostics.push(Diagnostic::info(format!(
            "{} byte-order mark: decoded from {}; offsets count characters of the decoded text",
            enc.name(),
            enc.name()
        )));
        if had_errors {
            diagnostics.push(Diagnostic::warning(format!(
                "invalid {} data (an odd byte or a lone surrogate) replaced with U+FFFD",
                enc.name()
            )));
        }
        return Decoded { text: text.into_owned(), diagnostics };
    }
    decode_bomless(bytes, diagnostics)
}

fn decode_bomless(bytes: &[u8], mut diagnostics: Vec<Diagnostic>) -> Decoded {
    if let Some((enc, text)) = utf16_without_bom(bytes) {
        diagnostics.push(Diagnostic::warning(format!(
            "no byte-order mark, but NUL bytes fall in every other byte as in {0} text; read as {0}; \
             offsets count characters of the decoded text",
            enc.name()
        )));
        return Decoded { text, diagnostics };
    }
    if looks_binary(bytes) {
        diagnostics.push(Diagnostic::error("binary data (NUL or control bytes), not a text article; skipped"));
        return Decoded { text: String::new(), diagnostics };
    }
    let first = match std::str::from_utf8(bytes) {
        Ok(s) => return Decoded { text: s.to_string(), diagnostics },
        Err(e) => e.valid_up_to(),
    };
    // non-ASCII characters that are valid UTF-8, and bytes that are not
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    let text = if valid > invalid {
        let lossy = String::from_utf8_lossy(bytes).into_owned();
        let bad = bytes.utf8_chunks().filter(|c| !c.invalid().is_empty()).count();
        diagnostics.push(Diagnostic::warning(format!(
            "invalid UTF-8 at byte {first} in a text that is otherwise UTF-8; {bad} replacement character(s) U+FFFD"
        )));
        lossy
    } else {
        let enc = guess_legacy(bytes);
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let name = if enc == WINDOWS_1252 { "windows-1252 (latin-1)" } else { enc.name() };
        diagnostics.push(Diagnostic::warning(format!(
            "invalid UTF-8 at byte {first}; read as {name}, the encoding the bytes fit"
        )));
        text.into_owned()
    };
    Decoded { text, diagnostics }
}

/// The legacy encoding that bytes which are not UTF-8 were most likely written in, as `chardetng`
/// (the detector Firefox uses for unlabelled pages) guesses it from the whole text: windows-1251 for
/// Cyrillic, windows-1253 for Greek, Shift_JIS, GBK and the other scripts it knows; windows-1252 for
/// Western text and whenever nothing fits better. (It never guesses an encoding the bytes are not
/// valid in.)
///
/// The detector is told to expect windows-1252, the legacy encoding of English news, as it would be
/// for a page of a Western top-level domain: another Latin-script encoding is then taken only when
/// the bytes cannot be windows-1252 (they hold one of its five undefined bytes), and another script
/// only when it fits clearly better. Measured on the 560 texts of `../shared/eval` that have
/// non-ASCII characters, written in windows-1252: without the expectation 304 of them read as
/// windows-1250 or windows-1257 (a pound sign, 0xA3, became "Ł"), and 542 of their 5,257 such
/// paragraphs, each on its own, as another encoding; with it all 560 texts and all but 2 paragraphs
/// (read as IBM866) stay windows-1252.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    const EXPECT_WINDOWS_1252: &[u8] = b"uk";
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(Some(EXPECT_WINDOWS_1252), chardetng::Utf8Detection::Deny)
}

/// UTF-16 text without a byte-order mark (as `iconv -t utf-16le` writes it), told apart from binary
/// data by where its NUL bytes fall in the first 8 KB: ASCII characters have a NUL high byte, so in
/// text that is at least one code unit in eight ASCII the NULs sit on one side of each byte pair
/// (the second byte for little-endian, the first for big-endian) and hardly ever on the other. The
/// whole input must then decode without error (no odd byte, no lone surrogate) to text that does
/// not [`looks_binary`].
fn utf16_without_bom(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let units = head.len() / 2;
    let (first, second) = head
        .chunks_exact(2)
        .fold((0usize, 0usize), |(f, s), u| (f + usize::from(u[0] == 0), s + usize::from(u[1] == 0)));
    let enc = match (first, second) {
        (f, s) if s * 8 >= units && f * 8 <= s => UTF_16LE,
        (f, s) if f * 8 >= units && s * 8 <= f => UTF_16BE,
        _ => return None,
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (!had_errors && !looks_binary(text.as_bytes())).then(|| (enc, text.into_owned()))
}

/// True when the first 8 KB hold a NUL byte or many control bytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    !head.is_empty() && control * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::Level;

    #[test]
    fn utf8_passes_through() {
        let d = decode_text("Kyiv – “ok”".as_bytes());
        assert_eq!(d.text, "Kyiv – “ok”");
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn latin1_is_read_as_windows_1252_with_a_warning_naming_it() {
        let d = decode_text(b"caf\xe9 au lait, \xa35 a cup, \x93fresh\x94");
        assert_eq!(d.text, "café au lait, £5 a cup, “fresh”");
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(d.diagnostics[0].level, Level::Warning);
        let m = &d.diagnostics[0].message;
        assert!(m.contains("byte 3") && m.contains("windows-1252"), "{m}");
    }

    #[test]
    fn cyrillic_and_other_legacy_text_is_read_in_the_encoding_it_fits() {
        use encoding_rs::{SHIFT_JIS, WINDOWS_1250, WINDOWS_1251, WINDOWS_1253};
        for (words, enc) in [
            ("Путин заявил, что переговоры продолжатся на следующей неделе.\n", WINDOWS_1251),
            ("Мэр Киева сказал: «Мост откроют в понедельник».\n", WINDOWS_1251),
            ("Ο πρωθυπουργός είπε ότι οι συνομιλίες θα συνεχιστούν.\n", WINDOWS_1253),
            ("首相は来週も交渉を続けると述べた。\n", SHIFT_JIS),
            // Latin-script text in another encoding when it cannot be windows-1252 (0x8F is "Ź")
            ("Źródło podało, że rozmowy będą kontynuowane w przyszłym tygodniu.\n", WINDOWS_1250),
        ] {
            let (bytes, _, _) = enc.encode(words);
            let d = decode_text(&bytes);
            assert_eq!(d.text, words, "{}", enc.name());
            assert_eq!(d.diagnostics.len(), 1, "{:?}", d.diagnostics);
            let m = &d.diagnostics[0].message;
            assert!(d.diagnostics[0].level == Level::Warning && m.contains(enc.name()), "{m}");
        }
        // Western text stays windows-1252, short or long, pound signs, quotes, dashes and all
        for words in [
            "“We have to be a lot tougher.”",
            "———",
            "The fare rose to £4, Mira Hask said.\n",
            "The café owner said the river rose overnight in the town.",
            "The bridge will cost £45m, up from £30m. “We can’t keep paying,” said John Smith.\n",
            "Müller sagte, die Straße über den Fluß bleibe gesperrt.\n",
            "« Le pont rouvrira lundi », a déclaré le maire, à côté de l'église.\n",
            "El alcalde dijo que el puente reabrirá el miércoles, según la señora Peña.\n",
        ] {
            let (bytes, _, _) = WINDOWS_1252.encode(words);
            let d = decode_text(&bytes);
            assert_eq!(d.text, words);
            assert!(d.diagnostics[0].message.contains("windows-1252 (latin-1)"), "{:?}", d.diagnostics);
        }
    }

    #[test]
    fn utf8_with_a_broken_byte_stays_utf8() {
        let d =
            decode_text("Zürich – “ok” ".as_bytes().iter().copied().chain(*b"caf\xe9").collect::<Vec<u8>>().as_slice());
        assert_eq!(d.text, "Zürich – “ok” caf\u{FFFD}");
        assert!(d.diagnostics[0].message.contains("1 replacement character"), "{:?}", d.diagnostics);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let words = "Kyiv – “ok”\n";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(words.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(words.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode_text(&bytes);
            assert_eq!(d.text, words, "{name}");
            assert_eq!(d.diagnostics.len(), 1, "{name}: {:?}", d.diagnostics);
            assert!(d.diagnostics[0].level == Level::Info && d.diagnostics[0].message.contains(name));
        }
        // binary data behind a UTF-16 mark is still binary
        let d = decode_text(&[0xFF, 0xFE, 0, 0, 1, 0, 2, 0]);
        assert_eq!(d.diagnostics[0].level, Level::Error);
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_decoded_by_where_its_nuls_fall() {
        // as `iconv -f utf-8 -t utf-16le` writes it: no byte-order mark
        let words = "Kyiv – “ok”, Mira Hask said.\nThe fare rose to £4.\n";
        let le: Vec<u8> = words.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = words.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode_text(&bytes);
            assert_eq!(d.text, words, "{name}");
            assert_eq!(d.diagnostics.len(), 1, "{name}: {:?}", d.diagnostics);
            assert!(d.diagnostics[0].level == Level::Warning && d.diagnostics[0].message.contains(name));
        }
        // NULs on both sides of the pairs (UTF-32, a table of numbers), or control characters once
        // decoded, or an odd length: still binary
        let utf32: Vec<u8> = words.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect();
        let numbers: Vec<u8> = (0u16..600).flat_map(|n| (n % 200).to_le_bytes()).collect();
        let mut odd: Vec<u8> = words.encode_utf16().flat_map(u16::to_le_bytes).collect();
        odd.push(b'x');
        for bytes in [utf32, numbers, odd] {
            let d = decode_text(&bytes);
            assert_eq!(d.diagnostics[0].level, Level::Error, "{:?}", d.diagnostics);
            assert!(d.text.is_empty());
        }
    }

    #[test]
    fn binary_is_refused() {
        let d = decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert_eq!(d.diagnostics[0].level, Level::Error);
    }

    #[test]
    fn bom_is_dropped() {
        let d = decode_text(b"\xEF\xBB\xBFHello");
        assert_eq!(d.text, "Hello");
    }
}
