//! Adding GB/T 2260 code records to county-level divisions, and listing the codes that
//! changed between the GB/T 2260 vintage and the NBS list.

use std::collections::HashMap;

use crate::domain::{CodeRecord, CodeSystem, Division, DivisionKind, Level, Validity};
use crate::ingest::bundle::GB2260_VINTAGE;
use crate::ingest::gb2260::Gb2260Entry;

use super::report::{ImportReport, Unit};

/// Adds a GB2260 code record to each county whose code is in `entries`.
pub fn merge(divisions: &mut [Division], entries: &[Gb2260Entry], report: &mut ImportReport) {
    let listed: HashMap<&str, &Gb2260Entry> =
        entries.iter().map(|e| (e.code.as_str(), e)).collect();
    let mut seen = std::collections::HashSet::new();
    for d in divisions.iter_mut().filter(|d| d.level == Level::County) {
        match listed.get(d.code.as_str()) {
            Some(e) => {
                seen.insert(e.code.as_str().to_string());
                report.gb2260_matched += 1;
                d.codes.push(CodeRecord {
                    code: e.code.clone(),
                    system: CodeSystem::Gb2260,
                    vintage: GB2260_VINTAGE.to_string(),
                    validity: Validity::current(),
                });
            }
            None if d.kind == DivisionKind::Regular => report.gb2260_new.push(Unit {
                code: d.code.to_string(),
                name: d.name.clone(),
            }),
            None => {}
        }
    }
    report.gb2260_retired = entries
        .iter()
        .filter(|e| !seen.contains(e.code.as_str()))
        .map(|e| Unit {
            code: e.code.to_string(),
            name: e.name.clone(),
        })
        .collect();
}
