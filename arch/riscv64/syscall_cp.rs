//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(a, b, c, d, e, f, nr, cancel)` (LP64D): all
//! eight arguments in registers, a0..a5 = a..f (already where `ecall` wants
//! them), a6 = nr, a7 = &cancel flag.
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, nr is moved to a7, and `ecall` (where a
//! blocked, restartable call is reported) is the last instruction in the
//! range. Nothing is saved, so `__muslin_cp_cancel` has nothing to undo.

syscall_cp_thunk! {
    head: [".p2align 2"],
    body: [
        "__muslin_cp_begin:",
        "    lw t0, 0(a7)",                // t0 = cancel flag
        "    bnez t0, __muslin_cp_cancel", // requested: don't make the call
        "    mv a7, a6",                   // a7 = nr; a0..a5 = a..f already
        "    ecall",                       // a0 = raw result
        "__muslin_cp_end:",
        "    ret",                         // a0 = result, to ra
        "__muslin_cp_cancel:",
        "    tail __muslin_cp_cancelled",  // ra intact: jump (via t1), returns -ECANCELED
    ]
}
