//! # mangetamain-analyses
//!
//! Analyses of the cleaned Food.com dataset as plain functions: they take the cleaned data (a
//! [`mangetamain_core::Dataset`], or for the recipe analyses a [`recipe_table::RecipeTable`]
//! prepared once from it) and a parameter struct with documented defaults, and return typed,
//! serde-serialisable results carrying their [`findings`]. No printing, no plotting, no HTML.
//! The statistics they use live in [`stats`] (the `mangetamain-stats` crate, re-exported).
//!
//! Topics: [`overview`], [`trends`] (2.A), [`seasonality`] (2.B), [`weekend`] (2.C).
//!
//! ```
//! use mangetamain_core::{Dataset, DataSource};
//! use mangetamain_analyses::overview::dataset_overview;
//! use mangetamain_analyses::recipe_table::RecipeTable;
//! use mangetamain_analyses::trends::{yearly_trends, TrendParams};
//!
//! let dataset = Dataset::open(DataSource::BundledSample)?;
//! let overview = dataset_overview(&dataset)?;
//! assert_eq!(overview.recipes, dataset.recipes().height());
//! assert!(overview.mean_rating > 1.0 && overview.mean_rating <= 5.0);
//!
//! let recipes = RecipeTable::from_dataset(&dataset)?;
//! let trends = yearly_trends(&recipes, &TrendParams::default())?;
//! let minutes = &trends.trends[0];
//! assert_eq!(minutes.n.iter().sum::<usize>(), recipes.len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod calendar_key;
mod columns;
pub mod error;
pub mod findings;
pub mod group_summary;
mod item_counts;
pub mod item_groups;
pub mod metric;
pub mod overview;
pub mod ratings;
pub mod recipe_table;
pub mod seasonality;
mod top_n;
pub mod trends;
pub mod weekend;
mod year_range_index;

pub use error::AnalysisError;
pub use mangetamain_core::format::date::Season;
pub use mangetamain_stats as stats;
