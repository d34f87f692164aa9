//! `long double` on aarch64: IEEE binary128, little-endian.

use crate::fmt::ldfloat::LdFormat;
use core::ffi::VaList;

/// The layout printf and scanf decode and encode.
pub const FORMAT: LdFormat = LdFormat::Binary128;

/// The AAPCS64 `va_list` (what `VaList` wraps).
#[repr(C)]
struct Raw {
    stack: *const u8,
    gr_top: *const u8,
    vr_top: *const u8,
    gr_offs: i32,
    vr_offs: i32,
}

/// Steps over a `long double` argument as C's `va_arg` does and returns
/// its address: one 16-byte vector register slot, or 16 aligned bytes on
/// the stack once those run out.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> *const u8 {
    let raw = (ap as *mut VaList<'_>).cast::<Raw>();
    // SAFETY: `VaList` is the C `va_list` struct; the argument is where
    // the procedure call standard puts it.
    unsafe {
        let offs = (*raw).vr_offs;
        if offs < 0 {
            (*raw).vr_offs = offs + 16;
        }
        if offs < 0 && offs + 16 <= 0 {
            (*raw).vr_top.offset(offs as isize)
        } else {
            let p = (*raw).stack.map_addr(|a| (a + 15) & !15);
            (*raw).stack = p.add(16);
            p
        }
    }
}

/// The 16 bytes at `p`.
///
/// # Safety
/// `p` points at 16 readable bytes.
pub unsafe fn load(p: *const u8) -> u128 {
    // SAFETY: as the caller says.
    u128::from_le_bytes(unsafe { p.cast::<[u8; 16]>().read_unaligned() })
}

/// The bytes of the `long double` with these bits, in memory order, and
/// how many of them matter.
pub fn to_bytes(bits: u128) -> ([u8; 16], usize) {
    (bits.to_le_bytes(), 16)
}

// strtold(3): `long double` comes back in q0, which stable Rust has no
// type for, so the entry is assembly around `__muslin_strtold_bits`
// (`src/c/strtod.rs`), which writes the value's bits to a stack buffer.
core::arch::global_asm!(
    ".pushsection .text.strtold,\"ax\",%progbits",
    ".weak strtold",
    ".type strtold, %function",
    "strtold:",
    "stp x29, x30, [sp, -32]!", // frame; 16-byte buffer at sp+16
    "mov x29, sp",
    "add x2, sp, 16", // out = the buffer (x0 = s, x1 = end)
    "bl __muslin_strtold_bits",
    "ldr q0, [sp, 16]", // q0 = the long double in the buffer
    "ldp x29, x30, [sp], 32",
    "ret",
    ".size strtold, . - strtold",
    ".popsection",
);
