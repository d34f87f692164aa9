//! Raw system calls: `sc` with the number in r0 and arguments in r3–r8; the
//! result comes back in r3, and cr0.SO set means r3 is a positive errno, which
//! we negate so callers see the usual -errno convention. The kernel may change
//! r0, r3–r12, cr0, ctr and xer (the ELF ABI's volatile set, minus lr and
//! cr1/cr5–7, which `sc` preserves).

use core::arch::asm;

// After `sc`: skip the negation unless cr0.SO reports an error.
macro_rules! sc {
    ($($operands:tt)*) => {
        asm!(
            "sc",              // r0 = nr, r3..r8 = args; r3 = result
            "bns+ 2f",         // cr0.SO clear: r3 is the result
            "neg 3, 3",        // cr0.SO set: r3 = -errno
            "2:",
            $($operands)*
            lateout("r9") _, lateout("r10") _, lateout("r11") _, lateout("r12") _,
            out("cr0") _, out("ctr") _, out("xer") _,
            options(nostack)
        )
    };
}

/// Makes system call `nr` with no arguments and returns the raw kernel result.
///
/// # Safety
/// The call must be valid for its arguments: the kernel may write to memory
/// they point to or change the process's state.
#[inline(always)]
pub unsafe fn syscall0(nr: usize) -> usize {
    let r;
    // SAFETY: the caller upholds the syscall's contract.
    unsafe {
        sc!(inlateout("r0") nr => _, lateout("r3") r, lateout("r4") _, lateout("r5") _,
            lateout("r6") _, lateout("r7") _, lateout("r8") _,)
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
        sc!(inlateout("r0") nr => _, inlateout("r3") a => r, lateout("r4") _, lateout("r5") _,
            lateout("r6") _, lateout("r7") _, lateout("r8") _,)
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
        sc!(inlateout("r0") nr => _, inlateout("r3") a => r, inlateout("r4") b => _,
            lateout("r5") _, lateout("r6") _, lateout("r7") _, lateout("r8") _,)
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
        sc!(inlateout("r0") nr => _, inlateout("r3") a => r, inlateout("r4") b => _,
            inlateout("r5") c => _, lateout("r6") _, lateout("r7") _, lateout("r8") _,)
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
        sc!(inlateout("r0") nr => _, inlateout("r3") a => r, inlateout("r4") b => _,
            inlateout("r5") c => _, inlateout("r6") d => _, lateout("r7") _, lateout("r8") _,)
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
        sc!(inlateout("r0") nr => _, inlateout("r3") a => r, inlateout("r4") b => _,
            inlateout("r5") c => _, inlateout("r6") d => _, inlateout("r7") e => _,
            lateout("r8") _,)
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
        sc!(inlateout("r0") nr => _, inlateout("r3") a => r, inlateout("r4") b => _,
            inlateout("r5") c => _, inlateout("r6") d => _, inlateout("r7") e => _,
            inlateout("r8") f => _,)
    };
    r
}

/// powerpc64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
