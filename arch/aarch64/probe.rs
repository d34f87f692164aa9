//! A load from address 0 at a known address, for tests of the signal-context
//! accessors: the SIGSEGV handler must see `PC == fault address` and can send
//! the thread on to `resume` by rewriting the PC, exactly as cancellation will.

use core::arch::global_asm;

// __muslin_probe: x0 = 0; the load through x0 faults; the handler moves PC to
// __muslin_probe_resume, which returns 7 in x0 (lr = x30 is untouched).
global_asm!(
    ".pushsection .text.__muslin_probe,\"ax\",@progbits",
    ".globl __muslin_probe",
    ".hidden __muslin_probe",
    ".p2align 2",
    "__muslin_probe:",
    "    mov x0, #0", // x0 = null pointer to load from
    ".globl __muslin_probe_fault",
    ".hidden __muslin_probe_fault",
    "__muslin_probe_fault:",
    "    ldr x0, [x0]", // faults; never completes
    "    mov x0, #0",   // not reached: would return 0
    "    ret",          // return to x30
    ".globl __muslin_probe_resume",
    ".hidden __muslin_probe_resume",
    "__muslin_probe_resume:",
    "    mov x0, #7", // the handler redirected us: return 7
    "    ret",        // return to x30
    ".popsection",
);
