//! Benchmark of the recipe analyses (trends, seasonality, weekday/weekend) on cleaned data in
//! memory: every analysis of each topic, best of 7 runs (and its first call apart), after one
//! preparation of the [`RecipeTable`] (timed apart).
//!
//! `bench_recipe_analyses DIR [FILTER]` where DIR holds the Kaggle files (for the full synthetic
//! scale: `generate DIR 1.0` first) and FILTER, when given, keeps only the single analyses whose
//! name contains it (for profiling one analysis). The store is kept in DIR/bench-store.duckdb.
//! `RAYON_NUM_THREADS=1` gives the CPU time of each analysis, which bounds how many on-demand
//! pages per second the web app can compute.

/// mimalloc, as the web binary uses (glibc's malloc spent ~40 % of the CSV parse in malloc/free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::Instant;

use mangetamain_analyses::recipe_table::{ItemKind, RecipeTable};
use mangetamain_analyses::seasonality::{
    season_volume, seasonal_items, seasonal_metrics, SeasonParams,
};
use mangetamain_analyses::trends::{
    item_trends, recipe_volume, yearly_trends, ItemTrendParams, TrendParams,
};
use mangetamain_analyses::weekend::{period_items, period_metrics, weekday_volume, WeekendParams};
use mangetamain_analyses::AnalysisError;
use mangetamain_core::{DataSource, Dataset, OpenOptions};

const RUNS: usize = 7;

/// One timed piece of work, returning a size (so that nothing is optimised away).
type Work<'a> = Box<dyn Fn() -> Result<usize, AnalysisError> + 'a>;

/// Best wall time of `RUNS` runs of `work`, in milliseconds.
fn best_of(work: impl Fn() -> Result<usize, AnalysisError>) -> Result<(f64, usize), AnalysisError> {
    let mut best = f64::INFINITY;
    let mut size = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        size = work()?;
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    Ok((best, size))
}

fn trends(recipes: &RecipeTable) -> Result<usize, AnalysisError> {
    let params = TrendParams::default();
    let items = ItemTrendParams::default();
    Ok(recipe_volume(recipes, &params)?.findings.len()
        + yearly_trends(recipes, &params)?.findings.len()
        + item_trends(recipes, ItemKind::Ingredients, &items)?
            .findings
            .len()
        + item_trends(recipes, ItemKind::Tags, &items)?.findings.len())
}

fn seasonality(recipes: &RecipeTable) -> Result<usize, AnalysisError> {
    let params = SeasonParams::default();
    Ok(season_volume(recipes, &params)?.findings.len()
        + seasonal_metrics(recipes, &params)?.findings.len()
        + seasonal_items(recipes, ItemKind::Ingredients, &params)?
            .findings
            .len()
        + seasonal_items(recipes, ItemKind::Tags, &params)?
            .findings
            .len())
}

fn weekend(recipes: &RecipeTable) -> Result<usize, AnalysisError> {
    let params = WeekendParams::default();
    Ok(weekday_volume(recipes, &params)?.findings.len()
        + period_metrics(recipes, &params)?.findings.len()
        + period_items(recipes, ItemKind::Ingredients, &params)?
            .findings
            .len()
        + period_items(recipes, ItemKind::Tags, &params)?
            .findings
            .len())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: bench_recipe_analyses DIR")?;
    let options = OpenOptions {
        store_path: Some(dir.join("bench-store.duckdb")),
        ..OpenOptions::default()
    };
    let dataset = Dataset::open_with(DataSource::LocalDir(dir), &options)?;
    let start = Instant::now();
    let recipes = RecipeTable::from_dataset(&dataset)?;
    println!(
        "recipes {}, ingredients {} distinct, tags {} distinct; RecipeTable prepared once in {:.0} ms",
        recipes.len(),
        recipes.items(ItemKind::Ingredients).vocabulary_size(),
        recipes.items(ItemKind::Tags).vocabulary_size(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    let trend = TrendParams::default();
    let item = ItemTrendParams::default();
    let season = SeasonParams::default();
    let week = WeekendParams::default();
    let single: Vec<(&str, Work)> = vec![
        (
            "A1 recipe_volume",
            Box::new(|| Ok(recipe_volume(&recipes, &trend)?.findings.len())),
        ),
        (
            "A2-A4 yearly_trends",
            Box::new(|| Ok(yearly_trends(&recipes, &trend)?.findings.len())),
        ),
        (
            "A5 item_trends ingredients",
            Box::new(|| {
                Ok(item_trends(&recipes, ItemKind::Ingredients, &item)?
                    .findings
                    .len())
            }),
        ),
        (
            "A6 item_trends tags",
            Box::new(|| Ok(item_trends(&recipes, ItemKind::Tags, &item)?.findings.len())),
        ),
        (
            "B1 season_volume",
            Box::new(|| Ok(season_volume(&recipes, &season)?.findings.len())),
        ),
        (
            "B2-B4 seasonal_metrics",
            Box::new(|| Ok(seasonal_metrics(&recipes, &season)?.findings.len())),
        ),
        (
            "B5 seasonal_items ingredients",
            Box::new(|| {
                Ok(seasonal_items(&recipes, ItemKind::Ingredients, &season)?
                    .findings
                    .len())
            }),
        ),
        (
            "B6 seasonal_items tags",
            Box::new(|| {
                Ok(seasonal_items(&recipes, ItemKind::Tags, &season)?
                    .findings
                    .len())
            }),
        ),
        (
            "C1 weekday_volume",
            Box::new(|| Ok(weekday_volume(&recipes, &week)?.findings.len())),
        ),
        (
            "C2-C4 period_metrics",
            Box::new(|| Ok(period_metrics(&recipes, &week)?.findings.len())),
        ),
        (
            "C5 period_items ingredients",
            Box::new(|| {
                Ok(period_items(&recipes, ItemKind::Ingredients, &week)?
                    .findings
                    .len())
            }),
        ),
        (
            "C6 period_items tags",
            Box::new(|| {
                Ok(period_items(&recipes, ItemKind::Tags, &week)?
                    .findings
                    .len())
            }),
        ),
    ];
    let filter = std::env::args().nth(2);
    for (name, work) in &single {
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        // The first call also builds what the table prepares on first use (item counts per
        // year and group, per-year summaries, year-range indexes).
        let start = Instant::now();
        work()?;
        let first = start.elapsed().as_secs_f64() * 1000.0;
        let (ms, _) = best_of(work)?;
        println!("  {name}: {ms:.1} ms (first call {first:.1} ms)");
    }
    if filter.is_some() {
        return Ok(());
    }
    let mut total = 0.0;
    for (name, topic) in [
        (
            "trends (A1-A6)",
            trends as fn(&RecipeTable) -> Result<usize, AnalysisError>,
        ),
        ("seasonality (B1-B6)", seasonality),
        ("weekday/weekend (C1-C6)", weekend),
    ] {
        let (ms, findings) = best_of(|| topic(&recipes))?;
        total += ms;
        println!("{name}: {ms:.1} ms (best of {RUNS}), {findings} findings");
    }
    println!("all three topics: {total:.1} ms");
    Ok(())
}
