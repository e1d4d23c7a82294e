//! Reading frame columns into plain vectors for the statistics (which work on slices).

use polars::prelude::*;

use crate::error::{frame_error, AnalysisError};

/// The column called `name`, found by comparing names rather than through the frame's cached
/// schema: that hash map's lookups fail when the frame was built by another copy of polars, as
/// in a notebook where each evcxr cell is its own library (a frame opened in one cell was not
/// found by name in the next).
pub(crate) fn named<'a>(frame: &'a DataFrame, name: &str) -> PolarsResult<&'a Column> {
    frame
        .columns()
        .iter()
        .find(|column| column.name().as_str() == name)
        .ok_or_else(|| polars_err!(ColumnNotFound: "{name}"))
}

/// The values of a numeric column as f64 (nulls dropped are reported by the caller's counts).
pub(crate) fn f64_column(frame: &DataFrame, name: &str) -> Result<Vec<Option<f64>>, AnalysisError> {
    let context = format!("reading column {name}");
    let column = named(frame, name)
        .and_then(|c| c.cast(&DataType::Float64))
        .map_err(frame_error(&context))?;
    let values = column.f64().map_err(frame_error(&context))?;
    Ok(values.iter().collect())
}

/// The values of an integer column as i32.
pub(crate) fn i32_column(frame: &DataFrame, name: &str) -> Result<Vec<Option<i32>>, AnalysisError> {
    let context = format!("reading column {name}");
    let column = named(frame, name)
        .and_then(|c| c.cast(&DataType::Int32))
        .map_err(frame_error(&context))?;
    let values = column.i32().map_err(frame_error(&context))?;
    Ok(values.iter().collect())
}

/// The values of an integer column that the analyses need on every row: a null is an error
/// naming the column and row.
pub(crate) fn required_i32_column(
    frame: &DataFrame,
    name: &str,
) -> Result<Vec<i32>, AnalysisError> {
    i32_column(frame, name)?
        .into_iter()
        .enumerate()
        .map(|(row, value)| {
            value.ok_or_else(|| AnalysisError::MissingValue {
                column: name.to_string(),
                row,
            })
        })
        .collect()
}

/// The values of an id column (i64) that must be present on every row.
pub(crate) fn required_i64_column(
    frame: &DataFrame,
    name: &str,
) -> Result<Vec<i64>, AnalysisError> {
    let context = format!("reading column {name}");
    let column = named(frame, name)
        .and_then(|c| c.cast(&DataType::Int64))
        .map_err(frame_error(&context))?;
    let values = column.i64().map_err(frame_error(&context))?;
    values
        .iter()
        .enumerate()
        .map(|(row, value)| {
            value.ok_or_else(|| AnalysisError::MissingValue {
                column: name.to_string(),
                row,
            })
        })
        .collect()
}
