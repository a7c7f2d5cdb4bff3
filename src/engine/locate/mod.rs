//! 定位 point location: which division of each level contains a point.
//!
//! Each level has an R-tree over the bounding boxes of its polygons and one
//! [`PreparedPolygon`] (a y-stripe edge index) per polygon, so a lookup never scans the
//! whole ring of a large polygon.
//!
//! # Rules
//!
//! - **Boundary.** A point within [`TOLERANCE`] (1e-9°, about 0.1 mm) of a polygon's
//!   boundary is *on* it. Among the divisions of one level that hold the point, one
//!   whose interior holds it wins over one on whose boundary it lies; among equals the
//!   lowest code wins. The others are the point's *neighbours* at that level and the
//!   answer is marked `on_boundary`. Because codes nest (a village code starts with its
//!   county's code), the lowest-code rule picks the same side at every level.
//! - **Hierarchy.** The finest level holding the point decides; the levels above are its
//!   ancestors, so the chain is always consistent (a village always lies in its own
//!   township) even where real polygons of different levels do not nest exactly. Where
//!   an ancestor was not valid on the date asked for (a county turned district later),
//!   that level is located by polygon among the divisions valid then.

mod prepared;

use chrono::NaiveDate;
use geo::{BoundingRect, MultiPolygon};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, AABB};

use crate::domain::{Division, Level};

pub use prepared::{Location, PreparedPolygon, TOLERANCE};

use super::DivIdx;

type BoxEntry = GeomWithData<Rectangle<[f64; 2]>, u32>;

/// The answer at one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelHit {
    pub division: DivIdx,
    /// The point lies on the boundary of `division` (or in an overlap of polygons).
    pub on_boundary: bool,
    /// Other divisions of the same level whose polygon also holds the point.
    pub neighbours: Vec<DivIdx>,
}

/// Polygons of one level.
#[derive(Default)]
struct LevelIndex {
    tree: RTree<BoxEntry>,
    polygons: Vec<PreparedPolygon>,
    owners: Vec<DivIdx>,
}

/// Point location over all levels.
#[derive(Default)]
pub struct Locator {
    levels: [LevelIndex; 5],
}

/// One candidate during a lookup: (interior?, division).
type Candidate = (bool, DivIdx);

impl Locator {
    /// Prepares the polygons of `divisions` (indexed by [`DivIdx`]).
    pub fn build(divisions: &[Division]) -> Self {
        let mut levels: [LevelIndex; 5] = Default::default();
        let mut boxes: [Vec<BoxEntry>; 5] = Default::default();
        for (i, d) in divisions.iter().enumerate() {
            let Some((geom, r)) = d
                .geometry
                .as_ref()
                .and_then(|g| g.bounding_rect().map(|r| (g, r)))
            else {
                continue;
            };
            let l = d.level.number() as usize - 1;
            let slot = levels[l].polygons.len() as u32;
            levels[l].polygons.push(PreparedPolygon::new(geom));
            levels[l].owners.push(i as DivIdx);
            let rect = Rectangle::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]);
            boxes[l].push(GeomWithData::new(rect, slot));
        }
        for (level, b) in levels.iter_mut().zip(boxes) {
            level.tree = RTree::bulk_load(b);
        }
        Locator { levels }
    }

    /// Prepares one polygon on its own (e.g. for tests and tools).
    pub fn prepare(geom: &MultiPolygon<f64>) -> PreparedPolygon {
        PreparedPolygon::new(geom)
    }

    /// Heap memory of the prepared polygons, in bytes (R-trees not counted).
    pub fn heap_bytes(&self) -> usize {
        self.levels
            .iter()
            .flat_map(|l| &l.polygons)
            .map(|p| p.heap_bytes() + std::mem::size_of::<PreparedPolygon>())
            .sum()
    }

    /// The division of `level` holding `p` among those `valid` accepts, by the boundary
    /// rule of the module documentation. `code_order` compares two divisions by code.
    pub fn locate(
        &self,
        level: Level,
        p: [f64; 2],
        valid: impl Fn(DivIdx) -> bool,
        code_order: impl Fn(DivIdx, DivIdx) -> std::cmp::Ordering,
    ) -> Option<LevelHit> {
        let index = &self.levels[level.number() as usize - 1];
        let better = |a: Candidate, b: Candidate| match b.0.cmp(&a.0) {
            std::cmp::Ordering::Equal => code_order(a.1, b.1).is_lt(),
            o => o.is_lt(),
        };
        let mut best: Option<Candidate> = None;
        let mut found = 0usize;
        let mut any_boundary = false;
        // First pass without allocating: the common answer is one interior hit.
        for e in index
            .tree
            .locate_in_envelope_intersecting(&AABB::from_point(p))
        {
            let owner = index.owners[e.data as usize];
            if !valid(owner) {
                continue;
            }
            let interior = match index.polygons[e.data as usize].locate(p) {
                Location::Outside => continue,
                Location::Inside => true,
                Location::Boundary => false,
            };
            found += 1;
            any_boundary |= !interior;
            let c = (interior, owner);
            if best.is_none_or(|b| better(c, b)) {
                best = Some(c);
            }
        }
        let (_, division) = best?;
        let mut neighbours = Vec::new();
        if found > 1 {
            for e in index
                .tree
                .locate_in_envelope_intersecting(&AABB::from_point(p))
            {
                let owner = index.owners[e.data as usize];
                if owner != division
                    && valid(owner)
                    && index.polygons[e.data as usize].locate(p) != Location::Outside
                    && !neighbours.contains(&owner)
                {
                    neighbours.push(owner);
                }
            }
            neighbours.sort_by(|a, b| code_order(*a, *b));
        }
        Some(LevelHit {
            division,
            on_boundary: any_boundary || found > 1,
            neighbours,
        })
    }

    /// Divisions of `level` whose polygon comes within `radius_deg` of `p` (planar
    /// degrees), nearest first, with that distance (0 inside).
    pub fn near(
        &self,
        level: Level,
        p: [f64; 2],
        radius_deg: f64,
        valid: impl Fn(DivIdx) -> bool,
    ) -> Vec<(DivIdx, f64)> {
        let index = &self.levels[level.number() as usize - 1];
        let env = AABB::from_corners(
            [p[0] - radius_deg, p[1] - radius_deg],
            [p[0] + radius_deg, p[1] + radius_deg],
        );
        let mut out: Vec<(DivIdx, f64)> = index
            .tree
            .locate_in_envelope_intersecting(&env)
            .filter(|e| valid(index.owners[e.data as usize]))
            .filter_map(|e| {
                let poly = &index.polygons[e.data as usize];
                let d = match poly.locate(p) {
                    Location::Outside => poly.distance_to_boundary_deg(p, radius_deg)?,
                    _ => 0.0,
                };
                Some((index.owners[e.data as usize], d))
            })
            .collect();
        out.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        out
    }
}

/// Validity filter for a date.
pub(crate) fn valid_on(divisions: &[Division], date: NaiveDate) -> impl Fn(DivIdx) -> bool + '_ {
    move |i| divisions[i as usize].validity.contains(date)
}

#[cfg(test)]
mod tests {
    use geo::{polygon, MultiPolygon};

    use super::*;
    use crate::domain::{DivisionCode, DivisionId, DivisionKind, Source, Validity};

    fn square(code: &str, x0: f64, y0: f64, x1: f64, y1: f64) -> Division {
        let poly = polygon![(x: x0, y: y0), (x: x1, y: y0), (x: x1, y: y1), (x: x0, y: y1), (x: x0, y: y0)];
        let code = DivisionCode::parse(code).unwrap();
        Division {
            id: DivisionId(code.as_str().parse().unwrap()),
            level: code.level(),
            code,
            name: "甲".into(),
            kind: DivisionKind::Regular,
            codes: Vec::new(),
            parent: None,
            urban_rural: None,
            validity: Validity::default(),
            source: Source::Real,
            geometry: Some(MultiPolygon(vec![poly])),
            geometry_source: Some(Source::Real),
        }
    }

    fn locate(divs: &[Division], p: [f64; 2]) -> Option<(String, bool, Vec<String>)> {
        let loc = Locator::build(divs);
        let code = |i: DivIdx| divs[i as usize].code.to_string();
        loc.locate(
            Level::County,
            p,
            |_| true,
            |a, b| divs[a as usize].code.cmp(&divs[b as usize].code),
        )
        .map(|h| {
            let n = h.neighbours.iter().map(|i| code(*i)).collect();
            (code(h.division), h.on_boundary, n)
        })
    }

    #[test]
    fn shared_edge_goes_to_the_lower_code_and_names_the_neighbour() {
        let divs = [
            square("330106", 1.0, 0.0, 2.0, 1.0),
            square("330105", 0.0, 0.0, 1.0, 1.0),
        ];
        assert_eq!(
            locate(&divs, [1.0, 0.5]),
            Some(("330105".into(), true, vec!["330106".into()]))
        );
        assert_eq!(
            locate(&divs, [1.5, 0.5]),
            Some(("330106".into(), false, vec![]))
        );
        assert_eq!(
            locate(&divs, [0.5, 0.5]),
            Some(("330105".into(), false, vec![]))
        );
        assert_eq!(locate(&divs, [3.0, 0.5]), None);
        // On the outer edge of one polygon only: on its boundary, no neighbour.
        assert_eq!(
            locate(&divs, [2.0, 0.5]),
            Some(("330106".into(), true, vec![]))
        );
    }

    #[test]
    fn interior_wins_over_boundary_in_an_overlap() {
        // 330105 reaches 1e-10 past the shared edge: the point is inside it and on the
        // boundary of 330104.
        let divs = [
            square("330104", 1.0, 0.0, 2.0, 1.0),
            square("330105", 0.0, 0.0, 1.0 + 1e-6, 1.0),
        ];
        let (code, on, n) = locate(&divs, [1.0, 0.5]).unwrap();
        assert_eq!((code.as_str(), on), ("330105", true));
        assert_eq!(n, vec!["330104".to_string()]);
    }

    #[test]
    fn near_lists_divisions_within_the_radius() {
        let divs = [
            square("330106", 1.0, 0.0, 2.0, 1.0),
            square("330105", 0.0, 0.0, 1.0, 1.0),
        ];
        let loc = Locator::build(&divs);
        let near = loc.near(Level::County, [0.5, 0.5], 0.6, |_| true);
        assert_eq!(near.len(), 2);
        assert_eq!(near[0], (1, 0.0));
        assert!((near[1].1 - 0.5).abs() < 1e-12);
        assert!(loc.near(Level::County, [0.5, 0.5], 0.4, |_| true).len() == 1);
    }
}
