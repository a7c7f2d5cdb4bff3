//! Reader for a GB/T 2260 county-level code list (`code,name`).

use std::path::Path;

use serde::Deserialize;

use crate::domain::DivisionCode;

use super::{file, IngestError};

/// One entry of a GB/T 2260 list.
#[derive(Debug, Clone, PartialEq)]
pub struct Gb2260Entry {
    pub code: DivisionCode,
    pub name: String,
}

#[derive(Deserialize)]
struct Row {
    code: String,
    name: String,
}

/// Reads a GB/T 2260 list; codes must be 6-digit county-level codes.
pub fn read(path: &Path) -> Result<Vec<Gb2260Entry>, IngestError> {
    let mut rdr = csv::Reader::from_reader(file::open(path)?);
    let mut out = Vec::new();
    for (i, row) in rdr.deserialize::<Row>().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| IngestError::row(path, line, e.to_string()))?;
        let code = DivisionCode::parse(&row.code)
            .map_err(|e| IngestError::row(path, line, e.to_string()))?;
        out.push(Gb2260Entry {
            code,
            name: row.name.trim().to_string(),
        });
    }
    Ok(out)
}
