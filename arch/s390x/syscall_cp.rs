//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(a, b, c, d, e, f, nr, cancel)` (s390x ELF C
//! ABI): r2–r6 = a..e, and f, nr, &cancel flag at 160/168/176(r15) in the
//! caller's parameter area. The syscall arguments come first so that a..e
//! already sit where `svc 0` wants them; it also wants f in r7 and nr in
//! r1. r7 is callee-saved: it goes to its slot in the caller's register
//! save area before `__muslin_cp_begin` and comes back on both exits (r6
//! holds e throughout and is never written). Between `__muslin_cp_begin`
//! and `__muslin_cp_end` the syscall has not taken effect: the flag is
//! tested, nr and f are loaded, and `svc 0` (where a blocked, restartable
//! call is reported) is the last instruction in the range. r15 never
//! changes, so `__muslin_cp_cancel` finds the saved r7 wherever in the
//! range the thread was sent from.

syscall_cp_thunk! {
    body: [
        "    stg %r7, 56(%r15)",        // caller's save area: r7 (callee-saved)
        "__muslin_cp_begin:",
        "    lg %r1, 176(%r15)",        // r1 = &cancel flag
        "    lt %r0, 0(%r1)",           // r0 = cancel flag (32 bits), cc = its sign
        "    jnz __muslin_cp_cancel",   // requested: don't make the call
        "    lg %r1, 168(%r15)",        // r1 = nr
        "    lg %r7, 160(%r15)",        // r7 = f (r2–r6 = a..e are in place)
        "    svc 0",                    // r2 = result or -errno
        "__muslin_cp_end:",
        "    lg %r7, 56(%r15)",         // restore r7
        "    br %r14",                  // return r2
        "__muslin_cp_cancel:",
        "    lg %r7, 56(%r15)",         // restore r7
        "    jg __muslin_cp_cancelled", // r14 = our caller: returns -ECANCELED to it
    ]
}
