//! The last steps of a detached thread: unmap its own stack, then exit,
//! touching no memory in between (the stack is gone after `munmap`).
//!
//! `__muslin_unmap_and_exit(base, len)` (s390x ELF C ABI): r2 = base, r3 = len.

use linux_raw_sys::general::{__NR_exit, __NR_munmap};

core::arch::global_asm!(
    ".pushsection .text.__muslin_unmap_and_exit,\"ax\",@progbits",
    ".globl __muslin_unmap_and_exit",
    ".hidden __muslin_unmap_and_exit",
    ".type __muslin_unmap_and_exit,@function",
    "__muslin_unmap_and_exit:",
    "    lghi %r1, {munmap}", // r1 = SYS_munmap(r2 = base, r3 = len)
    "    svc 0",
    "    lghi %r2, 0",        // r2 = status 0
    "    lghi %r1, {exit}",   // r1 = SYS_exit: this thread only
    "    svc 0",
    "    .2byte 0",           // illegal instruction: trap
    ".size __muslin_unmap_and_exit, . - __muslin_unmap_and_exit",
    ".popsection",
    munmap = const __NR_munmap,
    exit = const __NR_exit,
);
