//! # mangetamain-viz
#![deny(missing_docs)]

pub mod charts;
pub mod figure;
pub mod i18n;
pub mod theme;

pub use figure::{notebook_setup, plotly_js, Chart};
pub use i18n::{Lang, Msg};
