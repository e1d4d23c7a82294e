//! # mangetamain-viz
//!
//! Plotly charts of the analysis results (reference-app.md 2.A-2.D), one visual identity
//! ([`theme`]: the dark "Back to the Kitchen" palette, Michroma / Inter, transparent
//! backgrounds, a distinct colour per season and per period), every label through a typed
//! EN / FR message key ([`i18n::Msg`]). Each chart function takes an analysis result and a
//! [`Lang`] and returns a [`Chart`], which renders as a standalone HTML page (plotly.js embedded,
//! offline), a fragment for the web app, JSON, or an evcxr notebook display. This crate does no
//! I/O and computes no statistic: axis ranges come from the data, box plots from precomputed
//! quartiles, significance marks from the analyses' corrected p-values. [`narrative`] writes the
//! interpretation sentences from the analyses' findings.
//!
//! ```
//! use mangetamain_analyses::recipe_table::RecipeTable;
//! use mangetamain_analyses::trends::{recipe_volume, TrendParams};
//! use mangetamain_core::{DataSource, Dataset};
//! use mangetamain_viz::charts::trends::recipe_volume_chart;
//! use mangetamain_viz::Lang;
//!
//! let recipes = RecipeTable::from_dataset(&Dataset::open(DataSource::BundledSample)?)?;
//! let volume = recipe_volume(&recipes, &TrendParams::default())?;
//! let chart = recipe_volume_chart(&volume, Lang::Fr, true);
//! let json = chart.to_json();
//! assert!(json.contains("Recettes par année"));
//! assert!(chart.to_fragment("volume").contains("Plotly.newPlot"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod charts;
pub mod figure;
pub mod i18n;
pub mod narrative;
pub mod theme;

pub use figure::{notebook_setup, plotly_js, Chart};
pub use i18n::{Lang, Msg};
