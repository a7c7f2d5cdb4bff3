//! 批量逆地理编码 batch reverse geocoding: many points in (CSV or GeoJSON), one row or
//! feature per point out, in input order. Officials use it to clean address data.
//!
//! The whole input is parsed and checked before any answer is produced, so a bad row
//! fails the request with its row number instead of a half-written result.

use std::fmt::Write as _;

use chrono::NaiveDate;
use geo::Point;
use serde_json::{json, Value};

use crate::engine::Snapshot;

use super::reverse::{check_point, flat_row, level_columns, Crs};

/// At most this many points per request.
pub const MAX_POINTS: usize = 1_000_000;

/// One input point.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchPoint {
    /// The caller's identifier (CSV `id` column, GeoJSON feature id); row number if absent.
    pub id: String,
    /// As given.
    pub lon: f64,
    pub lat: f64,
    /// CGCS2000, after any datum conversion.
    pub point: Point<f64>,
}

/// Why a batch input is rejected.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BatchError {
    #[error("the input is not UTF-8 text")]
    NotText,
    #[error("the CSV header needs lon and lat columns (also accepted: lng/longitude/x and latitude/y); found: {0}")]
    MissingColumns(String),
    #[error("row {row}: {message}")]
    BadRow { row: usize, message: String },
    #[error("the input is not a GeoJSON FeatureCollection of Points: {0}")]
    BadGeoJson(String),
    #[error("{0} points is more than the limit of {MAX_POINTS} per request; split the input")]
    TooMany(usize),
    #[error("the input holds no points")]
    Empty,
}

fn make_point(
    id: String,
    lon: f64,
    lat: f64,
    crs: Crs,
    row: usize,
) -> Result<BatchPoint, BatchError> {
    check_point(lon, lat).map_err(|e| BatchError::BadRow {
        row,
        message: e.to_string(),
    })?;
    let (x, y) = crs.to_cgcs2000(lon, lat);
    Ok(BatchPoint {
        id,
        lon,
        lat,
        point: Point::new(x, y),
    })
}

fn column(header: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    header.iter().position(|h| {
        names.contains(
            &h.trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase()
                .as_str(),
        )
    })
}

/// Parses CSV with a header row holding `lon` and `lat` columns (and optionally `id`).
pub fn parse_csv(input: &[u8], crs: Crs) -> Result<Vec<BatchPoint>, BatchError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let header = reader
        .headers()
        .map_err(|e| BatchError::MissingColumns(e.to_string()))?
        .clone();
    let lon_col = column(&header, &["lon", "lng", "longitude", "x"]);
    let lat_col = column(&header, &["lat", "latitude", "y"]);
    let id_col = column(&header, &["id"]);
    let (Some(lon_col), Some(lat_col)) = (lon_col, lat_col) else {
        return Err(BatchError::MissingColumns(
            header.iter().collect::<Vec<_>>().join(","),
        ));
    };
    let mut out = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let row = i + 2; // 1-based, after the header
        let rec = rec.map_err(|e| BatchError::BadRow {
            row,
            message: e.to_string(),
        })?;
        if out.len() == MAX_POINTS {
            return Err(BatchError::TooMany(MAX_POINTS + 1));
        }
        let num = |col: usize, what: &str| -> Result<f64, BatchError> {
            let s = rec.get(col).unwrap_or("").trim();
            s.parse().map_err(|_| BatchError::BadRow {
                row,
                message: format!("{what} {s:?} is not a number"),
            })
        };
        let id = id_col
            .and_then(|c| rec.get(c))
            .map_or_else(|| (row - 1).to_string(), str::to_string);
        out.push(make_point(
            id,
            num(lon_col, "lon")?,
            num(lat_col, "lat")?,
            crs,
            row,
        )?);
    }
    if out.is_empty() {
        return Err(BatchError::Empty);
    }
    Ok(out)
}

/// Parses a GeoJSON FeatureCollection of Point features; the id is the feature's `id`,
/// else its `properties.id`, else its position in the collection (1-based).
pub fn parse_geojson(input: &[u8], crs: Crs) -> Result<Vec<BatchPoint>, BatchError> {
    let doc: Value =
        serde_json::from_slice(input).map_err(|e| BatchError::BadGeoJson(e.to_string()))?;
    let features = doc
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| BatchError::BadGeoJson("no \"features\" array".into()))?;
    if features.len() > MAX_POINTS {
        return Err(BatchError::TooMany(features.len()));
    }
    let mut out = Vec::with_capacity(features.len());
    for (i, f) in features.iter().enumerate() {
        let row = i + 1;
        let bad = |message: &str| BatchError::BadRow {
            row,
            message: format!("feature {row}: {message}"),
        };
        let geom = f.get("geometry").ok_or_else(|| bad("no geometry"))?;
        if geom.get("type").and_then(Value::as_str) != Some("Point") {
            return Err(bad("geometry is not a Point"));
        }
        let coords = geom
            .get("coordinates")
            .and_then(Value::as_array)
            .filter(|c| c.len() >= 2)
            .ok_or_else(|| bad("Point needs [lon, lat] coordinates"))?;
        let (Some(lon), Some(lat)) = (coords[0].as_f64(), coords[1].as_f64()) else {
            return Err(bad("coordinates are not numbers"));
        };
        let id = f
            .get("id")
            .or_else(|| f.get("properties").and_then(|p| p.get("id")))
            .map_or_else(
                || row.to_string(),
                |v| v.as_str().map_or_else(|| v.to_string(), str::to_string),
            );
        out.push(make_point(id, lon, lat, crs, row)?);
    }
    if out.is_empty() {
        return Err(BatchError::Empty);
    }
    Ok(out)
}

/// The CSV header of the answer.
pub fn csv_header() -> String {
    let mut h = String::from("id,lon,lat");
    for l in level_columns() {
        let _ = write!(h, ",{l}_code,{l}_name");
    }
    h.push_str(",on_boundary\n");
    h
}

fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Appends the answer rows of `points` to `out`.
pub fn write_csv(s: &Snapshot, points: &[BatchPoint], date: NaiveDate, out: &mut String) {
    for p in points {
        let (levels, on_boundary) = flat_row(s, p.point, date);
        csv_field(out, &p.id);
        let _ = write!(out, ",{},{}", p.lon, p.lat);
        for (code, name) in &levels {
            out.push(',');
            out.push_str(code);
            out.push(',');
            csv_field(out, name);
        }
        out.push_str(if on_boundary { ",true\n" } else { ",false\n" });
    }
}

/// Appends the answer features of `points` to `out`, each preceded by a comma unless it
/// is the very first (`first`).
pub fn write_geojson(
    s: &Snapshot,
    points: &[BatchPoint],
    date: NaiveDate,
    first: bool,
    out: &mut String,
) {
    for (i, p) in points.iter().enumerate() {
        let (levels, on_boundary) = flat_row(s, p.point, date);
        let mut props = serde_json::Map::new();
        props.insert("id".into(), json!(p.id));
        for (l, (code, name)) in level_columns().iter().zip(levels) {
            let (code, name) = if code.is_empty() {
                (Value::Null, Value::Null)
            } else {
                (json!(code), json!(name))
            };
            props.insert(format!("{l}_code"), code);
            props.insert(format!("{l}_name"), name);
        }
        props.insert("on_boundary".into(), json!(on_boundary));
        let f = json!({
            "type": "Feature",
            "geometry": { "type": "Point", "coordinates": [p.lon, p.lat] },
            "properties": props,
        });
        if !(first && i == 0) {
            out.push(',');
        }
        out.push_str(&f.to_string());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_aliases_ids_and_row_errors() {
        let ok = parse_csv(
            b"\xef\xbb\xbfID,Lng,Lat,note\na1,120.1,30.2,x\n,121,31,\n",
            Crs::Cgcs2000,
        )
        .unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(
            (ok[0].id.as_str(), ok[0].lon, ok[0].lat),
            ("a1", 120.1, 30.2)
        );
        assert_eq!(ok[1].id, "");
        let no_id = parse_csv(b"lat,lon\n30,120\n", Crs::Cgcs2000).unwrap();
        assert_eq!((no_id[0].id.as_str(), no_id[0].lon), ("1", 120.0));
        assert_eq!(
            parse_csv(b"lon,lat\n120,30\n120,abc\n", Crs::Cgcs2000),
            Err(BatchError::BadRow {
                row: 3,
                message: "lat \"abc\" is not a number".into()
            })
        );
        assert!(matches!(
            parse_csv(b"lon,lat\n200,30\n", Crs::Cgcs2000),
            Err(BatchError::BadRow { row: 2, .. })
        ));
        assert!(matches!(
            parse_csv(b"a,b\n1,2\n", Crs::Cgcs2000),
            Err(BatchError::MissingColumns(_))
        ));
        assert_eq!(
            parse_csv(b"lon,lat\n", Crs::Cgcs2000),
            Err(BatchError::Empty)
        );
    }

    #[test]
    fn geojson_points_and_errors() {
        let doc = br#"{"type":"FeatureCollection","features":[
            {"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[120,30]},"properties":{}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[121,31]},"properties":{"id":"x"}}]}"#;
        let pts = parse_geojson(doc, Crs::Cgcs2000).unwrap();
        assert_eq!(
            pts.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["7", "x"]
        );
        let line =
            br#"{"features":[{"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}"#;
        assert!(matches!(
            parse_geojson(line, Crs::Cgcs2000),
            Err(BatchError::BadRow { row: 1, .. })
        ));
        assert!(matches!(
            parse_geojson(b"[1,2]", Crs::Cgcs2000),
            Err(BatchError::BadGeoJson(_))
        ));
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        let mut s = String::new();
        csv_field(&mut s, "a,\"b\"");
        assert_eq!(s, "\"a,\"\"b\"\"\"");
        assert!(csv_header().starts_with("id,lon,lat,province_code,province_name,"));
    }
}
