//! Rank sums and order statistics of one metric over any year range, per group within the year
//! (season or weekday period), without a pass over the metric's values.
//!
//! Each value of the metric's sorted column belongs to one cell (year, group). Built once per
//! metric and split, the index keeps:
//! - for every (cell, year) pair, Σ over the values v of the cell and u of the year of
//!   `2[u < v] + [u = v]`: twice the rank sum of a group over a year range is then a sum of these
//!   counts over the cells and years of the range, plus the group's size (the average rank of v
//!   among the range's values S is `#{u in S: u < v} + (#{u in S: u = v} + 1) / 2`);
//! - for every run of equal values, its values per year (cumulative): the tie term Σ(t³ - t) of
//!   a range;
//! - every [`BLOCK`] values, the values before the block per group and year (cumulative): the
//!   k-th value of a group over a range is found by a binary search over the blocks and a scan
//!   of one block.
//!
//! A new year range then costs a few thousand additions per metric instead of a pass over its
//! 200,000 values (the web app computes a range on demand).

use mangetamain_stats::groups::RankSums;

use crate::calendar_key::CalendarKeys;
use crate::item_counts::WithinYear;
use crate::recipe_table::SortedMetric;

/// Years an index covers at most (a wider span uses a pass over the values: the pair counts
/// grow with the square of the years).
pub(crate) const MAX_INDEXED_YEARS: usize = 64;

/// Values per block of the order-statistic counts.
const BLOCK: usize = 64;

/// A metric's sorted values indexed by (year, group within the year).
#[derive(Debug, Clone)]
pub(crate) struct YearRangeIndex {
    years: usize,
    groups: usize,
    /// Cell (`year_offset * groups + group`) of each sorted value.
    cells: Vec<u16>,
    /// `[cell * years + year]`: Σ over v in the cell, u in the year, of 2[u < v] + [u = v].
    pair_counts: Vec<u64>,
    /// Per run of two or more equal values: its values in the years before each year offset
    /// (`years + 1` entries, cumulative).
    tie_runs: Vec<u32>,
    /// Per block start (and the end): per group, the values before it in the years before each
    /// year offset (`groups * (years + 1)` entries, cumulative).
    block_counts: Vec<u32>,
}

/// A range of year offsets, `start..end`.
pub(crate) type YearOffsets = std::ops::Range<usize>;

impl YearRangeIndex {
    /// The index of a metric under a split of the year; `None` when the table spans more than
    /// [`MAX_INDEXED_YEARS`] years.
    pub fn build(
        sorted: &SortedMetric,
        calendar: &CalendarKeys,
        within: WithinYear,
    ) -> Option<YearRangeIndex> {
        let (years, groups) = (calendar.years(), within.groups());
        if years == 0 || years > MAX_INDEXED_YEARS {
            return None;
        }
        let cell_of_key: Vec<u16> = (0..calendar.len() as u32)
            .map(|key| {
                let (year, month, weekday) = calendar.date(key);
                let offset = (year - calendar.year(0)) as usize;
                (offset * groups + within.group(month, weekday)) as u16
            })
            .collect();
        let cells: Vec<u16> = sorted
            .keys
            .iter()
            .map(|key| cell_of_key[*key as usize])
            .collect();
        let mut index = YearRangeIndex {
            years,
            groups,
            pair_counts: vec![0; years * groups * years],
            tie_runs: Vec::new(),
            block_counts: Vec::new(),
            cells,
        };
        index.count_pairs_and_ties(&sorted.values);
        index.count_blocks();
        Some(index)
    }

    fn count_pairs_and_ties(&mut self, values: &[f64]) {
        let (years, groups) = (self.years, self.groups);
        // Values of each year before the current run of equal values, and in the run.
        let mut before = vec![0u64; years];
        let mut in_run = vec![0u64; years];
        let mut start = 0;
        while start < values.len() {
            let mut end = start + 1;
            while end < values.len() && values[end] == values[start] {
                end += 1;
            }
            for cell in &self.cells[start..end] {
                in_run[*cell as usize / groups] += 1;
            }
            for cell in &self.cells[start..end] {
                let row = *cell as usize * years;
                let counts = &mut self.pair_counts[row..row + years];
                for ((count, less), equal) in counts.iter_mut().zip(&before).zip(&in_run) {
                    *count += 2 * less + equal;
                }
            }
            if end - start > 1 {
                let mut cumulative = 0u32;
                self.tie_runs.push(0);
                for equal in &in_run {
                    cumulative += *equal as u32;
                    self.tie_runs.push(cumulative);
                }
            }
            for (less, equal) in before.iter_mut().zip(in_run.iter_mut()) {
                *less += *equal;
                *equal = 0;
            }
            start = end;
        }
    }

    fn count_blocks(&mut self) {
        let (years, groups) = (self.years, self.groups);
        let mut counts = vec![0u32; groups * years];
        let snapshot = |counts: &[u32], out: &mut Vec<u32>| {
            for group in 0..groups {
                let mut cumulative = 0;
                out.push(0);
                for year in 0..years {
                    cumulative += counts[year * groups + group];
                    out.push(cumulative);
                }
            }
        };
        for (position, cell) in self.cells.iter().enumerate() {
            if position % BLOCK == 0 {
                snapshot(&counts, &mut self.block_counts);
            }
            counts[*cell as usize] += 1;
        }
        snapshot(&counts, &mut self.block_counts);
    }

    /// Blocks (block starts plus the end).
    fn snapshots(&self) -> usize {
        self.block_counts.len() / (self.groups * (self.years + 1))
    }

    /// Values of `group` before snapshot `block` in the years of `range`.
    fn before_block(&self, block: usize, group: usize, range: &YearOffsets) -> usize {
        let at = (block * self.groups + group) * (self.years + 1);
        (self.block_counts[at + range.end] - self.block_counts[at + range.start]) as usize
    }

    /// Values of each group in the years of `range`.
    pub fn group_sizes(&self, range: &YearOffsets) -> Vec<usize> {
        let last = self.snapshots() - 1;
        (0..self.groups)
            .map(|group| self.before_block(last, group, range))
            .collect()
    }

    /// Rank sums of the groups over the values of the years of `range` (an empty range gives
    /// empty groups).
    pub fn rank_sums(&self, range: &YearOffsets) -> RankSums {
        let (years, groups) = (self.years, self.groups);
        let sizes = self.group_sizes(range);
        let mut twice_sums = vec![0u64; groups];
        for year in range.clone() {
            for (group, twice) in twice_sums.iter_mut().enumerate() {
                let row = (year * groups + group) * years;
                *twice += self.pair_counts[row + range.start..row + range.end]
                    .iter()
                    .sum::<u64>();
            }
        }
        let ties: f64 = self
            .tie_runs
            .chunks_exact(years + 1)
            .map(|run| f64::from(run[range.end] - run[range.start]))
            .map(|t| t * t * t - t)
            .sum();
        let groups: Vec<(f64, usize)> = twice_sums
            .iter()
            .zip(&sizes)
            .map(|(twice, size)| ((twice + *size as u64) as f64 / 2.0, *size))
            .collect();
        RankSums::from_parts(&groups, ties)
    }

    /// The value of 0-based rank `rank` among the values of `group` in the years of `range`
    /// (`values`: the sorted column the index was built from); `None` past the last.
    pub fn order_statistic(
        &self,
        values: &[f64],
        group: usize,
        range: &YearOffsets,
        rank: usize,
    ) -> Option<f64> {
        // The last block starting with at most `rank` values of the group before it.
        let (mut low, mut high) = (0, self.snapshots() - 1);
        if self.before_block(high, group, range) <= rank {
            return None;
        }
        while high - low > 1 {
            let middle = (low + high) / 2;
            if self.before_block(middle, group, range) <= rank {
                low = middle;
            } else {
                high = middle;
            }
        }
        let mut seen = self.before_block(low, group, range);
        let start = low * BLOCK;
        let end = (start + BLOCK).min(values.len());
        for (value, cell) in values[start..end].iter().zip(&self.cells[start..end]) {
            let cell = *cell as usize;
            if cell % self.groups == group && range.contains(&(cell / self.groups)) {
                if seen == rank {
                    return Some(*value);
                }
                seen += 1;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar_key::{CalendarKeys, GroupLookup};
    use crate::group_summary::grouped_summaries;

    /// Values with many ties over four years, each with a (year, month, weekday).
    fn table(calendar: &CalendarKeys) -> (Vec<f64>, Vec<u32>) {
        let mut state = 12345u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u32
        };
        (0..3000)
            .map(|_| {
                let value = f64::from(next() % 200) / 4.0;
                let key = calendar.key(
                    2000 + (next() % 4) as i32,
                    1 + (next() % 12) as u8,
                    1 + (next() % 7) as u8,
                );
                (value, key)
            })
            .unzip()
    }

    /// Kruskal-Wallis by season over both years and over the second, against scipy on the same
    /// values (the command below, scipy 1.17.1).
    #[test]
    fn rank_sums_of_a_range_match_scipy() {
        let calendar = CalendarKeys::covering(&[2000, 2001]);
        // 2000: Winter 1, 2 | Spring 2; 2001: Winter 3 | Summer 2, 5 | Autumn 7, 1.
        let rows = [
            (1.0, (2000, 1, 1)),
            (2.0, (2000, 2, 3)),
            (2.0, (2000, 4, 5)),
            (3.0, (2001, 12, 1)),
            (2.0, (2001, 7, 2)),
            (5.0, (2001, 8, 6)),
            (7.0, (2001, 10, 7)),
            (1.0, (2001, 11, 1)),
        ];
        let values: Vec<f64> = rows.iter().map(|r| r.0).collect();
        let keys: Vec<u32> = rows
            .iter()
            .map(|(_, (y, m, w))| calendar.key(*y, *m, *w))
            .collect();
        let sorted = SortedMetric::of(&values, &keys, calendar.len());
        let index = YearRangeIndex::build(&sorted, &calendar, WithinYear::Season).unwrap();
        // python3 -c "from scipy.stats import kruskal;
        //   print(kruskal([1,2,3],[2],[2,5],[7,1]), kruskal([3],[2,5],[7,1]))"
        let all = index.rank_sums(&(0..2)).kruskal_wallis().unwrap();
        assert_eq!(all.n, vec![3, 1, 2, 2]);
        assert!((all.h - 0.6571729957805924).abs() < 1e-12, "{}", all.h);
        assert!((all.p_value - 0.8832279938611237).abs() < 1e-12);
        let last = index.rank_sums(&(1..2)).kruskal_wallis().unwrap();
        assert_eq!(last.n, vec![1, 2, 2]);
        assert!(last.h.abs() < 1e-12, "{}", last.h);
        assert!((last.p_value - 1.0).abs() < 1e-12);
        // Winter of 2001 alone; the second value of Autumn 2001; past the last.
        assert_eq!(
            index.order_statistic(&sorted.values, 0, &(1..2), 0),
            Some(3.0)
        );
        assert_eq!(
            index.order_statistic(&sorted.values, 3, &(1..2), 1),
            Some(7.0)
        );
        assert_eq!(index.order_statistic(&sorted.values, 3, &(1..2), 2), None);
    }

    /// Every year range and split gives the rank sums, ties and order statistics of a pass
    /// over the values of the range (the pass is checked against scipy and numpy elsewhere).
    #[test]
    fn every_range_agrees_with_a_pass_over_the_values() {
        let calendar = CalendarKeys::covering(&[2000, 2003]);
        let (values, keys) = table(&calendar);
        let sorted = SortedMetric::of(&values, &keys, calendar.len());
        for within in [WithinYear::Season, WithinYear::Period] {
            let index = YearRangeIndex::build(&sorted, &calendar, within).unwrap();
            let groups = within.groups();
            for start in 0..4 {
                for end in start + 1..=4 {
                    let range = start..end;
                    let lookup: GroupLookup = calendar.lookup(|year, month, weekday| {
                        range
                            .contains(&((year - 2000) as usize))
                            .then(|| within.group(month, weekday))
                    });
                    let mut pass = RankSums::new(groups);
                    let summaries =
                        grouped_summaries(&sorted, &lookup, groups, (0.1, 0.9), Some(&mut pass));
                    let expected = pass.kruskal_wallis().unwrap();
                    let got = index.rank_sums(&range).kruskal_wallis().unwrap();
                    assert_eq!(got.n, expected.n);
                    assert!((got.h - expected.h).abs() <= 1e-9 * expected.h.abs());
                    let sizes = index.group_sizes(&range);
                    for (group, summary) in summaries.iter().enumerate() {
                        let summary = summary.as_ref().unwrap();
                        assert_eq!(sizes[group], summary.n);
                        let at = |rank| index.order_statistic(&sorted.values, group, &range, rank);
                        assert_eq!(at(0), Some(summary.min));
                        assert_eq!(at(summary.n - 1), Some(summary.max));
                        assert_eq!(at(summary.n), None);
                        let group_values: Vec<f64> = sorted
                            .grouped(&lookup)
                            .filter(|(_, g)| *g == group)
                            .map(|(v, _)| v)
                            .collect();
                        for rank in [1, summary.n / 3, summary.n / 2, summary.n - 2] {
                            assert_eq!(at(rank), Some(group_values[rank]));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn too_many_years_are_not_indexed() {
        let calendar = CalendarKeys::covering(&[1900, 2018]);
        let sorted = SortedMetric::of(&[1.0], &[0], calendar.len());
        assert!(YearRangeIndex::build(&sorted, &calendar, WithinYear::Season).is_none());
    }
}
