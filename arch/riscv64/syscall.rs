//! Raw system calls: `ecall` with the number in `a7`, arguments in `a0..a5`
//! and the result in `a0`. The kernel preserves every other register (and
//! riscv has no condition flags).

first_arg_returns! {
    insn: "ecall",
    nr: "a7",
    args: ["a0", "a1", "a2", "a3", "a4", "a5"],
    clobbers: [],
    options: (nostack, preserves_flags),
    six: syscall6,
}

/// riscv64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
