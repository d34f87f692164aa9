//! `long double` on riscv64 and loongarch64 (which includes this file):
//! IEEE binary128, little-endian.

use crate::fmt::ldfloat::LdFormat;
use core::ffi::{VaList, c_char};

/// The layout printf and scanf decode and encode.
pub const FORMAT: LdFormat = LdFormat::Binary128;

/// Steps over a `long double` argument as C's `va_arg` does and returns
/// its address. The `va_list` is a pointer into the saved argument
/// registers and the stack; a `long double` is 16 bytes there, 16-aligned.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> *const u8 {
    let raw = (ap as *mut VaList<'_>).cast::<*const u8>();
    // SAFETY: `VaList` is the C `va_list` pointer; the argument is the 16
    // bytes at its next 16-aligned address.
    unsafe {
        let p = (*raw).map_addr(|a| (a + 15) & !15);
        *raw = p.add(16);
        p
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

unsafe extern "C" {
    /// strtold's body (`src/c/strtod.rs`): the value's bits to `*out`.
    fn __muslin_strtold_bits(s: *const c_char, end: *mut *mut c_char, out: *mut u128);
}

/// strtold(3): IEEE binary128, returned in an integer register pair (as
/// the ABI returns a `long double`), low half first, as a `u128` is.
///
/// # Safety
/// `s` is NUL-terminated; `end` is null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtold(s: *const c_char, end: *mut *mut c_char) -> u128 {
    let mut bits = 0u128;
    // SAFETY: as the caller says; `bits` is writable.
    unsafe { __muslin_strtold_bits(s, end, &mut bits) };
    bits
}
