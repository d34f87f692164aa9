//! Complex arithmetic for `<complex.h>`, in `double`: the elementary
//! functions with the special values of C99/C11 Annex G (infinities, NaNs,
//! signed zeros), over the real functions of the `libm` crate, which has no
//! complex ones. The `float` functions of the C layer widen to these and
//! round the result once.
//!
//! Methods: `cexp`, `csinh`, `ccosh` and `ctanh` from their definitions, with
//! `exp` split in two where `cosh` alone would overflow although the
//! product does not; `ctanh` by Kahan's formula; `csqrt` by the half-angle
//! formula without cancellation; `clog` with `log1p` near |z| = 1; the
//! inverse functions by their logarithmic formulas, rewritten so that the
//! `1 + z` parts go through `log1p`; `csin`, `ccos`, `ctan`, `casin`,
//! `cacos`, `catan` and `cacosh` by the identities Annex G defines them by.

use core::f64::consts::{FRAC_PI_2, LN_2};

/// A `double _Complex`: laid out as C lays it out (two doubles, real part
/// first), which is also how every supported arch passes it by value.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

/// `y − y`: NaN for an infinite or NaN `y` (raising invalid for an
/// infinity), for the result parts Annex G leaves undefined.
#[allow(clippy::eq_op)]
fn undef(y: f64) -> f64 {
    y - y
}

/// `re + i·im`.
const fn c(re: f64, im: f64) -> Complex {
    Complex { re, im }
}

fn mul(a: Complex, b: Complex) -> Complex {
    c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

fn add(a: Complex, b: Complex) -> Complex {
    c(a.re + b.re, a.im + b.im)
}

/// `a / b`, scaled by the larger part of `b` (Smith's method) so that
/// `|b|²` cannot overflow.
fn div(a: Complex, b: Complex) -> Complex {
    if libm::fabs(b.re) >= libm::fabs(b.im) {
        let r = b.im / b.re;
        let d = b.re + b.im * r;
        c((a.re + a.im * r) / d, (a.im - a.re * r) / d)
    } else {
        let r = b.re / b.im;
        let d = b.im + b.re * r;
        c((a.re * r + a.im) / d, (a.im * r - a.re) / d)
    }
}

/// `e^a · m` for `a ≥ 0`, without overflowing in `e^a` when the product
/// is representable: beyond 709, `e^(a − 700) · m · e^700`, where
/// `a − 700` is exact (Sterbenz) up to a = 1400, past which every product
/// overflows anyway.
fn exp_mul(a: f64, m: f64) -> f64 {
    if a < 709.0 {
        libm::exp(a) * m
    } else {
        libm::exp(a - 700.0) * m * libm::exp(700.0)
    }
}

/// |z|.
pub fn cabs(z: Complex) -> f64 {
    libm::hypot(z.re, z.im)
}

/// The argument of `z`, in [−π, π].
pub fn carg(z: Complex) -> f64 {
    libm::atan2(z.im, z.re)
}

/// The projection onto the Riemann sphere: every infinity (even with a NaN
/// part) becomes `+∞ ± i0`.
pub fn cproj(z: Complex) -> Complex {
    if z.re.is_infinite() || z.im.is_infinite() {
        c(f64::INFINITY, libm::copysign(0.0, z.im))
    } else {
        z
    }
}

/// e^z.
pub fn cexp(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    if y == 0.0 {
        // Also NaN + i0 → NaN + i0 and ±∞ + i0, as Annex G asks.
        return c(libm::exp(x), y);
    }
    if x.is_infinite() {
        if !y.is_finite() {
            // e^(−∞ + i∞) = ±0 ± i0; e^(+∞ + i∞) = ±∞ + iNaN (invalid).
            return if x < 0.0 { c(0.0, 0.0) } else { c(x, undef(y)) };
        }
        let (s, co) = libm::sincos(y);
        return if x < 0.0 {
            c(0.0 * co, 0.0 * s)
        } else {
            c(x * co, x * s)
        };
    }
    if x.is_nan() || !y.is_finite() {
        return c(f64::NAN, undef(y) + x);
    }
    let (s, co) = libm::sincos(y);
    if x > 709.0 {
        c(exp_mul(x, co), exp_mul(x, s))
    } else {
        let e = libm::exp(x);
        c(e * co, e * s)
    }
}

/// The natural logarithm, with the branch cut along the negative real
/// axis; `clog(±0 + i0) = −∞ + i(0 or π)` (divide-by-zero).
pub fn clog(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    let im = libm::atan2(y, x);
    let (ax, ay) = (libm::fabs(x), libm::fabs(y));
    let (big, small) = if ax >= ay { (ax, ay) } else { (ay, ax) };
    if big > 0.5 && big < 2.0 && big.is_finite() {
        // log|z| = ½·log1p((big − 1)(big + 1) + small²): no cancellation in
        // `log` when |z| is near 1.
        let t = (big - 1.0) * (big + 1.0) + small * small;
        return c(0.5 * libm::log1p(t), im);
    }
    c(libm::log(libm::hypot(x, y)), im)
}

/// `log(1 + u)` for a `u` of moderate size (the caller's `u` comes from a
/// z with |z| < 2²⁸): the real part through `log1p`.
fn clog1p(u: Complex) -> Complex {
    let t = u.re * (2.0 + u.re) + u.im * u.im;
    c(0.5 * libm::log1p(t), libm::atan2(u.im, 1.0 + u.re))
}

/// √z, the branch with a non-negative real part.
pub fn csqrt(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    if y.is_infinite() {
        return c(f64::INFINITY, y);
    }
    if x.is_nan() {
        return c(x, undef(y) + x);
    }
    if x.is_infinite() {
        if y.is_nan() {
            // √(−∞ + iNaN) = NaN ± i∞; √(+∞ + iNaN) = +∞ + iNaN.
            return if x < 0.0 {
                c(y, f64::INFINITY)
            } else {
                c(x, y)
            };
        }
        return if x < 0.0 {
            c(0.0, libm::copysign(f64::INFINITY, y))
        } else {
            c(x, libm::copysign(0.0, y))
        };
    }
    if y.is_nan() {
        return c(y, y);
    }
    if x == 0.0 && y == 0.0 {
        return c(0.0, y);
    }
    // Scale so that |x| + |z| neither overflows nor loses bits to
    // underflow; √ halves the scale's exponent.
    const BIG: f64 = f64::MAX / 4.0;
    const TINY: f64 = f64::MIN_POSITIVE * 4.0;
    let (mut sx, mut sy, mut back) = (x, y, 1.0);
    if libm::fabs(x) > BIG || libm::fabs(y) > BIG {
        (sx, sy, back) = (x * 0.25, y * 0.25, 2.0);
    } else if libm::fabs(x) < TINY && libm::fabs(y) < TINY {
        (sx, sy, back) = (x * TWO_54, y * TWO_54, TWO_M27);
    }
    // t = √((|x| + |z|)/2); then the other part is |y|/(2t).
    let t = libm::sqrt((libm::fabs(sx) + libm::hypot(sx, sy)) * 0.5);
    let other = libm::fabs(sy) / (2.0 * t);
    if x >= 0.0 {
        c(t * back, libm::copysign(other * back, y))
    } else {
        c(other * back, libm::copysign(t * back, y))
    }
}

/// sinh z = sinh x cos y + i cosh x sin y.
pub fn csinh(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return c(libm::sinh(x), y);
        }
        let (s, co) = libm::sincos(y);
        let ax = libm::fabs(x);
        if ax > 22.0 {
            // cosh x = |sinh x| = e^|x|/2 to double precision.
            return c(
                libm::copysign(1.0, x) * exp_mul(ax, 0.5 * co),
                exp_mul(ax, 0.5 * s),
            );
        }
        return c(libm::sinh(x) * co, libm::cosh(x) * s);
    }
    if x == 0.0 {
        // sinh(±0 + i∞ or iNaN) = ±0 + iNaN.
        return c(x, undef(y));
    }
    if x.is_infinite() {
        if y == 0.0 {
            return c(x, y);
        }
        if !y.is_finite() {
            return c(x, undef(y));
        }
        let (s, co) = libm::sincos(y);
        return c(x * co, f64::INFINITY * s);
    }
    if x.is_nan() && y == 0.0 {
        return c(x, y);
    }
    c(f64::NAN, f64::NAN)
}

/// cosh z = cosh x cos y + i sinh x sin y.
pub fn ccosh(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return c(libm::cosh(x), libm::copysign(0.0, x) * y);
        }
        let (s, co) = libm::sincos(y);
        let ax = libm::fabs(x);
        if ax > 22.0 {
            return c(
                exp_mul(ax, 0.5 * co),
                libm::copysign(1.0, x) * exp_mul(ax, 0.5 * s),
            );
        }
        return c(libm::cosh(x) * co, libm::sinh(x) * s);
    }
    if x == 0.0 {
        // cosh(±0 + i∞ or iNaN) = NaN ± i0.
        return c(undef(y), libm::copysign(0.0, x) * 0.0);
    }
    if x.is_infinite() {
        if y == 0.0 {
            return c(f64::INFINITY, libm::copysign(0.0, x) * y);
        }
        if !y.is_finite() {
            return c(f64::INFINITY, undef(y));
        }
        let (s, co) = libm::sincos(y);
        return c(f64::INFINITY * co, x * s);
    }
    if x.is_nan() && y == 0.0 {
        return c(x, y);
    }
    c(f64::NAN, f64::NAN)
}

/// tanh z, by Kahan's formula: with t = tan y, β = 1 + t², s = sinh x and
/// ρ = √(1 + s²), tanh z = (βρs + i t) / (1 + βs²).
pub fn ctanh(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    if x.is_infinite() {
        // tanh(±∞ + iy) = ±1 + i0·sin 2y (the zero's sign from sin 2y).
        let im = if y.is_finite() {
            let (s, co) = libm::sincos(y);
            s * co
        } else {
            y
        };
        return c(libm::copysign(1.0, x), libm::copysign(0.0, im));
    }
    if x.is_nan() {
        return if y == 0.0 { c(x, y) } else { c(x, x) };
    }
    if !y.is_finite() {
        // tanh(±0 + i∞ or iNaN) = ±0 + iNaN (C11); otherwise NaN + iNaN.
        return if x == 0.0 {
            c(x, undef(y))
        } else {
            c(undef(y), undef(y))
        };
    }
    if y == 0.0 {
        return c(libm::tanh(x), y);
    }
    if libm::fabs(x) >= 22.0 {
        // tanh x = ±1 and the imaginary part is 4 sin y cos y e^(−2|x|).
        let (s, co) = libm::sincos(y);
        let e = libm::exp(-libm::fabs(x));
        return c(libm::copysign(1.0, x), 4.0 * s * co * e * e);
    }
    let t = libm::tan(y);
    let beta = 1.0 + t * t;
    let s = libm::sinh(x);
    let rho = libm::sqrt(1.0 + s * s);
    let den = 1.0 + beta * s * s;
    c(beta * rho * s / den, t / den)
}

/// `i·z`'s parts for the identities: (−y, x).
fn times_i(z: Complex) -> Complex {
    c(-z.im, z.re)
}

/// `−i·w`: (w.im, −w.re).
fn times_minus_i(w: Complex) -> Complex {
    c(w.im, -w.re)
}

/// sin z = −i sinh(iz).
pub fn csin(z: Complex) -> Complex {
    times_minus_i(csinh(times_i(z)))
}

/// cos z = cosh(iz).
pub fn ccos(z: Complex) -> Complex {
    ccosh(times_i(z))
}

/// tan z = −i tanh(iz).
pub fn ctan(z: Complex) -> Complex {
    times_minus_i(ctanh(times_i(z)))
}

/// 2⁻²⁷: below this |x| and |y|, asinh z, atanh z and z agree to double
/// precision.
const TWO_M27: f64 = 1.0 / 134217728.0;

/// 2⁵⁴, the scale for tiny arguments of `csqrt`.
const TWO_54: f64 = 18014398509481984.0;

/// Beyond this |x| or |y|, √(z² + 1) = z to double precision, and
/// asinh z = log 2z.
const LARGE: f64 = 268435456.0;

/// asinh z = log(z + √(z² + 1)), odd, with the branch cuts on the
/// imaginary axis outside [−i, i].
pub fn casinh(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    if x.is_nan() {
        return if y == 0.0 {
            c(x, y)
        } else if y.is_infinite() {
            c(f64::INFINITY, x)
        } else {
            c(x, x)
        };
    }
    if y.is_nan() {
        return if x.is_infinite() { c(x, y) } else { c(y, y) };
    }
    // asinh(−z) = −asinh z: work with a non-negative real part.
    if x.is_sign_negative() {
        let r = casinh(c(-x, -y));
        return c(-r.re, -r.im);
    }
    if x >= LARGE || libm::fabs(y) >= LARGE {
        // log 2z; also every infinite case: log|z| = +∞, and atan2 gives
        // 0, π/4 or π/2.
        let l = clog(z);
        return c(l.re + LN_2, l.im);
    }
    if x == 0.0 && libm::fabs(y) <= 1.0 {
        return c(x, libm::asin(y));
    }
    if x < TWO_M27 && libm::fabs(y) < TWO_M27 {
        return z;
    }
    // z + √(z² + 1) = 1 + u with u = z + z²/(√(z² + 1) + 1), so that
    // log1p keeps the bits of small z.
    let z2 = mul(z, z);
    let s = csqrt(add(z2, c(1.0, 0.0)));
    let u = add(z, div(z2, add(s, c(1.0, 0.0))));
    clog1p(u)
}

/// asin z = −i asinh(iz).
pub fn casin(z: Complex) -> Complex {
    times_minus_i(casinh(times_i(z)))
}

/// acos z. For finite z of moderate size, Kahan's formulas (“Branch cuts
/// for complex elementary functions”, 1987), which do not cancel where the
/// real part is small: with a = √(1 − z) and b = √(1 + z),
/// Re = 2·atan2(Re a, Re b) and Im = asinh(Im(conj(b)·a)). Otherwise (an
/// infinity, a NaN, a huge part) π/2 − asin z, which has Annex G's special
/// values.
pub fn cacos(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    if y == 0.0 && libm::fabs(x) <= 1.0 {
        return c(libm::acos(x), -y);
    }
    if libm::fabs(x) < LARGE && libm::fabs(y) < LARGE {
        let a = csqrt(c(1.0 - x, -y));
        let b = csqrt(c(1.0 + x, y));
        return c(
            2.0 * libm::atan2(a.re, b.re),
            libm::asinh(b.re * a.im - b.im * a.re),
        );
    }
    let w = casin(z);
    c(FRAC_PI_2 - w.re, -w.im)
}

/// acosh z = ±i acos z, the sign that makes the real part non-negative.
pub fn cacosh(z: Complex) -> Complex {
    if z.im.is_nan() && z.re.is_finite() {
        return c(z.im, z.im);
    }
    let w = cacos(z);
    c(libm::fabs(w.im), libm::copysign(w.re, z.im))
}

/// atanh z = ½(log(1 + z) − log(1 − z)), odd:
/// Re = ¼·log1p(4x / ((1 − x)² + y²)), Im = ½·atan2(2y, (1 − x)(1 + x) − y²).
pub fn catanh(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    if y.is_nan() {
        return if x.is_infinite() {
            c(libm::copysign(0.0, x), y)
        } else if x == 0.0 {
            c(x, y)
        } else {
            c(y, y)
        };
    }
    if x.is_nan() {
        return if y.is_infinite() {
            c(libm::copysign(0.0, x), libm::copysign(FRAC_PI_2, y))
        } else {
            c(x, x)
        };
    }
    let ax = libm::fabs(x);
    let ay = libm::fabs(y);
    if ax >= LARGE || ay >= LARGE {
        // Re = x/|z|² (0 for an infinity), Im = ±π/2.
        let re = if ax.is_infinite() || ay.is_infinite() {
            0.0
        } else {
            let h = libm::hypot(ax, ay);
            ax / h / h
        };
        return c(libm::copysign(re, x), libm::copysign(FRAC_PI_2, y));
    }
    if ax < TWO_M27 && ay < TWO_M27 {
        return z;
    }
    let d = (1.0 - ax) * (1.0 - ax) + ay * ay;
    let re = 0.25 * libm::log1p(4.0 * ax / d);
    let im = 0.5 * libm::atan2(2.0 * y, (1.0 - ax) * (1.0 + ax) - ay * ay);
    c(libm::copysign(re, x), im)
}

/// atan z = −i atanh(iz).
pub fn catan(z: Complex) -> Complex {
    times_minus_i(catanh(times_i(z)))
}

/// z^w = e^(w·log z), the principal value.
pub fn cpow(z: Complex, w: Complex) -> Complex {
    cexp(mul(w, clog(z)))
}
