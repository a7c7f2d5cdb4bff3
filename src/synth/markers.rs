//! 界桩布设 placing boundary markers along boundary lines (synthetic), numbered per
//! GB/T 17796-2009 as summarised in the domain brief §3.2.
//!
//! Spacing follows how real markers are set: a base spacing per line level, shortened
//! where the line is crooked (sinuosity = length / chord) and on short lines, so every
//! line gets at least one marker and a line never needs more than 999 (the 3-digit
//! sequence). Positions are interpolated linearly in longitude/latitude on the line's
//! own segments, so a marker lies on the stored line to floating-point precision.
//!
//! Types: single markers `Q`; every [`PAIR_EVERY`]th marker of a long line is a
//! same-number pair `A`/`B` (as on the two banks of a boundary river), `A` kept by the
//! party with the smaller code. Triple markers `C`/`D`/`E` at tri-points are numbered by
//! the caller, which knows where three lines meet.

use geo::{Coord, Distance, Haversine, LineString, Point};

/// Every n-th marker of a long line is a same-number pair (A/B).
pub const PAIR_EVERY: usize = 12;

/// A marker position on a line, with its running sequence number from 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub position: Point<f64>,
    /// Index of the segment of the line the marker lies on.
    pub segment: usize,
    pub sequence: u16,
    /// Whether this position carries a same-number pair (A/B) instead of a single (Q).
    pub pair: bool,
}

/// Geodesic length of a line in metres (haversine on the mean Earth radius).
pub fn length_m(line: &LineString<f64>) -> f64 {
    line.lines()
        .map(|s| Haversine.distance(Point(s.start), Point(s.end)))
        .sum()
}

/// Places markers along `line` with `base_spacing_m` between them on a straight line.
///
/// ```
/// use geo::LineString;
/// use diming::synth::markers::place;
/// // About 11 km due north: with 2 km spacing, 5 markers.
/// let line = LineString::from(vec![(120.0, 30.0), (120.0, 30.1)]);
/// let m = place(&line, 2000.0);
/// assert_eq!(m.len(), 5);
/// assert_eq!(m[0].sequence, 1);
/// ```
pub fn place(line: &LineString<f64>, base_spacing_m: f64) -> Vec<Placement> {
    let n = line.0.len();
    if n < 2 {
        return Vec::new();
    }
    let total = length_m(line);
    if total <= 0.0 {
        return Vec::new();
    }
    let chord = Haversine.distance(Point(line.0[0]), Point(line.0[n - 1]));
    let sinuosity = if chord > 1.0 {
        (total / chord).clamp(1.0, 4.0)
    } else {
        4.0
    };
    let spacing = (base_spacing_m / sinuosity).max(total / 999.0);
    let count = ((total / spacing).floor() as usize).clamp(1, 999);
    let step = total / (count as f64 + 1.0);
    let mut out = Vec::with_capacity(count);
    let mut targets = (1..=count).map(|i| i as f64 * step).peekable();
    let mut walked = 0.0;
    for (segment, seg) in line.lines().enumerate() {
        let len = Haversine.distance(Point(seg.start), Point(seg.end));
        while let Some(&t) = targets.peek() {
            if t > walked + len || len <= 0.0 {
                break;
            }
            let f = ((t - walked) / len).clamp(0.0, 1.0);
            let c = Coord {
                x: seg.start.x + (seg.end.x - seg.start.x) * f,
                y: seg.start.y + (seg.end.y - seg.start.y) * f,
            };
            let sequence = out.len() as u16 + 1;
            out.push(Placement {
                position: Point(c),
                segment,
                sequence,
                pair: count >= PAIR_EVERY && (sequence as usize) % PAIR_EVERY == 0,
            });
            targets.next();
        }
        walked += len;
    }
    out
}

/// The line with every placement inserted as a vertex, in order. A marker is then a
/// point of the stored line whatever the reader takes a segment to be (a straight line
/// in lon/lat, or a geodesic as PostGIS geography does).
pub fn with_vertices(line: &LineString<f64>, placements: &[Placement]) -> LineString<f64> {
    let mut out = Vec::with_capacity(line.0.len() + placements.len());
    let mut next = placements.iter().peekable();
    for (i, c) in line.0.iter().enumerate() {
        out.push(*c);
        while let Some(p) = next.next_if(|p| p.segment == i) {
            if out.last() != Some(&p.position.0) {
                out.push(p.position.0);
            }
        }
    }
    out.dedup();
    LineString(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Distance, Euclidean};

    #[test]
    fn crooked_lines_get_denser_markers() {
        let straight = LineString::from(vec![(120.0, 30.0), (120.2, 30.0)]);
        let zigzag: LineString<f64> = (0..=40)
            .map(|i| {
                (
                    120.0 + i as f64 * 0.005,
                    30.0 + if i % 2 == 0 { 0.0 } else { 0.01 },
                )
            })
            .collect::<Vec<_>>()
            .into();
        let a = place(&straight, 3000.0).len() as f64 / length_m(&straight);
        let b = place(&zigzag, 3000.0).len() as f64 / length_m(&zigzag);
        assert!(b > a * 1.5, "density straight {a}, zigzag {b}");
    }

    #[test]
    fn markers_lie_on_the_line_and_sequences_are_dense() {
        let line = LineString::from(vec![
            (100.0, 25.0),
            (100.3, 25.1),
            (100.4, 25.5),
            (100.9, 25.6),
        ]);
        let m = place(&line, 1500.0);
        assert!(m.len() > 20);
        for (i, p) in m.iter().enumerate() {
            assert_eq!(p.sequence as usize, i + 1);
            let d = line
                .lines()
                .map(|s| Euclidean.distance(&s, &p.position))
                .fold(f64::INFINITY, f64::min);
            assert!(d < 1e-9, "marker {i} is {d} degrees off the line");
        }
        assert!(m.iter().any(|p| p.pair));
    }

    #[test]
    fn markers_become_vertices() {
        let line = LineString::from(vec![(100.0, 25.0), (100.3, 25.1), (100.4, 25.5)]);
        let m = place(&line, 5000.0);
        let dense = with_vertices(&line, &m);
        assert_eq!(dense.0.len(), line.0.len() + m.len());
        assert!(m.iter().all(|p| dense.0.contains(&p.position.0)));
        assert_eq!(dense.0.first(), line.0.first());
        assert_eq!(dense.0.last(), line.0.last());
    }

    #[test]
    fn short_and_long_lines() {
        let tiny = LineString::from(vec![(120.0, 30.0), (120.0001, 30.0)]);
        assert_eq!(place(&tiny, 3000.0).len(), 1);
        let long = LineString::from(vec![(80.0, 30.0), (120.0, 30.0)]);
        assert!(place(&long, 10.0).len() <= 999);
        assert!(place(&LineString::new(vec![]), 1000.0).is_empty());
    }
}
