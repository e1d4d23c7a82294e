//! Multiple-testing corrections of p-values (`statsmodels.stats.multitest.multipletests`).

use serde::{Deserialize, Serialize};

/// A correction method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Correction {
    /// Bonferroni: min(1, m p).
    Bonferroni,
    /// Holm's step-down (`holm`).
    Holm,
    /// Benjamini-Hochberg false discovery rate (`fdr_bh`).
    BenjaminiHochberg,
}

/// Adjusted p-values, in the input order. NaN p-values stay NaN and are not counted in m.
pub fn adjust_p_values(p_values: &[f64], method: Correction) -> Vec<f64> {
    let valid: Vec<usize> = (0..p_values.len())
        .filter(|&i| !p_values[i].is_nan())
        .collect();
    let m = valid.len();
    let mut adjusted = vec![f64::NAN; p_values.len()];
    if m == 0 {
        return adjusted;
    }
    let mut order = valid.clone();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]));
    match method {
        Correction::Bonferroni => {
            for &i in &valid {
                adjusted[i] = (p_values[i] * m as f64).min(1.0);
            }
        }
        Correction::Holm => {
            let mut running: f64 = 0.0;
            for (rank, &i) in order.iter().enumerate() {
                running = running.max(p_values[i] * (m - rank) as f64);
                adjusted[i] = running.min(1.0);
            }
        }
        Correction::BenjaminiHochberg => {
            let mut running = f64::INFINITY;
            for (rank, &i) in order.iter().enumerate().rev() {
                running = running.min(p_values[i] * m as f64 / (rank + 1) as f64);
                adjusted[i] = running.min(1.0);
            }
        }
    }
    adjusted
}
