//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(cancel, nr, a, b, c, d, e, f)` (AAPCS):
//! r0 = &cancel flag, r1 = nr, r2 = a, r3 = b, [sp] [sp+4] [sp+8] [sp+12]
//! = c, d, e, f. The kernel (EABI) takes the number in r7 and a..f in
//! r0-r5; r4, r5 and r7 are callee-saved, so they are pushed before
//! `__muslin_cp_begin` and popped on both ways out.
//!
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, arguments are moved, and `svc 0`
//! (where a blocked, restartable call is reported) is the last instruction
//! in the range. `__muslin_cp_cancel` leaves as if it had never started.

core::arch::global_asm!(
    ".pushsection .text.__muslin_syscall_cp_asm,\"ax\",%progbits",
    ".arm",
    ".globl __muslin_syscall_cp_asm",
    ".hidden __muslin_syscall_cp_asm",
    ".type __muslin_syscall_cp_asm, %function",
    ".globl __muslin_cp_begin",
    ".hidden __muslin_cp_begin",
    ".globl __muslin_cp_end",
    ".hidden __muslin_cp_end",
    ".globl __muslin_cp_cancel",
    ".hidden __muslin_cp_cancel",
    "__muslin_syscall_cp_asm:",
    "    mov ip, sp",              // ip = &c: the stack arguments c, d, e, f
    "    push {{r4, r5, r7, lr}}", // save callee-saved r4 (e), r5 (f), r7 (nr); lr
    "__muslin_cp_begin:",
    "    ldr r0, [r0]", // r0 = cancel flag
    "    cmp r0, #0",
    "    bne __muslin_cp_cancel",     // requested: don't make the call
    "    mov r7, r1",                 // r7 = nr
    "    mov r0, r2",                 // r0 = a
    "    mov r1, r3",                 // r1 = b
    "    ldm ip, {{r2, r3, r4, r5}}", // r2 = c, r3 = d, r4 = e, r5 = f
    "    svc 0",                      // r0 = raw result
    "__muslin_cp_end:",
    "    pop {{r4, r5, r7, pc}}", // restore r4 r5 r7; return r0 = raw result
    "__muslin_cp_cancel:",
    "    pop {{r4, r5, r7, lr}}", // restore r4 r5 r7 (saved copies are intact even
    // when redirected from inside the range); lr = caller
    "    b __muslin_cp_cancelled", // sp as on entry: tail-call, r0 = -ECANCELED
    ".size __muslin_syscall_cp_asm, . - __muslin_syscall_cp_asm",
    ".popsection",
);
