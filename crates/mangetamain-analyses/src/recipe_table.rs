//! The cleaned recipes as plain typed columns, prepared once for the recipe analyses: calendar
//! fields, every [`Metric`] as `f64` (NaN = missing), and the ingredient and tag lists encoded
//! as integer codes (one code per normalised name). The analyses then aggregate integers, not
//! strings, which keeps each topic well under 100 ms at full scale.

use mangetamain_core::format::date::Season;
use mangetamain_core::Dataset;
use std::sync::{Arc, Mutex, OnceLock};

use polars::prelude::*;
use rayon::prelude::*;

use crate::calendar_key::{CalendarKeys, GroupLookup};
use crate::columns::{f64_column, required_i32_column, required_i64_column};
use crate::error::{frame_error, AnalysisError};
use crate::group_summary::{grouped_summaries, indexed_summaries, GroupSummary};
use crate::item_counts::{WithinYear, YearPrefixCounts};
use crate::metric::Metric;
use crate::year_range_index::YearRangeIndex;
use mangetamain_stats::groups::RankSums;

/// Which item list of a recipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ItemKind {
    /// The `ingredients` list (names trimmed and lower-cased by the cleaning).
    Ingredients,
    /// The `tags` list.
    Tags,
}

impl ItemKind {
    /// The list column of the cleaned recipes.
    pub fn column(self) -> &'static str {
        match self {
            ItemKind::Ingredients => "ingredients",
            ItemKind::Tags => "tags",
        }
    }
}

/// Item lists of every recipe as codes into a vocabulary (compressed sparse rows).
#[derive(Debug, Clone, Default)]
pub struct ItemLists {
    names: Vec<String>,
    /// Code of each name.
    codes_by_name: PlHashMap<String, u32>,
    offsets: Vec<usize>,
    codes: Vec<u32>,
    repeated: usize,
    per_key: KeyItemCounts,
}

/// Per calendar key, the items its recipes list and how many of them list each (compressed
/// sparse rows): an item count per group of any calendar grouping sums these, not the recipes.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeyItemCounts {
    offsets: Vec<usize>,
    entries: Vec<(u32, u32)>,
}

impl KeyItemCounts {
    /// Counts of `lists` per key, where `keys[row]` is the key of each recipe (< `key_count`).
    fn of(lists: &ItemLists, keys: &[u32], key_count: usize) -> KeyItemCounts {
        // Recipes ordered by key (counting sort), then one dense scratch row per key.
        let mut starts = vec![0usize; key_count + 1];
        for key in keys {
            starts[*key as usize + 1] += 1;
        }
        for k in 0..key_count {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut rows_by_key = vec![0usize; keys.len()];
        for (row, key) in keys.iter().enumerate() {
            rows_by_key[next[*key as usize]] = row;
            next[*key as usize] += 1;
        }
        let mut scratch = vec![0u32; lists.vocabulary_size()];
        let mut listed: Vec<u32> = Vec::new();
        let mut counts = KeyItemCounts {
            offsets: Vec::with_capacity(key_count + 1),
            entries: Vec::new(),
        };
        counts.offsets.push(0);
        for k in 0..key_count {
            for &row in &rows_by_key[starts[k]..starts[k + 1]] {
                for &code in lists.of_recipe(row) {
                    if scratch[code as usize] == 0 {
                        listed.push(code);
                    }
                    scratch[code as usize] += 1;
                }
            }
            listed.sort_unstable();
            for code in listed.drain(..) {
                counts.entries.push((code, scratch[code as usize]));
                scratch[code as usize] = 0;
            }
            counts.offsets.push(counts.entries.len());
        }
        counts
    }

    /// Number of keys.
    pub fn keys(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// `(item code, recipes listing it)` of the recipes of one key.
    pub fn of_key(&self, key: usize) -> &[(u32, u32)] {
        &self.entries[self.offsets[key]..self.offsets[key + 1]]
    }
}

impl ItemLists {
    /// Distinct items (size of the vocabulary).
    pub fn vocabulary_size(&self) -> usize {
        self.names.len()
    }

    /// The name of an item code.
    pub fn name(&self, code: u32) -> &str {
        &self.names[code as usize]
    }

    /// The code of a name, if the item occurs.
    pub fn code(&self, name: &str) -> Option<u32> {
        self.codes_by_name.get(name).copied()
    }

    /// Up to `limit` names close to `name`, for error messages: names that contain it or that
    /// it contains first (shortest first), then names within an edit distance of 3.
    pub fn near_matches(&self, name: &str, limit: usize) -> Vec<String> {
        let mut containing: Vec<&String> = self
            .names
            .iter()
            .filter(|n| n.contains(name) || name.contains(n.as_str()))
            .collect();
        containing.sort_by_key(|n| (n.len(), n.as_str()));
        let mut matches: Vec<String> = containing.into_iter().take(limit).cloned().collect();
        if matches.len() < limit {
            let mut close: Vec<(usize, &String)> = self
                .names
                .iter()
                .filter(|n| !matches.contains(n))
                .map(|n| (edit_distance(n, name), n))
                .filter(|(d, _)| *d <= 3)
                .collect();
            close.sort();
            matches.extend(
                close
                    .into_iter()
                    .take(limit - matches.len())
                    .map(|(_, n)| n.clone()),
            );
        }
        matches
    }

    /// The distinct item codes of recipe `row`.
    pub fn of_recipe(&self, row: usize) -> &[u32] {
        &self.codes[self.offsets[row]..self.offsets[row + 1]]
    }

    /// Item counts per calendar key.
    pub(crate) fn per_key(&self) -> &KeyItemCounts {
        &self.per_key
    }

    /// Items listed twice or more in the same recipe, counted once each (reported, not hidden:
    /// the analyses measure the share of recipes that use an item).
    pub fn repeated_within_recipe(&self) -> usize {
        self.repeated
    }

    /// The lists with their counts per calendar key.
    fn counted_per_key(self, keys: &[u32], key_count: usize) -> ItemLists {
        let per_key = KeyItemCounts::of(&self, keys, key_count);
        ItemLists { per_key, ..self }
    }

    fn from_list_column(frame: &DataFrame, kind: ItemKind) -> Result<ItemLists, AnalysisError> {
        let context = format!("encoding {}", kind.column());
        let lists = crate::columns::named(frame, kind.column())
            .and_then(|c| c.list())
            .map_err(frame_error(&context))?;
        let mut index: PlHashMap<String, u32> = PlHashMap::new();
        let mut lists_out = ItemLists {
            offsets: Vec::with_capacity(frame.height() + 1),
            ..ItemLists::default()
        };
        lists_out.offsets.push(0);
        let mut recipe_codes: Vec<u32> = Vec::new();
        for list in lists.amortized_iter() {
            recipe_codes.clear();
            if let Some(list) = list {
                let names = list.as_ref().str().map_err(frame_error(&context))?;
                for name in names.iter().flatten() {
                    let code = match index.get(name) {
                        Some(code) => *code,
                        None => {
                            let code = lists_out.names.len() as u32;
                            index.insert(name.to_string(), code);
                            lists_out.names.push(name.to_string());
                            code
                        }
                    };
                    recipe_codes.push(code);
                }
            }
            recipe_codes.sort_unstable();
            let listed = recipe_codes.len();
            recipe_codes.dedup();
            lists_out.repeated += listed - recipe_codes.len();
            lists_out.codes.extend_from_slice(&recipe_codes);
            lists_out.offsets.push(lists_out.codes.len());
        }
        lists_out.codes_by_name = index;
        Ok(lists_out)
    }
}

/// The cleaned recipes, column by column, ready for the recipe analyses.
#[derive(Debug, Clone)]
pub struct RecipeTable {
    id: Vec<i64>,
    year: Vec<i32>,
    month: Vec<u8>,
    weekday: Vec<u8>,
    season: Vec<Season>,
    metrics: Vec<Vec<f64>>,
    calendar: CalendarKeys,
    /// Rows with each calendar key.
    rows_per_key: Vec<u64>,
    /// Co-moments of the complexity metrics per calendar key.
    complexity: ComplexityMoments,
    /// Per-year summaries of every metric, per quantile band.
    year_summaries: YearSummaryCache,
    /// Item counts per group within the year, cumulative over the years, per item kind and
    /// [`WithinYear`] split, built on first use.
    year_prefix_counts: [[OnceLock<YearPrefixCounts>; 3]; 2],
    /// Per metric, the values in ascending order with the calendar key of their row (rank tests
    /// and quantiles then need no sort, and a pass reads two contiguous columns).
    sorted: Vec<SortedMetric>,
    /// Per metric and [`WithinYear`] split, the rank sums and order statistics of any year
    /// range (built on first use; `None` for a table spanning too many years).
    year_range_indexes: Vec<[OnceLock<Option<YearRangeIndex>>; 3]>,
    ingredients: ItemLists,
    tags: ItemLists,
}

impl RecipeTable {
    /// Prepares the cleaned recipes of a dataset.
    pub fn from_dataset(dataset: &Dataset) -> Result<RecipeTable, AnalysisError> {
        RecipeTable::from_frame(dataset.recipes())
    }

    /// Prepares a cleaned recipes frame (the schema of [`Dataset::recipes`]).
    pub fn from_frame(recipes: &DataFrame) -> Result<RecipeTable, AnalysisError> {
        let required = |name: &str| required_i32_column(recipes, name);
        let year = required("year")?;
        let month = required("month")?;
        let weekday = required("weekday")?;
        let mut metrics = Vec::with_capacity(Metric::ALL.len());
        for metric in Metric::ALL {
            let values = f64_column(recipes, metric.column())?;
            metrics.push(
                values
                    .into_iter()
                    .map(|v| v.filter(|v| v.is_finite()).unwrap_or(f64::NAN))
                    .collect(),
            );
        }
        let id = required_i64_column(recipes, "id")?;
        let calendar = CalendarKeys::covering(&year);
        let keys = calendar.keys_of(&year, &month, &weekday)?;
        let sorted: Vec<SortedMetric> = metrics
            .par_iter()
            .map(|values: &Vec<f64>| SortedMetric::of(values, &keys, calendar.len()))
            .collect();
        let mut rows_per_key = vec![0u64; calendar.len()];
        for key in &keys {
            rows_per_key[*key as usize] += 1;
        }
        let lists = |kind| {
            ItemLists::from_list_column(recipes, kind)
                .map(|lists| lists.counted_per_key(&keys, calendar.len()))
        };
        let (ingredients, tags) =
            rayon::join(|| lists(ItemKind::Ingredients), || lists(ItemKind::Tags));
        let (ingredients, tags) = (ingredients?, tags?);
        Ok(RecipeTable {
            id,
            complexity: ComplexityMoments::of(&metrics, &keys, calendar.len()),
            year_summaries: YearSummaryCache::default(),
            year_prefix_counts: Default::default(),
            calendar,
            rows_per_key,
            year_range_indexes: sorted.iter().map(|_| Default::default()).collect(),
            sorted,
            season: month.iter().map(|m| Season::of_month(*m as u32)).collect(),
            month: month.iter().map(|m| *m as u8).collect(),
            weekday: weekday.iter().map(|w| *w as u8).collect(),
            year,
            metrics,
            ingredients,
            tags,
        })
    }

    /// Number of recipes.
    pub fn len(&self) -> usize {
        self.year.len()
    }

    /// Whether there is no recipe.
    pub fn is_empty(&self) -> bool {
        self.year.is_empty()
    }

    /// Recipe id of each row.
    pub fn ids(&self) -> &[i64] {
        &self.id
    }

    /// Submission year of each recipe.
    pub fn years(&self) -> &[i32] {
        &self.year
    }

    /// Submission month (1-12) of each recipe.
    pub fn months(&self) -> &[u8] {
        &self.month
    }

    /// Submission weekday of each recipe, 1 = Monday ... 7 = Sunday.
    pub fn weekdays(&self) -> &[u8] {
        &self.weekday
    }

    /// Meteorological season of each recipe.
    pub fn seasons(&self) -> &[Season] {
        &self.season
    }

    /// Values of a metric (NaN where missing).
    pub fn metric(&self, metric: Metric) -> &[f64] {
        &self.metrics[metric.index()]
    }

    /// The values of `metric` in ascending order with the calendar key of each.
    pub(crate) fn sorted(&self, metric: Metric) -> &SortedMetric {
        &self.sorted[metric.index()]
    }

    /// Summaries of `metric` per group of a split of the year over the years of `range`
    /// (`None`: every year), with the rank sums of the groups over the range's values: read from
    /// the metric's [`YearRangeIndex`] (built on first use), or from a pass over its values when
    /// the table spans more than
    /// [`MAX_INDEXED_YEARS`](crate::year_range_index::MAX_INDEXED_YEARS) years.
    pub(crate) fn within_year_summaries(
        &self,
        metric: Metric,
        within: WithinYear,
        range: Option<(i32, i32)>,
        band: (f64, f64),
    ) -> (Vec<Option<GroupSummary>>, RankSums) {
        let groups = within.groups();
        let lookup = self.within_year_lookup(within, range);
        let sorted = self.sorted(metric);
        let index = self.year_range_indexes[metric.index()][within.index()]
            .get_or_init(|| YearRangeIndex::build(sorted, &self.calendar, within));
        match index {
            Some(index) => {
                let offsets = self.year_offset_range(range);
                let summaries = indexed_summaries(sorted, index, &lookup, groups, &offsets, band);
                (summaries, index.rank_sums(&offsets))
            }
            None => {
                let mut ranks = RankSums::new(groups);
                let summaries = grouped_summaries(sorted, &lookup, groups, band, Some(&mut ranks));
                (summaries, ranks)
            }
        }
    }

    /// The group within the year (`within`) of every calendar key of the years of `range`
    /// (`None`: every year); keys of other years are in no group.
    pub(crate) fn within_year_lookup(
        &self,
        within: WithinYear,
        range: Option<(i32, i32)>,
    ) -> GroupLookup {
        self.group_lookup(|year, month, weekday| {
            crate::trends::yearly::in_range(year, range).then(|| within.group(month, weekday))
        })
    }

    /// The groups of every calendar key under `group_of(year, month, weekday)`.
    pub(crate) fn group_lookup(
        &self,
        group_of: impl Fn(i32, u8, u8) -> Option<usize>,
    ) -> GroupLookup {
        self.calendar.lookup(group_of)
    }

    /// The summary of every metric (in [`Metric::ALL`] order) for every year of the table, first
    /// to last, with quantile band `band`: computed by `compute` on the first call for a band,
    /// then shared (a year's summary does not depend on the year range asked).
    pub(crate) fn year_summaries(
        &self,
        band: (f64, f64),
        compute: impl FnOnce() -> YearSummaries,
    ) -> Arc<YearSummaries> {
        let key = (band.0.to_bits(), band.1.to_bits());
        if let Some((_, hit)) = self.year_summaries.lock().iter().find(|(k, _)| *k == key) {
            return hit.clone();
        }
        let computed = Arc::new(compute());
        let mut cache = self.year_summaries.lock();
        if cache.len() >= YEAR_SUMMARY_BANDS {
            cache.clear();
        }
        cache.push((key, computed.clone()));
        computed
    }

    /// Item counts per group within the year (`within`), cumulative over the years of the table
    /// (built on the first call, then shared).
    pub(crate) fn year_prefix_counts(
        &self,
        kind: ItemKind,
        within: WithinYear,
    ) -> &YearPrefixCounts {
        let by_kind = match kind {
            ItemKind::Ingredients => &self.year_prefix_counts[0],
            ItemKind::Tags => &self.year_prefix_counts[1],
        };
        by_kind[within.index()].get_or_init(|| {
            YearPrefixCounts::of(self.items(kind), &self.calendar, &self.rows_per_key, within)
        })
    }

    /// The year offsets of the years in `range` (`None`: every year), as a range (empty when
    /// no year of the table is in it).
    pub(crate) fn year_offset_range(&self, range: Option<(i32, i32)>) -> std::ops::Range<usize> {
        let offsets: Vec<usize> = self.year_offsets(range).collect();
        match (offsets.first(), offsets.last()) {
            (Some(first), Some(last)) => *first..*last + 1,
            _ => 0..0,
        }
    }

    /// The year offsets (from the table's first year) of the years in `range`.
    pub(crate) fn year_offsets(&self, range: Option<(i32, i32)>) -> impl Iterator<Item = usize> {
        let first = self.calendar.year(0);
        (0..self.calendar.years())
            .filter(move |y| crate::trends::yearly::in_range(first + *y as i32, range))
    }

    /// The first year of the table and the number of years to the last.
    pub(crate) fn year_span(&self) -> (i32, usize) {
        (self.calendar.year(0), self.calendar.years())
    }

    /// Co-moments of the complexity metrics per calendar key.
    pub(crate) fn complexity_moments(&self) -> &ComplexityMoments {
        &self.complexity
    }

    /// The year of each calendar key.
    pub(crate) fn key_year(&self, key: usize) -> i32 {
        self.calendar.year(key as u32)
    }

    /// Rows in each of `groups` groups of a lookup.
    pub(crate) fn rows_per_group(&self, lookup: &GroupLookup, groups: usize) -> Vec<u64> {
        let mut counts = vec![0u64; groups];
        for (key, rows) in self.rows_per_key.iter().enumerate() {
            if let Some(g) = lookup.group(key as u32).filter(|g| *g < groups) {
                counts[g] += rows;
            }
        }
        counts
    }

    /// Recipes per year of the range (`None`: every year), for the years with recipes,
    /// ascending.
    pub fn recipes_per_year(&self, range: Option<(i32, i32)>) -> Vec<(i32, u64)> {
        let first = self.calendar.year(0);
        let mut per_year = vec![0u64; self.calendar.years()];
        for (key, rows) in self.rows_per_key.iter().enumerate() {
            let year = self.calendar.year(key as u32);
            if crate::trends::yearly::in_range(year, range) {
                per_year[(year - first) as usize] += rows;
            }
        }
        per_year
            .into_iter()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .map(|(offset, n)| (first + offset as i32, n))
            .collect()
    }

    /// The ingredient or tag lists.
    pub fn items(&self, kind: ItemKind) -> &ItemLists {
        match kind {
            ItemKind::Ingredients => &self.ingredients,
            ItemKind::Tags => &self.tags,
        }
    }
}

/// The values of one metric in ascending order, each with the calendar key of its row (rows
/// without a value are left out), and the moments of the values of each key.
#[derive(Debug, Clone)]
pub(crate) struct SortedMetric {
    /// Values, ascending.
    pub values: Vec<f64>,
    /// Calendar key of the row of each value.
    pub keys: Vec<u32>,
    /// The mean of every value, subtracted before the sums of [`KeyMoments`] (precision).
    pub shift: f64,
    /// Moments of the values of each calendar key.
    pub per_key: Vec<KeyMoments>,
}

/// Summaries per metric (in [`Metric::ALL`] order) and per year.
pub(crate) type YearSummaries = Vec<Vec<Option<GroupSummary>>>;

/// Quantile bands whose per-year summaries are kept (the web app offers four).
const YEAR_SUMMARY_BANDS: usize = 8;

/// A quantile band (the bits of its two bounds) and its per-year summaries.
type BandSummaries = ((u64, u64), Arc<YearSummaries>);

/// Per-year summaries per quantile band (a cache: a clone starts empty).
#[derive(Default)]
struct YearSummaryCache(Mutex<Vec<BandSummaries>>);

impl YearSummaryCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<BandSummaries>> {
        // Entries are complete values: a cache poisoned by a panic elsewhere is still usable.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Clone for YearSummaryCache {
    fn clone(&self) -> Self {
        YearSummaryCache::default()
    }
}

impl std::fmt::Debug for YearSummaryCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "YearSummaryCache({} bands)", self.lock().len())
    }
}

/// The metrics whose pairwise correlations the yearly trends report.
pub(crate) const COMPLEXITY_METRICS: [Metric; 3] =
    [Metric::Minutes, Metric::Steps, Metric::Ingredients];

/// Per calendar key, the sums and cross-products of [`COMPLEXITY_METRICS`] (each shifted by its
/// mean) over the recipes that have all three: the Pearson correlations of any year range are
/// combined from them.
#[derive(Debug, Clone)]
pub(crate) struct ComplexityMoments {
    /// Moments of each key (values shifted by each metric's mean over the recipes with all
    /// three, for precision).
    pub per_key: Vec<CoMoments>,
}

/// Recipes, shifted sums and shifted cross-products of one calendar key.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CoMoments {
    /// Recipes with all three metrics.
    pub n: u64,
    /// Σ(x_i - shift_i).
    pub sum: [f64; 3],
    /// Σ(x_i - shift_i)(x_j - shift_j).
    pub cross: [[f64; 3]; 3],
}

impl ComplexityMoments {
    fn of(metrics: &[Vec<f64>], keys: &[u32], key_count: usize) -> ComplexityMoments {
        let columns = COMPLEXITY_METRICS.map(|m| &metrics[m.index()]);
        let complete = |row: usize| columns.iter().all(|c| c[row].is_finite());
        let rows = (0..keys.len()).filter(|r| complete(*r));
        let count = rows.clone().count().max(1) as f64;
        let shift = columns.map(|c| rows.clone().map(|r| c[r]).sum::<f64>() / count);
        let mut per_key = vec![CoMoments::default(); key_count];
        for row in rows {
            let moments = &mut per_key[keys[row] as usize];
            let x = [0, 1, 2].map(|i| columns[i][row] - shift[i]);
            moments.n += 1;
            for i in 0..3 {
                moments.sum[i] += x[i];
                for j in 0..3 {
                    moments.cross[i][j] += x[i] * x[j];
                }
            }
        }
        ComplexityMoments { per_key }
    }
}

/// Count, shifted sums, minimum and maximum of the values of one calendar key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KeyMoments {
    /// Values.
    pub n: u64,
    /// Σ(x - shift).
    pub sum: f64,
    /// Σ(x - shift)².
    pub sum_squares: f64,
    /// Smallest value (NaN without values).
    pub min: f64,
    /// Largest value (NaN without values).
    pub max: f64,
}

impl KeyMoments {
    /// No value.
    pub const EMPTY: KeyMoments = KeyMoments {
        n: 0,
        sum: 0.0,
        sum_squares: 0.0,
        min: f64::NAN,
        max: f64::NAN,
    };

    /// Adds the values of `other` (same shift).
    pub fn merge(&mut self, other: &KeyMoments) {
        self.n += other.n;
        self.sum += other.sum;
        self.sum_squares += other.sum_squares;
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
    }
}

impl SortedMetric {
    /// The values of a metric with the calendar key of each row (`key_count` keys).
    pub fn of(values: &[f64], keys: &[u32], key_count: usize) -> SortedMetric {
        let mut rows: Vec<u32> = (0..values.len() as u32)
            .filter(|r| values[*r as usize].is_finite())
            .collect();
        rows.sort_by(|a, b| values[*a as usize].total_cmp(&values[*b as usize]));
        let values: Vec<f64> = rows.iter().map(|r| values[*r as usize]).collect();
        let keys: Vec<u32> = rows.iter().map(|r| keys[*r as usize]).collect();
        let shift = if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        };
        let mut per_key = vec![KeyMoments::EMPTY; key_count];
        for (value, key) in values.iter().zip(&keys) {
            let moments = &mut per_key[*key as usize];
            if moments.n == 0 {
                moments.min = *value;
            }
            moments.max = *value;
            moments.n += 1;
            moments.sum += value - shift;
            moments.sum_squares += (value - shift) * (value - shift);
        }
        SortedMetric {
            values,
            keys,
            shift,
            per_key,
        }
    }

    /// `(value, group)` of the values in a group of `lookup`, ascending.
    pub fn grouped<'a>(
        &'a self,
        lookup: &'a GroupLookup,
    ) -> impl Iterator<Item = (f64, usize)> + Clone + 'a {
        lookup.grouped(&self.values, &self.keys)
    }
}

/// Levenshtein distance between two names (characters).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// Index of a season in [`Season::ALL`] order (Winter, Spring, Summer, Autumn).
pub(crate) fn season_index(season: Season) -> usize {
    match season {
        Season::Winter => 0,
        Season::Spring => 1,
        Season::Summer => 2,
        Season::Autumn => 3,
    }
}
