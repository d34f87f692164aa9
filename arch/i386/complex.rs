//! `float _Complex` in the i386 C ABI: an argument is two floats on the
//! stack, like the struct, but the result comes back in `edx:eax` (the real
//! part's bits in `eax`), where a struct would be returned in memory.

use super::super::ComplexF32;

/// A `float _Complex` argument as it arrives (on the stack, like the struct).
pub type F32Arg = ComplexF32;

/// A `float _Complex` result: a 64-bit integer is returned in `edx:eax`.
pub type F32Ret = u64;

/// The argument's value.
///
/// # Safety
/// Nothing to uphold here (the signature is the contract's).
pub unsafe fn f32_arg(a: F32Arg) -> ComplexF32 {
    a
}

/// The value as a result: the real part's bits low (`eax`), the imaginary
/// part's high (`edx`).
pub fn f32_ret(z: ComplexF32) -> F32Ret {
    u64::from(z.re.to_bits()) | u64::from(z.im.to_bits()) << 32
}
