//! `setjmp`/`longjmp` for loongarch64 (LP64D): the callee-saved registers
//! are $sp, $fp ($r22), $s0–$s8 ($r23–$r31) and $fs0–$fs7 ($f24–$f31); $ra
//! holds where setjmp returns to. $r21 is reserved by the ABI (no compiler
//! allocates it); it is kept too, as glibc does, in case a program uses it.
//!
//! Register area of `jmp_buf` (8-byte slots): $ra, $sp, $r21, $fp,
//! $s0–$s8, $fs0–$fs7.

/// Number of 8-byte words in `jmp_buf`'s register area (`__JB_WORDS` in
/// `include/bits/setjmp.h`).
pub const JB_WORDS: usize = 21;

c_asm_function! {
    name: "setjmp",
    aliases: ["_setjmp"],
    globals: ["__muslin_setjmp_regs"],
    body: [
        "    st.d $zero, $a0, {fl}",  // plain setjmp: no mask saved
        "__muslin_setjmp_regs:",      // $a0 = buf
        "    st.d $ra, $a0, 0",       // return address
        "    st.d $sp, $a0, 8",
        "    st.d $r21, $a0, 16",
        "    st.d $fp, $a0, 24",
        "    st.d $s0, $a0, 32",
        "    st.d $s1, $a0, 40",
        "    st.d $s2, $a0, 48",
        "    st.d $s3, $a0, 56",
        "    st.d $s4, $a0, 64",
        "    st.d $s5, $a0, 72",
        "    st.d $s6, $a0, 80",
        "    st.d $s7, $a0, 88",
        "    st.d $s8, $a0, 96",
        "    fst.d $fs0, $a0, 104",
        "    fst.d $fs1, $a0, 112",
        "    fst.d $fs2, $a0, 120",
        "    fst.d $fs3, $a0, 128",
        "    fst.d $fs4, $a0, 136",
        "    fst.d $fs5, $a0, 144",
        "    fst.d $fs6, $a0, 152",
        "    fst.d $fs7, $a0, 160",
        "    move $a0, $zero",        // first return: 0
        "    jr $ra",
    ],
    fl = const JB_WORDS * 8,
}

c_asm_function! {
    name: "longjmp",
    aliases: ["_longjmp"],
    body: [
        "    ld.d $ra, $a0, 0",       // where setjmp returned to
        "    ld.d $sp, $a0, 8",       // the setjmp caller's stack
        "    ld.d $r21, $a0, 16",
        "    ld.d $fp, $a0, 24",
        "    ld.d $s0, $a0, 32",
        "    ld.d $s1, $a0, 40",
        "    ld.d $s2, $a0, 48",
        "    ld.d $s3, $a0, 56",
        "    ld.d $s4, $a0, 64",
        "    ld.d $s5, $a0, 72",
        "    ld.d $s6, $a0, 80",
        "    ld.d $s7, $a0, 88",
        "    ld.d $s8, $a0, 96",
        "    fld.d $fs0, $a0, 104",
        "    fld.d $fs1, $a0, 112",
        "    fld.d $fs2, $a0, 120",
        "    fld.d $fs3, $a0, 128",
        "    fld.d $fs4, $a0, 136",
        "    fld.d $fs5, $a0, 144",
        "    fld.d $fs6, $a0, 152",
        "    fld.d $fs7, $a0, 160",
        "    sltui $a0, $a1, 1",      // $a0 = (val == 0)
        "    add.d $a0, $a0, $a1",    // val, or 1 when val is 0
        "    jr $ra",                 // return from setjmp again
    ]
}

c_asm_function! {
    name: "sigsetjmp",
    aliases: ["__sigsetjmp"],
    body: [
        "    addi.d $sp, $sp, -16",
        "    st.d $a0, $sp, 0",              // keep buf
        "    st.d $ra, $sp, 8",              // and $ra
        "    bl __muslin_sigsetjmp_save",    // (buf, savemask): flag and mask
        "    ld.d $a0, $sp, 0",              // $a0 = buf
        "    ld.d $ra, $sp, 8",
        "    addi.d $sp, $sp, 16",           // $ra and $sp as on entry
        "    b __muslin_setjmp_regs",        // save the registers, return 0
    ]
}
