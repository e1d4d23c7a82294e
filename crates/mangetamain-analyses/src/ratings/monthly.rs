//! Monthly aggregation of ratings (reference-app.md 1.6): mean, median, standard deviation and
//! volume per calendar month, a minimum-volume threshold, and what the threshold removed. The
//! time axis is the real number of months since the first kept month (the reference regressed on
//! the index of kept months, which collapses gaps; 6.4 item 1).

use serde::{Deserialize, Serialize};

use super::groups::stars;
use super::table::RatingTable;
use crate::error::AnalysisError;
use crate::trends::yearly::in_range;

/// Parameters of the monthly aggregation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MonthlyParams {
    /// Months with fewer ratings are excluded from the monthly series (default 100; the
    /// reference documents >= 100 as robust, >= 50 as acceptable).
    pub min_ratings: u64,
    /// Inclusive year range; `None` = every year.
    pub years: Option<(i32, i32)>,
}

impl Default for MonthlyParams {
    fn default() -> Self {
        MonthlyParams {
            min_ratings: 100,
            years: None,
        }
    }
}

/// One calendar month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthRatings {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
    /// Months since the first month with ratings (real calendar distance).
    pub months_since_start: i32,
    /// Ratings in the month.
    pub n: u64,
    /// Mean rating.
    pub mean: f64,
    /// Median rating.
    pub median: f64,
    /// Standard deviation (ddof 1; NaN for a single rating).
    pub std: f64,
    /// Whether the month reaches the threshold.
    pub kept: bool,
}

/// What the threshold did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyMetadata {
    /// The threshold applied.
    pub min_ratings: u64,
    /// Months with at least one rating.
    pub months_total: usize,
    /// Months below the threshold.
    pub months_excluded: usize,
    /// Months kept.
    pub months_kept: usize,
    /// Excluded months, % of the months with ratings.
    pub percent_excluded: f64,
    /// Ratings in excluded months (left out of the monthly series only).
    pub ratings_excluded: u64,
    /// First and last month with ratings, "YYYY-MM".
    pub period_all: Option<(String, String)>,
    /// First and last kept month.
    pub period_kept: Option<(String, String)>,
    /// Calendar months between the first and last kept month that are not kept.
    pub gap_months: usize,
    /// Mean ratings per month with ratings.
    pub mean_volume_all: f64,
    /// Mean ratings per kept month.
    pub mean_volume_kept: f64,
}

/// The monthly series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyRatings {
    /// Every month with ratings, in calendar order (kept or not).
    pub months: Vec<MonthRatings>,
    /// What the threshold did.
    pub metadata: MonthlyMetadata,
}

impl MonthlyRatings {
    /// The kept months, in calendar order.
    pub fn kept(&self) -> impl Iterator<Item = &MonthRatings> {
        self.months.iter().filter(|m| m.kept)
    }
}

/// Aggregates ratings per calendar month.
pub fn monthly_ratings(
    table: &RatingTable,
    params: &MonthlyParams,
) -> Result<MonthlyRatings, AnalysisError> {
    // Ratings per star of each month of the range, from the counts per calendar key.
    let calendar = table.calendar();
    let month_of_key = |key: usize| {
        let (year, month, _) = calendar.date(key as u32);
        in_range(year, params.years).then(|| year * 12 + i32::from(month) - 1)
    };
    let stars_per_key = table.stars_per_key();
    let (first, last) = (0..stars_per_key.len())
        .filter(|key| stars_per_key[*key].iter().any(|c| *c > 0))
        .filter_map(month_of_key)
        .fold((i32::MAX, i32::MIN), |(lo, hi), k| (lo.min(k), hi.max(k)));
    let mut counts: Vec<[u64; 5]> = if first <= last {
        vec![[0; 5]; (last - first + 1) as usize]
    } else {
        Vec::new()
    };
    for (key, stars) in stars_per_key.iter().enumerate() {
        if stars.iter().all(|c| *c == 0) {
            continue; // (a month without ratings may lie outside first..=last)
        }
        if let Some(k) = month_of_key(key) {
            for (total, count) in counts[(k - first) as usize].iter_mut().zip(stars) {
                *total += count;
            }
        }
    }
    let mut months = Vec::new();
    let mut first_kept: Option<i32> = None;
    for (offset, month_counts) in counts.iter().enumerate() {
        let stats = stars(month_counts);
        if stats.n() == 0 {
            continue;
        }
        let k = first + offset as i32;
        let kept = stats.n() >= params.min_ratings;
        if kept && first_kept.is_none() {
            first_kept = Some(k);
        }
        months.push(MonthRatings {
            year: k.div_euclid(12),
            month: (k.rem_euclid(12) + 1) as u8,
            months_since_start: k - first,
            n: stats.n(),
            mean: stats.mean(),
            median: stats.median(),
            std: stats.variance(1).sqrt(),
            kept,
        });
    }
    // The time axis starts at the first kept month.
    let start = first_kept.map_or(0, |k| k - first);
    for month in &mut months {
        month.months_since_start -= start;
    }
    let metadata = metadata(&months, params.min_ratings);
    Ok(MonthlyRatings { months, metadata })
}

fn label(month: &MonthRatings) -> String {
    format!("{:04}-{:02}", month.year, month.month)
}

fn metadata(months: &[MonthRatings], min_ratings: u64) -> MonthlyMetadata {
    let kept: Vec<&MonthRatings> = months.iter().filter(|m| m.kept).collect();
    let total_ratings: u64 = months.iter().map(|m| m.n).sum();
    let kept_ratings: u64 = kept.iter().map(|m| m.n).sum();
    let span = |list: &[&MonthRatings]| -> Option<(String, String)> {
        Some((label(list.first()?), label(list.last()?)))
    };
    let all: Vec<&MonthRatings> = months.iter().collect();
    let gap_months = match (kept.first(), kept.last()) {
        (Some(a), Some(b)) => {
            (b.months_since_start - a.months_since_start + 1) as usize - kept.len()
        }
        _ => 0,
    };
    MonthlyMetadata {
        min_ratings,
        months_total: months.len(),
        months_excluded: months.len() - kept.len(),
        months_kept: kept.len(),
        percent_excluded: 100.0 * (months.len() - kept.len()) as f64 / months.len() as f64,
        ratings_excluded: total_ratings - kept_ratings,
        period_all: span(&all),
        period_kept: span(&kept),
        gap_months,
        mean_volume_all: total_ratings as f64 / months.len() as f64,
        mean_volume_kept: kept_ratings as f64 / kept.len() as f64,
    }
}
