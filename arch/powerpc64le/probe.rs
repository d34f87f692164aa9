//! A load from address 0 at a known address, for tests of the signal-context
//! accessors: the SIGSEGV handler must see `PC == fault address` and can send
//! the thread on to `resume` by rewriting the PC, exactly as cancellation will.

use core::arch::global_asm;

// Uses no TOC, so the global and local entry points coincide.
global_asm!(
    ".pushsection .text.__muslin_probe,\"ax\",@progbits",
    ".globl __muslin_probe",
    ".hidden __muslin_probe",
    ".type __muslin_probe,@function",
    "__muslin_probe:",
    "    li 3, 0", // r3 = null pointer to load from
    ".globl __muslin_probe_fault",
    ".hidden __muslin_probe_fault",
    "__muslin_probe_fault:",
    "    ld 3, 0(3)", // faults; never completes
    "    li 3, 0",    // not reached: would return 0
    "    blr",
    ".globl __muslin_probe_resume",
    ".hidden __muslin_probe_resume",
    "__muslin_probe_resume:",
    "    li 3, 7", // the handler redirected us: return 7
    "    blr",
    ".size __muslin_probe, . - __muslin_probe",
    ".popsection",
);
