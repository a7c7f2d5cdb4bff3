//! Assignment of mesh vertices to cells by multi-source Dijkstra.
//!
//! Every seed vertex owns itself; every other vertex goes to the seed with
//! the shortest path along mesh edges (equirectangular length, see
//! [`super::seeds::Frame`]). Shortest-path trees make each cell's vertex set
//! connected over land, so cells are single polygons unless an island is
//! attached. Edges lying outside the county (across water or a foreign
//! enclave) cost [`WATER`] times their length: an island without a seed is
//! thus attached to the cell owning the nearest shore, and cells never leak
//! across a bay while a land path exists.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::mesh::Mesh;
use crate::synth::detmath;

/// Cost multiplier for mesh edges outside the county.
pub(crate) const WATER: f64 = 1000.0;
/// Owner value of an unreached vertex.
pub(crate) const NONE: u32 = u32::MAX;

/// Owner cell of every mesh vertex. `sources` are `(vertex id, cell)`;
/// `kx` scales longitude differences. Ties are broken by vertex id, then
/// cell, so the result is deterministic.
pub(crate) fn grow(mesh: &Mesh, sources: &[(u32, u32)], kx: f64) -> Vec<u32> {
    let n = mesh.coords.len();
    let mut dist = vec![f64::INFINITY; n];
    let mut owner = vec![NONE; n];
    let mut heap: BinaryHeap<Reverse<(u64, u32, u32)>> = BinaryHeap::new();
    for &(v, cell) in sources {
        dist[v as usize] = 0.0;
        heap.push(Reverse((0f64.to_bits(), v, cell)));
    }
    while let Some(Reverse((bits, v, cell))) = heap.pop() {
        let vi = v as usize;
        if owner[vi] != NONE {
            continue;
        }
        owner[vi] = cell;
        let d = f64::from_bits(bits);
        let p = mesh.coords[vi];
        let (s, e) = (mesh.nbr_start[vi] as usize, mesh.nbr_start[vi + 1] as usize);
        for &(w, outside) in &mesh.nbrs[s..e] {
            let wi = w as usize;
            if owner[wi] != NONE {
                continue;
            }
            let q = mesh.coords[wi];
            let mut len = detmath::hypot((q.x - p.x) * kx, q.y - p.y);
            if outside {
                len *= WATER;
            }
            let nd = d + len;
            if nd < dist[wi] {
                dist[wi] = nd;
                heap.push(Reverse((nd.to_bits(), w, cell)));
            }
        }
    }
    owner
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Coord;

    #[test]
    fn every_vertex_owned_and_sources_keep_themselves() {
        let ring = vec![
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 2.0, y: 0.0 },
            Coord { x: 2.0, y: 1.0 },
            Coord { x: 0.0, y: 1.0 },
        ];
        let island = vec![
            Coord { x: 3.0, y: 0.0 },
            Coord { x: 3.5, y: 0.0 },
            Coord { x: 3.5, y: 0.5 },
        ];
        let seeds = [Coord { x: 0.5, y: 0.5 }, Coord { x: 1.5, y: 0.5 }];
        let (mesh, ids) = Mesh::build(&[ring, island], &seeds).expect("mesh");
        let owner = grow(&mesh, &[(ids[0], 0), (ids[1], 1)], 1.0);
        assert!(owner.iter().all(|&o| o != NONE));
        assert_eq!(owner[ids[0] as usize], 0);
        assert_eq!(owner[ids[1] as usize], 1);
        // The island (vertices 4..7) joins the nearer cell 1.
        assert!(owner[4..7].iter().all(|&o| o == 1));
    }
}
