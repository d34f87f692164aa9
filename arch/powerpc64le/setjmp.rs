//! `setjmp`/`longjmp` for powerpc64le (ELFv2): the callee-saved registers
//! are r1 (the stack pointer), r2 (the TOC pointer, kept though a static
//! program has one), r14–r31, cr2–cr4 (the whole CR is kept), f14–f31 (the
//! FP halves of vs14–vs31, the rest is call-clobbered), v20–v31 (vs52–vs63,
//! which compiled code uses as vector and VSX registers) and VRSAVE; lr
//! holds where setjmp returns to.
//!
//! Register area of `jmp_buf` (bytes): 0 r1, 8 r2, 16 lr, 24 cr, 32 r14–r31,
//! 176 f14–f31, 320 VRSAVE, then v20–v31 (192 bytes) from the first 16-byte
//! boundary at or after offset 336 (`stvx` needs 16-byte alignment and a
//! `jmp_buf` is only 8-aligned).

/// Number of 8-byte words in `jmp_buf`'s register area (`__JB_WORDS` in
/// `include/bits/setjmp.h`).
pub const JB_WORDS: usize = 68;

c_asm_function! {
    name: "setjmp",
    aliases: ["_setjmp"],
    globals: ["__muslin_setjmp_regs"],
    body: [
        "    li 0, 0",
        "    std 0, {fl}(3)",        // plain setjmp: no mask saved
        "__muslin_setjmp_regs:",     // r3 = buf
        "    std 1, 0(3)",
        "    std 2, 8(3)",
        "    mflr 0",
        "    std 0, 16(3)",          // return address
        "    mfcr 0",
        "    std 0, 24(3)",
        "    std 14, 32(3)",
        "    std 15, 40(3)",
        "    std 16, 48(3)",
        "    std 17, 56(3)",
        "    std 18, 64(3)",
        "    std 19, 72(3)",
        "    std 20, 80(3)",
        "    std 21, 88(3)",
        "    std 22, 96(3)",
        "    std 23, 104(3)",
        "    std 24, 112(3)",
        "    std 25, 120(3)",
        "    std 26, 128(3)",
        "    std 27, 136(3)",
        "    std 28, 144(3)",
        "    std 29, 152(3)",
        "    std 30, 160(3)",
        "    std 31, 168(3)",
        "    stfd 14, 176(3)",
        "    stfd 15, 184(3)",
        "    stfd 16, 192(3)",
        "    stfd 17, 200(3)",
        "    stfd 18, 208(3)",
        "    stfd 19, 216(3)",
        "    stfd 20, 224(3)",
        "    stfd 21, 232(3)",
        "    stfd 22, 240(3)",
        "    stfd 23, 248(3)",
        "    stfd 24, 256(3)",
        "    stfd 25, 264(3)",
        "    stfd 26, 272(3)",
        "    stfd 27, 280(3)",
        "    stfd 28, 288(3)",
        "    stfd 29, 296(3)",
        "    stfd 30, 304(3)",
        "    stfd 31, 312(3)",
        "    mfspr 0, 256",          // r0 = VRSAVE
        "    stw 0, 320(3)",
        "    addi 4, 3, 351",
        "    clrrdi 4, 4, 4",        // r4 = 16-aligned vector area
        "    stvx 20, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 21, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 22, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 23, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 24, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 25, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 26, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 27, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 28, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 29, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 30, 0, 4",
        "    addi 4, 4, 16",
        "    stvx 31, 0, 4",
        "    addi 4, 4, 16",
        "    li 3, 0",               // first return: 0
        "    blr",
    ],
    fl = const JB_WORDS * 8,
}

c_asm_function! {
    name: "longjmp",
    aliases: ["_longjmp"],
    body: [
        "    ld 1, 0(3)",            // the setjmp caller's stack
        "    ld 2, 8(3)",
        "    ld 0, 16(3)",
        "    mtlr 0",                // where setjmp returned to
        "    ld 0, 24(3)",
        "    mtcrf 255, 0",
        "    ld 14, 32(3)",
        "    ld 15, 40(3)",
        "    ld 16, 48(3)",
        "    ld 17, 56(3)",
        "    ld 18, 64(3)",
        "    ld 19, 72(3)",
        "    ld 20, 80(3)",
        "    ld 21, 88(3)",
        "    ld 22, 96(3)",
        "    ld 23, 104(3)",
        "    ld 24, 112(3)",
        "    ld 25, 120(3)",
        "    ld 26, 128(3)",
        "    ld 27, 136(3)",
        "    ld 28, 144(3)",
        "    ld 29, 152(3)",
        "    ld 30, 160(3)",
        "    ld 31, 168(3)",
        "    lfd 14, 176(3)",
        "    lfd 15, 184(3)",
        "    lfd 16, 192(3)",
        "    lfd 17, 200(3)",
        "    lfd 18, 208(3)",
        "    lfd 19, 216(3)",
        "    lfd 20, 224(3)",
        "    lfd 21, 232(3)",
        "    lfd 22, 240(3)",
        "    lfd 23, 248(3)",
        "    lfd 24, 256(3)",
        "    lfd 25, 264(3)",
        "    lfd 26, 272(3)",
        "    lfd 27, 280(3)",
        "    lfd 28, 288(3)",
        "    lfd 29, 296(3)",
        "    lfd 30, 304(3)",
        "    lfd 31, 312(3)",
        "    lwz 0, 320(3)",
        "    mtspr 256, 0",          // VRSAVE
        "    addi 5, 3, 351",
        "    clrrdi 5, 5, 4",        // r5 = 16-aligned vector area
        "    lvx 20, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 21, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 22, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 23, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 24, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 25, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 26, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 27, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 28, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 29, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 30, 0, 5",
        "    addi 5, 5, 16",
        "    lvx 31, 0, 5",
        "    addi 5, 5, 16",
        "    extsw. 3, 4",           // r3 = val, cr0 = its sign
        "    bnelr",                 // return val from setjmp again
        "    li 3, 1",               // val 0 returns 1
        "    blr",
    ]
}

c_asm_function! {
    name: "sigsetjmp",
    aliases: ["__sigsetjmp"],
    body: [
        "    mflr 0",
        "    std 0, 16(1)",                  // lr into the caller's LR save slot
        "    stdu 1, -48(1)",                // our frame (the 32-byte ELFv2 minimum + buf)
        "    std 3, 32(1)",                  // keep buf
        "    bl __muslin_sigsetjmp_save",    // (buf, savemask): flag and mask
        "    nop",                           // TOC restore slot for the linker
        "    ld 3, 32(1)",                   // r3 = buf
        "    addi 1, 1, 48",                 // r1 as on entry
        "    ld 0, 16(1)",
        "    mtlr 0",                        // lr as on entry
        "    b __muslin_setjmp_regs",        // save the registers, return 0
    ]
}
