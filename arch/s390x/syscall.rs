//! Raw system calls: `svc 0` with the number in r1 and arguments in r2–r7;
//! the result (or -errno) comes back in r2 and no other register changes.
//! Using `svc 0` rather than `svc NR` works for every number, 256 and up too.
//!
//! One quirk: s390x's `mmap` is the old one-argument form, taking a pointer to
//! its six arguments in memory; [`syscall6`] builds that block for it.

syscalls! {
    raw: first_arg_returns,
    with: { insn: "svc 0", nr: "r1", clobbers: [], options: (nostack) },
    args: ["r2", "r3", "r4", "r5", "r6", "r7"],
    six: syscall6_direct,
}

/// Six-argument system call (`mmap`: passed as a pointer to all six, the
/// way s390x's kernel wants it).
///
/// # Safety
/// As [`syscall0`].
#[inline(always)]
pub unsafe fn syscall6(
    nr: usize,
    a: usize,
    b: usize,
    c: usize,
    d: usize,
    e: usize,
    f: usize,
) -> usize {
    if nr == linux_raw_sys::general::__NR_mmap as usize {
        let args = [a, b, c, d, e, f];
        // SAFETY: old_mmap reads the six words; the caller vouches for them.
        return unsafe { syscall1(nr, args.as_ptr() as usize) };
    }
    // SAFETY: the caller upholds the syscall's contract.
    unsafe { syscall6_direct(nr, a, b, c, d, e, f) }
}

/// s390x needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
