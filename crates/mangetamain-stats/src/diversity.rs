//! Diversity of items (ingredients, tags) in a set of samples (recipes), and its rarefaction to a
//! common sample size so that groups of different sizes can be compared.

use statrs::function::gamma::ln_gamma;

use crate::error::{Result, StatsError};

/// Expected number of distinct items in a random subset of `subsample` samples drawn without
/// replacement from `samples` samples, where item `i` occurs in `incidences[i]` samples
/// (Hurlbert 1971 / Sanders rarefaction for incidence data):
/// `E[S_m] = Σ_i 1 - C(N - N_i, m) / C(N, m)`.
///
/// With `subsample == samples` this is the observed number of distinct items (items with a
/// positive incidence).
///
/// ```
/// use mangetamain_stats::diversity::rarefied_richness;
/// // 4 recipes; one item in all 4, one in 2, one in 1; expected distinct items among 2 recipes:
/// // 1 + (1 - 1/6) + (1 - 3/6) = 2.333...
/// let expected = rarefied_richness(&[4, 2, 1], 4, 2)?;
/// assert!((expected - 7.0 / 3.0).abs() < 1e-12);
/// # Ok::<(), mangetamain_stats::StatsError>(())
/// ```
pub fn rarefied_richness(incidences: &[u64], samples: u64, subsample: u64) -> Result<f64> {
    const WHAT: &str = "rarefied_richness";
    if subsample == 0 || subsample > samples {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: format!("the subsample size must be in 1..={samples}, got {subsample}"),
        });
    }
    if let Some(bad) = incidences.iter().find(|n| **n > samples) {
        return Err(StatsError::InvalidInput {
            what: WHAT,
            message: format!("an item occurs in {bad} samples, more than the {samples} samples"),
        });
    }
    let ln_choose = |n: u64, k: u64| -> f64 {
        ln_gamma(n as f64 + 1.0) - ln_gamma(k as f64 + 1.0) - ln_gamma((n - k) as f64 + 1.0)
    };
    let ln_all = ln_choose(samples, subsample);
    // Items of equal incidence contribute equal terms: one term per distinct incidence (a few
    // hundred for thousands of Zipf-distributed items), times its multiplicity. Small incidences
    // (most items) are tallied, the others sorted; terms are added in ascending incidence.
    const TALLIED: usize = 1024;
    let mut tally = vec![0u64; TALLIED];
    let mut large: Vec<u64> = Vec::new();
    for &n in incidences {
        match usize::try_from(n) {
            Ok(small) if small < TALLIED => tally[small] += 1,
            _ => large.push(n),
        }
    }
    large.sort_unstable();
    let term = |n_i: u64| -> f64 {
        let without = samples - n_i;
        if without < subsample {
            1.0 // every subsample contains the item
        } else {
            // 1 - exp(d) computed as -expm1(d) to keep precision when d is near 0.
            -(ln_choose(without, subsample) - ln_all).exp_m1()
        }
    };
    let small = (1u64..)
        .zip(&tally[1..])
        .filter(|(_, items)| **items > 0)
        .map(|(n_i, items)| *items as f64 * term(n_i));
    let large = large
        .chunk_by(|a, b| a == b)
        .map(|run| run.len() as f64 * term(run[0]));
    Ok(small.chain(large).sum())
}
