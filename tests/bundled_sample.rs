//! The bundled sample: present, small, in the Kaggle format, and consistent end to end
//! (dataset -> overview) with independent SQL counts on the raw tables.

use mangetamain_analyses::overview::dataset_overview;
use mangetamain_core::format::KaggleFile;
use mangetamain_core::{DataSource, Dataset};
use polars::prelude::*;

fn sql_count(dataset: &Dataset, query: &str) -> i64 {
    let frame = dataset.sql(query).unwrap();
    let name = frame.get_column_names()[0].to_string();
    frame
        .column(&name)
        .unwrap()
        .cast(&DataType::Int64)
        .unwrap()
        .i64()
        .unwrap()
        .get(0)
        .unwrap()
}

#[test]
fn the_sample_holds_every_generated_file_and_stays_small() {
    let dir = DataSource::bundled_sample_dir();
    let mut total = 0;
    for file in [
        KaggleFile::RawRecipes,
        KaggleFile::RawInteractions,
        KaggleFile::InteractionsTrain,
        KaggleFile::InteractionsValidation,
        KaggleFile::InteractionsTest,
    ] {
        let path = dir.join(file.file_name());
        total += std::fs::metadata(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .len();
    }
    assert!(total < 5 * 1024 * 1024, "bundled sample is {total} bytes");
}

#[test]
fn overview_figures_match_sql_on_the_raw_tables() {
    let dataset = Dataset::open(DataSource::BundledSample).unwrap();
    for table in &dataset.cleaning_report().tables {
        assert!(table.is_balanced(), "{table}");
    }
    let overview = dataset_overview(&dataset).unwrap();
    let raw_recipes = sql_count(&dataset, "SELECT count(*) FROM raw_recipes");
    assert_eq!(
        dataset.cleaning_report().table("recipes").unwrap().rows_in as i64,
        raw_recipes
    );
    assert_eq!(
        overview.unrated_reviews as i64,
        sql_count(
            &dataset,
            "SELECT count(*) FROM raw_interactions WHERE rating = 0 AND date IS NOT NULL"
        )
    );
    assert_eq!(
        overview.users as i64,
        sql_count(&dataset, "SELECT count(DISTINCT user_id) FROM raw_interactions WHERE rating BETWEEN 1 AND 5 AND date IS NOT NULL")
    );
    let mean = dataset
        .sql("SELECT avg(rating)::DOUBLE AS m FROM (SELECT DISTINCT user_id, recipe_id, date, rating, review FROM raw_interactions WHERE rating BETWEEN 1 AND 5 AND date IS NOT NULL)")
        .unwrap();
    let mean = mean.column("m").unwrap().f64().unwrap().get(0).unwrap();
    assert!((overview.mean_rating - mean).abs() < 1e-9);
    assert_eq!(
        overview.distinct_tags as i64,
        sql_count(
            &dataset,
            "SELECT count(DISTINCT t) FROM (SELECT unnest(tags) AS t FROM recipes)"
        )
    );
}
