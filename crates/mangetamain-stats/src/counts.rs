//! Tests on counts: chi-square goodness of fit, chi-square of independence on r x c tables
//! (Yates' correction on 2 x 2 as scipy's default), Cramér's V, Wilson interval of a proportion.

use serde::{Deserialize, Serialize};

use crate::distributions::{chi2_sf, normal_quantile};
use crate::error::{check_finite, Result, StatsError};

/// A chi-square test result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChiSquare {
    /// The chi-square statistic.
    pub statistic: f64,
    /// Upper-tail p-value.
    pub p_value: f64,
    /// Degrees of freedom.
    pub df: f64,
    /// Expected counts (same shape as the input, row-major for tables).
    pub expected: Vec<f64>,
    /// Whether Yates' continuity correction was applied (2 x 2 tables only).
    pub yates: bool,
}

/// Goodness of fit of observed counts to expected counts (`scipy.stats.chisquare(obs, exp)`);
/// `expected = None` means uniform. The expected total is rescaled to the observed total only
/// when `None`; given expectations must sum to the observed total (relative 1e-8), as in scipy.
pub fn chi_square_goodness_of_fit(observed: &[f64], expected: Option<&[f64]>) -> Result<ChiSquare> {
    const WHAT: &str = "chi_square_goodness_of_fit";
    if observed.len() < 2 {
        return Err(StatsError::TooFewValues {
            what: WHAT,
            needed: 2,
            got: observed.len(),
        });
    }
    check_finite(WHAT, observed)?;
    let total: f64 = observed.iter().sum();
    let expected: Vec<f64> = match expected {
        Some(e) => {
            check_finite(WHAT, e)?;
            let e_total: f64 = e.iter().sum();
            if e.len() != observed.len() || ((e_total - total) / total).abs() > 1e-8 {
                return Err(StatsError::InvalidInput {
                    what: WHAT,
                    message: format!(
                        "expected counts must have the observed length and total {total}"
                    ),
                });
            }
            e.to_vec()
        }
        None => vec![total / observed.len() as f64; observed.len()],
    };
    if expected.iter().any(|e| *e <= 0.0) {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: "expected counts must be positive".to_string(),
        });
    }
    let statistic: f64 = observed
        .iter()
        .zip(&expected)
        .map(|(o, e)| (o - e) * (o - e) / e)
        .sum();
    let df = (observed.len() - 1) as f64;
    Ok(ChiSquare {
        statistic,
        p_value: chi2_sf(statistic, df),
        df,
        expected,
        yates: false,
    })
}

/// Chi-square test of independence on an r x c table given row-major (`rows` rows), exactly as
/// `scipy.stats.chi2_contingency(table)` with its default `correction=True`: when df = 1 each
/// observed count moves by min(0.5, |O - E|) towards its expectation (Yates).
pub fn chi_square_independence(table: &[f64], rows: usize) -> Result<ChiSquare> {
    let (statistic, expected, df) = independence_statistic(table, rows, true)?;
    Ok(ChiSquare {
        statistic,
        p_value: chi2_sf(statistic, df),
        df,
        expected,
        yates: df == 1.0,
    })
}

/// The chi-square statistic of independence (with Yates' correction on 2 x 2 tables when
/// `yates`), the expected counts and the degrees of freedom.
fn independence_statistic(table: &[f64], rows: usize, yates: bool) -> Result<(f64, Vec<f64>, f64)> {
    const WHAT: &str = "chi_square_independence";
    check_finite(WHAT, table)?;
    if rows < 2 || table.len() % rows != 0 || table.len() / rows < 2 {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: format!(
                "need at least a 2 x 2 table, got {} cells in {rows} rows",
                table.len()
            ),
        });
    }
    let cols = table.len() / rows;
    let row_sums: Vec<f64> = (0..rows)
        .map(|r| table[r * cols..(r + 1) * cols].iter().sum())
        .collect();
    let col_sums: Vec<f64> = (0..cols)
        .map(|c| (0..rows).map(|r| table[r * cols + c]).sum())
        .collect();
    let total: f64 = row_sums.iter().sum();
    if row_sums.iter().chain(&col_sums).any(|s| *s == 0.0) {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: "a row or column of the table sums to zero".to_string(),
        });
    }
    let expected: Vec<f64> = (0..rows * cols)
        .map(|i| row_sums[i / cols] * col_sums[i % cols] / total)
        .collect();
    let df = ((rows - 1) * (cols - 1)) as f64;
    let yates = yates && df == 1.0;
    let statistic: f64 = table
        .iter()
        .zip(&expected)
        .map(|(o, e)| {
            let o = if yates {
                let diff = e - o;
                o + diff.signum() * diff.abs().min(0.5)
            } else {
                *o
            };
            (o - e) * (o - e) / e
        })
        .sum();
    Ok((statistic, expected, df))
}

/// Cramér's V of an r x c table, from the uncorrected chi-square
/// (`scipy.stats.contingency.association(table, method="cramer")`).
pub fn cramers_v(table: &[f64], rows: usize) -> Result<f64> {
    let cols = table.len() / rows.max(1);
    let total: f64 = table.iter().sum();
    // The uncorrected statistic, also on 2 x 2 tables.
    let (chi2, _, _) = independence_statistic(table, rows, false)?;
    Ok((chi2 / total / (rows.min(cols) - 1) as f64).sqrt())
}

/// Wilson score interval of a proportion `successes / trials` at `confidence`
/// (`statsmodels.stats.proportion.proportion_confint(..., method="wilson")`).
pub fn wilson_interval(successes: u64, trials: u64, confidence: f64) -> Result<(f64, f64)> {
    const WHAT: &str = "wilson_interval";
    if trials == 0 || successes > trials || !(0.0 < confidence && confidence < 1.0) {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: format!("need 0 <= successes <= trials, trials > 0 and confidence in (0, 1); got {successes}/{trials} at {confidence}"),
        });
    }
    let n = trials as f64;
    let q = successes as f64 / n;
    let crit = normal_quantile(1.0 - (1.0 - confidence) / 2.0);
    let crit2 = crit * crit;
    let denom = 1.0 + crit2 / n;
    let center = (q + crit2 / (2.0 * n)) / denom;
    let dist = crit * (q * (1.0 - q) / n + crit2 / (4.0 * n * n)).sqrt() / denom;
    Ok((center - dist, center + dist))
}
