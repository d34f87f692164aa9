//! Waiting for children (`<sys/wait.h>`): `wait`, `waitpid`, `waitid`
//! (cancellation points, through the cancellable system call thunk) and
//! `wait4`; `getrusage` and the resource limits (`<sys/resource.h>`).

use super::poll::Timeval;
use super::{ret_cp, ret_zero};
use crate::syscall::ret_unit;
use crate::syscall_cp;
use core::ffi::{c_int, c_long, c_void};

/// C's `struct rusage`.
#[repr(C)]
#[derive(Default, Clone, Copy)]
pub struct Rusage {
    utime: Timeval,
    stime: Timeval,
    rest: [c_long; 14],
}

/// The kernel's `struct rusage`: `long`s throughout (two-word timevals).
type KRusage = [c_long; 18];

/// Whether C's rusage is the kernel's (64-bit arches): the kernel then
/// writes the caller's directly, and a bad pointer is its `EFAULT`. On
/// 32-bit arches it writes a local, widened into the caller's.
const SAME_LAYOUT: bool = size_of::<Rusage>() == size_of::<KRusage>();

/// Copies the kernel's rusage into C's (on 64-bit arches the layouts are
/// the same; on 32-bit ones the times widen).
///
/// # Safety
/// `out` must be writable.
// The casts widen on 32-bit arches only.
#[allow(clippy::unnecessary_cast)]
unsafe fn put_rusage(k: &KRusage, out: *mut Rusage) {
    let mut r = Rusage {
        utime: Timeval {
            tv_sec: k[0] as i64,
            tv_usec: k[1] as i64,
        },
        stime: Timeval {
            tv_sec: k[2] as i64,
            tv_usec: k[3] as i64,
        },
        rest: [0; 14],
    };
    r.rest.copy_from_slice(&k[4..]);
    // SAFETY: as the caller promises.
    unsafe { out.write_unaligned(r) };
}

/// On 32-bit arches muslin writes the caller's rusage itself, after the
/// kernel has filled a local one: a bad pointer would then fault in that
/// write instead of failing with `EFAULT`. So the kernel first writes a
/// rusage of its own over each end of the caller's (16 bytes longer than
/// the kernel's), and any part that is not writable is its `EFAULT`.
fn probe_rusage(ru: *mut Rusage) -> Result<(), crate::Errno> {
    for off in [0, size_of::<Rusage>() - size_of::<KRusage>()] {
        let p = ru.cast::<u8>().wrapping_add(off);
        // SAFETY: the kernel checks the pointer; RUSAGE_SELF (0) always
        // has a rusage to write.
        ret_unit(unsafe { crate::syscall!(__NR_getrusage, 0, p) })?;
    }
    Ok(())
}

/// wait4(2): as `waitpid`, and the child's resource usage into `ru`.
///
/// # Safety
/// `status` and `ru` must be NULL or writable (else `EFAULT`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wait4(
    pid: c_int,
    status: *mut c_int,
    options: c_int,
    ru: *mut Rusage,
) -> c_int {
    let mut k: KRusage = [0; 18];
    let kp: *mut KRusage = if ru.is_null() {
        core::ptr::null_mut()
    } else if SAME_LAYOUT {
        ru.cast()
    } else {
        if let Err(e) = probe_rusage(ru) {
            return super::ret_int(Err(e));
        }
        &raw mut k
    };
    // SAFETY: `status` and (with the same layout) `ru` are the caller's,
    // checked by the kernel; otherwise `kp` is null or a local.
    let r = unsafe { crate::syscall!(__NR_wait4, pid, status, options, kp) };
    if !SAME_LAYOUT && (r as isize) > 0 && !ru.is_null() {
        // SAFETY: the caller passed a writable rusage.
        unsafe { put_rusage(&k, ru) };
    }
    super::ret_int(crate::syscall::ret(r).map(|v| v as c_int))
}

/// waitpid(2): waits for a child (`pid` > 0: that one; -1: any; 0: any in
/// the caller's group; < -1: any in group -pid) to change state as
/// `options` (`WNOHANG`, `WUNTRACED`, `WCONTINUED`) asks. A cancellation
/// point.
///
/// # Safety
/// `status` must be NULL or writable (else `EFAULT`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn waitpid(pid: c_int, status: *mut c_int, options: c_int) -> c_int {
    // SAFETY: `status` is the caller's.
    let r = unsafe { syscall_cp!(__NR_wait4, pid, status, options, 0usize) };
    ret_cp(r) as c_int
}

/// wait(2): `waitpid(-1, status, 0)`. A cancellation point.
///
/// # Safety
/// As for `waitpid`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wait(status: *mut c_int) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { waitpid(-1, status, 0) }
}

/// waitid(2): waits as `idtype` (`P_PID`, `P_PGID`, `P_ALL`, `P_PIDFD`)
/// and `options` (`WEXITED`, `WSTOPPED`, `WCONTINUED`, `WNOHANG`,
/// `WNOWAIT`) say, filling `info`; 0 or -1. A cancellation point.
///
/// # Safety
/// `info` must be writable (`EFAULT` otherwise).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn waitid(
    idtype: c_int,
    id: c_int,
    info: *mut c_void,
    options: c_int,
) -> c_int {
    // SAFETY: `info` is the caller's siginfo_t; no rusage is asked for.
    let r = unsafe { syscall_cp!(__NR_waitid, idtype, id, info, options, 0usize) };
    ret_cp(r) as c_int
}

/// getrusage(2): `RUSAGE_SELF`, `RUSAGE_CHILDREN` or `RUSAGE_THREAD`.
///
/// # Safety
/// `ru` must be writable (`EFAULT` otherwise).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getrusage(who: c_int, ru: *mut Rusage) -> c_int {
    let mut k: KRusage = [0; 18];
    let kp: *mut KRusage = if SAME_LAYOUT { ru.cast() } else { &raw mut k };
    if !SAME_LAYOUT && (ru.is_null() || probe_rusage(ru).is_err()) {
        return ret_zero(Err(crate::Errno::EFAULT));
    }
    // SAFETY: the kernel writes one rusage, checking the pointer.
    let r = ret_unit(unsafe { crate::syscall!(__NR_getrusage, who, kp) });
    if !SAME_LAYOUT && r.is_ok() {
        // SAFETY: the kernel found the caller's rusage writable.
        unsafe { put_rusage(&k, ru) };
    }
    ret_zero(r)
}

/// C's `struct rlimit`: two `rlim_t` (`unsigned long long`) on every arch,
/// the layout `prlimit64` takes.
pub type Rlimit = crate::syscall::resource::Rlimit;

/// prlimit(2): gets (`old`) and/or sets (`new`) process `pid`'s limit on
/// `resource` (0: the caller).
///
/// # Safety
/// `new` and `old` must be NULL or valid (else `EFAULT`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn prlimit(
    pid: c_int,
    resource: c_int,
    new: *const Rlimit,
    old: *mut Rlimit,
) -> c_int {
    // SAFETY: the caller's pointers; every arch has prlimit64, one layout.
    ret_zero(ret_unit(unsafe {
        crate::syscall!(__NR_prlimit64, pid, resource, new, old)
    }))
}

/// getrlimit(2).
///
/// # Safety
/// `rl` must be writable (else `EFAULT`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getrlimit(resource: c_int, rl: *mut Rlimit) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { prlimit(0, resource, core::ptr::null(), rl) }
}

/// setrlimit(2): for the whole process (the kernel keeps limits per
/// process).
///
/// # Safety
/// `rl` must be readable (else `EFAULT`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn setrlimit(resource: c_int, rl: *const Rlimit) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { prlimit(0, resource, rl, core::ptr::null_mut()) }
}
