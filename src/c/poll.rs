//! I/O multiplexing: `poll`, `ppoll` (`<poll.h>`), `select`, `pselect`
//! (`<sys/select.h>`). All four are cancellation points and all are built
//! on `ppoll` and `pselect6` (their `_time64` forms on 32-bit arches),
//! which every arch has. A signal mask given to `ppoll` or `pselect` has
//! muslin's reserved signals taken out before the kernel sees it.

use super::ret_cp;
use crate::syscall::signal::Sigset;
use crate::syscall::time::Timespec;
use crate::syscall_cp;
use core::ffi::{c_int, c_long, c_short, c_ulong, c_void};
use core::ptr::{null, null_mut};

/// `struct pollfd`.
#[repr(C)]
pub struct PollFd {
    fd: c_int,
    events: c_short,
    revents: c_short,
}

/// `struct timeval`: 64-bit seconds and microseconds on every arch.
#[repr(C)]
#[derive(Default, Clone, Copy)]
pub struct Timeval {
    /// Seconds.
    pub tv_sec: i64,
    /// Microseconds.
    pub tv_usec: i64,
}

/// A copy of the caller's mask without the reserved signals, or None.
///
/// # Safety
/// `mask` is null or a readable `sigset_t`.
unsafe fn app_mask(mask: *const Sigset) -> Option<Sigset> {
    // SAFETY: as the caller says.
    let mut m = *unsafe { mask.as_ref() }?;
    crate::signal::Sigset::remove_reserved(&mut m);
    Some(m)
}

/// A copy of a C `struct timespec` with its pad word (32-bit arches) zero.
///
/// # Safety
/// `ts` is null or readable.
unsafe fn copy_ts(ts: *const Timespec) -> Option<Timespec> {
    // SAFETY: as the caller says.
    unsafe { ts.as_ref() }.map(|t| Timespec::new(t.tv_sec, t.tv_nsec))
}

/// The `ppoll` system call.
///
/// # Safety
/// `fds` holds `n` entries; `ts` and `mask` are null or valid.
unsafe fn ppoll_sys(
    fds: *mut PollFd,
    n: c_ulong,
    ts: *const Timespec,
    mask: *const Sigset,
) -> isize {
    let size = if mask.is_null() {
        0
    } else {
        size_of::<Sigset>()
    };
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel validates the pointers.
    let r = unsafe { syscall_cp!(__NR_ppoll, fds, n, ts, mask, size) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above; Timespec is the kernel's 64-bit layout here.
    let r = unsafe { syscall_cp!(__NR_ppoll_time64, fds, n, ts, mask, size) };
    ret_cp(r)
}

/// poll(2): waits up to `timeout` milliseconds (negative: for ever) for an
/// event on one of the `n` descriptors; the number with events, 0 on
/// timeout, or -1 and `errno`.
///
/// # Safety
/// `fds` holds `n` entries.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn poll(fds: *mut PollFd, n: c_ulong, timeout: c_int) -> c_int {
    let ts = Timespec::new(
        (timeout / 1000) as i64,
        (timeout % 1000) as c_long * 1_000_000,
    );
    let tsp = if timeout >= 0 { &raw const ts } else { null() };
    // SAFETY: as the caller says.
    unsafe { ppoll_sys(fds, n, tsp, null()) as c_int }
}

/// ppoll(2): [`poll`] with a `timespec` timeout (NULL: for ever) and,
/// when `mask` is not NULL, that signal mask while waiting.
///
/// # Safety
/// `fds` holds `n` entries; `ts` and `mask` are null or readable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ppoll(
    fds: *mut PollFd,
    n: c_ulong,
    ts: *const Timespec,
    mask: *const Sigset,
) -> c_int {
    // SAFETY: as the caller says.
    let (ts, mask) = unsafe { (copy_ts(ts), app_mask(mask)) };
    let tsp = ts.as_ref().map_or(null(), |t| t as *const Timespec);
    let mp = mask.as_ref().map_or(null(), |m| m as *const Sigset);
    // SAFETY: as the caller says; the copies live across the call.
    unsafe { ppoll_sys(fds, n, tsp, mp) as c_int }
}

/// The `pselect6` system call; its sixth argument is the pair (mask,
/// mask size).
///
/// # Safety
/// The sets are null or hold `n` bits; `ts` and `mask` are null or valid.
unsafe fn pselect_sys(
    n: c_int,
    r: *mut c_void,
    w: *mut c_void,
    e: *mut c_void,
    ts: *mut Timespec,
    mask: *const Sigset,
) -> isize {
    let data: [usize; 2] = [mask as usize, size_of::<Sigset>()];
    let dp = if mask.is_null() {
        null()
    } else {
        &raw const data
    };
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel validates the pointers.
    let r = unsafe { syscall_cp!(__NR_pselect6, n, r, w, e, ts, dp) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above; Timespec is the kernel's 64-bit layout here.
    let r = unsafe { syscall_cp!(__NR_pselect6_time64, n, r, w, e, ts, dp) };
    ret_cp(r)
}

// (`tv_nsec` is a `long`: the conversion is needed on 32-bit arches only.)
#[allow(clippy::useless_conversion)]
/// select(2): waits up to `*tv` (NULL: for ever) until one of the first
/// `n` descriptors in the sets is ready; the number of ready descriptors
/// (the sets then hold only those), 0 on timeout, or -1 and `errno`. As on
/// Linux, `*tv` becomes the time left.
///
/// # Safety
/// The sets are null or hold `n` bits; `tv` is null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn select(
    n: c_int,
    r: *mut c_void,
    w: *mut c_void,
    e: *mut c_void,
    tv: *mut Timeval,
) -> c_int {
    // SAFETY: as the caller says.
    let mut ts = match unsafe { tv.as_ref() } {
        None => None,
        Some(t) if t.tv_sec < 0 || !(0..1_000_000).contains(&t.tv_usec) => {
            crate::Errno::EINVAL.set_last();
            return -1;
        }
        Some(t) => Some(Timespec::new(t.tv_sec, (t.tv_usec * 1000) as c_long)),
    };
    let tsp = ts.as_mut().map_or(null_mut(), |t| t as *mut Timespec);
    // SAFETY: as the caller says.
    let res = unsafe { pselect_sys(n, r, w, e, tsp, null()) };
    // SAFETY: as the caller says.
    if let (Some(t), Some(out)) = (ts, unsafe { tv.as_mut() }) {
        out.tv_sec = t.tv_sec;
        out.tv_usec = i64::from(t.tv_nsec) / 1000;
    }
    res as c_int
}

/// pselect(2): [`select`] with a `timespec` timeout that it leaves as it
/// is and, when `mask` is not NULL, that signal mask while waiting.
///
/// # Safety
/// The sets are null or hold `n` bits; `ts` and `mask` are null or readable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pselect(
    n: c_int,
    r: *mut c_void,
    w: *mut c_void,
    e: *mut c_void,
    ts: *const Timespec,
    mask: *const Sigset,
) -> c_int {
    // SAFETY: as the caller says.
    let (mut ts, mask) = unsafe { (copy_ts(ts), app_mask(mask)) };
    let tsp = ts.as_mut().map_or(null_mut(), |t| t as *mut Timespec);
    let mp = mask.as_ref().map_or(null(), |m| m as *const Sigset);
    // SAFETY: as the caller says; the copies live across the call.
    unsafe { pselect_sys(n, r, w, e, tsp, mp) as c_int }
}
