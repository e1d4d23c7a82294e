//! Descriptive summary of one group of values (a year, a season, a weekday period).

use mangetamain_stats::descriptive::{quantiles_unsorted, QuantileMethod};
use serde::{Deserialize, Serialize};

/// n, mean, standard deviation, median and a quantile band of a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSummary {
    /// Values in the group (missing values excluded; counted by the caller).
    pub n: usize,
    /// Arithmetic mean.
    pub mean: f64,
    /// Standard deviation, ddof 1 (NaN for n = 1).
    pub std: f64,
    /// Median (linear interpolation, numpy's default).
    pub median: f64,
    /// Lower quantile of the band ("nearest", as the reference app's polars call).
    pub band_low: f64,
    /// Upper quantile of the band.
    pub band_high: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
}

impl GroupSummary {
    /// Summarises finite values (reordered in place); `None` for an empty group.
    pub(crate) fn of(values: &mut [f64], band: (f64, f64)) -> Option<GroupSummary> {
        if values.is_empty() {
            return None;
        }
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let std = (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0)).sqrt();
        let quantiles = quantiles_unsorted(
            values,
            &[
                (band.0, QuantileMethod::Nearest),
                (0.5, QuantileMethod::Linear),
                (band.1, QuantileMethod::Nearest),
            ],
        )
        .ok()?;
        let (median, band) = (quantiles[1], [quantiles[0], quantiles[2]]);
        Some(GroupSummary {
            n: values.len(),
            mean,
            std: if values.len() > 1 { std } else { f64::NAN },
            median,
            band_low: band[0],
            band_high: band[1],
            min: values.iter().copied().fold(f64::INFINITY, f64::min),
            max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        })
    }
}

/// Checks a quantile band parameter.
pub(crate) fn check_band(band: (f64, f64)) -> Result<(), crate::AnalysisError> {
    if (0.0..=1.0).contains(&band.0) && (0.0..=1.0).contains(&band.1) && band.0 <= band.1 {
        Ok(())
    } else {
        Err(crate::AnalysisError::InvalidParameter {
            name: "band",
            message: format!(
                "quantiles must satisfy 0 <= low <= high <= 1, got ({}, {})",
                band.0, band.1
            ),
        })
    }
}

/// Splits the finite values of a variable by group; also returns how many rows of a group had
/// no value.
pub(crate) fn values_by_group(
    values: &[f64],
    groups: usize,
    group_of: impl Fn(usize) -> Option<usize>,
) -> (Vec<Vec<f64>>, usize) {
    let mut by_group = vec![Vec::new(); groups];
    let mut missing = 0;
    for (row, value) in values.iter().enumerate() {
        if let Some(group) = group_of(row) {
            if value.is_finite() {
                by_group[group].push(*value);
            } else {
                missing += 1;
            }
        }
    }
    (by_group, missing)
}

/// Indices of the largest and smallest values (first on ties).
pub(crate) fn extremes<T: PartialOrd + Copy>(values: &[T]) -> (usize, usize) {
    let mut high = 0;
    let mut low = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[high] {
            high = i;
        }
        if *v < values[low] {
            low = i;
        }
    }
    (high, low)
}
