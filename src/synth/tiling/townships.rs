//! Grouping of cells into townships of exact sizes.
//!
//! Cells are nodes of their adjacency graph (two cells are adjacent when a
//! mesh edge joins their vertices; edge cost = seed distance, × [`WATER`]
//! when the cells only meet across water).
//! The township list is split recursively in two halves of balanced size;
//! the cells of the later half (NBS order puts urban 街道 first, rural 乡
//! last) are the Dijkstra ball of the right size grown from the cell
//! farthest from the seat, the earlier half keeps the rest. Pockets of the
//! rest enclosed by the ball are swapped against the ball's outermost cells.
//! Townships come out compact and mostly in one piece, the early ones near
//! the seat.
//!
//! Caveat: about 6% of townships nationwide still have a detached part
//! (many of them on islands); they stay valid multipolygons.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use geo::Coord;

use super::assign::WATER;
use super::mesh::Mesh;
use super::seeds::Frame;
use crate::synth::detmath;

/// Weighted cell adjacency in CSR form.
struct Graph {
    start: Vec<usize>,
    /// (neighbour cell, cost)
    adj: Vec<(u32, f64)>,
}

fn cell_graph(mesh: &Mesh, owner: &[u32], seeds: &[Coord<f64>], frame: &Frame) -> Graph {
    // (a, b, over water) for every pair of cells meeting along a mesh edge.
    let mut pairs: Vec<(u32, u32, bool)> = Vec::new();
    for v in 0..mesh.coords.len() {
        let a = owner[v];
        for &(w, outside) in &mesh.nbrs[mesh.nbr_start[v] as usize..mesh.nbr_start[v + 1] as usize]
        {
            let b = owner[w as usize];
            if a < b {
                pairs.push((a, b, outside));
            }
        }
    }
    // Land contact (false) sorts first and wins over water contact.
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| (p.0, p.1));
    let n = seeds.len();
    let mut deg = vec![0usize; n + 1];
    for &(a, b, _) in &pairs {
        deg[a as usize + 1] += 1;
        deg[b as usize + 1] += 1;
    }
    for i in 0..n {
        deg[i + 1] += deg[i];
    }
    let start = deg.clone();
    let mut adj = vec![(0u32, 0.0); start[n]];
    for (a, b, water) in pairs {
        let (pa, pb) = (seeds[a as usize], seeds[b as usize]);
        let mut cost = detmath::hypot((pa.x - pb.x) * frame.kx, pa.y - pb.y);
        if water {
            cost *= WATER;
        }
        adj[deg[a as usize]] = (b, cost);
        deg[a as usize] += 1;
        adj[deg[b as usize]] = (a, cost);
        deg[b as usize] += 1;
    }
    Graph { start, adj }
}

/// Cells (seed indices) of each township: `quotas[t]` cells each (their sum
/// must equal the number of seeds), ordered by distance from the seat.
/// `owner` gives the cell of every mesh vertex.
pub(crate) fn partition(
    mesh: &Mesh,
    owner: &[u32],
    seeds: &[Coord<f64>],
    quotas: &[usize],
    frame: &Frame,
) -> Vec<Vec<u32>> {
    let graph = cell_graph(mesh, owner, seeds, frame);
    let r2: Vec<f64> = seeds
        .iter()
        .map(|&c| {
            let (x, y) = frame.local(c);
            x * x + y * y
        })
        .collect();
    let mut prefix = vec![0usize; quotas.len() + 1];
    for (i, q) in quotas.iter().enumerate() {
        prefix[i + 1] = prefix[i] + q;
    }
    let mut out = vec![Vec::new(); quotas.len()];
    let mut stamp = vec![0u32; seeds.len()];
    let mut round = 0u32;
    let mut stack: Vec<(Vec<u32>, usize, usize)> =
        vec![((0..seeds.len() as u32).collect(), 0, quotas.len())];
    while let Some((cells, lo, hi)) = stack.pop() {
        if hi - lo <= 1 {
            if lo < hi {
                out[lo] = cells;
            }
            continue;
        }
        let total = prefix[hi] - prefix[lo];
        let mid = (lo + 1..hi)
            .min_by_key(|&m| (2 * (prefix[m] - prefix[lo])).abs_diff(total))
            .unwrap_or(lo + 1);
        let n_late = prefix[hi] - prefix[mid];
        round += 1;
        for &c in &cells {
            stamp[c as usize] = round;
        }
        let mut late = ball(&graph, &cells, n_late, &r2, &mut stamp, round);
        round += 1;
        for &c in &late {
            stamp[c as usize] = round;
        }
        let mut early: Vec<u32> = cells
            .into_iter()
            .filter(|&c| stamp[c as usize] != round)
            .collect();
        // Pockets of the remainder cut off by the ball join the ball, which
        // gives back as many of its last-popped (outermost) cells.
        for _ in 0..3 {
            let pockets = minor_components(&graph, &early, &mut stamp, &mut round);
            if pockets.is_empty() || pockets.len() >= late.len() {
                break;
            }
            let back = late.split_off(late.len() - pockets.len());
            round += 1;
            for &c in &pockets {
                stamp[c as usize] = round;
            }
            early.retain(|&c| stamp[c as usize] != round);
            early.extend(back);
            // Pockets go first so the tail stays the ball's outer edge.
            late.splice(0..0, pockets);
        }
        stack.push((early, lo, mid));
        stack.push((late, mid, hi));
    }
    for group in &mut out {
        group.sort_by(|&i, &j| r2[i as usize].total_cmp(&r2[j as usize]).then(i.cmp(&j)));
    }
    out
}

/// Cells of `set` outside its largest connected component (ties: the one
/// found first), in a deterministic order.
fn minor_components(graph: &Graph, set: &[u32], stamp: &mut [u32], round: &mut u32) -> Vec<u32> {
    *round += 1;
    let member = *round;
    for &c in set {
        stamp[c as usize] = member;
    }
    *round += 1;
    let seen = *round;
    let mut comps: Vec<Vec<u32>> = Vec::new();
    for &c0 in set {
        if stamp[c0 as usize] != member {
            continue;
        }
        stamp[c0 as usize] = seen;
        let mut comp = vec![c0];
        let mut i = 0;
        while i < comp.len() {
            let c = comp[i] as usize;
            i += 1;
            for &(w, _) in &graph.adj[graph.start[c]..graph.start[c + 1]] {
                if stamp[w as usize] == member {
                    stamp[w as usize] = seen;
                    comp.push(w);
                }
            }
        }
        comps.push(comp);
    }
    let Some(big) = (0..comps.len()).max_by_key(|&k| (comps[k].len(), Reverse(k))) else {
        return Vec::new();
    };
    comps.swap_remove(big);
    comps.concat()
}

/// The first `n` cells popped by Dijkstra from the cell of `cells` farthest
/// from the seat, restricted to cells stamped `round`; restarts from the
/// farthest unreached cell if the subgraph is disconnected.
fn ball(
    graph: &Graph,
    cells: &[u32],
    n: usize,
    r2: &[f64],
    stamp: &mut [u32],
    round: u32,
) -> Vec<u32> {
    let mut by_far: Vec<u32> = cells.to_vec();
    by_far.sort_by(|&i, &j| r2[j as usize].total_cmp(&r2[i as usize]).then(i.cmp(&j)));
    let mut next_start = by_far.into_iter();
    let mut out = Vec::with_capacity(n);
    let mut heap: BinaryHeap<Reverse<(u64, u32)>> = BinaryHeap::new();
    let taken = round.wrapping_add(u32::MAX / 2);
    while out.len() < n {
        let Some(Reverse((bits, c))) = heap.pop() else {
            match next_start.by_ref().find(|&c| stamp[c as usize] == round) {
                Some(c) => heap.push(Reverse((0f64.to_bits(), c))),
                None => break,
            }
            continue;
        };
        if stamp[c as usize] != round {
            continue;
        }
        stamp[c as usize] = taken;
        out.push(c);
        let d = f64::from_bits(bits);
        for &(w, cost) in &graph.adj[graph.start[c as usize]..graph.start[c as usize + 1]] {
            if stamp[w as usize] == round {
                heap.push(Reverse(((d + cost).to_bits(), w)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::rng::SplitMix64;
    use crate::synth::tiling::assign::grow;

    #[test]
    fn sizes_exact_and_disjoint() {
        let ring = vec![
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 1.0, y: 0.0 },
            Coord { x: 1.0, y: 1.0 },
            Coord { x: 0.0, y: 1.0 },
        ];
        let mut rng = SplitMix64::new(5);
        let seeds: Vec<Coord<f64>> = (0..500)
            .map(|_| Coord {
                x: rng.range(0.01, 0.99),
                y: rng.range(0.01, 0.99),
            })
            .collect();
        let (mesh, ids) = Mesh::build(&[ring], &seeds).expect("mesh");
        let src: Vec<(u32, u32)> = ids
            .iter()
            .enumerate()
            .map(|(c, &v)| (v, c as u32))
            .collect();
        let owner = grow(&mesh, &src, 1.0);
        let frame = Frame {
            seat: Coord { x: 0.5, y: 0.5 },
            kx: 1.0,
            radius: 0.5,
        };
        let quotas = [1, 30, 200, 1, 68, 100, 100];
        let parts = partition(&mesh, &owner, &seeds, &quotas, &frame);
        let sizes: Vec<usize> = parts.iter().map(Vec::len).collect();
        assert_eq!(sizes, quotas);
        let mut all: Vec<u32> = parts.concat();
        all.sort_unstable();
        assert_eq!(all, (0..500).collect::<Vec<u32>>());
    }
}
