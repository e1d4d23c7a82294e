//! Each cleaning rule on tiny hand-made files, with the expected removals worked out by hand.

use std::path::Path;

use mangetamain_core::clean::{clean_interactions, clean_recipes};
use mangetamain_core::raw::{read_raw_interactions, read_raw_recipes};
use mangetamain_core::{Bounds, BoundsRule, RecipeCleaning};
use polars::prelude::*;

const RECIPES_HEADER: &str = "name,id,minutes,contributor_id,submitted,tags,nutrition,n_steps,steps,description,ingredients,n_ingredients\r\n";

/// One RAW_recipes line; `steps` and `ingredients` are generated to match their counts.
fn recipe(
    name: &str,
    id: i64,
    minutes: i64,
    submitted: &str,
    calories: f64,
    n_steps: usize,
    n_ingredients: usize,
) -> String {
    let steps: Vec<String> = (0..n_steps).map(|i| format!("'step {i}, stir'")).collect();
    let ingredients: Vec<String> = (0..n_ingredients)
        .map(|i| {
            if i == 0 {
                "' Garlic '".to_string()
            } else {
                format!("'item {i}'")
            }
        })
        .collect();
    format!(
        "{name},{id},{minutes},99,{submitted},\"['easy', 'Main-Dish']\",\"[{calories:?}, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]\",{n_steps},\"[{}]\",\"a \"\"quoted\"\", text\r\nwith a line break\",\"[{}]\",{n_ingredients}\r\n",
        steps.join(", "),
        ingredients.join(", ")
    )
}

fn write(dir: &Path, name: &str, content: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn column_i32(frame: &DataFrame, name: &str) -> Vec<i32> {
    frame
        .column(name)
        .unwrap()
        .i32()
        .unwrap()
        .into_no_null_iter()
        .collect()
}

#[test]
fn every_recipe_rule_removes_exactly_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        recipe("kept tuesday", 1, 30, "2005-03-15", 250.0, 3, 4),
        recipe("duplicate of 1", 1, 30, "2005-03-15", 250.0, 3, 4),
        recipe("zero minutes", 2, 0, "2005-03-15", 250.0, 3, 4),
        recipe("too long", 3, 181, "2005-03-15", 250.0, 3, 4),
        recipe("one step", 4, 30, "2005-03-15", 250.0, 1, 4),
        recipe("many steps", 5, 30, "2005-03-15", 250.0, 25, 4),
        recipe("two ingredients", 6, 30, "2005-03-15", 250.0, 3, 2),
        recipe("many ingredients", 7, 30, "2005-03-15", 250.0, 3, 18),
        recipe("no date", 8, 30, "", 250.0, 3, 4),
        recipe("", 9, 30, "2005-03-15", 250.0, 3, 4),
        recipe("negative calories", 10, 30, "2005-03-15", -1.0, 3, 4),
        recipe("upper bounds sunday", 11, 180, "2018-12-02", 250.0, 24, 17),
        recipe("lower bounds friday", 12, 1, "1999-08-06", 250.0, 2, 3),
    ];
    let path = write(
        dir.path(),
        "RAW_recipes.csv",
        &format!("{RECIPES_HEADER}{}", rows.concat()),
    );
    let raw = read_raw_recipes(&path).unwrap();
    assert_eq!(raw.frame.height(), 13);
    // " Garlic " (13 rows) and "Main-Dish" (13 rows) are normalised.
    assert_eq!(raw.normalised_names, 26);
    let clean = clean_recipes(&raw, &RecipeCleaning::default()).unwrap();
    let report = &clean.report;
    let removed: Vec<(&str, usize)> = report
        .removals
        .iter()
        .map(|r| (r.rule.as_str(), r.removed))
        .collect();
    assert_eq!(
        removed,
        vec![
            ("duplicate_id", 1),
            ("minutes_out_of_range", 2),
            ("steps_out_of_range", 2),
            ("ingredients_out_of_range", 2),
            ("missing_submitted", 1),
            ("missing_name", 1),
            ("negative_calories", 1),
            ("no_ingredients", 0),
        ]
    );
    assert_eq!((report.rows_in, report.rows_out), (13, 3));
    assert!(report.is_balanced());
    assert_eq!(
        report.date_range,
        Some(("1999-08-06".to_string(), "2018-12-02".to_string()))
    );

    let frame = &clean.frame;
    let ids: Vec<i64> = frame
        .column("id")
        .unwrap()
        .i64()
        .unwrap()
        .into_no_null_iter()
        .collect();
    assert_eq!(ids, vec![1, 11, 12]);
    // 2005-03-15 is a Tuesday, 2018-12-02 a Sunday, 1999-08-06 a Friday.
    assert_eq!(column_i32(frame, "weekday"), vec![2, 7, 5]);
    let weekend: Vec<bool> = frame
        .column("is_weekend")
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .flatten()
        .collect();
    assert_eq!(weekend, vec![false, true, false]);
    let seasons: Vec<&str> = frame
        .column("season")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .flatten()
        .collect();
    assert_eq!(seasons, vec!["Spring", "Winter", "Summer"]);
    assert_eq!(column_i32(frame, "year"), vec![2005, 2018, 1999]);
    // complexity = ln(1 + minutes) + n_steps + 0.5 n_ingredients
    let complexity: Vec<f64> = frame
        .column("complexity_score")
        .unwrap()
        .f64()
        .unwrap()
        .into_no_null_iter()
        .collect();
    let expected = [
        31f64.ln() + 3.0 + 2.0,
        181f64.ln() + 24.0 + 8.5,
        2f64.ln() + 2.0 + 1.5,
    ];
    for (got, want) in complexity.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    // "step 0, stir" ... "step 9, stir" are 12 characters, "step 10, stir" ... 13: recipe 11 has
    // 24 steps, 10 of 12 characters and 14 of 13, mean 302 / 24.
    let step_length: Vec<f64> = frame
        .column("avg_step_length")
        .unwrap()
        .f64()
        .unwrap()
        .into_no_null_iter()
        .collect();
    assert_eq!(step_length, vec![12.0, 302.0 / 24.0, 12.0]);
    // The description keeps its quotes, comma and CR LF: `a "quoted", text\r\nwith a line break`.
    let description_length: Vec<i64> = frame
        .column("description_length")
        .unwrap()
        .i64()
        .unwrap()
        .into_no_null_iter()
        .collect();
    assert_eq!(description_length, vec![35, 35, 35]);
    let first_ingredients = frame
        .column("ingredients")
        .unwrap()
        .list()
        .unwrap()
        .get_as_series(0)
        .unwrap();
    assert_eq!(first_ingredients.str().unwrap().get(0), Some("garlic"));
    let tags = frame
        .column("tags")
        .unwrap()
        .list()
        .unwrap()
        .get_as_series(0)
        .unwrap();
    assert_eq!(tags.str().unwrap().get(1), Some("main-dish"));
}

#[test]
fn no_ingredients_and_quantile_bounds() {
    let dir = tempfile::tempdir().unwrap();
    // n_steps 1..=10 after the minutes filter; n_ingredients 0 on one row.
    let mut rows = String::new();
    for i in 0..10 {
        rows.push_str(&recipe(
            &format!("r{i}"),
            i,
            10,
            "2010-01-01",
            100.0,
            (i + 1) as usize,
            if i == 4 { 0 } else { 5 },
        ));
    }
    rows.push_str(&recipe("slow", 99, 500, "2010-01-01", 100.0, 30, 5));
    let path = write(
        dir.path(),
        "RAW_recipes.csv",
        &format!("{RECIPES_HEADER}{rows}"),
    );
    let raw = read_raw_recipes(&path).unwrap();
    let params = RecipeCleaning {
        steps: BoundsRule::DataQuantiles {
            lower: 0.1,
            upper: 0.8,
        },
        ingredients: BoundsRule::Fixed(Bounds { min: 0, max: 50 }),
        ..RecipeCleaning::default()
    };
    let clean = clean_recipes(&raw, &params).unwrap();
    // After the minutes filter (the 500-minute row goes), n_steps = 1..=10, n = 10:
    // nearest index round(0.1 * 9) = 1 -> 2 steps; round(0.8 * 9) = 7 -> 8 steps.
    assert_eq!(clean.applied.steps, Bounds { min: 2, max: 8 });
    assert_eq!(clean.report.removed_by("minutes_out_of_range"), 1);
    assert_eq!(clean.report.removed_by("steps_out_of_range"), 3); // 1, 9 and 10 steps
    assert_eq!(clean.report.removed_by("no_ingredients"), 1);
    assert_eq!(clean.report.rows_out, 11 - 1 - 3 - 1);
}

#[test]
fn interaction_rules_count_unrated_reviews_and_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let content = "user_id,recipe_id,date,rating,review\r\n\
        1,10,2005-03-15,5,great\r\n\
        1,10,2005-03-15,5,great\r\n\
        1,10,2005-03-15,4,great\r\n\
        2,10,,3,no date\r\n\
        3,20,2010-07-04,0,no stars\r\n\
        4,20,2018-12-20,1,\r\n";
    let path = write(dir.path(), "RAW_interactions.csv", content);
    let raw = read_raw_interactions(&path).unwrap();
    let clean = clean_interactions(&raw, "interactions", "RAW_interactions.csv").unwrap();
    let removed: Vec<(&str, usize)> = clean
        .report
        .removals
        .iter()
        .map(|r| (r.rule.as_str(), r.removed))
        .collect();
    assert_eq!(
        removed,
        vec![
            ("missing_date", 1),
            ("no_rating", 1),
            ("exact_duplicate", 1)
        ]
    );
    assert_eq!((clean.report.rows_in, clean.report.rows_out), (6, 3));
    assert_eq!(column_i32(&clean.frame, "rating"), vec![5, 4, 1]);
    let lengths: Vec<Option<i64>> = clean
        .frame
        .column("review_length")
        .unwrap()
        .i64()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(lengths, vec![Some(5), Some(5), None]);
    assert_eq!(clean.report.nulls.get("review_length"), Some(&1));
    assert_eq!(column_i32(&clean.frame, "weekday"), vec![2, 2, 4]); // 2018-12-20 is a Thursday
}
