//! The last steps of a detached thread (see `unmap_and_exit!`).
//!
//! `__muslin_unmap_and_exit(base, len)` (ELFv2 C ABI): r3 = base, r4 = len.

unmap_and_exit! {
    munmap: "    li 0, {munmap}", // r0 = __NR_munmap(r3 = base, r4 = len)
    syscall: "    sc",            // r3 = result, ignored
    status: "    li 3, 0",        // r3 = status 0
    exit: "    li 0, {exit}",     // r0 = __NR_exit: this thread only
    trap: "    trap",
}
