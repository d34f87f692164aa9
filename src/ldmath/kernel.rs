//! `f128` building blocks of the x87 functions (`arch/x86_64/x87_math.rs`)
//! and of [`super::explog`]: e^x as a value and a power of two (so that
//! neither overflows nor underflows), ln x, |x| and rounding to an
//! integer. e^x and ln x are good to a few units of binary128's 113 bits,
//! some 2^45 times finer than the 64-bit significand the x87 callers
//! round to; the binary128 functions use [`super::explog`]'s
//! double-`f128` versions instead.

use super::pow2;
use super::special::{INV_FACT, INV_LN2, LN2_HI, LN2_LO, SQRT2};

/// |x|, by clearing the sign bit: plain integer work on every arch (no
/// soft-float routine or libcall, whatever rustc's `f128` support there).
pub fn fabs(x: f128) -> f128 {
    f128::from_bits(x.to_bits() & !(1u128 << 127))
}

/// `x` rounded to the nearest integer (|x| < 2^62).
pub fn round_int(x: f128) -> i64 {
    (if x < 0.0 { x - 0.5 } else { x + 0.5 }) as i64
}

/// e^x as `(m, k)` with e^x = m 2^k and m within [0.7, 1.42], for
/// |x| < 2^40: x = k ln 2 + r with ln 2 in two parts (k times the high
/// part is exact, and so is x less it), then e^r by its Taylor series to
/// degree 26 (|r| <= 0.35: the next term is below 2^-140).
pub fn exp_scaled(x: f128) -> (f128, i32) {
    let k = round_int(x * INV_LN2);
    let kf = k as f128;
    let r = (x - kf * LN2_HI) - kf * LN2_LO;
    let mut p = INV_FACT[26];
    for c in INV_FACT[..26].iter().rev() {
        p = p * r + *c;
    }
    (p, k as i32)
}

/// 1/(2j + 1) for j = 0..=24: the coefficients of atanh(s)/s in s^2.
pub const ODD_INV: [f128; 25] = {
    let mut a = [0.0f128; 25];
    let mut j = 0;
    while j < 25 {
        a[j] = 1.0 / (2 * j + 1) as f128;
        j += 1;
    }
    a
};

/// Finite `x > 0` (subnormals included) as `(m, e)` with `x = 2^e m`
/// and `m` within [sqrt(1/2), sqrt(2)), exactly: the logarithms' split.
pub fn split_sqrt2(x: f128) -> (f128, i32) {
    let (mut b, mut e) = (x.to_bits(), 0i32);
    if b >> 112 == 0 {
        b = (x * pow2(120)).to_bits(); // subnormal: made normal, exactly
        e = -120;
    }
    e += (b >> 112) as i32 - 16383;
    let m = f128::from_bits((b & ((1u128 << 112) - 1)) | (16383u128 << 112));
    if m > SQRT2 { (m * 0.5, e + 1) } else { (m, e) }
}

/// ln x for finite x > 0 (subnormals included): x = 2^e m with m within
/// [sqrt(1/2), sqrt(2)), ln m = 2 atanh((m - 1)/(m + 1)) by its series
/// (|s| < 0.172, s^2 < 0.0295: 25 terms leave under 2^-125), and e ln 2
/// in two parts. `m - 1` is exact, so the result is relatively accurate
/// near x = 1 too.
pub fn ln(x: f128) -> f128 {
    let (m, e) = split_sqrt2(x);
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut p = ODD_INV[24];
    for c in ODD_INV[..24].iter().rev() {
        p = p * s2 + *c;
    }
    let ef = e as f128;
    ef * LN2_HI + (2.0 * s * p + ef * LN2_LO)
}
