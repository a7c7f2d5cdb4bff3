//! The in-memory engine: an immutable [`Snapshot`] of the store behind a
//! [`SnapshotHandle`], swapped atomically when the data changes.
//!
//! The snapshot holds divisions of every level and version indexed by id and by every
//! code they carried, the parent/child hierarchy, and one R-tree of polygon bounding
//! boxes per level.

mod handle;
mod name_entry;
mod snapshot;

pub use handle::SnapshotHandle;
pub use name_entry::NameEntry;
pub use snapshot::{DivIdx, Snapshot};
