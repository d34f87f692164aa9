//! `long double` on i386: the x87 80-bit format, 12 bytes and 4-aligned in
//! the argument area, converted to and from double by the FPU itself.

use core::arch::asm;
use core::ffi::VaList;

/// Reads a `long double` argument as C's `va_arg` does (three 32-bit
/// slots) and returns it rounded to the nearest double.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> f64 {
    // SAFETY: the argument's three slots, read in order.
    let slots: [u32; 3] = unsafe { [ap.next_arg(), ap.next_arg(), ap.next_arg()] };
    let mut d = 0f64;
    // SAFETY: `fld` pushes the 80-bit value in `slots` onto the empty x87
    // stack and `fstp` pops it into `d` as the nearest double.
    unsafe {
        asm!(
            "fld tbyte ptr [{p}]",     // st(0) = the long double in slots
            "fstp qword ptr [{d}]",    // d = st(0) as a double; pop
            p = in(reg) slots.as_ptr(),
            d = in(reg) &raw mut d,
            out("st(0)") _,
            options(nostack),
        );
    }
    d
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
