//! corroborate-eval: metric code for `corroborate eval <set>`, one module per metric. Metrics take
//! already-parsed gold and predicted values and do no IO.
//! `propaganda` also reads the PTC corpus (its only IO); `clustering` also reads the FNC-1 and UCI
//! files into gold stories (and FNC-1's stance labels, for `contradictions`).
pub mod attribution;
pub mod clustering;
pub mod contradictions;
pub mod extraction;
pub mod narratives;
pub mod propaganda;
pub mod sources;
pub mod stance;

/// The harmonic mean of precision and recall (0 when both are 0), as every metric here reports it.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn f1_is_the_harmonic_mean() {
        assert_eq!(super::f1(0.0, 0.0), 0.0);
        assert_eq!(super::f1(1.0, 1.0), 1.0);
        assert!((super::f1(0.5, 1.0) - 2.0 / 3.0).abs() < 1e-12);
    }
}
