//! Typed facts derived from the numbers of an analysis, from which the web app and the notebooks
//! write their sentences in English and French (so no text can contradict its numbers).

use serde::{Deserialize, Serialize};

/// Direction of a tested trend or difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// Significant increase.
    Up,
    /// Significant decrease.
    Down,
    /// No significant trend at the chosen level.
    Flat,
}

impl Direction {
    /// The direction of a signed estimate whose (adjusted) p-value is `p`.
    pub fn of(estimate: f64, p: f64, alpha: f64) -> Direction {
        if p.is_nan() || p >= alpha || estimate == 0.0 {
            Direction::Flat
        } else if estimate > 0.0 {
            Direction::Up
        } else {
            Direction::Down
        }
    }
}

/// Which effect-size measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EffectMeasure {
    /// Cohen's d (difference of means over the pooled standard deviation).
    CohensD,
    /// Rank-biserial correlation of a Mann-Whitney test.
    RankBiserial,
    /// eta² of a one-way ANOVA.
    EtaSquared,
    /// epsilon² of a Kruskal-Wallis test.
    EpsilonSquared,
    /// Cramér's V of a contingency table.
    CramersV,
    /// Cohen's w of a goodness-of-fit test, sqrt(chi² / N).
    CohensW,
}

/// Conventional size classes (Cohen 1988; for eta² / epsilon² 0.01 / 0.06 / 0.14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EffectClass {
    /// Below the "small" threshold: significant or not, it does not matter in practice.
    Negligible,
    /// Small.
    Small,
    /// Medium.
    Medium,
    /// Large.
    Large,
}

/// An effect size with its class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EffectSize {
    /// The measure.
    pub measure: EffectMeasure,
    /// Its value (signed for d and the rank-biserial correlation).
    pub value: f64,
    /// Its conventional class (of the absolute value).
    pub class: EffectClass,
}

impl EffectSize {
    /// Classifies a value of a measure. Thresholds: |d| 0.2 / 0.5 / 0.8; |r|, V and w 0.1 / 0.3 /
    /// 0.5; eta² and epsilon² 0.01 / 0.06 / 0.14.
    ///
    /// ```
    /// use mangetamain_analyses::findings::{EffectClass, EffectMeasure, EffectSize};
    /// assert_eq!(EffectSize::new(EffectMeasure::CohensD, -0.03).class, EffectClass::Negligible);
    /// assert_eq!(EffectSize::new(EffectMeasure::EtaSquared, 0.07).class, EffectClass::Medium);
    /// ```
    pub fn new(measure: EffectMeasure, value: f64) -> EffectSize {
        let thresholds = match measure {
            EffectMeasure::CohensD => [0.2, 0.5, 0.8],
            EffectMeasure::RankBiserial | EffectMeasure::CramersV | EffectMeasure::CohensW => {
                [0.1, 0.3, 0.5]
            }
            EffectMeasure::EtaSquared | EffectMeasure::EpsilonSquared => [0.01, 0.06, 0.14],
        };
        let size = value.abs();
        let class = if size.is_nan() || size < thresholds[0] {
            EffectClass::Negligible
        } else if size < thresholds[1] {
            EffectClass::Small
        } else if size < thresholds[2] {
            EffectClass::Medium
        } else {
            EffectClass::Large
        };
        EffectSize {
            measure,
            value,
            class,
        }
    }
}

/// One fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Finding {
    /// The largest value of a series and where it occurs.
    Peak {
        /// The series.
        what: String,
        /// Where (a year, a season...).
        at: String,
        /// The value.
        value: f64,
    },
    /// A trend test outcome after multiple-testing correction.
    Trend {
        /// The series (column name).
        what: String,
        /// Up, down or flat.
        direction: Direction,
        /// WLS slope per year.
        slope_per_year: f64,
        /// Benjamini-Hochberg adjusted p-value.
        p_adjusted: f64,
        /// Weighted R².
        r_squared: f64,
    },
    /// How close a series is to normal (r² of its Q-Q line).
    Normality {
        /// The series.
        what: String,
        /// r² of the Q-Q fit.
        r_squared: f64,
    },
    /// Groups (seasons, weekday periods) compared on a variable.
    GroupDifference {
        /// The variable.
        what: String,
        /// Group with the highest value.
        highest: String,
        /// Its value (mean, or share).
        highest_value: f64,
        /// Group with the lowest value.
        lowest: String,
        /// Its value.
        lowest_value: f64,
        /// Adjusted p-value of the test across groups.
        p_adjusted: f64,
        /// Whether `p_adjusted` is below the chosen level.
        significant: bool,
        /// Effect size: a significant but negligible effect is said so.
        effect: EffectSize,
    },
    /// Observed versus expected volume of a group.
    Deviation {
        /// The variable.
        what: String,
        /// The group.
        group: String,
        /// Observed count.
        observed: f64,
        /// Expected count under the null hypothesis.
        expected: f64,
    },
    /// An item (ingredient, tag) whose share of recipes differs between two groups or periods.
    ItemShift {
        /// Ingredient or tag.
        what: String,
        /// The item.
        item: String,
        /// The group or period where it is more frequent.
        towards: String,
        /// Difference of shares, percentage points (positive).
        delta_points: f64,
        /// Adjusted p-value.
        p_adjusted: f64,
    },
    /// An estimate with its confidence interval.
    Estimate {
        /// What is estimated.
        what: String,
        /// The estimate.
        value: f64,
        /// Its confidence interval.
        ci: (f64, f64),
    },
    /// A count worth stating (items tested, items significant...).
    Count {
        /// What is counted.
        what: String,
        /// The count.
        value: usize,
    },
}
