//! `long double` on s390x: IEEE binary128, big-endian, passed by
//! reference.

use super::binary128::{from_binary128, to_binary128};
use core::ffi::VaList;

/// Reads a `long double` argument as C's `va_arg` does (a pointer to the
/// 16-byte value) and returns it rounded to the nearest double.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> f64 {
    // SAFETY: the argument is a pointer to the 16-byte value.
    let bytes = unsafe { *ap.next_arg::<*const [u8; 16]>() };
    from_binary128(u128::from_be_bytes(bytes))
}

/// `v` as a `long double`: its bytes in memory order and how many of them
/// matter.
pub fn from_f64(v: f64) -> ([u8; 16], usize) {
    (to_binary128(v).to_be_bytes(), 16)
}
