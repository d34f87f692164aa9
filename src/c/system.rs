//! system(3): `/bin/sh -c command` in a child process, waited for.
//!
//! The child is made by `posix_spawn` (see `spawn.rs`): `SIGINT` and
//! `SIGQUIT` back to what they were before `system` ignored them (unless
//! they were ignored), the caller's signal mask, then the shell. A
//! cancellation acted on while `system` waits kills and reaps the child
//! and restores the caller's signal state (a cleanup handler), so no
//! child is left behind.

use crate::errno::Errno;
use crate::signal::{self, SIG_IGN, SigAction, Sigset};
use crate::syscall::signal::rt_sigprocmask;
use crate::syscall_cp;
use crate::thread::cancel::{self, CleanupRecord};
use core::ffi::{c_char, c_int, c_void};
use linux_raw_sys::general as g;

/// What the caller restores when `system` returns or is cancelled.
struct Saved {
    /// The child's pid, or 0 before it exists.
    pid: c_int,
    /// The caller's signal mask before `system` changed it.
    mask: Sigset,
    /// `SIGINT`'s and `SIGQUIT`'s actions before `system` ignored them.
    int_action: SigAction,
    quit_action: SigAction,
}

/// The path of the shell, and its name as `argv[0]`.
const SH: &[u8] = b"/bin/sh\0";

/// Puts back `SIGINT`, `SIGQUIT` and the signal mask.
fn restore(s: &Saved) {
    // SAFETY: these actions were read from the kernel for these signals.
    unsafe {
        let _ = signal::sigaction_internal(g::SIGINT as c_int, Some(&s.int_action), None);
        let _ = signal::sigaction_internal(g::SIGQUIT as c_int, Some(&s.quit_action), None);
    }
    let _ = rt_sigprocmask(g::SIG_SETMASK as c_int, Some(&s.mask), None);
}

/// The cleanup handler for a cancellation that acts while `system` waits:
/// as glibc, the child is killed and reaped, and the signal state restored.
unsafe extern "C" fn on_cancel(arg: *mut c_void) {
    // SAFETY: system() registered its `Saved`, alive in its frame.
    let s = unsafe { &*arg.cast::<Saved>() };
    let _ = crate::syscall::process::kill(s.pid, g::SIGKILL as c_int);
    let mut status: c_int = 0;
    // SAFETY: a plain (not cancellable) wait for our own child.
    unsafe { crate::syscall!(__NR_wait4, s.pid, &raw mut status, 0, 0usize) };
    restore(s);
}

/// system(3): the wait status of `/bin/sh -c cmd` (exit status 127 when the
/// shell cannot be run), -1 with `errno` when no child could be made. A
/// NULL `cmd` asks whether a shell exists: nonzero when `/bin/sh` is
/// executable. While it waits, `SIGINT` and `SIGQUIT` are ignored and
/// `SIGCHLD` is blocked in the caller. A cancellation point (the wait).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn system(cmd: *const c_char) -> c_int {
    let _ = cancel::c_point(cancel::testcancel());
    if cmd.is_null() {
        // SAFETY: a NUL-terminated path.
        let r = unsafe { crate::syscall!(__NR_faccessat, g::AT_FDCWD, SH.as_ptr(), g::X_OK, 0) };
        return (r == 0) as c_int;
    }
    let ignore = SigAction {
        handler: SIG_IGN,
        ..SigAction::default_action()
    };
    let mut saved = Saved {
        pid: 0,
        mask: Sigset::empty(),
        int_action: SigAction::default_action(),
        quit_action: SigAction::default_action(),
    };
    // SAFETY: SIG_IGN is always a valid action.
    unsafe {
        let _ = signal::sigaction_internal(
            g::SIGINT as c_int,
            Some(&ignore),
            Some(&mut saved.int_action),
        );
        let _ = signal::sigaction_internal(
            g::SIGQUIT as c_int,
            Some(&ignore),
            Some(&mut saved.quit_action),
        );
    }
    let mut chld = Sigset::empty();
    chld.insert_unchecked(g::SIGCHLD as c_int);
    let _ = rt_sigprocmask(g::SIG_BLOCK as c_int, Some(&chld), Some(&mut saved.mask));
    let mut attr = core::mem::MaybeUninit::<super::spawn::Attr>::uninit();
    let mut dfl = Sigset::empty();
    if saved.int_action.handler != SIG_IGN {
        dfl.insert_unchecked(g::SIGINT as c_int);
    }
    if saved.quit_action.handler != SIG_IGN {
        dfl.insert_unchecked(g::SIGQUIT as c_int);
    }
    let dash_c = b"-c\0";
    let argv: [*const c_char; 4] = [
        SH[5..].as_ptr().cast(),
        dash_c.as_ptr().cast(),
        cmd,
        core::ptr::null(),
    ];
    // SAFETY: `attr` is initialised first; the strings are C strings and
    // `environ` is the process environment.
    let pid = unsafe {
        use super::spawn as sp;
        let a = attr.as_mut_ptr();
        sp::posix_spawnattr_init(a);
        sp::posix_spawnattr_setflags(a, sp::SETSIGMASK | sp::SETSIGDEF);
        sp::posix_spawnattr_setsigmask(a, &saved.mask);
        sp::posix_spawnattr_setsigdefault(a, &dfl);
        sp::spawn(
            SH.as_ptr().cast(),
            core::ptr::null(),
            a,
            argv.as_ptr(),
            super::exec::environ(),
            false,
        )
    };
    let pid = match pid {
        Ok(pid) => pid,
        Err(e) => {
            // As glibc: as if the shell had exited with 127.
            restore(&saved);
            Errno::from_raw(e).set_last();
            return 127 << 8;
        }
    };
    saved.pid = pid;
    let mut rec = core::mem::MaybeUninit::<CleanupRecord>::uninit();
    // SAFETY: `rec` and `saved` live in this frame until popped below.
    unsafe { cancel::cleanup_push(rec.as_mut_ptr(), on_cancel, (&raw mut saved).cast()) };
    let mut status: c_int = 0;
    let r = loop {
        // SAFETY: waits for our own child into a local.
        let raw = unsafe { syscall_cp!(__NR_wait4, saved.pid, &raw mut status, 0, 0usize) };
        if raw != -(Errno::EINTR.raw() as isize) as usize {
            // Acts on a cancellation (running `on_cancel`) or sets errno.
            break super::ret_cp(raw);
        }
    };
    // SAFETY: the record pushed above is the newest.
    unsafe { cancel::cleanup_pop(rec.as_mut_ptr(), false) };
    restore(&saved);
    if r < 0 { -1 } else { status }
}
