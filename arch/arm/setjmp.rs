//! `setjmp`/`longjmp` for arm (AAPCS, hard-float EABI with VFPv3-D16): the
//! callee-saved registers are r4–r11, sp and d8–d15; lr holds where setjmp
//! returns to.
//!
//! Register area of `jmp_buf`: r4–r11, sp, lr (4-byte slots, 40 bytes),
//! then d8–d15 (64 bytes): 13 eight-byte words.

/// Number of 8-byte words in `jmp_buf`'s register area (`__JB_WORDS` in
/// `include/bits/setjmp.h`).
pub const JB_WORDS: usize = 13;

c_asm_function! {
    name: "setjmp",
    aliases: ["_setjmp"],
    globals: ["__muslin_setjmp_regs"],
    head: [".arm", ".fpu vfpv3-d16"],
    body: [
        "    mov ip, #0",
        "    str ip, [r0, #{fl}]",       // plain setjmp: no mask saved
        "    str ip, [r0, #{fl} + 4]",
        "__muslin_setjmp_regs:",         // r0 = buf
        "    stm r0, {{r4-r11}}",
        "    str sp, [r0, #32]",
        "    str lr, [r0, #36]",         // return address
        "    add ip, r0, #40",
        "    vstmia ip, {{d8-d15}}",
        "    mov r0, #0",                // first return: 0
        "    bx lr",
    ],
    fl = const JB_WORDS * 8,
}

c_asm_function! {
    name: "longjmp",
    aliases: ["_longjmp"],
    head: [".arm", ".fpu vfpv3-d16"],
    body: [
        "    ldm r0, {{r4-r11}}",
        "    ldr sp, [r0, #32]",         // the setjmp caller's stack
        "    ldr lr, [r0, #36]",         // where setjmp returned to
        "    add ip, r0, #40",
        "    vldmia ip, {{d8-d15}}",
        "    movs r0, r1",               // r0 = val
        "    moveq r0, #1",              // val 0 returns 1
        "    bx lr",                     // return from setjmp again
    ]
}

c_asm_function! {
    name: "sigsetjmp",
    aliases: ["__sigsetjmp"],
    head: [".arm"],
    body: [
        "    push {{r0, lr}}",               // keep buf and lr; sp stays 8-aligned
        "    bl __muslin_sigsetjmp_save",    // (buf, savemask): flag and mask
        "    pop {{r0, lr}}",                // r0 = buf, lr and sp as on entry
        "    b __muslin_setjmp_regs",        // save the registers, return 0
    ]
}
