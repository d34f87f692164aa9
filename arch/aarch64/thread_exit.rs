//! The last steps of a detached thread: unmap its own stack, then exit,
//! touching no memory in between (the stack is gone after `munmap`).
//!
//! `__muslin_unmap_and_exit(base, len)` (AAPCS64): x0 = base, x1 = len.

core::arch::global_asm!(
    ".pushsection .text.__muslin_unmap_and_exit,\"ax\",@progbits",
    ".globl __muslin_unmap_and_exit",
    ".hidden __muslin_unmap_and_exit",
    ".p2align 2",
    "__muslin_unmap_and_exit:",
    "    mov x8, #215", // x8 = __NR_munmap(x0 = base, x1 = len)
    "    svc #0",       // x0 = result (ignored)
    "    mov x0, #0",   // x0 = status 0
    "    mov x8, #93",  // x8 = __NR_exit: this thread only
    "    svc #0",       // never returns
    "    udf #0",       // trap if it did
    ".popsection",
);
