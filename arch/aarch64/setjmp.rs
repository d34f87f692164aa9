//! `setjmp`/`longjmp` for aarch64 (AAPCS64): the callee-saved registers
//! are x19–x28, the frame pointer x29, sp and the low 64 bits of v8–v15
//! (d8–d15); x30 (lr) holds where setjmp returns to.
//!
//! Register area of `jmp_buf` (8-byte slots): x19–x30, sp, d8–d15, one
//! spare. No pointer authentication or BTI: muslin builds without them.

/// Number of 8-byte words in `jmp_buf`'s register area (`__JB_WORDS` in
/// `include/bits/setjmp.h`).
pub const JB_WORDS: usize = 22;

c_asm_function! {
    name: "setjmp",
    aliases: ["_setjmp"],
    globals: ["__muslin_setjmp_regs"],
    body: [
        "    str xzr, [x0, #{fl}]",      // plain setjmp: no mask saved
        "__muslin_setjmp_regs:",         // x0 = buf
        "    stp x19, x20, [x0, #0]",
        "    stp x21, x22, [x0, #16]",
        "    stp x23, x24, [x0, #32]",
        "    stp x25, x26, [x0, #48]",
        "    stp x27, x28, [x0, #64]",
        "    stp x29, x30, [x0, #80]",   // frame pointer, return address
        "    mov x2, sp",
        "    str x2, [x0, #96]",
        "    stp d8, d9, [x0, #104]",
        "    stp d10, d11, [x0, #120]",
        "    stp d12, d13, [x0, #136]",
        "    stp d14, d15, [x0, #152]",
        "    mov w0, #0",                // first return: 0
        "    ret",
    ],
    fl = const JB_WORDS * 8,
}

c_asm_function! {
    name: "longjmp",
    aliases: ["_longjmp"],
    body: [
        "    ldp x19, x20, [x0, #0]",
        "    ldp x21, x22, [x0, #16]",
        "    ldp x23, x24, [x0, #32]",
        "    ldp x25, x26, [x0, #48]",
        "    ldp x27, x28, [x0, #64]",
        "    ldp x29, x30, [x0, #80]",   // x30 = where setjmp returned to
        "    ldr x2, [x0, #96]",
        "    mov sp, x2",                // the setjmp caller's stack
        "    ldp d8, d9, [x0, #104]",
        "    ldp d10, d11, [x0, #120]",
        "    ldp d12, d13, [x0, #136]",
        "    ldp d14, d15, [x0, #152]",
        "    cmp w1, #0",
        "    csinc w0, w1, wzr, ne",     // w0 = val, or 1 when val is 0
        "    ret",                       // return from setjmp again
    ]
}

c_asm_function! {
    name: "sigsetjmp",
    aliases: ["__sigsetjmp"],
    body: [
        "    stp x0, x30, [sp, #-16]!",      // keep buf and lr
        "    bl __muslin_sigsetjmp_save",    // (buf, savemask): flag and mask
        "    ldp x0, x30, [sp], #16",        // x0 = buf, lr and sp as on entry
        "    b __muslin_setjmp_regs",        // save the registers, return 0
    ]
}
