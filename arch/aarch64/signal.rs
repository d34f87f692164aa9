//! Signals on aarch64: the kernel honours `SA_RESTORER` (it falls back to the
//! vDSO's `__kernel_rt_sigreturn` without it) and always builds an rt frame,
//! so one restorer calling `rt_sigreturn` serves every handler.

/// The kernel's `struct sigaction` for `rt_sigaction` on this arch.
pub type KernelSigaction<M> = crate::arch::kernel_sigaction::KernelSigaction<usize, M>;

/// The `SA_RESTORER` flag this arch's kernel understands.
pub const SA_RESTORER: usize = 0x0400_0000;

/// Byte offset of the interrupted PC (`uc_mcontext.pc`) in `ucontext_t`:
/// `uc_mcontext` starts at 176 (16-byte aligned after the 128-byte signal
/// mask area), then `fault_address` (8) and `regs[31]` (248), `sp`, `pc`.
pub const UCONTEXT_PC: usize = 440;
/// Byte offset of the interrupted SP (`uc_mcontext.sp`) in `ucontext_t`.
pub const UCONTEXT_SP: usize = 432;
/// Byte offset of the blocked-signal mask (`uc_sigmask`) in `ucontext_t`:
/// after uc_flags, uc_link (8 each) and uc_stack (24).
pub const UCONTEXT_SIGMASK: usize = 40;

// rt_sigreturn unwinds the frame the kernel built; sp points at it.
restorers! {
    head: [".p2align 2"],
    rt: [
        "    mov x8, #{nr}", // x8 = __NR_rt_sigreturn
        "    svc #0",        // never returns
    ],
}
