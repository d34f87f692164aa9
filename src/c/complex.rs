//! <complex.h> for `double _Complex` and `float _Complex`. The arithmetic is
//! [`crate::complex`]'s, in double; the `float` functions widen their
//! argument, compute in double and round once, which is more accurate than
//! computing in float. A `double _Complex` travels as the struct
//! [`Complex`] on every arch; a `float _Complex` as the arch says
//! ([`crate::arch::complex`]).

use crate::arch::ComplexF32;
use crate::arch::complex::{F32Arg, F32Ret, f32_arg, f32_ret};
use crate::complex::{self as cx, Complex};

/// A float complex, widened.
fn widen(z: ComplexF32) -> Complex {
    Complex {
        re: z.re as f64,
        im: z.im as f64,
    }
}

/// A double complex, each part rounded to float.
fn narrow(z: Complex) -> ComplexF32 {
    ComplexF32 {
        re: z.re as f32,
        im: z.im as f32,
    }
}

/// Exports `NAME(z)` for double and `NAMEf(z)` for float, both as
/// `crate::complex::NAME`.
macro_rules! unary {
    ($($name:ident $namef:ident;)*) => {$(
        #[doc = concat!(stringify!($name), "(3).")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(z: Complex) -> Complex {
            cx::$name(z)
        }

        #[doc = concat!(stringify!($namef), "(3): `", stringify!($name),
            "` in double, rounded to float.")]
        ///
        /// # Safety
        /// `z` is an argument as a C caller passes it.
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub unsafe extern "C" fn $namef(z: F32Arg) -> F32Ret {
            // SAFETY: the caller passes the argument by the C ABI.
            let z = unsafe { f32_arg(z) };
            f32_ret(narrow(cx::$name(widen(z))))
        }
    )*};
}

unary! {
    cproj cprojf;
    cexp cexpf;
    clog clogf;
    csqrt csqrtf;
    csin csinf;
    ccos ccosf;
    ctan ctanf;
    casin casinf;
    cacos cacosf;
    catan catanf;
    csinh csinhf;
    ccosh ccoshf;
    ctanh ctanhf;
    casinh casinhf;
    cacosh cacoshf;
    catanh catanhf;
}

/// cpow(3): `z` to the power `w`, the principal value e^(w·log z).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn cpow(z: Complex, w: Complex) -> Complex {
    cx::cpow(z, w)
}

/// cpowf(3): [`cpow`] in double, rounded to float.
///
/// # Safety
/// `z` and `w` are arguments as a C caller passes them.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cpowf(z: F32Arg, w: F32Arg) -> F32Ret {
    // SAFETY: the caller passes the arguments by the C ABI.
    let (z, w) = unsafe { (f32_arg(z), f32_arg(w)) };
    f32_ret(narrow(cx::cpow(widen(z), widen(w))))
}

/// conj(3): the complex conjugate.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn conj(z: Complex) -> Complex {
    Complex {
        re: z.re,
        im: -z.im,
    }
}

/// conjf(3): the complex conjugate.
///
/// # Safety
/// `z` is an argument as a C caller passes it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn conjf(z: F32Arg) -> F32Ret {
    // SAFETY: the caller passes the argument by the C ABI.
    let z = unsafe { f32_arg(z) };
    f32_ret(ComplexF32 {
        re: z.re,
        im: -z.im,
    })
}

/// cabs(3): |z|, without overflow in the squares.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn cabs(z: Complex) -> f64 {
    cx::cabs(z)
}

/// cabsf(3): |z|.
///
/// # Safety
/// `z` is an argument as a C caller passes it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cabsf(z: F32Arg) -> f32 {
    // SAFETY: the caller passes the argument by the C ABI.
    let z = unsafe { f32_arg(z) };
    // In double, as `hypotf` (src/c/math.rs) does: the libm crate's
    // hypotf is wrong under qemu-s390x.
    libm::hypot(z.re as f64, z.im as f64) as f32
}

/// carg(3): the argument of `z`, in [−π, π].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn carg(z: Complex) -> f64 {
    cx::carg(z)
}

/// cargf(3): the argument of `z`, in [−π, π].
///
/// # Safety
/// `z` is an argument as a C caller passes it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cargf(z: F32Arg) -> f32 {
    // SAFETY: the caller passes the argument by the C ABI.
    let z = unsafe { f32_arg(z) };
    libm::atan2f(z.im, z.re)
}

/// creal(3): the real part.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn creal(z: Complex) -> f64 {
    z.re
}

/// crealf(3): the real part.
///
/// # Safety
/// `z` is an argument as a C caller passes it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn crealf(z: F32Arg) -> f32 {
    // SAFETY: the caller passes the argument by the C ABI.
    unsafe { f32_arg(z) }.re
}

/// cimag(3): the imaginary part.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn cimag(z: Complex) -> f64 {
    z.im
}

/// cimagf(3): the imaginary part.
///
/// # Safety
/// `z` is an argument as a C caller passes it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cimagf(z: F32Arg) -> f32 {
    // SAFETY: the caller passes the argument by the C ABI.
    unsafe { f32_arg(z) }.im
}
