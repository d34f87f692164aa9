//! The registry of live threads: every `pthread_t` handed out is checked
//! against it before anything reads the descriptor it points at, so a
//! handle of a thread that was joined, or that ended detached, gets `ESRCH`
//! instead of a read of unmapped memory (see `docs/threads.md`).
//!
//! A doubly linked list through the descriptors, oldest first, behind one
//! lock. A thread is in it from just before `clone` until whoever unmaps
//! it takes it out, under the lock, before the `munmap`: whoever finds a
//! thread in the list with the lock held may use its descriptor until it
//! unlocks. The thread that called `pthread_create` first (the main thread,
//! or after `fork` the child's only thread) joins the list then; the
//! calling thread itself is always valid and needs no look-up.
//!
//! Nothing here is linked into a program that creates no thread and never
//! names one: every way in starts at `pthread_create` or at a function
//! given a `pthread_t`.

use super::descriptor::ThreadDescriptor;
use super::futex::Lock;
use crate::errno::{Errno, Result};
use crate::signal::Sigset;
use core::ptr;
use core::sync::atomic::{AtomicPtr, Ordering, compiler_fence};
use linux_raw_sys::general::{SIG_BLOCK, SIG_SETMASK};

/// Held to change the list, and to use a thread found in it.
static LOCK: Lock = Lock::new();
/// The oldest registered thread; null before the first `pthread_create`
/// (and again in a `fork` child).
static HEAD: AtomicPtr<ThreadDescriptor> = AtomicPtr::new(ptr::null_mut());
/// The newest; only used under the lock.
static TAIL: AtomicPtr<ThreadDescriptor> = AtomicPtr::new(ptr::null_mut());

/// The registry lock, held until dropped. The calling thread's `reg_held`
/// says so meanwhile, for a signal handler that interrupts it.
pub(crate) struct Locked(());

impl Locked {
    /// Takes the registry lock. A caller that a signal handler may
    /// interrupt is fine: the handler's look-ups ([`with`]) see `reg_held`
    /// and take no lock, so they cannot deadlock on this thread.
    pub(crate) fn new() -> Locked {
        LOCK.lock();
        // Set only once the lock is ours: a handler that sees the flag must
        // be able to rely on it.
        compiler_fence(Ordering::SeqCst);
        super::current().reg_held.set(true);
        compiler_fence(Ordering::SeqCst);
        Locked(())
    }

    /// The registered thread `t` names, if any.
    pub(crate) fn find(&self, t: *const ThreadDescriptor) -> Option<&'static ThreadDescriptor> {
        find(t)
    }

    /// Adds `t` (a new thread's descriptor, not yet started) at the end;
    /// the caller is added first if the list is empty.
    pub(crate) fn insert(&self, t: &'static ThreadDescriptor) {
        if HEAD.load(Ordering::Relaxed).is_null() {
            push(super::current());
        }
        push(t);
    }

    /// Calls `f` on every registered thread, oldest first.
    pub(crate) fn for_each(&self, mut f: impl FnMut(&'static ThreadDescriptor)) {
        let mut p = HEAD.load(Ordering::Relaxed);
        while !p.is_null() {
            // SAFETY: list members stay mapped while the lock is held.
            let d = unsafe { &*p };
            f(d);
            p = d.reg_next.load(Ordering::Relaxed);
        }
    }

    /// Takes `t` out of the list: from now on no look-up finds it, and once
    /// the lock is released nobody uses it (its memory may go).
    pub(crate) fn remove(&self, t: &ThreadDescriptor) {
        let next = t.reg_next.load(Ordering::Relaxed);
        let prev = t.reg_prev.get();
        // One store unlinks `t` for a reader that walks `reg_next` (a signal
        // handler interrupting this thread); it may still pass through `t`,
        // which is still mapped.
        if prev.is_null() {
            HEAD.store(next, Ordering::Relaxed);
        } else {
            // SAFETY: list members stay mapped while the lock is held.
            unsafe { &*prev }.reg_next.store(next, Ordering::Relaxed);
        }
        if next.is_null() {
            TAIL.store(prev, Ordering::Relaxed);
        } else {
            // SAFETY: as above.
            unsafe { &*next }.reg_prev.set(prev);
        }
    }
}

impl Drop for Locked {
    fn drop(&mut self) {
        compiler_fence(Ordering::SeqCst);
        super::current().reg_held.set(false);
        compiler_fence(Ordering::SeqCst);
        LOCK.unlock();
    }
}

/// Appends `t`. Called with the lock held and every signal blocked, so no
/// reader sees a half-linked descriptor.
fn push(t: &'static ThreadDescriptor) {
    let tail = TAIL.load(Ordering::Relaxed);
    let p = (t as *const ThreadDescriptor).cast_mut();
    t.reg_prev.set(tail);
    t.reg_next.store(ptr::null_mut(), Ordering::Relaxed);
    if tail.is_null() {
        HEAD.store(p, Ordering::Relaxed);
    } else {
        // SAFETY: list members stay mapped while the lock is held.
        unsafe { &*tail }.reg_next.store(p, Ordering::Relaxed);
    }
    TAIL.store(p, Ordering::Relaxed);
}

/// Walks the list for `t`; the caller holds the lock (or interrupted the
/// thread that holds it).
fn find(t: *const ThreadDescriptor) -> Option<&'static ThreadDescriptor> {
    let mut p = HEAD.load(Ordering::Relaxed);
    while !p.is_null() {
        // SAFETY: list members stay mapped while the lock is held.
        let d = unsafe { &*p };
        if ptr::eq(p, t) {
            return Some(d);
        }
        p = d.reg_next.load(Ordering::Relaxed);
    }
    None
}

/// Runs `f` on the live thread `t` names, with its memory guaranteed for
/// the duration; `ESRCH` if `t` names no registered thread. The calling
/// thread itself needs no look-up. Async-signal-safe: the look-up runs
/// with every signal blocked, so no handler (nor asynchronous
/// cancellation) can stop it halfway with the lock held.
pub(crate) fn with<R>(
    t: *const ThreadDescriptor,
    f: impl FnOnce(&ThreadDescriptor) -> Result<R>,
) -> Result<R> {
    let me = super::current();
    if ptr::eq(t, me) {
        return f(me);
    }
    if me.reg_held.get() {
        // A signal handler interrupted this thread while it holds the lock:
        // nothing can leave the list meanwhile.
        return f(find(t).ok_or(Errno::ESRCH)?);
    }
    let mut old = Sigset::empty();
    let all = Sigset::all_including_reserved();
    let _ = crate::syscall::signal::rt_sigprocmask(SIG_BLOCK as i32, Some(&all), Some(&mut old));
    LOCK.lock();
    let r = match find(t) {
        Some(d) => f(d),
        None => Err(Errno::ESRCH),
    };
    LOCK.unlock();
    let _ = crate::syscall::signal::rt_sigprocmask(SIG_SETMASK as i32, Some(&old), None);
    r
}

/// In the child of `fork`: the calling thread is the only one; the list
/// and its lock start over (the next `pthread_create` registers it again).
pub(crate) fn fork_child() {
    HEAD.store(ptr::null_mut(), Ordering::Relaxed);
    TAIL.store(ptr::null_mut(), Ordering::Relaxed);
    // Whoever held the lock is not in the child: free it.
    LOCK.unlock();
    super::current().reg_held.set(false);
}
