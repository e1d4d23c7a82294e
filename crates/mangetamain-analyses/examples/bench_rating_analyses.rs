//! Benchmark of the rating analyses on cleaned data in memory, best of 7 runs each, after one
//! preparation of the [`RatingTable`] and [`RecipeTable`] (timed apart): monthly aggregation +
//! D1-D5, weekday ratings, and the ingredient ratings of the 16 ingredients of the reference
//! seasonality list.
//!
//! `bench_rating_analyses DIR` where DIR holds the Kaggle files (for the full synthetic scale:
//! `generate DIR 1.0` first). The store is kept in DIR/bench-store.duckdb.

/// mimalloc, as the web binary uses (glibc's malloc spent ~40 % of the CSV parse in malloc/free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::Instant;

use mangetamain_analyses::ratings::{
    ingredient_rating_counts, ingredient_ratings, ingredient_ratings_from_counts, monthly_ratings,
    rating_stability, season_ratings, weekday_ratings, IngredientRatingParams, MonthlyParams,
    RatingParams, RatingPopulation, RatingTable, StabilityParams,
};
use mangetamain_analyses::recipe_table::RecipeTable;
use mangetamain_analyses::AnalysisError;
use mangetamain_core::{DataSource, Dataset, OpenOptions};

const RUNS: usize = 7;

/// Best wall time of `RUNS` runs of `work`, in milliseconds.
fn best_of(work: impl Fn() -> Result<usize, AnalysisError>) -> Result<f64, AnalysisError> {
    let mut best = f64::INFINITY;
    for _ in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(work()?);
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(best)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: bench_rating_analyses DIR")?;
    let options = OpenOptions {
        store_path: Some(dir.join("bench-store.duckdb")),
        ..OpenOptions::default()
    };
    let dataset = Dataset::open_with(DataSource::LocalDir(dir), &options)?;
    let start = Instant::now();
    let ratings = RatingTable::from_dataset(&dataset, RatingPopulation::All)?;
    let recipes = RecipeTable::from_dataset(&dataset)?;
    println!(
        "ratings {} ({} users), recipes {}; tables prepared once in {:.0} ms",
        ratings.len(),
        ratings.user_count(),
        recipes.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    let params = RatingParams::default();
    let monthly_and_d1_d5 = best_of(|| {
        let monthly = monthly_ratings(&ratings, &MonthlyParams::default())?;
        let stability = rating_stability(&monthly, &StabilityParams::default())?;
        let seasons = season_ratings(&ratings, &params)?;
        Ok(monthly.months.len() + stability.findings.len() + seasons.findings.len())
    })?;
    println!("monthly aggregation + D1-D5: {monthly_and_d1_d5:.1} ms (best of {RUNS})");
    let weekdays = best_of(|| Ok(weekday_ratings(&ratings, &params)?.days.len()))?;
    println!("weekday ratings (NB-R3): {weekdays:.1} ms");
    let ingredient_params = IngredientRatingParams::default();
    let ingredients = best_of(|| {
        Ok(ingredient_ratings(&ratings, &recipes, &ingredient_params)?
            .ingredients
            .len())
    })?;
    println!(
        "ingredient ratings, {} ingredients: {ingredients:.1} ms",
        ingredient_params.ingredients.len()
    );
    // What a new year range costs once the counts per calendar key are kept (the web app).
    let counts = ingredient_rating_counts(&ratings, &recipes, &ingredient_params.ingredients)?;
    let ranged = IngredientRatingParams {
        years: Some((2002, 2012)),
        ..IngredientRatingParams::default()
    };
    let from_counts = best_of(|| {
        Ok(ingredient_ratings_from_counts(&counts, &ranged)?
            .ingredients
            .len())
    })?;
    println!("  of which a new year range from the counts per calendar key: {from_counts:.1} ms");
    Ok(())
}
