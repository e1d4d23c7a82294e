//! Typed rows of each Kaggle file and their decoding from CSV records.
//!
//! Decoding is strict: a cell of the wrong type or shape is an error naming its column (the
//! reader adds the file and line). Empty cells are `None` only in the columns where the real data
//! has them (recipe `name`, `description`, review text) or where cleaning must count them
//! (`submitted`, `date`).

use std::borrow::Cow;

use csv::ByteRecord;
use serde::{Deserialize, Serialize};

use crate::date::parse_iso_date;
use crate::error::FieldError;
use crate::kaggle_file::KaggleFile;
use crate::list_literal::{
    parse_integer_list, parse_integer_list_of_lists, parse_number_list, parse_string_list_borrowed,
};

/// Names of the seven values of the `nutrition` list, in order: calories (kcal), then percent of
/// daily value (PDV) of total fat, sugar, sodium, protein, saturated fat and carbohydrates.
pub const NUTRITION_COLUMNS: [&str; 7] = [
    "calories",
    "total_fat_pct",
    "sugar_pct",
    "sodium_pct",
    "protein_pct",
    "sat_fat_pct",
    "carb_pct",
];

/// A row of `RAW_recipes.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawRecipe {
    /// Recipe name (lower case in the real data); `None` when empty (one real recipe).
    pub name: Option<String>,
    /// Recipe id.
    pub id: i64,
    /// Preparation time in minutes (real data: 0 ... 2,147,483,647).
    pub minutes: i64,
    /// Id of the user who submitted the recipe.
    pub contributor_id: i64,
    /// Submission date, days since 1970-01-01; `None` when the cell is empty.
    pub submitted: Option<i32>,
    /// Food.com tags.
    pub tags: Vec<String>,
    /// The 7 nutrition values, see [`NUTRITION_COLUMNS`].
    pub nutrition: [f64; 7],
    /// Number of steps as given in the file.
    pub n_steps: i64,
    /// Step texts.
    pub steps: Vec<String>,
    /// Free-text description; `None` when empty.
    pub description: Option<String>,
    /// Ingredient names.
    pub ingredients: Vec<String>,
    /// Number of ingredients as given in the file.
    pub n_ingredients: i64,
}

/// A row of `RAW_interactions.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawInteraction {
    /// User id.
    pub user_id: i64,
    /// Recipe id.
    pub recipe_id: i64,
    /// Review date, days since 1970-01-01; `None` when the cell is empty.
    pub date: Option<i32>,
    /// Stars 1-5, or 0 for a review posted without a rating.
    pub rating: u8,
    /// Review text (HTML-escaped as on Food.com); `None` when empty.
    pub review: Option<String>,
}

/// A row of `interactions_train.csv`, `interactions_validation.csv` or `interactions_test.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitInteraction {
    /// User id.
    pub user_id: i64,
    /// Recipe id.
    pub recipe_id: i64,
    /// Review date, days since 1970-01-01; `None` when the cell is empty.
    pub date: Option<i32>,
    /// Stars 1-5, or 0 for no rating (written "4.0" in the file).
    pub rating: u8,
    /// Dense user index (PP_users.u).
    pub u: i64,
    /// Dense recipe index (PP_recipes.i).
    pub i: i64,
}

/// A row of `PP_recipes.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PpRecipe {
    /// Recipe id.
    pub id: i64,
    /// Dense recipe index.
    pub i: i64,
    /// BPE tokens of the name.
    pub name_tokens: Vec<i64>,
    /// BPE tokens of each ingredient.
    pub ingredient_tokens: Vec<Vec<i64>>,
    /// BPE tokens of the steps.
    pub steps_tokens: Vec<i64>,
    /// Technique counts (58 values).
    pub techniques: Vec<i64>,
    /// Calorie level 0, 1 or 2.
    pub calorie_level: i64,
    /// Ids into `ingr_map`.
    pub ingredient_ids: Vec<i64>,
}

/// A row of `PP_users.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PpUser {
    /// Dense user index.
    pub u: i64,
    /// Technique counts (58 values).
    pub techniques: Vec<i64>,
    /// Dense recipe indices the user rated in the train split.
    pub items: Vec<i64>,
    /// Number of items.
    pub n_items: i64,
    /// The ratings of those items.
    pub ratings: Vec<f64>,
    /// Number of ratings.
    pub n_ratings: i64,
}

/// A row type of one Kaggle file, decodable from a CSV record.
pub trait KaggleRecord: Sized + Send {
    /// The file this row type belongs to.
    const FILE: KaggleFile;

    /// Decodes one record (already checked to have the right number of fields).
    fn decode(record: &ByteRecord) -> Result<Self, FieldError>;
}

/// Cell access by column index, with the column names of one file for error messages.
struct Cells<'a> {
    record: &'a ByteRecord,
    columns: &'static [&'static str],
}

impl<'a> Cells<'a> {
    fn new(record: &'a ByteRecord, file: KaggleFile) -> Self {
        Cells {
            record,
            columns: file.columns(),
        }
    }

    fn raw(&self, index: usize) -> &'a [u8] {
        self.record.get(index).unwrap_or_default()
    }

    fn error(&self, index: usize, message: impl Into<String>) -> FieldError {
        FieldError::new(self.columns[index], self.raw(index), message)
    }

    fn text(&self, index: usize) -> Result<&'a str, FieldError> {
        std::str::from_utf8(self.raw(index)).map_err(|_| self.error(index, "invalid UTF-8"))
    }

    fn integer(&self, index: usize) -> Result<i64, FieldError> {
        let text = self.text(index)?;
        text.parse::<i64>()
            .map_err(|_| self.error(index, "expected an integer"))
    }

    fn date(&self, index: usize) -> Result<Option<i32>, FieldError> {
        let text = self.text(index)?;
        if text.is_empty() {
            return Ok(None);
        }
        parse_iso_date(text)
            .map(Some)
            .map_err(|e| self.error(index, e.message))
    }

    /// A rating written as an integer ("4") or a float with zero fraction ("4.0"), 0 to 5.
    fn rating(&self, index: usize) -> Result<u8, FieldError> {
        let text = self.text(index)?;
        let value: f64 = text
            .parse()
            .map_err(|_| self.error(index, "expected a rating 0-5"))?;
        if value.fract() != 0.0 || !(0.0..=5.0).contains(&value) {
            return Err(self.error(index, "expected a whole rating between 0 and 5"));
        }
        Ok(value as u8)
    }

    fn strings(&self, index: usize) -> Result<Vec<Cow<'a, str>>, FieldError> {
        parse_string_list_borrowed(self.text(index)?).map_err(|e| self.error(index, e.to_string()))
    }

    fn optional_text(&self, index: usize) -> Result<Option<&'a str>, FieldError> {
        let text = self.text(index)?;
        Ok((!text.is_empty()).then_some(text))
    }

    fn integers(&self, index: usize) -> Result<Vec<i64>, FieldError> {
        parse_integer_list(self.text(index)?).map_err(|e| self.error(index, e.to_string()))
    }

    fn numbers(&self, index: usize) -> Result<Vec<f64>, FieldError> {
        parse_number_list(self.text(index)?).map_err(|e| self.error(index, e.to_string()))
    }
}

impl KaggleRecord for RawRecipe {
    const FILE: KaggleFile = KaggleFile::RawRecipes;

    fn decode(record: &ByteRecord) -> Result<Self, FieldError> {
        RawRecipeView::decode(record).map(RawRecipeView::into_owned)
    }
}

/// A row of `RAW_recipes.csv` decoded without copying its texts: the name, the description and
/// the list items borrow from the CSV record (an item holding an escape sequence is the only
/// copy). Decoding is the same as [`RawRecipe`]'s (which is this view, owned).
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecipeView<'a> {
    /// Recipe name (`None` when the cell is empty).
    pub name: Option<&'a str>,
    /// Recipe id.
    pub id: i64,
    /// Preparation time in minutes, as written.
    pub minutes: i64,
    /// Contributor id.
    pub contributor_id: i64,
    /// Submission date (days since 1970-01-01; `None` when the cell is empty).
    pub submitted: Option<i32>,
    /// Tags, as written.
    pub tags: Vec<Cow<'a, str>>,
    /// The seven nutrition values, in [`NUTRITION_COLUMNS`] order.
    pub nutrition: [f64; 7],
    /// Number of steps, as written.
    pub n_steps: i64,
    /// Step texts.
    pub steps: Vec<Cow<'a, str>>,
    /// Description (`None` when the cell is empty).
    pub description: Option<&'a str>,
    /// Ingredients, as written.
    pub ingredients: Vec<Cow<'a, str>>,
    /// Number of ingredients, as written.
    pub n_ingredients: i64,
}

impl<'a> RawRecipeView<'a> {
    /// Decodes one CSV record of `RAW_recipes.csv`.
    pub fn decode(record: &'a ByteRecord) -> Result<Self, FieldError> {
        let cells = Cells::new(record, KaggleFile::RawRecipes);
        let nutrition_values = cells.numbers(6)?;
        let nutrition: [f64; 7] = nutrition_values.as_slice().try_into().map_err(|_| {
            cells.error(
                6,
                format!(
                    "expected 7 nutrition values, found {}",
                    nutrition_values.len()
                ),
            )
        })?;
        Ok(RawRecipeView {
            name: cells.optional_text(0)?,
            id: cells.integer(1)?,
            minutes: cells.integer(2)?,
            contributor_id: cells.integer(3)?,
            submitted: cells.date(4)?,
            tags: cells.strings(5)?,
            nutrition,
            n_steps: cells.integer(7)?,
            steps: cells.strings(8)?,
            description: cells.optional_text(9)?,
            ingredients: cells.strings(10)?,
            n_ingredients: cells.integer(11)?,
        })
    }

    /// The row with its own copies of the texts.
    pub fn into_owned(self) -> RawRecipe {
        let owned = |items: Vec<Cow<'a, str>>| items.into_iter().map(Cow::into_owned).collect();
        RawRecipe {
            name: self.name.map(str::to_string),
            id: self.id,
            minutes: self.minutes,
            contributor_id: self.contributor_id,
            submitted: self.submitted,
            tags: owned(self.tags),
            nutrition: self.nutrition,
            n_steps: self.n_steps,
            steps: owned(self.steps),
            description: self.description.map(str::to_string),
            ingredients: owned(self.ingredients),
            n_ingredients: self.n_ingredients,
        }
    }
}

impl KaggleRecord for RawInteraction {
    const FILE: KaggleFile = KaggleFile::RawInteractions;

    fn decode(record: &ByteRecord) -> Result<Self, FieldError> {
        RawInteractionView::decode(record).map(RawInteractionView::into_owned)
    }
}

/// A row of `RAW_interactions.csv` decoded without copying its review, which borrows from the
/// CSV record. Decoding is the same as [`RawInteraction`]'s (which is this view, owned).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawInteractionView<'a> {
    /// User id.
    pub user_id: i64,
    /// Recipe id.
    pub recipe_id: i64,
    /// Review date, days since 1970-01-01; `None` when the cell is empty.
    pub date: Option<i32>,
    /// Stars 1-5, or 0 for a review posted without a rating.
    pub rating: u8,
    /// Review text (HTML-escaped as on Food.com); `None` when empty.
    pub review: Option<&'a str>,
}

impl<'a> RawInteractionView<'a> {
    /// Decodes one CSV record of `RAW_interactions.csv`.
    pub fn decode(record: &'a ByteRecord) -> Result<Self, FieldError> {
        let cells = Cells::new(record, KaggleFile::RawInteractions);
        Ok(RawInteractionView {
            user_id: cells.integer(0)?,
            recipe_id: cells.integer(1)?,
            date: cells.date(2)?,
            rating: cells.rating(3)?,
            review: cells.optional_text(4)?,
        })
    }

    /// The row with its own copy of the review.
    pub fn into_owned(self) -> RawInteraction {
        RawInteraction {
            user_id: self.user_id,
            recipe_id: self.recipe_id,
            date: self.date,
            rating: self.rating,
            review: self.review.map(str::to_string),
        }
    }
}

impl KaggleRecord for SplitInteraction {
    // The three split files share one header; the reader checks it against the requested file.
    const FILE: KaggleFile = KaggleFile::InteractionsTrain;

    fn decode(record: &ByteRecord) -> Result<Self, FieldError> {
        let cells = Cells::new(record, Self::FILE);
        Ok(SplitInteraction {
            user_id: cells.integer(0)?,
            recipe_id: cells.integer(1)?,
            date: cells.date(2)?,
            rating: cells.rating(3)?,
            u: cells.integer(4)?,
            i: cells.integer(5)?,
        })
    }
}

impl KaggleRecord for PpRecipe {
    const FILE: KaggleFile = KaggleFile::PpRecipes;

    fn decode(record: &ByteRecord) -> Result<Self, FieldError> {
        let cells = Cells::new(record, Self::FILE);
        Ok(PpRecipe {
            id: cells.integer(0)?,
            i: cells.integer(1)?,
            name_tokens: cells.integers(2)?,
            ingredient_tokens: parse_integer_list_of_lists(cells.text(3)?)
                .map_err(|e| cells.error(3, e.to_string()))?,
            steps_tokens: cells.integers(4)?,
            techniques: cells.integers(5)?,
            calorie_level: cells.integer(6)?,
            ingredient_ids: cells.integers(7)?,
        })
    }
}

impl KaggleRecord for PpUser {
    const FILE: KaggleFile = KaggleFile::PpUsers;

    fn decode(record: &ByteRecord) -> Result<Self, FieldError> {
        let cells = Cells::new(record, Self::FILE);
        Ok(PpUser {
            u: cells.integer(0)?,
            techniques: cells.integers(1)?,
            items: cells.integers(2)?,
            n_items: cells.integer(3)?,
            ratings: cells.numbers(4)?,
            n_ratings: cells.integer(5)?,
        })
    }
}
