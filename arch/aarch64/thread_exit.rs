//! The last steps of a detached thread (see `unmap_and_exit!`).
//!
//! `__muslin_unmap_and_exit(base, len)` (AAPCS64): x0 = base, x1 = len.

unmap_and_exit! {
    head: [".p2align 2"],
    munmap: "    mov x8, #{munmap}", // x8 = __NR_munmap(x0 = base, x1 = len)
    syscall: "    svc #0",           // x0 = result, ignored
    status: "    mov x0, #0",        // x0 = status 0
    exit: "    mov x8, #{exit}",     // x8 = __NR_exit: this thread only
    trap: "    udf #0",
}
