//! # mangetamain-core
//!
//! The Food.com Kaggle dataset ("Recipes and User Interactions") as a clean, typed, analysable
//! dataset: Kaggle files are parsed (through `mangetamain-format`), cleaned with explicit,
//! documented rules whose every removal is reported, enriched with calendar and complexity
//! features, stored in a persistent DuckDB database, and handed to analyses as polars frames.
//!
//! ```
//! use mangetamain_core::{Dataset, DataSource};
//!
//! let dataset = Dataset::open(DataSource::BundledSample)?;
//! let report = dataset.cleaning_report().table("recipes").unwrap();
//! assert!(report.is_balanced()); // rows in - removed == rows out
//! assert_eq!(dataset.recipes().height(), report.rows_out);
//!
//! // Ad-hoc SQL over raw and cleaned tables, answered as a polars frame.
//! let unrated = dataset.sql("SELECT count(*) AS n FROM raw_interactions WHERE rating = 0")?;
//! assert_eq!(unrated.height(), 1);
//! # Ok::<(), mangetamain_core::CoreError>(())
//! ```
//!
//! Layers inside the crate, bottom-up: [`raw`] (files to frames) -> [`clean`] (rules, report,
//! enrichment) -> [`store`] (DuckDB, through [`arrow_bridge`]) -> [`dataset`] (the handle).
//! [`synthetic`] writes realistic files in the exact Kaggle format; [`s3`] brings the files from
//! an S3-compatible bucket into a local cache and publishes derived artefacts.
#![deny(missing_docs)]

#[cfg(feature = "store")]
pub mod arrow_bridge;
pub mod calendar;
pub mod clean;
pub mod dataset;
pub mod error;
#[cfg(feature = "store")]
mod frames_cache;
pub mod names;
pub mod progress;
pub mod raw;
#[cfg(feature = "store")]
pub mod raw_import;
pub mod report;
#[cfg(feature = "s3")]
pub mod s3;
pub mod source;
#[cfg(feature = "store")]
pub mod store;
pub mod synthetic;

pub use clean::{Bounds, BoundsRule, RecipeCleaning};
pub use dataset::{Dataset, LoadInfo, OpenOptions};
pub use error::{CoreError, Result};
pub use mangetamain_format as format;
/// The polars version the frames are built with (notebooks and callers use it without a
/// separate dependency that could resolve another version).
pub use polars;
pub use report::{CleaningReport, Removal, TableReport};
pub use source::DataSource;
