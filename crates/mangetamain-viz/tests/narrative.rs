//! Interpretation sentences follow the numbers: direction, significance and effect class come
//! from the finding, and every subject the analyses produce on the sample is translated.

use mangetamain_analyses::findings::{Direction, EffectMeasure, EffectSize, Finding};
use mangetamain_analyses::ratings::{
    monthly_ratings, rating_stability, season_ratings, weekday_ratings, MonthlyParams,
    RatingParams, RatingPopulation, RatingTable, StabilityParams,
};
use mangetamain_analyses::recipe_table::{ItemKind, RecipeTable};
use mangetamain_analyses::seasonality::{
    season_volume, seasonal_items, seasonal_metrics, SeasonParams,
};
use mangetamain_analyses::trends::{
    item_trends, recipe_volume, yearly_trends, ItemTrendParams, TrendParams,
};
use mangetamain_analyses::weekend::{period_items, period_metrics, weekday_volume, WeekendParams};
use mangetamain_core::{DataSource, Dataset};
use mangetamain_viz::narrative::{sentence, subject};
use mangetamain_viz::Lang;

#[test]
fn sentences_follow_direction_significance_and_effect() {
    let up = Finding::Trend {
        what: "minutes".to_string(),
        direction: Direction::Up,
        slope_per_year: 0.5,
        p_adjusted: 0.001,
        r_squared: 0.7,
    };
    assert_eq!(
        sentence(&up, Lang::En),
        "Preparation time (min): significant increase of +0.5000 per year (adjusted p = 0.0010, R² = 0.700)."
    );
    let flat = Finding::Trend {
        what: "minutes".to_string(),
        direction: Direction::Flat,
        slope_per_year: -0.46,
        p_adjusted: 0.2,
        r_squared: 0.1,
    };
    assert!(sentence(&flat, Lang::Fr).contains("pas de tendance significative"));
    let negligible = Finding::GroupDifference {
        what: "mean rating".to_string(),
        highest: "Summer".to_string(),
        highest_value: 4.676,
        lowest: "Winter".to_string(),
        lowest_value: 4.648,
        p_adjusted: 1e-30,
        significant: true,
        effect: EffectSize::new(EffectMeasure::EpsilonSquared, 0.0001),
    };
    let text = sentence(&negligible, Lang::Fr);
    assert!(text.contains("Été le plus élevé"), "{text}");
    assert!(
        text.contains("significative") && text.contains("négligeable"),
        "{text}"
    );
}

#[test]
fn every_subject_found_on_the_sample_is_translated() {
    let dataset = Dataset::open(DataSource::BundledSample).unwrap();
    let recipes = RecipeTable::from_dataset(&dataset).unwrap();
    let ratings = RatingTable::from_dataset(&dataset, RatingPopulation::All).unwrap();
    let mut findings = Vec::new();
    findings.extend(
        recipe_volume(&recipes, &TrendParams::default())
            .unwrap()
            .findings,
    );
    findings.extend(
        yearly_trends(&recipes, &TrendParams::default())
            .unwrap()
            .findings,
    );
    let (season, week) = (SeasonParams::default(), WeekendParams::default());
    findings.extend(season_volume(&recipes, &season).unwrap().findings);
    findings.extend(seasonal_metrics(&recipes, &season).unwrap().findings);
    findings.extend(weekday_volume(&recipes, &week).unwrap().findings);
    findings.extend(period_metrics(&recipes, &week).unwrap().findings);
    for kind in [ItemKind::Ingredients, ItemKind::Tags] {
        findings.extend(
            item_trends(&recipes, kind, &ItemTrendParams::default())
                .unwrap()
                .findings,
        );
        findings.extend(seasonal_items(&recipes, kind, &season).unwrap().findings);
        findings.extend(period_items(&recipes, kind, &week).unwrap().findings);
    }
    let monthly = monthly_ratings(
        &ratings,
        &MonthlyParams {
            min_ratings: 20,
            ..MonthlyParams::default()
        },
    )
    .unwrap();
    findings.extend(
        rating_stability(&monthly, &StabilityParams::default())
            .unwrap()
            .findings,
    );
    findings.extend(
        season_ratings(&ratings, &RatingParams::default())
            .unwrap()
            .findings,
    );
    findings.extend(
        weekday_ratings(&ratings, &RatingParams::default())
            .unwrap()
            .findings,
    );
    assert!(findings.len() > 40);
    for finding in &findings {
        let what = match finding {
            Finding::Peak { what, .. }
            | Finding::Trend { what, .. }
            | Finding::Normality { what, .. }
            | Finding::GroupDifference { what, .. }
            | Finding::Deviation { what, .. }
            | Finding::ItemShift { what, .. }
            | Finding::Estimate { what, .. }
            | Finding::Count { what, .. } => what,
        };
        assert_ne!(
            subject(what, Lang::Fr),
            *what,
            "untranslated subject {what:?}"
        );
        let (en, fr) = (sentence(finding, Lang::En), sentence(finding, Lang::Fr));
        assert!(!en.contains('{') && !fr.contains('{'), "{en} / {fr}");
        assert_ne!(en, fr);
    }
}
