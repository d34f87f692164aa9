//! `atan`, `atan2`, `asin` and `acos` in binary128, within about one ulp,
//! all through [`atan_ratio`]: `atan(y/x)` for a double-`f128` `y` and
//! `x`, which takes the smaller over the larger (`atan t = pi/2 -
//! atan(1/t)`), then `atan t = atan c + atan((t - c)/(1 + t c))` with `c`
//! the nearest multiple of 1/64 (a table holds `atan c` to 226 bits), and a
//! Taylor series to `u^17` on the rest, `|u| <= 1/128` (the first term left
//! out is below 2^-126 of `u`). `asin` and `acos` are `atan2` of `x` and
//! `sqrt(1 - x^2)`, the latter formed exactly as `1 - x^2` first.

use super::consts::{ATAN, ATAN_H, ATAN_L, PI_H, PI_L, PIO2_H, PIO2_L, PIO4, THREE_PIO4};
use super::dd::{self, fast_two_sum, two_prod, two_sum};
use super::{pow2, scalbn};

/// `atan(th + tl)` for `0 <= th <= 1`, as a double-`f128`.
fn atan_unit(th: f128, tl: f128) -> (f128, f128) {
    let k = (th * 64.0 + 0.5) as usize;
    let (uh, ul) = if k == 0 {
        (th, tl)
    } else {
        let c = k as f128 / 64.0;
        // th - c is exact (c/2 <= th <= 2c); the divisor 1 + t c to 226 bits.
        let (p, pe) = two_prod(th, c);
        let (dh, de) = two_sum(1.0, p);
        let (dh, dl) = fast_two_sum(dh, de + pe + tl * c);
        dd::div(th - c, tl, dh, dl)
    };
    let z = uh * uh;
    let poly = uh * z * ATAN.iter().rev().fold(0.0, |acc, &a| acc * z + a);
    if k == 0 {
        return fast_two_sum(uh, ul + poly);
    }
    let (s, e) = two_sum(ATAN_H[k], uh);
    fast_two_sum(s, e + ATAN_L[k] + ul + poly)
}

/// `atan((yh + yl)/(xh + xl))` in `[0, pi/2]` as a double-`f128`, for
/// finite `y, x >= 0` not both zero.
pub fn atan_ratio(yh: f128, yl: f128, xh: f128, xl: f128) -> (f128, f128) {
    if yh <= xh {
        let (th, tl) = dd::div(yh, yl, xh, xl);
        atan_unit(th, tl)
    } else {
        let (th, tl) = dd::div(xh, xl, yh, yl);
        let (ah, al) = atan_unit(th, tl);
        let (s, e) = two_sum(PIO2_H, -ah);
        fast_two_sum(s, e + PIO2_L - al)
    }
}

/// Below this, `atan x` and `asin x` round to `x`.
const TINY: f128 = pow2(-57);

/// atan(x).
pub fn atan(x: f128) -> f128 {
    if x.is_nan() {
        return x + x;
    }
    let a = x.abs();
    if a < TINY {
        return x;
    }
    let r = if a > pow2(120) {
        PIO2_H
    } else {
        atan_ratio(a, 0.0, 1.0, 0.0).0
    };
    if x < 0.0 { -r } else { r }
}

/// atan2(y, x): the angle of the point (x, y), with the special values of
/// C's Annex G (F.10.1.4).
pub fn atan2(y: f128, x: f128) -> f128 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    let neg = y.is_sign_negative();
    let sign = |r: f128| if neg { -r } else { r };
    if y == 0.0 {
        return sign(if x.is_sign_negative() { PI_H } else { 0.0 });
    }
    if x.is_infinite() {
        return sign(match (y.is_infinite(), x > 0.0) {
            (true, true) => PIO4,
            (true, false) => THREE_PIO4,
            (false, true) => 0.0,
            (false, false) => PI_H,
        });
    }
    if x == 0.0 || y.is_infinite() {
        return sign(PIO2_H);
    }
    let (mut ay, mut ax) = (y.abs(), x.abs());
    if x > 0.0 {
        // Below 2^-60 the quotient is the result (and rounded once).
        let q = y / x;
        if q.abs() < pow2(-60) {
            return q;
        }
    }
    // Both scaled by one power of two, the larger to [1, 2), so that the
    // exact products of the division neither overflow nor underflow. If
    // the smaller underflows, the quotient was below 2^-16382: its
    // contribution to a result near pi/2 or pi is far below an ulp (and
    // near 0, for x > 0, the quotient was returned above).
    let big = if ay > ax { ay } else { ax };
    let e = ((big.to_bits() >> 112) & 0x7fff) as i32 - 16383;
    ay = scalbn(ay, -e);
    ax = scalbn(ax, -e);
    let (h, l) = atan_ratio(ay, 0.0, ax, 0.0);
    if x > 0.0 {
        return sign(h);
    }
    let (s, e) = two_sum(PI_H, -h);
    sign(s + (e + PI_L - l))
}

/// `sqrt(1 - x^2)` for `0 <= a <= 1`, as a double-`f128`: `a^2` is split
/// exactly, so `1 - a^2` is right to 226 bits even where it cancels.
fn cofactor(a: f128) -> (f128, f128) {
    let (p, pe) = two_prod(a, a);
    let (u, ue) = two_sum(1.0, -p);
    let (u, ul) = fast_two_sum(u, ue - pe);
    dd::sqrt(u, ul)
}

/// `x - x` over itself: NaN, raising invalid, for `|x| > 1`.
#[allow(clippy::eq_op)]
fn domain_error(x: f128) -> f128 {
    (x - x) / (x - x)
}

/// asin(x), NaN outside [-1, 1].
pub fn asin(x: f128) -> f128 {
    if x.is_nan() {
        return x + x;
    }
    let a = x.abs();
    if a > 1.0 {
        return domain_error(x);
    }
    if a < TINY {
        return x;
    }
    let (ch, cl) = cofactor(a);
    let r = atan_ratio(a, 0.0, ch, cl).0;
    if x < 0.0 { -r } else { r }
}

/// acos(x), NaN outside [-1, 1].
pub fn acos(x: f128) -> f128 {
    if x.is_nan() {
        return x + x;
    }
    let a = x.abs();
    if a > 1.0 {
        return domain_error(x);
    }
    let (ch, cl) = cofactor(a);
    let (h, l) = atan_ratio(ch, cl, a, 0.0);
    if x >= 0.0 {
        return h;
    }
    let (s, e) = two_sum(PI_H, -h);
    s + (e + PI_L - l)
}
