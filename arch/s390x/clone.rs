//! Thread creation: `clone` with the new thread on its own stack.
//!
//! `__muslin_clone(func, stack, flags, arg, ptid, tls, ctid)` (s390x ELF
//! C ABI): r2 = func, r3 = stack top, r4 = flags, r5 = arg, r6 = ptid,
//! 160(r15) = tls, 168(r15) = ctid. s390x's kernel takes the arguments in
//! its own order, clone(stack, flags, ptid, ctid, tls), in r2–r6 with the
//! number in r1; r6 is callee-saved, so it is kept in the caller's register
//! save area meanwhile. The kernel sets the child's r15 to `stack`, its
//! a0:a1 to `tls` (CLONE_SETTLS) and its r2 to 0.
//!
//! The child runs `func(arg)` on a fresh 176-byte frame: the 160-byte
//! register save area the ABI gives every callee (back chain 0 ends the
//! chain) plus two words holding func and arg across the system call.

use linux_raw_sys::general::__NR_clone;

asm_function! {
    name: "__muslin_clone",
    body: [
        "    stg %r6, 48(%r15)", // caller's save area: r6 (callee-saved)
        "    nill %r3, 0xfff0",  // r3 = child stack top, 16-byte aligned
        "    aghi %r3, -176",    // r3 = child r15: save area + func + arg
        "    lghi %r0, 0",       // r0 = 0
        "    stg %r0, 0(%r3)",   // child frame +0 = back chain 0
        "    stg %r2, 160(%r3)", // child frame +160 = func
        "    stg %r5, 168(%r3)", // child frame +168 = arg
        "    lgr %r2, %r3",      // r2 = child stack
        "    lgr %r3, %r4",      // r3 = flags
        "    lgr %r4, %r6",      // r4 = ptid
        "    lg %r5, 168(%r15)", // r5 = ctid
        "    lg %r6, 160(%r15)", // r6 = tls
        "    lghi %r1, {nr}",    // r1 = SYS_clone
        "    svc 0",             // r2 = tid (parent), 0 (child) or -errno
        "    ltgr %r2, %r2",     // cc = sign of r2
        "    jz 1f",             // 0: the child
        "    lg %r6, 48(%r15)",  // parent: restore r6
        "    br %r14",           // return r2 = tid or -errno
        "1:  lghi %r11, 0",      // child, r15 = its frame: r11 (frame pointer) = 0
        "    lg %r2, 168(%r15)", // r2 = arg
        "    lg %r1, 160(%r15)", // r1 = func
        "    basr %r14, %r1",    // func(arg): never returns
        "    .2byte 0",          // illegal instruction: trap
    ],
    nr = const __NR_clone,
}

/// `CLONE_SETTLS` here takes the new thread pointer itself.
pub type CloneTls = *mut u8;

/// The `CLONE_SETTLS` argument for a thread whose thread pointer is `tp`.
pub fn clone_tls(tp: *mut u8) -> CloneTls {
    tp
}
