//! C1: recipes per weekday and per period, per day of week and against the 5:2 expectation.

use serde::{Deserialize, Serialize};

use mangetamain_stats::counts::{chi_square_goodness_of_fit, ChiSquare};

use super::{WeekendParams, PERIODS};
use crate::error::AnalysisError;
use crate::findings::{EffectMeasure, EffectSize, Finding};
use crate::group_summary::extremes;
use crate::item_counts::WithinYear;
use crate::recipe_table::RecipeTable;
use crate::trends::yearly::in_range;

/// Day names, 1 = Monday ... 7 = Sunday.
pub const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Recipes per weekday and per period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekdayVolume {
    /// Day names, Monday first.
    pub days: Vec<String>,
    /// Recipes submitted on each day of the week.
    pub day_counts: Vec<u64>,
    /// Deviation of each day from the mean of the 7 days, %.
    pub day_deviation_percent: Vec<f64>,
    /// Chi-square of the 7 days against a uniform week.
    pub day_chi_square: Option<ChiSquare>,
    /// Period names, weekday first.
    pub periods: Vec<String>,
    /// Recipes per period.
    pub period_counts: Vec<u64>,
    /// Recipes per day of week in each period: weekday / 5 and weekend / 2 (days of the week,
    /// not calendar days).
    pub per_day_of_week: Vec<f64>,
    /// Weekday recipes per day of week over weekend recipes per day of week.
    pub weekday_to_weekend_ratio: f64,
    /// Share of weekday recipes, %; 5/7 = 71.4 % without an effect.
    pub weekday_percent: f64,
    /// Chi-square of the two periods against the 5:2 expectation.
    pub period_chi_square: Option<ChiSquare>,
    /// Typed facts.
    pub findings: Vec<Finding>,
}

/// Recipes per weekday and per period with chi-square tests.
pub fn weekday_volume(
    recipes: &RecipeTable,
    params: &WeekendParams,
) -> Result<WeekdayVolume, AnalysisError> {
    let mut day_counts = vec![0u64; 7];
    for (year, day) in recipes.years().iter().zip(recipes.weekdays()) {
        if in_range(*year, params.years) && (1..=7).contains(day) {
            day_counts[usize::from(*day) - 1] += 1;
        }
    }
    let period_counts = recipes.rows_per_group(
        &recipes.within_year_lookup(WithinYear::Period, params.years),
        2,
    );
    let total: u64 = period_counts.iter().sum();
    let total_f = total as f64;
    let stats_error = |context: &str| {
        let context = context.to_string();
        move |source| AnalysisError::Stats { context, source }
    };
    let days: Vec<f64> = day_counts.iter().map(|c| *c as f64).collect();
    let periods: Vec<f64> = period_counts.iter().map(|c| *c as f64).collect();
    let expected_periods = [total_f * 5.0 / 7.0, total_f * 2.0 / 7.0];
    let (day_chi_square, period_chi_square) = if total > 0 {
        (
            Some(chi_square_goodness_of_fit(&days, None).map_err(stats_error("recipes per day"))?),
            Some(
                chi_square_goodness_of_fit(&periods, Some(&expected_periods))
                    .map_err(stats_error("recipes per period"))?,
            ),
        )
    } else {
        (None, None)
    };
    let per_day_of_week = vec![periods[0] / 5.0, periods[1] / 2.0];
    let day_mean = total_f / 7.0;
    let mut findings = Vec::new();
    if let Some(test) = &period_chi_square {
        let (high, low) = extremes(&per_day_of_week);
        findings.push(Finding::GroupDifference {
            what: "recipes per day of week".to_string(),
            highest: PERIODS[high].to_string(),
            highest_value: per_day_of_week[high],
            lowest: PERIODS[low].to_string(),
            lowest_value: per_day_of_week[low],
            p_adjusted: test.p_value,
            significant: test.p_value < params.alpha,
            effect: EffectSize::new(EffectMeasure::CohensW, (test.statistic / total_f).sqrt()),
        });
        for (index, name) in PERIODS.iter().enumerate() {
            findings.push(Finding::Deviation {
                what: "recipes per period".to_string(),
                group: name.to_string(),
                observed: periods[index],
                expected: expected_periods[index],
            });
        }
        let (busiest, _) = extremes(&day_counts);
        findings.push(Finding::Peak {
            what: "recipes per weekday".to_string(),
            at: DAYS[busiest].to_string(),
            value: days[busiest],
        });
    }
    Ok(WeekdayVolume {
        days: DAYS.iter().map(|d| d.to_string()).collect(),
        day_deviation_percent: days
            .iter()
            .map(|c| 100.0 * (c - day_mean) / day_mean)
            .collect(),
        day_counts,
        day_chi_square,
        periods: PERIODS.iter().map(|p| p.to_string()).collect(),
        weekday_to_weekend_ratio: per_day_of_week[0] / per_day_of_week[1],
        weekday_percent: 100.0 * periods[0] / total_f,
        per_day_of_week,
        period_counts,
        period_chi_square,
        findings,
    })
}
