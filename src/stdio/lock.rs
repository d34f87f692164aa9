//! The per-`FILE` recursive lock, and the rule that no lock is taken while
//! the process has a single thread.

use crate::thread::futex::{Timeout, wait, wake};
use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicI32, AtomicPtr, AtomicUsize, Ordering};

/// A recursive lock owned by one thread at a time (`flockfile`).
pub(crate) struct RecLock {
    /// The owner's descriptor address; 0 when free.
    owner: AtomicUsize,
    /// How many times the owner took it; touched only by the owner.
    count: UnsafeCell<u32>,
    /// 0 free, 1 locked, 2 locked with waiters.
    state: AtomicI32,
}

// SAFETY: `count` is only touched by the thread recorded in `owner`.
unsafe impl Sync for RecLock {}

/// An identity for the calling thread: its descriptor's address.
fn me() -> usize {
    crate::thread::current() as *const _ as usize
}

impl RecLock {
    /// A free lock.
    pub(crate) const fn new() -> RecLock {
        RecLock {
            owner: AtomicUsize::new(0),
            count: UnsafeCell::new(0),
            state: AtomicI32::new(0),
        }
    }

    /// Takes the lock (again, if the caller owns it).
    pub(crate) fn lock(&self) {
        let me = me();
        if self.owner.load(Ordering::Relaxed) != me {
            if self
                .state
                .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
                .is_err()
            {
                while self.state.swap(2, Ordering::Acquire) != 0 {
                    let _ = wait(&self.state, 2, Timeout::Forever, true);
                }
            }
            self.owner.store(me, Ordering::Relaxed);
        }
        // SAFETY: the caller owns the lock, so no other thread touches count.
        unsafe { *self.count.get() += 1 };
    }

    /// Takes the lock if that needs no waiting.
    pub(crate) fn try_lock(&self) -> bool {
        let me = me();
        if self.owner.load(Ordering::Relaxed) != me {
            if self
                .state
                .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
                .is_err()
            {
                return false;
            }
            self.owner.store(me, Ordering::Relaxed);
        }
        // SAFETY: as in `lock`.
        unsafe { *self.count.get() += 1 };
        true
    }

    /// Releases one level; the last one frees the lock. Does nothing when
    /// the caller does not own it.
    pub(crate) fn unlock(&self) {
        if self.owner.load(Ordering::Relaxed) != me() {
            return;
        }
        // SAFETY: the caller owns the lock.
        let count = unsafe { &mut *self.count.get() };
        *count -= 1;
        if *count == 0 {
            self.owner.store(0, Ordering::Relaxed);
            if self.state.swap(0, Ordering::Release) == 2 {
                wake(&self.state, 1, true);
            }
        }
    }
}

/// Whether another thread exists (or ever may run concurrently): only then
/// do stdio operations lock.
#[inline]
pub(crate) fn threaded() -> bool {
    crate::thread::exit::OTHER_THREADS.load(Ordering::Acquire) != 0
}

/// `fn(&RecLock, bool)`: takes (`true`) or releases a stream lock; null
/// until [`hook_locking`].
static LOCK_HOOK: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// Lets stdio lock its streams. Thread creation calls this before the
/// second thread exists (before [`threaded`] can say so), so a program that
/// never creates a thread links no lock code for its streams.
pub(crate) fn hook_locking() {
    fn op(l: &RecLock, take: bool) {
        if take {
            l.lock();
        } else {
            l.unlock();
        }
    }
    // Opaque to the optimizer, as for `hook_exit_flush`.
    let f = core::hint::black_box(op as fn(&RecLock, bool));
    LOCK_HOOK.store(f as *mut (), Ordering::Release);
}

/// Takes (`take`) or releases `l` through the installed hook; nothing
/// without one (then the process never had a second thread).
pub(crate) fn lock_op(l: &RecLock, take: bool) {
    let f = LOCK_HOOK.load(Ordering::Acquire);
    if !f.is_null() {
        // SAFETY: only hook_locking() stores here, always a
        // `fn(&RecLock, bool)`.
        unsafe { core::mem::transmute::<*mut (), fn(&RecLock, bool)>(f)(l, take) }
    }
}

/// flockfile(3): takes the stream's recursive lock (always, even while
/// single-threaded, so that a later `funlockfile` pairs with it).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn flockfile(f: *mut super::FILE) {
    // SAFETY: the caller passes an open stream.
    unsafe { &*f }.lock.lock();
}

/// ftrylockfile(3): 0 when taken, nonzero when another thread holds it.
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftrylockfile(f: *mut super::FILE) -> core::ffi::c_int {
    // SAFETY: the caller passes an open stream.
    (!unsafe { &*f }.lock.try_lock()) as core::ffi::c_int
}

/// funlockfile(3).
///
/// # Safety
/// `f` must be an open stream the caller locked.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn funlockfile(f: *mut super::FILE) {
    // SAFETY: the caller passes an open stream.
    unsafe { &*f }.lock.unlock();
}
