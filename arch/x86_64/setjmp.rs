//! `setjmp`/`longjmp` for x86_64 (System V AMD64 ABI): the callee-saved
//! registers are rbx, rbp, r12–r15 and rsp; no vector register is
//! callee-saved, and the x87 control word and MXCSR, which the ABI also
//! calls callee-saved, are left alone as glibc and musl do (a jump does not
//! undo `fesetround`).
//!
//! Register area of `jmp_buf` (8-byte slots): rbx, rbp, r12, r13, r14, r15,
//! the caller's rsp (after the return), the return address. No pointer
//! mangling and no shadow stack: muslin builds without CET.

/// Number of 8-byte words in `jmp_buf`'s register area (`__JB_WORDS` in
/// `include/bits/setjmp.h`).
pub const JB_WORDS: usize = 8;

c_asm_function! {
    name: "setjmp",
    aliases: ["_setjmp"],
    globals: ["__muslin_setjmp_regs"],
    body: [
        "    mov qword ptr [rdi + {fl}], 0", // plain setjmp: no mask saved
        "__muslin_setjmp_regs:",             // rdi = buf
        "    mov [rdi], rbx",
        "    mov [rdi + 8], rbp",
        "    mov [rdi + 16], r12",
        "    mov [rdi + 24], r13",
        "    mov [rdi + 32], r14",
        "    mov [rdi + 40], r15",
        "    lea rdx, [rsp + 8]",            // rdx = the caller's rsp after we return
        "    mov [rdi + 48], rdx",
        "    mov rdx, [rsp]",                // rdx = return address
        "    mov [rdi + 56], rdx",
        "    xor eax, eax",                  // first return: 0
        "    ret",
    ],
    fl = const JB_WORDS * 8,
}

c_asm_function! {
    name: "longjmp",
    aliases: ["_longjmp"],
    body: [
        "    mov eax, esi",                  // eax = val
        "    cmp esi, 1",                    // CF = (val == 0), as unsigned
        "    adc eax, 0",                    // val 0 returns 1
        "    mov rbx, [rdi]",
        "    mov rbp, [rdi + 8]",
        "    mov r12, [rdi + 16]",
        "    mov r13, [rdi + 24]",
        "    mov r14, [rdi + 32]",
        "    mov r15, [rdi + 40]",
        "    mov rsp, [rdi + 48]",           // the setjmp caller's stack
        "    jmp qword ptr [rdi + 56]",      // return from setjmp again, eax = val
    ]
}

c_asm_function! {
    name: "sigsetjmp",
    aliases: ["__sigsetjmp"],
    body: [
        "    push rdi",                          // keep buf; rsp 16-aligned for the call
        "    call __muslin_sigsetjmp_save",      // (buf, savemask): flag and mask
        "    pop rdi",                           // rdi = buf, rsp as on entry
        "    jmp __muslin_setjmp_regs",          // save the registers, return 0
    ]
}
