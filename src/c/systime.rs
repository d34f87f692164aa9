//! `<sys/time.h>`: `gettimeofday`, `utimes`, `futimes`, `lutimes`,
//! `getitimer`, `setitimer`; and `flock` (`<sys/file.h>`).

use super::poll::Timeval;
use super::ret_zero;
use crate::Errno;
use crate::syscall::fd::{AT_FDCWD, Fd};
use crate::syscall::fs;
use crate::syscall::time::Timespec;
use core::ffi::{c_char, c_int, c_long, c_void};
use core::ptr::null;

// (`tv_nsec` is a `long`: the conversion is needed on 32-bit arches only.)
#[allow(clippy::useless_conversion)]
/// gettimeofday(2): the real-time clock in `*tv`; a non-null `tz` gets
/// zeros (the kernel's time zone is obsolete). Always 0.
///
/// # Safety
/// `tv` and `tz` are null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn gettimeofday(tv: *mut Timeval, tz: *mut c_void) -> c_int {
    // SAFETY: as the caller says.
    if let Some(tv) = unsafe { tv.as_mut() } {
        let t =
            crate::time::clock_gettime(crate::syscall::time::CLOCK_REALTIME).unwrap_or_default();
        tv.tv_sec = t.tv_sec;
        tv.tv_usec = i64::from(t.tv_nsec) / 1000;
    }
    if !tz.is_null() {
        // SAFETY: `struct timezone` is two ints.
        unsafe { tz.cast::<[c_int; 2]>().write([0, 0]) };
    }
    0
}

/// The two timestamps of a `timeval[2]` as timespecs (NULL stays NULL: now);
/// `EINVAL` for microseconds out of range.
///
/// # Safety
/// `tv` is null or two readable timevals.
unsafe fn times_of(tv: *const Timeval) -> Result<Option<[Timespec; 2]>, Errno> {
    if tv.is_null() {
        return Ok(None);
    }
    let mut out = [Timespec::new(0, 0); 2];
    for (i, o) in out.iter_mut().enumerate() {
        // SAFETY: as the caller says.
        let t = unsafe { *tv.add(i) };
        if !(0..1_000_000).contains(&t.tv_usec) {
            return Err(Errno::EINVAL);
        }
        *o = Timespec::new(t.tv_sec, (t.tv_usec * 1000) as c_long);
    }
    Ok(Some(out))
}

/// `utimensat` with `timeval`s.
///
/// # Safety
/// `path` is null (with a descriptor `dir`) or a C string; `tv` as
/// [`times_of`].
unsafe fn utimes_at(dir: Fd, path: *const c_char, tv: *const Timeval, flags: c_int) -> c_int {
    // SAFETY: as the caller says.
    let ts = match unsafe { times_of(tv) } {
        Ok(t) => t,
        Err(e) => return ret_zero(Err(e)),
    };
    let tp = ts.as_ref().map_or(null(), |t| t.as_ptr());
    // SAFETY: the kernel validates the pointers.
    ret_zero(unsafe { fs::utimensat_raw(dir, path.cast(), tp, flags) })
}

/// utimes(2): sets the access and modification times of `path` (NULL
/// `tv`: to now).
///
/// # Safety
/// `path` is a C string; `tv` is null or two timevals.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn utimes(path: *const c_char, tv: *const Timeval) -> c_int {
    if path.is_null() {
        Errno::EFAULT.set_last();
        return -1;
    }
    // SAFETY: as the caller says.
    unsafe { utimes_at(AT_FDCWD, path, tv, 0) }
}

/// lutimes(3): [`utimes`] of a symbolic link itself.
///
/// # Safety
/// As [`utimes`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn lutimes(path: *const c_char, tv: *const Timeval) -> c_int {
    if path.is_null() {
        Errno::EFAULT.set_last();
        return -1;
    }
    let nofollow = linux_raw_sys::general::AT_SYMLINK_NOFOLLOW as c_int;
    // SAFETY: as the caller says.
    unsafe { utimes_at(AT_FDCWD, path, tv, nofollow) }
}

/// futimes(3): [`utimes`] of an open file.
///
/// # Safety
/// `tv` is null or two timevals.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn futimes(fd: c_int, tv: *const Timeval) -> c_int {
    if fd < 0 {
        Errno::EBADF.set_last();
        return -1;
    }
    // SAFETY: a null path names `fd`; as the caller says.
    unsafe { utimes_at(Fd(fd), null(), tv, 0) }
}

/// The kernel's `struct itimerval`: `long` seconds and microseconds (32
/// bits on 32-bit arches: there is no 64-bit form of the call).
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct KItimerval([c_long; 4]);

/// `struct itimerval`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Itimerval {
    it_interval: Timeval,
    it_value: Timeval,
}

impl KItimerval {
    /// As C's `struct itimerval`.
    #[allow(clippy::useless_conversion)]
    fn to_c(self) -> Itimerval {
        let t = |s: c_long, u: c_long| Timeval {
            tv_sec: i64::from(s),
            tv_usec: i64::from(u),
        };
        Itimerval {
            it_interval: t(self.0[0], self.0[1]),
            it_value: t(self.0[2], self.0[3]),
        }
    }

    /// `EINVAL` for microseconds out of range or seconds that do not fit.
    fn from_c(v: &Itimerval) -> Result<KItimerval, Errno> {
        let mut out = [0 as c_long; 4];
        for (i, t) in [v.it_interval, v.it_value].iter().enumerate() {
            if !(0..1_000_000).contains(&t.tv_usec) {
                return Err(Errno::EINVAL);
            }
            out[2 * i] = c_long::try_from(t.tv_sec).map_err(|_| Errno::EINVAL)?;
            out[2 * i + 1] = t.tv_usec as c_long;
        }
        Ok(KItimerval(out))
    }
}

/// getitimer(2): the interval timer `which` (`ITIMER_REAL`, `_VIRTUAL`,
/// `_PROF`) into `*v`.
///
/// # Safety
/// `v` is writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getitimer(which: c_int, v: *mut Itimerval) -> c_int {
    let mut k = KItimerval::default();
    // SAFETY: the kernel writes one struct into `k`.
    let r = crate::syscall::ret_unit(unsafe { crate::syscall!(__NR_getitimer, which, &raw mut k) });
    if r.is_ok() {
        // SAFETY: as the caller says.
        match unsafe { v.as_mut() } {
            Some(v) => *v = k.to_c(),
            None => return ret_zero(Err(Errno::EFAULT)),
        }
    }
    ret_zero(r)
}

/// setitimer(2): arms (or, all zero, disarms) the interval timer `which`;
/// the previous setting into `*old` when it is not NULL.
///
/// # Safety
/// `new` is readable; `old` is null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn setitimer(
    which: c_int,
    new: *const Itimerval,
    old: *mut Itimerval,
) -> c_int {
    // SAFETY: as the caller says.
    let Some(new) = (unsafe { new.as_ref() }) else {
        return ret_zero(Err(Errno::EFAULT));
    };
    let k = match KItimerval::from_c(new) {
        Ok(k) => k,
        Err(e) => return ret_zero(Err(e)),
    };
    let mut o = KItimerval::default();
    // SAFETY: the kernel reads `k` and writes `o`.
    let r = crate::syscall::ret_unit(unsafe {
        crate::syscall!(__NR_setitimer, which, &raw const k, &raw mut o)
    });
    if r.is_ok() {
        // SAFETY: as the caller says.
        if let Some(old) = unsafe { old.as_mut() } {
            *old = o.to_c();
        }
    }
    ret_zero(r)
}

/// flock(2): an advisory lock on the whole open file (`LOCK_SH`,
/// `LOCK_EX`, `LOCK_UN`, with `LOCK_NB`). Waiting for it is not a
/// cancellation point (as in glibc).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn flock(fd: c_int, op: c_int) -> c_int {
    // SAFETY: no memory is involved.
    ret_zero(crate::syscall::ret_unit(unsafe {
        crate::syscall!(__NR_flock, fd, op)
    }))
}
