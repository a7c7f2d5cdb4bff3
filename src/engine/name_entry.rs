//! 地名条目 the compact in-memory form of a place name: what search, reverse geocoding
//! and tiles need, without the long texts (those stay in the store).

use geo::Point;

use crate::domain::{DivisionId, PlaceNameId, Source};

/// A place name as the engine holds it. Position is a representative point, CGCS2000
/// lon/lat.
#[derive(Debug, Clone, PartialEq)]
pub struct NameEntry {
    pub id: PlaceNameId,
    pub name: Box<str>,
    pub roman: Box<str>,
    /// 5-digit category code as a number (21800 街路巷…).
    pub category: u32,
    pub position: Option<Point<f64>>,
    pub division: Option<DivisionId>,
    pub source: Source,
}
