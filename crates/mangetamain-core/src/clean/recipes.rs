//! Recipe cleaning (reference-app.md 1.4) and enrichment (1.9).

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::{
    date_range, date_values, i64_values, null_counts, Bounds, BoundsRule, RecipeCleaning,
    RuleRunner,
};
use crate::calendar::calendar_columns;
use crate::error::{CoreError, FrameContext, Result};
use crate::raw::RawRecipes;
use crate::report::TableReport;

/// Cleaned, enriched recipes and their report.
#[derive(Debug, Clone)]
pub struct CleanRecipes {
    /// The cleaned recipes; columns listed in [`clean_recipes`].
    pub frame: DataFrame,
    /// What was removed and why.
    pub report: TableReport,
    /// The bounds actually applied (resolved when a quantile rule was chosen).
    pub applied: AppliedBounds,
}

/// The bounds the cleaning applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedBounds {
    /// Minutes window.
    pub minutes: Bounds,
    /// Steps window.
    pub steps: Bounds,
    /// Ingredients window.
    pub ingredients: Bounds,
}

/// Cleans and enriches raw recipes. Rules, in order (each row is counted by the first it fails):
/// 1. `duplicate_id`: a recipe id seen on an earlier row;
/// 2. `minutes_out_of_range`: minutes outside `params.minutes`;
/// 3. `steps_out_of_range`, then `ingredients_out_of_range`: `n_steps` / `n_ingredients` outside
///    the fixed bounds or the data-quantile bounds;
/// 4. `missing_submitted`, `missing_name`;
/// 5. `negative_calories` (calories < 0 or not a number), `no_ingredients` (`n_ingredients <= 0`).
///
/// Output columns: `id, name, contributor_id, submitted, year, month, day, weekday, is_weekend,
/// season, minutes, n_steps, n_ingredients, complexity_score, calories, total_fat_pct, sugar_pct,
/// sodium_pct, protein_pct, sat_fat_pct, carb_pct, tags, ingredients, avg_step_length,
/// description_length`, where `complexity_score = ln(1 + minutes) + n_steps + 0.5 n_ingredients`,
/// `avg_step_length` is the mean number of characters per step and `description_length` the
/// number of characters of the description (null when there is none). Step and description texts
/// stay in the raw table (`Dataset::sql` reaches them).
pub fn clean_recipes(raw: &RawRecipes, params: &RecipeCleaning) -> Result<CleanRecipes> {
    let rows_in = raw.frame.height();
    let raw_frame = &raw.frame;
    let mut runner = RuleRunner::new(rows_in);

    let mut seen = PlHashSet::with_capacity(rows_in);
    let keep = i64_values(raw_frame, "id")?
        .into_iter()
        .map(|id| seen.insert(id))
        .collect();
    runner.apply(
        "duplicate_id",
        "recipe id already seen on an earlier row (the first row is kept)".to_string(),
        keep,
    );

    let minutes = params.minutes;
    let keep = i64_values(raw_frame, "minutes")?
        .into_iter()
        .map(|m| m.is_some_and(|m| minutes.contains(m)))
        .collect();
    runner.apply(
        "minutes_out_of_range",
        format!("minutes outside [{}, {}]", minutes.min, minutes.max),
        keep,
    );

    let mut applied = AppliedBounds {
        minutes,
        steps: Bounds { min: 0, max: 0 },
        ingredients: Bounds { min: 0, max: 0 },
    };
    for (column, rule_name, rule, slot) in [
        ("n_steps", "steps_out_of_range", params.steps, 0),
        (
            "n_ingredients",
            "ingredients_out_of_range",
            params.ingredients,
            1,
        ),
    ] {
        let values = i64_values(raw_frame, column)?;
        let remaining: Vec<Option<i64>> = values
            .iter()
            .zip(runner.alive())
            .filter(|(_, alive)| **alive)
            .map(|(value, _)| *value)
            .collect();
        let (bounds, how) = resolve_bounds(column, rule, &remaining)?;
        if slot == 0 {
            applied.steps = bounds;
        } else {
            applied.ingredients = bounds;
        }
        let keep = values
            .into_iter()
            .map(|v| v.is_some_and(|v| bounds.contains(v)))
            .collect();
        runner.apply(
            rule_name,
            format!("{column} outside [{}, {}] ({how})", bounds.min, bounds.max),
            keep,
        );
    }

    let keep = date_values(raw_frame, "submitted")?
        .into_iter()
        .map(|d| d.is_some())
        .collect();
    runner.apply("missing_submitted", "no submission date".to_string(), keep);
    let keep = raw_frame
        .column("name")
        .frame_context(|| "column name".to_string())?
        .str()
        .frame_context(|| "column name as text".to_string())?
        .iter()
        .map(|n| n.is_some())
        .collect();
    runner.apply("missing_name", "empty recipe name".to_string(), keep);
    let keep = raw_frame
        .column("calories")
        .frame_context(|| "column calories".to_string())?
        .f64()
        .frame_context(|| "column calories as f64".to_string())?
        .iter()
        .map(|c| c.is_some_and(|c| c >= 0.0))
        .collect();
    runner.apply(
        "negative_calories",
        "calories negative or not a number".to_string(),
        keep,
    );
    let keep = i64_values(raw_frame, "n_ingredients")?
        .into_iter()
        .map(|n| n.is_some_and(|n| n > 0))
        .collect();
    runner.apply("no_ingredients", "n_ingredients <= 0".to_string(), keep);

    let (keep, removals) = runner.finish();
    let frame = enrich(raw_frame, &keep)?;
    let days: Vec<i32> = date_values(&frame, "submitted")?
        .into_iter()
        .flatten()
        .collect();
    let mut notes = vec![format!(
        "{} tag or ingredient names changed by normalisation (trim, lower case)",
        raw.normalised_names
    )];
    if raw.n_steps_mismatches > 0 || raw.n_ingredients_mismatches > 0 {
        notes.push(format!(
            "{} rows with n_steps != number of steps, {} with n_ingredients != number of ingredients (the file's counts are used)",
            raw.n_steps_mismatches, raw.n_ingredients_mismatches
        ));
    }
    let report = TableReport {
        table: "recipes".to_string(),
        source_file: "RAW_recipes.csv".to_string(),
        rows_in,
        rows_out: frame.height(),
        removals,
        nulls: null_counts(&frame),
        date_range: date_range(&days),
        notes,
    };
    debug_assert!(report.is_balanced());
    Ok(CleanRecipes {
        frame,
        report,
        applied,
    })
}

/// Resolves a bounds rule on the values left so far; returns the bounds and how they were chosen.
fn resolve_bounds(
    column: &'static str,
    rule: BoundsRule,
    values: &[Option<i64>],
) -> Result<(Bounds, String)> {
    match rule {
        BoundsRule::Fixed(bounds) => Ok((bounds, "fixed bounds".to_string())),
        BoundsRule::DataQuantiles { lower, upper } => {
            if !(0.0..=1.0).contains(&lower) || !(0.0..=1.0).contains(&upper) || lower > upper {
                return Err(CoreError::InvalidParameter {
                    name: "DataQuantiles",
                    message: format!(
                        "quantiles must satisfy 0 <= lower <= upper <= 1, got {lower} and {upper}"
                    ),
                });
            }
            let mut sorted: Vec<i64> = values.iter().flatten().copied().collect();
            sorted.sort_unstable();
            if sorted.is_empty() {
                return Err(CoreError::InvalidParameter {
                    name: column,
                    message: "no rows left to compute quantile bounds".to_string(),
                });
            }
            let bounds = Bounds {
                min: nearest_quantile(&sorted, lower),
                max: nearest_quantile(&sorted, upper),
            };
            Ok((
                bounds,
                format!("data quantiles {lower} / {upper}, nearest, truncated"),
            ))
        }
    }
}

/// Polars' "nearest" quantile of sorted integers: the element at `round(q * (n - 1))`.
fn nearest_quantile(sorted: &[i64], q: f64) -> i64 {
    let index = (q * (sorted.len() - 1) as f64).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// Keeps the rows of `keep`, adds the derived columns and selects the cleaned schema.
fn enrich(raw: &DataFrame, keep: &BooleanChunked) -> Result<DataFrame> {
    let context = || "enriching recipes".to_string();
    let mut selected = Vec::new();
    for name in ["id", "name", "contributor_id", "submitted"]
        .into_iter()
        .chain(["minutes", "n_steps", "n_ingredients"])
        .chain(mangetamain_format::NUTRITION_COLUMNS)
        .chain([
            "tags",
            "ingredients",
            "avg_step_length",
            "description_length",
        ])
    {
        selected.push(raw.column(name).frame_context(context)?.clone());
    }
    let kept = DataFrame::new(raw.height(), selected)
        .frame_context(context)?
        .filter(keep)
        .frame_context(context)?;

    let days: Vec<i32> = date_values(&kept, "submitted")?
        .into_iter()
        .flatten()
        .collect();
    let minutes = i64_values(&kept, "minutes")?;
    let steps = i64_values(&kept, "n_steps")?;
    let ingredients = i64_values(&kept, "n_ingredients")?;
    let complexity: Vec<f64> = minutes
        .iter()
        .zip(&steps)
        .zip(&ingredients)
        .map(|((m, s), i)| {
            (1.0 + m.unwrap_or(0) as f64).ln() + s.unwrap_or(0) as f64 + 0.5 * i.unwrap_or(0) as f64
        })
        .collect();
    let mut columns = Vec::new();
    for name in ["id", "name", "contributor_id", "submitted"] {
        columns.push(kept.column(name).frame_context(context)?.clone());
    }
    columns.extend(calendar_columns(&days));
    for name in ["minutes", "n_steps", "n_ingredients"] {
        columns.push(kept.column(name).frame_context(context)?.clone());
    }
    columns.push(Column::new("complexity_score".into(), complexity));
    for name in mangetamain_format::NUTRITION_COLUMNS.into_iter().chain([
        "tags",
        "ingredients",
        "avg_step_length",
        "description_length",
    ]) {
        columns.push(kept.column(name).frame_context(context)?.clone());
    }
    DataFrame::new(kept.height(), columns).frame_context(context)
}
