//! strtod(3) and strtof(3): the correctly rounded parsers of
//! [`fmt::strtod`](crate::fmt::strtod) with C's `endptr` and `ERANGE`.

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
