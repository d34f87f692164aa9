//! Raw system calls: `rax` = number and return value, arguments in
//! `rdi rsi rdx r10 r8 r9`; the kernel clobbers `rcx` (return address) and `r11`
//! (saved rflags).

/// The call for `syscalls!`: the result comes back in rax, over the number.
macro_rules! raw {
    ({}; $nr:ident; [$($r:tt = $a:ident),*]; [$($unused:tt),*]) => {{
        let r;
        core::arch::asm!("syscall", inlateout("rax") $nr => r, $(in($r) $a,)*
            lateout("rcx") _, lateout("r11") _, options(nostack, preserves_flags));
        r
    }};
}

syscalls! {
    raw: raw,
    with: {},
    args: ["rdi", "rsi", "rdx", "r10", "r8", "r9"],
    six: syscall6,
}

/// x86_64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
