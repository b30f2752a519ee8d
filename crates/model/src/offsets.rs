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
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for (i, c) in text.char_indices() {
            debug_assert_eq!(table.len(), i);
            for _ in 0..c.len_utf8() {
                table.push(chars);
            }
            chars += 1;
        }
        table.push(chars);
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
}
