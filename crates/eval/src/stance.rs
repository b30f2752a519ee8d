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

/// How far a label's score can be trusted: for each predicted label, how many of its predictions
/// fell in each tenth of the score range and how many of those were right, and the same for the
/// predictions at or above a per-label bound (the ones a report shows).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// `bands[label][tenth] = (right, predicted)`, scores in `[tenth / 10, (tenth + 1) / 10)`.
    pub bands: [[(usize, usize); 10]; 4],
    /// The bound per label, in [`LABELS`] order.
    pub bounds: [f32; 4],
    /// `(right, predicted)` per label at or above its bound.
    pub confident: [(usize, usize); 4],
}

/// [`Calibration`] of predictions with their scores (in `[0, 1]`) against gold labels; pairs with
/// a label out of range are skipped.
pub fn calibration(gold: &[usize], pred: &[usize], scores: &[f32], bounds: [f32; 4]) -> Calibration {
    let mut c = Calibration { bands: [[(0, 0); 10]; 4], bounds, confident: [(0, 0); 4] };
    for ((&g, &p), &s) in gold.iter().zip(pred).zip(scores) {
        if g >= 4 || p >= 4 {
            continue;
        }
        let right = (g == p) as usize;
        let band = &mut c.bands[p][((s.clamp(0.0, 1.0) * 10.0) as usize).min(9)];
        band.0 += right;
        band.1 += 1;
        if s >= bounds[p] {
            c.confident[p].0 += right;
            c.confident[p].1 += 1;
        }
    }
    c
}

impl Calibration {
    /// One line per label: right / predicted in each score band, then at or above the bound.
    pub fn to_text(&self) -> String {
        let mut out = String::from("right / predicted by score (tenths), and at or above the bound a report shows\n");
        for (k, name) in LABELS.iter().enumerate() {
            let bands: Vec<String> = self.bands[k]
                .iter()
                .enumerate()
                .filter(|(_, b)| b.1 > 0)
                .map(|(i, b)| format!("{:.1}: {}/{}", i as f32 / 10.0, b.0, b.1))
                .collect();
            let (r, n) = self.confident[k];
            out.push_str(&format!(
                "{name:<10} {}; >= {:.1}: {r}/{n} = {:.3}\n",
                bands.join(", "),
                self.bounds[k],
                ratio(r as f64, n as f64)
            ));
        }
        out
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
    fn calibration_counts_bands_and_bounds() {
        // two agrees at 0.95 (one right), one at 0.55 (wrong), a disagree at 1.0 (right)
        let c = calibration(&[0, 2, 2, 1], &[0, 0, 0, 1], &[0.95, 0.95, 0.55, 1.0], [0.8, 0.5, 0.9, 0.8]);
        assert_eq!(c.bands[0][9], (1, 2));
        assert_eq!(c.bands[0][5], (0, 1));
        assert_eq!(c.bands[1][9], (1, 1));
        assert_eq!(c.confident[0], (1, 2));
        assert_eq!(c.confident[1], (1, 1));
        assert!(c.to_text().contains("0.5: 0/1, 0.9: 1/2; >= 0.8: 1/2 = 0.500"), "{}", c.to_text());
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
