//! Where the Kaggle files come from.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use mangetamain_format::KaggleFile;

#[cfg(feature = "s3")]
use crate::s3::{S3Config, S3Location};

/// A source of Kaggle files.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum DataSource {
    /// The small generated sample shipped in `data/sample/` (the default everywhere).
    #[default]
    BundledSample,
    /// A local folder holding the Kaggle files (at least RAW_recipes.csv and RAW_interactions.csv).
    LocalDir(PathBuf),
    /// A bucket/prefix on an S3-compatible server; files are downloaded into a local cache
    /// (keyed by ETag and size) when the dataset is opened (cargo feature `s3`).
    #[cfg(feature = "s3")]
    S3 {
        /// `s3://bucket/prefix`.
        location: S3Location,
        /// Endpoint, region, credentials and cache settings.
        config: S3Config,
    },
}

impl DataSource {
    /// The folder of the bundled sample, found at run time: `$MANGETAMAIN_SAMPLE_DIR` when set,
    /// else the first `data/sample` holding `RAW_recipes.csv` in the current directory or one of
    /// its parents (a notebook or binary started inside the checkout), else the checkout this
    /// crate was compiled from (which may have moved since: the error then names that path).
    pub fn bundled_sample_dir() -> PathBuf {
        if let Some(dir) = std::env::var_os("MANGETAMAIN_SAMPLE_DIR") {
            return PathBuf::from(dir);
        }
        let holds_sample = |dir: &std::path::Path| dir.join("RAW_recipes.csv").is_file();
        if let Ok(current) = std::env::current_dir() {
            if let Some(found) = current
                .ancestors()
                .map(|dir| dir.join("data").join("sample"))
                .find(|dir| holds_sample(dir))
            {
                return found;
            }
        }
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/sample")
    }

    /// The local folder holding the files (for S3: the download cache).
    pub fn dir(&self) -> PathBuf {
        match self {
            DataSource::BundledSample => Self::bundled_sample_dir(),
            DataSource::LocalDir(dir) => dir.clone(),
            #[cfg(feature = "s3")]
            DataSource::S3 { location, config } => config
                .cache_dir
                .clone()
                .unwrap_or_else(|| crate::s3::default_cache_dir(location)),
        }
    }

    /// A short description for logs and the web app ("bundled sample", or the folder).
    pub fn describe(&self) -> String {
        match self {
            DataSource::BundledSample => "bundled sample (data/sample)".to_string(),
            DataSource::LocalDir(dir) => dir.display().to_string(),
            #[cfg(feature = "s3")]
            DataSource::S3 { location, config } => {
                format!("{location} ({})", config.endpoint_label())
            }
        }
    }

    /// The path of one Kaggle file in this source, if it exists.
    pub fn file(&self, file: KaggleFile) -> Option<PathBuf> {
        let path = self.dir().join(file.file_name());
        path.is_file().then_some(path)
    }
}

/// The root folder of caches and stores: `$MANGETAMAIN_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/mangetamain`, else `~/.cache/mangetamain`.
pub fn cache_root() -> PathBuf {
    std::env::var_os("MANGETAMAIN_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("mangetamain"))
        })
        .or_else(|| std::env::var_os("HOME").map(|d| PathBuf::from(d).join(".cache/mangetamain")))
        .unwrap_or_else(|| std::env::temp_dir().join("mangetamain"))
}

impl From<&Path> for DataSource {
    fn from(dir: &Path) -> Self {
        DataSource::LocalDir(dir.to_path_buf())
    }
}
