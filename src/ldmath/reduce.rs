//! Argument reduction for the trigonometric functions: `x = n pi/2 + r`
//! with `|r| <= pi/4` (a hair more where `n` is rounded), `r` returned as a
//! double-`f128` accurate to far more than 113 bits relative, for every
//! finite `x`.
//!
//! How close can `r` get to zero? For binary128 arguments up to 2^16384 the
//! continued fraction of 2/pi bounds `|r|` below by about 2^-140 (beyond
//! the 2^-113 of `x` near pi/2 itself, by the few extra bits that the best
//! of the 2^16 binades wins); both paths keep some 200 bits of `r` beyond
//! that, so the result's relative error is far below 2^-113.
//!
//! - `|x| < 2^40`: Cody-Waite. `pi/2 = PIO2_1 + PIO2_2 + PIO2_3` to 339
//!   bits; `x - n PIO2_1` is exact (both are multiples of 2^-113 and the
//!   difference is below 1), `n PIO2_2` is split exactly (Dekker), and
//!   `n PIO2_3` (under 2^-186) is added rounded.
//! - larger: Payne-Hanek, in integers. With `x = m 2^e` (`m` the 113-bit
//!   significand), the bits of 2/pi of weight above `2^(2-e)` give multiples
//!   of 4 in `x 2/pi` and are skipped; the next 384 bits, times `m`, give
//!   `x 2/pi mod 4` with 382 fraction bits, good to 2^-269.

use super::consts::{PIO2_1, PIO2_2, PIO2_3, PIO2_H, PIO2_L, PIO4, TWO_OVER_PI};
use super::dd::{fast_two_sum, rem, two_prod, two_sum};
use super::pow2;

/// `x = n pi/2 + hi + lo` for finite `x`: `(n mod 4, hi, lo)`.
pub fn rem_pio2(x: f128) -> (u32, f128, f128) {
    let a = x.abs();
    if a <= PIO4 {
        return (0, x, 0.0);
    }
    let (n, hi, lo) = if a < pow2(40) {
        cody_waite(a)
    } else {
        payne_hanek(a)
    };
    if x < 0.0 {
        (n.wrapping_neg() & 3, -hi, -lo)
    } else {
        (n & 3, hi, lo)
    }
}

/// The reduction of `pi/4 < a < 2^40`.
fn cody_waite(a: f128) -> (u32, f128, f128) {
    // The quotient need not be exact: it is off by one only where `a` is
    // within 2^-70 of an odd multiple of pi/4, and `|r|` a hair above pi/4.
    let n = (a / PIO2_1 + 0.5) as u64;
    let nf = n as f128;
    let t = rem(a, nf, PIO2_1);
    let (p, pe) = two_prod(nf, PIO2_2);
    let (s, e) = two_sum(t, -p);
    let (hi, lo) = fast_two_sum(s, e - pe - nf * PIO2_3);
    ((n & 3) as u32, hi, lo)
}

/// The reduction of `a >= 2^40` (finite).
fn payne_hanek(a: f128) -> (u32, f128, f128) {
    let bits = a.to_bits();
    let m = (bits & ((1u128 << 112) - 1)) | (1u128 << 112);
    // a = m 2^e.
    let e = ((bits >> 112) & 0x7fff) as i32 - 16383 - 112;
    // The first bit of 2/pi that matters has weight 2^-(e-1), at bit
    // e - 1 + 127 of the table (two zero words stand before the point).
    let start = (e + 126) as usize;
    let (q, sh) = (start / 64, start % 64);
    // The window of 384 bits, least significant word first.
    let mut w = [0u64; 6];
    for (k, word) in w.iter_mut().enumerate() {
        let i = q + 5 - k;
        *word = if sh == 0 {
            TWO_OVER_PI[i]
        } else {
            (TWO_OVER_PI[i] << sh) | (TWO_OVER_PI[i + 1] >> (64 - sh))
        };
    }
    // p = m * w; only its low 384 bits count (the rest are multiples of 4).
    let mut p = [0u64; 8];
    for (i, &d) in [m as u64, (m >> 64) as u64].iter().enumerate() {
        let mut carry = 0u128;
        for (j, &wj) in w.iter().enumerate() {
            let t = d as u128 * wj as u128 + p[i + j] as u128 + carry;
            p[i + j] = t as u64;
            carry = t >> 64;
        }
        p[i + 6] = carry as u64;
    }
    // x 2/pi mod 4 as a 384-bit fixed-point number with 382 fraction bits,
    // in three u128s, most significant first.
    let word = |i: usize| ((p[2 * i + 1] as u128) << 64) | p[2 * i] as u128;
    let mut f = [word(2), word(1), word(0)];
    let mut n = (f[0] >> 126) as u32;
    f[0] &= (1 << 126) - 1;
    // A fraction of a half or more rounds n up and leaves f - 1.
    let neg = f[0] >> 125 != 0;
    if neg {
        n += 1;
        // The two's complement, |f - 1| = 2^382 - f.
        let mut carry = true;
        for v in f.iter_mut().rev() {
            let (s, c) = (!*v).overflowing_add(carry as u128);
            *v = s;
            carry = c;
        }
        f[0] &= (1 << 126) - 1;
    }
    let lz = if f[0] != 0 {
        f[0].leading_zeros()
    } else if f[1] != 0 {
        128 + f[1].leading_zeros()
    } else {
        256 + f[2].leading_zeros()
    };
    // The 226 bits from the leading one (zeros past the end), as two
    // 113-bit integers; the leading one, at bit 383 - lz, has weight
    // 2^(383 - lz - 382).
    let hi = window(&f, lz) >> 15;
    let lo = window(&f, lz + 113) >> 15;
    let lead = 1 - lz as i32;
    let fh = hi as f128 * pow2(lead - 112);
    let fl = lo as f128 * pow2(lead - 225);
    // r = (fh + fl) pi/2.
    let (rh, rl) = two_prod(fh, PIO2_H);
    let rl = rl + (fh * PIO2_L + fl * PIO2_H);
    let (rh, rl) = fast_two_sum(rh, rl);
    if neg { (n, -rh, -rl) } else { (n, rh, rl) }
}

/// The 128 bits of the 384-bit number `f` that start `skip` bits below its
/// top (zeros past its end).
fn window(f: &[u128; 3], skip: u32) -> u128 {
    let (q, sh) = ((skip / 128) as usize, skip % 128);
    let at = |i: usize| f.get(i).copied().unwrap_or(0);
    if sh == 0 {
        at(q)
    } else {
        (at(q) << sh) | (at(q + 1) >> (128 - sh))
    }
}
