//! Quantiles by selection agree with quantiles by sorting; rarefied richness matches exact
//! rational arithmetic in Python.

use mangetamain_stats::descriptive::{quantile, quantiles_unsorted, QuantileMethod};
use mangetamain_stats::diversity::rarefied_richness;

fn lcg_values(n: usize, seed: u64) -> Vec<f64> {
    let mut state = seed;
    (0..n)
        .map(|i| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let r = (state >> 11) as f64 / (1u64 << 53) as f64;
            if i % 3 == 0 {
                (r * 20.0).floor() // ties
            } else {
                r * 1000.0 - 200.0
            }
        })
        .collect()
}

#[test]
fn selection_quantiles_equal_sorted_quantiles_for_every_method() {
    let methods = [
        QuantileMethod::Linear,
        QuantileMethod::Nearest,
        QuantileMethod::Lower,
        QuantileMethod::Higher,
        QuantileMethod::Midpoint,
    ];
    let qs = [0.0, 0.05, 0.1, 0.25, 0.33, 0.5, 0.66, 0.75, 0.9, 0.95, 1.0];
    for n in [1, 2, 3, 4, 7, 10, 101, 1000, 4097] {
        let values = lcg_values(n, n as u64 + 7);
        for method in methods {
            let mut scratch = values.clone();
            let requests: Vec<(f64, QuantileMethod)> = qs.iter().map(|q| (*q, method)).collect();
            let by_selection = quantiles_unsorted(&mut scratch, &requests).unwrap();
            for (q, got) in qs.iter().zip(by_selection) {
                let expected = quantile(&values, *q, method).unwrap();
                assert_eq!(got, expected, "n={n} q={q} {method:?}");
            }
        }
    }
}

#[test]
fn mixed_methods_in_one_call() {
    let values = lcg_values(1001, 3);
    let mut scratch = values.clone();
    let got = quantiles_unsorted(
        &mut scratch,
        &[
            (0.75, QuantileMethod::Nearest),
            (0.5, QuantileMethod::Linear),
            (0.25, QuantileMethod::Nearest),
        ],
    )
    .unwrap();
    assert_eq!(
        got[0],
        quantile(&values, 0.75, QuantileMethod::Nearest).unwrap()
    );
    assert_eq!(
        got[1],
        quantile(&values, 0.5, QuantileMethod::Linear).unwrap()
    );
    assert_eq!(
        got[2],
        quantile(&values, 0.25, QuantileMethod::Nearest).unwrap()
    );
}

#[test]
fn rarefied_richness_matches_exact_python_values() {
    // python3 -c "from math import comb; from fractions import Fraction;
    //   inc=[1200,900,450,300,120,60,30,10,5,3,2,1,1,1]+[i%97+1 for i in range(300)];
    //   print(float(sum(1-Fraction(comb(2500-n,134),comb(2500,134)) for n in inc if n>0)))"
    let mut incidences: Vec<u64> = vec![1200, 900, 450, 300, 120, 60, 30, 10, 5, 3, 2, 1, 1, 1];
    incidences.extend((0..300u64).map(|i| i % 97 + 1));
    let got = rarefied_richness(&incidences, 2500, 134).unwrap();
    assert!((got - 248.59447138115607).abs() < 1e-9, "{got}");
    // Same formula with N = 25, m = 7, incidences [25, 24, 13, 7, 1, 0, 18].
    let got = rarefied_richness(&[25, 24, 13, 7, 1, 0, 18], 25, 7).unwrap();
    assert!((got - 5.212146869149158).abs() < 1e-12, "{got}");
    // Full sample: the observed richness.
    assert_eq!(rarefied_richness(&[3, 0, 1, 2], 3, 3).unwrap(), 3.0);
}

#[test]
fn rarefied_richness_rejects_impossible_sizes() {
    assert!(rarefied_richness(&[1, 2], 2, 0).is_err());
    assert!(rarefied_richness(&[1, 2], 2, 3).is_err());
    assert!(rarefied_richness(&[5], 2, 1).is_err());
}

#[test]
fn presorted_rank_tests_equal_the_sorting_versions() {
    use mangetamain_stats::groups::{
        kruskal_wallis, kruskal_wallis_presorted, mann_whitney, mann_whitney_presorted,
    };
    for n in [5, 40, 1000, 20_000] {
        let values = lcg_values(n, 99 + n as u64);
        let group = |i: usize| (i * 7 + i / 3) % 4;
        let mut labelled: Vec<(f64, usize)> = values
            .iter()
            .enumerate()
            .map(|(i, v)| (*v, group(i)))
            .collect();
        labelled.sort_by(|a, b| a.0.total_cmp(&b.0));
        let groups: Vec<Vec<f64>> = (0..4)
            .map(|g| {
                (0..n)
                    .filter(|i| group(*i) == g)
                    .map(|i| values[i])
                    .collect()
            })
            .collect();
        let slices: Vec<&[f64]> = groups
            .iter()
            .filter(|g| !g.is_empty())
            .map(|g| g.as_slice())
            .collect();
        let expected = kruskal_wallis(&slices).unwrap();
        let got = kruskal_wallis_presorted(labelled.iter().copied(), 4).unwrap();
        assert!(
            (got.h - expected.h).abs() <= 1e-9 * expected.h.abs().max(1.0),
            "n={n}"
        );
        assert!((got.p_value - expected.p_value).abs() <= 1e-9, "n={n}");
        assert_eq!(got.n, expected.n);
        let two: Vec<(f64, usize)> = labelled.iter().filter(|(_, g)| *g < 2).copied().collect();
        let expected = mann_whitney(&groups[0], &groups[1]).unwrap();
        let got = mann_whitney_presorted(two.iter().copied()).unwrap();
        assert!((got.u - expected.u).abs() <= 1e-6, "n={n}");
        assert!((got.p_value - expected.p_value).abs() <= 1e-9, "n={n}");
        assert_eq!(got.exact, expected.exact);
    }
}
