//! The static embedding table: one int8 vector (with a per-row scale) and one weight per
//! WordPiece token, and its binary file format.
//!
//! File layout (little-endian): magic `CRBEMB01`; `u32` dim; `u32` token count; `u32` note length
//! and the UTF-8 note (what the table was distilled from); per token a `u16` length and its UTF-8
//! text; `f32` weights; `f32` row scales; then the `i8` rows. A sentence vector is the weighted sum
//! of its tokens' rows, L2-normalised.
use crate::wordpiece::{TokenId, WordPiece};
use crate::{Embedder, Error, Result};
use std::borrow::Cow;

const MAGIC: &[u8; 8] = b"CRBEMB01";

/// A static token embedding table with its tokenizer.
#[derive(Debug, Clone)]
pub struct StaticEmbeddings {
    vocab: Vec<String>,
    wordpiece: WordPiece,
    dim: usize,
    weights: Vec<f32>,
    scales: Vec<f32>,
    /// Borrowed from the binary for the bundled table (no 8 MB copy at start-up), owned otherwise.
    rows: Cow<'static, [i8]>,
    note: String,
    skip: Vec<bool>,
}

impl StaticEmbeddings {
    /// Builds a table from float rows (`vectors.len() == vocab.len() * dim`), quantising each row
    /// to int8 with its own scale.
    pub fn from_f32(vocab: Vec<String>, dim: usize, vectors: &[f32], weights: Vec<f32>, note: String) -> Result<Self> {
        if dim == 0 || vectors.len() != vocab.len() * dim || weights.len() != vocab.len() {
            return Err(Error::Format("table sizes do not agree".into()));
        }
        let mut scales = Vec::with_capacity(vocab.len());
        let mut rows = Vec::with_capacity(vectors.len());
        for row in vectors.chunks(dim) {
            let max = row.iter().fold(0f32, |m, v| m.max(v.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            scales.push(scale);
            rows.extend(row.iter().map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8));
        }
        Ok(Self::assemble(vocab, dim, weights, scales, Cow::Owned(rows), note))
    }

    fn assemble(
        vocab: Vec<String>,
        dim: usize,
        weights: Vec<f32>,
        scales: Vec<f32>,
        rows: Cow<'static, [i8]>,
        note: String,
    ) -> Self {
        let wordpiece = WordPiece::new(&vocab);
        let skip = vocab.iter().map(|t| t.starts_with('[') && t.ends_with(']')).collect();
        StaticEmbeddings { vocab, wordpiece, dim, weights, scales, rows, note, skip }
    }

    /// Reads a table from the bytes of its file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        Self::parse(bytes, |rows| Cow::Owned(bytemuck::cast_slice::<u8, i8>(rows).to_vec()))
    }

    /// Reads a table from bytes that live as long as the program (the table built into the
    /// binary): the rows are used in place instead of copied.
    pub fn from_static(bytes: &'static [u8]) -> Result<Self> {
        Self::parse(bytes, |rows| Cow::Borrowed(bytemuck::cast_slice::<u8, i8>(rows)))
    }

    fn parse<'b>(bytes: &'b [u8], rows_of: impl FnOnce(&'b [u8]) -> Cow<'static, [i8]>) -> Result<Self> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(Error::Format("not a corroborate embedding table".into()));
        }
        let dim = r.u32()? as usize;
        let n = r.u32()? as usize;
        let note_len = r.u32()? as usize;
        let note =
            String::from_utf8(r.take(note_len)?.to_vec()).map_err(|_| Error::Format("note is not UTF-8".into()))?;
        if dim == 0 || n.checked_mul(dim).is_none_or(|total| total > bytes.len()) {
            return Err(Error::Format("implausible table dimensions".into()));
        }
        let mut vocab = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.u16()? as usize;
            let token = std::str::from_utf8(r.take(len)?).map_err(|_| Error::Format("token is not UTF-8".into()))?;
            vocab.push(token.to_string());
        }
        let weights = r.f32s(n)?;
        let scales = r.f32s(n)?;
        let rows = rows_of(r.take(n * dim)?);
        if r.pos != bytes.len() {
            return Err(Error::Format("trailing bytes after the table".into()));
        }
        Ok(Self::assemble(vocab, dim, weights, scales, rows, note))
    }

    /// Reads a table file.
    pub fn load(path: &std::path::Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
        Self::from_bytes(&bytes)
    }

    /// The bytes of the table's file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.rows.len() + self.vocab.len() * 16 + 64);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.dim as u32).to_le_bytes());
        out.extend_from_slice(&(self.vocab.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.note.len() as u32).to_le_bytes());
        out.extend_from_slice(self.note.as_bytes());
        for t in &self.vocab {
            let b = t.as_bytes();
            let len = b.len().min(u16::MAX as usize);
            out.extend_from_slice(&(len as u16).to_le_bytes());
            out.extend_from_slice(&b[..len]);
        }
        for w in self.weights.iter().chain(&self.scales) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(bytemuck::cast_slice::<i8, u8>(&self.rows));
        out
    }

    /// What the table was distilled from.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// The vocabulary, in id order.
    pub fn vocab(&self) -> &[String] {
        &self.vocab
    }

    /// The tokenizer over the table's vocabulary.
    pub fn wordpiece(&self) -> &WordPiece {
        &self.wordpiece
    }

    /// The weight of a token (its SIF factor).
    pub fn weight(&self, id: TokenId) -> f32 {
        self.weights.get(id as usize).copied().unwrap_or(0.0)
    }

    /// Adds `factor` times the (dequantised, weighted) row of `id` to `acc`.
    pub fn accumulate(&self, id: TokenId, factor: f32, acc: &mut [f32]) {
        let i = id as usize;
        if i >= self.vocab.len() || self.skip[i] {
            return;
        }
        let f = factor * self.weights[i] * self.scales[i];
        let row = &self.rows[i * self.dim..(i + 1) * self.dim];
        for (a, &v) in acc.iter_mut().zip(row) {
            *a += f * v as f32;
        }
    }

    /// The sentence vector of already tokenised ids.
    pub fn embed_ids(&self, ids: &[TokenId]) -> Vec<f32> {
        let mut acc = vec![0f32; self.dim];
        for &id in ids {
            self.accumulate(id, 1.0, &mut acc);
        }
        crate::normalize(&mut acc);
        acc
    }
}

impl Embedder for StaticEmbeddings {
    fn dim(&self) -> usize {
        self.dim
    }

    fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_ids(&self.wordpiece.encode(text))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| Error::Format("table file is truncated".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u16(&mut self) -> Result<u16> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>> {
        let b = self.take(n.checked_mul(4).ok_or_else(|| Error::Format("overflow".into()))?)?;
        Ok(b.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cosine;

    fn tiny() -> StaticEmbeddings {
        let vocab: Vec<String> =
            ["[UNK]", "[CLS]", "army", "troops", "soldiers", "bananas"].iter().map(|s| s.to_string()).collect();
        #[rustfmt::skip]
        let vectors = [
            0.0, 0.0, 0.0,
            9.0, 9.0, 9.0,
            1.0, 0.1, 0.0,
            0.9, 0.2, 0.0,
            1.0, 0.0, 0.1,
            0.0, 0.0, 1.0,
        ];
        StaticEmbeddings::from_f32(vocab, 3, &vectors, vec![1.0; 6], "test".into()).unwrap()
    }

    #[test]
    fn round_trips_through_bytes() {
        let t = tiny();
        let back = StaticEmbeddings::from_bytes(&t.to_bytes()).unwrap();
        assert_eq!(back.vocab(), t.vocab());
        assert_eq!(back.note(), "test");
        assert_eq!(back.embed("army troops"), t.embed("army troops"));
    }

    #[test]
    fn similar_words_are_close_and_special_tokens_ignored() {
        let t = tiny();
        let a = t.embed("Troops");
        let b = t.embed("soldiers [CLS]");
        let c = t.embed("bananas");
        assert!(cosine(&a, &b) > 0.9);
        assert!(cosine(&a, &c) < 0.2);
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        let bytes = tiny().to_bytes();
        for cut in [0, 7, 8, 20, bytes.len() - 1] {
            assert!(StaticEmbeddings::from_bytes(&bytes[..cut]).is_err());
        }
        let mut huge = bytes.clone();
        huge[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(StaticEmbeddings::from_bytes(&huge).is_err());
    }
}
