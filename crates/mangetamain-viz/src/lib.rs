//! # mangetamain-viz
//!
//! Plotly charts of the analysis results, one visual theme, EN / FR labels. This crate is the
//! charts layer of the workspace: it depends on `mangetamain-analyses` result types and never on
//! the dataset, the store or HTTP. Charts arrive with the charts issue; for now the crate only
//! states its place in the architecture (see ARCHITECTURE.md).
//!
//! ```
//! // The layer below is available to chart code:
//! use mangetamain_analyses::overview::Overview;
//! let _ = std::mem::size_of::<Overview>();
//! ```
#![deny(missing_docs)]
