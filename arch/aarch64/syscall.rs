//! Raw system calls: `svc #0` with the number in `x8`, arguments in `x0..x5`
//! and the result in `x0`. The kernel preserves every other register and
//! restores PSTATE (so the condition flags) on return.

syscalls! {
    raw: first_arg_returns,
    with: { insn: "svc #0", nr: "x8", clobbers: [], options: (nostack, preserves_flags) },
    args: ["x0", "x1", "x2", "x3", "x4", "x5"],
    six: syscall6,
}

/// aarch64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
