//! Raw tables: every row of a Kaggle file as a polars frame, lists parsed, nothing removed.
//!
//! Schemas (the Kaggle columns, typed):
//! - `raw_recipes`: `name` (str, null when empty), `id`, `minutes`, `contributor_id` (i64),
//!   `submitted` (date, null when empty), `tags` (list[str]), the 7 nutrition values as named
//!   columns `calories`, `total_fat_pct`, `sugar_pct`, `sodium_pct`, `protein_pct`, `sat_fat_pct`,
//!   `carb_pct` (f64), `n_steps` (i64), `avg_step_length` (f64: mean characters per parsed
//!   step, null without steps), `description_length` (i64: characters, null when empty),
//!   `ingredients` (list[str]), `n_ingredients` (i64). The step and description texts are
//!   measured while decoding, not copied: no analysis reads them, and they are most of the file
//!   (the store's raw table keeps them verbatim; [`mangetamain_format::RawRecipe`] decodes them).
//! - `raw_interactions`: `user_id`, `recipe_id` (i64), `date` (date), `rating` (i32, 0 = review
//!   without a rating), `review` (str, null when empty).
//! - split files (`interactions_train` ...): `user_id`, `recipe_id`, `date`, `rating`, `u`, `i`.
//!
//! Tag and ingredient names are normalised once here ([`crate::names::normalise_name`]); the
//! number of items the normalisation changed is returned so it can be reported.

use std::path::Path;

use std::borrow::Cow;

use mangetamain_format::reader::{field_error, DEFAULT_CHUNK_ROWS};
use mangetamain_format::{
    read_record_chunks, KaggleFile, KaggleRecord, RawInteractionView, RawRecipeView, RecordChunk,
    SplitInteraction, NUTRITION_COLUMNS,
};
use polars::prelude::*;
use rayon::prelude::*;

use crate::error::{CoreError, FrameContext, Result};
use crate::names::normalise_name;
use crate::progress::FileProgress;

/// The raw recipes frame and what parsing noticed.
#[derive(Debug, Clone)]
pub struct RawRecipes {
    /// One row per line of RAW_recipes.csv.
    pub frame: DataFrame,
    /// Tag or ingredient names changed by the normalisation (trim, lower case).
    pub normalised_names: usize,
    /// Rows whose `n_steps` differs from the number of parsed steps.
    pub n_steps_mismatches: usize,
    /// Rows whose `n_ingredients` differs from the number of parsed ingredients.
    pub n_ingredients_mismatches: usize,
}

/// Reads RAW_recipes.csv into a frame.
pub fn read_raw_recipes(path: &Path) -> Result<RawRecipes> {
    let (frame, notes) = read_frame(path, KaggleFile::RawRecipes, recipes_chunk)?;
    let total = notes
        .into_iter()
        .fold(RecipeNotes::default(), RecipeNotes::add);
    Ok(RawRecipes {
        frame,
        normalised_names: total.normalised_names,
        n_steps_mismatches: total.n_steps_mismatches,
        n_ingredients_mismatches: total.n_ingredients_mismatches,
    })
}

/// Reads RAW_interactions.csv into a frame.
pub fn read_raw_interactions(path: &Path) -> Result<DataFrame> {
    let (frame, _) = read_frame(path, KaggleFile::RawInteractions, |path, chunk| {
        let height = chunk.len();
        let (mut user_id, mut recipe_id) = (Vec::with_capacity(height), Vec::with_capacity(height));
        let (mut date, mut rating) = (Vec::with_capacity(height), Vec::with_capacity(height));
        let mut review = Vec::with_capacity(height);
        for (line, record) in chunk {
            // The review is borrowed from the record: one copy, into the column.
            let row =
                RawInteractionView::decode(record).map_err(|e| field_error(path, *line, e))?;
            user_id.push(row.user_id);
            recipe_id.push(row.recipe_id);
            date.push(row.date);
            rating.push(i32::from(row.rating));
            review.push(row.review);
        }
        let columns = vec![
            Column::new("user_id".into(), user_id),
            Column::new("recipe_id".into(), recipe_id),
            date_column("date", date.into_iter()),
            Column::new("rating".into(), rating),
            Column::new("review".into(), review),
        ];
        let frame = DataFrame::new(height, columns)
            .frame_context(|| "raw interactions chunk".to_string())?;
        Ok((frame, ()))
    })?;
    Ok(frame)
}

/// Reads one of the split files (train, validation, test) into a frame.
pub fn read_split_interactions(path: &Path, file: KaggleFile) -> Result<DataFrame> {
    let (frame, _) = read_frame(path, file, |path, chunk| {
        let rows: Vec<SplitInteraction> = decode_rows(path, chunk)?;
        let height = rows.len();
        let columns = vec![
            Column::new(
                "user_id".into(),
                rows.iter().map(|r| r.user_id).collect::<Vec<_>>(),
            ),
            Column::new(
                "recipe_id".into(),
                rows.iter().map(|r| r.recipe_id).collect::<Vec<_>>(),
            ),
            date_column("date", rows.iter().map(|r| r.date)),
            Column::new(
                "rating".into(),
                rows.iter().map(|r| i32::from(r.rating)).collect::<Vec<_>>(),
            ),
            Column::new("u".into(), rows.iter().map(|r| r.u).collect::<Vec<_>>()),
            Column::new("i".into(), rows.iter().map(|r| r.i).collect::<Vec<_>>()),
        ];
        let frame = DataFrame::new(height, columns)
            .frame_context(|| format!("{} chunk", file.file_name()))?;
        Ok((frame, ()))
    })?;
    Ok(frame)
}

/// Chunks turned into frames at once, in parallel.
const CHUNKS_PER_BATCH: usize = 4;

/// Reads a file chunk by chunk, turning each batch of chunks of CSV records into frames in
/// parallel (so the whole file is never held as Rust rows) and stacking the frames; returns the
/// frame and what `to_frame` noted about each chunk. `to_frame` gets the file's path (for its
/// errors) and the records with their lines.
fn read_frame<S: Send>(
    path: &Path,
    file: KaggleFile,
    to_frame: impl Fn(&Path, &RecordChunk) -> Result<(DataFrame, S)> + Sync,
) -> Result<(DataFrame, Vec<S>)> {
    let total = std::fs::metadata(path)
        .map_err(|source| CoreError::Io {
            action: "read",
            path: path.to_path_buf(),
            source,
        })?
        .len();
    let mut progress = FileProgress::new(path, total);
    let mut reader = read_record_chunks(path, file, DEFAULT_CHUNK_ROWS)?;
    let mut frames = Vec::new();
    let mut notes = Vec::new();
    let mut rows = 0;
    let mut batch = Vec::with_capacity(CHUNKS_PER_BATCH);
    loop {
        let next = reader.next().transpose()?;
        let done = next.is_none();
        if let Some(chunk) = next {
            rows += chunk.len();
            batch.push(chunk);
        }
        if batch.len() == CHUNKS_PER_BATCH || (done && !batch.is_empty()) {
            // In file order, so the first error reported is the first bad line.
            let converted = std::mem::take(&mut batch)
                .par_iter()
                .map(|chunk| to_frame(path, chunk))
                .collect::<Result<Vec<_>>>()?;
            for (frame, note) in converted {
                frames.push(frame);
                notes.push(note);
            }
            progress.update(reader.bytes_read());
        }
        if done {
            break;
        }
    }
    progress.finish(rows);
    Ok((
        stack(frames, &format!("stacking {}", file.file_name()))?,
        notes,
    ))
}

/// Decodes the records of a chunk into rows (the first bad line is the error).
fn decode_rows<T: KaggleRecord>(path: &Path, chunk: &RecordChunk) -> Result<Vec<T>> {
    chunk
        .iter()
        .map(|(line, record)| T::decode(record).map_err(|e| field_error(path, *line, e).into()))
        .collect()
}

/// Concatenates chunk frames (an empty file gives an empty frame with the right columns only if
/// at least one chunk exists; callers handle zero rows through `height()`).
pub(crate) fn stack(frames: Vec<DataFrame>, context: &str) -> Result<DataFrame> {
    let mut iter = frames.into_iter();
    let Some(mut first) = iter.next() else {
        return Ok(DataFrame::empty());
    };
    for frame in iter {
        first
            .vstack_mut_owned(frame)
            .frame_context(|| context.to_string())?;
    }
    first.rechunk_mut_par();
    Ok(first)
}

/// What decoding a chunk of recipes noticed.
#[derive(Debug, Clone, Copy, Default)]
struct RecipeNotes {
    normalised_names: usize,
    n_steps_mismatches: usize,
    n_ingredients_mismatches: usize,
}

impl RecipeNotes {
    fn add(self, other: RecipeNotes) -> RecipeNotes {
        RecipeNotes {
            normalised_names: self.normalised_names + other.normalised_names,
            n_steps_mismatches: self.n_steps_mismatches + other.n_steps_mismatches,
            n_ingredients_mismatches: self.n_ingredients_mismatches
                + other.n_ingredients_mismatches,
        }
    }
}

/// Decodes a chunk of RAW_recipes records straight into the columns of the raw frame (texts
/// borrowed from the records; steps and description measured, not copied).
fn recipes_chunk(path: &Path, chunk: &RecordChunk) -> Result<(DataFrame, RecipeNotes)> {
    let height = chunk.len();
    let mut notes = RecipeNotes::default();
    let mut tags = ListStringChunkedBuilder::new("tags".into(), height, height * 18);
    let mut ingredients = ListStringChunkedBuilder::new("ingredients".into(), height, height * 10);
    let mut names = Vec::with_capacity(height);
    let (mut id, mut minutes, mut contributor_id, mut submitted) = (
        Vec::with_capacity(height),
        Vec::with_capacity(height),
        Vec::with_capacity(height),
        Vec::with_capacity(height),
    );
    let mut nutrition: [Vec<f64>; 7] = Default::default();
    let (mut n_steps, mut n_ingredients) = (Vec::with_capacity(height), Vec::with_capacity(height));
    let mut avg_step_length: Vec<Option<f64>> = Vec::with_capacity(height);
    let mut description_length: Vec<Option<i64>> = Vec::with_capacity(height);
    for (line, record) in chunk {
        let row = RawRecipeView::decode(record).map_err(|e| field_error(path, *line, e))?;
        let mut append_normalised =
            |items: &[Cow<'_, str>], builder: &mut ListStringChunkedBuilder| {
                let normal: Vec<_> = items.iter().map(|item| normalise_name(item)).collect();
                notes.normalised_names += items
                    .iter()
                    .zip(&normal)
                    .filter(|(original, normal)| original.as_ref() != normal.as_ref())
                    .count();
                builder.append_values_iter(normal.iter().map(|s| s.as_ref()));
            };
        append_normalised(&row.tags, &mut tags);
        append_normalised(&row.ingredients, &mut ingredients);
        notes.n_steps_mismatches += usize::from(row.n_steps != row.steps.len() as i64);
        notes.n_ingredients_mismatches +=
            usize::from(row.n_ingredients != row.ingredients.len() as i64);
        let step_chars: usize = row.steps.iter().map(|step| step.chars().count()).sum();
        avg_step_length
            .push((!row.steps.is_empty()).then(|| step_chars as f64 / row.steps.len() as f64));
        description_length.push(row.description.map(|d| d.chars().count() as i64));
        names.push(row.name);
        id.push(row.id);
        minutes.push(row.minutes);
        contributor_id.push(row.contributor_id);
        submitted.push(row.submitted);
        for (column, value) in nutrition.iter_mut().zip(row.nutrition) {
            column.push(value);
        }
        n_steps.push(row.n_steps);
        n_ingredients.push(row.n_ingredients);
    }
    let mut columns = vec![
        Column::new("name".into(), names),
        Column::new("id".into(), id),
        Column::new("minutes".into(), minutes),
        Column::new("contributor_id".into(), contributor_id),
        date_column("submitted", submitted.into_iter()),
        tags.finish().into_column(),
    ];
    for (name, values) in NUTRITION_COLUMNS.iter().zip(nutrition) {
        columns.push(Column::new((*name).into(), values));
    }
    columns.extend([
        Column::new("n_steps".into(), n_steps),
        Column::new("avg_step_length".into(), avg_step_length),
        Column::new("description_length".into(), description_length),
        ingredients.finish().into_column(),
        Column::new("n_ingredients".into(), n_ingredients),
    ]);
    let frame =
        DataFrame::new(height, columns).frame_context(|| "raw recipes chunk".to_string())?;
    Ok((frame, notes))
}

/// A nullable `Date` column from days since 1970-01-01.
pub(crate) fn date_column(name: &str, days: impl Iterator<Item = Option<i32>>) -> Column {
    Int32Chunked::from_iter_options(name.into(), days)
        .into_series()
        .into_date()
        .into_column()
}
