//! Reader for curated division-change files (`data/changes/*.csv`, see its README).

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::{ChangeKind, DatePrecision, DivisionCode, Level};

use super::{file, IngestError};

/// One change as written in the file; codes are county-level.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    /// Line in the file, for keys and messages.
    pub line: usize,
    pub kind: ChangeKind,
    pub effective_on: NaiveDate,
    pub precision: DatePrecision,
    pub predecessors: Vec<(DivisionCode, String)>,
    pub successors: Vec<(DivisionCode, String)>,
    /// Codes present both before and after: the same division continues.
    pub continuing: Vec<DivisionCode>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
struct Row {
    kind: String,
    effective_on: String,
    date_precision: String,
    predecessors: String,
    successors: String,
    continuing: String,
    note: String,
}

fn units(s: &str) -> Result<Vec<(DivisionCode, String)>, String> {
    s.split(';')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(|u| {
            let (code, name) = u
                .split_once(' ')
                .ok_or_else(|| format!("{u:?} is not \"code name\""))?;
            let code = DivisionCode::parse_at(code, Level::County).map_err(|e| e.to_string())?;
            Ok((code, name.trim().to_string()))
        })
        .collect()
}

/// Reads a change file.
pub fn read(path: &Path) -> Result<Vec<ChangeRow>, IngestError> {
    let mut rdr = csv::Reader::from_reader(file::open(path)?);
    let mut out = Vec::new();
    for (i, row) in rdr.deserialize::<Row>().enumerate() {
        let line = i + 2;
        let bad = |m: String| IngestError::row(path, line, m);
        let r = row.map_err(|e| bad(e.to_string()))?;
        let kind =
            ChangeKind::parse(&r.kind).ok_or_else(|| bad(format!("unknown kind {:?}", r.kind)))?;
        let effective_on = NaiveDate::parse_from_str(&r.effective_on, "%Y-%m-%d")
            .map_err(|e| bad(format!("effective_on {:?}: {e}", r.effective_on)))?;
        let precision = DatePrecision::parse(&r.date_precision).ok_or_else(|| {
            bad(format!(
                "date_precision {:?}: use day or approx",
                r.date_precision
            ))
        })?;
        let predecessors = units(&r.predecessors).map_err(&bad)?;
        let successors = units(&r.successors).map_err(&bad)?;
        if predecessors.is_empty() || successors.is_empty() {
            return Err(bad("an event needs predecessors and successors".into()));
        }
        let continuing = r
            .continuing
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| DivisionCode::parse_at(c, Level::County).map_err(|e| bad(e.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(ChangeRow {
            line,
            kind,
            effective_on,
            precision,
            predecessors,
            successors,
            continuing,
            note: Some(r.note).filter(|n| !n.is_empty()),
        });
    }
    Ok(out)
}
