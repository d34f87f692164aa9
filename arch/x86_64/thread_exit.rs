//! The last steps of a detached thread: unmap its own stack, then exit,
//! touching no memory in between (the stack is gone after `munmap`).
//!
//! `__muslin_unmap_and_exit(base, len)` (C ABI): rdi = base, rsi = len.

core::arch::global_asm!(
    ".pushsection .text.__muslin_unmap_and_exit,\"ax\",@progbits",
    ".globl __muslin_unmap_and_exit",
    ".hidden __muslin_unmap_and_exit",
    "__muslin_unmap_and_exit:",
    "    mov eax, 11", // SYS_munmap(rdi = base, rsi = len)
    "    syscall",
    "    xor edi, edi", // status 0
    "    mov eax, 60",  // SYS_exit: this thread only
    "    syscall",
    "    ud2",
    ".popsection",
);
