//! `long double` on powerpc64le: IBM double-double, a high double and a
//! low one whose sum is the value.

use core::ffi::VaList;

/// Reads a `long double` argument as C's `va_arg` does (two consecutive
/// 8-byte slots: the high double, then the low one) and returns it rounded
/// to a double.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> f64 {
    // SAFETY: the argument's two slots, read in order.
    let (hi, lo) = unsafe { (ap.next_arg::<f64>(), ap.next_arg::<f64>()) };
    hi + lo
}

/// `v` as a `long double` (`v` and a zero low part): its bytes in memory
/// order and how many of them matter.
pub fn from_f64(v: f64) -> ([u8; 16], usize) {
    let mut out = [0; 16];
    out[..8].copy_from_slice(&v.to_le_bytes());
    (out, 16)
}
