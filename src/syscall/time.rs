//! Clocks and sleeping. 32-bit arches use the `*_time64` calls so that
//! `time_t` is 64 bits everywhere.

use super::{Result, ret_unit};
use crate::{syscall, syscall_cp};
use core::ffi::{c_int, c_long};

/// `struct timespec` as muslin's C headers declare it: a 64-bit `time_t`
/// everywhere; on 32-bit arches `tv_nsec` is followed by a zero pad word, so
/// the layout is the kernel's `__kernel_timespec` (both are little-endian).
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Timespec {
    /// Seconds.
    pub tv_sec: i64,
    /// Nanoseconds, `0..1_000_000_000`.
    pub tv_nsec: c_long,
    #[cfg(target_pointer_width = "32")]
    _pad: c_long,
}

impl Timespec {
    /// Builds a timespec.
    pub const fn new(tv_sec: i64, tv_nsec: c_long) -> Timespec {
        Timespec {
            tv_sec,
            tv_nsec,
            #[cfg(target_pointer_width = "32")]
            _pad: 0,
        }
    }

    /// Nanoseconds since the clock's epoch, as one number.
    pub fn as_nanos(&self) -> i128 {
        self.tv_sec as i128 * 1_000_000_000 + self.tv_nsec as i128
    }
}

/// `CLOCK_REALTIME`.
pub const CLOCK_REALTIME: c_int = linux_raw_sys::general::CLOCK_REALTIME as c_int;
/// `CLOCK_MONOTONIC`.
pub const CLOCK_MONOTONIC: c_int = linux_raw_sys::general::CLOCK_MONOTONIC as c_int;

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
