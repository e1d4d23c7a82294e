//! Typed facts derived from the numbers of an analysis, from which the web app and the notebooks
//! write their sentences in English and French (so no text can contradict its numbers).

use serde::{Deserialize, Serialize};

/// Direction of a tested trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// Significant increase.
    Up,
    /// Significant decrease.
    Down,
    /// No significant trend at the chosen level.
    Flat,
}

/// One fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Finding {
    /// The largest value of a series and where it occurs.
    Peak {
        /// The series.
        what: String,
        /// Where (a year, a season...).
        at: String,
        /// The value.
        value: f64,
    },
    /// A trend test outcome after multiple-testing correction.
    Trend {
        /// The series (column name).
        what: String,
        /// Up, down or flat.
        direction: Direction,
        /// WLS slope per year.
        slope_per_year: f64,
        /// Benjamini-Hochberg adjusted p-value.
        p_adjusted: f64,
        /// Weighted R².
        r_squared: f64,
    },
    /// How close a series is to normal (r² of its Q-Q line).
    Normality {
        /// The series.
        what: String,
        /// r² of the Q-Q fit.
        r_squared: f64,
    },
}
