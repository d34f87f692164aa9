//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(cancel, nr, a, b, c, d, e, f)` (LP64 C ABI, all
//! eight arguments in registers): `$a0` = &cancel flag, `$a1` = nr,
//! `$a2..$a7` = a..f. The kernel wants nr in `$a7` and a..f in `$a0..$a5`.
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, arguments are moved, and `syscall 0`
//! (where a blocked, restartable call is reported) is the last instruction
//! in the range. Nothing is saved or pushed, so `__muslin_cp_cancel` only
//! has to branch to the cancel exit; `$ra` still holds our caller's return
//! address there, so `__muslin_cp_cancelled` returns `-ECANCELED` to it.

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
    "    ld.w $t0, $a0, 0",             // t0 = cancel flag (32-bit)
    "    bnez $t0, __muslin_cp_cancel", // requested: don't make the call
    "    move $t0, $a1",                // t0 = nr (a1 is needed for b)
    "    move $a0, $a2",                // a0 = a
    "    move $a1, $a3",                // a1 = b
    "    move $a2, $a4",                // a2 = c
    "    move $a3, $a5",                // a3 = d
    "    move $a4, $a6",                // a4 = e
    "    move $a5, $a7",                // a5 = f
    "    move $a7, $t0",                // a7 = nr
    "    syscall 0",                    // a0 = raw result
    "__muslin_cp_end:",
    "    jr $ra", // return a0 = result
    "__muslin_cp_cancel:",
    "    b __muslin_cp_cancelled", // nothing saved: tail-call, returns -ECANCELED via ra
    ".size __muslin_syscall_cp_asm, . - __muslin_syscall_cp_asm",
    ".popsection",
);
