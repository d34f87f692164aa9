//! A load from address 0 at a known address, for tests of the signal-context
//! accessors: the SIGSEGV handler must see `PC == fault address` and can send
//! the thread on to `resume` by rewriting the PC, exactly as cancellation will.

use core::arch::global_asm;

// __muslin_probe: eax = 0, the load faults, the handler moves PC to
// __muslin_probe_resume, which returns 7 in eax.
global_asm!(
    ".pushsection .text.__muslin_probe,\"ax\",@progbits",
    ".globl __muslin_probe",
    ".hidden __muslin_probe",
    ".type __muslin_probe, @function",
    "__muslin_probe:",
    "    xor eax, eax", // eax = null pointer to load from
    ".globl __muslin_probe_fault",
    ".hidden __muslin_probe_fault",
    "__muslin_probe_fault:",
    "    mov eax, dword ptr [eax]", // faults; never completes
    "    xor eax, eax",             // not reached: would return 0
    "    ret",
    ".globl __muslin_probe_resume",
    ".hidden __muslin_probe_resume",
    "__muslin_probe_resume:",
    "    mov eax, 7", // the handler redirected us: return 7
    "    ret",
    ".size __muslin_probe, . - __muslin_probe",
    ".popsection",
);
