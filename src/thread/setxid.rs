//! `setuid` and friends for the whole process. Linux keeps credentials per
//! thread, POSIX per process: once other threads exist, the id-setting
//! calls run the same system call in every thread before they return.
//!
//! The caller runs it first; if the kernel refuses, nothing else happens
//! and the caller gets the error. Otherwise it walks the registry of live
//! threads, flags each one (`setxid_pending`) and sends it `SIGSETXID`,
//! whose handler runs the call and counts down [`LEFT`]; the caller sleeps
//! until that reaches zero. A thread whose own call fails (the kernel
//! allowed the caller the same change, so only a resource limit could) is
//! not left behind with other credentials: the process is killed, as in
//! musl and glibc.
//!
//! Every thread must be able to take the signal, or the caller would wait
//! forever:
//! - Applications cannot block it (it is one of muslin's reserved signals)
//!   and a new thread's start mask never blocks it (`create`).
//! - A thread ending blocks every signal for good, but only after marking
//!   itself `exited` under its `kill_lock`, which the walk takes before
//!   flagging it: a thread flagged before that runs the call itself after
//!   blocking ([`on_exit`]).
//! - `pthread_create` holds [`GATE`] for reading from before it blocks
//!   signals until the new thread is cloned (and so has a tid, and the
//!   creator's credentials): the caller holds it for writing, so every
//!   thread it walks exists and no new one starts with the old ids. A
//!   creator that waits at the gate with signals blocked (`timer_create`'s
//!   helper) runs its flagged call while it waits ([`read_enter`]).
//!
//! Nothing here is linked into a program that never calls an id-setting
//! function, and a program without threads makes only the system call.

use super::descriptor::ThreadDescriptor;
use super::futex::{self, Lock, Timeout};
use crate::signal::{SIGSETXID, SigAction, Sigset};
use crate::syscall::{process as proc, signal as sigsys};
use core::ffi::c_int;
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use linux_raw_sys::general::{SA_RESTART, SIG_BLOCK, SIG_SETMASK};

/// Readers (thread creators) in the low bits; [`WRITER`] while an
/// id change is under way or waiting for the readers to leave.
static GATE: AtomicI32 = AtomicI32::new(0);
const WRITER: i32 = i32::MIN;
/// Bumped (and woken) whenever a creator waiting at the gate may have
/// something to do: a call flagged for it, or the gate opening.
static SEQ: AtomicI32 = AtomicI32::new(0);
/// Serialises id changes.
static WLOCK: Lock = Lock::new();
/// The call every thread runs: number and three arguments.
static CALL: [AtomicUsize; 4] = [const { AtomicUsize::new(0) }; 4];
/// Threads flagged whose call has not run yet (plus one for the caller
/// while it walks).
static LEFT: AtomicI32 = AtomicI32::new(0);
/// Set if any thread's call failed.
static FAILED: AtomicBool = AtomicBool::new(false);

/// Runs the id-setting system call `nr(a, b, c)` in every thread of the
/// process; returns the caller's raw result (`-errno` on failure, when no
/// other thread's ids changed).
pub fn set_ids(nr: usize, a: usize, b: usize, c: usize) -> usize {
    if !super::threaded() {
        // The only thread: no other can appear meanwhile, as only this one
        // could create it.
        return raw(nr, a, b, c);
    }
    WLOCK.lock();
    // Readers that came first finish their clone; later ones wait.
    let mut g = GATE.fetch_or(WRITER, Ordering::Acquire) | WRITER;
    while g != WRITER {
        let _ = futex::wait(&GATE, g, Timeout::Forever, true);
        g = GATE.load(Ordering::Acquire);
    }
    let mut old = Sigset::empty();
    let all = Sigset::all_including_reserved();
    let _ = sigsys::rt_sigprocmask(SIG_BLOCK as i32, Some(&all), Some(&mut old));
    let r = raw(nr, a, b, c);
    if (r as isize) >= 0 {
        broadcast(nr, a, b, c);
    }
    let _ = sigsys::rt_sigprocmask(SIG_SETMASK as i32, Some(&old), None);
    GATE.fetch_and(!WRITER, Ordering::Release);
    wake_waiters();
    WLOCK.unlock();
    r
}

/// Has every other registered thread run `nr(a, b, c)`; called with every
/// signal blocked and the gate held for writing.
fn broadcast(nr: usize, a: usize, b: usize, c: usize) {
    for (slot, v) in CALL.iter().zip([nr, a, b, c]) {
        slot.store(v, Ordering::Relaxed);
    }
    FAILED.store(false, Ordering::Relaxed);
    let act = SigAction {
        handler: handler as *const () as usize,
        mask: Sigset::all_including_reserved(),
        flags: SA_RESTART as c_int,
        restorer: 0,
    };
    // SAFETY: `handler` is a plain one-argument signal handler.
    let _ = unsafe { crate::signal::sigaction_internal(SIGSETXID, Some(&act), None) };
    LEFT.store(1, Ordering::Release);
    let me = super::current();
    let pid = proc::getpid();
    {
        let reg = super::registry::Locked::new();
        reg.for_each(|t| {
            if core::ptr::eq(t, me) {
                return;
            }
            t.kill_lock.lock();
            if !t.exited.load(Ordering::Acquire) {
                LEFT.fetch_add(1, Ordering::AcqRel);
                t.setxid_pending.store(true, Ordering::Release);
                if proc::tgkill(pid, t.tid(), SIGSETXID).is_err() {
                    // Cannot happen for a live thread of ours; never wait
                    // for one that will not answer.
                    if t.setxid_pending.swap(false, Ordering::AcqRel) {
                        LEFT.fetch_sub(1, Ordering::AcqRel);
                    }
                }
            }
            t.kill_lock.unlock();
        });
    }
    // Creators waiting at the gate with signals blocked look at their flag.
    wake_waiters();
    let mut left = LEFT.fetch_sub(1, Ordering::AcqRel) - 1;
    while left != 0 {
        let _ = futex::wait(&LEFT, left, Timeout::Forever, true);
        left = LEFT.load(Ordering::Acquire);
    }
    if FAILED.load(Ordering::Acquire) {
        // Some thread kept the old ids while the others have the new ones:
        // no way back that is safe, so nothing may run on.
        let _ = proc::tgkill(
            pid,
            proc::gettid(),
            linux_raw_sys::general::SIGKILL as c_int,
        );
    }
}

/// The system call itself.
fn raw(nr: usize, a: usize, b: usize, c: usize) -> usize {
    // SAFETY: only id-setting calls come here, whose pointer argument (the
    // `setgroups` list) the original caller vouched for and keeps alive
    // until every thread has run it.
    unsafe { crate::syscall::raw::syscall3(nr, a, b, c) }
}

/// Runs the flagged call in the calling thread, if it is flagged.
fn run_pending(t: &ThreadDescriptor) {
    if !t.setxid_pending.swap(false, Ordering::AcqRel) {
        return;
    }
    let [nr, a, b, c] = [0, 1, 2, 3].map(|i| CALL[i].load(Ordering::Relaxed));
    if (raw(nr, a, b, c) as isize) < 0 {
        FAILED.store(true, Ordering::Release);
    }
    if LEFT.fetch_sub(1, Ordering::AcqRel) == 1 {
        futex::wake(&LEFT, 1, true);
    }
}

/// `SIGSETXID`'s handler. It touches no `errno`.
extern "C" fn handler(_sig: c_int) {
    run_pending(super::current());
}

/// A thread that is ending, once every signal is blocked for good: runs a
/// call it was flagged for before it stopped taking signals.
pub(crate) fn on_exit(t: &ThreadDescriptor) {
    run_pending(t);
}

fn wake_waiters() {
    SEQ.fetch_add(1, Ordering::Release);
    futex::wake(&SEQ, i32::MAX, true);
}

/// `pthread_create`, before it blocks signals: enters the gate, waiting
/// while an id change is under way (and running the change if flagged,
/// since the creator's signals may already be blocked).
pub(crate) fn read_enter() {
    let me = super::current();
    loop {
        let seq = SEQ.load(Ordering::Acquire);
        let g = GATE.load(Ordering::Relaxed);
        if g & WRITER == 0 {
            if GATE
                .compare_exchange_weak(g, g + 1, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
            {
                return;
            }
            continue;
        }
        run_pending(me);
        let _ = futex::wait(&SEQ, seq, Timeout::Forever, true);
    }
}

/// `pthread_create`, once the new thread is cloned (or failed to be).
pub(crate) fn read_exit() {
    if GATE.fetch_sub(1, Ordering::Release) - 1 == WRITER {
        // The last creator out lets a waiting id change in.
        futex::wake(&GATE, 1, true);
    }
}

/// In the child of `fork`: no other thread, no id change under way.
pub(crate) fn fork_child(t: &ThreadDescriptor) {
    GATE.store(0, Ordering::Relaxed);
    WLOCK.unlock();
    t.setxid_pending.store(false, Ordering::Relaxed);
}
