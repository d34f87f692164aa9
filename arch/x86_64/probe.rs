//! A load from address 0 at a known address, for tests of the signal-context
//! accessors: the SIGSEGV handler must see `PC == fault address` and can send
//! the thread on to `resume` by rewriting the PC, exactly as cancellation will.

use core::arch::global_asm;

// __muslin_probe_fault: rax = 0 (by the caller's convention: none; we set it),
// the load faults, the handler moves PC to __muslin_probe_resume, which returns 7.
global_asm!(
    ".pushsection .text.__muslin_probe,\"ax\",@progbits",
    ".globl __muslin_probe",
    ".hidden __muslin_probe",
    "__muslin_probe:",
    "    xor eax, eax", // rax = null pointer to load from
    ".globl __muslin_probe_fault",
    ".hidden __muslin_probe_fault",
    "__muslin_probe_fault:",
    "    mov rax, qword ptr [rax]", // faults; never completes
    "    xor eax, eax",             // not reached: would return 0
    "    ret",
    ".globl __muslin_probe_resume",
    ".hidden __muslin_probe_resume",
    "__muslin_probe_resume:",
    "    mov eax, 7", // the handler redirected us: return 7
    "    ret",
    ".popsection",
);
