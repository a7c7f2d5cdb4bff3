//! Platform-independent elementary functions.
//!
//! `f64::sin`, `cos`, `exp`, `hypot` and `atan2` come from the platform's
//! libm and may differ in the last bit between systems, which would change
//! synthetic output. These versions use only IEEE-754 `+ − × ÷ sqrt`, which
//! are correctly rounded everywhere, so results are bit-identical. Accuracy
//! is ~1e-15 absolute — ample for shaping synthetic geometry.

use std::f64::consts::{PI, TAU};

/// Sine and cosine of `x` (radians) by Taylor series after reduction to
/// [−π, π].
pub fn sin_cos(x: f64) -> (f64, f64) {
    let r = x - (x / TAU).round() * TAU;
    let r2 = r * r;
    // Horner evaluation of the series up to r^27 / r^26.
    let (mut s, mut c) = (1.0, 1.0);
    let mut k = 26.0;
    while k >= 2.0 {
        s = 1.0 - s * r2 / ((k + 1.0) * k);
        c = 1.0 - c * r2 / (k * (k - 1.0));
        k -= 2.0;
    }
    (r * s, c)
}

/// Sine of `x` (radians).
pub fn sin(x: f64) -> f64 {
    sin_cos(x).0
}

/// Cosine of `x` (radians).
pub fn cos(x: f64) -> f64 {
    sin_cos(x).1
}

/// A smooth stand-in for `exp(-t)` for `t ≥ 0`: `(1 + t/64)^-64`
/// (within 2% of the true value for t ≤ 5, and decreasing to 0).
pub fn decay(t: f64) -> f64 {
    let mut y = 1.0 / (1.0 + t.max(0.0) / 64.0);
    for _ in 0..6 {
        y *= y;
    }
    y
}

/// Euclidean length of `(x, y)`.
pub fn hypot(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}

/// A monotone stand-in for the counter-clockwise angle of `(x, y)`: the
/// "diamond angle" in [0, 4) (0 along +x, 1 along +y, 2 along −x, …).
pub fn pseudo_angle(x: f64, y: f64) -> f64 {
    if x == 0.0 && y == 0.0 {
        return 0.0;
    }
    if y >= 0.0 {
        if x >= 0.0 {
            y / (x + y)
        } else {
            1.0 - x / (-x + y)
        }
    } else if x < 0.0 {
        2.0 - y / (-x - y)
    } else {
        3.0 + x / (x - y)
    }
}

/// Degrees to radians.
pub fn radians(deg: f64) -> f64 {
    deg * (PI / 180.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_to_libm() {
        for i in -200..200 {
            let x = i as f64 * 0.0731;
            let (s, c) = sin_cos(x);
            assert!((s - x.sin()).abs() < 1e-14, "sin {x}");
            assert!((c - x.cos()).abs() < 1e-14, "cos {x}");
        }
        assert!((decay(1.0) - (-1.0f64).exp()).abs() < 0.01);
        assert_eq!(hypot(3.0, 4.0), 5.0);
    }

    #[test]
    fn pseudo_angle_is_monotone() {
        let mut last = -1.0;
        for i in 0..64 {
            let (s, c) = sin_cos(i as f64 * TAU / 64.0);
            let a = pseudo_angle(c, s);
            assert!(a > last && a < 4.0);
            last = a;
        }
    }
}
