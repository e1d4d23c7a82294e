//! The first items of a list in a given order, without sorting the rest (the top-n lists of
//! the item analyses rank a few items out of thousands).

/// The first `n` items in the order of `compare` (a total order), sorted: a partial selection,
/// without sorting the rest.
pub(crate) fn first_sorted<T>(
    mut items: Vec<T>,
    n: usize,
    compare: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    if n == 0 {
        return Vec::new();
    }
    if items.len() > n {
        items.select_nth_unstable_by(n - 1, &compare);
        items.truncate(n);
    }
    items.sort_by(compare);
    items
}

#[cfg(test)]
mod tests {
    use super::first_sorted;

    #[test]
    fn keeps_the_first_n_in_order() {
        let values = vec![5, 1, 9, 3, 7, 3, 8];
        assert_eq!(
            first_sorted(values.clone(), 3, |a, b| b.cmp(a)),
            vec![9, 8, 7]
        );
        assert_eq!(first_sorted(values.clone(), 2, |a, b| a.cmp(b)), vec![1, 3]);
        assert_eq!(
            first_sorted(values.clone(), 0, |a, b| a.cmp(b)),
            Vec::<i32>::new()
        );
        assert_eq!(
            first_sorted(values, 10, |a, b| a.cmp(b)),
            vec![1, 3, 3, 5, 7, 8, 9]
        );
    }
}
