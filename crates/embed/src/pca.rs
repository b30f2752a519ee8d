//! Principal component analysis for the distillation: covariance and a cyclic Jacobi eigensolver
//! (exact for symmetric matrices; the 384x384 covariance of MiniLM takes seconds), so no linear
//! algebra library is needed.

/// Eigenvalues (descending) and eigenvectors (row `i` of the returned matrix, `n` wide) of a
/// symmetric `n x n` matrix given row-major.
pub fn symmetric_eigen(matrix: &[f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    assert_eq!(matrix.len(), n * n, "matrix must be n x n");
    let mut a = matrix.to_vec();
    let mut v = vec![0f64; n * n];
    for i in 0..n {
        v[i * n + i] = 1.0;
    }
    let total: f64 = a.iter().map(|x| x * x).sum::<f64>().max(f64::MIN_POSITIVE);
    for _sweep in 0..60 {
        let mut off = 0f64;
        for p in 0..n {
            for q in p + 1..n {
                off += a[p * n + q] * a[p * n + q];
            }
        }
        if off <= 1e-22 * total {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq.abs() <= 1e-300 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k * n + p], a[k * n + q]);
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[p * n + k], a[q * n + k]);
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for k in 0..n {
                    let (vkp, vkq) = (v[k * n + p], v[k * n + q]);
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| a[j * n + j].total_cmp(&a[i * n + i]));
    let values = order.iter().map(|&i| a[i * n + i]).collect();
    let mut vectors = vec![0f64; n * n];
    for (row, &i) in order.iter().enumerate() {
        for k in 0..n {
            vectors[row * n + k] = v[k * n + i];
        }
    }
    (values, vectors)
}

/// Projects `rows` (each `dim` wide) on their top `k` principal components after centring.
/// Returns the projected rows (`k` wide) and the explained share of the variance.
pub fn project(rows: &[f32], dim: usize, k: usize) -> (Vec<f32>, f64) {
    let n = rows.len() / dim.max(1);
    let k = k.min(dim);
    let mut mean = vec![0f64; dim];
    for r in rows.chunks(dim) {
        for (m, &x) in mean.iter_mut().zip(r) {
            *m += x as f64;
        }
    }
    mean.iter_mut().for_each(|m| *m /= n.max(1) as f64);
    let mut cov = vec![0f64; dim * dim];
    let mut centred = vec![0f64; dim];
    for r in rows.chunks(dim) {
        for (c, (&x, m)) in centred.iter_mut().zip(r.iter().zip(&mean)) {
            *c = x as f64 - m;
        }
        for i in 0..dim {
            let ci = centred[i];
            let row = &mut cov[i * dim..(i + 1) * dim];
            for (slot, &cj) in row[i..].iter_mut().zip(&centred[i..]) {
                *slot += ci * cj;
            }
        }
    }
    for i in 0..dim {
        for j in 0..i {
            cov[i * dim + j] = cov[j * dim + i];
        }
    }
    let (values, vectors) = symmetric_eigen(&cov, dim);
    let total: f64 = values.iter().map(|v| v.max(0.0)).sum();
    let kept: f64 = values[..k].iter().map(|v| v.max(0.0)).sum();
    let mut out = Vec::with_capacity(n * k);
    for r in rows.chunks(dim) {
        for c in 0..k {
            let comp = &vectors[c * dim..(c + 1) * dim];
            let dot: f64 = r.iter().zip(&mean).zip(comp).map(|((&x, m), w)| (x as f64 - m) * w).sum();
            out.push(dot as f32);
        }
    }
    (out, if total > 0.0 { kept / total } else { 0.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eigen_of_a_known_matrix() {
        // [[2,1],[1,2]] has eigenvalues 3 and 1 with vectors (1,1)/sqrt2 and (1,-1)/sqrt2.
        let (values, vectors) = symmetric_eigen(&[2.0, 1.0, 1.0, 2.0], 2);
        assert!((values[0] - 3.0).abs() < 1e-9 && (values[1] - 1.0).abs() < 1e-9);
        assert!((vectors[0].abs() - 0.5f64.sqrt()).abs() < 1e-9);
        assert!((vectors[0] - vectors[1]).abs() < 1e-9);
    }

    #[test]
    fn projection_keeps_the_main_axis() {
        // Points along (1, 1, 0) with a little noise on z: one component explains nearly all.
        let rows: Vec<f32> = (0..50)
            .flat_map(|i| {
                let t = i as f32 - 25.0;
                [t, t, if i % 2 == 0 { 0.01 } else { -0.01 }]
            })
            .collect();
        let (out, share) = project(&rows, 3, 1);
        assert_eq!(out.len(), 50);
        assert!(share > 0.999, "share {share}");
        assert!((out[49] - out[0]).abs() > 60.0);
    }
}
