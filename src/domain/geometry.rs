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
/// Rings are always oriented the OGC way (exterior counter-clockwise, holes clockwise),
/// which geodesic area and tile encoding rely on; that alone is not reported as a
/// repair. Invalid input then has repeated vertices removed; if that is not enough the
/// shape is rebuilt with a union against nothing, which resolves self-intersections and
/// overlapping parts (i_overlay).
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
    let mp = mp.orient(geo::orient::Direction::Default);
    if mp.is_valid() {
        return (mp, Repair::None);
    }
    let problem = mp
        .validation_errors()
        .first()
        .map(|e| e.to_string())
        .unwrap_or_default();
    let cleaned = mp.remove_repeated_points();
    if cleaned.is_valid() {
        return (cleaned, Repair::Cleaned);
    }
    let rebuilt = cleaned.union(&MultiPolygon::<f64>::new(vec![]));
    (rebuilt, Repair::Rebuilt { problem })
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, GeodesicArea};

    #[test]
    fn clockwise_rings_are_oriented_so_area_is_local() {
        // 1° x 1° square near Hangzhou, written clockwise.
        let cw = MultiPolygon(vec![polygon![
            (x: 120.0, y: 30.0), (x: 120.0, y: 31.0), (x: 121.0, y: 31.0), (x: 121.0, y: 30.0), (x: 120.0, y: 30.0)
        ]]);
        let (fixed, what) = repair(cw);
        assert_eq!(what, Repair::None);
        let km2 = fixed.geodesic_area_unsigned() / 1e6;
        assert!((10_000.0..12_000.0).contains(&km2), "{km2}");
    }
}
