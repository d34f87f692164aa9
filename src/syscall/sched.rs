//! Scheduling: CPU affinity, policies and priorities.

use super::{Result, ret, ret_unit};
use crate::syscall;
use core::ffi::c_int;

/// Fills `mask` with the calling thread's CPU affinity bit mask (bit `n`
/// of byte `n / 8` for CPU `n`); returns how many bytes the kernel wrote.
/// `EINVAL` when `mask` is shorter than the kernel's CPU mask.
pub fn getaffinity(mask: &mut [u8]) -> Result<usize> {
    // SAFETY: the kernel writes at most `mask.len()` bytes into `mask`.
    ret(unsafe { syscall!(__NR_sched_getaffinity, 0, mask.len(), mask.as_mut_ptr()) })
}

/// The number of CPUs the calling thread may run on (at least 1).
pub fn cpu_count() -> usize {
    let mut mask = [0u8; 512];
    match getaffinity(&mut mask) {
        Ok(n) => mask[..n]
            .iter()
            .map(|b| b.count_ones() as usize)
            .sum::<usize>()
            .max(1),
        Err(_) => 1,
    }
}

/// `sched_getaffinity` for thread `tid` (0: the caller) into `len` bytes at
/// `mask`; returns how many bytes the kernel wrote.
///
/// # Safety
/// The kernel checks `mask` (`EFAULT`).
pub unsafe fn getaffinity_raw(tid: c_int, len: usize, mask: *mut u8) -> Result<usize> {
    // SAFETY: the caller vouches for the buffer; the kernel checks it.
    ret(unsafe { syscall!(__NR_sched_getaffinity, tid, len, mask) })
}

/// `sched_setaffinity` for thread `tid` (0: the caller).
///
/// # Safety
/// The kernel checks `mask` (`EFAULT`).
pub unsafe fn setaffinity_raw(tid: c_int, len: usize, mask: *const u8) -> Result<()> {
    // SAFETY: as above.
    ret_unit(unsafe { syscall!(__NR_sched_setaffinity, tid, len, mask) })
}

/// `sched_setscheduler`: sets thread `tid`'s policy and `*param` (a C
/// `struct sched_param`).
///
/// # Safety
/// The kernel checks `param` (`EFAULT`, or `EINVAL` for null).
pub unsafe fn setscheduler(tid: c_int, policy: c_int, param: *const c_int) -> Result<()> {
    // SAFETY: as above.
    ret_unit(unsafe { syscall!(__NR_sched_setscheduler, tid, policy, param) })
}

/// `sched_getscheduler`: thread `tid`'s policy.
pub fn getscheduler(tid: c_int) -> Result<c_int> {
    // SAFETY: no memory is involved.
    ret(unsafe { syscall!(__NR_sched_getscheduler, tid) }).map(|p| p as c_int)
}

/// `sched_setparam`: sets thread `tid`'s `*param`.
///
/// # Safety
/// The kernel checks `param`.
pub unsafe fn setparam(tid: c_int, param: *const c_int) -> Result<()> {
    // SAFETY: as above.
    ret_unit(unsafe { syscall!(__NR_sched_setparam, tid, param) })
}

/// `sched_getparam`: thread `tid`'s `struct sched_param` into `param`.
///
/// # Safety
/// The kernel checks `param`.
pub unsafe fn getparam(tid: c_int, param: *mut c_int) -> Result<()> {
    // SAFETY: as above.
    ret_unit(unsafe { syscall!(__NR_sched_getparam, tid, param) })
}

/// `sched_get_priority_max` of `policy`.
pub fn priority_max(policy: c_int) -> Result<c_int> {
    // SAFETY: no memory is involved.
    ret(unsafe { syscall!(__NR_sched_get_priority_max, policy) }).map(|p| p as c_int)
}

/// `sched_get_priority_min` of `policy`.
pub fn priority_min(policy: c_int) -> Result<c_int> {
    // SAFETY: no memory is involved.
    ret(unsafe { syscall!(__NR_sched_get_priority_min, policy) }).map(|p| p as c_int)
}
