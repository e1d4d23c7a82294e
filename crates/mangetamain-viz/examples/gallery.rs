//! Writes every chart of every analysis, for the bundled sample (or DIR), to an HTML gallery in
//! both languages: `gallery [OUT_DIR] [DATA_DIR]` (default `target/gallery`, bundled sample).
//! Each chart is also written as its own standalone page, for screenshots.

use std::path::PathBuf;

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
use mangetamain_viz::{plotly_js, Chart, Lang};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .map_or(PathBuf::from("target/gallery"), PathBuf::from);
    let source = args.next().map_or(DataSource::BundledSample, |dir| {
        DataSource::LocalDir(dir.into())
    });
    let dataset = Dataset::open(source)?;
    let recipes = RecipeTable::from_dataset(&dataset)?;
    let rating_table = RatingTable::from_dataset(&dataset, RatingPopulation::All)?;

    let trend_params = TrendParams::default();
    let volume = recipe_volume(&recipes, &trend_params)?;
    let yearly = yearly_trends(&recipes, &trend_params)?;
    let item_params = ItemTrendParams::default();
    let ingredient_trends = item_trends(&recipes, ItemKind::Ingredients, &item_params)?;
    let tag_trends = item_trends(&recipes, ItemKind::Tags, &item_params)?;
    let season_params = SeasonParams::default();
    let seasons = season_volume(&recipes, &season_params)?;
    let seasonal = seasonal_metrics(&recipes, &season_params)?;
    let seasonal_ingredients = seasonal_items(&recipes, ItemKind::Ingredients, &season_params)?;
    let seasonal_tags = seasonal_items(&recipes, ItemKind::Tags, &season_params)?;
    let week_params = WeekendParams::default();
    let days = weekday_volume(&recipes, &week_params)?;
    let periods = period_metrics(&recipes, &week_params)?;
    let period_ingredients = period_items(&recipes, ItemKind::Ingredients, &week_params)?;
    let period_tags = period_items(&recipes, ItemKind::Tags, &week_params)?;
    let monthly = monthly_ratings(
        &rating_table,
        &MonthlyParams {
            min_ratings: 20,
            ..MonthlyParams::default()
        },
    )?;
    let stability = rating_stability(&monthly, &StabilityParams::default())?;
    let rating_params = RatingParams::default();
    let season_rating = season_ratings(&rating_table, &rating_params)?;
    let weekday_rating = weekday_ratings(&rating_table, &rating_params)?;
    let ingredient_rating =
        ingredient_ratings(&rating_table, &recipes, &IngredientRatingParams::default())?;

    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("plotly.min.js"), plotly_js())?;
    for lang in Lang::ALL {
        let charts: Vec<(&str, Chart)> = vec![
            (
                "a1-volume",
                trends::recipe_volume_chart(&volume, lang, true),
            ),
            (
                "a2-minutes",
                trends::yearly_metric_chart(
                    &yearly.trends[Metric::Minutes.index()],
                    trend_params.band,
                    lang,
                    true,
                ),
            ),
            (
                "a3-complexity",
                trends::yearly_panels_chart(
                    &yearly,
                    &[Metric::Complexity, Metric::Steps, Metric::Ingredients],
                    3,
                    lang,
                ),
            ),
            (
                "a4-nutrition",
                trends::yearly_panels_chart(
                    &yearly,
                    &[
                        Metric::Calories,
                        Metric::Carbohydrates,
                        Metric::TotalFat,
                        Metric::Protein,
                    ],
                    2,
                    lang,
                ),
            ),
            (
                "a5-ingredients",
                trends::item_trends_chart(&ingredient_trends, lang, 5),
            ),
            ("a6-tags", trends::item_trends_chart(&tag_trends, lang, 5)),
            (
                "b1-volume",
                seasonality::season_volume_chart(&seasons, lang),
            ),
            (
                "b2-minutes",
                seasonality::seasonal_metric_chart(&seasonal, Metric::Minutes, lang),
            ),
            (
                "b3-complexity",
                seasonality::seasonal_means_chart(
                    &seasonal,
                    &[Metric::Complexity, Metric::Steps, Metric::Ingredients],
                    lang,
                ),
            ),
            (
                "b4-nutrition",
                seasonality::nutrient_profile_chart(&seasonal, lang),
            ),
            (
                "b5-ingredients",
                seasonality::seasonal_items_chart(&seasonal_ingredients, lang),
            ),
            (
                "b6-tags",
                seasonality::seasonal_items_chart(&seasonal_tags, lang),
            ),
            ("c1-volume", weekend::weekday_volume_chart(&days, lang)),
            (
                "c2-minutes",
                weekend::period_metric_chart(&periods, Metric::Minutes, lang),
            ),
            (
                "c3-complexity",
                weekend::period_means_chart(
                    &periods,
                    &[Metric::Complexity, Metric::Steps, Metric::Ingredients],
                    lang,
                ),
            ),
            (
                "c4-nutrition",
                weekend::nutrient_differences_chart(&periods, week_params.alpha, lang),
            ),
            (
                "c5-ingredients",
                weekend::period_items_chart(&period_ingredients, lang),
            ),
            ("c6-tags", weekend::period_items_chart(&period_tags, lang)),
            (
                "d1-weighting",
                ratings::weighting_chart(&monthly, &stability, lang),
            ),
            (
                "d2-trend",
                ratings::rating_trend_chart(&monthly, &stability, lang),
            ),
            (
                "d3-level",
                ratings::rating_level_chart(&monthly, &stability, lang),
            ),
            (
                "d4-d5-seasons",
                ratings::season_ratings_chart(&season_rating, lang),
            ),
            (
                "r3-weekdays",
                ratings::weekday_ratings_chart(&weekday_rating, lang),
            ),
            (
                "i1-ingredient-trends",
                ratings::ingredient_trends_chart(&ingredient_rating, lang),
            ),
            (
                "i2-ingredient-seasons",
                ratings::ingredient_seasons_chart(&ingredient_rating, 0.05, lang),
            ),
        ];
        let mut page = String::from(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Mangetamain gallery</title>\
             <script src=\"plotly.min.js\"></script>\
             <style>body{background:#1E1E1E;color:#F0F0F0;font-family:Inter,sans-serif}\
             h2{color:#FF8C00;font-family:Michroma,sans-serif}</style></head><body>",
        );
        for (name, chart) in &charts {
            page.push_str(&format!("<h2>{name}</h2>"));
            page.push_str(&chart.to_fragment(&format!("{name}-{}", lang.code())));
            let single = format!(
                "<!doctype html><html><head><meta charset=\"utf-8\"><script src=\"plotly.min.js\"></script></head>\
                 <body style=\"background:#1E1E1E;margin:0\">{}</body></html>",
                chart.to_fragment("chart")
            );
            std::fs::write(out.join(format!("{name}-{}.html", lang.code())), single)?;
        }
        page.push_str("</body></html>");
        let path = out.join(format!("gallery-{}.html", lang.code()));
        std::fs::write(&path, page)?;
        println!("{} charts -> {}", charts.len(), path.display());
    }
    Ok(())
}
