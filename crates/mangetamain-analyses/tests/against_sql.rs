//! Differential test on the bundled (generated) sample: the aggregates of the recipe analyses
//! and of the rating analyses equal the same aggregates computed independently by DuckDB SQL
//! over the store's tables.

mod common;

use common::assert_close;
use mangetamain_analyses::metric::Metric;
use mangetamain_analyses::ratings::{
    ingredient_ratings, monthly_ratings, season_ratings, weekday_ratings, IngredientRatingParams,
    MonthlyParams, RatingParams, RatingPopulation, RatingTable,
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
use polars::prelude::*;
use std::collections::HashMap;

fn sample() -> (Dataset, RecipeTable) {
    let dataset = Dataset::open(DataSource::BundledSample).unwrap();
    let table = RecipeTable::from_dataset(&dataset).unwrap();
    (dataset, table)
}

/// Rows of a query as (text key, f64 values) pairs; the first column is the key.
fn rows(dataset: &Dataset, query: &str) -> Vec<(String, Vec<f64>)> {
    let frame = dataset.sql(query).unwrap();
    let key = frame.columns()[0].cast(&DataType::String).unwrap();
    let key = key.str().unwrap();
    let values: Vec<Vec<Option<f64>>> = frame.columns()[1..]
        .iter()
        .map(|c| {
            c.cast(&DataType::Float64)
                .unwrap()
                .f64()
                .unwrap()
                .iter()
                .collect()
        })
        .collect();
    (0..frame.height())
        .map(|i| {
            (
                key.get(i).unwrap().to_string(),
                values.iter().map(|v| v[i].unwrap_or(f64::NAN)).collect(),
            )
        })
        .collect()
}

#[test]
fn yearly_aggregates_equal_sql() {
    let (dataset, table) = sample();
    let volume = recipe_volume(&table, &TrendParams::default()).unwrap();
    let sql = rows(
        &dataset,
        "SELECT year, count(*), avg(minutes), quantile_cont(minutes, 0.5), avg(calories), \
         median(n_steps) FROM recipes GROUP BY year ORDER BY year",
    );
    assert_eq!(volume.years.len(), sql.len());
    let trends = yearly_trends(&table, &TrendParams::default()).unwrap();
    let minutes = &trends.trends[Metric::Minutes.index()];
    let calories = &trends.trends[Metric::Calories.index()];
    let steps = &trends.trends[Metric::Steps.index()];
    let correlation = rows(
        &dataset,
        "SELECT 'all', corr(minutes, n_steps), corr(minutes, n_ingredients), corr(n_steps, n_ingredients) FROM recipes",
    );
    assert_eq!(trends.correlations.len(), 3);
    for (computed, expected) in trends.correlations.iter().zip(&correlation[0].1) {
        assert_close(computed.pearson.coefficient, *expected, 1e-9);
    }
    for (i, (year, values)) in sql.iter().enumerate() {
        assert_eq!(volume.years[i].to_string(), *year);
        assert_eq!(volume.counts[i] as f64, values[0]);
        assert_close(minutes.mean[i], values[1], 1e-12);
        assert_close(minutes.median[i], values[2], 1e-12);
        assert_close(calories.mean[i], values[3], 1e-12);
        assert_close(steps.median[i], values[4], 1e-12);
    }
}

#[test]
fn item_shares_and_diversity_equal_sql() {
    let (dataset, table) = sample();
    let params = ItemTrendParams {
        min_recipes: 5,
        ..ItemTrendParams::default()
    };
    for (kind, exploded, column) in [
        (ItemKind::Tags, "recipe_tags", "tag"),
        (ItemKind::Ingredients, "recipe_ingredients", "ingredient"),
    ] {
        let trends = item_trends(&table, kind, &params).unwrap();
        let totals: HashMap<String, f64> = rows(
            &dataset,
            &format!(
                "SELECT {column}, count(DISTINCT recipe_id) FROM {exploded} GROUP BY {column}"
            ),
        )
        .into_iter()
        .map(|(k, v)| (k, v[0]))
        .collect();
        assert_eq!(trends.items_total, totals.len(), "{kind:?}");
        for top in &trends.most_frequent {
            assert_eq!(top.recipes as f64, totals[&top.item], "{}", top.item);
        }
        let mut expected_top: Vec<(&String, &f64)> = totals.iter().collect();
        expected_top.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        assert_eq!(trends.most_frequent[0].item, *expected_top[0].0);
        let distinct = rows(
            &dataset,
            &format!(
                "SELECT r.year, count(DISTINCT e.{column}) FROM recipes r \
                 JOIN {exploded} e ON e.recipe_id = r.id GROUP BY r.year ORDER BY r.year"
            ),
        );
        for (i, (year, values)) in distinct.iter().enumerate() {
            assert_eq!(trends.years[i].to_string(), *year);
            assert_eq!(
                trends.diversity.distinct[i] as f64, values[0],
                "{kind:?} {year}"
            );
        }
        for series in trends.series.iter().take(5) {
            let shares = rows(
                &dataset,
                &format!(
                    "SELECT r.year, 100.0 * count(DISTINCT e.recipe_id) FILTER (WHERE e.{column} = '{}') \
                     / count(DISTINCT r.id) FROM recipes r LEFT JOIN {exploded} e ON e.recipe_id = r.id \
                     GROUP BY r.year ORDER BY r.year",
                    series.item.replace('\'', "''")
                ),
            );
            for (i, (_, values)) in shares.iter().enumerate() {
                assert_close(series.percent[i], values[0], 1e-12);
            }
        }
    }
}

#[test]
fn seasonal_and_weekday_aggregates_equal_sql() {
    let (dataset, table) = sample();
    let volume = season_volume(&table, &SeasonParams::default()).unwrap();
    let metrics = seasonal_metrics(&table, &SeasonParams::default()).unwrap();
    let by_season: HashMap<String, Vec<f64>> = rows(
        &dataset,
        "SELECT season, count(*), avg(complexity_score), stddev_samp(sugar_pct) FROM recipes GROUP BY season",
    )
    .into_iter()
    .collect();
    for (i, season) in volume.seasons.iter().enumerate() {
        let expected = &by_season[season];
        assert_eq!(volume.counts[i] as f64, expected[0]);
        let complexity = metrics.metrics[Metric::Complexity.index()].summaries[i]
            .as_ref()
            .unwrap();
        assert_close(complexity.mean, expected[1], 1e-12);
        let sugar = metrics.metrics[Metric::Sugar.index()].summaries[i]
            .as_ref()
            .unwrap();
        assert_close(sugar.std, expected[2], 1e-9);
    }
    let days = weekday_volume(&table, &WeekendParams::default()).unwrap();
    let by_day = rows(
        &dataset,
        "SELECT weekday, count(*) FROM recipes GROUP BY weekday ORDER BY weekday",
    );
    for (day, values) in by_day {
        let index: usize = day.parse().unwrap();
        assert_eq!(days.day_counts[index - 1] as f64, values[0]);
    }
    let periods = period_metrics(&table, &WeekendParams::default()).unwrap();
    let by_period = rows(
        &dataset,
        "SELECT is_weekend::INT, avg(minutes), avg(protein_pct), count(*) FROM recipes GROUP BY 1 ORDER BY 1",
    );
    let minutes = &periods.metrics[Metric::Minutes.index()];
    let protein = &periods.metrics[Metric::Protein.index()];
    for (group, (summary_minutes, summary_protein)) in [
        (minutes.weekday.as_ref(), protein.weekday.as_ref()),
        (minutes.weekend.as_ref(), protein.weekend.as_ref()),
    ]
    .into_iter()
    .enumerate()
    {
        assert_close(summary_minutes.unwrap().mean, by_period[group].1[0], 1e-12);
        assert_close(summary_protein.unwrap().mean, by_period[group].1[1], 1e-12);
        assert_eq!(days.period_counts[group] as f64, by_period[group].1[2]);
    }
}

#[test]
fn item_shares_per_season_and_period_equal_sql() {
    let (dataset, table) = sample();
    let season_params = SeasonParams {
        min_recipes: 5,
        min_mean_percent: 0.0,
        min_range_points: 0.0,
        ..SeasonParams::default()
    };
    let tags = seasonal_items(&table, ItemKind::Tags, &season_params).unwrap();
    assert!(!tags.top.is_empty());
    for item in &tags.top {
        let shares: HashMap<String, Vec<f64>> = rows(
            &dataset,
            &format!(
                "SELECT r.season, 100.0 * count(DISTINCT e.recipe_id) FILTER (WHERE e.tag = '{}') \
                 / count(DISTINCT r.id) FROM recipes r LEFT JOIN recipe_tags e ON e.recipe_id = r.id \
                 GROUP BY r.season",
                item.comparison.item.replace('\'', "''")
            ),
        )
        .into_iter()
        .collect();
        for (i, season) in tags.seasons.iter().enumerate() {
            assert_close(item.comparison.percent[i], shares[season][0], 1e-12);
        }
    }
    let period_params = WeekendParams {
        min_recipes: 5,
        min_mean_percent: 0.0,
        min_delta_points: 0.0,
        alpha: 1.1,
        ..WeekendParams::default()
    };
    let ingredients = period_items(&table, ItemKind::Ingredients, &period_params).unwrap();
    assert!(!ingredients.weekend_leaning.is_empty() && !ingredients.weekday_leaning.is_empty());
    for item in ingredients
        .weekend_leaning
        .iter()
        .chain(&ingredients.weekday_leaning)
        .take(10)
    {
        let shares = rows(
            &dataset,
            &format!(
                "SELECT r.is_weekend::INT, 100.0 * count(DISTINCT e.recipe_id) FILTER (WHERE e.ingredient = '{}') \
                 / count(DISTINCT r.id) FROM recipes r LEFT JOIN recipe_ingredients e ON e.recipe_id = r.id \
                 GROUP BY 1 ORDER BY 1",
                item.comparison.item.replace('\'', "''")
            ),
        );
        assert_close(item.comparison.percent[0], shares[0].1[0], 1e-12);
        assert_close(item.comparison.percent[1], shares[1].1[0], 1e-12);
    }
}

#[test]
fn rating_aggregates_equal_sql() {
    let (dataset, recipes) = sample();
    let ratings = RatingTable::from_dataset(&dataset, RatingPopulation::All).unwrap();
    let monthly = monthly_ratings(
        &ratings,
        &MonthlyParams {
            min_ratings: 1,
            ..MonthlyParams::default()
        },
    )
    .unwrap();
    let sql = rows(
        &dataset,
        "SELECT year * 100 + month, count(*), avg(rating), quantile_cont(rating, 0.5), \
         stddev_samp(rating) FROM interactions GROUP BY year, month ORDER BY year, month",
    );
    assert_eq!(monthly.months.len(), sql.len());
    for (month, (key, values)) in monthly.months.iter().zip(&sql) {
        assert_eq!(format!("{}{:02}", month.year, month.month), *key);
        assert_eq!(month.n as f64, values[0]);
        assert_close(month.mean, values[1], 1e-12);
        assert_close(month.median, values[2], 1e-12);
        if month.n > 1 {
            assert_close(month.std, values[3], 1e-9);
        }
    }
    let seasons = season_ratings(&ratings, &RatingParams::default()).unwrap();
    let by_season: HashMap<String, Vec<f64>> = rows(
        &dataset,
        "SELECT season, count(*), avg(rating), count(DISTINCT user_id), count(DISTINCT recipe_id), \
         100.0 * avg((rating = 5)::INT), 100.0 * avg((rating <= 2)::INT) FROM interactions GROUP BY season",
    )
    .into_iter()
    .collect();
    for season in &seasons.seasons {
        let expected = &by_season[&season.group];
        assert_eq!(season.n as f64, expected[0]);
        assert_close(season.mean, expected[1], 1e-12);
        assert_eq!(season.users as f64, expected[2]);
        assert_eq!(season.recipes as f64, expected[3]);
        assert_close(season.five_star_percent, expected[4], 1e-12);
        assert_close(season.low_percent, expected[5], 1e-12);
    }
    let days = weekday_ratings(&ratings, &RatingParams::default()).unwrap();
    for (day, values) in rows(
        &dataset,
        "SELECT weekday, count(*), avg(rating) FROM interactions GROUP BY weekday ORDER BY weekday",
    ) {
        let index: usize = day.parse().unwrap();
        assert_eq!(days.days[index - 1].n as f64, values[0]);
        assert_close(days.days[index - 1].mean, values[1], 1e-12);
    }
    let params = IngredientRatingParams {
        ingredients: vec![
            "butter".to_string(),
            "garlic".to_string(),
            "salt".to_string(),
        ],
        ..IngredientRatingParams::default()
    };
    let by_ingredient = ingredient_ratings(&ratings, &recipes, &params).unwrap();
    let without = rows(
        &dataset,
        "SELECT 'n', count(*) FROM interactions WHERE recipe_id NOT IN (SELECT id FROM recipes)",
    );
    assert_eq!(by_ingredient.ratings_without_recipe as f64, without[0].1[0]);
    for ingredient in &by_ingredient.ingredients {
        let yearly = rows(
            &dataset,
            &format!(
                "SELECT i.year, count(*), avg(i.rating) FROM interactions i \
                 JOIN (SELECT DISTINCT recipe_id FROM recipe_ingredients WHERE ingredient = '{}') r \
                 USING (recipe_id) GROUP BY i.year ORDER BY i.year",
                ingredient.ingredient
            ),
        );
        assert_eq!(
            ingredient.years.len(),
            yearly.len(),
            "{}",
            ingredient.ingredient
        );
        for (i, (year, values)) in yearly.iter().enumerate() {
            assert_eq!(ingredient.years[i].to_string(), *year);
            assert_eq!(ingredient.yearly_n[i] as f64, values[0]);
            assert_close(ingredient.yearly_mean[i], values[1], 1e-12);
        }
    }
}
