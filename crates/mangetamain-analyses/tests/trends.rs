//! Yearly trends on a tiny hand-built dataset; every expected number is worked out by hand.

mod common;

use common::{assert_close, dataset, recipe};
use mangetamain_analyses::findings::{Direction, Finding};
use mangetamain_analyses::metric::Metric;
use mangetamain_analyses::recipe_table::{ItemKind, RecipeTable};
use mangetamain_analyses::trends::{
    item_trends, recipe_volume, yearly_trends, ItemTrendParams, TrendParams,
};

fn recipes(dir: &std::path::Path) -> RecipeTable {
    // 2001: 10 and 20 minutes; 2002: 30; 2003: 10, 40 and 70. Tags:
    // 2001 {salt, sugar}, {salt}; 2002 {salt, sugar}; 2003 {salt, garlic}, {garlic}, {salt, garlic}.
    let rows = [
        recipe(1, "2001-02-01", 10, &["salt", "sugar"]),
        recipe(2, "2001-06-01", 20, &["salt"]),
        recipe(3, "2002-03-01", 30, &["salt", "sugar"]),
        recipe(4, "2003-01-10", 10, &["salt", "garlic"]),
        recipe(5, "2003-05-10", 40, &["garlic"]),
        recipe(6, "2003-09-10", 70, &["salt", "garlic", "salt"]),
    ];
    RecipeTable::from_dataset(&dataset(dir, &rows)).unwrap()
}

#[test]
fn recipes_per_year_and_their_peak() {
    let dir = tempfile::tempdir().unwrap();
    let volume = recipe_volume(&recipes(dir.path()), &TrendParams::default()).unwrap();
    assert_eq!(volume.years, vec![2001, 2002, 2003]);
    assert_eq!(volume.counts, vec![2, 1, 3]);
    assert!(volume.findings.contains(&Finding::Peak {
        what: "recipes per year".to_string(),
        at: "2003".to_string(),
        value: 3.0
    }));
    let restricted = recipe_volume(
        &recipes(dir.path()),
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
    let trends = yearly_trends(&recipes(dir.path()), &TrendParams::default()).unwrap();
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
    // Means rise every year: Spearman rho = 1 (scipy.stats.spearmanr), weighted as well.
    assert_close(minutes.spearman.unwrap().coefficient, 1.0, 1e-12);
    assert_close(minutes.weighted_spearman.unwrap(), 1.0, 1e-12);
    // Steps are constant: no Pearson correlation involving them can be computed, none is shown.
    assert!(trends
        .correlations
        .iter()
        .all(|c| c.a != Metric::Steps && c.b != Metric::Steps));
    // Steps are 2 every year: a flat series has no slope to test.
    let steps = trends
        .trends
        .iter()
        .find(|t| t.metric == Metric::Steps)
        .unwrap();
    assert_eq!(steps.mean, vec![2.0, 2.0, 2.0]);
    assert!(trends.findings.iter().any(|f| matches!(f, Finding::Trend { what, direction: Direction::Flat | Direction::Up, .. } if what == "minutes")));
}

#[test]
fn tags_over_time_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let params = ItemTrendParams {
        min_recipes: 1,
        window_years: 1,
        ..ItemTrendParams::default()
    };
    let tags = item_trends(&recipes(dir.path()), ItemKind::Tags, &params).unwrap();
    assert_eq!(tags.years, vec![2001, 2002, 2003]);
    assert_eq!(tags.recipes_per_year, vec![2, 1, 3]);
    assert_eq!(tags.window_years, 1);
    assert_eq!((tags.items_total, tags.items_tested), (3, 3));
    // Recipe 6 lists salt twice: counted once, and reported.
    assert_eq!(tags.repeated_within_recipe, 1);
    let frequent: Vec<(&str, u64)> = tags
        .most_frequent
        .iter()
        .map(|t| (t.item.as_str(), t.recipes))
        .collect();
    assert_eq!(frequent, vec![("salt", 5), ("garlic", 3), ("sugar", 2)]);
    // garlic 0 % -> 100 %; sugar 50 % -> 0 %; salt 100 % -> 66.7 %.
    assert_eq!(tags.increases.len(), 1);
    let garlic = &tags.increases[0];
    assert_eq!(garlic.item, "garlic");
    assert_close(garlic.window_delta_points, 100.0, 1e-12);
    assert_close(garlic.year_delta_points, 100.0, 1e-12);
    // scipy.stats.chi2_contingency([[0, 2], [3, 0]]).pvalue
    assert_close(garlic.p_value, 0.19210644086793857, 1e-12);
    // statsmodels multipletests([0.1921..., 0.8194..., 1.0], method="fdr_bh")
    assert_close(garlic.p_adjusted, 0.57631932, 1e-8);
    let decreases: Vec<(&str, f64)> = tags
        .decreases
        .iter()
        .map(|c| (c.item.as_str(), c.window_delta_points))
        .collect();
    assert_eq!(decreases[0].0, "sugar");
    assert_close(decreases[0].1, -50.0, 1e-12);
    assert_eq!(decreases[1].0, "salt");
    assert_close(decreases[1].1, 200.0 / 3.0 - 100.0, 1e-12);
    // scipy.stats.chi2_contingency([[1, 1], [0, 3]]).pvalue
    assert_close(tags.decreases[0].p_value, 0.8194769767775212, 1e-12);
    // Diversity: 2 distinct tags every year. Rarefied to 1 recipe (the smallest year):
    // 2001 salt 2/2 + sugar 1/2 = 1.5; 2002 2; 2003 salt 2/3 + garlic 3/3 = 5/3.
    assert_eq!(tags.diversity.distinct, vec![2, 2, 2]);
    assert_eq!(tags.diversity.rarefaction_size, 1);
    let rarefied: Vec<f64> = tags.diversity.rarefied.iter().map(|r| r.unwrap()).collect();
    assert_close(rarefied[0], 1.5, 1e-12);
    assert_close(rarefied[1], 2.0, 1e-12);
    assert_close(rarefied[2], 5.0 / 3.0, 1e-12);
    // Nothing significant with 6 recipes: no shift is claimed.
    assert!(!tags
        .findings
        .iter()
        .any(|f| matches!(f, Finding::ItemShift { .. })));
    assert!(tags.findings.contains(&Finding::Count {
        what: "tags with a significant change".to_string(),
        value: 0
    }));
    // The series start with the most frequent tags.
    assert_eq!(tags.series[0].item, "salt");
    assert_close(tags.series[0].percent[2], 200.0 / 3.0, 1e-12);
}

#[test]
fn bad_item_trend_parameters_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let recipes = recipes(dir.path());
    for params in [
        ItemTrendParams {
            window_years: 0,
            ..ItemTrendParams::default()
        },
        ItemTrendParams {
            years: Some((2002, 2002)),
            ..ItemTrendParams::default()
        },
    ] {
        let error = item_trends(&recipes, ItemKind::Tags, &params).unwrap_err();
        assert!(error.to_string().starts_with("parameter "), "{error}");
    }
    let params = TrendParams {
        band: (0.8, 0.2),
        ..TrendParams::default()
    };
    assert!(yearly_trends(&recipes, &params).is_err());
}
