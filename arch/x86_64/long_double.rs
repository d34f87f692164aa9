//! `long double` on x86_64: the x87 80-bit format (10 bytes in a 16-byte,
//! 16-aligned slot).

use crate::fmt::ldfloat::LdFormat;
use core::ffi::VaList;

/// The layout printf and scanf decode and encode.
pub const FORMAT: LdFormat = LdFormat::X87;

/// The System V `va_list` (what `VaList` wraps).
#[repr(C)]
struct Raw {
    gp_offset: u32,
    fp_offset: u32,
    overflow: *const u8,
    save: *const u8,
}

/// Steps over a `long double` argument as C's `va_arg` does and returns
/// its address, which stays valid as long as the `va_list`'s arguments
/// do. A `long double` always goes to the overflow area, 16-aligned: the
/// `va_list` fields are updated directly, as the compiler's `va_arg` does.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> *const u8 {
    let raw = (ap as *mut VaList<'_>).cast::<Raw>();
    // SAFETY: `VaList` is the C `va_list` struct; the argument is the 16
    // bytes at the next 16-aligned overflow address.
    unsafe {
        let p = (*raw).overflow.map_addr(|a| (a + 15) & !15);
        (*raw).overflow = p.add(16);
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
    "sub rsp, 24",  // 16-byte buffer; rsp 16-aligned for the call
    "mov rdx, rsp", // out = the buffer (rdi = s, rsi = end as given)
    "call __muslin_strtold_bits",
    "fld tbyte ptr [rsp]", // st(0) = the long double in the buffer
    "add rsp, 24",
    "ret",
    ".size strtold, . - strtold",
    ".popsection",
);
