//! The last steps of a detached thread: unmap its own stack, then exit,
//! touching no memory in between (the stack is gone after `munmap`).
//!
//! `__muslin_unmap_and_exit(base, len)` (ELFv2 C ABI): r3 = base, r4 = len.

use linux_raw_sys::general::{__NR_exit, __NR_munmap};

core::arch::global_asm!(
    ".pushsection .text.__muslin_unmap_and_exit,\"ax\",@progbits",
    ".globl __muslin_unmap_and_exit",
    ".hidden __muslin_unmap_and_exit",
    ".type __muslin_unmap_and_exit,@function",
    "__muslin_unmap_and_exit:",
    "    li 0, {munmap}", // r0 = SYS_munmap(r3 = base, r4 = len)
    "    sc",
    "    li 3, 0",        // r3 = status 0
    "    li 0, {exit}",   // r0 = SYS_exit: this thread only
    "    sc",
    "    trap",
    ".size __muslin_unmap_and_exit, . - __muslin_unmap_and_exit",
    ".popsection",
    munmap = const __NR_munmap,
    exit = const __NR_exit,
);
