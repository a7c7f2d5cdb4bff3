//! 数据包 the layout of a dataset directory (the bundled `data/` or any like it).
//!
//! ```text
//! nbs-2023/{provinces,cities,areas,streets,villages}.csv[.gz]   required
//! boundaries/{province,city,district}.geojson[.gz]             optional
//! gbt2260-2021-counties.csv[.gz]                              optional
//! geonames-cn-places.csv[.gz]                                 optional
//! changes/*.csv[.gz]                                          optional
//! ```

use std::path::{Path, PathBuf};

use crate::domain::Level;

use super::{file, IngestError};

/// A dataset directory.
#[derive(Debug, Clone)]
pub struct Bundle {
    dir: PathBuf,
}

/// NBS vintage of the bundled code lists (cut-off 2023-06-30).
pub const NBS_VINTAGE: &str = "2023";
/// Vintage of the bundled GB/T 2260 county list.
pub const GB2260_VINTAGE: &str = "2021-01";

impl Bundle {
    /// Checks that `dir` holds at least the NBS province list.
    pub fn open(dir: &Path) -> Result<Self, IngestError> {
        let b = Bundle {
            dir: dir.to_path_buf(),
        };
        let probe = b.nbs_dir().join("provinces.csv");
        if !file::exists(&probe) {
            return Err(IngestError::Missing(probe));
        }
        Ok(b)
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Directory of the NBS code lists.
    pub fn nbs_dir(&self) -> PathBuf {
        self.dir.join("nbs-2023")
    }

    /// Polygon files that exist, with the level of their polygons, top level first.
    pub fn boundary_files(&self) -> Vec<(Level, PathBuf)> {
        [
            (Level::Province, "province"),
            (Level::Prefecture, "city"),
            (Level::County, "district"),
        ]
        .into_iter()
        .map(|(l, s)| (l, self.dir.join("boundaries").join(format!("{s}.geojson"))))
        .filter(|(_, p)| file::exists(p))
        .collect()
    }

    /// The GB/T 2260 list, if present.
    pub fn gb2260(&self) -> Option<PathBuf> {
        Some(self.dir.join("gbt2260-2021-counties.csv")).filter(|p| file::exists(p))
    }

    /// Curated division-change files, in name order.
    pub fn change_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.join("changes"))
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        let n = p.to_string_lossy();
                        n.ends_with(".csv") || n.ends_with(".csv.gz")
                    })
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }

    /// The GeoNames extract, if present.
    pub fn geonames(&self) -> Option<PathBuf> {
        Some(self.dir.join("geonames-cn-places.csv")).filter(|p| file::exists(p))
    }
}
