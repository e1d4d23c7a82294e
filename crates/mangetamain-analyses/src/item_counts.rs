//! Presence counts of items (ingredients, tags) per group of recipes (year, season, period).

use mangetamain_core::format::date::Season;

use crate::calendar_key::CalendarKeys;
use crate::recipe_table::{season_index, ItemLists};

/// Recipes per group and, per group and item, the recipes of the group that list the item.
#[derive(Debug, Clone)]
pub(crate) struct ItemCounts {
    /// Recipes in each group.
    pub recipes: Vec<u64>,
    vocabulary: usize,
    counts: Vec<u32>,
}

/// How the recipes of one year are split into groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WithinYear {
    /// One group: the whole year.
    Whole,
    /// The four seasons, in [`mangetamain_core::format::date::Season::ALL`] order.
    Season,
    /// Weekdays (0) and the weekend (1).
    Period,
}

impl WithinYear {
    /// Groups per year.
    pub fn groups(self) -> usize {
        match self {
            WithinYear::Whole => 1,
            WithinYear::Season => 4,
            WithinYear::Period => 2,
        }
    }

    /// The group of a date of the year (month 1-12, weekday 1 = Monday ... 7).
    pub fn group(self, month: u8, weekday: u8) -> usize {
        match self {
            WithinYear::Whole => 0,
            WithinYear::Season => season_index(Season::of_month(u32::from(month))),
            WithinYear::Period => usize::from(weekday >= 6),
        }
    }

    /// Position of the split (0 whole, 1 season, 2 period).
    pub fn index(self) -> usize {
        match self {
            WithinYear::Whole => 0,
            WithinYear::Season => 1,
            WithinYear::Period => 2,
        }
    }
}

impl ItemCounts {
    /// Counts per (year, group within the year) of every year of a table, group
    /// `year_offset * within.groups() + group`, from the counts per calendar key.
    pub fn per_year_group(
        lists: &ItemLists,
        calendar: &CalendarKeys,
        rows_per_key: &[u64],
        within: WithinYear,
    ) -> ItemCounts {
        let per_key = lists.per_key();
        let vocabulary = lists.vocabulary_size();
        let groups = calendar.years() * within.groups();
        let mut tally = ItemCounts {
            recipes: vec![0; groups],
            vocabulary,
            counts: vec![0; groups * vocabulary],
        };
        for (key, rows) in rows_per_key.iter().enumerate().take(per_key.keys()) {
            let (year, month, weekday) = calendar.date(key as u32);
            let group =
                (year - calendar.year(0)) as usize * within.groups() + within.group(month, weekday);
            tally.recipes[group] += rows;
            let row = &mut tally.counts[group * vocabulary..(group + 1) * vocabulary];
            for (code, count) in per_key.of_key(key) {
                row[*code as usize] += count;
            }
        }
        tally
    }

    /// One group per listed year: the rows of `per_year` (made with [`WithinYear::Whole`]) at
    /// those year offsets.
    pub fn years(per_year: &ItemCounts, year_offsets: &[usize]) -> ItemCounts {
        let vocabulary = per_year.vocabulary;
        let mut counts = Vec::with_capacity(year_offsets.len() * vocabulary);
        for &y in year_offsets {
            counts.extend_from_slice(&per_year.counts[y * vocabulary..(y + 1) * vocabulary]);
        }
        ItemCounts {
            recipes: year_offsets.iter().map(|y| per_year.recipes[*y]).collect(),
            vocabulary,
            counts,
        }
    }

    /// The `within.groups()` groups summed over the years at `year_offsets`, from counts made
    /// by [`ItemCounts::per_year_group`] with the same `within`.
    pub fn summed_over_years(
        per_year_group: &ItemCounts,
        within: WithinYear,
        year_offsets: impl Iterator<Item = usize>,
    ) -> ItemCounts {
        let (k, vocabulary) = (within.groups(), per_year_group.vocabulary);
        let mut tally = ItemCounts {
            recipes: vec![0; k],
            vocabulary,
            counts: vec![0; k * vocabulary],
        };
        for y in year_offsets {
            for g in 0..k {
                let source = y * k + g;
                tally.recipes[g] += per_year_group.recipes[source];
                let from = &per_year_group.counts[source * vocabulary..(source + 1) * vocabulary];
                let into = &mut tally.counts[g * vocabulary..(g + 1) * vocabulary];
                for (total, count) in into.iter_mut().zip(from) {
                    *total += count;
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
