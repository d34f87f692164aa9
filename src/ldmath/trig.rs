//! `sin`, `cos` and `tan` in binary128, within about one ulp for every
//! finite argument: [`rem_pio2`] reduces it to `|r| <= pi/4`, where the
//! Taylor series (to `r^29` for sine, `r^30` for cosine: the first term
//! left out is below 2^-118 of the result) run on `r`'s head, and `r`'s
//! tail enters to first order.

use super::consts::{COS, SIN};
use super::dd::{div, fast_two_sum, two_prod};
use super::pow2;
use super::reduce::rem_pio2;

/// `p[0] + z p[1] + z^2 p[2] + ...` (Horner).
fn horner(z: f128, p: &[f128]) -> f128 {
    p.iter().rev().fold(0.0, |acc, &c| acc * z + c)
}

/// `sin(hi + lo)` for `|hi| <= pi/4`, as a double-`f128`:
/// `hi + (hi^3 SIN(hi^2) + lo (1 - hi^2/2))`, the bracket at most a tenth
/// of `hi`, so its rounding errors count a tenth.
fn sin_k(hi: f128, lo: f128) -> (f128, f128) {
    let z = hi * hi;
    let small = hi * z * horner(z, &SIN) + (lo - lo * z * 0.5);
    fast_two_sum(hi, small)
}

/// `cos(hi + lo)` for `|hi| <= pi/4`, as a double-`f128`: `w = 1 - hi^2/2`
/// rounded, and everything `w` misses (its rounding, that of `hi^2`, the
/// tail's `-hi lo` and the series from `r^4` on, all below a third of `w`)
/// added to it.
fn cos_k(hi: f128, lo: f128) -> (f128, f128) {
    let (z, ze) = two_prod(hi, hi);
    let hz = z * 0.5;
    let w = 1.0 - hz;
    // 1 - w is exact (w >= 1/2), and so is its difference from hz.
    let tail = ((1.0 - w) - hz) - (ze * 0.5 + hi * lo) + z * z * horner(z, &COS);
    fast_two_sum(w, tail)
}

/// Below this, `sin x` and `tan x` round to `x` and `cos x` to 1.
const TINY: f128 = pow2(-57);

/// `x - x`: NaN for infinities (raising invalid) and NaNs.
#[allow(clippy::eq_op)]
fn nan_of(x: f128) -> f128 {
    x - x
}

/// sin(x).
pub fn sin(x: f128) -> f128 {
    if !x.is_finite() {
        return nan_of(x);
    }
    if x.abs() < TINY {
        return x;
    }
    let (n, hi, lo) = rem_pio2(x);
    match n {
        0 => sin_k(hi, lo).0,
        1 => cos_k(hi, lo).0,
        2 => -sin_k(hi, lo).0,
        _ => -cos_k(hi, lo).0,
    }
}

/// cos(x).
pub fn cos(x: f128) -> f128 {
    if !x.is_finite() {
        return nan_of(x);
    }
    if x.abs() < TINY {
        return 1.0;
    }
    let (n, hi, lo) = rem_pio2(x);
    match n {
        0 => cos_k(hi, lo).0,
        1 => -sin_k(hi, lo).0,
        2 => -cos_k(hi, lo).0,
        _ => sin_k(hi, lo).0,
    }
}

/// tan(x): `sin r / cos r`, or `-cos r / sin r` in odd quadrants, the
/// quotient of the double-`f128`s rounded once.
pub fn tan(x: f128) -> f128 {
    if !x.is_finite() {
        return nan_of(x);
    }
    if x.abs() < TINY {
        return x;
    }
    let (n, hi, lo) = rem_pio2(x);
    let (sh, sl) = sin_k(hi, lo);
    let (ch, cl) = cos_k(hi, lo);
    if n & 1 == 0 {
        div(sh, sl, ch, cl).0
    } else {
        -div(ch, cl, sh, sl).0
    }
}
