//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(cancel, nr, a, b, c, d, e, f)` (C ABI):
//! rdi = &cancel flag, rsi = nr, rdx rcx r8 r9 [rsp+8] [rsp+16] = a..f.
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, arguments are moved, and the `syscall`
//! instruction (where a blocked, restartable call is reported) is the last
//! one in the range. `__muslin_cp_cancel` leaves as if it had never started.

core::arch::global_asm!(
    ".pushsection .text.__muslin_syscall_cp_asm,\"ax\",@progbits",
    ".globl __muslin_syscall_cp_asm",
    ".hidden __muslin_syscall_cp_asm",
    ".globl __muslin_cp_begin",
    ".hidden __muslin_cp_begin",
    ".globl __muslin_cp_end",
    ".hidden __muslin_cp_end",
    ".globl __muslin_cp_cancel",
    ".hidden __muslin_cp_cancel",
    "__muslin_syscall_cp_asm:",
    "__muslin_cp_begin:",
    "    mov eax, [rdi]", // eax = cancel flag
    "    test eax, eax",
    "    jnz __muslin_cp_cancel", // requested: don't make the call
    "    mov rax, rsi",           // rax = nr
    "    mov rdi, rdx",           // rdi = a
    "    mov rsi, rcx",           // rsi = b
    "    mov rdx, r8",            // rdx = c
    "    mov r10, r9",            // r10 = d
    "    mov r8, [rsp + 8]",      // r8 = e
    "    mov r9, [rsp + 16]",     // r9 = f
    "    syscall",
    "__muslin_cp_end:",
    "    ret", // rax = result
    "__muslin_cp_cancel:",
    "    jmp __muslin_cp_cancelled", // nothing pushed: tail-call, returns -ECANCELED
    ".popsection",
);
