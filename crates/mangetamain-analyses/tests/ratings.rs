//! Rating analyses on a hand-built dataset; expected values worked out by hand or with the
//! scipy / statsmodels / pymannkendall call quoted next to them (scipy 1.17.1,
//! statsmodels 0.15.0). 2001-01-01 was a Monday.

mod common;

use common::{assert_close, dataset_with_interactions, recipe_with_ingredients};
use mangetamain_analyses::findings::{EffectClass, Finding};
use mangetamain_analyses::ratings::{
    ingredient_ratings, monthly_ratings, rating_stability, season_ratings, weekday_ratings,
    IngredientRatingParams, MonthlyParams, RatingParams, RatingPopulation, RatingTable,
    StabilityParams,
};
use mangetamain_analyses::recipe_table::RecipeTable;
use mangetamain_analyses::AnalysisError;

/// Ratings by season: Winter [5, 4, 3], Spring [5, 5, 1], Summer [4, 4, 3, 2], Autumn [2];
/// weekday [5, 3, 5, 4, 4, 2, 3, 2], weekend [4, 5, 1]. Recipe 9 does not exist.
fn tables(dir: &std::path::Path) -> (RatingTable, RecipeTable) {
    let recipes = [
        recipe_with_ingredients(1, "2000-05-01", &["butter", "garlic", "salt"]),
        recipe_with_ingredients(2, "2000-05-02", &["butter", "sugar", "flour"]),
        recipe_with_ingredients(3, "2000-05-03", &["garlic", "onion", "salt"]),
        recipe_with_ingredients(4, "2000-05-04", &["kale", "salt", "oil"]),
    ];
    let interactions: Vec<String> = [
        "1,1,2001-01-01,5,a", // Monday, Winter
        "2,2,2001-01-06,4,b", // Saturday
        "1,3,2001-02-05,3,c", // Monday
        "5,1,2001-03-01,0,no stars",
        "3,1,2001-04-02,5,d", // Monday, Spring
        "3,2,2001-04-07,5,e", // Saturday
        "2,3,2001-04-08,1,f", // Sunday
        "1,1,2001-07-02,4,g", // Monday, Summer
        "4,4,2001-07-03,4,h", // Tuesday
        "4,9,2001-10-01,2,i", // Monday, Autumn, unknown recipe
        "5,1,2002-06-03,3,j", // Monday
        "5,1,2003-06-02,2,k", // Monday
    ]
    .iter()
    .map(|r| r.to_string())
    .collect();
    let dataset = dataset_with_interactions(dir, &recipes, &interactions);
    (
        RatingTable::from_dataset(&dataset, RatingPopulation::All).unwrap(),
        RecipeTable::from_dataset(&dataset).unwrap(),
    )
}

#[test]
fn monthly_series_with_real_month_distances() {
    let dir = tempfile::tempdir().unwrap();
    let (ratings, _) = tables(dir.path());
    assert_eq!(ratings.len(), 11);
    assert_eq!(ratings.unrated_reviews(), 1);
    let monthly = monthly_ratings(
        &ratings,
        &MonthlyParams {
            min_ratings: 2,
            ..MonthlyParams::default()
        },
    )
    .unwrap();
    let kept: Vec<(i32, u8, i32, u64)> = monthly
        .kept()
        .map(|m| (m.year, m.month, m.months_since_start, m.n))
        .collect();
    // Jan (n 2), Apr (n 3), Jul (n 2) kept; Feb, Oct 2001, Jun 2002, Jun 2003 have one rating.
    assert_eq!(
        kept,
        vec![(2001, 1, 0, 2), (2001, 4, 3, 3), (2001, 7, 6, 2)]
    );
    let january = monthly.kept().next().unwrap();
    assert_eq!((january.mean, january.median), (4.5, 4.5));
    assert_close(january.std, 0.5f64.sqrt(), 1e-12);
    let meta = &monthly.metadata;
    assert_eq!(
        (meta.months_total, meta.months_excluded, meta.months_kept),
        (7, 4, 3)
    );
    assert_eq!(meta.ratings_excluded, 4);
    // Jan..Jul is 7 calendar months, 3 kept: 4 gap months.
    assert_eq!(meta.gap_months, 4);
    assert_eq!(
        meta.period_kept,
        Some(("2001-01".to_string(), "2001-07".to_string()))
    );
    assert_eq!(
        meta.period_all,
        Some(("2001-01".to_string(), "2003-06".to_string()))
    );
}

#[test]
fn stability_with_a_correct_interval() {
    let dir = tempfile::tempdir().unwrap();
    let (ratings, _) = tables(dir.path());
    let monthly = monthly_ratings(
        &ratings,
        &MonthlyParams {
            min_ratings: 2,
            ..MonthlyParams::default()
        },
    )
    .unwrap();
    let stability = rating_stability(&monthly, &StabilityParams::default()).unwrap();
    // x = [0, 3, 6], y = [4.5, 11/3, 4], n = [2, 3, 2], w = sqrt(n).
    // scipy.stats.linregress(x, y): slope -1/12; statsmodels WLS(y, [1, x], weights=w).
    let check = &stability.weighting_check;
    assert_close(check.ols.as_ref().unwrap().slope, -1.0 / 12.0, 1e-12);
    let wls = stability.trend.wls.as_ref().unwrap();
    assert_close(wls.slope, -0.08333333333333372, 1e-9);
    assert_close(wls.slope_p, 0.6131602261688299, 1e-9);
    assert_close(wls.r_squared, 0.32596886416081694, 1e-9);
    assert_close(stability.trend.slope_per_year, -1.0, 1e-9);
    assert_close(check.kendall.unwrap().coefficient, -1.0 / 3.0, 1e-12);
    assert_close(check.variance_unweighted, 0.11728395061728397, 1e-12);
    assert_close(check.variance_weighted, 0.11891551829716114, 1e-12);
    assert_close(check.volume_cv, 0.20203050891044214, 1e-12);
    // numpy: wm = average(y, w); n_eff = (Σw)²/Σw²; se = sqrt(var_w n_eff/(n_eff-1)/n_eff);
    // ci = wm ± t.ppf(0.975, n_eff - 1) se; reference = 1.96 sqrt(var_w)/sqrt(Σw).
    let level = &stability.level;
    assert_close(level.weighted_mean, 4.028452393350592, 1e-12);
    assert_close(level.effective_months, 2.9711369958761016, 1e-12);
    assert_close(level.standard_error, 0.24561837962644031, 1e-10);
    assert_close(level.ci.0, 2.956673143964556, 1e-9);
    assert_close(level.ci.1, 5.100231642736627, 1e-9);
    assert_close(level.reference_half_width, 0.3164974087083056, 1e-12);
    // The 7 ratings of the kept months: mean 4, t interval.
    assert_close(level.rating_mean, 4.0, 1e-12);
    assert_close(level.rating_mean_ci.0, 2.692070599625527, 1e-9);
    assert!(stability.findings.iter().any(|f| matches!(
        f,
        Finding::Trend {
            direction: mangetamain_analyses::findings::Direction::Flat,
            ..
        }
    )));
    // Too few months for a trend: an error that says what to change.
    let error = rating_stability(
        &monthly_ratings(&ratings, &MonthlyParams::default()).unwrap(),
        &StabilityParams::default(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("min_ratings"), "{error}");
}

#[test]
fn ratings_per_season_and_weekday() {
    let dir = tempfile::tempdir().unwrap();
    let (ratings, _) = tables(dir.path());
    let seasons = season_ratings(&ratings, &RatingParams::default()).unwrap();
    let winter = &seasons.seasons[0];
    assert_eq!((winter.group.as_str(), winter.n), ("Winter", 3));
    assert_eq!(winter.per_star, vec![0, 0, 1, 1, 1]);
    assert_eq!((winter.users, winter.recipes), (2, 3));
    assert_eq!((winter.mean, winter.median, winter.std), (4.0, 4.0, 1.0));
    let spring = &seasons.seasons[1];
    assert_close(spring.five_star_percent, 200.0 / 3.0, 1e-12);
    assert_close(spring.low_percent, 100.0 / 3.0, 1e-12);
    // scipy.stats.kruskal([5,4,3], [5,5,1], [4,4,3,2], [2]); f_oneway(...)
    let kw = seasons.kruskal.as_ref().unwrap();
    assert_close(kw.h, 2.0555555555555616, 1e-9);
    assert_close(kw.p_value, 0.5609563696634439, 1e-9);
    assert_close(seasons.anova.as_ref().unwrap().f, 0.5010647010647011, 1e-9);
    assert_close(seasons.volume_ratio, 4.0, 1e-12);

    let days = weekday_ratings(&ratings, &RatingParams::default()).unwrap();
    assert_eq!(days.periods[0].n, 8);
    assert_eq!(days.periods[1].n, 3);
    assert_eq!(days.days[0].n, 7);
    assert_eq!(days.per_day_of_week, vec![8.0 / 5.0, 1.5]);
    // scipy.stats.mannwhitneyu([4,5,1], [5,3,5,4,4,2,3,2]) -> U 12, p 1.0
    let mw = days.mann_whitney.as_ref().unwrap();
    assert_eq!(mw.u, 12.0);
    assert_close(mw.p_value, 1.0, 1e-12);
    let welch = days.welch.as_ref().unwrap();
    assert_close(welch.t, -0.13082398260803652, 1e-9);
    assert_close(welch.cohens_d, -0.11572751247156882, 1e-9);
    // f_oneway / kruskal over Monday, Tuesday, Saturday, Sunday (empty days left out).
    assert_close(
        days.anova_days.as_ref().unwrap().f,
        1.9446916719643992,
        1e-9,
    );
    assert_close(
        days.kruskal_days.as_ref().unwrap().h,
        3.6802721088435355,
        1e-9,
    );
    match &days.findings[0] {
        Finding::GroupDifference {
            significant,
            effect,
            ..
        } => {
            assert!(!significant);
            assert_eq!(effect.class, EffectClass::Negligible);
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn ingredient_ratings_joined_through_recipe_ids() {
    let dir = tempfile::tempdir().unwrap();
    let (ratings, recipes) = tables(dir.path());
    let params = IngredientRatingParams {
        ingredients: vec!["Butter".to_string(), "kale".to_string()],
        ..IngredientRatingParams::default()
    };
    let result = ingredient_ratings(&ratings, &recipes, &params).unwrap();
    // 11 ratings; recipe 9 is unknown; butter (recipes 1, 2) and kale (recipe 4) match 8.
    assert_eq!(result.ratings_without_recipe, 1);
    assert_eq!(result.ratings_matched, 8);
    let butter = &result.ingredients[0];
    assert_eq!(butter.ingredient, "butter");
    assert_eq!(butter.n, 7);
    assert_eq!(butter.years, vec![2001, 2002, 2003]);
    assert_eq!(butter.yearly_n, vec![5, 1, 1]);
    assert_close(butter.yearly_mean[0], 4.6, 1e-12);
    // pymannkendall.original_test([4.6, 3, 2]): S -3, var 11/3, p 0.2962698714842864;
    // Sen slope on years -1.3.
    let mk = butter.mann_kendall.as_ref().unwrap();
    assert_eq!(mk.s, -3.0);
    assert_close(mk.p_value, 0.2962698714842864, 1e-9);
    assert_close(butter.sen.as_ref().unwrap().slope, -1.3, 1e-12);
    assert_close(butter.change_percent, 100.0 * (2.0 - 4.6) / 4.6, 1e-12);
    // Seasons: Winter [5, 4], Spring [5, 5], Summer [4, 3, 2], Autumn none.
    assert_eq!(butter.season_n, vec![2, 2, 3, 0]);
    assert!(butter.season_mean[3].is_nan());
    assert_eq!(butter.season_pairs.len(), 3);
    assert_eq!(butter.period_n, vec![5, 2]);
    let kale = &result.ingredients[1];
    assert_eq!((kale.n, kale.mean), (1, 4.0));
    assert!(kale.mann_kendall.is_none());
    // An unknown name is an error that lists near matches.
    let error = ingredient_ratings(
        &ratings,
        &recipes,
        &IngredientRatingParams {
            ingredients: vec!["garlik".to_string()],
            ..IngredientRatingParams::default()
        },
    )
    .unwrap_err();
    match &error {
        AnalysisError::UnknownItem { suggestions, .. } => {
            assert_eq!(suggestions.first().map(String::as_str), Some("garlic"))
        }
        other => panic!("unexpected {other}"),
    }
    assert!(error.to_string().contains("garlic"), "{error}");
}
