//! Seed points of the cells.
//!
//! [`sample`] draws one seed per cell inside the county by rejection
//! sampling against a density that peaks at the county seat (cells there
//! come out several times smaller than at the periphery).
//!
//! Distances use the local equirectangular metric: longitude differences are
//! multiplied by cos(latitude of the seat), so shapes are isotropic in km.

use std::collections::HashSet;

use geo::Coord;

use super::mesh::Mesh;
use super::TilingError;
use crate::synth::detmath;
use crate::synth::rng::SplitMix64;

/// Peak density at the seat relative to the far field.
const SEAT_PEAK: f64 = 12.0;
/// Radius of the dense core as a fraction of the county radius.
const CORE: f64 = 0.2;
/// Smallest triangle altitude (degrees, ≈ 1 cm) used for sampling.
const MIN_ALTITUDE: f64 = 1e-7;
/// Barycentric margin keeping samples away from triangle edges.
const MARGIN: f64 = 0.05;

/// Local metric frame centred on the seat.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// The county seat (or an interior point), degrees.
    pub seat: Coord<f64>,
    /// cos(latitude of the seat): scale applied to longitude differences.
    pub kx: f64,
    /// Radius of a disc with the county's area, scaled degrees.
    pub radius: f64,
}

impl Frame {
    /// Position relative to the seat in scaled degrees.
    pub fn local(&self, c: Coord<f64>) -> (f64, f64) {
        ((c.x - self.seat.x) * self.kx, c.y - self.seat.y)
    }

    /// Relative seed density at `c` (cells per unit area, unnormalised).
    pub fn density(&self, c: Coord<f64>) -> f64 {
        let (x, y) = self.local(c);
        let d2 = (x * x + y * y) / (self.radius * self.radius);
        0.35 + 1.0 / (1.0 + d2) + SEAT_PEAK * detmath::decay(d2 / (CORE * CORE))
    }

    fn max_density(&self) -> f64 {
        1.35 + SEAT_PEAK
    }
}

/// Draws `n` distinct seeds strictly inside the mesh's triangles, none equal
/// to a mesh vertex.
pub(crate) fn sample(
    mesh: &Mesh,
    n: usize,
    frame: &Frame,
    rng: &mut SplitMix64,
) -> Result<Vec<Coord<f64>>, TilingError> {
    let mut cum: Vec<(f64, usize)> = Vec::with_capacity(mesh.tris.len());
    let mut total = 0.0;
    for pass in 0..2 {
        for t in 0..mesh.tris.len() {
            let area = mesh.tri_area(t);
            if area <= 0.0 || (pass == 0 && altitude(mesh, t, area) < MIN_ALTITUDE) {
                continue;
            }
            total += area;
            cum.push((total, t));
        }
        if !cum.is_empty() {
            break;
        }
    }
    if cum.is_empty() {
        return Err(TilingError::Degenerate("no triangle to sample"));
    }
    let mut taken: HashSet<(u64, u64)> = mesh
        .coords
        .iter()
        .map(|c| (c.x.to_bits(), c.y.to_bits()))
        .collect();
    let peak = frame.max_density();
    let mut out = Vec::with_capacity(n);
    let mut attempts = 0usize;
    let limit = 10_000 + 2_000 * n;
    while out.len() < n {
        attempts += 1;
        if attempts > limit {
            return Err(TilingError::Degenerate("cannot place distinct seeds"));
        }
        let u = rng.next_f64() * total;
        let k = cum.partition_point(|&(c, _)| c <= u).min(cum.len() - 1);
        let [a, b, c] = mesh.tris[cum[k].1].map(|v| mesh.coords[v as usize]);
        let s = rng.next_f64().sqrt();
        let r = rng.next_f64();
        let w = [1.0 - s, s * (1.0 - r), s * r].map(|w| MARGIN + (1.0 - 3.0 * MARGIN) * w);
        let p = Coord {
            x: w[0] * a.x + w[1] * b.x + w[2] * c.x,
            y: w[0] * a.y + w[1] * b.y + w[2] * c.y,
        };
        if rng.next_f64() * peak >= frame.density(p) {
            continue;
        }
        if taken.insert((p.x.to_bits(), p.y.to_bits())) {
            out.push(p);
        }
    }
    Ok(out)
}

fn altitude(mesh: &Mesh, t: usize, area: f64) -> f64 {
    let [a, b, c] = mesh.tris[t].map(|v| mesh.coords[v as usize]);
    let longest = detmath::hypot(a.x - b.x, a.y - b.y)
        .max(detmath::hypot(b.x - c.x, b.y - c.y))
        .max(detmath::hypot(c.x - a.x, c.y - a.y));
    2.0 * area / longest
}
