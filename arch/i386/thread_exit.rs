//! The last steps of a detached thread (see `unmap_and_exit!`).
//!
//! `__muslin_unmap_and_exit(base, len)` (cdecl): [esp+4] = base,
//! [esp+8] = len, both loaded into registers before the stack goes away.
//! Both calls use `int $0x80`: `__kernel_vsyscall` would push onto, and
//! return through, the stack that no longer exists.

unmap_and_exit! {
    args: [
        "    mov ebx, dword ptr [esp + 4]", // ebx = base
        "    mov ecx, dword ptr [esp + 8]", // ecx = len
    ],
    munmap: "    mov eax, {munmap}", // eax = __NR_munmap(ebx = base, ecx = len)
    syscall: "    int 0x80",         // eax = result, ignored
    status: "    xor ebx, ebx",      // ebx = status 0
    exit: "    mov eax, {exit}",     // eax = __NR_exit: this thread only
    trap: "    ud2",
}
