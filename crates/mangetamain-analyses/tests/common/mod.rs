//! Hand-built Kaggle files for the analysis tests: each recipe is given by its id, submission
//! date, minutes and tags; the rest is constant (2 steps, ingredients x, y, z, fixed nutrition).
#![allow(dead_code)] // each test binary uses a part of these helpers

use mangetamain_core::{DataSource, Dataset, OpenOptions};

const HEADER: &str = "name,id,minutes,contributor_id,submitted,tags,nutrition,n_steps,steps,description,ingredients,n_ingredients\r\n";

/// One RAW_recipes row.
pub fn recipe(id: i64, submitted: &str, minutes: i64, tags: &[&str]) -> String {
    let tags: Vec<String> = tags.iter().map(|t| format!("'{t}'")).collect();
    format!(
        "r{id},{id},{minutes},1,{submitted},\"[{}]\",\"[100.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]\",2,\"['a', 'b']\",,\"['x', 'y', 'z']\",3\r\n",
        tags.join(", ")
    )
}

/// One RAW_recipes row with given ingredients (3 or more, as the default cleaning bounds ask).
pub fn recipe_with_ingredients(id: i64, submitted: &str, ingredients: &[&str]) -> String {
    let items: Vec<String> = ingredients.iter().map(|t| format!("'{t}'")).collect();
    format!(
        "r{id},{id},30,1,{submitted},\"['easy']\",\"[100.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]\",2,\"['a', 'b']\",,\"[{}]\",{}\r\n",
        items.join(", "),
        ingredients.len()
    )
}

/// Opens a dataset made of these recipe rows (and one interaction) in `dir`.
pub fn dataset(dir: &std::path::Path, rows: &[String]) -> Dataset {
    dataset_with_interactions(dir, rows, &["1,1,2005-01-01,5,ok".to_string()])
}

/// Opens a dataset made of these recipe rows and RAW_interactions rows
/// (`user_id,recipe_id,date,rating,review`) in `dir`.
pub fn dataset_with_interactions(
    dir: &std::path::Path,
    rows: &[String],
    interactions: &[String],
) -> Dataset {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("RAW_recipes.csv"),
        format!("{HEADER}{}", rows.concat()),
    )
    .unwrap();
    let interactions: Vec<String> = interactions.iter().map(|r| format!("{r}\r\n")).collect();
    std::fs::write(
        data.join("RAW_interactions.csv"),
        format!(
            "user_id,recipe_id,date,rating,review\r\n{}",
            interactions.concat()
        ),
    )
    .unwrap();
    let options = OpenOptions {
        store_path: Some(dir.join("store.duckdb")),
        ..OpenOptions::default()
    };
    Dataset::open_with(DataSource::LocalDir(data), &options).unwrap()
}

/// Asserts |got - expected| <= tolerance (relative for large values).
#[track_caller]
pub fn assert_close(got: f64, expected: f64, tolerance: f64) {
    let scale = expected.abs().max(1.0);
    assert!(
        (got - expected).abs() <= tolerance * scale,
        "got {got}, expected {expected}"
    );
}
