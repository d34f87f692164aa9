//! Raw system calls: `$a7` = number, arguments in `$a0..$a5`, result in
//! `$a0`; the kernel preserves the other argument registers but clobbers the
//! temporaries `$t0..$t8`.

use core::arch::asm;

/// Makes system call `nr` with no arguments and returns the raw kernel result
/// (`-errno` on failure).
///
/// # Safety
/// The call must be valid for its arguments: the kernel may write to memory
/// they point to or change the process's state.
#[inline(always)]
pub unsafe fn syscall0(nr: usize) -> usize {
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe {
        asm!(
            "syscall 0",
            lateout("$a0") r,
            in("$a7") nr,
            lateout("$t0") _,
            lateout("$t1") _,
            lateout("$t2") _,
            lateout("$t3") _,
            lateout("$t4") _,
            lateout("$t5") _,
            lateout("$t6") _,
            lateout("$t7") _,
            lateout("$t8") _,
            options(nostack, preserves_flags),
        )
    };
    r
}

/// One-argument system call.
///
/// # Safety
/// As [`syscall0`].
#[inline(always)]
pub unsafe fn syscall1(nr: usize, a: usize) -> usize {
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe {
        asm!(
            "syscall 0",
            inlateout("$a0") a => r,
            in("$a7") nr,
            lateout("$t0") _,
            lateout("$t1") _,
            lateout("$t2") _,
            lateout("$t3") _,
            lateout("$t4") _,
            lateout("$t5") _,
            lateout("$t6") _,
            lateout("$t7") _,
            lateout("$t8") _,
            options(nostack, preserves_flags),
        )
    };
    r
}

/// Two-argument system call.
///
/// # Safety
/// As [`syscall0`].
#[inline(always)]
pub unsafe fn syscall2(nr: usize, a: usize, b: usize) -> usize {
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe {
        asm!(
            "syscall 0",
            inlateout("$a0") a => r,
            in("$a1") b,
            in("$a7") nr,
            lateout("$t0") _,
            lateout("$t1") _,
            lateout("$t2") _,
            lateout("$t3") _,
            lateout("$t4") _,
            lateout("$t5") _,
            lateout("$t6") _,
            lateout("$t7") _,
            lateout("$t8") _,
            options(nostack, preserves_flags),
        )
    };
    r
}

/// Three-argument system call.
///
/// # Safety
/// As [`syscall0`].
#[inline(always)]
pub unsafe fn syscall3(nr: usize, a: usize, b: usize, c: usize) -> usize {
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe {
        asm!(
            "syscall 0",
            inlateout("$a0") a => r,
            in("$a1") b,
            in("$a2") c,
            in("$a7") nr,
            lateout("$t0") _,
            lateout("$t1") _,
            lateout("$t2") _,
            lateout("$t3") _,
            lateout("$t4") _,
            lateout("$t5") _,
            lateout("$t6") _,
            lateout("$t7") _,
            lateout("$t8") _,
            options(nostack, preserves_flags),
        )
    };
    r
}

/// Four-argument system call.
///
/// # Safety
/// As [`syscall0`].
#[inline(always)]
pub unsafe fn syscall4(nr: usize, a: usize, b: usize, c: usize, d: usize) -> usize {
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe {
        asm!(
            "syscall 0",
            inlateout("$a0") a => r,
            in("$a1") b,
            in("$a2") c,
            in("$a3") d,
            in("$a7") nr,
            lateout("$t0") _,
            lateout("$t1") _,
            lateout("$t2") _,
            lateout("$t3") _,
            lateout("$t4") _,
            lateout("$t5") _,
            lateout("$t6") _,
            lateout("$t7") _,
            lateout("$t8") _,
            options(nostack, preserves_flags),
        )
    };
    r
}

/// Five-argument system call.
///
/// # Safety
/// As [`syscall0`].
#[inline(always)]
pub unsafe fn syscall5(nr: usize, a: usize, b: usize, c: usize, d: usize, e: usize) -> usize {
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe {
        asm!(
            "syscall 0",
            inlateout("$a0") a => r,
            in("$a1") b,
            in("$a2") c,
            in("$a3") d,
            in("$a4") e,
            in("$a7") nr,
            lateout("$t0") _,
            lateout("$t1") _,
            lateout("$t2") _,
            lateout("$t3") _,
            lateout("$t4") _,
            lateout("$t5") _,
            lateout("$t6") _,
            lateout("$t7") _,
            lateout("$t8") _,
            options(nostack, preserves_flags),
        )
    };
    r
}

/// Six-argument system call.
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
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe {
        asm!(
            "syscall 0",
            inlateout("$a0") a => r,
            in("$a1") b,
            in("$a2") c,
            in("$a3") d,
            in("$a4") e,
            in("$a5") f,
            in("$a7") nr,
            lateout("$t0") _,
            lateout("$t1") _,
            lateout("$t2") _,
            lateout("$t3") _,
            lateout("$t4") _,
            lateout("$t5") _,
            lateout("$t6") _,
            lateout("$t7") _,
            lateout("$t8") _,
            options(nostack, preserves_flags),
        )
    };
    r
}

/// loongarch64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
