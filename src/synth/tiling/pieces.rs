//! Cell boundaries inside each triangle (a median-dual subdivision).
//!
//! Each mesh vertex belongs to a cell (see [`super::assign`]); a triangle is
//! divided among the cells of its three corners:
//!
//! * all corners in one cell: no boundary inside the triangle;
//! * one corner `x` differs: a straight cut between the split points of its
//!   two edges (through the centroid when that cut would be degenerate);
//! * three cells: three cuts from the edge split points to the centroid.
//!
//! The split point of an interior edge is its midpoint, computed once per
//! edge, so both triangles sharing the edge use the very same vertex. A
//! county-boundary edge is never split: it belongs whole to the cell of its
//! start vertex (CCW), and the cut ends at its end vertex, which is a county
//! vertex. Hence every output vertex on the county boundary is a county
//! vertex, and every shared boundary is made of the same vertices on both
//! sides by construction (no noding needed).
//!
//! Output: directed half-edges with the owning cell on their left.

use geo::Coord;

use super::assign::NONE;
use super::mesh::Mesh;

/// A directed boundary edge; `left` is the cell to its left, `right` the
/// cell to its right ([`NONE`] outside the county).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct HalfEdge {
    pub left: u32,
    pub from: u32,
    pub to: u32,
    pub right: u32,
}

/// All vertices used by the boundaries (mesh vertices first, then edge
/// midpoints and triangle centroids as needed) and the half-edges.
pub(crate) fn boundaries(mesh: &Mesh, owner: &[u32]) -> (Vec<Coord<f64>>, Vec<HalfEdge>) {
    let mut coords = mesh.coords.clone();
    let mut mid_id = vec![NONE; mesh.n_edges];
    let mut out: Vec<HalfEdge> = Vec::new();
    for (t, tri) in mesh.tris.iter().enumerate() {
        let v = *tri;
        let o = v.map(|x| owner[x as usize]);
        let bnd = mesh.tri_bnd[t];
        for i in 0..3 {
            if bnd & (1 << i) != 0 {
                out.push(HalfEdge {
                    left: o[i],
                    from: v[i],
                    to: v[(i + 1) % 3],
                    right: NONE,
                });
            }
        }
        if o[0] == o[1] && o[1] == o[2] {
            continue;
        }
        let mut split = |i: usize, coords: &mut Vec<Coord<f64>>| -> u32 {
            let j = (i + 1) % 3;
            if bnd & (1 << i) != 0 {
                return v[j];
            }
            let e = mesh.tri_edges[t][i] as usize;
            if mid_id[e] == NONE {
                let (a, b) = (coords[v[i] as usize], coords[v[j] as usize]);
                coords.push(Coord {
                    x: (a.x + b.x) * 0.5,
                    y: (a.y + b.y) * 0.5,
                });
                mid_id[e] = (coords.len() - 1) as u32;
            }
            mid_id[e]
        };
        let centroid = |coords: &mut Vec<Coord<f64>>| -> u32 {
            let [a, b, c] = v.map(|x| coords[x as usize]);
            coords.push(Coord {
                x: (a.x + b.x + c.x) / 3.0,
                y: (a.y + b.y + c.y) / 3.0,
            });
            (coords.len() - 1) as u32
        };
        if o[0] != o[1] && o[1] != o[2] && o[0] != o[2] {
            let s = [0, 1, 2].map(|i| split(i, &mut coords));
            let g = centroid(&mut coords);
            for i in 0..3 {
                let j = (i + 1) % 3;
                push_path(&mut out, &[s[i], g], o[i], o[j]);
            }
        } else {
            let k = if o[1] == o[2] {
                0
            } else if o[0] == o[2] {
                1
            } else {
                2
            };
            let y = (k + 1) % 3;
            let z = (k + 2) % 3;
            let s_xy = split(k, &mut coords);
            let s_zx = split(z, &mut coords);
            if s_zx == v[k] {
                let g = centroid(&mut coords);
                push_path(&mut out, &[s_xy, g, s_zx], o[k], o[y]);
            } else {
                push_path(&mut out, &[s_xy, s_zx], o[k], o[y]);
            }
        }
    }
    (coords, out)
}

/// Pushes `path` with `left` on its left and the reversed path for `right`.
fn push_path(out: &mut Vec<HalfEdge>, path: &[u32], left: u32, right: u32) {
    for w in path.windows(2) {
        out.push(HalfEdge {
            left,
            from: w[0],
            to: w[1],
            right,
        });
        out.push(HalfEdge {
            left: right,
            from: w[1],
            to: w[0],
            right: left,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vertex_balanced_per_cell() {
        let ring = vec![
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 3.0, y: 0.0 },
            Coord { x: 3.0, y: 2.0 },
            Coord { x: 0.0, y: 2.0 },
        ];
        let seeds = [
            Coord { x: 0.7, y: 0.6 },
            Coord { x: 2.1, y: 0.5 },
            Coord { x: 1.4, y: 1.5 },
        ];
        let (mesh, ids) = Mesh::build(&[ring], &seeds).expect("mesh");
        let src: Vec<(u32, u32)> = ids
            .iter()
            .enumerate()
            .map(|(c, &v)| (v, c as u32))
            .collect();
        let owner = super::super::assign::grow(&mesh, &src, 1.0);
        let (coords, hes) = boundaries(&mesh, &owner);
        // In/out degree per (cell, vertex) must balance for closed rings.
        let mut bal = std::collections::HashMap::new();
        for h in &hes {
            *bal.entry((h.left, h.from)).or_insert(0i32) += 1;
            *bal.entry((h.left, h.to)).or_insert(0i32) -= 1;
        }
        assert!(bal.values().all(|&b| b == 0));
        assert!(coords.len() > mesh.coords.len());
    }
}
