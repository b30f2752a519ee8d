//! Bytes to text: the byte-order mark, then the declared charset (HTTP `Content-Type`, then
//! `<meta charset>` / `<meta http-equiv>` in the first 8 KiB), checked against the bytes themselves.
//!
//! Pages lie about their charset often enough that the declaration is a hint: bytes that are valid
//! UTF-8 are read as UTF-8 whatever is declared; bytes that are not, under a UTF-8 (or missing)
//! declaration, are read as windows-1251 when they look Cyrillic and windows-1252 (the web's
//! "latin-1") otherwise. Every guess is reported.
use corroborate_model::Diagnostic;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1251, WINDOWS_1252};
use std::borrow::Cow;

/// How far into the document to look for a `<meta>` charset declaration.
const PRESCAN: usize = 8192;

/// The charset label declared in a `Content-Type` value (`text/html; charset=koi8-r`).
pub fn charset_param(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let rest = &content_type[at..];
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace()).unwrap_or(rest.len());
    Some(&rest[..end]).filter(|s| !s.is_empty())
}

/// The charset a page declares in its first bytes, if any.
pub fn declared_in_meta(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset=") {
            let rest = &tag[c + 8..];
            let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
            let len = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\'' || b == b';' || b == b'/' || b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            if len > 0 {
                return Some(String::from_utf8_lossy(&rest[..len]).into_owned());
            }
        }
        from = end.max(start + 1);
    }
    None
}

fn looks_cyrillic(bytes: &[u8]) -> bool {
    // In windows-1251 Cyrillic text, letters are bytes 0xC0..=0xFF and whole words are made of them;
    // in Western latin-1 text high bytes are accents scattered among ASCII letters.
    let (mut paired, mut lone) = (0usize, 0usize);
    for w in bytes.windows(2) {
        match (w[0] >= 0xC0, w[1] >= 0xC0) {
            (true, true) => paired += 1,
            (true, false) | (false, true) => lone += 1,
            _ => {}
        }
    }
    paired > lone
}

/// Decodes `bytes` to text. `http_content_type` is the `Content-Type` header, when known.
pub fn decode<'b>(bytes: &'b [u8], http_content_type: Option<&str>, diags: &mut Vec<Diagnostic>) -> Cow<'b, str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            diags.push(Diagnostic::warning(format!("invalid {} bytes replaced with U+FFFD", enc.name())));
        }
        return text;
    }
    let declared_label =
        http_content_type.and_then(charset_param).map(str::to_string).or_else(|| declared_in_meta(bytes));
    let declared = declared_label.as_deref().map(|l| (l, Encoding::for_label(l.trim().as_bytes())));
    if let Some((label, None)) = declared {
        diags.push(Diagnostic::warning(format!("unknown declared charset {label:?}; guessing from the bytes")));
    }
    let declared = declared.and_then(|(_, e)| e);
    // UTF-16 declarations in an ASCII-compatible prescan are wrong by definition (HTML spec).
    let declared = declared.map(|e| if e.output_encoding() == UTF_8 && e != UTF_8 { UTF_8 } else { e });
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some(enc) = declared {
            if enc != UTF_8 && !bytes.is_ascii() {
                diags.push(Diagnostic::warning(format!(
                    "declared charset {} but the bytes are valid UTF-8; read as UTF-8",
                    enc.name()
                )));
            }
        }
        return Cow::Borrowed(text);
    }
    let enc = match declared {
        Some(enc) if enc != UTF_8 => enc,
        other => {
            let guess = if looks_cyrillic(bytes) { WINDOWS_1251 } else { WINDOWS_1252 };
            diags.push(Diagnostic::warning(match other {
                Some(_) => format!("declared UTF-8 but the bytes are not; read as {}", guess.name()),
                None => format!("no charset declared and the bytes are not UTF-8; read as {}", guess.name()),
            }));
            guess
        }
    };
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        diags.push(Diagnostic::warning(format!("invalid {} bytes replaced with U+FFFD", enc.name())));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_windows_1251_is_used() {
        let (bytes, _, _) = WINDOWS_1251.encode("<meta charset=\"windows-1251\"><p>Привет, мир</p>");
        let mut d = vec![];
        assert!(decode(&bytes, None, &mut d).contains("Привет, мир"));
        assert!(d.is_empty());
    }

    #[test]
    fn undeclared_cyrillic_and_latin1_are_guessed() {
        let (bytes, _, _) = WINDOWS_1251.encode("<p>Военные покинули город утром</p>");
        let mut d = vec![];
        assert!(decode(&bytes, None, &mut d).contains("Военные покинули"));
        assert_eq!(d.len(), 1);
        let bytes = b"<meta charset=utf-8><p>Caf\xe9 cr\xe8me, d\xe9j\xe0 vu</p>";
        let mut d = vec![];
        assert!(decode(bytes, None, &mut d).contains("Café crème, déjà vu"));
        assert!(d[0].message.contains("declared UTF-8"));
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let html =
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>Zürich – “quoted”</p>";
        let mut d = vec![];
        assert!(decode(html.as_bytes(), None, &mut d).contains("Zürich – “quoted”"));
        assert_eq!(d.len(), 1);
        let mut d = vec![];
        let (bytes, _, _) = WINDOWS_1252.encode("<p>Zürich</p>");
        assert!(decode(&bytes, Some("text/html; charset=ISO-8859-1"), &mut d).contains("Zürich"));
        assert!(d.is_empty());
    }
}
