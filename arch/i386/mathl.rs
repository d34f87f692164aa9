//! The `long double` maths functions on i386: naked entries that hand the
//! stack arguments to the x87 code in `x86_64/x87_math.rs` and return its
//! result in `st(0)`.
//!
//! The i386 System V ABI passes every argument on the stack, from `esp + 4`
//! on entry: a `long double` takes 12 bytes (4-aligned), an `int`, `long`
//! or pointer 4, a double 8. Results: `long double`, double and float in
//! `st(0)`, integers in `eax` (`edx:eax` for `long long`). The stack is
//! 16-aligned at each call.

#[path = "../x86_64/x87_math.rs"]
mod x87_math;

use x87_math as m;

/// `LDBL_MANT_DIG`: the x87 format has a 64-bit significand.
pub const LDBL_MANT_DIG: u32 = 64;

/// The distance between consecutive `long double` stack arguments.
const STRIDE: usize = 12;

/// A C function returning `long double`: calls `$inner(out, args, i)`
/// with `out` a 16-byte slot in this frame, `args` the first stack argument
/// and `i` the word `$ioff` bytes after it (the integer or pointer
/// argument, if any), then loads the result into `st(0)`.
macro_rules! ld_fn {
    ($($(#[$doc:meta])* $name:ident => $inner:path, $ioff:literal;)*) => {$(
        $(#[$doc])*
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                "sub esp, 44",                 // esp 16-aligned: 12 on entry, less 44
                "lea eax, [esp + 16]",
                "mov [esp], eax",              // out: the slot at esp + 16
                "lea eax, [esp + 48]",
                "mov [esp + 4], eax",          // args: the first argument (entry esp + 4)
                "mov eax, [esp + 48 + {ioff}]",
                "mov [esp + 8], eax",          // i: the integer or pointer argument
                "call {inner}",
                "fld tbyte ptr [esp + 16]",    // st(0) = the result
                "add esp, 44",
                "ret",
                inner = sym $inner,
                ioff = const $ioff,
            )
        }
    )*};
}

/// A C function returning an integer: calls `$inner(args)` (its result in
/// `eax` or `edx:eax` is the caller's).
macro_rules! other_fn {
    ($($(#[$doc:meta])* $name:ident => $inner:path;)*) => {$(
        $(#[$doc])*
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                "sub esp, 28",          // esp 16-aligned
                "lea eax, [esp + 32]",
                "mov [esp], eax",       // args: the first argument
                "call {inner}",
                "add esp, 28",
                "ret",
                inner = sym $inner,
            )
        }
    )*};
}

include!("../x86_64/x87_entries.rs");

/// nexttoward(3): calls `m::nexttoward(x, &y)` (double `x` at `esp + 4`,
/// the `long double` after it); the double result comes back in `st(0)`.
#[unsafe(naked)]
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nexttoward() {
    core::arch::naked_asm!(
        "sub esp, 28",
        "mov eax, [esp + 32]",
        "mov [esp], eax",      // x, low word
        "mov eax, [esp + 36]",
        "mov [esp + 4], eax",  // x, high word
        "lea eax, [esp + 40]",
        "mov [esp + 8], eax",  // &y
        "call {inner}",
        "add esp, 28",
        "ret",
        inner = sym m::nexttoward,
    )
}

/// nexttowardf(3): calls `m::nexttowardf(x, &y)` (float `x` at `esp + 4`).
#[unsafe(naked)]
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nexttowardf() {
    core::arch::naked_asm!(
        "sub esp, 28",
        "mov eax, [esp + 32]",
        "mov [esp], eax",      // x
        "lea eax, [esp + 36]",
        "mov [esp + 4], eax",  // &y
        "call {inner}",
        "add esp, 28",
        "ret",
        inner = sym m::nexttowardf,
    )
}
