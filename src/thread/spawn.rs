//! The Rust thread API: [`spawn`] a closure, [`JoinHandle::join`] it for its
//! result, or [`JoinHandle::cancel`] it.
//!
//! No heap is needed: the closure and the slot for its result live in the
//! new thread's own mapping, after its TLS, and go away with it.
//!
//! Cancellation is a value in Rust: a cancelled thread's cancellable calls
//! (`read`, `write`, `nanosleep`, …) return `Err(Errno::ECANCELED)`, every
//! later one too, so `?` unwinds the thread's code with its destructors, and
//! `join` then reports [`Canceled`].

use super::create::{self, Attr};
use super::descriptor::ThreadDescriptor;
use core::ffi::c_void;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};

/// The thread was cancelled: a cancellation point reported it, or C code in
/// the thread acted on it with `pthread_exit`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Canceled;

/// Owns a spawned thread: join it for its result, or drop it to detach.
pub struct JoinHandle<T> {
    thread: &'static ThreadDescriptor,
    slot: *mut Option<T>,
    _result: PhantomData<T>,
}

// SAFETY: the handle only reads the result after the thread has exited.
unsafe impl<T: Send> Send for JoinHandle<T> {}

struct Layout {
    closure: usize,
    slot: usize,
    size: usize,
}

const fn layout<F, T>() -> Layout {
    let slot = size_of::<F>().next_multiple_of(align_of::<Option<T>>());
    Layout {
        closure: 0,
        slot,
        size: slot + size_of::<Option<T>>(),
    }
}

/// Runs in the new thread: takes the closure out of the mapping, runs it,
/// stores the result.
unsafe fn trampoline<F: FnOnce() -> T, T>(t: &ThreadDescriptor) -> *mut c_void {
    let base = t.start_arg.get().cast::<u8>();
    let l = layout::<F, T>();
    // SAFETY: `spawn` moved an F to base + l.closure and reserved the slot.
    unsafe {
        let f = base.add(l.closure).cast::<F>().read();
        let value = f();
        base.add(l.slot).cast::<Option<T>>().write(Some(value));
    }
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
    let mut slot = core::ptr::null_mut();
    let thread = create::create(&Attr::default(), l.size, trampoline::<F, T>, |t, extra| {
        // SAFETY: `extra` has l.size zeroed bytes, 16-byte aligned.
        unsafe {
            extra
                .add(l.closure)
                .cast::<F>()
                .write(f.take().expect("closure"));
            slot = extra.add(l.slot).cast::<Option<T>>();
            slot.write(None);
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
        // is still there until `reclaim`.
        let value = unsafe { slot.read() };
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
    /// Dropping the handle detaches the thread.
    fn drop(&mut self) {
        let _ = create::detach(self.thread);
    }
}
