//! B2-B4: preparation time, complexity, steps, ingredients and nutrients per season, with
//! Kruskal-Wallis (epsilon²) and one-way ANOVA (eta²), p-values adjusted by Benjamini-Hochberg
//! over the metrics; and the seasonal z-score profile of the nutrients.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use mangetamain_stats::groups::{anova_from_moments, Anova, KruskalWallis};
use mangetamain_stats::multiple::{adjust_p_values, Correction};

use super::{season_names, SeasonParams};
use crate::error::AnalysisError;
use crate::findings::{EffectMeasure, EffectSize, Finding};
use crate::group_summary::{check_band, extremes, GroupSummary};
use crate::item_counts::WithinYear;
use crate::metric::Metric;
use crate::recipe_table::RecipeTable;

/// One metric across the four seasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeasonalMetric {
    /// The metric.
    pub metric: Metric,
    /// Summary per season, Winter, Spring, Summer, Autumn (None for a season without values).
    pub summaries: Vec<Option<GroupSummary>>,
    /// Recipes of the range without a value for the metric (not in the summaries).
    pub missing: usize,
    /// Kruskal-Wallis across the seasons.
    pub kruskal: Option<KruskalWallis>,
    /// One-way ANOVA across the seasons.
    pub anova: Option<Anova>,
    /// Kruskal-Wallis p adjusted (Benjamini-Hochberg over the metrics).
    pub kruskal_p_adjusted: f64,
    /// ANOVA p adjusted (Benjamini-Hochberg over the metrics).
    pub anova_p_adjusted: f64,
}

/// Z-scores of a nutrient's seasonal means (ddof 0 across the four means, as the reference
/// heatmap).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NutrientProfile {
    /// The nutrient.
    pub metric: Metric,
    /// Mean per season.
    pub means: Vec<f64>,
    /// (mean - mean of means) / std of means, per season.
    pub z_scores: Vec<f64>,
}

/// Every metric per season.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeasonalMetrics {
    /// Season names in group order.
    pub seasons: Vec<String>,
    /// One entry per metric of [`Metric::ALL`].
    pub metrics: Vec<SeasonalMetric>,
    /// Seasonal profile of the nutrients.
    pub nutrient_profile: Vec<NutrientProfile>,
    /// Typed facts: per metric, the highest and lowest season, significance and effect size.
    pub findings: Vec<Finding>,
}

/// Every metric per season with Kruskal-Wallis and ANOVA.
pub fn seasonal_metrics(
    recipes: &RecipeTable,
    params: &SeasonParams,
) -> Result<SeasonalMetrics, AnalysisError> {
    check_band(params.band)?;
    let seasons = recipes.within_year_lookup(WithinYear::Season, params.years);
    let rows = recipes.rows_per_group(&seasons, 4).iter().sum::<u64>() as usize;
    // One metric per task: the metrics are independent.
    let mut metrics: Vec<SeasonalMetric> = Metric::ALL
        .par_iter()
        .map(|&metric| seasonal_metric(recipes, metric, rows, params))
        .collect();
    let kruskal_p: Vec<f64> = metrics
        .iter()
        .map(|m| m.kruskal.as_ref().map_or(f64::NAN, |k| k.p_value))
        .collect();
    let anova_p: Vec<f64> = metrics
        .iter()
        .map(|m| m.anova.as_ref().map_or(f64::NAN, |a| a.p_value))
        .collect();
    let kruskal_adjusted = adjust_p_values(&kruskal_p, Correction::BenjaminiHochberg);
    let anova_adjusted = adjust_p_values(&anova_p, Correction::BenjaminiHochberg);
    for (i, metric) in metrics.iter_mut().enumerate() {
        metric.kruskal_p_adjusted = kruskal_adjusted[i];
        metric.anova_p_adjusted = anova_adjusted[i];
    }
    let seasons = season_names();
    let findings = metrics
        .iter()
        .filter_map(|m| finding(m, &seasons, params.alpha))
        .collect();
    let nutrient_profile = metrics
        .iter()
        .filter(|m| m.metric.is_nutrient())
        .map(profile)
        .collect();
    Ok(SeasonalMetrics {
        seasons,
        metrics,
        nutrient_profile,
        findings,
    })
}

/// One metric per season: `rows` recipes of the range, with or without a value.
fn seasonal_metric(
    recipes: &RecipeTable,
    metric: Metric,
    rows: usize,
    params: &SeasonParams,
) -> SeasonalMetric {
    let (summaries, ranks) =
        recipes.within_year_summaries(metric, WithinYear::Season, params.years, params.band);
    let kruskal = ranks.kruskal_wallis().ok();
    let moments: Vec<(usize, f64, f64)> = summaries
        .iter()
        .flatten()
        .map(|s| (s.n, s.mean, s.std * s.std))
        .collect();
    let anova = anova_from_moments(&moments).ok();
    let with_value: usize = summaries.iter().flatten().map(|s| s.n).sum();
    SeasonalMetric {
        metric,
        summaries,
        missing: rows - with_value,
        kruskal,
        anova,
        kruskal_p_adjusted: f64::NAN,
        anova_p_adjusted: f64::NAN,
    }
}

fn means(metric: &SeasonalMetric) -> Vec<f64> {
    metric
        .summaries
        .iter()
        .map(|s| s.as_ref().map_or(f64::NAN, |s| s.mean))
        .collect()
}

fn finding(metric: &SeasonalMetric, seasons: &[String], alpha: f64) -> Option<Finding> {
    let kruskal = metric.kruskal.as_ref()?;
    let means = means(metric);
    let (high, low) = extremes(&means);
    Some(Finding::GroupDifference {
        what: metric.metric.column().to_string(),
        highest: seasons[high].clone(),
        highest_value: means[high],
        lowest: seasons[low].clone(),
        lowest_value: means[low],
        p_adjusted: metric.kruskal_p_adjusted,
        significant: metric.kruskal_p_adjusted < alpha,
        effect: EffectSize::new(EffectMeasure::EpsilonSquared, kruskal.epsilon_squared),
    })
}

fn profile(metric: &SeasonalMetric) -> NutrientProfile {
    let means = means(metric);
    let n = means.len() as f64;
    let centre = means.iter().sum::<f64>() / n;
    let spread = (means.iter().map(|m| (m - centre).powi(2)).sum::<f64>() / n).sqrt();
    NutrientProfile {
        metric: metric.metric,
        z_scores: means.iter().map(|m| (m - centre) / spread).collect(),
        means,
    }
}
