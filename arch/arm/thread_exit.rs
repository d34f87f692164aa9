//! The last steps of a detached thread: unmap its own stack, then exit,
//! touching no memory in between (the stack is gone after `munmap`).
//!
//! `__muslin_unmap_and_exit(base, len)` (AAPCS): r0 = base, r1 = len,
//! already where munmap wants them.

use linux_raw_sys::general::{__NR_exit, __NR_munmap};

core::arch::global_asm!(
    ".pushsection .text.__muslin_unmap_and_exit,\"ax\",%progbits",
    ".arm",
    ".globl __muslin_unmap_and_exit",
    ".hidden __muslin_unmap_and_exit",
    ".type __muslin_unmap_and_exit, %function",
    "__muslin_unmap_and_exit:",
    "    mov r7, #{nr_munmap}", // r7 = SYS_munmap(r0 = base, r1 = len)
    "    svc 0",                // the stack is gone from here on
    "    mov r0, #0",           // r0 = status 0
    "    mov r7, #{nr_exit}",   // r7 = SYS_exit: this thread only
    "    svc 0",                // never returns
    "    udf #0",
    ".size __muslin_unmap_and_exit, . - __muslin_unmap_and_exit",
    ".popsection",
    nr_munmap = const __NR_munmap,
    nr_exit = const __NR_exit,
);
