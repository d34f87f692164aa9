//! Threads. For now: the thread descriptor and static TLS of the main
//! thread; creation, joining and cancellation build on these.

pub mod descriptor;
pub mod tls;

pub use descriptor::ThreadDescriptor;

/// The calling thread's descriptor.
#[inline(always)]
pub fn current() -> &'static ThreadDescriptor {
    // SAFETY: start-up (and later thread creation) points the thread pointer
    // at a live descriptor before any code can call this.
    unsafe { &*tls::descriptor_from_tp(crate::arch::thread_pointer::thread_pointer()) }
}
