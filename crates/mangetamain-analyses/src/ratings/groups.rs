//! Ratings of a group of interactions (a season, a weekday period, a day): counts per star,
//! distinct users and recipes, and the descriptive values derived from the counts.

use serde::{Deserialize, Serialize};

use mangetamain_stats::descriptive::QuantileMethod;
use mangetamain_stats::ordinal::LevelCounts;

use super::table::{CalendarBlock, RatingTable};
use crate::calendar_key::GroupLookup;

/// Counts of ratings 1 to 5 as level counts.
pub(crate) fn stars(counts: &[u64; 5]) -> LevelCounts {
    LevelCounts::integers(1, counts.to_vec())
}

/// Descriptive statistics of the ratings of a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupRatings {
    /// The group (season, period or day name).
    pub group: String,
    /// Ratings in the group.
    pub n: u64,
    /// Ratings per star, 1 to 5.
    pub per_star: Vec<u64>,
    /// Distinct users.
    pub users: usize,
    /// Distinct recipes.
    pub recipes: usize,
    /// Mean rating.
    pub mean: f64,
    /// Median rating.
    pub median: f64,
    /// Standard deviation (ddof 1).
    pub std: f64,
    /// First quartile (linear).
    pub q25: f64,
    /// Third quartile (linear).
    pub q75: f64,
    /// Share of 5-star ratings, %.
    pub five_star_percent: f64,
    /// Share of ratings of 2 stars or less, %.
    pub low_percent: f64,
}

/// Counts per star and distinct users / recipes of each group.
pub(crate) struct GroupTally {
    pub counts: Vec<[u64; 5]>,
    users: Vec<Vec<u64>>,
    recipes: Vec<Vec<u64>>,
}

impl GroupTally {
    /// Tallies the ratings of each group of `lookup` (`g < groups`), whose groups must be
    /// unions of calendar blocks of kind `block` (every key of a block in the same group): the
    /// counts come from the counts per key, the distinct users and recipes from the union of the
    /// blocks' sets, without a pass over the ratings.
    pub fn by_calendar(
        table: &RatingTable,
        groups: usize,
        lookup: &GroupLookup,
        block: CalendarBlock,
    ) -> GroupTally {
        let calendar = table.calendar();
        let mut counts = vec![[0u64; 5]; groups];
        let mut block_group: Vec<Option<usize>> = vec![None; calendar.years() * block.per_year()];
        for (key, stars) in table.stars_per_key().iter().enumerate() {
            let Some(g) = lookup.group(key as u32).filter(|g| *g < groups) else {
                continue;
            };
            for (total, count) in counts[g].iter_mut().zip(stars) {
                *total += count;
            }
            let (year, month, weekday) = calendar.date(key as u32);
            block_group[block.of(calendar, year, month, weekday)] = Some(g);
        }
        let sets = table.distinct_by(block);
        let union = |blocks: &[Vec<u64>], g: usize| -> Vec<u64> {
            let mut union = vec![0u64; blocks.first().map_or(0, Vec::len)];
            for (set, _) in blocks
                .iter()
                .zip(&block_group)
                .filter(|(_, bg)| **bg == Some(g))
            {
                for (word, bits) in union.iter_mut().zip(set) {
                    *word |= bits;
                }
            }
            union
        };
        GroupTally {
            users: (0..groups).map(|g| union(&sets.users, g)).collect(),
            recipes: (0..groups).map(|g| union(&sets.recipes, g)).collect(),
            counts,
        }
    }

    /// The level counts of group `g`.
    pub fn level_counts(&self, g: usize) -> LevelCounts {
        stars(&self.counts[g])
    }

    /// The statistics of group `g`, named `name`.
    pub fn summary(&self, g: usize, name: &str) -> GroupRatings {
        let counts = self.level_counts(g);
        let quantile = |q| {
            counts
                .quantile(q, QuantileMethod::Linear)
                .unwrap_or(f64::NAN)
        };
        let distinct = |bits: &Vec<u64>| bits.iter().map(|w| w.count_ones() as usize).sum();
        GroupRatings {
            group: name.to_string(),
            n: counts.n(),
            per_star: self.counts[g].to_vec(),
            users: distinct(&self.users[g]),
            recipes: distinct(&self.recipes[g]),
            mean: counts.mean(),
            median: counts.median(),
            std: counts.variance(1).sqrt(),
            q25: quantile(0.25),
            q75: quantile(0.75),
            five_star_percent: counts.percent_where(|r| r == 5.0),
            low_percent: counts.percent_where(|r| r <= 2.0),
        }
    }
}
