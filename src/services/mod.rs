//! Use cases. Reads go to the engine snapshot; writes go to the store in one
//! transaction each.
//!
//! - [`import`]: load a dataset directory with a data-quality report.
//! - [`divisions`]: browse divisions by code, children and parent.
//! - [`changes`]: list division-change events.
//! - [`reverse`], [`reverse_batch`]: point → division hierarchy, one or many.

pub mod changes;
pub mod divisions;
pub mod import;
pub mod reverse;
pub mod reverse_batch;
pub mod snapshot;
pub mod synth;
