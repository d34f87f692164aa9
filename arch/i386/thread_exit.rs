//! The last steps of a detached thread: unmap its own stack, then exit,
//! touching no memory in between (the stack is gone after `munmap`).
//!
//! `__muslin_unmap_and_exit(base, len)` (cdecl): [esp+4] = base,
//! [esp+8] = len, both loaded into registers before the stack goes away.
//! Both calls use `int $0x80`: `__kernel_vsyscall` would push onto, and
//! return through, the stack that no longer exists.

use linux_raw_sys::general::{__NR_exit, __NR_munmap};

core::arch::global_asm!(
    ".pushsection .text.__muslin_unmap_and_exit,\"ax\",@progbits",
    ".globl __muslin_unmap_and_exit",
    ".hidden __muslin_unmap_and_exit",
    ".type __muslin_unmap_and_exit, @function",
    "__muslin_unmap_and_exit:",
    "    mov ebx, dword ptr [esp + 4]", // ebx = base
    "    mov ecx, dword ptr [esp + 8]", // ecx = len
    "    mov eax, {nr_munmap}",         // eax = SYS_munmap(ebx = base, ecx = len)
    "    int 0x80",                     // the stack is gone from here on
    "    xor ebx, ebx",                 // ebx = status 0
    "    mov eax, {nr_exit}",           // eax = SYS_exit: this thread only
    "    int 0x80",                     // never returns
    "    ud2",
    ".size __muslin_unmap_and_exit, . - __muslin_unmap_and_exit",
    ".popsection",
    nr_munmap = const __NR_munmap,
    nr_exit = const __NR_exit,
);
