//! `_start` for i386. On entry %esp points at argc; %ebp is unspecified and
//! %edx may hold an exit function for a dynamic loader (ignored: static only).

core::arch::global_asm!(
    ".pushsection .text._start,\"ax\",@progbits",
    ".globl _start",
    ".type _start, @function",
    "_start:",
    "    xor ebp, ebp",        // outermost frame: no caller
    "    mov eax, esp",        // eax = the kernel's stack (argc, argv, envp, auxv)
    "    and esp, -16",        // esp 16-byte aligned
    "    sub esp, 12",         // so that after the push esp is 16-aligned at the call
    "    push eax",            // arg 1 (cdecl: on the stack)
    "    call __muslin_start", // never returns
    "    hlt",
    ".size _start, . - _start",
    ".popsection",
);
