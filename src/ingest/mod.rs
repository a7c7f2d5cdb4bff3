//! Readers for source files: the NBS code lists, GB/T 2260 lists, division polygons
//! (GeoJSON) and GeoNames places. They parse and validate; they never write.

pub mod boundaries;
pub mod bundle;
pub mod changes;
pub mod file;
pub mod gb2260;
pub mod geonames;
pub mod nbs;

use std::path::{Path, PathBuf};

/// Why a source file could not be read. Row errors carry the file and line.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("file not found: {0} (nor {0}.gz)")]
    Missing(PathBuf),
    #[error("cannot read {0}: {1}")]
    Io(PathBuf, #[source] std::io::Error),
    #[error("{file}, line {line}: {message}")]
    Row {
        file: PathBuf,
        line: usize,
        message: String,
    },
}

impl IngestError {
    pub(crate) fn row(file: &Path, line: usize, message: String) -> Self {
        IngestError::Row {
            file: file.to_path_buf(),
            line,
            message,
        }
    }
}
