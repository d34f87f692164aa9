//! sin, cos and tan in `f128` for values with a 64-bit significand (the
//! x87 format): the argument is reduced by pi/2 exactly for every finite
//! value (Payne and Hanek's method, in integers, with a 256-bit window of
//! 2/pi), then Taylor series on |r| <= pi/4.
//!
//! The window: x = m 2^e with m a 64-bit integer; the bits of 2/pi whose
//! product with m lands at 2^2 and above only add multiples of 4 to
//! x 2/pi and are skipped, and 256 bits from there leave, after the
//! integer part, at least 190 fraction bits: beyond the worst cancellation
//! a 64-bit significand can cause (under 2^-70 or so), more than the 113
//! an `f128` keeps.

use super::consts::{INV_FACT, TWO_OVER_PI_BITS};
use super::kernel::pow2;

/// pi/2, rounded to `f128`.
const PIO2: f128 = core::f128::consts::FRAC_PI_2;

/// `x = m 2^e` (m < 2^64) as `(n, r)` with x = n pi/2 + r, |r| <= pi/4
/// (n modulo 4 only). For x below pi/4 in magnitude, r = x.
pub fn rem_pio2(m: u64, e: i32) -> (u32, f128) {
    if e < -64 || (e < 0 && ((m as f128) * pow2(e)) < PIO2 * 0.5) {
        // Below pi/4 (subnormal values too: scaled in two exact steps).
        return (
            0,
            (m as f128) * pow2(e.max(-16000) + 200) * pow2(-200 + (e + 16000).min(0)),
        );
    }
    // The window starts at bit j0 of 2/pi (bit 1 is the first after the
    // point): bits before e - 1 give multiples of 4.
    let j0 = (e - 1).max(1);
    let o = (j0 - 1) as usize;
    let (w, sh) = (o / 64, o % 64);
    let word = |i: usize| {
        let hi = TWO_OVER_PI_BITS[w + i] << sh;
        if sh == 0 {
            hi
        } else {
            hi | TWO_OVER_PI_BITS[w + i + 1] >> (64 - sh)
        }
    };
    // P = m B, five words, least significant first.
    let mut p = [0u64; 5];
    let mut carry = 0u128;
    for (i, pw) in p.iter_mut().take(4).enumerate() {
        let t = m as u128 * word(3 - i) as u128 + carry;
        *pw = t as u64;
        carry = t >> 64;
    }
    p[4] = carry as u64;
    // x 2/pi = P 2^-f modulo 4, f being the count of fraction bits.
    let f = (256 - 1 + j0 - e) as usize;
    let bit = |p: &[u64; 5], b: usize| {
        if b >= 320 {
            0
        } else {
            p[b / 64] >> (b % 64) & 1
        }
    };
    let mut n = (bit(&p, f + 1) << 1 | bit(&p, f)) as u32;
    let mut neg = false;
    if bit(&p, f - 1) == 1 {
        // At least a half: round n up and take the fraction's complement.
        n = (n + 1) & 3;
        neg = true;
        let mut c = 1u128;
        for w in p.iter_mut() {
            let t = (!*w) as u128 + c;
            *w = t as u64;
            c = t >> 64;
        }
    }
    // The fraction: bits f-1 down to 0; its leading one, then 128 bits.
    let top = (0..f).rev().find(|&b| bit(&p, b) == 1);
    let Some(top) = top else {
        return (n, 0.0);
    };
    let mut v = 0u128;
    for k in 0..128 {
        let b = top as i64 - k;
        v = v << 1
            | if b >= 0 {
                bit(&p, b as usize) as u128
            } else {
                0
            };
    }
    // v 2^(top - 127 - f): the fraction, then times pi/2.
    let r = v as f128 * pow2(top as i32 - 127 - f as i32) * PIO2;
    (n, if neg { -r } else { r })
}

/// sin r for |r| <= pi/4 (13 terms: under 2^-100 relatively).
pub fn sin_kernel(r: f128) -> f128 {
    let r2 = r * r;
    let mut p = INV_FACT[25];
    for j in (0..12).rev() {
        p = p * -r2 + INV_FACT[2 * j + 1];
    }
    r * p
}

/// cos r for |r| <= pi/4.
pub fn cos_kernel(r: f128) -> f128 {
    let r2 = r * r;
    let mut p = INV_FACT[26];
    for j in (0..13).rev() {
        p = p * -r2 + INV_FACT[2 * j];
    }
    p
}

/// sin x (or, with `cos`, cos x) for x = m 2^e: one of ±sin r, ±cos r
/// after the reduction, by n modulo 4.
pub fn sin_cos(m: u64, e: i32, neg: bool, cos: bool) -> f128 {
    let (n, r) = rem_pio2(m, e);
    let r = if neg { -r } else { r };
    let n = if neg { n.wrapping_neg() & 3 } else { n };
    let q = (n + cos as u32) & 3;
    let v = if q & 1 == 0 {
        sin_kernel(r)
    } else {
        cos_kernel(r)
    };
    if q & 2 == 0 { v } else { -v }
}

/// tan x for x = m 2^e: tan r for even n, -1/tan r for odd.
pub fn tan(m: u64, e: i32, neg: bool) -> f128 {
    let (n, r) = rem_pio2(m, e);
    let r = if neg { -r } else { r };
    let (s, c) = (sin_kernel(r), cos_kernel(r));
    if n & 1 == 0 { s / c } else { -c / s }
}
