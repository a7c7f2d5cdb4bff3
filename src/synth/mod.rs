//! Synthetic geometry for divisions that have no published boundaries.
//!
//! * [`rng`] — a tiny, platform-independent deterministic PRNG.
//! * [`detmath`] — bit-reproducible sin/cos/exp stand-ins.
//! * [`tiling`] — township (乡级) and village (村级) polygons tiling a county.
//! * [`topology`] — shared boundary arcs (界线) and adjacency between polygons.
//!
//! All coordinates are CGCS2000 longitude/latitude in degrees.

pub mod detmath;
pub mod markers;
pub mod names;
pub mod rng;
pub mod tiling;
pub mod topology;
