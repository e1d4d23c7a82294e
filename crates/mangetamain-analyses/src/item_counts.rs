//! Presence counts of items (ingredients, tags) per group of recipes (year, season, period).

use crate::calendar_key::GroupLookup;
use crate::recipe_table::{ItemKind, RecipeTable};

/// Recipes per group and, per group and item, the recipes of the group that list the item.
#[derive(Debug, Clone)]
pub(crate) struct ItemCounts {
    /// Recipes in each group.
    pub recipes: Vec<u64>,
    vocabulary: usize,
    counts: Vec<u32>,
}

impl ItemCounts {
    /// Counts over the recipes in a group of `lookup` (groups `0..groups`), from the per-key
    /// counts of the table (no pass over the recipes).
    pub fn tally(
        recipes: &RecipeTable,
        kind: ItemKind,
        groups: usize,
        lookup: &GroupLookup,
    ) -> ItemCounts {
        let per_key = recipes.items(kind).per_key();
        let vocabulary = recipes.items(kind).vocabulary_size();
        let mut tally = ItemCounts {
            recipes: recipes.rows_per_group(lookup, groups),
            vocabulary,
            counts: vec![0; groups * vocabulary],
        };
        for key in 0..per_key.keys() {
            if let Some(group) = lookup.group(key as u32).filter(|g| *g < groups) {
                let row = &mut tally.counts[group * vocabulary..(group + 1) * vocabulary];
                for (code, count) in per_key.of_key(key) {
                    row[*code as usize] += count;
                }
            }
        }
        tally
    }

    /// Recipes of `group` listing item `code`.
    pub fn count(&self, group: usize, code: u32) -> u64 {
        u64::from(self.counts[group * self.vocabulary + code as usize])
    }

    /// Recipes listing item `code`, over all groups.
    pub fn total(&self, code: u32) -> u64 {
        (0..self.recipes.len()).map(|g| self.count(g, code)).sum()
    }

    /// Share of the recipes of `group` listing `code`, in percent (NaN for an empty group).
    pub fn percent(&self, group: usize, code: u32) -> f64 {
        let n = self.recipes[group];
        if n == 0 {
            f64::NAN
        } else {
            100.0 * self.count(group, code) as f64 / n as f64
        }
    }

    /// Distinct items listed by at least one recipe of the groups.
    pub fn items_listed(&self) -> usize {
        (0..self.vocabulary as u32)
            .filter(|code| self.total(*code) > 0)
            .count()
    }

    /// Codes with at least `min_total` recipes over all groups.
    pub fn frequent_codes(&self, min_total: u64) -> Vec<u32> {
        (0..self.vocabulary as u32)
            .filter(|code| self.total(*code) >= min_total)
            .collect()
    }
}
