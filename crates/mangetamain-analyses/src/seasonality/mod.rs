//! Seasonality of recipes (reference-app.md 2.B, B1-B6): volume per season with a chi-square
//! goodness-of-fit test, every recipe metric per season with Kruskal-Wallis (epsilon²) and ANOVA
//! (eta²), the seasonal z-score profile of nutrients, and the most seasonal ingredients and tags
//! (2 x 4 chi-square per item, Cramér's V, Benjamini-Hochberg over every tested item).
//! Seasons are meteorological (Winter = Dec-Feb ...), in the order Winter, Spring, Summer,
//! Autumn.
//!
//! ```
//! use mangetamain_analyses::recipe_table::{ItemKind, RecipeTable};
//! use mangetamain_analyses::seasonality::{season_volume, seasonal_items, seasonal_metrics, SeasonParams};
//! use mangetamain_core::{DataSource, Dataset};
//!
//! let recipes = RecipeTable::from_dataset(&Dataset::open(DataSource::BundledSample)?)?;
//! let params = SeasonParams::default();
//! let volume = season_volume(&recipes, &params)?;
//! assert_eq!(volume.counts.iter().sum::<u64>(), recipes.len() as u64);
//! let metrics = seasonal_metrics(&recipes, &params)?;
//! assert!(metrics.metrics.iter().all(|m| m.summaries.len() == 4));
//! let tags = seasonal_items(&recipes, ItemKind::Tags, &params)?;
//! assert!(tags.top.len() <= params.top_n);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod items;
pub mod metrics;
pub mod volume;

use mangetamain_core::format::date::Season;
use serde::{Deserialize, Serialize};

pub use items::{seasonal_items, SeasonalItem, SeasonalItems};
pub use metrics::{seasonal_metrics, NutrientProfile, SeasonalMetric, SeasonalMetrics};
pub use volume::{season_volume, SeasonExpectation, SeasonVolume};

/// Parameters of the seasonal analyses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SeasonParams {
    /// Inclusive year range; `None` = every year.
    pub years: Option<(i32, i32)>,
    /// Expected volume per season under "no seasonality" (default: proportional to days).
    pub expectation: SeasonExpectation,
    /// Quantile band of the per-season summaries (default Q25-Q75).
    pub band: (f64, f64),
    /// Significance level after correction (default 0.05).
    pub alpha: f64,
    /// Items shown in the most-seasonal lists (default 20).
    pub top_n: usize,
    /// Items listed by fewer recipes are not tested (default 50).
    pub min_recipes: u64,
    /// Minimum mean share over the seasons for an item to be ranked, % (default 1.0).
    pub min_mean_percent: f64,
    /// Minimum max - min seasonal share for an item to be ranked, points (default 0.5).
    pub min_range_points: f64,
}

impl Default for SeasonParams {
    fn default() -> Self {
        SeasonParams {
            years: None,
            expectation: SeasonExpectation::CalendarDays,
            band: (0.25, 0.75),
            alpha: 0.05,
            top_n: 20,
            min_recipes: 50,
            min_mean_percent: 1.0,
            min_range_points: 0.5,
        }
    }
}

/// Season names in group order.
fn season_names() -> Vec<String> {
    Season::ALL.iter().map(|s| s.name().to_string()).collect()
}
