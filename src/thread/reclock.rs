//! A recursive lock for state that needs locking only once the process has
//! a second thread (stdio's streams): the lock code is reached through a
//! hook that thread creation installs, so a single-threaded program does
//! not link it.

use super::futex::{Timeout, wait, wake};
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
    super::current() as *const _ as usize
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

    /// In a `fork` child: frees the lock if a thread other than the caller
    /// held it (that thread does not exist there); the caller's own
    /// holding stays as it was.
    pub(crate) fn reset_foreign(&self) {
        let owner = self.owner.load(Ordering::Relaxed);
        if owner != 0 && owner != me() {
            self.owner.store(0, Ordering::Relaxed);
            // SAFETY: the child has one thread: nobody else touches count.
            unsafe { *self.count.get() = 0 };
            self.state.store(0, Ordering::Relaxed);
        }
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

/// `fn(&RecLock, bool)`: takes (`true`) or releases a stream lock; null
/// until [`enable_locking`].
static LOCK_HOOK: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// Makes [`lock_op`] lock. Thread creation calls this before the second
/// thread exists (before `OTHER_THREADS` can say so), so a program that
/// never creates a thread links no lock code for the locks taken through
/// [`lock_op`] (stdio's streams).
pub(crate) fn enable_locking() {
    fn op(l: &RecLock, take: bool) {
        if take {
            l.lock();
        } else {
            l.unlock();
        }
    }
    // Opaque to the optimizer (as for stdio's `hook_exit_flush`): were it to
    // see the one value ever stored, it would call `op` directly.
    let f = core::hint::black_box(op as fn(&RecLock, bool));
    LOCK_HOOK.store(f as *mut (), Ordering::Release);
}

/// Takes (`take`) or releases `l` through the installed hook; nothing
/// without one (then the process never had a second thread).
pub(crate) fn lock_op(l: &RecLock, take: bool) {
    let f = LOCK_HOOK.load(Ordering::Acquire);
    if !f.is_null() {
        // SAFETY: only enable_locking() stores here, always a
        // `fn(&RecLock, bool)`.
        unsafe { core::mem::transmute::<*mut (), fn(&RecLock, bool)>(f)(l, take) }
    }
}
