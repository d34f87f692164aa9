//! Thread creation: `clone` with the new thread on its own stack.
//!
//! `__muslin_clone(func, stack, flags, arg, ptid, tls, ctid)` (LP64 C ABI):
//! `$a0` = func, `$a1` = stack top, `$a2` = flags, `$a3` = arg, `$a4` = ptid,
//! `$a5` = tls, `$a6` = ctid. loongarch64's kernel does not select
//! `CLONE_BACKWARDS`: like x86_64 (and unlike aarch64 or riscv64) it takes
//! clone(flags, stack, ptid, ctid, tls), in `$a0..$a4`, number 220 in `$a7`;
//! qemu-user decodes it the same way. The child starts with the parent's
//! registers except `$sp` = the new stack and `$a0` = 0; it finds `func`
//! and `arg` where the parent stored them on that stack and runs
//! `func(arg)`, which never returns.

use linux_raw_sys::general::__NR_clone;

asm_function! {
    name: "__muslin_clone",
    body: [
        "    bstrins.d $a1, $zero, 3, 0", // a1 = child stack top & -16 (the ABI's alignment)
        "    addi.d $a1, $a1, -16",       // a1 = room for two words, still 16-byte aligned
        "    st.d $a0, $a1, 0",           // [a1 + 0] = func
        "    st.d $a3, $a1, 8",           // [a1 + 8] = arg
        "    move $a0, $a2",              // a0 = flags
        "    move $a2, $a4",              // a2 = ptid
        "    move $a3, $a6",              // a3 = ctid
        "    move $a4, $a5",              // a4 = tls
        "    ori $a7, $zero, {nr}",       // a7 = SYS_clone
        "    syscall 0",                  // a0 = tid (parent), 0 (child) or -errno
        "    bnez $a0, 1f",               // parent or error: return a0
        "    move $fp, $zero",            // child: outermost frame, no caller's fp
        "    ld.d $t0, $sp, 0",           // t0 = func (sp = the a1 stored above)
        "    ld.d $a0, $sp, 8",           // a0 = arg
        "    addi.d $sp, $sp, 16",        // sp = the aligned stack top, nothing above it used
        "    jirl $ra, $t0, 0",           // func(arg): never returns; ra = the trap below
        "    break 0",                    // not reached: trap if it ever does
        "1:  jr $ra",                     // parent: return a0 = tid or -errno
    ],
    nr = const __NR_clone,
}

/// `CLONE_SETTLS` here takes the new thread pointer itself.
pub type CloneTls = *mut u8;

/// The `CLONE_SETTLS` argument for a thread whose thread pointer is `tp`.
pub fn clone_tls(tp: *mut u8) -> CloneTls {
    tp
}
