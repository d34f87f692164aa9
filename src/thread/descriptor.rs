//! The per-thread descriptor, reachable from the thread pointer.

use super::cancel;
use super::futex::Lock;
use crate::signal::Sigset;
use core::cell::Cell;
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr};

/// Number of thread-specific-data keys (`PTHREAD_KEYS_MAX`).
pub const KEYS_MAX: usize = 128;

/// Joinable: `pthread_join` reclaims the thread.
pub(crate) const JOINABLE: i32 = 0;
/// Detached: the thread reclaims itself when it exits.
pub(crate) const DETACHED: i32 = 1;
/// The thread has started exiting; whoever detaches it now must join it.
pub(crate) const EXITING: i32 = 2;

/// A new thread's first muslin-side routine, given its own descriptor.
pub(crate) type StartFn = unsafe fn(&ThreadDescriptor) -> *mut c_void;
/// A C thread start routine.
pub(crate) type CStartFn = unsafe extern "C" fn(*mut c_void) -> *mut c_void;

/// Everything muslin keeps per thread. All-zero bytes are its cleared state
/// (every field is an integer, a null pointer, an enum whose 0 is its
/// default, or a `Cell`/atomic of one),
/// which is how `tls::install` creates it: a new thread starts joinable, with
/// cancellation enabled and deferred.
///
/// On TLS-variant-II arches the thread pointer points at this struct and the
/// ABI requires the first word to be its own address; on variant-I arches it
/// sits just below the TLS block.
#[repr(C)]
pub struct ThreadDescriptor {
    /// This descriptor's own address (`%fs:0` / `%gs:0` on x86).
    pub(crate) self_ptr: *mut ThreadDescriptor,
    /// Kernel thread id; cleared (and futex-woken) by the kernel when the
    /// thread exits (`set_tid_address` / `CLONE_CHILD_CLEARTID`).
    pub(crate) tid: AtomicI32,
    /// The C `errno` of this thread.
    pub(crate) errno: Cell<c_int>,
    /// Cancellation request flag, read by the cancellable-syscall thunk.
    pub(crate) cancel: AtomicI32,
    /// Whether requests act; change it with `cancel::set_state`, which
    /// keeps `cp_flag` in step.
    pub(crate) cancel_state: Cell<cancel::State>,
    /// The flag the cancellable-syscall thunk tests: `cancel`, or a flag
    /// that is never set while cancellation is disabled (one load on the
    /// fast path instead of a state test).
    pub(crate) cp_flag: Cell<*const AtomicI32>,
    /// When enabled requests act.
    pub(crate) cancel_type: Cell<cancel::Type>,
    /// Set when a cancellation point reported cancellation to its caller.
    pub(crate) cancel_acted: Cell<bool>,
    /// Head of the C cleanup-handler list (`pthread_cleanup_push`).
    pub(crate) cleanup: Cell<*mut c_void>,
    /// JOINABLE, DETACHED or EXITING.
    pub(crate) detach_state: AtomicI32,
    /// Held while signalling the thread, and by the thread when it stops
    /// accepting signals, so no signal goes to a recycled tid.
    pub(crate) kill_lock: Lock,
    /// Set (under `kill_lock`) by the thread as it finishes, after its
    /// cleanup handlers and TSD destructors ran; from then on
    /// `pthread_kill` sends it nothing and reports success, as its tid may
    /// already belong to another thread.
    pub(crate) exited: AtomicBool,
    /// Set (under `kill_lock`, before `SIGSETXID` is sent) when an id
    /// change asks this thread to run it too; cleared by whoever runs it
    /// (`setxid`).
    pub(crate) setxid_pending: AtomicBool,
    /// Set (under the registry lock) once a `pthread_join`, or a
    /// `pthread_detach` that found the thread exiting, has taken it on:
    /// nobody else may join or detach it from then on.
    pub(crate) claimed: Cell<bool>,
    /// Set while this thread holds the registry lock (see `registry`): a
    /// signal handler interrupting it then reads the registry unlocked.
    pub(crate) reg_held: Cell<bool>,
    /// The next thread in the registry of live threads (null at the end).
    pub(crate) reg_next: AtomicPtr<ThreadDescriptor>,
    /// The previous one (null at the start); read and written only under
    /// the registry lock.
    pub(crate) reg_prev: Cell<*mut ThreadDescriptor>,
    /// Base of the mapping holding stack, TLS and this descriptor (null for
    /// the main thread, whose memory is static).
    pub(crate) map_base: Cell<*mut u8>,
    /// Size of that mapping.
    pub(crate) map_size: Cell<usize>,
    /// What the new thread runs: `start(self)`.
    pub(crate) start: Cell<Option<StartFn>>,
    /// The C start routine (`pthread_create`).
    pub(crate) c_start: Cell<Option<CStartFn>>,
    /// The C start routine's argument; for Rust threads, their closure.
    pub(crate) start_arg: Cell<*mut c_void>,
    /// The value passed to `pthread_exit` (or returned by the start routine).
    pub(crate) result: Cell<*mut c_void>,
    /// Nonzero while a thread created with explicit scheduling waits for
    /// its creator to set its policy (1), or when that failed (2).
    pub(crate) start_gate: AtomicI32,
    /// The creator's signal mask, restored by the new thread first thing.
    pub(crate) start_mask: Cell<Sigset>,
    /// Thread-specific data, indexed by key.
    pub(crate) tsd: [Cell<*mut c_void>; KEYS_MAX],
    /// Lowest usable address of the thread's stack (above any guard); null
    /// for the main thread, whose stack the kernel made.
    pub(crate) stack_lo: Cell<*mut u8>,
    /// Usable size of that stack in bytes.
    pub(crate) stack_size: Cell<usize>,
    /// Size of the `PROT_NONE` guard below it (0 for none, and for a
    /// caller-supplied stack).
    pub(crate) guard_size: Cell<usize>,
    /// Head of the thread-local destructors registered with
    /// `__cxa_thread_atexit_impl` (newest first), owned by the C layer.
    pub(crate) tls_dtors: Cell<*mut c_void>,
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
