//! Raw system calls (EABI): `r7` = number, arguments in `r0`–`r5`, result in
//! `r0`; `svc 0` preserves every other register and the condition flags.

syscalls! {
    raw: first_arg_returns,
    with: { insn: "svc 0", nr: "r7", clobbers: [], options: (nostack, preserves_flags) },
    args: ["r0", "r1", "r2", "r3", "r4", "r5"],
    six: syscall6,
}

/// arm needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
