use super::{ret_int, ret_zero};
use crate::signal::{self, SigAction, Sigset};
use core::ffi::c_int;

/// kill(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn kill(pid: c_int, sig: c_int) -> c_int {
    ret_zero(crate::syscall::process::kill(pid, sig))
}

/// raise(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn raise(sig: c_int) -> c_int {
    ret_zero(signal::raise(sig))
}

/// sigaction(2); the reserved signals (32–34) give `EINVAL`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigaction(
    sig: c_int,
    new: *const SigAction,
    old: *mut SigAction,
) -> c_int {
    // SAFETY: C passes null or valid struct sigaction pointers.
    let (new, old) = unsafe { (new.as_ref(), old.as_mut()) };
    ret_zero(signal::sigaction(sig, new, old))
}

/// sigprocmask(2); the reserved signals are never blocked.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigprocmask(how: c_int, set: *const Sigset, old: *mut Sigset) -> c_int {
    // SAFETY: C passes null or valid sigset_t pointers.
    let (set, old) = unsafe { (set.as_ref(), old.as_mut()) };
    ret_zero(signal::sigprocmask(how, set, old))
}

/// sigemptyset(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigemptyset(set: *mut Sigset) -> c_int {
    // SAFETY: C passes a valid sigset_t.
    unsafe { *set = Sigset::empty() };
    0
}

/// sigfillset(3): every signal but the reserved ones.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigfillset(set: *mut Sigset) -> c_int {
    // SAFETY: C passes a valid sigset_t.
    unsafe { *set = Sigset::all_but_reserved() };
    0
}

/// sigaddset(3); reserved or out-of-range signals give `EINVAL`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigaddset(set: *mut Sigset, sig: c_int) -> c_int {
    // SAFETY: C passes a valid sigset_t.
    ret_zero(unsafe { (*set).insert(sig) })
}

/// sigdelset(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigdelset(set: *mut Sigset, sig: c_int) -> c_int {
    // SAFETY: C passes a valid sigset_t.
    ret_zero(unsafe { (*set).remove(sig) })
}

/// sigismember(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigismember(set: *const Sigset, sig: c_int) -> c_int {
    // SAFETY: C passes a valid sigset_t.
    ret_int(unsafe { (*set).contains(sig) }.map(c_int::from))
}

/// The first real-time signal available to the application (`SIGRTMIN`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __libc_current_sigrtmin() -> c_int {
    signal::SIGRTMIN
}

/// The last real-time signal (`SIGRTMAX`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __libc_current_sigrtmax() -> c_int {
    signal::SIGRTMAX
}

/// signal(3): installs `handler` (or `SIG_DFL`/`SIG_IGN`) for `sig` with
/// BSD semantics, as glibc and musl do: `SA_RESTART` (interrupted system
/// calls restart), the handler stays installed and `sig` is blocked while
/// it runs. Returns the previous handler, or `SIG_ERR` (with `errno`;
/// `EINVAL` for a reserved or out-of-range signal).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn signal(sig: c_int, handler: usize) -> usize {
    let new = SigAction {
        handler,
        mask: Sigset::empty(),
        flags: linux_raw_sys::general::SA_RESTART as c_int,
        restorer: 0,
    };
    let mut old = SigAction::default_action();
    match signal::sigaction(sig, Some(&new), Some(&mut old)) {
        Ok(()) => old.handler,
        Err(e) => {
            e.set_last();
            usize::MAX // SIG_ERR
        }
    }
}
