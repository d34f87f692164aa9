//! `long double` on x86_64: the x87 80-bit format (10 bytes in a 16-byte,
//! 16-aligned slot), converted to and from double by the FPU itself.

use core::arch::asm;
use core::ffi::VaList;

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
    let out: f64;
    // SAFETY: `VaList` is the C `va_list` struct; the argument is the 16
    // bytes at the next 16-aligned overflow address. `fld` pushes the
    // 80-bit value onto the empty x87 stack and `fstp` pops it as the
    // nearest double (round to nearest, the default control word).
    unsafe {
        let p = (*raw).overflow.map_addr(|a| (a + 15) & !15);
        (*raw).overflow = p.add(16);
        let mut d = 0f64;
        asm!(
            "fld tbyte ptr [{p}]",     // st(0) = the long double at p
            "fstp qword ptr [{d}]",    // d = st(0) as a double; pop
            p = in(reg) p,
            d = in(reg) &raw mut d,
            out("st(0)") _,
            options(nostack),
        );
        out = d;
    }
    out
}

/// `v` as a `long double`: its bytes in memory order and how many of them
/// matter (the FPU widens exactly).
pub fn from_f64(v: f64) -> ([u8; 16], usize) {
    let mut out = [0u8; 16];
    // SAFETY: `fld` pushes the double at &v onto the empty x87 stack and
    // `fstp` pops it as 10 bytes into `out`.
    unsafe {
        asm!(
            "fld qword ptr [{v}]",     // st(0) = v
            "fstp tbyte ptr [{o}]",    // out[..10] = st(0); pop
            v = in(reg) &v,
            o = in(reg) out.as_mut_ptr(),
            out("st(0)") _,
            options(nostack),
        );
    }
    (out, 10)
}
