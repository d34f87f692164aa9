//! strtol(3) and relatives, and atoi(3) and relatives: the parser and the
//! clamping to each type are [`fmt::int`](crate::fmt::int)'s; these
//! functions only turn C strings into slices and report `endptr` and
//! `errno`.

use crate::Errno;
use crate::fmt::{Parsed, int};
use core::ffi::{CStr, c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong};

/// Runs `f` on the C string `s`, stores `endptr` and sets `errno`
/// (`EINVAL` when `f` rejects the base, `ERANGE` on a range error); the
/// value, 0 for a bad base.
///
/// # Safety
/// `s` is a NUL-terminated string; `endptr` is NULL or writable.
unsafe fn convert<T: Default>(
    s: *const c_char,
    endptr: *mut *mut c_char,
    f: impl FnOnce(&[u8]) -> Option<Parsed<T>>,
) -> T {
    // SAFETY: s is NUL-terminated.
    let p = f(unsafe { CStr::from_ptr(s) }.to_bytes());
    if !endptr.is_null() {
        // SAFETY: endptr is writable; the offset is inside the string.
        unsafe { *endptr = s.add(p.as_ref().map_or(0, |p| p.consumed)).cast_mut() };
    }
    match p {
        None => Errno::EINVAL.set_last(),
        Some(Parsed {
            range_error: true, ..
        }) => Errno::ERANGE.set_last(),
        Some(_) => {}
    }
    p.map_or(T::default(), |p| p.value)
}

/// strtol(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long {
    // SAFETY: forwarded from C.
    unsafe { convert(s, end, |b| int::strtoi(b, base, c_long::BITS)) as c_long }
}

/// strtoll(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtoll(
    s: *const c_char,
    end: *mut *mut c_char,
    base: c_int,
) -> c_longlong {
    // SAFETY: forwarded from C.
    unsafe { convert(s, end, |b| int::strtoi(b, base, c_longlong::BITS)) }
}

/// strtoul(3): "-1" gives `ULONG_MAX`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtoul(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulong {
    // SAFETY: forwarded from C.
    unsafe { convert(s, end, |b| int::strtou(b, base, c_ulong::BITS)) as c_ulong }
}

/// strtoull(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtoull(
    s: *const c_char,
    end: *mut *mut c_char,
    base: c_int,
) -> c_ulonglong {
    // SAFETY: forwarded from C.
    unsafe { convert(s, end, |b| int::strtou(b, base, c_ulonglong::BITS)) }
}

/// The base-10 value of `s`, wrapped (atoi's overflow is undefined); errno
/// is left alone.
///
/// # Safety
/// `s` is a NUL-terminated string.
unsafe fn ato(s: *const c_char) -> i64 {
    // SAFETY: s is NUL-terminated.
    int::atoi(unsafe { CStr::from_ptr(s) }.to_bytes())
}

/// atoi(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn atoi(s: *const c_char) -> c_int {
    // SAFETY: forwarded from C.
    unsafe { ato(s) as c_int }
}

/// atol(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn atol(s: *const c_char) -> c_long {
    // SAFETY: forwarded from C.
    unsafe { ato(s) as c_long }
}

/// atoll(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn atoll(s: *const c_char) -> c_longlong {
    // SAFETY: forwarded from C.
    unsafe { ato(s) }
}
