//! `<inttypes.h>`'s functions. `intmax_t` is 64 bits on every arch muslin
//! supports (`long` on the 64-bit ones, `long long` on i386 and arm), so
//! these are the `long long` functions under other names.

use super::stdlib::Div;
use core::ffi::c_char;
use core::ffi::c_int;

/// imaxabs(3); `imaxabs(INTMAX_MIN)` (undefined in C) gives `INTMAX_MIN`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn imaxabs(x: i64) -> i64 {
    x.wrapping_abs()
}

/// imaxdiv(3): quotient rounded toward zero, remainder with the dividend's
/// sign.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn imaxdiv(a: i64, b: i64) -> Div<i64> {
    Div {
        quot: a.wrapping_div(b),
        rem: a.wrapping_rem(b),
    }
}

/// strtoimax(3): `strtoll`, since `intmax_t` is `long long`'s width.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtoimax(s: *const c_char, end: *mut *mut c_char, base: c_int) -> i64 {
    // SAFETY: forwarded with strtoll's contract.
    unsafe { super::strtol::strtoll(s, end, base) }
}

/// strtoumax(3): `strtoull`, since `uintmax_t` is `unsigned long long`'s
/// width.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtoumax(s: *const c_char, end: *mut *mut c_char, base: c_int) -> u64 {
    // SAFETY: forwarded with strtoull's contract.
    unsafe { super::strtol::strtoull(s, end, base) }
}
