//! Training of the [`Detector`] from labelled articles (no IO: the caller parses the corpus).

use crate::clusters::Clusters;
use crate::contextual::Context;
use crate::features::{self, Doc};
use crate::linear::{Feature, Linear, TrainConfig};
use crate::mlp::Baked;
use crate::{decode, merge_spans, ClauseModel, Detector, CLAUSE_LENGTH, TECHNIQUES};
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
    /// The encoder's word states of `text`, for a span model over contextual vectors
    /// ([`TrainOptions::contextual`]).
    pub words: Option<crate::WordStates>,
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
    /// Width of the dense word vectors kept with the word classes (0: none; used with the
    /// `DENSE_*` flags).
    pub dense_dims: usize,
    /// Loss weight of a token inside a gold span of `n` tokens: `(6 / n)^span_alpha`, clamped to
    /// [0.25, 4], so that short spans (which count as much as long ones in the task's recall) are
    /// not drowned by long ones (0: all weights 1).
    pub span_alpha: f32,
    /// Units of the token model's hidden layer over the dense inputs (0: none; needs `DENSE_SI`).
    pub hidden: usize,
    /// Adagrad learning rate of the hidden layer.
    pub hidden_rate: f32,
    /// Train a second token model on the spans of the clause-length techniques and add its spans.
    pub clause_model: bool,
    /// Folds whose held-out predictions tune the decoding thresholds: 1 (the fourth quarter) or 4
    /// (every quarter, from four models).
    pub tune_folds: usize,
    /// Give the span model the examples' contextual vectors ([`Example::words`]) as dense inputs:
    /// the token's, its neighbouring words', and their sentence mean.
    pub contextual: bool,
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
            dense_dims: 0,
            span_alpha: 0.0,
            hidden: 0,
            hidden_rate: 0.01,
            clause_model: false,
            tune_folds: 4,
            contextual: false,
        }
    }
}

type SiData = (Vec<(Vec<Feature>, usize)>, Vec<i8>, usize, Vec<f32>);

/// The prepared document of an example, with its contextual vectors when there is a `context`.
fn prepare<'e>(ex: &'e Example, clusters: &Clusters, flags: u32, context: Option<&Context>) -> Doc<'e> {
    let mut doc = Doc::new(&ex.text, clusters, flags);
    if let (Some(ctx), Some((ranges, vectors))) = (context, &ex.words) {
        let v = crate::contextual::token_vectors(&doc, ranges, vectors, ctx.dim());
        ctx.apply(&mut doc, &v);
    }
    doc
}

fn si_data(examples: &[&Example], clusters: &Clusters, flags: u32, alpha: f32, context: Option<&Context>) -> SiData {
    let mut data = Vec::new();
    let mut weights = Vec::new();
    let mut dense = Vec::new();
    let mut width = 0;
    let mut feats = Vec::new();
    let (mut own, mut shared) = (Vec::new(), Vec::new());
    for ex in examples {
        let doc = prepare(ex, clusters, flags, context);
        width = features::si_dense_width(&doc);
        for (i, t) in doc.tokens.iter().enumerate() {
            features::token_features(&doc, i, &mut feats);
            let inside = ex.spans.iter().any(|s| s.overlaps(&t.span));
            data.push((feats.clone(), inside as usize));
            if alpha != 0.0 {
                let shortest = ex
                    .spans
                    .iter()
                    .filter(|s| s.overlaps(&t.span))
                    .map(|s| {
                        let (a, b) = doc.token_range(*s);
                        (a..b).filter(|&k| doc.tokens[k].word).count().max(1)
                    })
                    .min();
                weights.push(shortest.map_or(1.0, |n| (6.0 / n as f32).powf(alpha).clamp(0.25, 4.0)));
            }
            if width > 0 {
                features::dense_local(&doc, i, &mut own);
                features::dense_sentence(&doc, doc.sentence_of[i], &mut shared);
                dense.extend_from_slice(&own);
                dense.extend_from_slice(&shared);
            }
        }
    }
    (data, dense, width, weights)
}

fn train_si(
    examples: &[&Example],
    opts: &TrainOptions,
    clusters: &Clusters,
    context: Option<&Context>,
) -> (Linear, Baked, Option<crate::mlp::Mlp>) {
    let (data, dense, width, weights) = si_data(examples, clusters, opts.flags, opts.span_alpha, context);
    let cfg = TrainConfig {
        epochs: opts.si_epochs,
        rate: opts.si_rate,
        positive_weight: opts.positive_weight,
        seed: opts.seed,
    };
    if opts.hidden > 0 && width > 0 {
        let (si, layer) = crate::mlp::train_logistic(
            opts.si_bits,
            &data,
            &dense,
            width,
            &weights,
            opts.hidden,
            opts.hidden_rate,
            cfg,
        );
        // Contextual inputs differ per token, so their hidden layer runs at detection time; over
        // static word vectors it is baked into per-word tables.
        return match context {
            Some(_) => (si, Baked::default(), Some(layer)),
            None => (si, layer.bake(clusters), None),
        };
    }
    (Linear::train_dense(1, opts.si_bits, &data, &dense, width, &weights, cfg), Baked::default(), None)
}

/// Scores span identification: `(predicted, gold)` byte spans per article, and the articles' texts.
pub type SiScore<'a> = &'a dyn Fn(&[(Vec<Span>, Vec<Span>)], &[&str]) -> f64;

/// Trains a detector. `si_score` scores span identification on `(predicted, gold)` span lists, one
/// pair per article (the task's F1); it picks the decoding thresholds on held-out predictions (every
/// fourth training article, or with `tune_folds` 4 all of them, each quarter predicted by a model
/// trained on the other three), before the final model is trained on all of them.
pub fn train(examples: &[Example], mut opts: TrainOptions, si_score: SiScore) -> Detector {
    let context = opts.contextual.then(|| {
        opts.flags |= features::flags::DENSE_SI;
        let vectors: Vec<Vec<f32>> = examples
            .iter()
            .filter_map(|ex| {
                let (ranges, v) = ex.words.as_ref()?;
                let dim = v.len() / ranges.len().max(1);
                let doc = Doc::new(&ex.text, &Clusters::default(), 0);
                Some(crate::contextual::token_vectors(&doc, ranges, v, dim))
            })
            .collect();
        let dim = examples.iter().find_map(|ex| ex.words.as_ref().map(|(r, v)| v.len() / r.len().max(1))).unwrap_or(0);
        let refs: Vec<&[f32]> = vectors.iter().map(Vec::as_slice).collect();
        Context::fit(&refs, dim.max(1))
    });
    let context = context.as_ref();
    let clusters =
        if opts.classes > 0 { word_classes(examples, opts.classes, opts.dense_dims) } else { Clusters::default() };
    let (mut threshold, mut min_span_score) = (0.5, 0.0);
    // A clause model whose thresholds are never reached adds nothing.
    let (mut clause_threshold, mut clause_min) = (1.01, 1.01);
    // Held-out probabilities for tuning the decoding: quarter 3 (or, with `tune_folds` 4, every
    // quarter in turn), each from models trained on the other three quarters.
    let mut held: Vec<&Example> = Vec::new();
    let mut probs: Vec<(Doc, Vec<f32>, Vec<f32>)> = Vec::new();
    let folds: Vec<usize> = if opts.tune_folds >= 4 { (0..4).collect() } else { vec![3] };
    for k in folds {
        let fit: Vec<&Example> = examples.iter().enumerate().filter(|(i, _)| i % 4 != k).map(|x| x.1).collect();
        let out: Vec<&Example> = examples.iter().enumerate().filter(|(i, _)| i % 4 == k).map(|x| x.1).collect();
        if fit.is_empty() || out.is_empty() {
            continue;
        }
        let (first, hidden, head) = train_si(&fit, &opts, &clusters, context);
        let probe = Detector {
            hidden,
            si: first,
            tc: vec![Linear::new(TECHNIQUES.len(), 8)],
            threshold: 0.5,
            min_span_score: 0.0,
            clusters: clusters.clone(),
            flags: opts.flags,
            clause: opts.clause_model.then(|| ClauseModel {
                si: train_clause(&fit, &opts, &clusters, context),
                threshold: 1.01,
                min_span_score: 1.01,
            }),
            context: context.cloned(),
            head,
        };
        probs.extend(out.iter().map(|ex| probe.token_probabilities(&ex.text, ex.words.as_ref())));
        held.extend(out);
    }
    if !held.is_empty() {
        let texts: Vec<&str> = held.iter().map(|e| e.text.as_str()).collect();
        let mut best = f64::MIN;
        if let Some((t, m)) = threshold_grid(&mut best, |t, m| {
            let pairs: Vec<(Vec<Span>, Vec<Span>)> = probs
                .iter()
                .zip(&held)
                .map(|((doc, p, _), ex)| (decode(doc, p, t, m).into_iter().map(|x| x.0).collect(), ex.spans.clone()))
                .collect();
            si_score(&pairs, &texts)
        }) {
            (threshold, min_span_score) = (t, m);
        }
        if opts.clause_model {
            let main: Vec<Vec<(Span, f32)>> =
                probs.iter().map(|(doc, p, _)| decode(doc, p, threshold, min_span_score)).collect();
            if let Some((t, m)) = threshold_grid(&mut best, |t, m| {
                let pairs: Vec<(Vec<Span>, Vec<Span>)> = probs
                    .iter()
                    .zip(&held)
                    .zip(&main)
                    .map(|(((doc, _, c), ex), main)| {
                        let mut spans = main.clone();
                        spans.extend(decode(doc, c, t, m));
                        (merge_spans(spans).into_iter().map(|x| x.0).collect(), ex.spans.clone())
                    })
                    .collect();
                si_score(&pairs, &texts)
            }) {
                (clause_threshold, clause_min) = (t, m);
            }
        }
    }
    let all: Vec<&Example> = examples.iter().collect();
    let (si, hidden, head) = train_si(&all, &opts, &clusters, context);
    let clause = opts.clause_model.then(|| ClauseModel {
        si: train_clause(&all, &opts, &clusters, context),
        threshold: clause_threshold,
        min_span_score: clause_min,
    });
    let tc = train_tc(&all, &opts, &clusters);
    Detector {
        si,
        tc,
        threshold,
        min_span_score,
        clusters,
        flags: opts.flags,
        hidden,
        clause,
        context: context.cloned(),
        head,
    }
}

/// The clause model: a token model (without hidden layer) whose gold is the spans of the
/// clause-length techniques only.
fn train_clause(examples: &[&Example], opts: &TrainOptions, clusters: &Clusters, context: Option<&Context>) -> Linear {
    let only: Vec<Example> = examples
        .iter()
        .map(|e| Example {
            spans: e.labelled.iter().filter(|(l, _)| CLAUSE_LENGTH.contains(&TECHNIQUES[*l])).map(|x| x.1).collect(),
            ..(*e).clone()
        })
        .collect();
    let refs: Vec<&Example> = only.iter().collect();
    train_si(&refs, &TrainOptions { hidden: 0, ..*opts }, clusters, context).0
}

fn train_tc(examples: &[&Example], opts: &TrainOptions, clusters: &Clusters) -> Vec<Linear> {
    let mut data = Vec::new();
    let mut dense = Vec::new();
    let mut width = 0;
    let mut feats = Vec::new();
    let mut x = Vec::new();
    for ex in examples {
        let doc = Doc::new(&ex.text, clusters, opts.flags);
        for (label, span) in &ex.labelled {
            features::span_features(&doc, *span, &mut feats);
            data.push((feats.clone(), *label));
            features::dense_span(&doc, *span, &mut x);
            width = x.len();
            dense.extend_from_slice(&x);
        }
    }
    (0..opts.tc_models.max(1))
        .map(|k| {
            for (feats, _) in data.iter_mut() {
                crate::rotate(feats, k);
            }
            let seed = opts.seed.wrapping_add(k as u64 * 7919);
            let cfg = TrainConfig { epochs: opts.tc_epochs, rate: opts.tc_rate, positive_weight: 1.0, seed };
            Linear::train_dense(TECHNIQUES.len(), opts.tc_bits, &data, &dense, width, &[], cfg)
        })
        .collect()
}

/// Word classes over the words of the training articles and the whole words of the embedding
/// vocabulary, from the compiled-in static embeddings of `corroborate-embed` (spherical k-means,
/// 8 rounds, deterministic).
fn word_classes(examples: &[Example], k: usize, dense_dims: usize) -> Clusters {
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
    Clusters::build(&words, &vectors, k, 8).with_vectors(&words, &vectors, dense_dims)
}

/// The decoding grid: token thresholds 0.04–0.52 by 0.02, each with a minimum span score up to 0.40
/// above it by 0.04. Returns the first (threshold, minimum) whose `score` beats `best` the most, and
/// raises `best` to it; None when no point beats it.
pub fn threshold_grid(best: &mut f64, mut score: impl FnMut(f32, f32) -> f64) -> Option<(f32, f32)> {
    let mut found = None;
    for step in 0..=24 {
        let t = 0.04 + step as f32 * 0.02;
        for extra in 0..=10 {
            let m = t + extra as f32 * 0.04;
            let f = score(t, m);
            if f > *best {
                *best = f;
                found = Some((t, m));
            }
        }
    }
    found
}
