//! `setjmp`/`longjmp` for s390x (ELF ABI): the callee-saved registers are
//! r6–r13, r14 (where setjmp returns to), r15 (the stack pointer) and
//! f8–f15 (only their 64-bit FP halves: the rest of v8–v15 is
//! call-clobbered).
//!
//! Register area of `jmp_buf` (8-byte slots): r6–r15, f8–f15.

/// Number of 8-byte words in `jmp_buf`'s register area (`__JB_WORDS` in
/// `include/bits/setjmp.h`).
pub const JB_WORDS: usize = 18;

c_asm_function! {
    name: "setjmp",
    aliases: ["_setjmp"],
    globals: ["__muslin_setjmp_regs"],
    body: [
        "    lghi %r0, 0",
        "    stg %r0, {fl}(%r2)",     // plain setjmp: no mask saved
        "__muslin_setjmp_regs:",      // r2 = buf
        "    stmg %r6, %r15, 0(%r2)", // r14 = return address, r15 = stack
        "    std %f8, 80(%r2)",
        "    std %f9, 88(%r2)",
        "    std %f10, 96(%r2)",
        "    std %f11, 104(%r2)",
        "    std %f12, 112(%r2)",
        "    std %f13, 120(%r2)",
        "    std %f14, 128(%r2)",
        "    std %f15, 136(%r2)",
        "    lghi %r2, 0",            // first return: 0
        "    br %r14",
    ],
    fl = const JB_WORDS * 8,
}

c_asm_function! {
    name: "longjmp",
    aliases: ["_longjmp"],
    body: [
        "    ld %f8, 80(%r2)",
        "    ld %f9, 88(%r2)",
        "    ld %f10, 96(%r2)",
        "    ld %f11, 104(%r2)",
        "    ld %f12, 112(%r2)",
        "    ld %f13, 120(%r2)",
        "    ld %f14, 128(%r2)",
        "    ld %f15, 136(%r2)",
        "    lmg %r6, %r15, 0(%r2)",  // r14 = where setjmp returned to, r15 = its stack
        "    ltgfr %r2, %r3",         // r2 = val (sign-extended), cc = its sign
        "    jnz 1f",
        "    lghi %r2, 1",            // val 0 returns 1
        "1:",
        "    br %r14",                // return from setjmp again
    ]
}

c_asm_function! {
    name: "sigsetjmp",
    aliases: ["__sigsetjmp"],
    body: [
        "    stg %r2, 16(%r15)",             // keep buf in our register save area
        "    stg %r14, 112(%r15)",           // and r14
        "    aghi %r15, -160",               // a save area for the callee
        "    brasl %r14, __muslin_sigsetjmp_save", // (buf, savemask): flag and mask
        "    aghi %r15, 160",                // r15 as on entry
        "    lg %r2, 16(%r15)",              // r2 = buf
        "    lg %r14, 112(%r15)",            // r14 as on entry
        "    jg __muslin_setjmp_regs",       // save the registers, return 0
    ]
}
