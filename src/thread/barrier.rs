//! Barriers: the object behind `pthread_barrier_t`.
//!
//! Each arriving thread notes the current generation and adds itself to
//! the arrival count. The one that completes the count resets it, bumps the
//! generation and wakes everybody; it is the one that gets
//! `PTHREAD_BARRIER_SERIAL_THREAD`. The others sleep until the generation
//! moves. The completing thread's update of the count acquires every other
//! arrival's, and its bump of the generation releases all of that to the
//! sleepers: whatever any thread did before the barrier is visible to all
//! after it.
//!
//! Threads still on their way out of a completed round are counted, and
//! [`destroy`](Barrier::destroy) waits for them, so the serial thread may
//! destroy and free the barrier as soon as it returns.

use super::futex::{self, Timeout};
use crate::errno::{Errno, Result};
use core::sync::atomic::{AtomicI32, Ordering};

/// Flag of the `inside` count: `destroy` is waiting for it to reach zero.
const DESTROYING: i32 = 0x4000_0000;

/// A barrier for a fixed number of threads.
#[repr(C)]
#[derive(Debug, Default)]
pub struct Barrier {
    /// Threads per round.
    limit: AtomicI32,
    /// Threads arrived in the current round.
    arrived: AtomicI32,
    /// Round number: the futex the others sleep on.
    generation: AtomicI32,
    /// Threads inside `wait`, plus `DESTROYING`.
    inside: AtomicI32,
    /// Nonzero when shared between processes.
    pshared: AtomicI32,
}

impl Barrier {
    /// Initialises the barrier in place for rounds of `count` threads
    /// (`pthread_barrier_init`); `EINVAL` if `count` is 0 or too large.
    pub fn init(&self, count: u32, pshared: bool) -> Result<()> {
        if count == 0 || count > (DESTROYING - 1) as u32 {
            return Err(Errno::EINVAL);
        }
        self.arrived.store(0, Ordering::Relaxed);
        self.generation.store(0, Ordering::Relaxed);
        self.inside.store(0, Ordering::Relaxed);
        self.pshared.store(pshared as i32, Ordering::Relaxed);
        self.limit.store(count as i32, Ordering::Release);
        Ok(())
    }

    fn private(&self) -> bool {
        self.pshared.load(Ordering::Relaxed) == 0
    }

    /// Leaves `wait`: the last touch of the barrier by a thread.
    fn leave(&self, private: bool) {
        if self.inside.fetch_sub(1, Ordering::Release) == DESTROYING | 1 {
            futex::wake(&self.inside, 1, private);
        }
    }

    /// Waits until `count` threads have called `wait` in this round
    /// (`pthread_barrier_wait`). Exactly one of them gets `true` (the
    /// serial thread).
    pub fn wait(&self) -> bool {
        let private = self.private();
        self.inside.fetch_add(1, Ordering::Relaxed);
        let round = self.generation.load(Ordering::Acquire);
        let n = self.arrived.fetch_add(1, Ordering::AcqRel) + 1;
        if n == self.limit.load(Ordering::Relaxed) {
            self.arrived.store(0, Ordering::Relaxed);
            self.generation.fetch_add(1, Ordering::Release);
            futex::wake(&self.generation, i32::MAX, private);
            self.leave(private);
            return true;
        }
        while self.generation.load(Ordering::Acquire) == round {
            let _ = futex::wait(&self.generation, round, Timeout::Forever, private);
        }
        self.leave(private);
        false
    }

    /// `pthread_barrier_destroy`: `EBUSY` while a round is under way;
    /// otherwise waits for the threads of the last round to leave.
    pub fn destroy(&self) -> Result<()> {
        if self.arrived.load(Ordering::Relaxed) != 0 {
            return Err(Errno::EBUSY);
        }
        let private = self.private();
        let mut v = self.inside.fetch_or(DESTROYING, Ordering::Acquire) | DESTROYING;
        while v != DESTROYING {
            let _ = futex::wait(&self.inside, v, Timeout::Forever, private);
            v = self.inside.load(Ordering::Acquire);
        }
        self.inside.store(0, Ordering::Relaxed);
        Ok(())
    }
}
