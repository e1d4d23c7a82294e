//! Average ranks with tie groups, shared by the rank-based tests.

/// Ranks 1..n of `values`, ties sharing the average of their positions
/// (`scipy.stats.rankdata(method="average")`), and the sizes of the tie groups (> 1 only).
pub fn average_ranks(values: &[f64]) -> (Vec<f64>, Vec<usize>) {
    let n = values.len();
    // Sort (order-preserving integer key, index) pairs: integer comparisons on contiguous memory
    // are several times faster than comparing floats through an index.
    let mut keyed: Vec<(u64, usize)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (total_order_key(*v), i))
        .collect();
    keyed.sort_unstable();
    let mut ranks = vec![0.0; n];
    let mut ties = Vec::new();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && keyed[end].0 == keyed[start].0 {
            end += 1;
        }
        // Positions start..end (0-based) share rank mean(start+1 ..= end).
        let rank = (start + end + 1) as f64 / 2.0;
        for &(_, index) in &keyed[start..end] {
            ranks[index] = rank;
        }
        if end - start > 1 {
            ties.push(end - start);
        }
        start = end;
    }
    (ranks, ties)
}

/// A u64 whose unsigned order is the numeric order of finite floats (-0.0 and 0.0 are made
/// equal, as `==` on floats considers them).
fn total_order_key(value: f64) -> u64 {
    let value = if value == 0.0 { 0.0 } else { value };
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// Σ(t³ - t) over tie groups, as `float`.
pub fn tie_sum_cubes(ties: &[usize]) -> f64 {
    ties.iter()
        .map(|&t| {
            let t = t as f64;
            t * t * t - t
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_the_average_rank() {
        let (ranks, ties) = average_ranks(&[10.0, 20.0, 10.0, 30.0, 10.0]);
        assert_eq!(ranks, vec![2.0, 4.0, 2.0, 5.0, 2.0]);
        assert_eq!(ties, vec![3]);
        assert_eq!(tie_sum_cubes(&ties), 24.0);
    }
}
