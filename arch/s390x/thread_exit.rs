//! The last steps of a detached thread (see `unmap_and_exit!`).
//!
//! `__muslin_unmap_and_exit(base, len)` (s390x ELF C ABI): r2 = base, r3 = len.

unmap_and_exit! {
    munmap: "    lghi %r1, {munmap}", // r1 = __NR_munmap(r2 = base, r3 = len)
    syscall: "    svc 0",             // r2 = result, ignored
    status: "    lghi %r2, 0",        // r2 = status 0
    exit: "    lghi %r1, {exit}",     // r1 = __NR_exit: this thread only
    trap: "    .2byte 0",             // an illegal instruction
}
