//! The error type of the analyses.

/// Why an analysis could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    /// A dataframe operation failed (names what was being computed).
    #[error("{context}: {source}")]
    Frame {
        /// What was being computed.
        context: String,
        /// Polars' error.
        #[source]
        source: polars::error::PolarsError,
    },
    /// A statistic could not be computed.
    #[error("{context}: {source}")]
    Stats {
        /// What was being computed.
        context: String,
        /// The statistics error.
        #[source]
        source: mangetamain_stats::StatsError,
    },
    /// A value the analyses need is missing (the cleaning should have removed the row).
    #[error("column {column}, row {row}: missing value")]
    MissingValue {
        /// The column.
        column: String,
        /// Row (0-based) in the cleaned frame.
        row: usize,
    },
    /// A value outside the domain the cleaning guarantees (a frame not made by the cleaning).
    #[error("column {column}, row {row}: {message}")]
    InvalidValue {
        /// The column.
        column: String,
        /// Row (0-based) in the cleaned frame.
        row: usize,
        /// The value and what is accepted.
        message: String,
    },
    /// A parameter is out of its domain.
    #[error("parameter {name}: {message}")]
    InvalidParameter {
        /// The parameter.
        name: &'static str,
        /// What is wrong and what is accepted.
        message: String,
    },
    /// A name (ingredient, tag) that no cleaned recipe lists.
    #[error("unknown {kind} {name:?}; near matches: {}", if suggestions.is_empty() { "none".to_string() } else { suggestions.join(", ") })]
    UnknownItem {
        /// "ingredient" or "tag".
        kind: &'static str,
        /// The name asked for (normalised).
        name: String,
        /// Known names close to it.
        suggestions: Vec<String>,
    },
    /// The dataset layer failed (boxed: the core error is large).
    #[error(transparent)]
    Core(Box<mangetamain_core::CoreError>),
}

impl From<mangetamain_core::CoreError> for AnalysisError {
    fn from(error: mangetamain_core::CoreError) -> Self {
        AnalysisError::Core(Box::new(error))
    }
}

/// Adds context to polars errors.
pub(crate) fn frame_error(
    context: &str,
) -> impl FnOnce(polars::error::PolarsError) -> AnalysisError + '_ {
    move |source| AnalysisError::Frame {
        context: context.to_string(),
        source,
    }
}
