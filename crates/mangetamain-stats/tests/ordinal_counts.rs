//! Tests on counts per level against scipy on the expanded values. Reference values:
//! python3 -c "import numpy as np; from scipy import stats; levels = np.arange(1, 6);
//!   e = [np.repeat(levels, c) for c in GROUPS]; print(stats.kruskal(*e), stats.f_oneway(*e),
//!   stats.mannwhitneyu(e[0], e[1]), stats.ttest_ind(e[0], e[1], equal_var=False),
//!   stats.ttest_ind(e[0], e[1]))"   (scipy 1.17.1)

use mangetamain_stats::descriptive::QuantileMethod;
use mangetamain_stats::groups::Variances;
use mangetamain_stats::ordinal::{
    anova_counts, kruskal_wallis_counts, mann_whitney_counts, t_test_counts, LevelCounts,
};

const GROUPS: [[u64; 5]; 4] = [
    [120, 140, 400, 1800, 7500],
    [150, 160, 420, 1750, 7000],
    [100, 130, 380, 1900, 7900],
    [140, 150, 450, 1700, 7100],
];

fn ratings(counts: &[u64]) -> LevelCounts {
    LevelCounts::new(vec![1.0, 2.0, 3.0, 4.0, 5.0], counts.to_vec()).unwrap()
}

fn close(got: f64, expected: f64, relative: f64) {
    assert!(
        (got - expected).abs() <= relative * expected.abs().max(1e-300),
        "got {got}, expected {expected}"
    );
}

#[test]
fn group_tests_on_counts_equal_scipy_on_expanded_values() {
    let groups: Vec<LevelCounts> = GROUPS.iter().map(|g| ratings(g)).collect();
    let refs: Vec<&LevelCounts> = groups.iter().collect();
    let kw = kruskal_wallis_counts(&refs).unwrap();
    close(kw.h, 18.069005171024678, 1e-9);
    close(kw.p_value, 0.00042566821079564546, 1e-9);
    let anova = anova_counts(&refs).unwrap();
    close(anova.f, 11.587728840831748, 1e-9);
    close(anova.p_value, 1.3769210193557537e-07, 1e-8);
    let mw = mann_whitney_counts(&groups[0], &groups[1]).unwrap();
    close(mw.u, 47988200.0, 1e-12);
    close(mw.p_value, 0.008953211755254575, 1e-9);
    let welch = t_test_counts(&groups[0], &groups[1], Variances::Unequal).unwrap();
    close(welch.t, 3.274525041163579, 1e-9);
    close(welch.p_value, 0.0010602739254340656, 1e-8);
    close(welch.df, 19169.056321830325, 1e-9);
    let student = t_test_counts(&groups[0], &groups[1], Variances::Equal).unwrap();
    close(student.t, 3.2801240907029925, 1e-9);
    close(student.p_value, 0.0010394399100310107, 1e-8);
}

#[test]
fn descriptive_values_on_counts_equal_numpy() {
    let group = ratings(&GROUPS[0]);
    close(group.mean(), 4.64859437751004, 1e-12);
    close(group.variance(1).sqrt(), 0.7329465161731464, 1e-12);
    assert_eq!(group.quantile(0.25, QuantileMethod::Linear).unwrap(), 5.0);
    assert_eq!(group.quantile(0.1, QuantileMethod::Nearest).unwrap(), 4.0);
    // numpy.quantile([1, 2, 2, 5], 0.3) = 1.9; median 2.0
    let small = ratings(&[1, 2, 0, 0, 1]);
    close(
        small.quantile(0.3, QuantileMethod::Linear).unwrap(),
        1.9,
        1e-12,
    );
    assert_eq!(small.median(), 2.0);
    assert_eq!(small.percent_where(|r| r <= 2.0), 75.0);
}

#[test]
fn small_samples_without_ties_use_the_exact_distribution() {
    // scipy.stats.mannwhitneyu([2, 5], [1, 3]) -> U = 3, exact p = 0.6667
    let mw = mann_whitney_counts(&ratings(&[0, 1, 0, 0, 1]), &ratings(&[1, 0, 1, 0, 0])).unwrap();
    assert!(mw.exact);
    assert_eq!(mw.u, 3.0);
    close(mw.p_value, 2.0 / 3.0, 1e-12);
}

#[test]
fn bad_counts_are_errors() {
    assert!(LevelCounts::new(vec![1.0, 1.0], vec![1, 2]).is_err());
    assert!(LevelCounts::new(vec![1.0], vec![1, 2]).is_err());
    let empty = ratings(&[0; 5]);
    assert!(kruskal_wallis_counts(&[&empty, &ratings(&[1, 1, 1, 1, 1])]).is_err());
    let other_levels = LevelCounts::new(vec![0.0, 1.0], vec![3, 4]).unwrap();
    assert!(anova_counts(&[&other_levels, &ratings(&[1, 1, 1, 1, 1])]).is_err());
    assert!(anova_counts(&[&ratings(&[0, 0, 0, 0, 3]), &ratings(&[0, 0, 0, 0, 2])]).is_err());
}
