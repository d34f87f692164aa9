//! Time: clocks (through the vDSO when the kernel maps one), sleeping.

mod vdso;

use crate::errno::{Errno, Result};
use crate::syscall::time as sys;
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

/// Reads `clock`: through the vDSO when present, else the system call.
pub fn clock_gettime(clock: c_int) -> Result<Timespec> {
    let mut ts = Timespec::default();
    // SAFETY: ts is a valid Timespec.
    unsafe { clock_gettime_raw(clock, &mut ts)? };
    Ok(ts)
}

/// `clock_gettime` into a caller's pointer, for the C ABI.
///
/// # Safety
/// `ts` must be writable: the vDSO writes it in user space.
pub unsafe fn clock_gettime_raw(clock: c_int, ts: *mut Timespec) -> Result<()> {
    if let Some(f) = vdso::clock_gettime() {
        // SAFETY: the vDSO function has the C clock_gettime signature and
        // (64-bit time on every arch, `_time64` on 32-bit) our Timespec layout.
        if unsafe { f(clock, ts) } == 0 {
            return Ok(());
        }
        // Any failure (unknown clock, or powerpc64's positive error codes):
        // let the system call give the authoritative answer.
    }
    // SAFETY: the kernel validates the pointer.
    unsafe { sys::clock_gettime_raw(clock, ts) }
}

/// Sleeps for `req`; on `EINTR` returns the time left.
pub fn nanosleep(req: &Timespec) -> core::result::Result<(), (Errno, Timespec)> {
    let mut rem = Timespec::default();
    let req = Timespec::new(req.tv_sec, req.tv_nsec);
    // SAFETY: both point at valid Timespecs.
    unsafe { sys::clock_nanosleep_raw(CLOCK_REALTIME, 0, &req, &mut rem) }.map_err(|e| (e, rem))
}

/// Seconds since the Epoch.
pub fn time() -> i64 {
    clock_gettime(CLOCK_REALTIME).map_or(-1, |t| t.tv_sec)
}

/// Whether `clock_gettime` goes through the vDSO (the kernel mapped one and
/// it exports the function) rather than a system call.
pub fn uses_vdso() -> bool {
    vdso::clock_gettime().is_some()
}
