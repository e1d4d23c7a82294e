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
    /// Recipes listing each item over all groups (computed on first use).
    totals: std::sync::OnceLock<Vec<u64>>,
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

/// Item counts per group within the year, cumulative over the years of a table: row `y` holds,
/// per group, the recipes of the years before year offset `y` (and per item, those listing it),
/// so the counts of any year range are the difference of two rows.
#[derive(Debug, Clone)]
pub(crate) struct YearPrefixCounts {
    within: WithinYear,
    vocabulary: usize,
    /// `[row * groups + group]`, rows `0..=years`.
    recipes: Vec<u64>,
    /// `[(row * groups + group) * vocabulary + code]`.
    counts: Vec<u32>,
}

impl YearPrefixCounts {
    /// The cumulative counts of a table's item lists under a split of the year, from the
    /// counts per calendar key.
    pub fn of(
        lists: &ItemLists,
        calendar: &CalendarKeys,
        rows_per_key: &[u64],
        within: WithinYear,
    ) -> YearPrefixCounts {
        let per_key = lists.per_key();
        let vocabulary = lists.vocabulary_size();
        let groups = within.groups();
        let rows = calendar.years() + 1;
        let mut prefix = YearPrefixCounts {
            within,
            vocabulary,
            recipes: vec![0; rows * groups],
            counts: vec![0; rows * groups * vocabulary],
        };
        // Each year's counts into row `year + 1`, then every row adds the one before.
        for (key, rows) in rows_per_key.iter().enumerate().take(per_key.keys()) {
            let (year, month, weekday) = calendar.date(key as u32);
            let cell =
                ((year - calendar.year(0)) as usize + 1) * groups + within.group(month, weekday);
            prefix.recipes[cell] += rows;
            let row = &mut prefix.counts[cell * vocabulary..(cell + 1) * vocabulary];
            for (code, count) in per_key.of_key(key) {
                row[*code as usize] += count;
            }
        }
        let width = groups * vocabulary;
        for row in 1..rows {
            let (before, current) = prefix.counts.split_at_mut(row * width);
            let previous = &before[(row - 1) * width..];
            for (count, earlier) in current[..width].iter_mut().zip(previous) {
                *count += earlier;
            }
            for g in 0..groups {
                prefix.recipes[row * groups + g] += prefix.recipes[(row - 1) * groups + g];
            }
        }
        prefix
    }

    /// Counts per group of the split over the years at offsets `years`.
    pub fn over_years(&self, years: std::ops::Range<usize>) -> ItemCounts {
        let mut tally = ItemCounts::empty(self.vocabulary);
        if !years.is_empty() {
            for g in 0..self.within.groups() {
                self.push_difference(&mut tally, years.start, years.end, g);
            }
        }
        tally
    }

    /// One group per listed year offset, for counts made with [`WithinYear::Whole`].
    pub fn years(&self, year_offsets: &[usize]) -> ItemCounts {
        let mut tally = ItemCounts::empty(self.vocabulary);
        for &y in year_offsets {
            self.push_difference(&mut tally, y, y + 1, 0);
        }
        tally
    }

    /// Appends to `tally` the group of counts of `group` over year offsets `start..end`.
    fn push_difference(&self, tally: &mut ItemCounts, start: usize, end: usize, group: usize) {
        let (groups, vocabulary) = (self.within.groups(), self.vocabulary);
        let (end, start) = (end * groups + group, start * groups + group);
        tally.recipes.push(self.recipes[end] - self.recipes[start]);
        let last = &self.counts[end * vocabulary..(end + 1) * vocabulary];
        let first = &self.counts[start * vocabulary..(start + 1) * vocabulary];
        tally
            .counts
            .extend(last.iter().zip(first).map(|(last, first)| last - first));
    }
}

impl ItemCounts {
    /// No group yet, over a vocabulary.
    fn empty(vocabulary: usize) -> ItemCounts {
        ItemCounts {
            recipes: Vec::new(),
            vocabulary,
            counts: Vec::new(),
            totals: std::sync::OnceLock::new(),
        }
    }

    /// Per item code, the recipes of `group` listing it.
    pub fn group(&self, group: usize) -> &[u32] {
        &self.counts[group * self.vocabulary..(group + 1) * self.vocabulary]
    }

    /// Recipes of `group` listing item `code`.
    pub fn count(&self, group: usize, code: u32) -> u64 {
        u64::from(self.counts[group * self.vocabulary + code as usize])
    }

    /// Recipes listing each item, over all groups (indexed by code).
    pub fn totals(&self) -> &[u64] {
        self.totals.get_or_init(|| {
            let mut totals = vec![0u64; self.vocabulary];
            for row in self.counts.chunks_exact(self.vocabulary.max(1)) {
                for (total, count) in totals.iter_mut().zip(row) {
                    *total += u64::from(*count);
                }
            }
            totals
        })
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
        self.totals().iter().filter(|total| **total > 0).count()
    }

    /// Codes with at least `min_total` recipes over all groups.
    pub fn frequent_codes(&self, min_total: u64) -> Vec<u32> {
        (0u32..)
            .zip(self.totals())
            .filter(|(_, total)| **total >= min_total)
            .map(|(code, _)| code)
            .collect()
    }
}
