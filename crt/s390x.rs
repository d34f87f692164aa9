//! `_start` for s390x. On entry r15 points at argc. The callee may store its
//! registers in a 160-byte save area at the caller's stack pointer, whose
//! first word is the back chain (0: no caller).

core::arch::global_asm!(
    ".pushsection .text._start,\"ax\",@progbits",
    ".globl _start",
    ".type _start,@function",
    "_start:",
    "    lgr %r2, %r15",     // arg 1: the kernel's stack (argc, argv, envp, auxv)
    "    nill %r15, 0xfff0", // r15 aligned down to 16 bytes (ABI needs 8)
    "    aghi %r15, -160",   // r15 = register save area for the callee
    "    xc 0(8,%r15), 0(%r15)", // back chain = 0
    "    brasl %r14, __muslin_start", // never returns
    "    .word 0",           // invalid opcode: trap if it ever did
    ".size _start, . - _start",
    ".popsection",
);
