//! `long double` on aarch64: IEEE binary128, little-endian.

use super::binary128::{from_binary128, to_binary128};
use core::ffi::VaList;

/// The AAPCS64 `va_list` (what `VaList` wraps).
#[repr(C)]
struct Raw {
    stack: *const u8,
    gr_top: *const u8,
    vr_top: *const u8,
    gr_offs: i32,
    vr_offs: i32,
}

/// Reads a `long double` argument as C's `va_arg` does and returns it
/// rounded to the nearest double: one 16-byte vector register slot, or 16
/// aligned bytes on the stack once those run out.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> f64 {
    let raw = (ap as *mut VaList<'_>).cast::<Raw>();
    // SAFETY: `VaList` is the C `va_list` struct; the argument is where
    // the procedure call standard puts it.
    unsafe {
        let offs = (*raw).vr_offs;
        if offs < 0 {
            (*raw).vr_offs = offs + 16;
        }
        let p = if offs < 0 && offs + 16 <= 0 {
            (*raw).vr_top.offset(offs as isize)
        } else {
            let p = (*raw).stack.map_addr(|a| (a + 15) & !15);
            (*raw).stack = p.add(16);
            p
        };
        from_binary128(u128::from_le_bytes(*p.cast::<[u8; 16]>()))
    }
}

/// `v` as a `long double`: its bytes in memory order and how many of them
/// matter.
pub fn from_f64(v: f64) -> ([u8; 16], usize) {
    (to_binary128(v).to_le_bytes(), 16)
}
