//! The error type of the format crate: every variant names the file, and the line and column
//! where that makes sense.

use std::path::PathBuf;

/// Why a Kaggle file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
    /// The header row is not the one of this Kaggle file.
    #[error("{path}: line 1: the header is [{found}], expected the Kaggle header [{expected}]")]
    Header {
        /// The file.
        path: PathBuf,
        /// The header the file should have, comma-separated.
        expected: String,
        /// The header found, comma-separated.
        found: String,
    },
    /// The CSV structure is broken (wrong number of fields, unterminated quote...).
    #[error("{path}: line {line}: malformed CSV: {message}")]
    Csv {
        /// The file.
        path: PathBuf,
        /// 1-based line where the record starts.
        line: u64,
        /// What the CSV parser reported.
        message: String,
    },
    /// One cell does not hold a value of its column's type or shape.
    #[error("{path}: line {line}, column '{column}': {message} (value: {value:?})")]
    Field {
        /// The file.
        path: PathBuf,
        /// 1-based line where the record starts.
        line: u64,
        /// The column name from the Kaggle header.
        column: &'static str,
        /// The cell text, shortened to 80 characters.
        value: String,
        /// What is wrong with it.
        message: String,
    },
}

/// A cell that failed to decode, before the file and line are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// The column name.
    pub column: &'static str,
    /// The cell text (shortened).
    pub value: String,
    /// What is wrong with it.
    pub message: String,
}

impl FieldError {
    /// A field error for `column`, keeping at most 80 characters of the cell text.
    pub fn new(column: &'static str, value: &[u8], message: impl Into<String>) -> Self {
        let text = String::from_utf8_lossy(value);
        let value = if text.chars().count() > 80 {
            let short: String = text.chars().take(80).collect();
            format!("{short}...")
        } else {
            text.into_owned()
        };
        FieldError {
            column,
            value,
            message: message.into(),
        }
    }
}
