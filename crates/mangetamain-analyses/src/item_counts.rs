//! Presence counts of items (ingredients, tags) per group of recipes (year, season, period).

use crate::recipe_table::ItemLists;

/// Recipes per group and, per group and item, the recipes of the group that list the item.
#[derive(Debug, Clone)]
pub(crate) struct ItemCounts {
    /// Recipes in each group.
    pub recipes: Vec<u64>,
    vocabulary: usize,
    counts: Vec<u32>,
}

impl ItemCounts {
    /// Counts over the recipes whose group is `Some(g)` (`g < groups`).
    pub fn tally(
        lists: &ItemLists,
        groups: usize,
        group_of: impl Fn(usize) -> Option<usize>,
        rows: usize,
    ) -> ItemCounts {
        let vocabulary = lists.vocabulary_size();
        let mut tally = ItemCounts {
            recipes: vec![0; groups],
            vocabulary,
            counts: vec![0; groups * vocabulary],
        };
        for row in 0..rows {
            if let Some(group) = group_of(row) {
                tally.recipes[group] += 1;
                let base = group * vocabulary;
                for &code in lists.of_recipe(row) {
                    tally.counts[base + code as usize] += 1;
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
