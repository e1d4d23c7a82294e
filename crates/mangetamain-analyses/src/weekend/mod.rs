//! Weekday / weekend effect on recipes (reference-app.md 2.C, C1-C6), by **submission day**
//! (the data have no time of day: this is about when recipes are published, not cooked):
//! volume per weekday (1 = Monday) and per period, per day of week and against the 5:2
//! expectation; metrics with Welch's t-test, Mann-Whitney and effect sizes; ingredients and tags
//! with 2 x 2 chi-square, Benjamini-Hochberg, and the top items on **both** sides ranked by the
//! absolute difference (the reference app kept only the weekend side, 6.1 item 4).
//!
//! ```
//! use mangetamain_analyses::recipe_table::{ItemKind, RecipeTable};
//! use mangetamain_analyses::weekend::{period_items, period_metrics, weekday_volume, WeekendParams};
//! use mangetamain_core::{DataSource, Dataset};
//!
//! let recipes = RecipeTable::from_dataset(&Dataset::open(DataSource::BundledSample)?)?;
//! let params = WeekendParams::default();
//! let volume = weekday_volume(&recipes, &params)?;
//! assert_eq!(volume.day_counts.len(), 7);
//! assert_eq!(volume.period_counts.iter().sum::<u64>(), recipes.len() as u64);
//! let metrics = period_metrics(&recipes, &params)?;
//! assert!(metrics.metrics.iter().all(|m| m.weekday.is_some()));
//! let ingredients = period_items(&recipes, ItemKind::Ingredients, &params)?;
//! assert!(ingredients.weekend_leaning.len() <= params.top_n);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod items;
pub mod metrics;
pub mod volume;

use serde::{Deserialize, Serialize};

pub use items::{period_items, PeriodItem, PeriodItems};
pub use metrics::{period_metrics, PeriodMetric, PeriodMetrics};
pub use volume::{weekday_volume, WeekdayVolume};

/// The two periods, in group order.
pub const PERIODS: [&str; 2] = ["Weekday", "Weekend"];

/// Parameters of the weekday / weekend analyses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WeekendParams {
    /// Inclusive year range; `None` = every year.
    pub years: Option<(i32, i32)>,
    /// Quantile band of the per-period summaries (default Q25-Q75).
    pub band: (f64, f64),
    /// Significance level after correction (default 0.05).
    pub alpha: f64,
    /// Items shown on each side (default 20).
    pub top_n: usize,
    /// Items listed by fewer recipes are not tested (default 50).
    pub min_recipes: u64,
    /// Minimum mean share of the two periods for an item to be ranked, % (default 1.0).
    pub min_mean_percent: f64,
    /// Minimum |weekend - weekday| share for an item to be ranked, points (default 0.2).
    pub min_delta_points: f64,
}

impl Default for WeekendParams {
    fn default() -> Self {
        WeekendParams {
            years: None,
            band: (0.25, 0.75),
            alpha: 0.05,
            top_n: 20,
            min_recipes: 50,
            min_mean_percent: 1.0,
            min_delta_points: 0.2,
        }
    }
}
