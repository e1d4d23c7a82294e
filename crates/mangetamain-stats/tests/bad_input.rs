//! Bad input gives a typed error (or a documented NaN), never a panic.

use mangetamain_stats::correlation::{kendall_tau_b, pearson, spearman, weighted_pearson};
use mangetamain_stats::counts::{
    chi_square_goodness_of_fit, chi_square_independence, wilson_interval,
};
use mangetamain_stats::descriptive::{mean, quantile, variance, weighted_mean, QuantileMethod};
use mangetamain_stats::groups::{anova, kruskal_wallis, mann_whitney, t_test, Variances};
use mangetamain_stats::multiple::{adjust_p_values, Correction};
use mangetamain_stats::normality::{dagostino_pearson, qq_plot, shapiro_wilk};
use mangetamain_stats::regression::{linregress, wls};
use mangetamain_stats::trend::{mann_kendall, sen_slope};
use mangetamain_stats::StatsError;

#[test]
fn empty_and_too_short_samples_are_errors() {
    assert!(matches!(mean(&[]), Err(StatsError::TooFewValues { .. })));
    assert!(matches!(
        variance(&[1.0], 1),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        linregress(&[1.0], &[2.0]),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        wls(&[1.0, 2.0], &[1.0, 2.0], &[1.0, 1.0], 0.95),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        spearman(&[1.0, 2.0], &[1.0, 2.0]),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        shapiro_wilk(&[1.0, 2.0]),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        dagostino_pearson(&[1.0; 7]),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        mann_kendall(&[1.0, 2.0]),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        t_test(&[1.0], &[1.0, 2.0], Variances::Unequal),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        mann_whitney(&[], &[1.0]),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        anova(&[&[1.0, 2.0]]),
        Err(StatsError::TooFewValues { .. })
    ));
    assert!(matches!(
        chi_square_goodness_of_fit(&[5.0], None),
        Err(StatsError::TooFewValues { .. })
    ));
}

#[test]
fn nan_and_infinity_are_errors() {
    let with_nan = [1.0, f64::NAN, 3.0, 4.0];
    assert!(matches!(mean(&with_nan), Err(StatsError::NonFinite { .. })));
    assert!(matches!(
        quantile(&with_nan, 0.5, QuantileMethod::Linear),
        Err(StatsError::NonFinite { .. })
    ));
    assert!(matches!(
        pearson(&with_nan, &[1.0, 2.0, 3.0, 4.0]),
        Err(StatsError::NonFinite { .. })
    ));
    assert!(matches!(
        kruskal_wallis(&[&with_nan, &[1.0, 2.0]]),
        Err(StatsError::NonFinite { .. })
    ));
    assert!(matches!(
        weighted_mean(&[1.0, 2.0], &[1.0, f64::INFINITY]),
        Err(StatsError::NonFinite { .. })
    ));
}

#[test]
fn zero_variance_and_all_ties_are_errors() {
    let flat = [3.0; 10];
    assert!(matches!(
        pearson(&flat, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]),
        Err(StatsError::ZeroVariance { .. })
    ));
    assert!(matches!(
        linregress(&flat, &flat),
        Err(StatsError::ZeroVariance { .. })
    ));
    assert!(matches!(
        kendall_tau_b(&flat, &flat),
        Err(StatsError::ZeroVariance { .. })
    ));
    assert!(matches!(
        shapiro_wilk(&flat),
        Err(StatsError::ZeroVariance { .. })
    ));
    assert!(matches!(
        mann_kendall(&flat),
        Err(StatsError::ZeroVariance { .. })
    ));
    assert!(matches!(
        kruskal_wallis(&[&flat, &flat]),
        Err(StatsError::ZeroVariance { .. })
    ));
    assert!(matches!(
        anova(&[&flat, &flat]),
        Err(StatsError::ZeroVariance { .. })
    ));
    assert!(matches!(
        t_test(&flat, &flat, Variances::Equal),
        Err(StatsError::ZeroVariance { .. })
    ));
    assert!(matches!(
        sen_slope(&flat, &flat),
        Err(StatsError::ZeroVariance { .. })
    ));
    assert!(matches!(
        weighted_pearson(&flat, &flat, &flat),
        Err(StatsError::ZeroVariance { .. })
    ));
    // Constant data on a Q-Q plot: a flat line with r = 0, as scipy.stats.probplot returns.
    let qq = qq_plot(&flat).unwrap();
    assert_eq!((qq.slope, qq.intercept, qq.r), (0.0, 3.0, 0.0));
    // All-tied Mann-Whitney: the variance of U is zero, the p-value is a documented NaN.
    assert!(mann_whitney(&[1.0, 1.0, 1.0], &[1.0; 12])
        .unwrap()
        .p_value
        .is_nan());
}

#[test]
fn invalid_parameters_are_errors() {
    assert!(matches!(
        quantile(&[1.0, 2.0], 1.5, QuantileMethod::Linear),
        Err(StatsError::InvalidInput { .. })
    ));
    assert!(matches!(
        wilson_interval(5, 3, 0.95),
        Err(StatsError::InvalidInput { .. })
    ));
    assert!(matches!(
        chi_square_independence(&[1.0, 2.0, 3.0], 2),
        Err(StatsError::InvalidInput { .. })
    ));
    assert!(matches!(
        chi_square_independence(&[0.0, 0.0, 3.0, 4.0], 2),
        Err(StatsError::InvalidInput { .. })
    ));
    assert!(matches!(
        weighted_mean(&[1.0, 2.0], &[1.0, -1.0]),
        Err(StatsError::InvalidInput { .. })
    ));
    assert!(matches!(
        pearson(&[1.0, 2.0], &[1.0]),
        Err(StatsError::LengthMismatch { .. })
    ));
    let adjusted = adjust_p_values(&[0.01, f64::NAN, 0.04], Correction::Bonferroni);
    assert_eq!(adjusted[0], 0.02);
    assert!(adjusted[1].is_nan());
}
