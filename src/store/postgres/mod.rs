//! Production store on PostgreSQL + PostGIS.
//!
//! Tables carry real `geometry(MultiPolygon, 4490)` (etc.) columns with GiST indexes,
//! so QGIS, `ogrinfo` and SQL users can work with them directly.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

use super::common::impl_sql_store;

mod copy;
use super::sql::Dialect;
use super::{Backend, StoreError};

/// The PostGIS store.
pub struct PostgisStore {
    pool: PgPool,
}

const DIALECT: Dialect = Dialect {
    array_cast: "::bigint[]",
    date_cast: "::date",
    geom_open: "ST_GeomFromWKB(",
    geom_close: ", 4490)",
    bbox_columns: false,
};

impl PostgisStore {
    /// Connects to `postgres://…` and migrates; the database must allow `CREATE
    /// EXTENSION postgis` or already have it.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(StoreError::Connect)?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(PostgisStore { pool })
    }

    /// The connection pool, for benchmarks and tests that compare against PostGIS SQL.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

fn date_out(col: &str) -> String {
    format!("{col}::text AS {col}")
}

impl_sql_store! {
    store: PostgisStore,
    db: sqlx::Postgres,
    backend: Backend::Postgis,
    dialect: DIALECT,
    date_out: date_out,
    geom_out: "ST_AsBinary(geom)",
    array_out: "parties::text AS parties",
    bulk: copy,
}
