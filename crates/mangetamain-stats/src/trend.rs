//! Monotonic trend: the Mann-Kendall test with tie correction (as `pymannkendall.original_test`)
//! and Sen's slope on real time values with its confidence interval (as
//! `scipy.stats.theilslopes(y, x)`), so missing years do not bend the slope.

use serde::{Deserialize, Serialize};

use crate::descriptive::{quantile_sorted, QuantileMethod};
use crate::distributions::{normal_quantile, normal_two_sided};
use crate::error::{check_finite, check_len, check_pair, Result, StatsError};

/// Result of [`mann_kendall`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MannKendall {
    /// S = Σ_{i<j} sign(x_j - x_i).
    pub s: f64,
    /// Var(S) with the tie correction (n(n-1)(2n+5) - Σt(t-1)(2t+5)) / 18.
    pub var_s: f64,
    /// Z with continuity correction: (S - 1)/√Var if S > 0, (S + 1)/√Var if S < 0, else 0.
    pub z: f64,
    /// Two-sided p-value 2·P(N > |Z|).
    pub p_value: f64,
    /// Kendall's tau as pymannkendall reports it: S / (n(n-1)/2).
    pub tau: f64,
    /// Number of values.
    pub n: usize,
}

/// Mann-Kendall trend test on `values` in time order (O(n²); meant for yearly or monthly series).
pub fn mann_kendall(values: &[f64]) -> Result<MannKendall> {
    const WHAT: &str = "mann_kendall";
    check_len(WHAT, values, 3)?;
    check_finite(WHAT, values)?;
    let n = values.len();
    let mut s = 0.0;
    for i in 0..n - 1 {
        for j in i + 1..n {
            s += (values[j] - values[i]).signum() * f64::from(u8::from(values[j] != values[i]));
        }
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut tie_term = 0.0;
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && sorted[end] == sorted[start] {
            end += 1;
        }
        let t = (end - start) as f64;
        tie_term += t * (t - 1.0) * (2.0 * t + 5.0);
        start = end;
    }
    let nf = n as f64;
    let var_s = (nf * (nf - 1.0) * (2.0 * nf + 5.0) - tie_term) / 18.0;
    if var_s <= 0.0 {
        return Err(StatsError::ZeroVariance { what: WHAT });
    }
    let z = if s > 0.0 {
        (s - 1.0) / var_s.sqrt()
    } else if s < 0.0 {
        (s + 1.0) / var_s.sqrt()
    } else {
        0.0
    };
    Ok(MannKendall {
        s,
        var_s,
        z,
        p_value: normal_two_sided(z),
        tau: s / (0.5 * nf * (nf - 1.0)),
        n,
    })
}

/// Result of [`sen_slope`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SenSlope {
    /// Median of the pairwise slopes (y_j - y_i)/(x_j - x_i) over pairs with x_j > x_i.
    pub slope: f64,
    /// median(y) - slope · median(x).
    pub intercept: f64,
    /// Lower end of the 95 % interval of the slope (Sen 1968).
    pub ci_low: f64,
    /// Upper end of the 95 % interval of the slope.
    pub ci_high: f64,
}

/// Sen's (Theil-Sen) slope of y on real x values with its 95 % interval, exactly as
/// `scipy.stats.theilslopes(y, x, alpha=0.95)` (method "separate").
pub fn sen_slope(x: &[f64], y: &[f64]) -> Result<SenSlope> {
    const WHAT: &str = "sen_slope";
    check_pair(WHAT, x, y)?;
    check_len(WHAT, x, 2)?;
    check_finite(WHAT, x)?;
    check_finite(WHAT, y)?;
    let n = x.len();
    let mut slopes = Vec::with_capacity(n * (n - 1) / 2);
    for i in 0..n {
        for j in 0..n {
            let dx = x[i] - x[j];
            if dx > 0.0 {
                slopes.push((y[i] - y[j]) / dx);
            }
        }
    }
    if slopes.is_empty() {
        return Err(StatsError::ZeroVariance { what: WHAT });
    }
    slopes.sort_by(f64::total_cmp);
    let slope = quantile_sorted(&slopes, 0.5, QuantileMethod::Linear)?;
    let median = |v: &[f64]| {
        let mut s = v.to_vec();
        s.sort_by(f64::total_cmp);
        quantile_sorted(&s, 0.5, QuantileMethod::Linear)
    };
    let intercept = median(y)? - slope * median(x)?;
    let repeats = |v: &[f64]| -> f64 {
        let mut s = v.to_vec();
        s.sort_by(f64::total_cmp);
        let mut total = 0.0;
        let mut start = 0;
        while start < s.len() {
            let mut end = start + 1;
            while end < s.len() && s[end] == s[start] {
                end += 1;
            }
            let k = (end - start) as f64;
            if k > 1.0 {
                total += k * (k - 1.0) * (2.0 * k + 5.0);
            }
            start = end;
        }
        total
    };
    let ny = n as f64;
    let sigsq = (ny * (ny - 1.0) * (2.0 * ny + 5.0) - repeats(x) - repeats(y)) / 18.0;
    let z = normal_quantile(0.025);
    let nt = slopes.len() as f64;
    let sigma = sigsq.sqrt();
    let (ci_low, ci_high) = if sigma.is_finite() {
        let upper =
            (((nt - z * sigma) / 2.0).round_ties_even() as i64).min(slopes.len() as i64 - 1);
        let lower = (((nt + z * sigma) / 2.0).round_ties_even() as i64 - 1).max(0);
        match (usize::try_from(lower), usize::try_from(upper)) {
            (Ok(l), Ok(u)) if l < slopes.len() => (slopes[l], slopes[u]),
            _ => (f64::NAN, f64::NAN),
        }
    } else {
        (f64::NAN, f64::NAN)
    };
    Ok(SenSlope {
        slope,
        intercept,
        ci_low,
        ci_high,
    })
}
