//! `long double` on i386: the x87 80-bit format, 12 bytes and 4-aligned in
//! the argument area.

use crate::fmt::ldfloat::LdFormat;
use core::ffi::VaList;

/// The layout printf and scanf decode and encode.
pub const FORMAT: LdFormat = LdFormat::X87;

/// Steps over a `long double` argument as C's `va_arg` does (three 32-bit
/// slots) and returns its address. The i386 `va_list` is a pointer into
/// the argument area.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> *const u8 {
    let raw = (ap as *mut VaList<'_>).cast::<*const u8>();
    // SAFETY: `VaList` is the C `va_list` pointer; the argument is the 12
    // bytes at it.
    unsafe {
        let p = *raw;
        *raw = p.add(12);
        p
    }
}

pub use super::x87::{load, to_bytes};

// strtold(3): `long double` comes back in st(0), which Rust cannot
// return, so the entry is assembly around `__muslin_strtold_bits`
// (`src/c/strtod.rs`), which writes the value's 80 bits to a stack buffer.
core::arch::global_asm!(
    ".pushsection .text.strtold,\"ax\",%progbits",
    ".weak strtold",
    ".type strtold, %function",
    "strtold:",
    "sub esp, 44",         // 3 argument slots, pad, 16-byte buffer at esp+16
    "mov eax, [esp + 48]", // s
    "mov [esp], eax",
    "mov eax, [esp + 52]", // end
    "mov [esp + 4], eax",
    "lea eax, [esp + 16]", // out = the buffer
    "mov [esp + 8], eax",
    "call __muslin_strtold_bits",
    "fld tbyte ptr [esp + 16]", // st(0) = the long double in the buffer
    "add esp, 44",
    "ret",
    ".size strtold, . - strtold",
    ".popsection",
);
