//! strtod(3) and strtof(3): the correctly rounded parsers of
//! [`fmt::strtod`](crate::fmt::strtod) with C's `endptr` and `ERANGE`; and
//! the body of strtold(3) ([`fmt::ldparse`](crate::fmt::ldparse)), whose
//! C entry each arch writes in `arch/<arch>/long_double.rs` (Rust cannot
//! return every arch's `long double`).

use crate::Errno;
use crate::fmt::{Parsed, strtod};
use core::ffi::{CStr, c_char};

/// Parses with `f`, stores `endptr` and sets `ERANGE` as needed.
///
/// # Safety
/// `s` is NUL-terminated; `end` is null or writable.
unsafe fn parse<T>(s: *const c_char, end: *mut *mut c_char, f: fn(&[u8]) -> Parsed<T>) -> T {
    // SAFETY: as the caller says.
    let r = f(unsafe { CStr::from_ptr(s) }.to_bytes());
    if !end.is_null() {
        // SAFETY: `consumed` is within the string; `end` is writable.
        unsafe { *end = s.add(r.consumed).cast_mut() };
    }
    if r.range_error {
        Errno::ERANGE.set_last();
    }
    r.value
}

/// strtod(3).
///
/// # Safety
/// `s` is NUL-terminated; `end` is null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtod(s: *const c_char, end: *mut *mut c_char) -> f64 {
    // SAFETY: as the caller says.
    unsafe { parse(s, end, strtod::strtod) }
}

/// strtof(3).
///
/// # Safety
/// As [`strtod`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtof(s: *const c_char, end: *mut *mut c_char) -> f32 {
    // SAFETY: as the caller says.
    unsafe { parse(s, end, strtod::strtof) }
}

/// atof(3): `strtod(s, NULL)`.
///
/// # Safety
/// `s` is NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn atof(s: *const c_char) -> f64 {
    // SAFETY: as the caller says.
    unsafe { strtod(s, core::ptr::null_mut()) }
}

/// The body of strtold(3): parses `s` as a `long double` in the arch's
/// layout, stores `endptr`, sets `ERANGE` as needed, and writes the
/// value's bits to `*out`. Each arch's `strtold` calls it and returns
/// `*out` as its `long double`.
///
/// # Safety
/// `s` is NUL-terminated; `end` is null or writable; `out` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __muslin_strtold_bits(
    s: *const c_char,
    end: *mut *mut c_char,
    out: *mut u128,
) {
    /// The arch's `long double` at the start of `t`.
    fn ld(t: &[u8]) -> Parsed<u128> {
        crate::fmt::ldparse::strtold(t, crate::arch::long_double::FORMAT)
    }
    // SAFETY: as the caller says.
    unsafe { *out = parse(s, end, ld) };
}
