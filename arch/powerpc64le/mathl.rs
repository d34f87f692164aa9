//! The `long double` maths functions on powerpc64le, where clang's (and
//! gcc's) `long double` is IBM double-double: the unevaluated sum of two
//! doubles `hi + lo` with `hi` the sum rounded to double, 106 bits of
//! significand in all. The ELFv2 ABI passes and returns it as a homogeneous
//! aggregate of two doubles (`f1`, `f2`; integer arguments after it skip
//! the two doublewords it occupies), which is how Rust passes
//! [`DoubleDouble`]; `tests/mathl.c` checks the round trip.
//!
//! Accuracy: the rounding functions, `frexpl`, `ldexpl`, `scalbnl`,
//! `ilogbl`, `logbl`, `modfl`, `copysignl`, `fabsl`, `fmaxl`, `fminl`,
//! `nextafterl` and the `nexttoward` family are exact. `fmodl`,
//! `remainderl` and `remquol` are exact on the operands' full bits,
//! however far apart `hi` and `lo` are (`dd_exact.rs`: integer long
//! division), the result rounded once to double-double where it is not
//! one; `fmal` is the exact `x y + z` rounded once (`hi` to nearest, `lo`
//! the rest to nearest), as glibc's. `sqrtl` and `fdiml` follow glibc's
//! ldbl-128ibm algorithms in libgcc's double-double arithmetic and so give
//! its bits (about 2^-104 relative; double-double has no correctly
//! rounded arithmetic). glibc's own `fmodl`, `remainderl`, `remquol` and
//! `modfl` are not exact for double-double (they drop low bits, or return
//! all of `lo` as the fraction); these follow C instead, and
//! `tests/mathl_diff.c` checks them against glibc's binary128 functions.
//! `rintl`, `nearbyintl` and `lrintl` round to nearest, even on ties,
//! whatever the rounding mode. The transcendental functions are computed
//! in double on `hi` (what musl does for a `long double` it cannot
//! compute in), accurate to about 2^-52 relative.
//!
//! musl does not set `errno` in its maths functions; neither do these.

use core::ffi::{c_char, c_int, c_long, c_longlong};

#[path = "dd_exact.rs"]
mod dd_exact;
use crate::ldmath::eft::two_sum;
use dd_exact::{gcc_add, gcc_div, gcc_mul};

/// `LDBL_MANT_DIG`: 106 bits in the two doubles.
pub const LDBL_MANT_DIG: u32 = 106;

/// A `long double`: `hi + lo`, `hi` the sum rounded to double.
#[derive(Clone, Copy)]
#[repr(C)]
pub struct DoubleDouble {
    hi: f64,
    lo: f64,
}

use DoubleDouble as Dd;

impl Dd {
    /// The double `v`.
    const fn of(v: f64) -> Dd {
        Dd { hi: v, lo: 0.0 }
    }
    /// `a + b` normalised (exact).
    fn sum(a: f64, b: f64) -> Dd {
        if b == 0.0 {
            return Dd::of(a); // keeps the sign of a zero `a`
        }
        let (hi, lo) = two_sum(a, b);
        if hi.is_finite() {
            Dd { hi, lo }
        } else {
            Dd::of(hi)
        }
    }
    /// -self.
    fn neg(self) -> Dd {
        Dd {
            hi: -self.hi,
            lo: -self.lo,
        }
    }
    /// Sign bit of the value (of `hi`).
    fn sign(self) -> bool {
        self.hi.is_sign_negative()
    }
    /// |self|.
    fn abs(self) -> Dd {
        if self.sign() { self.neg() } else { self }
    }
    /// NaN?
    fn is_nan(self) -> bool {
        self.hi.is_nan()
    }
    /// `self < b` (false with a NaN).
    fn lt(self, b: Dd) -> bool {
        self.hi < b.hi || (self.hi == b.hi && self.lo < b.lo)
    }
    /// `self == b` (false with a NaN).
    fn eq(self, b: Dd) -> bool {
        self.hi == b.hi && self.lo == b.lo
    }
    /// `self * 2^n` (exact unless the result leaves double's range).
    fn scale(self, n: i32) -> Dd {
        let hi = libm::scalbn(self.hi, n);
        if !hi.is_finite() || hi == 0.0 {
            return Dd::of(hi);
        }
        Dd::sum(hi, libm::scalbn(self.lo, n))
    }
    /// `self + b`, to about 2^-105 relative (exact when the exact sum is
    /// a double-double, as it is for the subtractions of `fmodl`).
    fn add(self, b: Dd) -> Dd {
        let (s, e) = two_sum(self.hi, b.hi);
        if !s.is_finite() {
            return Dd::of(s);
        }
        let (t, f) = two_sum(self.lo, b.lo);
        let (s, e) = two_sum(s, e + t);
        if !s.is_finite() {
            return Dd::of(s);
        }
        let (s, e) = two_sum(s, e + f);
        if s.is_finite() {
            Dd { hi: s, lo: e }
        } else {
            Dd::of(s)
        }
    }
}

/// Defines `long double` functions of one argument on their bits.
macro_rules! dd1 {
    ($($(#[$doc:meta])* fn $name:ident($x:ident) -> $t:ty $body:block)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name($x: Dd) -> $t $body
    )*};
}

/// Defines `long double` functions of two arguments.
macro_rules! dd2 {
    ($($(#[$doc:meta])* fn $name:ident($x:ident, $y:ident) $body:block)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name($x: Dd, $y: Dd) -> Dd $body
    )*};
}

/// Rounds to an integer with `f` on `hi`; when `hi` is already an
/// integer, `lo` decides (`f` on `lo`, summed exactly).
fn round_by(x: Dd, f: fn(f64) -> f64) -> Dd {
    let r = f(x.hi);
    if r != x.hi || !x.hi.is_finite() {
        return Dd::of(r);
    }
    Dd::sum(x.hi, f(x.lo))
}

/// Is `v` exactly halfway between two integers?
fn is_half(v: f64) -> bool {
    (v - libm::trunc(v)).abs() == 0.5
}

/// `lo`, an addend to the integer `hi`, rounded to an integer with ties
/// away from zero (the sign of the whole, `hi`'s) or, with `even`, to the
/// even integer sum.
fn round_lo(hi: f64, lo: f64, even: bool) -> f64 {
    let fl = libm::floor(lo);
    let frac = lo - fl;
    let up = if frac != 0.5 {
        frac > 0.5
    } else if even {
        libm::fmod(hi, 2.0).abs() + libm::fmod(fl, 2.0).abs() == 1.0
    } else {
        hi > 0.0
    };
    if up { fl + 1.0 } else { fl }
}

/// Round to nearest integer: ties away from zero, or with `even` to even.
fn round_nearest(x: Dd, even: bool) -> Dd {
    let h = x.hi;
    if !h.is_finite() {
        return x;
    }
    if libm::trunc(h) == h {
        return Dd::sum(h, round_lo(h, x.lo, even));
    }
    if is_half(h) && x.lo != 0.0 {
        // hi is n.5: lo says on which side of it the value lies.
        let r = if x.lo > 0.0 {
            libm::ceil(h)
        } else {
            libm::floor(h)
        };
        return Dd::of(r);
    }
    Dd::of(if even { libm::rint(h) } else { libm::round(h) })
}

dd1! {
    /// floorl(3).
    fn floorl(x) -> Dd { round_by(x, libm::floor) }
    /// ceill(3).
    fn ceill(x) -> Dd { round_by(x, libm::ceil) }
    /// truncl(3): toward zero, whose side is `hi`'s sign.
    fn truncl(x) -> Dd {
        round_by(x, if x.hi > 0.0 { libm::floor } else { libm::ceil })
    }
    /// roundl(3).
    fn roundl(x) -> Dd { round_nearest(x, false) }
    /// rintl(3): to nearest, ties to even.
    fn rintl(x) -> Dd { round_nearest(x, true) }
    /// nearbyintl(3).
    fn nearbyintl(x) -> Dd { round_nearest(x, true) }
    /// lrintl(3) (out of range: saturated).
    fn lrintl(x) -> c_long { to_int(round_nearest(x, true)) as c_long }
    /// llrintl(3).
    fn llrintl(x) -> c_longlong { to_int(round_nearest(x, true)) }
    /// lroundl(3).
    fn lroundl(x) -> c_long { to_int(round_nearest(x, false)) as c_long }
    /// llroundl(3).
    fn llroundl(x) -> c_longlong { to_int(round_nearest(x, false)) }
    /// fabsl(3).
    fn fabsl(x) -> Dd { x.abs() }
    /// sqrtl(3): see [`sqrt_dd`].
    fn sqrtl(x) -> Dd { sqrt_dd(x) }
    /// ilogbl(3) (`INT_MIN` for 0 and NaN, `INT_MAX` for infinities).
    fn ilogbl(x) -> c_int {
        if x.hi == 0.0 || x.is_nan() {
            c_int::MIN
        } else if x.hi.is_infinite() {
            c_int::MAX
        } else {
            frexp(x).1 - 1
        }
    }
    /// logbl(3).
    fn logbl(x) -> Dd {
        if x.is_nan() {
            x
        } else if x.hi == 0.0 {
            Dd::of(-1.0 / x.hi.abs())
        } else if x.hi.is_infinite() {
            x.abs()
        } else {
            Dd::of((frexp(x).1 - 1) as f64)
        }
    }
}

/// A pair as a [`DoubleDouble`].
fn dd((hi, lo): (f64, f64)) -> Dd {
    Dd { hi, lo }
}

/// `sqrtl`: glibc's algorithm (ldbl-128ibm), for its bits: `x` scaled by
/// an even power of two to `s` in [0.5, 2), two Newton steps `t = (t +
/// s / t) / 2` from the double root in libgcc's double-double arithmetic,
/// scaled back. Within about 2^-104 relative of the root (double-double
/// has no correctly rounded arithmetic; this is what glibc returns).
fn sqrt_dd(x: Dd) -> Dd {
    let k = x.hi.to_bits() & !(1 << 63);
    if k >= 0x7ff0_0000_0000_0000 {
        return Dd::of(x.hi * x.hi + x.hi); // NaN, +inf; -inf gives NaN
    }
    if x.hi == 0.0 {
        return x;
    }
    if x.hi < 0.0 {
        return Dd::of(f64::NAN);
    }
    if k <= 0x000f_ffff_0000_0000 {
        // Near or below the subnormals: scaled up by 2^512 first.
        let up = gcc_mul(x.hi, x.lo, libm::scalbn(1.0, 512), 0.0);
        let r = sqrt_dd(dd(up));
        return dd(gcc_mul(libm::scalbn(1.0, -256), 0.0, r.hi, r.lo));
    }
    // s = x 2^(1022 - e'), e' the biased exponent of hi made even.
    let e = (k >> 52) as i32;
    let se = 0x3fe | (e & 1);
    let s_hi = f64::from_bits((k & 0x000f_ffff_ffff_ffff) | (se as u64) << 52);
    let s_lo = if x.lo == 0.0 {
        x.lo
    } else {
        libm::scalbn(x.lo, se - e)
    };
    let d = libm::sqrt(s_hi);
    let step = |t: (f64, f64)| {
        let q = gcc_div(s_hi, s_lo, t.0, t.1);
        let sum = gcc_add(q.0, q.1, t.0, t.1);
        gcc_mul(sum.0, sum.1, 0.5, 0.0)
    };
    let r = step(step((d, 0.0)));
    // 2^((e' - 1022) / 2), built as glibc builds it.
    let c = f64::from_bits(0x2000_0000_0000_0000 + ((k & 0x7fe0_0000_0000_0000) >> 1));
    dd(gcc_mul(c, 0.0, r.0, r.1))
}

/// An integer-valued `x` as a `long long`, saturated.
fn to_int(x: Dd) -> c_longlong {
    (x.hi as i128 + x.lo as i128).clamp(i64::MIN as i128, i64::MAX as i128) as c_longlong
}

/// `x` as `m * 2^e`, `0.5 <= |m| < 1` (zero, infinities, NaN: `(x, 0)`).
fn frexp(x: Dd) -> (Dd, c_int) {
    if x.hi == 0.0 || !x.hi.is_finite() {
        return (x, 0);
    }
    let (_, mut e) = libm::frexp(x.hi);
    // hi = ±0.5 * 2^e with lo of the other sign: the value is below.
    if libm::frexp(x.hi).0.abs() == 0.5 && x.lo != 0.0 && x.lo.is_sign_negative() != x.sign() {
        e -= 1;
    }
    (x.scale(-e), e)
}

/// frexpl(3).
///
/// # Safety
/// `e` is valid for a write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn frexpl(x: Dd, e: *mut c_int) -> Dd {
    let (m, ex) = frexp(x);
    // SAFETY: the caller passes a valid pointer.
    unsafe { *e = ex };
    m
}

/// ldexpl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ldexpl(x: Dd, n: c_int) -> Dd {
    x.scale(n)
}

/// scalbnl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalbnl(x: Dd, n: c_int) -> Dd {
    x.scale(n)
}

/// scalblnl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalblnl(x: Dd, n: c_long) -> Dd {
    x.scale(n.clamp(-4096, 4096) as c_int)
}

/// modfl(3).
///
/// # Safety
/// `ip` is valid for a write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn modfl(x: Dd, ip: *mut Dd) -> Dd {
    let i = truncl(x);
    let f = if x.hi.is_infinite() {
        Dd::of(0.0)
    } else {
        x.add(i.neg())
    };
    // SAFETY: the caller passes a valid pointer.
    unsafe { *ip = i };
    if f.hi == 0.0 && !f.is_nan() {
        Dd::of(libm::copysign(0.0, x.hi))
    } else {
        f
    }
}

/// `x` rem `y` exactly (long division on the operands' full bits, see
/// `dd_exact`), with the quotient's low three bits; `nearest` rounds the
/// quotient to nearest, ties to even (`remainderl`), else toward zero
/// (`fmodl`). The result is exact whenever it is a double-double (always
/// when the operands' bits spread over at most 106 places); otherwise it
/// is the exact remainder rounded once to the nearest double-double.
///
/// glibc's ldbl-128ibm `fmodl` (and its `remainderl` and `remquol`, built
/// on it) truncate each operand to 107 significant bits first, and its
/// `remainderl` finishes in inexact `long double` arithmetic, so glibc
/// is often wrong by much more than an ulp here; C asks for the exact
/// remainder, which is what this gives.
fn rem(x: Dd, y: Dd, nearest: bool) -> (Dd, c_int) {
    if x.is_nan() || y.is_nan() || x.hi.is_infinite() || y.hi == 0.0 {
        return (Dd::of(f64::NAN), 0);
    }
    if y.hi.is_infinite() {
        return (x, 0);
    }
    let ax = dd_exact::magnitude(x.hi, x.lo);
    let ay = dd_exact::magnitude(y.hi, y.lo);
    let (r, flip, q) = dd_exact::rem(ax, &ay, nearest);
    let neg = x.sign() != flip;
    let r = if r.is_zero() {
        Dd::of(libm::copysign(0.0, x.hi))
    } else {
        let (hi, lo) = r.round_dd(0);
        let r = Dd { hi, lo };
        if neg { r.neg() } else { r }
    };
    let q = q as c_int;
    (r, if x.sign() != y.sign() { -q } else { q })
}

dd2! {
    /// fmodl(3).
    fn fmodl(x, y) { rem(x, y, false).0 }
    /// remainderl(3).
    fn remainderl(x, y) { rem(x, y, true).0 }
    /// copysignl(3).
    fn copysignl(x, y) { if x.sign() != y.sign() { x.neg() } else { x } }
    /// fdiml(3).
    fn fdiml(x, y) {
        if x.is_nan() || y.is_nan() {
            Dd::of(x.hi + y.hi)
        } else if y.lt(x) {
            // glibc's `x - y`: libgcc's subtraction, for the same bits.
            dd(gcc_add(x.hi, x.lo, -y.hi, -y.lo))
        } else {
            Dd::of(0.0)
        }
    }
    /// fmaxl(3).
    fn fmaxl(x, y) { pick(x, y, true) }
    /// fminl(3).
    fn fminl(x, y) { pick(x, y, false) }
    /// nextafterl(3).
    fn nextafterl(x, y) { next(x, y) }
    /// nexttowardl(3).
    fn nexttowardl(x, y) { next(x, y) }
    /// hypotl(3), computed in double.
    fn hypotl(x, y) { Dd::of(libm::hypot(x.hi, y.hi)) }
    /// atan2l(3), computed in double.
    fn atan2l(y, x) { Dd::of(libm::atan2(y.hi, x.hi)) }
    /// powl(3), computed in double.
    fn powl(x, y) { Dd::of(libm::pow(x.hi, y.hi)) }
}

/// remquol(3).
///
/// # Safety
/// `quo` is valid for a write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn remquol(x: Dd, y: Dd, quo: *mut c_int) -> Dd {
    let (r, q) = rem(x, y, true);
    // SAFETY: the caller passes a valid pointer.
    unsafe { *quo = q };
    r
}

/// The larger (`max`) or smaller of `x` and `y`; a number wins over a
/// NaN, -0 is below +0.
fn pick(x: Dd, y: Dd, max: bool) -> Dd {
    if x.is_nan() {
        return y;
    }
    if y.is_nan() {
        return x;
    }
    let x_first = if x.eq(y) {
        x.sign() != max
    } else {
        x.lt(y) != max
    };
    if x_first { x } else { y }
}

/// The neighbour of `x` towards `y`: one unit in the 106th bit below the
/// value's leading one (half that below a power of two, going down).
fn next(x: Dd, y: Dd) -> Dd {
    if x.is_nan() || y.is_nan() {
        return Dd::of(x.hi + y.hi);
    }
    if x.eq(y) {
        return y;
    }
    if x.hi == 0.0 {
        return Dd::of(libm::copysign(f64::from_bits(1), y.hi));
    }
    if x.hi.is_infinite() {
        // LDBL_MAX: DBL_MAX and 2^970 - 2^918 (gcc's and clang's value).
        let lo = libm::scalbn(1.0, 970) - libm::scalbn(1.0, 918);
        return Dd {
            hi: libm::copysign(f64::MAX, x.hi),
            lo: libm::copysign(lo, x.hi),
        };
    }
    let up = x.lt(y);
    let away = up != x.sign();
    let (m, e) = frexp(x);
    let mut k = e - 106;
    if !away && m.abs().eq(Dd::of(0.5)) {
        k -= 1; // below a power of two the steps are half as large
    }
    let step = libm::scalbn(1.0, k.max(-1074));
    x.add(Dd::of(if up { step } else { -step }))
}

/// nexttoward(3): the double after `x` towards the `long double` `y`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nexttoward(x: f64, y: Dd) -> f64 {
    let t = if y.is_nan() {
        f64::NAN
    } else if Dd::of(x).lt(y) {
        f64::INFINITY
    } else if y.lt(Dd::of(x)) {
        f64::NEG_INFINITY
    } else {
        return y.hi;
    };
    libm::nextafter(x, t)
}

/// nexttowardf(3): the float after `x` towards the `long double` `y`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nexttowardf(x: f32, y: Dd) -> f32 {
    let t = if y.is_nan() {
        f32::NAN
    } else if Dd::of(x as f64).lt(y) {
        f32::INFINITY
    } else if y.lt(Dd::of(x as f64)) {
        f32::NEG_INFINITY
    } else {
        return y.hi as f32;
    };
    libm::nextafterf(x, t)
}

/// fmal(3): the exact partial products and `z`, summed exactly, rounded
/// once to the canonical double-double (`hi` to nearest, `lo` the rest to
/// nearest), as glibc's (overflow gives infinity). glibc's special cases are kept for its bits: an
/// infinite or NaN `z` is `(z + x) + y`, a zero `z` gives `x * y`, and a
/// zero, infinite or NaN `x` or `y` gives `x * y + z`, all in libgcc's
/// arithmetic.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fmal(x: Dd, y: Dd, z: Dd) -> Dd {
    let finite = |v: Dd| v.hi.is_finite();
    if !finite(z) && finite(x) && finite(y) {
        let t = gcc_add(z.hi, z.lo, x.hi, x.lo);
        return dd(gcc_add(t.0, t.1, y.hi, y.lo));
    }
    if z.hi == 0.0 && z.lo == 0.0 && x.hi != 0.0 && y.hi != 0.0 {
        return dd(gcc_mul(x.hi, x.lo, y.hi, y.lo));
    }
    if !finite(x) || !finite(y) || !finite(z) || x.hi == 0.0 || y.hi == 0.0 {
        let p = gcc_mul(x.hi, x.lo, y.hi, y.lo);
        return dd(gcc_add(p.0, p.1, z.hi, z.lo));
    }
    dd(dd_exact::fma_dd((x.hi, x.lo), (y.hi, y.lo), (z.hi, z.lo)))
}

/// nanl(3): a quiet NaN (the tag is ignored, as in musl).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nanl(_tag: *const c_char) -> Dd {
    Dd::of(f64::NAN)
}

unsafe extern "C" {
    /// The C library's own `lgamma` (`src/c/math.rs`), called by name so
    /// that `lgammal` sets the same `signgam`.
    safe fn lgamma(x: f64) -> f64;
}

/// Defines `long double` functions of one argument computed in double on
/// `hi` (the value rounded to double).
macro_rules! via_double {
    ($($(#[$doc:meta])* $name:ident = $f:path;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: Dd) -> Dd {
            Dd::of($f(x.hi))
        }
    )*};
}

via_double! {
    /// sinl(3), computed in double.
    sinl = libm::sin;
    /// cosl(3), computed in double.
    cosl = libm::cos;
    /// tanl(3), computed in double.
    tanl = libm::tan;
    /// asinl(3), computed in double.
    asinl = libm::asin;
    /// acosl(3), computed in double.
    acosl = libm::acos;
    /// atanl(3), computed in double.
    atanl = libm::atan;
    /// sinhl(3), computed in double.
    sinhl = libm::sinh;
    /// coshl(3), computed in double.
    coshl = libm::cosh;
    /// tanhl(3), computed in double.
    tanhl = libm::tanh;
    /// asinhl(3), computed in double.
    asinhl = libm::asinh;
    /// acoshl(3), computed in double.
    acoshl = libm::acosh;
    /// atanhl(3), computed in double.
    atanhl = libm::atanh;
    /// expl(3), computed in double.
    expl = libm::exp;
    /// exp2l(3), computed in double.
    exp2l = libm::exp2;
    /// expm1l(3), computed in double.
    expm1l = libm::expm1;
    /// logl(3), computed in double.
    logl = libm::log;
    /// log2l(3), computed in double.
    log2l = libm::log2;
    /// log10l(3), computed in double.
    log10l = libm::log10;
    /// log1pl(3), computed in double.
    log1pl = libm::log1p;
    /// cbrtl(3), computed in double.
    cbrtl = libm::cbrt;
    /// erfl(3), computed in double.
    erfl = libm::erf;
    /// erfcl(3), computed in double.
    erfcl = libm::erfc;
    /// lgammal(3), computed in double by the C `lgamma` (sets `signgam`).
    lgammal = lgamma;
    /// tgammal(3), computed in double.
    tgammal = libm::tgamma;
}

// libgcc's double-double arithmetic, which clang and gcc call for `+ - * /`
// on `long double` (a C program doing `long double` arithmetic needs them
// linked). Each takes the two operands as four doubles (`f1`..`f4`) and
// returns the double-double in `f1`, `f2`. They are `dd_exact.rs`'s
// step-for-step forms of libgcc's, so that a program's `long double`
// arithmetic gives the bits it gives with gcc and glibc (about 2^-105
// relative; double-double arithmetic is not correctly rounded).

/// `(a + aa) + (c + cc)`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __gcc_qadd(a: f64, aa: f64, c: f64, cc: f64) -> Dd {
    dd(gcc_add(a, aa, c, cc))
}

/// `(a + aa) - (c + cc)`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __gcc_qsub(a: f64, aa: f64, c: f64, cc: f64) -> Dd {
    dd(gcc_add(a, aa, -c, -cc))
}

/// `(a + aa) * (c + cc)`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __gcc_qmul(a: f64, aa: f64, c: f64, cc: f64) -> Dd {
    dd(gcc_mul(a, aa, c, cc))
}

/// `(a + aa) / (c + cc)`: the double quotient corrected once by the
/// remainder.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __gcc_qdiv(a: f64, aa: f64, c: f64, cc: f64) -> Dd {
    dd(gcc_div(a, aa, c, cc))
}

// libgcc's conversions between `long long` and double-double, which clang
// calls for `(long double)i` and `(long long)x`.

/// `i` as a double-double (exact: the low part holds what a double
/// cannot).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __floatditf(i: i64) -> Dd {
    let hi = i as f64;
    Dd::sum(hi, (i as i128 - hi as i128) as f64)
}

/// `u` as a double-double (exact).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __floatunditf(u: u64) -> Dd {
    let hi = u as f64;
    Dd::sum(hi, (u as i128 - hi as i128) as f64)
}

/// `x` truncated toward zero to a `long long` (saturated; NaN gives 0).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __fixtfdi(x: Dd) -> i64 {
    to_int(truncl(x))
}

/// `x` truncated toward zero to an `unsigned long long` (saturated).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __fixunstfdi(x: Dd) -> u64 {
    let t = truncl(x);
    (t.hi as i128 + t.lo as i128).clamp(0, u64::MAX as i128) as u64
}
