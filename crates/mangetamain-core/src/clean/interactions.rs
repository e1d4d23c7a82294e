//! Interaction cleaning (reference-app.md 1.5): the rated interactions used by every rating
//! statistic. Reviews without a rating (rating 0) stay in the raw table and are counted here.

use polars::prelude::*;

use super::{date_range, date_values, i32_values, i64_values, null_counts, RuleRunner};
use crate::calendar::calendar_columns;
use crate::error::{FrameContext, Result};
use crate::report::TableReport;

/// Cleaned, rated interactions and their report.
#[derive(Debug, Clone)]
pub struct CleanInteractions {
    /// Columns: `user_id, recipe_id, date, rating` (1-5), `year, month, day, weekday, is_weekend,
    /// season`, plus `review_length` (characters; null for an empty review) when the source has
    /// reviews, and `u, i` for the split files.
    pub frame: DataFrame,
    /// What was removed and why.
    pub report: TableReport,
}

/// Cleans a raw interactions frame (RAW_interactions or a split file). Rules, in order:
/// 1. `missing_date`: no date;
/// 2. `no_rating`: rating 0, a review posted without stars (kept in the raw table);
/// 3. `exact_duplicate`: a row identical in every column to an earlier row.
pub fn clean_interactions(
    raw: &DataFrame,
    table: &str,
    source_file: &str,
) -> Result<CleanInteractions> {
    let context = || format!("cleaning {table}");
    let rows_in = raw.height();
    let mut runner = RuleRunner::new(rows_in);

    let keep = date_values(raw, "date")?
        .into_iter()
        .map(|d| d.is_some())
        .collect();
    runner.apply("missing_date", "no interaction date".to_string(), keep);

    let keep = i32_values(raw, "rating")?
        .into_iter()
        .map(|r| r.is_some_and(|r| (1..=5).contains(&r)))
        .collect();
    runner.apply(
        "no_rating",
        "rating 0: a review posted without a star rating (kept in the raw table)".to_string(),
        keep,
    );

    let keep = {
        let frame = raw;
        let alive = runner.alive();
        let users = i64_values(frame, "user_id")?;
        let recipes = i64_values(frame, "recipe_id")?;
        let dates = date_values(frame, "date")?;
        let ratings = i32_values(frame, "rating")?;
        let reviews: Vec<Option<&str>> = match frame.column("review") {
            Ok(column) => column.str().frame_context(context)?.iter().collect(),
            Err(_) => vec![None; frame.height()],
        };
        let mut seen = PlHashSet::with_capacity(frame.height());
        (0..frame.height())
            .map(|i| {
                !alive[i] || seen.insert((users[i], recipes[i], dates[i], ratings[i], reviews[i]))
            })
            .collect()
    };
    runner.apply(
        "exact_duplicate",
        "same user, recipe, date, rating and review as an earlier row".to_string(),
        keep,
    );

    let (keep, removals) = runner.finish();
    // The review length is computed on every row, so that the filter never copies the texts.
    let mut selected = Vec::new();
    for name in ["user_id", "recipe_id", "date", "rating"] {
        selected.push(raw.column(name).frame_context(context)?.clone());
    }
    if let Ok(reviews) = raw.column("review") {
        let lengths: Vec<Option<i64>> = reviews
            .str()
            .frame_context(context)?
            .iter()
            .map(|r| r.map(|r| r.chars().count() as i64))
            .collect();
        selected.push(Column::new("review_length".into(), lengths));
    }
    for name in ["u", "i"] {
        if let Ok(column) = raw.column(name) {
            selected.push(column.clone());
        }
    }
    let kept = DataFrame::new(rows_in, selected)
        .frame_context(context)?
        .filter(&keep)
        .frame_context(context)?;
    let days: Vec<i32> = date_values(&kept, "date")?.into_iter().flatten().collect();
    let mut columns = Vec::new();
    for name in ["user_id", "recipe_id", "date", "rating"] {
        columns.push(kept.column(name).frame_context(context)?.clone());
    }
    columns.extend(calendar_columns(&days));
    for name in ["review_length", "u", "i"] {
        if let Ok(column) = kept.column(name) {
            columns.push(column.clone());
        }
    }
    let frame = DataFrame::new(kept.height(), columns).frame_context(context)?;
    let report = TableReport {
        table: table.to_string(),
        source_file: source_file.to_string(),
        rows_in,
        rows_out: frame.height(),
        removals,
        nulls: null_counts(&frame),
        date_range: date_range(&days),
        notes: Vec::new(),
    };
    debug_assert!(report.is_balanced());
    Ok(CleanInteractions { frame, report })
}
