//! Each chart on the bundled sample: trace types and count, titles in the chosen language, and
//! data arrays equal to the analysis result.

use std::sync::OnceLock;

use mangetamain_analyses::metric::Metric;
use mangetamain_analyses::ratings::{
    ingredient_ratings, monthly_ratings, rating_stability, season_ratings, weekday_ratings,
    IngredientRatingParams, MonthlyParams, RatingParams, RatingPopulation, RatingTable,
    StabilityParams,
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
use mangetamain_viz::charts::{ratings, seasonality, trends, weekend};
use mangetamain_viz::{Chart, Lang};
use serde_json::Value;

struct Sample {
    recipes: RecipeTable,
    ratings: RatingTable,
}

fn sample() -> &'static Sample {
    static SAMPLE: OnceLock<Sample> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let dataset = Dataset::open(DataSource::BundledSample).unwrap();
        Sample {
            recipes: RecipeTable::from_dataset(&dataset).unwrap(),
            ratings: RatingTable::from_dataset(&dataset, RatingPopulation::All).unwrap(),
        }
    })
}

fn json(chart: &Chart) -> Value {
    serde_json::from_str(&chart.to_json()).unwrap()
}

fn types(figure: &Value) -> Vec<String> {
    figure["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["type"].as_str().unwrap_or("?").to_string())
        .collect()
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap_or(f64::NAN))
        .collect()
}

/// serde_json parses floats to within one unit in the last place.
fn assert_same(got: Vec<f64>, expected: &[f64]) {
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(expected) {
        assert!((g - e).abs() <= 1e-12 * e.abs().max(1.0), "{g} vs {e}");
    }
}

fn text_of(figure: &Value) -> String {
    figure["layout"].to_string()
}

#[test]
fn recipe_volume_chart_has_bars_and_qq_in_both_languages() {
    let volume = recipe_volume(&sample().recipes, &TrendParams::default()).unwrap();
    for (lang, title) in [
        (Lang::En, "Recipes per year"),
        (Lang::Fr, "Recettes par année"),
    ] {
        let figure = json(&trends::recipe_volume_chart(&volume, lang, true));
        assert_eq!(types(&figure), vec!["bar", "scatter", "scatter"]);
        let counts: Vec<f64> = volume.counts.iter().map(|c| *c as f64).collect();
        assert_same(numbers(&figure["data"][0]["y"]), &counts);
        assert_eq!(figure["data"][0]["x"][0], volume.years[0].to_string());
        assert!(text_of(&figure).contains(title));
        assert_eq!(figure["layout"]["xaxis2"]["anchor"], "y2");
    }
    let hidden = json(&trends::recipe_volume_chart(&volume, Lang::En, false));
    assert!(hidden["data"][0].get("text").is_none());
}

#[test]
fn yearly_charts_carry_the_series_and_the_fits() {
    let params = TrendParams::default();
    let yearly = yearly_trends(&sample().recipes, &params).unwrap();
    let minutes = &yearly.trends[Metric::Minutes.index()];
    let figure = json(&trends::yearly_metric_chart(
        minutes,
        params.band,
        Lang::Fr,
        true,
    ));
    // band (2), mean, WLS mean, median, WLS median
    assert_eq!(figure["data"].as_array().unwrap().len(), 6);
    assert_same(numbers(&figure["data"][0]["y"]), &minutes.band_high);
    assert_same(numbers(&figure["data"][2]["y"]), &minutes.mean);
    assert_same(numbers(&figure["data"][4]["y"]), &minutes.median);
    assert!(text_of(&figure).contains("Temps de préparation"));
    let panels = json(&trends::yearly_panels_chart(
        &yearly,
        &[
            Metric::Calories,
            Metric::Carbohydrates,
            Metric::TotalFat,
            Metric::Protein,
        ],
        2,
        Lang::En,
    ));
    assert_eq!(panels["data"].as_array().unwrap().len(), 8);
    assert_eq!(panels["data"][6]["xaxis"], "x4");
    assert!(text_of(&panels).contains("Protein (% DV)"));
    let calories = &yearly.trends[Metric::Calories.index()];
    assert_same(numbers(&panels["data"][0]["y"]), &calories.mean);
    // The y range comes from the data, padded.
    let range = numbers(&panels["layout"]["yaxis"]["range"]);
    let max = calories.mean.iter().copied().fold(f64::MIN, f64::max);
    assert!(range[1] > max && range[1] < max + 0.2 * max);
}

#[test]
fn item_trend_chart_has_six_panels() {
    let tags = item_trends(
        &sample().recipes,
        ItemKind::Tags,
        &ItemTrendParams::default(),
    )
    .unwrap();
    let figure = json(&trends::item_trends_chart(&tags, Lang::En, 5));
    let kinds = types(&figure);
    assert_eq!(&kinds[..4], &["bar", "scatter", "scatter", "bar"]);
    assert_eq!(figure["data"][0]["orientation"], "h");
    let top: Vec<f64> = tags
        .most_frequent
        .iter()
        .rev()
        .map(|t| t.recipes as f64)
        .collect();
    assert_same(numbers(&figure["data"][0]["x"]), &top);
    assert!(figure["layout"]["xaxis6"].is_object());
    assert!(text_of(&figure).contains("Diversity of tags per year"));
}

#[test]
fn seasonal_charts() {
    let params = SeasonParams::default();
    let volume = season_volume(&sample().recipes, &params).unwrap();
    let figure = json(&seasonality::season_volume_chart(&volume, Lang::Fr));
    assert_eq!(types(&figure), vec!["bar", "scatter", "pie"]);
    assert_eq!(figure["data"][0]["x"][0], "Hiver");
    // Four distinct season colours.
    let colors: Vec<&str> = figure["data"][0]["marker"]["color"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let mut distinct = colors.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 4);
    let metrics = seasonal_metrics(&sample().recipes, &params).unwrap();
    let minutes = json(&seasonality::seasonal_metric_chart(
        &metrics,
        Metric::Minutes,
        Lang::En,
    ));
    assert_eq!(types(&minutes), vec!["bar", "box", "box", "box", "box"]);
    let winter = metrics.metrics[Metric::Minutes.index()].summaries[0]
        .as_ref()
        .unwrap();
    assert_eq!(
        minutes["data"][1]["q1"][0].as_f64().unwrap(),
        winter.band_low
    );
    assert_eq!(
        minutes["data"][1]["median"][0].as_f64().unwrap(),
        winter.median
    );
    // Boxes from quartiles: no raw values are shipped.
    assert!(minutes["data"][1].get("y").is_none());
    assert_eq!(minutes["data"][1]["x"][0], "Winter");
    let means = json(&seasonality::seasonal_means_chart(
        &metrics,
        &[Metric::Complexity, Metric::Steps, Metric::Ingredients],
        Lang::Fr,
    ));
    assert_eq!(types(&means), vec!["bar", "bar", "bar"]);
    let steps: Vec<f64> = metrics.metrics[Metric::Steps.index()]
        .summaries
        .iter()
        .map(|s| s.as_ref().unwrap().mean)
        .collect();
    assert_same(numbers(&means["data"][1]["y"]), &steps);
    assert!(text_of(&means).contains("Nombre d'étapes"));
    let profile = json(&seasonality::nutrient_profile_chart(&metrics, Lang::En));
    assert_eq!(types(&profile), vec!["heatmap"]);
    assert_eq!(profile["data"][0]["z"].as_array().unwrap().len(), 7);
    let items = seasonal_items(
        &sample().recipes,
        ItemKind::Tags,
        &SeasonParams {
            min_recipes: 5,
            ..params
        },
    )
    .unwrap();
    let heat = json(&seasonality::seasonal_items_chart(&items, Lang::Fr));
    assert_eq!(
        heat["data"][0]["z"].as_array().unwrap().len(),
        items.top.len()
    );
    assert!(text_of(&heat).contains("saisonniers"));
}

#[test]
fn weekday_charts() {
    let params = WeekendParams::default();
    let volume = weekday_volume(&sample().recipes, &params).unwrap();
    let figure = json(&weekend::weekday_volume_chart(&volume, Lang::Fr));
    assert_eq!(types(&figure), vec!["bar", "bar", "scatter", "bar"]);
    assert_same(numbers(&figure["data"][0]["y"]), &volume.per_day_of_week);
    assert_eq!(figure["data"][1]["x"][0], "Lundi");
    let metrics = period_metrics(&sample().recipes, &params).unwrap();
    let minutes = json(&weekend::period_metric_chart(
        &metrics,
        Metric::Minutes,
        Lang::En,
    ));
    assert_eq!(types(&minutes), vec!["bar", "box", "box"]);
    let nutrients = json(&weekend::nutrient_differences_chart(
        &metrics,
        0.05,
        Lang::En,
    ));
    assert_eq!(numbers(&nutrients["data"][0]["x"]).len(), 7);
    let items = period_items(
        &sample().recipes,
        ItemKind::Ingredients,
        &WeekendParams {
            min_recipes: 5,
            min_mean_percent: 0.0,
            min_delta_points: 0.0,
            alpha: 1.1,
            ..params
        },
    )
    .unwrap();
    let bars = json(&weekend::period_items_chart(&items, Lang::En));
    let deltas = numbers(&bars["data"][0]["x"]);
    assert_eq!(
        deltas.len(),
        items.weekday_leaning.len() + items.weekend_leaning.len()
    );
    // Both sides are shown.
    assert!(deltas.iter().any(|d| *d < 0.0) && deltas.iter().any(|d| *d > 0.0));
}

#[test]
fn rating_charts() {
    let ratings_table = &sample().ratings;
    let monthly = monthly_ratings(
        ratings_table,
        &MonthlyParams {
            min_ratings: 20,
            ..MonthlyParams::default()
        },
    )
    .unwrap();
    let stability = rating_stability(&monthly, &StabilityParams::default()).unwrap();
    let d1 = json(&ratings::weighting_chart(&monthly, &stability, Lang::En));
    assert_eq!(types(&d1), vec!["histogram", "scatter", "scatter", "bar"]);
    assert_eq!(d1["layout"]["yaxis"]["type"], "log");
    let d2 = json(&ratings::rating_trend_chart(&monthly, &stability, Lang::Fr));
    let means: Vec<f64> = monthly.kept().map(|m| m.mean).collect();
    assert_same(numbers(&d2["data"][0]["y"]), &means);
    assert!(text_of(&d2).contains("Note moyenne mensuelle"));
    let d3 = json(&ratings::rating_level_chart(&monthly, &stability, Lang::En));
    assert_eq!(numbers(&d3["data"][1]["y"]), vec![stability.level.ci.0; 2]);
    let seasons = season_ratings(ratings_table, &RatingParams::default()).unwrap();
    let d5 = json(&ratings::season_ratings_chart(&seasons, Lang::Fr));
    assert_eq!(d5["data"].as_array().unwrap().len(), 6);
    let means: Vec<f64> = seasons.seasons.iter().map(|s| s.mean).collect();
    assert_same(numbers(&d5["data"][1]["y"]), &means);
    let days = weekday_ratings(ratings_table, &RatingParams::default()).unwrap();
    let r3 = json(&ratings::weekday_ratings_chart(&days, Lang::En));
    assert_eq!(r3["data"][0]["x"].as_array().unwrap().len(), 7);
    let by_ingredient = ingredient_ratings(
        ratings_table,
        &sample().recipes,
        &IngredientRatingParams::default(),
    )
    .unwrap();
    let i1 = json(&ratings::ingredient_trends_chart(&by_ingredient, Lang::En));
    assert_eq!(
        i1["data"].as_array().unwrap().len(),
        by_ingredient.ingredients.len()
    );
    let i2 = json(&ratings::ingredient_seasons_chart(
        &by_ingredient,
        0.05,
        Lang::Fr,
    ));
    assert_eq!(types(&i2), vec!["heatmap"]);
}

#[test]
fn outputs_embed_plotly_offline() {
    let volume = recipe_volume(&sample().recipes, &TrendParams::default()).unwrap();
    let chart = trends::recipe_volume_chart(&volume, Lang::En, true);
    let html = chart.to_html();
    // No script is loaded from the network (plotly.js itself mentions its CDN for map data).
    assert!(!html.contains("<script src"));
    assert!(html.len() > 1_000_000, "plotly.js is embedded");
    assert!(html.contains("Plotly.newPlot") && html.contains("id=\"plotly-chart\""));
    let fragment = chart.to_fragment("volume-chart");
    assert!(fragment.contains("id=\"volume-chart\""));
    assert!(!fragment.contains("<script src"));
    let js = mangetamain_viz::plotly_js();
    assert!(js.len() > 1_000_000 && !js.contains("</script>"));
}

#[test]
fn notebook_output_is_an_evcxr_html_block() {
    let volume = recipe_volume(&sample().recipes, &TrendParams::default()).unwrap();
    let content = trends::recipe_volume_chart(&volume, Lang::En, true).evcxr_content();
    assert!(content.starts_with("EVCXR_BEGIN_CONTENT text/html\n<div id=\"chart-"));
    assert!(content.contains("Plotly.newPlot"));
    assert!(content.ends_with("\nEVCXR_END_CONTENT"));
}
