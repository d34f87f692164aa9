//! erf and erfc in `f128`, for `long double` formats of up to 64
//! significant bits: results as `(v, k)` meaning v 2^k, so that erfc's
//! tail (down to 2^-16445 near x = 106.5) neither underflows nor loses
//! bits before the caller's one rounding.
//!
//! - |x| < 3: erf x = 2/sqrt(pi) e^(-x^2) sum_n (2x^2)^n x / (1 3 5 ..
//!   (2n+1)), a series of positive terms (no cancellation); erfc x =
//!   1 - erf x loses at most 16 of the 113 bits there.
//! - x >= 3: erfc x = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/
//!   (x + ...)))), Laplace's continued fraction, evaluated from depth
//!   20 + 800/x^2 upwards (below 2^-100 relatively for x >= 3, checked
//!   against mpmath); erf x = 1 - erfc x.
//! - Negative x: erf is odd, erfc(-x) = 2 - erfc x.

use super::dd::two_prod;
use super::explog::exp_dd;
use super::kernel::fabs;
use super::pow2;
use super::special::{INV_SQRT_PI, TWO_INV_SQRT_PI};

/// erf a for 0 <= a < 3 by the series of positive terms (a < 2^-60:
/// 2a/sqrt(pi), scaled by 2^256 so that it keeps all its bits when a is
/// tiny).
fn erf_series(a: f128) -> (f128, i32) {
    if a < pow2(-60) {
        return (a * pow2(256) * TWO_INV_SQRT_PI, -256);
    }
    let a2 = a * a;
    let t2 = a2 + a2;
    let (mut t, mut s, mut n) = (a, a, 0u32);
    loop {
        n += 1;
        t = t * t2 / (2 * n + 1) as f128;
        s += t;
        if t < s * pow2(-116) {
            break;
        }
    }
    // e^-(a^2) with a^2's rounding error e: e^-(a a - e) (1 - e) (the
    // rounding of a^2 alone would cost its relative error times a^2).
    let (k, h, l) = exp_dd(-a2);
    (s * (h + (l - h * two_prod(a, a).1)) * TWO_INV_SQRT_PI, k)
}

/// erfc a for a >= 3 by the continued fraction; a >= 110 gives 2^-16600
/// (far below the least `long double`, which it rounds to 0 from above).
fn erfc_cf(a: f128) -> (f128, i32) {
    if a >= 110.0 {
        return (1.0, -16600);
    }
    let depth = 20 + (800.0 / (a * a)) as u32;
    let mut t = a;
    for n in (1..=depth).rev() {
        t = a + (n as f128 * 0.5) / t;
    }
    // e^-(a^2) with a^2's rounding error e: e^-(a a - e) (1 - e).
    let (a2, e) = two_prod(a, a);
    let (k, h, l) = exp_dd(-a2);
    ((h + (l - h * e)) * INV_SQRT_PI / t, k)
}

/// `v 2^k` as one `f128` (k >= -200 or so: no underflow worth the name).
fn unscale((v, k): (f128, i32)) -> f128 {
    if k < -16000 { 0.0 } else { v * pow2(k) }
}

/// erf x for finite x as v 2^k.
pub fn erf(x: f128) -> (f128, i32) {
    let a = fabs(x);
    let (v, k) = if a < 3.0 {
        erf_series(a)
    } else if a < 12.0 {
        (1.0 - unscale(erfc_cf(a)), 0) // erfc 12 < 2^-200
    } else {
        (1.0, 0)
    };
    (if x.is_sign_negative() { -v } else { v }, k) // erf(-0) = -0
}

/// erfc x for finite x as v 2^k.
pub fn erfc(x: f128) -> (f128, i32) {
    let a = fabs(x);
    if a < 3.0 {
        let e = unscale(erf_series(a));
        (if x < 0.0 { 1.0 + e } else { 1.0 - e }, 0)
    } else if x < 0.0 {
        (2.0 - unscale(erfc_cf(a)), 0)
    } else {
        erfc_cf(a)
    }
}
