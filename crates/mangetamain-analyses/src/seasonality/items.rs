//! B5-B6: the most seasonal ingredients and tags. For every item listed by at least
//! `min_recipes` recipes: share of recipes per season, mean, standard deviation (ddof 1),
//! coefficient of variation and range of the four shares, the 2 x 4 chi-square test
//! [listed, not listed] x season with Cramér's V, and Benjamini-Hochberg over every tested item
//! (the reference app ran no correction). Items with a mean share of at least
//! `min_mean_percent` and a range of at least `min_range_points` are ranked by coefficient of
//! variation.

use serde::{Deserialize, Serialize};

use super::{season_names, SeasonParams};
use crate::error::AnalysisError;
use crate::findings::Finding;
use crate::group_summary::extremes;
use crate::item_counts::WithinYear;
use crate::item_groups::{compare_items, ItemComparison};
use crate::recipe_table::{ItemKind, RecipeTable};
use crate::top_n::first_sorted;

/// A seasonal item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeasonalItem {
    /// Shares per season and the chi-square test.
    pub comparison: ItemComparison,
    /// Mean of the four shares, %.
    pub mean_percent: f64,
    /// Standard deviation of the four shares (ddof 1), points.
    pub std_points: f64,
    /// std / mean, %.
    pub cv_percent: f64,
    /// max - min share, points.
    pub range_points: f64,
    /// The season where the share is highest.
    pub peak_season: String,
}

/// The most seasonal items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeasonalItems {
    /// Ingredients or tags.
    pub kind: ItemKind,
    /// Season names in group order.
    pub seasons: Vec<String>,
    /// Recipes per season.
    pub recipes_per_season: Vec<u64>,
    /// Distinct items listed in the range.
    pub items_total: usize,
    /// Items tested (listed by at least `min_recipes` recipes).
    pub items_tested: usize,
    /// Tested items passing the mean-share and range filters.
    pub items_kept: usize,
    /// Kept items significant after correction.
    pub items_significant: usize,
    /// The `top_n` kept items by coefficient of variation (largest first).
    pub top: Vec<SeasonalItem>,
    /// Typed facts: counts, and for the top items, the season they lean to.
    pub findings: Vec<Finding>,
}

/// The most seasonal ingredients (B5) or tags (B6).
pub fn seasonal_items(
    recipes: &RecipeTable,
    kind: ItemKind,
    params: &SeasonParams,
) -> Result<SeasonalItems, AnalysisError> {
    let lists = recipes.items(kind);
    let counts = recipes
        .year_prefix_counts(kind, WithinYear::Season)
        .over_years(recipes.year_offset_range(params.years));
    let seasons = season_names();
    let comparisons = compare_items(&counts, lists, params.min_recipes);
    let items_tested = comparisons.len();
    let kept: Vec<SeasonalItem> = comparisons
        .into_iter()
        .map(|comparison| seasonal_item(comparison, &seasons))
        .filter(|item| {
            item.mean_percent >= params.min_mean_percent
                && item.range_points >= params.min_range_points
        })
        .collect();
    let items_kept = kept.len();
    let items_significant = kept
        .iter()
        .filter(|i| i.comparison.p_adjusted < params.alpha)
        .count();
    let kept = first_sorted(kept, params.top_n, |a, b| {
        b.cv_percent
            .total_cmp(&a.cv_percent)
            .then_with(|| a.comparison.item.cmp(&b.comparison.item))
    });
    let what = kind.column();
    let mut findings = vec![
        Finding::Count {
            what: format!("{what} tested"),
            value: items_tested,
        },
        Finding::Count {
            what: format!("seasonal {what} (kept and significant)"),
            value: items_significant,
        },
    ];
    for item in kept.iter().take(3) {
        if item.comparison.p_adjusted < params.alpha {
            findings.push(Finding::ItemShift {
                what: what.to_string(),
                item: item.comparison.item.clone(),
                towards: item.peak_season.clone(),
                delta_points: item.range_points,
                p_adjusted: item.comparison.p_adjusted,
            });
        }
    }
    Ok(SeasonalItems {
        kind,
        seasons,
        items_total: counts.items_listed(),
        recipes_per_season: counts.recipes,
        items_tested,
        items_kept,
        items_significant,
        top: kept,
        findings,
    })
}

fn seasonal_item(comparison: ItemComparison, seasons: &[String]) -> SeasonalItem {
    let shares = &comparison.percent;
    let n = shares.len() as f64;
    let mean = shares.iter().sum::<f64>() / n;
    let std = (shares.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    let (high, low) = extremes(shares);
    SeasonalItem {
        mean_percent: mean,
        std_points: std,
        cv_percent: 100.0 * std / mean,
        range_points: shares[high] - shares[low],
        peak_season: seasons[high].clone(),
        comparison,
    }
}
