//! `long double` on powerpc64le: IBM double-double, a high double and a
//! low one whose sum is the value.

use crate::fmt::ldfloat::LdFormat;
use core::ffi::{VaList, c_char};

/// The layout printf and scanf decode and encode.
pub const FORMAT: LdFormat = LdFormat::IbmDouble;

/// Steps over a `long double` argument as C's `va_arg` does (two
/// consecutive 8-byte slots: the high double, then the low one) and
/// returns its address. The `va_list` is a pointer into the parameter
/// save area.
///
/// # Safety
/// The next argument is a `long double`.
pub unsafe fn next_arg(ap: &mut VaList<'_>) -> *const u8 {
    let raw = (ap as *mut VaList<'_>).cast::<*const u8>();
    // SAFETY: `VaList` is the C `va_list` pointer; the argument is the 16
    // bytes at it.
    unsafe {
        let p = *raw;
        *raw = p.add(16);
        p
    }
}

/// The value at `p`: the high double's bits above the low one's.
///
/// # Safety
/// `p` points at 16 readable bytes.
pub unsafe fn load(p: *const u8) -> u128 {
    // SAFETY: as the caller says.
    let b = unsafe { p.cast::<[u8; 16]>().read_unaligned() };
    let (hi, lo) = b.split_at(8);
    let word = |s: &[u8]| u64::from_le_bytes(s.try_into().unwrap_or_default()) as u128;
    word(hi) << 64 | word(lo)
}

/// The bytes of the `long double` with these bits (high double first),
/// in memory order, and how many of them matter.
pub fn to_bytes(bits: u128) -> ([u8; 16], usize) {
    let mut out = [0; 16];
    out[..8].copy_from_slice(&((bits >> 64) as u64).to_le_bytes());
    out[8..].copy_from_slice(&(bits as u64).to_le_bytes());
    (out, 16)
}

unsafe extern "C" {
    /// strtold's body (`src/c/strtod.rs`): the value's bits to `*out`.
    fn __muslin_strtold_bits(s: *const c_char, end: *mut *mut c_char, out: *mut u128);
}

/// A double-double as returned: the high double in `f1`, the low in `f2`
/// (a homogeneous aggregate of two doubles goes there too).
#[repr(C)]
pub struct DoubleDouble(f64, f64);

/// strtold(3).
///
/// # Safety
/// `s` is NUL-terminated; `end` is null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtold(s: *const c_char, end: *mut *mut c_char) -> DoubleDouble {
    let mut bits = 0u128;
    // SAFETY: as the caller says; `bits` is writable.
    unsafe { __muslin_strtold_bits(s, end, &mut bits) };
    DoubleDouble(
        f64::from_bits((bits >> 64) as u64),
        f64::from_bits(bits as u64),
    )
}
