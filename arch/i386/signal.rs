//! Signals on i386: the kernel needs `SA_RESTORER` and builds two kinds of
//! frame: a plain `sigframe` for handlers without `SA_SIGINFO` (undone by
//! `sigreturn`) and an `rt_sigframe` for `SA_SIGINFO` ones (`rt_sigreturn`).

/// The kernel's `struct sigaction` for `rt_sigaction` on this arch.
pub type KernelSigaction<M> = crate::arch::kernel_sigaction::KernelSigaction<usize, M>;

/// The `SA_RESTORER` flag this arch's kernel understands.
pub const SA_RESTORER: usize = 0x0400_0000;

/// Byte offset of the interrupted PC (`gregs[REG_EIP = 14]`) in `ucontext_t`:
/// 20 bytes of `uc_flags`, `uc_link`, `uc_stack`, then 4-byte registers.
pub const UCONTEXT_PC: usize = 20 + 14 * 4;
/// Byte offset of the interrupted SP (`gregs[REG_ESP = 7]`) in `ucontext_t`.
pub const UCONTEXT_SP: usize = 20 + 7 * 4;
/// Byte offset of the blocked-signal mask (`uc_sigmask`) in `ucontext_t`:
/// after the 20 bytes above and the 88-byte `sigcontext` (4 segment words,
/// 8 general registers, trapno, err, eip, cs, eflags, esp_at_signal, ss,
/// fpstate, oldmask, cr2).
pub const UCONTEXT_SIGMASK: usize = 20 + 22 * 4;

// On return from the handler %esp points just past the return address:
// sigframe: [sig][sigcontext...] -- sigreturn wants sig popped first;
// rt_sigframe: [sig][pinfo][puc][siginfo][ucontext] -- rt_sigreturn
// finds it as is. Both enter the kernel with int $0x80: nothing to preserve.
restorers! {
    rt: [
        "    mov eax, {nr}", // eax = __NR_rt_sigreturn; esp = rt frame
        "    int 0x80",      // never returns
    ],
    plain: [
        "    pop eax",       // drop the signal number: esp = &sigcontext
        "    mov eax, {nr}", // eax = __NR_sigreturn
        "    int 0x80",      // never returns
    ],
}
