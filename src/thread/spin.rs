//! Spin locks: the object behind `pthread_spinlock_t`, an `int` that is 0
//! when free and 1 when held.
//!
//! A locker that finds the lock held polls it with plain loads (no bus
//! traffic) and retries the swap only once it reads free. Every so many
//! polls it yields the processor: with more runnable threads than
//! processors the holder may be waiting for ours.

use crate::errno::{Errno, Result};
use core::sync::atomic::{AtomicI32, Ordering};

/// Polls between two yields.
const SPINS_PER_YIELD: u32 = 200;

/// A spin lock. All-zero bytes are a free one.
#[repr(transparent)]
#[derive(Debug, Default)]
pub struct SpinLock(AtomicI32);

impl SpinLock {
    /// A free spin lock.
    pub const fn new() -> SpinLock {
        SpinLock(AtomicI32::new(0))
    }

    /// Takes the lock, spinning while it is held (`pthread_spin_lock`).
    pub fn lock(&self) {
        let mut spins = 0;
        while self.0.swap(1, Ordering::Acquire) != 0 {
            while self.0.load(Ordering::Relaxed) != 0 {
                spins += 1;
                if spins == SPINS_PER_YIELD {
                    spins = 0;
                    super::yield_now();
                } else {
                    core::hint::spin_loop();
                }
            }
        }
    }

    /// Takes the lock if it is free: `EBUSY` otherwise.
    pub fn try_lock(&self) -> Result<()> {
        if self.0.swap(1, Ordering::Acquire) != 0 {
            return Err(Errno::EBUSY);
        }
        Ok(())
    }

    /// Releases the lock.
    pub fn unlock(&self) {
        self.0.store(0, Ordering::Release);
    }
}
