//! A load from address 0 at a known address, for tests of the signal-context
//! accessors: the SIGSEGV handler must see `PC == fault address` and can send
//! the thread on to `resume` by rewriting the PC, exactly as cancellation will.

use core::arch::global_asm;

// __muslin_probe: a0 = 0; the load through a0 faults; the handler moves PC to
// __muslin_probe_resume, which returns 7 in a0 (ra is untouched).
global_asm!(
    ".pushsection .text.__muslin_probe,\"ax\",@progbits",
    ".globl __muslin_probe",
    ".hidden __muslin_probe",
    ".p2align 2",
    "__muslin_probe:",
    "    li a0, 0", // a0 = null pointer to load from
    ".globl __muslin_probe_fault",
    ".hidden __muslin_probe_fault",
    "__muslin_probe_fault:",
    "    ld a0, 0(a0)", // faults; never completes
    "    li a0, 0",     // not reached: would return 0
    "    ret",          // return to ra
    ".globl __muslin_probe_resume",
    ".hidden __muslin_probe_resume",
    "__muslin_probe_resume:",
    "    li a0, 7", // the handler redirected us: return 7
    "    ret",      // return to ra
    ".popsection",
);
