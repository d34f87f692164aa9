//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(a, b, c, d, e, f, nr, cancel)` (AAPCS):
//! r0-r3 = a..d, [sp] [sp+4] [sp+8] [sp+12] = e, f, nr, &cancel flag. The
//! kernel (EABI) takes the number in r7 and a..f in r0-r5, so a..d are
//! already in place; r4, r5 and r7 are callee-saved, so they are pushed
//! before `__muslin_cp_begin` and popped on both ways out. The stack words
//! e, f, nr, &cancel match the ascending register list r4, r5, r7, ip: one
//! `ldm` loads them all, and that `ldm` (which loads the flag's address) is
//! the first instruction of the flag test.
//!
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, e, f and nr are loaded, and `svc 0`
//! (where a blocked, restartable call is reported) is the last instruction
//! in the range. `__muslin_cp_cancel` leaves as if the call had never
//! started.

syscall_cp_thunk! {
    head: [".arm"],
    body: [
        "    mov ip, sp",                 // ip = &e: the stack arguments e, f, nr, &cancel
        "    push {{r4, r5, r7, lr}}",    // save callee-saved r4 (e), r5 (f), r7 (nr); lr
        "__muslin_cp_begin:",
        "    ldm ip, {{r4, r5, r7, ip}}", // r4 = e, r5 = f, r7 = nr, ip = &cancel flag
        "    ldr ip, [ip]",               // ip = cancel flag (r0-r3 = a..d untouched)
        "    cmp ip, #0",                 // cancel flag set?
        "    bne __muslin_cp_cancel",     // requested: don't make the call
        "    svc 0",                      // r0 = raw result
        "__muslin_cp_end:",
        "    pop {{r4, r5, r7, pc}}",     // restore r4 r5 r7; return r0 = raw result
        "__muslin_cp_cancel:",
        // The saved r4, r5, r7 are intact even when the thread was sent here
        // from inside the range.
        "    pop {{r4, r5, r7, lr}}",     // restore r4 r5 r7; lr = caller
        "    b __muslin_cp_cancelled",    // sp as on entry: tail-call, r0 = -ECANCELED
    ]
}
