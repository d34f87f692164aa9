//! Raw system calls: `sc` with the number in r0 and arguments in r3–r8; the
//! result comes back in r3, and cr0.SO set means r3 is a positive errno, which
//! we negate so callers see the usual -errno convention. The kernel may change
//! r0, r3–r12, cr0, ctr and xer (the ELF ABI's volatile set, minus lr and
//! cr1/cr5–7, which `sc` preserves).

/// The call for `syscalls!`. The number register and the argument
/// registers the call does not use count as clobbered.
macro_rules! raw {
    ({}; $nr:ident; []; [$r0:tt $(, $unused:tt)*]) => {{
        let r;
        raw!(@sc inlateout("r0") $nr => _, lateout($r0) r, $(lateout($unused) _,)*);
        r
    }};
    ({}; $nr:ident; [$r0:tt = $a0:ident $(, $r:tt = $a:ident)*]; [$($unused:tt),*]) => {{
        let r;
        raw!(@sc inlateout("r0") $nr => _, inlateout($r0) $a0 => r,
            $(inlateout($r) $a => _,)* $(lateout($unused) _,)*);
        r
    }};
    // After `sc`: skip the negation unless cr0.SO reports an error.
    (@sc $($operands:tt)*) => {
        core::arch::asm!(
            "sc",       // r0 = nr, r3..r8 = args; r3 = result
            "bns+ 2f",  // cr0.SO clear: r3 is the result
            "neg 3, 3", // cr0.SO set: r3 = -errno
            "2:",
            $($operands)*
            lateout("r9") _, lateout("r10") _, lateout("r11") _, lateout("r12") _,
            out("cr0") _, out("ctr") _, out("xer") _,
            options(nostack)
        )
    };
}

syscalls! {
    raw: raw,
    with: {},
    args: ["r3", "r4", "r5", "r6", "r7", "r8"],
    six: syscall6,
}

/// powerpc64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
