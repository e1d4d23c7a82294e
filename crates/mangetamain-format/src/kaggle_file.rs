//! The seven CSV files of the Kaggle dataset: their file names and exact headers.

use serde::{Deserialize, Serialize};

/// One of the Kaggle CSV files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KaggleFile {
    /// `RAW_recipes.csv`: 231,637 recipes.
    RawRecipes,
    /// `RAW_interactions.csv`: 1,132,367 reviews and ratings.
    RawInteractions,
    /// `interactions_train.csv`: the ML training split (698,901 rows).
    InteractionsTrain,
    /// `interactions_validation.csv`: the ML validation split (7,023 rows).
    InteractionsValidation,
    /// `interactions_test.csv`: the ML test split (12,455 rows).
    InteractionsTest,
    /// `PP_recipes.csv`: tokenised recipes (178,265 rows).
    PpRecipes,
    /// `PP_users.csv`: per-user techniques, items and ratings (25,076 rows).
    PpUsers,
}

impl KaggleFile {
    /// Every file, in the order the dataset lists them.
    pub const ALL: [KaggleFile; 7] = [
        KaggleFile::RawRecipes,
        KaggleFile::RawInteractions,
        KaggleFile::InteractionsTrain,
        KaggleFile::InteractionsValidation,
        KaggleFile::InteractionsTest,
        KaggleFile::PpRecipes,
        KaggleFile::PpUsers,
    ];

    /// The file name in the Kaggle archive.
    pub fn file_name(self) -> &'static str {
        match self {
            KaggleFile::RawRecipes => "RAW_recipes.csv",
            KaggleFile::RawInteractions => "RAW_interactions.csv",
            KaggleFile::InteractionsTrain => "interactions_train.csv",
            KaggleFile::InteractionsValidation => "interactions_validation.csv",
            KaggleFile::InteractionsTest => "interactions_test.csv",
            KaggleFile::PpRecipes => "PP_recipes.csv",
            KaggleFile::PpUsers => "PP_users.csv",
        }
    }

    /// The exact header row of the file.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            KaggleFile::RawRecipes => &[
                "name",
                "id",
                "minutes",
                "contributor_id",
                "submitted",
                "tags",
                "nutrition",
                "n_steps",
                "steps",
                "description",
                "ingredients",
                "n_ingredients",
            ],
            KaggleFile::RawInteractions => &["user_id", "recipe_id", "date", "rating", "review"],
            KaggleFile::InteractionsTrain
            | KaggleFile::InteractionsValidation
            | KaggleFile::InteractionsTest => &["user_id", "recipe_id", "date", "rating", "u", "i"],
            KaggleFile::PpRecipes => &[
                "id",
                "i",
                "name_tokens",
                "ingredient_tokens",
                "steps_tokens",
                "techniques",
                "calorie_level",
                "ingredient_ids",
            ],
            KaggleFile::PpUsers => &[
                "u",
                "techniques",
                "items",
                "n_items",
                "ratings",
                "n_ratings",
            ],
        }
    }
}
