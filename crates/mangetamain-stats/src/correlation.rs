//! Correlation coefficients and their tests: Pearson and Spearman (as scipy's `pearsonr` and
//! `spearmanr`), Kendall's tau-b (as `kendalltau`, exact or asymptotic like scipy's `auto`), and
//! the weighted Pearson / Spearman coefficients of the reference app (reference-app.md 1.10).

use serde::{Deserialize, Serialize};

use crate::distributions::{normal_quantile, normal_two_sided, t_two_sided};
use crate::error::{check_finite, check_len, check_pair, Result, StatsError};
use crate::ranks::average_ranks;

/// A correlation coefficient with its two-sided test.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Correlation {
    /// The coefficient (r, rho or tau).
    pub coefficient: f64,
    /// Two-sided p-value of H0: no association.
    pub p_value: f64,
    /// 95 % confidence interval (Fisher z) where defined (Pearson, n > 3).
    pub ci95: Option<(f64, f64)>,
    /// Number of pairs.
    pub n: usize,
}

fn checked(what: &'static str, x: &[f64], y: &[f64], needed: usize) -> Result<()> {
    check_pair(what, x, y)?;
    check_len(what, x, needed)?;
    check_finite(what, x)?;
    check_finite(what, y)
}

fn pearson_r(what: &'static str, x: &[f64], y: &[f64]) -> Result<f64> {
    let n = x.len() as f64;
    let xmean = x.iter().sum::<f64>() / n;
    let ymean = y.iter().sum::<f64>() / n;
    let normx = x.iter().map(|v| (v - xmean).powi(2)).sum::<f64>().sqrt();
    let normy = y.iter().map(|v| (v - ymean).powi(2)).sum::<f64>().sqrt();
    if normx == 0.0 || normy == 0.0 {
        return Err(StatsError::ZeroVariance { what });
    }
    let r: f64 = x
        .iter()
        .zip(y)
        .map(|(a, b)| ((a - xmean) / normx) * ((b - ymean) / normy))
        .sum();
    Ok(r.clamp(-1.0, 1.0))
}

/// Pearson's r with the exact two-sided p-value (t with n - 2 df, as `scipy.stats.pearsonr`) and
/// the Fisher-z 95 % interval (`pearsonr(...).confidence_interval()`).
pub fn pearson(x: &[f64], y: &[f64]) -> Result<Correlation> {
    checked("pearson", x, y, 2)?;
    let r = pearson_r("pearson", x, y)?;
    let n = x.len();
    Ok(pearson_test(r, n))
}

/// [`pearson`] from the number of pairs and the centred sums Σ(x - x̄)², Σ(y - ȳ)² and
/// Σ(x - x̄)(y - ȳ), for callers that combine them from parts of the data.
pub fn pearson_from_moments(n: usize, sxx: f64, syy: f64, sxy: f64) -> Result<Correlation> {
    const WHAT: &str = "pearson_from_moments";
    if n < 2 {
        return Err(StatsError::TooFewValues {
            what: WHAT,
            needed: 2,
            got: n,
        });
    }
    if !(sxx.is_finite() && syy.is_finite() && sxy.is_finite()) {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: format!("the sums must be finite, got {sxx}, {syy}, {sxy}"),
        });
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return Err(StatsError::ZeroVariance { what: WHAT });
    }
    let r = (sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0);
    Ok(pearson_test(r, n))
}

/// Pearson's r of `n` pairs with its t-test p-value and Fisher-z 95 % interval.
fn pearson_test(r: f64, n: usize) -> Correlation {
    let p_value = if n == 2 {
        1.0
    } else {
        correlation_t_p(r, n as f64 - 2.0)
    };
    let ci95 = (n > 3).then(|| {
        let z = r.atanh();
        let half = normal_quantile(0.975) / ((n - 3) as f64).sqrt();
        ((z - half).tanh(), (z + half).tanh())
    });
    Correlation {
        coefficient: r,
        p_value,
        ci95,
        n,
    }
}

/// p-value of a correlation through t = r √(df / ((1 + r)(1 - r))).
fn correlation_t_p(r: f64, df: f64) -> f64 {
    if r.abs() >= 1.0 {
        return 0.0;
    }
    let t = r * (df / ((r + 1.0) * (1.0 - r))).max(0.0).sqrt();
    t_two_sided(t, df)
}

/// Spearman's rho: Pearson's r of average ranks, p-value from t with n - 2 df
/// (`scipy.stats.spearmanr`).
pub fn spearman(x: &[f64], y: &[f64]) -> Result<Correlation> {
    checked("spearman", x, y, 3)?;
    let (rx, _) = average_ranks(x);
    let (ry, _) = average_ranks(y);
    let rho = pearson_r("spearman", &rx, &ry)?;
    Ok(Correlation {
        coefficient: rho,
        p_value: correlation_t_p(rho, x.len() as f64 - 2.0),
        ci95: None,
        n: x.len(),
    })
}

/// Kendall's tau-b with `scipy.stats.kendalltau`'s `auto` p-value: exact when there are no ties
/// and n <= 33 (or at most one discordant / concordant pair), otherwise the tie-corrected normal
/// approximation. O(n log n).
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Result<Correlation> {
    checked("kendall_tau_b", x, y, 2)?;
    let n = x.len();
    // Dense ranks of y, then sort by (x, y) and take dense ranks of x.
    let dense = |values: &[f64]| -> Vec<usize> {
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
        let mut ranks = vec![0usize; values.len()];
        let mut rank = 0;
        for (k, &i) in order.iter().enumerate() {
            if k > 0 && values[i] != values[order[k - 1]] {
                rank += 1;
            }
            ranks[i] = rank;
        }
        ranks
    };
    let ry = dense(y);
    let rx = dense(x);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (rx[i], ry[i]));
    let xs: Vec<usize> = order.iter().map(|&i| rx[i]).collect();
    let mut ys: Vec<usize> = order.iter().map(|&i| ry[i]).collect();
    // Joint ties: runs of equal (x, y).
    let mut ntie: u64 = 0;
    let mut run = 1u64;
    for k in 1..=n {
        if k < n && xs[k] == xs[k - 1] && ys[k] == ys[k - 1] {
            run += 1;
        } else {
            ntie += run * (run - 1) / 2;
            run = 1;
        }
    }
    let tie_stats = |ranks: &[usize]| -> (u64, f64, f64) {
        let mut counts = vec![0u64; ranks.iter().max().map_or(0, |m| m + 1)];
        for &r in ranks {
            counts[r] += 1;
        }
        counts
            .iter()
            .filter(|&&c| c > 1)
            .fold((0, 0.0, 0.0), |(t, a, b), &c| {
                let cf = c as f64;
                (
                    t + c * (c - 1) / 2,
                    a + cf * (cf - 1.0) * (cf - 2.0),
                    b + cf * (cf - 1.0) * (2.0 * cf + 5.0),
                )
            })
    };
    let (xtie, x0, x1) = tie_stats(&xs);
    let (ytie, y0, y1) = tie_stats(&ys);
    let dis = count_inversions(&mut ys);
    let tot = (n as u64) * (n as u64 - 1) / 2;
    if xtie == tot || ytie == tot {
        return Err(StatsError::ZeroVariance {
            what: "kendall_tau_b",
        });
    }
    let con_minus_dis = tot as f64 - xtie as f64 - ytie as f64 + ntie as f64 - 2.0 * dis as f64;
    let tau = (con_minus_dis / ((tot - xtie) as f64).sqrt() / ((tot - ytie) as f64).sqrt())
        .clamp(-1.0, 1.0);
    let exact = xtie == 0 && ytie == 0 && (n <= 33 || dis.min(tot - dis) <= 1);
    let p_value = if exact {
        kendall_p_exact(n, tot - dis)
    } else {
        let size = n as f64;
        let m = size * (size - 1.0);
        let var = (m * (2.0 * size + 5.0) - x1 - y1) / 18.0
            + (2.0 * xtie as f64 * ytie as f64) / m
            + x0 * y0 / (9.0 * m * (size - 2.0));
        normal_two_sided(con_minus_dis / var.sqrt())
    };
    Ok(Correlation {
        coefficient: tau,
        p_value,
        ci95: None,
        n,
    })
}

/// Number of pairs i < j with v[i] > v[j] (merge sort; sorts `v`).
fn count_inversions(v: &mut [usize]) -> u64 {
    let n = v.len();
    if n < 2 {
        return 0;
    }
    let mut buffer = v.to_vec();
    let mut inversions = 0u64;
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if v[j] < v[i] {
                    inversions += (mid - i) as u64;
                    buffer[k] = v[j];
                    j += 1;
                } else {
                    buffer[k] = v[i];
                    i += 1;
                }
                k += 1;
            }
            buffer[k..k + (mid - i)].copy_from_slice(&v[i..mid]);
            k += mid - i;
            buffer[k..k + (end - j)].copy_from_slice(&v[j..end]);
            start = end;
        }
        v.copy_from_slice(&buffer);
        width *= 2;
    }
    inversions
}

/// Exact two-sided p-value of Kendall's statistic with `c` concordant pairs among n (no ties),
/// as scipy's `_kendall_p_exact` (Kendall 1970).
fn kendall_p_exact(n: usize, c: u64) -> f64 {
    let total = (n as u64) * (n as u64 - 1) / 2;
    let c = c.min(total - c) as usize;
    let factorial = |k: usize| (1..=k).fold(1.0f64, |acc, v| acc * v as f64);
    let prob = if n <= 2 {
        1.0
    } else if c == 0 {
        if n < 171 {
            2.0 / factorial(n)
        } else {
            0.0
        }
    } else if c == 1 {
        if n < 172 {
            2.0 / factorial(n - 1)
        } else {
            0.0
        }
    } else if 4 * c as u64 == (n as u64) * (n as u64 - 1) {
        1.0
    } else {
        let large = n >= 171;
        let mut new = vec![0.0f64; c + 1];
        new[0] = 1.0;
        new[1] = 1.0;
        for j in 3..=n {
            let mut acc = 0.0;
            for value in new.iter_mut() {
                acc += *value;
                *value = if large { acc / j as f64 } else { acc };
            }
            if j <= c {
                let head: Vec<f64> = new[..c + 1 - j].to_vec();
                for (target, h) in new[j..].iter_mut().zip(head) {
                    *target -= h;
                }
            }
        }
        let sum: f64 = new.iter().sum();
        if large {
            sum
        } else {
            2.0 * sum / factorial(n)
        }
    };
    prob.clamp(0.0, 1.0)
}

/// Weighted Pearson correlation Σw(x - x̄w)(y - ȳw) / √(Σw(x - x̄w)² Σw(y - ȳw)²).
pub fn weighted_pearson(x: &[f64], y: &[f64], weights: &[f64]) -> Result<f64> {
    const WHAT: &str = "weighted_pearson";
    checked(WHAT, x, y, 2)?;
    check_pair(WHAT, x, weights)?;
    check_finite(WHAT, weights)?;
    let sw: f64 = weights.iter().sum();
    if sw <= 0.0 || weights.iter().any(|w| *w < 0.0) {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: "weights must be non-negative with a positive sum".to_string(),
        });
    }
    let xm = x.iter().zip(weights).map(|(a, w)| a * w).sum::<f64>() / sw;
    let ym = y.iter().zip(weights).map(|(a, w)| a * w).sum::<f64>() / sw;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for ((a, b), w) in x.iter().zip(y).zip(weights) {
        sxy += w * (a - xm) * (b - ym);
        sxx += w * (a - xm) * (a - xm);
        syy += w * (b - ym) * (b - ym);
    }
    if sxx == 0.0 || syy == 0.0 {
        return Err(StatsError::ZeroVariance { what: WHAT });
    }
    Ok((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Weighted Spearman as the reference app defines it: unweighted average ranks of x and y, then
/// the weighted Pearson correlation of the ranks.
pub fn weighted_spearman(x: &[f64], y: &[f64], weights: &[f64]) -> Result<f64> {
    checked("weighted_spearman", x, y, 2)?;
    let (rx, _) = average_ranks(x);
    let (ry, _) = average_ranks(y);
    weighted_pearson(&rx, &ry, weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_inversions() {
        let mut v = vec![3, 1, 2, 0];
        assert_eq!(count_inversions(&mut v), 5);
        assert_eq!(v, vec![0, 1, 2, 3]);
    }
}
