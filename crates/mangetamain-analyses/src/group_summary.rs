//! Descriptive summary of one group of values (a year, a season, a weekday period).

use mangetamain_stats::descriptive::QuantileMethod;
use mangetamain_stats::groups::RankSums;

use crate::calendar_key::GroupLookup;
use crate::recipe_table::{KeyMoments, SortedMetric};
use crate::year_range_index::{YearOffsets, YearRangeIndex};
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

/// Summaries of the groups of a metric under a calendar grouping: counts, means, standard
/// deviations (ddof 1), minima and maxima from the per-key moments of the metric; the median and
/// the band (quantiles as numpy computes them) from one pass over its sorted column, which also
/// feeds `ranks` (rank sums for a rank test in the same pass) when given. Groups are `0..groups`.
pub(crate) fn grouped_summaries(
    sorted: &SortedMetric,
    lookup: &GroupLookup,
    groups: usize,
    band: (f64, f64),
    mut ranks: Option<&mut RankSums>,
) -> Vec<Option<GroupSummary>> {
    let totals = group_totals(sorted, lookup, groups);
    let mut picks: Vec<OrderStatistics> = totals
        .iter()
        .map(|total| match total.n {
            0 => OrderStatistics::default(),
            n => OrderStatistics::of(wanted_ranks(n as usize, band)),
        })
        .collect();
    let mut seen = vec![0usize; groups];
    for (value, key) in sorted.values.iter().zip(&sorted.keys) {
        let Some(g) = lookup.group(*key).filter(|g| *g < groups) else {
            continue;
        };
        picks[g].offer(seen[g], *value);
        seen[g] += 1;
        if let Some(ranks) = ranks.as_deref_mut() {
            ranks.push(*value, g);
        }
    }
    totals
        .iter()
        .zip(&picks)
        .map(|(total, picks)| summary(total, sorted.shift, band, |rank| picks.at(rank)))
        .collect()
}

/// The summaries of [`grouped_summaries`] for a year range split within the year (`lookup` is
/// that grouping, `range` its years), with the order statistics read from the metric's
/// [`YearRangeIndex`] instead of a pass over its values.
pub(crate) fn indexed_summaries(
    sorted: &SortedMetric,
    index: &YearRangeIndex,
    lookup: &GroupLookup,
    groups: usize,
    range: &YearOffsets,
    band: (f64, f64),
) -> Vec<Option<GroupSummary>> {
    group_totals(sorted, lookup, groups)
        .iter()
        .enumerate()
        .map(|(group, total)| {
            let at = |rank| {
                index
                    .order_statistic(&sorted.values, group, range, rank)
                    .unwrap_or(f64::NAN)
            };
            summary(total, sorted.shift, band, at)
        })
        .collect()
}

/// Count, shifted sums, minimum and maximum of the values of each group (`0..groups`) of a
/// lookup, from the metric's moments per calendar key.
fn group_totals(sorted: &SortedMetric, lookup: &GroupLookup, groups: usize) -> Vec<KeyMoments> {
    let mut totals = vec![KeyMoments::EMPTY; groups];
    for (key, moments) in sorted.per_key.iter().enumerate() {
        if moments.n == 0 {
            continue;
        }
        if let Some(total) = lookup.group(key as u32).and_then(|g| totals.get_mut(g)) {
            total.merge(moments);
        }
    }
    totals
}

/// Rank of the quantile `q` of `size` values by numpy's "nearest" method.
fn nearest_rank(q: f64, size: usize) -> usize {
    ((q * (size - 1) as f64).round_ties_even() as usize).min(size - 1)
}

/// The two neighbours of the median ("linear" method).
fn median_ranks(size: usize) -> (usize, usize) {
    let h = 0.5 * (size - 1) as f64;
    (h.floor() as usize, (h.ceil() as usize).min(size - 1))
}

/// The order statistics (0-based ranks) a summary of `size` values needs: the band by numpy's
/// "nearest" method and the two neighbours of the median.
fn wanted_ranks(size: usize, band: (f64, f64)) -> [usize; 4] {
    let (lo, hi) = median_ranks(size);
    [
        nearest_rank(band.0, size),
        lo,
        hi,
        nearest_rank(band.1, size),
    ]
}

/// The summary of a group from its moments (shifted by `shift`) and `at(rank)`, its value of
/// each rank of [`wanted_ranks`]; `None` for an empty group.
fn summary(
    total: &KeyMoments,
    shift: f64,
    band: (f64, f64),
    at: impl Fn(usize) -> f64,
) -> Option<GroupSummary> {
    use mangetamain_stats::descriptive::quantile_sorted;
    let n = total.n as usize;
    if n == 0 {
        return None;
    }
    let (lo, hi) = median_ranks(n);
    let h = 0.5 * (n - 1) as f64;
    let median = quantile_sorted(
        &[at(lo), at(hi)],
        if hi > lo { h - lo as f64 } else { 0.0 },
        QuantileMethod::Linear,
    )
    .unwrap_or(f64::NAN);
    let count = n as f64;
    let variance = (total.sum_squares - total.sum * total.sum / count) / (count - 1.0);
    Some(GroupSummary {
        n,
        mean: shift + total.sum / count,
        std: if n > 1 {
            variance.max(0.0).sqrt()
        } else {
            f64::NAN
        },
        median,
        band_low: at(nearest_rank(band.0, n)),
        band_high: at(nearest_rank(band.1, n)),
        min: total.min,
        max: total.max,
    })
}

/// Up to four order statistics of a group, picked while its values pass in ascending order.
#[derive(Debug, Clone, Copy)]
struct OrderStatistics {
    /// Wanted ranks, ascending (repeats allowed).
    ranks: [usize; 4],
    values: [f64; 4],
    /// Ranks picked so far.
    picked: usize,
    /// The next wanted rank (`usize::MAX` when all are picked): one comparison per value.
    next_rank: usize,
}

impl Default for OrderStatistics {
    fn default() -> Self {
        OrderStatistics {
            ranks: [usize::MAX; 4],
            values: [f64::NAN; 4],
            picked: 4,
            next_rank: usize::MAX,
        }
    }
}

impl OrderStatistics {
    fn of(mut ranks: [usize; 4]) -> OrderStatistics {
        ranks.sort_unstable();
        OrderStatistics {
            ranks,
            values: [f64::NAN; 4],
            picked: 0,
            next_rank: ranks[0],
        }
    }

    /// The value of rank `rank` of the group.
    #[inline]
    fn offer(&mut self, rank: usize, value: f64) {
        if rank == self.next_rank {
            self.pick(rank, value);
        }
    }

    #[cold]
    fn pick(&mut self, rank: usize, value: f64) {
        while self.picked < 4 && self.ranks[self.picked] == rank {
            self.values[self.picked] = value;
            self.picked += 1;
        }
        self.next_rank = self.ranks.get(self.picked).copied().unwrap_or(usize::MAX);
    }

    fn at(&self, rank: usize) -> f64 {
        self.ranks
            .iter()
            .position(|r| *r == rank)
            .map_or(f64::NAN, |i| self.values[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values from numpy 2.4.6:
    /// `a.mean(), a.std(ddof=1), np.median(a), np.quantile(a, [0.1, 0.9], method="nearest")`
    /// for a = [1, 2, 2, 3.5, 7, 10], [0.5, 4, 9, 9] and [6].
    #[test]
    fn grouped_summaries_match_numpy() {
        use crate::calendar_key::CalendarKeys;
        // Groups by year: 2000 -> 0, 2001 -> 1, 2002 -> 2, 2003 -> 3 (no value), 1999 -> none.
        let calendar = CalendarKeys::covering(&[1999, 2003]);
        let year = |y: i32| calendar.key(y, 1 + (y % 12) as u8, 1 + (y % 7) as u8);
        let rows: Vec<(f64, i32)> = vec![
            (7.0, 2000),
            (0.5, 2001),
            (1.0, 2000),
            (2.0, 2000),
            (9.0, 2001),
            (2.0, 2000),
            (6.0, 2002),
            (3.5, 2000),
            (4.0, 2001),
            (10.0, 2000),
            (9.0, 2001),
            (5.0, 1999), // outside the groups: ignored
        ];
        let values: Vec<f64> = rows.iter().map(|r| r.0).collect();
        let keys: Vec<u32> = rows.iter().map(|r| year(r.1)).collect();
        let sorted = SortedMetric::of(&values, &keys, calendar.len());
        let lookup =
            calendar.lookup(|y, _, _| (2000..=2003).contains(&y).then(|| (y - 2000) as usize));
        let summaries = grouped_summaries(&sorted, &lookup, 4, (0.1, 0.9), None);
        let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-12, "{a} != {b}");
        let expected = [
            (6, 4.25, 3.517811819867572, 2.75, 1.0, 7.0, 1.0, 10.0),
            (4, 5.625, 4.150803135137424, 6.5, 0.5, 9.0, 0.5, 9.0),
        ];
        for (summary, (n, mean, std, median, low, high, min, max)) in summaries.iter().zip(expected)
        {
            let s = summary.as_ref().expect("a group with values");
            assert_eq!(s.n, n);
            for (got, want) in [
                (s.mean, mean),
                (s.std, std),
                (s.median, median),
                (s.band_low, low),
                (s.band_high, high),
                (s.min, min),
                (s.max, max),
            ] {
                close(got, want);
            }
        }
        let single = summaries[2].as_ref().expect("one value");
        assert_eq!((single.n, single.median, single.band_high), (1, 6.0, 6.0));
        assert!(single.std.is_nan());
        assert!(summaries[3].is_none());
    }
}
