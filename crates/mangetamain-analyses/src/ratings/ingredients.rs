//! Ratings of recipes that use given ingredients (reference-app.md 1.7, NB-I1/I2/I3): the
//! interactions are joined to the **cleaned recipes** through the recipe id (the reference
//! joined PP_recipes, which has no ingredient names; 6.2 item 2) and their normalised
//! ingredient lists. Per ingredient: the yearly mean rating with Mann-Kendall (ties handled) and
//! Sen's slope on real years; ANOVA and Kruskal-Wallis across seasons with pairwise
//! Mann-Whitney tests corrected within the ingredient; weekend against weekday Mann-Whitney with
//! rank-biserial correlation and Cohen's d. The p-values of each family of tests are also
//! adjusted across the ingredients.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use mangetamain_core::format::date::Season;
use mangetamain_core::names::normalise_name;
use mangetamain_stats::groups::{Anova, KruskalWallis, MannWhitney, TTest, Variances};
use mangetamain_stats::multiple::{adjust_p_values, Correction};
use mangetamain_stats::ordinal::{
    anova_counts, kruskal_wallis_counts, mann_whitney_counts, t_test_counts, LevelCounts,
};
use mangetamain_stats::trend::{mann_kendall, sen_slope, MannKendall, SenSlope};
use polars::prelude::PlHashMap;

use super::groups::stars;
use super::table::RatingTable;
use crate::calendar_key::CalendarKeys;
use crate::error::AnalysisError;
use crate::recipe_table::{season_index, ItemKind, RecipeTable};
use crate::trends::yearly::in_range;

/// The reference app's ingredient lists (reference-app.md 1.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReferenceList {
    /// quinoa, kale, avocado, tofu, sriracha, bacon, butternut squash.
    LongTerm,
    /// 16 ingredients with a season: asparagus ... lemon.
    Seasonality,
    /// 11 ingredients: bacon, cheese, butter ... garlic.
    Weekend,
}

impl ReferenceList {
    /// The names of the list.
    pub fn names(self) -> Vec<String> {
        let names: &[&str] = match self {
            ReferenceList::LongTerm => &[
                "quinoa",
                "kale",
                "avocado",
                "tofu",
                "sriracha",
                "bacon",
                "butternut squash",
            ],
            ReferenceList::Seasonality => &[
                "asparagus",
                "peas",
                "strawberries",
                "rhubarb",
                "tomatoes",
                "zucchini",
                "basil",
                "corn",
                "butternut squash",
                "pumpkin",
                "brussels sprouts",
                "sweet potato",
                "kale",
                "cabbage",
                "cranberries",
                "lemon",
            ],
            ReferenceList::Weekend => &[
                "bacon",
                "cheese",
                "butter",
                "kale",
                "quinoa",
                "avocado",
                "butternut squash",
                "asparagus",
                "tomatoes",
                "olive oil",
                "garlic",
            ],
        };
        names.iter().map(|n| n.to_string()).collect()
    }
}

/// Parameters of the ingredient ratings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngredientRatingParams {
    /// Ingredient names (normalised: trimmed, lower case); default the seasonality list.
    pub ingredients: Vec<String>,
    /// Inclusive year range; `None` = every year.
    pub years: Option<(i32, i32)>,
    /// Correction of the pairwise season tests within an ingredient, and of each family of
    /// tests across the ingredients (default Benjamini-Hochberg; Holm also available).
    pub correction: Correction,
    /// Significance level after correction (default 0.05).
    pub alpha: f64,
}

impl Default for IngredientRatingParams {
    fn default() -> Self {
        IngredientRatingParams {
            ingredients: ReferenceList::Seasonality.names(),
            years: None,
            correction: Correction::BenjaminiHochberg,
            alpha: 0.05,
        }
    }
}

/// Two seasons compared for one ingredient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeasonPair {
    /// First season.
    pub a: String,
    /// Second season.
    pub b: String,
    /// Mann-Whitney U of a against b.
    pub mann_whitney: MannWhitney,
    /// p adjusted over the six pairs of the ingredient.
    pub p_adjusted: f64,
}

/// The ratings of one ingredient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngredientRating {
    /// The ingredient.
    pub ingredient: String,
    /// Ratings of recipes listing it.
    pub n: u64,
    /// Their mean.
    pub mean: f64,
    /// Years with ratings, ascending.
    pub years: Vec<i32>,
    /// Ratings per year.
    pub yearly_n: Vec<u64>,
    /// Mean rating per year.
    pub yearly_mean: Vec<f64>,
    /// Mann-Kendall test of the yearly means (>= 3 years).
    pub mann_kendall: Option<MannKendall>,
    /// Sen's slope of the yearly means per year, on real years.
    pub sen: Option<SenSlope>,
    /// (last year mean - first year mean) / first year mean, %.
    pub change_percent: f64,
    /// Ratings per season, Winter, Spring, Summer, Autumn.
    pub season_n: Vec<u64>,
    /// Mean rating per season (NaN without ratings).
    pub season_mean: Vec<f64>,
    /// ANOVA across the seasons with ratings.
    pub season_anova: Option<Anova>,
    /// Kruskal-Wallis across the seasons with ratings.
    pub season_kruskal: Option<KruskalWallis>,
    /// Pairwise Mann-Whitney tests between seasons.
    pub season_pairs: Vec<SeasonPair>,
    /// Ratings on weekdays and at the weekend.
    pub period_n: Vec<u64>,
    /// Mean rating on weekdays and at the weekend.
    pub period_mean: Vec<f64>,
    /// Mann-Whitney U of weekend against weekday.
    pub weekend_mann_whitney: Option<MannWhitney>,
    /// Welch's t-test of weekend against weekday (Cohen's d).
    pub weekend_welch: Option<TTest>,
    /// Mann-Kendall p adjusted across ingredients.
    pub trend_p_adjusted: f64,
    /// Kruskal-Wallis p adjusted across ingredients.
    pub season_p_adjusted: f64,
    /// Weekend Mann-Whitney p adjusted across ingredients.
    pub weekend_p_adjusted: f64,
}

/// Ratings of the listed ingredients.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngredientRatings {
    /// One entry per requested ingredient, in the requested order.
    pub ingredients: Vec<IngredientRating>,
    /// Ratings (in the year range) of recipes listing at least one requested ingredient.
    pub ratings_matched: u64,
    /// Ratings whose recipe is not among the cleaned recipes (removed by the cleaning or
    /// absent from RAW_recipes): they cannot be joined to ingredients, and are counted here.
    pub ratings_without_recipe: u64,
}

/// Per-ingredient accumulators: counts per star by year, season and period.
struct Accumulator {
    by_year: BTreeMap<i32, [u64; 5]>,
    by_season: [[u64; 5]; 4],
    by_period: [[u64; 5]; 2],
}

/// Ratings of the recipes that use each listed ingredient.
pub fn ingredient_ratings(
    ratings: &RatingTable,
    recipes: &RecipeTable,
    params: &IngredientRatingParams,
) -> Result<IngredientRatings, AnalysisError> {
    let counts = ingredient_rating_counts(ratings, recipes, &params.ingredients)?;
    ingredient_ratings_from_counts(&counts, params)
}

/// The part of [`ingredient_ratings`] that does not depend on the year range: per ingredient
/// and calendar key (year, month, weekday), the ratings per star of the recipes that use it.
/// Computed once per ingredient list (one pass over the ratings), then summed over the keys of
/// any year range by [`ingredient_ratings_from_counts`].
#[derive(Debug, Clone)]
pub struct IngredientRatingCounts {
    names: Vec<String>,
    calendar: CalendarKeys,
    /// Per ingredient, per key, ratings per star.
    per_key: Vec<Vec<[u64; 5]>>,
    /// Per key, ratings whose recipe uses at least one of the ingredients.
    matched: Vec<u64>,
    /// Per key, ratings whose recipe is not among the cleaned recipes.
    without_recipe: Vec<u64>,
}

/// Counts the ratings of the recipes using each of `ingredients` per calendar key (names are
/// normalised; an unknown name is an error listing near matches).
pub fn ingredient_rating_counts(
    ratings: &RatingTable,
    recipes: &RecipeTable,
    ingredients: &[String],
) -> Result<IngredientRatingCounts, AnalysisError> {
    let lists = recipes.items(ItemKind::Ingredients);
    let mut targets: Vec<(String, u32)> = Vec::with_capacity(ingredients.len());
    for name in ingredients {
        let name = normalise_name(name).into_owned();
        match lists.code(&name) {
            Some(code) => targets.push((name, code)),
            None => {
                return Err(AnalysisError::UnknownItem {
                    kind: "ingredient",
                    suggestions: lists.near_matches(&name, 5),
                    name,
                })
            }
        }
    }
    let mut target_of_code: Vec<Vec<usize>> = vec![Vec::new(); lists.vocabulary_size()];
    for (t, (_, code)) in targets.iter().enumerate() {
        target_of_code[*code as usize].push(t);
    }
    // Recipe code of the rating table -> row of the cleaned recipes.
    let row_of_id: PlHashMap<i64, usize> = recipes
        .ids()
        .iter()
        .enumerate()
        .map(|(row, id)| (*id, row))
        .collect();
    let row_of_recipe: Vec<Option<usize>> = ratings
        .recipe_ids()
        .iter()
        .map(|id| row_of_id.get(id).copied())
        .collect();
    let calendar = *ratings.calendar();
    let mut counts = IngredientRatingCounts {
        names: targets.iter().map(|(name, _)| name.clone()).collect(),
        calendar,
        per_key: vec![vec![[0; 5]; calendar.len()]; targets.len()],
        matched: vec![0; calendar.len()],
        without_recipe: vec![0; calendar.len()],
    };
    let mut hit: Vec<usize> = Vec::new();
    for (row, &key) in ratings.keys().iter().enumerate() {
        let key = key as usize;
        let Some(recipe_row) = row_of_recipe[ratings.recipe_codes()[row] as usize] else {
            counts.without_recipe[key] += 1;
            continue;
        };
        hit.clear();
        for &code in lists.of_recipe(recipe_row) {
            hit.extend_from_slice(&target_of_code[code as usize]);
        }
        if hit.is_empty() {
            continue;
        }
        counts.matched[key] += 1;
        let star = usize::from(ratings.ratings()[row] - 1);
        for &t in &hit {
            counts.per_key[t][key][star] += 1;
        }
    }
    Ok(counts)
}

/// [`ingredient_ratings`] from counts made by [`ingredient_rating_counts`] for the same
/// ingredients as `params.ingredients` (checked).
pub fn ingredient_ratings_from_counts(
    counts: &IngredientRatingCounts,
    params: &IngredientRatingParams,
) -> Result<IngredientRatings, AnalysisError> {
    let asked: Vec<String> = params
        .ingredients
        .iter()
        .map(|n| normalise_name(n).into_owned())
        .collect();
    if asked != counts.names {
        return Err(AnalysisError::InvalidParameter {
            name: "ingredients",
            message: format!(
                "the counts are of {:?}, the parameters ask for {:?}",
                counts.names, asked
            ),
        });
    }
    let mut accumulators: Vec<Accumulator> = (0..counts.names.len())
        .map(|_| Accumulator {
            by_year: BTreeMap::new(),
            by_season: [[0; 5]; 4],
            by_period: [[0; 5]; 2],
        })
        .collect();
    let (mut matched, mut without_recipe) = (0u64, 0u64);
    for key in 0..counts.calendar.len() {
        let (year, month, weekday) = counts.calendar.date(key as u32);
        if !in_range(year, params.years) {
            continue;
        }
        matched += counts.matched[key];
        without_recipe += counts.without_recipe[key];
        let season = season_index(Season::of_month(u32::from(month)));
        let period = usize::from(weekday >= 6);
        for (acc, per_key) in accumulators.iter_mut().zip(&counts.per_key) {
            let stars = per_key[key];
            if stars.iter().all(|c| *c == 0) {
                continue;
            }
            let year_stars = acc.by_year.entry(year).or_insert([0; 5]);
            for star in 0..5 {
                year_stars[star] += stars[star];
                acc.by_season[season][star] += stars[star];
                acc.by_period[period][star] += stars[star];
            }
        }
    }
    let mut ingredients: Vec<IngredientRating> = counts
        .names
        .iter()
        .zip(&accumulators)
        .map(|(name, acc)| ingredient(name, acc, params))
        .collect();
    adjust_across(&mut ingredients, params.correction);
    Ok(IngredientRatings {
        ingredients,
        ratings_matched: matched,
        ratings_without_recipe: without_recipe,
    })
}

fn ingredient(name: &str, acc: &Accumulator, params: &IngredientRatingParams) -> IngredientRating {
    let years: Vec<i32> = acc.by_year.keys().copied().collect();
    let yearly: Vec<LevelCounts> = years.iter().map(|y| stars(&acc.by_year[y])).collect();
    let yearly_mean: Vec<f64> = yearly.iter().map(|c| c.mean()).collect();
    let x: Vec<f64> = years.iter().map(|y| f64::from(*y)).collect();
    let seasons: Vec<LevelCounts> = acc.by_season.iter().map(stars).collect();
    let present: Vec<&LevelCounts> = seasons.iter().filter(|c| c.n() > 0).collect();
    let mut season_pairs = Vec::new();
    for a in 0..4 {
        for b in a + 1..4 {
            if let Ok(test) = mann_whitney_counts(&seasons[a], &seasons[b]) {
                season_pairs.push(SeasonPair {
                    a: Season::ALL[a].name().to_string(),
                    b: Season::ALL[b].name().to_string(),
                    mann_whitney: test,
                    p_adjusted: f64::NAN,
                });
            }
        }
    }
    let pair_p: Vec<f64> = season_pairs
        .iter()
        .map(|p| p.mann_whitney.p_value)
        .collect();
    for (pair, p) in season_pairs
        .iter_mut()
        .zip(adjust_p_values(&pair_p, params.correction))
    {
        pair.p_adjusted = p;
    }
    let periods: Vec<LevelCounts> = acc.by_period.iter().map(stars).collect();
    let all = stars(&acc.by_season.iter().fold([0; 5], |mut total, s| {
        for (t, c) in total.iter_mut().zip(s) {
            *t += c;
        }
        total
    }));
    let change_percent = match (yearly_mean.first(), yearly_mean.last()) {
        (Some(first), Some(last)) if years.len() >= 2 => 100.0 * (last - first) / first,
        _ => f64::NAN,
    };
    IngredientRating {
        ingredient: name.to_string(),
        n: all.n(),
        mean: all.mean(),
        yearly_n: yearly.iter().map(|c| c.n()).collect(),
        mann_kendall: mann_kendall(&yearly_mean).ok(),
        sen: sen_slope(&x, &yearly_mean).ok(),
        change_percent,
        yearly_mean,
        years,
        season_n: seasons.iter().map(|c| c.n()).collect(),
        season_mean: seasons.iter().map(|c| c.mean()).collect(),
        season_anova: anova_counts(&present).ok(),
        season_kruskal: kruskal_wallis_counts(&present).ok(),
        season_pairs,
        period_n: periods.iter().map(|c| c.n()).collect(),
        period_mean: periods.iter().map(|c| c.mean()).collect(),
        weekend_mann_whitney: mann_whitney_counts(&periods[1], &periods[0]).ok(),
        weekend_welch: t_test_counts(&periods[1], &periods[0], Variances::Unequal).ok(),
        trend_p_adjusted: f64::NAN,
        season_p_adjusted: f64::NAN,
        weekend_p_adjusted: f64::NAN,
    }
}

fn adjust_across(ingredients: &mut [IngredientRating], correction: Correction) {
    let family = |p: &dyn Fn(&IngredientRating) -> f64| -> Vec<f64> {
        let raw: Vec<f64> = ingredients.iter().map(p).collect();
        adjust_p_values(&raw, correction)
    };
    let trend = family(&|i| i.mann_kendall.as_ref().map_or(f64::NAN, |t| t.p_value));
    let season = family(&|i| i.season_kruskal.as_ref().map_or(f64::NAN, |t| t.p_value));
    let weekend = family(&|i| {
        i.weekend_mann_whitney
            .as_ref()
            .map_or(f64::NAN, |t| t.p_value)
    });
    for (i, ingredient) in ingredients.iter_mut().enumerate() {
        ingredient.trend_p_adjusted = trend[i];
        ingredient.season_p_adjusted = season[i];
        ingredient.weekend_p_adjusted = weekend[i];
    }
}
