//! # diming (地名)
//!
//! China's standard place names and administrative boundaries as a service.
//!
//! Layers depend one way: `domain` ← `engine`, `store`, `ingest` ← `services` ← `http`, `cli`.
//!
//! - [`domain`]: pure types and rules — [`domain::DivisionCode`] (GB/T 2260 and NBS
//!   codes), [`domain::Division`], [`domain::PlaceName`], [`domain::BoundaryLine`],
//!   [`domain::BoundaryMarker`] (GB/T 17796 numbering), [`domain::Sign`],
//!   [`domain::ChangeEvent`], and [`domain::romanization`] (地名罗马字母拼写).
//! - [`ingest`]: readers for the source files (NBS code lists, GeoJSON polygons,
//!   GB/T 2260 lists, GeoNames).
//! - [`store`]: the system of record behind one [`store::Store`] trait — SQLite
//!   (embedded default) and PostgreSQL + PostGIS.
//! - [`engine`]: the immutable in-memory [`engine::Snapshot`] (indexes by id and code,
//!   hierarchy, R-trees) behind an atomic swap.
//! - [`services`]: use cases — importing a dataset, browsing divisions.
//! - [`http`]: the axum API (`/v1/…`, `/healthz`, `/metrics`, `/openapi.json`).
//! - [`cli`]: the `diming` command (`serve`, `import`).

pub mod cli;
pub mod domain;
pub mod engine;
pub mod http;

pub mod ingest;
pub mod progress;
pub mod services;

pub mod store;
pub mod synth;
