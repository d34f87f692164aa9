//! lgamma and tgamma in `f128`, for `long double` formats of up to 64
//! significant bits (the caller rounds once).
//!
//! - x >= 16: Stirling's series, (x - 1/2) ln x - x + ln(2 pi)/2 +
//!   sum_k B_2k / (2k (2k - 1) x^(2k - 1)), 16 terms (the 17th is below
//!   2^-100 relatively at x = 16).
//! - Near the zeros at 1 and 2 (|x - 2| <= 1/2, |x - 1| <= 1/4): the
//!   Taylor series lgamma(2 + z) = (1 - gamma) z + sum_k>=2 (-1)^k
//!   (zeta(k) - 1) z^k / k, and lgamma(1 + z) = lgamma(2 + z) - ln(1 + z):
//!   relatively accurate however close x is to 1 or 2.
//! - Elsewhere below 16: shifted up, lgamma x = lgamma(x + n) -
//!   ln(x (x + 1) .. (x + n - 1)) (at most 9 bits lost to cancellation).
//! - x < 2^-80: -ln x (gamma x is below 2^-80 of it).
//! - Negative x: the reflection lgamma(-t) = ln pi - ln|sin(pi t)| -
//!   lgamma(1 + t), with sin(pi t) from t's exact fraction. Near the zeros
//!   of lgamma on the negative axis the absolute error stays near 2^-110,
//!   so the relative one grows as the result nears 0.
//! - tgamma x = sign e^(lgamma x): lgamma's absolute error (under 2^-95
//!   up to the overflow at 1755.5) is tgamma's relative error.

use super::kernel::{exp_scaled, ln, sin_pi};
use super::pow2;
use super::special::{EULER, HALF_LN_2PI, LN_PI, STIRLING, ZETA_M1_K};

/// lgamma(2 + z) for |z| <= 1/2 (the coefficients fall like 2^-k, the
/// terms like 4^-k: 60 of them leave under 2^-120).
fn lgamma2(z: f128) -> f128 {
    let mut p = 0.0f128;
    for c in ZETA_M1_K.iter().rev() {
        p = p * -z + *c;
    }
    (1.0 - EULER) * z + z * z * p
}

/// Stirling's series for x >= 16; computed as x (ln x - 1) - ln x / 2 so
/// that it overflows only where lgamma does.
fn stirling(x: f128) -> f128 {
    let l = ln(x);
    let base = x * (l - 1.0) - 0.5 * l + HALF_LN_2PI;
    if x >= pow2(50) {
        return base; // 1/(12x) is below 2^-100 of the rest
    }
    let w = 1.0 / (x * x);
    let mut s = 0.0f128;
    for c in STIRLING.iter().rev() {
        s = s * w + *c;
    }
    base + s / x
}

/// lgamma x for finite x > 0.
fn lgamma_pos(x: f128) -> f128 {
    if x < pow2(-80) {
        -ln(x)
    } else if (0.75..=1.25).contains(&x) {
        lgamma2(x - 1.0) - ln(x)
    } else if (1.5..=2.5).contains(&x) {
        lgamma2(x - 2.0)
    } else if x >= 16.0 {
        stirling(x)
    } else {
        let (mut p, mut y) = (x, x + 1.0);
        while y < 16.0 {
            p *= y;
            y += 1.0;
        }
        stirling(y) - ln(p)
    }
}

/// ln|Γ(x)| and the sign of Γ(x) (1 or -1; C's `signgam`): +inf at 0,
/// the negative integers and the infinities (the sign 1, except -1 for
/// -0, as glibc gives).
pub fn lgamma(x: f128) -> (f128, i32) {
    if x.is_nan() {
        return (x + x, 1);
    }
    if x.is_infinite() {
        return (f128::INFINITY, 1);
    }
    if x == 0.0 {
        return (f128::INFINITY, if x.is_sign_negative() { -1 } else { 1 });
    }
    if x > 0.0 {
        return (lgamma_pos(x), 1);
    }
    let t = -x;
    if t >= pow2(63) {
        return (f128::INFINITY, 1); // every such value is an integer
    }
    let n = t as u64;
    let f = t - n as f128;
    if f == 0.0 {
        return (f128::INFINITY, 1);
    }
    // Γ(-t) is negative on (-1, 0), (-3, -2), ..: for even n.
    let sign = if n.is_multiple_of(2) { -1 } else { 1 };
    if t < pow2(-80) {
        return (-ln(t), sign);
    }
    let s = sin_pi(if f > 0.5 { 1.0 - f } else { f });
    (LN_PI - ln(s) - lgamma_pos(1.0 + t), sign)
}

/// Γ(x) as `(v, k)`, meaning v 2^k (so that the caller rounds results
/// near overflow and underflow once): ±inf at ±0, NaN at the negative
/// integers and -inf, and far beyond the range 2^±20000.
pub fn tgamma(x: f128) -> (f128, i32) {
    if x.is_nan() || x == f128::INFINITY {
        return (x + x, 0);
    }
    if x == 0.0 {
        return (1.0 / x, 0);
    }
    if x < 0.0 && (x.is_infinite() || x <= -pow2(63) || (-x) as u64 as f128 == -x) {
        return (f128::NAN, 0);
    }
    if x > 1800.0 {
        return (1.0, 20000);
    }
    let (l, s) = lgamma(x);
    let sf = s as f128;
    if l > 12000.0 {
        (sf, 20000)
    } else if l < -12000.0 {
        (sf, -20000)
    } else {
        let (m, k) = exp_scaled(l);
        (sf * m, k)
    }
}
