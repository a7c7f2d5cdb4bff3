//! 导入 importing a dataset directory into the store, with a data-quality report.
//!
//! Everything is read and validated first; the store is written in one transaction at
//! the end, so bad input changes nothing. Re-importing the same data is idempotent:
//! divisions keep their ids through their natural keys (`NBS_STAT:330106`), names
//! through their external ids (`geonames:1279428`).

mod changes;
mod divisions;
mod gb2260;
mod ids;
mod places;
mod polygons;
pub mod report;

use std::time::Instant;

use crate::domain::{ChangeEventId, DivisionId, Level, PlaceNameId};
use crate::engine::Snapshot;
use crate::ingest::{self, bundle::Bundle, IngestError};
use crate::progress::Progress;
use crate::store::{ImportBatch, Store, StoreError};

pub use report::ImportReport;

use ids::IdAllocator;
use report::LevelFigures;

/// Why an import did not happen. Nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Read(#[from] IngestError),
    #[error("invalid dataset: {what}")]
    Invalid { what: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Reads, validates and writes a dataset directory; returns the data-quality report.
pub async fn import(
    store: &dyn Store,
    bundle: &Bundle,
    progress: &dyn Progress,
) -> Result<ImportReport, ImportError> {
    let started = Instant::now();
    let mut report = ImportReport {
        bundle: bundle.dir().display().to_string(),
        ..Default::default()
    };

    progress.stage("read code lists", Level::ALL.len() as u64);
    let mut levels = Vec::new();
    for level in Level::ALL {
        levels.push((level, ingest::nbs::read_level(&bundle.nbs_dir(), level)?));
        progress.advance(1);
    }
    progress.finish_stage();

    let mut division_ids = IdAllocator::new(store.division_keys().await?, |i: DivisionId| i.0);
    let mut divisions = divisions::build(levels, &mut division_ids)?;

    let files = bundle.boundary_files();
    progress.stage("read and repair polygons", files.len() as u64);
    let mut polygon_files = Vec::new();
    for (level, path) in &files {
        polygon_files.push(ingest::boundaries::read(path, *level)?);
        progress.advance(1);
    }
    polygons::attach(&mut divisions, polygon_files, &mut report);
    progress.finish_stage();

    if let Some(path) = bundle.gb2260() {
        gb2260::merge(&mut divisions, &ingest::gb2260::read(&path)?, &mut report);
    }

    let mut change_events = Vec::new();
    let mut event_ids = IdAllocator::new(store.change_event_keys().await?, |i: ChangeEventId| i.0);
    for path in bundle.change_files() {
        let rows = ingest::changes::read(&path)?;
        let source = path
            .file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(".gz").to_string())
            .unwrap_or_default();
        change_events.extend(changes::apply(
            &source,
            rows,
            &mut divisions,
            &mut division_ids,
            &mut event_ids,
            &mut report,
        )?);
    }

    let mut place_names = Vec::new();
    if let Some(path) = bundle.geonames() {
        let file = ingest::geonames::read(&path)?;
        report.places_without_han_name = file.without_han_name;
        let places = file.places;
        progress.stage("locate places", places.len() as u64);
        let located = Snapshot::build(
            0,
            crate::engine::SnapshotParts::divisions(polygon_divisions(&divisions)),
        );
        let mut name_ids = IdAllocator::new(store.place_name_keys().await?, |i: PlaceNameId| i.0);
        place_names = places::convert(places, &located, &mut name_ids, &mut report);
        progress.advance(place_names.len() as u64);
        progress.finish_stage();
    }

    report.levels = level_figures(&divisions);
    // Parents before children, for stores that check foreign keys row by row.
    divisions.sort_by_key(|d| d.level);
    let batch = ImportBatch {
        divisions,
        place_names,
        change_events,
        ..Default::default()
    };
    report.written = store.import(&batch, progress).await?.into();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The divisions that have polygons (a small copy for locating places).
fn polygon_divisions(all: &[crate::domain::Division]) -> Vec<crate::domain::Division> {
    all.iter()
        .filter(|d| d.geometry.is_some())
        .cloned()
        .collect()
}

fn level_figures(divisions: &[crate::domain::Division]) -> Vec<LevelFigures> {
    use crate::domain::DivisionKind;
    Level::ALL
        .iter()
        .map(|&level| {
            let at: Vec<_> = divisions.iter().filter(|d| d.level == level).collect();
            LevelFigures {
                level: level.number(),
                units: at.len(),
                with_polygon: at.iter().filter(|d| d.geometry.is_some()).count(),
                statistical_zones: at
                    .iter()
                    .filter(|d| d.kind == DivisionKind::StatisticalZone)
                    .count(),
                pseudo_prefectures: at
                    .iter()
                    .filter(|d| d.kind == DivisionKind::PseudoPrefecture)
                    .count(),
            }
        })
        .collect()
}
