//! The Rust thread API: [`spawn`] a closure, [`JoinHandle::join`] it for its
//! result, or [`JoinHandle::cancel`] it.
//!
//! No heap is needed: the closure and the slot for its result live in the
//! new thread's own mapping, after its TLS, and go away with it.
//!
//! The result is dropped exactly once, by whichever side is last to let go
//! of it: `join` takes it; a handle dropped after the thread stored it drops
//! it; a thread that stores it after its handle was dropped (detached)
//! drops it itself. A thread that never returns from its closure (C's
//! `pthread_exit`, a cancellation acted on the C way) has no result.
//!
//! Cancellation is a value in Rust: a cancelled thread's cancellable calls
//! (`read`, `write`, `nanosleep`, …) return `Err(Errno::ECANCELED)`, every
//! later one too, so `?` unwinds the thread's code with its destructors, and
//! `join` then reports [`Canceled`].

use super::create::{self, Attr};
use super::descriptor::ThreadDescriptor;
use core::cell::UnsafeCell;
use core::ffi::c_void;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};
use core::sync::atomic::{AtomicU8, Ordering};

/// The thread was cancelled: a cancellation point reported it, or C code in
/// the thread acted on it with `pthread_exit`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Canceled;

/// Owns a spawned thread: join it for its result, or drop it to detach.
pub struct JoinHandle<T> {
    thread: &'static ThreadDescriptor,
    slot: *const Slot<T>,
    _result: PhantomData<T>,
}

// SAFETY: the handle touches the result only once the thread has stored it
// (and no longer touches it), and `T: Send` lets it move to this thread.
unsafe impl<T: Send> Send for JoinHandle<T> {}

/// `Slot::state` bit: the thread has stored its result.
const STORED: u8 = 1;
/// `Slot::state` bit: the handle was dropped without joining.
const ABANDONED: u8 = 2;

/// Where a thread leaves its result, in the thread's own mapping. The
/// mapping outlives both sides' use of it: the thread frees it only once
/// detached, which the handle does after its last access, and a joiner or
/// late detacher frees it only after the thread has exited.
struct Slot<T> {
    /// `STORED` and `ABANDONED`: whoever sets the second bit owns the
    /// result, so exactly one side drops it however exit and detach race.
    state: AtomicU8,
    /// The closure's return value, once stored.
    result: UnsafeCell<Option<T>>,
}

impl<T> Slot<T> {
    /// The thread's side: store the result, and drop it at once if nobody
    /// will ever take it.
    fn store(&self, value: T) {
        // SAFETY: until `STORED` is set only this thread touches the result.
        unsafe { *self.result.get() = Some(value) };
        if self.state.fetch_or(STORED, Ordering::AcqRel) & ABANDONED != 0 {
            // SAFETY: the handle is gone and never touches the result.
            drop(unsafe { (*self.result.get()).take() });
        }
    }

    /// The handle's side, when dropped: drop the result if the thread has
    /// already stored it, otherwise leave that to the thread.
    fn abandon(&self) {
        if self.state.fetch_or(ABANDONED, Ordering::AcqRel) & STORED != 0 {
            // SAFETY: the thread stored the result and never touches it
            // again; the acquire above makes its write visible here.
            drop(unsafe { (*self.result.get()).take() });
        }
    }
}

struct Layout {
    closure: usize,
    slot: usize,
    size: usize,
}

const fn layout<F, T>() -> Layout {
    let slot = size_of::<F>().next_multiple_of(align_of::<Slot<T>>());
    Layout {
        closure: 0,
        slot,
        size: slot + size_of::<Slot<T>>(),
    }
}

/// Runs in the new thread: takes the closure out of the mapping, runs it,
/// stores the result.
unsafe fn trampoline<F: FnOnce() -> T, T>(t: &ThreadDescriptor) -> *mut c_void {
    let base = t.start_arg.get().cast::<u8>();
    let l = layout::<F, T>();
    // SAFETY: `spawn` moved an F to base + l.closure and built the slot,
    // which lives as long as this thread.
    let (f, slot) = unsafe {
        (
            base.add(l.closure).cast::<F>().read(),
            &*base.add(l.slot).cast::<Slot<T>>(),
        )
    };
    let value = f();
    // The thread's own code is done, and exit disables cancellation anyway:
    // do it now, so that dropping an abandoned result is not cut short (a
    // pending request would make the close of a returned file fail with
    // ECANCELED and leak it).
    super::cancel::set_state(super::cancel::State::Disable);
    slot.store(value);
    core::ptr::null_mut()
}

/// Starts a thread running `f`. Fails with `EAGAIN` when the system lacks
/// memory or threads.
pub fn spawn<F, T>(f: F) -> Result<JoinHandle<T>, crate::Errno>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    const {
        assert!(
            align_of::<F>() <= 16 && align_of::<T>() <= 16,
            "over-aligned closure or result"
        )
    };
    let l = layout::<F, T>();
    let mut f = Some(f);
    let mut slot = core::ptr::null();
    let thread = create::create(&Attr::default(), l.size, trampoline::<F, T>, |t, extra| {
        // SAFETY: `extra` has l.size zeroed bytes, 16-byte aligned.
        unsafe {
            extra
                .add(l.closure)
                .cast::<F>()
                .write(f.take().expect("closure"));
            let s = extra.add(l.slot).cast::<Slot<T>>();
            s.write(Slot {
                state: AtomicU8::new(0),
                result: UnsafeCell::new(None),
            });
            slot = s.cast_const();
        }
        t.start_arg.set(extra.cast());
    });
    match thread {
        Ok(thread) => Ok(JoinHandle {
            thread,
            slot,
            _result: PhantomData,
        }),
        // The closure was never moved into a thread: `f` still holds it and
        // drops here.
        Err(e) => Err(e),
    }
}

impl<T> JoinHandle<T> {
    /// Waits for the thread and returns its result, or [`Canceled`] if it
    /// was cancelled (its result, if any, is dropped).
    pub fn join(self) -> Result<T, Canceled> {
        let thread = self.thread;
        let slot = self.slot;
        core::mem::forget(self);
        let _ = create::wait_exit(thread, false);
        // SAFETY: the thread has exited; the slot is in its mapping, which
        // is still there until `reclaim`, and nobody else takes the result.
        let value = unsafe { (*(*slot).result.get()).take() };
        let canceled = thread.cancel_acted.get() || value.is_none();
        create::reclaim(thread);
        match value {
            Some(v) if !canceled => Ok(v),
            _ => Err(Canceled),
        }
    }

    /// Asks the thread to cancel (`pthread_cancel`).
    pub fn cancel(&self) {
        let _ = super::cancel::request(self.thread);
    }

    /// The thread's kernel id (0 once it has exited).
    pub fn tid(&self) -> i32 {
        self.thread.tid()
    }
}

impl<T> Drop for JoinHandle<T> {
    /// Dropping the handle detaches the thread; its result, stored already
    /// or later, is dropped.
    fn drop(&mut self) {
        // SAFETY: the thread is not detached yet, so its mapping (and the
        // slot in it) is still there.
        unsafe { &*self.slot }.abandon();
        let _ = create::detach(self.thread);
    }
}
