//! Normality: Shapiro-Wilk (Royston's AS R94, as `scipy.stats.shapiro`), D'Agostino-Pearson K²
//! (`scipy.stats.normaltest`), and Q-Q plot points with the fitted line
//! (`scipy.stats.probplot(x, dist="norm")`).

use serde::{Deserialize, Serialize};

use crate::distributions::{chi2_sf, normal_quantile, normal_sf, normal_two_sided};
use crate::error::{check_finite, check_len, Result, StatsError};
use crate::regression::linregress;

/// Result of [`shapiro_wilk`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ShapiroWilk {
    /// W statistic.
    pub w: f64,
    /// p-value (Royston's approximation; scipy warns it is less accurate above n = 5000).
    pub p_value: f64,
    /// Number of values.
    pub n: usize,
}

/// Royston's AS 111 normal quantile (PPND), the one scipy's swilk uses for the coefficients.
fn ppnd_as111(p: f64) -> f64 {
    const SPLIT: f64 = 0.42;
    const A: [f64; 4] = [
        2.50662823884,
        -18.61500062529,
        41.39119773534,
        -25.44106049637,
    ];
    const B: [f64; 4] = [
        -8.47351093090,
        23.08336743743,
        -21.06224101826,
        3.13082909833,
    ];
    const C: [f64; 4] = [-2.78718931138, -2.29796479134, 4.85014127135, 2.32121276858];
    const D: [f64; 2] = [3.54388924762, 1.63706781897];
    let q = p - 0.5;
    if q.abs() <= SPLIT {
        let r = q * q;
        return q * (((A[3] * r + A[2]) * r + A[1]) * r + A[0])
            / ((((B[3] * r + B[2]) * r + B[1]) * r + B[0]) * r + 1.0);
    }
    let r = if q <= 0.0 { p } else { 1.0 - p };
    let r = (-r.ln()).sqrt();
    let value = (((C[3] * r + C[2]) * r + C[1]) * r + C[0]) / ((D[1] * r + D[0]) * r + 1.0);
    if q < 0.0 {
        -value
    } else {
        value
    }
}

/// Polynomial c[0] + c[1] x + c[2] x² + ...
fn poly(c: &[f64], x: f64) -> f64 {
    c.iter().rev().fold(0.0, |acc, &coef| acc * x + coef)
}

/// Shapiro-Wilk test, a port of AS R94 as scipy runs it (data sorted and shifted by the value at
/// index n/2 of the input, as `scipy.stats.shapiro` does). Needs n >= 3; all values equal is an
/// error.
// The loops keep AS R94's 1-based indexing, and its truncated constants, to match scipy exactly.
#[allow(clippy::needless_range_loop, clippy::approx_constant)]
pub fn shapiro_wilk(values: &[f64]) -> Result<ShapiroWilk> {
    const WHAT: &str = "shapiro_wilk";
    check_len(WHAT, values, 3)?;
    check_finite(WHAT, values)?;
    let n = values.len();
    let shift = values[n / 2];
    let mut x: Vec<f64> = values.iter().map(|v| v - shift).collect();
    x.sort_by(f64::total_cmp);
    let range = x[n - 1] - x[0];
    if range < 1e-19 {
        return Err(StatsError::ZeroVariance { what: WHAT });
    }
    const C1: [f64; 6] = [0.0, 0.221157, -0.147981, -2.071190, 4.434685, -2.706056];
    const C2: [f64; 6] = [0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
    const C3: [f64; 4] = [0.5440, -0.39978, 0.025054, -6.714e-4];
    const C4: [f64; 4] = [1.3822, -0.77857, 0.062767, -0.0020322];
    const C5: [f64; 4] = [-1.5861, -0.31082, -0.083751, 0.0038915];
    const C6: [f64; 3] = [-0.4803, -0.082676, 0.0030302];
    const G: [f64; 2] = [-2.273, 0.459];
    let nn2 = n / 2;
    let an = n as f64;
    // Coefficients a[1..=nn2] (1-based as in the algorithm).
    let mut a = vec![0.0f64; nn2 + 1];
    if n == 3 {
        a[1] = 0.5f64.sqrt();
    } else {
        let an25 = an + 0.25;
        let mut m = vec![0.0f64; nn2 + 1];
        let mut summ2 = 0.0;
        for i in 1..=nn2 {
            m[i] = ppnd_as111((i as f64 - 0.375) / an25);
            summ2 += m[i] * m[i];
        }
        summ2 *= 2.0;
        let ssumm2 = summ2.sqrt();
        let rsn = 1.0 / an.sqrt();
        let a1 = poly(&C1, rsn) - m[1] / ssumm2;
        let (i1, fac) = if n > 5 {
            let a2 = -m[2] / ssumm2 + poly(&C2, rsn);
            a[2] = a2;
            (
                3,
                ((summ2 - 2.0 * m[1] * m[1] - 2.0 * m[2] * m[2])
                    / (1.0 - 2.0 * a1 * a1 - 2.0 * a2 * a2))
                    .sqrt(),
            )
        } else {
            (
                2,
                ((summ2 - 2.0 * m[1] * m[1]) / (1.0 - 2.0 * a1 * a1)).sqrt(),
            )
        };
        a[1] = a1;
        for i in i1..=nn2 {
            a[i] = -m[i] / fac;
        }
    }
    // W from the sorted data scaled by its range (1-based indices i, j as in AS R94).
    let xs = |i: usize| x[i - 1] / range;
    let signed_a = |i: usize, j: usize| -> f64 {
        let sign = (i as f64 - j as f64).signum();
        sign * a[i.min(j)]
    };
    let mut sx = xs(1);
    let mut sa = -a[1];
    let mut j = n - 1;
    for i in 2..=n {
        sx += xs(i);
        if i != j {
            sa += signed_a(i, j);
        }
        j = j.saturating_sub(1);
    }
    sa /= an;
    sx /= an;
    let (mut ssa, mut ssx, mut sax) = (0.0, 0.0, 0.0);
    let mut j = n;
    for i in 1..=n {
        let asa = if i != j { signed_a(i, j) - sa } else { -sa };
        let xsx = xs(i) - sx;
        ssa += asa * asa;
        ssx += xsx * xsx;
        sax += asa * xsx;
        j = j.saturating_sub(1);
    }
    let ssassx = (ssa * ssx).sqrt();
    let w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx);
    let w = 1.0 - w1;
    if n == 3 {
        const PI6: f64 = 1.909_859_317_102_74;
        const STQR: f64 = 1.047_197_551_196_6;
        let p = (PI6 * (w.sqrt().asin() - STQR)).max(0.0);
        return Ok(ShapiroWilk { w, p_value: p, n });
    }
    let mut y = w1.ln();
    let xx = an.ln();
    let (m, s) = if n <= 11 {
        let gamma = poly(&G, an);
        if y >= gamma {
            return Ok(ShapiroWilk {
                w,
                p_value: 1e-99,
                n,
            });
        }
        y = -(gamma - y).ln();
        (poly(&C3, an), poly(&C4, an).exp())
    } else {
        (poly(&C5, xx), poly(&C6, xx).exp())
    };
    Ok(ShapiroWilk {
        w,
        p_value: normal_sf((y - m) / s),
        n,
    })
}

/// Result of [`dagostino_pearson`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DagostinoPearson {
    /// K² = Z_skew² + Z_kurt².
    pub k2: f64,
    /// p-value (chi-square, 2 df).
    pub p_value: f64,
    /// z of the skewness test (`scipy.stats.skewtest`).
    pub z_skewness: f64,
    /// Two-sided p-value of the skewness test.
    pub p_skewness: f64,
    /// z of the kurtosis test (`scipy.stats.kurtosistest`).
    pub z_kurtosis: f64,
    /// Two-sided p-value of the kurtosis test.
    pub p_kurtosis: f64,
}

/// D'Agostino-Pearson omnibus test (`scipy.stats.normaltest`); needs n >= 8 (scipy's minimum
/// for the skewness test; scipy warns that the kurtosis test wants n >= 20).
pub fn dagostino_pearson(values: &[f64]) -> Result<DagostinoPearson> {
    const WHAT: &str = "dagostino_pearson";
    check_len(WHAT, values, 8)?;
    check_finite(WHAT, values)?;
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let moment = |k: i32| values.iter().map(|v| (v - mean).powi(k)).sum::<f64>() / n;
    let (m2, m3, m4) = (moment(2), moment(3), moment(4));
    if m2 == 0.0 {
        return Err(StatsError::ZeroVariance { what: WHAT });
    }
    let b2 = m3 / m2.powf(1.5);
    let y = b2 * (((n + 1.0) * (n + 3.0)) / (6.0 * (n - 2.0))).sqrt();
    let beta2 = 3.0 * (n * n + 27.0 * n - 70.0) * (n + 1.0) * (n + 3.0)
        / ((n - 2.0) * (n + 5.0) * (n + 7.0) * (n + 9.0));
    let w2 = -1.0 + (2.0 * (beta2 - 1.0)).sqrt();
    let delta = 1.0 / (0.5 * w2.ln()).sqrt();
    let alpha = (2.0 / (w2 - 1.0)).sqrt();
    let y = if y == 0.0 { 1.0 } else { y };
    let z_skewness = delta * (y / alpha + ((y / alpha).powi(2) + 1.0).sqrt()).ln();

    let kurt = m4 / (m2 * m2);
    let e = 3.0 * (n - 1.0) / (n + 1.0);
    let varb2 = 24.0 * n * (n - 2.0) * (n - 3.0) / ((n + 1.0) * (n + 1.0) * (n + 3.0) * (n + 5.0));
    let x = (kurt - e) / varb2.sqrt();
    let sqrtbeta1 = 6.0 * (n * n - 5.0 * n + 2.0) / ((n + 7.0) * (n + 9.0))
        * ((6.0 * (n + 3.0) * (n + 5.0)) / (n * (n - 2.0) * (n - 3.0))).sqrt();
    let a =
        6.0 + 8.0 / sqrtbeta1 * (2.0 / sqrtbeta1 + (1.0 + 4.0 / (sqrtbeta1 * sqrtbeta1)).sqrt());
    let term1 = 1.0 - 2.0 / (9.0 * a);
    let denom = 1.0 + x * (2.0 / (a - 4.0)).sqrt();
    let term2 = if denom == 0.0 {
        f64::NAN
    } else {
        denom.signum() * ((1.0 - 2.0 / a) / denom.abs()).powf(1.0 / 3.0)
    };
    let z_kurtosis = (term1 - term2) / (2.0 / (9.0 * a)).sqrt();
    let k2 = z_skewness * z_skewness + z_kurtosis * z_kurtosis;
    Ok(DagostinoPearson {
        k2,
        p_value: chi2_sf(k2, 2.0),
        z_skewness,
        p_skewness: normal_two_sided(z_skewness),
        z_kurtosis,
        p_kurtosis: normal_two_sided(z_kurtosis),
    })
}

/// Q-Q plot points against the normal distribution and their least-squares line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QqPlot {
    /// Theoretical quantiles Φ⁻¹ of Filliben's order-statistic medians (`osm`).
    pub theoretical: Vec<f64>,
    /// The sorted data (`osr`).
    pub ordered: Vec<f64>,
    /// Slope of the fitted line.
    pub slope: f64,
    /// Intercept of the fitted line.
    pub intercept: f64,
    /// Correlation r of the points (r² > 0.95 is the reference app's "normal" verdict).
    pub r: f64,
}

/// Q-Q points as `scipy.stats.probplot(x, dist="norm", fit=True)`: Filliben's medians
/// m_n = 0.5^(1/n), m_1 = 1 - m_n, m_i = (i - 0.3175)/(n + 0.365), then Φ⁻¹, then `linregress`.
pub fn qq_plot(values: &[f64]) -> Result<QqPlot> {
    const WHAT: &str = "qq_plot";
    check_len(WHAT, values, 3)?;
    check_finite(WHAT, values)?;
    let n = values.len();
    let nf = n as f64;
    let last = 0.5f64.powf(1.0 / nf);
    let medians: Vec<f64> = (1..=n)
        .map(|i| {
            if i == n {
                last
            } else if i == 1 {
                1.0 - last
            } else {
                (i as f64 - 0.3175) / (nf + 0.365)
            }
        })
        .collect();
    let theoretical: Vec<f64> = medians.iter().map(|&p| normal_quantile(p)).collect();
    let mut ordered = values.to_vec();
    ordered.sort_by(f64::total_cmp);
    let fit = linregress(&theoretical, &ordered)?;
    Ok(QqPlot {
        theoretical,
        ordered,
        slope: fit.slope,
        intercept: fit.intercept,
        r: fit.r,
    })
}
