//! Dataset overview: the key figures of the cleaned dataset, computed from the data (the
//! reference app hard-coded "178,265 recipes", the PP_recipes row count; reference-app.md 6.1.7).

use mangetamain_core::Dataset;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{frame_error, AnalysisError};

/// Key figures of a dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// Cleaned recipes.
    pub recipes: usize,
    /// Rated interactions (ratings 1-5) after cleaning.
    pub rated_interactions: usize,
    /// Reviews posted without a rating (rating 0), counted apart.
    pub unrated_reviews: usize,
    /// Distinct users among rated interactions.
    pub users: usize,
    /// Distinct recipes among rated interactions.
    pub rated_recipes: usize,
    /// Mean rating (1-5).
    pub mean_rating: f64,
    /// Distinct ingredient names in cleaned recipes.
    pub distinct_ingredients: usize,
    /// Distinct tags in cleaned recipes.
    pub distinct_tags: usize,
    /// First and last submission date of cleaned recipes (ISO).
    pub recipe_period: Option<(String, String)>,
    /// First and last date of rated interactions (ISO).
    pub interaction_period: Option<(String, String)>,
}

/// Distinct names in a list column of the cleaned recipes.
fn distinct_items(dataset: &Dataset, list_column: &str) -> Result<usize, AnalysisError> {
    let context = format!("counting distinct {list_column}");
    crate::columns::named(dataset.recipes(), list_column)
        .and_then(|c| c.list().and_then(|lists| lists.get_inner().n_unique()))
        .map_err(frame_error(&context))
}

/// Computes the overview of a dataset.
pub fn dataset_overview(dataset: &Dataset) -> Result<Overview, AnalysisError> {
    let interactions = dataset.interactions();
    let n_unique =
        |frame: &DataFrame, column: &str, context: &str| -> Result<usize, AnalysisError> {
            crate::columns::named(frame, column)
                .and_then(|c| c.n_unique())
                .map_err(frame_error(context))
        };
    let report = dataset.cleaning_report();
    let period = |table: &str| report.table(table).and_then(|t| t.date_range.clone());
    Ok(Overview {
        recipes: dataset.recipes().height(),
        rated_interactions: interactions.height(),
        unrated_reviews: report
            .table("interactions")
            .map_or(0, |t| t.removed_by("no_rating")),
        users: n_unique(interactions, "user_id", "counting users")?,
        rated_recipes: n_unique(interactions, "recipe_id", "counting rated recipes")?,
        mean_rating: crate::columns::named(interactions, "rating")
            .and_then(|c| c.i32().map(|r| r.mean().unwrap_or(f64::NAN)))
            .map_err(frame_error("mean rating"))?,
        distinct_ingredients: distinct_items(dataset, "ingredients")?,
        distinct_tags: distinct_items(dataset, "tags")?,
        recipe_period: period("recipes"),
        interaction_period: period("interactions"),
    })
}
