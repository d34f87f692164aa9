use super::ret_zero;
use crate::time::{self, Timespec};
use core::ffi::c_int;

/// clock_gettime(2), through the vDSO when present.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn clock_gettime(clock: c_int, ts: *mut Timespec) -> c_int {
    // SAFETY: C passes a writable struct timespec.
    ret_zero(unsafe { time::clock_gettime_raw(clock, ts) })
}

/// nanosleep(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nanosleep(req: *const Timespec, rem: *mut Timespec) -> c_int {
    // Copy the request so the pad word after tv_nsec (32-bit arches) is zero.
    // SAFETY: C passes a readable struct timespec (NULL gives EFAULT).
    let Some(req) = (unsafe { req.as_ref() }) else {
        crate::Errno::EFAULT.set_last();
        return -1;
    };
    match time::nanosleep(req) {
        Ok(()) => 0,
        Err((e, left)) => {
            let _ = crate::thread::cancel::c_point::<()>(Err(e));
            // SAFETY: C passes NULL or a writable struct timespec.
            if let Some(rem) = unsafe { rem.as_mut() } {
                *rem = left;
            }
            e.set_last();
            -1
        }
    }
}

/// time(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn time(out: *mut i64) -> i64 {
    let t = time::time();
    // SAFETY: C passes NULL or a writable time_t.
    if let Some(out) = unsafe { out.as_mut() } {
        *out = t;
    }
    t
}
