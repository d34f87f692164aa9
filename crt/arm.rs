//! `_start` for arm (ARM mode). On entry sp points at argc; r0 may hold an
//! exit function for a dynamic loader (ignored: static only).

core::arch::global_asm!(
    ".pushsection .text._start,\"ax\",%progbits",
    ".arm",
    ".globl _start",
    ".type _start, %function",
    "_start:",
    "    mov fp, #0",        // r11 = 0: outermost frame
    "    mov lr, #0",        // no return address
    "    mov r0, sp",        // arg 1: the kernel's stack (argc, argv, envp, auxv)
    "    bic sp, sp, #15",   // AAPCS wants 8-byte alignment; give 16
    "    bl __muslin_start", // never returns
    "    udf #0",            // not reached
    ".size _start, . - _start",
    ".popsection",
);
