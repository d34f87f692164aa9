//! posix_spawn(3) and posix_spawnp, their file actions and attributes
//! (`<spawn.h>`).
//!
//! The child is made with `clone(CLONE_VM | CLONE_VFORK | SIGCHLD)` on a
//! stack in the caller's frame: it shares the caller's memory, and the
//! caller stays suspended until the child has called `execve` or exited.
//! All signals are blocked around the clone; the child first sets every
//! caught signal back to its default (a handler would run on the caller's
//! memory) and the attribute's `sigdefault` ones too, then applies the
//! attributes and the file actions in order, sets its signal mask, and
//! execs. It touches only its own stack and the [`Child`] record, through
//! raw system calls (not `errno`, which is the caller's thread's). An
//! error on the way is written to a close-on-exec pipe and the child exits
//! with 127; the caller reads the pipe (nothing: the exec happened), reaps
//! a failed child and returns the error. A pipe, not the shared memory:
//! qemu-user runs `CLONE_VFORK` children as plain forks. A file action
//! aimed at the pipe's number moves the pipe out of the way first.

use crate::errno::Errno;
use crate::signal::{self, NSIG, SIG_DFL, SIG_IGN, SigAction, Sigset};
use crate::syscall::fd::{self, Fd};
use crate::syscall::signal::rt_sigprocmask;
use core::ffi::{c_char, c_int, c_short};
use core::sync::atomic::{AtomicI32, Ordering};
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

/// `POSIX_SPAWN_RESETIDS`: the child's effective ids become the real ones.
pub const RESETIDS: c_short = 1;
/// `POSIX_SPAWN_SETPGROUP`: the child joins process group `pgroup`.
pub const SETPGROUP: c_short = 2;
/// `POSIX_SPAWN_SETSIGDEF`: `sigdefault`'s signals get their default action.
pub const SETSIGDEF: c_short = 4;
/// `POSIX_SPAWN_SETSIGMASK`: the child's mask is `sigmask`.
pub const SETSIGMASK: c_short = 8;
/// `POSIX_SPAWN_SETSCHEDPARAM`: `sched_setparam` with `schedparam`.
pub const SETSCHEDPARAM: c_short = 16;
/// `POSIX_SPAWN_SETSCHEDULER`: `sched_setscheduler` with both.
pub const SETSCHEDULER: c_short = 32;
/// `POSIX_SPAWN_USEVFORK` (glibc): accepted, changes nothing.
pub const USEVFORK: c_short = 64;
/// `POSIX_SPAWN_SETSID` (glibc, POSIX 2024): the child starts a session.
pub const SETSID: c_short = 128;

/// C's `posix_spawnattr_t`.
#[repr(C)]
pub struct Attr {
    flags: c_short,
    pgroup: c_int,
    sigdefault: Sigset,
    sigmask: Sigset,
    prio: c_int,
    policy: c_int,
    pad: [c_int; 16],
}

/// One file action, in a `malloc`ed list.
#[repr(C)]
struct Action {
    next: *mut Action,
    kind: c_int,
    fd: c_int,
    newfd: c_int,
    oflag: c_int,
    mode: u32,
    /// `malloc`ed copy of the path (open, chdir).
    path: *mut c_char,
}

const OPEN: c_int = 1;
const CLOSE: c_int = 2;
const DUP2: c_int = 3;
const CHDIR: c_int = 4;
const FCHDIR: c_int = 5;

/// C's `posix_spawn_file_actions_t`: the list, oldest first.
#[repr(C)]
pub struct FileActions {
    head: *mut Action,
    tail: *mut Action,
    pad: [c_int; 16],
}

/// posix_spawn_file_actions_init(3).
///
/// # Safety
/// `fa` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawn_file_actions_init(fa: *mut FileActions) -> c_int {
    // SAFETY: as the caller promises.
    unsafe {
        fa.write(FileActions {
            head: core::ptr::null_mut(),
            tail: core::ptr::null_mut(),
            pad: [0; 16],
        })
    };
    0
}

/// posix_spawn_file_actions_destroy(3).
///
/// # Safety
/// `fa` must have been initialised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawn_file_actions_destroy(fa: *mut FileActions) -> c_int {
    // SAFETY: an initialised list of malloc'ed actions.
    unsafe {
        let mut a = (*fa).head;
        while !a.is_null() {
            let next = (*a).next;
            crate::malloc::free((*a).path.cast());
            crate::malloc::free(a.cast());
            a = next;
        }
        (*fa).head = core::ptr::null_mut();
        (*fa).tail = core::ptr::null_mut();
    }
    0
}

/// Appends an action; `ENOMEM` when out of memory, `EBADF` for a negative
/// descriptor.
///
/// # Safety
/// `fa` initialised; `path` NULL or a C string.
unsafe fn add(fa: *mut FileActions, mut act: Action, path: *const c_char, fds: &[c_int]) -> c_int {
    if fds.iter().any(|&fd| fd < 0) {
        return Errno::EBADF.raw();
    }
    if !path.is_null() {
        // SAFETY: a C string.
        let len = unsafe { super::exec::c_len(path) } + 1;
        let copy = crate::malloc::malloc(len);
        if copy.is_null() {
            return Errno::ENOMEM.raw();
        }
        // SAFETY: len bytes each side.
        unsafe { core::ptr::copy_nonoverlapping(path.cast::<u8>(), copy, len) };
        act.path = copy.cast();
    }
    let a = crate::malloc::malloc(size_of::<Action>()).cast::<Action>();
    if a.is_null() {
        // SAFETY: malloc'ed above (or null).
        unsafe { crate::malloc::free(act.path.cast()) };
        return Errno::ENOMEM.raw();
    }
    // SAFETY: a fresh block; the list is the caller's.
    unsafe {
        a.write(act);
        if (*fa).tail.is_null() {
            (*fa).head = a;
        } else {
            (*(*fa).tail).next = a;
        }
        (*fa).tail = a;
    }
    0
}

/// An action of `kind` with the rest empty.
fn action(kind: c_int, fd: c_int) -> Action {
    Action {
        next: core::ptr::null_mut(),
        kind,
        fd,
        newfd: -1,
        oflag: 0,
        mode: 0,
        path: core::ptr::null_mut(),
    }
}

/// posix_spawn_file_actions_addopen(3): `open(path, oflag, mode)` onto `fd`.
///
/// # Safety
/// `fa` initialised; `path` a C string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawn_file_actions_addopen(
    fa: *mut FileActions,
    fd: c_int,
    path: *const c_char,
    oflag: c_int,
    mode: u32,
) -> c_int {
    let a = Action {
        oflag,
        mode,
        ..action(OPEN, fd)
    };
    // SAFETY: as the caller promises.
    unsafe { add(fa, a, path, &[fd]) }
}

/// posix_spawn_file_actions_addclose(3).
///
/// # Safety
/// `fa` initialised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawn_file_actions_addclose(
    fa: *mut FileActions,
    fd: c_int,
) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { add(fa, action(CLOSE, fd), core::ptr::null(), &[fd]) }
}

/// posix_spawn_file_actions_adddup2(3): `dup2(fd, newfd)`; with `fd ==
/// newfd`, clears its close-on-exec flag instead.
///
/// # Safety
/// `fa` initialised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawn_file_actions_adddup2(
    fa: *mut FileActions,
    fd: c_int,
    newfd: c_int,
) -> c_int {
    let a = Action {
        newfd,
        ..action(DUP2, fd)
    };
    // SAFETY: as the caller promises.
    unsafe { add(fa, a, core::ptr::null(), &[fd, newfd]) }
}

/// posix_spawn_file_actions_addchdir_np(3) (`…addchdir` in POSIX 2024).
///
/// # Safety
/// `fa` initialised; `path` a C string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawn_file_actions_addchdir_np(
    fa: *mut FileActions,
    path: *const c_char,
) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { add(fa, action(CHDIR, 0), path, &[]) }
}

/// posix_spawn_file_actions_addfchdir_np(3).
///
/// # Safety
/// `fa` initialised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawn_file_actions_addfchdir_np(
    fa: *mut FileActions,
    fd: c_int,
) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { add(fa, action(FCHDIR, fd), core::ptr::null(), &[fd]) }
}

/// posix_spawnattr_init(3): no flags, empty signal sets.
///
/// # Safety
/// `a` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_init(a: *mut Attr) -> c_int {
    // SAFETY: as the caller promises.
    unsafe {
        a.write(Attr {
            flags: 0,
            pgroup: 0,
            sigdefault: Sigset::empty(),
            sigmask: Sigset::empty(),
            prio: 0,
            policy: 0,
            pad: [0; 16],
        })
    };
    0
}

/// posix_spawnattr_destroy(3).
///
/// # Safety
/// `a` initialised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_destroy(_a: *mut Attr) -> c_int {
    0
}

/// posix_spawnattr_setflags(3): `EINVAL` for an unknown flag.
///
/// # Safety
/// `a` initialised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_setflags(a: *mut Attr, flags: c_short) -> c_int {
    let all = RESETIDS | SETPGROUP | SETSIGDEF | SETSIGMASK | SETSCHEDPARAM | SETSCHEDULER;
    if flags & !(all | USEVFORK | SETSID) != 0 {
        return Errno::EINVAL.raw();
    }
    // SAFETY: as the caller promises.
    unsafe { (*a).flags = flags };
    0
}

/// posix_spawnattr_getflags(3).
///
/// # Safety
/// `a` initialised; `flags` writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_getflags(a: *const Attr, flags: *mut c_short) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { *flags = (*a).flags };
    0
}

/// posix_spawnattr_setpgroup(3).
///
/// # Safety
/// `a` initialised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_setpgroup(a: *mut Attr, pgroup: c_int) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { (*a).pgroup = pgroup };
    0
}

/// posix_spawnattr_getpgroup(3).
///
/// # Safety
/// `a` initialised; `pgroup` writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_getpgroup(a: *const Attr, pgroup: *mut c_int) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { *pgroup = (*a).pgroup };
    0
}

/// posix_spawnattr_setsigdefault(3).
///
/// # Safety
/// `a` initialised; `s` a signal set.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_setsigdefault(a: *mut Attr, s: *const Sigset) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { (*a).sigdefault = *s };
    0
}

/// posix_spawnattr_getsigdefault(3).
///
/// # Safety
/// `a` initialised; `s` writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_getsigdefault(a: *const Attr, s: *mut Sigset) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { *s = (*a).sigdefault };
    0
}

/// posix_spawnattr_setsigmask(3).
///
/// # Safety
/// `a` initialised; `s` a signal set.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_setsigmask(a: *mut Attr, s: *const Sigset) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { (*a).sigmask = *s };
    0
}

/// posix_spawnattr_getsigmask(3).
///
/// # Safety
/// `a` initialised; `s` writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_getsigmask(a: *const Attr, s: *mut Sigset) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { *s = (*a).sigmask };
    0
}

/// posix_spawnattr_setschedparam(3): `p` is a `struct sched_param`,
/// whose one field is the priority.
///
/// # Safety
/// `a` initialised; `p` readable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_setschedparam(a: *mut Attr, p: *const c_int) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { (*a).prio = *p };
    0
}

/// posix_spawnattr_getschedparam(3).
///
/// # Safety
/// `a` initialised; `p` writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_getschedparam(a: *const Attr, p: *mut c_int) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { *p = (*a).prio };
    0
}

/// posix_spawnattr_setschedpolicy(3).
///
/// # Safety
/// `a` initialised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_setschedpolicy(a: *mut Attr, policy: c_int) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { (*a).policy = policy };
    0
}

/// posix_spawnattr_getschedpolicy(3).
///
/// # Safety
/// `a` initialised; `policy` writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnattr_getschedpolicy(
    a: *const Attr,
    policy: *mut c_int,
) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { *policy = (*a).policy };
    0
}

/// What the child needs, in the caller's (suspended) frame.
struct Child {
    path: *const c_char,
    fa: *const FileActions,
    attr: *const Attr,
    argv: *const *const c_char,
    envp: *const *const c_char,
    /// Search `PATH` (posix_spawnp).
    search: bool,
    /// The caller's signal mask.
    mask: Sigset,
    /// The write end of the error pipe (close-on-exec); the child may move
    /// it (its own copy of the number, under qemu's fork).
    pipe: AtomicI32,
}

/// A raw result as `Result<usize, errno>`.
fn raw(r: usize) -> Result<usize, c_int> {
    if r > (-4096isize) as usize {
        Err(-(r as isize) as c_int)
    } else {
        Ok(r)
    }
}

/// dup2 for two different descriptors (dup3, which every arch has; EBUSY
/// is a racing open that Linux asks to retry).
fn dup_onto(old: c_int, new: c_int) -> Result<(), c_int> {
    loop {
        // SAFETY: no memory is involved.
        match raw(unsafe { crate::syscall!(__NR_dup3, old, new, 0) }) {
            Err(e) if e == Errno::EBUSY.raw() => continue,
            r => return r.map(|_| ()),
        }
    }
}

/// The file actions, in order.
///
/// # Safety
/// `fa` null or an initialised list.
unsafe fn file_actions(fa: *const FileActions, pipe: &AtomicI32) -> Result<(), c_int> {
    if fa.is_null() {
        return Ok(());
    }
    // SAFETY: an initialised list.
    let mut a = unsafe { (*fa).head };
    while !a.is_null() {
        // SAFETY: a live action of the list.
        let act = unsafe { &*a };
        let target = if act.kind == DUP2 { act.newfd } else { act.fd };
        let p = pipe.load(Ordering::Relaxed);
        if matches!(act.kind, OPEN | CLOSE | DUP2) && target == p {
            let moved = fd::fcntl(Fd(p), g::F_DUPFD_CLOEXEC as c_int, 0).map_err(|e| e.raw())?;
            // SAFETY: closes our own pipe end, now copied.
            unsafe { crate::syscall!(__NR_close, p) };
            pipe.store(moved, Ordering::Relaxed);
        }
        // SAFETY: raw system calls on the action's descriptors and paths.
        unsafe {
            match act.kind {
                OPEN => {
                    // O_LARGEFILE: 64-bit offsets on 32-bit arches.
                    let flags = act.oflag | g::O_LARGEFILE as c_int;
                    let fd = raw(crate::syscall!(
                        __NR_openat,
                        g::AT_FDCWD,
                        act.path,
                        flags,
                        act.mode
                    ))? as c_int;
                    if fd != act.fd {
                        let r = dup_onto(fd, act.fd);
                        crate::syscall!(__NR_close, fd);
                        r?;
                    }
                }
                CLOSE => {
                    // A descriptor that is not open is no error (POSIX 2024).
                    crate::syscall!(__NR_close, act.fd);
                }
                DUP2 if act.fd == act.newfd => {
                    let fl = fd::fcntl(Fd(act.fd), g::F_GETFD as c_int, 0).map_err(|e| e.raw())?;
                    let fl = fl as usize & !(g::FD_CLOEXEC as usize);
                    fd::fcntl(Fd(act.fd), g::F_SETFD as c_int, fl).map_err(|e| e.raw())?;
                }
                DUP2 => dup_onto(act.fd, act.newfd)?,
                CHDIR => {
                    raw(crate::syscall!(__NR_chdir, act.path))?;
                }
                _ => {
                    raw(crate::syscall!(__NR_fchdir, act.fd))?;
                }
            }
            a = act.next;
        }
    }
    Ok(())
}

/// The attributes other than the signal mask.
///
/// # Safety
/// `a` is an initialised attribute set.
unsafe fn attributes(a: &Attr) -> Result<(), c_int> {
    use super::process::{nr, sys3};
    // SAFETY: raw system calls with the attribute's values.
    unsafe {
        if a.flags & SETSID != 0 {
            raw(crate::syscall!(__NR_setsid))?;
        }
        if a.flags & SETPGROUP != 0 {
            raw(crate::syscall!(__NR_setpgid, 0, a.pgroup))?;
        }
        if a.flags & SETSCHEDULER != 0 {
            raw(crate::syscall!(
                __NR_sched_setscheduler,
                0,
                a.policy,
                &raw const a.prio
            ))?;
        } else if a.flags & SETSCHEDPARAM != 0 {
            raw(crate::syscall!(__NR_sched_setparam, 0, &raw const a.prio))?;
        }
    }
    if a.flags & RESETIDS != 0 {
        raw(sys3(nr::SETGID, sys3(nr::GETGID, 0, 0, 0), 0, 0))?;
        raw(sys3(nr::SETUID, sys3(nr::GETUID, 0, 0, 0), 0, 0))?;
    }
    Ok(())
}

/// `execve`, or with `search` and no slash in `path`, each `PATH` entry
/// in turn (as `execvpe`, without the shell for `ENOEXEC` files, as
/// glibc's posix_spawnp). The error.
///
/// # Safety
/// As for `execve`.
unsafe fn exec(c: &Child) -> c_int {
    // SAFETY: the caller's arguments.
    let name =
        unsafe { core::slice::from_raw_parts(c.path.cast::<u8>(), super::exec::c_len(c.path)) };
    if !c.search || name.contains(&b'/') {
        // SAFETY: as the caller of posix_spawn promised.
        return raw(unsafe { crate::syscall!(__NR_execve, c.path, c.argv, c.envp) })
            .err()
            .unwrap_or(0);
    }
    if name.is_empty() {
        return Errno::ENOENT.raw();
    }
    // SAFETY: the process environment.
    let path = unsafe { super::exec::path_of(super::exec::environ()) };
    let mut buf = [0u8; 4097];
    let mut eacces = false;
    let mut last = Errno::ENOENT.raw();
    for dir in path.split(|&b| b == b':') {
        let dir_len = if dir.is_empty() { 0 } else { dir.len() + 1 };
        if dir_len + name.len() + 1 > buf.len() {
            last = Errno::ENAMETOOLONG.raw();
            continue;
        }
        buf[..dir.len()].copy_from_slice(dir);
        if !dir.is_empty() {
            buf[dir.len()] = b'/';
        }
        buf[dir_len..dir_len + name.len()].copy_from_slice(name);
        buf[dir_len + name.len()] = 0;
        // SAFETY: `buf` is a C string; the rest is the caller's.
        let e = raw(unsafe { crate::syscall!(__NR_execve, buf.as_ptr(), c.argv, c.envp) })
            .err()
            .unwrap_or(0);
        match Errno::from_raw(e) {
            Errno::EACCES => eacces = true,
            Errno::ENOENT | Errno::ENOTDIR | Errno::ENODEV | Errno::ETIMEDOUT | Errno::ESTALE => {}
            _ => return e,
        }
        last = e;
    }
    if eacces { Errno::EACCES.raw() } else { last }
}

/// The child (see the module notes). Never returns.
unsafe extern "C" fn child(arg: *mut u8) -> ! {
    // SAFETY: the parent passed its `Child`, alive while it is suspended.
    let c = unsafe { &*arg.cast::<Child>() };
    // SAFETY: null or the caller's initialised attributes.
    let attr = unsafe { c.attr.as_ref() };
    let flags = attr.map_or(0, |a| a.flags);
    for sig in 1..NSIG {
        if sig == g::SIGKILL as c_int || sig == g::SIGSTOP as c_int {
            continue;
        }
        let to_default = flags & SETSIGDEF != 0
            && attr.is_some_and(|a| a.sigdefault.contains(sig).unwrap_or(false));
        let mut now = SigAction::default_action();
        // SAFETY: only reads the action.
        let got = unsafe { signal::sigaction_internal(sig, None, Some(&mut now)) };
        let caught = got.is_ok() && now.handler != SIG_DFL && now.handler != SIG_IGN;
        if to_default || caught {
            let _ = signal::set_default(sig);
        }
    }
    let mut r = match attr {
        // SAFETY: the caller's attributes.
        Some(a) => unsafe { attributes(a) },
        None => Ok(()),
    };
    if r.is_ok() {
        // SAFETY: the caller's file actions.
        r = unsafe { file_actions(c.fa, &c.pipe) };
    }
    let e = match r {
        Ok(()) => {
            let mask = match attr {
                Some(a) if flags & SETSIGMASK != 0 => a.sigmask,
                _ => c.mask,
            };
            let _ = rt_sigprocmask(g::SIG_SETMASK as c_int, Some(&mask), None);
            // SAFETY: the caller's arguments.
            unsafe { exec(c) }
        }
        Err(e) => e,
    };
    let e = if e == 0 { Errno::ENOEXEC.raw() } else { e };
    // SAFETY: four bytes from a local to our pipe end.
    unsafe {
        crate::syscall!(
            __NR_write,
            c.pipe.load(Ordering::Relaxed),
            (&raw const e).cast::<u8>(),
            size_of::<c_int>()
        )
    };
    crate::syscall::process::exit_group(127)
}

/// The spawn itself: the child's pid, or the error number.
///
/// # Safety
/// As for posix_spawn.
pub(super) unsafe fn spawn(
    path: *const c_char,
    fa: *const FileActions,
    attr: *const Attr,
    argv: *const *const c_char,
    envp: *const *const c_char,
    search: bool,
) -> Result<c_int, c_int> {
    let mut c = Child {
        path,
        fa,
        attr,
        argv,
        envp,
        search,
        mask: Sigset::empty(),
        pipe: AtomicI32::new(-1),
    };
    let mut fds = [0 as c_int; 2];
    // SAFETY: room for two descriptors.
    raw(unsafe { crate::syscall!(__NR_pipe2, fds.as_mut_ptr(), g::O_CLOEXEC) })?;
    c.pipe.store(fds[1], Ordering::Relaxed);
    // The child's stack: 16-byte aligned words, in this (suspended) frame.
    let mut stack = [0u128; 1024];
    let top = stack.as_mut_ptr_range().end.cast::<u8>();
    let _ = rt_sigprocmask(
        g::SIG_SETMASK as c_int,
        Some(&Sigset::all_including_reserved()),
        Some(&mut c.mask),
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
    let _ = rt_sigprocmask(g::SIG_SETMASK as c_int, Some(&c.mask), None);
    core::hint::black_box(&mut stack);
    // SAFETY: our own pipe ends.
    unsafe { crate::syscall!(__NR_close, fds[1]) };
    if pid < 0 {
        // SAFETY: as above.
        unsafe { crate::syscall!(__NR_close, fds[0]) };
        return Err(-pid as c_int);
    }
    let mut e: c_int = 0;
    loop {
        // SAFETY: reads at most one int into a local.
        let r = unsafe {
            crate::syscall!(
                __NR_read,
                fds[0],
                (&raw mut e).cast::<u8>(),
                size_of::<c_int>()
            )
        };
        if r != (-(Errno::EINTR.raw() as isize)) as usize {
            if r != size_of::<c_int>() {
                e = 0;
            }
            break;
        }
    }
    // SAFETY: our own pipe end.
    unsafe { crate::syscall!(__NR_close, fds[0]) };
    if e != 0 {
        let mut status = 0;
        // SAFETY: reaps our own child, which has exited, into a local.
        unsafe { crate::syscall!(__NR_wait4, pid as c_int, &raw mut status, 0, 0usize) };
        return Err(e);
    }
    Ok(pid as c_int)
}

/// posix_spawn(3): runs `path` in a new child process after the file
/// actions `fa` and attributes `attr` (either may be NULL); its pid into
/// `pid` (if not NULL). 0, or the error number, exec's failure included
/// (no child is left then).
///
/// # Safety
/// `path` a C string, `argv` and `envp` NULL-terminated arrays of them,
/// `fa` and `attr` NULL or initialised, `pid` NULL or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawn(
    pid: *mut c_int,
    path: *const c_char,
    fa: *const FileActions,
    attr: *const Attr,
    argv: *const *const c_char,
    envp: *const *const c_char,
) -> c_int {
    // SAFETY: as the caller promises.
    match unsafe { spawn(path, fa, attr, argv, envp, false) } {
        Ok(p) => {
            if !pid.is_null() {
                // SAFETY: as the caller promises.
                unsafe { *pid = p };
            }
            0
        }
        Err(e) => e,
    }
}

/// posix_spawnp(3): `posix_spawn` with `file` looked up along `PATH` as
/// `execvp` does (a name with a slash is used as is).
///
/// # Safety
/// As for `posix_spawn`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_spawnp(
    pid: *mut c_int,
    file: *const c_char,
    fa: *const FileActions,
    attr: *const Attr,
    argv: *const *const c_char,
    envp: *const *const c_char,
) -> c_int {
    // SAFETY: as the caller promises.
    match unsafe { spawn(file, fa, attr, argv, envp, true) } {
        Ok(p) => {
            if !pid.is_null() {
                // SAFETY: as the caller promises.
                unsafe { *pid = p };
            }
            0
        }
        Err(e) => e,
    }
}
