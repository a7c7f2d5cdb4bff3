//! Synthetic township (乡级) and village (村级) polygons tiling a county.
//!
//! Coordinates are CGCS2000 longitude/latitude in degrees; areas in the
//! tests are degrees² (ratios only).
//!
//! # Algorithm
//!
//! 1. [`mesh`]: constrained Delaunay triangulation (spade, which geo 0.31
//!    itself uses) of the county rings; inside triangles by parity.
//! 2. [`seeds`]: one seed per cell (a township without villages counts as
//!    one cell), drawn inside the county with a density peaking at the seat.
//! 3. The county is re-triangulated with the seeds as extra vertices, and
//!    [`assign`] gives every mesh vertex to a seed by multi-source Dijkstra.
//! 4. [`townships`]: recursive bisection of the cell adjacency graph by
//!    geodesic balls groups the cells into townships of exact sizes, the
//!    early (urban, in NBS order) townships nearest the seat.
//! 5. [`pieces`]: each triangle is cut among its corners' cells along edge
//!    midpoints and centroids (a median dual, close to a Voronoi diagram of
//!    the seeds). Midpoints are shared between the two triangles of an edge
//!    and county edges are never split, so neighbours share identical
//!    vertices by construction and the county's vertices are all kept.
//! 6. [`rings`]: half-edges → rings → polygons. Townships are assembled from
//!    the same half-edges (those between villages of different townships),
//!    so a township is exactly the union of its villages.
//!
//! Why not clip a Voronoi diagram with boolean operations: independently
//! clipped neighbours get independently rounded intersection points and
//! need a fragile noding pass; here there is no floating-point intersection
//! at all, only midpoints and centroids computed once.
//!
//! Islands: seeds fall on islands in proportion to (density-weighted) area.
//! An island without a seed joins the cell owning the nearest shore (paths
//! across water cost 1000× their length), hence that cell's township.
//!
//! Caveats: cell boundaries follow the mesh, so they are polylines through
//! midpoints rather than straight Voronoi edges; cells near a county border
//! with dense vertices have many vertices. Invalid county rings (crossing
//! edges) are triangulated best-effort.

mod assign;
pub mod check;
mod mesh;
mod pieces;
mod rings;
mod seeds;
mod townships;

use geo::{Area, Coord, InteriorPoint, MultiPolygon, Point};

use self::seeds::Frame;
use crate::synth::detmath;
use crate::synth::rng::SplitMix64;

/// One township of the county, in NBS order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TownshipSpec {
    /// Number of villages (村级 units) of the township; may be 0.
    pub villages: usize,
}

/// Synthetic polygons of one county.
#[derive(Debug, Clone, PartialEq)]
pub struct CountyTiling {
    /// One multipolygon per township, same order as the specs.
    pub townships: Vec<MultiPolygon<f64>>,
    /// `villages[t][v]`: village `v` of township `t`.
    pub villages: Vec<Vec<MultiPolygon<f64>>>,
}

/// Why a county could not be tiled.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TilingError {
    /// The township list is empty.
    #[error("no townships to tile")]
    NoTownships,
    /// The county geometry cannot hold the cells.
    #[error("degenerate county: {0}")]
    Degenerate(&'static str),
    /// The triangulation failed.
    #[error("triangulation failed: {0}")]
    Triangulation(String),
    /// Internal inconsistency while assembling rings (a bug).
    #[error("topology error: {0}")]
    Topology(&'static str),
    /// A cell came out empty (a bug).
    #[error("empty cell: township {township}, village {village:?}")]
    EmptyCell {
        /// Township index.
        township: usize,
        /// Village index within the township, if a village.
        village: Option<usize>,
    },
}

/// Tiles `county` into townships and villages.
///
/// `seat` is where cells are densest (default: an interior point of the
/// largest polygon). The same inputs and `seed` always give the same output.
pub fn tile_county(
    county: &MultiPolygon<f64>,
    seat: Option<Point<f64>>,
    townships: &[TownshipSpec],
    seed: u64,
) -> Result<CountyTiling, TilingError> {
    if townships.is_empty() {
        return Err(TilingError::NoTownships);
    }
    let rings: Vec<Vec<Coord<f64>>> = county
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(|r| r.0.clone())
        .collect();
    let (mesh0, _) = mesh::Mesh::build(&rings, &[])?;
    let area: f64 = (0..mesh0.tris.len()).map(|t| mesh0.tri_area(t)).sum();
    let seat = match seat {
        Some(p) => p.0,
        None => default_seat(county).ok_or(TilingError::Degenerate("no interior point"))?,
    };
    let kx = detmath::cos(detmath::radians(seat.y)).max(0.05);
    let frame = Frame {
        seat,
        kx,
        radius: (area * kx / std::f64::consts::PI).sqrt().max(1e-9),
    };
    let quotas: Vec<usize> = townships.iter().map(|t| t.villages.max(1)).collect();
    let n_cells: usize = quotas.iter().sum();
    let mut rng = SplitMix64::derive(seed, 0x7469_6c69_6e67);
    let seed_pts = seeds::sample(&mesh0, n_cells, &frame, &mut rng)?;
    drop(mesh0);

    let (mesh, ids) = mesh::Mesh::build(&rings, &seed_pts)?;
    let sources: Vec<(u32, u32)> = ids
        .iter()
        .enumerate()
        .map(|(s, &v)| (v, s as u32))
        .collect();
    let seed_owner = assign::grow(&mesh, &sources, kx);
    let groups = townships::partition(&mesh, &seed_owner, &seed_pts, &quotas, &frame);
    // Renumber cells township by township (seed index -> cell index).
    let mut cell_of_seed = vec![0u32; n_cells];
    let mut cell_town = Vec::with_capacity(n_cells);
    for (t, g) in groups.iter().enumerate() {
        for &s in g {
            cell_of_seed[s as usize] = cell_town.len() as u32;
            cell_town.push(t as u32);
        }
    }
    let owner: Vec<u32> = seed_owner
        .iter()
        .map(|&s| cell_of_seed[s as usize])
        .collect();
    let (coords, mut edges) = pieces::boundaries(&mesh, &owner);
    let mut town_edges: Vec<pieces::HalfEdge> = edges
        .iter()
        .filter(|h| {
            h.right == assign::NONE || cell_town[h.left as usize] != cell_town[h.right as usize]
        })
        .map(|h| pieces::HalfEdge {
            left: cell_town[h.left as usize],
            right: if h.right == assign::NONE {
                assign::NONE
            } else {
                cell_town[h.right as usize]
            },
            ..*h
        })
        .collect();
    let cells = rings::assemble(&coords, &mut edges, n_cells)?;
    let towns = rings::assemble(&coords, &mut town_edges, townships.len())?;

    let mut villages = Vec::with_capacity(townships.len());
    let mut cells = cells.into_iter();
    for (t, spec) in townships.iter().enumerate() {
        if towns[t].0.is_empty() {
            return Err(TilingError::EmptyCell {
                township: t,
                village: None,
            });
        }
        let mine: Vec<MultiPolygon<f64>> = cells.by_ref().take(quotas[t]).collect();
        if spec.villages == 0 {
            villages.push(Vec::new());
            continue;
        }
        if let Some(v) = mine.iter().position(|m| m.0.is_empty()) {
            return Err(TilingError::EmptyCell {
                township: t,
                village: Some(v),
            });
        }
        villages.push(mine);
    }
    Ok(CountyTiling {
        townships: towns,
        villages,
    })
}

/// An interior point of the largest polygon of `county`.
fn default_seat(county: &MultiPolygon<f64>) -> Option<Coord<f64>> {
    county
        .0
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
        .and_then(|p| p.interior_point())
        .map(|p| p.0)
}

#[cfg(test)]
mod tests {
    use super::check::check_tiling;
    use super::*;
    use geo::{polygon, Polygon};

    fn square(x: f64, y: f64, s: f64) -> Polygon<f64> {
        polygon![(x: x, y: y), (x: x + s, y: y), (x: x + s, y: y + s), (x: x, y: y + s)]
    }

    fn specs(v: &[usize]) -> Vec<TownshipSpec> {
        v.iter()
            .map(|&villages| TownshipSpec { villages })
            .collect()
    }

    #[test]
    fn tiny_county_many_villages() {
        let county = MultiPolygon::new(vec![square(120.0, 30.0, 1e-4)]);
        let sp = specs(&[300, 0, 200, 1]);
        let t = tile_county(&county, None, &sp, 1).expect("tiling");
        let r = check_tiling(&county, &sp, &t, true);
        assert!(r.is_ok(), "{:?}", r.problems);
    }

    #[test]
    fn islands_and_holes() {
        let mut main = square(100.0, 40.0, 1.0);
        main.interiors_push(square(100.2, 40.2, 0.1).exterior().clone());
        let mut polys = vec![main];
        for i in 0..20 {
            polys.push(square(101.1 + 0.01 * i as f64, 40.0, 0.004));
        }
        let county = MultiPolygon::new(polys);
        let sp = specs(&[5, 40, 0, 12, 100]);
        let seat = Some(Point::new(100.5, 40.5));
        let t = tile_county(&county, seat, &sp, 9).expect("tiling");
        let r = check_tiling(&county, &sp, &t, true);
        assert!(r.is_ok(), "{:?}", r.problems);
        assert_eq!(t, tile_county(&county, seat, &sp, 9).expect("again"));
        assert_ne!(t, tile_county(&county, seat, &sp, 10).expect("other seed"));
    }

    #[test]
    fn single_cell() {
        let county = MultiPolygon::new(vec![square(0.0, 0.0, 1.0)]);
        let t = tile_county(&county, None, &specs(&[0]), 3).expect("tiling");
        assert_eq!(t.townships[0].0.len(), 1);
        assert!(t.villages[0].is_empty());
        assert_eq!(
            tile_county(&county, None, &[], 3),
            Err(TilingError::NoTownships)
        );
    }
}
