//! `long double` on riscv64 and loongarch64 (which includes this file):
//! IEEE binary128, little-endian.

use super::binary128::{from_binary128, to_binary128};
use core::ffi::VaList;

/// Reads a `long double` argument as C's `va_arg` does and returns it
/// rounded to the nearest double. The `va_list` is a pointer into the
/// saved argument registers and the stack; a `long double` is 16 bytes
/// there, 16-aligned.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> f64 {
    let raw = (ap as *mut VaList<'_>).cast::<*const u8>();
    // SAFETY: `VaList` is the C `va_list` pointer; the argument is the 16
    // bytes at its next 16-aligned address.
    unsafe {
        let p = (*raw).map_addr(|a| (a + 15) & !15);
        *raw = p.add(16);
        from_binary128(u128::from_le_bytes(*p.cast::<[u8; 16]>()))
    }
}

/// `v` as a `long double`: its bytes in memory order and how many of them
/// matter.
pub fn from_f64(v: f64) -> ([u8; 16], usize) {
    (to_binary128(v).to_le_bytes(), 16)
}
