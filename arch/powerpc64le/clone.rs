//! Thread creation: `clone` with the new thread on its own stack.
//!
//! `__muslin_clone(func, stack, flags, arg, ptid, tls, ctid)` (ELFv2 C ABI):
//! r3 = func, r4 = stack top, r5 = flags, r6 = arg, r7 = ptid, r8 = tls,
//! r9 = ctid. powerpc's kernel takes clone(flags, stack, ptid, tls, ctid)
//! in r3–r7, number in r0, and flags errors with cr0.SO. It sets the child's
//! r1 to `stack`, its r13 to `tls` (CLONE_SETTLS) and its r3 to 0.
//!
//! The child runs `func(arg)` on a fresh 48-byte frame: the ELFv2 32-byte
//! header (back chain 0 ends the chain; CR, LR and TOC save words for the
//! callee) plus two words holding func and arg across the system call.

use linux_raw_sys::general::__NR_clone;

// Uses no TOC, so its global and local entry points coincide.
asm_function! {
    name: "__muslin_clone",
    body: [
        "    clrrdi 4, 4, 4", // r4 = child stack top, 16-byte aligned
        "    li 0, 0",        // r0 = 0: the child's back chain
        "    stdu 0, -48(4)", // r4 -= 48; child frame word 0 = back chain 0
        "    std 3, 32(4)",   // child frame +32 = func
        "    std 6, 40(4)",   // child frame +40 = arg
        "    mr 3, 5",        // r3 = flags (r4 = child stack already)
        "    mr 5, 7",        // r5 = ptid
        "    mr 6, 8",        // r6 = tls
        "    mr 7, 9",        // r7 = ctid
        "    li 0, {nr}",     // r0 = SYS_clone
        "    sc",             // r3 = tid (parent), 0 (child) or errno
        "    bns+ 1f",        // cr0.SO clear: r3 is a tid or 0
        "    neg 3, 3",       // cr0.SO set (parent only): r3 = -errno
        "    blr",
        "1:  cmpdi 3, 0",     // cr0 = r3 compared with 0
        "    bnelr",          // parent: return r3 = tid
        "    li 31, 0",       // child, r1 = its frame: r31 (frame pointer) = 0
        "    ld 3, 40(1)",    // r3 = arg
        "    ld 12, 32(1)",   // r12 = func: ELFv2 wants the entry in r12 ...
        "    mtctr 12",       // ... and ctr = func for the call
        "    bctrl",          // func(arg) with r2 derived from r12: never returns
        "    trap",
    ],
    nr = const __NR_clone,
}

/// `CLONE_SETTLS` here takes the new thread pointer itself.
pub type CloneTls = *mut u8;

/// The `CLONE_SETTLS` argument for a thread whose thread pointer is `tp`.
pub fn clone_tls(tp: *mut u8) -> CloneTls {
    tp
}
