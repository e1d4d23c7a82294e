//! C2-C4: preparation time, complexity, steps, ingredients and nutrients, weekday against
//! weekend, with Welch's t-test (the reference used Student's equal-variance test on
//! heavy-tailed values), Mann-Whitney, Cohen's d, Hedges' g and the rank-biserial correlation;
//! p-values adjusted by Benjamini-Hochberg over the metrics.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use mangetamain_stats::groups::{
    mann_whitney_presorted, t_test_from_moments, MannWhitney, TTest, Variances,
};
use mangetamain_stats::multiple::{adjust_p_values, Correction};

use super::{WeekendParams, PERIODS};
use crate::calendar_key::GroupLookup;
use crate::error::AnalysisError;
use crate::findings::{EffectMeasure, EffectSize, Finding};
use crate::group_summary::{check_band, GroupSummary};
use crate::item_counts::WithinYear;
use crate::metric::Metric;
use crate::recipe_table::RecipeTable;

/// One metric, weekday against weekend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodMetric {
    /// The metric.
    pub metric: Metric,
    /// Summary of weekday recipes.
    pub weekday: Option<GroupSummary>,
    /// Summary of weekend recipes.
    pub weekend: Option<GroupSummary>,
    /// Recipes of the range without a value for the metric.
    pub missing: usize,
    /// (weekend mean - weekday mean) / weekday mean, %.
    pub difference_percent: f64,
    /// Welch's t-test of weekend against weekday (`mean_difference` = weekend - weekday).
    pub welch: Option<TTest>,
    /// Student's equal-variance t-test (the reference notebooks' test, for comparison).
    pub student: Option<TTest>,
    /// Mann-Whitney U of weekend against weekday (rank-biserial > 0: weekend larger).
    pub mann_whitney: Option<MannWhitney>,
    /// Welch p adjusted over the metrics (Benjamini-Hochberg).
    pub welch_p_adjusted: f64,
    /// Mann-Whitney p adjusted over the metrics (Benjamini-Hochberg).
    pub mann_whitney_p_adjusted: f64,
}

/// Every metric, weekday against weekend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodMetrics {
    /// One entry per metric of [`Metric::ALL`].
    pub metrics: Vec<PeriodMetric>,
    /// Typed facts: which period is higher, significance, Cohen's d class.
    pub findings: Vec<Finding>,
}

/// Every metric, weekday against weekend.
pub fn period_metrics(
    recipes: &RecipeTable,
    params: &WeekendParams,
) -> Result<PeriodMetrics, AnalysisError> {
    check_band(params.band)?;
    let periods = recipes.within_year_lookup(WithinYear::Period, params.years);
    let rows = recipes.rows_per_group(&periods, 2).iter().sum::<u64>() as usize;
    // One metric per task: the metrics are independent.
    let mut metrics: Vec<PeriodMetric> = Metric::ALL
        .par_iter()
        .map(|&metric| period_metric(recipes, metric, &periods, rows, params))
        .collect();
    let welch_p: Vec<f64> = metrics
        .iter()
        .map(|m| m.welch.as_ref().map_or(f64::NAN, |t| t.p_value))
        .collect();
    let mw_p: Vec<f64> = metrics
        .iter()
        .map(|m| m.mann_whitney.as_ref().map_or(f64::NAN, |t| t.p_value))
        .collect();
    let welch_adjusted = adjust_p_values(&welch_p, Correction::BenjaminiHochberg);
    let mw_adjusted = adjust_p_values(&mw_p, Correction::BenjaminiHochberg);
    for (i, metric) in metrics.iter_mut().enumerate() {
        metric.welch_p_adjusted = welch_adjusted[i];
        metric.mann_whitney_p_adjusted = mw_adjusted[i];
    }
    let findings = metrics
        .iter()
        .filter_map(|m| finding(m, params.alpha))
        .collect();
    Ok(PeriodMetrics { metrics, findings })
}

/// One metric, weekday against weekend: `rows` recipes of the range, with or without a value.
fn period_metric(
    recipes: &RecipeTable,
    metric: Metric,
    periods: &GroupLookup,
    rows: usize,
    params: &WeekendParams,
) -> PeriodMetric {
    let (summaries, ranks) =
        recipes.within_year_summaries(metric, WithinYear::Period, params.years, params.band);
    let mut summaries = summaries.into_iter();
    let weekday = summaries.next().flatten();
    let weekend = summaries.next().flatten();
    // Weekend (group 1) against weekday (group 0): the test of group 0 against group 1, reversed.
    let mann_whitney = match ranks.mann_whitney() {
        Ok(Some(test)) => Some(test.reversed()),
        // Small samples without ties: scipy's exact distribution, from the values.
        Ok(None) => mann_whitney_presorted(
            recipes
                .sorted(metric)
                .grouped(periods)
                .map(|(value, g)| (value, 1 - g)),
        )
        .ok(),
        Err(_) => None,
    };
    let with_value = weekday.as_ref().map_or(0, |s| s.n) + weekend.as_ref().map_or(0, |s| s.n);
    let missing = rows - with_value;
    let moments = |s: &Option<GroupSummary>| s.as_ref().map(|s| (s.n, s.mean, s.std * s.std));
    let test = |variances| match (moments(&weekend), moments(&weekday)) {
        (Some(we), Some(wd)) => t_test_from_moments(we, wd, variances).ok(),
        _ => None,
    };
    let (welch, student) = (test(Variances::Unequal), test(Variances::Equal));
    let difference_percent = match (&weekday, &weekend) {
        (Some(wd), Some(we)) => 100.0 * (we.mean - wd.mean) / wd.mean,
        _ => f64::NAN,
    };
    PeriodMetric {
        metric,
        weekday,
        weekend,
        missing,
        difference_percent,
        welch,
        student,
        mann_whitney,
        welch_p_adjusted: f64::NAN,
        mann_whitney_p_adjusted: f64::NAN,
    }
}

fn finding(metric: &PeriodMetric, alpha: f64) -> Option<Finding> {
    let welch = metric.welch.as_ref()?;
    let (weekday, weekend) = (metric.weekday.as_ref()?, metric.weekend.as_ref()?);
    let means = [weekday.mean, weekend.mean];
    let high = usize::from(weekend.mean > weekday.mean);
    Some(Finding::GroupDifference {
        what: metric.metric.column().to_string(),
        highest: PERIODS[high].to_string(),
        highest_value: means[high],
        lowest: PERIODS[1 - high].to_string(),
        lowest_value: means[1 - high],
        p_adjusted: metric.welch_p_adjusted,
        significant: metric.welch_p_adjusted < alpha,
        effect: EffectSize::new(EffectMeasure::CohensD, welch.cohens_d),
    })
}
