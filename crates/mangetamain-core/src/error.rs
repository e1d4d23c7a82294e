//! The error type of `mangetamain-core`.

use std::path::PathBuf;

use mangetamain_format::FormatError;

/// Everything that can go wrong while opening, cleaning, storing or querying the dataset.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// A Kaggle file could not be read or decoded (names the file, line and column).
    #[error(transparent)]
    Format(#[from] FormatError),
    /// The S3 source failed (names the bucket / key and what to do).
    #[cfg(feature = "s3")]
    #[error(transparent)]
    S3(#[from] crate::s3::S3Error),
    /// A required Kaggle file is missing from the source folder.
    #[error("{file} not found in {dir} (a Kaggle dataset folder holds RAW_recipes.csv and RAW_interactions.csv)")]
    MissingFile {
        /// The folder searched.
        dir: PathBuf,
        /// The missing file name.
        file: &'static str,
    },
    /// A file-system operation failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done ("create", "read"...).
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
    /// The DuckDB store failed.
    #[cfg(feature = "store")]
    #[error("DuckDB store {path}: {context}: {source}")]
    Store {
        /// The database file.
        path: PathBuf,
        /// What was being done.
        context: String,
        /// DuckDB's error.
        #[source]
        source: duckdb::Error,
    },
    /// A SQL query given by the user failed.
    #[cfg(feature = "store")]
    #[error("SQL query failed: {source} (query: {query})")]
    Sql {
        /// The query text.
        query: String,
        /// DuckDB's error.
        #[source]
        source: duckdb::Error,
    },
    /// A dataframe operation failed.
    #[error("{context}: {source}")]
    Frame {
        /// What was being built.
        context: String,
        /// Polars' error.
        #[source]
        source: polars::error::PolarsError,
    },
    /// Moving data between DuckDB and polars through the Arrow C interface failed.
    #[cfg(feature = "store")]
    #[error("Arrow transfer of {what}: {message}")]
    Arrow {
        /// The table or column being moved.
        what: String,
        /// What went wrong.
        message: String,
    },
    /// A parameter is out of its documented domain.
    #[error("invalid parameter {name}: {message}")]
    InvalidParameter {
        /// Parameter name.
        name: &'static str,
        /// Why it is invalid.
        message: String,
    },
}

/// Result alias of this crate.
pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// Adds context to polars errors.
pub(crate) trait FrameContext<T> {
    /// Wraps the error with what was being done.
    fn frame_context(self, context: impl FnOnce() -> String) -> Result<T>;
}

impl<T> FrameContext<T> for polars::error::PolarsResult<T> {
    fn frame_context(self, context: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| CoreError::Frame {
            context: context(),
            source,
        })
    }
}
