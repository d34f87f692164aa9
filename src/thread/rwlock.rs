//! Read-write locks: the object behind `pthread_rwlock_t`.
//!
//! One futex word says everything: its low 31 bits hold the number of
//! readers, or `WRITER` while a writer holds the lock; its top bit says
//! that somebody may be asleep waiting for it. A thread that must wait sets
//! that bit and sleeps for as long as the word is unchanged. Whoever makes
//! the lock free (the writer, or the last reader) clears the bit in the
//! same update and, if it was set, wakes every sleeper to try again; those
//! that still cannot have the lock set the bit anew. Unlocking therefore
//! touches nothing of the lock after releasing it.
//!
//! Readers get the lock whenever no writer holds it, even with writers
//! waiting: a thread may take read locks recursively without deadlocking,
//! at the price that a steady stream of readers can starve writers.
//!
//! A writer's tid is recorded so that it gets `EDEADLK` instead of a
//! deadlock when it asks for the lock again.

use super::mutex::block;
use crate::errno::{Errno, Result};
use crate::time::{CLOCK_REALTIME, Timespec};
use core::sync::atomic::{AtomicI32, Ordering};

/// Low bits: reader count, or `WRITER`.
const COUNT: i32 = 0x7fff_ffff;
/// The count while a writer holds the lock.
const WRITER: i32 = COUNT;
/// The most readers at once.
const MAX_READERS: i32 = WRITER - 1;
/// Somebody may be asleep on the word.
const SLEEPERS: i32 = i32::MIN;

/// A read-write lock. All-zero bytes are a free, process-private one
/// (`PTHREAD_RWLOCK_INITIALIZER`).
#[repr(C)]
#[derive(Debug, Default)]
pub struct RwLock {
    /// Count and `SLEEPERS`.
    state: AtomicI32,
    /// Tid of the writer holding the lock, if any.
    writer: AtomicI32,
    /// Nonzero when shared between processes.
    pshared: AtomicI32,
}

impl RwLock {
    /// A free, process-private lock.
    pub const fn new() -> RwLock {
        RwLock {
            state: AtomicI32::new(0),
            writer: AtomicI32::new(0),
            pshared: AtomicI32::new(0),
        }
    }

    /// Initialises the lock in place (`pthread_rwlock_init`).
    pub fn init(&self, pshared: bool) {
        self.state.store(0, Ordering::Relaxed);
        self.writer.store(0, Ordering::Relaxed);
        self.pshared.store(pshared as i32, Ordering::Release);
    }

    fn private(&self) -> bool {
        self.pshared.load(Ordering::Relaxed) == 0
    }

    /// Whether the caller holds the write lock.
    fn written_by_me(&self) -> bool {
        self.writer.load(Ordering::Relaxed) == super::current().tid()
    }

    /// One attempt at the lock. `Ok(Ok(()))`: taken. `Ok(Err(v))`: it is
    /// held and the caller should sleep on state `v`. `Err`: `EDEADLK`
    /// (the caller writes it) or `EAGAIN` (too many readers).
    fn attempt(&self, write: bool) -> Result<core::result::Result<(), i32>> {
        let mut v = self.state.load(Ordering::Relaxed);
        loop {
            let count = v & COUNT;
            let new = if write {
                if count != 0 {
                    break;
                }
                // Keep the sleepers bit: our unlock must wake them.
                WRITER | (v & SLEEPERS)
            } else {
                if count == WRITER {
                    break;
                }
                if count == MAX_READERS {
                    return Err(Errno::EAGAIN);
                }
                v + 1
            };
            match self
                .state
                .compare_exchange_weak(v, new, Ordering::Acquire, Ordering::Relaxed)
            {
                Ok(_) => {
                    if write {
                        self.writer.store(super::current().tid(), Ordering::Relaxed);
                    }
                    return Ok(Ok(()));
                }
                Err(now) => v = now,
            }
        }
        if v & COUNT == WRITER && self.written_by_me() {
            return Err(Errno::EDEADLK);
        }
        Ok(Err(v))
    }

    /// Takes the lock for reading or writing, sleeping while it is held;
    /// `ETIMEDOUT` after the absolute `CLOCK_REALTIME` time `deadline`,
    /// `EINVAL` if that is malformed (checked only when about to sleep).
    fn acquire(&self, write: bool, deadline: Option<&Timespec>) -> Result<()> {
        let mut v = match self.attempt(write)? {
            Ok(()) => return Ok(()),
            Err(v) => v,
        };
        if let Some(at) = deadline {
            super::futex::check_timespec(at)?;
        }
        let deadline = deadline.map(|at| (CLOCK_REALTIME, at));
        let private = self.private();
        loop {
            // Announce ourselves in the word, then sleep while it stays so.
            let marked = v & SLEEPERS != 0
                || self
                    .state
                    .compare_exchange(v, v | SLEEPERS, Ordering::Relaxed, Ordering::Relaxed)
                    .is_ok();
            if marked
                && block(&self.state, v | SLEEPERS, deadline, private, false)
                    == Err(Errno::ETIMEDOUT)
            {
                return Err(Errno::ETIMEDOUT);
            }
            v = match self.attempt(write)? {
                Ok(()) => return Ok(()),
                Err(v) => v,
            };
        }
    }

    /// Takes a read lock (`pthread_rwlock_rdlock`): `EDEADLK` if the caller
    /// holds the write lock, `EAGAIN` with too many readers.
    pub fn read(&self) -> Result<()> {
        self.acquire(false, None)
    }

    /// [`read`](Self::read) giving up with `ETIMEDOUT` after the absolute
    /// `CLOCK_REALTIME` time `at`.
    pub fn read_until(&self, at: &Timespec) -> Result<()> {
        self.acquire(false, Some(at))
    }

    /// Takes a read lock if no writer holds it: `EBUSY` otherwise.
    pub fn try_read(&self) -> Result<()> {
        match self.attempt(false) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) | Err(Errno::EDEADLK) => Err(Errno::EBUSY),
            Err(e) => Err(e),
        }
    }

    /// Takes the write lock (`pthread_rwlock_wrlock`): `EDEADLK` if the
    /// caller already holds it.
    pub fn write(&self) -> Result<()> {
        self.acquire(true, None)
    }

    /// [`write`](Self::write) giving up with `ETIMEDOUT` after the absolute
    /// `CLOCK_REALTIME` time `at`.
    pub fn write_until(&self, at: &Timespec) -> Result<()> {
        self.acquire(true, Some(at))
    }

    /// Takes the write lock if the lock is free: `EBUSY` otherwise.
    pub fn try_write(&self) -> Result<()> {
        match self.attempt(true) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) | Err(_) => Err(Errno::EBUSY),
        }
    }

    /// Releases a read or write lock held by the caller; `EPERM` if the
    /// lock is free.
    pub fn unlock(&self) -> Result<()> {
        let private = self.private();
        let mut v = self.state.load(Ordering::Relaxed);
        loop {
            let count = v & COUNT;
            let new = match count {
                0 => return Err(Errno::EPERM),
                WRITER => {
                    self.writer.store(0, Ordering::Relaxed);
                    0
                }
                1 => 0,
                _ => v - 1,
            };
            match self
                .state
                .compare_exchange_weak(v, new, Ordering::Release, Ordering::Relaxed)
            {
                Ok(_) => {
                    if new == 0 && v & SLEEPERS != 0 {
                        super::futex::wake(&self.state, i32::MAX, private);
                    }
                    return Ok(());
                }
                Err(now) => v = now,
            }
        }
    }

    /// `pthread_rwlock_destroy`: `EBUSY` while the lock is held.
    pub fn destroy(&self) -> Result<()> {
        if self.state.load(Ordering::Relaxed) & COUNT != 0 {
            return Err(Errno::EBUSY);
        }
        Ok(())
    }
}
