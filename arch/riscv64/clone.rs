//! Thread creation: `clone` with the new thread on its own stack.
//!
//! `__muslin_clone(func, stack, flags, arg, ptid, tls, ctid)` (LP64D):
//! a0 = func, a1 = stack top, a2 = flags, a3 = arg, a4 = ptid, a5 = tls,
//! a6 = ctid. The kernel takes clone(flags, stack, ptid, tls, ctid) in
//! a0..a4 with the number in a7 (riscv has the `CLONE_BACKWARDS` order: tls
//! before ctid). `func` and `arg` travel to the child in the first 16 bytes
//! below its stack top; in the child (a0 = 0) `func(arg)` runs with sp
//! 16-byte aligned and must not return.

use linux_raw_sys::general::__NR_clone;

asm_function! {
    name: "__muslin_clone",
    head: [".p2align 2"],
    body: [
        "    andi a1, a1, -16", // a1 = child stack top, 16-byte aligned
        "    addi a1, a1, -16", // a1 = room for func and arg
        "    sd a0, 0(a1)",     // [a1] = func
        "    sd a3, 8(a1)",     // [a1 + 8] = arg
        "    mv a0, a2",        // a0 = flags
        "    mv a2, a4",        // a2 = ptid (a1 = stack already)
        "    mv a3, a5",        // a3 = tls
        "    mv a4, a6",        // a4 = ctid
        "    li a7, {nr}",      // a7 = __NR_clone
        "    ecall",            // a0 = tid (parent), 0 (child) or -errno
        "    bnez a0, 1f",      // parent or error: return a0
        "    li s0, 0",         // child: fp = 0, outermost frame
        "    li ra, 0",         // ra = 0: nothing to return to
        "    ld t0, 0(sp)",     // t0 = func
        "    ld a0, 8(sp)",     // a0 = arg
        "    addi sp, sp, 16",  // sp back at the aligned top
        "    jalr t0",          // func(arg): never returns
        "    unimp",            // trap if it did
        "1:  ret",              // a0 = tid or -errno, to ra
    ],
    nr = const __NR_clone,
}

/// `CLONE_SETTLS` here takes the new thread pointer itself.
pub type CloneTls = *mut u8;

/// The `CLONE_SETTLS` argument for a thread whose thread pointer is `tp`.
pub fn clone_tls(tp: *mut u8) -> CloneTls {
    tp
}
