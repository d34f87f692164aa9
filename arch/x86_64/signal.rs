//! Signals on x86_64: the kernel needs `SA_RESTORER`, and always builds an
//! rt frame, so one restorer calling `rt_sigreturn` serves every handler.

/// The kernel's `struct sigaction` for `rt_sigaction` on this arch.
pub type KernelSigaction<M> = crate::arch::kernel_sigaction::KernelSigaction<usize, M>;

/// The `SA_RESTORER` flag this arch's kernel understands.
pub const SA_RESTORER: usize = 0x0400_0000;

/// Byte offset of the interrupted PC (`gregs[REG_RIP]`) in `ucontext_t`.
pub const UCONTEXT_PC: usize = 168;
/// Byte offset of the interrupted SP (`gregs[REG_RSP]`) in `ucontext_t`.
pub const UCONTEXT_SP: usize = 160;
/// Byte offset of the blocked-signal mask (`uc_sigmask`) in `ucontext_t`:
/// after uc_flags, uc_link, uc_stack (40 bytes) and the 256-byte mcontext.
pub const UCONTEXT_SIGMASK: usize = 296;

// rt_sigreturn unwinds the frame the kernel pushed; %rsp points at it.
restorers! {
    rt: [
        "    mov eax, {nr}", // rax = __NR_rt_sigreturn
        "    syscall",       // never returns
    ],
}
