//! The cleaned, rated interactions as plain typed columns, prepared once for the rating
//! analyses: users and recipes as dense codes (distinct counts per group without hashing),
//! ratings 1-5, calendar fields.

use mangetamain_core::format::date::Season;
use mangetamain_core::Dataset;
use std::sync::OnceLock;

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar_key::CalendarKeys;
use crate::columns::{required_i32_column, required_i64_column};
use crate::error::AnalysisError;

/// Which interactions the rating analyses describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RatingPopulation {
    /// Every rated interaction of RAW_interactions (ratings 1-5; rating 0, a review without
    /// stars, is counted apart). The natural population for descriptive statistics.
    #[default]
    All,
    /// `interactions_train.csv`, the machine-learning split the reference app analysed
    /// (reference-app.md 6.2 item 1), to reproduce its figures.
    TrainSplit,
}

/// Rated interactions, column by column.
#[derive(Debug, Clone)]
pub struct RatingTable {
    population: RatingPopulation,
    user: Vec<u32>,
    users: usize,
    recipe: Vec<u32>,
    recipe_ids: Vec<i64>,
    rating: Vec<u8>,
    year: Vec<i32>,
    month: Vec<u8>,
    weekday: Vec<u8>,
    calendar: CalendarKeys,
    /// Calendar key of each rating.
    keys: Vec<u32>,
    /// Ratings per star (1-5) of each calendar key.
    stars_per_key: Vec<[u64; 5]>,
    /// Distinct users and recipes per (year, month) and per (year, weekday), on first use.
    distinct_by: OnceLock<[DistinctBlocks; 2]>,
    unrated_reviews: usize,
}

/// How the calendar keys are cut into blocks for the distinct users and recipes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CalendarBlock {
    /// One block per (year, month).
    Month,
    /// One block per (year, weekday).
    Weekday,
}

impl CalendarBlock {
    /// Blocks per year.
    pub fn per_year(self) -> usize {
        match self {
            CalendarBlock::Month => 12,
            CalendarBlock::Weekday => 7,
        }
    }

    /// The block of a date, counted from the first year of `calendar`.
    pub fn of(self, calendar: &CalendarKeys, year: i32, month: u8, weekday: u8) -> usize {
        let offset = (year - calendar.year(0)) as usize * self.per_year();
        offset
            + match self {
                CalendarBlock::Month => usize::from(month - 1),
                CalendarBlock::Weekday => usize::from(weekday - 1),
            }
    }
}

/// Per calendar block, the users and the recipes with a rating (bit sets over the dense codes):
/// the distinct users or recipes of a group of blocks is the union of its blocks' sets.
#[derive(Debug, Clone)]
pub(crate) struct DistinctBlocks {
    /// Bit set of the users of each block.
    pub users: Vec<Vec<u64>>,
    /// Bit set of the recipes of each block.
    pub recipes: Vec<Vec<u64>>,
}

impl RatingTable {
    /// Prepares the rated interactions of `population`.
    pub fn from_dataset(
        dataset: &Dataset,
        population: RatingPopulation,
    ) -> Result<RatingTable, AnalysisError> {
        let (frame, table) = match population {
            RatingPopulation::All => (dataset.interactions(), "interactions"),
            RatingPopulation::TrainSplit => (
                dataset
                    .interactions_train()?
                    .ok_or(AnalysisError::InvalidParameter {
                        name: "population",
                        message: "the dataset has no interactions_train.csv".to_string(),
                    })?,
                "interactions_train",
            ),
        };
        let unrated = dataset
            .cleaning_report()
            .table(table)
            .map_or(0, |t| t.removed_by("no_rating"));
        RatingTable::from_frame(frame, population, unrated)
    }

    /// Prepares a cleaned interactions frame (the schema of [`Dataset::interactions`]);
    /// `unrated_reviews` is the count of rating-0 reviews removed before (for the reports).
    pub fn from_frame(
        frame: &DataFrame,
        population: RatingPopulation,
        unrated_reviews: usize,
    ) -> Result<RatingTable, AnalysisError> {
        let required = |name: &str| required_i32_column(frame, name);
        let rating = required("rating")?;
        if let Some(row) = rating.iter().position(|r| !(1..=5).contains(r)) {
            return Err(AnalysisError::InvalidParameter {
                name: "interactions",
                message: format!(
                    "row {row}: rating {} outside 1-5 (rating statistics need cleaned interactions)",
                    rating[row]
                ),
            });
        }
        let (user, user_ids) = dense_codes(frame, "user_id")?;
        let users = user_ids.len();
        let (recipe, recipe_ids) = dense_codes(frame, "recipe_id")?;
        let year = required("year")?;
        let month = required("month")?;
        let weekday = required("weekday")?;
        let calendar = CalendarKeys::covering(&year);
        let keys = calendar.keys_of(&year, &month, &weekday)?;
        let mut stars_per_key = vec![[0u64; 5]; calendar.len()];
        for (key, star) in keys.iter().zip(&rating) {
            stars_per_key[*key as usize][(*star - 1) as usize] += 1;
        }
        Ok(RatingTable {
            population,
            user,
            users,
            recipe,
            recipe_ids,
            rating: rating.iter().map(|r| *r as u8).collect(),
            year,
            month: month.iter().map(|m| *m as u8).collect(),
            weekday: weekday.iter().map(|w| *w as u8).collect(),
            calendar,
            keys,
            stars_per_key,
            distinct_by: Default::default(),
            unrated_reviews,
        })
    }

    /// The population described.
    pub fn population(&self) -> RatingPopulation {
        self.population
    }

    /// Number of rated interactions.
    pub fn len(&self) -> usize {
        self.rating.len()
    }

    /// Whether there is no rated interaction.
    pub fn is_empty(&self) -> bool {
        self.rating.is_empty()
    }

    /// Reviews posted without a rating (rating 0), not in this table.
    pub fn unrated_reviews(&self) -> usize {
        self.unrated_reviews
    }

    /// Ratings, 1-5.
    pub fn ratings(&self) -> &[u8] {
        &self.rating
    }

    /// Year of each interaction.
    pub fn years(&self) -> &[i32] {
        &self.year
    }

    /// Month (1-12) of each interaction.
    pub fn months(&self) -> &[u8] {
        &self.month
    }

    /// Weekday of each interaction, 1 = Monday ... 7 = Sunday.
    pub fn weekdays(&self) -> &[u8] {
        &self.weekday
    }

    /// Season of interaction `row`.
    pub fn season(&self, row: usize) -> Season {
        Season::of_month(u32::from(self.month[row]))
    }

    /// The calendar key space of the ratings.
    pub(crate) fn calendar(&self) -> &CalendarKeys {
        &self.calendar
    }

    /// Calendar key of each rating.
    pub(crate) fn keys(&self) -> &[u32] {
        &self.keys
    }

    /// Ratings per star (1-5) of each calendar key.
    pub(crate) fn stars_per_key(&self) -> &[[u64; 5]] {
        &self.stars_per_key
    }

    /// Distinct users and recipes per calendar block (built on first use: one pass over the
    /// ratings).
    pub(crate) fn distinct_by(&self, block: CalendarBlock) -> &DistinctBlocks {
        let [by_month, by_weekday] = self.distinct_by.get_or_init(|| {
            let words = |n: usize| n.div_ceil(64);
            let empty = |block: CalendarBlock| {
                let blocks = self.calendar.years() * block.per_year();
                DistinctBlocks {
                    users: vec![vec![0; words(self.users)]; blocks],
                    recipes: vec![vec![0; words(self.recipe_ids.len())]; blocks],
                }
            };
            let mut sets = [empty(CalendarBlock::Month), empty(CalendarBlock::Weekday)];
            for (row, key) in self.keys.iter().enumerate() {
                let (year, month, weekday) = self.calendar.date(*key);
                let (u, r) = (self.user[row] as usize, self.recipe[row] as usize);
                for (set, block) in sets
                    .iter_mut()
                    .zip([CalendarBlock::Month, CalendarBlock::Weekday])
                {
                    let b = block.of(&self.calendar, year, month, weekday);
                    set.users[b][u / 64] |= 1 << (u % 64);
                    set.recipes[b][r / 64] |= 1 << (r % 64);
                }
            }
            sets
        });
        match block {
            CalendarBlock::Month => by_month,
            CalendarBlock::Weekday => by_weekday,
        }
    }

    /// Dense user code of each interaction (0..distinct users).
    pub fn user_codes(&self) -> &[u32] {
        &self.user
    }

    /// Distinct users.
    pub fn user_count(&self) -> usize {
        self.users
    }

    /// Dense recipe code of each interaction (0..distinct recipes).
    pub fn recipe_codes(&self) -> &[u32] {
        &self.recipe
    }

    /// The recipe id of each recipe code.
    pub fn recipe_ids(&self) -> &[i64] {
        &self.recipe_ids
    }
}

/// Codes 0..k in order of first appearance for an id column, and the id of each code.
fn dense_codes(frame: &DataFrame, name: &str) -> Result<(Vec<u32>, Vec<i64>), AnalysisError> {
    let ids = required_i64_column(frame, name)?;
    let mut index: PlHashMap<i64, u32> = PlHashMap::with_capacity(ids.len() / 4);
    let mut distinct = Vec::new();
    let codes = ids
        .iter()
        .map(|id| {
            *index.entry(*id).or_insert_with(|| {
                distinct.push(*id);
                (distinct.len() - 1) as u32
            })
        })
        .collect();
    Ok((codes, distinct))
}
