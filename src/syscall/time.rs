//! Clocks and sleeping. 32-bit arches use the `*_time64` calls so that
//! `time_t` is 64 bits everywhere.

use super::{Result, ret_unit};
use crate::time::Timespec;
use crate::{syscall, syscall_cp};
use core::ffi::c_int;

/// `clock_gettime` as a system call (the vDSO fast path is in [`crate::time`]).
///
/// # Safety
/// The kernel validates `ts`; a bad pointer gives `EFAULT`.
pub unsafe fn clock_gettime_raw(clock: c_int, ts: *mut Timespec) -> Result<()> {
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel validates the pointer.
    let r = unsafe { syscall!(__NR_clock_gettime, clock, ts) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above; Timespec is the kernel's 64-bit layout here.
    let r = unsafe { syscall!(__NR_clock_gettime64, clock, ts) };
    ret_unit(r)
}

/// `clock_nanosleep` (a cancellation point): sleeps until `req` (with `TIMER_ABSTIME`) or for `req`,
/// writing the time left into `rem` when interrupted.
///
/// # Safety
/// The kernel validates `req` and `rem`.
pub unsafe fn clock_nanosleep_raw(
    clock: c_int,
    flags: c_int,
    req: *const Timespec,
    rem: *mut Timespec,
) -> Result<()> {
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel validates the pointers.
    let r = unsafe { syscall_cp!(__NR_clock_nanosleep, clock, flags, req, rem) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above.
    let r = unsafe { syscall_cp!(__NR_clock_nanosleep_time64, clock, flags, req, rem) };
    ret_unit(r)
}
