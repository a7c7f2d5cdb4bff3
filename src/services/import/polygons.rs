//! Attaching boundary polygons to divisions, repairing invalid ones.
//!
//! Rules, in order:
//! 1. A polygon goes to the division with its code at the file's level.
//! 2. A polygon whose code is unknown goes to the one division of the same level, in the
//!    same prefecture (first 4 digits), with exactly the same name and no polygon yet:
//!    polygon files lag code changes (嘉峪关市 620200 → 620201, 米林县 540422 → 米林市
//!    540481). Each such match is reported.
//! 3. A division still without a polygon whose children all have one gets their union
//!    (市辖区 of the municipalities, 省直辖县级行政区划, 重庆 5001/5002).

use std::collections::HashMap;

use geo::{unary_union, MultiPolygon};

use crate::domain::geometry::{repair, Repair};
use crate::domain::{Division, DivisionKind, Level, Source};
use crate::ingest::boundaries::BoundaryFile;

use super::report::{ImportReport, Repaired, Unit};

/// Gives each division the polygon with its code; records what did not match.
pub fn attach(divisions: &mut [Division], files: Vec<BoundaryFile>, report: &mut ImportReport) {
    let index: HashMap<String, usize> = divisions
        .iter()
        .enumerate()
        .map(|(i, d)| (d.code.to_string(), i))
        .collect();
    for file in files {
        report.boundary_lines_skipped += file.lines_skipped;
        for p in file.polygons {
            let found = index
                .get(p.code.as_str())
                .copied()
                .or_else(|| same_name(divisions, &p.code, &p.name));
            let Some(i) = found else {
                report.polygons_without_codes.push(Unit {
                    code: p.code.to_string(),
                    name: p.name,
                });
                continue;
            };
            if divisions[i].code != p.code {
                report.polygons_matched_by_name.push((
                    Unit {
                        code: divisions[i].code.to_string(),
                        name: divisions[i].name.clone(),
                    },
                    p.code.to_string(),
                ));
            }
            let d = &mut divisions[i];
            if d.name != p.name {
                report.name_mismatches.push((
                    Unit {
                        code: d.code.to_string(),
                        name: d.name.clone(),
                    },
                    p.name.clone(),
                ));
            }
            let (geometry, what) = repair(p.geometry);
            if what != Repair::None {
                report.geometries_repaired.push(Repaired {
                    code: d.code.to_string(),
                    name: d.name.clone(),
                    what: match what {
                        Repair::Rebuilt { problem } => format!("rebuilt ({problem})"),
                        _ => "repeated vertices removed, rings oriented".into(),
                    },
                });
            }
            d.geometry = Some(geometry);
            d.geometry_source = Some(Source::Real);
        }
    }
    derive_from_children(divisions, report);
    for d in divisions
        .iter()
        .filter(|d| d.level <= Level::County && d.geometry.is_none())
    {
        if d.kind == DivisionKind::Regular {
            report.codes_without_polygons.push(Unit {
                code: d.code.to_string(),
                name: d.name.clone(),
            });
        } else if d.kind == DivisionKind::StatisticalZone {
            report.statistical_zones_without_polygons += 1;
        }
    }
}

/// Rule 2: the only same-level, same-prefecture division with this exact name and no
/// polygon yet.
fn same_name(
    divisions: &[Division],
    code: &crate::domain::DivisionCode,
    name: &str,
) -> Option<usize> {
    let prefix = &code.as_str()[..code.as_str().len().min(4)];
    let mut hits = divisions.iter().enumerate().filter(|(_, d)| {
        d.level == code.level()
            && d.geometry.is_none()
            && d.name == name
            && d.code.as_str().starts_with(prefix)
    });
    match (hits.next(), hits.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// Rule 3: union of the children's polygons, bottom-up (counties → prefectures →
/// provinces).
fn derive_from_children(divisions: &mut [Division], report: &mut ImportReport) {
    for level in [Level::Prefecture, Level::Province] {
        let mut children: HashMap<crate::domain::DivisionId, Vec<usize>> = HashMap::new();
        for (i, d) in divisions.iter().enumerate() {
            if let Some(p) = d.parent {
                children.entry(p).or_default().push(i);
            }
        }
        for i in 0..divisions.len() {
            let d = &divisions[i];
            if d.level != level || d.geometry.is_some() {
                continue;
            }
            let Some(kids) = children.get(&d.id) else {
                continue;
            };
            let parts: Option<Vec<&MultiPolygon<f64>>> = kids
                .iter()
                .map(|k| divisions[*k].geometry.as_ref())
                .collect();
            let Some(parts) = parts.filter(|p| !p.is_empty()) else {
                continue;
            };
            let union = unary_union(parts);
            report.polygons_derived.push(Unit {
                code: divisions[i].code.to_string(),
                name: divisions[i].name.clone(),
            });
            divisions[i].geometry = Some(union);
            divisions[i].geometry_source = Some(Source::Real);
        }
    }
}
