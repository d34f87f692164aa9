//! `_start` for x86_64. On entry %rsp points at argc; %rbp is unspecified.

core::arch::global_asm!(
    ".pushsection .text._start,\"ax\",@progbits",
    ".globl _start",
    "_start:",
    "    xor ebp, ebp",        // outermost frame: no caller
    "    mov rdi, rsp",        // arg 1: the kernel's stack (argc, argv, envp, auxv)
    "    and rsp, -16",        // the ABI wants 16-byte alignment at a call
    "    call __muslin_start", // never returns
    "    hlt",
    ".popsection",
);
