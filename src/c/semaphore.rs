//! POSIX unnamed semaphores for C (`<semaphore.h>`). Unlike the pthread
//! functions these set `errno` and return -1 on failure. `sem_wait` and
//! `sem_timedwait` are cancellation points: a pending request acts at
//! entry even when the count is positive.

use super::{ret_int, ret_zero};
use crate::errno::Errno;
use crate::thread::cancel;
use crate::thread::sem::Semaphore;
use crate::time::{CLOCK_REALTIME, Timespec};
use core::ffi::{c_int, c_uint};
use core::mem::{align_of, size_of};

// `sem_t` is `struct { int __val[4]; }` on every target.
const _: () = assert!(size_of::<Semaphore>() == 16 && align_of::<Semaphore>() == 4);

/// # Safety
/// `s` must point to a live `sem_t`.
unsafe fn sem<'a>(s: *mut Semaphore) -> &'a Semaphore {
    // SAFETY: as the caller promises; the semaphore is made of atomics.
    unsafe { &*s }
}

/// sem_init(3): `EINVAL` if `value` exceeds `SEM_VALUE_MAX`. A nonzero
/// `pshared` makes the semaphore usable across processes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sem_init(s: *mut Semaphore, pshared: c_int, value: c_uint) -> c_int {
    // SAFETY: C passes a writable sem_t.
    ret_zero(unsafe { sem(s) }.init(value, pshared != 0))
}

/// sem_destroy(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sem_destroy(_s: *mut Semaphore) -> c_int {
    0
}

/// sem_post(3): `EOVERFLOW` at `SEM_VALUE_MAX`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sem_post(s: *mut Semaphore) -> c_int {
    // SAFETY: C passes an initialised sem_t.
    ret_zero(unsafe { sem(s) }.post())
}

/// sem_trywait(3): `EAGAIN` when the count is zero.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sem_trywait(s: *mut Semaphore) -> c_int {
    // SAFETY: C passes an initialised sem_t.
    ret_zero(unsafe { sem(s) }.try_wait())
}

/// sem_wait(3): a cancellation point; `EINTR` after a signal handler
/// installed without `SA_RESTART`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sem_wait(s: *mut Semaphore) -> c_int {
    // SAFETY: C passes an initialised sem_t.
    ret_zero(cancel::c_point(unsafe { sem(s) }.wait(None, true)))
}

/// sem_timedwait(3): a cancellation point; `ETIMEDOUT` after the absolute
/// `CLOCK_REALTIME` time `at`, `EINVAL` if `at` is malformed and the call
/// would block.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sem_timedwait(s: *mut Semaphore, at: *const Timespec) -> c_int {
    // SAFETY: C passes NULL or a readable timespec; NULL is malformed.
    let at = unsafe { at.as_ref() }
        .copied()
        .unwrap_or(Timespec::new(0, -1));
    // SAFETY: C passes an initialised sem_t.
    ret_zero(cancel::c_point(
        unsafe { sem(s) }.wait(Some((CLOCK_REALTIME, &at)), true),
    ))
}

/// sem_getvalue(3): the count (never negative here).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sem_getvalue(s: *mut Semaphore, out: *mut c_int) -> c_int {
    // SAFETY: C passes an initialised sem_t.
    let v = unsafe { sem(s) }.value();
    if out.is_null() {
        return ret_int(Err(Errno::EFAULT));
    }
    // SAFETY: C passes a writable int.
    unsafe { *out = v };
    0
}
