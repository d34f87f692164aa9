//! Futexes: the kernel's wait-on-an-address primitive every lock, condition
//! variable, semaphore and join in muslin is built on, and a small internal
//! lock made from one.

use crate::errno::{Errno, Result};
use crate::syscall::{SyscallArg, ret};
use crate::time::Timespec;
use core::ffi::c_int;
use core::sync::atomic::{AtomicI32, Ordering};
use linux_raw_sys::general::{
    FUTEX_BITSET_MATCH_ANY, FUTEX_CLOCK_REALTIME, FUTEX_PRIVATE_FLAG, FUTEX_WAIT,
    FUTEX_WAIT_BITSET, FUTEX_WAKE,
};

/// How long a wait may last.
#[derive(Copy, Clone, Debug)]
pub enum Timeout<'a> {
    /// Until woken.
    Forever,
    /// Until the absolute time `at` on `clock` (`CLOCK_REALTIME` or
    /// `CLOCK_MONOTONIC`).
    Until {
        /// The clock `at` is measured on.
        clock: c_int,
        /// The deadline.
        at: &'a Timespec,
    },
}

#[cfg(target_pointer_width = "64")]
const NR_FUTEX: usize = linux_raw_sys::general::__NR_futex as usize;
#[cfg(target_pointer_width = "32")]
const NR_FUTEX: usize = linux_raw_sys::general::__NR_futex_time64 as usize;

/// The futex syscall's arguments for a wait.
fn wait_args(addr: &AtomicI32, val: i32, timeout: Timeout<'_>, private: bool) -> [usize; 6] {
    let private = if private { FUTEX_PRIVATE_FLAG } else { 0 };
    let (op, ts, mask) = match timeout {
        Timeout::Forever => (FUTEX_WAIT, core::ptr::null(), 0),
        Timeout::Until { clock, at } => {
            let realtime = if clock == crate::time::CLOCK_REALTIME {
                FUTEX_CLOCK_REALTIME
            } else {
                0
            };
            (
                FUTEX_WAIT_BITSET | realtime,
                at as *const Timespec,
                FUTEX_BITSET_MATCH_ANY,
            )
        }
    };
    [
        addr.as_ptr().into_arg(),
        (op | private).into_arg(),
        val.into_arg(),
        ts.into_arg(),
        0,
        mask.into_arg(),
    ]
}

/// Sleeps while `*addr == val`, until woken or timed out (`ETIMEDOUT`);
/// `EAGAIN` if the value already differs, `EINTR` after a signal handler.
pub fn wait(addr: &AtomicI32, val: i32, timeout: Timeout<'_>, private: bool) -> Result<()> {
    let [a, b, c, d, e, f] = wait_args(addr, val, timeout, private);
    // SAFETY: the futex address is a live atomic; the timeout, if any, a
    // valid timespec.
    ret(unsafe { crate::arch::syscall::syscall6(NR_FUTEX, a, b, c, d, e, f) }).map(drop)
}

/// [`wait`] as a cancellation point: `ECANCELED` when cancellation acted.
pub fn wait_cp(addr: &AtomicI32, val: i32, timeout: Timeout<'_>, private: bool) -> Result<()> {
    let [a, b, c, d, e, f] = wait_args(addr, val, timeout, private);
    // SAFETY: as in `wait`.
    ret(unsafe { crate::syscall::cancellable(NR_FUTEX, a, b, c, d, e, f) }).map(drop)
}

/// Wakes up to `n` waiters on `addr`; returns how many woke.
pub fn wake(addr: *const AtomicI32, n: i32, private: bool) -> usize {
    let op = FUTEX_WAKE | if private { FUTEX_PRIVATE_FLAG } else { 0 };
    let (a, b, c) = (addr.into_arg(), op.into_arg(), n.into_arg());
    // SAFETY: waking touches no memory; a stale address wakes nobody.
    let r = unsafe { crate::arch::syscall::syscall3(NR_FUTEX, a, b, c) };
    ret(r).unwrap_or(0)
}

/// A minimal lock for muslin's own short critical sections: 0 free,
/// 1 locked, 2 locked with waiters.
#[derive(Debug, Default)]
#[repr(transparent)]
pub struct Lock(AtomicI32);

impl Lock {
    /// An unlocked lock.
    pub const fn new() -> Lock {
        Lock(AtomicI32::new(0))
    }

    /// Takes the lock, sleeping while another thread holds it.
    pub fn lock(&self) {
        if self
            .0
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
        {
            return;
        }
        while self.0.swap(2, Ordering::Acquire) != 0 {
            let _ = wait(&self.0, 2, Timeout::Forever, true);
        }
    }

    /// Releases the lock, waking one waiter if there are any.
    pub fn unlock(&self) {
        if self.0.swap(0, Ordering::Release) == 2 {
            wake(&self.0, 1, true);
        }
    }
}

/// `EINVAL` unless `ts` is a valid absolute time.
pub fn check_timespec(ts: &Timespec) -> Result<()> {
    if ts.tv_nsec < 0 || ts.tv_nsec >= 1_000_000_000 {
        return Err(Errno::EINVAL);
    }
    Ok(())
}
