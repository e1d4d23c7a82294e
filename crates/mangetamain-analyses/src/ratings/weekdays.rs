//! NB-R3: ratings by weekday (1 = Monday) and by period (Monday-Friday, Saturday-Sunday) of the
//! interaction date: per-group statistics, Mann-Whitney U of weekend against weekday with the
//! rank-biserial correlation, Welch's t-test with Cohen's d, and ANOVA / Kruskal-Wallis over the
//! seven days.

use serde::{Deserialize, Serialize};

use mangetamain_stats::groups::{Anova, KruskalWallis, MannWhitney, TTest, Variances};
use mangetamain_stats::ordinal::{
    anova_counts, kruskal_wallis_counts, mann_whitney_counts, t_test_counts, LevelCounts,
};

use super::groups::{GroupRatings, GroupTally};
use super::table::{CalendarBlock, RatingTable};
use super::RatingParams;
use crate::error::AnalysisError;
use crate::findings::{EffectMeasure, EffectSize, Finding};
use crate::group_summary::extremes;
use crate::trends::yearly::in_range;
use crate::weekend::volume::DAYS;
use crate::weekend::PERIODS;

/// Ratings by weekday and by period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekdayRatings {
    /// Weekday (Mon-Fri) and weekend (Sat-Sun).
    pub periods: Vec<GroupRatings>,
    /// Monday ... Sunday.
    pub days: Vec<GroupRatings>,
    /// Ratings per day of week in each period: weekday / 5, weekend / 2.
    pub per_day_of_week: Vec<f64>,
    /// Mann-Whitney U of weekend against weekday.
    pub mann_whitney: Option<MannWhitney>,
    /// Welch's t-test of weekend against weekday (Cohen's d inside).
    pub welch: Option<TTest>,
    /// ANOVA over the seven days (eta²).
    pub anova_days: Option<Anova>,
    /// Kruskal-Wallis over the seven days (epsilon²).
    pub kruskal_days: Option<KruskalWallis>,
    /// Typed facts.
    pub findings: Vec<Finding>,
}

/// Ratings by weekday and by period.
pub fn weekday_ratings(
    table: &RatingTable,
    params: &RatingParams,
) -> Result<WeekdayRatings, AnalysisError> {
    let days = table
        .calendar()
        .lookup(|year, _, weekday| in_range(year, params.years).then(|| usize::from(weekday - 1)));
    let periods = table
        .calendar()
        .lookup(|year, _, weekday| in_range(year, params.years).then(|| usize::from(weekday >= 6)));
    let day_tally = GroupTally::by_calendar(table, 7, &days, CalendarBlock::Weekday);
    let period_tally = GroupTally::by_calendar(table, 2, &periods, CalendarBlock::Weekday);
    let periods: Vec<GroupRatings> = (0..2)
        .map(|g| period_tally.summary(g, PERIODS[g]))
        .collect();
    let days: Vec<GroupRatings> = (0..7).map(|g| day_tally.summary(g, DAYS[g])).collect();
    let (weekday, weekend) = (period_tally.level_counts(0), period_tally.level_counts(1));
    let mann_whitney = mann_whitney_counts(&weekend, &weekday).ok();
    let welch = t_test_counts(&weekend, &weekday, Variances::Unequal).ok();
    let day_counts: Vec<LevelCounts> = (0..7)
        .map(|g| day_tally.level_counts(g))
        .filter(|c| c.n() > 0)
        .collect();
    let day_refs: Vec<&LevelCounts> = day_counts.iter().collect();
    let mut findings = Vec::new();
    if let (Some(mw), Some(t)) = (&mann_whitney, &welch) {
        let means = [periods[0].mean, periods[1].mean];
        let high = usize::from(means[1] > means[0]);
        findings.push(Finding::GroupDifference {
            what: "mean rating".to_string(),
            highest: PERIODS[high].to_string(),
            highest_value: means[high],
            lowest: PERIODS[1 - high].to_string(),
            lowest_value: means[1 - high],
            p_adjusted: mw.p_value,
            significant: mw.p_value < params.alpha,
            effect: EffectSize::new(EffectMeasure::CohensD, t.cohens_d),
        });
    }
    let day_means: Vec<f64> = days.iter().map(|d| d.mean).collect();
    let (best, _) = extremes(&day_means);
    if days[best].n > 0 {
        findings.push(Finding::Peak {
            what: "mean rating per weekday".to_string(),
            at: days[best].group.clone(),
            value: day_means[best],
        });
    }
    Ok(WeekdayRatings {
        per_day_of_week: vec![periods[0].n as f64 / 5.0, periods[1].n as f64 / 2.0],
        periods,
        days,
        mann_whitney,
        welch,
        anova_days: anova_counts(&day_refs).ok(),
        kruskal_days: kruskal_wallis_counts(&day_refs).ok(),
        findings,
    })
}
