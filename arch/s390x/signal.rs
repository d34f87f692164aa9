//! Signals on s390x: the kernel honours `SA_RESTORER` and builds an rt frame
//! (returned from with `rt_sigreturn`) for `SA_SIGINFO` handlers and an old
//! sigframe (returned from with `sigreturn`) for the rest, so there are two
//! restorers. The kernel's handler returns to the address in r14.

/// The kernel's `struct sigaction` on s390x: handler, flags, restorer, mask.
pub type KernelSigaction<M> = crate::arch::kernel_sigaction::KernelSigaction<usize, M>;

/// The `SA_RESTORER` flag this arch's kernel understands.
pub const SA_RESTORER: usize = 0x0400_0000;

/// Byte offset of the interrupted PC (`uc_mcontext.regs.psw.addr`) in
/// `ucontext_t`: uc_flags, uc_link and the 24-byte stack_t take 40 bytes,
/// then the PSW's mask and address.
pub const UCONTEXT_PC: usize = 48;
/// Byte offset of the interrupted SP (`uc_mcontext.regs.gprs[15]`) in `ucontext_t`.
pub const UCONTEXT_SP: usize = 176;
/// Byte offset of the blocked-signal mask (`uc_sigmask`) in `ucontext_t`:
/// after uc_flags, uc_link, the 24-byte uc_stack (40 bytes) and the 344-byte
/// `_sigregs` (PSW 16, gprs 128, access registers 64, fpc + fprs 136).
pub const UCONTEXT_SIGMASK: usize = 384;

// r15 points at the frame the kernel built; both calls unwind it.
restorers! {
    rt: [
        "    svc {nr}", // rt_sigreturn: SA_SIGINFO frame
    ],
    plain: [
        "    svc {nr}", // sigreturn: plain-handler frame
    ],
}
