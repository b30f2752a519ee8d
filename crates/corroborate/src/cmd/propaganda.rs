//! Shared glue for `corroborate train techniques` and `corroborate eval propaganda`: reading the
//! PTC corpus, splitting it, and training the detector with the task's SI metric for tuning.
use anyhow::Context;
use corroborate_eval::propaganda::{self, PtcArticle};
use corroborate_model::Span;
use corroborate_techniques::{technique_index, Detector, Example, TrainOptions};
use std::path::Path;

/// The default location of the corpus, relative to the repository root.
pub const DEFAULT_DATA: &str = "../shared/eval/propaganda";

/// Reads the corpus and splits it into (train, dev) by document.
pub fn load_split(dir: &Path) -> anyhow::Result<(Vec<PtcArticle>, Vec<PtcArticle>)> {
    let (articles, warnings) =
        propaganda::load(dir).with_context(|| format!("reading the propaganda corpus in {}", dir.display()))?;
    for w in warnings.iter().take(5) {
        eprintln!("warning: {w}");
    }
    if articles.is_empty() {
        anyhow::bail!("no articles found under {}", dir.join("articles").display());
    }
    Ok(articles.into_iter().partition(|a| !propaganda::is_dev(&a.id)))
}

pub fn to_example(a: &PtcArticle) -> Example {
    Example {
        id: a.id.clone(),
        text: a.text.clone(),
        spans: a.si.clone(),
        labelled: a.tc.iter().filter_map(|(l, s)| technique_index(l).map(|i| (i, *s))).collect(),
        words: None,
    }
}

/// Trains on `train` with the default options.
pub fn train(train: &[PtcArticle]) -> Detector {
    let examples: Vec<Example> = train.iter().map(to_example).collect();
    let score = |pairs: &[(Vec<Span>, Vec<Span>)], texts: &[&str]| {
        let rows: Vec<(&str, &[Span], &[Span])> =
            pairs.iter().zip(texts).map(|((p, g), t)| (*t, p.as_slice(), g.as_slice())).collect();
        propaganda::si_score(&rows).f1
    };
    corroborate_techniques::train(&examples, TrainOptions::default(), &score)
}
