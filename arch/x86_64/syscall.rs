//! Raw system calls: `rax` = number and return value, arguments in
//! `rdi rsi rdx r10 r8 r9`; the kernel clobbers `rcx` (return address) and `r11`
//! (saved rflags).

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
    unsafe {
        asm!("syscall", inlateout("rax") nr => r, lateout("rcx") _, lateout("r11") _,
             options(nostack, preserves_flags))
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
        asm!("syscall", inlateout("rax") nr => r, in("rdi") a,
             lateout("rcx") _, lateout("r11") _, options(nostack, preserves_flags))
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
        asm!("syscall", inlateout("rax") nr => r, in("rdi") a, in("rsi") b,
             lateout("rcx") _, lateout("r11") _, options(nostack, preserves_flags))
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
        asm!("syscall", inlateout("rax") nr => r, in("rdi") a, in("rsi") b, in("rdx") c,
             lateout("rcx") _, lateout("r11") _, options(nostack, preserves_flags))
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
        asm!("syscall", inlateout("rax") nr => r, in("rdi") a, in("rsi") b, in("rdx") c,
             in("r10") d, lateout("rcx") _, lateout("r11") _, options(nostack, preserves_flags))
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
        asm!("syscall", inlateout("rax") nr => r, in("rdi") a, in("rsi") b, in("rdx") c,
             in("r10") d, in("r8") e, lateout("rcx") _, lateout("r11") _,
             options(nostack, preserves_flags))
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
        asm!("syscall", inlateout("rax") nr => r, in("rdi") a, in("rsi") b, in("rdx") c,
             in("r10") d, in("r8") e, in("r9") f, lateout("rcx") _, lateout("r11") _,
             options(nostack, preserves_flags))
    };
    r
}

/// x86_64 needs no vDSO entry for ordinary system calls; nothing to record.
pub fn set_vsyscall_entry(_entry: usize) {}
