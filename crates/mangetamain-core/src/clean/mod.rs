//! Cleaning and enrichment of the raw tables (reference-app.md 1.4, 1.5, 1.9), with explicit,
//! documented bounds and a report of every removed row.

mod interactions;
mod recipes;

pub use interactions::{clean_interactions, CleanInteractions};
pub use recipes::{clean_recipes, CleanRecipes};

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use mangetamain_format::date::format_iso_date;

use crate::error::{FrameContext, Result};
use crate::report::Removal;

/// An inclusive range of allowed integer values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bounds {
    /// Smallest value kept.
    pub min: i64,
    /// Largest value kept.
    pub max: i64,
}

impl Bounds {
    /// Whether `value` lies within the bounds.
    pub fn contains(&self, value: i64) -> bool {
        self.min <= value && value <= self.max
    }
}

/// How the bounds of a count column (`n_steps`, `n_ingredients`) are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum BoundsRule {
    /// Fixed bounds (the default, so results do not depend on which rows were loaded).
    Fixed(Bounds),
    /// The reference app's rule: quantiles of the data left after the minutes filter, with
    /// "nearest" interpolation, truncated to integers (0.025 / 0.975 gave [2, 24] steps and
    /// [3, 17] ingredients on the real data).
    DataQuantiles {
        /// Lower quantile, e.g. 0.025.
        lower: f64,
        /// Upper quantile, e.g. 0.975.
        upper: f64,
    },
}

/// Parameters of recipe cleaning. The defaults are the reference app's values on the real data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RecipeCleaning {
    /// Allowed preparation time, minutes (default 1..=180).
    pub minutes: Bounds,
    /// Allowed number of steps (default fixed 2..=24).
    pub steps: BoundsRule,
    /// Allowed number of ingredients (default fixed 3..=17).
    pub ingredients: BoundsRule,
}

impl Default for RecipeCleaning {
    fn default() -> Self {
        RecipeCleaning {
            minutes: Bounds { min: 1, max: 180 },
            steps: BoundsRule::Fixed(Bounds { min: 2, max: 24 }),
            ingredients: BoundsRule::Fixed(Bounds { min: 3, max: 17 }),
        }
    }
}

impl RecipeCleaning {
    /// The reference app's data-quantile rule (0.025 / 0.975, nearest) for steps and ingredients.
    pub fn reference_quantile_rule() -> Self {
        let rule = BoundsRule::DataQuantiles {
            lower: 0.025,
            upper: 0.975,
        };
        RecipeCleaning {
            steps: rule,
            ingredients: rule,
            ..RecipeCleaning::default()
        }
    }
}

/// Applies rules in order to a frame: each rule sees the rows the previous ones kept, and its
/// removals are recorded.
pub(crate) struct RuleRunner {
    frame: DataFrame,
    removals: Vec<Removal>,
}

impl RuleRunner {
    pub(crate) fn new(frame: DataFrame) -> Self {
        RuleRunner {
            frame,
            removals: Vec::new(),
        }
    }

    pub(crate) fn frame(&self) -> &DataFrame {
        &self.frame
    }

    /// Keeps the rows where `keep` is true; records the others under `rule`.
    pub(crate) fn apply(&mut self, rule: &str, reason: String, keep: Vec<bool>) -> Result<()> {
        let removed = keep.iter().filter(|k| !**k).count();
        if removed > 0 {
            let mask = BooleanChunked::from_slice("keep".into(), &keep);
            self.frame = self
                .frame
                .filter(&mask)
                .frame_context(|| format!("applying cleaning rule {rule}"))?;
        }
        tracing::debug!(rule, removed, "cleaning rule");
        self.removals.push(Removal {
            rule: rule.to_string(),
            reason,
            removed,
        });
        Ok(())
    }

    pub(crate) fn finish(self) -> (DataFrame, Vec<Removal>) {
        (self.frame, self.removals)
    }
}

/// Values of an i64 column (nulls as `None`).
pub(crate) fn i64_values(frame: &DataFrame, name: &str) -> Result<Vec<Option<i64>>> {
    let column = frame
        .column(name)
        .frame_context(|| format!("column {name}"))?;
    let values = column
        .i64()
        .frame_context(|| format!("column {name} as i64"))?;
    Ok(values.iter().collect())
}

/// Days since 1970-01-01 of a date column (nulls as `None`).
pub(crate) fn date_values(frame: &DataFrame, name: &str) -> Result<Vec<Option<i32>>> {
    let column = frame
        .column(name)
        .frame_context(|| format!("column {name}"))?
        .cast(&DataType::Int32)
        .frame_context(|| format!("column {name} as days"))?;
    let values = column
        .i32()
        .frame_context(|| format!("column {name} as i32"))?;
    Ok(values.iter().collect())
}

/// Null count of each column that has nulls.
pub(crate) fn null_counts(frame: &DataFrame) -> std::collections::BTreeMap<String, usize> {
    frame
        .columns()
        .iter()
        .filter(|c| c.null_count() > 0)
        .map(|c| (c.name().to_string(), c.null_count()))
        .collect()
}

/// Values of an i32 column (nulls as `None`).
pub(crate) fn i32_values(frame: &DataFrame, name: &str) -> Result<Vec<Option<i32>>> {
    let column = frame
        .column(name)
        .frame_context(|| format!("column {name}"))?;
    let values = column
        .i32()
        .frame_context(|| format!("column {name} as i32"))?;
    Ok(values.iter().collect())
}

/// First and last date (ISO) of days since 1970-01-01, for the report.
pub(crate) fn date_range(days: &[i32]) -> Option<(String, String)> {
    let first = days.iter().min()?;
    let last = days.iter().max()?;
    Some((format_iso_date(*first), format_iso_date(*last)))
}
