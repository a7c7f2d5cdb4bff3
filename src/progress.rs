//! Progress reporting for long work, independent of how it is shown.
//!
//! Services and stores report stages and steps through [`Progress`]; the CLI shows
//! them as progress bars, tests ignore them.

use std::sync::{Arc, Mutex};

/// A stage start (`Some(name)`, total) or an advance (`None`, n).
type Event = (Option<String>, u64);

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

/// Progress reported from a blocking thread and replayed on the caller's sink.
#[derive(Clone, Default)]
pub struct Relay {
    events: Arc<Mutex<Vec<Event>>>,
}

impl Progress for Relay {
    fn stage(&self, name: &str, total: u64) {
        if let Ok(mut e) = self.events.lock() {
            e.push((Some(name.to_string()), total));
        }
    }
    fn advance(&self, n: u64) {
        if let Ok(mut e) = self.events.lock() {
            e.push((None, n));
        }
    }
}

impl Relay {
    fn drain(&self, to: &dyn Progress) {
        let events = self
            .events
            .lock()
            .map(|mut e| std::mem::take(&mut *e))
            .unwrap_or_default();
        for (stage, n) in events {
            match stage {
                Some(name) => to.stage(&name, n),
                None => to.advance(n),
            }
        }
    }

    /// Replays progress every 100 ms until the blocking task ends.
    pub async fn forward_until_done<T>(
        &self,
        mut handle: tokio::task::JoinHandle<T>,
        to: &dyn Progress,
    ) -> Result<T, tokio::task::JoinError> {
        loop {
            tokio::select! {
                r = &mut handle => {
                    self.drain(to);
                    to.finish_stage();
                    return r;
                }
                _ = tokio::time::sleep(std::time::Duration::from_millis(100)) => self.drain(to),
            }
        }
    }
}
