//! Thread creation: `clone` with the new thread on its own stack.
//!
//! `__muslin_clone(func, stack, flags, arg, ptid, tls, ctid)` (AAPCS):
//! r0 = func, r1 = stack top, r2 = flags, r3 = arg, [sp] = ptid,
//! [sp+4] = tls, [sp+8] = ctid. The kernel takes clone(flags, stack, ptid,
//! tls, ctid) in r0-r4 with the number in r7; with `CLONE_SETTLS` the child's
//! TPIDRURO is set to `tls`, the thread pointer itself.
//!
//! The child starts with the parent's registers but r0 = 0 and sp = the new
//! stack, so `func` and `arg` travel in ip (r12) and r5, which `svc 0`
//! preserves. In the child, `func(arg)` runs on the new stack and must not
//! return.

use linux_raw_sys::general::__NR_clone;

// Stack after the push: [sp] r4, +4 r5, +8 r7, +12 lr, +16 ptid, +20 tls,
// +24 ctid.
asm_function! {
    name: "__muslin_clone",
    head: [".arm"],
    body: [
        "    push {{r4, r5, r7, lr}}",  // save callee-saved r4 (ctid), r5 (arg), r7 (nr); lr
        "    mov ip, r0",               // ip = func: the child inherits it
        "    mov r5, r3",               // r5 = arg: the child inherits it
        "    bic r1, r1, #15",          // r1 = child stack top, 16-byte aligned
        "    mov r0, r2",               // r0 = flags
        "    ldr r2, [sp, #16]",        // r2 = ptid
        "    ldr r3, [sp, #20]",        // r3 = tls (the thread pointer)
        "    ldr r4, [sp, #24]",        // r4 = ctid
        "    mov r7, #{nr_clone}",      // r7 = SYS_clone
        "    svc 0",                    // r0 = tid (parent), 0 (child), -errno
        "    cmp r0, #0",               // child?
        "    popne {{r4, r5, r7, pc}}", // parent (tid) or error (-errno): return r0
        "    mov fp, #0",               // child: outermost frame, no caller
        "    mov lr, #0",               // no return address either
        "    mov r0, r5",               // r0 = arg; sp = the aligned new stack
        "    blx ip",                   // func(arg): never returns
        "    udf #0",                   // trap if it does
    ],
    nr_clone = const __NR_clone,
}

/// `CLONE_SETTLS` here takes the new thread pointer itself.
pub type CloneTls = *mut u8;

/// The `CLONE_SETTLS` argument for a thread whose thread pointer is `tp`.
pub fn clone_tls(tp: *mut u8) -> CloneTls {
    tp
}
