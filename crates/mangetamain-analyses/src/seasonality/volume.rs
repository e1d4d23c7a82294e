//! B1: recipes per season, against the volume expected without seasonality.

use serde::{Deserialize, Serialize};

use mangetamain_stats::counts::{chi_square_goodness_of_fit, ChiSquare};

use super::{season_names, SeasonParams};
use crate::error::AnalysisError;
use crate::findings::{EffectMeasure, EffectSize, Finding};
use crate::group_summary::extremes;
use crate::item_counts::WithinYear;
use crate::recipe_table::RecipeTable;

/// What "no seasonality" means for the volume test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeasonExpectation {
    /// A quarter of the recipes in each season (the reference app's test).
    Uniform,
    /// Proportional to the days of each season (Winter 90.25 on average, Spring 92, Summer 92,
    /// Autumn 91): a shorter Winter is not a seasonal effect.
    CalendarDays,
}

impl SeasonExpectation {
    /// Expected share of each season, Winter, Spring, Summer, Autumn.
    pub fn shares(self) -> [f64; 4] {
        match self {
            SeasonExpectation::Uniform => [0.25; 4],
            SeasonExpectation::CalendarDays => {
                [90.25 / 365.25, 92.0 / 365.25, 92.0 / 365.25, 91.0 / 365.25]
            }
        }
    }
}

/// Recipes per season.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeasonVolume {
    /// Season names, Winter, Spring, Summer, Autumn.
    pub seasons: Vec<String>,
    /// Recipes per season.
    pub counts: Vec<u64>,
    /// Share of the recipes, %.
    pub percent: Vec<f64>,
    /// Deviation from the mean of the four counts, % (the reference app's measure).
    pub deviation_from_mean_percent: Vec<f64>,
    /// Coefficient of variation of the four counts (ddof 1, as NB-SEAS), %.
    pub cv_percent: f64,
    /// Expected recipes per season under `expectation`.
    pub expected: Vec<f64>,
    /// The expectation tested.
    pub expectation: SeasonExpectation,
    /// Chi-square goodness of fit to `expected` (None without recipes).
    pub chi_square: Option<ChiSquare>,
    /// Typed facts: the busiest and quietest seasons with the test and Cohen's w.
    pub findings: Vec<Finding>,
}

/// Recipes per season with a chi-square goodness-of-fit test.
pub fn season_volume(
    recipes: &RecipeTable,
    params: &SeasonParams,
) -> Result<SeasonVolume, AnalysisError> {
    let counts = recipes.rows_per_group(
        &recipes.within_year_lookup(WithinYear::Season, params.years),
        4,
    );
    let total: u64 = counts.iter().sum();
    let total_f = total as f64;
    let mean = total_f / 4.0;
    let expected: Vec<f64> = params
        .expectation
        .shares()
        .iter()
        .map(|s| s * total_f)
        .collect();
    let observed: Vec<f64> = counts.iter().map(|c| *c as f64).collect();
    let chi_square = if total > 0 {
        Some(
            chi_square_goodness_of_fit(&observed, Some(&expected)).map_err(|source| {
                AnalysisError::Stats {
                    context: "chi-square of recipes per season".to_string(),
                    source,
                }
            })?,
        )
    } else {
        None
    };
    let names = season_names();
    let mut findings = Vec::new();
    if let Some(test) = &chi_square {
        let (high, low) = extremes(&counts);
        findings.push(Finding::GroupDifference {
            what: "recipes per season".to_string(),
            highest: names[high].clone(),
            highest_value: observed[high],
            lowest: names[low].clone(),
            lowest_value: observed[low],
            p_adjusted: test.p_value,
            significant: test.p_value < params.alpha,
            effect: EffectSize::new(EffectMeasure::CohensW, (test.statistic / total_f).sqrt()),
        });
        for index in [high, low] {
            findings.push(Finding::Deviation {
                what: "recipes per season".to_string(),
                group: names[index].clone(),
                observed: observed[index],
                expected: expected[index],
            });
        }
    }
    Ok(SeasonVolume {
        seasons: names,
        percent: counts.iter().map(|c| 100.0 * *c as f64 / total_f).collect(),
        deviation_from_mean_percent: counts
            .iter()
            .map(|c| 100.0 * (*c as f64 - mean) / mean)
            .collect(),
        cv_percent: 100.0 * (observed.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / 3.0).sqrt()
            / mean,
        counts,
        expected,
        expectation: params.expectation,
        chi_square,
        findings,
    })
}
