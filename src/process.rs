//! Ending the process: `exit` with `atexit` handlers and destructors,
//! `_exit`, `abort`.

use crate::syscall::process::exit_group;
use core::ffi::c_int;
use core::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

/// POSIX requires room for at least 32 `atexit` handlers.
pub const ATEXIT_MAX: usize = 32;

/// A table of exit handlers, run last registered first: `atexit`'s and
/// `at_quick_exit`'s.
struct Handlers {
    /// The handlers, `extern "C" fn()` each, in registration order.
    slots: [AtomicPtr<()>; ATEXIT_MAX],
    /// How many slots are in use.
    count: AtomicUsize,
}

impl Handlers {
    const fn new() -> Handlers {
        Handlers {
            slots: [const { AtomicPtr::new(core::ptr::null_mut()) }; ATEXIT_MAX],
            count: AtomicUsize::new(0),
        }
    }

    fn push(&self, f: extern "C" fn()) -> Result<(), AtexitFull> {
        let i = self.count.fetch_add(1, Ordering::AcqRel);
        match self.slots.get(i) {
            Some(slot) => {
                slot.store(f as *mut (), Ordering::Release);
                Ok(())
            }
            None => {
                self.count.fetch_sub(1, Ordering::AcqRel);
                Err(AtexitFull)
            }
        }
    }

    /// Runs the handlers, last registered first. A handler may register
    /// more: the newest one is always taken next.
    fn run(&self) {
        loop {
            let n = self.count.load(Ordering::Acquire).min(ATEXIT_MAX);
            if n == 0 {
                break;
            }
            self.count.store(n - 1, Ordering::Release);
            let f = self.slots[n - 1].swap(core::ptr::null_mut(), Ordering::AcqRel);
            if !f.is_null() {
                // SAFETY: only `push` stores here, always an `extern "C" fn()`.
                unsafe { core::mem::transmute::<*mut (), extern "C" fn()>(f)() };
            }
        }
    }
}

/// `atexit`'s handlers.
static ATEXIT: Handlers = Handlers::new();

/// `run_atexit`, once a handler is registered.
static RUN_ATEXIT: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// Hook run by `exit` after the destructors: stdio installs its flush here.
static FLUSH_HOOK: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

unsafe extern "C" {
    static __fini_array_start: [unsafe extern "C" fn(); 0];
    static __fini_array_end: [unsafe extern "C" fn(); 0];
}

/// The `atexit` table is full.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct AtexitFull;

/// Registers `f` to run at `exit`, after those registered later.
/// Fails once [`ATEXIT_MAX`] handlers are registered.
pub fn atexit(f: extern "C" fn()) -> Result<(), AtexitFull> {
    // Opaque to the optimizer, as for the flush hook: a program that never
    // registers a handler links no code to run them.
    let run = core::hint::black_box(run_atexit as fn());
    // Not over `run_exit_start`, which runs the table too.
    let _ = RUN_ATEXIT.compare_exchange(
        core::ptr::null_mut(),
        run as *mut (),
        Ordering::AcqRel,
        Ordering::Relaxed,
    );
    ATEXIT.push(f)
}

/// Hook that `exit` runs before the `atexit` handlers: the calling
/// thread's C++ `thread_local` destructors (`__cxa_thread_atexit_impl`).
static EXIT_START_HOOK: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// Makes `exit` call `f` first thing, before the `atexit` handlers (as
/// glibc runs thread-local destructors). Installed through `RUN_ATEXIT`,
/// whose one call `exit` already makes, so a program that never sets it
/// carries no code for it.
pub fn set_exit_start_hook(f: fn()) {
    let f = core::hint::black_box(f);
    EXIT_START_HOOK.store(f as *mut (), Ordering::Release);
    let run = core::hint::black_box(run_exit_start as fn());
    RUN_ATEXIT.store(run as *mut (), Ordering::Release);
}

/// The exit-start hook, then the `atexit` handlers.
fn run_exit_start() {
    run_hook(&EXIT_START_HOOK);
    ATEXIT.run()
}

/// `at_quick_exit`'s handlers.
static QUICK: Handlers = Handlers::new();

/// Registers `f` to run at [`quick_exit`], before those registered
/// earlier. Fails once [`ATEXIT_MAX`] handlers are registered.
pub fn at_quick_exit(f: extern "C" fn()) -> Result<(), AtexitFull> {
    QUICK.push(f)
}

/// Runs the `at_quick_exit` handlers (last registered first), then ends
/// the process at once: no `atexit` handlers, destructors or flushing, as
/// C11 says.
pub fn quick_exit(status: c_int) -> ! {
    QUICK.run();
    exit_group(status)
}

/// Sets the function `exit` calls to flush buffered output; with
/// `replace` false, only if none is set yet.
pub fn set_flush_hook(f: fn(), replace: bool) {
    let f = f as *mut ();
    if replace {
        FLUSH_HOOK.store(f, Ordering::Release);
    } else {
        let _ = FLUSH_HOOK.compare_exchange(
            core::ptr::null_mut(),
            f,
            Ordering::AcqRel,
            Ordering::Relaxed,
        );
    }
}

/// Runs `atexit` handlers (last registered first), then `.fini_array`
/// (in reverse), flushes buffered output, and ends the process.
#[optimize(size)]
pub fn exit(status: c_int) -> ! {
    run_hook(&RUN_ATEXIT);
    // SAFETY: the linker defines the bounds of .fini_array.
    unsafe { run_array(__fini_array_start.as_ptr(), __fini_array_end.as_ptr(), true) };
    run_hook(&FLUSH_HOOK);
    exit_group(status)
}

/// Runs every function pointer in `[start, end)`, in order (or in reverse):
/// start-up runs the constructor arrays with it, [`exit`] `.fini_array`.
///
/// # Safety
/// The range must be a linker-built array of constructors.
pub(crate) unsafe fn run_array(
    start: *const unsafe extern "C" fn(),
    end: *const unsafe extern "C" fn(),
    reverse: bool,
) {
    let n = (end as usize - start as usize) / size_of::<unsafe extern "C" fn()>();
    for i in 0..n {
        let i = if reverse { n - 1 - i } else { i };
        // SAFETY: i < n, so the slot is inside the linker's array.
        unsafe { (*start.add(i))() };
    }
}

/// Calls the `fn()` stored in `hook`, if any.
fn run_hook(hook: &AtomicPtr<()>) {
    let f = hook.load(Ordering::Acquire);
    if !f.is_null() {
        // SAFETY: only `atexit`, `set_exit_start_hook` and `set_flush_hook`
        // store here, always a `fn()`.
        unsafe { core::mem::transmute::<*mut (), fn()>(f)() };
    }
}

/// Runs the `atexit` handlers, last registered first.
fn run_atexit() {
    ATEXIT.run()
}

/// Ends the process at once: no handlers, no flushing.
pub fn exit_immediately(status: c_int) -> ! {
    exit_group(status)
}

/// Ends the process with `SIGABRT`, even if the signal is caught or blocked.
pub fn abort() -> ! {
    use crate::signal::{self, Sigset};
    const SIGABRT: c_int = linux_raw_sys::general::SIGABRT as c_int;
    let _ = signal::raise(SIGABRT);
    // Still here: SIGABRT is blocked or caught and the handler returned.
    // Restore the default action, unblock it, and raise again.
    let _ = signal::set_default(SIGABRT);
    let mut set = Sigset::empty();
    set.insert_unchecked(SIGABRT);
    let _ = crate::syscall::signal::rt_sigprocmask(
        linux_raw_sys::general::SIG_UNBLOCK as c_int,
        Some(&set),
        None,
    );
    let _ = signal::raise(SIGABRT);
    exit_group(127)
}
