//! The `long double` maths functions of `<math.h>` on arm, where
//! `long double` is double (AAPCS with the hard-float variant): each is
//! the double function of the `libm` crate under the `l` name, so each is
//! exactly as accurate as the double one (the exact operations exact).
//!
//! musl does not set `errno` in its maths functions (`math_errhandling` is
//! `MATH_ERREXCEPT`); neither do these.

use core::ffi::{c_char, c_int, c_long, c_longlong};

/// `LDBL_MANT_DIG`: `long double` is double here.
pub const LDBL_MANT_DIG: u32 = 53;

unsafe extern "C" {
    /// The C library's own `lgamma` (`src/c/math.rs`), called by name so
    /// that `lgammal` sets the same `signgam`.
    safe fn lgamma(x: f64) -> f64;
}

/// Defines `l` functions of one `long double` argument as double ones.
macro_rules! unary {
    ($($(#[$doc:meta])* $name:ident = $f:path;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: f64) -> f64 {
            $f(x)
        }
    )*};
}

/// Defines `l` functions of two `long double` arguments as double ones.
macro_rules! binary {
    ($($(#[$doc:meta])* $name:ident = $f:path;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: f64, y: f64) -> f64 {
            $f(x, y)
        }
    )*};
}

unary! {
    /// sqrtl(3).
    sqrtl = libm::sqrt;
    /// floorl(3).
    floorl = libm::floor;
    /// ceill(3).
    ceill = libm::ceil;
    /// truncl(3).
    truncl = libm::trunc;
    /// roundl(3).
    roundl = libm::round;
    /// rintl(3).
    rintl = libm::rint;
    /// nearbyintl(3) (libm's `rint` raises no inexact exception).
    nearbyintl = libm::rint;
    /// fabsl(3).
    fabsl = libm::fabs;
    /// sinl(3).
    sinl = libm::sin;
    /// cosl(3).
    cosl = libm::cos;
    /// tanl(3).
    tanl = libm::tan;
    /// asinl(3).
    asinl = libm::asin;
    /// acosl(3).
    acosl = libm::acos;
    /// atanl(3).
    atanl = libm::atan;
    /// sinhl(3).
    sinhl = libm::sinh;
    /// coshl(3).
    coshl = libm::cosh;
    /// tanhl(3).
    tanhl = libm::tanh;
    /// asinhl(3).
    asinhl = libm::asinh;
    /// acoshl(3).
    acoshl = libm::acosh;
    /// atanhl(3).
    atanhl = libm::atanh;
    /// expl(3).
    expl = libm::exp;
    /// exp2l(3).
    exp2l = libm::exp2;
    /// expm1l(3).
    expm1l = libm::expm1;
    /// logl(3).
    logl = libm::log;
    /// log2l(3).
    log2l = libm::log2;
    /// log10l(3).
    log10l = libm::log10;
    /// log1pl(3).
    log1pl = libm::log1p;
    /// cbrtl(3).
    cbrtl = libm::cbrt;
    /// erfl(3).
    erfl = libm::erf;
    /// erfcl(3).
    erfcl = libm::erfc;
    /// lgammal(3): the C `lgamma`, which sets `signgam`.
    lgammal = lgamma;
    /// tgammal(3).
    tgammal = libm::tgamma;
}

binary! {
    /// fmodl(3).
    fmodl = libm::fmod;
    /// remainderl(3).
    remainderl = libm::remainder;
    /// copysignl(3).
    copysignl = libm::copysign;
    /// fdiml(3).
    fdiml = libm::fdim;
    /// fmaxl(3).
    fmaxl = libm::fmax;
    /// fminl(3).
    fminl = libm::fmin;
    /// nextafterl(3).
    nextafterl = libm::nextafter;
    /// nexttowardl(3): `long double` is double, so this is `nextafterl`.
    nexttowardl = libm::nextafter;
    /// nexttoward(3): likewise `nextafter`.
    nexttoward = libm::nextafter;
    /// hypotl(3).
    hypotl = libm::hypot;
    /// atan2l(3).
    atan2l = libm::atan2;
    /// powl(3).
    powl = libm::pow;
}

/// nexttowardf(3): the float after `x` towards the `long double` (double)
/// `y`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nexttowardf(x: f32, y: f64) -> f32 {
    let t = if y.is_nan() {
        f32::NAN
    } else if y > x as f64 {
        f32::INFINITY
    } else if y < x as f64 {
        f32::NEG_INFINITY
    } else {
        return y as f32;
    };
    libm::nextafterf(x, t)
}

/// fmal(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fmal(x: f64, y: f64, z: f64) -> f64 {
    libm::fma(x, y, z)
}

/// lrintl(3) (out of range: saturated; C leaves it unspecified).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lrintl(x: f64) -> c_long {
    libm::rint(x) as c_long
}

/// llrintl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn llrintl(x: f64) -> c_longlong {
    libm::rint(x) as c_longlong
}

/// lroundl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lroundl(x: f64) -> c_long {
    libm::round(x) as c_long
}

/// llroundl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn llroundl(x: f64) -> c_longlong {
    libm::round(x) as c_longlong
}

/// remquol(3).
///
/// # Safety
/// `quo` is valid for a write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn remquol(x: f64, y: f64, quo: *mut c_int) -> f64 {
    let (r, q) = libm::remquo(x, y);
    // SAFETY: the caller passes a valid pointer.
    unsafe { *quo = q };
    r
}

/// frexpl(3).
///
/// # Safety
/// `e` is valid for a write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn frexpl(x: f64, e: *mut c_int) -> f64 {
    let (m, ex) = libm::frexp(x);
    // SAFETY: the caller passes a valid pointer.
    unsafe { *e = ex };
    m
}

/// modfl(3).
///
/// # Safety
/// `ip` is valid for a write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn modfl(x: f64, ip: *mut f64) -> f64 {
    let (f, i) = libm::modf(x);
    // SAFETY: the caller passes a valid pointer.
    unsafe { *ip = i };
    f
}

/// ldexpl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ldexpl(x: f64, n: c_int) -> f64 {
    libm::scalbn(x, n)
}

/// scalbnl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalbnl(x: f64, n: c_int) -> f64 {
    libm::scalbn(x, n)
}

/// scalblnl(3) (`long` is `int` on arm).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalblnl(x: f64, n: c_long) -> f64 {
    libm::scalbn(x, n)
}

/// ilogbl(3) (`INT_MIN` for 0 and NaN, as musl).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ilogbl(x: f64) -> c_int {
    libm::ilogb(x)
}

/// logbl(3): the exponent as a `long double`; -inf for 0, +inf for
/// infinities.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn logbl(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x == 0.0 {
        return -1.0 / x.abs();
    }
    if x.is_infinite() {
        return x.abs();
    }
    libm::ilogb(x) as f64
}

/// nanl(3): a quiet NaN (the tag string is ignored, as in musl).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nanl(_tag: *const c_char) -> f64 {
    f64::NAN
}
