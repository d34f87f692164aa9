//! erf and erfc in `f128`: results as `(v, k)` meaning v 2^k, so that
//! erfc's tail (down to 2^-16445 near x = 106.5) neither underflows nor
//! loses bits before the caller's one rounding.
//!
//! - |x| < 3: erf x = 2/sqrt(pi) e^(-x^2) sum_n (2x^2)^n x / (1 3 5 ..
//!   (2n+1)), a series of positive terms (no cancellation), every step in
//!   double-`f128` (e^(-x^2) to about 2^-135 by
//!   [`super::explog::exp_precise`]); erfc x = 1 - erf x loses at most 16
//!   bits there, which that precision covers.
//! - x >= 3: erfc x = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/
//!   (x + ...)))), Laplace's continued fraction, evaluated from depth
//!   40 + 1600/x^2 upwards; erf x = 1 - erfc x.
//! - Negative x: erf is odd, erfc(-x) = 2 - erfc x.

use super::dd::{self, two_prod};
use super::explog::{add, exp_dd, exp_precise, mul};
use super::explog_consts::{TWO_INV_SQRT_PI_H, TWO_INV_SQRT_PI_L};
use super::kernel::fabs;
use super::pow2;
use super::special::INV_SQRT_PI;

/// erf a for 0 <= a < 3 by the series of positive terms, as a
/// double-`f128` `(h, l)` times 2^k (a < 2^-60: 2a/sqrt(pi), scaled by
/// 2^256 so that it keeps all its bits when a is tiny).
fn erf_series(a: f128) -> (f128, f128, i32) {
    if a < pow2(-60) {
        let (h, l) = mul(a * pow2(256), 0.0, TWO_INV_SQRT_PI_H, TWO_INV_SQRT_PI_L);
        return (h, l, -256);
    }
    let (a2, a2e) = two_prod(a, a);
    let (t2h, t2l) = (2.0 * a2, 2.0 * a2e);
    let (mut th, mut tl, mut sh, mut sl, mut n) = (a, 0.0f128, a, 0.0f128, 0u32);
    loop {
        n += 1;
        (th, tl) = mul(th, tl, t2h, t2l);
        (th, tl) = dd::div(th, tl, (2 * n + 1) as f128, 0.0);
        (sh, sl) = add(sh, sl, th, tl);
        if th < sh * pow2(-140) {
            break;
        }
    }
    let (k, eh, el) = exp_precise(-a2, -a2e);
    let (ph, pl) = mul(sh, sl, eh, el);
    let (h, l) = mul(ph, pl, TWO_INV_SQRT_PI_H, TWO_INV_SQRT_PI_L);
    (h, l, k)
}

/// erfc a for a >= 3 by the continued fraction; a >= 110 gives 2^-16600
/// (far below the least `long double`, which it rounds to 0 from above).
fn erfc_cf(a: f128) -> (f128, i32) {
    if a >= 110.0 {
        return (1.0, -16600);
    }
    let depth = 40 + (1600.0 / (a * a)) as u32;
    let mut t = a;
    for n in (1..=depth).rev() {
        t = a + (n as f128 * 0.5) / t;
    }
    // e^-(a^2) with a^2's rounding error e: e^-(a a - e) (1 - e) (the
    // rounding of a^2 alone would cost its relative error times a^2).
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
        let (h, l, k) = erf_series(a);
        (h + l, k)
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
        let (h, l, k) = erf_series(a);
        let (h, l) = (h * pow2(k), l * pow2(k)); // k >= -256: exact
        let (s, sl) = if x < 0.0 {
            add(1.0, 0.0, h, l)
        } else {
            add(1.0, 0.0, -h, -l)
        };
        (s + sl, 0)
    } else if x < 0.0 {
        (2.0 - unscale(erfc_cf(a)), 0)
    } else {
        erfc_cf(a)
    }
}
