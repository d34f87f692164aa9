//! strtol(3) and relatives, and atoi(3) and relatives. The parser is an
//! ordinary function on a byte slice ([`parse_int`]); the C functions only
//! clamp its result to their type and report `endptr` and `errno`.

use super::ctype::is_space;
use crate::Errno;
use core::ffi::{c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong};

/// An integer prefix parsed by [`parse_int`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedInt {
    /// A `-` sign came before the digits.
    pub negative: bool,
    /// The digits' value, saturated at `u64::MAX` (see `overflow`).
    pub magnitude: u64,
    /// The digits' value does not fit in a `u64`.
    pub overflow: bool,
    /// Bytes consumed (whitespace, sign, prefix, digits); 0 when no digit
    /// was found, i.e. no conversion.
    pub end: usize,
}

/// The value of `b` as a digit in bases up to 36; 36 or more for others.
fn digit(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 36,
    }
}

/// Parses the integer at the start of `s` the way `strtoull` does: leading
/// whitespace, an optional sign, for base 16 (or 0) an optional `0x`/`0X`
/// that counts only when a hex digit follows, and for base 0 a leading `0`
/// meaning octal. The end of the slice acts as a NUL. `None` when `base` is
/// neither 0 nor 2..=36.
pub fn parse_int(s: &[u8], base: c_int) -> Option<ParsedInt> {
    if base != 0 && !(2..=36).contains(&base) {
        return None;
    }
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let negative = at(i) == b'-';
    if negative || at(i) == b'+' {
        i += 1;
    }
    let mut base = base as u32;
    if (base == 0 || base == 16)
        && at(i) == b'0'
        && at(i + 1) | 0x20 == b'x'
        && digit(at(i + 2)) < 16
    {
        base = 16;
        i += 2;
    } else if base == 0 {
        base = if at(i) == b'0' { 8 } else { 10 };
    }
    let first = i;
    let (mut magnitude, mut overflow) = (0u64, false);
    loop {
        let d = digit(at(i));
        if d >= base {
            break;
        }
        match magnitude
            .checked_mul(base as u64)
            .and_then(|m| m.checked_add(d as u64))
        {
            Some(m) => magnitude = m,
            None => {
                overflow = true;
                magnitude = u64::MAX;
            }
        }
        i += 1;
    }
    Some(ParsedInt {
        negative,
        magnitude,
        overflow,
        end: if i == first { 0 } else { i },
    })
}

impl ParsedInt {
    /// The value for a signed type whose maximum is `max`: clamped to
    /// `max` or `-max - 1` with `true` when it does not fit.
    pub fn signed(&self, max: u64) -> (i64, bool) {
        let limit = max + self.negative as u64;
        match self.overflow || self.magnitude > limit {
            true if self.negative => (-(max as i64) - 1, true),
            true => (max as i64, true),
            false => (self.wrapping(), false),
        }
    }

    /// The value for an unsigned type whose maximum is `max` (`2^k - 1`):
    /// a negative number is negated in that type, as C requires; `max` with
    /// `true` when the magnitude does not fit.
    pub fn unsigned(&self, max: u64) -> (u64, bool) {
        if self.overflow || self.magnitude > max {
            return (max, true);
        }
        (self.wrapping() as u64 & max, false)
    }

    /// The value wrapped to 64 bits, as `atoi` and friends (whose overflow
    /// is undefined) give it.
    pub fn wrapping(&self) -> i64 {
        let v = self.magnitude as i64;
        if self.negative { v.wrapping_neg() } else { v }
    }
}

/// Parses the C string `s`, stores `endptr`, sets `EINVAL` for a bad base;
/// the caller clamps.
///
/// # Safety
/// `s` is a NUL-terminated string; `endptr` is NULL or writable.
unsafe fn parse_c(s: *const c_char, endptr: *mut *mut c_char, base: c_int) -> Option<ParsedInt> {
    // SAFETY: s is NUL-terminated.
    let bytes = unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes();
    let p = parse_int(bytes, base);
    if !endptr.is_null() {
        // SAFETY: endptr is writable; the offset is inside the string.
        unsafe { *endptr = s.add(p.map_or(0, |p| p.end)).cast_mut() };
    }
    if p.is_none() {
        Errno::EINVAL.set_last();
    }
    p
}

/// Sets `ERANGE` when `out_of_range`; returns `v`.
fn range<T>((v, out_of_range): (T, bool)) -> T {
    if out_of_range {
        Errno::ERANGE.set_last();
    }
    v
}

/// strtol(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long {
    // SAFETY: forwarded from C.
    unsafe { parse_c(s, end, base) }.map_or(0, |p| range(p.signed(c_long::MAX as u64)) as c_long)
}

/// strtoll(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoll(
    s: *const c_char,
    end: *mut *mut c_char,
    base: c_int,
) -> c_longlong {
    // SAFETY: forwarded from C.
    unsafe { parse_c(s, end, base) }.map_or(0, |p| range(p.signed(c_longlong::MAX as u64)))
}

/// strtoul(3): "-1" gives `ULONG_MAX`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoul(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulong {
    // SAFETY: forwarded from C.
    unsafe { parse_c(s, end, base) }.map_or(0, |p| {
        range(p.unsigned(u64::MAX >> (64 - c_ulong::BITS))) as c_ulong
    })
}

/// strtoull(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoull(
    s: *const c_char,
    end: *mut *mut c_char,
    base: c_int,
) -> c_ulonglong {
    // SAFETY: forwarded from C.
    unsafe { parse_c(s, end, base) }.map_or(0, |p| range(p.unsigned(u64::MAX)))
}

/// The base-10 value of `s`, wrapped (atoi's overflow is undefined); errno
/// is left alone.
///
/// # Safety
/// `s` is a NUL-terminated string.
unsafe fn ato(s: *const c_char) -> i64 {
    // SAFETY: s is NUL-terminated.
    let bytes = unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes();
    parse_int(bytes, 10).map_or(0, |p| p.wrapping())
}

/// atoi(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atoi(s: *const c_char) -> c_int {
    // SAFETY: forwarded from C.
    unsafe { ato(s) as c_int }
}

/// atol(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atol(s: *const c_char) -> c_long {
    // SAFETY: forwarded from C.
    unsafe { ato(s) as c_long }
}

/// atoll(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atoll(s: *const c_char) -> c_longlong {
    // SAFETY: forwarded from C.
    unsafe { ato(s) }
}
