//! A running digest of generated records, so "the same seed gives byte-identical output"
//! can be checked without dumping the store: two runs print the same digest exactly
//! when they generated the same bytes in the same order.

use geo::Geometry;

use crate::store::wkb;

/// FNV-1a, 64 bit: fast, stable across platforms and versions (unlike `std` hashers).
#[derive(Debug, Clone, Copy)]
pub struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }
}

impl Digest {
    /// Feeds bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        for x in b {
            self.0 ^= u64::from(*x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// Feeds a string and a separator.
    pub fn text(&mut self, s: &str) {
        self.bytes(s.as_bytes());
        self.bytes(&[0]);
    }

    /// Feeds a geometry as WKB.
    pub fn geometry(&mut self, g: &Geometry<f64>) {
        self.bytes(&wkb::encode(g));
    }

    /// The digest as 16 hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}
