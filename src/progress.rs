//! Progress reporting for long work, independent of how it is shown.
//!
//! Services and stores report stages and steps through [`Progress`]; the CLI shows
//! them as progress bars, the server logs them, tests ignore them.

/// A sink for progress of long-running work.
pub trait Progress: Send + Sync {
    /// A new stage begins with `total` steps (0 when unknown).
    fn stage(&self, name: &str, total: u64);
    /// `n` more steps of the current stage are done.
    fn advance(&self, n: u64);
    /// The current stage is finished.
    fn finish_stage(&self) {}
}

/// Progress that goes nowhere.
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _name: &str, _total: u64) {}
    fn advance(&self, _n: u64) {}
}

/// Progress written to the log, one line per stage.
pub struct Logged;

impl Progress for Logged {
    fn stage(&self, name: &str, total: u64) {
        tracing::info!(stage = name, total, "stage started");
    }
    fn advance(&self, _n: u64) {}
}
