//! The x87 FPU's conversions between its 80-bit format and double, for
//! `long double` on x86_64 and i386 (which includes this file).

use core::arch::asm;

/// The 80-bit value at `p`, rounded to the nearest double.
///
/// # Safety
/// `p` points at 10 readable bytes holding an x87 extended value.
pub unsafe fn to_f64(p: *const u8) -> f64 {
    let mut d = 0f64;
    // SAFETY: `fld` pushes the 10 bytes at p onto the empty x87 stack and
    // `fstp` pops them into `d` as the nearest double (round to nearest,
    // the default control word).
    unsafe {
        asm!(
            "fld tbyte ptr [{p}]",     // st(0) = the long double at p
            "fstp qword ptr [{d}]",    // d = st(0) as a double; pop
            p = in(reg) p,
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
