//! Property checks of a [`CountyTiling`], shared by tests and tools.
//!
//! Checks: counts, non-empty valid polygons without repeated consecutive
//! vertices, areas (cells sum to the county, townships to their villages),
//! identical shared edges (every non-county edge has exactly one reversed
//! twin in another polygon; every county edge is kept whole), townships
//! built from village edges, and optionally the overlap area of every pair
//! of neighbours (geo boolean ops; slow). Areas are planar degrees².

use std::collections::HashMap;

use geo::{Area, BooleanOps, Coord, MultiPolygon, Validation};

use super::{CountyTiling, TownshipSpec};

/// Outcome of [`check_tiling`]; `problems` lists human-readable failures.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Number of village polygons.
    pub villages: usize,
    /// Relative |Σ village area − county area| / county area.
    pub village_area_err: f64,
    /// Relative |Σ township area − county area| / county area.
    pub township_area_err: f64,
    /// Largest relative |township area − Σ its village areas|.
    pub union_area_err: f64,
    /// Largest neighbour-pair overlap area / county area (if computed).
    pub max_overlap: f64,
    /// Number of shared (interior) village edges seen.
    pub shared_edges: usize,
    /// Failures found.
    pub problems: Vec<String>,
}

impl Report {
    /// True when no property failed.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

type Key = (u64, u64);
type EdgeKey = (Key, Key);

fn key(c: Coord<f64>) -> Key {
    (c.x.to_bits(), c.y.to_bits())
}

/// Checks every property of `tiling` against `county` and `specs`.
pub fn check_tiling(
    county: &MultiPolygon<f64>,
    specs: &[TownshipSpec],
    tiling: &CountyTiling,
    overlaps: bool,
) -> Report {
    let mut r = Report::default();
    let county_area = county.unsigned_area();
    if tiling.townships.len() != specs.len() || tiling.villages.len() != specs.len() {
        r.problems.push("township count differs from specs".into());
        return r;
    }
    for (t, s) in specs.iter().enumerate() {
        if tiling.villages[t].len() != s.villages {
            r.problems
                .push(format!("township {t}: village count differs"));
        }
    }
    let villages: Vec<&MultiPolygon<f64>> = tiling.villages.iter().flatten().collect();
    let village_town: Vec<usize> = tiling
        .villages
        .iter()
        .enumerate()
        .flat_map(|(t, vs)| std::iter::repeat_n(t, vs.len()))
        .collect();
    r.villages = villages.len();
    // Cells: villages, plus townships without villages (they are cells too).
    let mut cells: Vec<&MultiPolygon<f64>> = villages.clone();
    for (t, vs) in tiling.villages.iter().enumerate() {
        if vs.is_empty() {
            cells.push(&tiling.townships[t]);
        }
    }
    for (name, layer) in [
        ("village", &cells),
        ("township", &tiling.townships.iter().collect()),
    ] {
        for (i, m) in layer.iter().enumerate() {
            polygon_checks(name, i, m, &mut r.problems);
        }
    }
    let cell_sum: f64 = cells.iter().map(|m| m.unsigned_area()).sum();
    let town_sum: f64 = tiling.townships.iter().map(|m| m.unsigned_area()).sum();
    r.village_area_err = (cell_sum - county_area).abs() / county_area;
    r.township_area_err = (town_sum - county_area).abs() / county_area;
    for (t, vs) in tiling.villages.iter().enumerate() {
        if vs.is_empty() {
            continue;
        }
        let a = tiling.townships[t].unsigned_area();
        let s: f64 = vs.iter().map(|m| m.unsigned_area()).sum();
        r.union_area_err = r
            .union_area_err
            .max((a - s).abs() / a.max(f64::MIN_POSITIVE));
    }
    for (what, err) in [
        ("village area sum", r.village_area_err),
        ("township area sum", r.township_area_err),
        ("township = union of villages", r.union_area_err),
    ] {
        if err > 1e-9 {
            r.problems.push(format!("{what}: relative error {err:e}"));
        }
    }
    let county_edges = county_edge_set(county);
    let (pairs, shared) = edge_checks("village", &cells, &county_edges, &mut r.problems);
    r.shared_edges = shared;
    edge_checks(
        "township",
        &tiling.townships.iter().collect::<Vec<_>>(),
        &county_edges,
        &mut r.problems,
    );
    // Township edges must be village edges of the same township.
    let mut vedge: HashMap<EdgeKey, usize> = HashMap::new();
    for (i, m) in villages.iter().enumerate() {
        for_each_edge(m, |a, b| {
            vedge.insert((key(a), key(b)), village_town[i]);
        });
    }
    for (t, m) in tiling.townships.iter().enumerate() {
        if tiling.villages[t].is_empty() {
            continue;
        }
        let mut bad = 0;
        for_each_edge(m, |a, b| {
            if vedge.get(&(key(a), key(b))) != Some(&t) {
                bad += 1;
            }
        });
        if bad > 0 {
            r.problems
                .push(format!("township {t}: {bad} edges not from its villages"));
        }
    }
    if overlaps {
        for (i, j) in pairs {
            let a = cells[i].intersection(cells[j]).unsigned_area() / county_area;
            r.max_overlap = r.max_overlap.max(a);
        }
        if r.max_overlap > 1e-12 {
            r.problems
                .push(format!("neighbour overlap {:e}", r.max_overlap));
        }
    }
    r
}

fn polygon_checks(name: &str, i: usize, m: &MultiPolygon<f64>, problems: &mut Vec<String>) {
    if m.0.is_empty() || m.unsigned_area() <= 0.0 {
        problems.push(format!("{name} {i}: empty"));
    }
    if !m.is_valid() {
        let why = m.validation_errors().first().map(|e| e.to_string());
        problems.push(format!("{name} {i}: invalid: {why:?}"));
    }
    for p in &m.0 {
        for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
            if ring.0.windows(2).any(|w| w[0] == w[1]) {
                problems.push(format!("{name} {i}: repeated consecutive vertex"));
            }
        }
    }
}

/// Calls `f(a, b)` for every ring edge of `m`.
fn for_each_edge(m: &MultiPolygon<f64>, mut f: impl FnMut(Coord<f64>, Coord<f64>)) {
    for p in &m.0 {
        for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
            for w in ring.0.windows(2) {
                f(w[0], w[1]);
            }
        }
    }
}

fn county_edge_set(county: &MultiPolygon<f64>) -> HashMap<EdgeKey, bool> {
    let mut set = HashMap::new();
    for_each_edge(county, |a, b| {
        if a != b {
            let (ka, kb) = (key(a), key(b));
            set.insert((ka.min(kb), ka.max(kb)), false);
        }
    });
    set
}

/// Shared-edge checks of one layer; returns neighbour pairs and the number
/// of shared edges.
fn edge_checks(
    name: &str,
    layer: &[&MultiPolygon<f64>],
    county_edges: &HashMap<EdgeKey, bool>,
    problems: &mut Vec<String>,
) -> (Vec<(usize, usize)>, usize) {
    let mut owner: HashMap<EdgeKey, usize> = HashMap::new();
    let mut dup = 0;
    for (i, m) in layer.iter().enumerate() {
        for_each_edge(m, |a, b| {
            if owner.insert((key(a), key(b)), i).is_some() {
                dup += 1;
            }
        });
    }
    let mut county_seen = county_edges.clone();
    let (mut unmatched, mut shared) = (0, 0);
    let mut pairs = Vec::new();
    for (&(a, b), &i) in &owner {
        match owner.get(&(b, a)) {
            Some(&j) if j != i => {
                shared += 1;
                if i < j {
                    pairs.push((i, j));
                }
            }
            Some(_) => unmatched += 1,
            None => match county_seen.get_mut(&(a.min(b), a.max(b))) {
                Some(seen) => *seen = true,
                None => unmatched += 1,
            },
        }
    }
    let missing = county_seen.values().filter(|s| !**s).count();
    for (what, n) in [
        ("duplicated directed edges", dup),
        ("edges neither shared nor on the county boundary", unmatched),
        ("county edges missing", missing),
    ] {
        if n > 0 {
            problems.push(format!("{name}: {n} {what}"));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    (pairs, shared / 2)
}
