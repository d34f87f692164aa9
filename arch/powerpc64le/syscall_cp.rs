//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(cancel, nr, a, b, c, d, e, f)` (ELFv2 C ABI):
//! r3 = &cancel flag, r4 = nr, r5–r10 = a..f (all eight in registers).
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, arguments are moved into r0 and r3–r8,
//! and `sc` (where a blocked, restartable call is reported) is the last
//! instruction in the range. Errors come back as a positive errno with
//! cr0.SO set; the negation to -errno happens after `__muslin_cp_end`.
//! `__muslin_cp_cancel` leaves as if the call had never started: nothing
//! was saved, so it tail-branches to `__muslin_cp_cancelled` (r2 is still
//! the caller's TOC, which is the one TOC of a static program).

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
    "__muslin_cp_begin:",
    "    lwz 0, 0(3)",             // r0 = cancel flag (32 bits)
    "    cmpwi 0, 0",              // cr0 = r0 compared with 0
    "    bne- __muslin_cp_cancel", // requested: don't make the call
    "    mr 0, 4",                 // r0 = nr
    "    mr 3, 5",                 // r3 = a
    "    mr 4, 6",                 // r4 = b
    "    mr 5, 7",                 // r5 = c
    "    mr 6, 8",                 // r6 = d
    "    mr 7, 9",                 // r7 = e
    "    mr 8, 10",                // r8 = f
    "    sc",                      // r3 = result, cr0.SO = error
    "__muslin_cp_end:",
    "    bnslr+",   // no error: return r3
    "    neg 3, 3", // r3 = -errno
    "    blr",
    "__muslin_cp_cancel:",
    "    b __muslin_cp_cancelled", // lr = our caller: returns -ECANCELED to it
    ".size __muslin_syscall_cp_asm, . - __muslin_syscall_cp_asm",
    ".popsection",
);
