//! Average ranks with tie groups, shared by the rank-based tests.

/// Ranks 1..n of `values`, ties sharing the average of their positions
/// (`scipy.stats.rankdata(method="average")`), and the sizes of the tie groups (> 1 only).
pub fn average_ranks(values: &[f64]) -> (Vec<f64>, Vec<usize>) {
    let n = values.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; n];
    let mut ties = Vec::new();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end (0-based) share rank mean(start+1 ..= end).
        let rank = (start + end + 1) as f64 / 2.0;
        for &index in &order[start..end] {
            ranks[index] = rank;
        }
        if end - start > 1 {
            ties.push(end - start);
        }
        start = end;
    }
    (ranks, ties)
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
