//! `long double` on arm (EABI): the same as `double`.

use core::ffi::VaList;

/// Reads a `long double` argument as C's `va_arg` does.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> f64 {
    // SAFETY: long double is double on arm.
    unsafe { ap.next_arg::<f64>() }
}

/// `v` as a `long double`: its bytes in memory order and how many of them
/// matter.
pub fn from_f64(v: f64) -> ([u8; 16], usize) {
    let mut out = [0; 16];
    out[..8].copy_from_slice(&v.to_le_bytes());
    (out, 8)
}
