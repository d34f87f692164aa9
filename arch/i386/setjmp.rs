//! `setjmp`/`longjmp` for i386 (System V i386 ABI, cdecl): the
//! callee-saved registers are ebx, esi, edi, ebp and esp; no x87 or SSE
//! register is callee-saved (the x87 control word and MXCSR are left alone,
//! as glibc and musl do).
//!
//! Register area of `jmp_buf` (4-byte slots in 3 eight-byte words): ebx,
//! esi, edi, ebp, the caller's esp (after the return), the return address.
//! No pointer mangling and no shadow stack: muslin builds without CET.

/// Number of 8-byte words in `jmp_buf`'s register area (`__JB_WORDS` in
/// `include/bits/setjmp.h`).
pub const JB_WORDS: usize = 3;

c_asm_function! {
    name: "setjmp",
    aliases: ["_setjmp"],
    globals: ["__muslin_setjmp_regs"],
    body: [
        "    mov eax, [esp + 4]",                // eax = buf
        "    mov dword ptr [eax + {fl}], 0",     // plain setjmp: no mask saved
        "    mov dword ptr [eax + {fl} + 4], 0",
        "__muslin_setjmp_regs:",
        "    mov eax, [esp + 4]",                // eax = buf
        "    mov [eax], ebx",
        "    mov [eax + 4], esi",
        "    mov [eax + 8], edi",
        "    mov [eax + 12], ebp",
        "    lea ecx, [esp + 4]",                // ecx = the caller's esp after we return
        "    mov [eax + 16], ecx",
        "    mov ecx, [esp]",                    // ecx = return address
        "    mov [eax + 20], ecx",
        "    xor eax, eax",                      // first return: 0
        "    ret",
    ],
    fl = const JB_WORDS * 8,
}

c_asm_function! {
    name: "longjmp",
    aliases: ["_longjmp"],
    body: [
        "    mov edx, [esp + 4]",                // edx = buf
        "    mov eax, [esp + 8]",                // eax = val
        "    cmp eax, 1",                        // CF = (val == 0), as unsigned
        "    adc eax, 0",                        // val 0 returns 1
        "    mov ebx, [edx]",
        "    mov esi, [edx + 4]",
        "    mov edi, [edx + 8]",
        "    mov ebp, [edx + 12]",
        "    mov esp, [edx + 16]",               // the setjmp caller's stack
        "    jmp dword ptr [edx + 20]",          // return from setjmp again, eax = val
    ]
}

c_asm_function! {
    name: "sigsetjmp",
    aliases: ["__sigsetjmp"],
    body: [
        "    mov eax, [esp + 4]",                // eax = buf
        "    mov ecx, [esp + 8]",                // ecx = savemask
        "    sub esp, 4",                        // 16-align esp at the call
        "    push ecx",
        "    push eax",
        "    call __muslin_sigsetjmp_save",      // (buf, savemask): flag and mask
        "    add esp, 12",                       // esp as on entry; [esp + 4] = buf
        "    jmp __muslin_setjmp_regs",          // save the registers, return 0
    ]
}
