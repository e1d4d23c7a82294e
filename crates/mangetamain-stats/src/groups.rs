//! Group comparisons: Student and Welch t-tests with Cohen's d and Hedges' g, Mann-Whitney U with
//! the rank-biserial correlation, one-way ANOVA with eta² and omega², Kruskal-Wallis with
//! epsilon². Each matches the scipy function named in its documentation.

use serde::{Deserialize, Serialize};

use crate::distributions::{chi2_sf, f_sf, normal_sf, t_quantile, t_two_sided};
use crate::error::{check_finite, check_len, Result, StatsError};
use crate::ranks::{average_ranks, tie_sum_cubes};

/// Result of [`t_test`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TTest {
    /// t statistic of mean(a) - mean(b).
    pub t: f64,
    /// Degrees of freedom (n1 + n2 - 2, or Welch-Satterthwaite).
    pub df: f64,
    /// Two-sided p-value.
    pub p_value: f64,
    /// mean(a) - mean(b).
    pub mean_difference: f64,
    /// 95 % confidence interval of the mean difference.
    pub ci95: (f64, f64),
    /// Cohen's d: mean difference / pooled standard deviation (ddof 1).
    pub cohens_d: f64,
    /// Hedges' g: d · (1 - 3 / (4(n1 + n2) - 9)).
    pub hedges_g: f64,
    /// Sizes of the two groups.
    pub n: (usize, usize),
}

/// Which t-test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Variances {
    /// Student's test, pooled variance (`ttest_ind(a, b, equal_var=True)`).
    Equal,
    /// Welch's test (`ttest_ind(a, b, equal_var=False)`), the safer default.
    Unequal,
}

fn mean_var(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let m = values.iter().sum::<f64>() / n;
    let v = values.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0);
    (m, v)
}

/// Two-sample t-test of `a` against `b` (`scipy.stats.ttest_ind`, two-sided); the interval is
/// scipy's `confidence_interval(0.95)` of the difference of means.
pub fn t_test(a: &[f64], b: &[f64], variances: Variances) -> Result<TTest> {
    const WHAT: &str = "t_test";
    check_len(WHAT, a, 2)?;
    check_len(WHAT, b, 2)?;
    check_finite(WHAT, a)?;
    check_finite(WHAT, b)?;
    let (m1, v1) = mean_var(a);
    let (m2, v2) = mean_var(b);
    t_test_from_moments((a.len(), m1, v1), (b.len(), m2, v2), variances)
}

/// The t-test of [`t_test`] from each sample's size, mean and variance (ddof 1), for callers
/// that already have them (group summaries).
pub fn t_test_from_moments(
    a: (usize, f64, f64),
    b: (usize, f64, f64),
    variances: Variances,
) -> Result<TTest> {
    const WHAT: &str = "t_test";
    if a.0 < 2 || b.0 < 2 {
        return Err(StatsError::TooFewValues {
            what: WHAT,
            needed: 2,
            got: a.0.min(b.0),
        });
    }
    let (n1, m1, v1) = (a.0 as f64, a.1, a.2);
    let (n2, m2, v2) = (b.0 as f64, b.1, b.2);
    let pooled = ((n1 - 1.0) * v1 + (n2 - 1.0) * v2) / (n1 + n2 - 2.0);
    let (df, denom) = match variances {
        Variances::Equal => (n1 + n2 - 2.0, (pooled * (1.0 / n1 + 1.0 / n2)).sqrt()),
        Variances::Unequal => {
            let (vn1, vn2) = (v1 / n1, v2 / n2);
            let df = (vn1 + vn2).powi(2) / (vn1 * vn1 / (n1 - 1.0) + vn2 * vn2 / (n2 - 1.0));
            (df, (vn1 + vn2).sqrt())
        }
    };
    if denom == 0.0 || !denom.is_finite() {
        return Err(StatsError::ZeroVariance { what: WHAT });
    }
    let diff = m1 - m2;
    let t = diff / denom;
    let crit = t_quantile(0.975, df);
    let d = diff / pooled.sqrt();
    Ok(TTest {
        t,
        df,
        p_value: t_two_sided(t, df),
        mean_difference: diff,
        ci95: (diff - crit * denom, diff + crit * denom),
        cohens_d: d,
        hedges_g: d * (1.0 - 3.0 / (4.0 * (n1 + n2) - 9.0)),
        n: (a.0, b.0),
    })
}

/// Result of [`mann_whitney`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MannWhitney {
    /// U of the first sample (scipy's `statistic`): R1 - n1(n1 + 1)/2.
    pub u: f64,
    /// Two-sided p-value.
    pub p_value: f64,
    /// Whether the exact null distribution was used (no ties and a sample of at most 8).
    pub exact: bool,
    /// Rank-biserial correlation (U1 - U2)/(n1 n2): +1 when every a exceeds every b.
    pub rank_biserial: f64,
    /// Sizes of the two groups.
    pub n: (usize, usize),
}

impl MannWhitney {
    /// The same test of the second sample against the first (`mannwhitneyu(b, a)`): U of the
    /// second sample, the opposite rank-biserial correlation, the same two-sided p-value.
    pub fn reversed(&self) -> MannWhitney {
        let (n1, n2) = self.n;
        MannWhitney {
            u: (n1 * n2) as f64 - self.u,
            p_value: self.p_value,
            exact: self.exact,
            rank_biserial: -self.rank_biserial,
            n: (n2, n1),
        }
    }
}

/// Mann-Whitney U test, two-sided, as `scipy.stats.mannwhitneyu(a, b)` with its defaults
/// (`method="auto"`: exact when there are no ties and either sample has at most 8 values,
/// otherwise the normal approximation with tie correction and continuity correction).
pub fn mann_whitney(a: &[f64], b: &[f64]) -> Result<MannWhitney> {
    const WHAT: &str = "mann_whitney";
    check_len(WHAT, a, 1)?;
    check_len(WHAT, b, 1)?;
    check_finite(WHAT, a)?;
    check_finite(WHAT, b)?;
    let (n1, n2) = (a.len(), b.len());
    let mut all = Vec::with_capacity(n1 + n2);
    all.extend_from_slice(a);
    all.extend_from_slice(b);
    let (ranks, ties) = average_ranks(&all);
    let r1: f64 = ranks[..n1].iter().sum();
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let u1 = r1 - n1f * (n1f + 1.0) / 2.0;
    let u2 = n1f * n2f - u1;
    let u = u1.max(u2);
    if ties.is_empty() && (n1 <= 8 || n2 <= 8) {
        let p_value = 2.0 * exact_u_sf(u.round() as usize, n1.min(n2), n1.max(n2));
        return Ok(MannWhitney {
            u: u1,
            p_value: p_value.clamp(0.0, 1.0),
            exact: true,
            rank_biserial: (u1 - u2) / (n1f * n2f),
            n: (n1, n2),
        });
    }
    Ok(mann_whitney_from_rank_sum(r1, n1, n2, tie_sum_cubes(&ties)))
}

/// The asymptotic Mann-Whitney test from the rank sum of the first sample and Σ(t³ - t) over
/// tie groups (normal approximation with tie and continuity corrections, as scipy); shared by
/// the slice, presorted and counts versions.
pub(crate) fn mann_whitney_from_rank_sum(r1: f64, n1: usize, n2: usize, ties: f64) -> MannWhitney {
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let u1 = r1 - n1f * (n1f + 1.0) / 2.0;
    let u2 = n1f * n2f - u1;
    let u = u1.max(u2);
    let n = n1f + n2f;
    let s = (n1f * n2f / 12.0 * ((n + 1.0) - ties / (n * (n - 1.0)))).sqrt();
    let p_value = if s == 0.0 {
        f64::NAN
    } else {
        2.0 * normal_sf((u - n1f * n2f / 2.0 - 0.5) / s)
    };
    MannWhitney {
        u: u1,
        p_value: p_value.clamp(0.0, 1.0),
        exact: false,
        rank_biserial: (u1 - u2) / (n1f * n2f),
        n: (n1, n2),
    }
}

/// P(U >= k) under H0 for samples of sizes m <= n without ties: the coefficients of
/// Π_{i=1..m} (1 - q^{n+i}) / (1 - q^i), divided by C(m + n, m).
fn exact_u_sf(k: usize, m: usize, n: usize) -> f64 {
    let max_u = m * n;
    let mut counts = vec![0.0f64; max_u + 1];
    counts[0] = 1.0;
    for i in 1..=m {
        // Multiply by (1 - q^{n+i}).
        let shift = n + i;
        for u in (shift..=max_u).rev() {
            counts[u] -= counts[u - shift];
        }
        // Divide by (1 - q^i).
        for u in i..=max_u {
            counts[u] += counts[u - i];
        }
    }
    let total: f64 = counts.iter().sum();
    if k > max_u {
        return 0.0;
    }
    counts[k..].iter().sum::<f64>() / total
}

/// Result of [`anova`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anova {
    /// F statistic.
    pub f: f64,
    /// p-value (upper tail of F).
    pub p_value: f64,
    /// Degrees of freedom between groups (k - 1).
    pub df_between: f64,
    /// Degrees of freedom within groups (N - k).
    pub df_within: f64,
    /// eta² = SS_between / SS_total.
    pub eta_squared: f64,
    /// omega² = (SS_between - df_between MS_within) / (SS_total + MS_within).
    pub omega_squared: f64,
    /// Size of each group.
    pub n: Vec<usize>,
}

/// One-way ANOVA (`scipy.stats.f_oneway(*groups)`) with effect sizes.
pub fn anova(groups: &[&[f64]]) -> Result<Anova> {
    const WHAT: &str = "anova";
    if groups.len() < 2 {
        return Err(StatsError::TooFewValues {
            what: "anova (groups)",
            needed: 2,
            got: groups.len(),
        });
    }
    for g in groups {
        check_len(WHAT, g, 1)?;
        check_finite(WHAT, g)?;
    }
    let total_n: usize = groups.iter().map(|g| g.len()).sum();
    let grand = groups.iter().flat_map(|g| g.iter()).sum::<f64>() / total_n as f64;
    let (mut ssb, mut ssw) = (0.0, 0.0);
    for g in groups {
        let m = g.iter().sum::<f64>() / g.len() as f64;
        ssb += g.len() as f64 * (m - grand) * (m - grand);
        ssw += g.iter().map(|x| (x - m) * (x - m)).sum::<f64>();
    }
    anova_from_sums(WHAT, ssb, ssw, groups.iter().map(|g| g.len()).collect())
}

/// One-way ANOVA from the between- and within-group sums of squares and the group sizes:
/// the F test and effect sizes shared by [`anova`], [`anova_from_moments`] and the counts
/// version.
pub(crate) fn anova_from_sums(
    what: &'static str,
    ssb: f64,
    ssw: f64,
    sizes: Vec<usize>,
) -> Result<Anova> {
    let total_n: usize = sizes.iter().sum();
    if total_n <= sizes.len() {
        return Err(StatsError::TooFewValues {
            what,
            needed: sizes.len() + 1,
            got: total_n,
        });
    }
    if ssw == 0.0 {
        return Err(StatsError::ZeroVariance { what });
    }
    let dfb = (sizes.len() - 1) as f64;
    let dfw = (total_n - sizes.len()) as f64;
    let msw = ssw / dfw;
    let f = (ssb / dfb) / msw;
    let sst = ssb + ssw;
    Ok(Anova {
        f,
        p_value: f_sf(f, dfb, dfw),
        df_between: dfb,
        df_within: dfw,
        eta_squared: ssb / sst,
        omega_squared: (ssb - dfb * msw) / (sst + msw),
        n: sizes,
    })
}

/// One-way ANOVA from each group's size, mean and variance (ddof 1): the same result as
/// [`anova`] on the values, for callers that already hold the moments (the web app's on-demand
/// pages get them from one pass over sorted columns).
pub fn anova_from_moments(groups: &[(usize, f64, f64)]) -> Result<Anova> {
    const WHAT: &str = "anova_from_moments";
    if groups.len() < 2 {
        return Err(StatsError::TooFewValues {
            what: "anova (groups)",
            needed: 2,
            got: groups.len(),
        });
    }
    for &(n, mean, variance) in groups {
        if n == 0 {
            return Err(StatsError::TooFewValues {
                what: WHAT,
                needed: 1,
                got: 0,
            });
        }
        if !mean.is_finite() || (n > 1 && !variance.is_finite()) {
            return Err(StatsError::InvalidInput {
                what: WHAT,
                message: format!(
                    "group moments must be finite, got mean {mean}, variance {variance}"
                ),
            });
        }
    }
    let total_n: usize = groups.iter().map(|g| g.0).sum();
    let grand = groups.iter().map(|(n, m, _)| *n as f64 * m).sum::<f64>() / total_n as f64;
    let ssb: f64 = groups
        .iter()
        .map(|(n, m, _)| *n as f64 * (m - grand) * (m - grand))
        .sum();
    let ssw: f64 = groups
        .iter()
        .filter(|(n, _, _)| *n > 1)
        .map(|(n, _, v)| (*n - 1) as f64 * v)
        .sum();
    anova_from_sums(WHAT, ssb, ssw, groups.iter().map(|g| g.0).collect())
}

/// Result of [`kruskal_wallis`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KruskalWallis {
    /// Tie-corrected H.
    pub h: f64,
    /// p-value (upper tail of chi-square with k - 1 df).
    pub p_value: f64,
    /// Degrees of freedom (k - 1).
    pub df: f64,
    /// epsilon² = H / (N - 1) (Tomczak & Tomczak 2014).
    pub epsilon_squared: f64,
    /// Size of each group.
    pub n: Vec<usize>,
}

/// Kruskal-Wallis H test (`scipy.stats.kruskal(*groups)`) with epsilon².
pub fn kruskal_wallis(groups: &[&[f64]]) -> Result<KruskalWallis> {
    const WHAT: &str = "kruskal_wallis";
    if groups.len() < 2 {
        return Err(StatsError::TooFewValues {
            what: "kruskal_wallis (groups)",
            needed: 2,
            got: groups.len(),
        });
    }
    for g in groups {
        check_len(WHAT, g, 1)?;
        check_finite(WHAT, g)?;
    }
    let all: Vec<f64> = groups.iter().flat_map(|g| g.iter().copied()).collect();
    let (ranks, ties) = average_ranks(&all);
    let mut offset = 0;
    let mut sums = Vec::with_capacity(groups.len());
    for g in groups {
        sums.push(ranks[offset..offset + g.len()].iter().sum());
        offset += g.len();
    }
    let sizes: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    kruskal_from_rank_sums(&sums, &sizes, tie_sum_cubes(&ties), WHAT)
}

/// Kruskal-Wallis H from the rank sums and sizes of non-empty groups and Σ(t³ - t) over tie
/// groups; shared by the slice, presorted and counts versions.
pub(crate) fn kruskal_from_rank_sums(
    sums: &[f64],
    sizes: &[usize],
    ties: f64,
    what: &'static str,
) -> Result<KruskalWallis> {
    let n = sizes.iter().sum::<usize>() as f64;
    let correction = 1.0 - ties / (n * n * n - n);
    if correction == 0.0 {
        return Err(StatsError::ZeroVariance { what });
    }
    let sum: f64 = sums
        .iter()
        .zip(sizes)
        .map(|(r, size)| r * r / *size as f64)
        .sum();
    let h = (12.0 / (n * (n + 1.0)) * sum - 3.0 * (n + 1.0)) / correction;
    let df = (sizes.len() - 1) as f64;
    Ok(KruskalWallis {
        h,
        p_value: chi2_sf(h, df),
        df,
        epsilon_squared: h / (n - 1.0),
        n: sizes.to_vec(),
    })
}

/// Rank sums per group, accumulated from values passed in ascending order (NaN excluded) with
/// their group: the rank tests of [`kruskal_wallis_presorted`] and [`mann_whitney_presorted`]
/// for callers that make their own pass over sorted data (and compute other statistics in the
/// same pass). Equal values share the average of their ranks.
#[derive(Debug, Clone)]
pub struct RankSums {
    sums: Vec<f64>,
    sizes: Vec<usize>,
    run_counts: Vec<usize>,
    /// Σ(t³ - t) over runs of equal values.
    ties: f64,
    /// Values before the current run.
    position: usize,
    run_value: f64,
    run_length: usize,
    /// Group of the last value pushed.
    last_group: usize,
}

impl RankSums {
    /// An empty accumulator for groups `0..groups`.
    pub fn new(groups: usize) -> RankSums {
        RankSums {
            sums: vec![0.0; groups],
            sizes: vec![0; groups],
            run_counts: vec![0; groups],
            ties: 0.0,
            position: 0,
            run_value: f64::NAN,
            run_length: 0,
            last_group: 0,
        }
    }

    /// Rank sums computed elsewhere (for instance combined from counts of pairs of values kept
    /// per block of the data): per group, the sum of its ranks among all the values (equal
    /// values sharing the average of their ranks) and its number of values; `ties` is Σ(t³ - t)
    /// over the runs of equal values.
    pub fn from_parts(groups: &[(f64, usize)], ties: f64) -> RankSums {
        RankSums {
            sums: groups.iter().map(|g| g.0).collect(),
            sizes: groups.iter().map(|g| g.1).collect(),
            run_counts: vec![0; groups.len()],
            ties,
            ..RankSums::new(0)
        }
    }

    /// The next value (not smaller than the previous one) and its group (values of a group
    /// `>= groups` are ignored).
    #[inline]
    pub fn push(&mut self, value: f64, group: usize) {
        if group >= self.sizes.len() {
            return;
        }
        if value != self.run_value {
            self.close_run();
            self.run_value = value;
        }
        self.run_counts[group] += 1;
        self.sizes[group] += 1;
        self.run_length += 1;
        self.last_group = group;
    }

    /// Closes a run of equal values: its members share the average of their positions.
    #[inline]
    fn close_run(&mut self) {
        if self.run_length == 0 {
            return;
        }
        let rank = self.position as f64 + (self.run_length as f64 + 1.0) / 2.0;
        if self.run_length == 1 {
            // The common case of continuous values: one value, in the last group pushed.
            self.sums[self.last_group] += rank;
            self.run_counts[self.last_group] = 0;
            self.position += 1;
            self.run_length = 0;
            return;
        }
        for (sum, count) in self.sums.iter_mut().zip(self.run_counts.iter_mut()) {
            *sum += rank * *count as f64;
            *count = 0;
        }
        if self.run_length > 1 {
            let t = self.run_length as f64;
            self.ties += t * t * t - t;
        }
        self.position += self.run_length;
        self.run_length = 0;
    }

    /// Rank sums, group sizes and Σ(t³ - t).
    fn finish(mut self) -> (Vec<f64>, Vec<usize>, f64) {
        self.close_run();
        (self.sums, self.sizes, self.ties)
    }

    /// Kruskal-Wallis across the groups with values (as [`kruskal_wallis_presorted`]).
    pub fn kruskal_wallis(self) -> Result<KruskalWallis> {
        const WHAT: &str = "kruskal_wallis_presorted";
        let groups = self.sizes.len();
        let (sums, sizes, ties) = self.finish();
        let present: Vec<usize> = (0..groups).filter(|g| sizes[*g] > 0).collect();
        if present.len() < 2 {
            return Err(StatsError::TooFewValues {
                what: "kruskal_wallis (groups)",
                needed: 2,
                got: present.len(),
            });
        }
        let sums: Vec<f64> = present.iter().map(|g| sums[*g]).collect();
        let sizes: Vec<usize> = present.iter().map(|g| sizes[*g]).collect();
        kruskal_from_rank_sums(&sums, &sizes, ties, WHAT)
    }

    /// Mann-Whitney U of group 0 against group 1 by the normal approximation (as
    /// [`mann_whitney_presorted`]); `Ok(None)` when scipy would use the exact distribution
    /// (no ties and a group of at most 8 values): call [`mann_whitney_presorted`] then.
    pub fn mann_whitney(self) -> Result<Option<MannWhitney>> {
        let (sums, sizes, ties) = self.finish();
        let (n1, n2) = (sizes[0], sizes.get(1).copied().unwrap_or(0));
        if n1 == 0 || n2 == 0 {
            return Err(StatsError::TooFewValues {
                what: "mann_whitney_presorted",
                needed: 1,
                got: 0,
            });
        }
        if ties == 0.0 && (n1 <= 8 || n2 <= 8) {
            return Ok(None);
        }
        Ok(Some(mann_whitney_from_rank_sum(sums[0], n1, n2, ties)))
    }
}

/// Rank sums per group, group sizes and Σ(t³ - t) from values already sorted ascending (NaN
/// excluded), each with its group index (< `groups`): one pass, no sort.
fn presorted_rank_sums(sorted: impl IntoIterator<Item = (f64, usize)>, groups: usize) -> RankSums {
    let mut ranks = RankSums::new(groups);
    for (value, group) in sorted {
        ranks.push(value, group);
    }
    ranks
}

/// Kruskal-Wallis from values sorted ascending with their group (`< groups`), without sorting:
/// the same result as [`kruskal_wallis`] on the groups (empty groups are left out, as callers of
/// [`kruskal_wallis`] do). For repeated tests on the same variable, sort once and reuse.
pub fn kruskal_wallis_presorted(
    sorted: impl IntoIterator<Item = (f64, usize)>,
    groups: usize,
) -> Result<KruskalWallis> {
    presorted_rank_sums(sorted, groups).kruskal_wallis()
}

/// Mann-Whitney U of group 0 against group 1 from values sorted ascending with their group,
/// without sorting: the same result as [`mann_whitney`] (`a` = group 0). Without ties and with
/// a group of at most 8 values the exact distribution is needed: the values are then collected
/// and [`mann_whitney`] is called.
pub fn mann_whitney_presorted<I>(sorted: I) -> Result<MannWhitney>
where
    I: IntoIterator<Item = (f64, usize)> + Clone,
{
    match presorted_rank_sums(sorted.clone(), 2).mann_whitney()? {
        Some(test) => Ok(test),
        None => {
            let pick = |g: usize| -> Vec<f64> {
                sorted
                    .clone()
                    .into_iter()
                    .filter(|(_, h)| *h == g)
                    .map(|(v, _)| v)
                    .collect()
            };
            mann_whitney(&pick(0), &pick(1))
        }
    }
}
