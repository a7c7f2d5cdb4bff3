//! Embedded store on SQLite: a single file, nothing to install.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use super::common::impl_sql_store;
use super::sql::Dialect;
use super::{Backend, StoreError};

/// The embedded store. Geometries are WKB blobs with bbox columns.
pub struct SqliteStore {
    pool: SqlitePool,
}

const DIALECT: Dialect = Dialect {
    array_cast: "",
    date_cast: "",
    geom_open: "",
    geom_close: "",
    bbox_columns: true,
};

impl SqliteStore {
    /// Opens (creating if needed) and migrates the database at `sqlite://PATH`.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let opts = SqliteConnectOptions::from_str(url)
            .map_err(StoreError::Connect)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(30));
        if let Some(dir) = opts.get_filename().parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| StoreError::Connect(sqlx::Error::Io(e)))?;
            }
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(opts)
            .await
            .map_err(StoreError::Connect)?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(SqliteStore { pool })
    }
}

fn date_out(col: &str) -> String {
    col.to_string()
}

impl_sql_store! {
    store: SqliteStore,
    db: sqlx::Sqlite,
    backend: Backend::Sqlite,
    dialect: DIALECT,
    date_out: date_out,
    geom_out: "geom",
    array_out: "parties",
    bulk: bulk,
}

/// Bulk writes of the large tables: multi-row upserts.
mod bulk {
    use sqlx::{Sqlite, Transaction};

    use super::DIALECT;
    use crate::store::rows::{PlaceNameRow, SignRow};
    use crate::store::{sql, StoreError, CHUNK};

    pub async fn place_names(
        tx: &mut Transaction<'static, Sqlite>,
        rows: &[PlaceNameRow],
    ) -> Result<(), StoreError> {
        for chunk in rows.chunks(CHUNK) {
            sql::insert_place_names::<Sqlite>(&DIALECT, chunk)
                .build()
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    pub async fn signs(
        tx: &mut Transaction<'static, Sqlite>,
        rows: &[SignRow],
    ) -> Result<(), StoreError> {
        for chunk in rows.chunks(CHUNK) {
            sql::insert_signs::<Sqlite>(&DIALECT, chunk)
                .build()
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}
