//! `cbrt` in binary128, within about half an ulp: the exponent divided by
//! three exactly, then the double `cbrt` of the significand refined by two
//! Newton steps whose residual `y^3 - a` is computed exactly (products
//! split exactly, Dekker's way), so the last step's only error is its final
//! rounding.

use super::dd::two_prod;
use super::pow2;

/// One Newton step for `y^3 = a` from `y` within 2^-50 of the root: the
/// residual `y^3 - a`, exact to far below `y`'s ulp, over `3 y^2`.
fn step(y: f128, a: f128) -> f128 {
    let (y2, y2e) = two_prod(y, y);
    let (y3, y3e) = two_prod(y2, y);
    // y3 - a is exact: they agree to 50 bits.
    let resid = (y3 - a) + (y3e + y2e * y);
    y - resid / (3.0 * y2)
}

/// cbrt(x).
pub fn cbrt(x: f128) -> f128 {
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let mut a = x.abs();
    let mut scale = 0;
    if a < pow2(-16382) {
        // Subnormal: normalise exactly (2^114 is a cube's worth of 2^38).
        a *= pow2(114);
        scale = -38;
    }
    // a = m 2^e, 1 <= m < 2; fold e mod 3 into m, so 1 <= m < 8.
    let e = ((a.to_bits() >> 112) & 0x7fff) as i32 - 16383;
    let r = e.rem_euclid(3);
    let m = f128::from_bits((a.to_bits() & ((1u128 << 112) - 1)) | ((16383 + r as u128) << 112));
    let y = libm::cbrt(m as f64) as f128;
    let y = step(step(y, m), m);
    // y in [1, 2): the scaled result is exact (a cube root is never
    // subnormal).
    let y = y * pow2((e - r) / 3 + scale);
    if x < 0.0 { -y } else { y }
}
