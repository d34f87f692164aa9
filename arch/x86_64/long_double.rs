//! `long double` on x86_64: the x87 80-bit format (10 bytes in a 16-byte,
//! 16-aligned slot), converted to and from double by the FPU itself.

use core::ffi::VaList;

pub use super::x87::from_f64;

/// The System V `va_list` (what `VaList` wraps).
#[repr(C)]
struct Raw {
    gp_offset: u32,
    fp_offset: u32,
    overflow: *const u8,
    save: *const u8,
}

/// Reads a `long double` argument as C's `va_arg` does and returns it
/// rounded to the nearest double. A `long double` always goes to the
/// overflow area, 16-aligned: the `va_list` fields are updated directly,
/// as the compiler's `va_arg` does.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> f64 {
    let raw = (ap as *mut VaList<'_>).cast::<Raw>();
    // SAFETY: `VaList` is the C `va_list` struct; the argument is the 16
    // bytes at the next 16-aligned overflow address.
    unsafe {
        let p = (*raw).overflow.map_addr(|a| (a + 15) & !15);
        (*raw).overflow = p.add(16);
        super::x87::to_f64(p)
    }
}
