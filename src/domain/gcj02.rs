//! 火星坐标 GCJ-02: conversion between GCJ-02 and WGS-84 / CGCS2000 longitude/latitude.
//!
//! # What GCJ-02 is
//!
//! GCJ-02 (国测局坐标, often called "Mars coordinates") is the datum mandated
//! for published maps in mainland China. It is WGS-84 with a deliberate,
//! non-linear, position-dependent offset (typically a few hundred metres).
//! Commercial Chinese map services such as AutoNavi/Gaode and Tencent return
//! and expect GCJ-02 coordinates; Baidu's BD-09 adds a further offset on top
//! of GCJ-02 and is *not* handled here.
//!
//! The official algorithm is not published. This module implements the
//! widely circulated, reverse-engineered forward formula that is used by
//! open-source libraries (e.g. `eviltransform`, `coordtransform`) and that
//! matches the commercial maps in practice.
//!
//! # CGCS2000
//!
//! CGCS2000 (China Geodetic Coordinate System 2000) and WGS-84 differ by
//! centimetres to decimetres (slightly different flattening and frame
//! realisation). That is far below the accuracy of GCJ-02 itself, so this
//! module treats CGCS2000 and WGS-84 as identical: every `wgs84` function
//! here may be used for CGCS2000 longitude/latitude as well.
//!
//! # Forward formula (WGS-84 -> GCJ-02)
//!
//! All angles in degrees; λ = longitude, φ = latitude. The reference
//! ellipsoid is Krasovsky 1940: `a = 6378245.0` m,
//! `e² = ee = 0.00669342162296594323`.
//!
//! ```text
//! x = λ - 105,  y = φ - 35
//!
//! Tφ(x, y) = -100 + 2x + 3y + 0.2y² + 0.1xy + 0.2·√|x|
//!            + 2/3·(20·sin(6πx) + 20·sin(2πx))
//!            + 2/3·(20·sin(πy)  + 40·sin(πy/3))
//!            + 2/3·(160·sin(πy/12) + 320·sin(πy/30))
//!
//! Tλ(x, y) = 300 + x + 2y + 0.1x² + 0.1xy + 0.1·√|x|
//!            + 2/3·(20·sin(6πx) + 20·sin(2πx))
//!            + 2/3·(20·sin(πx)  + 40·sin(πx/3))
//!            + 2/3·(150·sin(πx/12) + 300·sin(πx/30))
//!
//! W  = 1 - ee·sin²φ
//! M  = a·(1 - ee) / W^(3/2)          (meridian radius of curvature)
//! N  = a / √W                        (prime-vertical radius of curvature)
//! Δφ = Tφ · 180 / (π·M)
//! Δλ = Tλ · 180 / (π·N·cos φ)
//!
//! GCJ-02 = (λ + Δλ, φ + Δφ)
//! ```
//!
//! Outside China (as decided by [`in_china_rough`]) the transformation is the
//! identity, in both directions. Non-finite inputs (NaN, ±∞) are always
//! returned unchanged.
//!
//! # Inverse (GCJ-02 -> WGS-84)
//!
//! There is no closed form for the inverse. [`gcj02_to_wgs84`] solves
//! `forward(w) = g` by fixed-point iteration `w ← w - (forward(w) - g)`,
//! starting from `w = g`. The Jacobian of the shift is of order 1e-2, so each
//! step gains roughly two decimal digits. Iteration stops once the residual
//! is below 1e-10° on both axes, or after at most 20 steps. The result
//! reproduces the GCJ-02 input to better than 1e-9° (about 0.1 mm); the tests
//! check a round trip over a grid covering China to < 1e-7°.
//!
//! The forward map is discontinuous at the edge of the rough box (shifted
//! inside, identity outside), so within roughly a kilometre of the box edge
//! a round trip is not guaranteed. The box edges lie outside China's land
//! territory, so this does not matter in practice.

/// Semi-major axis of the Krasovsky 1940 ellipsoid, in metres.
const A: f64 = 6_378_245.0;

/// First eccentricity squared of the Krasovsky 1940 ellipsoid.
#[allow(clippy::excessive_precision)]
const EE: f64 = 0.006_693_421_622_965_943_23;

/// Convergence threshold for the inverse, in degrees (on each axis).
const INVERSE_EPS: f64 = 1e-10;

/// Maximum number of fixed-point iterations for the inverse.
const INVERSE_MAX_ITER: usize = 20;

/// Returns `true` if `(lon, lat)` lies in the customary rough bounding box
/// of China (longitude 72.004..=137.8347, latitude 0.8293..=55.8271, both
/// inclusive), where the GCJ-02 shift is applied.
///
/// The box is crude: it also covers neighbouring countries and sea areas.
/// It is kept because it is what the public implementations (and therefore
/// the data produced with them) use. Returns `false` for NaN or infinite
/// inputs.
pub fn in_china_rough(lon: f64, lat: f64) -> bool {
    (72.004..=137.8347).contains(&lon) && (0.8293..=55.8271).contains(&lat)
}

/// Converts WGS-84 (or CGCS2000) longitude/latitude in degrees to GCJ-02.
///
/// Returns the input unchanged outside [`in_china_rough`] and for
/// non-finite inputs.
pub fn wgs84_to_gcj02(lon: f64, lat: f64) -> (f64, f64) {
    if !in_china_rough(lon, lat) {
        // Also covers NaN and ±∞, which are never inside the box.
        return (lon, lat);
    }
    let (d_lon, d_lat) = shift(lon, lat);
    (lon + d_lon, lat + d_lat)
}

/// Converts GCJ-02 longitude/latitude in degrees to WGS-84 (or CGCS2000).
///
/// Iterative; see the module documentation for the accuracy. Returns the
/// input unchanged outside [`in_china_rough`] and for non-finite inputs.
pub fn gcj02_to_wgs84(lon: f64, lat: f64) -> (f64, f64) {
    if !in_china_rough(lon, lat) {
        // Also covers NaN and ±∞, which are never inside the box.
        return (lon, lat);
    }
    // The unboxed shift is used during the iteration so that an iterate
    // straying just outside the box cannot make the iteration oscillate.
    let (mut w_lon, mut w_lat) = (lon, lat);
    for _ in 0..INVERSE_MAX_ITER {
        let (d_lon, d_lat) = shift(w_lon, w_lat);
        let r_lon = w_lon + d_lon - lon;
        let r_lat = w_lat + d_lat - lat;
        if !(r_lon.is_finite() && r_lat.is_finite()) {
            // Cannot happen for inputs inside the box; be defensive anyway.
            return (lon, lat);
        }
        w_lon -= r_lon;
        w_lat -= r_lat;
        if r_lon.abs() < INVERSE_EPS && r_lat.abs() < INVERSE_EPS {
            break;
        }
    }
    (w_lon, w_lat)
}

/// The GCJ-02 offset `(Δλ, Δφ)` in degrees at WGS-84 `(lon, lat)`, without
/// the bounding-box test.
fn shift(lon: f64, lat: f64) -> (f64, f64) {
    use std::f64::consts::PI;

    let x = lon - 105.0;
    let y = lat - 35.0;
    let sqrt_abs_x = x.abs().sqrt();
    let common = (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;

    let t_lat = -100.0
        + 2.0 * x
        + 3.0 * y
        + 0.2 * y * y
        + 0.1 * x * y
        + 0.2 * sqrt_abs_x
        + common
        + (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0
        + (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;

    let t_lon = 300.0
        + x
        + 2.0 * y
        + 0.1 * x * x
        + 0.1 * x * y
        + 0.1 * sqrt_abs_x
        + common
        + (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0
        + (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;

    let rad_lat = lat.to_radians();
    let sin_lat = rad_lat.sin();
    let w = 1.0 - EE * sin_lat * sin_lat;
    let sqrt_w = w.sqrt();
    let m = A * (1.0 - EE) / (w * sqrt_w);
    let n = A / sqrt_w;

    let d_lat = t_lat * 180.0 / (PI * m);
    let d_lon = t_lon * 180.0 / (PI * n * rad_lat.cos());
    (d_lon, d_lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published reference pairs: (WGS-84 lon, lat, GCJ-02 lon, lat).
    const REFERENCE: [(f64, f64, f64, f64); 4] = [
        // googollee/eviltransform, go/transform_test.go (same vectors in
        // python/test.py and php/EvilTransformTest.php): Shanghai.
        (121.5272106, 31.1774276, 121.531541859215, 31.17530398364597),
        // googollee/eviltransform, same file: Shenzhen.
        (113.912316, 22.543847, 113.9171764808363, 22.540796131694766),
        // googollee/eviltransform, same file: Beijing.
        (116.377817, 39.911954, 116.38404722455657, 39.91334545536069),
        // wandergis/coordtransform, test/app.js:
        // wgs84togcj02(116.404, 39.915) -> [116.41024449916938, 39.91640428150164].
        (116.404, 39.915, 116.41024449916938, 39.91640428150164),
    ];

    /// Forward results must match the published values to this tolerance
    /// (published values differ from ours only by float rounding order).
    const FORWARD_TOL: f64 = 1e-9;

    /// Required inverse / round-trip accuracy in degrees.
    const INVERSE_TOL: f64 = 1e-7;

    fn assert_close(got: (f64, f64), want: (f64, f64), tol: f64, what: &str) {
        let dl = (got.0 - want.0).abs();
        let dp = (got.1 - want.1).abs();
        assert!(
            dl <= tol && dp <= tol,
            "{what}: got {got:?}, want {want:?} (Δlon {dl:e}, Δlat {dp:e}, tol {tol:e})"
        );
    }

    fn same_bits(a: (f64, f64), b: (f64, f64)) -> bool {
        a.0.to_bits() == b.0.to_bits() && a.1.to_bits() == b.1.to_bits()
    }

    #[test]
    fn forward_matches_published_vectors() {
        for &(wl, wp, gl, gp) in &REFERENCE {
            assert_close(
                wgs84_to_gcj02(wl, wp),
                (gl, gp),
                FORWARD_TOL,
                "wgs84_to_gcj02",
            );
        }
    }

    #[test]
    fn inverse_matches_published_vectors() {
        for &(wl, wp, gl, gp) in &REFERENCE {
            assert_close(
                gcj02_to_wgs84(gl, gp),
                (wl, wp),
                INVERSE_TOL,
                "gcj02_to_wgs84",
            );
        }
    }

    #[test]
    fn tiananmen_example_from_brief() {
        // Approximate pair quoted in the task brief (not a published test
        // vector): WGS-84 (116.3912757, 39.906217) ~ GCJ-02 (116.3975, 39.9075).
        let g = wgs84_to_gcj02(116.391_275_7, 39.906_217);
        assert_close(g, (116.3975, 39.9075), 5e-4, "tiananmen approx");
        assert_close(
            gcj02_to_wgs84(g.0, g.1),
            (116.391_275_7, 39.906_217),
            INVERSE_TOL,
            "tiananmen round trip",
        );
    }

    #[test]
    fn round_trip_grid_over_china() {
        // 0.25° grid over lon 73..=135, lat 3..=54; includes lon = 105
        // exactly, where the √|x| term is not differentiable.
        let mut max_err = 0.0_f64;
        for i in 0..=248 {
            let lon = 73.0 + f64::from(i) * 0.25;
            for j in 0..=204 {
                let lat = 3.0 + f64::from(j) * 0.25;
                let (gl, gp) = wgs84_to_gcj02(lon, lat);
                let (wl, wp) = gcj02_to_wgs84(gl, gp);
                let err = (wl - lon).abs().max((wp - lat).abs());
                max_err = max_err.max(err);
                assert!(
                    err < INVERSE_TOL,
                    "round trip at ({lon}, {lat}): got ({wl}, {wp}), error {err:e}"
                );
            }
        }
        // The documented accuracy is much better than the required 1e-7°.
        assert!(max_err < 1e-9, "max round-trip error {max_err:e}");
    }

    #[test]
    fn round_trip_near_lon_105() {
        for k in -20..=20 {
            let lon = 105.0 + f64::from(k) * 1e-7;
            let (gl, gp) = wgs84_to_gcj02(lon, 30.0);
            assert_close(
                gcj02_to_wgs84(gl, gp),
                (lon, 30.0),
                INVERSE_TOL,
                "near lon 105",
            );
        }
    }

    #[test]
    fn shift_is_applied_inside_china() {
        let (gl, gp) = wgs84_to_gcj02(116.4, 39.9);
        // Beijing: offset of several hundred metres.
        assert!((gl - 116.4).abs() > 1e-3 && (gp - 39.9).abs() > 1e-4);
    }

    #[test]
    fn identity_outside_china() {
        let outside = [
            (0.0, 0.0),
            (-74.006, 40.7128),  // New York
            (2.3522, 48.8566),   // Paris
            (139.6917, 35.6895), // Tokyo (east of 137.8347)
            (100.0, 0.8),        // just south of the box
            (100.0, 55.83),      // just north of the box
            (72.0, 40.0),        // just west of the box
            (137.84, 40.0),      // just east of the box
            (-180.0, -90.0),
            (f64::MAX, f64::MIN),
            (f64::MIN_POSITIVE, -f64::MIN_POSITIVE),
        ];
        for &p in &outside {
            assert!(!in_china_rough(p.0, p.1), "{p:?} should be outside");
            assert!(same_bits(wgs84_to_gcj02(p.0, p.1), p), "forward {p:?}");
            assert!(same_bits(gcj02_to_wgs84(p.0, p.1), p), "inverse {p:?}");
        }
    }

    #[test]
    fn rough_box_bounds_are_inclusive() {
        assert!(in_china_rough(72.004, 0.8293));
        assert!(in_china_rough(137.8347, 55.8271));
        assert!(in_china_rough(116.4, 39.9));
        assert!(!in_china_rough(72.003_999, 30.0));
        assert!(!in_china_rough(100.0, 55.827_101));
    }

    #[test]
    fn non_finite_inputs_are_returned_unchanged() {
        let specials = [f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
        let mut inputs = Vec::new();
        for &s in &specials {
            inputs.push((s, 39.9));
            inputs.push((116.4, s));
            for &t in &specials {
                inputs.push((s, t));
            }
        }
        for &p in &inputs {
            assert!(!in_china_rough(p.0, p.1), "{p:?} should be outside");
            assert!(same_bits(wgs84_to_gcj02(p.0, p.1), p), "forward {p:?}");
            assert!(same_bits(gcj02_to_wgs84(p.0, p.1), p), "inverse {p:?}");
        }
    }
}
