//! The x87 80-bit `long double` in memory, for x86_64 and i386 (which
//! includes this file): 8 bytes of significand, then sign and exponent,
//! little-endian.

/// The 80 bits at `p` (low 80 bits of the result).
///
/// # Safety
/// `p` points at 10 readable bytes.
pub unsafe fn load(p: *const u8) -> u128 {
    let mut b = [0u8; 16];
    // SAFETY: as the caller says.
    unsafe { core::ptr::copy_nonoverlapping(p, b.as_mut_ptr(), 10) };
    u128::from_le_bytes(b)
}

/// The bytes of the `long double` with these bits, in memory order, and
/// how many of them matter.
pub fn to_bytes(bits: u128) -> ([u8; 16], usize) {
    (bits.to_le_bytes(), 10)
}
