//! Byte offsets to Unicode code-point offsets.

/// Converts byte offsets of one text to code-point offsets in O(1) each.
///
/// ASCII texts (the common case) need no table at all.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// For each byte offset, the code-point offset; empty when the text is ASCII.
    table: Vec<u32>,
    len: usize,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return OffsetMap { table: Vec::new(), len: text.len() };
        }
        // Byte i maps to the index of the character it belongs to: the number of characters that
        // start at or before i, less one (a UTF-8 continuation byte is 0b10xxxxxx, -64..-1 as i8).
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut starts = 0u32;
        table.extend(text.bytes().map(|b| {
            starts += u32::from((b as i8) >= -0x40);
            starts - 1
        }));
        table.push(starts);
        OffsetMap { table, len: text.len() }
    }

    /// The code-point offset of a byte offset (clamped to the text's end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        if self.table.is_empty() {
            byte
        } else {
            self.table[byte] as usize
        }
    }
}

/// The character starting at byte `i` of `text` and its length in bytes; ASCII is not decoded.
/// `i` must be a character boundary below `text.len()` (tokenizers walking byte positions).
#[inline]
pub fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or('\u{fffd}');
    (c, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity_and_multibyte_counts_chars() {
        assert_eq!(OffsetMap::new("abc").char_offset(2), 2);
        let t = "a–b”c";
        let m = OffsetMap::new(t);
        assert_eq!(m.char_offset(t.find('b').unwrap()), 2);
        assert_eq!(m.char_offset(t.find('c').unwrap()), 4);
        assert_eq!(m.char_offset(t.len()), 5);
        assert_eq!(m.char_offset(t.len() + 10), 5);
    }

    #[test]
    fn every_byte_maps_to_the_character_holding_it() {
        let t = "Zé 😀 – «ok» Київ";
        let m = OffsetMap::new(t);
        for (ci, (bi, c)) in t.char_indices().enumerate() {
            for k in 0..c.len_utf8() {
                assert_eq!(m.char_offset(bi + k), ci, "byte {} of {c:?}", bi + k);
            }
        }
        assert_eq!(m.char_offset(t.len()), t.chars().count());
    }
}
