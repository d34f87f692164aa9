//! `_start` for loongarch64. On entry `$sp` points at argc; `$fp` and `$ra`
//! hold nothing meaningful.

core::arch::global_asm!(
    ".pushsection .text._start,\"ax\",@progbits",
    ".globl _start",
    ".type _start,@function",
    "_start:",
    "    move $fp, $zero", // outermost frame: no caller's frame pointer
    "    move $ra, $zero", // and no return address to unwind to
    "    move $a0, $sp",   // arg 1: the kernel's stack (argc, argv, envp, auxv)
    "    bstrins.d $sp, $zero, 3, 0", // sp &= -16: the ABI's alignment at a call
    "    bl __muslin_start", // never returns
    "    break 0",         // not reached: trap if it ever does
    ".size _start, . - _start",
    ".popsection",
);
