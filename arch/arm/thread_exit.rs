//! The last steps of a detached thread (see `unmap_and_exit!`).
//!
//! `__muslin_unmap_and_exit(base, len)` (AAPCS): r0 = base, r1 = len,
//! already where munmap wants them.

unmap_and_exit! {
    head: [".arm"],
    munmap: "    mov r7, #{munmap}", // r7 = __NR_munmap(r0 = base, r1 = len)
    syscall: "    svc 0",            // r0 = result, ignored
    status: "    mov r0, #0",        // r0 = status 0
    exit: "    mov r7, #{exit}",     // r7 = __NR_exit: this thread only
    trap: "    udf #0",
}
