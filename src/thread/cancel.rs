//! Race-free cancellation (see `docs/cancellation.md`).
//!
//! A cancellable system call goes through the arch's thunk
//! `__muslin_syscall_cp_asm`, which tests the thread's `cancel` flag at
//! `__muslin_cp_begin` and makes the call with the last instruction before
//! `__muslin_cp_end`. `pthread_cancel` sets the flag and sends `SIGCANCEL`;
//! the handler redirects the thread to `__muslin_cp_cancel` only while its PC
//! is inside `[cp_begin, cp_end)`, i.e. while the call has not taken effect.
//! Anywhere else it re-sends the signal to itself and returns with it
//! blocked, so it fires again when an interrupted signal handler returns,
//! and the flag test at the next cancellation point acts otherwise.
//!
//! What "acting" means is the caller's business: the thunk and
//! [`__muslin_syscall_cp`] only return `-ECANCELED`. Rust callers get
//! `Err(Errno::ECANCELED)` (cancellation is a value: `?` unwinds their code
//! with RAII); the C ABI turns it into `pthread_exit(PTHREAD_CANCELED)`
//! through [`act`].
//!
//! Nothing here is linked into a program that never calls
//! [`cancel`](request): the handler and the exit path are reached only
//! through what `request` installs.

use super::descriptor::ThreadDescriptor;
use crate::errno::{Errno, Result};
use crate::signal::{self, SIGCANCEL, SigAction, Sigset, context};
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, Ordering};
use linux_raw_sys::general::{__NR_close, SA_ONSTACK, SA_RESTART, SA_SIGINFO, SIG_SETMASK};

/// Whether a thread's cancellation requests act (`pthread_setcancelstate`).
/// The discriminants are the C `PTHREAD_CANCEL_*` values; `Enable` is 0, so
/// an all-zero descriptor starts with cancellation enabled.
#[repr(u8)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum State {
    /// Requests act (at cancellation points, or at once if asynchronous).
    Enable = 0,
    /// Requests stay pending.
    Disable = 1,
}

/// When a thread's enabled cancellation requests act
/// (`pthread_setcanceltype`). The discriminants are the C
/// `PTHREAD_CANCEL_*` values; `Deferred` is 0, the all-zero default.
#[repr(u8)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Type {
    /// Only at cancellation points.
    Deferred = 0,
    /// As soon as the request arrives.
    Asynchronous = 1,
}

impl State {
    /// The state for the C value `v` (`PTHREAD_CANCEL_ENABLE`/`DISABLE`).
    pub fn from_c(v: c_int) -> Option<State> {
        match v {
            0 => Some(State::Enable),
            1 => Some(State::Disable),
            _ => None,
        }
    }
}

impl Type {
    /// The type for the C value `v` (`PTHREAD_CANCEL_DEFERRED`/`ASYNCHRONOUS`).
    pub fn from_c(v: c_int) -> Option<Type> {
        match v {
            0 => Some(Type::Deferred),
            1 => Some(Type::Asynchronous),
            _ => None,
        }
    }
}

unsafe extern "C" {
    /// Arguments first: on most ABIs they then already sit in the
    /// registers the kernel reads, and the thunk only moves `nr`.
    fn __muslin_syscall_cp_asm(
        a: usize,
        b: usize,
        c: usize,
        d: usize,
        e: usize,
        f: usize,
        nr: usize,
        cancel: *const i32,
    ) -> usize;
    static __muslin_cp_begin: u8;
    static __muslin_cp_end: u8;
    static __muslin_cp_cancel: u8;
}

/// The flag a thread with cancellation disabled hands the thunk.
static NEVER: AtomicI32 = AtomicI32::new(0);

const ECANCELED: usize = (-(Errno::ECANCELED.raw() as isize)) as usize;
const EINTR: usize = (-(Errno::EINTR.raw() as isize)) as usize;

/// Where the thunk's cancel exit lands: reports cancellation to the caller.
#[unsafe(no_mangle)]
extern "C" fn __muslin_cp_cancelled() -> usize {
    super::current().cancel_acted.set(true);
    ECANCELED
}

/// A system call that is a cancellation point: returns the raw result, or
/// `-ECANCELED` if cancellation acted (the call was then not made, or was
/// interrupted before it took effect). The system-call layer reaches it by
/// this symbol (`crate::syscall::cancellable`, used by `syscall_cp!`)
/// without importing this one; it is the only way in.
///
/// # Safety
/// As for the raw system call `nr`.
#[unsafe(no_mangle)]
// rustc keeps one exported copy of a `no_mangle` function whatever this says
// (hence the lint), but the hint still reaches LLVM, which under LTO inlines
// the body into each cancellation point instead of adding a call frame.
#[allow(unused_attributes)]
#[inline(always)]
pub unsafe extern "C" fn __muslin_syscall_cp(
    nr: usize,
    a: usize,
    b: usize,
    c: usize,
    d: usize,
    e: usize,
    f: usize,
) -> usize {
    // With cancellation disabled, `cp_flag` points at a flag that is never
    // set (and the handler leaves the thread alone): one code path for both.
    let flag = super::current().cp_flag.get();
    // SAFETY: the flag outlives the call; the caller upholds the rest.
    let r = unsafe { __muslin_syscall_cp_asm(a, b, c, d, e, f, nr, flag.cast()) };
    // A call the kernel does not restart (a timeout, close) returns EINTR
    // when the cancel signal interrupts it: act then, except for close,
    // whose descriptor is gone on Linux whatever it returns.
    if r == EINTR && nr != __NR_close as usize {
        return interrupted();
    }
    r
}

/// The EINTR second check, off the fast path.
#[cold]
#[inline(never)]
fn interrupted() -> usize {
    // SAFETY: cp_flag always points at a live flag.
    if unsafe { &*super::current().cp_flag.get() }.load(Ordering::Acquire) != 0 {
        return __muslin_cp_cancelled();
    }
    EINTR
}

/// Whether a cancellation request is pending and enabled for this thread.
pub fn pending() -> bool {
    let t = super::current();
    t.cancel.load(Ordering::Acquire) != 0 && t.cancel_state.get() == State::Enable
}

/// A cancellation point with nothing to do: `Err(ECANCELED)` if a request
/// is pending and enabled.
pub fn testcancel() -> Result<()> {
    if pending() {
        super::current().cancel_acted.set(true);
        return Err(Errno::ECANCELED);
    }
    Ok(())
}

/// The C meaning of a cancellation that acted: `pthread_exit(PTHREAD_CANCELED)`.
/// Installed by [`request`]; until then nothing can be pending.
static ACT: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// `PTHREAD_CANCELED`.
pub const CANCELED: *mut c_void = usize::MAX as *mut c_void;

/// Acts on a pending cancellation the C way: never returns if one is
/// pending and enabled.
pub fn act() {
    if pending() {
        let f = ACT.load(Ordering::Acquire);
        if !f.is_null() {
            // SAFETY: only `request` stores here, always `exit_canceled`.
            unsafe { core::mem::transmute::<*mut (), fn() -> !>(f)() }
        }
    }
}

/// For C cancellation points: a result of `ECANCELED` with a request
/// pending means cancellation acted, so exit; otherwise pass it through.
#[inline(always)]
pub fn c_point<T>(r: Result<T>) -> Result<T> {
    if let Err(Errno::ECANCELED) = r {
        act_cold();
    }
    r
}

#[cold]
#[inline(never)]
fn act_cold() {
    act()
}

fn exit_canceled() -> ! {
    super::exit::exit_current(CANCELED)
}

/// `[cp_begin, cp_end)` and `cp_cancel` addresses.
fn thunk_range() -> (usize, usize, usize) {
    (
        (&raw const __muslin_cp_begin) as usize,
        (&raw const __muslin_cp_end) as usize,
        (&raw const __muslin_cp_cancel) as usize,
    )
}

extern "C" fn handler(_sig: core::ffi::c_int, _info: *mut c_void, uc: *mut c_void) {
    let t = super::current();
    if t.cancel_state.get() == State::Disable || t.cancel.load(Ordering::Acquire) == 0 {
        return;
    }
    // SAFETY: uc is this handler's ucontext; the mask is a kernel sigset.
    let mask = unsafe {
        &mut *uc
            .cast::<u8>()
            .add(crate::arch::signal::UCONTEXT_SIGMASK)
            .cast::<Sigset>()
    };
    // The interrupted context resumes with SIGCANCEL blocked: a re-raised
    // signal stays pending until that context's own sigreturn unblocks it.
    mask.insert_unchecked(SIGCANCEL);
    if t.cancel_type.get() == Type::Asynchronous {
        let _ = crate::syscall::signal::rt_sigprocmask(SIG_SETMASK as i32, Some(mask), None);
        exit_canceled();
    }
    let (begin, end, cancel) = thunk_range();
    // SAFETY: as above.
    let pc = unsafe { context::pc(uc) };
    if (begin..end).contains(&pc) {
        // The call has not taken effect: leave through the cancel exit.
        // SAFETY: cp_cancel undoes only what the thunk did before cp_begin.
        unsafe { context::set_pc(uc, cancel) };
        return;
    }
    let _ = crate::syscall::process::tgkill(crate::syscall::process::getpid(), t.tid(), SIGCANCEL);
}

/// Whether the cancel signal's handler is installed.
static INSTALLED: AtomicBool = AtomicBool::new(false);

fn install_handler() {
    if INSTALLED.load(Ordering::Acquire) {
        return;
    }
    // Opaque to the optimiser: were it to see that ACT can only ever hold
    // `exit_canceled`, it would call that directly from `act` and link the
    // whole exit path into every program with a cancellation point.
    let f = core::hint::black_box(exit_canceled as fn() -> ! as *mut ());
    ACT.store(f, Ordering::Release);
    let flags = (SA_SIGINFO | SA_RESTART | SA_ONSTACK) as i32;
    let mut act = SigAction::action(handler, flags);
    act.mask = Sigset::all_including_reserved();
    // SAFETY: `handler` is a valid SA_SIGINFO handler; installing it twice
    // from racing threads is harmless.
    let _ = unsafe { signal::sigaction_internal(SIGCANCEL, Some(&act), None) };
    INSTALLED.store(true, Ordering::Release);
}

/// Requests cancellation of the thread `t` names (`pthread_cancel`);
/// `ESRCH` for one that was joined or that ended detached.
pub fn request(t: *const ThreadDescriptor) -> Result<()> {
    install_handler();
    let me = super::current();
    if core::ptr::eq(t, me) {
        me.cancel.store(1, Ordering::Release);
        // Not a cancellation point for itself unless asynchronous.
        if me.cancel_type.get() == Type::Asynchronous && me.cancel_state.get() == State::Enable {
            exit_canceled();
        }
        return Ok(());
    }
    super::registry::with(t, |d| {
        d.cancel.store(1, Ordering::Release);
        super::send(d, SIGCANCEL)
    })
}

/// Sets the calling thread's cancellation state; returns the old one.
/// Enabling it with asynchronous type and a request pending acts at once.
pub fn set_state(state: State) -> State {
    let t = super::current();
    let old = t.cancel_state.replace(state);
    t.cp_flag.set(if state == State::Disable {
        &NEVER
    } else {
        &t.cancel
    });
    if state == State::Enable && t.cancel_type.get() == Type::Asynchronous {
        act();
    }
    old
}

/// Sets the calling thread's cancellation type; returns the old one.
/// Switching to asynchronous with a request pending acts at once.
pub fn set_type(ty: Type) -> Type {
    let t = super::current();
    let old = t.cancel_type.replace(ty);
    if ty == Type::Asynchronous {
        act();
    }
    old
}

/// The C cleanup record of `pthread_cleanup_push` (`struct __ptcb`).
#[repr(C)]
pub struct CleanupRecord {
    /// Handler.
    pub f: unsafe extern "C" fn(*mut c_void),
    /// Its argument.
    pub arg: *mut c_void,
    /// The record pushed before this one.
    pub next: *mut CleanupRecord,
}

/// Pushes `rec` (living in the caller's frame) on this thread's cleanup list.
///
/// # Safety
/// `rec` must stay valid until popped.
pub unsafe fn cleanup_push(
    rec: *mut CleanupRecord,
    f: unsafe extern "C" fn(*mut c_void),
    arg: *mut c_void,
) {
    let t = super::current();
    // SAFETY: the caller owns `rec`.
    unsafe {
        rec.write(CleanupRecord {
            f,
            arg,
            next: t.cleanup.get().cast(),
        })
    };
    t.cleanup.set(rec.cast());
}

/// Pops `rec`, running its handler if `run`.
///
/// # Safety
/// `rec` must be the record last pushed by this thread.
pub unsafe fn cleanup_pop(rec: *mut CleanupRecord, run: bool) {
    let t = super::current();
    // SAFETY: the caller pushed `rec`, so it is valid.
    let r = unsafe { &*rec };
    t.cleanup.set(r.next.cast());
    if run {
        // SAFETY: the handler was registered for exactly this argument.
        unsafe { (r.f)(r.arg) };
    }
}

/// Runs and pops every cleanup handler of the calling thread, newest first.
pub(crate) fn run_cleanup() {
    let t = super::current();
    loop {
        let rec = t.cleanup.get().cast::<CleanupRecord>();
        if rec.is_null() {
            break;
        }
        // SAFETY: records on the list are live frames of this thread, which
        // is unwinding nothing: they stay valid while their handlers run.
        unsafe { cleanup_pop(rec, true) };
    }
}
