//! Raw system calls: `$a7` = number, arguments in `$a0..$a5`, result in
//! `$a0`; the kernel preserves the other argument registers but clobbers the
//! temporaries `$t0..$t8`.

syscalls! {
    raw: first_arg_returns,
    with: {
        insn: "syscall 0",
        nr: "$a7",
        clobbers: ["$t0", "$t1", "$t2", "$t3", "$t4", "$t5", "$t6", "$t7", "$t8"],
        options: (nostack, preserves_flags),
    },
    args: ["$a0", "$a1", "$a2", "$a3", "$a4", "$a5"],
    six: syscall6,
}

/// loongarch64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
