//! C5-C6: ingredients and tags, weekday against weekend. Every item listed by at least
//! `min_recipes` recipes gets a 2 x 2 chi-square (Yates) and Cramér's V; p-values are adjusted
//! by Benjamini-Hochberg over every tested item. Items with a mean share of at least
//! `min_mean_percent`, an absolute difference of at least `min_delta_points` and an adjusted
//! p below `alpha` are listed on their side, ranked by the absolute difference.

use serde::{Deserialize, Serialize};

use super::{WeekendParams, PERIODS};
use crate::error::AnalysisError;
use crate::findings::Finding;
use crate::item_counts::WithinYear;
use crate::item_groups::{compare_items, ItemComparison};
use crate::recipe_table::{ItemKind, RecipeTable};
use crate::top_n::first_sorted;

/// An item whose share differs between the periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodItem {
    /// Shares per period (weekday, weekend) and the chi-square test.
    pub comparison: ItemComparison,
    /// Mean of the two shares, %.
    pub mean_percent: f64,
    /// Weekend share - weekday share, points.
    pub delta_points: f64,
}

/// Items that lean to one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodItems {
    /// Ingredients or tags.
    pub kind: ItemKind,
    /// Recipes per period (weekday, weekend).
    pub recipes_per_period: Vec<u64>,
    /// Distinct items listed in the range.
    pub items_total: usize,
    /// Items tested.
    pub items_tested: usize,
    /// Items passing every filter (both sides).
    pub items_kept: usize,
    /// Kept items more frequent at the weekend, largest difference first (at most `top_n`).
    pub weekend_leaning: Vec<PeriodItem>,
    /// Kept items more frequent on weekdays, largest difference first (at most `top_n`).
    pub weekday_leaning: Vec<PeriodItem>,
    /// Typed facts.
    pub findings: Vec<Finding>,
}

/// Ingredients (C5) or tags (C6) that lean to weekdays or to the weekend.
pub fn period_items(
    recipes: &RecipeTable,
    kind: ItemKind,
    params: &WeekendParams,
) -> Result<PeriodItems, AnalysisError> {
    let lists = recipes.items(kind);
    let counts = recipes
        .year_prefix_counts(kind, WithinYear::Period)
        .over_years(recipes.year_offset_range(params.years));
    let comparisons = compare_items(&counts, lists, params.min_recipes);
    let items_tested = comparisons.len();
    let kept: Vec<PeriodItem> = comparisons
        .into_iter()
        .map(|comparison| PeriodItem {
            mean_percent: (comparison.percent[0] + comparison.percent[1]) / 2.0,
            delta_points: comparison.percent[1] - comparison.percent[0],
            comparison,
        })
        .filter(|item| {
            item.mean_percent >= params.min_mean_percent
                && item.delta_points.abs() >= params.min_delta_points
                && item.comparison.p_adjusted < params.alpha
        })
        .collect();
    let items_kept = kept.len();
    let side = |weekend: bool| -> Vec<PeriodItem> {
        let side = kept.iter().filter(|i| (i.delta_points > 0.0) == weekend);
        first_sorted(side.collect(), params.top_n, |a, b| {
            b.delta_points
                .abs()
                .total_cmp(&a.delta_points.abs())
                .then_with(|| a.comparison.item.cmp(&b.comparison.item))
        })
        .into_iter()
        .cloned()
        .collect()
    };
    let weekend_leaning = side(true);
    let weekday_leaning = side(false);
    let what = kind.column();
    let mut findings = vec![
        Finding::Count {
            what: format!("{what} tested"),
            value: items_tested,
        },
        Finding::Count {
            what: format!("{what} leaning to a period"),
            value: items_kept,
        },
    ];
    for (items, towards) in [
        (&weekend_leaning, PERIODS[1]),
        (&weekday_leaning, PERIODS[0]),
    ] {
        if let Some(item) = items.first() {
            findings.push(Finding::ItemShift {
                what: what.to_string(),
                item: item.comparison.item.clone(),
                towards: towards.to_string(),
                delta_points: item.delta_points.abs(),
                p_adjusted: item.comparison.p_adjusted,
            });
        }
    }
    Ok(PeriodItems {
        kind,
        items_total: counts.items_listed(),
        recipes_per_period: counts.recipes,
        items_tested,
        items_kept,
        weekend_leaning,
        weekday_leaning,
        findings,
    })
}
