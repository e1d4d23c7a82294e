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

/// Group labels of every row (`NO_GROUP` outside every group), computed once per analysis so
/// that the per-metric passes read one byte per row instead of calling the grouping again.
pub(crate) fn row_labels(rows: usize, group_of: impl Fn(usize) -> Option<usize>) -> Vec<u8> {
    (0..rows)
        .map(|row| group_of(row).map_or(NO_GROUP, |g| g as u8))
        .collect()
}

/// The label of rows outside every group.
pub(crate) const NO_GROUP: u8 = u8::MAX;

/// The group of a row from its label.
pub(crate) fn label_group(labels: &[u8]) -> impl Fn(usize) -> Option<usize> + Sync + '_ {
    move |row| {
        let label = labels[row];
        (label != NO_GROUP).then_some(label as usize)
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

/// Summaries of every group from the rows of a variable in ascending value order (as
/// `RecipeTable::sorted_rows` gives them): two passes over the rows, no selection per group.
/// The same numbers as [`GroupSummary::of`] on each group's values.
pub(crate) fn summaries_from_sorted(
    values: &[f64],
    sorted_rows: &[u32],
    groups: usize,
    group_of: impl Fn(usize) -> Option<usize>,
    band: (f64, f64),
) -> Vec<Option<GroupSummary>> {
    use mangetamain_stats::descriptive::quantile_sorted;
    let mut n = vec![0usize; groups];
    let mut sum = vec![0.0f64; groups];
    let mut min = vec![f64::NAN; groups];
    let mut max = vec![f64::NAN; groups];
    let labelled = || {
        sorted_rows
            .iter()
            .filter_map(|row| group_of(*row as usize).map(|g| (values[*row as usize], g)))
            .filter(|(_, g)| *g < groups)
    };
    for (value, g) in labelled() {
        if n[g] == 0 {
            min[g] = value;
        }
        max[g] = value;
        n[g] += 1;
        sum[g] += value;
    }
    // The order statistics each group needs (0-based ranks), as numpy's quantile methods.
    let requests = [
        (band.0, QuantileMethod::Nearest),
        (0.5, QuantileMethod::Linear),
        (band.1, QuantileMethod::Nearest),
    ];
    let wanted: Vec<Vec<usize>> = n
        .iter()
        .map(|&size| {
            if size == 0 {
                return Vec::new();
            }
            let last = (size - 1) as f64;
            let mut ranks = Vec::new();
            for (q, method) in requests {
                let h = q * last;
                match method {
                    QuantileMethod::Nearest => {
                        ranks.push((h.round_ties_even() as usize).min(size - 1))
                    }
                    _ => {
                        ranks.push(h.floor() as usize);
                        ranks.push((h.ceil() as usize).min(size - 1));
                    }
                }
            }
            ranks
        })
        .collect();
    let mut found: Vec<Vec<(usize, f64)>> = vec![Vec::new(); groups];
    let mut seen = vec![0usize; groups];
    let mut squares = vec![0.0f64; groups];
    let means: Vec<f64> = (0..groups).map(|g| sum[g] / n[g] as f64).collect();
    for (value, g) in labelled() {
        if wanted[g].contains(&seen[g]) {
            found[g].push((seen[g], value));
        }
        seen[g] += 1;
        squares[g] += (value - means[g]) * (value - means[g]);
    }
    (0..groups)
        .map(|g| {
            if n[g] == 0 {
                return None;
            }
            let at = |rank: usize| {
                found[g]
                    .iter()
                    .find(|(r, _)| *r == rank)
                    .map_or(f64::NAN, |(_, v)| *v)
            };
            let last = (n[g] - 1) as f64;
            let quantile = |q: f64, method: QuantileMethod| -> f64 {
                let h = q * last;
                let (lo, hi) = (h.floor() as usize, (h.ceil() as usize).min(n[g] - 1));
                match method {
                    QuantileMethod::Nearest => at((h.round_ties_even() as usize).min(n[g] - 1)),
                    _ => quantile_sorted(
                        &[at(lo), at(hi)],
                        if hi > lo { h - lo as f64 } else { 0.0 },
                        method,
                    )
                    .unwrap_or(f64::NAN),
                }
            };
            Some(GroupSummary {
                n: n[g],
                mean: means[g],
                std: if n[g] > 1 {
                    (squares[g] / (n[g] - 1) as f64).sqrt()
                } else {
                    f64::NAN
                },
                median: quantile(0.5, QuantileMethod::Linear),
                band_low: quantile(band.0, QuantileMethod::Nearest),
                band_high: quantile(band.1, QuantileMethod::Nearest),
                min: min[g],
                max: max[g],
            })
        })
        .collect()
}
