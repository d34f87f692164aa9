//! The last steps of a detached thread (see `unmap_and_exit!`).
//!
//! `__muslin_unmap_and_exit(base, len)` (LP64D): a0 = base, a1 = len.

unmap_and_exit! {
    head: [".p2align 2"],
    munmap: "    li a7, {munmap}", // a7 = __NR_munmap(a0 = base, a1 = len)
    syscall: "    ecall",          // a0 = result, ignored
    status: "    li a0, 0",        // a0 = status 0
    exit: "    li a7, {exit}",     // a7 = __NR_exit: this thread only
    trap: "    unimp",
}
