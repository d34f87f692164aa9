//! The Rust synchronisation API: [`Mutex<T>`] owning the data it protects,
//! and [`Condvar`], built on the same futex code as `pthread_mutex_t` and
//! `pthread_cond_t`.
//!
//! There is no poisoning: a panic aborts the process.

use super::cond::RawCond;
use super::mutex::RawMutex;
use crate::errno::{Errno, Result};
use crate::time::Timespec;
use core::cell::UnsafeCell;
use core::ffi::c_int;
use core::marker::PhantomData;
use core::ops::{Deref, DerefMut};

/// A mutual-exclusion lock protecting a `T`: [`lock`](Mutex::lock) it for
/// a guard through which the data is reached.
#[derive(Default)]
pub struct Mutex<T: ?Sized> {
    raw: RawMutex,
    data: UnsafeCell<T>,
}

// SAFETY: the mutex hands out access to the data to one thread at a time,
// so sharing it only requires that the data may move between threads.
unsafe impl<T: ?Sized + Send> Sync for Mutex<T> {}
// SAFETY: owning the mutex is owning the data.
unsafe impl<T: ?Sized + Send> Send for Mutex<T> {}

/// Proof that the current thread holds a [`Mutex`]: dereferences to the
/// data; dropping it unlocks.
#[must_use = "dropping the guard unlocks the mutex at once"]
pub struct MutexGuard<'a, T: ?Sized> {
    mutex: &'a Mutex<T>,
    /// Unlocking belongs to the locking thread: the guard is not `Send`.
    _not_send: PhantomData<*const ()>,
}

// SAFETY: a shared guard only gives out `&T`.
unsafe impl<T: ?Sized + Sync> Sync for MutexGuard<'_, T> {}

impl<T> Mutex<T> {
    /// An unlocked mutex holding `value`.
    pub const fn new(value: T) -> Mutex<T> {
        Mutex {
            raw: RawMutex::new(),
            data: UnsafeCell::new(value),
        }
    }

    /// Consumes the mutex, returning the data.
    pub fn into_inner(self) -> T {
        self.data.into_inner()
    }
}

impl<T: ?Sized> Mutex<T> {
    /// Locks, sleeping while another thread holds the mutex. Locking it
    /// again from the thread that holds it deadlocks.
    pub fn lock(&self) -> MutexGuard<'_, T> {
        // A normal mutex's lock cannot fail.
        let _ = self.raw.lock();
        MutexGuard {
            mutex: self,
            _not_send: PhantomData,
        }
    }

    /// Locks if the mutex is free; `None` if it is held.
    pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
        self.raw.try_lock().ok()?;
        Some(MutexGuard {
            mutex: self,
            _not_send: PhantomData,
        })
    }

    /// The data, through exclusive access to the mutex (no locking).
    pub fn get_mut(&mut self) -> &mut T {
        self.data.get_mut()
    }
}

impl<T: ?Sized> Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard proves this thread holds the lock.
        unsafe { &*self.mutex.data.get() }
    }
}

impl<T: ?Sized> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard proves this thread holds the lock, and `&mut
        // self` that no other reference from this guard is live.
        unsafe { &mut *self.mutex.data.get() }
    }
}

impl<T: ?Sized> Drop for MutexGuard<'_, T> {
    /// Unlocks the mutex.
    fn drop(&mut self) {
        let _ = self.mutex.raw.unlock();
    }
}

/// A condition variable: [`wait`](Condvar::wait) releases a
/// [`MutexGuard`]'s mutex and sleeps until notified. Wakeups may be
/// spurious, so wait in a loop that checks the condition.
#[derive(Default)]
pub struct Condvar {
    raw: RawCond,
}

impl Condvar {
    /// A condition variable nobody waits on.
    pub const fn new() -> Condvar {
        Condvar {
            raw: RawCond::new(),
        }
    }

    /// Releases the guard's mutex, sleeps until notified (or spuriously),
    /// and locks the mutex again. Not a cancellation point; see
    /// [`wait_cancellable`](Self::wait_cancellable).
    pub fn wait<'a, T: ?Sized>(&self, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        // A normal mutex held by the caller: no EPERM, and without a
        // deadline or cancellation no other error.
        let _ = self.raw.wait(&guard.mutex.raw, None, false);
        guard
    }

    /// [`wait`](Self::wait) as a cancellation point: `Err(ECANCELED)` if a
    /// cancellation request was pending or arrived while asleep. The guard
    /// is then dropped, so the mutex is unlocked when this returns.
    pub fn wait_cancellable<'a, T: ?Sized>(
        &self,
        guard: MutexGuard<'a, T>,
    ) -> Result<MutexGuard<'a, T>> {
        self.raw.wait(&guard.mutex.raw, None, true)?;
        Ok(guard)
    }

    /// [`wait`](Self::wait) until the absolute time `at` on `clock`
    /// (`CLOCK_REALTIME` or `CLOCK_MONOTONIC`): also returns whether it
    /// timed out. An `at` with `tv_nsec` out of range counts as passed.
    pub fn wait_until<'a, T: ?Sized>(
        &self,
        guard: MutexGuard<'a, T>,
        clock: c_int,
        at: &Timespec,
    ) -> (MutexGuard<'a, T>, bool) {
        if super::futex::check_timespec(at).is_err() {
            return (guard, true);
        }
        let r = self.raw.wait_on(&guard.mutex.raw, Some((clock, at)), false);
        (guard, r == Err(Errno::ETIMEDOUT))
    }

    /// Wakes one waiting thread, if there is one.
    pub fn notify_one(&self) {
        self.raw.signal();
    }

    /// Wakes every waiting thread.
    pub fn notify_all(&self) {
        self.raw.broadcast();
    }
}
