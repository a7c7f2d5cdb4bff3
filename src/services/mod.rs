//! Use cases. Reads go to the engine snapshot; writes go to the store in one
//! transaction each.
//!
//! - [`import`]: load a dataset directory with a data-quality report.
//! - [`divisions`]: browse divisions by code, children and parent.

pub mod divisions;
pub mod import;
pub mod snapshot;
pub mod synth;
