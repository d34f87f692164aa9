//! Raw system calls: `ecall` with the number in `a7`, arguments in `a0..a5`
//! and the result in `a0`. The kernel preserves every other register (and
//! riscv has no condition flags).

syscalls! {
    raw: first_arg_returns,
    with: { insn: "ecall", nr: "a7", clobbers: [], options: (nostack, preserves_flags) },
    args: ["a0", "a1", "a2", "a3", "a4", "a5"],
    six: syscall6,
}

/// riscv64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
