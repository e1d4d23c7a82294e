//! The Dataset handle end to end: cold ingest, warm open from the store, re-ingest when a file
//! changes, SQL, and the cleaned counts recomputed independently with SQL on the raw tables.

use std::path::{Path, PathBuf};

use mangetamain_core::synthetic::{generate, GeneratorParams};
use mangetamain_core::{CoreError, DataSource, Dataset, OpenOptions};
use polars::prelude::*;

fn options(store: &Path) -> OpenOptions {
    OpenOptions {
        store_path: Some(store.to_path_buf()),
        ..OpenOptions::default()
    }
}

fn count(dataset: &Dataset, sql: &str) -> i64 {
    let frame = dataset.sql(sql).unwrap();
    frame
        .column(frame.get_column_names()[0].as_str())
        .unwrap()
        .cast(&DataType::Int64)
        .unwrap()
        .i64()
        .unwrap()
        .get(0)
        .unwrap()
}

#[test]
fn cold_then_warm_then_reingest_on_change() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("kaggle");
    let written = generate(
        &data,
        &GeneratorParams {
            scale: 0.003,
            seed: 7,
            splits: true,
        },
    )
    .unwrap();
    let store = dir.path().join("store.duckdb");

    let cold = Dataset::open_with(DataSource::LocalDir(data.clone()), &options(&store)).unwrap();
    assert!(cold.load_info().ingested);
    let recipes_report = cold.cleaning_report().table("recipes").unwrap().clone();
    assert_eq!(recipes_report.rows_in, written.recipes);
    assert!(recipes_report.is_balanced());
    let interactions_report = cold.cleaning_report().table("interactions").unwrap();
    assert_eq!(interactions_report.rows_in, written.interactions);
    assert!(interactions_report.is_balanced());
    assert!(cold.interactions_train().unwrap().is_some());

    let warm = Dataset::open_with(DataSource::LocalDir(data.clone()), &options(&store)).unwrap();
    // Read lazily from the store: equal to what the ingest produced.
    assert!(warm.has_interactions_train());
    assert!(warm
        .interactions_train()
        .unwrap()
        .unwrap()
        .equals_missing(cold.interactions_train().unwrap().unwrap()));
    assert!(!warm.load_info().ingested);
    assert!(warm.recipes().equals_missing(cold.recipes()));
    assert!(warm.interactions().equals_missing(cold.interactions()));
    assert!(warm
        .recipe_ingredients()
        .unwrap()
        .equals_missing(cold.recipe_ingredients().unwrap()));
    assert!(warm
        .recipe_tags()
        .unwrap()
        .equals_missing(cold.recipe_tags().unwrap()));
    assert_eq!(warm.cleaning_report(), cold.cleaning_report());
    drop((cold, warm));

    // Appending a row changes the size: the next open ingests again.
    let interactions = data.join("RAW_interactions.csv");
    let mut text = std::fs::read_to_string(&interactions).unwrap();
    text.push_str("1533,38,2018-12-20,5,one more\r\n");
    std::fs::write(&interactions, text).unwrap();
    let again = Dataset::open_with(DataSource::LocalDir(data), &options(&store)).unwrap();
    assert!(again.load_info().ingested);
    assert_eq!(
        again
            .cleaning_report()
            .table("interactions")
            .unwrap()
            .rows_in,
        written.interactions + 1
    );
}

#[test]
fn cleaned_counts_equal_an_independent_sql_computation() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("kaggle");
    generate(
        &data,
        &GeneratorParams {
            scale: 0.004,
            seed: 11,
            splits: false,
        },
    )
    .unwrap();
    let dataset = Dataset::open_with(
        DataSource::LocalDir(data),
        &options(&dir.path().join("s.duckdb")),
    )
    .unwrap();
    let expected_recipes = count(
        &dataset,
        "WITH first AS (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY id ORDER BY rowid) AS k FROM raw_recipes) WHERE k = 1)
         SELECT count(*) FROM first WHERE minutes BETWEEN 1 AND 180 AND n_steps BETWEEN 2 AND 24
           AND n_ingredients BETWEEN 3 AND 17 AND submitted IS NOT NULL AND name IS NOT NULL AND calories >= 0",
    );
    assert_eq!(dataset.recipes().height() as i64, expected_recipes);
    let expected_interactions = count(
        &dataset,
        "SELECT count(*) FROM (SELECT DISTINCT user_id, recipe_id, date, rating, review FROM raw_interactions
           WHERE date IS NOT NULL AND rating BETWEEN 1 AND 5)",
    );
    assert_eq!(
        dataset.interactions().height() as i64,
        expected_interactions
    );
    let exploded = count(
        &dataset,
        "SELECT sum(len(ingredients))::BIGINT FROM recipes",
    );
    assert_eq!(
        dataset.recipe_ingredients().unwrap().height() as i64,
        exploded
    );
    // The injected anomalies reach the report (the generator adds duplicates and unrated rows).
    let report = dataset.cleaning_report().table("interactions").unwrap();
    assert_eq!(
        report.removed_by("no_rating") as i64,
        count(
            &dataset,
            "SELECT count(*) FROM raw_interactions WHERE rating = 0"
        )
    );
}

#[test]
fn a_folder_without_the_files_names_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let err = Dataset::open_with(
        DataSource::LocalDir(dir.path().to_path_buf()),
        &options(&dir.path().join("s.duckdb")),
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            CoreError::MissingFile {
                file: "RAW_recipes.csv",
                ..
            }
        ),
        "{err}"
    );
    assert!(
        !dir.path().join("s.duckdb").exists(),
        "a failed open must not leave a store file behind"
    );
}

#[test]
fn a_bad_sql_query_is_an_error_with_the_query() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("kaggle");
    generate(
        &data,
        &GeneratorParams {
            scale: 0.001,
            seed: 1,
            splits: false,
        },
    )
    .unwrap();
    let dataset = Dataset::open_with(
        DataSource::LocalDir(data),
        &options(&dir.path().join("s.duckdb")),
    )
    .unwrap();
    let err = dataset.sql("SELECT nope FROM recipes").unwrap_err();
    assert!(matches!(err, CoreError::Sql { .. }));
    assert!(err.to_string().contains("SELECT nope FROM recipes"));
}

fn real_sample(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/real-samples")
        .join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("SKIPPED: real sample {} not found", path.display());
        None
    }
}

#[test]
fn real_excerpts_clean_as_computed_independently_in_python() {
    let (Some(recipes), Some(interactions)) = (
        real_sample("amaldre__projet_Kit_Big_Data__data__RAW_recipes_sample.csv"),
        real_sample("amaldre__projet_Kit_Big_Data__data__RAW_interactions_sample.csv"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("real");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(recipes, data.join("RAW_recipes.csv")).unwrap();
    std::fs::copy(interactions, data.join("RAW_interactions.csv")).unwrap();
    let dataset = Dataset::open_with(
        DataSource::LocalDir(data),
        &options(&dir.path().join("s.duckdb")),
    )
    .unwrap();
    // Expected values from Python's csv + ast on the same file (rules applied in the same order).
    let report = dataset.cleaning_report().table("recipes").unwrap();
    assert_eq!(report.rows_in, 1000);
    assert_eq!(report.removed_by("minutes_out_of_range"), 75);
    assert_eq!(report.removed_by("steps_out_of_range"), 23);
    assert_eq!(report.removed_by("ingredients_out_of_range"), 27);
    assert_eq!(report.rows_out, 875);
    let complexity = dataset
        .recipes()
        .column("complexity_score")
        .unwrap()
        .f64()
        .unwrap()
        .mean()
        .unwrap();
    assert!(
        (complexity - 16.986293673081693).abs() < 1e-9,
        "{complexity}"
    );
    assert_eq!(dataset.recipe_ingredients().unwrap().height(), 7670);
    let distinct = dataset
        .recipe_ingredients()
        .unwrap()
        .column("ingredient")
        .unwrap()
        .n_unique()
        .unwrap();
    assert_eq!(distinct, 1777);
    let interactions = dataset.cleaning_report().table("interactions").unwrap();
    assert_eq!(
        (
            interactions.rows_in,
            interactions.removed_by("no_rating"),
            interactions.rows_out
        ),
        (1000, 49, 951)
    );
    let mean_rating = dataset
        .interactions()
        .column("rating")
        .unwrap()
        .i32()
        .unwrap()
        .mean()
        .unwrap();
    assert!((mean_rating - 4.616193480546793).abs() < 1e-12);
}
