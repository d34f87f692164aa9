//! `setjmp`/`longjmp` for riscv64 (LP64D): the callee-saved registers are
//! sp, s0–s11 and fs0–fs11; ra holds where setjmp returns to.
//!
//! Register area of `jmp_buf` (8-byte slots): ra, sp, s0–s11, fs0–fs11.

/// Number of 8-byte words in `jmp_buf`'s register area (`__JB_WORDS` in
/// `include/bits/setjmp.h`).
pub const JB_WORDS: usize = 26;

c_asm_function! {
    name: "setjmp",
    aliases: ["_setjmp"],
    globals: ["__muslin_setjmp_regs"],
    body: [
        // A module's assembly is parsed with the base ISA's features in
        // unoptimised builds: say that fs0-fs11 (the D extension) exist.
        ".option push",
        ".option arch, +d",
        "    sd zero, {fl}(a0)",      // plain setjmp: no mask saved
        "__muslin_setjmp_regs:",      // a0 = buf
        "    sd ra, 0(a0)",           // return address
        "    sd sp, 8(a0)",
        "    sd s0, 16(a0)",
        "    sd s1, 24(a0)",
        "    sd s2, 32(a0)",
        "    sd s3, 40(a0)",
        "    sd s4, 48(a0)",
        "    sd s5, 56(a0)",
        "    sd s6, 64(a0)",
        "    sd s7, 72(a0)",
        "    sd s8, 80(a0)",
        "    sd s9, 88(a0)",
        "    sd s10, 96(a0)",
        "    sd s11, 104(a0)",
        "    fsd fs0, 112(a0)",
        "    fsd fs1, 120(a0)",
        "    fsd fs2, 128(a0)",
        "    fsd fs3, 136(a0)",
        "    fsd fs4, 144(a0)",
        "    fsd fs5, 152(a0)",
        "    fsd fs6, 160(a0)",
        "    fsd fs7, 168(a0)",
        "    fsd fs8, 176(a0)",
        "    fsd fs9, 184(a0)",
        "    fsd fs10, 192(a0)",
        "    fsd fs11, 200(a0)",
        "    li a0, 0",               // first return: 0
        "    ret",
        ".option pop",
    ],
    fl = const JB_WORDS * 8,
}

c_asm_function! {
    name: "longjmp",
    aliases: ["_longjmp"],
    body: [
        ".option push",
        ".option arch, +d",           // fs0-fs11, as in setjmp
        "    ld ra, 0(a0)",           // where setjmp returned to
        "    ld sp, 8(a0)",           // the setjmp caller's stack
        "    ld s0, 16(a0)",
        "    ld s1, 24(a0)",
        "    ld s2, 32(a0)",
        "    ld s3, 40(a0)",
        "    ld s4, 48(a0)",
        "    ld s5, 56(a0)",
        "    ld s6, 64(a0)",
        "    ld s7, 72(a0)",
        "    ld s8, 80(a0)",
        "    ld s9, 88(a0)",
        "    ld s10, 96(a0)",
        "    ld s11, 104(a0)",
        "    fld fs0, 112(a0)",
        "    fld fs1, 120(a0)",
        "    fld fs2, 128(a0)",
        "    fld fs3, 136(a0)",
        "    fld fs4, 144(a0)",
        "    fld fs5, 152(a0)",
        "    fld fs6, 160(a0)",
        "    fld fs7, 168(a0)",
        "    fld fs8, 176(a0)",
        "    fld fs9, 184(a0)",
        "    fld fs10, 192(a0)",
        "    fld fs11, 200(a0)",
        "    seqz a0, a1",            // a0 = (val == 0)
        "    add a0, a0, a1",         // val, or 1 when val is 0
        "    ret",                    // return from setjmp again
        ".option pop",
    ]
}

c_asm_function! {
    name: "sigsetjmp",
    aliases: ["__sigsetjmp"],
    body: [
        "    addi sp, sp, -16",
        "    sd a0, 0(sp)",                  // keep buf
        "    sd ra, 8(sp)",                  // and ra
        "    call __muslin_sigsetjmp_save",  // (buf, savemask): flag and mask
        "    ld a0, 0(sp)",                  // a0 = buf
        "    ld ra, 8(sp)",
        "    addi sp, sp, 16",               // ra and sp as on entry
        "    tail __muslin_setjmp_regs",     // save the registers, return 0
    ]
}
