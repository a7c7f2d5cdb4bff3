//! 邻近 nearest-point queries (place names, boundary markers) in metres.
//!
//! Points are held as `f32` lon/lat in an R-tree (12 bytes per point, about 1 m of
//! precision, enough to find candidates); distances are great-circle metres from the
//! exact positions the caller supplies.

use geo::{Distance, Haversine, Point};
use rstar::primitives::GeomWithData;
use rstar::RTree;

type Entry = GeomWithData<[f32; 2], u32>;

/// Metres per radian of great circle on the mean Earth radius used by [`Haversine`].
const METRES_PER_RADIAN: f64 = 6_371_008.8;

/// An R-tree of points, each carrying a `u32` index into the caller's table.
#[derive(Default)]
pub struct PointIndex {
    tree: RTree<Entry>,
}

impl PointIndex {
    /// Builds the index from `(index, position)` pairs.
    pub fn build(points: impl Iterator<Item = (u32, Point<f64>)>) -> Self {
        let entries: Vec<Entry> = points
            .filter(|(_, p)| p.x().is_finite() && p.y().is_finite())
            .map(|(i, p)| GeomWithData::new([p.x() as f32, p.y() as f32], i))
            .collect();
        PointIndex {
            tree: RTree::bulk_load(entries),
        }
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    /// Whether the index holds no points.
    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// The `k` points nearest to `at` within `max_m` metres that `keep` accepts, nearest
    /// first, with their distance in metres. `position` gives the exact position of an
    /// index.
    pub fn nearest(
        &self,
        at: Point<f64>,
        k: usize,
        max_m: f64,
        position: impl Fn(u32) -> Option<Point<f64>>,
        keep: impl Fn(u32) -> bool,
    ) -> Vec<(u32, f64)> {
        let mut best: Vec<(u32, f64)> = Vec::with_capacity(k + 1);
        if k == 0 {
            return best;
        }
        let query = [at.x() as f32, at.y() as f32];
        for (e, d2) in self.tree.nearest_neighbor_iter_with_distance_2(&query) {
            // Planar degrees understate distance by at most cos(latitude) in longitude:
            // once even that lower bound exceeds the k-th best (or the limit), stop.
            let planar_deg = (d2 as f64).sqrt();
            let far_lat = (at.y().abs() + planar_deg).min(89.0).to_radians();
            let lower_bound_m = planar_deg.to_radians() * far_lat.cos() * METRES_PER_RADIAN - 2.0; // f32 rounding of both points
            let bound = if best.len() == k {
                best[k - 1].1.min(max_m)
            } else {
                max_m
            };
            if lower_bound_m > bound {
                break;
            }
            if !keep(e.data) {
                continue;
            }
            let Some(p) = position(e.data) else { continue };
            let d = Haversine.distance(at, p);
            if d > max_m {
                continue;
            }
            let slot = best.partition_point(|(i, bd)| (*bd, *i) < (d, e.data));
            if slot < k {
                best.insert(slot, (e.data, d));
                best.truncate(k);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_in_metres_with_filter_and_limit() {
        let pts = [
            Point::new(120.0, 30.0),
            Point::new(120.001, 30.0),  // ~96 m east
            Point::new(120.0, 30.0005), // ~56 m north
            Point::new(121.0, 30.0),    // ~96 km
        ];
        let idx = PointIndex::build(pts.iter().enumerate().map(|(i, p)| (i as u32, *p)));
        assert_eq!(idx.len(), 4);
        let at = Point::new(120.0, 30.0);
        let pos = |i: u32| pts.get(i as usize).copied();
        let got = idx.nearest(at, 3, 1e9, pos, |_| true);
        assert_eq!(
            got.iter().map(|g| g.0).collect::<Vec<_>>(),
            vec![0, 2, 1],
            "{got:?}"
        );
        assert!((got[1].1 - 55.6).abs() < 1.0, "{got:?}");
        let far = idx.nearest(at, 10, 1000.0, pos, |i| i != 0);
        assert_eq!(far.iter().map(|g| g.0).collect::<Vec<_>>(), vec![2, 1]);
        assert!(idx.nearest(at, 0, 1e9, pos, |_| true).is_empty());
    }

    #[test]
    fn longitude_shrinks_with_latitude() {
        // At 60° N a degree of longitude is half a degree of latitude.
        let pts = [Point::new(100.8, 60.0), Point::new(100.0, 60.5)];
        let idx = PointIndex::build(pts.iter().enumerate().map(|(i, p)| (i as u32, *p)));
        let got = idx.nearest(
            Point::new(100.0, 60.0),
            1,
            1e9,
            |i| pts.get(i as usize).copied(),
            |_| true,
        );
        assert_eq!(
            got[0].0, 0,
            "0.8° of longitude at 60° N is nearer than 0.5° of latitude"
        );
    }
}
