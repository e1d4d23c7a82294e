//! Straight-line regressions: ordinary least squares as `scipy.stats.linregress`, and weighted
//! least squares as `statsmodels.api.WLS(y, add_constant(x), weights=w).fit()`.

use serde::{Deserialize, Serialize};

use crate::distributions::{t_quantile, t_two_sided};
use crate::error::{check_finite, check_len, check_pair, Result, StatsError};

/// Result of [`linregress`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LinearRegression {
    /// Slope.
    pub slope: f64,
    /// Intercept.
    pub intercept: f64,
    /// Pearson correlation r.
    pub r: f64,
    /// Two-sided p-value of H0: slope = 0 (t test, n - 2 df).
    pub p_value: f64,
    /// Standard error of the slope.
    pub slope_stderr: f64,
    /// Standard error of the intercept.
    pub intercept_stderr: f64,
    /// Number of points.
    pub n: usize,
}

/// Ordinary least squares of y on x, exactly as `scipy.stats.linregress(x, y)`:
/// slope = s_xy / s_xx, r = s_xy / √(s_xx s_yy), t = r √(df / ((1 - r)(1 + r))) with df = n - 2,
/// slope SE = √((1 - r²) s_yy / s_xx / df), intercept SE = slope SE · √(s_xx + x̄²) (moments with
/// divisor n). With n = 2 the p-value is 0 (1 when y is constant) and the standard errors 0, as
/// in scipy.
pub fn linregress(x: &[f64], y: &[f64]) -> Result<LinearRegression> {
    const WHAT: &str = "linregress";
    check_pair(WHAT, x, y)?;
    check_len(WHAT, x, 2)?;
    check_finite(WHAT, x)?;
    check_finite(WHAT, y)?;
    let n = x.len() as f64;
    let xmean = x.iter().sum::<f64>() / n;
    let ymean = y.iter().sum::<f64>() / n;
    let (mut ssxm, mut ssym, mut ssxym) = (0.0, 0.0, 0.0);
    for (xi, yi) in x.iter().zip(y) {
        let (dx, dy) = (xi - xmean, yi - ymean);
        ssxm += dx * dx;
        ssym += dy * dy;
        ssxym += dx * dy;
    }
    ssxm /= n;
    ssym /= n;
    ssxym /= n;
    if ssxm == 0.0 {
        return Err(StatsError::ZeroVariance { what: WHAT });
    }
    let r_den = (ssxm * ssym).sqrt();
    let r = if r_den == 0.0 {
        0.0
    } else {
        (ssxym / r_den).clamp(-1.0, 1.0)
    };
    let slope = ssxym / ssxm;
    let intercept = ymean - slope * xmean;
    if x.len() == 2 {
        // scipy: a line through two points is a perfect fit (p = 0) unless y is constant.
        return Ok(LinearRegression {
            slope,
            intercept,
            r,
            p_value: if y[0] == y[1] { 1.0 } else { 0.0 },
            slope_stderr: 0.0,
            intercept_stderr: 0.0,
            n: 2,
        });
    }
    let df = n - 2.0;
    const TINY: f64 = 1.0e-20;
    let t = r * (df / ((1.0 - r + TINY) * (1.0 + r + TINY))).sqrt();
    let p_value = t_two_sided(t, df);
    let slope_stderr = ((1.0 - r * r) * ssym / ssxm / df).sqrt();
    let intercept_stderr = slope_stderr * (ssxm + xmean * xmean).sqrt();
    Ok(LinearRegression {
        slope,
        intercept,
        r,
        p_value,
        slope_stderr,
        intercept_stderr,
        n: x.len(),
    })
}

/// Result of [`wls`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightedRegression {
    /// Intercept.
    pub intercept: f64,
    /// Slope.
    pub slope: f64,
    /// Standard error of the intercept.
    pub intercept_stderr: f64,
    /// Standard error of the slope.
    pub slope_stderr: f64,
    /// t statistic of the intercept.
    pub intercept_t: f64,
    /// t statistic of the slope.
    pub slope_t: f64,
    /// Two-sided p-value of the intercept (n - 2 df).
    pub intercept_p: f64,
    /// Two-sided p-value of the slope (n - 2 df).
    pub slope_p: f64,
    /// Weighted R² = 1 - Σw(y - ŷ)² / Σw(y - ȳw)², ȳw the weighted mean (statsmodels `rsquared`).
    pub r_squared: f64,
    /// Residual variance σ̂² = Σw e² / (n - 2) (statsmodels `scale`).
    pub scale: f64,
    /// Confidence interval of the slope at `confidence`.
    pub slope_ci: (f64, f64),
    /// Confidence level of the intervals (e.g. 0.95).
    pub confidence: f64,
    /// Covariance matrix of (intercept, slope): [[v00, v01], [v01, v11]].
    pub covariance: [[f64; 2]; 2],
    /// Number of points.
    pub n: usize,
}

impl WeightedRegression {
    /// Fitted value of the mean line at `x` (intercept + slope x), without its interval.
    pub fn fitted_at(&self, x: f64) -> f64 {
        self.intercept + self.slope * x
    }

    /// Fitted value and confidence interval of the mean line at `x`
    /// (statsmodels `get_prediction(...).summary_frame()` `mean`, `mean_ci_lower/upper`).
    pub fn line_at(&self, x: f64) -> (f64, f64, f64) {
        let fit = self.fitted_at(x);
        let c = self.covariance;
        let variance = c[0][0] + 2.0 * x * c[0][1] + x * x * c[1][1];
        let half = t_quantile(0.5 + self.confidence / 2.0, self.n as f64 - 2.0) * variance.sqrt();
        (fit, fit - half, fit + half)
    }
}

/// Weighted least squares of y on (1, x) with weights w, as statsmodels' WLS: coefficients
/// (X'WX)⁻¹X'Wy, σ̂² = Σw e²/(n - 2), covariance σ̂²(X'WX)⁻¹, t tests with n - 2 df, weighted R²
/// around the weighted mean, slope interval at `confidence` (0.95 for 95 %).
pub fn wls(x: &[f64], y: &[f64], weights: &[f64], confidence: f64) -> Result<WeightedRegression> {
    const WHAT: &str = "wls";
    check_pair(WHAT, x, y)?;
    check_pair(WHAT, x, weights)?;
    check_len(WHAT, x, 3)?;
    check_finite(WHAT, x)?;
    check_finite(WHAT, y)?;
    check_finite(WHAT, weights)?;
    if weights.iter().any(|w| *w <= 0.0) {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: "weights must be positive".to_string(),
        });
    }
    if !(0.0 < confidence && confidence < 1.0) {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: format!("confidence must be in (0, 1), got {confidence}"),
        });
    }
    // Centre x on its weighted mean for a well-conditioned solve, then map back.
    let sw: f64 = weights.iter().sum();
    let xw = x.iter().zip(weights).map(|(a, w)| a * w).sum::<f64>() / sw;
    let yw = y.iter().zip(weights).map(|(a, w)| a * w).sum::<f64>() / sw;
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for ((xi, yi), w) in x.iter().zip(y).zip(weights) {
        sxx += w * (xi - xw) * (xi - xw);
        sxy += w * (xi - xw) * (yi - yw);
    }
    if sxx == 0.0 {
        return Err(StatsError::ZeroVariance { what: WHAT });
    }
    let slope = sxy / sxx;
    let intercept = yw - slope * xw;
    let n = x.len() as f64;
    let df = n - 2.0;
    let (mut ssr, mut tss) = (0.0, 0.0);
    for ((xi, yi), w) in x.iter().zip(y).zip(weights) {
        let e = yi - (intercept + slope * xi);
        ssr += w * e * e;
        tss += w * (yi - yw) * (yi - yw);
    }
    let scale = ssr / df;
    // (X'WX)⁻¹ for X = [1, x]: with centred moments, var(slope) = σ²/Sxx,
    // var(intercept) = σ²(1/Σw + x̄w²/Sxx), cov = -σ² x̄w / Sxx.
    let v11 = scale / sxx;
    let v00 = scale * (1.0 / sw + xw * xw / sxx);
    let v01 = -scale * xw / sxx;
    let (slope_stderr, intercept_stderr) = (v11.sqrt(), v00.sqrt());
    let (slope_t, intercept_t) = (slope / slope_stderr, intercept / intercept_stderr);
    let crit = t_quantile(0.5 + confidence / 2.0, df);
    Ok(WeightedRegression {
        intercept,
        slope,
        intercept_stderr,
        slope_stderr,
        intercept_t,
        slope_t,
        intercept_p: t_two_sided(intercept_t, df),
        slope_p: t_two_sided(slope_t, df),
        r_squared: if tss == 0.0 {
            f64::NAN
        } else {
            1.0 - ssr / tss
        },
        scale,
        slope_ci: (slope - crit * slope_stderr, slope + crit * slope_stderr),
        confidence,
        covariance: [[v00, v01], [v01, v11]],
        n: x.len(),
    })
}
