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
        geom_out: $geom_out:expr $(,)?
    ) => {
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
                let (names,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM place_names")
                    .fetch_one(&self.pool)
                    .await?;
                out.place_names = names as u64;
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

            async fn import(
                &self,
                batch: &$crate::store::ImportBatch,
                progress: &dyn $crate::progress::Progress,
            ) -> Result<$crate::store::WriteStats, $crate::store::StoreError> {
                use $crate::store::rows::{
                    ChangeEventRow, CodeRow, DivisionRow, LinkRow, PlaceNameRow,
                };
                use $crate::store::{sql, CHUNK};
                let d = $dialect;
                let divisions: Vec<DivisionRow> = batch
                    .divisions
                    .iter()
                    .map(DivisionRow::from_domain)
                    .collect();
                let codes: Vec<CodeRow> = batch
                    .divisions
                    .iter()
                    .flat_map(|div| div.codes.iter().map(|c| CodeRow::from_domain(div.id, c)))
                    .collect();
                let names: Vec<PlaceNameRow> = batch
                    .place_names
                    .iter()
                    .map(PlaceNameRow::from_domain)
                    .collect();

                let mut tx = self.pool.begin().await?;
                progress.stage("write divisions", divisions.len() as u64);
                for chunk in divisions.chunks(CHUNK) {
                    sql::insert_divisions::<$db>(&d, chunk)
                        .build()
                        .execute(&mut *tx)
                        .await?;
                    progress.advance(chunk.len() as u64);
                }
                progress.finish_stage();
                progress.stage("write division codes", codes.len() as u64);
                for chunk in codes.chunks(CHUNK) {
                    sql::insert_codes::<$db>(&d, chunk)
                        .build()
                        .execute(&mut *tx)
                        .await?;
                    progress.advance(chunk.len() as u64);
                }
                progress.finish_stage();
                progress.stage("write place names", names.len() as u64);
                for chunk in names.chunks(CHUNK) {
                    sql::insert_place_names::<$db>(&d, chunk)
                        .build()
                        .execute(&mut *tx)
                        .await?;
                    progress.advance(chunk.len() as u64);
                }
                progress.finish_stage();
                let events: Vec<ChangeEventRow> = batch
                    .change_events
                    .iter()
                    .map(ChangeEventRow::from_domain)
                    .collect();
                let links: Vec<LinkRow> = batch
                    .change_events
                    .iter()
                    .flat_map(LinkRow::from_domain)
                    .collect();
                for chunk in events.chunks(CHUNK) {
                    sql::insert_events::<$db>(&d, chunk)
                        .build()
                        .execute(&mut *tx)
                        .await?;
                    sql::delete_links::<$db>(chunk)
                        .build()
                        .execute(&mut *tx)
                        .await?;
                }
                for chunk in links.chunks(CHUNK) {
                    sql::insert_links::<$db>(chunk)
                        .build()
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok($crate::store::WriteStats {
                    divisions: divisions.len() as u64,
                    codes: codes.len() as u64,
                    place_names: names.len() as u64,
                    change_events: events.len() as u64,
                })
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
