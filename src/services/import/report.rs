//! 数据质量报告 the data-quality report an import prints.

use std::fmt;

use serde::Serialize;

use crate::store::WriteStats;

/// A unit named in the report: code and name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Unit {
    pub code: String,
    pub name: String,
}

/// Figures for one level.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LevelFigures {
    pub level: u8,
    pub units: usize,
    pub with_polygon: usize,
    pub statistical_zones: usize,
    pub pseudo_prefectures: usize,
}

/// A polygon that was repaired on import.
#[derive(Debug, Clone, Serialize)]
pub struct Repaired {
    pub code: String,
    pub name: String,
    pub what: String,
}

/// Everything an import found and did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub bundle: String,
    pub levels: Vec<LevelFigures>,
    /// Province/prefecture/county units without a polygon (statistical zones excluded).
    pub codes_without_polygons: Vec<Unit>,
    /// Statistical zones without polygons (expected: they have no legal boundary).
    pub statistical_zones_without_polygons: usize,
    /// Polygons whose code is not in the code list.
    pub polygons_without_codes: Vec<Unit>,
    /// Polygons attached by name because their code is outdated: (division, polygon code).
    pub polygons_matched_by_name: Vec<(Unit, String)>,
    /// Divisions whose polygon is the union of their children's.
    pub polygons_derived: Vec<Unit>,
    /// Same code, different name between the code list and the polygon file.
    pub name_mismatches: Vec<(Unit, String)>,
    pub geometries_repaired: Vec<Repaired>,
    /// Line features in the polygon files (境界线), not imported as divisions.
    pub boundary_lines_skipped: usize,
    /// GB/T 2260 codes found in the NBS list (a GB2260 code record is added).
    pub gb2260_matched: usize,
    /// GB/T 2260 (2021) county codes absent from the NBS 2023 list.
    pub gb2260_retired: Vec<Unit>,
    /// NBS 2023 regular county codes absent from GB/T 2260 (2021).
    pub gb2260_new: Vec<Unit>,
    /// Division-change events loaded.
    pub change_events: usize,
    /// Retired divisions added as historical versions by change events.
    pub historical_divisions: usize,
    pub places: usize,
    /// GeoNames rows skipped because they have no Chinese name.
    pub places_without_han_name: usize,
    pub places_located: usize,
    pub places_outside: Vec<Unit>,
    pub written: WriteStatsView,
    pub seconds: f64,
}

/// Serializable copy of [`WriteStats`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct WriteStatsView {
    pub divisions: u64,
    pub codes: u64,
    pub place_names: u64,
    pub change_events: u64,
}

impl From<WriteStats> for WriteStatsView {
    fn from(w: WriteStats) -> Self {
        WriteStatsView {
            divisions: w.divisions,
            codes: w.codes,
            place_names: w.place_names,
            change_events: w.change_events,
        }
    }
}

const SHOW: usize = 12;

fn list(f: &mut fmt::Formatter<'_>, title: &str, units: &[Unit]) -> fmt::Result {
    writeln!(f, "{title}: {}", units.len())?;
    for u in units.iter().take(SHOW) {
        writeln!(f, "    {} {}", u.code, u.name)?;
    }
    if units.len() > SHOW {
        writeln!(f, "    … and {} more", units.len() - SHOW)?;
    }
    Ok(())
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "数据质量报告 data-quality report for {}", self.bundle)?;
        writeln!(
            f,
            "  level  units     with polygon  statistical-only  pseudo-prefectures"
        )?;
        for l in &self.levels {
            writeln!(
                f,
                "  {}      {:<9} {:<13} {:<17} {}",
                l.level, l.units, l.with_polygon, l.statistical_zones, l.pseudo_prefectures
            )?;
        }
        list(
            f,
            "  codes without polygons (levels 1-3, statistical-only units excluded)",
            &self.codes_without_polygons,
        )?;
        writeln!(
            f,
            "  statistical-only units without polygons (expected): {}",
            self.statistical_zones_without_polygons
        )?;
        list(f, "  polygons without codes", &self.polygons_without_codes)?;
        writeln!(
            f,
            "  polygons matched by name (outdated code in the polygon file): {}",
            self.polygons_matched_by_name.len()
        )?;
        for (u, old) in self.polygons_matched_by_name.iter().take(SHOW) {
            writeln!(f, "    {} {} (polygon code {})", u.code, u.name, old)?;
        }
        list(
            f,
            "  polygons derived as the union of the children's",
            &self.polygons_derived,
        )?;
        writeln!(
            f,
            "  names that differ between code list and polygons: {}",
            self.name_mismatches.len()
        )?;
        for (u, other) in self.name_mismatches.iter().take(SHOW) {
            writeln!(f, "    {} {} (polygon: {})", u.code, u.name, other)?;
        }
        writeln!(
            f,
            "  geometries repaired: {}",
            self.geometries_repaired.len()
        )?;
        for r in self.geometries_repaired.iter().take(SHOW) {
            writeln!(f, "    {} {}: {}", r.code, r.name, r.what)?;
        }
        writeln!(
            f,
            "  line features skipped (境界线): {}",
            self.boundary_lines_skipped
        )?;
        writeln!(
            f,
            "  GB/T 2260 (2021) codes matched: {}",
            self.gb2260_matched
        )?;
        list(
            f,
            "  GB/T 2260 (2021) codes retired by 2023",
            &self.gb2260_retired,
        )?;
        list(
            f,
            "  county codes new since GB/T 2260 (2021)",
            &self.gb2260_new,
        )?;
        writeln!(
            f,
            "  division-change events: {} ({} retired divisions kept as historical versions)",
            self.change_events, self.historical_divisions
        )?;
        writeln!(
            f,
            "  GeoNames places: {} ({} located in a county; {} rows without a Chinese name skipped)",
            self.places, self.places_located, self.places_without_han_name
        )?;
        list(
            f,
            "  GeoNames places outside every county polygon",
            &self.places_outside,
        )?;
        writeln!(
            f,
            "  written: {} divisions, {} codes, {} place names in {:.1} s",
            self.written.divisions, self.written.codes, self.written.place_names, self.seconds
        )
    }
}
