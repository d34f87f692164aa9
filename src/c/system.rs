//! system(3): `/bin/sh -c command` in a child process, waited for.
//!
//! There is no `fork` yet, and `system` does not need one: the child is
//! made as `posix_spawn` implementations make it, with
//! `clone(CLONE_VM | CLONE_VFORK | SIGCHLD)` on a small stack in this
//! frame. It shares the caller's memory, so it only resets signal
//! dispositions, restores the signal mask, and calls `execve`
//! (`exit_group(127)` if that fails); `CLONE_VFORK` keeps the caller
//! suspended until then, so the stack stays put. All signals are blocked
//! around the clone so that no handler of the caller's runs in the child.

use crate::errno::Errno;
use crate::signal::{self, NSIG, SIG_DFL, SIG_IGN, SigAction, Sigset};
use crate::syscall::signal::rt_sigprocmask;
use crate::syscall_cp;
use crate::thread::cancel::{self, CleanupRecord};
use core::ffi::{c_char, c_int, c_void};
use linux_raw_sys::general as g;

unsafe extern "C" {
    /// `arch/<arch>/clone.rs`: clone(2) with `func(arg)` run on `stack` in
    /// the child, which never returns; the parent gets the pid or -errno.
    fn __muslin_clone(
        func: unsafe extern "C" fn(*mut u8) -> !,
        stack: *mut u8,
        flags: usize,
        arg: *mut u8,
        ptid: *mut i32,
        tls: usize,
        ctid: *mut i32,
    ) -> isize;
}

/// What the child needs, in the caller's frame.
struct Child {
    /// The command, a C string.
    cmd: *const c_char,
    /// The caller's signal mask before `system` changed it.
    mask: Sigset,
    /// `SIGINT`'s and `SIGQUIT`'s actions before `system` ignored them.
    int_action: SigAction,
    quit_action: SigAction,
}

/// What the caller restores when `system` returns or is cancelled.
struct Saved {
    /// The child's pid, or 0 before it exists.
    pid: c_int,
    /// As in [`Child`].
    mask: Sigset,
    int_action: SigAction,
    quit_action: SigAction,
}

/// The path of the shell, and its name as `argv[0]`.
const SH: &[u8] = b"/bin/sh\0";

/// The child: every caught signal back to its default (a handler would run
/// on the caller's memory), `SIGINT` and `SIGQUIT` as they were, the mask
/// as it was, then the shell.
unsafe extern "C" fn child(arg: *mut u8) -> ! {
    // SAFETY: the parent passed its `Child`, alive while it is suspended.
    let c = unsafe { &*arg.cast::<Child>() };
    for sig in 1..NSIG {
        if sig == g::SIGKILL as c_int || sig == g::SIGSTOP as c_int {
            continue;
        }
        let before = if sig == g::SIGINT as c_int {
            Some(c.int_action.handler)
        } else if sig == g::SIGQUIT as c_int {
            Some(c.quit_action.handler)
        } else {
            None
        };
        let mut now = SigAction::default_action();
        // SAFETY: only reads the action.
        let got = unsafe { signal::sigaction_internal(sig, None, Some(&mut now)) };
        let handler = before.unwrap_or(now.handler);
        if got.is_ok() && handler != SIG_IGN && now.handler != SIG_DFL {
            let _ = signal::set_default(sig);
        }
    }
    let _ = rt_sigprocmask(g::SIG_SETMASK as c_int, Some(&c.mask), None);
    let dash_c = b"-c\0";
    let argv: [*const c_char; 4] = [
        SH[5..].as_ptr().cast(),
        dash_c.as_ptr().cast(),
        c.cmd,
        core::ptr::null(),
    ];
    // SAFETY: NUL-terminated path and argv; environ is start-up's array.
    unsafe {
        let envp = crate::env::environ;
        crate::syscall!(__NR_execve, SH.as_ptr(), argv.as_ptr(), envp);
    }
    crate::syscall::process::exit_group(127)
}

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
    let c = Child {
        cmd,
        mask: saved.mask,
        int_action: saved.int_action,
        quit_action: saved.quit_action,
    };
    // The child's stack: 16-byte aligned words, in this (suspended) frame.
    let mut stack = [0u128; 1024];
    let top = stack.as_mut_ptr_range().end.cast::<u8>();
    let mut waiting = Sigset::empty();
    let _ = rt_sigprocmask(
        g::SIG_SETMASK as c_int,
        Some(&Sigset::all_including_reserved()),
        Some(&mut waiting),
    );
    // SAFETY: the child runs `child` on its own stack and never returns;
    // `c` and `stack` outlive it, the caller being suspended (CLONE_VFORK).
    let pid = unsafe {
        __muslin_clone(
            child,
            top,
            (g::CLONE_VM | g::CLONE_VFORK | g::SIGCHLD) as usize,
            (&raw const c).cast_mut().cast(),
            core::ptr::null_mut(),
            0,
            core::ptr::null_mut(),
        )
    };
    let _ = rt_sigprocmask(g::SIG_SETMASK as c_int, Some(&waiting), None);
    core::hint::black_box(&mut stack);
    if pid < 0 {
        restore(&saved);
        Errno::from_raw(-pid as c_int).set_last();
        return -1;
    }
    saved.pid = pid as c_int;
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
