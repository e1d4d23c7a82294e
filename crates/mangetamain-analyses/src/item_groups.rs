//! Items compared across groups of recipes (seasons, weekday periods): share of recipes per
//! group, chi-square test of independence on the presence x group table, Cramér's V, and
//! Benjamini-Hochberg adjustment over every tested item.

use serde::{Deserialize, Serialize};

use mangetamain_stats::counts::{chi_square_independence, cramers_v};
use mangetamain_stats::multiple::{adjust_p_values, Correction};

use crate::item_counts::ItemCounts;
use crate::recipe_table::ItemLists;

/// One item compared across the groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemComparison {
    /// The item.
    pub item: String,
    /// Recipes listing it, per group.
    pub recipes: Vec<u64>,
    /// Share of the recipes of each group that list it, %.
    pub percent: Vec<f64>,
    /// Chi-square statistic of the 2 x k table [listed, not listed] x group (Yates on 2 x 2).
    pub chi_square: f64,
    /// Its p-value.
    pub p_value: f64,
    /// Benjamini-Hochberg adjusted over every tested item.
    pub p_adjusted: f64,
    /// Cramér's V of the table (uncorrected).
    pub cramers_v: f64,
}

/// Compares every item listed by at least `min_recipes` recipes; returns them in vocabulary
/// order with adjusted p-values.
pub(crate) fn compare_items(
    counts: &ItemCounts,
    lists: &ItemLists,
    min_recipes: u64,
) -> Vec<ItemComparison> {
    let groups = counts.recipes.len();
    let mut comparisons: Vec<ItemComparison> = counts
        .frequent_codes(min_recipes)
        .into_iter()
        .map(|code| {
            let recipes: Vec<u64> = (0..groups).map(|g| counts.count(g, code)).collect();
            let mut table = Vec::with_capacity(2 * groups);
            table.extend(recipes.iter().map(|c| *c as f64));
            table.extend(
                recipes
                    .iter()
                    .zip(&counts.recipes)
                    .map(|(c, n)| (n - c) as f64),
            );
            let test = chi_square_independence(&table, 2).ok();
            ItemComparison {
                item: lists.name(code).to_string(),
                percent: (0..groups).map(|g| counts.percent(g, code)).collect(),
                recipes,
                chi_square: test.as_ref().map_or(f64::NAN, |t| t.statistic),
                p_value: test.as_ref().map_or(f64::NAN, |t| t.p_value),
                p_adjusted: f64::NAN,
                cramers_v: cramers_v(&table, 2).unwrap_or(f64::NAN),
            }
        })
        .collect();
    let p_values: Vec<f64> = comparisons.iter().map(|c| c.p_value).collect();
    for (comparison, p) in comparisons
        .iter_mut()
        .zip(adjust_p_values(&p_values, Correction::BenjaminiHochberg))
    {
        comparison.p_adjusted = p;
    }
    comparisons
}
