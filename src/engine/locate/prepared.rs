//! Prepared (indexed) point-in-polygon for administrative-division polygons.
//!
//! A [`PreparedPolygon`] is built once from a `geo::MultiPolygon<f64>` in
//! lon/lat degrees (CGCS2000) and then answers [`PreparedPolygon::locate`]
//! in tens to hundreds of nanoseconds, without scanning all edges of large
//! (national, ~100k-vertex) outlines.
//!
//! # Layout
//!
//! All rings of all parts are stored flat in one `coords` slice, each ring
//! closed (its last vertex repeats the first), with consecutive duplicate and
//! non-finite points dropped. `ring_ends` holds the exclusive end of every
//! ring; it is left empty when there is a single ring, which is the common
//! case for village polygons. An edge is named by the `u32` index `i` of its
//! first vertex and runs from `coords[i]` to `coords[i + 1]`.
//!
//! # Index
//!
//! Polygons with fewer than [`SCAN_LIMIT`] edges are scanned directly. Larger
//! ones get a y-stripe index: the bounding box is cut into about
//! `edges / EDGES_PER_STRIPE` horizontal stripes of equal height, and each
//! stripe lists the edges whose y-range, widened by `2 * TOLERANCE`, overlaps
//! it. Lists are stored in CSR form (`stripe_offsets`, `stripe_edges`; no
//! `Vec` of `Vec`s). The stripe of a y value is a monotone function of y used
//! both when building and when querying, so every edge that can cross the
//! horizontal ray from a point, or pass within `TOLERANCE` of it, is in the
//! point's stripe. If long edges would make the lists grow beyond
//! [`MAX_ENTRIES_PER_EDGE`] entries per edge, the number of stripes is halved
//! until they fit.
//!
//! # Rules
//!
//! Inside/outside is decided by the crossing number (even-odd rule) over all
//! rings of all parts; for a valid `MultiPolygon` (holes inside their shell,
//! parts disjoint) this equals the OGC interior. A ray is cast towards +x and
//! an edge `a -> b` counts when `(a.y > p.y) != (b.y > p.y)` (half-open, so a
//! vertex exactly at `p.y` is counted once) and the edge lies to the right
//! of `p` (orientation test, no division).
//!
//! A point whose planar distance to any edge is at most [`TOLERANCE`]
//! degrees is [`Location::Boundary`]. Each candidate edge whose y-range
//! reaches `p.y ± TOLERANCE` gets a cheap branch-free "near" flag (within
//! twice the tolerance of the supporting line, inside the edge's widened box);
//! only flagged edges compute the exact point-segment distance. This covers
//! points exactly on vertices, on edges (horizontal ones included) and on
//! stripe boundaries. A point farther than `TOLERANCE` from an edge is
//! farther than any rounding error (~1e-14°) from it, so its crossing test
//! is exact.

use geo::MultiPolygon;
use std::ops::Range;

/// Boundary tolerance in degrees: `1e-9`° is about 0.1 mm on the ground
/// (0.11 mm of latitude; less of longitude away from the equator).
///
/// It is far above the rounding error of `f64` arithmetic on degree values
/// (about `1e-14`°), so points computed to lie on an edge are reliably
/// classified as [`Location::Boundary`], and far below any survey precision.
pub const TOLERANCE: f64 = 1e-9;

/// Polygons with fewer edges than this are scanned without an index.
pub const SCAN_LIMIT: usize = 16;

/// Target number of edges per stripe (the stripe count is `edges / this`).
/// Measured on 100-vertex polygons: 2 gives ~33 B/vertex, 4 ~27 B/vertex
/// and 8 ~23 B/vertex, each step costing ~10% more time per point.
pub const EDGES_PER_STRIPE: usize = 4;

/// Upper bound on the average number of stripe-list entries per edge.
pub const MAX_ENTRIES_PER_EDGE: usize = 4;

/// Where a point lies relative to a [`PreparedPolygon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    /// Strictly inside, farther than [`TOLERANCE`] from every edge.
    Inside,
    /// Within [`TOLERANCE`] (planar degrees) of some edge.
    Boundary,
    /// Strictly outside, farther than [`TOLERANCE`] from every edge.
    Outside,
}

/// A multipolygon prepared for fast point location. See the module docs.
#[derive(Debug, Clone)]
pub struct PreparedPolygon {
    /// All ring vertices, each ring closed.
    coords: Box<[[f64; 2]]>,
    /// Exclusive end of each ring in `coords`; empty when there is one ring.
    ring_ends: Box<[u32]>,
    /// Bounding box of `coords` (inverted, `+inf`/`-inf`, when empty).
    min: [f64; 2],
    max: [f64; 2],
    /// Stripes per degree of latitude (0 when the box has no height).
    inv_height: f64,
    /// CSR offsets, one per stripe plus one; empty when not indexed.
    stripe_offsets: Box<[u32]>,
    /// Edge ids of all stripes, concatenated.
    stripe_edges: Box<[u32]>,
}

impl PreparedPolygon {
    /// Prepares `mp`. Degenerate input (no parts, empty or zero-area rings,
    /// repeated or non-finite points) is accepted; an empty multipolygon
    /// locates every point [`Location::Outside`].
    pub fn new(mp: &MultiPolygon<f64>) -> Self {
        let cap: usize =
            mp.0.iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .map(|r| r.0.len() + 1)
                .sum();
        let mut coords: Vec<[f64; 2]> = Vec::with_capacity(cap);
        let mut ring_ends: Vec<u32> = Vec::new();
        for poly in &mp.0 {
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                let start = coords.len();
                for c in &ring.0 {
                    let p = [c.x, c.y];
                    let repeated = coords.len() > start && coords.last() == Some(&p);
                    if p[0].is_finite() && p[1].is_finite() && !repeated {
                        coords.push(p);
                    }
                }
                if coords.len() == start {
                    continue;
                }
                let first = coords[start];
                // Close the ring; a single point becomes a zero-length edge.
                if coords.len() == start + 1 || coords.last() != Some(&first) {
                    coords.push(first);
                }
                ring_ends.push(to_u32(coords.len()));
            }
        }
        let n_edges = coords.len() - ring_ends.len();
        if ring_ends.len() == 1 {
            ring_ends.clear();
        }
        let mut min = [f64::INFINITY; 2];
        let mut max = [f64::NEG_INFINITY; 2];
        for p in &coords {
            for k in 0..2 {
                min[k] = min[k].min(p[k]);
                max[k] = max[k].max(p[k]);
            }
        }
        let mut prepared = PreparedPolygon {
            coords: coords.into_boxed_slice(),
            ring_ends: ring_ends.into_boxed_slice(),
            min,
            max,
            inv_height: 0.0,
            stripe_offsets: Box::default(),
            stripe_edges: Box::default(),
        };
        if n_edges >= SCAN_LIMIT {
            prepared.build_index(n_edges);
        }
        prepared
    }

    /// Builds the y-stripe index (CSR: counting pass, prefix sum, fill pass).
    fn build_index(&mut self, n_edges: usize) {
        let height = self.max[1] - self.min[1];
        let mut n_stripes = (n_edges / EDGES_PER_STRIPE).max(1);
        let mut total;
        loop {
            self.inv_height = if height > 0.0 {
                n_stripes as f64 / height
            } else {
                0.0
            };
            total = 0usize;
            self.for_each_edge_span(n_stripes, |_, s| total += s.len());
            if total <= MAX_ENTRIES_PER_EDGE * n_edges || n_stripes == 1 {
                break;
            }
            n_stripes /= 2;
        }
        let mut offsets = vec![0u32; n_stripes + 1];
        self.for_each_edge_span(n_stripes, |_, s| {
            for k in s {
                offsets[k + 1] += 1;
            }
        });
        for k in 0..n_stripes {
            offsets[k + 1] += offsets[k];
        }
        let mut fill: Vec<u32> = offsets[..n_stripes].to_vec();
        let mut edges = vec![0u32; to_u32(total) as usize];
        self.for_each_edge_span(n_stripes, |e, s| {
            for k in s {
                edges[fill[k] as usize] = e;
                fill[k] += 1;
            }
        });
        self.stripe_offsets = offsets.into_boxed_slice();
        self.stripe_edges = edges.into_boxed_slice();
    }

    /// Calls `f(edge, stripes)` for every edge with the stripes it belongs to.
    fn for_each_edge_span(&self, n_stripes: usize, mut f: impl FnMut(u32, Range<usize>)) {
        for ring in self.rings() {
            for i in ring.start..ring.end - 1 {
                let (a, b) = (self.coords[i][1], self.coords[i + 1][1]);
                let lo = stripe_of(
                    a.min(b) - 2.0 * TOLERANCE,
                    self.min[1],
                    self.inv_height,
                    n_stripes,
                );
                let hi = stripe_of(
                    a.max(b) + 2.0 * TOLERANCE,
                    self.min[1],
                    self.inv_height,
                    n_stripes,
                );
                f(i as u32, lo..hi + 1);
            }
        }
    }

    /// Index ranges of the rings in `coords` (each at least two vertices).
    fn rings(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let single =
            (self.ring_ends.is_empty() && !self.coords.is_empty()).then_some(0..self.coords.len());
        let multi = self.ring_ends.iter().scan(0usize, |start, &end| {
            let r = *start..end as usize;
            *start = end as usize;
            Some(r)
        });
        single.into_iter().chain(multi)
    }

    /// Number of stripes (0 when the polygon is scanned directly).
    fn n_stripes(&self) -> usize {
        self.stripe_offsets.len().saturating_sub(1)
    }

    /// Edge ids listed in stripes `lo..=hi`.
    fn stripe_slice(&self, lo: usize, hi: usize) -> &[u32] {
        &self.stripe_edges[self.stripe_offsets[lo] as usize..self.stripe_offsets[hi + 1] as usize]
    }

    #[inline]
    fn edge(&self, i: usize) -> ([f64; 2], [f64; 2]) {
        (self.coords[i], self.coords[i + 1])
    }

    /// Locates `p = [lon, lat]`: [`Location::Boundary`] if it is within
    /// [`TOLERANCE`] of an edge, else inside/outside by the even-odd rule.
    pub fn locate(&self, p: [f64; 2]) -> Location {
        // Negated comparisons so that NaN coordinates fall outside.
        if !(p[0] >= self.min[0] - TOLERANCE
            && p[0] <= self.max[0] + TOLERANCE
            && p[1] >= self.min[1] - TOLERANCE
            && p[1] <= self.max[1] + TOLERANCE)
        {
            return Location::Outside;
        }
        let mut inside = false;
        let n = self.n_stripes();
        if n == 0 {
            for ring in self.rings() {
                for w in self.coords[ring].windows(2) {
                    let (crosses, near) = edge_test(w[0], w[1], p);
                    inside ^= crosses;
                    if near && seg_dist2(p, w[0], w[1]) <= TOLERANCE * TOLERANCE {
                        return Location::Boundary;
                    }
                }
            }
        } else {
            let s = stripe_of(p[1], self.min[1], self.inv_height, n);
            for &i in self.stripe_slice(s, s) {
                let (a, b) = self.edge(i as usize);
                let (crosses, near) = edge_test(a, b, p);
                inside ^= crosses;
                if near && seg_dist2(p, a, b) <= TOLERANCE * TOLERANCE {
                    return Location::Boundary;
                }
            }
        }
        if inside {
            Location::Inside
        } else {
            Location::Outside
        }
    }

    /// Bounding box `(min, max)` as `[lon, lat]`; inverted (`min = +inf`,
    /// `max = -inf`) for an empty polygon.
    pub fn bbox(&self) -> ([f64; 2], [f64; 2]) {
        (self.min, self.max)
    }

    /// Planar distance in degrees from `p` to the nearest edge, if it is at
    /// most `max`. Only the stripes covering `p.y ± max` are visited, unless
    /// they would list more entries than there are edges (then all edges are
    /// scanned once).
    pub fn distance_to_boundary_deg(&self, p: [f64; 2], max: f64) -> Option<f64> {
        if max.is_nan() || max < 0.0 || self.coords.is_empty() {
            return None;
        }
        let dx = (self.min[0] - p[0]).max(p[0] - self.max[0]).max(0.0);
        let dy = (self.min[1] - p[1]).max(p[1] - self.max[1]).max(0.0);
        if dx * dx + dy * dy > max * max {
            return None;
        }
        let mut best = f64::INFINITY;
        let mut visit = |i: usize| {
            let (a, b) = self.edge(i);
            if a[0].min(b[0]) <= p[0] + max
                && a[0].max(b[0]) >= p[0] - max
                && a[1].min(b[1]) <= p[1] + max
                && a[1].max(b[1]) >= p[1] - max
            {
                best = best.min(seg_dist2(p, a, b));
            }
        };
        let n = self.n_stripes();
        let n_edges = self.coords.len() - self.rings().count();
        let stripes = (n > 0).then(|| {
            let lo = stripe_of(p[1] - max, self.min[1], self.inv_height, n);
            let hi = stripe_of(p[1] + max, self.min[1], self.inv_height, n);
            self.stripe_slice(lo, hi)
        });
        match stripes {
            Some(ids) if ids.len() <= n_edges => ids.iter().for_each(|&i| visit(i as usize)),
            _ => self
                .rings()
                .for_each(|r| (r.start..r.end - 1).for_each(&mut visit)),
        }
        let d = best.sqrt();
        (d <= max).then_some(d)
    }

    /// Heap memory owned by this value, in bytes (excluding `size_of::<Self>()`).
    pub fn heap_bytes(&self) -> usize {
        std::mem::size_of_val(&*self.coords)
            + std::mem::size_of_val(&*self.ring_ends)
            + std::mem::size_of_val(&*self.stripe_offsets)
            + std::mem::size_of_val(&*self.stripe_edges)
    }
}

/// Converts a length to `u32`; polygons never approach 4 billion vertices.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("polygon index exceeds u32 (over 4 billion vertices)")
}

/// Stripe of latitude `y`: monotone in `y`, clamped to `0..n`.
#[inline]
fn stripe_of(y: f64, y0: f64, inv_height: f64, n: usize) -> usize {
    // `as` saturates (NaN -> 0), which keeps this total and monotone.
    (((y - y0) * inv_height) as usize).min(n - 1)
}

/// Tests edge `a -> b` against `p`: `crosses` if the +x
/// ray from `p` crosses it (half-open rule), `near` if `p` may be within
/// TOLERANCE of it (a cheap superset: within twice TOLERANCE of the
/// supporting line and inside the edge's box widened by TOLERANCE); only
/// the y-range test branches. When
/// `near` is false the sign of `cross` is reliable, so `crosses` is exact.
#[inline(always)]
fn edge_test(a: [f64; 2], b: [f64; 2], p: [f64; 2]) -> (bool, bool) {
    let (y_lo, y_hi) = (p[1] - TOLERANCE, p[1] + TOLERANCE);
    // Entirely above or below (beyond TOLERANCE): neither near nor crossing.
    // Most edges leave here, so this one branch is worth taking.
    if ((a[1] > y_hi) & (b[1] > y_hi)) | ((a[1] < y_lo) & (b[1] < y_lo)) {
        return (false, false);
    }
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let cross = dx * (p[1] - a[1]) - (p[0] - a[0]) * dy;
    let up = b[1] > p[1];
    let crosses = ((a[1] > p[1]) != up) & ((cross > 0.0) == up);
    let (x_lo, x_hi) = (p[0] - TOLERANCE, p[0] + TOLERANCE);
    let in_box = ((a[0] <= x_hi) | (b[0] <= x_hi)) & ((a[0] >= x_lo) | (b[0] >= x_lo));
    let near = in_box & (cross * cross <= 4.0 * TOLERANCE * TOLERANCE * (dx * dx + dy * dy));
    (crosses, near)
}

/// Squared planar distance from `p` to segment `a`–`b`.
#[inline]
fn seg_dist2(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let (px, py) = (p[0] - a[0], p[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        ((px * dx + py * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (px - t * dx, py - t * dy);
    ex * ex + ey * ey
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::coordinate_position::{CoordPos, CoordinatePosition};
    use geo::{Coord, Distance, Euclidean, Line, LineString, Point, Polygon};

    /// Deterministic test points from the crate's generator.
    struct Rng(crate::synth::rng::SplitMix64);
    impl Rng {
        fn new(seed: u64) -> Self {
            Rng(crate::synth::rng::SplitMix64::new(seed))
        }
        fn f64(&mut self) -> f64 {
            self.0.next_f64()
        }
        fn range(&mut self, lo: f64, hi: f64) -> f64 {
            self.0.range(lo, hi)
        }
    }

    fn ring(pts: &[(f64, f64)]) -> LineString<f64> {
        LineString::from(pts.to_vec())
    }
    fn poly(ext: &[(f64, f64)], holes: &[&[(f64, f64)]]) -> Polygon<f64> {
        Polygon::new(ring(ext), holes.iter().map(|h| ring(h)).collect())
    }
    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<(f64, f64)> {
        vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    }
    fn square_with_hole() -> MultiPolygon<f64> {
        MultiPolygon(vec![poly(
            &square(0., 0., 10., 10.),
            &[&square(3., 3., 7., 7.)],
        )])
    }
    fn star(n: usize, c: (f64, f64), r1: f64, r2: f64) -> MultiPolygon<f64> {
        let pts: Vec<(f64, f64)> = (0..2 * n)
            .map(|i| {
                let t = std::f64::consts::PI * i as f64 / n as f64;
                let r = if i % 2 == 0 { r1 } else { r2 };
                (c.0 + r * t.cos(), c.1 + r * t.sin())
            })
            .collect();
        MultiPolygon(vec![poly(&pts, &[])])
    }
    fn multi_parts() -> MultiPolygon<f64> {
        MultiPolygon(vec![
            poly(&square(0., 0., 10., 10.), &[&square(3., 3., 7., 7.)]),
            poly(&square(4., 4., 6., 6.), &[]), // island in the lake
            poly(&[(20., 0.), (30., 0.), (25., 8.), (20., 0.)], &[]),
        ])
    }
    /// Staircase with `n` steps at the given heights (`ys` increasing, last = top).
    fn staircase(x0: f64, y0: f64, s: f64, ys: &[f64]) -> MultiPolygon<f64> {
        let n = ys.len();
        let mut pts = vec![(x0, y0), (x0 + s * n as f64, y0)];
        for (k, &y) in ys.iter().enumerate() {
            pts.push((x0 + s * (n - k) as f64, y));
            pts.push((x0 + s * (n - k - 1) as f64, y));
        }
        MultiPolygon(vec![poly(&pts, &[])])
    }
    fn wiggly_circle(n: usize, seed: u64) -> MultiPolygon<f64> {
        let mut rng = Rng::new(seed);
        let pts: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let t = std::f64::consts::TAU * i as f64 / n as f64;
                let r = 10.0
                    * (1.0
                        + 0.15 * (40.0 * t).sin()
                        + 0.05 * (333.0 * t).sin()
                        + 0.02 * (rng.f64() - 0.5));
                (105.0 + r * t.cos(), 35.0 + 0.6 * r * t.sin())
            })
            .collect();
        MultiPolygon(vec![poly(&pts, &[])])
    }

    fn lines(mp: &MultiPolygon<f64>) -> Vec<Line<f64>> {
        mp.0.iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
            .flat_map(|r| r.lines())
            .collect()
    }
    fn brute_dist(ls: &[Line<f64>], p: [f64; 2]) -> f64 {
        let pt = Point::new(p[0], p[1]);
        ls.iter()
            .map(|l| Euclidean.distance(&pt, l))
            .fold(f64::INFINITY, f64::min)
    }
    fn geo_loc(mp: &MultiPolygon<f64>, p: [f64; 2]) -> CoordPos {
        mp.coordinate_position(&Coord { x: p[0], y: p[1] })
    }
    /// Our answer must agree with geo; a `Boundary` that geo calls
    /// inside/outside must be within TOLERANCE of an edge.
    fn agrees(
        mp: &MultiPolygon<f64>,
        ls: &[Line<f64>],
        pp: &PreparedPolygon,
        p: [f64; 2],
    ) -> Location {
        let ours = pp.locate(p);
        match (geo_loc(mp, p), ours) {
            (CoordPos::Inside, Location::Inside)
            | (CoordPos::Outside, Location::Outside)
            | (CoordPos::OnBoundary, Location::Boundary) => {}
            (_, Location::Boundary) => assert!(brute_dist(ls, p) <= TOLERANCE * 1.001, "{p:?}"),
            (g, o) => panic!("{p:?}: geo {g:?}, ours {o:?}"),
        }
        ours
    }
    /// Random points in the widened bbox, some snapped to a grid of `step`.
    fn check_random(mp: &MultiPolygon<f64>, n: usize, seed: u64, step: Option<f64>) {
        let pp = PreparedPolygon::new(mp);
        let ls = lines(mp);
        let (lo, hi) = pp.bbox();
        let (w, h) = (hi[0] - lo[0], hi[1] - lo[1]);
        let mut rng = Rng::new(seed);
        let mut counts = [0usize; 3];
        for k in 0..n {
            let mut p = [
                rng.range(lo[0] - 0.1 * w, hi[0] + 0.1 * w),
                rng.range(lo[1] - 0.1 * h, hi[1] + 0.1 * h),
            ];
            if let Some(s) = step {
                // Snap y (half the time also x) to the grid: vertex and edge heights.
                p[1] = lo[1] + ((p[1] - lo[1]) / s).round() * s;
                if k % 2 == 0 {
                    p[0] = lo[0] + ((p[0] - lo[0]) / s).round() * s;
                }
            }
            counts[agrees(mp, &ls, &pp, p) as usize] += 1;
        }
        assert!(counts[Location::Inside as usize] > n / 20, "{counts:?}");
        assert!(counts[Location::Outside as usize] > n / 20, "{counts:?}");
    }
    /// Vertices and edge midpoints are Boundary; points 1e-6 off an edge's
    /// midpoint along its normal are not, and agree with geo.
    fn check_edges(mp: &MultiPolygon<f64>, off_samples: usize) {
        let pp = PreparedPolygon::new(mp);
        let ls = lines(mp);
        for l in &ls {
            let mid = [(l.start.x + l.end.x) / 2.0, (l.start.y + l.end.y) / 2.0];
            assert_eq!(pp.locate([l.start.x, l.start.y]), Location::Boundary);
            assert_eq!(pp.locate(mid), Location::Boundary, "{mid:?}");
            for (dx, dy) in [(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0)] {
                let q = [
                    l.start.x + 0.9 * TOLERANCE * dx,
                    l.start.y + 0.9 * TOLERANCE * dy,
                ];
                assert_eq!(pp.locate(q), Location::Boundary, "{q:?}");
            }
        }
        let stride = (ls.len() / off_samples).max(1);
        for l in ls.iter().step_by(stride) {
            let (dx, dy) = (l.end.x - l.start.x, l.end.y - l.start.y);
            let len = dx.hypot(dy);
            if len < 1e-5 {
                continue;
            }
            let mid = [(l.start.x + l.end.x) / 2.0, (l.start.y + l.end.y) / 2.0];
            let (nx, ny) = (-dy / len * 1e-6, dx / len * 1e-6);
            let a = agrees(mp, &ls, &pp, [mid[0] + nx, mid[1] + ny]);
            let b = agrees(mp, &ls, &pp, [mid[0] - nx, mid[1] - ny]);
            assert_ne!(a, Location::Boundary);
            assert_ne!(b, Location::Boundary);
            assert_ne!(a, b);
        }
    }
    /// Points on edges exactly at stripe boundaries are Boundary, and random
    /// points at those latitudes agree with geo.
    fn check_stripe_boundaries(mp: &MultiPolygon<f64>) {
        let pp = PreparedPolygon::new(mp);
        let ls = lines(mp);
        let n = pp.n_stripes();
        assert!(n > 1);
        let mut rng = Rng::new(7);
        let (lo, hi) = pp.bbox();
        for k in 1..n {
            let y = pp.min[1] + k as f64 / pp.inv_height;
            for l in ls
                .iter()
                .filter(|l| l.start.y.min(l.end.y) <= y && y <= l.start.y.max(l.end.y))
            {
                let x = if l.start.y == l.end.y {
                    (l.start.x + l.end.x) / 2.0
                } else {
                    l.start.x + (y - l.start.y) / (l.end.y - l.start.y) * (l.end.x - l.start.x)
                };
                assert_eq!(pp.locate([x, y]), Location::Boundary, "stripe {k} {x} {y}");
            }
            if k % (n / 50).max(1) == 0 {
                agrees(mp, &ls, &pp, [rng.range(lo[0], hi[0]), y]);
            }
        }
    }
    fn check_distance(mp: &MultiPolygon<f64>, n: usize, seed: u64) {
        let pp = PreparedPolygon::new(mp);
        let ls = lines(mp);
        let (lo, hi) = pp.bbox();
        let (w, h) = (hi[0] - lo[0], hi[1] - lo[1]);
        let mut rng = Rng::new(seed);
        let maxes = [0.0, 1e-3, 0.05, 0.5, 5.0, f64::INFINITY];
        for k in 0..n {
            let p = [
                rng.range(lo[0] - 0.2 * w, hi[0] + 0.2 * w),
                rng.range(lo[1] - 0.2 * h, hi[1] + 0.2 * h),
            ];
            let max = maxes[k % maxes.len()] * w.max(h) / 10.0;
            let brute = brute_dist(&ls, p);
            match pp.distance_to_boundary_deg(p, max) {
                Some(d) => assert!(
                    (d - brute).abs() <= 1e-12 * (1.0 + brute) && d <= max,
                    "{p:?} {d} {brute}"
                ),
                None => assert!(brute > max, "{p:?} max {max} brute {brute}"),
            }
        }
        // A vertex is at distance 0.
        let v = ls[0].start;
        assert_eq!(pp.distance_to_boundary_deg([v.x, v.y], 0.0), Some(0.0));
    }

    #[test]
    fn square_with_hole_explicit() {
        let pp = PreparedPolygon::new(&square_with_hole());
        use Location::*;
        for (p, want) in [
            ([5.0, 1e-6], Inside),
            ([5.0, -1e-6], Outside),
            ([5.0, 3.0 - 1e-6], Inside),
            ([5.0, 3.0 + 1e-6], Outside),
            ([1.0, 5.0], Inside),
            ([5.0, 5.0], Outside),
            ([0.0, 0.0], Boundary),
            ([3.0, 3.0], Boundary),
            ([5.0, 0.0], Boundary), // horizontal edge
            ([5.0, 7.0], Boundary),
            ([0.0, 5.0], Boundary),
            ([5.0, 3.0 + 0.5e-9], Boundary),
            ([5.0, 3.0 + 2e-9], Outside),
            ([-1.0, 3.0], Outside), // ray through vertices of exterior and hole
            ([1.0, 3.0], Inside),
            ([8.0, 7.0], Inside),
            ([11.0, 10.0], Outside),
        ] {
            assert_eq!(pp.locate(p), want, "{p:?}");
        }
    }

    #[test]
    fn square_with_hole_random() {
        let mp = square_with_hole();
        check_random(&mp, 4000, 1, None);
        check_random(&mp, 4000, 2, Some(0.5));
        check_edges(&mp, 100);
        check_distance(&mp, 500, 3);
    }

    #[test]
    fn star_concave() {
        let mp = star(400, (100.3, 30.7), 1.0, 0.35);
        let pp = PreparedPolygon::new(&mp);
        assert!(pp.n_stripes() > 0);
        check_random(&mp, 4000, 4, None);
        check_edges(&mp, 200);
        check_stripe_boundaries(&mp);
        check_distance(&mp, 500, 5);
    }

    #[test]
    fn multipolygon_parts() {
        let mp = multi_parts();
        check_random(&mp, 4000, 6, None);
        check_random(&mp, 4000, 7, Some(0.5));
        check_edges(&mp, 100);
        check_distance(&mp, 500, 8);
        let pp = PreparedPolygon::new(&mp);
        assert_eq!(pp.locate([5.0, 5.0]), Location::Inside); // island
        assert_eq!(pp.locate([3.5, 5.0]), Location::Outside); // lake
        assert_eq!(pp.locate([25.0, 4.0]), Location::Inside);
    }

    #[test]
    fn horizontal_edges() {
        // Exact integer grid, then degree-like coordinates with rounding.
        let ys: Vec<f64> = (1..=30).map(f64::from).collect();
        let exact = staircase(0.0, 0.0, 1.0, &ys);
        check_random(&exact, 4000, 9, Some(0.5));
        check_edges(&exact, 100);
        let ys: Vec<f64> = (1..=30).map(|k| 30.0 + 0.01 * f64::from(k)).collect();
        let scaled = staircase(110.0, 30.0, 0.01, &ys);
        check_random(&scaled, 4000, 10, Some(0.005));
        check_edges(&scaled, 100);
        check_distance(&scaled, 500, 11);
        // Same bbox and edge count, steps moved onto the stripe boundaries.
        let pp = PreparedPolygon::new(&scaled);
        let n = pp.n_stripes();
        // Step k sits at k * n / 30 stripe heights: on a boundary when that is whole.
        let on_boundary = |k: usize| (k + 1) * n % 30 == 0;
        let mut ys: Vec<f64> = (1..30)
            .map(|k| pp.min[1] + (k * n) as f64 / 30.0 / pp.inv_height)
            .collect();
        ys.push(pp.max[1]);
        let on_stripes = staircase(110.0, 30.0, 0.01, &ys);
        let pp2 = PreparedPolygon::new(&on_stripes);
        assert_eq!((pp2.n_stripes(), pp2.inv_height), (n, pp.inv_height));
        check_stripe_boundaries(&on_stripes);
        check_edges(&on_stripes, 100);
        check_random(&on_stripes, 2000, 12, None);
        // Steps just below the stripe boundaries: points within TOLERANCE
        // above them lie in the next stripe and must still be Boundary.
        let mut below: Vec<f64> = ys[..29].iter().map(|y| y - 0.5 * TOLERANCE).collect();
        below.push(pp.max[1]);
        let near = staircase(110.0, 30.0, 0.01, &below);
        let pp3 = PreparedPolygon::new(&near);
        assert_eq!((pp3.n_stripes(), pp3.inv_height), (n, pp.inv_height));
        for (k, &y) in below
            .iter()
            .enumerate()
            .take(29)
            .filter(|&(k, _)| on_boundary(k))
        {
            let x = 110.0 + 0.01 * (below.len() - k - 1) as f64 + 0.0049;
            let s = |y| stripe_of(y, pp3.min[1], pp3.inv_height, n);
            assert!(
                s(y + 0.9 * TOLERANCE) > s(y),
                "step {k} not below a stripe boundary"
            );
            assert_eq!(
                pp3.locate([x, y + 0.9 * TOLERANCE]),
                Location::Boundary,
                "step {k}"
            );
            assert_eq!(
                pp3.locate([x, y - 0.9 * TOLERANCE]),
                Location::Boundary,
                "step {k}"
            );
            assert_eq!(
                pp3.locate([x, y + 2.0 * TOLERANCE]),
                Location::Outside,
                "step {k}"
            );
            assert_eq!(
                pp3.locate([x, y - 2.0 * TOLERANCE]),
                Location::Inside,
                "step {k}"
            );
        }
        for (k, &y) in ys.iter().enumerate() {
            let x = 110.0 + 0.01 * (ys.len() - k - 1) as f64 + 0.0049;
            assert_eq!(pp2.locate([x, y]), Location::Boundary, "step {k}");
        }
    }

    #[test]
    fn wiggly_circle_50k() {
        let mp = wiggly_circle(50_000, 13);
        let pp = PreparedPolygon::new(&mp);
        assert!(pp.n_stripes() > 1000);
        // CSR index stays small: coords 16 B/vertex plus a few u32 per edge.
        assert!(pp.heap_bytes() < 50_000 * 40, "{}", pp.heap_bytes());
        check_random(&mp, 1500, 14, None);
        check_edges(&mp, 200);
        check_stripe_boundaries(&mp);
        check_distance(&mp, 150, 15);
    }

    #[test]
    fn small_polygons_are_scanned() {
        let pp = PreparedPolygon::new(&square_with_hole());
        assert_eq!(pp.n_stripes(), 0);
        // 8 edges + 3 ring ends: 10 vertices * 16 B + 2 * 4 B.
        assert_eq!(pp.heap_bytes(), 10 * 16 + 2 * 4);
        let single = PreparedPolygon::new(&MultiPolygon(vec![poly(&square(0., 0., 1., 1.), &[])]));
        assert_eq!(single.heap_bytes(), 5 * 16);
    }

    #[test]
    fn degenerate_input() {
        let empty = PreparedPolygon::new(&MultiPolygon::<f64>(vec![]));
        assert_eq!(empty.locate([0.0, 0.0]), Location::Outside);
        assert_eq!(
            empty.distance_to_boundary_deg([0.0, 0.0], f64::INFINITY),
            None
        );
        assert_eq!(empty.heap_bytes(), 0);
        let (lo, hi) = empty.bbox();
        assert!(lo[0] > hi[0]);

        let empty_ring = PreparedPolygon::new(&MultiPolygon(vec![Polygon::new(
            LineString(vec![]),
            vec![],
        )]));
        assert_eq!(empty_ring.locate([0.0, 0.0]), Location::Outside);

        // Zero-area ring: collinear points, edges cancel out.
        let flat = PreparedPolygon::new(&MultiPolygon(vec![poly(
            &[(0., 0.), (1., 1.), (2., 2.), (0., 0.)],
            &[],
        )]));
        assert_eq!(flat.locate([1.0, 1.0]), Location::Boundary);
        assert_eq!(flat.locate([1.0, 0.5]), Location::Outside);
        assert_eq!(flat.locate([-1.0, 0.5]), Location::Outside);

        // A horizontal zero-height ring with enough edges to be indexed.
        let pts: Vec<(f64, f64)> = (0..40)
            .map(|i| (f64::from(i), 5.0))
            .chain([(0.0, 5.0)])
            .collect();
        let line = PreparedPolygon::new(&MultiPolygon(vec![poly(&pts, &[])]));
        assert!(line.n_stripes() > 0);
        assert_eq!(line.locate([3.5, 5.0]), Location::Boundary);
        assert_eq!(line.locate([3.5, 5.1]), Location::Outside);
        assert_eq!(line.distance_to_boundary_deg([3.5, 6.0], 2.0), Some(1.0));

        // Repeated points give the same answers as the clean square.
        let rep: Vec<(f64, f64)> = square(0., 0., 1., 1.)
            .into_iter()
            .flat_map(|p| [p, p, p])
            .collect();
        let rep = PreparedPolygon::new(&MultiPolygon(vec![poly(&rep, &[])]));
        assert_eq!(rep.heap_bytes(), 5 * 16);
        assert_eq!(rep.locate([0.5, 0.5]), Location::Inside);
        assert_eq!(rep.locate([1.0, 0.5]), Location::Boundary);

        // One point repeated; NaN coordinates in the input and the query.
        let dot = PreparedPolygon::new(&MultiPolygon(vec![poly(
            &[(1., 1.), (1., 1.), (1., 1.)],
            &[],
        )]));
        assert_eq!(dot.locate([1.0, 1.0]), Location::Boundary);
        assert_eq!(dot.locate([1.0, 1.5]), Location::Outside);
        let nan = PreparedPolygon::new(&MultiPolygon(vec![poly(
            &[(0., 0.), (f64::NAN, 1.), (1., 0.), (1., 1.)],
            &[],
        )]));
        assert_eq!(nan.locate([0.9, 0.5]), Location::Inside);
        assert_eq!(nan.locate([f64::NAN, 0.5]), Location::Outside);
        assert_eq!(nan.distance_to_boundary_deg([f64::NAN, 0.5], 1.0), None);
        let big = PreparedPolygon::new(&wiggly_circle(100, 1));
        assert_eq!(big.locate([f64::NAN, f64::NAN]), Location::Outside);
        assert_eq!(big.distance_to_boundary_deg([105.0, 35.0], f64::NAN), None);
    }
}
