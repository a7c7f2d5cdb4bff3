//! 逆地理编码 reverse geocoding: a point → its province, prefecture, county, township and
//! village on a date, the nearest standard place names and (for officials) the nearest
//! boundary markers.
//!
//! Used by `/v1/reverse`, the batch endpoint, and later by signs, inspections and
//! filings. The boundary and hierarchy rules are those of [`crate::engine::locate`].

use chrono::NaiveDate;
use geo::Point;
use serde::Serialize;

use crate::domain::gcj02;
use crate::domain::{Level, Source};
use crate::engine::locate::LevelHit;
use crate::engine::{DivIdx, Snapshot};

use super::divisions::{reference, DivisionRef};

/// At most this many nearby names or markers per request.
pub const MAX_NEARBY: usize = 50;
/// Nearby names are looked for within this distance.
pub const NAME_RADIUS_M: f64 = 10_000.0;
/// Nearby boundary markers are looked for within this distance.
pub const MARKER_RADIUS_M: f64 = 100_000.0;

/// Coordinate reference system of an input point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Crs {
    /// CGCS2000 lon/lat (EPSG:4490); WGS-84 (EPSG:4326) is accepted as the same.
    Cgcs2000,
    /// GCJ-02, the offset coordinates of commercial Chinese maps.
    Gcj02,
}

impl Crs {
    /// Parses `cgcs2000`, `wgs84`, `epsg:4490`, `epsg:4326` or `gcj02` (any case).
    pub fn parse(s: &str) -> Option<Crs> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "cgcs2000" | "epsg:4490" | "4490" | "wgs84" | "epsg:4326" | "4326" => {
                Some(Crs::Cgcs2000)
            }
            "gcj02" | "gcj-02" => Some(Crs::Gcj02),
            _ => None,
        }
    }

    /// The CGCS2000 position of a point given in this system.
    pub fn to_cgcs2000(self, lon: f64, lat: f64) -> (f64, f64) {
        match self {
            Crs::Cgcs2000 => (lon, lat),
            Crs::Gcj02 => gcj02::gcj02_to_wgs84(lon, lat),
        }
    }
}

/// Why a point cannot be reverse-geocoded.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReverseError {
    #[error("{what} {value} is not a number in [{min}, {max}]")]
    OutOfRange {
        what: &'static str,
        value: f64,
        min: f64,
        max: f64,
    },
}

/// Checks a lon/lat pair.
pub fn check_point(lon: f64, lat: f64) -> Result<Point<f64>, ReverseError> {
    let check = |what, value: f64, lim: f64| {
        if value.is_finite() && value.abs() <= lim {
            Ok(value)
        } else {
            Err(ReverseError::OutOfRange {
                what,
                value,
                min: -lim,
                max: lim,
            })
        }
    };
    Ok(Point::new(
        check("lon", lon, 180.0)?,
        check("lat", lat, 90.0)?,
    ))
}

/// What to answer besides the hierarchy.
#[derive(Debug, Clone, Copy)]
pub struct ReverseOptions {
    pub date: NaiveDate,
    /// Number of nearest place names (0..=MAX_NEARBY).
    pub names: usize,
    /// Number of nearest boundary markers (0..=MAX_NEARBY).
    pub markers: usize,
}

/// One level of the answer.
#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    #[serde(flatten)]
    pub division: DivisionRef,
    pub level_name_zh: &'static str,
    pub source: Source,
    pub geometry_source: Option<Source>,
    /// The point lies on this division's boundary with `neighbours`.
    pub on_boundary: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub neighbours: Vec<DivisionRef>,
}

/// A nearby place name.
#[derive(Debug, Clone, Serialize)]
pub struct NearbyName {
    pub id: i64,
    pub name: String,
    pub roman: String,
    pub category: String,
    pub lon: f64,
    pub lat: f64,
    pub distance_m: f64,
    pub source: Source,
}

/// A nearby boundary marker.
#[derive(Debug, Clone, Serialize)]
pub struct NearbyMarker {
    pub id: i64,
    /// 界桩编号 per GB/T 17796 (line number + sequence + type).
    pub number: String,
    pub marker_type: char,
    pub lon: f64,
    pub lat: f64,
    pub distance_m: f64,
    pub source: Source,
}

/// The answer of a reverse lookup.
#[derive(Debug, Clone, Serialize)]
pub struct ReverseAnswer {
    /// The CGCS2000 position looked up (converted when the input was GCJ-02).
    pub lon: f64,
    pub lat: f64,
    pub crs: Crs,
    pub as_of: NaiveDate,
    /// Province first; levels without a division are left out.
    pub hierarchy: Vec<LevelView>,
    /// The point lies on a boundary at some level.
    pub on_boundary: bool,
    /// Why the hierarchy is empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_zh: Option<&'static str>,
    pub names: Vec<NearbyName>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub markers: Vec<NearbyMarker>,
}

fn round(v: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

/// The hierarchy of `point` on `date`, province first, as views.
pub fn hierarchy(s: &Snapshot, point: Point<f64>, date: NaiveDate) -> Vec<LevelView> {
    s.hierarchy(point, date)
        .into_iter()
        .flatten()
        .map(|h| level_view(s, h))
        .collect()
}

fn level_view(s: &Snapshot, h: LevelHit) -> LevelView {
    let d = s.division(h.division);
    let refs = |v: &[DivIdx]| v.iter().map(|i| reference(s.division(*i))).collect();
    LevelView {
        division: reference(d),
        level_name_zh: d.level.name_zh(),
        source: d.source,
        geometry_source: d.geometry_source,
        on_boundary: h.on_boundary,
        neighbours: refs(&h.neighbours),
    }
}

/// Reverse-geocodes `point` (CGCS2000) with the nearby names and markers asked for.
pub fn reverse(s: &Snapshot, point: Point<f64>, crs: Crs, opts: ReverseOptions) -> ReverseAnswer {
    let hierarchy = hierarchy(s, point, opts.date);
    let (reason, reason_zh) = if hierarchy.is_empty() {
        (
            Some("the point lies outside every division held by this service (outside China, or at sea)"),
            Some("该点不在本系统收录的任何行政区域内（境外或海域）"),
        )
    } else {
        (None, None)
    };
    let names = s
        .nearest_names(point, opts.names.min(MAX_NEARBY), NAME_RADIUS_M)
        .into_iter()
        .map(|(i, d)| {
            let n = s.place_names().get(i);
            let p = n.position.unwrap_or(point);
            NearbyName {
                id: n.id.0,
                name: n.name.to_string(),
                roman: n.roman.to_string(),
                category: format!("{:05}", n.category),
                lon: p.x(),
                lat: p.y(),
                distance_m: round(d, 1),
                source: n.source,
            }
        })
        .collect();
    let markers = s
        .nearest_markers(point, opts.markers.min(MAX_NEARBY), MARKER_RADIUS_M)
        .into_iter()
        .filter_map(|(i, d)| {
            let m = s.markers().get(i as usize)?;
            Some(NearbyMarker {
                id: m.id.0,
                number: m.number.as_str().to_string(),
                marker_type: m.number.marker_type().as_char(),
                lon: m.agreed_position.x(),
                lat: m.agreed_position.y(),
                distance_m: round(d, 1),
                source: m.source,
            })
        })
        .collect();
    ReverseAnswer {
        lon: point.x(),
        lat: point.y(),
        crs,
        as_of: opts.date,
        on_boundary: hierarchy.iter().any(|l| l.on_boundary),
        hierarchy,
        reason,
        reason_zh,
        names,
        markers,
    }
}

/// Codes and names of the five levels of a point, for flat (CSV) output: one
/// `(code, name)` per level, empty where there is none, and the boundary flag.
pub fn flat_row(s: &Snapshot, point: Point<f64>, date: NaiveDate) -> ([(String, String); 5], bool) {
    let mut out: [(String, String); 5] = Default::default();
    let mut on_boundary = false;
    for h in s.hierarchy(point, date).into_iter().flatten() {
        let d = s.division(h.division);
        on_boundary |= h.on_boundary;
        out[d.level.number() as usize - 1] = (d.code.to_string(), d.name.clone());
    }
    (out, on_boundary)
}

/// The level names used as CSV column prefixes.
pub fn level_columns() -> [&'static str; 5] {
    Level::ALL.map(Level::name_en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crs_names() {
        assert_eq!(Crs::parse("GCJ02"), Some(Crs::Gcj02));
        assert_eq!(Crs::parse("EPSG:4490"), Some(Crs::Cgcs2000));
        assert_eq!(Crs::parse("wgs84"), Some(Crs::Cgcs2000));
        assert_eq!(Crs::parse("bd09"), None);
        let (lon, lat) = Crs::Gcj02.to_cgcs2000(120.16, 30.27);
        assert!((lon - 120.16).abs() > 1e-3 && (lat - 30.27).abs() > 1e-4);
    }

    #[test]
    fn bad_coordinates_are_errors() {
        assert!(check_point(120.0, 30.0).is_ok());
        assert!(check_point(181.0, 30.0).is_err());
        assert!(check_point(120.0, f64::NAN).is_err());
        assert!(matches!(
            check_point(0.0, -91.0),
            Err(ReverseError::OutOfRange { what: "lat", .. })
        ));
    }
}
