//! `<sched.h>`: scheduling policies and priorities, CPU affinity. The
//! calls act on one thread, as Linux's do (a pid names a thread; 0 the
//! caller), like glibc's and unlike POSIX's per-process wording.

use super::{ret_int, ret_zero};
use crate::errno::Errno;
use crate::syscall::sched as sys;
use crate::time::Timespec;
use core::ffi::{c_int, c_void};

/// sched_setscheduler(2): sets `pid`'s policy and priority; returns 0 (as
/// Linux and glibc, not the former policy). `EPERM` without the privilege a
/// real-time policy needs, `EINVAL` for a bad policy or priority.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sched_setscheduler(
    pid: c_int,
    policy: c_int,
    param: *const c_int,
) -> c_int {
    // SAFETY: the kernel checks `param`.
    ret_zero(unsafe { sys::setscheduler(pid, policy, param) })
}

/// sched_getscheduler(2): `pid`'s policy.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sched_getscheduler(pid: c_int) -> c_int {
    ret_int(sys::getscheduler(pid))
}

/// sched_setparam(2): sets `pid`'s priority within its policy.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sched_setparam(pid: c_int, param: *const c_int) -> c_int {
    // SAFETY: the kernel checks `param`.
    ret_zero(unsafe { sys::setparam(pid, param) })
}

/// sched_getparam(2): `pid`'s priority.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sched_getparam(pid: c_int, param: *mut c_int) -> c_int {
    // SAFETY: the kernel checks `param`.
    ret_zero(unsafe { sys::getparam(pid, param) })
}

/// sched_get_priority_max(2): `EINVAL` for an unknown policy.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sched_get_priority_max(policy: c_int) -> c_int {
    ret_int(sys::priority_max(policy))
}

/// sched_get_priority_min(2): `EINVAL` for an unknown policy.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sched_get_priority_min(policy: c_int) -> c_int {
    ret_int(sys::priority_min(policy))
}

/// sched_rr_get_interval(2): `pid`'s round-robin time slice.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sched_rr_get_interval(pid: c_int, ts: *mut Timespec) -> c_int {
    let mut t = Timespec::default();
    #[cfg(target_pointer_width = "64")]
    // SAFETY: `t` is a writable Timespec.
    let r = unsafe { crate::syscall!(__NR_sched_rr_get_interval, pid, &raw mut t) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above; Timespec is the kernel's 64-bit layout here.
    let r = unsafe { crate::syscall!(__NR_sched_rr_get_interval_time64, pid, &raw mut t) };
    if let Err(e) = crate::syscall::ret(r) {
        e.set_last();
        return -1;
    }
    // SAFETY: C passes a writable struct timespec.
    match unsafe { ts.as_mut() } {
        Some(ts) => {
            *ts = t;
            0
        }
        None => {
            Errno::EFAULT.set_last();
            -1
        }
    }
}

/// sched_getaffinity(2): `pid`'s CPU mask into the `size` bytes at `set`,
/// the bytes past the kernel's mask zeroed (as glibc). `EINVAL` when `size`
/// is smaller than the kernel's mask or not a multiple of `long`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sched_getaffinity(pid: c_int, size: usize, set: *mut c_void) -> c_int {
    // SAFETY: the kernel checks the buffer.
    match unsafe { sys::getaffinity_raw(pid, size, set.cast()) } {
        Ok(n) => {
            // SAFETY: the kernel accepted `size` writable bytes at `set`.
            unsafe { core::ptr::write_bytes(set.cast::<u8>().add(n), 0, size - n) };
            0
        }
        Err(e) => {
            e.set_last();
            -1
        }
    }
}

/// sched_setaffinity(2): `EINVAL` when the mask holds no CPU `pid` may use.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sched_setaffinity(pid: c_int, size: usize, set: *const c_void) -> c_int {
    // SAFETY: the kernel checks the buffer.
    ret_zero(unsafe { sys::setaffinity_raw(pid, size, set.cast()) })
}

/// The function behind `CPU_COUNT_S`: how many CPUs the `size`-byte set holds.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn __sched_cpucount(size: usize, set: *const c_void) -> c_int {
    // SAFETY: C passes a set of `size` bytes.
    let bytes = unsafe { core::slice::from_raw_parts(set.cast::<u8>(), size) };
    bytes.iter().map(|b| b.count_ones() as c_int).sum()
}

/// The function behind `CPU_ALLOC`: a zeroed set for `count` CPUs, or NULL.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __sched_cpualloc(count: usize) -> *mut c_void {
    let longs = count.div_ceil(usize::BITS as usize);
    crate::malloc::c_api::calloc(longs.max(1), size_of::<usize>())
}

/// The function behind `CPU_FREE`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn __sched_cpufree(set: *mut c_void) {
    // SAFETY: `set` came from __sched_cpualloc.
    unsafe { crate::malloc::c_api::free(set) }
}
