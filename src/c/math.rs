//! <math.h> for `double` and `float`: thin C wrappers around the `libm`
//! crate (musl's libm ported to Rust), so the numerics are a well-kept
//! crate's, not ours.
//!
//! Every function is exported here, name for name, even the ~30 that
//! compiler_builtins also defines weakly (`sqrt`, `floor`, `fma`, ...): one
//! table is the single source of truth. Both definitions are weak; the
//! linker takes muslin's because muslin's object is the first member of
//! `libmuslin.a` (it holds `_start`), so its archive-index entries come
//! first (see `arch/x86_64/string.rs` for the same case with `memcpy`).
//!
//! Errors are reported the musl way, `math_errhandling == MATH_ERREXCEPT`:
//! a domain or range error raises the floating-point exception and returns
//! the C99 value; no function here sets `errno`.
//!
//! The `long double` (`l`) variants and `nexttoward[f]` (which take a
//! `long double`) are not here.

use core::ffi::{CStr, c_char, c_int, c_long, c_longlong};

/// Exports `fn NAME(x: T) -> T` as libm's function of the same name.
macro_rules! unary {
    ($t:ty: $($name:ident)*) => {$(
        #[doc = concat!(stringify!($name), "(3).")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: $t) -> $t {
            libm::$name(x)
        }
    )*};
}

/// Exports `fn NAME(x: T, y: T) -> T` as libm's function of the same name.
macro_rules! binary {
    ($t:ty: $($name:ident)*) => {$(
        #[doc = concat!(stringify!($name), "(3).")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: $t, y: $t) -> $t {
            libm::$name(x, y)
        }
    )*};
}

unary!(f64: acos asin atan cos sin tan asinh atanh cosh sinh tanh
    exp exp2 exp10 expm1 log log10 log1p log2 cbrt fabs sqrt erf erfc tgamma
    ceil floor rint round trunc j0 j1 y0 y1);
unary!(f32: acosf asinf atanf cosf sinf tanf atanhf sinhf tanhf
    expf expm1f logf log10f log1pf log2f fabsf sqrtf erff tgammaf
    ceilf floorf rintf roundf truncf j0f j1f y0f y1f);
/// Exports `fn NAMEf(x: f32) -> f32` as libm's double function, rounded
/// once: where the libm crate's float version (an older FreeBSD algorithm
/// than musl's) measured worse than musl's in tests/math_diff.c.
macro_rules! via_f64 {
    ($($name:ident = $f:ident;)*) => {$(
        #[doc = concat!(stringify!($name), "(3): `", stringify!($f), "` rounded to float.")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: f32) -> f32 {
            libm::$f(x as f64) as f32
        }
    )*};
}

via_f64! {
    exp2f = exp2;
    exp10f = exp10;
    cbrtf = cbrt;
    coshf = cosh;
    asinhf = asinh;
    erfcf = erfc;
}

binary!(f64: atan2 hypot pow fmod remainder copysign nextafter fdim fmax fmin);
binary!(f32: atan2f powf fmodf remainderf copysignf nextafterf fdimf fmaxf fminf);

/// acosh(3). Below 1 a domain error (NaN, invalid): the libm crate, like
/// musl, returns a number for some negative arguments, where
/// `x + √(x² − 1)` cancels.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn acosh(x: f64) -> f64 {
    if x < 1.0 {
        return libm::sqrt(x - 1.0);
    }
    libm::acosh(x)
}

/// acoshf(3): see [`acosh`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn acoshf(x: f32) -> f32 {
    if x < 1.0 {
        return libm::sqrtf(x - 1.0);
    }
    libm::acoshf(x)
}

/// fma(3): `x * y + z` rounded once.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fma(x: f64, y: f64, z: f64) -> f64 {
    libm::fma(x, y, z)
}

/// hypotf(3): `hypot` in double, rounded to float. (The libm crate's
/// hypotf gives wrong results under qemu-s390x, where its widening
/// multiply is one instruction; this one has no such multiply.)
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn hypotf(x: f32, y: f32) -> f32 {
    libm::hypot(x as f64, y as f64) as f32
}

/// fmaf(3): `x * y + z` rounded once. The product of two floats is exact
/// in double; the sum is made round-to-odd in double (its exact error by
/// TwoSum decides the last bit), which a second rounding to float turns
/// into the correctly rounded result (Boldo and Melquiond).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fmaf(x: f32, y: f32, z: f32) -> f32 {
    // black_box keeps the widening and the multiply apart (see hypotf).
    let (xd, yd) = core::hint::black_box((x as f64, y as f64));
    let p = xd * yd;
    let zd = z as f64;
    let s = p + zd;
    if !s.is_finite() || s == 0.0 {
        return s as f32;
    }
    let b = s - p;
    let err = (p - (s - b)) + (zd - b);
    let bits = s.to_bits();
    if err != 0.0 && bits & 1 == 0 {
        // Round to odd: one ulp towards the exact sum.
        let up = (err > 0.0) == (s > 0.0);
        return f64::from_bits(if up { bits + 1 } else { bits - 1 }) as f32;
    }
    s as f32
}

/// Exports the `double` and `float` versions of a function whose other
/// results go through C pointers: `$name(x.., p: *mut P) -> T`, where libm
/// returns `(T, P)`.
macro_rules! with_out {
    ($($name:ident($($a:ident: $t:ty),*; $p:ident: $pt:ty) -> $r:ty;)*) => {$(
        #[doc = concat!(stringify!($name), "(3): the second result is stored through `",
            stringify!($p), "`.")]
        ///
        /// # Safety
        /// The pointer must be writable.
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub unsafe extern "C" fn $name($($a: $t,)* $p: *mut $pt) -> $r {
            let (v, o) = libm::$name($($a),*);
            // SAFETY: the caller passes a writable pointer.
            unsafe { $p.write(o) };
            v
        }
    )*};
}

with_out! {
    frexp(x: f64; e: c_int) -> f64;
    frexpf(x: f32; e: c_int) -> f32;
    remquo(x: f64, y: f64; q: c_int) -> f64;
    remquof(x: f32, y: f32; q: c_int) -> f32;
    lgamma_r(x: f64; sign: c_int) -> f64;
}

/// modf(3): the fraction, with the integral part stored through `ip`.
///
/// # Safety
/// `ip` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn modf(x: f64, ip: *mut f64) -> f64 {
    let (frac, int) = libm::modf(x);
    // SAFETY: the caller passes a writable pointer.
    unsafe { ip.write(int) };
    frac
}

/// modff(3): the fraction, with the integral part stored through `ip`.
///
/// # Safety
/// `ip` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn modff(x: f32, ip: *mut f32) -> f32 {
    let (frac, int) = libm::modff(x);
    // SAFETY: the caller passes a writable pointer.
    unsafe { ip.write(int) };
    frac
}

/// sincos(3) (GNU): both results of one argument reduction.
///
/// # Safety
/// `s` and `c` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sincos(x: f64, s: *mut f64, c: *mut f64) {
    let (sv, cv) = libm::sincos(x);
    // SAFETY: the caller passes writable pointers.
    unsafe {
        s.write(sv);
        c.write(cv);
    }
}

/// sincosf(3) (GNU): both results of one argument reduction.
///
/// # Safety
/// `s` and `c` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sincosf(x: f32, s: *mut f32, c: *mut f32) {
    // In double, rounded: the libm crate's sincosf is wrong under
    // qemu-s390x (see hypotf).
    let (sv, cv) = libm::sincos(x as f64);
    let (sv, cv) = (sv as f32, cv as f32);
    // SAFETY: the caller passes writable pointers.
    unsafe {
        s.write(sv);
        c.write(cv);
    }
}

/// The sign of Γ(x) from the last `lgamma` or `lgammaf` call (XSI). Like
/// every C library's, it is one global, not per thread: threads use
/// `lgamma_r`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
#[allow(non_upper_case_globals)]
pub static mut signgam: c_int = 0;

/// lgamma(3): ln|Γ(x)|, the sign of Γ(x) in `signgam`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lgamma(x: f64) -> f64 {
    let (v, sign) = libm::lgamma_r(x);
    // SAFETY: a plain int store; C leaves races on signgam to the program.
    unsafe { (&raw mut signgam).write(sign) };
    v
}

/// lgammaf_r(3): ln|Γ(x)| in double, rounded to float (the libm crate's
/// float version is hundreds of ulps off near the zeros, worse than
/// musl's), the sign of Γ(x) stored through `sign`.
///
/// # Safety
/// `sign` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn lgammaf_r(x: f32, sign: *mut c_int) -> f32 {
    let (v, s) = libm::lgamma_r(x as f64);
    // SAFETY: the caller passes a writable pointer.
    unsafe { sign.write(s) };
    v as f32
}

/// lgammaf(3): ln|Γ(x)| (see [`lgammaf_r`]), the sign of Γ(x) in `signgam`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lgammaf(x: f32) -> f32 {
    let (v, sign) = libm::lgamma_r(x as f64);
    let v = v as f32;
    // SAFETY: a plain int store; C leaves races on signgam to the program.
    unsafe { (&raw mut signgam).write(sign) };
    v
}

/// ilogb(3): the unbiased exponent; `FP_ILOGB0` (`INT_MIN`) for 0 and
/// `FP_ILOGBNAN` (`INT_MIN`) for NaN, `INT_MAX` for infinity.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ilogb(x: f64) -> c_int {
    libm::ilogb(x)
}

/// ilogbf(3): see [`ilogb`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ilogbf(x: f32) -> c_int {
    libm::ilogbf(x)
}

/// logb(3): the exponent as a `double`: −∞ (divide-by-zero) for ±0, +∞ for
/// ±∞, NaN for NaN; subnormals give their true exponent.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn logb(x: f64) -> f64 {
    if !x.is_finite() {
        return x * x;
    }
    if x == 0.0 {
        // −1/|0| raises divide-by-zero, as C99 F.9.3.11 asks.
        return -1.0 / libm::fabs(x);
    }
    libm::ilogb(x) as f64
}

/// logbf(3): see [`logb`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn logbf(x: f32) -> f32 {
    if !x.is_finite() {
        return x * x;
    }
    if x == 0.0 {
        return -1.0 / libm::fabsf(x);
    }
    libm::ilogbf(x) as f32
}

/// Exports `fn NAME(x: T, n: int) -> T` as libm's function `$f`.
macro_rules! scale {
    ($($name:ident = $f:ident($t:ty);)*) => {$(
        #[doc = concat!(stringify!($name), "(3): `x` × 2ⁿ.")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: $t, n: c_int) -> $t {
            libm::$f(x, n)
        }
    )*};
}

scale! {
    ldexp = ldexp(f64);
    ldexpf = ldexpf(f32);
    scalbn = scalbn(f64);
    scalbnf = scalbnf(f32);
}

/// An exponent for `scalbn` from a `long` one: beyond ±2¹⁶ every finite
/// non-zero input already over- or underflows, so clamping changes nothing.
fn clamp_exp(n: c_long) -> c_int {
    n.clamp(-65536, 65536) as c_int
}

/// scalbln(3): `x` × 2ⁿ with a `long` exponent.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalbln(x: f64, n: c_long) -> f64 {
    libm::scalbn(x, clamp_exp(n))
}

/// scalblnf(3): `x` × 2ⁿ with a `long` exponent.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalblnf(x: f32, n: c_long) -> f32 {
    libm::scalbnf(x, clamp_exp(n))
}

/// Exports a rounding to an integer type: libm's rounding `$f`, then the
/// conversion. Out of range (and NaN) the C result is unspecified; here it
/// saturates (NaN gives 0), and FE_INVALID is not raised.
macro_rules! to_int {
    ($($name:ident = $f:ident($t:ty) -> $r:ty;)*) => {$(
        #[doc = concat!(stringify!($name), "(3): `", stringify!($f),
            "`, converted to the integer type.")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: $t) -> $r {
            libm::$f(x) as $r
        }
    )*};
}

to_int! {
    lrint = rint(f64) -> c_long;
    lrintf = rintf(f32) -> c_long;
    llrint = rint(f64) -> c_longlong;
    llrintf = rintf(f32) -> c_longlong;
    lround = round(f64) -> c_long;
    lroundf = roundf(f32) -> c_long;
    llround = round(f64) -> c_longlong;
    llroundf = roundf(f32) -> c_longlong;
}

/// nearbyint(3): `rint` in the current rounding mode. C asks that it not
/// raise FE_INEXACT; without saving the exception flags (fenv.h is not
/// used here) it may, as `rint` does.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nearbyint(x: f64) -> f64 {
    libm::rint(x)
}

/// nearbyintf(3): see [`nearbyint`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nearbyintf(x: f32) -> f32 {
    libm::rintf(x)
}

/// jn(3): Bessel function of the first kind, order `n`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn jn(n: c_int, x: f64) -> f64 {
    libm::jn(n, x)
}

/// jnf(3): see [`jn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn jnf(n: c_int, x: f32) -> f32 {
    libm::jnf(n, x)
}

/// yn(3): Bessel function of the second kind, order `n`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn yn(n: c_int, x: f64) -> f64 {
    libm::yn(n, x)
}

/// ynf(3): see [`yn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ynf(n: c_int, x: f32) -> f32 {
    libm::ynf(n, x)
}

/// The payload `nan("n-char-sequence")` puts in a quiet NaN's mantissa:
/// the string read as `strtoull` would with base 0 (decimal, `0x` hex or
/// `0` octal), as glibc does; 0 when it is not all digits. musl ignores the
/// string; the C standard leaves the meaning to the implementation.
fn nan_payload(tag: &[u8]) -> u64 {
    let (digits, base) = match tag {
        [b'0', b'x' | b'X', rest @ ..] => (rest, 16),
        [b'0', rest @ ..] => (rest, 8),
        _ => (tag, 10),
    };
    let mut v: u64 = 0;
    for &c in digits {
        let d = match c {
            b'0'..=b'9' => (c - b'0') as u64,
            b'a'..=b'f' => (c - b'a' + 10) as u64,
            b'A'..=b'F' => (c - b'A' + 10) as u64,
            _ => return 0,
        };
        if d >= base {
            return 0;
        }
        v = v.wrapping_mul(base).wrapping_add(d);
    }
    v
}

/// nan(3): a quiet NaN whose payload is `tag`'s number (see
/// [`nan_payload`]), cut to the mantissa.
///
/// # Safety
/// `tag` is a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nan(tag: *const c_char) -> f64 {
    // SAFETY: the caller passes a NUL-terminated string.
    let p = nan_payload(unsafe { CStr::from_ptr(tag) }.to_bytes());
    f64::from_bits(0x7ff8_0000_0000_0000 | (p & 0x0007_ffff_ffff_ffff))
}

/// nanf(3): see [`nan`].
///
/// # Safety
/// `tag` is a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nanf(tag: *const c_char) -> f32 {
    // SAFETY: the caller passes a NUL-terminated string.
    let p = nan_payload(unsafe { CStr::from_ptr(tag) }.to_bytes());
    f32::from_bits(0x7fc0_0000 | (p as u32 & 0x003f_ffff))
}
