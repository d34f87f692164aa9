//! The `long double` maths functions of `<math.h>` where `long double` is
//! IEEE binary128 (aarch64, riscv64, loongarch64, s390x; their `mathl.rs`
//! include this file with `#[path]`).
//!
//! Rust's `extern "C"` passes `f128` as each of these arches' C ABI passes
//! `long double` (in a vector register on aarch64, in an integer register
//! pair on riscv64 and loongarch64, by reference on s390x — rustc makes
//! arguments and results wider than 64 bits indirect there, as clang does);
//! `tests/mathl.c` checks the round trip on every arch.
//!
//! Accuracy: the exact operations (`sqrtl`, `fmal`, rounding to integers,
//! `fmodl`, `remainderl`, `remquol`, `frexpl`, `ldexpl`, `scalbnl`,
//! `ilogbl`, `logbl`, `modfl`, `copysignl`, `fabsl`, `fdiml`, `fmaxl`,
//! `fminl`, `nextafterl`, `nexttowardl`) are correctly rounded, as binary128
//! demands. Every other function is computed in binary128 by the portable
//! `crate::ldmath`, not through `double`: `sinl`, `cosl`, `tanl` (reduced
//! exactly for every argument), `asinl`, `acosl`, `atanl`, `atan2l`,
//! `cbrtl` and `hypotl`; the exponentials, logarithms, hyperbolic
//! functions and `powl` (`ldmath::explog`, intermediate values as
//! double-`f128`s and one rounding); `erfl`, `erfcl`, `lgammal` and
//! `tgammal` (`ldmath::erf`, `ldmath::gamma`). All are within about one
//! ulp (`tests/mathl_diff.c` holds each to a few ulp of glibc's
//! binary128 functions), except `lgammal` near its zeros on the negative
//! axis, where the absolute error stays small (up to 2^-107 for
//! -32 < x < 0) while the result nears 0.
//!
//! musl does not set `errno` in its maths functions (`math_errhandling` is
//! `MATH_ERREXCEPT`); neither do these.

use core::ffi::{c_char, c_int, c_long, c_longlong};

/// `LDBL_MANT_DIG`: binary128 has a 113-bit significand.
pub const LDBL_MANT_DIG: u32 = 113;

const EXP_MASK: u128 = 0x7fff << 112;
const SIGN: u128 = 1 << 127;
/// 2^113, which makes a subnormal normal.
const TWO113: f128 = 10384593717069655257060992658440192.0;

/// The biased exponent field of `x`.
fn biased_exp(x: f128) -> i32 {
    ((x.to_bits() & EXP_MASK) >> 112) as i32
}

/// `x` rounded to an integer in the current rounding mode (the result is
/// an integer-valued binary128 or `x` itself for infinities and NaNs).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn rintl(x: f128) -> f128 {
    libm::rintf128(x)
}

/// nearbyintl(3): `rintl` without the inexact exception (libm's `rint`
/// raises none).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nearbyintl(x: f128) -> f128 {
    libm::rintf128(x)
}

/// sqrtl(3), correctly rounded.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sqrtl(x: f128) -> f128 {
    libm::sqrtf128(x)
}

/// fmal(3): `x * y + z` with one rounding.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fmal(x: f128, y: f128, z: f128) -> f128 {
    libm::fmaf128(x, y, z)
}

/// floorl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn floorl(x: f128) -> f128 {
    libm::floorf128(x)
}

/// ceill(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ceill(x: f128) -> f128 {
    libm::ceilf128(x)
}

/// truncl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn truncl(x: f128) -> f128 {
    libm::truncf128(x)
}

/// roundl(3): halfway cases away from zero.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn roundl(x: f128) -> f128 {
    libm::roundf128(x)
}

/// An integer-valued `x` as a `long long`; out of range (and NaN) the
/// result is unspecified by C: this saturates (NaN gives 0).
fn to_ll(x: f128) -> c_longlong {
    x as c_longlong
}

/// lrintl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lrintl(x: f128) -> c_long {
    libm::rintf128(x) as c_long
}

/// llrintl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn llrintl(x: f128) -> c_longlong {
    to_ll(libm::rintf128(x))
}

/// lroundl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lroundl(x: f128) -> c_long {
    libm::roundf128(x) as c_long
}

/// llroundl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn llroundl(x: f128) -> c_longlong {
    to_ll(libm::roundf128(x))
}

/// fmodl(3): exact.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fmodl(x: f128, y: f128) -> f128 {
    libm::fmodf128(x, y)
}

/// `x - n*y` with `n` the integer nearest `x/y` (ties to even), and the
/// low three bits of `n` with the sign of `x/y`: exact. Every subtraction
/// below is of values within a factor of two of each other, hence exact.
fn remquo(x: f128, y: f128) -> (f128, c_int) {
    if x.is_nan() || y.is_nan() || x.is_infinite() || y == 0.0 {
        return (f128::NAN, 0);
    }
    let ay = y.abs();
    // |x| reduced below 8|y| keeps the quotient's low three bits.
    let mut ax = x.abs();
    let y8 = ay * 8.0;
    if y8.is_finite() {
        ax = libm::fmodf128(ax, y8);
    }
    let mut q = 0;
    for k in [4.0, 2.0, 1.0] {
        let yk = ay * k;
        if yk.is_finite() && ax >= yk {
            ax -= yk;
            q += k as c_int;
        }
    }
    // Now 0 <= ax < |y|: round the quotient to nearest, ties to even.
    let past_half = if ay < f128::MIN_POSITIVE * 4.0 {
        let a2 = ax * 2.0;
        a2 > ay || (a2 == ay && q & 1 == 1)
    } else {
        let h = ay * 0.5;
        ax > h || (ax == h && q & 1 == 1)
    };
    if past_half {
        ax -= ay;
        q += 1;
    }
    let r = if x.is_sign_negative() { -ax } else { ax };
    let q = q & 7;
    let q = if x.is_sign_negative() != y.is_sign_negative() {
        -q
    } else {
        q
    };
    (r, q)
}

/// remainderl(3): exact.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn remainderl(x: f128, y: f128) -> f128 {
    remquo(x, y).0
}

/// remquol(3): exact; `*quo` gets the quotient's low three bits and sign.
///
/// # Safety
/// `quo` is valid for a write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn remquol(x: f128, y: f128, quo: *mut c_int) -> f128 {
    let (r, q) = remquo(x, y);
    // SAFETY: the caller passes a valid pointer.
    unsafe { *quo = q };
    r
}

/// `x` as `m * 2^e` with `0.5 <= |m| < 1` (zero, infinities and NaN:
/// `x` itself and 0).
fn frexp(x: f128) -> (f128, c_int) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adj) = if biased_exp(x) == 0 {
        (x * TWO113, -113)
    } else {
        (x, 0)
    };
    let e = biased_exp(x);
    let m = f128::from_bits((x.to_bits() & !EXP_MASK) | (16382u128 << 112));
    (m, e - 16382 + adj)
}

/// frexpl(3).
///
/// # Safety
/// `e` is valid for a write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn frexpl(x: f128, e: *mut c_int) -> f128 {
    let (m, ex) = frexp(x);
    // SAFETY: the caller passes a valid pointer.
    unsafe { *e = ex };
    m
}

/// ldexpl(3): `x * 2^n`, correctly rounded.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ldexpl(x: f128, n: c_int) -> f128 {
    libm::scalbnf128(x, n)
}

/// scalbnl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalbnl(x: f128, n: c_int) -> f128 {
    libm::scalbnf128(x, n)
}

/// scalblnl(3): a `long` exponent; beyond the `int` range every finite
/// nonzero result has overflowed or underflowed already.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalblnl(x: f128, n: c_long) -> f128 {
    libm::scalbnf128(x, n.clamp(-65536, 65536) as c_int)
}

/// `FP_ILOGB0` and `FP_ILOGBNAN` (musl's values: `INT_MIN` for both).
const ILOGB_ZERO_NAN: c_int = c_int::MIN;

/// ilogbl(3): the unbiased exponent; `INT_MIN` for 0 and NaN, `INT_MAX`
/// for infinities.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ilogbl(x: f128) -> c_int {
    if x.is_nan() || x == 0.0 {
        return ILOGB_ZERO_NAN;
    }
    if x.is_infinite() {
        return c_int::MAX;
    }
    frexp(x).1 - 1
}

/// logbl(3): the exponent as a `long double`; -inf for 0, +inf for
/// infinities.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn logbl(x: f128) -> f128 {
    if x.is_nan() {
        return x;
    }
    if x == 0.0 {
        return -1.0 / x.abs();
    }
    if x.is_infinite() {
        return x.abs();
    }
    (frexp(x).1 - 1) as f128
}

/// modfl(3): the fractional part, with the integer part stored at `ip`
/// (both with the sign of `x`).
///
/// # Safety
/// `ip` is valid for a write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn modfl(x: f128, ip: *mut f128) -> f128 {
    let i = libm::truncf128(x);
    let frac = if x.is_infinite() { 0.0 } else { x - i };
    // SAFETY: the caller passes a valid pointer.
    unsafe { *ip = i };
    libm::copysignf128(frac, x)
}

/// copysignl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn copysignl(x: f128, y: f128) -> f128 {
    libm::copysignf128(x, y)
}

/// fabsl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fabsl(x: f128) -> f128 {
    libm::fabsf128(x)
}

/// fdiml(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fdiml(x: f128, y: f128) -> f128 {
    libm::fdimf128(x, y)
}

/// fmaxl(3): a NaN argument loses to a number.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fmaxl(x: f128, y: f128) -> f128 {
    libm::fmaxf128(x, y)
}

/// fminl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fminl(x: f128, y: f128) -> f128 {
    libm::fminf128(x, y)
}

/// The neighbour of `x` in the direction of `y` (`y` when equal, NaN when
/// either is NaN).
fn nextafter(x: f128, y: f128) -> f128 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f128::from_bits(1 | (y.to_bits() & SIGN));
    }
    let b = x.to_bits();
    // Away from zero when y lies beyond x on its side of zero.
    let away = (y > x) == (x > 0.0);
    f128::from_bits(if away { b + 1 } else { b - 1 })
}

/// nextafterl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nextafterl(x: f128, y: f128) -> f128 {
    nextafter(x, y)
}

/// nexttowardl(3): the same as `nextafterl`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nexttowardl(x: f128, y: f128) -> f128 {
    nextafter(x, y)
}

/// nexttoward(3): the double after `x` towards the `long double` `y`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nexttoward(x: f64, y: f128) -> f64 {
    let t = if y.is_nan() {
        f64::NAN
    } else if y > x as f128 {
        f64::INFINITY
    } else if y < x as f128 {
        f64::NEG_INFINITY
    } else {
        return y as f64;
    };
    libm::nextafter(x, t)
}

/// nexttowardf(3): the float after `x` towards the `long double` `y`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nexttowardf(x: f32, y: f128) -> f32 {
    let t = if y.is_nan() {
        f32::NAN
    } else if y > x as f128 {
        f32::INFINITY
    } else if y < x as f128 {
        f32::NEG_INFINITY
    } else {
        return y as f32;
    };
    libm::nextafterf(x, t)
}

/// nanl(3): a quiet NaN (the tag string is ignored, as in musl).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nanl(_tag: *const c_char) -> f128 {
    f128::from_bits(0x7fff_8000u128 << 96)
}

unsafe extern "C" {
    /// The C library's `signgam` (`src/c/math.rs`), named here so that
    /// `lgammal` sets the variable `lgamma` sets.
    static mut signgam: c_int;
}

/// `v 2^k` (a result of [`crate::ldmath::erf`] or
/// [`crate::ldmath::gamma`]) as one binary128 number, overflowing and
/// underflowing as the value does.
fn unscale((v, k): (f128, i32)) -> f128 {
    crate::ldmath::scalbn(v, k.clamp(-32000, 32000))
}

/// erfl(3), in binary128 by [`crate::ldmath::erf`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn erfl(x: f128) -> f128 {
    if x.is_nan() {
        x + x
    } else if x.is_infinite() {
        libm::copysignf128(1.0, x)
    } else {
        unscale(crate::ldmath::erf::erf(x))
    }
}

/// erfcl(3), in binary128 by [`crate::ldmath::erf`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn erfcl(x: f128) -> f128 {
    if x.is_nan() {
        x + x
    } else if x.is_infinite() {
        if x < 0.0 { 2.0 } else { 0.0 }
    } else {
        unscale(crate::ldmath::erf::erfc(x))
    }
}

/// lgammal(3), in binary128 by [`crate::ldmath::gamma`], setting
/// `signgam`: +inf by 1/0 (divide-by-zero) at the poles, 0 and the
/// negative integers.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lgammal(x: f128) -> f128 {
    let (v, s) = crate::ldmath::gamma::lgamma(x);
    let v = if v == f128::INFINITY && x.is_finite() && x <= 0.0 {
        1.0 / 0.0f128
    } else {
        v
    };
    // SAFETY: a plain int store; C leaves races on signgam to the program.
    unsafe { (&raw mut signgam).write(s) };
    v
}

/// tgammal(3), in binary128 by [`crate::ldmath::gamma`]: +-inf at +-0
/// (divide-by-zero), NaN (invalid) at the negative integers and -inf.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tgammal(x: f128) -> f128 {
    if x == 0.0 {
        return 1.0 / x;
    }
    if x < 0.0 && (x.is_infinite() || libm::truncf128(x) == x) {
        return crate::ldmath::explog::invalid(x);
    }
    unscale(crate::ldmath::gamma::tgamma(x))
}

/// Defines `long double` functions of one argument computed in binary128
/// by [`crate::ldmath`] (within about one ulp).
macro_rules! binary128 {
    ($($(#[$doc:meta])* $name:ident = $f:path;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: f128) -> f128 {
            $f(x)
        }
    )*};
}

binary128! {
    /// sinl(3).
    sinl = crate::ldmath::trig::sin;
    /// cosl(3).
    cosl = crate::ldmath::trig::cos;
    /// tanl(3).
    tanl = crate::ldmath::trig::tan;
    /// asinl(3).
    asinl = crate::ldmath::atan::asin;
    /// acosl(3).
    acosl = crate::ldmath::atan::acos;
    /// atanl(3).
    atanl = crate::ldmath::atan::atan;
    /// cbrtl(3).
    cbrtl = crate::ldmath::cbrt::cbrt;
    /// expl(3).
    expl = crate::ldmath::explog::exp;
    /// exp2l(3).
    exp2l = crate::ldmath::explog::exp2;
    /// expm1l(3).
    expm1l = crate::ldmath::explog::expm1;
    /// logl(3).
    logl = crate::ldmath::explog::log;
    /// log2l(3).
    log2l = crate::ldmath::explog::log2;
    /// log10l(3).
    log10l = crate::ldmath::explog::log10;
    /// log1pl(3).
    log1pl = crate::ldmath::explog::log1p;
    /// sinhl(3).
    sinhl = crate::ldmath::explog::sinh;
    /// coshl(3).
    coshl = crate::ldmath::explog::cosh;
    /// tanhl(3).
    tanhl = crate::ldmath::explog::tanh;
    /// asinhl(3).
    asinhl = crate::ldmath::explog::asinh;
    /// acoshl(3).
    acoshl = crate::ldmath::explog::acosh;
    /// atanhl(3).
    atanhl = crate::ldmath::explog::atanh;
}

/// hypotl(3), in binary128 by [`crate::ldmath`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn hypotl(x: f128, y: f128) -> f128 {
    crate::ldmath::hypot::hypot(x, y)
}

/// atan2l(3), in binary128 by [`crate::ldmath`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn atan2l(y: f128, x: f128) -> f128 {
    crate::ldmath::atan::atan2(y, x)
}

/// powl(3), in binary128 by [`crate::ldmath`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn powl(x: f128, y: f128) -> f128 {
    crate::ldmath::explog::pow(x, y)
}
