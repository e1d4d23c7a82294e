//! The one handle everything above the core uses: [`Dataset::open`].

#[cfg(feature = "store")]
use std::path::Path;
use std::path::PathBuf;
use std::sync::OnceLock;
#[cfg(feature = "store")]
use std::sync::{Condvar, Mutex};
use std::time::Instant;
#[cfg(feature = "store")]
use std::time::UNIX_EPOCH;

use mangetamain_format::KaggleFile;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

use crate::clean::{clean_interactions, clean_recipes, RecipeCleaning};
use crate::error::{CoreError, FrameContext, Result};
#[cfg(feature = "store")]
use crate::frames_cache;
use crate::raw::{read_raw_interactions, read_raw_recipes, read_split_interactions, RawRecipes};
use crate::report::CleaningReport;
use crate::source::DataSource;
#[cfg(feature = "store")]
use crate::store::Store;

/// Version of the store layout; bump it when a table's schema or a cleaning rule changes, so
/// existing stores are rebuilt.
pub const STORE_SCHEMA_VERSION: u32 = 2;

/// How to open a dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenOptions {
    /// Recipe cleaning bounds (defaults: the reference values).
    pub cleaning: RecipeCleaning,
    /// Where the DuckDB store goes; default: a file per source under the cache folder
    /// (`$MANGETAMAIN_CACHE_DIR`, else `$XDG_CACHE_HOME/mangetamain`, else `~/.cache/mangetamain`).
    pub store_path: Option<PathBuf>,
    /// Ingest again even when the store is up to date.
    pub reingest: bool,
}

/// How the dataset was opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadInfo {
    /// True when the CSV files were parsed and cleaned (cold), false when read from the store.
    pub ingested: bool,
    /// Wall-clock seconds of the open.
    pub seconds: f64,
    /// The DuckDB store file (None without the `store` feature).
    pub store_path: Option<PathBuf>,
    /// Seconds spent in each phase (`parse`, `clean`, `store` for an ingest; `read store` for a
    /// warm open).
    pub phases: Vec<(String, f64)>,
}

/// The cleaned Food.com dataset: frames for analyses, the cleaning report, and SQL over every
/// raw and cleaned table.
///
/// Tables (polars frames here, and DuckDB tables of the same names in the store):
/// - `recipes`: cleaned, enriched recipes (see [`crate::clean::clean_recipes`]);
/// - `interactions`: rated interactions (1-5) of RAW_interactions (see
///   [`crate::clean::clean_interactions`]);
/// - `interactions_train`: the same for `interactions_train.csv`, when the file is present;
/// - `recipe_ingredients` (`recipe_id`, `ingredient`) and `recipe_tags` (`recipe_id`, `tag`):
///   one row per item of a cleaned recipe, names normalised;
/// - in the store only: `raw_recipes`, `raw_interactions` (and `raw_interactions_train` /
///   `_validation` / `_test` when present): every row of the files, nothing removed, loaded by
///   DuckDB's CSV reader (see [`crate::raw_import`]).
///
/// After a cold ingest, `open` returns as soon as the frames are clean; the store (cleaned
/// tables, raw tables, report, checkpoint, Arrow copy of the frames) is written on a background
/// thread in one transaction. [`Dataset::sql`] waits for it, [`Dataset::wait_for_store`] too,
/// and so does dropping the dataset.
pub struct Dataset {
    source: DataSource,
    #[cfg(feature = "store")]
    store: Mutex<Store>,
    /// The store work still running after the open (raw tables, checkpoint, frame copy).
    #[cfg(feature = "store")]
    background: Mutex<Option<std::thread::JoinHandle<Result<()>>>>,
    recipes: DataFrame,
    interactions: DataFrame,
    /// Read from the store on first use (None inside: the source has no train split).
    interactions_train: OnceLock<Option<DataFrame>>,
    has_interactions_train: bool,
    /// Built from `recipes` on first use.
    recipe_ingredients: OnceLock<DataFrame>,
    /// Built from `recipes` on first use.
    recipe_tags: OnceLock<DataFrame>,
    report: CleaningReport,
    load: LoadInfo,
}

impl std::fmt::Debug for Dataset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dataset")
            .field("source", &self.source)
            .field("recipes", &self.recipes.height())
            .field("interactions", &self.interactions.height())
            .field("load", &self.load)
            .finish()
    }
}

/// The split files read when present: (file, raw table, cleaned table if any).
const SPLITS: [(KaggleFile, &str, Option<&str>); 3] = [
    (
        KaggleFile::InteractionsTrain,
        "raw_interactions_train",
        Some("interactions_train"),
    ),
    (
        KaggleFile::InteractionsValidation,
        "raw_interactions_validation",
        None,
    ),
    (KaggleFile::InteractionsTest, "raw_interactions_test", None),
];

/// Wall-clock time of each phase of an open.
struct PhaseClock {
    phase_start: Instant,
    phases: Vec<(String, f64)>,
}

impl PhaseClock {
    fn new() -> Self {
        PhaseClock {
            phase_start: Instant::now(),
            phases: Vec::new(),
        }
    }

    /// Ends the current phase under `name` and starts the next one.
    fn mark(&mut self, name: &str) {
        self.phases
            .push((name.to_string(), self.phase_start.elapsed().as_secs_f64()));
        self.phase_start = Instant::now();
    }
}

/// What one pass of parsing and cleaning over the source files yields.
struct Prepared {
    raw_recipes: RawRecipes,
    raw_interactions: DataFrame,
    /// (raw table, file, raw frame) of each split file present.
    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    raw_splits: Vec<(&'static str, KaggleFile, DataFrame)>,
    /// Tables of the split files absent from the source (a store drops its stale copies).
    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    absent_split_tables: Vec<&'static str>,
    recipes: DataFrame,
    interactions: DataFrame,
    interactions_train: Option<DataFrame>,
    report: CleaningReport,
}

/// Parses every Kaggle file of the source (in parallel) and cleans them.
fn prepare(source: &DataSource, options: &OpenOptions, clock: &mut PhaseClock) -> Result<Prepared> {
    let recipes_path = required(source, KaggleFile::RawRecipes)?;
    let interactions_path = required(source, KaggleFile::RawInteractions)?;
    let split_paths: Vec<_> = SPLITS
        .iter()
        .map(|(file, raw_table, clean_table)| (*file, source.file(*file), *raw_table, *clean_table))
        .collect();
    let ((raw_recipes, raw_interactions), splits) = rayon::join(
        || {
            rayon::join(
                || read_raw_recipes(&recipes_path),
                || read_raw_interactions(&interactions_path),
            )
        },
        || {
            split_paths
                .iter()
                .filter_map(|(file, path, raw_table, clean_table)| {
                    let path = path.as_ref()?;
                    Some(
                        read_split_interactions(path, *file)
                            .map(|frame| (*file, *raw_table, *clean_table, frame)),
                    )
                })
                .collect::<Result<Vec<_>>>()
        },
    );
    let (raw_recipes, raw_interactions, splits) = (raw_recipes?, raw_interactions?, splits?);
    clock.mark("parse");
    let (recipes, interactions) = rayon::join(
        || clean_recipes(&raw_recipes, &options.cleaning),
        || {
            clean_interactions(
                &raw_interactions,
                "interactions",
                KaggleFile::RawInteractions.file_name(),
            )
        },
    );
    let (recipes, interactions) = (recipes?, interactions?);
    let mut report = CleaningReport {
        tables: vec![recipes.report.clone(), interactions.report.clone()],
    };
    let mut interactions_train = None;
    for (file, _, clean_table, raw) in &splits {
        if let Some(clean_table) = clean_table {
            let cleaned = clean_interactions(raw, clean_table, file.file_name())?;
            report.tables.push(cleaned.report);
            interactions_train = Some(cleaned.frame);
        }
    }
    let absent_split_tables = split_paths
        .iter()
        .filter(|(_, path, _, _)| path.is_none())
        .flat_map(|(_, _, raw_table, clean_table)| std::iter::once(*raw_table).chain(*clean_table))
        .collect();
    clock.mark("clean");
    Ok(Prepared {
        raw_recipes,
        raw_interactions,
        raw_splits: splits
            .into_iter()
            .map(|(file, raw_table, _, frame)| (raw_table, file, frame))
            .collect(),
        absent_split_tables,
        recipes: recipes.frame,
        interactions: interactions.frame,
        interactions_train,
        report,
    })
}

impl Dataset {
    /// Opens a dataset with default options: from the store when it is up to date with the
    /// source files, otherwise by parsing, cleaning and storing them.
    ///
    /// ```no_run
    /// use mangetamain_core::{Dataset, DataSource};
    /// let dataset = Dataset::open(DataSource::BundledSample)?;
    /// println!("{}", dataset.cleaning_report());
    /// # Ok::<(), mangetamain_core::CoreError>(())
    /// ```
    pub fn open(source: impl Into<DataSource>) -> Result<Dataset> {
        Self::open_with(source, &OpenOptions::default())
    }

    /// Opens a dataset with explicit options. Without the `store` feature the files are parsed
    /// and cleaned at every open and `options.store_path` / `reingest` are ignored.
    #[cfg(not(feature = "store"))]
    pub fn open_with(source: impl Into<DataSource>, options: &OpenOptions) -> Result<Dataset> {
        let started = Instant::now();
        let source = source.into();
        let mut clock = PhaseClock::new();
        let prepared = prepare(&source, options, &mut clock)?;
        tracing::info!(
            seconds = started.elapsed().as_secs_f64(),
            "dataset parsed and cleaned"
        );
        Ok(Dataset {
            load: LoadInfo {
                ingested: true,
                seconds: started.elapsed().as_secs_f64(),
                store_path: None,
                phases: clock.phases,
            },
            source,
            recipes: prepared.recipes,
            interactions: prepared.interactions,
            has_interactions_train: prepared.interactions_train.is_some(),
            interactions_train: OnceLock::from(prepared.interactions_train),
            recipe_ingredients: OnceLock::new(),
            recipe_tags: OnceLock::new(),
            report: prepared.report,
        })
    }

    /// Opens a dataset with explicit options.
    #[cfg(feature = "store")]
    pub fn open_with(source: impl Into<DataSource>, options: &OpenOptions) -> Result<Dataset> {
        let started = Instant::now();
        let source = source.into();
        #[cfg(feature = "s3")]
        if let DataSource::S3 { location, config } = &source {
            crate::s3::fetch_dataset(location, config, &|_, _, _| {})?;
        }
        let store_path = match &options.store_path {
            Some(path) => path.clone(),
            None => default_store_path(&source)?,
        };
        // A source without its two required files is an error before any store file is made.
        required(&source, KaggleFile::RawRecipes)?;
        required(&source, KaggleFile::RawInteractions)?;
        let fingerprint = fingerprint(&source, options)?;
        // One open or store write per file at a time in this process (threads of one test binary
        // share the bundled sample's store); a cold ingest hands the claim to its writer.
        let claim = StoreClaim::take(&store_path);
        // Another process (a second notebook, the web app, a parallel test) may be ingesting the
        // same store: DuckDB then refuses a second writer. Wait for it, then use its result.
        let deadline = Instant::now() + std::time::Duration::from_secs(600);
        loop {
            if !options.reingest {
                if let Some(store) = Store::open_read_only(&store_path) {
                    if store.meta("fingerprint")?.as_deref() == Some(fingerprint.as_str()) {
                        let dataset = Self::from_store(source, store, &fingerprint, started)?;
                        tracing::info!(seconds = dataset.load.seconds, store = %store_path.display(), "dataset opened from the store");
                        return Ok(dataset);
                    }
                }
            }
            match Self::ingest(
                source.clone(),
                &store_path,
                options,
                &fingerprint,
                started,
                &claim,
            ) {
                Err(CoreError::Store { ref source, .. })
                    if is_lock_conflict(source) && Instant::now() < deadline =>
                {
                    tracing::info!(store = %store_path.display(), "store busy in another process, waiting");
                    std::thread::sleep(std::time::Duration::from_millis(250));
                }
                Ok(dataset) => {
                    tracing::info!(seconds = dataset.load.seconds, store = %store_path.display(), "dataset ingested");
                    return Ok(dataset);
                }
                Err(other) => return Err(other),
            }
        }
    }

    #[cfg(feature = "store")]
    fn ingest(
        source: DataSource,
        store_path: &Path,
        options: &OpenOptions,
        fingerprint: &str,
        started: Instant,
        claim: &StoreClaim,
    ) -> Result<Dataset> {
        // Open for writing first: if another process holds the store, we learn it before parsing.
        let store = Store::open(store_path)?;
        let mut clock = PhaseClock::new();
        let prepared = prepare(&source, options, &mut clock)?;
        let report_json =
            serde_json::to_string(&prepared.report).map_err(|e| CoreError::InvalidParameter {
                name: "cleaning report",
                message: e.to_string(),
            })?;
        let mut raw_files = vec![
            RawFile {
                table: "raw_recipes",
                file: KaggleFile::RawRecipes,
                path: required(&source, KaggleFile::RawRecipes)?,
                rows: prepared.raw_recipes.frame.height() as u64,
            },
            RawFile {
                table: "raw_interactions",
                file: KaggleFile::RawInteractions,
                path: required(&source, KaggleFile::RawInteractions)?,
                rows: prepared.raw_interactions.height() as u64,
            },
        ];
        for (table, file, frame) in &prepared.raw_splits {
            raw_files.push(RawFile {
                table,
                file: *file,
                path: required(&source, *file)?,
                rows: frame.height() as u64,
            });
        }
        let job = StoreJob {
            recipes: prepared.recipes.clone(),
            interactions: prepared.interactions.clone(),
            interactions_train: prepared.interactions_train.clone(),
            absent_split_tables: prepared.absent_split_tables.clone(),
            raw_files,
            report_json,
            fingerprint: fingerprint.to_string(),
        };
        let background = job.spawn(store.try_clone()?, claim.share())?;
        Ok(Dataset {
            load: LoadInfo {
                ingested: true,
                seconds: started.elapsed().as_secs_f64(),
                store_path: Some(store.path().to_path_buf()),
                phases: clock.phases,
            },
            source,
            store: Mutex::new(store),
            background: Mutex::new(Some(background)),
            recipes: prepared.recipes,
            interactions: prepared.interactions,
            has_interactions_train: prepared.interactions_train.is_some(),
            interactions_train: OnceLock::from(prepared.interactions_train),
            recipe_ingredients: OnceLock::new(),
            recipe_tags: OnceLock::new(),
            report: prepared.report,
        })
    }

    #[cfg(feature = "store")]
    fn from_store(
        source: DataSource,
        store: Store,
        fingerprint: &str,
        started: Instant,
    ) -> Result<Dataset> {
        tracing::debug!(
            seconds = started.elapsed().as_secs_f64(),
            "store opened read-only, fingerprint matches"
        );
        let report_json = store.meta("cleaning_report")?.unwrap_or_default();
        let report: CleaningReport =
            serde_json::from_str(&report_json).map_err(|e| CoreError::InvalidParameter {
                name: "stored cleaning report",
                message: e.to_string(),
            })?;
        // The frames every analysis needs are read now, in parallel connections; the exploded
        // item tables and the train split are read on first use.
        let cache_dir = frames_cache::dir_of(store.path());
        let cached = frames_cache::read(&cache_dir, fingerprint, &["recipes", "interactions"])
            .filter(|frames| frames.len() == 2);
        tracing::debug!(
            seconds = started.elapsed().as_secs_f64(),
            found = cached.is_some(),
            "frame copy mapped"
        );
        let (recipes, interactions, from) = match cached {
            Some(mut frames) => {
                let interactions = frames.pop().unwrap_or_default();
                let recipes = frames.pop().unwrap_or_default();
                (recipes, interactions, "read frame copy")
            }
            None => {
                let (recipes, interactions) = Self::read_frames_from_store(&store)?;
                if let Err(error) = frames_cache::write(
                    &cache_dir,
                    fingerprint,
                    &[("recipes", &recipes), ("interactions", &interactions)],
                ) {
                    tracing::warn!(%error, "could not write the frame copy; the next open reads the store again");
                }
                (recipes, interactions, "read store")
            }
        };
        Ok(Dataset {
            background: Mutex::new(None),
            recipes,
            interactions,
            has_interactions_train: store.has_table("interactions_train")?,
            interactions_train: OnceLock::new(),
            recipe_ingredients: OnceLock::new(),
            recipe_tags: OnceLock::new(),
            report,
            load: LoadInfo {
                ingested: false,
                seconds: started.elapsed().as_secs_f64(),
                store_path: Some(store.path().to_path_buf()),
                phases: vec![(from.to_string(), started.elapsed().as_secs_f64())],
            },
            source,
            store: Mutex::new(store),
        })
    }

    /// Reads the recipes and interactions from DuckDB, in parallel connections.
    #[cfg(feature = "store")]
    fn read_frames_from_store(store: &Store) -> Result<(DataFrame, DataFrame)> {
        // The two list columns of the recipes are the slow part: each gets its own scan.
        let mut frames = store
            .read_queries_parallel(&[
                (
                    "recipes",
                    "SELECT * EXCLUDE (tags, ingredients) FROM recipes",
                ),
                ("recipes.tags", "SELECT tags FROM recipes"),
                ("recipes.ingredients", "SELECT ingredients FROM recipes"),
                ("interactions", "SELECT * FROM interactions"),
            ])?
            .into_iter();
        let (Some(scalars), Some(tags), Some(ingredients), Some(interactions)) =
            (frames.next(), frames.next(), frames.next(), frames.next())
        else {
            return Err(CoreError::InvalidParameter {
                name: "store",
                message: "reading the recipes and interactions tables returned no frame"
                    .to_string(),
            });
        };
        Ok((
            assemble_recipes(scalars, &tags, &ingredients)?,
            interactions,
        ))
    }

    /// Cleaned, enriched recipes.
    pub fn recipes(&self) -> &DataFrame {
        &self.recipes
    }

    /// Rated interactions (ratings 1-5) of RAW_interactions.
    pub fn interactions(&self) -> &DataFrame {
        &self.interactions
    }

    /// Whether the source has `interactions_train.csv`.
    pub fn has_interactions_train(&self) -> bool {
        self.has_interactions_train
    }

    /// Rated interactions of `interactions_train.csv` (the reference app's population), when the
    /// source has that file (read from the store on first use).
    pub fn interactions_train(&self) -> Result<Option<&DataFrame>> {
        if let Some(frame) = self.interactions_train.get() {
            return Ok(frame.as_ref());
        }
        let frame = if self.has_interactions_train {
            Some(self.read_stored("interactions_train")?)
        } else {
            None
        };
        Ok(self.interactions_train.get_or_init(|| frame).as_ref())
    }

    /// One row per (cleaned recipe, ingredient): columns `recipe_id`, `ingredient` (built from
    /// the cleaned recipes on first use).
    pub fn recipe_ingredients(&self) -> Result<&DataFrame> {
        self.exploded(&self.recipe_ingredients, "ingredients", "ingredient")
    }

    /// One row per (cleaned recipe, tag): columns `recipe_id`, `tag` (built from the cleaned
    /// recipes on first use).
    pub fn recipe_tags(&self) -> Result<&DataFrame> {
        self.exploded(&self.recipe_tags, "tags", "tag")
    }

    fn exploded<'a>(
        &'a self,
        cell: &'a OnceLock<DataFrame>,
        list_column: &str,
        item_name: &str,
    ) -> Result<&'a DataFrame> {
        if let Some(frame) = cell.get() {
            return Ok(frame);
        }
        let frame = explode_items(&self.recipes, list_column, item_name)?;
        Ok(cell.get_or_init(|| frame))
    }

    #[cfg(not(feature = "store"))]
    fn read_stored(&self, name: &str) -> Result<DataFrame> {
        // Without a store every table is built at open, so nothing is ever read later.
        Err(CoreError::InvalidParameter {
            name: "table",
            message: format!("{name} is only read from a store (cargo feature `store`)"),
        })
    }

    #[cfg(feature = "store")]
    fn read_stored(&self, name: &str) -> Result<DataFrame> {
        let store = self.store.lock().map_err(|_| CoreError::InvalidParameter {
            name: "store",
            message: "the store lock was poisoned by a panic in another thread".to_string(),
        })?;
        store.read_table(name)
    }

    /// Waits for the store work still running after a cold open (raw tables, checkpoint, Arrow
    /// copy of the frames) and returns its error, if it failed (reported once; the cleaned
    /// tables and frames are usable either way).
    #[cfg(feature = "store")]
    pub fn wait_for_store(&self) -> Result<()> {
        let handle = match self.background.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        match handle {
            None => Ok(()),
            Some(handle) => handle.join().map_err(|_| CoreError::InvalidParameter {
                name: "store",
                message: "the thread completing the store panicked".to_string(),
            })?,
        }
    }

    /// What cleaning removed and why, per table.
    pub fn cleaning_report(&self) -> &CleaningReport {
        &self.report
    }

    /// Where the data comes from.
    pub fn source(&self) -> &DataSource {
        &self.source
    }

    /// How the dataset was opened (cold or warm, duration, store file).
    pub fn load_info(&self) -> &LoadInfo {
        &self.load
    }

    /// Runs a SQL query on the DuckDB store (raw and cleaned tables) and returns a polars frame
    /// (cargo feature `store`).
    ///
    /// ```no_run
    /// # use mangetamain_core::{Dataset, DataSource};
    /// let dataset = Dataset::open(DataSource::BundledSample)?;
    /// let unrated = dataset.sql("SELECT count(*) AS n FROM raw_interactions WHERE rating = 0")?;
    /// # Ok::<(), mangetamain_core::CoreError>(())
    /// ```
    #[cfg(feature = "store")]
    pub fn sql(&self, query: &str) -> Result<DataFrame> {
        self.wait_for_store()?;
        let store = self.store.lock().map_err(|_| CoreError::InvalidParameter {
            name: "store",
            message: "the store lock was poisoned by a panic in another thread".to_string(),
        })?;
        store.query(query)
    }
}

/// The exploded item tables, stored as views over `recipes`: (view, item column, list column).
#[cfg(feature = "store")]
const EXPLODED_VIEWS: [(&str, &str, &str); 2] = [
    ("recipe_ingredients", "ingredient", "ingredients"),
    ("recipe_tags", "tag", "tags"),
];

#[cfg(feature = "store")]
impl Drop for Dataset {
    fn drop(&mut self) {
        if let Err(error) = self.wait_for_store() {
            tracing::error!(%error, "completing the store failed");
        }
    }
}

/// Store files an open or a store writer of this process is using. DuckDB's file lock does not
/// keep a second database instance of the same process out, so opens of such a file wait here.
#[cfg(feature = "store")]
static CLAIMED: (Mutex<Vec<PathBuf>>, Condvar) = (Mutex::new(Vec::new()), Condvar::new());

/// This process's claim on a store file, released when the last holder drops it (the open, then
/// the store writer of a cold ingest).
#[cfg(feature = "store")]
struct StoreClaim(std::sync::Arc<ClaimedPath>);

#[cfg(feature = "store")]
struct ClaimedPath(PathBuf);

#[cfg(feature = "store")]
impl StoreClaim {
    /// Waits until no open or writer of this process uses `path`, then claims it.
    fn take(path: &Path) -> StoreClaim {
        let (files, changed) = &CLAIMED;
        let mut files = files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        while files.iter().any(|file| file == path) {
            files = changed
                .wait(files)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        files.push(path.to_path_buf());
        StoreClaim(std::sync::Arc::new(ClaimedPath(path.to_path_buf())))
    }

    /// A second holder of the same claim (for the store writer thread).
    fn share(&self) -> StoreClaim {
        StoreClaim(std::sync::Arc::clone(&self.0))
    }
}

#[cfg(feature = "store")]
impl Drop for ClaimedPath {
    fn drop(&mut self) {
        let (files, changed) = &CLAIMED;
        let mut files = files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(index) = files.iter().position(|file| *file == self.0) {
            files.swap_remove(index);
        }
        changed.notify_all();
    }
}

/// A raw table to load: the table, its Kaggle file and path, and the rows our parser read.
#[cfg(feature = "store")]
struct RawFile {
    table: &'static str,
    file: KaggleFile,
    path: PathBuf,
    rows: u64,
}

/// Everything a cold ingest writes to the store, done on a thread of its own so that `open`
/// returns as soon as the frames are clean.
#[cfg(feature = "store")]
struct StoreJob {
    recipes: DataFrame,
    interactions: DataFrame,
    interactions_train: Option<DataFrame>,
    absent_split_tables: Vec<&'static str>,
    raw_files: Vec<RawFile>,
    report_json: String,
    fingerprint: String,
}

#[cfg(feature = "store")]
impl StoreJob {
    /// Starts the job on `store` (a connection of its own).
    fn spawn(self, store: Store, claim: StoreClaim) -> Result<std::thread::JoinHandle<Result<()>>> {
        let store_file = store.path().to_path_buf();
        std::thread::Builder::new()
            .name("store-writer".to_string())
            .spawn(move || {
                let _claim = claim;
                let started = Instant::now();
                let outcome = self.run(&store);
                match &outcome {
                    Ok(()) => tracing::info!(
                        seconds = started.elapsed().as_secs_f64(),
                        store = %store.path().display(),
                        "store written"
                    ),
                    Err(error) => tracing::error!(%error, "writing the store failed"),
                }
                outcome
            })
            .map_err(|source| CoreError::Io {
                action: "start the store writer for",
                path: store_file,
                source,
            })
    }

    /// One transaction: cleaned tables, item views, raw tables (DuckDB's CSV reader, row counts
    /// checked against our parser's), the report, and last the fingerprint; then a checkpoint
    /// and the Arrow copy of the frames. An interrupted job leaves no fingerprint, so the next
    /// open ingests again.
    fn run(&self, store: &Store) -> Result<()> {
        store.begin()?;
        store.set_meta("fingerprint", "")?;
        store.write_table("recipes", &self.recipes)?;
        store.write_table("interactions", &self.interactions)?;
        if let Some(train) = &self.interactions_train {
            store.write_table("interactions_train", train)?;
        }
        // A table left by an earlier ingest of a source that had the file would be stale.
        for table in &self.absent_split_tables {
            store.drop_table(table)?;
        }
        for (view, item, list) in EXPLODED_VIEWS {
            store.drop_table(view)?;
            store.create_view(
                view,
                &format!("SELECT id AS recipe_id, unnest({list}) AS {item} FROM recipes"),
            )?;
        }
        for raw in &self.raw_files {
            let rows = store.import_csv(raw.table, raw.file, &raw.path)?;
            if rows != raw.rows {
                return Err(CoreError::InvalidParameter {
                    name: "raw table",
                    message: format!(
                        "DuckDB's CSV reader read {rows} rows from {}, our parser {}: the store \
                         was not written",
                        raw.path.display(),
                        raw.rows
                    ),
                });
            }
        }
        store.set_meta("cleaning_report", &self.report_json)?;
        store.set_meta("fingerprint", &self.fingerprint)?;
        store.commit()?;
        // Fold the write-ahead log into the file, so the file alone is the whole store (it can
        // be copied or published) and the next open does not replay the log.
        store.checkpoint()?;
        // The copy only speeds up the next opens: a failure is logged, not fatal.
        if let Err(error) = frames_cache::write(
            &frames_cache::dir_of(store.path()),
            &self.fingerprint,
            &[
                ("recipes", &self.recipes),
                ("interactions", &self.interactions),
            ],
        ) {
            tracing::warn!(%error, "could not write the frame copy; the next open reads the store");
        }
        Ok(())
    }
}

/// Puts the recipes' list columns back in their place (the cleaned schema: `tags`, then
/// `ingredients`, after the nutrition columns).
#[cfg(feature = "store")]
fn assemble_recipes(
    scalars: DataFrame,
    tags: &DataFrame,
    ingredients: &DataFrame,
) -> Result<DataFrame> {
    let context = || "assembling the stored recipes".to_string();
    let mut columns = scalars.columns().to_vec();
    let at = columns
        .iter()
        .position(|c| c.name().as_str() == "avg_step_length")
        .unwrap_or(columns.len());
    for (offset, part) in [tags, ingredients].into_iter().enumerate() {
        let column =
            part.columns()
                .first()
                .cloned()
                .ok_or_else(|| CoreError::InvalidParameter {
                    name: "store",
                    message: "a list column of the recipes came back empty".to_string(),
                })?;
        columns.insert(at + offset, column);
    }
    DataFrame::new(scalars.height(), columns).frame_context(context)
}

/// Whether DuckDB refused to open the file because another process holds its lock.
#[cfg(feature = "store")]
fn is_lock_conflict(error: &duckdb::Error) -> bool {
    let message = error.to_string();
    message.contains("lock") || message.contains("Conflicting")
}

fn required(source: &DataSource, file: KaggleFile) -> Result<PathBuf> {
    source.file(file).ok_or_else(|| CoreError::MissingFile {
        dir: source.dir(),
        file: file.file_name(),
    })
}

/// One row per list item: (`recipe_id`, `item_name`).
fn explode_items(recipes: &DataFrame, list_column: &str, item_name: &str) -> Result<DataFrame> {
    let context = || format!("exploding {list_column}");
    let mut exploded = recipes
        .select(["id", list_column])
        .frame_context(context)?
        .explode(
            [list_column],
            ExplodeOptions {
                empty_as_null: false,
                keep_nulls: false,
            },
        )
        .frame_context(context)?;
    exploded
        .rename("id", "recipe_id".into())
        .frame_context(context)?;
    exploded
        .rename(list_column, item_name.into())
        .frame_context(context)?;
    Ok(exploded)
}

/// Fingerprint of the sources and options: file names, sizes and modification times, the
/// cleaning parameters, and the store schema version.
#[cfg(feature = "store")]
fn fingerprint(source: &DataSource, options: &OpenOptions) -> Result<String> {
    let mut files = Vec::new();
    for file in KaggleFile::ALL {
        if let Some(path) = source.file(file) {
            let metadata = std::fs::metadata(&path).map_err(|source| CoreError::Io {
                action: "read",
                path: path.clone(),
                source,
            })?;
            let modified = metadata
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            files.push(format!(
                "{}:{}:{}",
                file.file_name(),
                metadata.len(),
                modified
            ));
        }
    }
    let cleaning = serde_json::to_string(&options.cleaning).unwrap_or_default();
    Ok(format!(
        "v{STORE_SCHEMA_VERSION};{};{cleaning}",
        files.join(";")
    ))
}

/// The default store file of a source: one file per source folder under the cache folder.
#[cfg(feature = "store")]
fn default_store_path(source: &DataSource) -> Result<PathBuf> {
    let cache = crate::source::cache_root();
    let dir = source.dir();
    let canonical = dir.canonicalize().unwrap_or(dir);
    let name = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dataset".to_string());
    let key = fnv1a(canonical.to_string_lossy().as_bytes());
    Ok(cache
        .join("stores")
        .join(format!("{name}-{key:016x}.duckdb")))
}

/// FNV-1a hash, stable across runs and platforms (for store file names).
#[cfg(feature = "store")]
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
