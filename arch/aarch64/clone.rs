//! Thread creation: `clone` with the new thread on its own stack.
//!
//! `__muslin_clone(func, stack, flags, arg, ptid, tls, ctid)` (AAPCS64):
//! x0 = func, x1 = stack top, x2 = flags, x3 = arg, x4 = ptid, x5 = tls,
//! x6 = ctid. The kernel takes clone(flags, stack, ptid, tls, ctid) in
//! x0..x4 with the number in x8 (arm64 has the `CLONE_BACKWARDS` order:
//! tls before ctid). `func` and `arg` travel to the child in the first 16
//! bytes below its stack top; in the child (x0 = 0) `func(arg)` runs with
//! sp 16-byte aligned and must not return.

use linux_raw_sys::general::__NR_clone;

asm_function! {
    name: "__muslin_clone",
    head: [".p2align 2"],
    body: [
        "    and x1, x1, #-16",        // x1 = child stack top, 16-byte aligned
        "    stp x0, x3, [x1, #-16]!", // [x1] = func, [x1 + 8] = arg; x1 -= 16
        "    mov x0, x2",              // x0 = flags
        "    mov x2, x4",              // x2 = ptid (x1 = stack already)
        "    mov x3, x5",              // x3 = tls
        "    mov x4, x6",              // x4 = ctid
        "    mov x8, #{nr}",           // x8 = __NR_clone
        "    svc #0",                  // x0 = tid (parent), 0 (child) or -errno
        "    cbnz x0, 1f",             // parent or error: return x0
        "    mov x29, #0",             // child: fp = 0, outermost frame
        "    mov x30, #0",             // lr = 0: nothing to return to
        "    ldp x1, x0, [sp], #16",   // x1 = func, x0 = arg; sp back at the aligned top
        "    blr x1",                  // func(arg): never returns
        "    udf #0",                  // trap if it did
        "1:  ret",                     // x0 = tid or -errno, to x30
    ],
    nr = const __NR_clone,
}

/// `CLONE_SETTLS` here takes the new thread pointer itself.
pub type CloneTls = *mut u8;

/// The `CLONE_SETTLS` argument for a thread whose thread pointer is `tp`.
pub fn clone_tls(tp: *mut u8) -> CloneTls {
    tp
}
