//! A copy of the cleaned recipes and interactions in Arrow IPC files beside the DuckDB store, so
//! that a warm open hands polars its frames without converting DuckDB's result vectors to Arrow
//! (the store stays the source of truth and the SQL engine). The files carry the store's
//! fingerprint; a missing, stale or unreadable copy is ignored and rebuilt from the store.

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

const FINGERPRINT_FILE: &str = "fingerprint";

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

/// Writes the frames and then the fingerprint (each file written aside and renamed into place,
/// so a reader never sees a half-written file, and a process that reads the old files keeps
/// them).
pub(crate) fn write(dir: &Path, fingerprint: &str, frames: &[(&str, &DataFrame)]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(io_error("create", dir))?;
    let stamp = dir.join(FINGERPRINT_FILE);
    // Invalidate first: a crash between here and the end leaves no valid-looking cache.
    match std::fs::remove_file(&stamp) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error("remove", &stamp)(e)),
    }
    for (name, frame) in frames {
        let path = dir.join(format!("{name}.arrow"));
        let part = dir.join(format!("{name}.arrow.part"));
        let mut file = File::create(&part).map_err(io_error("create", &part))?;
        IpcWriter::new(&mut file)
            .finish(&mut (*frame).clone())
            .map_err(|source| CoreError::Frame {
                context: format!("writing {}", part.display()),
                source,
            })?;
        file.sync_all().map_err(io_error("sync", &part))?;
        std::fs::rename(&part, &path).map_err(io_error("rename", &part))?;
    }
    std::fs::write(&stamp, fingerprint).map_err(io_error("write", &stamp))
}

/// Reads the frames, in parallel, when the copy matches `fingerprint`; `None` otherwise.
pub(crate) fn read(dir: &Path, fingerprint: &str, names: &[&str]) -> Option<Vec<DataFrame>> {
    let stamp = std::fs::read_to_string(dir.join(FINGERPRINT_FILE)).ok()?;
    if stamp != fingerprint {
        return None;
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = names
            .iter()
            .map(|name| {
                let path = dir.join(format!("{name}.arrow"));
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
