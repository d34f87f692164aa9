//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(cancel, nr, a, b, c, d, e, f)` (s390x ELF C
//! ABI): r2 = &cancel flag, r3 = nr, r4 r5 r6 = a b c, and d e f at
//! 160/168/176(r15) in the caller's parameter area. The call wants nr in r1
//! and a..f in r2–r7, and r6/r7 are callee-saved: they go to the caller's
//! register save area before `__muslin_cp_begin` and come back on both
//! exits. Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has
//! not taken effect: the flag is tested, arguments are moved, and `svc 0`
//! (where a blocked, restartable call is reported) is the last instruction
//! in the range. r15 never changes, so `__muslin_cp_cancel` finds the saved
//! registers wherever in the range the thread was sent from.

core::arch::global_asm!(
    ".pushsection .text.__muslin_syscall_cp_asm,\"ax\",@progbits",
    ".globl __muslin_syscall_cp_asm",
    ".hidden __muslin_syscall_cp_asm",
    ".type __muslin_syscall_cp_asm,@function",
    ".globl __muslin_cp_begin",
    ".hidden __muslin_cp_begin",
    ".globl __muslin_cp_end",
    ".hidden __muslin_cp_end",
    ".globl __muslin_cp_cancel",
    ".hidden __muslin_cp_cancel",
    "__muslin_syscall_cp_asm:",
    "    stmg %r6, %r7, 48(%r15)", // caller's save area: r6, r7 (callee-saved)
    "__muslin_cp_begin:",
    "    lt %r0, 0(%r2)",         // r0 = cancel flag (32 bits), cc = its sign
    "    jnz __muslin_cp_cancel", // requested: don't make the call
    "    lgr %r1, %r3",           // r1 = nr
    "    lgr %r2, %r4",           // r2 = a
    "    lgr %r3, %r5",           // r3 = b
    "    lgr %r4, %r6",           // r4 = c
    "    lg %r5, 160(%r15)",      // r5 = d
    "    lg %r6, 168(%r15)",      // r6 = e
    "    lg %r7, 176(%r15)",      // r7 = f
    "    svc 0",                  // r2 = result or -errno
    "__muslin_cp_end:",
    "    lmg %r6, %r7, 48(%r15)", // restore r6, r7
    "    br %r14",                // return r2
    "__muslin_cp_cancel:",
    "    lmg %r6, %r7, 48(%r15)",   // restore r6, r7
    "    jg __muslin_cp_cancelled", // r14 = our caller: returns -ECANCELED to it
    ".size __muslin_syscall_cp_asm, . - __muslin_syscall_cp_asm",
    ".popsection",
);
