//! Double-`f128` arithmetic: a value carried as `hi + lo`, an unevaluated
//! sum of two `f128`s with `|lo| <= ulp(hi)/2`, for about 226 bits. Built
//! on the error-free transformations (the exact rounding error of a sum or
//! product is itself an `f128`).

/// `a * b + c` with one rounding (exact software `fma`).
pub fn fma(a: f128, b: f128, c: f128) -> f128 {
    libm::fmaf128(a, b, c)
}

/// `(s, e)` with `s = a + b` rounded and `s + e = a + b` exactly, when
/// `|a| >= |b|` (or `a` is zero).
pub fn fast_two_sum(a: f128, b: f128) -> (f128, f128) {
    let s = a + b;
    (s, b - (s - a))
}

/// `(s, e)` with `s = a + b` rounded and `s + e = a + b` exactly (Knuth).
pub fn two_sum(a: f128, b: f128) -> (f128, f128) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// `(p, e)` with `p = a * b` rounded and `p + e = a * b` exactly (when
/// nothing underflows).
pub fn two_prod(a: f128, b: f128) -> (f128, f128) {
    let p = a * b;
    (p, fma(a, b, -p))
}

/// `(nh + nl) / (dh + dl)` as a double-`f128` (relative error about
/// 2^-220): one long division step on the remainder, which `fma` gives
/// exactly.
pub fn div(nh: f128, nl: f128, dh: f128, dl: f128) -> (f128, f128) {
    let q = nh / dh;
    let r = fma(-q, dh, nh);
    let ql = (r + nl - q * dl) / dh;
    fast_two_sum(q, ql)
}

/// `sqrt(h + l)` as a double-`f128`, for `h + l >= 0`: one Newton step on
/// the correctly rounded `sqrt(h)`.
pub fn sqrt(h: f128, l: f128) -> (f128, f128) {
    if h == 0.0 {
        return (0.0, 0.0);
    }
    let s = libm::sqrtf128(h);
    let r = fma(-s, s, h);
    fast_two_sum(s, (r + l) / (2.0 * s))
}
