//! Reader for the GeoNames extract of populated places in China (CC BY 4.0).

use std::path::Path;

use serde::Deserialize;

use super::{file, IngestError};

/// A populated place from GeoNames, WGS84 (≈ CGCS2000 at this precision).
#[derive(Debug, Clone, PartialEq)]
pub struct GeoNamesPlace {
    pub geonameid: i64,
    pub name: String,
    pub han_names: Vec<String>,
    pub latin_names: Vec<String>,
    pub lon: f64,
    pub lat: f64,
    pub population: i64,
}

#[derive(Deserialize)]
struct Row {
    geonameid: i64,
    name: String,
    han_names: String,
    latin_names: String,
    latitude: f64,
    longitude: f64,
    population: Option<i64>,
}

fn split(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// What a GeoNames file held.
#[derive(Debug, Default)]
pub struct GeoNamesFile {
    pub places: Vec<GeoNamesPlace>,
    /// Rows with no Chinese name (skipped: a 地名 needs its Han form).
    pub without_han_name: usize,
}

/// Reads the places; rows with impossible coordinates are errors, rows without a Han
/// name are counted and skipped.
pub fn read(path: &Path) -> Result<GeoNamesFile, IngestError> {
    let mut rdr = csv::Reader::from_reader(file::open(path)?);
    let mut out = GeoNamesFile::default();
    for (i, row) in rdr.deserialize::<Row>().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| IngestError::row(path, line, e.to_string()))?;
        if !(-180.0..=180.0).contains(&row.longitude) || !(-90.0..=90.0).contains(&row.latitude) {
            return Err(IngestError::row(
                path,
                line,
                format!(
                    "coordinates lon {} lat {} are out of range",
                    row.longitude, row.latitude
                ),
            ));
        }
        let han_names = split(&row.han_names);
        if han_names.is_empty() {
            out.without_han_name += 1;
            continue;
        }
        out.places.push(GeoNamesPlace {
            geonameid: row.geonameid,
            name: row.name,
            han_names,
            latin_names: split(&row.latin_names),
            lon: row.longitude,
            lat: row.latitude,
            population: row.population.unwrap_or(0),
        });
    }
    Ok(out)
}
