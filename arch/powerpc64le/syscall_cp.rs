//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(a, b, c, d, e, f, nr, cancel)` (ELFv2 C ABI):
//! r3–r8 = a..f, r9 = nr, r10 = &cancel flag (all eight in registers). The
//! syscall arguments come first so that they already sit where `sc` wants
//! them: only nr moves, to r0. Between `__muslin_cp_begin` and
//! `__muslin_cp_end` the syscall has not taken effect: the flag is tested,
//! nr is moved, and `sc` (where a blocked, restartable call is reported) is
//! the last instruction in the range. Errors come back as a positive errno
//! with cr0.SO set; the negation to -errno happens after `__muslin_cp_end`.
//! `__muslin_cp_cancel` leaves as if the call had never started: nothing
//! was saved, so it tail-branches to `__muslin_cp_cancelled` (r2 is still
//! the caller's TOC, which is the one TOC of a static program).

syscall_cp_thunk! {
    body: [
        "__muslin_cp_begin:",
        "    lwz 0, 0(10)",            // r0 = cancel flag (32 bits) via r10
        "    cmpwi 0, 0",              // cr0 = r0 compared with 0
        "    bne- __muslin_cp_cancel", // requested: don't make the call
        "    mr 0, 9",                 // r0 = nr (r3–r8 = a..f are in place)
        "    sc",                      // r3 = result, cr0.SO = error
        "__muslin_cp_end:",
        "    bnslr+",                  // no error: return r3
        "    neg 3, 3",                // r3 = -errno
        "    blr",                     // return r3
        "__muslin_cp_cancel:",
        "    b __muslin_cp_cancelled", // lr = our caller: returns -ECANCELED to it
    ]
}
