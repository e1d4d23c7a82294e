//! The store's raw tables (loaded by DuckDB's CSV reader) on real Kaggle excerpts: same rows and
//! values as our parser reads (expected values from Python's csv module on the same files, as in
//! `mangetamain-format/tests/real_samples.rs`). The excerpts are read from
//! `../shared/data/real-samples` (copied to a temporary folder under the Kaggle names); when the
//! folder is absent the test says so and checks nothing.

use std::path::PathBuf;

use mangetamain_core::{DataSource, Dataset, OpenOptions};

fn sample(name: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("MANGETAMAIN_REAL_SAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/real-samples")
        });
    let path = dir.join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "SKIPPED: real sample {} not found (set MANGETAMAIN_REAL_SAMPLES)",
            path.display()
        );
        None
    }
}

fn scalar(dataset: &Dataset, sql: &str) -> f64 {
    let frame = dataset.sql(sql).unwrap();
    frame.columns()[0]
        .cast(&mangetamain_core::polars::prelude::DataType::Float64)
        .unwrap()
        .f64()
        .unwrap()
        .get(0)
        .unwrap()
}

/// Copies two excerpts under the Kaggle names into a temporary folder, opens them with a store
/// beside them, and waits until the store is written; `None` when an excerpt is absent.
fn open_excerpts(recipes: &str, interactions: &str) -> Option<(tempfile::TempDir, Dataset)> {
    let (recipes, interactions) = (sample(recipes)?, sample(interactions)?);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("kaggle");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(recipes, data.join("RAW_recipes.csv")).unwrap();
    std::fs::copy(interactions, data.join("RAW_interactions.csv")).unwrap();
    let dataset = Dataset::open_with(DataSource::LocalDir(data), &options(&dir)).unwrap();
    dataset.wait_for_store().unwrap();
    Some((dir, dataset))
}

fn options(dir: &tempfile::TempDir) -> OpenOptions {
    OpenOptions {
        store_path: Some(dir.path().join("real.duckdb")),
        ..OpenOptions::default()
    }
}

#[test]
fn raw_tables_from_duckdb_match_the_parser_on_real_excerpts() {
    let Some((dir, dataset)) = open_excerpts(
        "amaldre__projet_Kit_Big_Data__data__RAW_recipes_sample.csv",
        "amaldre__projet_Kit_Big_Data__data__RAW_interactions_sample.csv",
    ) else {
        return;
    };
    assert_eq!(scalar(&dataset, "SELECT count(*) FROM raw_recipes"), 1000.0);
    assert_eq!(
        scalar(&dataset, "SELECT count(*) FROM raw_interactions"),
        1000.0
    );
    assert_eq!(
        scalar(
            &dataset,
            "SELECT calories FROM raw_recipes WHERE id = 388855"
        ),
        266.3
    );
    assert_eq!(
        scalar(
            &dataset,
            "SELECT carb_pct FROM raw_recipes WHERE id = 388855"
        ),
        6.0
    );
    // Rating histogram [49, 14, 16, 44, 173, 704] and 49 reviews holding CR LF.
    assert_eq!(
        scalar(
            &dataset,
            "SELECT count(*) FROM raw_interactions WHERE rating = 0"
        ),
        49.0
    );
    assert_eq!(
        scalar(
            &dataset,
            "SELECT count(*) FROM raw_interactions WHERE rating = 5"
        ),
        704.0
    );
    assert_eq!(
        scalar(
            &dataset,
            "SELECT count(*) FROM raw_interactions WHERE contains(review, chr(13) || chr(10))"
        ),
        49.0
    );
    // The list columns keep their literal text; the cleaned table has them parsed.
    assert_eq!(
        scalar(
            &dataset,
            "SELECT count(*) FROM raw_recipes WHERE tags LIKE '[''60-minutes-or-less''%' AND id = 388855"
        ),
        1.0
    );
    // A second open reads the completed store.
    drop(dataset);
    let warm = Dataset::open_with(
        DataSource::LocalDir(dir.path().join("kaggle")),
        &options(&dir),
    )
    .unwrap();
    assert!(!warm.load_info().ingested);
    assert_eq!(
        scalar(&warm, "SELECT count(*) FROM raw_interactions"),
        1000.0
    );
}

#[test]
fn raw_recipes_with_crlf_line_ends() {
    let Some((_dir, dataset)) = open_excerpts(
        "nsakuja__nutritional-semantic-analysis__data__RAW_recipes_sample.csv",
        "nsakuja__nutritional-semantic-analysis__data__RAW_interactions_sample.csv",
    ) else {
        return;
    };
    assert_eq!(scalar(&dataset, "SELECT count(*) FROM raw_recipes"), 100.0);
    assert_eq!(
        scalar(
            &dataset,
            "SELECT calories FROM raw_recipes WHERE id = 137739"
        ),
        51.5
    );
    assert_eq!(
        scalar(&dataset, "SELECT count(*) FROM raw_interactions"),
        100.0
    );
}
