//! `float _Complex` in the C ABI where it travels exactly like
//! `struct { float re, im; }`, as argument and as result (x86_64, aarch64,
//! arm hard-float, riscv64, powerpc64le, loongarch64; clang lowers both
//! alike there). i386 and s390x have their own `complex.rs`.

use super::super::ComplexF32;

/// A `float _Complex` argument as it arrives.
pub type F32Arg = ComplexF32;

/// A `float _Complex` result as it leaves.
pub type F32Ret = ComplexF32;

/// The argument's value.
///
/// # Safety
/// Nothing to uphold here (the signature is the contract's, which s390x
/// needs unsafe).
pub unsafe fn f32_arg(a: F32Arg) -> ComplexF32 {
    a
}

/// The value as a result.
pub fn f32_ret(z: ComplexF32) -> F32Ret {
    z
}
