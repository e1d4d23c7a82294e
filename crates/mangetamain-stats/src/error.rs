//! The error type of the statistics crate.

/// Why a statistic cannot be computed from the given data.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StatsError {
    /// Not enough observations (or groups) for this statistic.
    #[error("{what} needs at least {needed} values, got {got}")]
    TooFewValues {
        /// The statistic.
        what: &'static str,
        /// Minimum number required.
        needed: usize,
        /// Number given.
        got: usize,
    },
    /// A value is NaN or infinite.
    #[error("{what}: input contains NaN or infinite values")]
    NonFinite {
        /// The statistic.
        what: &'static str,
    },
    /// The data have no variation where the statistic needs some.
    #[error("{what}: all values are identical (zero variance)")]
    ZeroVariance {
        /// The statistic.
        what: &'static str,
    },
    /// Paired inputs differ in length.
    #[error("{what}: inputs have different lengths ({left} and {right})")]
    LengthMismatch {
        /// The statistic.
        what: &'static str,
        /// Length of the first input.
        left: usize,
        /// Length of the second input.
        right: usize,
    },
    /// A parameter is outside its domain.
    #[error("{what}: {message}")]
    InvalidInput {
        /// The statistic.
        what: &'static str,
        /// What is wrong.
        message: String,
    },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, StatsError>;

/// Checks that every value is finite.
pub(crate) fn check_finite(what: &'static str, values: &[f64]) -> Result<()> {
    if values.iter().all(|v| v.is_finite()) {
        Ok(())
    } else {
        Err(StatsError::NonFinite { what })
    }
}

/// Checks a minimum length.
pub(crate) fn check_len(what: &'static str, values: &[f64], needed: usize) -> Result<()> {
    if values.len() >= needed {
        Ok(())
    } else {
        Err(StatsError::TooFewValues {
            what,
            needed,
            got: values.len(),
        })
    }
}

/// Checks that paired inputs have the same length.
pub(crate) fn check_pair(what: &'static str, x: &[f64], y: &[f64]) -> Result<()> {
    if x.len() == y.len() {
        Ok(())
    } else {
        Err(StatsError::LengthMismatch {
            what,
            left: x.len(),
            right: y.len(),
        })
    }
}
