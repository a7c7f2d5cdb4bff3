//! Reader for division polygons in GeoJSON (property `gb` = "156" + 6-digit code).
//!
//! The file must declare CGCS2000 or WGS84 (`crs` EPSG:4490/4326/CRS84) or none; a
//! file declaring anything else is refused rather than silently misplaced.

use std::path::Path;

use geo::{MultiPolygon, Polygon};
use geojson::{GeoJson, Value};

use crate::domain::{DivisionCode, Level};

use super::{file, IngestError};

/// A polygon of a division as found in the file.
#[derive(Debug, Clone)]
pub struct BoundaryPolygon {
    pub code: DivisionCode,
    pub name: String,
    pub geometry: MultiPolygon<f64>,
}

/// What a boundary file held.
#[derive(Debug, Default)]
pub struct BoundaryFile {
    pub polygons: Vec<BoundaryPolygon>,
    /// Features that are lines (境界线: sea and estuary lines), not division polygons.
    pub lines_skipped: usize,
    /// Features whose `gb` property is missing or not a valid code: (index, detail).
    pub unusable: Vec<(usize, String)>,
}

const ACCEPTED_CRS: [&str; 5] = [
    "urn:ogc:def:crs:EPSG::4490",
    "EPSG:4490",
    "urn:ogc:def:crs:EPSG::4326",
    "EPSG:4326",
    "urn:ogc:def:crs:OGC:1.3:CRS84",
];

/// Reads a FeatureCollection of polygons of divisions of `level`.
pub fn read(path: &Path, level: Level) -> Result<BoundaryFile, IngestError> {
    let text = file::read_to_string(path)?;
    let gj: GeoJson = text
        .parse()
        .map_err(|e: geojson::Error| IngestError::row(path, 0, e.to_string()))?;
    let GeoJson::FeatureCollection(fc) = gj else {
        return Err(IngestError::row(
            path,
            0,
            "expected a GeoJSON FeatureCollection".into(),
        ));
    };
    if let Some(crs) = fc
        .foreign_members
        .as_ref()
        .and_then(|m| m.get("crs"))
        .and_then(|c| c.pointer("/properties/name"))
        .and_then(|n| n.as_str())
    {
        if !ACCEPTED_CRS.contains(&crs) {
            return Err(IngestError::row(
                path,
                0,
                format!("CRS {crs} is not CGCS2000/WGS84 longitude-latitude; convert it first"),
            ));
        }
    }
    let mut out = BoundaryFile::default();
    for (i, f) in fc.features.into_iter().enumerate() {
        let prop = |k: &str| f.property(k).and_then(|v| v.as_str()).unwrap_or("");
        let (gb, name) = (prop("gb").to_string(), prop("name").to_string());
        let Some(geom) = f.geometry else {
            out.unusable.push((i, format!("{name}: no geometry")));
            continue;
        };
        let geometry = match geom.value {
            Value::MultiLineString(_) | Value::LineString(_) => {
                out.lines_skipped += 1;
                continue;
            }
            Value::Polygon(_) => MultiPolygon(vec![Polygon::try_from(geom.value)
                .map_err(|e| IngestError::row(path, i, e.to_string()))?]),
            Value::MultiPolygon(_) => MultiPolygon::try_from(geom.value)
                .map_err(|e| IngestError::row(path, i, e.to_string()))?,
            other => {
                out.unusable.push((
                    i,
                    format!("{name}: unsupported geometry {}", other.type_name()),
                ));
                continue;
            }
        };
        match parse_gb(&gb, level) {
            Some(code) => out.polygons.push(BoundaryPolygon {
                code,
                name,
                geometry,
            }),
            None => out.unusable.push((
                i,
                format!("{name}: gb property {gb:?} is not 156 + 6 digits"),
            )),
        }
    }
    Ok(out)
}

/// `156330106` → `330106`; `156330000` → `33` (at level 1).
fn parse_gb(gb: &str, level: Level) -> Option<DivisionCode> {
    let six = gb.strip_prefix("156")?;
    (six.len() == 6).then(|| DivisionCode::parse_at(six, level).ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb_codes() {
        assert_eq!(
            parse_gb("156330106", Level::County).unwrap().as_str(),
            "330106"
        );
        assert_eq!(
            parse_gb("156330000", Level::Province).unwrap().as_str(),
            "33"
        );
        assert_eq!(
            parse_gb("156330100", Level::Prefecture).unwrap().as_str(),
            "3301"
        );
        assert_eq!(
            parse_gb("156441900", Level::County).unwrap().as_str(),
            "441900"
        );
        assert!(parse_gb("156330106", Level::Province).is_none());
        assert!(parse_gb("", Level::County).is_none());
        assert!(parse_gb("330106", Level::County).is_none());
    }
}
