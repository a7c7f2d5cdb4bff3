//! Constrained Delaunay mesh of a county (plus interior seed points).
//!
//! The county's rings are inserted as constraint edges of a spade CDT; the
//! triangles inside the county are found by crossing-parity flood fill from
//! the outer face. County edges are never split (vertices are deduplicated
//! bit-exactly first), so every county vertex and edge survives unchanged.
//!
//! Caveats: constraint edges that cross each other (invalid input rings) are
//! skipped; the parity fill may then
//! mislabel triangles near the crossing. Coordinates are degrees (CGCS2000).

use std::collections::{HashMap, HashSet, VecDeque};

use geo::Coord;
use spade::handles::{FixedFaceHandle, FixedUndirectedEdgeHandle};
use spade::{ConstrainedDelaunayTriangulation, Point2, Triangulation};

use super::TilingError;

/// A triangle mesh of the county's interior.
#[derive(Debug, Clone)]
pub(crate) struct Mesh {
    /// Vertex positions (bit-identical to the input), indexed by vertex id.
    pub coords: Vec<Coord<f64>>,
    /// Inside triangles, counter-clockwise vertex ids.
    pub tris: Vec<[u32; 3]>,
    /// Undirected edge id of triangle edge `i` (from corner `i` to `i + 1`).
    pub tri_edges: Vec<[u32; 3]>,
    /// Bit `i` set: triangle edge `i` lies on the county boundary.
    pub tri_bnd: Vec<u8>,
    /// Number of undirected edge ids.
    pub n_edges: usize,
    /// CSR offsets into [`Mesh::nbrs`], one entry per vertex plus one.
    pub nbr_start: Vec<u32>,
    /// Neighbour vertex ids; the flag is true when the edge lies outside
    /// the county (both adjacent faces outside).
    pub nbrs: Vec<(u32, bool)>,
}

type Cdt = ConstrainedDelaunayTriangulation<Point2<f64>>;

fn key(c: Coord<f64>) -> (u64, u64) {
    (c.x.to_bits(), c.y.to_bits())
}

impl Mesh {
    /// Triangulates `rings` (closed or open coordinate rings of the county)
    /// together with the interior points `extra`.
    ///
    /// Returns the mesh and the vertex id of every extra point (a point
    /// equal to an earlier vertex maps to that vertex's id).
    pub fn build(
        rings: &[Vec<Coord<f64>>],
        extra: &[Coord<f64>],
    ) -> Result<(Mesh, Vec<u32>), TilingError> {
        let mut ids: HashMap<(u64, u64), u32> = HashMap::new();
        let mut coords: Vec<Coord<f64>> = Vec::new();
        let mut intern = |c: Coord<f64>, coords: &mut Vec<Coord<f64>>| -> u32 {
            *ids.entry(key(c)).or_insert_with(|| {
                coords.push(c);
                (coords.len() - 1) as u32
            })
        };
        let mut edges: Vec<[usize; 2]> = Vec::new();
        let mut seen: HashSet<(u32, u32)> = HashSet::new();
        for ring in rings {
            let vs: Vec<u32> = ring.iter().map(|&c| intern(c, &mut coords)).collect();
            for w in vs.windows(2) {
                let (a, b) = (w[0], w[1]);
                if a != b && seen.insert((a.min(b), a.max(b))) {
                    edges.push([a as usize, b as usize]);
                }
            }
            if let (Some(&f), Some(&l)) = (vs.first(), vs.last()) {
                if f != l && seen.insert((f.min(l), f.max(l))) {
                    edges.push([l as usize, f as usize]);
                }
            }
        }
        let extra_ids: Vec<u32> = extra.iter().map(|&c| intern(c, &mut coords)).collect();
        if coords.len() < 3 {
            return Err(TilingError::Degenerate("fewer than 3 distinct vertices"));
        }
        if coords.iter().any(|c| !c.x.is_finite() || !c.y.is_finite()) {
            return Err(TilingError::Degenerate("non-finite coordinate"));
        }
        let points: Vec<Point2<f64>> = coords.iter().map(|c| Point2::new(c.x, c.y)).collect();
        // Crossing constraints (invalid rings) are skipped, best-effort.
        let cdt = Cdt::try_bulk_load_cdt(points, edges, |_| {})
            .map_err(|e| TilingError::Triangulation(format!("{e:?}")))?;
        if cdt.num_vertices() != coords.len() {
            return Err(TilingError::Triangulation("vertex count changed".into()));
        }
        let inside = classify(&cdt);
        let mut mesh = Mesh {
            coords,
            tris: Vec::new(),
            tri_edges: Vec::new(),
            tri_bnd: Vec::new(),
            n_edges: cdt.num_undirected_edges(),
            nbr_start: Vec::new(),
            nbrs: Vec::new(),
        };
        for face in cdt.inner_faces() {
            if !inside[face.fix().index()] {
                continue;
            }
            let es = face.adjacent_edges();
            let mut tri = [0u32; 3];
            let mut te = [0u32; 3];
            let mut bnd = 0u8;
            for (i, e) in es.iter().enumerate() {
                tri[i] = e.from().fix().index() as u32;
                te[i] = e.as_undirected().fix().index() as u32;
                let other = e.rev().face().fix().index();
                if !inside[other] {
                    bnd |= 1 << i;
                }
            }
            mesh.tris.push(tri);
            mesh.tri_edges.push(te);
            mesh.tri_bnd.push(bnd);
        }
        if mesh.tris.is_empty() {
            return Err(TilingError::Degenerate("county has no interior"));
        }
        build_adjacency(&cdt, &inside, &mut mesh);
        Ok((mesh, extra_ids))
    }

    /// Signed area (degrees²) of triangle `t`; positive for CCW.
    pub fn tri_area(&self, t: usize) -> f64 {
        let [a, b, c] = self.tris[t].map(|v| self.coords[v as usize]);
        0.5 * ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y))
    }
}

/// Inside flag per face index (index 0 is the outer face), by parity of
/// constraint edges crossed from the outer face.
fn classify(cdt: &Cdt) -> Vec<bool> {
    let n = cdt.num_all_faces();
    let mut inside = vec![false; n];
    let mut done = vec![false; n];
    done[0] = true;
    let mut queue: VecDeque<FixedFaceHandle<spade::handles::PossiblyOuterTag>> = VecDeque::new();
    queue.push_back(cdt.outer_face().fix());
    while let Some(f) = queue.pop_front() {
        let face = cdt.face(f);
        let fin = inside[f.index()];
        let edges: Vec<_> = if let Some(inner) = face.as_inner() {
            inner.adjacent_edges().to_vec()
        } else {
            cdt.convex_hull()
                .map(|e| if e.face().is_outer() { e } else { e.rev() })
                .collect()
        };
        for e in edges {
            let nb = e.rev().face();
            let ni = nb.fix().index();
            if done[ni] {
                continue;
            }
            done[ni] = true;
            inside[ni] = fin ^ is_constraint(cdt, e.as_undirected().fix());
            queue.push_back(nb.fix());
        }
    }
    inside
}

fn is_constraint(cdt: &Cdt, e: FixedUndirectedEdgeHandle) -> bool {
    cdt.is_constraint_edge(e)
}

fn build_adjacency(cdt: &Cdt, inside: &[bool], mesh: &mut Mesh) {
    let n = mesh.coords.len();
    let mut deg = vec![0u32; n + 1];
    let mut list: Vec<(u32, u32, bool)> = Vec::with_capacity(cdt.num_undirected_edges());
    for ue in cdt.undirected_edges() {
        let d = ue.as_directed();
        let a = d.from().fix().index() as u32;
        let b = d.to().fix().index() as u32;
        let outside = !inside[d.face().fix().index()] && !inside[d.rev().face().fix().index()];
        list.push((a, b, outside));
        deg[a as usize] += 1;
        deg[b as usize] += 1;
    }
    let mut start = vec![0u32; n + 1];
    for i in 0..n {
        start[i + 1] = start[i] + deg[i];
    }
    let mut fill = start.clone();
    let mut nbrs = vec![(0u32, false); start[n] as usize];
    for (a, b, o) in list {
        nbrs[fill[a as usize] as usize] = (b, o);
        fill[a as usize] += 1;
        nbrs[fill[b as usize] as usize] = (a, o);
        fill[b as usize] += 1;
    }
    mesh.nbr_start = start;
    mesh.nbrs = nbrs;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square_with_hole() -> Vec<Vec<Coord<f64>>> {
        let sq = |x0: f64, y0: f64, s: f64| {
            vec![
                Coord { x: x0, y: y0 },
                Coord { x: x0 + s, y: y0 },
                Coord {
                    x: x0 + s,
                    y: y0 + s,
                },
                Coord { x: x0, y: y0 + s },
                Coord { x: x0, y: y0 },
            ]
        };
        vec![sq(0.0, 0.0, 4.0), sq(1.0, 1.0, 1.0)]
    }

    #[test]
    fn inside_area_matches_polygon() {
        let extra = [Coord { x: 3.0, y: 3.0 }, Coord { x: 0.5, y: 3.5 }];
        let (mesh, ids) = Mesh::build(&square_with_hole(), &extra).expect("mesh");
        assert_eq!(ids, vec![8, 9]);
        let area: f64 = (0..mesh.tris.len()).map(|t| mesh.tri_area(t)).sum();
        assert!((area - 15.0).abs() < 1e-12, "area {area}");
        assert!((0..mesh.tris.len()).all(|t| mesh.tri_area(t) > 0.0));
        let bnd_edges: u32 = mesh.tri_bnd.iter().map(|b| b.count_ones()).sum();
        assert_eq!(bnd_edges, 8);
    }
}
