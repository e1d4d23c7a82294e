//! Results of single analyses, kept per loaded dataset and keyed by the settings each analysis
//! depends on: a page whose `top` changed recomputes its item lists but not its yearly or
//! seasonal statistics, which depend on the year range only.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Entries kept before the memo is cleared (each is a few kilobytes).
const MEMO_LIMIT: usize = 4096;

/// A memo of analysis results (one per loaded dataset).
#[derive(Default)]
pub struct Memo {
    entries: Mutex<HashMap<String, Arc<dyn Any + Send + Sync>>>,
}

impl Memo {
    /// The result stored under `key`, or `compute()`'s, stored for next time (errors are not
    /// stored). `key` must name the analysis and every setting its result depends on.
    pub fn get_or_compute<T, E>(
        &self,
        key: String,
        compute: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E>
    where
        T: Clone + Send + Sync + 'static,
    {
        let hit = self
            .lock()
            .get(&key)
            .cloned()
            .and_then(|value| value.downcast::<T>().ok());
        if let Some(hit) = hit {
            return Ok((*hit).clone());
        }
        let value = compute()?;
        let mut entries = self.lock();
        if entries.len() >= MEMO_LIMIT {
            entries.clear();
        }
        entries.insert(key, Arc::new(value.clone()));
        Ok(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<dyn Any + Send + Sync>>> {
        // A memo poisoned by a panic elsewhere only holds complete entries: still usable.
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_per_key_and_keeps_no_errors() {
        let memo = Memo::default();
        let mut calls = 0;
        let first: Result<u32, ()> = memo.get_or_compute("a".into(), || {
            calls += 1;
            Ok(7)
        });
        let second: Result<u32, ()> = memo.get_or_compute("a".into(), || {
            calls += 1;
            Ok(8)
        });
        assert_eq!((first, second, calls), (Ok(7), Ok(7), 1));
        let failed: Result<u32, &str> = memo.get_or_compute("b".into(), || Err("no"));
        assert_eq!(failed, Err("no"));
        let retried: Result<u32, &str> = memo.get_or_compute("b".into(), || Ok(3));
        assert_eq!(retried, Ok(3));
    }
}
