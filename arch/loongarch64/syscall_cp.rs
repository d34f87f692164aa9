//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(a, b, c, d, e, f, nr, cancel)` (LP64D): all
//! eight arguments in registers, a0..a5 = a..f (already where `syscall`
//! wants them), a6 = nr, a7 = &cancel flag.
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, nr is moved to a7, and `syscall 0`
//! (where a blocked, restartable call is reported) is the last instruction
//! in the range. Nothing is saved, so `__muslin_cp_cancel` has nothing to
//! undo.

syscall_cp_thunk! {
    body: [
        "__muslin_cp_begin:",
        "    ld.w $t0, $a7, 0",             // t0 = cancel flag (32-bit)
        "    bnez $t0, __muslin_cp_cancel", // requested: don't make the call
        "    move $a7, $a6",                // a7 = nr; a0..a5 = a..f already
        "    syscall 0",                    // a0 = raw result
        "__muslin_cp_end:",
        "    jr $ra",                       // return a0 = result
        "__muslin_cp_cancel:",
        "    b __muslin_cp_cancelled",      // nothing saved: tail-call, returns -ECANCELED via ra
    ]
}
