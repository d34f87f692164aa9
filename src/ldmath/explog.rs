//! Exponentials, logarithms and the hyperbolic functions in binary128,
//! within about one ulp: the `long double` functions of the binary128
//! arches (`arch/binary128_math.rs`).
//!
//! - Logarithms: x = 2^e m with m within [sqrt(1/2), sqrt(2)), ln m =
//!   2 atanh s with s = (m - 1)/(m + 1) as a double-`f128` (m - 1 is
//!   exact), the series' first three terms in double-`f128` and the rest
//!   in `f128` (under 2^-18 of the result), e ln 2 from a double-`f128`
//!   ln 2: ln x as a double-`f128` good to about 2^-130 relatively, which
//!   log2, log10, log1p and pow then scale or correct before one
//!   rounding. An argument given as a double-`f128` `h + l`
//!   adds l/h to ln m: that is how log1p, asinh, acosh and atanh avoid
//!   the cancellations of their textbook formulas.
//! - Exponentials: x = k ln 2 + r with r a double-`f128` (k ln 2's high
//!   part exact, |r| <= 0.35), e^r - 1 = r + r^2 (1/2! + r/3! + ..) with
//!   the tail in `f128` (at most r^2/2, so again its rounding hardly
//!   counts), and 2^k applied exactly (results in the subnormal range
//!   round twice, within an ulp).
//! - sinh, cosh: their Taylor series below 1, (e^x -+ e^-x)/2 from a
//!   double-`f128` e^x up to 40, e^x/2 beyond (scaled so that it
//!   overflows only where the result does); tanh x = E/(E + 2) with
//!   E = expm1(2x) as a double-`f128`.
//! - asinh, acosh, atanh: ln(x + sqrt(x^2 + 1)), ln(x + sqrt(x^2 - 1)),
//!   ln((1 + x)/(1 - x))/2, each argument of ln a double-`f128` (square,
//!   square root and quotient by [`super::dd`]); beyond 2^57, ln x + ln 2.
//!
//! Special values: NaN gives NaN; infinities and zeros the C99 values;
//! overflow gives infinity by an overflowing product and total underflow
//! zero by an underflowing one (raising the flags where the arch has
//! them); domain errors give NaN by 0/0 (invalid), poles infinity by
//! 1/0 (divide-by-zero). Nothing here sets `errno` (musl's maths sets
//! none either: `math_errhandling` is `MATH_ERREXCEPT`).

use super::dd::{self, fast_two_sum, two_prod, two_sum};
use super::explog_consts::{
    FIFTH_H, FIFTH_L, INV_FACT_DD, INV_LN2_H, INV_LN2_L, INV_LN10_H, INV_LN10_L, LN2_H, LN2_L,
    LOG10_2_H, LOG10_2_L, THIRD_H, THIRD_L,
};
use super::kernel::{ODD_INV, fabs, round_int, split_sqrt2};
use super::special::{INV_FACT, INV_LN2, LN2_HI, LN2_LO};
use super::{pow2, scalbn};

/// 2^-57: below it sinh, tanh, asinh and atanh are x, and cosh is 1, to
/// binary128 precision (the next term is under 2^-114 relatively).
const TINY: f128 = pow2(-57);
/// 2^57: above it asinh x and acosh x are ln x + ln 2 (the next term,
/// 1/(4x^2), is under 2^-116).
const BIG: f128 = pow2(57);

/// A value that overflows when multiplied by itself.
const HUGE: f128 = pow2(16000);
/// A value that underflows to zero when multiplied by itself.
const TINY_SQ: f128 = pow2(-16000);

/// `(x - x) / (x - x)`: NaN with the invalid exception (for finite
/// `x`, 0/0 at run time).
#[allow(clippy::eq_op)] // the equal operands are the point
pub fn invalid(x: f128) -> f128 {
    let z = x - x;
    z / z
}

/// The double-`f128` sum of two double-`f128`s.
pub fn add(ah: f128, al: f128, bh: f128, bl: f128) -> (f128, f128) {
    let (s, e) = two_sum(ah, bh);
    fast_two_sum(s, e + al + bl)
}

/// The double-`f128` product of two double-`f128`s.
pub fn mul(ah: f128, al: f128, bh: f128, bl: f128) -> (f128, f128) {
    let (p, e) = two_prod(ah, bh);
    fast_two_sum(p, e + ah * bl + al * bh)
}

/// ln(h + l) for a positive finite double-`f128` `h + l` (`|l|` at most
/// half an ulp of `h`; `h` may be subnormal, with `l` zero) as `(e, u, v)`:
/// ln(h + l) = e ln 2 + u + v, with u + v = ln m + l/h a double-`f128`
/// (relative error about 2^-130).
fn ln_parts(h: f128, l: f128) -> (i32, f128, f128) {
    let c = l / h; // ln(h + l) = ln h + l/h, to 2^-226 relatively
    let (m, e) = split_sqrt2(h);
    let f = m - 1.0; // exact (Sterbenz)
    let (dh, dl) = two_sum(m, 1.0);
    let (sh, sl) = dd::div(f, 0.0, dh, dl);
    // atanh s = s + s^3 (1/3 + s^2 (1/5 + s^2 q)), q = 1/7 + s^2/9 + ..
    // in f128 (s^7 q is below 2^-18 of s), the rest in double-f128.
    let (s2h, s2l) = mul(sh, sl, sh, sl);
    let mut q = ODD_INV[24];
    for k in ODD_INV[3..24].iter().rev() {
        q = q * s2h + *k;
    }
    let (ph, pl) = mul(s2h, s2l, q, 0.0);
    let (ph, pl) = add(ph, pl, FIFTH_H, FIFTH_L);
    let (ph, pl) = mul(ph, pl, s2h, s2l);
    let (ph, pl) = add(ph, pl, THIRD_H, THIRD_L);
    let (ph, pl) = mul(ph, pl, s2h, s2l);
    let (ph, pl) = mul(ph, pl, sh, sl);
    let (u, v) = add(sh, sl, ph, pl);
    let (u, v) = add(2.0 * u, 2.0 * v, c, 0.0);
    (e, u, v)
}

/// ln(h + l) as a double-`f128` (see [`ln_parts`]).
pub fn ln_dd(h: f128, l: f128) -> (f128, f128) {
    let (e, u, v) = ln_parts(h, l);
    if e == 0 {
        return (u, v);
    }
    let ef = e as f128;
    let (p, pe) = two_prod(ef, LN2_H);
    add(p, pe + ef * LN2_L, u, v)
}

/// What the logarithms return outside (0, inf): NaN for NaN and negative
/// arguments (invalid), -inf for zeros (divide-by-zero), +inf for +inf;
/// `None` for positive finite arguments.
fn log_special(x: f128) -> Option<f128> {
    if x.is_nan() {
        Some(x + x)
    } else if x == 0.0 {
        Some(-1.0 / fabs(x))
    } else if x < 0.0 {
        Some(invalid(x))
    } else if x == f128::INFINITY {
        Some(x)
    } else {
        None
    }
}

/// logl(3): ln x.
pub fn log(x: f128) -> f128 {
    if let Some(r) = log_special(x) {
        return r;
    }
    ln_dd(x, 0.0).0
}

/// log2l(3): e + ln m / ln 2 (exact at powers of two).
pub fn log2(x: f128) -> f128 {
    if let Some(r) = log_special(x) {
        return r;
    }
    let (e, u, v) = ln_parts(x, 0.0);
    let (p, pe) = mul(u, v, INV_LN2_H, INV_LN2_L);
    add(e as f128, 0.0, p, pe).0
}

/// log10l(3): e log10 2 + ln m / ln 10.
pub fn log10(x: f128) -> f128 {
    if let Some(r) = log_special(x) {
        return r;
    }
    let (e, u, v) = ln_parts(x, 0.0);
    let ef = e as f128;
    let (a, ae) = two_prod(ef, LOG10_2_H);
    let (p, pe) = mul(u, v, INV_LN10_H, INV_LN10_L);
    add(a, ae + ef * LOG10_2_L, p, pe).0
}

/// log1pl(3): ln of 1 + x taken exactly as a double-`f128`.
pub fn log1p(x: f128) -> f128 {
    if x.is_nan() {
        return x + x;
    }
    if x == -1.0 {
        return -1.0 / 0.0f128;
    }
    if x < -1.0 {
        return invalid(x);
    }
    if x == f128::INFINITY {
        return x;
    }
    if fabs(x) < pow2(-113) {
        return x; // x - x^2/2 rounds to x (zeros and subnormals too)
    }
    let (h, l) = two_sum(1.0, x);
    ln_dd(h, l).0
}

/// x = k ln 2 + r for |x| < 2^16 or so, with r as a double-`f128`
/// (|r| <= 0.35): k times ln 2's 96-bit high part is exact and so is x
/// less it.
fn reduce(x: f128) -> (i32, f128, f128) {
    let k = round_int(x * INV_LN2);
    let kf = k as f128;
    let a = x - kf * LN2_HI;
    let (rh, rl) = two_sum(a, -(kf * LN2_LO));
    (k as i32, rh, rl)
}

/// e^r - 1 as a double-`f128` for r = rh + rl, |r| <= 0.36: r + r^2 q(r)
/// with q(r) = 1/2! + r/3! + .. + r^24/26! (the next term is below
/// 2^-125 of the result).
fn expm1_r(rh: f128, rl: f128) -> (f128, f128) {
    let mut q = INV_FACT[26];
    for c in INV_FACT[2..26].iter().rev() {
        q = q * rh + *c;
    }
    // rl's share: e^(rh + rl) - e^rh = rl e^rh, to 2^-226.
    let tail = rh * rh * q + rl * (1.0 + rh);
    fast_two_sum(rh, tail)
}

/// e^x as `(k, h, l)`, meaning 2^k (h + l), h + l within [0.7, 1.42]
/// a double-`f128`, for |x| < 12000.
pub fn exp_dd(x: f128) -> (i32, f128, f128) {
    let (k, rh, rl) = reduce(x);
    let (eh, el) = expm1_r(rh, rl);
    let (h, l) = fast_two_sum(1.0, eh);
    let (h, l) = fast_two_sum(h, l + el);
    (k, h, l)
}

/// `(h + l) 2^k` rounded once where the result is normal (twice where it
/// is subnormal: within an ulp), overflowing and underflowing as the
/// exact value does; |k| <= 16600.
fn scale(h: f128, l: f128, k: i32) -> f128 {
    let v = h + l;
    if k < -16300 {
        // Exact first step, so that the one rounding is the last.
        return scalbn(v * pow2(256), k - 256);
    }
    scalbn(v, k)
}

/// expl(3).
pub fn exp(x: f128) -> f128 {
    if x.is_nan() {
        return x + x;
    }
    if x > 12000.0 {
        return if x.is_infinite() { x } else { HUGE * HUGE };
    }
    if x < -12000.0 {
        return if x.is_infinite() {
            0.0
        } else {
            TINY_SQ * TINY_SQ
        };
    }
    let (k, h, l) = exp_dd(x);
    scale(h, l, k)
}

/// exp2l(3): x = k + f exactly (|f| <= 1/2), 2^f = e^(f ln 2) with
/// f ln 2 a double-`f128`.
pub fn exp2(x: f128) -> f128 {
    if x.is_nan() {
        return x + x;
    }
    if x > 17000.0 {
        return if x.is_infinite() { x } else { HUGE * HUGE };
    }
    if x < -17000.0 {
        return if x.is_infinite() {
            0.0
        } else {
            TINY_SQ * TINY_SQ
        };
    }
    let k = round_int(x);
    let f = x - k as f128;
    let (rh, rl) = two_prod(f, LN2_H);
    let (eh, el) = expm1_r(rh, rl + f * LN2_L);
    let (h, l) = fast_two_sum(1.0, eh);
    scale(h, l + el, k as i32)
}

/// e^x - 1 as a double-`f128` for -80 <= x <= 160: 2^k (1 + e^r - 1) - 1
/// with 2^k - 1 as a double-`f128` (exact).
fn expm1_dd(x: f128) -> (f128, f128) {
    let (k, rh, rl) = reduce(x);
    let (eh, el) = expm1_r(rh, rl);
    if k == 0 {
        return (eh, el);
    }
    let p = pow2(k);
    let (ch, cl) = if k > 0 {
        fast_two_sum(p, -1.0)
    } else {
        fast_two_sum(-1.0, p)
    };
    add(ch, cl, eh * p, el * p)
}

/// expm1l(3).
pub fn expm1(x: f128) -> f128 {
    if x.is_nan() {
        return x + x;
    }
    if fabs(x) < pow2(-113) {
        return x; // x + x^2/2 rounds to x (zeros and subnormals too)
    }
    if x < -80.0 {
        return TINY_SQ - 1.0; // e^x below 2^-115: -1, inexact
    }
    if x <= 160.0 {
        return expm1_dd(x).0;
    }
    exp(x) // the 1 is below 2^-200 of e^x
}

/// e^a / 2 for a >= 40, overflowing only where it does.
fn half_exp(a: f128) -> f128 {
    if a > 12000.0 {
        return HUGE * HUGE;
    }
    let (k, h, l) = exp_dd(a);
    scale(h, l, k - 1)
}

/// sinhl(3): for |x| < 40, (E + E/(E + 1))/2 with E = expm1|x| (two
/// positive terms: no cancellation).
pub fn sinh(x: f128) -> f128 {
    let a = fabs(x);
    if a.is_nan() {
        return x + x;
    }
    if a < TINY || a.is_infinite() {
        return x; // zeros, tiny, infinities: x
    }
    let r = if a < 40.0 {
        let (eh, el) = expm1_dd(a);
        let (dh, dl) = add(eh, el, 1.0, 0.0);
        let (qh, ql) = dd::div(eh, el, dh, dl);
        let (s, sl) = add(eh, el, qh, ql);
        (s + sl) * 0.5
    } else {
        half_exp(a)
    };
    if x < 0.0 { -r } else { r }
}

/// coshl(3): for |x| < 40, 1 + E^2/(2 (E + 1)) with E = expm1|x|.
pub fn cosh(x: f128) -> f128 {
    let a = fabs(x);
    if a.is_nan() {
        return x + x;
    }
    if a < TINY {
        return 1.0 + a * a; // 1 + x^2/2 rounds to 1 (inexact unless x is 0)
    }
    if a < 40.0 {
        let (eh, el) = expm1_dd(a);
        let (nh, nl) = mul(eh, el, eh, el);
        let (dh, dl) = add(eh, el, 1.0, 0.0);
        let (qh, ql) = dd::div(nh, nl, 2.0 * dh, 2.0 * dl);
        return add(1.0, 0.0, qh, ql).0;
    }
    if a.is_infinite() {
        return a;
    }
    half_exp(a)
}

/// tanhl(3): E/(E + 2) with E = expm1(2|x|) below 40, and 1 (inexact)
/// beyond (1 - tanh 40 is below 2^-114).
pub fn tanh(x: f128) -> f128 {
    let a = fabs(x);
    if a.is_nan() {
        return x + x;
    }
    if a < TINY {
        return x; // zeros and tiny: x
    }
    let r = if a < 40.0 {
        let (eh, el) = expm1_dd(2.0 * a);
        let (dh, dl) = add(eh, el, 2.0, 0.0);
        dd::div(eh, el, dh, dl).0
    } else if a.is_infinite() {
        1.0
    } else {
        1.0 - TINY_SQ
    };
    if x < 0.0 { -r } else { r }
}

/// asinhl(3).
pub fn asinh(x: f128) -> f128 {
    let a = fabs(x);
    if a.is_nan() {
        return x + x;
    }
    if a < TINY || a.is_infinite() {
        return x; // zeros, tiny, infinities: x
    }
    let r = if a > BIG {
        let (h, l) = ln_dd(a, 0.0);
        add(h, l, LN2_H, LN2_L).0
    } else {
        // a + sqrt(a^2 + 1), every step in double-f128.
        let (p, pe) = two_prod(a, a);
        let (q, qe) = add(p, pe, 1.0, 0.0);
        let (sh, sl) = dd::sqrt(q, qe);
        let (th, tl) = add(a, 0.0, sh, sl);
        ln_dd(th, tl).0
    };
    if x < 0.0 { -r } else { r }
}

/// acoshl(3): NaN (invalid) below 1.
pub fn acosh(x: f128) -> f128 {
    if x.is_nan() {
        return x + x;
    }
    if x < 1.0 {
        return invalid(x);
    }
    if x == 1.0 {
        return 0.0;
    }
    if x.is_infinite() {
        return x;
    }
    if x > BIG {
        let (h, l) = ln_dd(x, 0.0);
        return add(h, l, LN2_H, LN2_L).0;
    }
    // x + sqrt(x^2 - 1), every step in double-f128 (x^2 - 1 exactly).
    let (p, pe) = two_prod(x, x);
    let (q, qe) = add(p, pe, -1.0, 0.0);
    let (sh, sl) = dd::sqrt(q, qe);
    let (th, tl) = add(x, 0.0, sh, sl);
    ln_dd(th, tl).0
}

/// atanhl(3): NaN (invalid) beyond 1, +-inf (divide-by-zero) at +-1.
pub fn atanh(x: f128) -> f128 {
    let a = fabs(x);
    if a.is_nan() {
        return x + x;
    }
    if a < TINY {
        return x; // zeros and tiny: x
    }
    if a > 1.0 {
        return invalid(x);
    }
    if a == 1.0 {
        return x / 0.0;
    }
    // (1 + a)/(1 - a): 1 - a is exact from 1/2 up.
    let (nh, nl) = two_sum(1.0, a);
    let (dh, dl) = two_sum(1.0, -a);
    let (qh, ql) = dd::div(nh, nl, dh, dl);
    let r = ln_dd(qh, ql).0 * 0.5;
    if x < 0.0 { -r } else { r }
}

/// e^(h + l) for a double-`f128` `h + l` with |h| < 12000, as
/// `(k, u, v)`, meaning 2^k (u + v) (see [`exp_dd`]).
pub fn exp_dd2(h: f128, l: f128) -> (i32, f128, f128) {
    let (k, rh, rl) = reduce(h);
    let (rh, rl) = fast_two_sum(rh, rl + l);
    let (eh, el) = expm1_r(rh, rl);
    let (u, v) = fast_two_sum(1.0, eh);
    let (u, v) = fast_two_sum(u, v + el);
    (k, u, v)
}

/// e^(h + l) for a double-`f128` `h + l` with |h| < 12000, as
/// `(k, u, v)` (see [`exp_dd2`]) but to about 2^-135 relatively, for
/// erfc = 1 - erf: e^r's Taylor series with its terms from r^7/7! on in
/// `f128` (at most 2^-22 of the result) and the rest in double-`f128`.
pub fn exp_precise(h: f128, l: f128) -> (i32, f128, f128) {
    let (k, rh, rl) = reduce(h);
    let (rh, rl) = fast_two_sum(rh, rl + l);
    let mut q = INV_FACT[26];
    for c in INV_FACT[7..26].iter().rev() {
        q = q * rh + *c;
    }
    let (mut ph, mut pl) = (q, 0.0);
    for &(ch, cl) in INV_FACT_DD.iter().rev() {
        (ph, pl) = mul(ph, pl, rh, rl);
        (ph, pl) = add(ph, pl, ch, cl);
    }
    (k, ph, pl)
}

/// `Some(odd)` when `y` is an integer (whether it is odd), else `None`.
fn integer(y: f128) -> Option<bool> {
    if !y.is_finite() {
        return None;
    }
    let a = fabs(y);
    if a >= pow2(113) {
        return Some(false); // every such value is even
    }
    // a + 2^112 - 2^112 rounds a to an integer (for a < 2^112).
    let t = if a < pow2(112) {
        (a + pow2(112)) - pow2(112)
    } else {
        a
    };
    if t != a {
        return None;
    }
    let h = a * 0.5;
    let ht = if h < pow2(112) {
        (h + pow2(112)) - pow2(112)
    } else {
        h
    };
    Some(ht != h)
}

/// powl(3): x^y = e^(y ln|x|) with ln|x| and the product as
/// double-`f128`s (for |y ln x| up to 11357 that leaves an error of about
/// 2^-117 in the exponent: within an ulp), with C99's special cases
/// (Annex F.10.4.4).
pub fn pow(x: f128, y: f128) -> f128 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    let ax = fabs(x);
    if y.is_infinite() {
        return if ax == 1.0 {
            1.0
        } else if (ax < 1.0) == (y < 0.0) {
            f128::INFINITY
        } else {
            0.0
        };
    }
    let odd = integer(y);
    let neg = x.is_sign_negative() && odd == Some(true);
    let sign = |r: f128| if neg { -r } else { r };
    if x == 0.0 {
        return sign(if y < 0.0 { 1.0 / ax } else { ax });
    }
    if ax.is_infinite() {
        return sign(if y < 0.0 { 0.0 } else { ax });
    }
    if x < 0.0 && odd.is_none() {
        return invalid(x); // a negative number to a non-integer power
    }
    let (lh, ll) = ln_dd(ax, 0.0);
    let t = y * lh;
    if t >= 12000.0 {
        return sign(HUGE * HUGE);
    }
    if t <= -12000.0 {
        return sign(TINY_SQ * TINY_SQ);
    }
    let (th, tl) = two_prod(y, lh);
    let (th, tl) = fast_two_sum(th, tl + y * ll);
    let (k, u, v) = exp_dd2(th, tl);
    sign(scale(u, v, k))
}
