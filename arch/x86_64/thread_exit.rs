//! The last steps of a detached thread (see `unmap_and_exit!`).
//!
//! `__muslin_unmap_and_exit(base, len)` (C ABI): rdi = base, rsi = len.

unmap_and_exit! {
    munmap: "    mov eax, {munmap}", // rax = __NR_munmap(rdi = base, rsi = len)
    syscall: "    syscall",          // rax = result, ignored
    status: "    xor edi, edi",      // rdi = status 0
    exit: "    mov eax, {exit}",     // rax = __NR_exit: this thread only
    trap: "    ud2",
}
