//! The `long double` maths functions on x86_64: naked entries that hand
//! the stack arguments to the x87 code in `x87_math.rs` and return its
//! result in `st(0)`.
//!
//! System V passes each `long double` argument in memory, in a 16-byte,
//! 16-aligned stack slot (the first at `rsp + 8` on entry, after the return
//! address), and `int`, `long` and pointer arguments in `rdi`, `rsi`, ...
//! regardless of the `long double` ones; a `long double` result is in
//! `st(0)`.

#[path = "x87_math.rs"]
mod x87_math;

use x87_math as m;

/// `LDBL_MANT_DIG`: the x87 format has a 64-bit significand.
pub const LDBL_MANT_DIG: u32 = 64;

/// The distance between consecutive `long double` stack arguments.
const STRIDE: usize = 16;

/// A C function returning `long double`: calls `$inner(out, args, i)`
/// with `out` a 16-byte slot on the stack, `args` the first stack argument
/// and `i` the first integer or pointer argument (`rdi`), then loads the
/// result into `st(0)`. (`$ioff`, where i386 finds that argument, is not
/// needed here.)
macro_rules! ld_fn {
    ($($(#[$doc:meta])* $name:ident => $inner:path, $ioff:literal;)*) => {$(
        $(#[$doc])*
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                "sub rsp, 24",         // the result slot at rsp; rsp 16-aligned for the call
                "mov rdx, rdi",        // third: the integer or pointer argument, if any
                "lea rsi, [rsp + 32]", // second: the first long double (entry rsp + 8)
                "mov rdi, rsp",        // first: where the result goes
                "call {inner}",
                "fld tbyte ptr [rsp]", // st(0) = the result
                "add rsp, 24",
                "ret",
                inner = sym $inner,
            )
        }
    )*};
}

/// A C function whose result is not a `long double` (an integer, or the
/// double or float of `nexttoward`/`nexttowardf`, whose `x` stays in
/// `xmm0`): tail-calls `$inner` with the stack arguments' address in `rdi`.
macro_rules! other_fn {
    ($($(#[$doc:meta])* $name:ident => $inner:path;)*) => {$(
        $(#[$doc])*
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                "lea rdi, [rsp + 8]", // the first long double argument
                "jmp {inner}",
                inner = sym $inner,
            )
        }
    )*};
}

include!("x87_entries.rs");

other_fn! {
    /// nexttoward(3): `x` in `xmm0`, the `long double` on the stack.
    nexttoward => m::nexttoward;
    /// nexttowardf(3).
    nexttowardf => m::nexttowardf;
}
