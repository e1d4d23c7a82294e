//! Reading frame columns into plain vectors for the statistics (which work on slices).

use polars::prelude::*;

use crate::error::{frame_error, AnalysisError};

/// The values of a numeric column as f64 (nulls dropped are reported by the caller's counts).
pub(crate) fn f64_column(frame: &DataFrame, name: &str) -> Result<Vec<Option<f64>>, AnalysisError> {
    let context = format!("reading column {name}");
    let column = frame
        .column(name)
        .and_then(|c| c.cast(&DataType::Float64))
        .map_err(frame_error(&context))?;
    let values = column.f64().map_err(frame_error(&context))?;
    Ok(values.iter().collect())
}

/// The values of an integer column as i32.
pub(crate) fn i32_column(frame: &DataFrame, name: &str) -> Result<Vec<Option<i32>>, AnalysisError> {
    let context = format!("reading column {name}");
    let column = frame
        .column(name)
        .and_then(|c| c.cast(&DataType::Int32))
        .map_err(frame_error(&context))?;
    let values = column.i32().map_err(frame_error(&context))?;
    Ok(values.iter().collect())
}
