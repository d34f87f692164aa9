//! Signals on arm: the kernel needs `SA_RESTORER` and builds two kinds of
//! frame: a plain `sigframe` for handlers without `SA_SIGINFO` (undone by
//! `sigreturn`) and an `rt_sigframe` for `SA_SIGINFO` ones (`rt_sigreturn`).
//! The restorer is the handler's return address (lr), with sp at the frame.

/// The kernel's `struct sigaction` for `rt_sigaction` on this arch.
pub type KernelSigaction<M> = crate::arch::kernel_sigaction::KernelSigaction<usize, M>;

/// The `SA_RESTORER` flag this arch's kernel understands.
pub const SA_RESTORER: usize = 0x0400_0000;

/// Byte offset of the interrupted PC (`uc_mcontext.arm_pc`) in `ucontext_t`:
/// 20 bytes of `uc_flags`, `uc_link`, `uc_stack`, then `trap_no`,
/// `error_code`, `oldmask`, `arm_r0`..`arm_r10`, fp, ip, sp, lr, pc.
pub const UCONTEXT_PC: usize = 20 + 4 * (3 + 15);
/// Byte offset of the interrupted SP (`uc_mcontext.arm_sp`) in `ucontext_t`.
pub const UCONTEXT_SP: usize = 20 + 4 * (3 + 13);
/// Byte offset of the blocked-signal mask (`uc_sigmask`) in `ucontext_t`:
/// after the 20 bytes above and the 84-byte `sigcontext` (trap_no,
/// error_code, oldmask, r0-r10, fp, ip, sp, lr, pc, cpsr, fault_address).
pub const UCONTEXT_SIGMASK: usize = 20 + 4 * (3 + 18);

// sp points at the frame the kernel built; r7 is free (the frame restores it).
restorers! {
    head: [".arm"],
    rt: [
        "    mov r7, #{nr}", // r7 = __NR_rt_sigreturn
        "    svc 0",         // never returns
    ],
    plain: [
        "    mov r7, #{nr}", // r7 = __NR_sigreturn
        "    svc 0",         // never returns
    ],
}
