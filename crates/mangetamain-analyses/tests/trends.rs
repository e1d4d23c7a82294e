//! Yearly trends on a tiny hand-built dataset; every expected number is worked out by hand.

use mangetamain_analyses::findings::{Direction, Finding};
use mangetamain_analyses::trends::{recipe_volume, yearly_trends, Metric, TrendParams};
use mangetamain_core::{DataSource, Dataset, OpenOptions};

const HEADER: &str = "name,id,minutes,contributor_id,submitted,tags,nutrition,n_steps,steps,description,ingredients,n_ingredients\r\n";

fn recipe(id: i64, minutes: i64, submitted: &str) -> String {
    format!(
        "r{id},{id},{minutes},1,{submitted},\"['easy']\",\"[100.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]\",2,\"['a', 'b']\",,\"['x', 'y', 'z']\",3\r\n"
    )
}

fn dataset(dir: &std::path::Path) -> Dataset {
    // 2001: 10 and 20 minutes; 2002: 30; 2003: 10, 40 and 70.
    let rows = [
        recipe(1, 10, "2001-02-01"),
        recipe(2, 20, "2001-06-01"),
        recipe(3, 30, "2002-03-01"),
        recipe(4, 10, "2003-01-10"),
        recipe(5, 40, "2003-05-10"),
        recipe(6, 70, "2003-09-10"),
    ];
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("RAW_recipes.csv"),
        format!("{HEADER}{}", rows.concat()),
    )
    .unwrap();
    std::fs::write(
        data.join("RAW_interactions.csv"),
        "user_id,recipe_id,date,rating,review\r\n1,1,2005-01-01,5,ok\r\n",
    )
    .unwrap();
    let options = OpenOptions {
        store_path: Some(dir.join("store.duckdb")),
        ..OpenOptions::default()
    };
    Dataset::open_with(DataSource::LocalDir(data), &options).unwrap()
}

#[test]
fn recipes_per_year_and_their_peak() {
    let dir = tempfile::tempdir().unwrap();
    let volume = recipe_volume(&dataset(dir.path()), &TrendParams::default()).unwrap();
    assert_eq!(volume.years, vec![2001, 2002, 2003]);
    assert_eq!(volume.counts, vec![2, 1, 3]);
    assert!(volume.findings.contains(&Finding::Peak {
        what: "recipes per year".to_string(),
        at: "2003".to_string(),
        value: 3.0
    }));
    let restricted = recipe_volume(
        &dataset(dir.path()),
        &TrendParams {
            years: Some((2002, 2003)),
            ..TrendParams::default()
        },
    )
    .unwrap();
    assert_eq!(restricted.counts, vec![1, 3]);
}

#[test]
fn yearly_minutes_with_weighted_regression_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let trends = yearly_trends(&dataset(dir.path()), &TrendParams::default()).unwrap();
    let minutes = trends
        .trends
        .iter()
        .find(|t| t.metric == Metric::Minutes)
        .unwrap();
    assert_eq!(minutes.years, vec![2001, 2002, 2003]);
    assert_eq!(minutes.n, vec![2, 1, 3]);
    assert_eq!(minutes.mean, vec![15.0, 30.0, 40.0]);
    assert_eq!(minutes.median, vec![15.0, 30.0, 40.0]);
    // Q25 / Q75 "nearest": 2001 [10, 20]: round(0.25) = 0 -> 10, round(0.75) = 1 -> 20;
    // 2003 [10, 40, 70]: round(0.5) = 0 (half to even) -> 10, round(1.5) = 2 -> 70.
    assert_eq!(minutes.band_low, vec![10.0, 30.0, 10.0]);
    assert_eq!(minutes.band_high, vec![20.0, 30.0, 70.0]);
    // WLS, weights 2, 1, 3: x̄w = 12013/6, ȳw = 30, Sxx = 29/6, Sxy = 60 -> slope 360/29.
    let wls = minutes.wls_mean.as_ref().unwrap();
    assert!((wls.slope - 360.0 / 29.0).abs() < 1e-9, "{}", wls.slope);
    // Mann-Kendall on 15, 30, 40: S = 3, Var = 3·2·11/18 = 11/3.
    let mk = minutes.mann_kendall.unwrap();
    assert_eq!(mk.s, 3.0);
    assert!((mk.var_s - 11.0 / 3.0).abs() < 1e-12);
    // Sen: slopes 15, 12.5, 10 -> median 12.5.
    assert_eq!(minutes.sen.unwrap().slope, 12.5);
    // Steps are 2 every year: a flat series has no slope to test.
    let steps = trends
        .trends
        .iter()
        .find(|t| t.metric == Metric::Steps)
        .unwrap();
    assert_eq!(steps.mean, vec![2.0, 2.0, 2.0]);
    assert!(trends.findings.iter().any(|f| matches!(f, Finding::Trend { what, direction: Direction::Flat | Direction::Up, .. } if what == "minutes")));
}
