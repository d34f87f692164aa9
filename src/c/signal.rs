use super::{ret_int, ret_zero};
use crate::errno::{Errno, Result};
use crate::signal::{self, SigAction, Sigset};
use crate::syscall::signal as sys;
use crate::time::Timespec;
use core::ffi::c_int;
use core::ffi::{CStr, c_char, c_void};

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

/// siginterrupt(3): whether a handler for `sig` interrupts the calls it
/// lands in (`flag` nonzero: they fail with `EINTR`) or has them restarted
/// (zero: `SA_RESTART`); the handler, mask and other flags stay. `EINVAL`
/// as for `sigaction`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn siginterrupt(sig: c_int, flag: c_int) -> c_int {
    let restart = linux_raw_sys::general::SA_RESTART as c_int;
    let mut act = SigAction::default_action();
    ret_zero(signal::sigaction(sig, None, Some(&mut act)).and_then(|()| {
        act.flags = if flag != 0 {
            act.flags & !restart
        } else {
            act.flags | restart
        };
        signal::sigaction(sig, Some(&act), None)
    }))
}

/// A copy of `set` without the signals muslin reserves: what the
/// application asked for, as far as it is allowed to ask. `EFAULT` for
/// NULL.
///
/// # Safety
/// `set` must be NULL or point at a readable `sigset_t`.
unsafe fn app_set(set: *const Sigset) -> Result<Sigset> {
    // SAFETY: the caller vouches for `set`.
    let mut s = unsafe { set.as_ref() }.copied().ok_or(Errno::EFAULT)?;
    s.remove_reserved();
    Ok(s)
}

/// sigsuspend(2): waits with `mask` as the signal mask (the reserved
/// signals never blocked) until a handler has run; always -1 with `EINTR`.
/// A cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigsuspend(mask: *const Sigset) -> c_int {
    // SAFETY: C passes NULL or a readable sigset_t.
    let r = unsafe { app_set(mask) }.and_then(|m| sys::rt_sigsuspend(&m));
    ret_zero(crate::thread::cancel::c_point(r))
}

/// sigpending(2): the signals blocked and pending for the calling thread or
/// the process; muslin's reserved signals are never reported.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigpending(set: *mut Sigset) -> c_int {
    let mut s = Sigset::empty();
    if let Err(e) = sys::rt_sigpending(&mut s) {
        e.set_last();
        return -1;
    }
    s.remove_reserved();
    // SAFETY: C passes NULL or a writable sigset_t.
    match unsafe { set.as_mut() } {
        Some(set) => {
            *set = s;
            0
        }
        None => {
            Errno::EFAULT.set_last();
            -1
        }
    }
}

/// The shared part of the sigwait family: takes a pending signal from `set`
/// (the reserved ones left out), a cancellation point.
///
/// # Safety
/// `set` readable; `info`, `timeout` null or valid.
unsafe fn wait_for(set: *const Sigset, info: *mut u8, timeout: *const Timespec) -> Result<c_int> {
    // SAFETY: the caller vouches for `set`.
    let set = unsafe { app_set(set) }?;
    // SAFETY: the caller vouches for the pointers.
    crate::thread::cancel::c_point(unsafe { sys::rt_sigtimedwait(&set, info, timeout) })
}

/// sigwaitinfo(2): takes one pending signal of `set`, filling `info`
/// (`si_signo`, `si_code`, sender) when not null; returns its number, or -1
/// (`EINTR` when a handler for another signal ran). A cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigwaitinfo(set: *const Sigset, info: *mut u8) -> c_int {
    // SAFETY: C passes valid pointers (info may be NULL).
    ret_int(unsafe { wait_for(set, info, core::ptr::null()) })
}

/// sigtimedwait(2): like `sigwaitinfo`, giving up with `EAGAIN` after
/// `timeout` (`EINVAL` for a bad one). A cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigtimedwait(
    set: *const Sigset,
    info: *mut u8,
    timeout: *const Timespec,
) -> c_int {
    // Copy the timeout so the pad word after tv_nsec (32-bit arches) is zero.
    // SAFETY: C passes NULL or a readable struct timespec.
    let ts = unsafe { timeout.as_ref() }.map(|t| Timespec::new(t.tv_sec, t.tv_nsec));
    let tp = ts
        .as_ref()
        .map_or(core::ptr::null(), |t| t as *const Timespec);
    // SAFETY: C passes valid pointers (info may be NULL).
    ret_int(unsafe { wait_for(set, info, tp) })
}

/// sigwait(3): takes one pending signal of `set` into `*sig`; returns 0 or
/// an error number (never `EINTR`: it waits on). A cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigwait(set: *const Sigset, sig: *mut c_int) -> c_int {
    loop {
        // SAFETY: C passes a readable sigset_t.
        match unsafe { wait_for(set, core::ptr::null_mut(), core::ptr::null()) } {
            Ok(s) => {
                // SAFETY: C passes a writable int.
                unsafe { *sig = s };
                return 0;
            }
            Err(Errno::EINTR) => continue,
            Err(e) => return e.raw(),
        }
    }
}

/// sigaltstack(2): the alternate stack for `SA_ONSTACK` handlers.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sigaltstack(new: *const c_void, old: *mut c_void) -> c_int {
    // SAFETY: the kernel checks both pointers (EFAULT) and the sizes.
    ret_zero(unsafe { sys::sigaltstack(new.cast(), old.cast()) })
}

/// C's `union sigval`.
#[repr(C)]
#[derive(Copy, Clone)]
pub union SigVal {
    /// `sival_int`.
    pub int: c_int,
    /// `sival_ptr`.
    pub ptr: *mut c_void,
}

/// `SI_QUEUE`: the `si_code` of a `sigqueue` signal.
const SI_QUEUE: c_int = -1;

/// The start of a C `siginfo_t` for `sigqueue` (the rest is zero).
#[repr(C)]
struct QueueInfo {
    signo: c_int,
    errno: c_int,
    code: c_int,
    // The union: at pointer alignment, so after a pad word on 64-bit arches.
    rest: [usize; (128 - 3 * size_of::<c_int>()) / size_of::<usize>()],
}

/// sigqueue(3): sends `sig` with `value` to process `pid` (`si_code`
/// `SI_QUEUE`, the caller's pid and uid); `EINVAL` for the reserved signals.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sigqueue(pid: c_int, sig: c_int, value: SigVal) -> c_int {
    if signal::is_reserved(sig) {
        Errno::EINVAL.set_last();
        return -1;
    }
    #[cfg(target_pointer_width = "64")]
    // SAFETY: getuid takes no arguments.
    let uid = unsafe { crate::syscall!(__NR_getuid) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above (the 32-bit-uid call of i386 and arm).
    let uid = unsafe { crate::syscall!(__NR_getuid32) };
    let mut info = QueueInfo {
        signo: sig,
        errno: 0,
        code: SI_QUEUE,
        rest: [0; (128 - 3 * size_of::<c_int>()) / size_of::<usize>()],
    };
    // The union's {si_pid, si_uid, si_value}: two ints, then a pointer.
    let words = info.rest.as_mut_ptr().cast::<u32>();
    // SAFETY: the writes stay inside `rest` (its first 16 bytes at most).
    unsafe {
        words.write(crate::syscall::process::getpid() as u32);
        words.add(1).write(uid as u32);
        words.add(2).cast::<SigVal>().write_unaligned(value);
    }
    // SAFETY: `info` is a full 128-byte siginfo_t.
    ret_zero(unsafe { sys::rt_sigqueueinfo(pid, sig, (&raw const info).cast()) })
}

/// killpg(3): sends `sig` to process group `pgrp` (`EINVAL` if negative).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn killpg(pgrp: c_int, sig: c_int) -> c_int {
    if pgrp < 0 {
        Errno::EINVAL.set_last();
        return -1;
    }
    ret_zero(crate::syscall::process::kill(-pgrp, sig))
}

/// psignal(3): writes "`msg`: description of `sig`" (or only the
/// description when `msg` is NULL or empty) and a newline to standard error
/// in one write.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn psignal(sig: c_int, msg: *const c_char) {
    let mut buf = [0u8; 256];
    let mut n = 0;
    let mut push = |s: &[u8]| {
        for &b in s {
            if n < buf.len() - 1 {
                buf[n] = b;
                n += 1;
            }
        }
    };
    if !msg.is_null() {
        // SAFETY: C passes NULL or a string.
        let m = unsafe { CStr::from_ptr(msg) }.to_bytes();
        if !m.is_empty() {
            push(m);
            push(b": ");
        }
    }
    // SAFETY: strsignal returns a string.
    push(unsafe { CStr::from_ptr(super::string_posix::strsignal(sig)) }.to_bytes());
    push(b"\n");
    // SAFETY: buf holds n bytes.
    let _ = unsafe { crate::syscall!(__NR_write, 2, buf.as_ptr(), n) };
}
