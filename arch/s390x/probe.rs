//! A load from address 0 at a known address, for tests of the signal-context
//! accessors: the SIGSEGV handler must see `PC == fault address` and can send
//! the thread on to `resume` by rewriting the PC, exactly as cancellation will.

use core::arch::global_asm;

// Translation exceptions are nullifying: the PSW the kernel saves points at
// the load itself.
global_asm!(
    ".pushsection .text.__muslin_probe,\"ax\",@progbits",
    ".globl __muslin_probe",
    ".hidden __muslin_probe",
    ".type __muslin_probe,@function",
    "__muslin_probe:",
    "    lghi %r2, 0", // r2 = null pointer to load from
    ".globl __muslin_probe_fault",
    ".hidden __muslin_probe_fault",
    "__muslin_probe_fault:",
    "    lg %r2, 0(%r2)", // faults; never completes
    "    lghi %r2, 0",    // not reached: would return 0
    "    br %r14",
    ".globl __muslin_probe_resume",
    ".hidden __muslin_probe_resume",
    "__muslin_probe_resume:",
    "    lghi %r2, 7", // the handler redirected us: return 7
    "    br %r14",
    ".size __muslin_probe, . - __muslin_probe",
    ".popsection",
);
