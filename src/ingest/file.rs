//! Opening bundled data files, transparently gunzipping `*.gz`.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::IngestError;

/// Opens `path`, or `path.gz` when only the compressed file exists.
pub fn open(path: &Path) -> Result<Box<dyn Read + Send>, IngestError> {
    let gz = gz_path(path);
    let (actual, compressed) = if path.exists() {
        (
            path.to_path_buf(),
            path.extension().is_some_and(|e| e == "gz"),
        )
    } else if gz.exists() {
        (gz, true)
    } else {
        return Err(IngestError::Missing(path.to_path_buf()));
    };
    let file = File::open(&actual).map_err(|e| IngestError::Io(actual.clone(), e))?;
    let reader = BufReader::with_capacity(1 << 16, file);
    Ok(if compressed {
        Box::new(flate2::read::GzDecoder::new(reader))
    } else {
        Box::new(reader)
    })
}

/// Reads a whole (possibly gzipped) file into a string.
pub fn read_to_string(path: &Path) -> Result<String, IngestError> {
    let mut s = String::new();
    open(path)?
        .read_to_string(&mut s)
        .map_err(|e| IngestError::Io(path.to_path_buf(), e))?;
    Ok(s)
}

/// Whether `path` or `path.gz` exists.
pub fn exists(path: &Path) -> bool {
    path.exists() || gz_path(path).exists()
}

fn gz_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".gz");
    PathBuf::from(s)
}
