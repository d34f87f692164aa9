//! `_start` for riscv64. On entry sp points at argc (16-byte aligned by the
//! kernel); ra and s0 (frame pointer) are unspecified, gp is unset.

core::arch::global_asm!(
    ".pushsection .text._start,\"ax\",@progbits",
    ".globl _start",
    ".p2align 2",
    "_start:",
    ".option push",
    ".option norelax",               // the linker must not relax gp's own set-up
    "    lla gp, __global_pointer$", // gp = __global_pointer$ (rust-lld defines it: .sdata + 0x800, or ELF header + 0x800 with no .sdata)
    ".option pop",
    "    li s0, 0",            // s0 = 0: outermost frame, no caller
    "    li ra, 0",            // ra = 0: no return address
    "    mv a0, sp",           // a0 = arg 1: the kernel's stack (argc, argv, envp, auxv)
    "    andi sp, sp, -16",    // sp rounded down to the psABI's 16 bytes
    "    call __muslin_start", // never returns
    "    unimp",               // trap if it ever did
    ".popsection",
);
