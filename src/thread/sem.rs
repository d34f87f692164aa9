//! Counting semaphores: the object behind `sem_t`.
//!
//! The count and the number of threads waiting for it share one 64-bit
//! word (count in the low half, waiters in the high half), so that
//! `sem_post` is a single atomic update after which it touches nothing but
//! the futex it wakes: a waiter that takes the count may destroy and free
//! the semaphore at once, and the poster must not read it again. A waiter
//! registers and later takes a unit (and unregisters) in single updates of
//! the same word, so a post that sees no waiters cannot miss one about to
//! sleep: that one would see the new count at its futex call.
//!
//! `sem_t` is only 4-byte aligned, so the 64-bit word lives at whichever
//! of its first two 4-byte slots starts 8-byte aligned; the count's half of
//! it is the futex. The last slot, outside the word either way, holds the
//! process-shared flag. A semaphore must therefore not be moved once
//! initialised (POSIX already forbids using copies).

use super::futex;
use super::mutex::block;
use crate::errno::{Errno, Result};
use crate::time::Timespec;
use core::ffi::c_int;
use core::sync::atomic::{AtomicI32, AtomicU32, AtomicU64, Ordering};

/// `SEM_VALUE_MAX`: the largest count.
pub const VALUE_MAX: u32 = i32::MAX as u32;

/// One waiter, in the 64-bit word's high half.
const WAITER: u64 = 1 << 32;

/// Byte offset of the count's 32-bit half inside the 64-bit word.
#[cfg(target_endian = "little")]
const COUNT_HALF: usize = 0;
#[cfg(target_endian = "big")]
const COUNT_HALF: usize = 4;

/// A semaphore (`sem_t`): 16 bytes, 4-byte aligned.
#[repr(C)]
#[derive(Debug, Default)]
pub struct Semaphore {
    words: [AtomicU32; 4],
}

impl Semaphore {
    /// The 64-bit word: count and waiters.
    fn word(&self) -> &AtomicU64 {
        let base = self.words.as_ptr() as usize;
        let at = if base.is_multiple_of(8) {
            base
        } else {
            base + 4
        };
        // SAFETY: `at` is 8-byte aligned and `at + 8 <= base + 16`, inside
        // `self`; only this function views these bytes, always as this
        // one atomic (the kernel reads the count half as the futex).
        unsafe { &*(at as *const AtomicU64) }
    }

    /// The futex: the count's half of the 64-bit word. Only ever handed to
    /// the kernel, never accessed by Rust code.
    fn futex(&self) -> &AtomicI32 {
        let at = self.word() as *const AtomicU64 as usize + COUNT_HALF;
        // SAFETY: 4-byte aligned and inside the word; see above.
        unsafe { &*(at as *const AtomicI32) }
    }

    fn private(&self) -> bool {
        self.words[3].load(Ordering::Relaxed) == 0
    }

    /// Initialises the semaphore in place with count `value` (`sem_init`);
    /// `pshared`: it may be used by several processes through shared
    /// memory. `EINVAL` if `value` exceeds [`VALUE_MAX`].
    pub fn init(&self, value: u32, pshared: bool) -> Result<()> {
        if value > VALUE_MAX {
            return Err(Errno::EINVAL);
        }
        // The slot outside both the 64-bit word and the flags stays unused;
        // nothing here views it.
        self.words[3].store(pshared as u32, Ordering::Relaxed);
        self.word().store(value as u64, Ordering::Release);
        Ok(())
    }

    /// The current count (`sem_getvalue`).
    pub fn value(&self) -> i32 {
        self.word().load(Ordering::Relaxed) as u32 as i32
    }

    /// Adds one to the count, waking a waiter if there is one
    /// (`sem_post`). `EOVERFLOW` at [`VALUE_MAX`].
    pub fn post(&self) -> Result<()> {
        // Read everything needed before the update: the semaphore may be
        // gone right after it.
        let private = self.private();
        let futex = self.futex() as *const AtomicI32;
        let word = self.word();
        let mut v = word.load(Ordering::Relaxed);
        loop {
            if v as u32 >= VALUE_MAX {
                return Err(Errno::EOVERFLOW);
            }
            match word.compare_exchange_weak(v, v + 1, Ordering::SeqCst, Ordering::Relaxed) {
                Ok(_) => break,
                Err(now) => v = now,
            }
        }
        if v >= WAITER {
            futex::wake(futex, 1, private);
        }
        Ok(())
    }

    /// Takes one from the count if it is positive (`sem_trywait`):
    /// `EAGAIN` if it is zero.
    pub fn try_wait(&self) -> Result<()> {
        let word = self.word();
        let mut v = word.load(Ordering::Relaxed);
        loop {
            if v as u32 == 0 {
                return Err(Errno::EAGAIN);
            }
            match word.compare_exchange_weak(v, v - 1, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => return Ok(()),
                Err(now) => v = now,
            }
        }
    }

    /// Takes one from the count, sleeping while it is zero (`sem_wait`,
    /// `sem_timedwait`).
    ///
    /// `deadline`: an absolute time on `clock`; `ETIMEDOUT` once passed,
    /// `EINVAL` if malformed (checked only when the call would block).
    /// `cancellable`: a cancellation point, `ECANCELED` when it acts (a
    /// request pending at entry acts even if the count is positive; one
    /// acting while asleep takes nothing). `EINTR` after a signal handler
    /// that does not restart calls.
    pub fn wait(&self, deadline: Option<(c_int, &Timespec)>, cancellable: bool) -> Result<()> {
        if cancellable {
            super::cancel::testcancel()?;
        }
        if self.try_wait().is_ok() {
            return Ok(());
        }
        if let Some((_, at)) = deadline {
            futex::check_timespec(at)?;
        }
        let private = self.private();
        let word = self.word();
        word.fetch_add(WAITER, Ordering::SeqCst);
        let mut v = word.load(Ordering::Relaxed);
        let err = loop {
            if v as u32 != 0 {
                // Take a unit and unregister in one step.
                match word.compare_exchange_weak(
                    v,
                    v - 1 - WAITER,
                    Ordering::Acquire,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => return Ok(()),
                    Err(now) => v = now,
                }
                continue;
            }
            match block(self.futex(), 0, deadline, private, cancellable) {
                Err(e @ (Errno::ETIMEDOUT | Errno::ECANCELED | Errno::EINTR)) => break e,
                _ => v = word.load(Ordering::Relaxed),
            }
        };
        // Unregister; a unit that arrived meanwhile still counts as success,
        // unless cancellation acted (which must not consume one).
        let mut v = word.load(Ordering::Relaxed);
        loop {
            let take = err != Errno::ECANCELED && v as u32 != 0;
            let new = if take { v - 1 - WAITER } else { v - WAITER };
            match word.compare_exchange_weak(v, new, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) if take => return Ok(()),
                Ok(_) => return Err(err),
                Err(now) => v = now,
            }
        }
    }
}
