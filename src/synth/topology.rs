//! Shared boundary arcs (界线) between polygons that share identical edges.
//!
//! Vertices are matched bit-exactly, so the input must share identical
//! vertices along common borders (true of the county polygons and of
//! [`crate::synth::tiling`] output). Rings are oriented so their face is on
//! the left; each undirected edge gets a (left, right) face pair; a vertex
//! is a node when it does not have exactly two edges with the same pair;
//! arcs are the maximal chains of edges between nodes (closed loops when a
//! ring has no node, e.g. an island). Caveats: a T-junction (a vertex of one
//! polygon lying on an edge of another) is not detected — the two sides
//! then come out as separate arcs against `None`; overlapping input is not
//! diagnosed (the first face to claim a directed edge keeps it).

use std::collections::HashMap;

use geo::{Coord, MultiPolygon};

/// A boundary line between two faces (or a face and the outside).
#[derive(Debug, Clone, PartialEq)]
pub struct Arc {
    /// `(left, right)` face indices relative to the direction of `coords`;
    /// `None` is outside of the set. When both exist, `left < right`.
    pub faces: (usize, Option<usize>),
    /// The chain, degrees; first == last for a closed loop.
    pub coords: Vec<Coord<f64>>,
}

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Edge {
    a: u32,
    b: u32,
    /// Face on the left of a→b and of b→a.
    left_ab: u32,
    left_ba: u32,
}

/// Maximal boundary chains separating the same pair of faces.
pub fn arcs(polygons: &[MultiPolygon<f64>]) -> Vec<Arc> {
    let mut ids: HashMap<(u64, u64), u32> = HashMap::new();
    let mut coords: Vec<Coord<f64>> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    let mut edge_of: HashMap<(u32, u32), usize> = HashMap::new();
    for (f, mp) in polygons.iter().enumerate() {
        for p in &mp.0 {
            for (k, ring) in std::iter::once(p.exterior())
                .chain(p.interiors())
                .enumerate()
            {
                let mut vs: Vec<u32> = Vec::with_capacity(ring.0.len());
                for &c in &ring.0 {
                    let id = *ids
                        .entry((c.x.to_bits(), c.y.to_bits()))
                        .or_insert_with(|| {
                            coords.push(c);
                            (coords.len() - 1) as u32
                        });
                    if vs.last() != Some(&id) {
                        vs.push(id);
                    }
                }
                if vs.len() > 1 && vs.first() == vs.last() {
                    vs.pop();
                }
                if vs.len() < 3 {
                    continue;
                }
                // Exterior counter-clockwise, holes clockwise: face on the left.
                if (signed_area(&coords, &vs) > 0.0) != (k == 0) {
                    vs.reverse();
                }
                for i in 0..vs.len() {
                    let (u, v) = (vs[i], vs[(i + 1) % vs.len()]);
                    let k = (u.min(v), u.max(v));
                    let e = *edge_of.entry(k).or_insert_with(|| {
                        edges.push(Edge {
                            a: k.0,
                            b: k.1,
                            left_ab: NONE,
                            left_ba: NONE,
                        });
                        edges.len() - 1
                    });
                    let slot = if u == edges[e].a {
                        &mut edges[e].left_ab
                    } else {
                        &mut edges[e].left_ba
                    };
                    if *slot == NONE {
                        *slot = f as u32;
                    }
                }
            }
        }
    }
    drop(edge_of);
    drop(ids);
    chains(&coords, &edges)
}

/// Face pairs `(i, j)`, `i < j`, sharing at least one arc.
pub fn neighbours(polygons: &[MultiPolygon<f64>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = arcs(polygons)
        .into_iter()
        .filter_map(|a| a.faces.1.map(|r| (a.faces.0.min(r), a.faces.0.max(r))))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Rebuilds the closed rings of `face` from `arcs`, each with the face on
/// its left (shells counter-clockwise, holes clockwise); first == last.
///
/// Arcs are chained end to start; at a vertex where the face's boundary
/// touches itself the pairing is arbitrary, so the rings may be cut
/// differently from the input there (same edges, same area).
pub fn face_rings(arcs: &[Arc], face: usize) -> Vec<Vec<Coord<f64>>> {
    let key = |c: &Coord<f64>| (c.x.to_bits(), c.y.to_bits());
    let mut parts: Vec<Vec<Coord<f64>>> = Vec::new();
    for a in arcs {
        if a.faces.0 == face {
            parts.push(a.coords.clone());
        } else if a.faces.1 == Some(face) {
            parts.push(a.coords.iter().rev().copied().collect());
        }
    }
    let mut by_start: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for (i, p) in parts.iter().enumerate().rev() {
        by_start.entry(key(&p[0])).or_default().push(i);
    }
    let mut used = vec![false; parts.len()];
    let mut out = Vec::new();
    for i in 0..parts.len() {
        if used[i] {
            continue;
        }
        used[i] = true;
        let mut ring = parts[i].clone();
        while ring.len() < 2 || ring[0] != ring[ring.len() - 1] {
            let Some(next) = ring
                .last()
                .and_then(|c| by_start.get_mut(&key(c)))
                .and_then(|v| {
                    while let Some(j) = v.pop() {
                        if !used[j] {
                            return Some(j);
                        }
                    }
                    None
                })
            else {
                break;
            };
            used[next] = true;
            ring.extend_from_slice(&parts[next][1..]);
        }
        out.push(ring);
    }
    out
}

fn chains(coords: &[Coord<f64>], edges: &[Edge]) -> Vec<Arc> {
    let n = coords.len();
    let mut start = vec![0usize; n + 1];
    for e in edges {
        start[e.a as usize + 1] += 1;
        start[e.b as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut inc = vec![0usize; start[n]];
    for (k, e) in edges.iter().enumerate() {
        for v in [e.a, e.b] {
            inc[fill[v as usize]] = k;
            fill[v as usize] += 1;
        }
    }
    // (left, right) of edge k walked away from vertex v.
    let dir = |k: usize, v: u32| -> (u32, u32) {
        let e = edges[k];
        if e.a == v {
            (e.left_ab, e.left_ba)
        } else {
            (e.left_ba, e.left_ab)
        }
    };
    let other = |k: usize, v: u32| {
        if edges[k].a == v {
            edges[k].b
        } else {
            edges[k].a
        }
    };
    let is_node = |v: u32| -> bool {
        let s = &inc[start[v as usize]..start[v as usize + 1]];
        if s.len() != 2 {
            return true;
        }
        let (l0, r0) = dir(s[0], v);
        let (l1, r1) = dir(s[1], v);
        // Continuing through v along s[1] must keep the same sides.
        (l0, r0) != (r1, l1)
    };
    let mut used = vec![false; edges.len()];
    let mut out = Vec::new();
    let walk = |v0: u32, k0: usize, used: &mut Vec<bool>, out: &mut Vec<Arc>| {
        let (left, right) = dir(k0, v0);
        let mut cs = vec![coords[v0 as usize]];
        let (mut v, mut k) = (v0, k0);
        loop {
            used[k] = true;
            v = other(k, v);
            cs.push(coords[v as usize]);
            if v == v0 || is_node(v) {
                break;
            }
            let s = &inc[start[v as usize]..start[v as usize + 1]];
            k = if s[0] == k { s[1] } else { s[0] };
            if used[k] {
                break;
            }
        }
        out.push(oriented(left, right, cs));
    };
    for v in 0..n as u32 {
        if !is_node(v) {
            continue;
        }
        for &k in &inc[start[v as usize]..start[v as usize + 1]] {
            if !used[k] {
                walk(v, k, &mut used, &mut out);
            }
        }
    }
    for k in 0..edges.len() {
        if !used[k] {
            walk(edges[k].a, k, &mut used, &mut out);
        }
    }
    out
}

fn oriented(left: u32, right: u32, mut cs: Vec<Coord<f64>>) -> Arc {
    let face = |f: u32| (f != NONE).then_some(f as usize);
    let (l, r) = if left == NONE || (right != NONE && right < left) {
        cs.reverse();
        (right, left)
    } else {
        (left, right)
    };
    Arc {
        faces: (l as usize, face(r)),
        coords: cs,
    }
}

fn signed_area(coords: &[Coord<f64>], ring: &[u32]) -> f64 {
    let o = coords[ring[0] as usize];
    let n = ring.len();
    (0..n)
        .map(|i| {
            let a = coords[ring[i] as usize];
            let b = coords[ring[(i + 1) % n] as usize];
            (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y)
        })
        .sum::<f64>()
        * 0.5
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    fn sq(x: f64, y: f64) -> MultiPolygon<f64> {
        MultiPolygon::new(vec![polygon![
            (x: x, y: y), (x: x + 1.0, y: y), (x: x + 1.0, y: y + 1.0), (x: x, y: y + 1.0)
        ]])
    }

    #[test]
    fn two_squares() {
        let a = arcs(&[sq(0.0, 0.0), sq(1.0, 0.0)]);
        assert_eq!(a.len(), 3);
        let shared: Vec<_> = a.iter().filter(|a| a.faces == (0, Some(1))).collect();
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].coords.len(), 2);
        assert_eq!(neighbours(&[sq(0.0, 0.0), sq(1.0, 0.0)]), vec![(0, 1)]);
    }

    #[test]
    fn rings_reclose() {
        let polys = [sq(0.0, 0.0), sq(1.0, 0.0)];
        let a = arcs(&polys);
        for f in 0..2 {
            let rings = face_rings(&a, f);
            assert_eq!(rings.len(), 1);
            assert_eq!(rings[0].len(), 5);
            assert_eq!(rings[0].first(), rings[0].last());
        }
    }

    #[test]
    fn island_is_closed_loop() {
        let a = arcs(&[sq(0.0, 0.0)]);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].faces, (0, None));
        assert_eq!(a[0].coords.first(), a[0].coords.last());
        assert_eq!(a[0].coords.len(), 5);
    }
}
