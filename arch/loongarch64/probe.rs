//! A load from address 0 at a known address, for tests of the signal-context
//! accessors: the SIGSEGV handler must see `PC == fault address` and can send
//! the thread on to `resume` by rewriting the PC, exactly as cancellation will.

use core::arch::global_asm;

// __muslin_probe: a leaf function, $ra = return address throughout (no calls).
global_asm!(
    ".pushsection .text.__muslin_probe,\"ax\",@progbits",
    ".globl __muslin_probe",
    ".hidden __muslin_probe",
    ".type __muslin_probe,@function",
    "__muslin_probe:",
    "    move $a0, $zero", // a0 = null pointer to load from
    ".globl __muslin_probe_fault",
    ".hidden __muslin_probe_fault",
    "__muslin_probe_fault:",
    "    ld.d $a0, $a0, 0", // faults; never completes
    "    move $a0, $zero",  // not reached: would return 0 in a0
    "    jr $ra",           // return to the caller
    ".globl __muslin_probe_resume",
    ".hidden __muslin_probe_resume",
    "__muslin_probe_resume:",
    "    ori $a0, $zero, 7", // the handler redirected us: a0 = 7
    "    jr $ra",            // return to the caller
    ".size __muslin_probe, . - __muslin_probe",
    ".popsection",
);
