//! Signals on powerpc64: the kernel's `struct sigaction` has an `sa_restorer`
//! field, but signal delivery never reads it: the handler returns through the
//! vDSO's `__kernel_sigtramp_rt64`, or through a trampoline the kernel writes
//! into the signal frame when there is no vDSO. So no restorer, no flag.

/// The kernel's `struct sigaction` for `rt_sigaction` on this arch.
pub type KernelSigaction<M> = crate::arch::kernel_sigaction::KernelSigaction<usize, M>;

/// The kernel ignores `SA_RESTORER` here; muslin never sets it.
pub const SA_RESTORER: usize = 0;

/// Byte offset of the interrupted PC (`uc_mcontext.gp_regs[32]`, NIP) in
/// `ucontext_t`: the sigcontext starts at 168, its `gp_regs` at 232.
pub const UCONTEXT_PC: usize = 488;
/// Byte offset of the interrupted SP (`uc_mcontext.gp_regs[1]`) in `ucontext_t`.
pub const UCONTEXT_SP: usize = 240;
/// Byte offset of the blocked-signal mask (`uc_sigmask`) in `ucontext_t`:
/// after uc_flags, uc_link and the 24-byte uc_stack (powerpc64 puts the mask
/// and its 15 spare sigsets before the sigcontext at 168).
pub const UCONTEXT_SIGMASK: usize = 40;

/// No restorer: the kernel supplies the return trampoline itself.
pub fn restorer(_siginfo: bool) -> usize {
    0
}
