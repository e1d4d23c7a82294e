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

/// Applies rules in order over the rows of a frame: each rule only counts the rows the previous
/// ones kept, and its removals are recorded. Rows are not copied while rules run: the runner keeps
/// a mask of the rows still in, and the caller filters once at the end.
pub(crate) struct RuleRunner {
    alive: Vec<bool>,
    removals: Vec<Removal>,
}

impl RuleRunner {
    /// A runner over `rows` rows, all kept so far.
    pub(crate) fn new(rows: usize) -> Self {
        RuleRunner {
            alive: vec![true; rows],
            removals: Vec::new(),
        }
    }

    /// Whether each row is still kept.
    pub(crate) fn alive(&self) -> &[bool] {
        &self.alive
    }

    /// Removes the kept rows where `keep` is false (one value per row of the frame) and records
    /// them under `rule`.
    pub(crate) fn apply(&mut self, rule: &str, reason: String, keep: Vec<bool>) {
        let mut removed = 0;
        for (alive, keep) in self.alive.iter_mut().zip(keep) {
            if *alive && !keep {
                *alive = false;
                removed += 1;
            }
        }
        tracing::debug!(rule, removed, "cleaning rule");
        self.removals.push(Removal {
            rule: rule.to_string(),
            reason,
            removed,
        });
    }

    /// The mask of kept rows and the removals per rule.
    pub(crate) fn finish(self) -> (BooleanChunked, Vec<Removal>) {
        (
            BooleanChunked::from_slice("keep".into(), &self.alive),
            self.removals,
        )
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
