//! Division-change events: retired divisions become historical versions, successors get
//! their start date, and each change is recorded with its predecessors and successors.

use std::collections::HashMap;

use crate::domain::{
    division_key, ChangeEvent, ChangeEventId, CodeRecord, CodeSystem, Division, DivisionCode,
    DivisionId, DivisionKind, Level, Source, Validity,
};
use crate::ingest::bundle::GB2260_VINTAGE;
use crate::ingest::changes::ChangeRow;

use super::ids::IdAllocator;
use super::report::ImportReport;
use super::ImportError;

/// Applies the rows of one change file (named `source` in keys) to `divisions`.
pub fn apply(
    source: &str,
    rows: Vec<ChangeRow>,
    divisions: &mut Vec<Division>,
    division_ids: &mut IdAllocator<String, DivisionId>,
    event_ids: &mut IdAllocator<String, ChangeEventId>,
    report: &mut ImportReport,
) -> Result<Vec<ChangeEvent>, ImportError> {
    let mut index: HashMap<DivisionCode, usize> = divisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.validity.is_current())
        .map(|(i, d)| (d.code.clone(), i))
        .collect();
    let mut events = Vec::new();
    for row in rows {
        let invalid = |what: String| ImportError::Invalid {
            what: format!("{source}, line {}: {what}", row.line),
        };
        let mut predecessors = Vec::new();
        for (code, name) in &row.predecessors {
            if row.continuing.contains(code) {
                let i = *index.get(code).ok_or_else(|| {
                    invalid(format!(
                        "continuing division {code} is not in the code list"
                    ))
                })?;
                predecessors.push(divisions[i].id);
                continue;
            }
            let parent_code = code
                .parent()
                .ok_or_else(|| invalid(format!("{code} has no parent")))?;
            let parent = index
                .get(&parent_code)
                .map(|i| divisions[*i].id)
                .ok_or_else(|| {
                    invalid(format!(
                        "parent {parent_code} of {code} is not in the code list"
                    ))
                })?;
            let validity = Validity::new(None, Some(row.effective_on));
            let id = division_ids.id(division_key(CodeSystem::Gb2260, code), DivisionId);
            divisions.push(Division {
                id,
                level: Level::County,
                name: name.clone(),
                code: code.clone(),
                codes: vec![CodeRecord {
                    code: code.clone(),
                    system: CodeSystem::Gb2260,
                    vintage: GB2260_VINTAGE.to_string(),
                    validity,
                }],
                parent: Some(parent),
                kind: DivisionKind::Regular,
                urban_rural: None,
                validity,
                source: Source::Real,
                geometry: None,
                geometry_source: None,
            });
            predecessors.push(id);
            report.historical_divisions += 1;
        }
        let mut successors = Vec::new();
        for (code, _name) in &row.successors {
            let i = *index
                .get(code)
                .ok_or_else(|| invalid(format!("successor {code} is not in the code list")))?;
            if !row.continuing.contains(code) {
                let d = &mut divisions[i];
                d.validity.valid_from = Some(row.effective_on);
                for c in d.codes.iter_mut().filter(|c| &c.code == code) {
                    c.validity.valid_from = Some(row.effective_on);
                }
            }
            successors.push(divisions[i].id);
        }
        inherit_geometry(&row, divisions, &predecessors, &successors);
        let key = format!("{source}:{}", row.line);
        events.push(ChangeEvent {
            id: event_ids.id(key.clone(), ChangeEventId),
            key,
            kind: row.kind,
            effective_on: row.effective_on,
            date_precision: row.precision,
            approval_doc: None,
            approver: None,
            predecessors,
            successors,
            note: row.note.clone(),
        });
        // Keep the index pointing at current versions only.
        index.retain(|_, i| divisions[*i].validity.is_current());
    }
    report.change_events += events.len();
    Ok(events)
}

/// A one-to-one change (撤县设区, 撤县设市) keeps the territory: the retired version
/// gets its successor's polygon. Merges and splits leave the old polygons unknown.
fn inherit_geometry(
    row: &ChangeRow,
    divisions: &mut [Division],
    preds: &[DivisionId],
    succs: &[DivisionId],
) {
    if preds.len() != 1 || succs.len() != 1 || !row.continuing.is_empty() {
        return;
    }
    let find = |id: DivisionId| divisions.iter().position(|d| d.id == id);
    if let (Some(p), Some(s)) = (find(preds[0]), find(succs[0])) {
        divisions[p].geometry = divisions[s].geometry.clone();
        divisions[p].geometry_source = divisions[s].geometry_source;
    }
}
