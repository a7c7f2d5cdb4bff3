//! 界线 boundary lines between adjacent divisions of one level, and 界桩 markers on
//! provincial and county lines.
//!
//! Lines come from the shared arcs of the level's polygons: all arcs between the same
//! two divisions form one line (a MultiLineString). Line numbers:
//! - provincial lines: the two province codes, smaller first (`3334`), unique nationally;
//! - other levels: a 4-digit sequence within the province of the party with the smaller
//!   code, so marker numbers on county lines are unique within a province (the marker's
//!   `scope`).

use std::collections::{BTreeMap, HashMap};

use geo::{Coord, LineString, MultiLineString, MultiPolygon};

use crate::domain::{
    BoundaryLine, BoundaryLineId, BoundaryMarker, BoundaryMarkerId, Division, DivisionId, Level,
    MarkerNumber, MarkerType, Source, Validity,
};
use crate::synth::markers::{length_m, place, with_vertices};
use crate::synth::rng::mix;
use crate::synth::topology::arcs;

use super::scope::Scope;

/// Base marker spacing on a straight line, metres, per line level.
pub fn marker_spacing_m(level: Level) -> Option<f64> {
    match level {
        Level::Province => Some(3_000.0),
        Level::County => Some(12_000.0),
        _ => None,
    }
}

/// Lines of one level and the tri-points where three or more of its divisions meet.
pub struct LevelLines {
    pub lines: Vec<BoundaryLine>,
    /// Tri-points: the point and the divisions meeting there (sorted by code).
    pub tripoints: Vec<(Coord<f64>, Vec<usize>)>,
}

/// Extracts the lines between `divisions` (all of one level); a line is kept when at
/// least one party is in `scope`. `next_id` numbers the lines.
pub fn lines_of_level(
    level: Level,
    divisions: &[&Division],
    scope: &Scope,
    next_id: &mut i64,
) -> LevelLines {
    let polygons: Vec<MultiPolygon<f64>> = divisions
        .iter()
        .map(|d| d.geometry.clone().unwrap_or_else(|| MultiPolygon(vec![])))
        .collect();
    let mut by_pair: BTreeMap<(usize, usize), Vec<LineString<f64>>> = BTreeMap::new();
    let mut node_faces: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for arc in arcs(&polygons) {
        let (a, Some(b)) = arc.faces else { continue };
        let (a, b) = if divisions[a].code <= divisions[b].code {
            (a, b)
        } else {
            (b, a)
        };
        if !scope.contains(&divisions[a].code) && !scope.contains(&divisions[b].code) {
            continue;
        }
        for end in [arc.coords.first(), arc.coords.last()]
            .into_iter()
            .flatten()
        {
            let faces = node_faces
                .entry((end.x.to_bits(), end.y.to_bits()))
                .or_default();
            for f in [a, b] {
                if !faces.contains(&f) {
                    faces.push(f);
                }
            }
        }
        by_pair
            .entry((a, b))
            .or_default()
            .push(LineString(arc.coords));
    }
    let mut per_province: HashMap<String, u32> = HashMap::new();
    let lines = by_pair
        .into_iter()
        .map(|((a, b), parts)| {
            let (da, db) = (divisions[a], divisions[b]);
            let line_no = if level == Level::Province {
                format!("{}{}", da.code, db.code)
            } else {
                let n = per_province
                    .entry(da.code.as_str()[..2].to_string())
                    .or_insert(0);
                *n += 1;
                format!("{:04}", *n)
            };
            let geometry = MultiLineString(parts);
            let length: f64 = geometry.0.iter().map(length_m).sum();
            *next_id += 1;
            let real = da.geometry_source == Some(Source::Real)
                && db.geometry_source == Some(Source::Real);
            BoundaryLine {
                id: BoundaryLineId(*next_id),
                line_no,
                level,
                parties: vec![da.id, db.id],
                length_m: (length * 10.0f64).round() / 10.0,
                geometry,
                validity: Validity::current(),
                source: if real {
                    Source::Real
                } else {
                    Source::Synthetic
                },
            }
        })
        .collect();
    let mut tripoints: Vec<(Coord<f64>, Vec<usize>)> = node_faces
        .into_iter()
        .filter(|(_, f)| f.len() >= 3)
        .map(|((x, y), mut f)| {
            f.sort_by(|p, q| divisions[*p].code.cmp(&divisions[*q].code));
            (
                Coord {
                    x: f64::from_bits(x),
                    y: f64::from_bits(y),
                },
                f,
            )
        })
        .collect();
    tripoints.sort_by(|a, b| a.0.x.total_cmp(&b.0.x).then(a.0.y.total_cmp(&b.0.y)));
    LevelLines { lines, tripoints }
}

const MATERIALS: [&str; 4] = ["花岗岩", "钢筋混凝土", "钢筋混凝土", "复合材料"];

/// Places markers on the lines of one level (provincial or county), with triple markers
/// (C/D/E) at tri-points. `divisions` are the level's divisions as passed to
/// [`lines_of_level`].
pub fn markers_of_level(
    level: Level,
    lines: &mut LevelLines,
    divisions: &[&Division],
    seed: u64,
    next_id: &mut i64,
) -> Vec<BoundaryMarker> {
    let Some(spacing) = marker_spacing_m(level) else {
        return Vec::new();
    };
    let by_id: HashMap<DivisionId, &Division> = divisions.iter().map(|d| (d.id, *d)).collect();
    let scope_of = |l: &BoundaryLine| match level {
        Level::Province => "national".to_string(),
        _ => by_id
            .get(&l.parties[0])
            .map_or_else(String::new, |d| d.code.as_str()[..2].to_string()),
    };
    let mut out = Vec::new();
    let mut last_seq: HashMap<i64, u16> = HashMap::new();
    let make = |line: &BoundaryLine,
                seq: u16,
                t: MarkerType,
                at: Coord<f64>,
                keeper: DivisionId,
                next_id: &mut i64| {
        let Ok(number) = MarkerNumber::new(&line.line_no, seq, t) else {
            return None;
        };
        *next_id += 1;
        let h = mix(seed ^ (*next_id as u64));
        let year = 1996 + (h % 27) as i32;
        Some(BoundaryMarker {
            id: BoundaryMarkerId(*next_id),
            scope: scope_of(line),
            number,
            line: line.id,
            agreed_position: at.into(),
            material: Some(MATERIALS[(h >> 8) as usize % MATERIALS.len()].to_string()),
            year_set: Some(year),
            maintainer: Some(keeper),
            installed_on: chrono::NaiveDate::from_ymd_opt(year, 1 + (h >> 16) as u32 % 12, 1),
            source: Source::Synthetic,
        })
    };
    for line in lines.lines.iter_mut() {
        let mut seq = 0u16;
        let mut parts = Vec::with_capacity(line.geometry.0.len());
        for part in &line.geometry.0 {
            let room = usize::from(999 - seq);
            let placed: Vec<_> = place(part, spacing).into_iter().take(room).collect();
            parts.push(with_vertices(part, &placed));
            for p in placed {
                seq += 1;
                let at = p.position.0;
                if p.pair {
                    out.extend(make(line, seq, MarkerType::A, at, line.parties[0], next_id));
                    out.extend(make(line, seq, MarkerType::B, at, line.parties[1], next_id));
                } else {
                    let keeper = line.parties[usize::from(seq % 2 == 0)];
                    out.extend(make(line, seq, MarkerType::Q, at, keeper, next_id));
                }
            }
        }
        line.geometry = MultiLineString(parts);
        last_seq.insert(line.id.0, seq);
    }
    // Triple markers: numbered on the line between the two smallest-coded parties.
    let line_of: HashMap<(DivisionId, DivisionId), &BoundaryLine> = lines
        .lines
        .iter()
        .map(|l| ((l.parties[0], l.parties[1]), l))
        .collect();
    for (at, faces) in &lines.tripoints {
        let ids: Vec<DivisionId> = faces.iter().take(3).map(|f| divisions[*f].id).collect();
        let Some(line) = line_of.get(&(ids[0], ids[1])) else {
            continue;
        };
        let seq = last_seq.entry(line.id.0).or_insert(0);
        if *seq >= 999 {
            continue;
        }
        *seq += 1;
        for (t, keeper) in [MarkerType::C, MarkerType::D, MarkerType::E]
            .into_iter()
            .zip(&ids)
        {
            out.extend(make(line, *seq, t, *at, *keeper, next_id));
        }
    }
    out
}
