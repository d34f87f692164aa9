//! The last steps of a detached thread: unmap its own stack, then exit,
//! touching no memory in between (the stack is gone after `munmap`).
//!
//! `__muslin_unmap_and_exit(base, len)` (LP64D): a0 = base, a1 = len.

core::arch::global_asm!(
    ".pushsection .text.__muslin_unmap_and_exit,\"ax\",@progbits",
    ".globl __muslin_unmap_and_exit",
    ".hidden __muslin_unmap_and_exit",
    ".p2align 2",
    "__muslin_unmap_and_exit:",
    "    li a7, 215", // a7 = __NR_munmap(a0 = base, a1 = len)
    "    ecall",      // a0 = result (ignored)
    "    li a0, 0",   // a0 = status 0
    "    li a7, 93",  // a7 = __NR_exit: this thread only
    "    ecall",      // never returns
    "    unimp",      // trap if it did
    ".popsection",
);
