//! lgamma and tgamma in `f128`: ln|Γ| as a double-`f128` (absolute
//! error about 2^-118 times the result, more near the zeros of lgamma on
//! the negative axis), which the callers round once: binary128 directly,
//! the x87 format after its conversion.
//!
//! - x >= 32: Stirling's series, (x - 1/2) ln x - x + ln(2 pi)/2 +
//!   sum_k B_2k / (2k (2k - 1) x^(2k - 1)), 16 terms (the 17th is below
//!   2^-133 relatively at x = 32, and the whole sum under 1/1000 of the
//!   result), the leading terms in double-`f128`.
//! - Near the zeros at 1 and 2 (1.5 <= x <= 2.5, 1/2 <= x < 1.5): the
//!   Taylor series lgamma(2 + z) = (1 - gamma) z + sum_k>=2 (-1)^k
//!   (zeta(k) - 1) z^k / k, and lgamma(1 + z) = lgamma(2 + z) - ln(1 + z):
//!   relatively accurate however close x is to 1 or 2.
//! - 2.5 < x < 32: shifted down, lgamma x = lgamma(x - n) + ln((x - 1)
//!   .. (x - n)) with x - n in [1.5, 2.5] (the product in double-`f128`).
//! - x < 1/2: lgamma x = lgamma(1 + x) - ln x, lgamma(1 + x) as above
//!   with z = x exactly; below 2^-120, -ln x (gamma x is below 2^-113 of
//!   it).
//! - Negative x = -t: the reflection Γ(-t) = -pi / (t sin(pi t) Γ(t)),
//!   lgamma(-t) = ln pi - ln|sin(pi t)| - ln t - lgamma t, with sin(pi t)
//!   from t's exact fraction. Near the zeros of lgamma on the negative
//!   axis the absolute error stays that of the terms (a few ulps of
//!   lgamma t: 2^-107 at t = 32), so the relative one grows as the result
//!   nears 0.
//! - tgamma x = sign e^(lgamma x), the exponential of the double-`f128`.

use super::consts::PI_H;
use super::dd::{fast_two_sum, two_prod, two_sum};
use super::explog::{add, exp_dd2, ln_dd, mul};
use super::explog_consts::{
    HALF_LN_2PI_H, HALF_LN_2PI_L, LN_PI_H, LN_PI_L, ONE_MINUS_EULER_H, ONE_MINUS_EULER_L,
};
use super::pow2;
use super::special::{STIRLING, ZETA_M1_K};
use super::trig;

/// sin(pi f) for f within [0, 1/2], within an ulp or so: binary128's
/// sine (or cosine of pi (1/2 - f), 1/2 - f exact) of the product
/// rounded once.
fn sin_pi(f: f128) -> f128 {
    if f <= 0.25 {
        trig::sin(PI_H * f)
    } else {
        trig::cos(PI_H * (0.5 - f))
    }
}

/// lgamma(2 + z) for |z| <= 1/2 as a double-`f128` (the coefficients
/// fall like 2^-k, the terms like 4^-k: 60 of them leave under 2^-120).
fn lgamma2(z: f128) -> (f128, f128) {
    let mut p = 0.0f128;
    for c in ZETA_M1_K.iter().rev() {
        p = p * -z + *c;
    }
    let (h, l) = two_prod(ONE_MINUS_EULER_H, z);
    fast_two_sum(h, l + ONE_MINUS_EULER_L * z + z * z * p)
}

/// Stirling's series for x >= 32, as x (ln x - 1) - ln x / 2 + ln(2 pi)/2
/// + the series, so that it overflows only where lgamma does.
fn stirling(x: f128) -> (f128, f128) {
    let (lh, ll) = ln_dd(x, 0.0);
    if x >= pow2(16000) {
        return (x * (lh - 1.0), 0.0); // beyond the range
    }
    let (th, tl) = add(lh, ll, -1.0, 0.0);
    let (p, pl) = mul(x, 0.0, th, tl);
    let (b, bl) = add(p, pl, -0.5 * lh, -0.5 * ll);
    let (b, bl) = add(b, bl, HALF_LN_2PI_H, HALF_LN_2PI_L);
    if x >= pow2(60) {
        return (b, bl); // 1/(12x) is below 2^-120 of the rest
    }
    let w = 1.0 / (x * x);
    let mut s = 0.0f128;
    for c in STIRLING.iter().rev() {
        s = s * w + *c;
    }
    fast_two_sum(b, bl + s / x)
}

/// lgamma x for finite x > 0, as a double-`f128`.
fn lgamma_pos(x: f128) -> (f128, f128) {
    if x < pow2(-120) {
        let (h, l) = ln_dd(x, 0.0);
        (-h, -l)
    } else if x < 0.5 {
        // lgamma(1 + x) - ln x, with lgamma(1 + x) = lgamma2(x) - ln(1 + x).
        let (gh, gl) = lgamma2(x);
        let (ah, al) = two_sum(1.0, x);
        let (uh, ul) = ln_dd(ah, al);
        let (vh, vl) = ln_dd(x, 0.0);
        let (sh, sl) = add(uh, ul, vh, vl);
        add(gh, gl, -sh, -sl)
    } else if x < 1.5 {
        let (gh, gl) = lgamma2(x - 1.0);
        let (uh, ul) = ln_dd(x, 0.0);
        add(gh, gl, -uh, -ul)
    } else if x <= 2.5 {
        lgamma2(x - 2.0)
    } else if x < 32.0 {
        // Down to y within (1.5, 2.5], the factors x - 1, .., y exact.
        let (mut ph, mut pl) = (1.0f128, 0.0f128);
        let mut y = x;
        while y > 2.5 {
            y -= 1.0;
            (ph, pl) = mul(ph, pl, y, 0.0);
        }
        let (gh, gl) = lgamma2(y - 2.0);
        let (uh, ul) = ln_dd(ph, pl);
        add(gh, gl, uh, ul)
    } else {
        stirling(x)
    }
}

/// ln|Γ(x)| as a double-`f128` and the sign of Γ(x) (1 or -1; C's
/// `signgam`): +inf at 0, the negative integers and the infinities (the
/// sign 1, except -1 for -0, as glibc gives).
pub fn lgamma_dd(x: f128) -> (f128, f128, i32) {
    if x.is_nan() {
        return (x + x, 0.0, 1);
    }
    if x.is_infinite() {
        return (f128::INFINITY, 0.0, 1);
    }
    if x == 0.0 {
        return (
            f128::INFINITY,
            0.0,
            if x.is_sign_negative() { -1 } else { 1 },
        );
    }
    if x > 0.0 {
        let (h, l) = lgamma_pos(x);
        return (h, l, 1);
    }
    let t = -x;
    if t >= pow2(112) {
        return (f128::INFINITY, 0.0, 1); // every such value is an integer
    }
    let n = t as u128;
    let f = t - n as f128;
    if f == 0.0 {
        return (f128::INFINITY, 0.0, 1);
    }
    // Γ(-t) is negative on (-1, 0), (-3, -2), ..: for even n.
    let sign = if n.is_multiple_of(2) { -1 } else { 1 };
    if t < pow2(-120) {
        let (h, l) = ln_dd(t, 0.0);
        return (-h, -l, sign);
    }
    let s = sin_pi(if f > 0.5 { 1.0 - f } else { f });
    // ln pi - ln(s t) - lgamma t.
    let (sh, sl) = two_prod(s, t);
    let (uh, ul) = ln_dd(sh, sl);
    let (gh, gl) = lgamma_pos(t);
    let (dh, dl) = add(uh, ul, gh, gl);
    let (h, l) = add(LN_PI_H, LN_PI_L, -dh, -dl);
    (h, l, sign)
}

/// ln|Γ(x)| and the sign of Γ(x) (see [`lgamma_dd`]).
pub fn lgamma(x: f128) -> (f128, i32) {
    let (h, _, s) = lgamma_dd(x);
    (h, s)
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
    let (h, l, s) = lgamma_dd(x);
    let sf = s as f128;
    if h > 12000.0 {
        (sf, 20000)
    } else if h < -12000.0 {
        (sf, -20000)
    } else {
        let (k, u, v) = exp_dd2(h, l);
        (sf * (u + v), k)
    }
}
