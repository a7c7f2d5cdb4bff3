//! 几何修复 validity checks and repair of division polygons.

use geo::{BooleanOps, MultiPolygon, Orient, RemoveRepeatedPoints, Validation};

/// What [`repair`] had to do to a polygon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// Valid as given.
    None,
    /// Repeated vertices removed and ring orientation normalised.
    Cleaned,
    /// Rebuilt by a boolean union (self-intersections, overlapping parts).
    Rebuilt { problem: String },
}

/// Makes a (multi)polygon valid in the OGC sense, changing it as little as possible.
///
/// Valid input is returned unchanged. Otherwise repeated vertices are removed and
/// rings oriented (exterior counter-clockwise); if that is not enough the shape is
/// rebuilt with a union against nothing, which resolves self-intersections and
/// overlapping parts (i_overlay, non-zero fill).
///
/// ```
/// use geo::{polygon, MultiPolygon, Validation};
/// use diming::domain::geometry::{repair, Repair};
/// // A bow-tie: the ring crosses itself.
/// let bow = MultiPolygon(vec![polygon![(x: 0., y: 0.), (x: 2., y: 2.), (x: 2., y: 0.), (x: 0., y: 2.), (x: 0., y: 0.)]]);
/// let (fixed, what) = repair(bow);
/// assert!(fixed.is_valid());
/// assert!(matches!(what, Repair::Rebuilt { .. }));
/// ```
pub fn repair(mp: MultiPolygon<f64>) -> (MultiPolygon<f64>, Repair) {
    if mp.is_valid() {
        return (mp, Repair::None);
    }
    let problem = mp
        .validation_errors()
        .first()
        .map(|e| e.to_string())
        .unwrap_or_default();
    let cleaned = mp
        .remove_repeated_points()
        .orient(geo::orient::Direction::Default);
    if cleaned.is_valid() {
        return (cleaned, Repair::Cleaned);
    }
    let rebuilt = cleaned.union(&MultiPolygon::<f64>::new(vec![]));
    (rebuilt, Repair::Rebuilt { problem })
}
