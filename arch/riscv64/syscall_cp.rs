//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(cancel, nr, a, b, c, d, e, f)` (LP64D): all
//! eight arguments in registers, a0 = &cancel flag, a1 = nr, a2..a7 = a..f.
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, arguments are moved, and `ecall`
//! (always 4 bytes, where a blocked, restartable call is reported) is the
//! last instruction in the range. Nothing is saved, so `__muslin_cp_cancel`
//! has nothing to undo.

core::arch::global_asm!(
    ".pushsection .text.__muslin_syscall_cp_asm,\"ax\",@progbits",
    ".globl __muslin_syscall_cp_asm",
    ".hidden __muslin_syscall_cp_asm",
    ".globl __muslin_cp_begin",
    ".hidden __muslin_cp_begin",
    ".globl __muslin_cp_end",
    ".hidden __muslin_cp_end",
    ".globl __muslin_cp_cancel",
    ".hidden __muslin_cp_cancel",
    ".p2align 2",
    "__muslin_syscall_cp_asm:",
    "__muslin_cp_begin:",
    "    lw t0, 0(a0)",                // t0 = cancel flag
    "    bnez t0, __muslin_cp_cancel", // requested: don't make the call
    "    mv t0, a1",                   // t0 = nr (a7 still holds f)
    "    mv a0, a2",                   // a0 = a
    "    mv a1, a3",                   // a1 = b
    "    mv a2, a4",                   // a2 = c
    "    mv a3, a5",                   // a3 = d
    "    mv a4, a6",                   // a4 = e
    "    mv a5, a7",                   // a5 = f
    "    mv a7, t0",                   // a7 = nr
    "    ecall",                       // a0 = raw result
    "__muslin_cp_end:",
    "    ret", // a0 = result, to ra
    "__muslin_cp_cancel:",
    "    tail __muslin_cp_cancelled", // ra intact: jump (via t1), returns -ECANCELED
    ".popsection",
);
