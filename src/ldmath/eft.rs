//! The error-free transformations, once for every binary floating-point
//! type muslin computes in (`f64` in the double maths, `f128` in
//! [`super::dd`], the doubles of powerpc64le's double-double): the
//! rounding error of a sum or a product is itself a number of the type,
//! and these return it beside the rounded result. Only `+`, `-` and `*`
//! are used (no fused multiply-add, which most of the target CPUs'
//! baselines lack, and which `f128` has nowhere in hardware).

use core::ops::{Add, Mul, Sub};

/// A binary floating-point type with round-to-nearest `+`, `-`, `*`.
pub trait Float: Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> {
    /// `2^s + 1` with `s = ceil(p / 2)` for a `p`-bit significand:
    /// Veltkamp's constant, which splits a number into two halves of at
    /// most `p - s` significant bits each.
    const SPLITTER: Self;
}

impl Float for f64 {
    const SPLITTER: f64 = 134217729.0; // 2^27 + 1 (53 bits)
}

impl Float for f128 {
    const SPLITTER: f128 = 144115188075855873.0; // 2^57 + 1 (113 bits)
}

/// `a` split exactly as `hi + lo`, halves of at most `p/2` significant
/// bits (Veltkamp), while `a × SPLITTER` does not overflow.
pub fn split<T: Float>(a: T) -> (T, T) {
    let g = a * T::SPLITTER;
    let hi = g - (g - a);
    (hi, a - hi)
}

/// `(s, e)` with `s = a + b` rounded and `s + e = a + b` exactly, when
/// `|a| >= |b|` (or `a` is zero): Dekker's fast two-sum.
pub fn fast_two_sum<T: Float>(a: T, b: T) -> (T, T) {
    let s = a + b;
    (s, b - (s - a))
}

/// `(s, e)` with `s = a + b` rounded and `s + e = a + b` exactly, whatever
/// the magnitudes (Knuth's two-sum).
pub fn two_sum<T: Float>(a: T, b: T) -> (T, T) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// `(p, e)` with `p = a × b` rounded and `p + e = a × b` exactly (Dekker's
/// product), while nothing underflows and the splits do not overflow.
pub fn two_prod<T: Float>(a: T, b: T) -> (T, T) {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}
