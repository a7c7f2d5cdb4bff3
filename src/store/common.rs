//! The [`Store`](super::Store) implementation shared by both SQL backends.
//!
//! sqlx's executor traits make a generic implementation over `Database` verbose to the
//! point of unreadable, so the shared body is a macro instantiated once per backend
//! with its [`Dialect`](super::sql::Dialect) and its few spelling differences.

/// Implements [`Store`](super::Store) for a struct with a `pool` field.
macro_rules! impl_sql_store {
    (
        store: $store:ty,
        db: $db:ty,
        backend: $backend:expr,
        dialect: $dialect:expr,
        date_out: $date_out:expr,
        geom_out: $geom_out:expr,
        array_out: $array_out:expr,
        bulk: $bulk:ident $(,)?
    ) => {
        /// A write transaction on this backend.
        struct SqlWriter {
            tx: sqlx::Transaction<'static, $db>,
            stats: $crate::store::WriteStats,
        }

        #[async_trait::async_trait]
        impl $crate::store::Writer for SqlWriter {
            async fn divisions(
                &mut self,
                rows: &[$crate::domain::Division],
            ) -> Result<(), $crate::store::StoreError> {
                use $crate::store::rows::{CodeRow, DivisionRow};
                use $crate::store::{sql, CHUNK};
                for chunk in rows.chunks(CHUNK) {
                    let flat: Vec<DivisionRow> = chunk.iter().map(DivisionRow::from_domain).collect();
                    sql::insert_divisions::<$db>(&$dialect, &flat)
                        .build()
                        .execute(&mut *self.tx)
                        .await?;
                    let codes: Vec<CodeRow> = chunk
                        .iter()
                        .flat_map(|d| d.codes.iter().map(|c| CodeRow::from_domain(d.id, c)))
                        .collect();
                    for part in codes.chunks(CHUNK) {
                        sql::insert_codes::<$db>(&$dialect, part)
                            .build()
                            .execute(&mut *self.tx)
                            .await?;
                    }
                    self.stats.divisions += chunk.len() as u64;
                    self.stats.codes += codes.len() as u64;
                }
                Ok(())
            }

            async fn place_names(
                &mut self,
                rows: &[$crate::domain::PlaceName],
            ) -> Result<(), $crate::store::StoreError> {
                use $crate::store::rows::PlaceNameRow;
                let flat: Vec<PlaceNameRow> = rows.iter().map(PlaceNameRow::from_domain).collect();
                $bulk::place_names(&mut self.tx, &flat).await?;
                self.stats.place_names += rows.len() as u64;
                Ok(())
            }

            async fn change_events(
                &mut self,
                rows: &[$crate::domain::ChangeEvent],
            ) -> Result<(), $crate::store::StoreError> {
                use $crate::store::rows::{ChangeEventRow, LinkRow};
                use $crate::store::{sql, CHUNK};
                for chunk in rows.chunks(CHUNK) {
                    let flat: Vec<ChangeEventRow> = chunk.iter().map(ChangeEventRow::from_domain).collect();
                    sql::insert_events::<$db>(&$dialect, &flat)
                        .build()
                        .execute(&mut *self.tx)
                        .await?;
                    sql::delete_links::<$db>(&flat)
                        .build()
                        .execute(&mut *self.tx)
                        .await?;
                    let links: Vec<LinkRow> = chunk.iter().flat_map(LinkRow::from_domain).collect();
                    for part in links.chunks(CHUNK) {
                        sql::insert_links::<$db>(part)
                            .build()
                            .execute(&mut *self.tx)
                            .await?;
                    }
                    self.stats.change_events += chunk.len() as u64;
                }
                Ok(())
            }

            async fn boundary_lines(
                &mut self,
                rows: &[$crate::domain::BoundaryLine],
            ) -> Result<(), $crate::store::StoreError> {
                use $crate::store::rows::BoundaryLineRow;
                use $crate::store::{sql, CHUNK};
                for chunk in rows.chunks(CHUNK) {
                    let flat: Vec<BoundaryLineRow> = chunk.iter().map(BoundaryLineRow::from_domain).collect();
                    sql::insert_lines::<$db>(&$dialect, &flat)
                        .build()
                        .execute(&mut *self.tx)
                        .await?;
                    self.stats.boundary_lines += chunk.len() as u64;
                }
                Ok(())
            }

            async fn boundary_markers(
                &mut self,
                rows: &[$crate::domain::BoundaryMarker],
            ) -> Result<(), $crate::store::StoreError> {
                use $crate::store::rows::MarkerRow;
                use $crate::store::{sql, CHUNK};
                for chunk in rows.chunks(CHUNK) {
                    let flat: Vec<MarkerRow> = chunk.iter().map(MarkerRow::from_domain).collect();
                    sql::insert_markers::<$db>(&$dialect, &flat)
                        .build()
                        .execute(&mut *self.tx)
                        .await?;
                    self.stats.boundary_markers += chunk.len() as u64;
                }
                Ok(())
            }

            async fn signs(
                &mut self,
                rows: &[$crate::domain::Sign],
            ) -> Result<(), $crate::store::StoreError> {
                use $crate::store::rows::SignRow;
                let flat: Vec<SignRow> = rows.iter().map(SignRow::from_domain).collect();
                $bulk::signs(&mut self.tx, &flat).await?;
                self.stats.signs += rows.len() as u64;
                Ok(())
            }

            async fn clear_generated(&mut self) -> Result<(), $crate::store::StoreError> {
                for sql in [
                    "DELETE FROM signs WHERE source = 'synthetic'",
                    "DELETE FROM boundary_markers",
                    "DELETE FROM boundary_lines",
                    "DELETE FROM place_names WHERE external_id LIKE 'synth:%'",
                    "UPDATE divisions SET geom = NULL, geometry_source = NULL WHERE geometry_source = 'synthetic'",
                ] {
                    sqlx::query(sql).execute(&mut *self.tx).await?;
                }
                Ok(())
            }

            async fn commit(
                self: Box<Self>,
            ) -> Result<$crate::store::WriteStats, $crate::store::StoreError> {
                self.tx.commit().await?;
                Ok(self.stats)
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::Store for $store {
            fn backend(&self) -> $crate::store::Backend {
                $backend
            }

            async fn ping(&self) -> Result<(), $crate::store::StoreError> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }

            async fn counts(
                &self,
            ) -> Result<$crate::store::StoreCounts, $crate::store::StoreError> {
                let mut out = $crate::store::StoreCounts::default();
                let rows: Vec<(i32, i64, i64)> =
                    sqlx::query_as($crate::store::sql::COUNT_DIVISIONS)
                        .fetch_all(&self.pool)
                        .await?;
                for (level, n, with_geom) in rows {
                    if let Some(slot) = usize::try_from(level - 1)
                        .ok()
                        .and_then(|i| out.divisions_by_level.get_mut(i))
                    {
                        *slot = n as u64;
                    }
                    out.divisions_with_geometry += with_geom as u64;
                }
                let (names, lines, markers, signs): (i64, i64, i64, i64) = sqlx::query_as(
                    "SELECT (SELECT COUNT(*) FROM place_names), (SELECT COUNT(*) FROM boundary_lines), \
                     (SELECT COUNT(*) FROM boundary_markers), (SELECT COUNT(*) FROM signs)",
                )
                .fetch_one(&self.pool)
                .await?;
                out.place_names = names as u64;
                out.boundary_lines = lines as u64;
                out.boundary_markers = markers as u64;
                out.signs = signs as u64;
                Ok(out)
            }

            async fn division_keys(
                &self,
            ) -> Result<
                std::collections::HashMap<String, $crate::domain::DivisionId>,
                $crate::store::StoreError,
            > {
                let rows: Vec<(String, i64)> = sqlx::query_as("SELECT key, id FROM divisions")
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows
                    .into_iter()
                    .map(|(k, id)| (k, $crate::domain::DivisionId(id)))
                    .collect())
            }

            async fn place_name_keys(
                &self,
            ) -> Result<
                std::collections::HashMap<String, $crate::domain::PlaceNameId>,
                $crate::store::StoreError,
            > {
                let rows: Vec<(String, i64)> =
                    sqlx::query_as("SELECT external_id, id FROM place_names")
                        .fetch_all(&self.pool)
                        .await?;
                Ok(rows
                    .into_iter()
                    .map(|(k, id)| (k, $crate::domain::PlaceNameId(id)))
                    .collect())
            }

            async fn change_event_keys(
                &self,
            ) -> Result<
                std::collections::HashMap<String, $crate::domain::ChangeEventId>,
                $crate::store::StoreError,
            > {
                let rows: Vec<(String, i64)> = sqlx::query_as("SELECT key, id FROM change_events")
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows
                    .into_iter()
                    .map(|(k, id)| (k, $crate::domain::ChangeEventId(id)))
                    .collect())
            }

            async fn load_change_events(
                &self,
            ) -> Result<Vec<$crate::domain::ChangeEvent>, $crate::store::StoreError> {
                let rows: Vec<$crate::store::rows::ChangeEventRow> =
                    sqlx::query_as(&$crate::store::sql::select_events($date_out))
                        .fetch_all(&self.pool)
                        .await?;
                let links: Vec<$crate::store::rows::LinkRow> =
                    sqlx::query_as($crate::store::sql::SELECT_LINKS)
                        .fetch_all(&self.pool)
                        .await?;
                $crate::store::rows::assemble_events(rows, links)
            }

            async fn begin(
                &self,
            ) -> Result<Box<dyn $crate::store::Writer>, $crate::store::StoreError> {
                Ok(Box::new(SqlWriter {
                    tx: self.pool.begin().await?,
                    stats: $crate::store::WriteStats::default(),
                }))
            }

            async fn load_divisions(
                &self,
                progress: &dyn $crate::progress::Progress,
            ) -> Result<Vec<$crate::domain::Division>, $crate::store::StoreError> {
                use $crate::store::rows::{CodeRow, DivisionRow};
                progress.stage("load divisions", 0);
                let rows: Vec<DivisionRow> =
                    sqlx::query_as(&$crate::store::sql::select_divisions($date_out, $geom_out))
                        .fetch_all(&self.pool)
                        .await?;
                let codes: Vec<CodeRow> =
                    sqlx::query_as(&$crate::store::sql::select_codes($date_out))
                        .fetch_all(&self.pool)
                        .await?;
                progress.finish_stage();
                $crate::store::rows::assemble_divisions(rows, codes)
            }

            async fn load_boundary_lines(
                &self,
            ) -> Result<Vec<$crate::domain::BoundaryLine>, $crate::store::StoreError> {
                let rows: Vec<$crate::store::rows::BoundaryLineRow> =
                    sqlx::query_as(&$crate::store::sql::select_lines($date_out, $geom_out, $array_out))
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn load_boundary_markers(
                &self,
            ) -> Result<Vec<$crate::domain::BoundaryMarker>, $crate::store::StoreError> {
                let rows: Vec<$crate::store::rows::MarkerRow> =
                    sqlx::query_as(&$crate::store::sql::select_markers($date_out, $geom_out))
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn load_signs(
                &self,
            ) -> Result<Vec<$crate::domain::Sign>, $crate::store::StoreError> {
                let rows: Vec<$crate::store::rows::SignRow> =
                    sqlx::query_as(&$crate::store::sql::select_signs($date_out, $geom_out))
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn load_name_table(
                &self,
                progress: &dyn $crate::progress::Progress,
            ) -> Result<$crate::engine::NameTable, $crate::store::StoreError> {
                use futures::TryStreamExt;
                let total: i64 = sqlx::query_scalar("SELECT count(*) FROM place_names")
                    .fetch_one(&self.pool)
                    .await?;
                progress.stage("load place names", total as u64);
                let sql = format!(
                    "SELECT id, standard_name, roman, category_code, division_id, source, {} AS geom \
                     FROM place_names ORDER BY id",
                    $geom_out
                );
                // Streamed row by row: at national scale the rows would not fit twice.
                let mut table =
                    $crate::engine::NameTableBuilder::with_capacity(total.max(0) as usize);
                let mut rows =
                    sqlx::query_as::<_, $crate::store::rows::NameEntryRow>(&sql).fetch(&self.pool);
                let mut n = 0u64;
                while let Some(row) = rows.try_next().await? {
                    row.push_into(&mut table)?;
                    n += 1;
                    if n % 65_536 == 0 {
                        progress.advance(65_536);
                    }
                }
                progress.finish_stage();
                Ok(table.finish())
            }

            async fn load_place_names(
                &self,
            ) -> Result<Vec<$crate::domain::PlaceName>, $crate::store::StoreError> {
                let rows: Vec<$crate::store::rows::PlaceNameRow> = sqlx::query_as(
                    &$crate::store::sql::select_place_names($date_out, $geom_out),
                )
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }
        }
    };
}

pub(crate) use impl_sql_store;
