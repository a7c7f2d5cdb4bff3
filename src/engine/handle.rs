//! Lock-free access to the current [`Snapshot`], replaced atomically.

use std::sync::Arc;

use arc_swap::ArcSwap;

use super::Snapshot;

/// Shared pointer to the current snapshot. Readers never block; a reload swaps in a
/// new snapshot while in-flight requests finish on the old one.
pub struct SnapshotHandle {
    current: ArcSwap<Snapshot>,
}

impl SnapshotHandle {
    /// Wraps an initial snapshot.
    pub fn new(snapshot: Snapshot) -> Self {
        SnapshotHandle {
            current: ArcSwap::from_pointee(snapshot),
        }
    }

    /// The snapshot to answer one request from.
    pub fn load(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    /// Replaces the snapshot.
    pub fn replace(&self, snapshot: Snapshot) {
        self.current.store(Arc::new(snapshot));
    }
}
