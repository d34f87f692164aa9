//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(a, b, c, d, e, f, nr, cancel)` (cdecl, every
//! argument on the stack: [esp+4]..[esp+24] = a..f, [esp+28] = nr,
//! [esp+32] = &cancel flag). The kernel takes the number in eax and a..f in
//! ebx, ecx, edx, esi, edi, ebp; four of those are callee-saved, so they
//! are pushed before `__muslin_cp_begin` and popped on both ways out. With
//! everything on the stack the argument order saves no moves here: each
//! register is loaded once, after the flag test.
//!
//! The call is made with an inline `int $0x80`, never through the vDSO's
//! `__kernel_vsyscall`: a signal arriving while the thread is blocked must
//! see a PC inside `[__muslin_cp_begin, __muslin_cp_end)`, and through the
//! vDSO it would see one inside vDSO code. Between the two labels the
//! syscall has not taken effect: the flag is tested (its address is loaded
//! by the first instruction of the range), arguments are loaded, and
//! `int $0x80` (where a blocked, restartable call is reported) is the last
//! instruction in the range. `__muslin_cp_cancel` pops what was pushed and
//! leaves as if the call had never started.

syscall_cp_thunk! {
    body: [
        "    push ebp", // save callee-saved ebp (arg f register)
        "    push edi", // save callee-saved edi (arg e)
        "    push esi", // save callee-saved esi (arg d)
        "    push ebx", // save callee-saved ebx (arg a)
        // Now [esp+16] = return address, [esp+20]..[esp+40] = a..f,
        // [esp+44] = nr, [esp+48] = &cancel flag.
        "__muslin_cp_begin:",
        "    mov eax, dword ptr [esp + 48]", // eax = &cancel flag
        "    cmp dword ptr [eax], 0",        // cancel flag set?
        "    jne __muslin_cp_cancel",        // requested: don't make the call
        "    mov ebx, dword ptr [esp + 20]", // ebx = a
        "    mov ecx, dword ptr [esp + 24]", // ecx = b
        "    mov edx, dword ptr [esp + 28]", // edx = c
        "    mov esi, dword ptr [esp + 32]", // esi = d
        "    mov edi, dword ptr [esp + 36]", // edi = e
        "    mov ebp, dword ptr [esp + 40]", // ebp = f
        "    mov eax, dword ptr [esp + 44]", // eax = nr
        "    int 0x80",                      // eax = raw result
        "__muslin_cp_end:",
        "    pop ebx",                       // restore ebx; eax = raw result
        "    pop esi",                       // restore esi
        "    pop edi",                       // restore edi
        "    pop ebp",                       // restore ebp; esp as on entry
        "    ret",                           // eax = raw result
        "__muslin_cp_cancel:",
        "    pop ebx",                       // restore ebx (its saved copy is intact
        "    pop esi",                       // even if the handler redirected us from
        "    pop edi",                       // inside the range with the argument
        "    pop ebp",                       // registers loaded): restore esi edi ebp
        "    jmp __muslin_cp_cancelled",     // esp as on entry: tail-call, eax = -ECANCELED
    ]
}
