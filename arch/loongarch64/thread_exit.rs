//! The last steps of a detached thread: unmap its own stack, then exit,
//! touching no memory in between (the stack is gone after `munmap`).
//!
//! `__muslin_unmap_and_exit(base, len)` (LP64 C ABI): `$a0` = base,
//! `$a1` = len, already where `munmap` wants them.

core::arch::global_asm!(
    ".pushsection .text.__muslin_unmap_and_exit,\"ax\",@progbits",
    ".globl __muslin_unmap_and_exit",
    ".hidden __muslin_unmap_and_exit",
    ".type __muslin_unmap_and_exit,@function",
    "__muslin_unmap_and_exit:",
    "    ori $a7, $zero, 215", // a7 = SYS_munmap(a0 = base, a1 = len)
    "    syscall 0",           // a0 = result, ignored: nothing can be done
    "    move $a0, $zero",     // a0 = status 0
    "    ori $a7, $zero, 93",  // a7 = SYS_exit: this thread only
    "    syscall 0",           // does not return
    "    break 0",             // not reached: trap if it ever does
    ".size __muslin_unmap_and_exit, . - __muslin_unmap_and_exit",
    ".popsection",
);
