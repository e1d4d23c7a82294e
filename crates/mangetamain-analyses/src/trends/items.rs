//! Ingredients and tags over time (A5-A6): the most frequent items, their share of recipes per
//! year, the largest increases and decreases, and the diversity of items per year, both raw and
//! rarefied to a common number of recipes (the raw count of distinct items grows with the number
//! of recipes, so a "diversity collapse" after 2007 may only be the volume drop; reference-app.md
//! 6.4 item 4).
//!
//! Changes are measured between the first and the last year (as the reference app) **and**
//! between pooled windows of `window_years` years at each end, which tames the tiny last years;
//! each windowed change is tested (2 x 2 chi-square with Yates' correction) and the p-values are
//! adjusted by Benjamini-Hochberg over every tested item.

use serde::{Deserialize, Serialize};

use mangetamain_stats::counts::chi_square_independence;
use mangetamain_stats::diversity::rarefied_richness;
use mangetamain_stats::multiple::{adjust_p_values, Correction};
use mangetamain_stats::regression::{wls, WeightedRegression};
use mangetamain_stats::trend::{mann_kendall, MannKendall};

use crate::error::AnalysisError;
use crate::findings::{Direction, Finding};
use crate::item_counts::{ItemCounts, WithinYear};
use crate::recipe_table::{ItemKind, RecipeTable};
use crate::top_n::first_sorted;
use crate::trends::yearly::check_year_span;

/// Parameters of the item trends.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ItemTrendParams {
    /// Inclusive year range; `None` = every year present.
    pub years: Option<(i32, i32)>,
    /// Items in each top list (default 10).
    pub top_n: usize,
    /// Items listed by fewer recipes over the range are not ranked nor tested (default 50).
    pub min_recipes: u64,
    /// Years pooled at each end for the windowed change (default 3).
    pub window_years: usize,
    /// Recipes per year of the rarefied diversity; `None` = the smallest year of the range.
    pub rarefaction_size: Option<u64>,
    /// Significance level after correction (default 0.05).
    pub alpha: f64,
    /// Confidence level of the regression intervals (default 0.95).
    pub confidence: f64,
}

impl Default for ItemTrendParams {
    fn default() -> Self {
        ItemTrendParams {
            years: None,
            top_n: 10,
            min_recipes: 50,
            window_years: 3,
            rarefaction_size: None,
            alpha: 0.05,
            confidence: 0.95,
        }
    }
}

/// An item and the recipes that list it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemTotal {
    /// The item.
    pub item: String,
    /// Recipes listing it over the year range.
    pub recipes: u64,
}

/// How the share of recipes listing an item changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemChange {
    /// The item.
    pub item: String,
    /// Share of recipes in the first year, %.
    pub first_year_percent: f64,
    /// Share in the last year, %.
    pub last_year_percent: f64,
    /// Pooled share over the first window, %.
    pub first_window_percent: f64,
    /// Pooled share over the last window, %.
    pub last_window_percent: f64,
    /// last window - first window, percentage points (the ranking key).
    pub window_delta_points: f64,
    /// last year - first year, percentage points (the reference app's measure).
    pub year_delta_points: f64,
    /// p-value of the windowed change (2 x 2 chi-square, Yates).
    pub p_value: f64,
    /// Benjamini-Hochberg adjusted over every tested item.
    pub p_adjusted: f64,
}

/// The share of recipes listing an item, year by year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemSeries {
    /// The item.
    pub item: String,
    /// Share per year of [`ItemTrends::years`], %.
    pub percent: Vec<f64>,
}

/// Diversity of items per year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diversity {
    /// Distinct items listed per year.
    pub distinct: Vec<usize>,
    /// Recipes per year used for the rarefied diversity.
    pub rarefaction_size: u64,
    /// Expected distinct items among `rarefaction_size` recipes drawn from the year (None for
    /// years with fewer recipes).
    pub rarefied: Vec<Option<f64>>,
    /// WLS of distinct items on the year, weights = recipes per year.
    pub wls_distinct: Option<WeightedRegression>,
    /// WLS of rarefied diversity on the year, same weights.
    pub wls_rarefied: Option<WeightedRegression>,
    /// Mann-Kendall test of distinct items per year.
    pub mann_kendall_distinct: Option<MannKendall>,
    /// Mann-Kendall test of rarefied diversity per year.
    pub mann_kendall_rarefied: Option<MannKendall>,
}

/// Ingredients or tags over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemTrends {
    /// Ingredients or tags.
    pub kind: ItemKind,
    /// Years, ascending.
    pub years: Vec<i32>,
    /// Recipes per year.
    pub recipes_per_year: Vec<u64>,
    /// Years pooled in each window (may be less than asked when the range is short).
    pub window_years: usize,
    /// Items with at least `min_recipes` recipes (ranked and tested).
    pub items_tested: usize,
    /// Distinct items over the range.
    pub items_total: usize,
    /// Items listed twice in the same recipe, counted once (see [`crate::recipe_table::ItemLists`]).
    pub repeated_within_recipe: usize,
    /// The `top_n` most frequent items.
    pub most_frequent: Vec<ItemTotal>,
    /// The `top_n` largest windowed increases (largest first).
    pub increases: Vec<ItemChange>,
    /// The `top_n` largest windowed decreases (most negative first).
    pub decreases: Vec<ItemChange>,
    /// Yearly shares of the most frequent items, then the increases, then the decreases.
    pub series: Vec<ItemSeries>,
    /// Diversity per year.
    pub diversity: Diversity,
    /// Typed facts: diversity trends (raw and rarefied), significant shifts, counts.
    pub findings: Vec<Finding>,
}

/// Ingredients (A5) or tags (A6) over time.
pub fn item_trends(
    recipes: &RecipeTable,
    kind: ItemKind,
    params: &ItemTrendParams,
) -> Result<ItemTrends, AnalysisError> {
    if params.window_years == 0 {
        return Err(AnalysisError::InvalidParameter {
            name: "window_years",
            message: "must be at least 1".to_string(),
        });
    }
    let years: Vec<i32> = recipes
        .recipes_per_year(params.years)
        .into_iter()
        .map(|(year, _)| year)
        .collect();
    if years.len() < 2 {
        return Err(AnalysisError::InvalidParameter {
            name: "years",
            message: format!("needs recipes in two years or more, found {}", years.len()),
        });
    }
    check_year_span(years.len())?;
    let lists = recipes.items(kind);
    let (first_year, _) = recipes.year_span();
    let offsets: Vec<usize> = years.iter().map(|y| (y - first_year) as usize).collect();
    let counts = recipes
        .year_prefix_counts(kind, WithinYear::Whole)
        .years(&offsets);
    let window = params.window_years.min(years.len() / 2);
    let last = years.len() - 1;
    let pooled = |code: u32, groups: std::ops::Range<usize>| -> (u64, u64) {
        groups.fold((0, 0), |(c, n), g| {
            (c + counts.count(g, code), n + counts.recipes[g])
        })
    };
    let tested = counts.frequent_codes(params.min_recipes);
    let items_total = counts.items_listed();

    let mut changes: Vec<ItemChange> = Vec::with_capacity(tested.len());
    for &code in &tested {
        let (first_count, first_n) = pooled(code, 0..window);
        let (last_count, last_n) = pooled(code, years.len() - window..years.len());
        let table = [
            first_count as f64,
            (first_n - first_count) as f64,
            last_count as f64,
            (last_n - last_count) as f64,
        ];
        let p_value = chi_square_independence(&table, 2).map_or(f64::NAN, |t| t.p_value);
        let first_window_percent = 100.0 * first_count as f64 / first_n as f64;
        let last_window_percent = 100.0 * last_count as f64 / last_n as f64;
        changes.push(ItemChange {
            item: lists.name(code).to_string(),
            first_year_percent: counts.percent(0, code),
            last_year_percent: counts.percent(last, code),
            first_window_percent,
            last_window_percent,
            window_delta_points: last_window_percent - first_window_percent,
            year_delta_points: counts.percent(last, code) - counts.percent(0, code),
            p_value,
            p_adjusted: f64::NAN,
        });
    }
    let p_values: Vec<f64> = changes.iter().map(|c| c.p_value).collect();
    for (change, p) in changes
        .iter_mut()
        .zip(adjust_p_values(&p_values, Correction::BenjaminiHochberg))
    {
        change.p_adjusted = p;
    }

    let totals = counts.totals();
    let by_total: Vec<(u32, u64)> = tested.iter().map(|c| (*c, totals[*c as usize])).collect();
    let most_frequent: Vec<ItemTotal> = first_sorted(by_total, params.top_n, |a, b| {
        b.1.cmp(&a.1)
            .then_with(|| lists.name(a.0).cmp(lists.name(b.0)))
    })
    .into_iter()
    .map(|(code, total)| ItemTotal {
        item: lists.name(code).to_string(),
        recipes: total,
    })
    .collect();
    let increases = changes.iter().filter(|c| c.window_delta_points > 0.0);
    let increases: Vec<ItemChange> = first_sorted(increases.collect(), params.top_n, |a, b| {
        b.window_delta_points
            .total_cmp(&a.window_delta_points)
            .then_with(|| a.item.cmp(&b.item))
    })
    .into_iter()
    .cloned()
    .collect();
    let decreases = changes.iter().filter(|c| c.window_delta_points < 0.0);
    let decreases: Vec<ItemChange> = first_sorted(decreases.collect(), params.top_n, |a, b| {
        a.window_delta_points
            .total_cmp(&b.window_delta_points)
            .then_with(|| b.item.cmp(&a.item))
    })
    .into_iter()
    .cloned()
    .collect();

    let series_of = |item: &str| -> Option<ItemSeries> {
        let code = lists.code(item)?;
        Some(ItemSeries {
            item: item.to_string(),
            percent: (0..years.len()).map(|g| counts.percent(g, code)).collect(),
        })
    };
    let mut series: Vec<ItemSeries> = Vec::new();
    for item in most_frequent
        .iter()
        .map(|t| t.item.as_str())
        .chain(increases.iter().map(|c| c.item.as_str()))
        .chain(decreases.iter().map(|c| c.item.as_str()))
    {
        if !series.iter().any(|s| s.item == item) {
            series.extend(series_of(item));
        }
    }

    let diversity = diversity(&counts, &years, params)?;
    let findings = findings(kind, &diversity, &increases, &decreases, &changes, params);
    Ok(ItemTrends {
        kind,
        recipes_per_year: counts.recipes.clone(),
        years,
        window_years: window,
        items_tested: tested.len(),
        items_total,
        repeated_within_recipe: lists.repeated_within_recipe(),
        most_frequent,
        increases,
        decreases,
        series,
        diversity,
        findings,
    })
}

fn diversity(
    counts: &ItemCounts,
    years: &[i32],
    params: &ItemTrendParams,
) -> Result<Diversity, AnalysisError> {
    let smallest = counts.recipes.iter().copied().min().unwrap_or(0);
    let size = params.rarefaction_size.unwrap_or(smallest);
    if size == 0 {
        return Err(AnalysisError::InvalidParameter {
            name: "rarefaction_size",
            message: "must be at least 1 recipe".to_string(),
        });
    }
    let mut distinct = Vec::with_capacity(years.len());
    let mut rarefied = Vec::with_capacity(years.len());
    for (group, &n) in counts.recipes.iter().enumerate() {
        let incidences: Vec<u64> = counts
            .group(group)
            .iter()
            .filter(|c| **c > 0)
            .map(|c| u64::from(*c))
            .collect();
        distinct.push(incidences.len());
        rarefied.push(if n >= size {
            rarefied_richness(&incidences, n, size).ok()
        } else {
            None
        });
    }
    let x: Vec<f64> = years.iter().map(|y| f64::from(*y)).collect();
    let weights: Vec<f64> = counts.recipes.iter().map(|n| *n as f64).collect();
    let raw: Vec<f64> = distinct.iter().map(|d| *d as f64).collect();
    let (rx, ry, rw): (Vec<f64>, Vec<f64>, Vec<f64>) = rarefied
        .iter()
        .zip(&x)
        .zip(&weights)
        .filter_map(|((r, x), w)| r.map(|r| (*x, r, *w)))
        .fold(
            (vec![], vec![], vec![]),
            |(mut a, mut b, mut c), (x, y, w)| {
                a.push(x);
                b.push(y);
                c.push(w);
                (a, b, c)
            },
        );
    Ok(Diversity {
        wls_distinct: wls(&x, &raw, &weights, params.confidence).ok(),
        wls_rarefied: wls(&rx, &ry, &rw, params.confidence).ok(),
        mann_kendall_distinct: mann_kendall(&raw).ok(),
        mann_kendall_rarefied: mann_kendall(&ry).ok(),
        distinct,
        rarefaction_size: size,
        rarefied,
    })
}

fn findings(
    kind: ItemKind,
    diversity: &Diversity,
    increases: &[ItemChange],
    decreases: &[ItemChange],
    changes: &[ItemChange],
    params: &ItemTrendParams,
) -> Vec<Finding> {
    let what = kind.column();
    let mut findings = Vec::new();
    let trends = [
        ("distinct", &diversity.wls_distinct),
        ("rarefied", &diversity.wls_rarefied),
    ];
    let p: Vec<f64> = trends
        .iter()
        .map(|(_, w)| w.as_ref().map_or(f64::NAN, |w| w.slope_p))
        .collect();
    for ((name, regression), p) in trends
        .iter()
        .zip(adjust_p_values(&p, Correction::BenjaminiHochberg))
    {
        if let Some(regression) = regression {
            findings.push(Finding::Trend {
                what: format!("{what} diversity ({name})"),
                direction: Direction::of(regression.slope, p, params.alpha),
                slope_per_year: regression.slope,
                p_adjusted: p,
                r_squared: regression.r_squared,
            });
        }
    }
    for (change, towards) in increases
        .iter()
        .take(1)
        .map(|c| (c, "last years"))
        .chain(decreases.iter().take(1).map(|c| (c, "first years")))
    {
        if change.p_adjusted < params.alpha {
            findings.push(Finding::ItemShift {
                what: what.to_string(),
                item: change.item.clone(),
                towards: towards.to_string(),
                delta_points: change.window_delta_points.abs(),
                p_adjusted: change.p_adjusted,
            });
        }
    }
    findings.push(Finding::Count {
        what: format!("{what} with a significant change"),
        value: changes
            .iter()
            .filter(|c| c.p_adjusted < params.alpha)
            .count(),
    });
    findings
}
