//! What the server holds: the source, the loaded dataset with its prepared tables, and the
//! caches of computed results and rendered pages (defaults precomputed at load time).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Instant;

use axum::body::Bytes;

use mangetamain_analyses::overview::dataset_overview;
use mangetamain_analyses::ratings::{RatingPopulation, RatingTable};
use mangetamain_analyses::recipe_table::RecipeTable;
use mangetamain_core::{DataSource, Dataset};
use mangetamain_viz::Lang;
use rayon::prelude::*;

use crate::html::{frame, Status};
use crate::memo::Memo;
use crate::pages::render;
use crate::params::{Limits, Page, Settings};
use crate::topics::{compute, ComputeError, OverviewResults, Tables, TopicResults};

/// Cached entries kept per cache before it is cleared (non-default settings are cheap to
/// recompute; the defaults are recomputed on the next request).
const CACHE_LIMIT: usize = 512;

/// A loaded dataset and everything derived from it.
pub struct Loaded {
    /// The dataset (store, frames, report).
    pub dataset: Dataset,
    recipes: RecipeTable,
    ratings: RatingTable,
    train: OnceLock<Option<RatingTable>>,
    overview: OverviewResults,
    /// Validation limits of the query parameters.
    pub limits: Limits,
    /// Sidebar status.
    pub status: Status,
    /// Seconds from the start of the load to ready (defaults precomputed).
    pub load_seconds: f64,
    /// Page results, keyed by the settings without the display-only switches.
    results: Mutex<HashMap<Settings, Arc<TopicResults>>>,
    /// Single analysis results, keyed by the settings each depends on.
    memo: Memo,
    pages: Mutex<HashMap<(Settings, Lang), Bytes>>,
}

impl Loaded {
    /// Opens the dataset, prepares the tables and precomputes every page with default settings
    /// in both languages.
    pub fn load(source: DataSource) -> Result<Loaded, String> {
        let start = Instant::now();
        let s3 = matches!(source, DataSource::S3 { .. });
        let dataset = Dataset::open(source).map_err(|e| e.to_string())?;
        let opened = start.elapsed().as_secs_f64();
        let (recipes, ratings) = rayon::join(
            || RecipeTable::from_dataset(&dataset),
            || RatingTable::from_dataset(&dataset, RatingPopulation::All),
        );
        let recipes = recipes.map_err(|e| e.to_string())?;
        let ratings = ratings.map_err(|e| e.to_string())?;
        // The train split (read from the store) is prepared when a page first asks for it.
        let train = OnceLock::new();
        let prepared = start.elapsed().as_secs_f64();
        let overview = OverviewResults {
            overview: dataset_overview(&dataset).map_err(|e| e.to_string())?,
            cleaning_report: dataset.cleaning_report().clone(),
        };
        let years = {
            let recipe_years = recipes.years().iter().chain(ratings.years());
            let (lo, hi) =
                recipe_years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(*y), hi.max(*y)));
            if lo > hi {
                (0, 0)
            } else {
                (lo, hi)
            }
        };
        let status = Status {
            source: (!matches!(dataset.source(), DataSource::BundledSample))
                .then(|| dataset.source().describe()),
            recipes: recipes.len() as u64,
            interactions: ratings.len() as u64,
            s3: s3.then_some(true),
        };
        let loaded = Loaded {
            limits: Limits {
                years,
                has_train: dataset.has_interactions_train(),
            },
            dataset,
            recipes,
            ratings,
            train,
            overview,
            status,
            load_seconds: 0.0,
            results: Mutex::new(HashMap::new()),
            memo: Memo::default(),
            pages: Mutex::new(HashMap::new()),
        };
        // The results of every default page, computed in parallel, then each page rendered in
        // both languages (rendering both languages at once would compute each result twice).
        let message = |e| match e {
            ComputeError::Request(m) | ComputeError::Internal(m) => m,
        };
        Page::ALL
            .par_iter()
            .try_for_each(|page| loaded.results(&Settings::defaults(*page)).map(|_| ()))
            .map_err(message)?;
        let pages: Vec<(Page, Lang)> = Page::ALL
            .into_iter()
            .flat_map(|page| Lang::ALL.into_iter().map(move |lang| (page, lang)))
            .collect();
        pages
            .par_iter()
            .try_for_each(|(page, lang)| loaded.page(&Settings::defaults(*page), *lang).map(|_| ()))
            .map_err(message)?;
        let ready = start.elapsed().as_secs_f64();
        tracing::info!(
            open = opened,
            tables = prepared - opened,
            precompute = ready - prepared,
            total = ready,
            "dataset loaded (seconds per phase)"
        );
        Ok(Loaded {
            load_seconds: ready,
            ..loaded
        })
    }

    fn tables(&self, settings: &Settings) -> Tables<'_> {
        let train = if settings.train {
            self.train
                .get_or_init(|| {
                    RatingTable::from_dataset(&self.dataset, RatingPopulation::TrainSplit)
                        .map_err(|error| tracing::error!(%error, "preparing the train split"))
                        .ok()
                })
                .as_ref()
        } else {
            None
        };
        Tables {
            recipes: &self.recipes,
            ratings: &self.ratings,
            train,
            overview: &self.overview,
            memo: &self.memo,
        }
    }

    /// The results of a page for these settings (computed once, then from the cache).
    pub fn results(&self, settings: &Settings) -> Result<Arc<TopicResults>, ComputeError> {
        let settings = &settings.without_display_switches();
        if let Some(hit) = lock(&self.results).get(settings) {
            return Ok(hit.clone());
        }
        let computed = Arc::new(compute(&self.tables(settings), settings)?);
        let mut cache = lock(&self.results);
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(settings.clone(), computed.clone());
        Ok(computed)
    }

    /// The HTML of a page already rendered for these settings and language.
    pub fn cached_page(&self, settings: &Settings, lang: Lang) -> Option<Bytes> {
        lock(&self.pages).get(&(settings.clone(), lang)).cloned()
    }

    /// The full HTML of a page (rendered once per settings and language; the bytes are shared,
    /// not copied, by every response).
    pub fn page(&self, settings: &Settings, lang: Lang) -> Result<Bytes, ComputeError> {
        let key = (settings.clone(), lang);
        if let Some(hit) = lock(&self.pages).get(&key) {
            return Ok(hit.clone());
        }
        let results = self.results(settings)?;
        let (title, body) = render(&results, settings, lang, &self.limits);
        let html = Bytes::from(frame(
            Some(settings.page),
            lang,
            &settings.query(),
            Some(&self.status),
            &title,
            &body,
        ));
        let mut cache = lock(&self.pages);
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, html.clone());
        Ok(html)
    }
}

/// Locks a cache; a cache poisoned by a panic elsewhere is still usable (it only holds
/// complete entries).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The server's shared state.
pub struct Shared {
    /// Where the data comes from.
    pub source: DataSource,
    /// The loaded dataset, once ready.
    pub loaded: RwLock<Option<Arc<Loaded>>>,
    /// The last load error, if the load failed.
    pub load_error: RwLock<Option<String>>,
}

impl Shared {
    /// A state that has not loaded yet.
    pub fn new(source: DataSource) -> Arc<Shared> {
        Arc::new(Shared {
            source,
            loaded: RwLock::new(None),
            load_error: RwLock::new(None),
        })
    }

    /// The loaded dataset, if ready.
    pub fn current(&self) -> Option<Arc<Loaded>> {
        self.loaded
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Loads (or reloads) the dataset, blocking; on failure the previous dataset stays.
    pub fn reload(&self) -> Result<f64, String> {
        match Loaded::load(self.source.clone()) {
            Ok(loaded) => {
                let seconds = loaded.load_seconds;
                *self.loaded.write().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(loaded));
                *self.load_error.write().unwrap_or_else(|p| p.into_inner()) = None;
                Ok(seconds)
            }
            Err(error) => {
                *self.load_error.write().unwrap_or_else(|p| p.into_inner()) = Some(error.clone());
                Err(error)
            }
        }
    }
}
