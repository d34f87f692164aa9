//! Signals on loongarch64: the kernel has no `SA_RESTORER`; it returns from
//! a handler through the vDSO's `rt_sigreturn` trampoline (qemu-user supplies
//! its own), so muslin installs no restorer.

/// The kernel's `struct sigaction` for `rt_sigaction` on this arch.
pub type KernelSigaction<M> = crate::arch::kernel_sigaction::KernelSigaction<(), M>;

/// No `SA_RESTORER` flag on this arch.
pub const SA_RESTORER: usize = 0;

/// Byte offset of the interrupted PC in `ucontext_t`: `uc_mcontext` (the
/// kernel's 16-byte aligned `struct sigcontext`) sits at 176, `sc_pc` first.
pub const UCONTEXT_PC: usize = 176;
/// Byte offset of the interrupted SP (`sc_regs[3]`, `$sp` = `$r3`) in `ucontext_t`.
pub const UCONTEXT_SP: usize = 208;
/// Byte offset of the blocked-signal mask (`uc_sigmask`) in `ucontext_t`:
/// after uc_flags, uc_link (8 each) and uc_stack (24); the kernel's 8-byte
/// mask is padded to 128 bytes, then `uc_mcontext` (aligned to 16) at 176.
pub const UCONTEXT_SIGMASK: usize = 40;

/// No restorer on this arch: the kernel ignores the field, which the
/// sigaction layout does not even have.
pub fn restorer(_siginfo: bool) -> usize {
    0
}
