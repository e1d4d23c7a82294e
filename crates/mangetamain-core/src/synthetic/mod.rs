//! A realistic synthetic Food.com dataset in the exact Kaggle format.
//!
//! The real files cannot be downloaded on every machine (and are not ours to redistribute), so
//! demos, benchmarks and the bundled sample use generated files that the same parser reads. The
//! generator is deterministic for a seed and scales linearly: scale 1.0 writes 231,637 recipes and
//! 1,132,367 interactions, the real row counts.
//!
//! Distributions follow `dataset.md` and the reference app's figures:
//! - recipes per year from the real cleaned counts (peak 2007-2008, collapse after 2010), dates
//!   1999-08-06 .. 2018-12-04, weekdays about twice as busy per day as weekend days;
//! - minutes log-normal (median about 40) with outliers: 0, > 180, and one 2,147,483,647;
//!   steps median 9 (0 .. 145), ingredients median 9 (1 .. 43), complexity creeping up over time;
//! - ingredients Zipf-distributed over a real head and a generated long tail, about 550 tags, with
//!   seasonal items (pumpkin in autumn, strawberries in spring...) and trending ones (quinoa, kale);
//! - interactions per recipe heavy-tailed (at least one each), dates after the recipe's submission
//!   up to 2018-12-20, ratings 5: 72.1 %, 4: 16.5 %, 3: 3.6 %, 2: 1.25 %, 1: 1.13 %, 0: 5.4 %;
//! - text with quoted commas, double quotes, apostrophes, HTML entities and embedded CR LF; CR LF
//!   line ends; the split files (`interactions_train/validation/test.csv`) with dense `u`, `i`.
//!
//! A few anomalies are injected on purpose so that every cleaning rule has work on the sample:
//! one recipe without a name, duplicated recipe rows (about 1 in 20,000), negative calories
//! (about 1 in 50,000) and exact duplicate interactions (about 1 in 100,000).

mod vocabulary;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use mangetamain_format::date::{
    civil_from_days, days_from_civil, format_iso_date, iso_weekday, Season,
};
use mangetamain_format::list_literal::python_string_list_repr;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Exp, LogNormal};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use vocabulary::*;

/// Real row counts of the two RAW files (scale 1.0).
pub const FULL_SCALE_RECIPES: usize = 231_637;
/// Real row count of RAW_interactions.csv.
pub const FULL_SCALE_INTERACTIONS: usize = 1_132_367;

/// Real cleaned recipe counts per year 1999..=2018 (reference-app.md 4.2), used as weights.
const RECIPES_PER_YEAR: [f64; 20] = [
    1121.0, 689.0, 3974.0, 17523.0, 15625.0, 14381.0, 20909.0, 23667.0, 29790.0, 26763.0, 19597.0,
    10308.0, 6549.0, 4361.0, 3181.0, 853.0, 241.0, 172.0, 228.0, 134.0,
];
/// Relative volume per ISO weekday (Monday first): weekdays about twice weekend days.
const WEEKDAY_WEIGHTS: [f64; 7] = [1.05, 1.02, 1.0, 0.98, 0.9, 0.5, 0.48];
/// Relative volume per month (January first): a little more in winter and spring.
const MONTH_WEIGHTS: [f64; 12] = [
    1.12, 1.0, 1.06, 1.04, 1.0, 0.94, 0.92, 0.95, 0.96, 1.0, 1.04, 1.1,
];
/// Rating shares of RAW_interactions for 0, 1, 2, 3, 4, 5 stars (dataset.md).
const RATING_SHARES: [f64; 6] = [60_847.0, 12_818.0, 14_123.0, 40_855.0, 187_360.0, 816_364.0];

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeneratorParams {
    /// Size relative to the real dataset (1.0 = 231,637 recipes, 1,132,367 interactions).
    pub scale: f64,
    /// Seed; the same seed and scale give byte-identical files.
    pub seed: u64,
    /// Also write interactions_train / validation / test.csv.
    pub splits: bool,
}

impl Default for GeneratorParams {
    fn default() -> Self {
        GeneratorParams {
            scale: 1.0,
            seed: 42,
            splits: true,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeneratedDataset {
    /// The output folder.
    pub dir: PathBuf,
    /// Rows of RAW_recipes.csv.
    pub recipes: usize,
    /// Rows of RAW_interactions.csv.
    pub interactions: usize,
    /// Distinct users in RAW_interactions.csv.
    pub users: usize,
    /// Rows of the train, validation and test splits (0 when not written).
    pub split_rows: [usize; 3],
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// One generated recipe's fields that interactions and splits need.
#[derive(Debug, Clone, Copy)]
struct RecipeKey {
    id: i64,
    submitted: i32,
}

/// One generated interaction (for the split files).
#[derive(Debug, Clone, Copy)]
struct InteractionKey {
    user: u32,
    recipe_id: i64,
    date: i32,
    rating: u8,
}

/// Writes RAW_recipes.csv, RAW_interactions.csv (and the split files) into `dir`.
///
/// ```no_run
/// use mangetamain_core::synthetic::{generate, GeneratorParams};
/// let written = generate("/tmp/foodcom".as_ref(), &GeneratorParams { scale: 0.01, ..Default::default() })?;
/// assert_eq!(written.recipes, 2316);
/// # Ok::<(), mangetamain_core::CoreError>(())
/// ```
pub fn generate(dir: &Path, params: &GeneratorParams) -> Result<GeneratedDataset> {
    if !(params.scale > 0.0 && params.scale <= 10.0) {
        return Err(CoreError::InvalidParameter {
            name: "scale",
            message: format!("must be in (0, 10], got {}", params.scale),
        });
    }
    let started = Instant::now();
    std::fs::create_dir_all(dir).map_err(|source| CoreError::Io {
        action: "create",
        path: dir.to_path_buf(),
        source,
    })?;
    let n_recipes = ((FULL_SCALE_RECIPES as f64 * params.scale).round() as usize).max(10);
    let n_interactions =
        ((FULL_SCALE_INTERACTIONS as f64 * params.scale).round() as usize).max(n_recipes);
    let vocabulary = Vocabulary::new(params.scale);

    let keys = recipe_keys(n_recipes, params.seed);
    write_recipes(dir, &keys, &vocabulary, params.seed)?;
    let n_users = ((FULL_SCALE_INTERACTIONS as f64 * params.scale) * 0.2).max(20.0) as u32;
    let interactions = write_interactions(
        dir,
        &keys,
        n_interactions,
        n_users,
        &vocabulary,
        params.seed,
    )?;
    let mut users: Vec<u32> = interactions.iter().map(|i| i.user).collect();
    users.sort_unstable();
    users.dedup();
    let split_rows = if params.splits {
        write_splits(dir, &interactions, params.seed)?
    } else {
        [0; 3]
    };
    Ok(GeneratedDataset {
        dir: dir.to_path_buf(),
        recipes: keys.len(),
        interactions: interactions.len(),
        users: users.len(),
        split_rows,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The vocabularies with their sampling weights.
struct Vocabulary {
    ingredients: Vec<String>,
    /// Season (0..4) each ingredient peaks in, if any.
    ingredient_season: Vec<Option<usize>>,
    ingredient_trending: Vec<bool>,
    ingredient_cumulative: Vec<f64>,
    tags: Vec<String>,
    tag_season: Vec<Option<usize>>,
    tag_cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(scale: f64) -> Self {
        let mut ingredients: Vec<String> =
            COMMON_INGREDIENTS.iter().map(|s| s.to_string()).collect();
        for (name, _) in SEASONAL_INGREDIENTS {
            if !ingredients.iter().any(|i| i == name) {
                ingredients.push(name.to_string());
            }
        }
        for name in TRENDING_INGREDIENTS {
            if !ingredients.iter().any(|i| i == name) {
                ingredients.push(name.to_string());
            }
        }
        // Long tail: about 15,000 names at full scale, fewer on small samples.
        let tail = ((14_800.0 * scale.sqrt()) as usize).clamp(300, 14_800);
        'outer: for qualifier in QUALIFIERS {
            for food in FOODS {
                for extra in [
                    "", " pieces", " halves", " paste", " juice", " slices", " powder", " sauce",
                    " puree", " stock", " leaves", " zest", " chunks",
                ] {
                    if ingredients.len() >= tail {
                        break 'outer;
                    }
                    ingredients.push(format!("{qualifier} {food}{extra}"));
                }
            }
        }
        let ingredient_season = ingredients
            .iter()
            .map(|name| {
                SEASONAL_INGREDIENTS
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, s)| *s)
            })
            .collect();
        let ingredient_trending = ingredients
            .iter()
            .map(|name| TRENDING_INGREDIENTS.contains(&name.as_str()))
            .collect();
        let ingredient_cumulative =
            zipf_cumulative(ingredients.len(), 1.05, COMMON_INGREDIENTS.len());

        let mut tags: Vec<String> = COMMON_TAGS.iter().map(|s| s.to_string()).collect();
        for (name, _) in SEASONAL_TAGS {
            if !tags.iter().any(|t| t == name) {
                tags.push(name.to_string());
            }
        }
        'tags: for food in FOODS.iter().chain(DISHES.iter()) {
            for suffix in [
                "",
                "-recipes",
                "-dishes",
                "-lovers",
                "-main-dish",
                "-sides",
                "-easy",
                "-healthy",
            ] {
                if tags.len() >= 546 {
                    break 'tags;
                }
                tags.push(format!("{}{suffix}", food.replace(' ', "-")));
            }
        }
        let tag_season = tags
            .iter()
            .map(|name| {
                SEASONAL_TAGS
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, s)| *s)
            })
            .collect();
        let tag_cumulative = zipf_cumulative(tags.len(), 1.1, COMMON_TAGS.len());
        Vocabulary {
            ingredients,
            ingredient_season,
            ingredient_trending,
            ingredient_cumulative,
            tags,
            tag_season,
            tag_cumulative,
        }
    }
}

/// Cumulative Zipf weights; the first `head` items keep high weights, the tail decays.
fn zipf_cumulative(n: usize, exponent: f64, head: usize) -> Vec<f64> {
    let mut total = 0.0;
    (0..n)
        .map(|rank| {
            let weight = if rank < head {
                1.0 / ((rank + 2) as f64).powf(0.6)
            } else {
                0.4 / ((rank + 1) as f64).powf(exponent) * (head as f64).powf(exponent - 0.6)
            };
            total += weight;
            total
        })
        .collect()
}

/// Index drawn from cumulative weights.
fn draw(cumulative: &[f64], rng: &mut StdRng) -> usize {
    let total = cumulative.last().copied().unwrap_or(1.0);
    let target = rng.gen::<f64>() * total;
    cumulative
        .partition_point(|&c| c < target)
        .min(cumulative.len() - 1)
}

/// A submission date for each recipe, sorted, with increasing ids.
fn recipe_keys(n: usize, seed: u64) -> Vec<RecipeKey> {
    let mut rng = StdRng::seed_from_u64(seed);
    let first = days_from_civil(1999, 8, 6);
    let last = days_from_civil(2018, 12, 4);
    let year_cumulative = cumulative(RECIPES_PER_YEAR.iter().copied());
    let mut dates = Vec::with_capacity(n);
    while dates.len() < n {
        let year = 1999 + draw(&year_cumulative, &mut rng) as i32;
        let start = days_from_civil(year, 1, 1).max(first);
        let end = days_from_civil(year, 12, 31).min(last);
        let day = rng.gen_range(start..=end);
        let (_, month, _) = civil_from_days(day);
        let weight =
            WEEKDAY_WEIGHTS[usize::from(iso_weekday(day)) - 1] * MONTH_WEIGHTS[month as usize - 1];
        if rng.gen::<f64>() * 1.2 < weight {
            dates.push(day);
        }
    }
    dates.sort_unstable();
    // The first and last dates of the real file, so the period is the real one.
    dates[0] = first;
    if let Some(last_date) = dates.last_mut() {
        *last_date = last;
    }
    let span = 537_716 - 38;
    let mut id = 38i64;
    let step = (span as f64 / n as f64).max(1.0);
    dates
        .into_iter()
        .map(|submitted| {
            let key = RecipeKey { id, submitted };
            id += 1 + rng.gen_range(0..(2.0 * step) as i64).max(0);
            key
        })
        .collect()
}

fn create(dir: &Path, name: &str) -> Result<BufWriter<File>> {
    let path = dir.join(name);
    File::create(&path)
        .map(|f| BufWriter::with_capacity(1 << 20, f))
        .map_err(|source| CoreError::Io {
            action: "create",
            path,
            source,
        })
}

fn write_error(dir: &Path, name: &str) -> impl Fn(std::io::Error) -> CoreError {
    let path = dir.join(name);
    move |source| CoreError::Io {
        action: "write",
        path: path.clone(),
        source,
    }
}

fn csv_writer(buffer: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(buffer)
}

/// Renders rows in parallel chunks (each with its own seeded generator) and writes them in order.
fn write_parallel<T: Sync>(
    out: &mut impl Write,
    items: &[T],
    chunk: usize,
    seed: u64,
    render: impl Fn(&[T], usize, &mut StdRng, &mut csv::Writer<&mut Vec<u8>>) -> std::io::Result<()>
        + Sync,
) -> std::io::Result<()> {
    let chunks: Vec<(usize, &[T])> = items.chunks(chunk).enumerate().collect();
    for batch in chunks.chunks(32) {
        let rendered: Vec<std::io::Result<Vec<u8>>> = batch
            .par_iter()
            .map(|(index, rows)| {
                let mut rng = StdRng::seed_from_u64(
                    seed ^ (*index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15),
                );
                let mut buffer = Vec::with_capacity(rows.len() * 256);
                {
                    let mut writer = csv_writer(&mut buffer);
                    render(rows, *index * chunk, &mut rng, &mut writer)?;
                    writer.flush()?;
                }
                Ok(buffer)
            })
            .collect();
        for bytes in rendered {
            out.write_all(&bytes?)?;
        }
    }
    Ok(())
}

fn write_recipes(dir: &Path, keys: &[RecipeKey], vocabulary: &Vocabulary, seed: u64) -> Result<()> {
    let name = "RAW_recipes.csv";
    let error = write_error(dir, name);
    let mut out = create(dir, name)?;
    out.write_all(b"name,id,minutes,contributor_id,submitted,tags,nutrition,n_steps,steps,description,ingredients,n_ingredients\r\n")
        .map_err(&error)?;
    let minutes_distribution =
        LogNormal::new(40f64.ln(), 0.85).map_err(|e| invalid(e.to_string()))?;
    let count_distribution = LogNormal::new(9f64.ln(), 0.42).map_err(|e| invalid(e.to_string()))?;
    let calories_distribution =
        LogNormal::new(330f64.ln(), 0.75).map_err(|e| invalid(e.to_string()))?;
    let contributors = (keys.len() / 7).max(5) as u64;
    write_parallel(
        &mut out,
        keys,
        4096,
        seed ^ 0x5eed_0001,
        |rows, offset, rng, writer| {
            for (position, key) in rows.iter().enumerate() {
                let (year, month, _) = civil_from_days(key.submitted);
                let season = season_index(month);
                let year_offset = f64::from(year - 1999);
                let minutes: i64 = match rng.gen_range(0..10_000) {
                    0..=49 => 0,
                    50..=749 => rng.gen_range(181..2_000),
                    _ => (minutes_distribution.sample(rng) * (1.0 - 0.004 * year_offset))
                        .round()
                        .clamp(1.0, 180.0) as i64,
                };
                let minutes = if offset + position == keys.len() / 3 {
                    2_147_483_647
                } else {
                    minutes
                };
                let trend = 1.0 + 0.012 * year_offset;
                let n_steps = if rng.gen_range(0..5_000) == 0 {
                    0
                } else {
                    ((count_distribution.sample(rng) * trend).round() as usize).clamp(1, 145)
                };
                let n_ingredients =
                    ((count_distribution.sample(rng) * 0.98).round() as usize).clamp(1, 43);
                let ingredients = pick_items(
                    rng,
                    n_ingredients,
                    &vocabulary.ingredient_cumulative,
                    3.0 * 5.0,
                    |i| {
                        let seasonal = vocabulary.ingredient_season[i].map_or(1.0, |s| {
                            if s == season {
                                3.0
                            } else {
                                0.6
                            }
                        });
                        let trending = if vocabulary.ingredient_trending[i] {
                            0.2 + year_offset / 4.0
                        } else {
                            1.0
                        };
                        seasonal * trending
                    },
                )
                .into_iter()
                .map(|i| vocabulary.ingredients[i].clone())
                .collect::<Vec<_>>();
                let mut tags: Vec<String> = CORE_TAGS.iter().map(|t| t.to_string()).collect();
                if let Some((_, time_tag)) = TIME_TAGS.iter().find(|(limit, _)| minutes <= *limit) {
                    if !tags.iter().any(|t| t == time_tag) {
                        tags.push(time_tag.to_string());
                    }
                }
                let n_tags = (rng.gen_range(6..22) as usize).saturating_sub(tags.len());
                for index in pick_items(rng, n_tags, &vocabulary.tag_cumulative, 4.0, |i| {
                    vocabulary.tag_season[i].map_or(1.0, |s| if s == season { 4.0 } else { 0.3 })
                }) {
                    let tag = &vocabulary.tags[index];
                    if !tags.contains(tag) {
                        tags.push(tag.clone());
                    }
                }
                let steps: Vec<String> =
                    (0..n_steps).map(|_| step_text(rng, &ingredients)).collect();
                let calories = if rng.gen_range(0..50_000) == 0 {
                    -1.0
                } else if rng.gen_range(0..2_000) == 0 {
                    calories_distribution.sample(rng) * 200.0
                } else {
                    calories_distribution.sample(rng)
                        * (1.0 - 0.005 * year_offset)
                        * (1.0 + 0.05 * f64::from(u8::from(season == 0)))
                };
                let nutrition = nutrition_values(rng, calories);
                let name = if offset + position == keys.len() / 2 {
                    String::new()
                } else {
                    recipe_name(rng, &ingredients)
                };
                let description = description_text(rng, &ingredients);
                let record = [
                    name,
                    key.id.to_string(),
                    minutes.to_string(),
                    (1_533 + rng.gen_range(0..contributors) * 17).to_string(),
                    format_iso_date(key.submitted),
                    python_string_list_repr(&tags),
                    nutrition,
                    n_steps.to_string(),
                    python_string_list_repr(&steps),
                    description,
                    python_string_list_repr(&ingredients),
                    n_ingredients.to_string(),
                ];
                writer.write_record(&record)?;
                if rng.gen_range(0..20_000) == 0 {
                    writer.write_record(&record)?;
                }
            }
            Ok(())
        },
    )
    .map_err(&error)?;
    out.flush().map_err(&error)
}

fn invalid(message: String) -> CoreError {
    CoreError::InvalidParameter {
        name: "generator distribution",
        message,
    }
}

fn season_index(month: u32) -> usize {
    Season::ALL
        .iter()
        .position(|s| *s == Season::of_month(month))
        .unwrap_or(0)
}

/// Running sums of weights, for [`draw`].
fn cumulative(weights: impl Iterator<Item = f64>) -> Vec<f64> {
    weights
        .scan(0.0, |acc, w| {
            *acc += w;
            Some(*acc)
        })
        .collect()
}

/// `k` distinct indices drawn from cumulative weights, each re-weighted by `adjust(index)`, a
/// factor at most `max_adjust` (rejection sampling).
fn pick_items(
    rng: &mut StdRng,
    k: usize,
    cumulative: &[f64],
    max_adjust: f64,
    adjust: impl Fn(usize) -> f64,
) -> Vec<usize> {
    let mut picked: Vec<usize> = Vec::with_capacity(k);
    let mut attempts = 0;
    while picked.len() < k.min(cumulative.len()) && attempts < k * 200 {
        attempts += 1;
        let index = draw(cumulative, rng);
        if rng.gen::<f64>() * max_adjust > adjust(index) {
            continue;
        }
        if !picked.contains(&index) {
            picked.push(index);
        }
    }
    picked
}

fn pick<'a>(rng: &mut StdRng, items: &'a [String], fallback: &'a str) -> &'a str {
    if items.is_empty() {
        fallback
    } else {
        &items[rng.gen_range(0..items.len())]
    }
}

fn fill(template: &str, rng: &mut StdRng, items: &[String]) -> String {
    let mut text = template.replace("{n}", &rng.gen_range(2..60).to_string());
    for slot in ["{a}", "{b}", "{c}"] {
        if text.contains(slot) {
            let item = pick(rng, items, "salt").to_string();
            text = text.replace(slot, &item);
        }
    }
    text
}

fn step_text(rng: &mut StdRng, ingredients: &[String]) -> String {
    let template = STEP_TEMPLATES[rng.gen_range(0..STEP_TEMPLATES.len())];
    fill(template, rng, ingredients)
}

fn recipe_name(rng: &mut StdRng, ingredients: &[String]) -> String {
    let dish = DISHES[rng.gen_range(0..DISHES.len())];
    let main = pick(rng, ingredients, "house").to_string();
    match rng.gen_range(0..6) {
        0 => format!("grandma s {main} {dish}"),
        1 => format!("easy {main} {dish}"),
        2 => format!("{main}   {dish}"),
        _ => format!("{main} {dish}"),
    }
}

fn description_text(rng: &mut StdRng, ingredients: &[String]) -> String {
    match rng.gen_range(0..100) {
        0..=1 => String::new(),
        2 => format!(
            "{}\r\n{}",
            fill(
                DESCRIPTION_SENTENCES[rng.gen_range(0..DESCRIPTION_SENTENCES.len())],
                rng,
                ingredients
            ),
            fill(
                DESCRIPTION_SENTENCES[rng.gen_range(0..DESCRIPTION_SENTENCES.len())],
                rng,
                ingredients
            )
        ),
        _ => fill(
            DESCRIPTION_SENTENCES[rng.gen_range(0..DESCRIPTION_SENTENCES.len())],
            rng,
            ingredients,
        ),
    }
}

/// The 7 nutrition values as Python writes a list of floats (one decimal).
fn nutrition_values(rng: &mut StdRng, calories: f64) -> String {
    let noise = |rng: &mut StdRng| rng.gen_range(0.4..1.6);
    let values = [
        calories,
        calories * 0.35 / 9.0 / 65.0 * 100.0 * noise(rng),
        calories * 0.25 / 4.0 / 50.0 * 100.0 * noise(rng),
        calories * 0.9 / 2300.0 * 100.0 * noise(rng) * 10.0,
        calories * 0.2 / 4.0 / 50.0 * 100.0 * noise(rng),
        calories * 0.12 / 9.0 / 20.0 * 100.0 * noise(rng),
        calories * 0.45 / 4.0 / 300.0 * 100.0 * noise(rng),
    ];
    let parts: Vec<String> = values
        .iter()
        .map(|v| format!("{:?}", (v * 10.0).round() / 10.0))
        .collect();
    format!("[{}]", parts.join(", "))
}

fn write_interactions(
    dir: &Path,
    keys: &[RecipeKey],
    n_interactions: usize,
    n_users: u32,
    vocabulary: &Vocabulary,
    seed: u64,
) -> Result<Vec<InteractionKey>> {
    let name = "RAW_interactions.csv";
    let error = write_error(dir, name);
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5eed_0002);
    // Heavy-tailed popularity: every recipe has at least one interaction.
    let popularity = LogNormal::new(0.0, 1.3).map_err(|e| invalid(e.to_string()))?;
    let popularity_cumulative = cumulative(keys.iter().map(|_| popularity.sample(&mut rng)));
    let mut counts = vec![1usize; keys.len()];
    for _ in keys.len()..n_interactions {
        counts[draw(&popularity_cumulative, &mut rng)] += 1;
    }
    // User activity: Zipf-like weights 1/(rank + 1)^0.75 (a few very active reviewers, a long tail).
    let user_cumulative =
        cumulative((0..n_users as usize).map(|rank| 1.0 / ((rank + 1) as f64).powf(0.75)));
    let end = days_from_civil(2018, 12, 20);
    let lag = Exp::new(1.0 / 500.0).map_err(|e| invalid(e.to_string()))?;
    let rating_cumulative = cumulative(RATING_SHARES.iter().copied());
    let jobs: Vec<(RecipeKey, usize)> = keys.iter().copied().zip(counts).collect();
    let mut out = create(dir, name)?;
    out.write_all(b"user_id,recipe_id,date,rating,review\r\n")
        .map_err(&error)?;
    let collected = std::sync::Mutex::new(Vec::with_capacity(n_interactions));
    write_parallel(
        &mut out,
        &jobs,
        2048,
        seed ^ 0x5eed_0003,
        |rows, _, rng, writer| {
            let mut local = Vec::new();
            for (key, count) in rows {
                for _ in 0..*count {
                    let mut date = key.submitted + lag.sample(rng) as i32;
                    for _ in 0..20 {
                        let weight = WEEKDAY_WEIGHTS[usize::from(iso_weekday(date)) - 1];
                        if date <= end && rng.gen::<f64>() * 1.06 < weight {
                            break;
                        }
                        date = key.submitted + lag.sample(rng) as i32;
                    }
                    let date = date.min(end);
                    let user = draw(&user_cumulative, rng) as u32;
                    let rating = draw(&rating_cumulative, rng) as u8;
                    let review = review_text(
                        rng,
                        &vocabulary.ingredients[..64.min(vocabulary.ingredients.len())],
                    );
                    let record = [
                        user_id(user).to_string(),
                        key.id.to_string(),
                        format_iso_date(date),
                        rating.to_string(),
                        review,
                    ];
                    writer.write_record(&record)?;
                    local.push(InteractionKey {
                        user,
                        recipe_id: key.id,
                        date,
                        rating,
                    });
                    if rng.gen_range(0..100_000) == 0 {
                        writer.write_record(&record)?;
                        local.push(InteractionKey {
                            user,
                            recipe_id: key.id,
                            date,
                            rating,
                        });
                    }
                }
            }
            if let Ok(mut all) = collected.lock() {
                all.push((rows.first().map(|(k, _)| k.id).unwrap_or(0), local));
            }
            Ok(())
        },
    )
    .map_err(&error)?;
    out.flush().map_err(&error)?;
    let mut chunks = collected
        .into_inner()
        .map_err(|_| invalid("generator thread panicked".to_string()))?;
    chunks.sort_by_key(|(first, _)| *first);
    Ok(chunks.into_iter().flat_map(|(_, rows)| rows).collect())
}

fn user_id(user: u32) -> i64 {
    1_533 + i64::from(user) * 7 + i64::from(user % 5)
}

fn review_text(rng: &mut StdRng, ingredients: &[String]) -> String {
    if rng.gen_range(0..7_000) == 0 {
        return String::new();
    }
    let n = rng.gen_range(1..4);
    let mut parts = Vec::with_capacity(n);
    for _ in 0..n {
        parts.push(fill(
            REVIEW_PHRASES[rng.gen_range(0..REVIEW_PHRASES.len())],
            rng,
            ingredients,
        ));
    }
    let separator = if rng.gen_range(0..20) == 0 {
        "\r\n"
    } else {
        "  "
    };
    parts.join(separator)
}

/// Splits like the paper's: users with at least 4 rated or unrated interactions; each one's
/// latest interaction goes to test, the one before to validation (for most users), the rest to
/// train. `u` and `i` are dense indices of users and recipes.
fn write_splits(dir: &Path, interactions: &[InteractionKey], seed: u64) -> Result<[usize; 3]> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5eed_0004);
    let mut by_user: Vec<&InteractionKey> = interactions.iter().collect();
    by_user.sort_by_key(|i| (i.user, i.date, i.recipe_id));
    let mut recipe_index = std::collections::HashMap::new();
    let mut rows: [Vec<(usize, &InteractionKey)>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut u = 0usize;
    for group in by_user.chunk_by(|a, b| a.user == b.user) {
        if group.len() < 4 {
            continue;
        }
        let n = group.len();
        let (train, rest) = group.split_at(n - 2);
        rows[0].extend(train.iter().map(|i| (u, *i)));
        if rng.gen_range(0..100) < 56 {
            rows[1].push((u, rest[0]));
        } else {
            rows[0].push((u, rest[0]));
        }
        rows[2].push((u, rest[1]));
        u += 1;
    }
    for row in rows.iter().flatten() {
        let next = recipe_index.len();
        recipe_index.entry(row.1.recipe_id).or_insert(next);
    }
    let mut counts = [0; 3];
    for (slot, name) in [
        "interactions_train.csv",
        "interactions_validation.csv",
        "interactions_test.csv",
    ]
    .iter()
    .enumerate()
    {
        let error = write_error(dir, name);
        let mut buffer = Vec::new();
        {
            let mut writer = csv_writer(&mut buffer);
            writer
                .write_record(["user_id", "recipe_id", "date", "rating", "u", "i"])
                .map_err(|e| error(e.into()))?;
            for (u, interaction) in &rows[slot] {
                writer
                    .write_record([
                        user_id(interaction.user).to_string(),
                        interaction.recipe_id.to_string(),
                        format_iso_date(interaction.date),
                        format!("{:.1}", f64::from(interaction.rating)),
                        u.to_string(),
                        recipe_index
                            .get(&interaction.recipe_id)
                            .copied()
                            .unwrap_or(0)
                            .to_string(),
                    ])
                    .map_err(|e| error(e.into()))?;
            }
            writer.flush().map_err(&error)?;
        }
        let mut out = create(dir, name)?;
        out.write_all(&buffer).map_err(&error)?;
        out.flush().map_err(&error)?;
        counts[slot] = rows[slot].len();
    }
    Ok(counts)
}
