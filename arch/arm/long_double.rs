//! `long double` on arm (EABI): the same as `double`.

use crate::fmt::ldfloat::LdFormat;
use core::ffi::{VaList, c_char};

/// The layout printf and scanf decode and encode.
pub const FORMAT: LdFormat = LdFormat::Double;

/// Steps over a `long double` argument as C's `va_arg` does (a double,
/// 8-aligned) and returns its address. The arm `va_list` is a pointer into
/// the argument area.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> *const u8 {
    let raw = (ap as *mut VaList<'_>).cast::<*const u8>();
    // SAFETY: `VaList` is the C `va_list` pointer; the argument is the 8
    // bytes at its next 8-aligned address.
    unsafe {
        let p = (*raw).map_addr(|a| (a + 7) & !7);
        *raw = p.add(8);
        p
    }
}

/// The double at `p`, as bits.
///
/// # Safety
/// `p` points at 8 readable bytes.
pub unsafe fn load(p: *const u8) -> u128 {
    // SAFETY: as the caller says.
    u64::from_le_bytes(unsafe { p.cast::<[u8; 8]>().read_unaligned() }) as u128
}

/// The bytes of the `long double` with these bits, in memory order, and
/// how many of them matter.
pub fn to_bytes(bits: u128) -> ([u8; 16], usize) {
    let mut out = [0; 16];
    out[..8].copy_from_slice(&(bits as u64).to_le_bytes());
    (out, 8)
}

unsafe extern "C" {
    /// strtold's body (`src/c/strtod.rs`): the value's bits to `*out`.
    fn __muslin_strtold_bits(s: *const c_char, end: *mut *mut c_char, out: *mut u128);
}

/// strtold(3): a double.
///
/// # Safety
/// `s` is NUL-terminated; `end` is null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtold(s: *const c_char, end: *mut *mut c_char) -> f64 {
    let mut bits = 0u128;
    // SAFETY: as the caller says; `bits` is writable.
    unsafe { __muslin_strtold_bits(s, end, &mut bits) };
    f64::from_bits(bits as u64)
}
