//! Raw tables: every row of a Kaggle file as a polars frame, lists parsed, nothing removed.
//!
//! Schemas (the Kaggle columns, typed):
//! - `raw_recipes`: `name` (str, null when empty), `id`, `minutes`, `contributor_id` (i64),
//!   `submitted` (date, null when empty), `tags` (list[str]), the 7 nutrition values as named
//!   columns `calories`, `total_fat_pct`, `sugar_pct`, `sodium_pct`, `protein_pct`, `sat_fat_pct`,
//!   `carb_pct` (f64), `n_steps` (i64), `steps` (list[str]), `description` (str, null when
//!   empty), `ingredients` (list[str]), `n_ingredients` (i64).
//! - `raw_interactions`: `user_id`, `recipe_id` (i64), `date` (date), `rating` (i32, 0 = review
//!   without a rating), `review` (str, null when empty).
//! - split files (`interactions_train` ...): `user_id`, `recipe_id`, `date`, `rating`, `u`, `i`.
//!
//! Tag and ingredient names are normalised once here ([`crate::names::normalise_name`]); the
//! number of items the normalisation changed is returned so it can be reported.

use std::path::Path;

use mangetamain_format::{
    read_chunks, KaggleFile, KaggleRecord, RawInteraction, RawRecipe, SplitInteraction,
    NUTRITION_COLUMNS,
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
    let (frame, counts) = read_frame::<RawRecipe, _>(path, KaggleFile::RawRecipes, |rows| {
        let mismatches = rows.iter().fold((0, 0), |(steps, ingredients), row| {
            (
                steps + usize::from(row.n_steps != row.steps.len() as i64),
                ingredients + usize::from(row.n_ingredients != row.ingredients.len() as i64),
            )
        });
        let (frame, changed) = recipes_chunk(rows)?;
        Ok((frame, (changed, mismatches.0, mismatches.1)))
    })?;
    let (normalised_names, n_steps_mismatches, n_ingredients_mismatches) = counts
        .into_iter()
        .fold((0, 0, 0), |(a, b, c), (x, y, z)| (a + x, b + y, c + z));
    Ok(RawRecipes {
        frame,
        normalised_names,
        n_steps_mismatches,
        n_ingredients_mismatches,
    })
}

/// Reads RAW_interactions.csv into a frame.
pub fn read_raw_interactions(path: &Path) -> Result<DataFrame> {
    let (frame, _) = read_frame::<RawInteraction, _>(path, KaggleFile::RawInteractions, |rows| {
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
            Column::new(
                "review".into(),
                rows.iter().map(|r| r.review.as_deref()).collect::<Vec<_>>(),
            ),
        ];
        let frame = DataFrame::new(height, columns)
            .frame_context(|| "raw interactions chunk".to_string())?;
        Ok((frame, ()))
    })?;
    Ok(frame)
}

/// Reads one of the split files (train, validation, test) into a frame.
pub fn read_split_interactions(path: &Path, file: KaggleFile) -> Result<DataFrame> {
    let (frame, _) = read_frame::<SplitInteraction, _>(path, file, |rows| {
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

/// Reads a file chunk by chunk, turning each batch of decoded chunks into frames in parallel
/// (so the whole file is never held as Rust rows) and stacking the frames; returns the frame and
/// what `to_frame` noted about each chunk.
fn read_frame<T: KaggleRecord, S: Send>(
    path: &Path,
    file: KaggleFile,
    to_frame: impl Fn(Vec<T>) -> Result<(DataFrame, S)> + Sync,
) -> Result<(DataFrame, Vec<S>)> {
    let total = std::fs::metadata(path)
        .map_err(|source| CoreError::Io {
            action: "read",
            path: path.to_path_buf(),
            source,
        })?
        .len();
    let mut progress = FileProgress::new(path, total);
    let mut reader = read_chunks::<T>(path, file)?;
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
            let converted = std::mem::take(&mut batch)
                .into_par_iter()
                .map(&to_frame)
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

fn recipes_chunk(rows: Vec<RawRecipe>) -> Result<(DataFrame, usize)> {
    let height = rows.len();
    let mut changed = 0;
    let mut tags = ListStringChunkedBuilder::new("tags".into(), height, height * 18);
    let mut steps = ListStringChunkedBuilder::new("steps".into(), height, height * 10);
    let mut ingredients = ListStringChunkedBuilder::new("ingredients".into(), height, height * 10);
    for row in &rows {
        let normal_tags: Vec<_> = row.tags.iter().map(|t| normalise_name(t)).collect();
        let normal_ingredients: Vec<_> =
            row.ingredients.iter().map(|t| normalise_name(t)).collect();
        changed += row
            .tags
            .iter()
            .zip(&normal_tags)
            .chain(row.ingredients.iter().zip(&normal_ingredients))
            .filter(|(original, normal)| original.as_str() != normal.as_ref())
            .count();
        tags.append_values_iter(normal_tags.iter().map(|s| s.as_ref()));
        ingredients.append_values_iter(normal_ingredients.iter().map(|s| s.as_ref()));
        steps.append_values_iter(row.steps.iter().map(String::as_str));
    }
    let mut columns = vec![
        Column::new(
            "name".into(),
            rows.iter().map(|r| r.name.as_deref()).collect::<Vec<_>>(),
        ),
        Column::new("id".into(), rows.iter().map(|r| r.id).collect::<Vec<_>>()),
        Column::new(
            "minutes".into(),
            rows.iter().map(|r| r.minutes).collect::<Vec<_>>(),
        ),
        Column::new(
            "contributor_id".into(),
            rows.iter().map(|r| r.contributor_id).collect::<Vec<_>>(),
        ),
        date_column("submitted", rows.iter().map(|r| r.submitted)),
        tags.finish().into_column(),
    ];
    for (index, name) in NUTRITION_COLUMNS.iter().enumerate() {
        columns.push(Column::new(
            (*name).into(),
            rows.iter().map(|r| r.nutrition[index]).collect::<Vec<_>>(),
        ));
    }
    columns.extend([
        Column::new(
            "n_steps".into(),
            rows.iter().map(|r| r.n_steps).collect::<Vec<_>>(),
        ),
        steps.finish().into_column(),
        Column::new(
            "description".into(),
            rows.iter()
                .map(|r| r.description.as_deref())
                .collect::<Vec<_>>(),
        ),
        ingredients.finish().into_column(),
        Column::new(
            "n_ingredients".into(),
            rows.iter().map(|r| r.n_ingredients).collect::<Vec<_>>(),
        ),
    ]);
    let frame =
        DataFrame::new(height, columns).frame_context(|| "raw recipes chunk".to_string())?;
    Ok((frame, changed))
}

/// A nullable `Date` column from days since 1970-01-01.
pub(crate) fn date_column(name: &str, days: impl Iterator<Item = Option<i32>>) -> Column {
    Int32Chunked::from_iter_options(name.into(), days)
        .into_series()
        .into_date()
        .into_column()
}
