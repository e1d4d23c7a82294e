//! # mangetamain-format
//!
//! The Food.com Kaggle files ("Recipes and User Interactions", Majumder et al. 2019) as typed
//! Rust rows: exact headers, strict CSV decoding with errors that name the file, line and column,
//! and a real parser for the Python list literals stored in the cells. No dataframes, no database:
//! this crate is the small, fuzzable bottom of the stack; `mangetamain-core` builds the cleaned,
//! stored dataset on top of it.
//!
//! ```
//! use mangetamain_format::{list_literal::parse_string_list, date::parse_iso_date};
//!
//! // The reference app split on "', '" and broke items with apostrophes; this parser does not.
//! let tags = parse_string_list(r#"['60-minutes-or-less', "st-patrick's-day"]"#)?;
//! assert_eq!(tags, ["60-minutes-or-less", "st-patrick's-day"]);
//! assert_eq!(parse_iso_date("1999-08-06")?, 10809);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod date;
pub mod error;
pub mod kaggle_file;
pub mod list_literal;
pub mod reader;
pub mod records;

pub use error::{FieldError, FormatError};
pub use kaggle_file::KaggleFile;
pub use reader::{
    read_all, read_chunks, read_chunks_sized, read_record_chunks, ChunkReader, RecordChunk,
    RecordChunks,
};
pub use records::{
    KaggleRecord, PpRecipe, PpUser, RawInteraction, RawInteractionView, RawRecipe, RawRecipeView,
    SplitInteraction, NUTRITION_COLUMNS,
};
