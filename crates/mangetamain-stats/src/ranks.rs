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
    sort_by_key_bits(&mut keyed);
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

/// Below this size a comparison sort beats the radix sort's fixed histogram cost.
const RADIX_THRESHOLD: usize = 4096;

/// Sorts (key, index) pairs by key (ties keep no particular order: ranks of ties are equal).
/// Large inputs use a least-significant-digit radix sort on 11-bit digits that skips the digits
/// every key shares (integer-valued data, such as minutes or ratings, has constant low mantissa
/// bits), which is several times faster than a comparison sort at 10^5-10^6 values.
fn sort_by_key_bits(keyed: &mut Vec<(u64, usize)>) {
    let n = keyed.len();
    if n < RADIX_THRESHOLD {
        keyed.sort_unstable();
        return;
    }
    // 11-bit digits: 2,048 buckets keep the scatter of each pass inside the caches.
    const BITS: u32 = 11;
    const DIGITS: usize = 64usize.div_ceil(BITS as usize);
    const BUCKETS: usize = 1 << BITS;
    const MASK: u64 = (1 << BITS) - 1;
    let mut histograms = vec![vec![0usize; BUCKETS]; DIGITS];
    for (key, _) in keyed.iter() {
        for (digit, histogram) in histograms.iter_mut().enumerate() {
            histogram[((key >> (BITS as usize * digit)) & MASK) as usize] += 1;
        }
    }
    let mut buffer = vec![(0u64, 0usize); n];
    for (digit, histogram) in histograms.iter().enumerate() {
        let first_key_bucket = ((keyed[0].0 >> (BITS as usize * digit)) & MASK) as usize;
        if histogram[first_key_bucket] == n {
            continue; // every key has this digit: the pass would not move anything
        }
        let mut offsets = vec![0usize; BUCKETS];
        let mut running = 0;
        for (bucket, offset) in offsets.iter_mut().enumerate() {
            *offset = running;
            running += histogram[bucket];
        }
        for &(key, index) in keyed.iter() {
            let bucket = ((key >> (BITS as usize * digit)) & MASK) as usize;
            buffer[offsets[bucket]] = (key, index);
            offsets[bucket] += 1;
        }
        std::mem::swap(keyed, &mut buffer);
    }
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

    #[test]
    fn radix_sort_orders_like_a_comparison_sort() {
        // Mixed signs, zeros of both signs, integers (constant low digits) and heavy ties.
        let mut state = 12345u64;
        let values: Vec<f64> = (0..50_000)
            .map(|i| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let r = (state >> 11) as f64 / (1u64 << 53) as f64;
                match i % 4 {
                    0 => (r * 10.0).floor(),
                    1 => r * 1e6 - 5e5,
                    2 => -0.0,
                    _ => 0.0,
                }
            })
            .collect();
        let mut keyed: Vec<(u64, usize)> = values
            .iter()
            .enumerate()
            .map(|(i, v)| (total_order_key(*v), i))
            .collect();
        sort_by_key_bits(&mut keyed);
        for pair in keyed.windows(2) {
            assert!(values[pair[0].1] <= values[pair[1].1]);
        }
        let mut indices: Vec<usize> = keyed.iter().map(|k| k.1).collect();
        indices.sort_unstable();
        assert!(indices.iter().enumerate().all(|(i, j)| i == *j));
    }
}
