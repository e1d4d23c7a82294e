//! Weekday / weekend analyses on a hand-built dataset; expected values worked out by hand or
//! with the scipy call quoted next to them. 2001-01-01 was a Monday.

mod common;

use common::{assert_close, dataset, recipe};
use mangetamain_analyses::findings::{EffectMeasure, Finding};
use mangetamain_analyses::metric::Metric;
use mangetamain_analyses::recipe_table::{ItemKind, RecipeTable};
use mangetamain_analyses::weekend::{period_items, period_metrics, weekday_volume, WeekendParams};

fn recipes(dir: &std::path::Path) -> RecipeTable {
    let rows = [
        recipe(1, "2001-01-01", 10, &["quick"]),  // Monday
        recipe(2, "2001-01-02", 20, &["quick"]),  // Tuesday
        recipe(3, "2001-01-03", 30, &["quick"]),  // Wednesday
        recipe(4, "2001-01-06", 50, &["brunch"]), // Saturday
        recipe(5, "2001-01-07", 70, &["brunch"]), // Sunday
        recipe(6, "2001-01-08", 40, &["quick"]),  // Monday
    ];
    RecipeTable::from_dataset(&dataset(dir, &rows)).unwrap()
}

#[test]
fn volume_per_weekday_and_period() {
    let dir = tempfile::tempdir().unwrap();
    let volume = weekday_volume(&recipes(dir.path()), &WeekendParams::default()).unwrap();
    assert_eq!(volume.days[0], "Monday");
    assert_eq!(volume.day_counts, vec![2, 1, 1, 0, 0, 1, 1]);
    assert_eq!(volume.period_counts, vec![4, 2]);
    // Per day of week: 4 / 5 weekday, 2 / 2 weekend.
    assert_eq!(volume.per_day_of_week, vec![0.8, 1.0]);
    assert_close(volume.weekday_to_weekend_ratio, 0.8, 1e-12);
    assert_close(volume.weekday_percent, 400.0 / 6.0, 1e-12);
    // scipy.stats.chisquare([4, 2], [30/7, 12/7]) and chisquare([2, 1, 1, 0, 0, 1, 1])
    let periods = volume.period_chi_square.as_ref().unwrap();
    assert_close(periods.statistic, 0.06666666666666668, 1e-12);
    assert_close(periods.p_value, 0.7962534147376392, 1e-12);
    assert_close(
        volume.day_chi_square.as_ref().unwrap().p_value,
        0.7659955003967787,
        1e-12,
    );
    // Mean of the 7 days = 6/7; Monday (2 - 6/7) / (6/7) = +133.3 %.
    assert_close(volume.day_deviation_percent[0], 700.0 / 3.0 - 100.0, 1e-12);
    assert!(volume.findings.contains(&Finding::Peak {
        what: "recipes per weekday".to_string(),
        at: "Monday".to_string(),
        value: 2.0
    }));
}

#[test]
fn minutes_weekend_against_weekday() {
    let dir = tempfile::tempdir().unwrap();
    let metrics = period_metrics(&recipes(dir.path()), &WeekendParams::default()).unwrap();
    let minutes = &metrics.metrics[Metric::Minutes.index()];
    let (weekday, weekend) = (
        minutes.weekday.as_ref().unwrap(),
        minutes.weekend.as_ref().unwrap(),
    );
    assert_eq!((weekday.n, weekday.mean), (4, 25.0));
    assert_eq!((weekend.n, weekend.mean), (2, 60.0));
    assert_close(minutes.difference_percent, 140.0, 1e-12);
    // scipy.stats.ttest_ind([50, 70], [10, 20, 30, 40], equal_var=False)
    let welch = minutes.welch.as_ref().unwrap();
    assert_close(welch.t, 2.940588176458821, 1e-12);
    assert_close(welch.p_value, 0.1051007003433241, 1e-12);
    assert_close(welch.df, 1.8971553610503278, 1e-12);
    // scipy.stats.ttest_ind([50, 70], [10, 20, 30, 40]) (Student, the reference's test)
    let student = minutes.student.as_ref().unwrap();
    assert_close(student.t, 3.0550504633038935, 1e-12);
    assert_close(student.p_value, 0.03784096948581308, 1e-12);
    // scipy.stats.mannwhitneyu([50, 70], [10, 20, 30, 40]): U = 8, exact p = 2/15.
    let mw = minutes.mann_whitney.as_ref().unwrap();
    assert_eq!(mw.u, 8.0);
    assert_close(mw.p_value, 2.0 / 15.0, 1e-12);
    assert_eq!(mw.rank_biserial, 1.0);
    match metrics
        .findings
        .iter()
        .find(|f| matches!(f, Finding::GroupDifference { what, .. } if what == "minutes"))
        .unwrap()
    {
        Finding::GroupDifference {
            highest,
            significant,
            effect,
            ..
        } => {
            assert_eq!(highest, "Weekend");
            assert!(!significant);
            assert_eq!(effect.measure, EffectMeasure::CohensD);
            assert!(effect.value > 0.8);
        }
        _ => unreachable!(),
    }
}

#[test]
fn tags_on_both_sides_ranked_by_absolute_difference() {
    let dir = tempfile::tempdir().unwrap();
    let params = WeekendParams {
        min_recipes: 1,
        alpha: 0.2,
        ..WeekendParams::default()
    };
    let tags = period_items(&recipes(dir.path()), ItemKind::Tags, &params).unwrap();
    assert_eq!(tags.recipes_per_period, vec![4, 2]);
    assert_eq!((tags.items_tested, tags.items_kept), (2, 2));
    // scipy.stats.chi2_contingency([[0, 2], [4, 0]]): 2.34375, p = 0.12578642463893994;
    // both tags have the same p, so BH leaves it unchanged.
    let brunch = &tags.weekend_leaning[0];
    assert_eq!(brunch.comparison.item, "brunch");
    assert_eq!(brunch.delta_points, 100.0);
    assert_close(brunch.comparison.chi_square, 2.34375, 1e-12);
    assert_close(brunch.comparison.p_adjusted, 0.12578642463893994, 1e-12);
    let quick = &tags.weekday_leaning[0];
    assert_eq!(quick.comparison.item, "quick");
    assert_eq!(quick.delta_points, -100.0);
    // At the default 5 % level nothing is kept, and nothing is claimed.
    let strict = period_items(
        &recipes(dir.path()),
        ItemKind::Tags,
        &WeekendParams {
            min_recipes: 1,
            ..WeekendParams::default()
        },
    )
    .unwrap();
    assert_eq!(strict.items_kept, 0);
    assert!(!strict
        .findings
        .iter()
        .any(|f| matches!(f, Finding::ItemShift { .. })));
}
