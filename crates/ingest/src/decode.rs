//! Bytes to text, with diagnostics: binary data is refused, invalid UTF-8 decoded lossily.
use corroborate_model::Diagnostic;

pub struct Decoded {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes a document. A UTF-8 byte-order mark is dropped (noted); invalid UTF-8 is replaced by
/// U+FFFD with a warning naming the first bad byte; data that looks binary is an error.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    let mut diagnostics = Vec::new();
    let mut bytes = bytes;
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        bytes = rest;
        diagnostics.push(Diagnostic::info("UTF-8 byte-order mark dropped; offsets count from after it"));
    }
    if looks_binary(bytes) {
        diagnostics.push(Diagnostic::error("binary data (NUL or control bytes), not a text article; skipped"));
        return Decoded { text: String::new(), diagnostics };
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let first = e.valid_up_to();
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let bad = lossy.matches('\u{FFFD}').count();
            diagnostics.push(Diagnostic::warning(format!(
                "invalid UTF-8 at byte {first} ({bad} replacement character(s)); decoded lossily, \
                 the file may be in another encoding such as windows-1252 or latin-1"
            )));
            lossy
        }
    };
    Decoded { text, diagnostics }
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
    fn invalid_utf8_is_lossy_with_a_warning() {
        let d = decode_text(b"caf\xe9 au lait");
        assert_eq!(d.text, "caf\u{FFFD} au lait");
        assert_eq!(d.diagnostics[0].level, Level::Warning);
        assert!(d.diagnostics[0].message.contains("byte 3"));
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
