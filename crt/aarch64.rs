//! `_start` for aarch64. On entry sp points at argc (16-byte aligned by the
//! kernel); x29 (frame pointer) and x30 (link register) are unspecified.

core::arch::global_asm!(
    ".pushsection .text._start,\"ax\",@progbits",
    ".globl _start",
    ".p2align 2",
    "_start:",
    "    mov x29, #0",       // x29 = 0: outermost frame, no caller
    "    mov x30, #0",       // x30 = 0: no return address
    "    mov x0, sp",        // x0 = arg 1: the kernel's stack (argc, argv, envp, auxv)
    "    and sp, x0, #-16",  // sp = x0 rounded down to the ABI's 16 bytes
    "    bl __muslin_start", // never returns
    "    udf #0",            // trap if it ever did
    ".popsection",
);
