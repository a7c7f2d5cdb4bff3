//! The system of record: one [`Store`] trait, two implementations.
//!
//! - [`sqlite::SqliteStore`]: the embedded default, a file under the data directory;
//!   geometries are WKB blobs.
//! - [`postgres::PostgisStore`]: production, PostgreSQL + PostGIS with real
//!   `geometry(…, 4490)` columns and GiST indexes.
//!
//! Both pass the same contract tests (`tests/store_contract.rs`). Every write is one
//! transaction: a failed import leaves the store as it was.

mod common;
pub mod postgres;
mod rows;
mod sql;
pub mod sqlite;
pub mod wkb;

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;

use crate::domain::{
    BoundaryLine, BoundaryMarker, ChangeEvent, ChangeEventId, Division, DivisionId, Level,
    PlaceName, PlaceNameId, Sign,
};
use crate::progress::Progress;

/// Which backend a store is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgis,
}

impl Backend {
    /// Name for logs and `/healthz`.
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgis => "postgis",
        }
    }
}

/// What a store failure was. Messages never reach API clients for 5xx answers.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database URL {0:?} is not supported; use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("cannot reach the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("schema migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("stored row is not valid ({table} id {id}): {detail}")]
    Corrupt {
        table: &'static str,
        id: i64,
        detail: String,
    },
}

/// Everything one import writes, in one transaction. Ids are assigned by the caller
/// (stable across re-imports through [`Store::division_keys`]).
#[derive(Debug, Default, Clone)]
pub struct ImportBatch {
    /// Divisions, parents before children.
    pub divisions: Vec<Division>,
    pub place_names: Vec<PlaceName>,
    /// Division-change events; their links are rewritten whole.
    pub change_events: Vec<ChangeEvent>,
    pub boundary_lines: Vec<BoundaryLine>,
    pub boundary_markers: Vec<BoundaryMarker>,
    pub signs: Vec<Sign>,
}

/// What an import wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteStats {
    pub divisions: u64,
    pub codes: u64,
    pub place_names: u64,
    pub change_events: u64,
    pub boundary_lines: u64,
    pub boundary_markers: u64,
    pub signs: u64,
}

/// Row counts of the store.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoreCounts {
    /// Divisions per level 1–5.
    pub divisions_by_level: [u64; 5],
    pub divisions_with_geometry: u64,
    pub place_names: u64,
    pub boundary_lines: u64,
    pub boundary_markers: u64,
    pub signs: u64,
}

impl StoreCounts {
    /// All divisions.
    pub fn divisions(&self) -> u64 {
        self.divisions_by_level.iter().sum()
    }

    /// Divisions of one level.
    pub fn at(&self, level: Level) -> u64 {
        self.divisions_by_level[level.number() as usize - 1]
    }
}

/// The system of record for divisions, names, boundaries, markers and signs.
#[async_trait]
pub trait Store: Send + Sync {
    /// Which backend this is.
    fn backend(&self) -> Backend;

    /// Checks the connection.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Row counts.
    async fn counts(&self) -> Result<StoreCounts, StoreError>;

    /// Natural key → id of every stored division, to keep ids stable on re-import.
    async fn division_keys(&self) -> Result<HashMap<String, DivisionId>, StoreError>;

    /// External id → id of every stored place name.
    async fn place_name_keys(&self) -> Result<HashMap<String, PlaceNameId>, StoreError>;

    /// Natural key → id of every stored change event.
    async fn change_event_keys(&self) -> Result<HashMap<String, ChangeEventId>, StoreError>;

    /// All division-change events with their predecessors and successors.
    async fn load_change_events(&self) -> Result<Vec<ChangeEvent>, StoreError>;

    /// Starts a write transaction; nothing is visible until [`Writer::commit`], and
    /// dropping the writer rolls everything back.
    async fn begin(&self) -> Result<Box<dyn Writer>, StoreError>;

    /// Upserts everything in `batch` in one transaction; on error nothing is written.
    async fn import(
        &self,
        batch: &ImportBatch,
        progress: &dyn Progress,
    ) -> Result<WriteStats, StoreError> {
        let mut w = self.begin().await?;
        let parts: [(&str, u64); 6] = [
            ("write divisions", batch.divisions.len() as u64),
            ("write place names", batch.place_names.len() as u64),
            ("write change events", batch.change_events.len() as u64),
            ("write boundary lines", batch.boundary_lines.len() as u64),
            (
                "write boundary markers",
                batch.boundary_markers.len() as u64,
            ),
            ("write signs", batch.signs.len() as u64),
        ];
        for (i, (stage, n)) in parts.into_iter().enumerate() {
            if n == 0 {
                continue;
            }
            progress.stage(stage, n);
            for start in (0..n as usize).step_by(CHUNK * 10) {
                let end = (start + CHUNK * 10).min(n as usize);
                match i {
                    0 => w.divisions(&batch.divisions[start..end]).await?,
                    1 => w.place_names(&batch.place_names[start..end]).await?,
                    2 => w.change_events(&batch.change_events[start..end]).await?,
                    3 => w.boundary_lines(&batch.boundary_lines[start..end]).await?,
                    4 => {
                        w.boundary_markers(&batch.boundary_markers[start..end])
                            .await?
                    }
                    _ => w.signs(&batch.signs[start..end]).await?,
                }
                progress.advance((end - start) as u64);
            }
            progress.finish_stage();
        }
        w.commit().await
    }

    /// All boundary lines.
    async fn load_boundary_lines(&self) -> Result<Vec<BoundaryLine>, StoreError>;

    /// All boundary markers.
    async fn load_boundary_markers(&self) -> Result<Vec<BoundaryMarker>, StoreError>;

    /// All signs.
    async fn load_signs(&self) -> Result<Vec<Sign>, StoreError>;

    /// All divisions with their codes and geometry.
    async fn load_divisions(&self, progress: &dyn Progress) -> Result<Vec<Division>, StoreError>;

    /// All place names, in full.
    async fn load_place_names(&self) -> Result<Vec<PlaceName>, StoreError>;

    /// All place names in the engine's compact form (no texts).
    async fn load_name_table(
        &self,
        progress: &dyn crate::progress::Progress,
    ) -> Result<crate::engine::NameTable, StoreError>;
}

/// A write transaction. Parents go before children (divisions by level). Everything
/// written commits together in [`Writer::commit`] or not at all.
#[async_trait]
pub trait Writer: Send {
    /// Upserts divisions and their code records.
    async fn divisions(&mut self, rows: &[Division]) -> Result<(), StoreError>;
    /// Upserts place names.
    async fn place_names(&mut self, rows: &[PlaceName]) -> Result<(), StoreError>;
    /// Upserts change events and rewrites their links.
    async fn change_events(&mut self, rows: &[ChangeEvent]) -> Result<(), StoreError>;
    /// Upserts boundary lines.
    async fn boundary_lines(&mut self, rows: &[BoundaryLine]) -> Result<(), StoreError>;
    /// Upserts boundary markers.
    async fn boundary_markers(&mut self, rows: &[BoundaryMarker]) -> Result<(), StoreError>;
    /// Upserts signs.
    async fn signs(&mut self, rows: &[Sign]) -> Result<(), StoreError>;
    /// Deletes what `synth` generates (names with `synth:` external ids, synthetic
    /// signs, all boundary lines and markers, synthetic division polygons) so a new run
    /// replaces it whole.
    async fn clear_generated(&mut self) -> Result<(), StoreError>;
    /// Commits everything written.
    async fn commit(self: Box<Self>) -> Result<WriteStats, StoreError>;
}

/// Opens (and migrates) the store a URL names: `sqlite://PATH` or `postgres://…`.
pub async fn open(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(sqlite::SqliteStore::open(url).await?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(postgres::PostgisStore::open(url).await?))
    } else {
        Err(StoreError::UnsupportedUrl(redact(url)))
    }
}

/// A URL with any password replaced, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Rows per multi-row INSERT; keeps both backends under their bind-parameter limits.
pub(crate) const CHUNK: usize = 1000;

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords() {
        assert_eq!(
            super::redact("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(super::redact("sqlite://x.db"), "sqlite://x.db");
    }
}
