//! Time: clocks (through the vDSO when the kernel maps one), sleeping,
//! and the calendar: date arithmetic ([`civil`]), time zones ([`zone`])
//! and `strftime` formatting ([`strftime`]).

pub mod civil;
pub mod strftime;
mod vdso;
pub mod zone;

use crate::errno::{Errno, Result};
use crate::syscall::time as sys;
use core::ffi::c_int;

pub use sys::{CLOCK_MONOTONIC, CLOCK_REALTIME, Timespec};

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
