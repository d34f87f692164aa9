//! Ending a thread: cleanup handlers, thread-specific-data destructors, then
//! either leaving the mapping to the joiner or unmapping it ourselves.

use super::descriptor::{DETACHED, ThreadDescriptor};
use crate::signal::Sigset;
use core::ffi::c_void;
use core::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use linux_raw_sys::general::SIG_BLOCK;

/// Live threads besides one (zero-initialised: no `.data` in programs that
/// never create a thread). The last one to exit ends the process with
/// `exit(0)`.
pub(crate) static OTHER_THREADS: AtomicUsize = AtomicUsize::new(0);

unsafe extern "C" {
    fn __muslin_unmap_and_exit(base: *mut u8, len: usize) -> !;
}

/// `fn()` that runs the calling thread's thread-local destructors; null
/// until one is registered (so programs that register none link no code
/// for them).
static TLS_DTOR_HOOK: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// Installs `run`, which runs and forgets the calling thread's
/// thread-local destructors (`__cxa_thread_atexit_impl`'s), to be called
/// when a thread exits and, for the thread calling `exit`, at the start of
/// `exit`.
pub fn set_tls_dtor_hook(run: fn()) {
    let run = core::hint::black_box(run);
    TLS_DTOR_HOOK.store(run as *mut (), Ordering::Release);
    crate::process::set_exit_start_hook(run);
}

/// Runs the hook [`set_tls_dtor_hook`] installed, if any.
fn run_tls_dtors() {
    let f = TLS_DTOR_HOOK.load(Ordering::Acquire);
    if !f.is_null() {
        // SAFETY: only `set_tls_dtor_hook` stores here, always a `fn()`.
        unsafe { core::mem::transmute::<*mut (), fn()>(f)() };
    }
}

/// `pthread_exit(result)`: runs the calling thread's cleanup handlers (newest
/// first) and then its thread-specific-data destructors, then ends it.
pub fn exit_current(result: *mut c_void) -> ! {
    let t = super::current();
    // Cancellation cannot act during exit.
    super::cancel::set_state(super::cancel::State::Disable);
    super::cancel::run_cleanup();
    // Thread-local destructors before thread-specific data (as glibc),
    // and again after, for any a TSD destructor registered.
    run_tls_dtors();
    super::key::run_destructors(t);
    run_tls_dtors();
    t.result.set(result);
    finish(t)
}

/// The end of every thread once its own code is done.
fn finish(t: &ThreadDescriptor) -> ! {
    // From here on no signal may be sent to this tid, which the kernel may
    // reuse as soon as the thread is gone.
    t.kill_lock.lock();
    t.exited.store(true, Ordering::Release);
    t.kill_lock.unlock();
    if OTHER_THREADS.fetch_sub(1, Ordering::AcqRel) == 0 {
        // The last thread: the process ends normally.
        OTHER_THREADS.store(0, Ordering::Release);
        crate::process::exit(0);
    }
    // No handler may run on a stack about to disappear.
    let _ = crate::syscall::signal::rt_sigprocmask(
        SIG_BLOCK as i32,
        Some(&Sigset::all_including_reserved()),
        None,
    );
    // An id change that flagged this thread before it set `exited` may
    // have sent a signal that will never be taken now: run it here.
    super::setxid::on_exit(t);
    // Whether this thread frees itself is decided under the registry lock
    // (signals are blocked: no handler runs with it held), the lock under
    // which join and detach look at the state: they see it joinable or
    // detached and still here, exiting and left to them, or gone; never
    // detached and exiting, which they would wait for in vain. The last
    // thread never gets here, so `t` is in the registry.
    let old = {
        let reg = super::registry::Locked::new();
        let old = t
            .detach_state
            .swap(super::descriptor::EXITING, Ordering::AcqRel);
        if old == DETACHED {
            // Its handle is invalid from here on: out of the registry
            // before the memory goes.
            reg.remove(t);
        }
        old
    };
    let base = t.map_base.get();
    if old == DETACHED && !base.is_null() {
        // The kernel must not clear `tid` in memory that is about to be
        // unmapped (and maybe mapped again by another thread).
        // SAFETY: a null clear-child-tid address is always valid.
        unsafe { crate::syscall::process::set_tid_address(core::ptr::null_mut()) };
        // SAFETY: nothing of this thread is used after the mapping is gone:
        // the sequence runs in registers only.
        unsafe { __muslin_unmap_and_exit(base, t.map_size.get()) }
    }
    loop {
        // Joinable: the joiner waits for the kernel to clear `tid`, then
        // unmaps. SAFETY: ends only this thread.
        unsafe { crate::syscall!(__NR_exit, 0) };
    }
}
