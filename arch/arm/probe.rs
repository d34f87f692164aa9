//! A load from address 0 at a known address, for tests of the signal-context
//! accessors: the SIGSEGV handler must see `PC == fault address` and can send
//! the thread on to `resume` by rewriting the PC, exactly as cancellation will.

use core::arch::global_asm;

// __muslin_probe (ARM mode): r0 = 0, the load faults, the handler moves PC to
// __muslin_probe_resume, which returns 7 in r0.
global_asm!(
    ".pushsection .text.__muslin_probe,\"ax\",%progbits",
    ".arm",
    ".globl __muslin_probe",
    ".hidden __muslin_probe",
    ".type __muslin_probe, %function",
    "__muslin_probe:",
    "    mov r0, #0", // r0 = null pointer to load from
    ".globl __muslin_probe_fault",
    ".hidden __muslin_probe_fault",
    "__muslin_probe_fault:",
    "    ldr r0, [r0]", // faults; never completes
    "    mov r0, #0",   // not reached: would return 0
    "    bx lr",
    ".globl __muslin_probe_resume",
    ".hidden __muslin_probe_resume",
    "__muslin_probe_resume:",
    "    mov r0, #7", // the handler redirected us: return 7
    "    bx lr",
    ".size __muslin_probe, . - __muslin_probe",
    ".popsection",
);
