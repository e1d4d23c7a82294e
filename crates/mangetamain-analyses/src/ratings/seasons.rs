//! D4-D5: ratings per season — volume balance, n, distinct users and recipes, mean, median,
//! standard deviation, quartiles, % 5 stars, % <= 2 stars; one-way ANOVA (eta²) and
//! Kruskal-Wallis (epsilon²), so that a "significant but negligible" difference is said so
//! (6.4 item 8).

use serde::{Deserialize, Serialize};

use mangetamain_stats::groups::{Anova, KruskalWallis};
use mangetamain_stats::ordinal::{anova_counts, kruskal_wallis_counts, LevelCounts};

use super::groups::{GroupRatings, GroupTally};
use super::table::{CalendarBlock, RatingTable};
use super::RatingParams;
use crate::error::AnalysisError;
use crate::findings::{EffectMeasure, EffectSize, Finding};
use crate::group_summary::extremes;
use crate::recipe_table::season_index;
use crate::trends::yearly::in_range;
use mangetamain_core::format::date::Season;

/// Ratings per season.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeasonRatings {
    /// One entry per season, Winter, Spring, Summer, Autumn.
    pub seasons: Vec<GroupRatings>,
    /// Coefficient of variation of the four volumes (ddof 0).
    pub volume_cv: f64,
    /// Largest over smallest volume.
    pub volume_ratio: f64,
    /// One-way ANOVA of the ratings across seasons (with eta²).
    pub anova: Option<Anova>,
    /// Kruskal-Wallis across seasons (with epsilon²), better suited to 5-level ratings.
    pub kruskal: Option<KruskalWallis>,
    /// Typed facts: best and worst season, significance, effect size class.
    pub findings: Vec<Finding>,
}

/// Ratings per season.
pub fn season_ratings(
    table: &RatingTable,
    params: &RatingParams,
) -> Result<SeasonRatings, AnalysisError> {
    let by_season = table.calendar().lookup(|year, month, _| {
        in_range(year, params.years).then(|| season_index(Season::of_month(u32::from(month))))
    });
    let tally = GroupTally::by_calendar(table, 4, &by_season, CalendarBlock::Month);
    let seasons: Vec<GroupRatings> = Season::ALL
        .iter()
        .enumerate()
        .map(|(g, s)| tally.summary(g, s.name()))
        .collect();
    let counts: Vec<LevelCounts> = (0..4)
        .map(|g| tally.level_counts(g))
        .filter(|c| c.n() > 0)
        .collect();
    let refs: Vec<&LevelCounts> = counts.iter().collect();
    let anova = anova_counts(&refs).ok();
    let kruskal = kruskal_wallis_counts(&refs).ok();
    let volumes: Vec<f64> = seasons.iter().map(|s| s.n as f64).collect();
    let mean_volume = volumes.iter().sum::<f64>() / 4.0;
    let (most, least) = extremes(&volumes);
    let mut findings = Vec::new();
    if let Some(kw) = &kruskal {
        let means: Vec<f64> = seasons.iter().map(|s| s.mean).collect();
        let (best, worst) = extremes(&means);
        findings.push(Finding::GroupDifference {
            what: "mean rating".to_string(),
            highest: seasons[best].group.clone(),
            highest_value: means[best],
            lowest: seasons[worst].group.clone(),
            lowest_value: means[worst],
            p_adjusted: kw.p_value,
            significant: kw.p_value < params.alpha,
            effect: EffectSize::new(EffectMeasure::EpsilonSquared, kw.epsilon_squared),
        });
    }
    Ok(SeasonRatings {
        volume_cv: (volumes
            .iter()
            .map(|v| (v - mean_volume).powi(2))
            .sum::<f64>()
            / 4.0)
            .sqrt()
            / mean_volume,
        volume_ratio: volumes[most] / volumes[least],
        seasons,
        anova,
        kruskal,
        findings,
    })
}
