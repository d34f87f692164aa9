//! Raw system calls: `svc 0` with the number in r1 and arguments in r2–r7;
//! the result (or -errno) comes back in r2 and no other register changes.
//! Using `svc 0` rather than `svc NR` works for every number, 256 and up too.
//!
//! One quirk: s390x's `mmap` is the old one-argument form, taking a pointer to
//! its six arguments in memory; [`syscall6`] builds that block for it.

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
    unsafe { asm!("svc 0", in("r1") nr, lateout("r2") r, options(nostack)) };
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
    unsafe { asm!("svc 0", in("r1") nr, inlateout("r2") a => r, options(nostack)) };
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
    unsafe { asm!("svc 0", in("r1") nr, inlateout("r2") a => r, in("r3") b, options(nostack)) };
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
        asm!("svc 0", in("r1") nr, inlateout("r2") a => r, in("r3") b, in("r4") c,
             options(nostack))
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
        asm!("svc 0", in("r1") nr, inlateout("r2") a => r, in("r3") b, in("r4") c,
             in("r5") d, options(nostack))
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
        asm!("svc 0", in("r1") nr, inlateout("r2") a => r, in("r3") b, in("r4") c,
             in("r5") d, in("r6") e, options(nostack))
    };
    r
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
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe {
        asm!("svc 0", in("r1") nr, inlateout("r2") a => r, in("r3") b, in("r4") c,
             in("r5") d, in("r6") e, in("r7") f, options(nostack))
    };
    r
}

/// s390x needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
