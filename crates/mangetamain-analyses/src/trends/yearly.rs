//! Yearly series (A1-A4): recipes per year with normality diagnostics, and per-year mean, median,
//! quantile band and count of each recipe metric with WLS, Mann-Kendall and Sen's slope.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar_key::MAX_GROUPS;
use crate::error::AnalysisError;
use crate::findings::{Direction, Finding};
use crate::group_summary::{check_band, grouped_summaries, GroupSummary};
use crate::metric::Metric;
use crate::recipe_table::{CoMoments, RecipeTable, COMPLEXITY_METRICS};
use mangetamain_stats::correlation::{
    pearson_from_moments, spearman, weighted_spearman, Correlation,
};
use mangetamain_stats::multiple::{adjust_p_values, Correction};
use mangetamain_stats::normality::{
    dagostino_pearson, qq_plot, shapiro_wilk, DagostinoPearson, QqPlot, ShapiroWilk,
};
use mangetamain_stats::regression::{wls, WeightedRegression};
use mangetamain_stats::trend::{mann_kendall, sen_slope, MannKendall, SenSlope};

/// Parameters of the yearly analyses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrendParams {
    /// Inclusive year range; `None` = every year present.
    pub years: Option<(i32, i32)>,
    /// Quantile band drawn around the median (default Q25-Q75; the reference also offers
    /// Q10-Q90, Q5-Q95, Q33-Q66), "nearest" as polars computes it.
    pub band: (f64, f64),
    /// Confidence level of the regression intervals (default 0.95).
    pub confidence: f64,
    /// Significance level after Benjamini-Hochberg correction over the metrics (default 0.05).
    pub alpha: f64,
}

impl Default for TrendParams {
    fn default() -> Self {
        TrendParams {
            years: None,
            band: (0.25, 0.75),
            confidence: 0.95,
            alpha: 0.05,
        }
    }
}

/// Recipes per year (A1) and whether the yearly counts look normal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecipeVolume {
    /// Years, ascending.
    pub years: Vec<i32>,
    /// Recipes submitted in each year.
    pub counts: Vec<usize>,
    /// Shapiro-Wilk on the counts (n >= 3).
    pub shapiro: Option<ShapiroWilk>,
    /// D'Agostino-Pearson on the counts (n >= 8).
    pub dagostino: Option<DagostinoPearson>,
    /// Q-Q points and fitted line (the reference app's r² verdict: > 0.95 normal, > 0.90 slightly
    /// non-normal, else non-normal).
    pub qq: Option<QqPlot>,
    /// Typed facts for the texts.
    pub findings: Vec<Finding>,
}

/// Counts recipes per year and tests the normality of the yearly counts.
pub fn recipe_volume(
    recipes: &RecipeTable,
    params: &TrendParams,
) -> Result<RecipeVolume, AnalysisError> {
    let (years, counts): (Vec<i32>, Vec<usize>) = recipes
        .recipes_per_year(params.years)
        .into_iter()
        .map(|(year, n)| (year, n as usize))
        .unzip();
    let values: Vec<f64> = counts.iter().map(|c| *c as f64).collect();
    let mut findings = Vec::new();
    if let Some((index, peak)) = counts.iter().enumerate().max_by_key(|(_, c)| **c) {
        findings.push(Finding::Peak {
            what: "recipes per year".to_string(),
            at: years[index].to_string(),
            value: *peak as f64,
        });
    }
    let qq = qq_plot(&values).ok();
    if let Some(qq) = &qq {
        findings.push(Finding::Normality {
            what: "recipes per year".to_string(),
            r_squared: qq.r * qq.r,
        });
    }
    Ok(RecipeVolume {
        shapiro: shapiro_wilk(&values).ok(),
        dagostino: dagostino_pearson(&values).ok(),
        qq,
        years,
        counts,
        findings,
    })
}

/// One metric per year with its trend tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearlyTrend {
    /// The metric.
    pub metric: Metric,
    /// Years, ascending (years without a value are absent, not zero).
    pub years: Vec<i32>,
    /// Recipes with a value, per year (the WLS weights).
    pub n: Vec<usize>,
    /// Mean per year.
    pub mean: Vec<f64>,
    /// Median per year.
    pub median: Vec<f64>,
    /// Lower quantile of the band per year.
    pub band_low: Vec<f64>,
    /// Upper quantile of the band per year.
    pub band_high: Vec<f64>,
    /// Standard deviation (ddof 1) per year (NaN for a single recipe).
    pub std: Vec<f64>,
    /// WLS of the yearly mean on the year, weights = n (None with fewer than 3 years).
    pub wls_mean: Option<WeightedRegression>,
    /// WLS of the yearly median on the year.
    pub wls_median: Option<WeightedRegression>,
    /// Mann-Kendall test of the yearly means.
    pub mann_kendall: Option<MannKendall>,
    /// Sen's slope of the yearly means on the real years.
    pub sen: Option<SenSlope>,
    /// Benjamini-Hochberg adjusted p-value of the WLS slope over all metrics.
    pub slope_p_adjusted: Option<f64>,
    /// Spearman correlation of the yearly means with the year (unweighted, as NB-TREND).
    pub spearman: Option<Correlation>,
    /// Spearman correlation of the yearly means with the year weighted by recipes per year.
    pub weighted_spearman: Option<f64>,
}

/// Pearson correlation of two metrics over the recipes of the range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricCorrelation {
    /// First metric.
    pub a: Metric,
    /// Second metric.
    pub b: Metric,
    /// Pearson r with p-value and 95 % interval.
    pub pearson: Correlation,
}

/// All yearly metric series and their findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearlyTrends {
    /// One entry per metric of [`Metric::ALL`].
    pub trends: Vec<YearlyTrend>,
    /// Pearson correlations of minutes, steps and ingredients over the recipes (NB-TREND).
    pub correlations: Vec<MetricCorrelation>,
    /// Typed facts for the texts (direction and significance of each slope).
    pub findings: Vec<Finding>,
}

/// Yearly series of every metric (A2-A4) with WLS (weights = recipes per year), Mann-Kendall and
/// Sen's slope; slope p-values adjusted by Benjamini-Hochberg across the metrics.
pub fn yearly_trends(
    recipes: &RecipeTable,
    params: &TrendParams,
) -> Result<YearlyTrends, AnalysisError> {
    check_band(params.band)?;
    let per_year = recipes.recipes_per_year(params.years);
    let (first, last) = match (per_year.first(), per_year.last()) {
        (Some(first), Some(last)) => (first.0, last.0),
        _ => (0, -1),
    };
    // Every year's summaries, computed once per band (one pass per metric over its sorted
    // column); a range takes its years from them.
    let (table_first, table_years) = recipes.year_span();
    check_year_span(table_years)?;
    let summaries = recipes.year_summaries(params.band, || {
        let by_year = recipes.group_lookup(|year, _, _| Some((year - table_first) as usize));
        Metric::ALL
            .par_iter()
            .map(|&metric| {
                grouped_summaries(
                    recipes.sorted(metric),
                    &by_year,
                    table_years,
                    params.band,
                    None,
                )
            })
            .collect()
    });
    let range = if first <= last {
        (first - table_first) as usize..(last - table_first + 1) as usize
    } else {
        0..0
    };
    let mut trends: Vec<YearlyTrend> = Metric::ALL
        .iter()
        .zip(summaries.iter())
        .map(|(&metric, by_year)| series(metric, first, by_year[range.clone()].to_vec(), params))
        .collect();
    let p_values: Vec<f64> = trends
        .iter()
        .map(|t| t.wls_mean.as_ref().map_or(f64::NAN, |w| w.slope_p))
        .collect();
    let adjusted = adjust_p_values(&p_values, Correction::BenjaminiHochberg);
    let mut findings = Vec::new();
    for (trend, p) in trends.iter_mut().zip(adjusted) {
        trend.slope_p_adjusted = (!p.is_nan()).then_some(p);
        if let (Some(w), Some(p)) = (&trend.wls_mean, trend.slope_p_adjusted) {
            findings.push(Finding::Trend {
                what: trend.metric.column().to_string(),
                direction: if p >= params.alpha {
                    Direction::Flat
                } else if w.slope > 0.0 {
                    Direction::Up
                } else {
                    Direction::Down
                },
                slope_per_year: w.slope,
                p_adjusted: p,
                r_squared: w.r_squared,
            });
        }
    }
    let correlations = complexity_correlations(recipes, params);
    Ok(YearlyTrends {
        trends,
        correlations,
        findings,
    })
}

/// Pearson correlations between minutes, steps and ingredients over the recipes of the range
/// that have all three, combined from the co-moments of each calendar key.
fn complexity_correlations(recipes: &RecipeTable, params: &TrendParams) -> Vec<MetricCorrelation> {
    let mut total = CoMoments::default();
    for (key, moments) in recipes.complexity_moments().per_key.iter().enumerate() {
        if moments.n > 0 && in_range(recipes.key_year(key), params.years) {
            total.n += moments.n;
            for i in 0..3 {
                total.sum[i] += moments.sum[i];
                for j in 0..3 {
                    total.cross[i][j] += moments.cross[i][j];
                }
            }
        }
    }
    let n = total.n as f64;
    // Centred sums: Σ(x - x̄)(y - ȳ) = Σ(x - s)(y - t) - Σ(x - s) Σ(y - t) / n.
    let centred = |i: usize, j: usize| total.cross[i][j] - total.sum[i] * total.sum[j] / n;
    let mut correlations = Vec::new();
    for (i, a) in COMPLEXITY_METRICS.iter().enumerate() {
        for (j, b) in COMPLEXITY_METRICS.iter().enumerate().skip(i + 1) {
            if let Ok(pearson) = pearson_from_moments(
                total.n as usize,
                centred(i, i),
                centred(j, j),
                centred(i, j),
            ) {
                correlations.push(MetricCorrelation {
                    a: *a,
                    b: *b,
                    pearson,
                });
            }
        }
    }
    correlations
}

/// Years that one grouping by year can hold.
pub(crate) fn check_year_span(years: usize) -> Result<(), AnalysisError> {
    if years > MAX_GROUPS {
        return Err(AnalysisError::InvalidParameter {
            name: "years",
            message: format!("the range spans {years} years; at most {MAX_GROUPS} are supported"),
        });
    }
    Ok(())
}

pub(crate) fn in_range(year: i32, range: Option<(i32, i32)>) -> bool {
    range.is_none_or(|(low, high)| low <= year && year <= high)
}

fn series(
    metric: Metric,
    first_year: i32,
    by_year: Vec<Option<GroupSummary>>,
    params: &TrendParams,
) -> YearlyTrend {
    let mut trend = YearlyTrend {
        metric,
        years: Vec::new(),
        n: Vec::new(),
        mean: Vec::new(),
        median: Vec::new(),
        band_low: Vec::new(),
        band_high: Vec::new(),
        std: Vec::new(),
        wls_mean: None,
        wls_median: None,
        mann_kendall: None,
        sen: None,
        slope_p_adjusted: None,
        spearman: None,
        weighted_spearman: None,
    };
    for (offset, summary) in by_year.into_iter().enumerate() {
        let year = first_year + offset as i32;
        if let Some(summary) = summary {
            trend.years.push(year);
            trend.n.push(summary.n);
            trend.mean.push(summary.mean);
            trend.median.push(summary.median);
            trend.band_low.push(summary.band_low);
            trend.band_high.push(summary.band_high);
            trend.std.push(summary.std);
        }
    }
    let x: Vec<f64> = trend.years.iter().map(|y| f64::from(*y)).collect();
    let w: Vec<f64> = trend.n.iter().map(|n| *n as f64).collect();
    trend.wls_mean = wls(&x, &trend.mean, &w, params.confidence).ok();
    trend.wls_median = wls(&x, &trend.median, &w, params.confidence).ok();
    trend.mann_kendall = mann_kendall(&trend.mean).ok();
    trend.sen = sen_slope(&x, &trend.mean).ok();
    trend.spearman = spearman(&x, &trend.mean).ok();
    trend.weighted_spearman = weighted_spearman(&x, &trend.mean, &w).ok();
    trend
}
