//! Raw system calls: `svc #0` with the number in `x8`, arguments in `x0..x5`
//! and the result in `x0`. The kernel preserves every other register and
//! restores PSTATE (so the condition flags) on return.

use core::arch::asm;

/// Makes system call `nr` with no arguments and returns the raw kernel result.
///
/// # Safety
/// The call must be valid for its arguments: the kernel may write to memory
/// they point to or change the process's state.
#[inline(always)]
pub unsafe fn syscall0(nr: usize) -> usize {
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe { asm!("svc #0", in("x8") nr, lateout("x0") r, options(nostack, preserves_flags)) };
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
        asm!("svc #0", in("x8") nr, inlateout("x0") a => r, options(nostack, preserves_flags))
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
        asm!("svc #0", in("x8") nr, inlateout("x0") a => r, in("x1") b,
             options(nostack, preserves_flags))
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
        asm!("svc #0", in("x8") nr, inlateout("x0") a => r, in("x1") b, in("x2") c,
             options(nostack, preserves_flags))
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
        asm!("svc #0", in("x8") nr, inlateout("x0") a => r, in("x1") b, in("x2") c,
             in("x3") d, options(nostack, preserves_flags))
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
        asm!("svc #0", in("x8") nr, inlateout("x0") a => r, in("x1") b, in("x2") c,
             in("x3") d, in("x4") e, options(nostack, preserves_flags))
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
        asm!("svc #0", in("x8") nr, inlateout("x0") a => r, in("x1") b, in("x2") c,
             in("x3") d, in("x4") e, in("x5") f, options(nostack, preserves_flags))
    };
    r
}

/// aarch64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
