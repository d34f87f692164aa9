//! Locking streams: the rule that no lock is taken while the process has a
//! single thread, and `flockfile` and friends. The lock itself
//! ([`RecLock`]) is the thread layer's, which also decides when its code
//! gets linked.

pub(crate) use crate::thread::reclock::{RecLock, lock_op};
use core::sync::atomic::Ordering;

/// Whether another thread exists (or ever may run concurrently): only then
/// do stdio operations lock.
#[inline]
pub(crate) fn threaded() -> bool {
    crate::thread::exit::OTHER_THREADS.load(Ordering::Acquire) != 0
}

/// flockfile(3): takes the stream's recursive lock (always, even while
/// single-threaded, so that a later `funlockfile` pairs with it).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn flockfile(f: *mut super::FILE) {
    // SAFETY: the caller passes an open stream.
    unsafe { &*f }.lock.lock();
}

/// ftrylockfile(3): 0 when taken, nonzero when another thread holds it.
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ftrylockfile(f: *mut super::FILE) -> core::ffi::c_int {
    // SAFETY: the caller passes an open stream.
    (!unsafe { &*f }.lock.try_lock()) as core::ffi::c_int
}

/// funlockfile(3).
///
/// # Safety
/// `f` must be an open stream the caller locked.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn funlockfile(f: *mut super::FILE) {
    // SAFETY: the caller passes an open stream.
    unsafe { &*f }.lock.unlock();
}
