//! # mangetamain-analyses
//!
//! Analyses of the cleaned Food.com dataset as plain functions: they take a
//! [`mangetamain_core::Dataset`] (and a parameter struct where there are choices) and return
//! typed, serde-serialisable results. No printing, no plotting, no HTML. The statistics they use
//! live in [`stats`] (the `mangetamain-stats` crate, re-exported).
//!
//! ```
//! use mangetamain_core::{Dataset, DataSource};
//! use mangetamain_analyses::overview::dataset_overview;
//!
//! let dataset = Dataset::open(DataSource::BundledSample)?;
//! let overview = dataset_overview(&dataset)?;
//! assert_eq!(overview.recipes, dataset.recipes().height());
//! assert!(overview.mean_rating > 1.0 && overview.mean_rating <= 5.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod columns;
pub mod error;
pub mod findings;
pub mod overview;
pub mod trends;

pub use error::AnalysisError;
pub use mangetamain_stats as stats;
