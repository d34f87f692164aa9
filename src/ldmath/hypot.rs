//! `hypot` in binary128, within about half an ulp: both arguments scaled
//! by the same power of two (exactly) so that the larger is in [1, 2), the
//! squares and their sum carried as double-`f128`s, and the square root
//! refined by one Newton step before its single rounding.

use super::dd::{self, fast_two_sum, two_prod, two_sum};
use super::{pow2, scalbn};

/// hypot(x, y): infinite if either is (even with a NaN), then NaN if
/// either is.
pub fn hypot(x: f128, y: f128) -> f128 {
    if x.is_infinite() || y.is_infinite() {
        return f128::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    let (mut a, mut b) = (x.abs(), y.abs());
    if a < b {
        core::mem::swap(&mut a, &mut b);
    }
    if b == 0.0 {
        return a;
    }
    if b < a * pow2(-60) {
        // hypot = a + b^2/(2a) + ..., and b^2/(2a) is below 2^-121 a: it
        // only decides the rounding (in the directed modes).
        return a + b / a * b * 0.5;
    }
    let mut scale = 0;
    if a < pow2(-16000) {
        a *= pow2(240);
        b *= pow2(240);
        scale = -240;
    }
    let e = ((a.to_bits() >> 112) & 0x7fff) as i32 - 16383;
    // Exact: a's exponent is e, and b, at least 2^-60 a, stays normal.
    let (a, b) = (scalbn(a, -e), scalbn(b, -e));
    let (a2, a2e) = two_prod(a, a);
    let (b2, b2e) = two_prod(b, b);
    let (s, se) = two_sum(a2, b2);
    let (s, sl) = fast_two_sum(s, se + a2e + b2e);
    let r = dd::sqrt(s, sl).0;
    // r in [1, 2); scaled in two steps, since e + scale may be out of range
    // for one power of two (overflow and underflow round once, at the end).
    r * pow2(e) * pow2(scale)
}
