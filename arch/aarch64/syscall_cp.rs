//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(a, b, c, d, e, f, nr, cancel)` (AAPCS64): all
//! eight arguments in registers, x0..x5 = a..f (already where `svc` wants
//! them), x6 = nr, x7 = &cancel flag.
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, nr is moved to x8, and `svc #0` (where
//! a blocked, restartable call is reported) is the last instruction in the
//! range. Nothing is saved, so `__muslin_cp_cancel` has nothing to undo.

syscall_cp_thunk! {
    head: [".p2align 2"],
    body: [
        "__muslin_cp_begin:",
        "    ldr w9, [x7]",                // w9 = cancel flag
        "    cbnz w9, __muslin_cp_cancel", // requested: don't make the call
        "    mov x8, x6",                  // x8 = nr; x0..x5 = a..f already
        "    svc #0",                      // x0 = raw result
        "__muslin_cp_end:",
        "    ret",                         // x0 = result, to x30
        "__muslin_cp_cancel:",
        "    b __muslin_cp_cancelled",     // x30 intact: tail-call, returns -ECANCELED
    ]
}
