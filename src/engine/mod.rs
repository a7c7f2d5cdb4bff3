//! The in-memory engine: an immutable [`Snapshot`] of the store behind a
//! [`SnapshotHandle`], swapped atomically when the data changes.
//!
//! The snapshot holds divisions of every level and version indexed by id and by every
//! code they carried, the parent/child hierarchy, point location over the polygons of
//! each level ([`locate`]), place names in a compact column table, boundary lines and
//! markers, and R-trees for nearest-point queries.

mod handle;
pub mod locate;
mod name_table;
mod nearby;
mod snapshot;

pub use handle::SnapshotHandle;
pub use name_table::{NameIdx, NameRef, NameTable, NameTableBuilder, NameTableError};
pub use nearby::PointIndex;
pub use snapshot::{DivIdx, Snapshot, SnapshotParts};
