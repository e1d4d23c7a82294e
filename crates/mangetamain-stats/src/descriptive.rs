//! Descriptive statistics: mean, variance with `ddof`, numpy's quantile methods, weighted
//! moments and Kish's effective sample size.

use serde::{Deserialize, Serialize};

use crate::error::{check_finite, check_len, check_pair, Result, StatsError};

/// Arithmetic mean (`numpy.mean`).
pub fn mean(values: &[f64]) -> Result<f64> {
    check_len("mean", values, 1)?;
    check_finite("mean", values)?;
    Ok(values.iter().sum::<f64>() / values.len() as f64)
}

/// Variance with `ddof` delta degrees of freedom: Σ(x - x̄)² / (n - ddof), two-pass
/// (`numpy.var(x, ddof=ddof)`; pandas and polars use ddof = 1).
pub fn variance(values: &[f64], ddof: usize) -> Result<f64> {
    check_len("variance", values, ddof + 1)?;
    let m = mean(values)?;
    let ss: f64 = values.iter().map(|v| (v - m) * (v - m)).sum();
    Ok(ss / (values.len() - ddof) as f64)
}

/// Standard deviation with `ddof` (`numpy.std(x, ddof=ddof)`).
pub fn std_dev(values: &[f64], ddof: usize) -> Result<f64> {
    variance(values, ddof).map(f64::sqrt)
}

/// Coefficient of variation std(ddof) / mean (`scipy.stats.variation(x, ddof=ddof)`).
pub fn coefficient_of_variation(values: &[f64], ddof: usize) -> Result<f64> {
    Ok(std_dev(values, ddof)? / mean(values)?)
}

/// numpy's quantile methods used in this project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuantileMethod {
    /// `linear` (numpy default, type 7): interpolate between the two nearest order statistics.
    Linear,
    /// `nearest`: the order statistic at round-half-to-even of the virtual index (numpy).
    Nearest,
    /// `lower`: floor of the virtual index.
    Lower,
    /// `higher`: ceiling of the virtual index.
    Higher,
    /// `midpoint`: mean of the floor and ceiling order statistics.
    Midpoint,
}

/// Quantile `q` in [0, 1] of `values` (`numpy.quantile(x, q, method=...)`).
pub fn quantile(values: &[f64], q: f64, method: QuantileMethod) -> Result<f64> {
    check_len("quantile", values, 1)?;
    check_finite("quantile", values)?;
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    quantile_sorted(&sorted, q, method)
}

/// Quantile of already sorted values (no copy).
pub fn quantile_sorted(sorted: &[f64], q: f64, method: QuantileMethod) -> Result<f64> {
    check_len("quantile", sorted, 1)?;
    if !(0.0..=1.0).contains(&q) {
        return Err(StatsError::InvalidInput {
            what: "quantile",
            message: format!("q must be in [0, 1], got {q}"),
        });
    }
    let last = sorted.len() - 1;
    let h = q * last as f64;
    let lo = h.floor() as usize;
    let hi = (h.ceil() as usize).min(last);
    Ok(match method {
        QuantileMethod::Linear => {
            let t = h - lo as f64;
            let (a, b) = (sorted[lo], sorted[hi]);
            // numpy's _lerp: a + t (b - a), computed from the nearer end for t >= 0.5.
            if t >= 0.5 {
                b - (b - a) * (1.0 - t)
            } else {
                a + (b - a) * t
            }
        }
        QuantileMethod::Nearest => sorted[(h.round_ties_even() as usize).min(last)],
        QuantileMethod::Lower => sorted[lo],
        QuantileMethod::Higher => sorted[hi],
        QuantileMethod::Midpoint => 0.5 * (sorted[lo] + sorted[hi]),
    })
}

/// Several quantiles of unsorted values, each `(q, method)`, in about O(n) for all of them
/// (selection of the needed order statistics, each in the part left by the previous one; no
/// full sort); the values are reordered. Same results as [`quantile`] with the same method.
pub fn quantiles_unsorted(
    values: &mut [f64],
    requests: &[(f64, QuantileMethod)],
) -> Result<Vec<f64>> {
    check_len("quantile", values, 1)?;
    check_finite("quantile", values)?;
    let last = values.len() - 1;
    let mut needed: Vec<usize> = Vec::with_capacity(2 * requests.len());
    for &(q, _) in requests {
        if !(0.0..=1.0).contains(&q) {
            return Err(StatsError::InvalidInput {
                what: "quantile",
                message: format!("q must be in [0, 1], got {q}"),
            });
        }
        let h = q * last as f64;
        needed.push(h.floor() as usize);
        needed.push((h.ceil() as usize).min(last));
    }
    needed.sort_unstable();
    needed.dedup();
    // Select ascending: after selecting rank k, ranks above k are in values[k + 1..].
    let mut order_statistics: Vec<(usize, f64)> = Vec::with_capacity(needed.len());
    let mut start = 0;
    for &rank in &needed {
        let (_, value, _) = values[start..].select_nth_unstable_by(rank - start, f64::total_cmp);
        order_statistics.push((rank, *value));
        start = rank + 1;
    }
    let at = |rank: usize| -> f64 {
        order_statistics
            .iter()
            .find(|(r, _)| *r == rank)
            .map_or(f64::NAN, |(_, v)| *v)
    };
    requests
        .iter()
        .map(|&(q, method)| {
            let h = q * last as f64;
            let lo = h.floor() as usize;
            let hi = (h.ceil() as usize).min(last);
            // Two order statistics are enough for every method: reuse the sorted-slice formula.
            let pair = [at(lo), at(hi)];
            match method {
                QuantileMethod::Nearest => Ok(at((h.round_ties_even() as usize).min(last))),
                _ => quantile_sorted(&pair, if hi > lo { h - lo as f64 } else { 0.0 }, method),
            }
        })
        .collect()
}

/// Median (`numpy.median`).
pub fn median(values: &[f64]) -> Result<f64> {
    quantile(values, 0.5, QuantileMethod::Linear)
}

/// Interquartile range Q3 - Q1 with linear interpolation (`scipy.stats.iqr`).
pub fn iqr(values: &[f64]) -> Result<f64> {
    let mut sorted = values.to_vec();
    check_finite("iqr", values)?;
    sorted.sort_by(f64::total_cmp);
    Ok(quantile_sorted(&sorted, 0.75, QuantileMethod::Linear)?
        - quantile_sorted(&sorted, 0.25, QuantileMethod::Linear)?)
}

fn check_weights(what: &'static str, values: &[f64], weights: &[f64]) -> Result<f64> {
    check_pair(what, values, weights)?;
    check_len(what, values, 1)?;
    check_finite(what, values)?;
    check_finite(what, weights)?;
    if weights.iter().any(|w| *w < 0.0) {
        return Err(StatsError::InvalidInput {
            what,
            message: "weights must be non-negative".to_string(),
        });
    }
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return Err(StatsError::InvalidInput {
            what,
            message: "weights sum to zero".to_string(),
        });
    }
    Ok(total)
}

/// Weighted mean Σwx / Σw (`numpy.average(x, weights=w)`).
pub fn weighted_mean(values: &[f64], weights: &[f64]) -> Result<f64> {
    let total = check_weights("weighted_mean", values, weights)?;
    Ok(values.iter().zip(weights).map(|(x, w)| x * w).sum::<f64>() / total)
}

/// Weighted variance Σw(x - x̄w)² / (Σw - ddof) (`statsmodels DescrStatsW(x, w).var` with
/// `ddof`; ddof = 0 gives the population form).
pub fn weighted_variance(values: &[f64], weights: &[f64], ddof: usize) -> Result<f64> {
    let total = check_weights("weighted_variance", values, weights)?;
    let m = weighted_mean(values, weights)?;
    let ss: f64 = values
        .iter()
        .zip(weights)
        .map(|(x, w)| w * (x - m) * (x - m))
        .sum();
    let denominator = total - ddof as f64;
    if denominator <= 0.0 {
        return Err(StatsError::InvalidInput {
            what: "weighted_variance",
            message: format!("sum of weights {total} is not larger than ddof {ddof}"),
        });
    }
    Ok(ss / denominator)
}

/// Kish's effective sample size (Σw)² / Σw²: how many equally weighted observations carry the
/// same information.
pub fn kish_effective_n(weights: &[f64]) -> Result<f64> {
    check_len("kish_effective_n", weights, 1)?;
    check_finite("kish_effective_n", weights)?;
    let total: f64 = weights.iter().sum();
    let squares: f64 = weights.iter().map(|w| w * w).sum();
    if squares <= 0.0 {
        return Err(StatsError::InvalidInput {
            what: "kish_effective_n",
            message: "weights are all zero".to_string(),
        });
    }
    Ok(total * total / squares)
}
