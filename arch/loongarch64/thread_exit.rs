//! The last steps of a detached thread (see `unmap_and_exit!`).
//!
//! `__muslin_unmap_and_exit(base, len)` (LP64 C ABI): `$a0` = base,
//! `$a1` = len, already where `munmap` wants them.

unmap_and_exit! {
    munmap: "    ori $a7, $zero, {munmap}", // a7 = __NR_munmap(a0 = base, a1 = len)
    syscall: "    syscall 0",               // a0 = result, ignored
    status: "    move $a0, $zero",          // a0 = status 0
    exit: "    ori $a7, $zero, {exit}",     // a7 = __NR_exit: this thread only
    trap: "    break 0",
}
