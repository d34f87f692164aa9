//! Clocks beyond `clock_gettime` (`clock_getres`, `clock_nanosleep`, CPU
//! clocks) and POSIX per-process timers.
//!
//! A `SIGEV_SIGNAL` or `SIGEV_NONE` timer is the kernel's timer; its
//! `timer_t` is the kernel's id. A `SIGEV_THREAD` timer gets a helper
//! thread of its own (detached, made with the caller's attributes, every
//! signal blocked): the kernel timer sends the reserved signal
//! [`SIGTIMER`] to that thread alone (`SIGEV_THREAD_ID`), which takes it
//! with `sigwaitinfo` and calls the notify function. Its `timer_t` is the
//! helper's descriptor, shifted right by one with the top bit set, so the
//! two kinds cannot be confused (kernel ids are small and non-negative).

use super::pthread::{PthreadAttr, PthreadT, pthread_create};
use super::ret_zero;
use super::signal::SigVal;
use crate::errno::{Errno, Result};
use crate::signal::Sigset;
use crate::syscall;
use crate::syscall::{self as sc, signal as sigsys};
use crate::thread::descriptor::ThreadDescriptor;
use crate::time::Timespec;
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// The reserved signal a `SIGEV_THREAD` timer sends its helper thread.
const SIGTIMER: c_int = 32;
const SIGEV_SIGNAL: c_int = 0;
const SIGEV_THREAD: c_int = 2;
const SIGEV_THREAD_ID: c_int = 4;
/// `si_code` of a timer's signal.
const SI_TIMER: c_int = -2;
/// `si_code` of a `tgkill`.
const SI_TKILL: c_int = -6;

/// clock_getres(2): the resolution of `clock` (`res` may be NULL).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn clock_getres(clock: c_int, res: *mut Timespec) -> c_int {
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel checks `res` (NULL allowed).
    let r = unsafe { syscall!(__NR_clock_getres, clock, res) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above; Timespec is the kernel's 64-bit layout here.
    let r = unsafe { syscall!(__NR_clock_getres_time64, clock, res) };
    ret_zero(sc::ret_unit(r))
}

/// clock_settime(2): sets `clock` (only `CLOCK_REALTIME` can be set) to
/// `ts`: `EPERM` without the privilege, `EINVAL` for another clock or a
/// `tv_nsec` outside `0..1_000_000_000`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn clock_settime(clock: c_int, ts: *const Timespec) -> c_int {
    // Copy the time so the pad word after tv_nsec (32-bit arches) is zero.
    // SAFETY: C passes a readable struct timespec (NULL gives EFAULT).
    let Some(ts) = (unsafe { ts.as_ref() }) else {
        return ret_zero(Err(Errno::EFAULT));
    };
    let ts = Timespec::new(ts.tv_sec, ts.tv_nsec);
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel reads one timespec from a live local.
    let r = unsafe { syscall!(__NR_clock_settime, clock, &ts as *const Timespec) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above; Timespec is the kernel's 64-bit layout here.
    let r = unsafe { syscall!(__NR_clock_settime64, clock, &ts as *const Timespec) };
    ret_zero(sc::ret_unit(r))
}

/// clock_nanosleep(2): sleeps on `clock` for `req`, or until `req` with
/// `TIMER_ABSTIME`; returns 0 or an error number (not -1): `EINTR` (time
/// left in `rem` for a relative sleep), `EINVAL`, `ENOTSUP` for a CPU
/// clock of another thread... A cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn clock_nanosleep(
    clock: c_int,
    flags: c_int,
    req: *const Timespec,
    rem: *mut Timespec,
) -> c_int {
    // The calling thread's own CPU clock cannot be slept on (as glibc).
    if clock == 3 {
        return Errno::EINVAL.raw();
    }
    // Copy the request so the pad word after tv_nsec (32-bit arches) is zero.
    // SAFETY: C passes a readable struct timespec.
    let Some(req) = (unsafe { req.as_ref() }) else {
        return Errno::EFAULT.raw();
    };
    let req = Timespec::new(req.tv_sec, req.tv_nsec);
    let mut left = Timespec::default();
    // SAFETY: both point at valid Timespecs.
    let r = unsafe { sc::time::clock_nanosleep_raw(clock, flags, &req, &mut left) };
    match crate::thread::cancel::c_point(r) {
        Ok(()) => 0,
        Err(e) => {
            if e == Errno::EINTR && flags & 1 == 0 {
                // SAFETY: C passes NULL or a writable struct timespec.
                if let Some(rem) = unsafe { rem.as_mut() } {
                    *rem = left;
                }
            }
            e.raw()
        }
    }
}

/// clock_getcpuclockid(3): the CPU-time clock of process `pid` (0: the
/// caller's, `CLOCK_PROCESS_CPUTIME_ID`); `ESRCH` when there is no such
/// process.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn clock_getcpuclockid(pid: c_int, clock: *mut c_int) -> c_int {
    // (~pid << 3) | CPUCLOCK_SCHED (2): the kernel's per-process CPU clock.
    let id = if pid == 0 { 2 } else { (!pid << 3) | 2 };
    // SAFETY: a NULL result is allowed.
    if unsafe { clock_getres(id, core::ptr::null_mut()) } != 0 {
        return Errno::ESRCH.raw();
    }
    // SAFETY: C passes a writable clockid_t.
    unsafe { *clock = id };
    0
}

/// What a `SIGEV_THREAD` timer's helper thread needs; allocated by
/// `timer_create`, freed by the helper when it ends.
struct ThreadTimer {
    /// The kernel's timer id.
    id: AtomicI32,
    /// Set by `timer_delete` before it wakes the helper for the last time.
    deleted: AtomicBool,
    notify: extern "C" fn(SigVal),
    value: SigVal,
}

/// The kernel's `struct sigevent` for a timer aimed at one thread.
#[repr(C)]
struct KernelSigevent {
    value: usize,
    signo: c_int,
    notify: c_int,
    tid: c_int,
    pad: [c_int; (64 - 12 - size_of::<usize>()) / 4],
}

/// The C `struct sigevent`'s fields muslin reads.
#[repr(C)]
struct Sigevent {
    value: SigVal,
    signo: c_int,
    notify: c_int,
    function: Option<extern "C" fn(SigVal)>,
    attributes: *const PthreadAttr,
}

fn timer_signal_set() -> Sigset {
    let mut s = Sigset::empty();
    s.insert_unchecked(SIGTIMER);
    s
}

/// The helper thread of a `SIGEV_THREAD` timer.
extern "C" fn helper(arg: *mut c_void) -> *mut c_void {
    // SAFETY: timer_create passed its ThreadTimer, which only this thread frees.
    let tt = unsafe { &*arg.cast::<ThreadTimer>() };
    let set = timer_signal_set();
    let pid = sc::process::getpid();
    // The kernel's siginfo_t: si_signo, si_errno, si_code, then the union
    // (whose first int is the sender's pid for a tgkill).
    let mut info = [0u32; 32];
    loop {
        // SAFETY: `info` is a 128-byte siginfo_t.
        let r =
            unsafe { sigsys::rt_sigtimedwait(&set, info.as_mut_ptr().cast(), core::ptr::null()) };
        if r.is_err() {
            continue;
        }
        let code = info[2] as c_int;
        let union = if size_of::<usize>() == 8 { 4 } else { 3 };
        if code == SI_TKILL && info[union] as c_int == pid && tt.deleted.load(Ordering::Acquire) {
            break;
        }
        if code == SI_TIMER && !tt.deleted.load(Ordering::Acquire) {
            (tt.notify)(tt.value);
        }
    }
    // SAFETY: allocated by timer_create; nobody else refers to it now.
    unsafe { crate::malloc::c_api::free(arg) };
    core::ptr::null_mut()
}

const THREAD_TAG: usize = 1 << (usize::BITS - 1);

/// The helper's descriptor if `t` names a `SIGEV_THREAD` timer.
fn thread_timer(t: usize) -> Option<&'static ThreadDescriptor> {
    // SAFETY: such a timer_t is a live helper's descriptor, shifted.
    (t & THREAD_TAG != 0).then(|| unsafe { &*((t << 1) as *const ThreadDescriptor) })
}

/// The kernel id behind `t`.
fn kernel_id(t: usize) -> c_int {
    match thread_timer(t) {
        // SAFETY: the helper keeps its ThreadTimer until timer_delete.
        Some(td) => unsafe { &*td.start_arg.get().cast::<ThreadTimer>() }
            .id
            .load(Ordering::Acquire),
        None => t as c_int,
    }
}

/// `timer_create` in the kernel: the new id.
///
/// # Safety
/// `sev` null or a kernel `struct sigevent`.
unsafe fn kernel_create(clock: c_int, sev: *const c_void) -> Result<c_int> {
    let mut id: c_int = 0;
    // SAFETY: the kernel checks `sev`; `id` is writable.
    sc::ret_unit(unsafe { syscall!(__NR_timer_create, clock, sev, &raw mut id) })?;
    Ok(id)
}

unsafe fn create_thread_timer(clock: c_int, sev: &Sigevent) -> Result<usize> {
    let notify = sev.function.ok_or(Errno::EINVAL)?;
    let tt = crate::malloc::c_api::calloc(1, size_of::<ThreadTimer>()).cast::<ThreadTimer>();
    if tt.is_null() {
        return Err(Errno::EAGAIN);
    }
    // SAFETY: fresh memory of the right size and alignment.
    unsafe {
        tt.write(ThreadTimer {
            id: AtomicI32::new(-1),
            deleted: AtomicBool::new(false),
            notify,
            value: sev.value,
        })
    };
    // A detached thread with the caller's other attributes.
    let mut attr = core::mem::MaybeUninit::<PthreadAttr>::uninit();
    // SAFETY: `attr` is ours to initialise; C passes NULL or an initialised one.
    unsafe {
        match sev.attributes.as_ref() {
            Some(a) => core::ptr::copy_nonoverlapping(a, attr.as_mut_ptr(), 1),
            None => {
                super::pthread::pthread_attr_init(attr.as_mut_ptr());
            }
        }
        super::pthread::pthread_attr_setdetachstate(attr.as_mut_ptr(), 1);
    }
    // The helper inherits this mask: every signal blocked, so SIGTIMER
    // waits for its sigwaitinfo and the application's go elsewhere.
    let mut old = Sigset::empty();
    let all = Sigset::all_including_reserved();
    let _ = sigsys::rt_sigprocmask(0, Some(&all), Some(&mut old));
    let mut t: PthreadT = core::ptr::null_mut();
    // SAFETY: valid attribute, routine and argument.
    let r = unsafe { pthread_create(&mut t, attr.as_ptr(), helper, tt.cast()) };
    let _ = sigsys::rt_sigprocmask(2, Some(&old), None);
    if r != 0 {
        // SAFETY: the helper never started.
        unsafe { crate::malloc::c_api::free(tt.cast()) };
        return Err(Errno::EAGAIN);
    }
    // SAFETY: the helper is alive until told to end.
    let td = unsafe { &*t };
    let ksev = KernelSigevent {
        value: 0,
        signo: SIGTIMER,
        notify: SIGEV_THREAD_ID,
        tid: td.tid(),
        pad: [0; (64 - 12 - size_of::<usize>()) / 4],
    };
    // SAFETY: a complete kernel sigevent.
    match unsafe { kernel_create(clock, (&raw const ksev).cast()) } {
        Ok(id) => {
            // SAFETY: `tt` lives until the helper ends.
            unsafe { (*tt).id.store(id, Ordering::Release) };
            Ok(THREAD_TAG | (t as usize >> 1))
        }
        Err(e) => {
            end_helper(td);
            Err(e)
        }
    }
}

/// Tells a timer's helper thread to end (it frees its ThreadTimer).
fn end_helper(td: &ThreadDescriptor) {
    // SAFETY: the helper keeps its ThreadTimer until it sees `deleted`.
    let tt = unsafe { &*td.start_arg.get().cast::<ThreadTimer>() };
    tt.deleted.store(true, Ordering::Release);
    // The helper ends only on this signal, so its tid is still its own.
    let _ = sc::process::tgkill(sc::process::getpid(), td.tid(), SIGTIMER);
}

/// timer_create(2): a timer on `clock` notifying as `sev` says
/// (`SIGEV_SIGNAL`, `SIGEV_NONE`, `SIGEV_THREAD`; NULL: `SIGALRM`).
/// `EINVAL` for a reserved signal or a bad notification, `EAGAIN` when
/// timers or threads run out.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn timer_create(clock: c_int, sev: *const c_void, out: *mut usize) -> c_int {
    // SAFETY: C passes NULL or a readable struct sigevent.
    let r = match unsafe { sev.cast::<Sigevent>().as_ref() } {
        // SAFETY: a C sigevent for a thread.
        Some(s) if s.notify == SIGEV_THREAD => unsafe { create_thread_timer(clock, s) },
        Some(s) if s.notify == SIGEV_SIGNAL && crate::signal::is_reserved(s.signo) => {
            Err(Errno::EINVAL)
        }
        Some(s) if s.notify == SIGEV_THREAD_ID => Err(Errno::EINVAL),
        // SAFETY: the kernel reads the sigevent (or NULL) itself.
        _ => unsafe { kernel_create(clock, sev) }.map(|id| id as usize),
    };
    match r {
        Ok(t) => {
            // SAFETY: C passes a writable timer_t.
            unsafe { *out = t };
            0
        }
        Err(e) => {
            e.set_last();
            -1
        }
    }
}

/// `struct itimerspec`.
#[repr(C)]
#[derive(Default)]
pub struct Itimerspec {
    interval: Timespec,
    value: Timespec,
}

/// timer_settime(2): arms (or with a zero `it_value` disarms) the timer;
/// `TIMER_ABSTIME` in `flags` makes `it_value` absolute.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn timer_settime(
    t: usize,
    flags: c_int,
    new: *const Itimerspec,
    old: *mut Itimerspec,
) -> c_int {
    // SAFETY: C passes a readable itimerspec.
    let Some(n) = (unsafe { new.as_ref() }) else {
        Errno::EINVAL.set_last();
        return -1;
    };
    // Copied so the pad words (32-bit arches) are zero.
    let n = Itimerspec {
        interval: Timespec::new(n.interval.tv_sec, n.interval.tv_nsec),
        value: Timespec::new(n.value.tv_sec, n.value.tv_nsec),
    };
    let id = kernel_id(t);
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel checks `old`.
    let r = unsafe { syscall!(__NR_timer_settime, id, flags, &raw const n, old) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above; the layout is the kernel's 64-bit one.
    let r = unsafe { syscall!(__NR_timer_settime64, id, flags, &raw const n, old) };
    ret_zero(sc::ret_unit(r))
}

/// timer_gettime(2): the time to the next expiry and the interval.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn timer_gettime(t: usize, cur: *mut Itimerspec) -> c_int {
    let id = kernel_id(t);
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel checks `cur`.
    let r = unsafe { syscall!(__NR_timer_gettime, id, cur) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above.
    let r = unsafe { syscall!(__NR_timer_gettime64, id, cur) };
    ret_zero(sc::ret_unit(r))
}

/// timer_getoverrun(2): expiries lost before the last notification.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn timer_getoverrun(t: usize) -> c_int {
    // SAFETY: no memory is involved.
    let r = unsafe { syscall!(__NR_timer_getoverrun, kernel_id(t)) };
    super::ret_int(sc::ret(r).map(|n| n as c_int))
}

/// timer_delete(2); a `SIGEV_THREAD` timer's helper thread ends (after the
/// notify function, if it is running one).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn timer_delete(t: usize) -> c_int {
    // SAFETY: no memory is involved.
    let r = sc::ret_unit(unsafe { syscall!(__NR_timer_delete, kernel_id(t)) });
    if let (Ok(()), Some(td)) = (r, thread_timer(t)) {
        end_helper(td);
    }
    ret_zero(r)
}
