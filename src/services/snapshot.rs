//! Building the engine snapshot from the store.

use std::time::Instant;

use crate::engine::{Snapshot, SnapshotParts};
use crate::progress::Progress;
use crate::store::{Store, StoreError};

/// Loads everything the engine holds and builds a snapshot with `version`.
pub async fn load(
    store: &dyn Store,
    version: u64,
    progress: &dyn Progress,
) -> Result<Snapshot, StoreError> {
    let started = Instant::now();
    // Divisions and names come over separate connections at the same time; the bar
    // follows the names, which take longest at national scale.
    let (divisions, names) = tokio::try_join!(
        store.load_divisions(&crate::progress::Silent),
        store.load_name_table(progress)
    )?;
    let events = store.load_change_events().await?;
    let lines = store.load_boundary_lines().await?;
    let markers = store.load_boundary_markers().await?;
    progress.stage("build indexes", 0);
    let snap = tokio::task::spawn_blocking(move || {
        Snapshot::build(
            version,
            SnapshotParts {
                divisions,
                names,
                events,
                lines,
                markers,
            },
        )
    })
    .await
    .map_err(|e| StoreError::Corrupt {
        table: "snapshot",
        id: 0,
        detail: e.to_string(),
    })?;
    progress.finish_stage();
    tracing::info!(
        divisions = snap.len(),
        place_names = snap.place_names().len(),
        place_name_mib = snap.place_names().heap_bytes() / (1 << 20),
        polygon_index_mib = snap.locator_bytes() / (1 << 20),
        lines = snap.lines().len(),
        markers = snap.markers().len(),
        seconds = started.elapsed().as_secs_f64(),
        "snapshot built"
    );
    Ok(snap)
}
