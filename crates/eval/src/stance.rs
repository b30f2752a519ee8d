//! FNC-1 stance scoring: the challenge score (as a percentage of the best possible score), per-class
//! precision/recall/F1 and the confusion matrix.
//!
//! The challenge score gives +0.25 for each pair whose related/unrelated split is right (any of
//! agree, disagree, discuss counts as related) and +0.75 more for each related pair whose exact
//! stance is right; the maximum is what the gold labels themselves would score.

use serde::Serialize;

/// The four FNC-1 labels in the challenge's order.
pub const LABELS: [&str; 4] = ["agree", "disagree", "discuss", "unrelated"];
/// Index of `unrelated` in [`LABELS`].
pub const UNRELATED: usize = 3;

/// Scores of one run: gold and predicted labels are indices into [`LABELS`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceReport {
    /// Number of scored pairs.
    pub pairs: usize,
    /// Raw challenge score.
    pub score: f64,
    /// Best possible challenge score for the gold labels.
    pub max_score: f64,
    /// `score / max_score` as a percentage (0 when there is nothing to score).
    pub percent: f64,
    /// `confusion[gold][pred]`.
    pub confusion: [[usize; 4]; 4],
    /// Per class, in [`LABELS`] order.
    pub per_class: [ClassScore; 4],
    /// Unweighted mean of the four F1 values.
    pub macro_f1: f64,
    /// Share of pairs labelled exactly right.
    pub accuracy: f64,
}

/// Precision, recall and F1 of one class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct ClassScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold pairs of this class.
    pub support: usize,
}

/// Score predictions against gold labels; pairs beyond the shorter list are ignored and labels
/// out of range are skipped.
pub fn score(gold: &[usize], pred: &[usize]) -> StanceReport {
    let mut confusion = [[0usize; 4]; 4];
    let mut score = 0.0;
    let mut max_score = 0.0;
    let mut pairs = 0;
    for (&g, &p) in gold.iter().zip(pred) {
        if g >= 4 || p >= 4 {
            continue;
        }
        pairs += 1;
        confusion[g][p] += 1;
        max_score += if g == UNRELATED { 0.25 } else { 1.0 };
        if (g == UNRELATED) == (p == UNRELATED) {
            score += 0.25;
        }
        if g == p && g != UNRELATED {
            score += 0.75;
        }
    }
    let mut per_class = [ClassScore::default(); 4];
    for (k, class) in per_class.iter_mut().enumerate() {
        let tp = confusion[k][k] as f64;
        let gold_k: usize = confusion[k].iter().sum();
        let pred_k: usize = confusion.iter().map(|row| row[k]).sum();
        class.support = gold_k;
        class.precision = ratio(tp, pred_k as f64);
        class.recall = ratio(tp, gold_k as f64);
        class.f1 = crate::f1(class.precision, class.recall);
    }
    let correct: usize = (0..4).map(|k| confusion[k][k]).sum();
    StanceReport {
        pairs,
        score,
        max_score,
        percent: 100.0 * ratio(score, max_score),
        confusion,
        macro_f1: per_class.iter().map(|c| c.f1).sum::<f64>() / 4.0,
        per_class,
        accuracy: ratio(correct as f64, pairs as f64),
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

impl StanceReport {
    /// A plain-text table: score line, per-class scores, confusion matrix.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "FNC-1 score: {:.2} of {:.2} = {:.2}% of max ({} pairs, accuracy {:.2}%, macro F1 {:.3})\n",
            self.score,
            self.max_score,
            self.percent,
            self.pairs,
            100.0 * self.accuracy,
            self.macro_f1
        );
        out.push_str("class        precision  recall     F1  support\n");
        for (name, c) in LABELS.iter().zip(&self.per_class) {
            out.push_str(&format!(
                "{name:<10} {:>11.3} {:>7.3} {:>6.3} {:>8}\n",
                c.precision, c.recall, c.f1, c.support
            ));
        }
        out.push_str("confusion (rows gold, columns predicted)\n");
        out.push_str(&format!("{:<10}", ""));
        for name in LABELS {
            out.push_str(&format!(" {name:>9}"));
        }
        out.push('\n');
        for (name, row) in LABELS.iter().zip(&self.confusion) {
            out.push_str(&format!("{name:<10}"));
            for n in row {
                out.push_str(&format!(" {n:>9}"));
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_predictions_score_100() {
        let gold = [0, 1, 2, 3, 3];
        let r = score(&gold, &gold);
        assert_eq!(r.max_score, 3.5);
        assert_eq!(r.score, 3.5);
        assert_eq!(r.percent, 100.0);
        assert!(r.per_class.iter().all(|c| c.f1 == 1.0));
    }

    #[test]
    fn related_with_wrong_stance_gets_a_quarter() {
        // gold agree, predicted discuss: related/unrelated right only.
        let r = score(&[0], &[2]);
        assert_eq!(r.score, 0.25);
        assert_eq!(r.max_score, 1.0);
        assert_eq!(r.confusion[0][2], 1);
        // gold unrelated, predicted agree: nothing.
        let r = score(&[3], &[0]);
        assert_eq!(r.score, 0.0);
        assert_eq!(r.max_score, 0.25);
    }

    #[test]
    fn all_unrelated_baseline() {
        let gold = [0, 1, 2, 3, 3, 3, 3];
        let r = score(&gold, &[3; 7]);
        // 4 unrelated right = 1.0 of max 3 + 1 = 4.0
        assert_eq!(r.score, 1.0);
        assert!((r.percent - 25.0).abs() < 1e-9);
        assert_eq!(r.per_class[3].recall, 1.0);
        assert!((r.per_class[3].precision - 4.0 / 7.0).abs() < 1e-9);
        assert_eq!(r.per_class[0].f1, 0.0);
        assert!(r.to_text().contains("disagree"));
    }
}
