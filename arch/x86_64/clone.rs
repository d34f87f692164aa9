//! Thread creation: `clone` with the new thread on its own stack.
//!
//! `__muslin_clone(func, stack, flags, arg, ptid, tls, ctid)` (C ABI):
//! rdi = func, rsi = stack top, edx = flags, rcx = arg, r8 = ptid, r9 = tls,
//! [rsp+8] = ctid. The kernel takes clone(flags, stack, ptid, ctid, tls) in
//! rdi, rsi, rdx, r10, r8. In the child, `func(arg)` runs on the new stack
//! and must not return.

use linux_raw_sys::general::__NR_clone;

asm_function! {
    name: "__muslin_clone",
    body: [
        "    and rsi, -16",       // rsi = child stack top, 16-byte aligned
        "    sub rsi, 8",
        "    mov [rsi], rcx",     // child's first pop: arg
        "    mov r11, rdi",       // r11 = func (rdi is reused for flags)
        "    mov edi, edx",       // rdi = flags
        "    mov rdx, r8",        // rdx = ptid
        "    mov r8, r9",         // r8 = tls
        "    mov r10, [rsp + 8]", // r10 = ctid
        "    mov r9, r11",        // r9 = func: survives the syscall in both
        "    mov eax, {nr}",      // rax = SYS_clone
        "    syscall",
        "    test eax, eax",
        "    jnz 1f",             // parent (tid) or error (-errno): return it
        "    xor ebp, ebp",       // child: outermost frame
        "    pop rdi",            // rdi = arg; rsp is 16-byte aligned again
        "    call r9",            // func(arg): never returns
        "    ud2",
        "1:  ret",
    ],
    nr = const __NR_clone,
}

/// `CLONE_SETTLS` here takes the new thread pointer itself.
pub type CloneTls = *mut u8;

/// The `CLONE_SETTLS` argument for a thread whose thread pointer is `tp`.
pub fn clone_tls(tp: *mut u8) -> CloneTls {
    tp
}
