//! Assembly of directed half-edges into polygons, one per face.
//!
//! Half-edges carry their face on the left. Rings are traced by always
//! taking, at a vertex, the first outgoing edge clockwise from the reversed
//! incoming edge (the tightest turn), then split at any vertex they visit
//! twice, so every ring is simple: a face touching itself at a point yields
//! two shells or a shell and a hole meeting there, as the OGC model allows.
//! Counter-clockwise rings are shells, clockwise ones holes; a hole goes to
//! the smallest shell containing it.
//!
//! Works on vertex ids, so vertices are never merged or moved.

use geo::{Coord, LineString, MultiPolygon, Polygon};

use super::pieces::HalfEdge;
use super::TilingError;
use crate::synth::detmath::pseudo_angle;

/// Builds `n_faces` multipolygons from `edges` (sorted in place). A face
/// without edges yields an empty multipolygon.
pub(crate) fn assemble(
    coords: &[Coord<f64>],
    edges: &mut [HalfEdge],
    n_faces: usize,
) -> Result<Vec<MultiPolygon<f64>>, TilingError> {
    edges.sort_unstable();
    let mut out = vec![MultiPolygon::new(Vec::new()); n_faces];
    let mut s = 0;
    while s < edges.len() {
        let face = edges[s].left;
        let mut e = s;
        while e < edges.len() && edges[e].left == face {
            e += 1;
        }
        let slot = out
            .get_mut(face as usize)
            .ok_or(TilingError::Topology("half-edge of unknown face"))?;
        *slot = face_polygons(coords, &edges[s..e])?;
        s = e;
    }
    Ok(out)
}

fn face_polygons(coords: &[Coord<f64>], es: &[HalfEdge]) -> Result<MultiPolygon<f64>, TilingError> {
    let mut used = vec![false; es.len()];
    let mut shells: Vec<(Vec<u32>, f64)> = Vec::new();
    let mut holes: Vec<Vec<u32>> = Vec::new();
    for first in 0..es.len() {
        if used[first] {
            continue;
        }
        let mut ring = Vec::new();
        let mut cur = first;
        loop {
            used[cur] = true;
            ring.push(es[cur].from);
            let next = next_edge(coords, es, cur)?;
            if next == first {
                break;
            }
            if used[next] {
                return Err(TilingError::Topology("ring tracing revisited an edge"));
            }
            cur = next;
        }
        for sub in split_ring(&ring) {
            let a = signed_area(coords, &sub);
            if a > 0.0 {
                shells.push((sub, a));
            } else if a < 0.0 {
                holes.push(sub);
            } else {
                return Err(TilingError::Topology("zero-area ring"));
            }
        }
    }
    let mut hole_lists: Vec<Vec<Vec<u32>>> = vec![Vec::new(); shells.len()];
    for h in holes {
        let k = if shells.len() == 1 {
            0
        } else {
            let (a, b) = (coords[h[0] as usize], coords[h[1] as usize]);
            let p = Coord {
                x: (a.x + b.x) * 0.5,
                y: (a.y + b.y) * 0.5,
            };
            shells
                .iter()
                .enumerate()
                .filter(|(_, (r, _))| point_in_ring(coords, r, p))
                .min_by(|x, y| x.1 .1.total_cmp(&y.1 .1))
                .map(|(k, _)| k)
                .ok_or(TilingError::Topology("hole outside every shell"))?
        };
        hole_lists
            .get_mut(k)
            .ok_or(TilingError::Topology("no shell for hole"))?
            .push(h);
    }
    let line = |r: &[u32]| {
        let mut cs: Vec<Coord<f64>> = r.iter().map(|&v| coords[v as usize]).collect();
        cs.push(cs[0]);
        LineString::new(cs)
    };
    let polys = shells
        .iter()
        .zip(hole_lists)
        .map(|((s, _), hs)| Polygon::new(line(s), hs.iter().map(|h| line(h)).collect()))
        .collect();
    Ok(MultiPolygon::new(polys))
}

/// Index of the half-edge following `cur` around its face.
fn next_edge(coords: &[Coord<f64>], es: &[HalfEdge], cur: usize) -> Result<usize, TilingError> {
    let (u, v) = (es[cur].from, es[cur].to);
    let lo = es.partition_point(|h| h.from < v);
    let hi = es.partition_point(|h| h.from <= v);
    if lo == hi {
        return Err(TilingError::Topology("open ring"));
    }
    if hi - lo == 1 {
        return Ok(lo);
    }
    let (pu, pv) = (coords[u as usize], coords[v as usize]);
    let (rx, ry) = (pu.x - pv.x, pu.y - pv.y);
    let mut best = (f64::INFINITY, lo);
    for (k, h) in es.iter().enumerate().take(hi).skip(lo) {
        let pw = coords[h.to as usize];
        let (dx, dy) = (pw.x - pv.x, pw.y - pv.y);
        // Clockwise pseudo-angle from the reversed incoming edge, in (0, 4].
        let ccw = pseudo_angle(rx * dx + ry * dy, rx * dy - ry * dx);
        let cw = if ccw == 0.0 { 4.0 } else { 4.0 - ccw };
        if cw < best.0 {
            best = (cw, k);
        }
    }
    Ok(best.1)
}

/// Splits a closed vertex walk into simple closed walks at repeated vertices.
fn split_ring(ring: &[u32]) -> Vec<Vec<u32>> {
    let mut sorted = ring.to_vec();
    sorted.sort_unstable();
    if sorted.windows(2).all(|w| w[0] != w[1]) {
        return vec![ring.to_vec()];
    }
    let mut out = Vec::new();
    let mut stack: Vec<u32> = Vec::new();
    for &v in ring {
        if let Some(p) = stack.iter().rposition(|&x| x == v) {
            let sub: Vec<u32> = stack.drain(p..).collect();
            stack.push(v);
            out.push(sub);
        } else {
            stack.push(v);
        }
    }
    if !stack.is_empty() {
        out.push(stack);
    }
    out
}

/// Shoelace signed area (degrees²), positive for counter-clockwise.
pub(crate) fn signed_area(coords: &[Coord<f64>], ring: &[u32]) -> f64 {
    let n = ring.len();
    let o = coords[ring[0] as usize];
    let mut s = 0.0;
    for i in 0..n {
        let a = coords[ring[i] as usize];
        let b = coords[ring[(i + 1) % n] as usize];
        s += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y);
    }
    0.5 * s
}

fn point_in_ring(coords: &[Coord<f64>], ring: &[u32], p: Coord<f64>) -> bool {
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let a = coords[ring[i] as usize];
        let b = coords[ring[(i + 1) % n] as usize];
        if (a.y > p.y) != (b.y > p.y) {
            let x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
            if p.x < x {
                inside = !inside;
            }
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_pinched_walk() {
        // 0-1-2-0-3-4 : two loops sharing vertex 0.
        let parts = split_ring(&[0, 1, 2, 0, 3, 4]);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), 6);
    }

    #[test]
    fn square_with_hole() {
        let coords = [
            (0.0, 0.0),
            (4.0, 0.0),
            (4.0, 4.0),
            (0.0, 4.0),
            (1.0, 1.0),
            (1.0, 2.0),
            (2.0, 2.0),
            (2.0, 1.0),
        ]
        .map(|(x, y)| Coord { x, y });
        let ring = |vs: &[u32]| {
            (0..vs.len())
                .map(|i| HalfEdge {
                    left: 0,
                    from: vs[i],
                    to: vs[(i + 1) % vs.len()],
                    right: u32::MAX,
                })
                .collect::<Vec<_>>()
        };
        let mut es = ring(&[0, 1, 2, 3]);
        es.extend(ring(&[4, 5, 6, 7]));
        let mp = assemble(&coords, &mut es, 1).expect("assemble");
        assert_eq!(mp[0].0.len(), 1);
        assert_eq!(mp[0].0[0].interiors().len(), 1);
    }
}
