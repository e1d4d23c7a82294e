//! Long-term trends of recipes, 1999-2018 (reference-app.md 2.A): volume per year and yearly
//! series of preparation time, complexity and nutrition, each with a weighted regression (WLS,
//! weights = recipes per year) and, in addition, the Mann-Kendall test and Sen's slope on real
//! years (A1-A4); ingredients and tags over time with raw and rarefied diversity (A5-A6).
//!
//! ```
//! use mangetamain_analyses::metric::Metric;
//! use mangetamain_analyses::recipe_table::{ItemKind, RecipeTable};
//! use mangetamain_analyses::trends::{item_trends, recipe_volume, yearly_trends, ItemTrendParams, TrendParams};
//! use mangetamain_core::{DataSource, Dataset};
//!
//! let recipes = RecipeTable::from_dataset(&Dataset::open(DataSource::BundledSample)?)?;
//! let volume = recipe_volume(&recipes, &TrendParams::default())?;
//! assert_eq!(volume.counts.iter().sum::<usize>(), recipes.len());
//! let yearly = yearly_trends(&recipes, &TrendParams::default())?;
//! let minutes = &yearly.trends[Metric::Minutes.index()];
//! assert!(minutes.wls_mean.is_some() && minutes.sen.is_some());
//! let ingredients = item_trends(&recipes, ItemKind::Ingredients, &ItemTrendParams::default())?;
//! assert_eq!(ingredients.diversity.distinct.len(), ingredients.years.len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod items;
pub mod yearly;

pub use items::{item_trends, ItemTrendParams, ItemTrends};
pub use yearly::{
    recipe_volume, yearly_trends, MetricCorrelation, RecipeVolume, TrendParams, YearlyTrend,
    YearlyTrends,
};
