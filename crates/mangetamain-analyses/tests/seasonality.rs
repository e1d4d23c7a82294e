//! Seasonal analyses on a hand-built dataset; expected values worked out by hand or with the
//! scipy / statsmodels call quoted next to them.

mod common;

use common::{assert_close, dataset, recipe};
use mangetamain_analyses::findings::{EffectClass, EffectMeasure, Finding};
use mangetamain_analyses::metric::Metric;
use mangetamain_analyses::recipe_table::{ItemKind, RecipeTable};
use mangetamain_analyses::seasonality::{
    season_volume, seasonal_items, seasonal_metrics, SeasonExpectation, SeasonParams,
};

fn recipes(dir: &std::path::Path) -> RecipeTable {
    // Winter: 10, 20, 30 min (soup); Spring: 40 (salad); Summer: 50, 60 (salad);
    // Autumn: 70 (soup), 80 (pie).
    let rows = [
        recipe(1, "2001-01-10", 10, &["soup"]),
        recipe(2, "2001-02-10", 20, &["soup"]),
        recipe(3, "2001-12-10", 30, &["soup"]),
        recipe(4, "2001-04-10", 40, &["salad"]),
        recipe(5, "2001-07-10", 50, &["salad"]),
        recipe(6, "2001-08-10", 60, &["salad"]),
        recipe(7, "2001-10-10", 70, &["soup"]),
        recipe(8, "2001-11-10", 80, &["pie"]),
    ];
    RecipeTable::from_dataset(&dataset(dir, &rows)).unwrap()
}

#[test]
fn volume_per_season_against_days_and_uniform() {
    let dir = tempfile::tempdir().unwrap();
    let recipes = recipes(dir.path());
    let volume = season_volume(&recipes, &SeasonParams::default()).unwrap();
    assert_eq!(volume.seasons, vec!["Winter", "Spring", "Summer", "Autumn"]);
    assert_eq!(volume.counts, vec![3, 1, 2, 2]);
    assert_eq!(
        volume.deviation_from_mean_percent,
        vec![50.0, -50.0, 0.0, 0.0]
    );
    assert_close(volume.expected[0], 8.0 * 90.25 / 365.25, 1e-12);
    // numpy.std([3, 1, 2, 2], ddof=1) / 2 * 100
    assert_close(volume.cv_percent, 40.8248290463863, 1e-12);
    // scipy.stats.chisquare([3, 1, 2, 2], np.array([90.25, 92, 92, 91]) / 365.25 * 8)
    let test = volume.chi_square.as_ref().unwrap();
    assert_close(test.statistic, 1.0411639059859203, 1e-12);
    assert_close(test.p_value, 0.7912928747955651, 1e-12);
    let uniform = season_volume(
        &recipes,
        &SeasonParams {
            expectation: SeasonExpectation::Uniform,
            ..SeasonParams::default()
        },
    )
    .unwrap();
    // scipy.stats.chisquare([3, 1, 2, 2])
    assert_close(
        uniform.chi_square.unwrap().p_value,
        0.8012519569012009,
        1e-12,
    );
    // Cohen's w = sqrt(1.0 / 8).
    match &uniform.findings[0] {
        Finding::GroupDifference {
            highest,
            lowest,
            significant,
            effect,
            ..
        } => {
            assert_eq!((highest.as_str(), lowest.as_str()), ("Winter", "Spring"));
            assert!(!significant);
            assert_eq!(effect.measure, EffectMeasure::CohensW);
            assert_close(effect.value, (1.0f64 / 8.0).sqrt(), 1e-12);
            assert_eq!(effect.class, EffectClass::Medium);
        }
        other => panic!("unexpected finding {other:?}"),
    }
}

#[test]
fn minutes_per_season_with_kruskal_and_anova() {
    let dir = tempfile::tempdir().unwrap();
    let metrics = seasonal_metrics(&recipes(dir.path()), &SeasonParams::default()).unwrap();
    let minutes = &metrics.metrics[Metric::Minutes.index()];
    assert_eq!(minutes.metric, Metric::Minutes);
    let means: Vec<f64> = minutes
        .summaries
        .iter()
        .map(|s| s.as_ref().unwrap().mean)
        .collect();
    assert_eq!(means, vec![20.0, 40.0, 55.0, 75.0]);
    let winter = minutes.summaries[0].as_ref().unwrap();
    assert_eq!((winter.n, winter.median, winter.std), (3, 20.0, 10.0));
    // scipy.stats.kruskal([10, 20, 30], [40], [50, 60], [70, 80])
    let kruskal = minutes.kruskal.as_ref().unwrap();
    assert_close(kruskal.h, 6.5, 1e-12);
    assert_close(kruskal.p_value, 0.08966250398816791, 1e-12);
    // scipy.stats.f_oneway(...) F = 17.333, p = 0.009335
    let anova = minutes.anova.as_ref().unwrap();
    assert_close(anova.f, 17.333333333333332, 1e-12);
    assert_close(anova.p_value, 0.009335415819512994, 1e-12);
    // Only minutes and complexity vary: the other metrics are constant (no test possible).
    assert!(metrics.metrics[Metric::Steps.index()].kruskal.is_none());
    // BH over the two testable metrics; complexity has the same ranks as minutes.
    assert_close(minutes.kruskal_p_adjusted, 0.08966250398816791, 1e-12);
    // Nutrient profile: constant nutrients have zero spread, so z is NaN, not a fake 0.
    assert_eq!(metrics.nutrient_profile.len(), 7);
    assert!(metrics.nutrient_profile[0]
        .z_scores
        .iter()
        .all(|z| z.is_nan()));
    assert!(metrics.findings.iter().any(|f| matches!(f,
        Finding::GroupDifference { what, highest, lowest, .. }
            if what == "minutes" && highest == "Autumn" && lowest == "Winter")));
}

#[test]
fn seasonal_tags_ranked_by_coefficient_of_variation() {
    let dir = tempfile::tempdir().unwrap();
    let params = SeasonParams {
        min_recipes: 1,
        min_mean_percent: 0.0,
        min_range_points: 0.0,
        ..SeasonParams::default()
    };
    let tags = seasonal_items(&recipes(dir.path()), ItemKind::Tags, &params).unwrap();
    assert_eq!(tags.recipes_per_season, vec![3, 1, 2, 2]);
    assert_eq!(
        (tags.items_total, tags.items_tested, tags.items_kept),
        (3, 3, 3)
    );
    let order: Vec<&str> = tags
        .top
        .iter()
        .map(|i| i.comparison.item.as_str())
        .collect();
    // CV: pie 25 / 12.5 = 200 %, soup 47.87 / 37.5 = 127.7 %, salad 57.74 / 50 = 115.5 %.
    assert_eq!(order, vec!["pie", "soup", "salad"]);
    let soup = &tags.top[1];
    assert_eq!(soup.comparison.percent, vec![100.0, 0.0, 0.0, 50.0]);
    assert_close(soup.mean_percent, 37.5, 1e-12);
    // numpy.std([100, 0, 0, 50], ddof=1)
    assert_close(soup.std_points, 47.871355387816905, 1e-12);
    assert_close(soup.range_points, 100.0, 1e-12);
    assert_eq!(soup.peak_season, "Winter");
    // scipy.stats.chi2_contingency([[3, 0, 0, 1], [0, 1, 2, 1]])
    assert_close(soup.comparison.chi_square, 6.0, 1e-12);
    assert_close(soup.comparison.p_value, 0.11161022509471268, 1e-12);
    // multipletests([0.1116, 0.0460, 0.3301], method="fdr_bh")
    assert_close(soup.comparison.p_adjusted, 0.16741534, 1e-7);
    assert_close(tags.top[2].comparison.p_adjusted, 0.13803512, 1e-7);
    assert_eq!(tags.items_significant, 0);
    // The default filters (mean >= 1 %, range >= 0.5 points, >= 50 recipes) keep nothing here.
    let default = seasonal_items(
        &recipes(dir.path()),
        ItemKind::Tags,
        &SeasonParams::default(),
    )
    .unwrap();
    assert_eq!((default.items_tested, default.top.len()), (0, 0));
}
