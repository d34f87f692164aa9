//! `long double` on s390x: IEEE binary128, big-endian, passed by
//! reference.

use crate::fmt::ldfloat::LdFormat;
use core::ffi::{VaList, c_char};

/// The layout printf and scanf decode and encode.
pub const FORMAT: LdFormat = LdFormat::Binary128;

/// Steps over a `long double` argument as C's `va_arg` does (a pointer to
/// the 16-byte value) and returns the value's address.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> *const u8 {
    // SAFETY: the argument is a pointer to the 16-byte value.
    unsafe { ap.next_arg::<*const u8>() }
}

/// The 16 bytes at `p`.
///
/// # Safety
/// `p` points at 16 readable bytes.
pub unsafe fn load(p: *const u8) -> u128 {
    // SAFETY: as the caller says.
    u128::from_be_bytes(unsafe { p.cast::<[u8; 16]>().read_unaligned() })
}

/// The bytes of the `long double` with these bits, in memory order, and
/// how many of them matter.
pub fn to_bytes(bits: u128) -> ([u8; 16], usize) {
    (bits.to_be_bytes(), 16)
}

unsafe extern "C" {
    /// strtold's body (`src/c/strtod.rs`): the value's bits to `*out`.
    fn __muslin_strtold_bits(s: *const c_char, end: *mut *mut c_char, out: *mut u128);
}

/// strtold(3): the ABI returns a `long double` through a pointer the
/// caller passes first (in `r2`), which is what this signature is.
///
/// # Safety
/// `ret` points at 16 writable bytes; `s` is NUL-terminated; `end` is
/// null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtold(ret: *mut u8, s: *const c_char, end: *mut *mut c_char) {
    let mut bits = 0u128;
    // SAFETY: as the caller says; `bits` is writable.
    unsafe { __muslin_strtold_bits(s, end, &mut bits) };
    // SAFETY: the return slot is 16 bytes.
    unsafe { ret.cast::<[u8; 16]>().write_unaligned(to_bytes(bits).0) };
}
