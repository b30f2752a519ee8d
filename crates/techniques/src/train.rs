//! Training of the [`Detector`] from labelled articles (no IO: the caller parses the corpus).

use crate::clusters::Clusters;
use crate::features::{self, Doc};
use crate::linear::{Feature, Linear, TrainConfig};
use crate::{decode, Detector, TECHNIQUES};
use corroborate_embed::{Embedder, StaticEmbeddings};
use corroborate_model::Span;

/// One labelled article. Spans are byte offsets of `text`.
#[derive(Debug, Clone, Default)]
pub struct Example {
    pub id: String,
    pub text: String,
    /// Technique spans (span identification gold).
    pub spans: Vec<Span>,
    /// Labelled spans: index into [`TECHNIQUES`] and span (classification gold).
    pub labelled: Vec<(usize, Span)>,
}

/// Training settings; the defaults reproduce the committed model.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub si_bits: u32,
    pub tc_bits: u32,
    pub si_epochs: usize,
    pub tc_epochs: usize,
    pub seed: u64,
    /// Number of word classes (0: none).
    pub classes: usize,
    /// Adagrad learning rates of the two models.
    pub si_rate: f32,
    pub tc_rate: f32,
    /// Weight of tokens inside spans in the span model's loss.
    pub positive_weight: f32,
    /// Optional feature groups ([`crate::features::flags`]).
    pub flags: u32,
    /// Number of classification models (each with its own hash collisions and example order).
    pub tc_models: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            si_bits: 20,
            tc_bits: 19,
            si_epochs: 6,
            tc_epochs: 30,
            seed: 20200911,
            classes: 256,
            si_rate: 0.05,
            tc_rate: 0.05,
            positive_weight: 1.0,
            flags: crate::features::flags::CTX3 | crate::features::flags::SENTENCE_CLASSES,
            tc_models: 3,
        }
    }
}

fn si_data(examples: &[&Example], clusters: &Clusters, flags: u32) -> Vec<(Vec<Feature>, usize)> {
    let mut data = Vec::new();
    let mut feats = Vec::new();
    for ex in examples {
        let doc = Doc::new(&ex.text, clusters, flags);
        for (i, t) in doc.tokens.iter().enumerate() {
            features::token_features(&doc, i, &mut feats);
            let inside = ex.spans.iter().any(|s| s.overlaps(&t.span));
            data.push((feats.clone(), inside as usize));
        }
    }
    data
}

fn train_si(examples: &[&Example], opts: &TrainOptions, clusters: &Clusters) -> Linear {
    let data = si_data(examples, clusters, opts.flags);
    let cfg = TrainConfig {
        epochs: opts.si_epochs,
        rate: opts.si_rate,
        positive_weight: opts.positive_weight,
        seed: opts.seed,
    };
    Linear::train(1, opts.si_bits, &data, cfg)
}

/// Scores span identification: `(predicted, gold)` byte spans per article, and the articles' texts.
pub type SiScore<'a> = &'a dyn Fn(&[(Vec<Span>, Vec<Span>)], &[&str]) -> f64;

/// Trains a detector. `si_score` scores span identification on `(predicted, gold)` span lists, one
/// pair per article (the task's F1); it picks the decoding thresholds on every fourth training article,
/// held out from a first model, before the final model is trained on all of them.
pub fn train(examples: &[Example], opts: TrainOptions, si_score: SiScore) -> Detector {
    let clusters = if opts.classes > 0 { word_classes(examples, opts.classes) } else { Clusters::default() };
    let fit: Vec<&Example> = examples.iter().enumerate().filter(|(i, _)| i % 4 != 3).map(|x| x.1).collect();
    let held: Vec<&Example> = examples.iter().enumerate().filter(|(i, _)| i % 4 == 3).map(|x| x.1).collect();
    let (mut threshold, mut min_span_score) = (0.5, 0.0);
    if !held.is_empty() && !fit.is_empty() {
        let first = train_si(&fit, &opts, &clusters);
        let probe = Detector {
            si: first,
            tc: vec![Linear::new(TECHNIQUES.len(), 8)],
            threshold: 0.5,
            min_span_score: 0.0,
            clusters: clusters.clone(),
            flags: opts.flags,
        };
        let probs: Vec<(Doc, Vec<f32>)> = held.iter().map(|ex| probe.token_probabilities(&ex.text)).collect();
        let texts: Vec<&str> = held.iter().map(|e| e.text.as_str()).collect();
        let mut best = f64::MIN;
        for step in 0..=24 {
            let t = 0.04 + step as f32 * 0.02;
            for extra in 0..=10 {
                let m = t + extra as f32 * 0.04;
                let pairs: Vec<(Vec<Span>, Vec<Span>)> = probs
                    .iter()
                    .zip(&held)
                    .map(|((doc, p), ex)| (decode(doc, p, t, m).into_iter().map(|x| x.0).collect(), ex.spans.clone()))
                    .collect();
                let f = si_score(&pairs, &texts);
                if f > best {
                    best = f;
                    threshold = t;
                    min_span_score = m;
                }
            }
        }
    }
    let all: Vec<&Example> = examples.iter().collect();
    let si = train_si(&all, &opts, &clusters);
    let tc = train_tc(&all, &opts, &clusters);
    Detector { si, tc, threshold, min_span_score, clusters, flags: opts.flags }
}

fn train_tc(examples: &[&Example], opts: &TrainOptions, clusters: &Clusters) -> Vec<Linear> {
    let mut data = Vec::new();
    let mut feats = Vec::new();
    for ex in examples {
        let doc = Doc::new(&ex.text, clusters, opts.flags);
        for (label, span) in &ex.labelled {
            features::span_features(&doc, *span, &mut feats);
            data.push((feats.clone(), *label));
        }
    }
    (0..opts.tc_models.max(1))
        .map(|k| {
            for (feats, _) in data.iter_mut() {
                crate::rotate(feats, k);
            }
            let seed = opts.seed.wrapping_add(k as u64 * 7919);
            let cfg = TrainConfig { epochs: opts.tc_epochs, rate: opts.tc_rate, positive_weight: 1.0, seed };
            Linear::train(TECHNIQUES.len(), opts.tc_bits, &data, cfg)
        })
        .collect()
}

/// Word classes over the words of the training articles and the whole words of the embedding
/// vocabulary, from the compiled-in static embeddings of `corroborate-embed` (spherical k-means,
/// 8 rounds, deterministic).
fn word_classes(examples: &[Example], k: usize) -> Clusters {
    let Ok(table) = StaticEmbeddings::bundled() else {
        return Clusters::default();
    };
    let mut words: Vec<String> = table
        .vocab()
        .iter()
        .filter(|w| w.chars().count() > 1 && w.chars().all(|c| c.is_alphabetic()))
        .cloned()
        .collect();
    for ex in examples {
        let doc = Doc::new(&ex.text, &Clusters::default(), 0);
        words.extend((0..doc.tokens.len()).filter(|&i| doc.tokens[i].word).map(|i| doc.lower(i).to_string()));
    }
    words.sort_unstable();
    words.dedup();
    let vectors: Vec<Vec<f32>> = words.iter().map(|w| table.embed(w)).collect();
    Clusters::build(&words, &vectors, k, 8)
}
