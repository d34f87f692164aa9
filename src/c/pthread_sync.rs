//! POSIX thread synchronisation for C: mutexes, condition variables,
//! read-write locks, barriers and spin locks, and their attributes. The
//! objects are the Rust ones in `crate::thread` laid into the opaque C
//! types of `<pthread.h>`; like every pthread function these return an
//! error number instead of setting `errno`.
//!
//! `pthread_cond_wait` and `pthread_cond_timedwait` are cancellation
//! points; when cancellation acts, the mutex is held again before the
//! cleanup handlers run.

use crate::errno::{Errno, Result};
use crate::thread::barrier::Barrier;
use crate::thread::cancel;
use crate::thread::cond::{self, RawCond};
use crate::thread::mutex::{self, RawMutex};
use crate::thread::rwlock::RwLock;
use crate::thread::spin::SpinLock;
use crate::time::{CLOCK_MONOTONIC, CLOCK_REALTIME, Timespec};
use core::ffi::{c_int, c_uint, c_void};
use core::mem::{align_of, size_of};

/// `pthread_mutex_t`.
#[repr(C)]
#[allow(dead_code)] // layout only: never read as such
pub union PthreadMutexT {
    i: [c_int; 8],
    p: [*mut c_void; 4],
}

/// `pthread_cond_t`.
#[repr(C)]
#[allow(dead_code)] // layout only: never read as such
pub union PthreadCondT {
    i: [c_int; 12],
    p: [*mut c_void; 6],
}

/// `pthread_rwlock_t`.
#[repr(C)]
#[allow(dead_code)] // layout only: never read as such
pub union PthreadRwlockT {
    i: [c_int; 8],
    p: [*mut c_void; 4],
}

/// `pthread_barrier_t`.
#[repr(C)]
#[allow(dead_code)] // layout only: never read as such
pub union PthreadBarrierT {
    i: [c_int; 8],
    p: [*mut c_void; 4],
}

/// The `*attr_t` types: `struct { int __attr; }`.
type AttrT = c_int;

/// Alignment of the opaque unions: that of a pointer.
#[cfg(target_pointer_width = "64")]
const UNION_ALIGN: usize = 8;
#[cfg(target_pointer_width = "32")]
const UNION_ALIGN: usize = 4;

/// Whether a Rust object fits in (and is no more aligned than) a C one.
const fn fits<R, C>() -> bool {
    size_of::<R>() <= size_of::<C>() && align_of::<R>() <= align_of::<C>()
}

// The C sizes are the same on 32- and 64-bit targets: the `int` arrays are
// at least as large as the pointer arrays on both.
const _: () = {
    assert!(size_of::<PthreadMutexT>() == 32 && align_of::<PthreadMutexT>() == UNION_ALIGN);
    assert!(size_of::<PthreadCondT>() == 48 && align_of::<PthreadCondT>() == UNION_ALIGN);
    assert!(size_of::<PthreadRwlockT>() == 32 && align_of::<PthreadRwlockT>() == UNION_ALIGN);
    assert!(size_of::<PthreadBarrierT>() == 32 && align_of::<PthreadBarrierT>() == UNION_ALIGN);
    assert!(size_of::<AttrT>() == 4);
    assert!(fits::<RawMutex, PthreadMutexT>());
    assert!(fits::<RawCond, PthreadCondT>());
    assert!(fits::<RwLock, PthreadRwlockT>());
    assert!(fits::<Barrier, PthreadBarrierT>());
    assert!(fits::<SpinLock, c_int>());
};

fn errno_of(r: Result<()>) -> c_int {
    r.err().map_or(0, Errno::raw)
}

/// Views a C synchronisation object as the Rust object inside it.
///
/// # Safety
/// `p` must point to a live object of the C type, and `R` fit in it.
unsafe fn obj<'a, C, R>(p: *mut C) -> &'a R {
    const { assert!(fits::<R, C>()) };
    // SAFETY: the caller passes a valid object; `R` fits (checked above)
    // and is made of atomics, so shared access from several threads is fine.
    unsafe { &*p.cast::<R>() }
}

/// Clears the C object `p` and moves `value` into its start.
///
/// # Safety
/// `p` must be writable and `R` fit in `C`.
unsafe fn place<C, R>(p: *mut C, value: R) {
    const { assert!(fits::<R, C>()) };
    // SAFETY: the caller passes a writable object of the C type.
    unsafe {
        p.cast::<u8>().write_bytes(0, size_of::<C>());
        p.cast::<R>().write(value);
    }
}

/// Reads an attribute word: 0 (the defaults) for a null pointer.
///
/// # Safety
/// `a` must be null or point to an initialised attribute object.
unsafe fn attr(a: *const AttrT) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { a.as_ref() }.copied().unwrap_or(0)
}

/// Sets or clears `bit` in attribute `a` for a `PTHREAD_PROCESS_*` value.
///
/// # Safety
/// `a` must point to an initialised attribute object.
unsafe fn set_pshared(a: *mut AttrT, bit: c_int, pshared: c_int) -> c_int {
    let on = match pshared {
        0 => false,
        1 => true,
        _ => return Errno::EINVAL.raw(),
    };
    // SAFETY: as the caller promises.
    let a = unsafe { &mut *a };
    *a = if on { *a | bit } else { *a & !bit };
    0
}

/// Stores the `PTHREAD_PROCESS_*` value of `bit` in attribute `a`.
///
/// # Safety
/// `a` and `out` must be valid.
unsafe fn get_pshared(a: *const AttrT, bit: c_int, out: *mut c_int) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { *out = (*a & bit != 0) as c_int };
    0
}

/// A deadline from C: a null pointer gives one that is malformed, so that
/// the call fails with `EINVAL` if (and only if) it would block.
///
/// # Safety
/// `at` must be null or point to a readable `struct timespec`.
unsafe fn deadline(at: *const Timespec) -> Timespec {
    // SAFETY: as the caller promises.
    unsafe { at.as_ref() }
        .copied()
        .unwrap_or(Timespec::new(0, -1))
}

// ------------------------------------------------------------ mutexattr

/// pthread_mutexattr_init(3): a normal, process-private mutex.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutexattr_init(a: *mut AttrT) -> c_int {
    // SAFETY: C passes a writable pthread_mutexattr_t.
    unsafe { *a = 0 };
    0
}

/// pthread_mutexattr_destroy(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_mutexattr_destroy(_a: *mut AttrT) -> c_int {
    0
}

/// pthread_mutexattr_settype(3): `EINVAL` for an unknown type.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutexattr_settype(a: *mut AttrT, ty: c_int) -> c_int {
    if !(mutex::NORMAL..=mutex::ERRORCHECK).contains(&ty) {
        return Errno::EINVAL.raw();
    }
    // SAFETY: C passes an initialised pthread_mutexattr_t.
    unsafe { *a = (*a & !mutex::TYPE_MASK) | ty };
    0
}

/// pthread_mutexattr_gettype(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutexattr_gettype(a: *const AttrT, ty: *mut c_int) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { *ty = *a & mutex::TYPE_MASK };
    0
}

/// pthread_mutexattr_setpshared(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutexattr_setpshared(a: *mut AttrT, pshared: c_int) -> c_int {
    // SAFETY: C passes an initialised pthread_mutexattr_t.
    unsafe { set_pshared(a, mutex::PSHARED, pshared) }
}

/// pthread_mutexattr_getpshared(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutexattr_getpshared(a: *const AttrT, out: *mut c_int) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { get_pshared(a, mutex::PSHARED, out) }
}

/// `PTHREAD_PRIO_NONE`, the only protocol muslin's mutexes have.
const PRIO_NONE: c_int = 0;
/// `PTHREAD_PRIO_INHERIT` and `PTHREAD_PRIO_PROTECT`: known, not supported.
const PRIO_INHERIT: c_int = 1;
const PRIO_PROTECT: c_int = 2;
/// The priority ceiling lives in [`mutex::SPARE_MASK`] of the attribute
/// and kind words as its distance above the lowest `SCHED_FIFO` priority,
/// so that zero (the defaults, `PTHREAD_MUTEX_INITIALIZER`) is that one.
const CEILING_SHIFT: u32 = mutex::SPARE_MASK.trailing_zeros();

/// The kind-word bits for `ceiling`, or `EINVAL` outside the `SCHED_FIFO`
/// priorities.
fn ceiling_bits(ceiling: c_int) -> core::result::Result<c_int, c_int> {
    let (lo, hi) = (fifo_min(), fifo_max());
    if !(lo..=hi).contains(&ceiling) {
        return Err(Errno::EINVAL.raw());
    }
    Ok((ceiling - lo) << CEILING_SHIFT)
}

/// The ceiling that kind-word bits `bits` stand for.
fn ceiling_of(bits: c_int) -> c_int {
    ((bits & mutex::SPARE_MASK) >> CEILING_SHIFT) + fifo_min()
}

/// `SCHED_FIFO`.
const SCHED_FIFO: c_int = 1;

fn fifo_min() -> c_int {
    crate::syscall::sched::priority_min(SCHED_FIFO).unwrap_or(1)
}

fn fifo_max() -> c_int {
    crate::syscall::sched::priority_max(SCHED_FIFO).unwrap_or(99)
}

/// pthread_mutexattr_setprotocol(3): only `PTHREAD_PRIO_NONE`;
/// `PTHREAD_PRIO_INHERIT` and `PTHREAD_PRIO_PROTECT` are `ENOTSUP` (and
/// `_POSIX_THREAD_PRIO_INHERIT`/`_PROTECT` are not defined), anything else
/// `EINVAL`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_mutexattr_setprotocol(_a: *mut AttrT, protocol: c_int) -> c_int {
    match protocol {
        PRIO_NONE => 0,
        PRIO_INHERIT | PRIO_PROTECT => Errno::EOPNOTSUPP.raw(),
        _ => Errno::EINVAL.raw(),
    }
}

/// pthread_mutexattr_getprotocol(3): always `PTHREAD_PRIO_NONE`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutexattr_getprotocol(_a: *const AttrT, out: *mut c_int) -> c_int {
    // SAFETY: C passes a writable int.
    unsafe { *out = PRIO_NONE };
    0
}

/// pthread_mutexattr_setprioceiling(3): a `SCHED_FIFO` priority
/// (`EINVAL` otherwise). Kept and reported, but without effect: no
/// mutex here has the `PTHREAD_PRIO_PROTECT` protocol.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutexattr_setprioceiling(a: *mut AttrT, ceiling: c_int) -> c_int {
    match ceiling_bits(ceiling) {
        Ok(bits) => {
            // SAFETY: C passes an initialised pthread_mutexattr_t.
            unsafe { *a = (*a & !mutex::SPARE_MASK) | bits };
            0
        }
        Err(e) => e,
    }
}

/// pthread_mutexattr_getprioceiling(3): by default the lowest
/// `SCHED_FIFO` priority.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutexattr_getprioceiling(
    a: *const AttrT,
    out: *mut c_int,
) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { *out = ceiling_of(*a) };
    0
}

// ---------------------------------------------------------------- mutex

/// # Safety
/// `m` must point to a live `pthread_mutex_t`.
unsafe fn mutex<'a>(m: *mut PthreadMutexT) -> &'a RawMutex {
    // SAFETY: as the caller promises.
    unsafe { obj(m) }
}

/// pthread_mutex_init(3): attributes from `a`, or the defaults if null.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutex_init(m: *mut PthreadMutexT, a: *const AttrT) -> c_int {
    // SAFETY: C passes a writable mutex and a null or valid attribute.
    unsafe { place(m, RawMutex::with_kind(attr(a))) };
    0
}

/// pthread_mutex_getprioceiling(3): the ceiling the mutex was made with
/// or last given.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutex_getprioceiling(
    m: *mut PthreadMutexT,
    out: *mut c_int,
) -> c_int {
    // SAFETY: C passes an initialised mutex and a writable int.
    unsafe { *out = ceiling_of(mutex(m).spare()) };
    0
}

/// pthread_mutex_setprioceiling(3): locks the mutex as
/// `pthread_mutex_lock` does, sets its ceiling (a `SCHED_FIFO` priority,
/// else `EINVAL`), stores the former one in `old` (unless NULL) and
/// unlocks it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutex_setprioceiling(
    m: *mut PthreadMutexT,
    ceiling: c_int,
    old: *mut c_int,
) -> c_int {
    let bits = match ceiling_bits(ceiling) {
        Ok(bits) => bits,
        Err(e) => return e,
    };
    // SAFETY: C passes an initialised mutex.
    let m = unsafe { mutex(m) };
    if let Err(e) = m.lock() {
        return e.raw();
    }
    let was = m.set_spare(bits);
    let _ = m.unlock();
    // SAFETY: C passes NULL or a writable int.
    if let Some(old) = unsafe { old.as_mut() } {
        *old = ceiling_of(was);
    }
    0
}

/// pthread_mutex_destroy(3): `EBUSY` while the mutex is locked.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutex_destroy(m: *mut PthreadMutexT) -> c_int {
    // SAFETY: C passes an initialised mutex.
    if unsafe { mutex(m) }.is_locked() {
        return Errno::EBUSY.raw();
    }
    0
}

/// pthread_mutex_lock(3): `EDEADLK` (error-checking, held by the caller),
/// `EAGAIN` (recursive, count overflow).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutex_lock(m: *mut PthreadMutexT) -> c_int {
    // SAFETY: C passes an initialised mutex.
    errno_of(unsafe { mutex(m) }.lock())
}

/// pthread_mutex_trylock(3): `EBUSY` when held.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutex_trylock(m: *mut PthreadMutexT) -> c_int {
    // SAFETY: C passes an initialised mutex.
    errno_of(unsafe { mutex(m) }.try_lock())
}

/// pthread_mutex_timedlock(3): `ETIMEDOUT` after the absolute
/// `CLOCK_REALTIME` time `at`; `EINVAL` if `at` is malformed and the call
/// would block.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutex_timedlock(
    m: *mut PthreadMutexT,
    at: *const Timespec,
) -> c_int {
    // SAFETY: C passes an initialised mutex and a timespec.
    let (m, at) = unsafe { (mutex(m), deadline(at)) };
    errno_of(m.lock_until(&at))
}

/// pthread_mutex_unlock(3): `EPERM` if a recursive or error-checking
/// mutex is not held by the caller.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_mutex_unlock(m: *mut PthreadMutexT) -> c_int {
    // SAFETY: C passes an initialised mutex.
    errno_of(unsafe { mutex(m) }.unlock())
}

// ------------------------------------------------------------- condattr

/// pthread_condattr_init(3): `CLOCK_REALTIME`, process-private.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_condattr_init(a: *mut AttrT) -> c_int {
    // SAFETY: C passes a writable pthread_condattr_t.
    unsafe { *a = CLOCK_REALTIME };
    0
}

/// pthread_condattr_destroy(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_condattr_destroy(_a: *mut AttrT) -> c_int {
    0
}

/// pthread_condattr_setclock(3): `CLOCK_REALTIME` or `CLOCK_MONOTONIC`,
/// `EINVAL` for any other clock.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_condattr_setclock(a: *mut AttrT, clock: c_int) -> c_int {
    if clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC {
        return Errno::EINVAL.raw();
    }
    // SAFETY: C passes an initialised pthread_condattr_t.
    unsafe { *a = (*a & !cond::CLOCK_MASK) | clock };
    0
}

/// pthread_condattr_getclock(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_condattr_getclock(a: *const AttrT, clock: *mut c_int) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { *clock = *a & cond::CLOCK_MASK };
    0
}

/// pthread_condattr_setpshared(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_condattr_setpshared(a: *mut AttrT, pshared: c_int) -> c_int {
    // SAFETY: C passes an initialised pthread_condattr_t.
    unsafe { set_pshared(a, cond::PSHARED, pshared) }
}

/// pthread_condattr_getpshared(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_condattr_getpshared(a: *const AttrT, out: *mut c_int) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { get_pshared(a, cond::PSHARED, out) }
}

// ----------------------------------------------------------------- cond

/// # Safety
/// `c` must point to a live `pthread_cond_t`.
unsafe fn cond<'a>(c: *mut PthreadCondT) -> &'a RawCond {
    // SAFETY: as the caller promises.
    unsafe { obj(c) }
}

/// pthread_cond_init(3): attributes from `a`, or the defaults if null.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_cond_init(c: *mut PthreadCondT, a: *const AttrT) -> c_int {
    // SAFETY: C passes a writable condition variable, a null or valid attribute.
    unsafe { place(c, RawCond::with_attr(attr(a))) };
    0
}

/// pthread_cond_destroy(3): waits for threads just woken to leave it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_cond_destroy(c: *mut PthreadCondT) -> c_int {
    // SAFETY: C passes an initialised condition variable.
    unsafe { cond(c) }.destroy();
    0
}

/// pthread_cond_wait(3): a cancellation point. `EPERM` if a recursive or
/// error-checking mutex is not held by the caller.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_cond_wait(c: *mut PthreadCondT, m: *mut PthreadMutexT) -> c_int {
    // SAFETY: C passes an initialised condition variable and mutex.
    let (c, m) = unsafe { (cond(c), mutex(m)) };
    errno_of(cancel::c_point(c.wait(m, None, true)))
}

/// pthread_cond_timedwait(3): a cancellation point; `ETIMEDOUT` after the
/// absolute time `at` on the condition variable's clock, `EINVAL` if `at`
/// is malformed.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_cond_timedwait(
    c: *mut PthreadCondT,
    m: *mut PthreadMutexT,
    at: *const Timespec,
) -> c_int {
    // SAFETY: C passes an initialised condition variable and mutex, and a
    // timespec.
    let (c, m, at) = unsafe { (cond(c), mutex(m), deadline(at)) };
    errno_of(cancel::c_point(c.wait(m, Some(&at), true)))
}

/// pthread_cond_signal(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_cond_signal(c: *mut PthreadCondT) -> c_int {
    // SAFETY: C passes an initialised condition variable.
    unsafe { cond(c) }.signal();
    0
}

/// pthread_cond_broadcast(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_cond_broadcast(c: *mut PthreadCondT) -> c_int {
    // SAFETY: C passes an initialised condition variable.
    unsafe { cond(c) }.broadcast();
    0
}

// ----------------------------------------------------------- rwlockattr

/// pthread_rwlockattr_init(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlockattr_init(a: *mut AttrT) -> c_int {
    // SAFETY: C passes a writable pthread_rwlockattr_t.
    unsafe { *a = 0 };
    0
}

/// pthread_rwlockattr_destroy(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_rwlockattr_destroy(_a: *mut AttrT) -> c_int {
    0
}

/// pthread_rwlockattr_setpshared(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlockattr_setpshared(a: *mut AttrT, pshared: c_int) -> c_int {
    // SAFETY: C passes an initialised pthread_rwlockattr_t.
    unsafe { set_pshared(a, 1, pshared) }
}

/// pthread_rwlockattr_getpshared(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlockattr_getpshared(a: *const AttrT, out: *mut c_int) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { get_pshared(a, 1, out) }
}

// --------------------------------------------------------------- rwlock

/// # Safety
/// `l` must point to a live `pthread_rwlock_t`.
unsafe fn rwlock<'a>(l: *mut PthreadRwlockT) -> &'a RwLock {
    // SAFETY: as the caller promises.
    unsafe { obj(l) }
}

/// pthread_rwlock_init(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlock_init(l: *mut PthreadRwlockT, a: *const AttrT) -> c_int {
    // SAFETY: C passes a writable lock and a null or valid attribute.
    unsafe {
        place(l, RwLock::new());
        rwlock(l).init(attr(a) & 1 != 0);
    }
    0
}

/// pthread_rwlock_destroy(3): `EBUSY` while held.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlock_destroy(l: *mut PthreadRwlockT) -> c_int {
    // SAFETY: C passes an initialised lock.
    errno_of(unsafe { rwlock(l) }.destroy())
}

/// pthread_rwlock_rdlock(3): `EDEADLK` if the caller holds the write lock.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlock_rdlock(l: *mut PthreadRwlockT) -> c_int {
    // SAFETY: C passes an initialised lock.
    errno_of(unsafe { rwlock(l) }.read())
}

/// pthread_rwlock_tryrdlock(3): `EBUSY` while a writer holds the lock.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlock_tryrdlock(l: *mut PthreadRwlockT) -> c_int {
    // SAFETY: C passes an initialised lock.
    errno_of(unsafe { rwlock(l) }.try_read())
}

/// pthread_rwlock_timedrdlock(3): `ETIMEDOUT` after the absolute
/// `CLOCK_REALTIME` time `at`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlock_timedrdlock(
    l: *mut PthreadRwlockT,
    at: *const Timespec,
) -> c_int {
    // SAFETY: C passes an initialised lock and a timespec.
    let (l, at) = unsafe { (rwlock(l), deadline(at)) };
    errno_of(l.read_until(&at))
}

/// pthread_rwlock_wrlock(3): `EDEADLK` if the caller holds the write lock.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlock_wrlock(l: *mut PthreadRwlockT) -> c_int {
    // SAFETY: C passes an initialised lock.
    errno_of(unsafe { rwlock(l) }.write())
}

/// pthread_rwlock_trywrlock(3): `EBUSY` unless the lock is free.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlock_trywrlock(l: *mut PthreadRwlockT) -> c_int {
    // SAFETY: C passes an initialised lock.
    errno_of(unsafe { rwlock(l) }.try_write())
}

/// pthread_rwlock_timedwrlock(3): `ETIMEDOUT` after the absolute
/// `CLOCK_REALTIME` time `at`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlock_timedwrlock(
    l: *mut PthreadRwlockT,
    at: *const Timespec,
) -> c_int {
    // SAFETY: C passes an initialised lock and a timespec.
    let (l, at) = unsafe { (rwlock(l), deadline(at)) };
    errno_of(l.write_until(&at))
}

/// pthread_rwlock_unlock(3): `EPERM` if the lock is not held.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_rwlock_unlock(l: *mut PthreadRwlockT) -> c_int {
    // SAFETY: C passes an initialised lock.
    errno_of(unsafe { rwlock(l) }.unlock())
}

// ---------------------------------------------------------- barrierattr

/// pthread_barrierattr_init(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_barrierattr_init(a: *mut AttrT) -> c_int {
    // SAFETY: C passes a writable pthread_barrierattr_t.
    unsafe { *a = 0 };
    0
}

/// pthread_barrierattr_destroy(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_barrierattr_destroy(_a: *mut AttrT) -> c_int {
    0
}

/// pthread_barrierattr_setpshared(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_barrierattr_setpshared(a: *mut AttrT, pshared: c_int) -> c_int {
    // SAFETY: C passes an initialised pthread_barrierattr_t.
    unsafe { set_pshared(a, 1, pshared) }
}

/// pthread_barrierattr_getpshared(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_barrierattr_getpshared(a: *const AttrT, out: *mut c_int) -> c_int {
    // SAFETY: C passes valid pointers.
    unsafe { get_pshared(a, 1, out) }
}

// -------------------------------------------------------------- barrier

/// `PTHREAD_BARRIER_SERIAL_THREAD`.
const BARRIER_SERIAL_THREAD: c_int = -1;

/// # Safety
/// `b` must point to a live `pthread_barrier_t`.
unsafe fn barrier<'a>(b: *mut PthreadBarrierT) -> &'a Barrier {
    // SAFETY: as the caller promises.
    unsafe { obj(b) }
}

/// pthread_barrier_init(3): `EINVAL` for a count of 0.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_barrier_init(
    b: *mut PthreadBarrierT,
    a: *const AttrT,
    count: c_uint,
) -> c_int {
    // SAFETY: C passes a writable barrier and a null or valid attribute.
    let (b, pshared) = unsafe {
        place(b, Barrier::default());
        (barrier(b), attr(a) & 1 != 0)
    };
    errno_of(b.init(count, pshared))
}

/// pthread_barrier_destroy(3): `EBUSY` while threads wait on it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_barrier_destroy(b: *mut PthreadBarrierT) -> c_int {
    // SAFETY: C passes an initialised barrier.
    errno_of(unsafe { barrier(b) }.destroy())
}

/// pthread_barrier_wait(3): `PTHREAD_BARRIER_SERIAL_THREAD` for one
/// thread of each round, 0 for the others.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_barrier_wait(b: *mut PthreadBarrierT) -> c_int {
    // SAFETY: C passes an initialised barrier.
    if unsafe { barrier(b) }.wait() {
        BARRIER_SERIAL_THREAD
    } else {
        0
    }
}

// ------------------------------------------------------------------ spin

/// # Safety
/// `s` must point to a live `pthread_spinlock_t`.
unsafe fn spin<'a>(s: *mut c_int) -> &'a SpinLock {
    // SAFETY: as the caller promises.
    unsafe { obj(s) }
}

/// pthread_spin_init(3): any `pshared` value works (the lock never sleeps).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_spin_init(s: *mut c_int, _pshared: c_int) -> c_int {
    // SAFETY: C passes a writable pthread_spinlock_t.
    unsafe { place(s, SpinLock::new()) };
    0
}

/// pthread_spin_destroy(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_spin_destroy(_s: *mut c_int) -> c_int {
    0
}

/// pthread_spin_lock(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_spin_lock(s: *mut c_int) -> c_int {
    // SAFETY: C passes an initialised spin lock.
    unsafe { spin(s) }.lock();
    0
}

/// pthread_spin_trylock(3): `EBUSY` when held.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_spin_trylock(s: *mut c_int) -> c_int {
    // SAFETY: C passes an initialised spin lock.
    errno_of(unsafe { spin(s) }.try_lock())
}

/// pthread_spin_unlock(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_spin_unlock(s: *mut c_int) -> c_int {
    // SAFETY: C passes an initialised spin lock.
    unsafe { spin(s) }.unlock();
    0
}
