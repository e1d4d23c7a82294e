//! # mangetamain-stats
//!
//! The statistics the Mangetamain analyses rest on, on plain slices (no dataframes), each
//! checked against the scipy / statsmodels function named in its documentation by differential
//! tests (`tests/against_scipy.rs`, fixtures written by `scripts/stats_fixtures.py`).
//! Distributions and special functions come from `statrs`; nothing here hand-rolls an incomplete
//! beta or gamma function.
//!
//! ```
//! use mangetamain_stats::{groups::{t_test, Variances}, multiple::{adjust_p_values, Correction}};
//!
//! let weekday = [42.0, 38.5, 45.0, 40.0, 41.5, 39.0];
//! let weekend = [44.0, 47.5, 43.0, 46.0, 45.5];
//! let test = t_test(&weekday, &weekend, Variances::Unequal)?;
//! assert!(test.t < 0.0 && test.p_value < 0.05);
//! let adjusted = adjust_p_values(&[0.01, 0.04, 0.03], Correction::BenjaminiHochberg);
//! assert!((adjusted[1] - 0.04).abs() < 1e-12);
//! # Ok::<(), mangetamain_stats::StatsError>(())
//! ```
//!
//! Bad input (too few values, NaN, zero variance, all ties) gives a [`StatsError`], never a panic.
#![deny(missing_docs)]

pub mod correlation;
pub mod counts;
pub mod descriptive;
pub mod distributions;
pub mod diversity;
pub mod error;
pub mod groups;
pub mod multiple;
pub mod normality;
pub mod ordinal;
pub mod ranks;
pub mod regression;
pub mod trend;

pub use error::{Result, StatsError};
