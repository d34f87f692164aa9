//! Thread creation: `clone` with the new thread on its own stack.
//!
//! `__muslin_clone(func, stack, flags, arg, ptid, tls, ctid)` (cdecl, every
//! argument on the stack: [esp+4] func, +8 stack, +12 flags, +16 arg,
//! +20 ptid, +24 tls, +28 ctid). The kernel takes clone(flags, stack, ptid,
//! tls, ctid) in ebx, ecx, edx, esi, edi; with `CLONE_SETTLS`, `tls` points
//! at a `struct user_desc`. The call is made with `int $0x80`, not through
//! the vDSO: the child would return from `__kernel_vsyscall` on a stack
//! that holds no return address.
//!
//! The child starts with the parent's registers but eax = 0 and esp = the
//! new stack. Its `%gs` holds the parent's selector, which is valid at once:
//! the TLS GDT entries are per thread, and the kernel filled the child's
//! copy of that entry from the `user_desc` (base = the child's thread
//! pointer). In the child, `func(arg)` runs on the new stack and must not
//! return.

use linux_raw_sys::general::__NR_clone;

// Stack after the four pushes: [esp] ebx, +4 esi, +8 edi, +12 ebp, +16
// return address, +20 func, +24 stack, +28 flags, +32 arg, +36 ptid,
// +40 tls, +44 ctid. The child's stack is prepared before the call:
// [new esp] = arg, [new esp + 4] = func, new esp 16-byte aligned, so that
// `call` in the child enters func with esp + 4 16-byte aligned (i386 SysV).
asm_function! {
    name: "__muslin_clone",
    body: [
        "    push ebp",                      // save callee-saved ebp
        "    push edi",                      // save callee-saved edi (ctid register)
        "    push esi",                      // save callee-saved esi (tls register)
        "    push ebx",                      // save callee-saved ebx (flags register)
        "    mov ecx, dword ptr [esp + 24]", // ecx = child stack top
        "    and ecx, -16",                  // ecx = top, 16-byte aligned
        "    sub ecx, 16",                   // ecx = child esp: room for arg, func
        "    mov eax, dword ptr [esp + 32]", // eax = arg
        "    mov dword ptr [ecx], eax",      // [child esp] = arg: func's argument
        "    mov eax, dword ptr [esp + 20]", // eax = func
        "    mov dword ptr [ecx + 4], eax",  // [child esp + 4] = func
        "    mov ebx, dword ptr [esp + 28]", // ebx = flags
        "    mov edx, dword ptr [esp + 36]", // edx = ptid
        "    mov esi, dword ptr [esp + 40]", // esi = &user_desc
        "    mov edi, dword ptr [esp + 44]", // edi = ctid
        "    mov eax, {nr_clone}",           // eax = SYS_clone
        "    int 0x80",                      // eax = tid (parent), 0 (child), -errno
        "    test eax, eax",                 // child?
        "    jnz 1f",                        // parent (tid) or error (-errno): return it
        "    xor ebp, ebp",                  // child: outermost frame, no caller
        "    mov eax, dword ptr [esp + 4]",  // eax = func; esp = child esp, [esp] = arg
        "    call eax",                      // func(arg): never returns
        "    ud2",                           // trap if it does
        "1:  pop ebx",                       // parent: restore ebx
        "    pop esi",                       // restore esi
        "    pop edi",                       // restore edi
        "    pop ebp",                       // restore ebp
        "    ret",                           // eax = tid or -errno
    ],
    nr_clone = const __NR_clone,
}

/// `CLONE_SETTLS` on i386 takes a `struct user_desc`: the child gets the
/// main thread's TLS GDT entry ([`gdt_entry`](super::thread_pointer::gdt_entry))
/// based at `tp`, so the `%gs` selector it inherits addresses its own TLS.
pub type CloneTls = super::thread_pointer::UserDesc;

/// The `CLONE_SETTLS` argument for a thread whose thread pointer is `tp`.
pub fn clone_tls(tp: *mut u8) -> CloneTls {
    super::thread_pointer::UserDesc::tls(super::thread_pointer::gdt_entry(), tp)
}

impl crate::arch::CloneTlsArg for CloneTls {
    /// The kernel reads the descriptor during the call only.
    fn as_arg(&self) -> usize {
        self as *const CloneTls as usize
    }
}
