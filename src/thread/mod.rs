//! Threads: the descriptor and static TLS, creation on `clone`, joining,
//! detaching, exit, thread-specific data, futexes, and race-free
//! cancellation. [`spawn`] is the Rust API; `crate::c::pthread` the C one.

pub mod barrier;
pub mod cancel;
pub mod cond;
pub mod create;
pub mod descriptor;
pub mod exit;
pub mod futex;
pub mod key;
pub mod mutex;
pub(crate) mod reclock;
pub(crate) mod registry;
pub mod rwlock;
pub mod sem;
pub mod setxid;
pub mod spawn;
pub mod spin;
pub mod sync;
pub mod tls;

pub use descriptor::ThreadDescriptor;
pub use spawn::{Canceled, JoinHandle, spawn};

use crate::errno::{Errno, Result};
use core::ffi::c_int;
use core::sync::atomic::Ordering;

/// The calling thread's descriptor.
#[inline(always)]
pub fn current() -> &'static ThreadDescriptor {
    // SAFETY: start-up (and thread creation) points the thread pointer at a
    // live descriptor before any code can call this.
    unsafe { &*tls::descriptor_from_tp(crate::arch::thread_pointer::thread_pointer()) }
}

/// The C `errno` is a field of the thread descriptor: the error type lives
/// at the bottom layer, its per-thread storage here.
impl Errno {
    /// Reads the calling thread's C `errno`.
    pub fn last() -> Errno {
        Errno::from_raw(current().errno.get())
    }

    /// Stores this error into the calling thread's C `errno`.
    pub fn set_last(self) {
        current().errno.set(self.raw());
    }
}

/// Sends `sig` to the thread `t` names (`pthread_kill`); 0 is a validity
/// check only. `ESRCH` for a handle of a thread that was joined or that
/// ended detached. A thread that has exited but is not yet joined takes no
/// signal (and no error), as its tid may already belong to another thread.
pub fn signal_thread(t: *const ThreadDescriptor, sig: c_int) -> Result<()> {
    if !(0..crate::signal::NSIG).contains(&sig) {
        return Err(Errno::EINVAL);
    }
    registry::with(t, |d| send(d, sig))
}

/// [`signal_thread`] for a descriptor known to be live.
pub(crate) fn send(t: &ThreadDescriptor, sig: c_int) -> Result<()> {
    use crate::syscall::process::{getpid, tgkill};
    if core::ptr::eq(t, current()) {
        // Running, so not exiting: no lock (a signal handler of this thread
        // may be the caller).
        return if sig == 0 {
            Ok(())
        } else {
            tgkill(getpid(), t.tid(), sig)
        };
    }
    t.kill_lock.lock();
    let r = if t.exited.load(Ordering::Acquire) || sig == 0 {
        Ok(())
    } else {
        tgkill(getpid(), t.tid(), sig)
    };
    t.kill_lock.unlock();
    r
}

/// Runs `f` with the kernel id of the thread `t` names, which cannot end
/// (and free its id for reuse) meanwhile; `ESRCH` for a thread that has
/// finished, joined or not.
pub fn with_tid<R>(t: *const ThreadDescriptor, f: impl FnOnce(c_int) -> Result<R>) -> Result<R> {
    registry::with(t, |d| {
        if core::ptr::eq(d, current()) {
            return f(d.tid());
        }
        d.kill_lock.lock();
        let r = if d.exited.load(Ordering::Acquire) {
            Err(Errno::ESRCH)
        } else {
            f(d.tid())
        };
        d.kill_lock.unlock();
        r
    })
}

/// In the child of `fork`, first thing: the calling thread is the only one,
/// with a new tid; locks that count threads stop locking.
pub fn fork_child() {
    let t = current();
    t.tid
        .store(crate::syscall::process::gettid(), Ordering::Relaxed);
    exit::OTHER_THREADS.store(0, Ordering::Release);
    registry::fork_child();
    setxid::fork_child(t);
}

/// Whether the process has (or had, until they all exited) other threads.
pub fn threaded() -> bool {
    exit::OTHER_THREADS.load(Ordering::Acquire) != 0
}

/// Gives up the processor (`sched_yield`).
pub fn yield_now() {
    // SAFETY: no arguments, no memory.
    unsafe { crate::syscall!(__NR_sched_yield) };
}
