//! `_start` for powerpc64le (ELFv2). On entry r1 points at argc; r2 (TOC
//! pointer) is not set up for a static executable, so we compute it.

core::arch::global_asm!(
    ".pushsection .text._start,\"ax\",@progbits",
    ".globl _start",
    ".type _start,@function",
    "_start:",
    "    bcl 20, 31, 1f",          // lr = address of 1: (branch always, link)
    "1:  mflr 2",                  // r2 = address of 1:
    "    addis 2, 2, .TOC.-1b@ha", // r2 += high half of (TOC - 1:)
    "    addi 2, 2, .TOC.-1b@l",   // r2 = TOC pointer
    "    mr 3, 1",                 // arg 1: the kernel's stack (argc, argv, envp, auxv)
    "    clrrdi 1, 1, 4",          // r1 aligned down to 16 bytes
    "    li 0, 0",                 // r0 = 0
    "    mtlr 0",                  // lr = 0: no caller to return to
    "    stdu 0, -32(1)",          // minimal 32-byte frame, back chain = 0
    "    bl __muslin_start",       // never returns
    "    nop",                     // TOC-restore slot the linker may use
    "    trap",
    ".size _start, . - _start",
    ".popsection",
);
