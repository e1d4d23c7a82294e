//! A copy of the cleaned recipes and interactions in Arrow IPC files beside the DuckDB store, so
//! that a warm open hands polars its frames without converting DuckDB's result vectors to Arrow
//! (the store stays the source of truth and the SQL engine). File names carry a hash of the
//! store's fingerprint, so a reader only ever opens files made for its own fingerprint; a
//! missing or unreadable copy is ignored and rebuilt from the store. Several processes (or
//! test threads) may write the same copy at once: each writes its own temporary file and
//! renames it into place atomically.

use std::fs::File;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::error::{CoreError, Result};

/// The folder of the frame files of a store.
pub(crate) fn dir_of(store_path: &Path) -> PathBuf {
    let mut name = store_path.as_os_str().to_owned();
    name.push(".frames");
    PathBuf::from(name)
}

/// The file of one frame for one fingerprint (FNV-1a 64 of the fingerprint in the name).
fn file_of(dir: &Path, name: &str, fingerprint: &str) -> PathBuf {
    let hash = fingerprint.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    dir.join(format!("{name}-{hash:016x}.arrow"))
}

fn io_error<'a>(
    action: &'static str,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> CoreError + 'a {
    move |source| CoreError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Writes the frames (each written to a temporary file of its own and renamed into place, so
/// a reader never sees a half-written file and a process reading older files keeps them), then
/// removes the copies made for other fingerprints.
pub(crate) fn write(dir: &Path, fingerprint: &str, frames: &[(&str, &DataFrame)]) -> Result<()> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static WRITES: AtomicU64 = AtomicU64::new(0);
    std::fs::create_dir_all(dir).map_err(io_error("create", dir))?;
    let mut kept = Vec::new();
    for (name, frame) in frames {
        let path = file_of(dir, name, fingerprint);
        let part = dir.join(format!(
            "{name}.{}-{}.part",
            std::process::id(),
            WRITES.fetch_add(1, Ordering::Relaxed)
        ));
        let mut file = File::create(&part).map_err(io_error("create", &part))?;
        IpcWriter::new(&mut file)
            .finish(&mut (*frame).clone())
            .map_err(|source| CoreError::Frame {
                context: format!("writing {}", part.display()),
                source,
            })?;
        file.sync_all().map_err(io_error("sync", &part))?;
        std::fs::rename(&part, &path).map_err(io_error("rename", &part))?;
        kept.push(path);
    }
    // Copies of other fingerprints are stale; a process still mapping one keeps its inode.
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "arrow") && !kept.contains(&path) {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    Ok(())
}

/// Reads the frames made for `fingerprint`, in parallel; `None` when one is missing.
pub(crate) fn read(dir: &Path, fingerprint: &str, names: &[&str]) -> Option<Vec<DataFrame>> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = names
            .iter()
            .map(|name| {
                let path = file_of(dir, name, fingerprint);
                scope.spawn(move || -> Option<DataFrame> {
                    let file = File::open(&path).ok()?;
                    // SAFETY: the mapped file is never modified in place: `write` creates a new
                    // file and renames it over the old one, so a mapping keeps the old inode's
                    // bytes. Only an outside tool truncating the file while it is mapped could
                    // break this, as for any memory-mapped cache.
                    let reader = unsafe { IpcReader::new(file).memory_mapped(Some(path.clone())) };
                    match reader.finish() {
                        Ok(frame) => Some(frame),
                        Err(error) => {
                            tracing::warn!(path = %path.display(), %error, "unreadable frame copy, reading the store");
                            None
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    })
}
