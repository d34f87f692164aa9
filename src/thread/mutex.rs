//! Mutexes on a futex: normal, recursive and error-checking, shared by the
//! C `pthread_mutex_t` and the Rust [`Mutex`](super::sync::Mutex).
//!
//! The lock word is 0 (free), 1 (held, nobody asleep) or 2 (held, maybe
//! somebody asleep). Taking it is one compare-and-swap when it is free;
//! otherwise the locker marks it 2 and sleeps until it manages to swap a
//! 0 out. Releasing it swaps in 0 and wakes one sleeper only if the old
//! value was 2, so an uncontended lock/unlock makes no system call.
//!
//! Recursive and error-checking mutexes also record the owner's tid (and a
//! recursion count). Only the owner writes its own tid there, and clears it
//! before releasing the lock word, so "the owner field holds my tid" is a
//! reliable test of "I hold this mutex" without any further ordering.
//!
//! Nothing here is a cancellation point.

use super::futex::{self, Timeout};
use crate::errno::{Errno, Result};
use crate::time::{CLOCK_REALTIME, Timespec};
use core::ffi::c_int;
use core::sync::atomic::{AtomicI32, Ordering};

/// `PTHREAD_MUTEX_NORMAL`: relocking deadlocks, unlocking is not checked.
pub const NORMAL: i32 = 0;
/// `PTHREAD_MUTEX_RECURSIVE`: the owner may lock again; as many unlocks
/// release it.
pub const RECURSIVE: i32 = 1;
/// `PTHREAD_MUTEX_ERRORCHECK`: relocking is `EDEADLK`, unlocking someone
/// else's mutex `EPERM`.
pub const ERRORCHECK: i32 = 2;
/// Mask of the type bits in a mutex kind word (and a mutexattr word).
pub const TYPE_MASK: i32 = 3;
/// Kind-word flag: the mutex may be shared between processes
/// (`PTHREAD_PROCESS_SHARED`), so its futex calls are not private.
pub const PSHARED: i32 = 0x80;
/// Kind-word bits this module ignores: the C layer keeps the priority
/// ceiling there (`pthread_mutex_getprioceiling`), an attribute with no
/// effect on locking here.
pub const SPARE_MASK: i32 = 0xff << 16;

/// How many times a locker polls a held lock before going to sleep.
const SPINS: u32 = 100;

/// Sleeps on `addr` while it holds `val`, until woken, until `deadline`
/// (an absolute time on a clock) passes (`ETIMEDOUT`), or (`cancellable`)
/// until cancellation acts (`ECANCELED`). `EAGAIN` if the value already
/// differs; `EINTR` after a signal handler for a call the kernel does not
/// restart. A deadline before the epoch has already passed.
pub(crate) fn block(
    addr: &AtomicI32,
    val: i32,
    deadline: Option<(c_int, &Timespec)>,
    private: bool,
    cancellable: bool,
) -> Result<()> {
    // A fresh copy: the pad word of a 32-bit timespec must be zero for the
    // kernel's 64-bit one, and the caller's may hold anything.
    let copy;
    let timeout = match deadline {
        None => Timeout::Forever,
        Some((_, at)) if at.tv_sec < 0 => return Err(Errno::ETIMEDOUT),
        Some((clock, at)) => {
            copy = Timespec::new(at.tv_sec, at.tv_nsec);
            Timeout::Until { clock, at: &copy }
        }
    };
    if cancellable {
        futex::wait_cp(addr, val, timeout, private)
    } else {
        futex::wait(addr, val, timeout, private)
    }
}

/// A futex mutex: the object behind `pthread_mutex_t`. All-zero bytes are
/// a free, normal, process-private mutex (`PTHREAD_MUTEX_INITIALIZER`).
#[repr(C)]
#[derive(Debug, Default)]
pub struct RawMutex {
    /// 0 free, 1 held, 2 held and maybe contended.
    state: AtomicI32,
    /// Type ([`NORMAL`], [`RECURSIVE`], [`ERRORCHECK`]) plus [`PSHARED`].
    kind: AtomicI32,
    /// Tid of the holder (recursive and error-checking mutexes only).
    owner: AtomicI32,
    /// Extra locks a recursive mutex's owner holds beyond the first.
    count: AtomicI32,
}

impl RawMutex {
    /// A free, normal, process-private mutex.
    pub const fn new() -> RawMutex {
        RawMutex::with_kind(NORMAL)
    }

    /// A free mutex of `kind`: a type, optionally with [`PSHARED`].
    pub const fn with_kind(kind: i32) -> RawMutex {
        RawMutex {
            state: AtomicI32::new(0),
            kind: AtomicI32::new(kind),
            owner: AtomicI32::new(0),
            count: AtomicI32::new(0),
        }
    }

    /// The mutex's type: [`NORMAL`], [`RECURSIVE`] or [`ERRORCHECK`].
    pub fn mutex_type(&self) -> i32 {
        self.kind.load(Ordering::Relaxed) & TYPE_MASK
    }

    /// The [`SPARE_MASK`] bits of the kind word.
    pub fn spare(&self) -> i32 {
        self.kind.load(Ordering::Relaxed) & SPARE_MASK
    }

    /// Replaces the [`SPARE_MASK`] bits of the kind word with those of
    /// `bits`; returns the former ones.
    pub fn set_spare(&self, bits: i32) -> i32 {
        let old = self
            .kind
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |k| {
                Some((k & !SPARE_MASK) | (bits & SPARE_MASK))
            });
        // The closure never refuses.
        old.unwrap_or_else(|k| k) & SPARE_MASK
    }

    fn private(&self) -> bool {
        self.kind.load(Ordering::Relaxed) & PSHARED == 0
    }

    /// Whether the calling thread is the recorded owner (always false for
    /// a normal mutex, which records none).
    fn owned_by_me(&self) -> bool {
        self.owner.load(Ordering::Relaxed) == super::current().tid()
    }

    /// Whether some thread holds the mutex.
    pub fn is_locked(&self) -> bool {
        self.state.load(Ordering::Relaxed) != 0
    }

    /// What a lock attempt by the current owner does: `Some(result)` if
    /// the caller already holds a recursive or error-checking mutex.
    fn relock(&self) -> Option<Result<()>> {
        let ty = self.mutex_type();
        if ty == NORMAL || !self.owned_by_me() {
            return None;
        }
        if ty == ERRORCHECK {
            return Some(Err(Errno::EDEADLK));
        }
        let n = self.count.load(Ordering::Relaxed);
        if n == i32::MAX {
            return Some(Err(Errno::EAGAIN));
        }
        self.count.store(n + 1, Ordering::Relaxed);
        Some(Ok(()))
    }

    /// Records the caller as the new holder.
    fn took(&self) {
        if self.mutex_type() != NORMAL {
            self.owner.store(super::current().tid(), Ordering::Relaxed);
            self.count.store(0, Ordering::Relaxed);
        }
    }

    /// Takes the lock word, sleeping while it is held; `ETIMEDOUT` once a
    /// `CLOCK_REALTIME` `deadline` has passed, `EINVAL` for a malformed
    /// one (checked only when the call would block).
    fn acquire(&self, deadline: Option<&Timespec>) -> Result<()> {
        if self
            .state
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
        {
            return Ok(());
        }
        // A short critical section elsewhere may end soon: poll a little
        // before paying for a sleep, but only while nobody is asleep.
        for _ in 0..SPINS {
            match self.state.load(Ordering::Relaxed) {
                0 => {
                    if self
                        .state
                        .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
                        .is_ok()
                    {
                        return Ok(());
                    }
                }
                1 => core::hint::spin_loop(),
                _ => break,
            }
        }
        if let Some(at) = deadline {
            futex::check_timespec(at)?;
        }
        let deadline = deadline.map(|at| (CLOCK_REALTIME, at));
        let private = self.private();
        // From here on the word says 2: we cannot know whether others sleep.
        while self.state.swap(2, Ordering::Acquire) != 0 {
            if let Err(Errno::ETIMEDOUT) = block(&self.state, 2, deadline, private, false) {
                return Err(Errno::ETIMEDOUT);
            }
        }
        Ok(())
    }

    /// Locks, sleeping while another thread holds the mutex. `EDEADLK`
    /// when the caller already holds an error-checking mutex, `EAGAIN` when
    /// a recursive one's count would overflow; a normal mutex relocked by
    /// its holder deadlocks.
    pub fn lock(&self) -> Result<()> {
        if let Some(r) = self.relock() {
            return r;
        }
        self.acquire(None)?;
        self.took();
        Ok(())
    }

    /// [`lock`](Self::lock) that gives up with `ETIMEDOUT` once the
    /// absolute `CLOCK_REALTIME` time `at` has passed (`EINVAL` if `at` is
    /// malformed and the call would block).
    pub fn lock_until(&self, at: &Timespec) -> Result<()> {
        if let Some(r) = self.relock() {
            return r;
        }
        self.acquire(Some(at))?;
        self.took();
        Ok(())
    }

    /// Locks if the mutex is free: `EBUSY` if it is held (an error-checking
    /// mutex held by the caller included); a recursive mutex's owner locks
    /// again.
    pub fn try_lock(&self) -> Result<()> {
        if self.mutex_type() == RECURSIVE && self.owned_by_me() {
            return self.relock().unwrap_or(Ok(()));
        }
        if self
            .state
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            return Err(Errno::EBUSY);
        }
        self.took();
        Ok(())
    }

    /// Releases the lock word and wakes one sleeper if there may be one.
    /// Touches nothing of the mutex afterwards (it may be freed at once).
    fn release(&self, private: bool) {
        if self.state.swap(0, Ordering::Release) == 2 {
            futex::wake(&self.state, 1, private);
        }
    }

    /// Unlocks. A recursive or error-checking mutex must be held by the
    /// caller (`EPERM` otherwise); a recursive one is released by the
    /// unlock matching its first lock.
    pub fn unlock(&self) -> Result<()> {
        let kind = self.kind.load(Ordering::Relaxed);
        if kind & TYPE_MASK != NORMAL {
            if !self.owned_by_me() {
                return Err(Errno::EPERM);
            }
            let n = self.count.load(Ordering::Relaxed);
            if n > 0 {
                self.count.store(n - 1, Ordering::Relaxed);
                return Ok(());
            }
            self.owner.store(0, Ordering::Relaxed);
        }
        self.release(kind & PSHARED == 0);
        Ok(())
    }

    /// For a condition wait: releases the mutex completely, whatever a
    /// recursive one's count, and returns that count for
    /// [`reacquire`](Self::reacquire). `EPERM` if the caller does not hold
    /// a recursive or error-checking mutex.
    pub(crate) fn release_for_wait(&self) -> Result<i32> {
        let kind = self.kind.load(Ordering::Relaxed);
        let mut saved = 0;
        if kind & TYPE_MASK != NORMAL {
            if !self.owned_by_me() {
                return Err(Errno::EPERM);
            }
            saved = self.count.load(Ordering::Relaxed);
            self.owner.store(0, Ordering::Relaxed);
        }
        self.release(kind & PSHARED == 0);
        Ok(saved)
    }

    /// The caller of [`release_for_wait`](Self::release_for_wait) must be
    /// able to give an error before releasing anything: `EPERM` unless it
    /// may wait with this mutex.
    pub(crate) fn check_owner(&self) -> Result<()> {
        if self.mutex_type() != NORMAL && !self.owned_by_me() {
            return Err(Errno::EPERM);
        }
        Ok(())
    }

    /// Takes the mutex back after a condition wait, restoring a recursive
    /// mutex's count.
    pub(crate) fn reacquire(&self, saved: i32) {
        // Without a deadline the only possible outcome is success.
        let _ = self.acquire(None);
        self.took();
        self.count.store(saved, Ordering::Relaxed);
    }
}
