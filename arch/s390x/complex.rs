//! `float _Complex` in the s390x C ABI: an argument is passed by reference
//! (the caller's copy; a struct of two floats would travel in one
//! general register instead), and the result is returned in memory, as
//! the struct is.

use super::super::ComplexF32;

/// A `float _Complex` argument: a pointer to the caller's copy.
#[repr(transparent)]
pub struct F32Arg(*const ComplexF32);

/// A `float _Complex` result, returned in memory like the struct.
pub type F32Ret = ComplexF32;

/// The argument's value.
///
/// # Safety
/// `a` must be an argument as the C caller passed it (a valid pointer).
pub unsafe fn f32_arg(a: F32Arg) -> ComplexF32 {
    // SAFETY: the ABI passes a pointer to a readable copy of the value.
    unsafe { a.0.read() }
}

/// The value as a result.
pub fn f32_ret(z: ComplexF32) -> F32Ret {
    z
}
