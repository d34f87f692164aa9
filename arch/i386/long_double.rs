//! `long double` on i386: the x87 80-bit format, 12 bytes and 4-aligned in
//! the argument area, converted to and from double by the FPU itself.

use core::ffi::VaList;

pub use super::x87::from_f64;

/// Reads a `long double` argument as C's `va_arg` does (three 32-bit
/// slots) and returns it rounded to the nearest double.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> f64 {
    // SAFETY: the argument's three slots, read in order; they hold the
    // 80-bit value in their first 10 bytes.
    unsafe {
        let slots: [u32; 3] = [ap.next_arg(), ap.next_arg(), ap.next_arg()];
        super::x87::to_f64(slots.as_ptr().cast())
    }
}
