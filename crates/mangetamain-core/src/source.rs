//! Where the Kaggle files come from.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use mangetamain_format::KaggleFile;

/// A source of Kaggle files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataSource {
    /// The small generated sample shipped in `data/sample/` (the default everywhere).
    BundledSample,
    /// A local folder holding the Kaggle files (at least RAW_recipes.csv and RAW_interactions.csv).
    LocalDir(PathBuf),
}

impl Default for DataSource {
    fn default() -> Self {
        DataSource::BundledSample
    }
}

impl DataSource {
    /// The folder of the bundled sample (inside this source checkout).
    pub fn bundled_sample_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/sample")
    }

    /// The local folder holding the files.
    pub fn dir(&self) -> PathBuf {
        match self {
            DataSource::BundledSample => Self::bundled_sample_dir(),
            DataSource::LocalDir(dir) => dir.clone(),
        }
    }

    /// A short description for logs and the web app ("bundled sample", or the folder).
    pub fn describe(&self) -> String {
        match self {
            DataSource::BundledSample => "bundled sample (data/sample)".to_string(),
            DataSource::LocalDir(dir) => dir.display().to_string(),
        }
    }

    /// The path of one Kaggle file in this source, if it exists.
    pub fn file(&self, file: KaggleFile) -> Option<PathBuf> {
        let path = self.dir().join(file.file_name());
        path.is_file().then_some(path)
    }
}

impl From<&Path> for DataSource {
    fn from(dir: &Path) -> Self {
        DataSource::LocalDir(dir.to_path_buf())
    }
}
