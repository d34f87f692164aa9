//! The per-thread descriptor, reachable from the thread pointer.

use core::cell::Cell;
use core::ffi::{c_int, c_void};
use core::sync::atomic::AtomicI32;

/// Everything muslin keeps per thread. All-zero bytes are its cleared state
/// (every field is an integer, a null pointer or a `Cell` of one), which is
/// how `tls::install` creates it. On TLS-variant-II arches the thread
/// pointer points at this struct and the ABI requires the first word to be
/// its own address; on variant-I arches it sits just below the TLS block.
#[repr(C)]
pub struct ThreadDescriptor {
    /// This descriptor's own address (`%fs:0` / `%gs:0` on x86).
    pub(crate) self_ptr: *mut ThreadDescriptor,
    /// Kernel thread id; cleared by the kernel when the thread exits
    /// (`set_tid_address` / `CLONE_CHILD_CLEARTID`).
    pub(crate) tid: AtomicI32,
    /// The C `errno` of this thread.
    pub(crate) errno: Cell<c_int>,
    /// Cancellation request flag, read by the cancellable-syscall thunk.
    pub(crate) cancel: AtomicI32,
    /// Cancellation state and type (used by the threads layer).
    pub(crate) cancel_state: Cell<u8>,
    /// Deferred (0) or asynchronous (1) cancellation.
    pub(crate) cancel_type: Cell<u8>,
    /// Head of the cleanup-handler list.
    pub(crate) cleanup: Cell<*mut c_void>,
    /// Base and size of the mapping holding stack, TLS and this descriptor
    /// (0 for the main thread, whose memory is static).
    pub(crate) map_base: Cell<*mut u8>,
    /// Size of that mapping.
    pub(crate) map_size: Cell<usize>,
}

impl ThreadDescriptor {
    /// Kernel thread id.
    pub fn tid(&self) -> c_int {
        self.tid.load(core::sync::atomic::Ordering::Relaxed)
    }

    /// Address of the C `errno` of this thread.
    pub fn errno_location(&self) -> *mut c_int {
        self.errno.as_ptr()
    }
}
