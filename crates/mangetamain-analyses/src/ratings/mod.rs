//! Rating analyses (reference-app.md 1.6, 1.7, 2.D D1-D5 and the notebook-only rating analyses of
//! 2.E). The population defaults to every rated interaction of RAW_interactions (rating 0,
//! a review without stars, is counted apart); the train split of the reference app is a
//! parameter of [`RatingTable::from_dataset`].
//!
//! ```
//! use mangetamain_analyses::ratings::{
//!     ingredient_ratings, monthly_ratings, rating_stability, season_ratings, weekday_ratings,
//!     IngredientRatingParams, MonthlyParams, RatingParams, RatingPopulation, RatingTable,
//!     StabilityParams,
//! };
//! use mangetamain_analyses::recipe_table::RecipeTable;
//! use mangetamain_core::{DataSource, Dataset};
//!
//! let dataset = Dataset::open(DataSource::BundledSample)?;
//! let ratings = RatingTable::from_dataset(&dataset, RatingPopulation::All)?;
//! let monthly = monthly_ratings(&ratings, &MonthlyParams { min_ratings: 20, ..MonthlyParams::default() })?;
//! let stability = rating_stability(&monthly, &StabilityParams::default())?;
//! assert!(stability.level.ci.0 < stability.level.weighted_mean);
//! let seasons = season_ratings(&ratings, &RatingParams::default())?;
//! assert_eq!(seasons.seasons.iter().map(|s| s.n).sum::<u64>(), ratings.len() as u64);
//! let days = weekday_ratings(&ratings, &RatingParams::default())?;
//! assert_eq!(days.days.len(), 7);
//! let recipes = RecipeTable::from_dataset(&dataset)?;
//! let params = IngredientRatingParams { ingredients: vec!["butter".into(), "Garlic ".into()], ..Default::default() };
//! let by_ingredient = ingredient_ratings(&ratings, &recipes, &params)?;
//! assert_eq!(by_ingredient.ingredients[1].ingredient, "garlic");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod groups;
pub mod ingredients;
pub mod monthly;
pub mod seasons;
pub mod stability;
pub mod table;
pub mod weekdays;

use serde::{Deserialize, Serialize};

pub use groups::GroupRatings;
pub use ingredients::{
    ingredient_rating_counts, ingredient_ratings, ingredient_ratings_from_counts, IngredientRating,
    IngredientRatingCounts, IngredientRatingParams, IngredientRatings, ReferenceList, SeasonPair,
};
pub use monthly::{monthly_ratings, MonthRatings, MonthlyMetadata, MonthlyParams, MonthlyRatings};
pub use seasons::{season_ratings, SeasonRatings};
pub use stability::{
    rating_stability, RatingLevel, RatingStability, RatingTrend, StabilityParams, Weighting,
    WeightingCheck,
};
pub use table::{RatingPopulation, RatingTable};
pub use weekdays::{weekday_ratings, WeekdayRatings};

/// Parameters of the per-group rating analyses (seasons, weekdays).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RatingParams {
    /// Inclusive year range; `None` = every year.
    pub years: Option<(i32, i32)>,
    /// Significance level (default 0.05).
    pub alpha: f64,
}

impl Default for RatingParams {
    fn default() -> Self {
        RatingParams {
            years: None,
            alpha: 0.05,
        }
    }
}
