//! Benchmark: Kruskal-Wallis and Mann-Whitney on 1,000,000 values (ratings-like data with heavy
//! ties, and continuous data). Run: `cargo run -p mangetamain-stats --example bench_rank_tests`
//! (the dev profile of this workspace is optimised). Prints the best of 5 runs of each.

use std::time::Instant;

use mangetamain_stats::groups::{kruskal_wallis, mann_whitney};

fn lcg(n: usize, seed: u64, ties: bool) -> Vec<f64> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let u = (state >> 11) as f64 / 9007199254740992.0;
            if ties {
                1.0 + (u * 5.0).floor()
            } else {
                u
            }
        })
        .collect()
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed().as_secs_f64());
        last = Some(value);
    }
    (best, last.expect("at least one run"))
}

fn main() {
    for ties in [true, false] {
        let label = if ties {
            "ratings 1-5 (ties)"
        } else {
            "continuous"
        };
        let groups: Vec<Vec<f64>> = (0..4).map(|g| lcg(250_000, 100 + g, ties)).collect();
        let refs: Vec<&[f64]> = groups.iter().map(|g| g.as_slice()).collect();
        let (seconds, kw) = best_of(5, || kruskal_wallis(&refs).expect("valid data"));
        println!(
            "kruskal_wallis 4 x 250,000 = 1,000,000 values, {label}: {:.3} s (H = {:.4})",
            seconds, kw.h
        );
        let (a, b) = (lcg(500_000, 7, ties), lcg(500_000, 8, ties));
        let (seconds, mw) = best_of(5, || mann_whitney(&a, &b).expect("valid data"));
        println!(
            "mann_whitney 500,000 + 500,000 = 1,000,000 values, {label}: {:.3} s (U = {:.1})",
            seconds, mw.u
        );
    }
}
