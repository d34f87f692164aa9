//! Signals: signal sets, actions, raising, and the signals muslin reserves
//! for itself.
//!
//! Signals 32–34 are the implementation's (32 wakes `SIGEV_THREAD` timer
//! helpers, 33 is the cancellation signal, 34 carries `setuid` and friends
//! to every thread):
//! an application can neither catch, block nor fill them, and its `SIGRTMIN`
//! is 35.

pub mod context;

use crate::errno::{Errno, Result};
use crate::syscall::signal as sys;
use core::ffi::{c_int, c_void};

pub use sys::Sigset;

/// The cancellation signal.
pub const SIGCANCEL: c_int = 33;
/// The signal that has every thread run an id-setting call (`setuid`...).
pub const SIGSETXID: c_int = 34;
/// First real-time signal the application may use.
pub const SIGRTMIN: c_int = 35;
/// Last real-time signal.
pub const SIGRTMAX: c_int = 64;
/// Number of signals plus one.
pub const NSIG: c_int = 65;

/// Whether `sig` is reserved for muslin itself.
pub const fn is_reserved(sig: c_int) -> bool {
    sig >= 32 && sig < SIGRTMIN
}

/// Policy on top of the kernel's signal set: the reserved signals stay out
/// of what an application can fill or add.
impl Sigset {
    /// Every signal an application may block: all but the reserved ones.
    pub fn all_but_reserved() -> Sigset {
        let mut s = Sigset::all_including_reserved();
        s.remove_reserved();
        s
    }

    /// Adds `sig`; `EINVAL` for numbers out of range or reserved.
    pub fn insert(&mut self, sig: c_int) -> Result<()> {
        if is_reserved(sig) {
            return Err(Errno::EINVAL);
        }
        self.insert_checked(sig)
    }

    /// Drops the reserved signals from the set.
    pub fn remove_reserved(&mut self) {
        for sig in 32..SIGRTMIN {
            let _ = self.remove(sig);
        }
    }
}

/// `SIG_DFL`.
pub const SIG_DFL: usize = 0;
/// `SIG_IGN`.
pub const SIG_IGN: usize = 1;

/// An action as the C `struct sigaction` in `<signal.h>` lays it out.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct SigAction {
    /// `sa_handler` / `sa_sigaction`, or [`SIG_DFL`] / [`SIG_IGN`].
    pub handler: usize,
    /// Signals blocked while the handler runs.
    pub mask: Sigset,
    /// `SA_*` flags.
    pub flags: c_int,
    /// Ignored: muslin supplies the restorer itself.
    pub restorer: usize,
}

impl SigAction {
    /// An action running `f(sig)` with `flags`.
    pub fn handler(f: extern "C" fn(c_int), flags: c_int) -> SigAction {
        SigAction {
            handler: f as usize,
            mask: Sigset::empty(),
            flags,
            restorer: 0,
        }
    }

    /// An action running `f(sig, info, ucontext)`; adds `SA_SIGINFO`.
    pub fn action(f: extern "C" fn(c_int, *mut c_void, *mut c_void), flags: c_int) -> SigAction {
        let flags = flags | linux_raw_sys::general::SA_SIGINFO as c_int;
        SigAction {
            handler: f as usize,
            mask: Sigset::empty(),
            flags,
            restorer: 0,
        }
    }

    /// The default action.
    pub fn default_action() -> SigAction {
        SigAction {
            handler: SIG_DFL,
            mask: Sigset::empty(),
            flags: 0,
            restorer: 0,
        }
    }
}

/// Installs `new` (if any) for `sig`, returning the previous action in `old`.
/// Reserved signals give `EINVAL`.
pub fn sigaction(sig: c_int, new: Option<&SigAction>, old: Option<&mut SigAction>) -> Result<()> {
    if is_reserved(sig) || sig <= 0 || sig >= NSIG {
        return Err(Errno::EINVAL);
    }
    // SAFETY: the public wrapper only refuses reserved signals; handlers are
    // plain function pointers the kernel calls with the C convention.
    unsafe { sigaction_internal(sig, new, old) }
}

/// [`sigaction`] without the reserved-signal check, for muslin's own handlers.
///
/// # Safety
/// `new`'s handler must be a valid signal handler for its flags.
pub unsafe fn sigaction_internal(
    sig: c_int,
    new: Option<&SigAction>,
    old: Option<&mut SigAction>,
) -> Result<()> {
    use crate::arch::signal::{KernelSigaction, SA_RESTORER, restorer};
    let siginfo = linux_raw_sys::general::SA_SIGINFO as c_int;
    let knew = new.map(|a| {
        let flags = a.flags as usize | SA_RESTORER;
        KernelSigaction::new(a.handler, flags, restorer(a.flags & siginfo != 0), a.mask)
    });
    let mut kold = KernelSigaction::new(0, 0, 0, Sigset::empty());
    // SAFETY: the caller vouches for the handler.
    unsafe { sys::rt_sigaction(sig, knew.as_ref(), old.is_some().then_some(&mut kold))? };
    if let Some(old) = old {
        *old = SigAction {
            handler: kold.handler(),
            mask: kold.mask(),
            flags: (kold.flags() & !SA_RESTORER) as c_int,
            restorer: 0,
        };
    }
    Ok(())
}

/// Restores the default action for `sig`.
pub fn set_default(sig: c_int) -> Result<()> {
    // SAFETY: SIG_DFL is always a valid action.
    unsafe { sigaction_internal(sig, Some(&SigAction::default_action()), None) }
}

/// Changes the calling thread's signal mask (`SIG_BLOCK`, `SIG_UNBLOCK`,
/// `SIG_SETMASK`); reserved signals are never blocked through this.
pub fn sigprocmask(how: c_int, set: Option<&Sigset>, old: Option<&mut Sigset>) -> Result<()> {
    use linux_raw_sys::general::{SIG_BLOCK, SIG_SETMASK, SIG_UNBLOCK};
    if set.is_some() && ![SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK].contains(&(how as u32)) {
        return Err(Errno::EINVAL);
    }
    let filtered = set.map(|s| {
        let mut s = *s;
        s.remove_reserved();
        s
    });
    sys::rt_sigprocmask(how, filtered.as_ref(), old)
}

/// Sends `sig` to the calling thread.
pub fn raise(sig: c_int) -> Result<()> {
    use crate::syscall::process::{getpid, gettid, tgkill};
    tgkill(getpid(), gettid(), sig)
}
