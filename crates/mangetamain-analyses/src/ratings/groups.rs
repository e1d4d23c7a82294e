//! Ratings of a group of interactions (a season, a weekday period, a day): counts per star,
//! distinct users and recipes, and the descriptive values derived from the counts.

use serde::{Deserialize, Serialize};

use mangetamain_stats::descriptive::QuantileMethod;
use mangetamain_stats::ordinal::LevelCounts;

use super::table::RatingTable;

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
    /// Tallies the interactions whose group is `Some(g)`, `g < groups`.
    pub fn of(
        table: &RatingTable,
        groups: usize,
        group_of: impl Fn(usize) -> Option<usize>,
    ) -> GroupTally {
        let words = |n: usize| n.div_ceil(64);
        let recipe_count = table.recipe_ids().len();
        let mut tally = GroupTally {
            counts: vec![[0; 5]; groups],
            users: vec![vec![0; words(table.user_count())]; groups],
            recipes: vec![vec![0; words(recipe_count)]; groups],
        };
        let (ratings, users, recipes) = (table.ratings(), table.user_codes(), table.recipe_codes());
        for row in 0..table.len() {
            if let Some(g) = group_of(row) {
                tally.counts[g][usize::from(ratings[row] - 1)] += 1;
                let (u, r) = (users[row] as usize, recipes[row] as usize);
                tally.users[g][u / 64] |= 1 << (u % 64);
                tally.recipes[g][r / 64] |= 1 << (r % 64);
            }
        }
        tally
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
