//! POSIX threads for C: creation, joining, exit, cancellation, cleanup
//! handlers, signals, thread-specific data and `pthread_once`. pthread
//! functions return an error number instead of setting `errno`.

use crate::errno::{Errno, Result};
use crate::signal::Sigset;
use crate::thread::cancel::{self, CleanupRecord};
use crate::thread::create::{self, Attr};
use crate::thread::descriptor::{JOINABLE, ThreadDescriptor};
use crate::thread::{self, futex, key};
use core::ffi::{c_int, c_uint, c_void};
use core::sync::atomic::{AtomicI32, Ordering};

/// `pthread_t`: the thread's descriptor.
pub type PthreadT = *mut ThreadDescriptor;

/// `pthread_attr_t` as `<pthread.h>` lays it out.
#[repr(C)]
pub struct PthreadAttr {
    pub(super) stack_size: usize,
    pub(super) guard_size: usize,
    pub(super) stack_addr: *mut u8,
    pub(super) detach: c_int,
    pub(super) inheritsched: c_int,
    pub(super) policy: c_int,
    pub(super) priority: c_int,
}

/// `PTHREAD_EXPLICIT_SCHED`.
const EXPLICIT_SCHED: c_int = 1;

/// `PTHREAD_CREATE_DETACHED`.
const CREATE_DETACHED: c_int = 1;

fn errno_of(r: Result<()>) -> c_int {
    r.err().map_or(0, Errno::raw)
}

fn attr_of(a: *const PthreadAttr) -> Attr {
    // SAFETY: C passes NULL or an initialised pthread_attr_t.
    match unsafe { a.as_ref() } {
        None => Attr::default(),
        Some(a) => Attr {
            stack_size: a.stack_size,
            guard_size: a.guard_size,
            stack_addr: a.stack_addr,
            detached: a.detach == CREATE_DETACHED,
        },
    }
}

unsafe fn c_start(t: &ThreadDescriptor) -> *mut c_void {
    let f = t.c_start.get().expect("C start routine");
    // SAFETY: pthread_create stored the caller's routine and argument.
    unsafe { f(t.start_arg.get()) }
}

/// pthread_create(3): `EAGAIN` when memory or threads run out, `EINVAL` for
/// a bad attribute.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_create(
    out: *mut PthreadT,
    attr: *const PthreadAttr,
    start: unsafe extern "C" fn(*mut c_void) -> *mut c_void,
    arg: *mut c_void,
) -> c_int {
    // SAFETY: C passes NULL or an initialised pthread_attr_t.
    let sched = unsafe { attr.as_ref() }
        .filter(|a| a.inheritsched == EXPLICIT_SCHED)
        .map(|a| (a.policy, a.priority));
    let entry = if sched.is_some() {
        c_start_gated
    } else {
        c_start
    };
    let r = create::create(&attr_of(attr), 0, entry, |t, _| {
        t.c_start.set(Some(start));
        t.start_arg.set(arg);
        t.start_gate.store(1, Ordering::Relaxed);
    });
    let r = match (r, sched) {
        (Ok(t), Some((policy, priority))) => open_gate(t, policy, priority),
        (r, _) => r,
    };
    match r {
        Ok(t) => {
            // SAFETY: C passes a writable pthread_t.
            unsafe { *out = (t as *const ThreadDescriptor).cast_mut() };
            0
        }
        Err(e) => e.raw(),
    }
}

/// The start of a thread created with `PTHREAD_EXPLICIT_SCHED`: waits
/// until its creator has set its policy, then runs the C routine, or
/// returns at once when that failed.
unsafe fn c_start_gated(t: &ThreadDescriptor) -> *mut c_void {
    while t.start_gate.load(Ordering::Acquire) == 1 {
        let _ = futex::wait(&t.start_gate, 1, futex::Timeout::Forever, true);
    }
    if t.start_gate.load(Ordering::Acquire) != 0 {
        return core::ptr::null_mut();
    }
    // SAFETY: as for any C thread.
    unsafe { c_start(t) }
}

/// Gives the new, waiting thread `t` its policy and priority and lets it
/// run; when the kernel refuses them, lets it end, reaps it and returns
/// the kernel's error.
fn open_gate(
    t: &'static ThreadDescriptor,
    policy: c_int,
    priority: c_int,
) -> Result<&'static ThreadDescriptor> {
    // SAFETY: `priority` is a one-int struct sched_param.
    let r = unsafe { crate::syscall::sched::setscheduler(t.tid(), policy, &priority) };
    let detached = t.detach_state.load(Ordering::Acquire) != JOINABLE;
    t.start_gate
        .store(if r.is_ok() { 0 } else { 2 }, Ordering::Release);
    futex::wake(&t.start_gate, 1, true);
    match r {
        Ok(()) => Ok(t),
        // A detached thread frees itself; `t` may be gone already.
        Err(e) if detached => Err(e),
        Err(e) => {
            // The thread runs nothing of the caller's and ends at once.
            let _ = create::wait_exit(t, false);
            create::reclaim(t);
            Err(e)
        }
    }
}

/// pthread_join(3): a cancellation point. `ESRCH` for a thread that was
/// joined or that ended detached (as for every function given a
/// `pthread_t`: see `docs/threads.md`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_join(t: PthreadT, result: *mut *mut c_void) -> c_int {
    match cancel::c_point(create::join(t)) {
        Ok(v) => {
            // SAFETY: C passes NULL or a writable void *.
            if let Some(out) = unsafe { result.as_mut() } {
                *out = v;
            }
            0
        }
        Err(e) => e.raw(),
    }
}

/// pthread_detach(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_detach(t: PthreadT) -> c_int {
    errno_of(create::detach(t))
}

/// pthread_exit(3): cleanup handlers, then thread-specific-data destructors.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_exit(result: *mut c_void) -> ! {
    thread::exit::exit_current(result)
}

/// pthread_self(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_self() -> PthreadT {
    (thread::current() as *const ThreadDescriptor).cast_mut()
}

/// pthread_equal(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_equal(a: PthreadT, b: PthreadT) -> c_int {
    (a == b) as c_int
}

/// pthread_cancel(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_cancel(t: PthreadT) -> c_int {
    errno_of(cancel::request(t))
}

/// pthread_testcancel(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_testcancel() {
    let _ = cancel::c_point(cancel::testcancel());
}

/// pthread_setcancelstate(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_setcancelstate(state: c_int, old: *mut c_int) -> c_int {
    let Some(state) = cancel::State::from_c(state) else {
        return Errno::EINVAL.raw();
    };
    let prev = cancel::set_state(state);
    // SAFETY: C passes NULL or a writable int.
    if let Some(old) = unsafe { old.as_mut() } {
        *old = prev as c_int;
    }
    0
}

/// pthread_setcanceltype(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_setcanceltype(ty: c_int, old: *mut c_int) -> c_int {
    let Some(ty) = cancel::Type::from_c(ty) else {
        return Errno::EINVAL.raw();
    };
    let prev = cancel::set_type(ty);
    // SAFETY: C passes NULL or a writable int.
    if let Some(old) = unsafe { old.as_mut() } {
        *old = prev as c_int;
    }
    0
}

/// The function behind the `pthread_cleanup_push` macro.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn _pthread_cleanup_push(
    rec: *mut CleanupRecord,
    f: unsafe extern "C" fn(*mut c_void),
    arg: *mut c_void,
) {
    // SAFETY: the macro's record lives until the matching pop.
    unsafe { cancel::cleanup_push(rec, f, arg) }
}

/// The function behind the `pthread_cleanup_pop` macro.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn _pthread_cleanup_pop(rec: *mut CleanupRecord, run: c_int) {
    // SAFETY: the macro pops the record it pushed.
    unsafe { cancel::cleanup_pop(rec, run != 0) }
}

/// pthread_kill(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_kill(t: PthreadT, sig: c_int) -> c_int {
    if crate::signal::is_reserved(sig) {
        return Errno::EINVAL.raw();
    }
    errno_of(thread::signal_thread(t, sig))
}

/// pthread_sigmask(3): like sigprocmask, reserved signals never blocked.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_sigmask(
    how: c_int,
    set: *const Sigset,
    old: *mut Sigset,
) -> c_int {
    // SAFETY: C passes null or valid sigset_t pointers.
    let (set, old) = unsafe { (set.as_ref(), old.as_mut()) };
    errno_of(crate::signal::sigprocmask(how, set, old))
}

/// pthread_key_create(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_key_create(
    k: *mut c_uint,
    dtor: Option<unsafe extern "C" fn(*mut c_void)>,
) -> c_int {
    match key::create(dtor) {
        Ok(n) => {
            // SAFETY: C passes a writable pthread_key_t.
            unsafe { *k = n as c_uint };
            0
        }
        Err(e) => e.raw(),
    }
}

/// pthread_key_delete(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_key_delete(k: c_uint) -> c_int {
    errno_of(key::delete(k as usize))
}

/// pthread_getspecific(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_getspecific(k: c_uint) -> *mut c_void {
    key::get(k as usize)
}

/// pthread_setspecific(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_setspecific(k: c_uint, v: *const c_void) -> c_int {
    errno_of(key::set(k as usize, v.cast_mut()))
}

/// pthread_once's cleanup handler, run when the init routine is cancelled
/// or calls `pthread_exit`: POSIX says the once-control is then as if
/// `pthread_once` was never called, so it goes back to 0 and the waiters
/// wake, and the next of them runs the routine.
unsafe extern "C" fn once_reset(once: *mut c_void) {
    // SAFETY: pthread_once registered its (live) once-control.
    let once = unsafe { &*once.cast::<AtomicI32>() };
    if once.swap(0, Ordering::Release) == 3 {
        futex::wake(once, i32::MAX, true);
    }
}

/// pthread_once(3): 0 not run, 1 running, 2 done, 3 running with waiters.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_once(once: *mut AtomicI32, init: unsafe extern "C" fn()) -> c_int {
    // SAFETY: C passes a pthread_once_t, an int used atomically.
    let once = unsafe { &*once };
    loop {
        match once.compare_exchange(0, 1, Ordering::Acquire, Ordering::Acquire) {
            Ok(_) => {
                let mut rec = core::mem::MaybeUninit::<CleanupRecord>::uninit();
                let arg = (once as *const AtomicI32).cast_mut().cast();
                // SAFETY: `rec` lives in this frame until popped below (a
                // thread that exits inside init runs and drops it first).
                unsafe { cancel::cleanup_push(rec.as_mut_ptr(), once_reset, arg) };
                // SAFETY: the caller's init routine.
                unsafe { init() };
                // SAFETY: init returned, so `rec` is again the newest record.
                unsafe { cancel::cleanup_pop(rec.as_mut_ptr(), false) };
                if once.swap(2, Ordering::Release) == 3 {
                    futex::wake(once, i32::MAX, true);
                }
                return 0;
            }
            Err(2) => return 0,
            Err(s) => {
                if s == 1 {
                    let _ = once.compare_exchange(1, 3, Ordering::Relaxed, Ordering::Relaxed);
                }
                let _ = futex::wait(once, 3, futex::Timeout::Forever, true);
            }
        }
    }
}

/// sched_yield(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sched_yield() -> c_int {
    thread::yield_now();
    0
}

/// pthread_attr_init(3): joinable, default stack (128 KiB) and guard (one page).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_init(a: *mut PthreadAttr) -> c_int {
    let d = Attr::default();
    // SAFETY: C passes a writable pthread_attr_t.
    unsafe {
        a.write(PthreadAttr {
            stack_size: d.stack_size,
            guard_size: d.guard_size,
            stack_addr: core::ptr::null_mut(),
            detach: 0,
            inheritsched: 0,
            policy: 0,
            priority: 0,
        })
    };
    0
}

/// pthread_attr_destroy(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_attr_destroy(_a: *mut PthreadAttr) -> c_int {
    0
}

/// pthread_attr_setstacksize(3): `EINVAL` below `PTHREAD_STACK_MIN`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_setstacksize(a: *mut PthreadAttr, size: usize) -> c_int {
    if size < create::STACK_MIN {
        return Errno::EINVAL.raw();
    }
    // SAFETY: C passes an initialised pthread_attr_t.
    unsafe { (*a).stack_size = size };
    0
}

/// pthread_attr_getstacksize(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_getstacksize(
    a: *const PthreadAttr,
    size: *mut usize,
) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { *size = (*a).stack_size };
    0
}

/// pthread_attr_setguardsize(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_setguardsize(a: *mut PthreadAttr, size: usize) -> c_int {
    // SAFETY: C passes an initialised pthread_attr_t.
    unsafe { (*a).guard_size = size };
    0
}

/// pthread_attr_getguardsize(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_getguardsize(
    a: *const PthreadAttr,
    size: *mut usize,
) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { *size = (*a).guard_size };
    0
}

/// pthread_attr_setdetachstate(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_setdetachstate(a: *mut PthreadAttr, state: c_int) -> c_int {
    if state != 0 && state != CREATE_DETACHED {
        return Errno::EINVAL.raw();
    }
    // SAFETY: C passes an initialised pthread_attr_t.
    unsafe { (*a).detach = state };
    0
}

/// pthread_attr_getdetachstate(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_getdetachstate(
    a: *const PthreadAttr,
    state: *mut c_int,
) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { *state = (*a).detach };
    0
}

/// pthread_attr_setstack(3): the thread runs on `[addr, addr + size)`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_setstack(
    a: *mut PthreadAttr,
    addr: *mut c_void,
    size: usize,
) -> c_int {
    if size < create::STACK_MIN || addr.is_null() {
        return Errno::EINVAL.raw();
    }
    // SAFETY: C passes an initialised pthread_attr_t.
    unsafe {
        (*a).stack_addr = addr.cast();
        (*a).stack_size = size;
    }
    0
}

/// pthread_attr_getstack(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_getstack(
    a: *const PthreadAttr,
    addr: *mut *mut c_void,
    size: *mut usize,
) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe {
        *addr = (*a).stack_addr.cast();
        *size = (*a).stack_size;
    }
    0
}

/// The priority range of `policy`, or `EINVAL` for an unknown one.
fn priority_range(policy: c_int) -> Result<(c_int, c_int)> {
    use crate::syscall::sched::{priority_max, priority_min};
    Ok((priority_min(policy)?, priority_max(policy)?))
}

/// pthread_attr_setschedpolicy(3): `SCHED_OTHER`, `FIFO`, `RR`, `BATCH` or
/// `IDLE`; `EINVAL` for anything else.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_setschedpolicy(a: *mut PthreadAttr, policy: c_int) -> c_int {
    if priority_range(policy).is_err() {
        return Errno::EINVAL.raw();
    }
    // SAFETY: C passes an initialised pthread_attr_t.
    unsafe { (*a).policy = policy };
    0
}

/// pthread_attr_getschedpolicy(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_getschedpolicy(
    a: *const PthreadAttr,
    policy: *mut c_int,
) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { *policy = (*a).policy };
    0
}

/// pthread_attr_setschedparam(3): `EINVAL` for a priority outside the
/// range of the attribute's policy.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_setschedparam(
    a: *mut PthreadAttr,
    param: *const c_int,
) -> c_int {
    // SAFETY: C passes valid pointers.
    let (a, prio) = unsafe { (&mut *a, *param) };
    match priority_range(a.policy) {
        Ok((lo, hi)) if (lo..=hi).contains(&prio) => {
            a.priority = prio;
            0
        }
        _ => Errno::EINVAL.raw(),
    }
}

/// pthread_attr_getschedparam(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_getschedparam(
    a: *const PthreadAttr,
    param: *mut c_int,
) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { *param = (*a).priority };
    0
}

/// pthread_attr_setinheritsched(3): `PTHREAD_INHERIT_SCHED` or
/// `PTHREAD_EXPLICIT_SCHED`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_setinheritsched(
    a: *mut PthreadAttr,
    inherit: c_int,
) -> c_int {
    if inherit != 0 && inherit != EXPLICIT_SCHED {
        return Errno::EINVAL.raw();
    }
    // SAFETY: C passes an initialised pthread_attr_t.
    unsafe { (*a).inheritsched = inherit };
    0
}

/// pthread_attr_getinheritsched(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_getinheritsched(
    a: *const PthreadAttr,
    inherit: *mut c_int,
) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { *inherit = (*a).inheritsched };
    0
}

/// pthread_attr_setscope(3): only `PTHREAD_SCOPE_SYSTEM` (0); `PROCESS`
/// (1) is `ENOTSUP`, anything else `EINVAL`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_attr_setscope(_a: *mut PthreadAttr, scope: c_int) -> c_int {
    match scope {
        0 => 0,
        1 => Errno::EOPNOTSUPP.raw(),
        _ => Errno::EINVAL.raw(),
    }
}

/// pthread_attr_getscope(3): always `PTHREAD_SCOPE_SYSTEM`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_attr_getscope(_a: *const PthreadAttr, scope: *mut c_int) -> c_int {
    // SAFETY: C passes a writable int.
    unsafe { *scope = 0 };
    0
}

/// pthread_setschedparam(3): the kernel's `EPERM` or `EINVAL` as the
/// result.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_setschedparam(
    t: PthreadT,
    policy: c_int,
    param: *const c_int,
) -> c_int {
    errno_of(thread::with_tid(t, |tid| {
        // SAFETY: the kernel checks `param`.
        unsafe { crate::syscall::sched::setscheduler(tid, policy, param) }
    }))
}

/// pthread_getschedparam(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_getschedparam(
    t: PthreadT,
    policy: *mut c_int,
    param: *mut c_int,
) -> c_int {
    let r = thread::with_tid(t, |tid| {
        let p = crate::syscall::sched::getscheduler(tid)?;
        // SAFETY: the kernel checks `param`.
        unsafe { crate::syscall::sched::getparam(tid, param) }?;
        Ok(p)
    });
    match r {
        Ok(p) => {
            // SAFETY: C passes a writable int.
            unsafe { *policy = p };
            0
        }
        Err(e) => e.raw(),
    }
}

/// pthread_setschedprio(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_setschedprio(t: PthreadT, prio: c_int) -> c_int {
    errno_of(thread::with_tid(t, |tid| {
        // SAFETY: `prio` is a one-int struct sched_param.
        unsafe { crate::syscall::sched::setparam(tid, &prio) }
    }))
}

/// pthread_getcpuclockid(3): the clock of the thread's CPU time (the
/// kernel's per-thread CPU clock id for its tid); `ESRCH` once the thread
/// has finished.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_getcpuclockid(t: PthreadT, clock: *mut c_int) -> c_int {
    // (~tid << 3) | CPUCLOCK_PERTHREAD (4) | CPUCLOCK_SCHED (2).
    match thread::with_tid(t, |tid| Ok((!tid << 3) | 6)) {
        Ok(id) => {
            // SAFETY: C passes a writable clockid_t.
            unsafe { *clock = id };
            0
        }
        Err(e) => e.raw(),
    }
}
