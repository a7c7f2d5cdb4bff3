//! Reader for the NBS 统计用区划代码 lists (provinces.csv … villages.csv).
//!
//! Each file has a header with at least `code` and `name`. Codes are validated as
//! [`DivisionCode`]s and must have the length of the file's level.

use std::path::Path;

use serde::Deserialize;

use crate::domain::{DivisionCode, Level};

use super::{file, IngestError};

/// One unit of the statistical code list.
#[derive(Debug, Clone, PartialEq)]
pub struct NbsUnit {
    pub code: DivisionCode,
    pub name: String,
}

#[derive(Deserialize)]
struct Row {
    code: String,
    name: String,
}

/// File stem of each level in the NBS directory.
pub fn file_stem(level: Level) -> &'static str {
    match level {
        Level::Province => "provinces",
        Level::Prefecture => "cities",
        Level::County => "areas",
        Level::Township => "streets",
        Level::Village => "villages",
    }
}

/// Reads the units of one level from `dir` (`provinces.csv[.gz]` …).
pub fn read_level(dir: &Path, level: Level) -> Result<Vec<NbsUnit>, IngestError> {
    let path = dir.join(format!("{}.csv", file_stem(level)));
    let mut rdr = csv::Reader::from_reader(file::open(&path)?);
    let mut out = Vec::new();
    for (i, row) in rdr.deserialize::<Row>().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| IngestError::row(&path, line, e.to_string()))?;
        let code = DivisionCode::parse_at(&row.code, level).map_err(|e| {
            IngestError::row(
                &path,
                line,
                format!("{e} (in the {} file)", level.name_en()),
            )
        })?;
        let name = row.name.trim().to_string();
        if name.is_empty() {
            return Err(IngestError::row(&path, line, "empty name".into()));
        }
        out.push(NbsUnit { code, name });
    }
    Ok(out)
}
