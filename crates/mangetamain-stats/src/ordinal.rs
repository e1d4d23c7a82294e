//! Statistics of discrete data given as counts per level (ratings 1-5): descriptive values and
//! the group tests of [`crate::groups`] computed from a levels x groups table in
//! O(levels x groups), with the same results as the slice versions on the expanded values (the
//! rank of a tied level is the average of its positions, as `scipy.stats.rankdata`).

use serde::{Deserialize, Serialize};

use crate::descriptive::{quantile_sorted, QuantileMethod};
use crate::error::{Result, StatsError};
use crate::groups::{
    anova_from_sums, kruskal_from_rank_sums, mann_whitney, mann_whitney_from_rank_sum,
    t_test_from_moments, Anova, KruskalWallis, MannWhitney, TTest, Variances,
};

/// How many values of a sample take each level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelCounts {
    levels: Vec<f64>,
    counts: Vec<u64>,
}

impl LevelCounts {
    /// Counts of `levels` (finite, strictly increasing).
    ///
    /// ```
    /// use mangetamain_stats::ordinal::LevelCounts;
    /// let ratings = LevelCounts::new(vec![1.0, 2.0, 3.0, 4.0, 5.0], vec![1, 0, 1, 2, 6])?;
    /// assert_eq!(ratings.n(), 10);
    /// assert_eq!(ratings.mean(), 4.2);
    /// assert_eq!(ratings.median(), 5.0);
    /// # Ok::<(), mangetamain_stats::StatsError>(())
    /// ```
    pub fn new(levels: Vec<f64>, counts: Vec<u64>) -> Result<LevelCounts> {
        const WHAT: &str = "LevelCounts";
        if levels.len() != counts.len() || levels.is_empty() {
            return Err(StatsError::InvalidInput {
                what: WHAT,
                message: format!(
                    "{} levels for {} counts (one count per level, at least one level)",
                    levels.len(),
                    counts.len()
                ),
            });
        }
        if levels.iter().any(|l| !l.is_finite()) || levels.windows(2).any(|w| w[0] >= w[1]) {
            return Err(StatsError::InvalidInput {
                what: WHAT,
                message: "levels must be finite and strictly increasing".to_string(),
            });
        }
        Ok(LevelCounts { levels, counts })
    }

    /// Counts of the consecutive integer levels `first`, `first + 1`, ... (one per count).
    ///
    /// ```
    /// use mangetamain_stats::ordinal::LevelCounts;
    /// let stars = LevelCounts::integers(1, vec![0, 0, 1, 1, 2]);
    /// assert_eq!(stars.levels(), &[1.0, 2.0, 3.0, 4.0, 5.0]);
    /// assert_eq!(stars.mean(), 4.25);
    /// ```
    pub fn integers(first: i64, counts: Vec<u64>) -> LevelCounts {
        LevelCounts {
            levels: (0..counts.len() as i64)
                .map(|i| (first + i) as f64)
                .collect(),
            counts,
        }
    }

    /// The levels.
    pub fn levels(&self) -> &[f64] {
        &self.levels
    }

    /// The count of each level.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Number of values.
    pub fn n(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Mean (NaN when empty).
    pub fn mean(&self) -> f64 {
        self.weighted_sum(|l| l) / self.n() as f64
    }

    /// Variance with `ddof` (NaN when n <= ddof).
    pub fn variance(&self, ddof: u64) -> f64 {
        let n = self.n();
        if n <= ddof {
            return f64::NAN;
        }
        let mean = self.mean();
        self.weighted_sum(|l| (l - mean) * (l - mean)) / (n - ddof) as f64
    }

    /// Quantile `q` of the expanded values (`numpy.quantile(values, q, method=...)`).
    pub fn quantile(&self, q: f64, method: QuantileMethod) -> Result<f64> {
        let n = self.n();
        if n == 0 {
            return Err(StatsError::TooFewValues {
                what: "quantile",
                needed: 1,
                got: 0,
            });
        }
        let last = (n - 1) as f64;
        let h = q * last;
        let (lo, hi) = (h.floor() as u64, (h.ceil() as u64).min(n - 1));
        let pair = [self.order_statistic(lo), self.order_statistic(hi)];
        match method {
            QuantileMethod::Nearest => {
                Ok(self.order_statistic((h.round_ties_even() as u64).min(n - 1)))
            }
            _ => quantile_sorted(&pair, if hi > lo { h - lo as f64 } else { 0.0 }, method),
        }
    }

    /// Median (linear interpolation, `numpy.median`); NaN when empty.
    pub fn median(&self) -> f64 {
        self.quantile(0.5, QuantileMethod::Linear)
            .unwrap_or(f64::NAN)
    }

    /// Share of the values whose level satisfies `predicate`, in percent.
    pub fn percent_where(&self, predicate: impl Fn(f64) -> bool) -> f64 {
        let hits: u64 = self
            .levels
            .iter()
            .zip(&self.counts)
            .filter(|(l, _)| predicate(**l))
            .map(|(_, c)| *c)
            .sum();
        100.0 * hits as f64 / self.n() as f64
    }

    /// The values, expanded (for small samples).
    pub fn expand(&self) -> Vec<f64> {
        self.levels
            .iter()
            .zip(&self.counts)
            .flat_map(|(l, c)| std::iter::repeat_n(*l, *c as usize))
            .collect()
    }

    /// The value at 0-based rank `k` of the sorted expansion (k < n).
    fn order_statistic(&self, k: u64) -> f64 {
        let mut seen = 0;
        for (level, count) in self.levels.iter().zip(&self.counts) {
            seen += count;
            if k < seen {
                return *level;
            }
        }
        f64::NAN
    }

    fn weighted_sum(&self, f: impl Fn(f64) -> f64) -> f64 {
        self.levels
            .iter()
            .zip(&self.counts)
            .map(|(l, c)| *c as f64 * f(*l))
            .sum()
    }
}

/// Checks that groups share their levels and are not empty; returns the pooled counts.
fn pooled(what: &'static str, groups: &[&LevelCounts], min_groups: usize) -> Result<Vec<u64>> {
    if groups.len() < min_groups {
        return Err(StatsError::TooFewValues {
            what,
            needed: min_groups,
            got: groups.len(),
        });
    }
    let levels = groups[0].levels();
    let mut total = vec![0u64; levels.len()];
    for group in groups {
        if group.levels() != levels {
            return Err(StatsError::InvalidInput {
                what,
                message: "every group must have the same levels".to_string(),
            });
        }
        if group.n() == 0 {
            return Err(StatsError::TooFewValues {
                what,
                needed: 1,
                got: 0,
            });
        }
        for (t, c) in total.iter_mut().zip(group.counts()) {
            *t += c;
        }
    }
    Ok(total)
}

/// Average rank of each level in the pooled sample, and Σ(t³ - t) over tied levels.
fn level_ranks(total: &[u64]) -> (Vec<f64>, f64) {
    let mut below = 0u64;
    let mut ranks = Vec::with_capacity(total.len());
    let mut ties = 0.0;
    for &t in total {
        ranks.push(below as f64 + (t as f64 + 1.0) / 2.0);
        if t > 1 {
            let t = t as f64;
            ties += t * t * t - t;
        }
        below += t;
    }
    (ranks, ties)
}

fn rank_sum(group: &LevelCounts, ranks: &[f64]) -> f64 {
    group
        .counts()
        .iter()
        .zip(ranks)
        .map(|(c, r)| *c as f64 * r)
        .sum()
}

/// Kruskal-Wallis H test on counts (same result as [`crate::groups::kruskal_wallis`] on the
/// expanded values).
pub fn kruskal_wallis_counts(groups: &[&LevelCounts]) -> Result<KruskalWallis> {
    const WHAT: &str = "kruskal_wallis_counts";
    let total = pooled(WHAT, groups, 2)?;
    let (ranks, ties) = level_ranks(&total);
    let sums: Vec<f64> = groups.iter().map(|g| rank_sum(g, &ranks)).collect();
    let sizes: Vec<usize> = groups.iter().map(|g| g.n() as usize).collect();
    kruskal_from_rank_sums(&sums, &sizes, ties, WHAT)
}

/// One-way ANOVA on counts (same result as [`crate::groups::anova`] on the expanded values).
pub fn anova_counts(groups: &[&LevelCounts]) -> Result<Anova> {
    const WHAT: &str = "anova_counts";
    let total = pooled(WHAT, groups, 2)?;
    let all = LevelCounts::new(groups[0].levels().to_vec(), total)?;
    let grand = all.mean();
    let (mut ssb, mut ssw) = (0.0, 0.0);
    for g in groups {
        let m = g.mean();
        ssb += g.n() as f64 * (m - grand) * (m - grand);
        ssw += g.weighted_sum(|l| (l - m) * (l - m));
    }
    anova_from_sums(
        WHAT,
        ssb,
        ssw,
        groups.iter().map(|g| g.n() as usize).collect(),
    )
}

/// Mann-Whitney U test of `a` against `b` on counts (same result as
/// [`crate::groups::mann_whitney`] on the expanded values; without ties and with a sample of
/// at most 8 values the exact distribution is used, through the expanded values).
pub fn mann_whitney_counts(a: &LevelCounts, b: &LevelCounts) -> Result<MannWhitney> {
    const WHAT: &str = "mann_whitney_counts";
    let total = pooled(WHAT, &[a, b], 2)?;
    let (n1, n2) = (a.n(), b.n());
    if total.iter().all(|t| *t <= 1) && n1.min(n2) <= 8 {
        return mann_whitney(&a.expand(), &b.expand());
    }
    let (ranks, ties) = level_ranks(&total);
    Ok(mann_whitney_from_rank_sum(
        rank_sum(a, &ranks),
        n1 as usize,
        n2 as usize,
        ties,
    ))
}

/// Two-sample t-test of `a` against `b` on counts (same result as
/// [`crate::groups::t_test`] on the expanded values).
pub fn t_test_counts(a: &LevelCounts, b: &LevelCounts, variances: Variances) -> Result<TTest> {
    const WHAT: &str = "t_test_counts";
    pooled(WHAT, &[a, b], 2)?;
    let moments = |c: &LevelCounts| (c.n() as usize, c.mean(), c.variance(1));
    t_test_from_moments(moments(a), moments(b), variances)
}
