//! D1-D3 on the monthly series: does weighting by volume matter (D1), is there a trend (D2), and
//! how stable is the mean rating (D3) — with a **correct** confidence interval for the weighted
//! mean of the monthly means (from its standard error with Kish's effective number of months),
//! next to the reference app's ±1.96·σw/√Σw, which is not an interval of anything (6.4 item 2).

use serde::{Deserialize, Serialize};

use mangetamain_stats::correlation::{kendall_tau_b, spearman, weighted_spearman, Correlation};
use mangetamain_stats::descriptive::kish_effective_n;
use mangetamain_stats::distributions::{t_quantile, t_two_sided};
use mangetamain_stats::regression::{linregress, wls, LinearRegression, WeightedRegression};
use mangetamain_stats::trend::{mann_kendall, sen_slope, MannKendall, SenSlope};

use super::monthly::MonthlyRatings;
use crate::error::AnalysisError;
use crate::findings::{Direction, Finding};

/// Weights of the monthly means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Weighting {
    /// sqrt(ratings in the month), the reference app's choice.
    SqrtN,
    /// Ratings in the month (inverse-variance weights if every rating had the same variance).
    N,
}

/// Parameters of D1-D3.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StabilityParams {
    /// Weights (default sqrt(n)).
    pub weighting: Weighting,
    /// Confidence level of the intervals (default 0.95).
    pub confidence: f64,
    /// Significance level (default 0.05).
    pub alpha: f64,
}

impl Default for StabilityParams {
    fn default() -> Self {
        StabilityParams {
            weighting: Weighting::SqrtN,
            confidence: 0.95,
            alpha: 0.05,
        }
    }
}

/// D1: weighted against unweighted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightingCheck {
    /// Coefficient of variation of the monthly volumes (ddof 0).
    pub volume_cv: f64,
    /// Largest over smallest monthly volume.
    pub volume_ratio: f64,
    /// OLS of the monthly mean on months since start.
    pub ols: Option<LinearRegression>,
    /// |slope WLS - slope OLS| / |slope OLS|, %.
    pub slope_bias_percent: f64,
    /// Kendall tau-b of time and monthly mean.
    pub kendall: Option<Correlation>,
    /// Variance of the monthly means (ddof 0), unweighted.
    pub variance_unweighted: f64,
    /// Weighted variance of the monthly means (ddof 0).
    pub variance_weighted: f64,
    /// Normalised weights of the kept months (sum 1), for the charts.
    pub normalised_weights: Vec<f64>,
}

/// D2: the trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingTrend {
    /// WLS of the monthly mean on months since start.
    pub wls: Option<WeightedRegression>,
    /// WLS slope per year (slope per month x 12).
    pub slope_per_year: f64,
    /// Its confidence interval.
    pub slope_per_year_ci: (f64, f64),
    /// Mann-Kendall test of the monthly means (ties handled).
    pub mann_kendall: Option<MannKendall>,
    /// Sen's slope per year (on real time: months since start / 12).
    pub sen_per_year: Option<SenSlope>,
    /// Weighted standard deviation of the monthly means (ddof 0).
    pub weighted_std: f64,
    /// WLS of the monthly mean on the monthly volume (volume-quality line).
    pub volume_quality_wls: Option<WeightedRegression>,
    /// Spearman correlation of volume and mean (unweighted, with p).
    pub volume_quality_spearman: Option<Correlation>,
    /// Weighted Spearman correlation of volume and mean.
    pub volume_quality_weighted_spearman: Option<f64>,
    /// Its p-value from t = rho sqrt((n_eff - 2) / (1 - rho²)) with Kish's effective n (an
    /// approximation: weighted rank correlations have no exact test).
    pub volume_quality_weighted_p: Option<f64>,
}

/// D3: the level and its uncertainty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingLevel {
    /// Weighted mean of the monthly means.
    pub weighted_mean: f64,
    /// Kish's effective number of months, (Σw)² / Σw².
    pub effective_months: f64,
    /// Standard error of the weighted mean: sqrt(unbiased weighted variance / n_eff).
    pub standard_error: f64,
    /// Confidence interval of the weighted mean (t with n_eff - 1 df).
    pub ci: (f64, f64),
    /// The reference app's half-width 1.96 σw / sqrt(Σw), reported only to be compared: it is
    /// not the half-width of any confidence interval.
    pub reference_half_width: f64,
    /// Mean of every individual rating of the kept months.
    pub rating_mean: f64,
    /// Its confidence interval (t, each rating counted once).
    pub rating_mean_ci: (f64, f64),
}

/// D1-D3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingStability {
    /// The weights used.
    pub weighting: Weighting,
    /// Kept months analysed.
    pub months: usize,
    /// D1.
    pub weighting_check: WeightingCheck,
    /// D2.
    pub trend: RatingTrend,
    /// D3.
    pub level: RatingLevel,
    /// Typed facts: trend direction and significance, the level with its interval.
    pub findings: Vec<Finding>,
}

/// D1-D3 on the kept months of a monthly series.
pub fn rating_stability(
    monthly: &MonthlyRatings,
    params: &StabilityParams,
) -> Result<RatingStability, AnalysisError> {
    let kept: Vec<_> = monthly.kept().collect();
    if kept.len() < 3 {
        return Err(AnalysisError::InvalidParameter {
            name: "min_ratings",
            message: format!(
                "{} month(s) reach the threshold; D1-D3 need at least 3 (lower min_ratings)",
                kept.len()
            ),
        });
    }
    let x: Vec<f64> = kept
        .iter()
        .map(|m| f64::from(m.months_since_start))
        .collect();
    let y: Vec<f64> = kept.iter().map(|m| m.mean).collect();
    let n: Vec<f64> = kept.iter().map(|m| m.n as f64).collect();
    let w: Vec<f64> = match params.weighting {
        Weighting::SqrtN => n.iter().map(|v| v.sqrt()).collect(),
        Weighting::N => n.clone(),
    };
    let sum_w: f64 = w.iter().sum();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let weighted_mean = w.iter().zip(&y).map(|(w, y)| w * y).sum::<f64>() / sum_w;
    let weighted_var = w
        .iter()
        .zip(&y)
        .map(|(w, y)| w * (y - weighted_mean).powi(2))
        .sum::<f64>()
        / sum_w;
    let y_mean = mean(&y);
    let n_mean = mean(&n);

    let ols = linregress(&x, &y).ok();
    let wls_fit = wls(&x, &y, &w, params.confidence).ok();
    let slope_bias_percent = match (&ols, &wls_fit) {
        (Some(o), Some(f)) => 100.0 * (f.slope - o.slope).abs() / o.slope.abs(),
        _ => f64::NAN,
    };
    let (n_min, n_max) = n.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(*v), hi.max(*v))
    });
    let weighting_check = WeightingCheck {
        volume_cv: (n.iter().map(|v| (v - n_mean).powi(2)).sum::<f64>() / n.len() as f64).sqrt()
            / n_mean,
        volume_ratio: n_max / n_min,
        ols,
        slope_bias_percent,
        kendall: kendall_tau_b(&x, &y).ok(),
        variance_unweighted: y.iter().map(|v| (v - y_mean).powi(2)).sum::<f64>() / y.len() as f64,
        variance_weighted: weighted_var,
        normalised_weights: w.iter().map(|v| v / sum_w).collect(),
    };

    let effective = kish_effective_n(&w).unwrap_or(f64::NAN);
    let weighted_rho = weighted_spearman(&n, &y, &w).ok();
    let years: Vec<f64> = x.iter().map(|m| m / 12.0).collect();
    let trend = RatingTrend {
        slope_per_year: wls_fit.as_ref().map_or(f64::NAN, |f| 12.0 * f.slope),
        slope_per_year_ci: wls_fit.as_ref().map_or((f64::NAN, f64::NAN), |f| {
            (12.0 * f.slope_ci.0, 12.0 * f.slope_ci.1)
        }),
        wls: wls_fit.clone(),
        mann_kendall: mann_kendall(&y).ok(),
        sen_per_year: sen_slope(&years, &y).ok(),
        weighted_std: weighted_var.sqrt(),
        volume_quality_wls: wls(&n, &y, &w, params.confidence).ok(),
        volume_quality_spearman: spearman(&n, &y).ok(),
        volume_quality_weighted_spearman: weighted_rho,
        volume_quality_weighted_p: weighted_rho.filter(|_| effective > 2.0).map(|rho| {
            let t = rho * ((effective - 2.0) / (1.0 - rho * rho)).sqrt();
            t_two_sided(t, effective - 2.0)
        }),
    };

    let unbiased = weighted_var * effective / (effective - 1.0);
    let standard_error = (unbiased / effective).sqrt();
    let t_crit = t_quantile(0.5 + params.confidence / 2.0, effective - 1.0);
    let total_n: f64 = n.iter().sum();
    let rating_mean = n.iter().zip(&y).map(|(n, m)| n * m).sum::<f64>() / total_n;
    // Pooled variance of individual ratings from the monthly moments (law of total variance).
    let within: f64 = kept
        .iter()
        .map(|m| {
            if m.n > 1 {
                (m.n as f64 - 1.0) * m.std * m.std
            } else {
                0.0
            }
        })
        .sum();
    let between: f64 = n
        .iter()
        .zip(&y)
        .map(|(n, m)| n * (m - rating_mean).powi(2))
        .sum();
    let rating_sd = ((within + between) / (total_n - 1.0)).sqrt();
    let rating_half =
        t_quantile(0.5 + params.confidence / 2.0, total_n - 1.0) * rating_sd / total_n.sqrt();
    let level = RatingLevel {
        weighted_mean,
        effective_months: effective,
        standard_error,
        ci: (
            weighted_mean - t_crit * standard_error,
            weighted_mean + t_crit * standard_error,
        ),
        reference_half_width: 1.96 * weighted_var.sqrt() / sum_w.sqrt(),
        rating_mean,
        rating_mean_ci: (rating_mean - rating_half, rating_mean + rating_half),
    };

    let mut findings = Vec::new();
    if let Some(fit) = &trend.wls {
        findings.push(Finding::Trend {
            what: "mean rating".to_string(),
            direction: Direction::of(fit.slope, fit.slope_p, params.alpha),
            slope_per_year: trend.slope_per_year,
            p_adjusted: fit.slope_p,
            r_squared: fit.r_squared,
        });
    }
    findings.push(Finding::Estimate {
        what: "weighted mean of monthly mean ratings".to_string(),
        value: level.weighted_mean,
        ci: level.ci,
    });
    Ok(RatingStability {
        weighting: params.weighting,
        months: kept.len(),
        weighting_check,
        trend,
        level,
        findings,
    })
}
