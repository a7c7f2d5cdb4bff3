//! Building the engine snapshot from the store.

use std::time::Instant;

use crate::engine::Snapshot;
use crate::progress::Progress;
use crate::store::{Store, StoreError};

/// Loads everything the engine holds and builds a snapshot with `version`.
pub async fn load(
    store: &dyn Store,
    version: u64,
    progress: &dyn Progress,
) -> Result<Snapshot, StoreError> {
    let started = Instant::now();
    let divisions = store.load_divisions(progress).await?;
    let names = store.load_name_entries().await?;
    let events = store.load_change_events().await?;
    progress.stage("build indexes", 0);
    let snap =
        tokio::task::spawn_blocking(move || Snapshot::build(version, divisions, names, events))
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
        seconds = started.elapsed().as_secs_f64(),
        "snapshot built"
    );
    Ok(snap)
}
