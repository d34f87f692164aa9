//! Double-`f128` arithmetic: a value carried as `hi + lo`, an unevaluated
//! sum of two `f128`s with `|lo| <= ulp(hi)/2`, for about 226 bits. Built
//! on the error-free transformations of [`super::eft`] (the exact
//! rounding error of a sum or product is itself an `f128`), from `+`, `-`, `*` and `/` alone: the
//! `libm` crate's `fmaf128` and `sqrtf128` exist only where rustc calls
//! `f128` reliable, which leaves out powerpc64le.

pub use super::eft::{fast_two_sum, two_prod, two_sum};

/// `c - a * b` when that is a binary128 number (`c` within a few ulps of
/// `a * b`: a remainder), exactly: `c - p` is exact by Sterbenz's lemma and
/// so is the last step, whose result is representable.
pub fn rem(c: f128, a: f128, b: f128) -> f128 {
    let (p, e) = two_prod(a, b);
    (c - p) - e
}

/// `(nh + nl) / (dh + dl)` as a double-`f128` (relative error about
/// 2^-220): one long division step on the remainder, which [`rem`] gives
/// exactly. Operands below 2^16200 or so (see [`two_prod`]).
pub fn div(nh: f128, nl: f128, dh: f128, dl: f128) -> (f128, f128) {
    let q = nh / dh;
    let r = rem(nh, q, dh);
    let ql = (r + nl - q * dl) / dh;
    fast_two_sum(q, ql)
}

/// `sqrt(h + l)` as a double-`f128`, for `h + l >= 0` with `h` zero or in
/// double's normal range: double's square root, then two Newton steps
/// (53, 106, then over 200 bits), each on the exact remainder.
pub fn sqrt(h: f128, l: f128) -> (f128, f128) {
    if h == 0.0 {
        return (0.0, 0.0);
    }
    let s = libm::sqrt(h as f64) as f128;
    let s = s + rem(h, s, s) / (2.0 * s);
    let r = rem(h, s, s);
    fast_two_sum(s, (r + l) / (2.0 * s))
}
