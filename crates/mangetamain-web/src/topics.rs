//! The analyses behind each page, computed from the prepared tables for one set of settings.
//! This module only calls `mangetamain_analyses`; it computes nothing itself.

use serde::Serialize;

use mangetamain_analyses::overview::Overview;
use mangetamain_analyses::ratings::{
    ingredient_rating_counts, ingredient_ratings_from_counts, monthly_ratings, rating_stability,
    season_ratings, weekday_ratings, IngredientRatingParams, IngredientRatings, MonthlyParams,
    MonthlyRatings, RatingParams, RatingStability, RatingTable, SeasonRatings, WeekdayRatings,
};
use mangetamain_analyses::recipe_table::{ItemKind, RecipeTable};
use mangetamain_analyses::seasonality::{
    season_volume, seasonal_items, seasonal_metrics, SeasonParams, SeasonVolume, SeasonalItems,
    SeasonalMetrics,
};
use mangetamain_analyses::trends::{
    item_trends, recipe_volume, yearly_trends, ItemTrendParams, ItemTrends, RecipeVolume,
    TrendParams, YearlyTrends,
};
use mangetamain_analyses::weekend::{
    period_items, period_metrics, weekday_volume, PeriodItems, PeriodMetrics, WeekdayVolume,
    WeekendParams,
};
use mangetamain_analyses::AnalysisError;
use mangetamain_core::CleaningReport;

use crate::memo::Memo;
use crate::params::{Page, Settings};

/// Trends page results.
#[derive(Debug, Serialize)]
pub struct TrendsResults {
    /// A1.
    pub volume: RecipeVolume,
    /// A2-A4.
    pub yearly: YearlyTrends,
    /// A5.
    pub ingredients: ItemTrends,
    /// A6.
    pub tags: ItemTrends,
}

/// Seasonality page results.
#[derive(Debug, Serialize)]
pub struct SeasonalityResults {
    /// B1.
    pub volume: SeasonVolume,
    /// B2-B4.
    pub metrics: SeasonalMetrics,
    /// B5.
    pub ingredients: SeasonalItems,
    /// B6.
    pub tags: SeasonalItems,
}

/// Weekday / weekend page results.
#[derive(Debug, Serialize)]
pub struct WeekendResults {
    /// C1.
    pub volume: WeekdayVolume,
    /// C2-C4.
    pub metrics: PeriodMetrics,
    /// C5.
    pub ingredients: PeriodItems,
    /// C6.
    pub tags: PeriodItems,
}

/// Ratings page results.
#[derive(Debug, Serialize)]
pub struct RatingsResults {
    /// 1.6.
    pub monthly: MonthlyRatings,
    /// D1-D3 (None when fewer than 3 months reach the threshold).
    pub stability: Option<RatingStability>,
    /// D4-D5.
    pub seasons: SeasonRatings,
    /// NB-R3.
    pub weekdays: WeekdayRatings,
    /// NB-I1/I2/I3.
    pub ingredients: IngredientRatings,
}

/// Overview page results.
#[derive(Debug, Serialize)]
pub struct OverviewResults {
    /// Key figures.
    pub overview: Overview,
    /// What the cleaning removed.
    pub cleaning_report: CleaningReport,
}

/// The results of one page.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum TopicResults {
    /// Overview.
    Overview(OverviewResults),
    /// Trends.
    Trends(TrendsResults),
    /// Seasonality.
    Seasonality(SeasonalityResults),
    /// Weekday / weekend.
    Weekend(WeekendResults),
    /// Ratings.
    Ratings(RatingsResults),
}

impl TopicResults {
    /// The analyses of the page by name (for the data API).
    pub fn analysis(&self, name: &str) -> Option<serde_json::Value> {
        let value = serde_json::to_value(self).ok()?;
        value.get(name).cloned()
    }
}

/// Why results could not be computed.
#[derive(Debug)]
pub enum ComputeError {
    /// The request asks for something the data cannot give (400).
    Request(String),
    /// An internal failure (500, logged).
    Internal(String),
}

impl From<AnalysisError> for ComputeError {
    fn from(error: AnalysisError) -> Self {
        match error {
            AnalysisError::UnknownItem { .. } | AnalysisError::InvalidParameter { .. } => {
                ComputeError::Request(error.to_string())
            }
            other => ComputeError::Internal(other.to_string()),
        }
    }
}

/// The prepared data the pages are computed from.
pub struct Tables<'a> {
    /// Cleaned recipes.
    pub recipes: &'a RecipeTable,
    /// Every rating.
    pub ratings: &'a RatingTable,
    /// The train split, when present.
    pub train: Option<&'a RatingTable>,
    /// Overview and cleaning report.
    pub overview: &'a OverviewResults,
    /// Single analysis results already computed for this dataset.
    pub memo: &'a Memo,
}

/// Computes the analyses of a page.
pub fn compute(tables: &Tables, settings: &Settings) -> Result<TopicResults, ComputeError> {
    let years = settings.years;
    // Each analysis is memoised under its name and the settings it depends on.
    let memo = |name: &str, depends_on: String| format!("{name}|{depends_on}");
    let band = settings.band.quantiles();
    Ok(match settings.page {
        Page::Overview => TopicResults::Overview(OverviewResults {
            overview: tables.overview.overview.clone(),
            cleaning_report: tables.overview.cleaning_report.clone(),
        }),
        Page::Trends => {
            let params = TrendParams {
                years,
                band: settings.band.quantiles(),
                ..TrendParams::default()
            };
            let items = ItemTrendParams {
                years,
                top_n: settings.top.unwrap_or(10),
                ..ItemTrendParams::default()
            };
            let range = format!("{years:?}");
            let ranked = format!("{years:?}|{}", items.top_n);
            TopicResults::Trends(TrendsResults {
                volume: tables
                    .memo
                    .get_or_compute(memo("recipe_volume", range.clone()), || {
                        recipe_volume(tables.recipes, &params)
                    })?,
                yearly: tables
                    .memo
                    .get_or_compute(memo("yearly_trends", format!("{range}|{band:?}")), || {
                        yearly_trends(tables.recipes, &params)
                    })?,
                ingredients: tables
                    .memo
                    .get_or_compute(memo("item_trends ingredients", ranked.clone()), || {
                        item_trends(tables.recipes, ItemKind::Ingredients, &items)
                    })?,
                tags: tables
                    .memo
                    .get_or_compute(memo("item_trends tags", ranked), || {
                        item_trends(tables.recipes, ItemKind::Tags, &items)
                    })?,
            })
        }
        Page::Seasonality => {
            let params = SeasonParams {
                years,
                top_n: settings.top.unwrap_or(20),
                ..SeasonParams::default()
            };
            let range = format!("{years:?}");
            let ranked = format!("{years:?}|{}", params.top_n);
            TopicResults::Seasonality(SeasonalityResults {
                volume: tables
                    .memo
                    .get_or_compute(memo("season_volume", range.clone()), || {
                        season_volume(tables.recipes, &params)
                    })?,
                metrics: tables
                    .memo
                    .get_or_compute(memo("seasonal_metrics", range), || {
                        seasonal_metrics(tables.recipes, &params)
                    })?,
                ingredients: tables
                    .memo
                    .get_or_compute(memo("seasonal_items ingredients", ranked.clone()), || {
                        seasonal_items(tables.recipes, ItemKind::Ingredients, &params)
                    })?,
                tags: tables
                    .memo
                    .get_or_compute(memo("seasonal_items tags", ranked), || {
                        seasonal_items(tables.recipes, ItemKind::Tags, &params)
                    })?,
            })
        }
        Page::Weekend => {
            let params = WeekendParams {
                years,
                top_n: settings.top.unwrap_or(20),
                ..WeekendParams::default()
            };
            let range = format!("{years:?}");
            let ranked = format!("{years:?}|{}", params.top_n);
            TopicResults::Weekend(WeekendResults {
                volume: tables
                    .memo
                    .get_or_compute(memo("weekday_volume", range.clone()), || {
                        weekday_volume(tables.recipes, &params)
                    })?,
                metrics: tables
                    .memo
                    .get_or_compute(memo("period_metrics", range), || {
                        period_metrics(tables.recipes, &params)
                    })?,
                ingredients: tables
                    .memo
                    .get_or_compute(memo("period_items ingredients", ranked.clone()), || {
                        period_items(tables.recipes, ItemKind::Ingredients, &params)
                    })?,
                tags: tables
                    .memo
                    .get_or_compute(memo("period_items tags", ranked), || {
                        period_items(tables.recipes, ItemKind::Tags, &params)
                    })?,
            })
        }
        Page::Ratings => {
            let ratings = if settings.train {
                tables.train.ok_or_else(|| {
                    ComputeError::Request("this dataset has no train split".to_string())
                })?
            } else {
                tables.ratings
            };
            let population = format!("{}|{years:?}", settings.train);
            let monthly = tables.memo.get_or_compute(
                memo(
                    "monthly_ratings",
                    format!("{population}|{}", settings.min_monthly),
                ),
                || {
                    monthly_ratings(
                        ratings,
                        &MonthlyParams {
                            min_ratings: settings.min_monthly,
                            years,
                        },
                    )
                },
            )?;
            let stability = rating_stability(&monthly, &Default::default()).ok();
            let params = RatingParams {
                years,
                ..RatingParams::default()
            };
            let mut ingredient_params = IngredientRatingParams {
                years,
                ..IngredientRatingParams::default()
            };
            match &settings.ingredients {
                Some(list) => ingredient_params.ingredients = list.clone(),
                // The reference list, restricted to the ingredients this dataset has.
                None => ingredient_params.ingredients.retain(|name| {
                    tables
                        .recipes
                        .items(ItemKind::Ingredients)
                        .code(name)
                        .is_some()
                }),
            }
            TopicResults::Ratings(RatingsResults {
                seasons: tables
                    .memo
                    .get_or_compute(memo("season_ratings", population.clone()), || {
                        season_ratings(ratings, &params)
                    })?,
                weekdays: tables
                    .memo
                    .get_or_compute(memo("weekday_ratings", population.clone()), || {
                        weekday_ratings(ratings, &params)
                    })?,
                ingredients: tables.memo.get_or_compute(
                    memo(
                        "ingredient_ratings",
                        format!("{population}|{:?}", ingredient_params.ingredients),
                    ),
                    || {
                        // The counts per calendar key do not depend on the year range: one
                        // pass over the ratings per ingredient list, then sums per range.
                        let counts = tables.memo.get_or_compute(
                            memo(
                                "ingredient_rating_counts",
                                format!("{}|{:?}", settings.train, ingredient_params.ingredients),
                            ),
                            || {
                                ingredient_rating_counts(
                                    ratings,
                                    tables.recipes,
                                    &ingredient_params.ingredients,
                                )
                                .map(std::sync::Arc::new)
                            },
                        )?;
                        ingredient_ratings_from_counts(&counts, &ingredient_params)
                    },
                )?,
                stability,
                monthly,
            })
        }
    })
}
