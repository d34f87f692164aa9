//! Condition variables on a sequence counter: the object behind
//! `pthread_cond_t` and the Rust [`Condvar`](super::sync::Condvar).
//!
//! A waiter reads the counter while it still holds the mutex, registers
//! itself, releases the mutex and sleeps on the futex for as long as the
//! counter still has the value it read. `signal`/`broadcast` bump the
//! counter and wake one/all sleepers. Whoever signals after changing the
//! predicate under the mutex necessarily bumps the counter after the waiter
//! read it, so the waiter either sees the new value at the futex call or is
//! asleep and gets woken: no wakeup is lost. Wakeups may be spurious (a
//! signal may let more than one waiter return), as POSIX allows.
//!
//! The waiter count lets `signal` skip the system call when nobody waits.
//! Woken waiters still decrement it after leaving the futex, so
//! [`destroy`](RawCond::destroy) waits for them to be gone: POSIX allows
//! destroying (and freeing) a condition variable right after a broadcast.
//!
//! Waits are cancellation points when asked: a request pending at entry, or
//! one arriving while the waiter sleeps, acts with the mutex held again.

use super::futex;
use super::mutex::{RawMutex, block};
use crate::errno::{Errno, Result};
use crate::time::Timespec;
use core::ffi::c_int;
use core::sync::atomic::{AtomicI32, Ordering};

/// Attribute-word flag: shared between processes.
pub const PSHARED: i32 = 0x100;
/// Attribute-word mask of the clock id.
pub const CLOCK_MASK: i32 = 0xff;

/// Waiter-count flag: `destroy` is waiting for the count to drop to zero.
const DESTROYING: i32 = 0x4000_0000;

/// A condition variable. All-zero bytes are a valid one timing out on
/// `CLOCK_REALTIME`, process-private (`PTHREAD_COND_INITIALIZER`).
#[repr(C)]
#[derive(Debug, Default)]
pub struct RawCond {
    /// Bumped by every signal and broadcast that finds waiters.
    seq: AtomicI32,
    /// Threads between registering and leaving a wait, plus `DESTROYING`.
    waiters: AtomicI32,
    /// Clock id for timed waits, plus [`PSHARED`].
    attr: AtomicI32,
}

impl RawCond {
    /// A condition variable with default attributes.
    pub const fn new() -> RawCond {
        RawCond::with_attr(0)
    }

    /// A condition variable with attribute word `attr`: a clock id
    /// (`CLOCK_REALTIME` or `CLOCK_MONOTONIC`) plus optionally [`PSHARED`].
    pub const fn with_attr(attr: i32) -> RawCond {
        RawCond {
            seq: AtomicI32::new(0),
            waiters: AtomicI32::new(0),
            attr: AtomicI32::new(attr),
        }
    }

    /// The clock timed waits measure their deadline on.
    pub fn clock(&self) -> c_int {
        self.attr.load(Ordering::Relaxed) & CLOCK_MASK
    }

    fn private(&self) -> bool {
        self.attr.load(Ordering::Relaxed) & PSHARED == 0
    }

    /// Leaves a wait: the last touch of the condition variable by a waiter.
    fn leave(&self, private: bool) {
        if self.waiters.fetch_sub(1, Ordering::Release) == DESTROYING | 1 {
            futex::wake(&self.waiters, 1, private);
        }
    }

    /// Waits for a signal: releases `m` (held by the caller), sleeps, and
    /// takes `m` back before returning, whatever the outcome except
    /// `EPERM`/`EINVAL`, which are given before anything is released.
    ///
    /// `deadline`: an absolute time on this condition variable's clock
    /// (`ETIMEDOUT` once passed; `EINVAL` if malformed). `cancellable`:
    /// the wait is a cancellation point, `ECANCELED` when it acts (at
    /// entry, with `m` never released, or while asleep, with `m` taken
    /// back). Returns `Ok` on a signal or spuriously.
    pub fn wait(&self, m: &RawMutex, deadline: Option<&Timespec>, cancellable: bool) -> Result<()> {
        self.wait_on(m, deadline.map(|at| (self.clock(), at)), cancellable)
    }

    /// [`wait`](Self::wait) with the deadline's clock given by the caller
    /// instead of taken from the attributes.
    pub fn wait_on(
        &self,
        m: &RawMutex,
        deadline: Option<(c_int, &Timespec)>,
        cancellable: bool,
    ) -> Result<()> {
        if cancellable {
            super::cancel::testcancel()?;
        }
        if let Some((_, at)) = deadline {
            futex::check_timespec(at)?;
        }
        m.check_owner()?;
        let private = self.private();
        // Read the counter and register while the mutex still orders us
        // before any signaller that changes the predicate under it.
        let seq = self.seq.load(Ordering::Acquire);
        self.waiters.fetch_add(1, Ordering::SeqCst);
        let saved = match m.release_for_wait() {
            Ok(saved) => saved,
            Err(e) => {
                self.leave(private);
                return Err(e);
            }
        };
        let r = block(&self.seq, seq, deadline, private, cancellable);
        self.leave(private);
        m.reacquire(saved);
        match r {
            Err(e @ (Errno::ETIMEDOUT | Errno::ECANCELED)) => Err(e),
            // Woken, the counter had moved already, or a signal handler
            // ran: all are (possibly spurious) wakeups.
            _ => Ok(()),
        }
    }

    /// Bumps the counter and wakes up to `n` sleepers, if anyone waits.
    fn notify(&self, n: i32) {
        if self.waiters.load(Ordering::SeqCst) & !DESTROYING == 0 {
            return;
        }
        self.seq.fetch_add(1, Ordering::Release);
        futex::wake(&self.seq, n, self.private());
    }

    /// Wakes at least one waiter, if there are any (`pthread_cond_signal`).
    pub fn signal(&self) {
        self.notify(1);
    }

    /// Wakes every waiter (`pthread_cond_broadcast`).
    pub fn broadcast(&self) {
        self.notify(i32::MAX);
    }

    /// Waits until every thread woken from this condition variable has
    /// left it, so that its memory may be reused (`pthread_cond_destroy`).
    /// Destroying one on which threads still sleep waits for them.
    pub fn destroy(&self) {
        let private = self.private();
        let mut v = self.waiters.fetch_or(DESTROYING, Ordering::Acquire) | DESTROYING;
        while v != DESTROYING {
            let _ = futex::wait(&self.waiters, v, futex::Timeout::Forever, private);
            v = self.waiters.load(Ordering::Acquire);
        }
        self.waiters.store(0, Ordering::Relaxed);
    }
}
