//! Signals on riscv64: the kernel has no `SA_RESTORER`; it returns from every
//! handler through the vDSO's `__vdso_rt_sigreturn` (qemu-user supplies its
//! own trampoline when it maps no vDSO), so muslin provides no restorer.

/// The kernel's `struct sigaction` for `rt_sigaction` on this arch (no
/// restorer field).
pub type KernelSigaction<M> = crate::arch::kernel_sigaction::KernelSigaction<(), M>;

/// This arch's kernel has no `SA_RESTORER` flag.
pub const SA_RESTORER: usize = 0;

/// Byte offset of the interrupted PC (`uc_mcontext.__gregs[0]`) in
/// `ucontext_t`: `uc_mcontext` starts at 176 (16-byte aligned after the
/// 128-byte signal mask area) and begins with `pc`.
pub const UCONTEXT_PC: usize = 176;
/// Byte offset of the interrupted SP (`__gregs[2]`, after `pc` and `ra`).
pub const UCONTEXT_SP: usize = 192;
/// Byte offset of the blocked-signal mask (`uc_sigmask`) in `ucontext_t`:
/// after uc_flags, uc_link (8 each) and uc_stack (24).
pub const UCONTEXT_SIGMASK: usize = 40;

/// There is no restorer on this arch: always 0 (unused, as
/// [`SA_RESTORER`] is 0).
pub fn restorer(_siginfo: bool) -> usize {
    0
}
