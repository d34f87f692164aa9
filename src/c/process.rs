//! Processes: `fork`, `_Fork`, `vfork`, `pthread_atfork`; user and group
//! ids, process groups and sessions; `nice` and priorities; `times`,
//! `alarm`, `pause`.
//!
//! `fork` in a process with threads: the `pthread_atfork` prepare handlers
//! run (newest first), then the environment lock, the stream-list lock and
//! every allocator lock are taken, so that no other thread is halfway
//! through changing what they guard; the child (one thread, a new tid)
//! releases them and frees every stream lock another thread held, then
//! the child handlers run (oldest first), as the parent's do in the parent.
//!
//! The set*id functions change every thread's credentials, as POSIX says:
//! Linux keeps them per thread, so `crate::thread::setxid` runs the same
//! call in each thread before returning.

use super::{ret_cp, ret_int, ret_zero};
use crate::errno::Errno;
use crate::syscall::signal::{Sigset, rt_sigprocmask};
use crate::syscall::{ret, ret_unit};
use crate::thread::futex::Lock;
use core::ffi::{c_int, c_long, c_uint};
use core::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use linux_raw_sys::general as g;

/// How many `pthread_atfork` registrations fit.
const ATFORK_MAX: usize = 64;

/// One `pthread_atfork` table: prepare, parent and child handlers, each
/// null or an `extern "C" fn()`.
struct Atfork {
    slots: [[AtomicPtr<()>; 3]; ATFORK_MAX],
    count: AtomicUsize,
    lock: Lock,
}

static ATFORK: Atfork = Atfork {
    slots: [const { [const { AtomicPtr::new(core::ptr::null_mut()) }; 3] }; ATFORK_MAX],
    count: AtomicUsize::new(0),
    lock: Lock::new(),
};

/// Which handlers to run: the index in a slot.
const PREPARE: usize = 0;
const PARENT: usize = 1;
const CHILD: usize = 2;

/// Runs the registered handlers of kind `which`: prepare newest first,
/// parent and child oldest first (POSIX).
fn run_atfork(which: usize) {
    let n = ATFORK.count.load(Ordering::Acquire);
    for i in 0..n {
        let i = if which == PREPARE { n - 1 - i } else { i };
        let f = ATFORK.slots[i][which].load(Ordering::Acquire);
        if !f.is_null() {
            // SAFETY: only `pthread_atfork` stores here, an `extern "C" fn()`.
            unsafe { core::mem::transmute::<*mut (), extern "C" fn()>(f)() };
        }
    }
}

/// pthread_atfork(3): registers handlers run around `fork`: `prepare`
/// before it (newest registration first), `parent` and `child` after it
/// in the parent and the child (oldest first). Any may be NULL. `ENOMEM`
/// once 64 registrations exist.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pthread_atfork(
    prepare: Option<extern "C" fn()>,
    parent: Option<extern "C" fn()>,
    child: Option<extern "C" fn()>,
) -> c_int {
    ATFORK.lock.lock();
    let n = ATFORK.count.load(Ordering::Relaxed);
    let r = if n == ATFORK_MAX {
        Errno::ENOMEM.raw()
    } else {
        for (k, f) in [prepare, parent, child].into_iter().enumerate() {
            let p = f.map_or(core::ptr::null_mut(), |f| f as *mut ());
            ATFORK.slots[n][k].store(p, Ordering::Release);
        }
        ATFORK.count.store(n + 1, Ordering::Release);
        0
    };
    ATFORK.lock.unlock();
    r
}

/// The raw fork with every signal blocked around it (no handler of the
/// caller's may run in the child before its state is fixed); `locks` says
/// whether to hold muslin's locks across it. The child is set up as the
/// only thread. Raw result: pid, 0 in the child, or `-errno`.
fn fork_raw(locks: bool) -> usize {
    let mut mask = Sigset::empty();
    let _ = rt_sigprocmask(
        g::SIG_BLOCK as c_int,
        Some(&Sigset::all_including_reserved()),
        Some(&mut mask),
    );
    if locks {
        super::env::fork_lock(true);
        crate::stdio::file::fork_list_lock(true);
        crate::malloc::fork_locks(true);
    }
    // SAFETY: the child fixes its thread state first thing.
    let r = unsafe { crate::arch::clone::fork() };
    if r == 0 {
        crate::thread::fork_child();
    }
    if locks {
        crate::malloc::fork_locks(false);
        crate::stdio::file::fork_list_lock(false);
        if r == 0 {
            crate::stdio::file::fork_child();
        }
        super::env::fork_lock(false);
    }
    let _ = rt_sigprocmask(g::SIG_SETMASK as c_int, Some(&mask), None);
    r
}

/// fork(2): a child process, a copy of the caller with the calling thread
/// only. Also from a multithreaded process: the `pthread_atfork` handlers
/// run, and the child can use `malloc` and stdio (see the module notes).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fork() -> c_int {
    run_atfork(PREPARE);
    let r = fork_raw(crate::thread::threaded());
    run_atfork(if r == 0 { CHILD } else { PARENT });
    ret_int(ret(r).map(|v| v as c_int))
}

/// _Fork(3) (POSIX 2024): fork without `pthread_atfork` handlers or
/// locking, async-signal-safe. In the child of a multithreaded parent
/// only async-signal-safe functions may be called.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn _Fork() -> c_int {
    ret_int(ret(fork_raw(false)).map(|v| v as c_int))
}

/// vfork(2), with the semantics of `fork` (which POSIX allows: a vfork
/// child may do less, never more). A real `CLONE_VFORK` child would share
/// the caller's stack frame, which a function written in Rust cannot
/// return into safely; `posix_spawn` gives that speed instead.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn vfork() -> c_int {
    fork()
}

/// A raw result as a C `int` return: the value, or -1 with `errno`.
fn c_raw(r: usize) -> c_int {
    ret_int(ret(r).map(|v| v as c_int))
}

/// The id system calls: the 32-bit-id variants on i386 and arm, whose
/// plain ones take 16-bit ids.
#[cfg(target_pointer_width = "64")]
pub(super) mod nr {
    pub use linux_raw_sys::general::{
        __NR_getegid as GETEGID, __NR_geteuid as GETEUID, __NR_getgid as GETGID,
        __NR_getgroups as GETGROUPS, __NR_getuid as GETUID, __NR_setgid as SETGID,
        __NR_setgroups as SETGROUPS, __NR_setregid as SETREGID, __NR_setresgid as SETRESGID,
        __NR_setresuid as SETRESUID, __NR_setreuid as SETREUID, __NR_setuid as SETUID,
    };
}
#[cfg(target_pointer_width = "32")]
pub(super) mod nr {
    pub use linux_raw_sys::general::{
        __NR_getegid32 as GETEGID, __NR_geteuid32 as GETEUID, __NR_getgid32 as GETGID,
        __NR_getgroups32 as GETGROUPS, __NR_getuid32 as GETUID, __NR_setgid32 as SETGID,
        __NR_setgroups32 as SETGROUPS, __NR_setregid32 as SETREGID, __NR_setresgid32 as SETRESGID,
        __NR_setresuid32 as SETRESUID, __NR_setreuid32 as SETREUID, __NR_setuid32 as SETUID,
    };
}

/// A system call by number with up to three word arguments.
pub(super) fn sys3(n: u32, a: usize, b: usize, c: usize) -> usize {
    // SAFETY: callers pass only id-setting and id-reading calls whose
    // pointer arguments (if any) they vouch for.
    unsafe { crate::syscall::raw::syscall3(n as usize, a, b, c) }
}

/// An id-setting call, run in every thread, as a C return.
fn set_ids(n: u32, a: usize, b: usize, c: usize) -> c_int {
    c_raw(crate::thread::setxid::set_ids(n as usize, a, b, c))
}

/// getuid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getuid() -> c_uint {
    sys3(nr::GETUID, 0, 0, 0) as c_uint
}

/// geteuid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn geteuid() -> c_uint {
    sys3(nr::GETEUID, 0, 0, 0) as c_uint
}

/// getgid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getgid() -> c_uint {
    sys3(nr::GETGID, 0, 0, 0) as c_uint
}

/// getegid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getegid() -> c_uint {
    sys3(nr::GETEGID, 0, 0, 0) as c_uint
}

/// setuid(2); every thread's (`crate::thread::setxid`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setuid(uid: c_uint) -> c_int {
    set_ids(nr::SETUID, uid as usize, 0, 0)
}

/// setgid(2); every thread's.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setgid(gid: c_uint) -> c_int {
    set_ids(nr::SETGID, gid as usize, 0, 0)
}

/// seteuid(3): setresuid(-1, uid, -1); every thread's.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn seteuid(uid: c_uint) -> c_int {
    set_ids(nr::SETRESUID, usize::MAX, uid as usize, usize::MAX)
}

/// setegid(3): setresgid(-1, gid, -1); every thread's.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setegid(gid: c_uint) -> c_int {
    set_ids(nr::SETRESGID, usize::MAX, gid as usize, usize::MAX)
}

/// setreuid(2); every thread's.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setreuid(ruid: c_uint, euid: c_uint) -> c_int {
    set_ids(nr::SETREUID, ruid as usize, euid as usize, 0)
}

/// setregid(2); every thread's.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setregid(rgid: c_uint, egid: c_uint) -> c_int {
    set_ids(nr::SETREGID, rgid as usize, egid as usize, 0)
}

/// getgroups(2): the supplementary groups into `list` (`size` entries; 0
/// asks for the count). `EINVAL` when they do not fit.
///
/// # Safety
/// `list` must have room for `size` ids.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getgroups(size: c_int, list: *mut c_uint) -> c_int {
    c_raw(sys3(nr::GETGROUPS, size as usize, list as usize, 0))
}

/// setgroups(2); every thread's.
///
/// # Safety
/// `list` must hold `size` ids.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn setgroups(size: usize, list: *const c_uint) -> c_int {
    set_ids(nr::SETGROUPS, size, list as usize, 0)
}

/// getpgid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getpgid(pid: c_int) -> c_int {
    // SAFETY: no memory is touched.
    c_raw(unsafe { crate::syscall!(__NR_getpgid, pid) })
}

/// getpgrp(2): the caller's process group.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getpgrp() -> c_int {
    getpgid(0)
}

/// setpgid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setpgid(pid: c_int, pgid: c_int) -> c_int {
    // SAFETY: no memory is touched.
    c_raw(unsafe { crate::syscall!(__NR_setpgid, pid, pgid) })
}

/// setsid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setsid() -> c_int {
    // SAFETY: no memory is touched.
    c_raw(unsafe { crate::syscall!(__NR_setsid) })
}

/// getsid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getsid(pid: c_int) -> c_int {
    // SAFETY: no memory is touched.
    c_raw(unsafe { crate::syscall!(__NR_getsid, pid) })
}

/// getpriority(2): the nice value (-20..19) of a process, process group or
/// user (`PRIO_PROCESS`, `PRIO_PGRP`, `PRIO_USER`). -1 is also a valid
/// result: clear `errno` first to tell.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getpriority(which: c_int, who: c_uint) -> c_int {
    // SAFETY: no memory is touched.
    let r = unsafe { crate::syscall!(__NR_getpriority, which, who) };
    // The kernel returns 20 - nice, in 1..=40, to stay clear of errors.
    ret_int(ret(r).map(|v| 20 - v as c_int))
}

/// setpriority(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setpriority(which: c_int, who: c_uint, prio: c_int) -> c_int {
    // SAFETY: no memory is touched.
    ret_zero(ret_unit(unsafe {
        crate::syscall!(__NR_setpriority, which, who, prio)
    }))
}

/// nice(3): adds `inc` to the calling process's nice value; the new value
/// (which may be -1), or -1 with `errno` (`EPERM` to lower it without the
/// privilege).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nice(inc: c_int) -> c_int {
    let saved = Errno::last();
    Errno::from_raw(0).set_last();
    let now = getpriority(g::PRIO_PROCESS as c_int, 0);
    if now == -1 && Errno::last().raw() != 0 {
        return -1;
    }
    saved.set_last();
    let new = now.saturating_add(inc).clamp(-20, 19);
    // SAFETY: no memory is touched.
    let r = unsafe { crate::syscall!(__NR_setpriority, g::PRIO_PROCESS, 0, new) };
    match ret_unit(r) {
        Ok(()) => new,
        Err(e) => {
            if e == Errno::EACCES { Errno::EPERM } else { e }.set_last();
            -1
        }
    }
}

/// C's `struct tms`: four `clock_t` (`long`).
#[repr(C)]
pub struct Tms {
    utime: c_long,
    stime: c_long,
    cutime: c_long,
    cstime: c_long,
}

/// times(2): the CPU times of the process and its waited-for children, in
/// clock ticks, and the ticks since an arbitrary point.
///
/// # Safety
/// `buf` must be writable (`EFAULT` from the kernel otherwise).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn times(buf: *mut Tms) -> c_long {
    // SAFETY: the kernel writes one `struct tms` of longs, which is Tms.
    let r = unsafe { crate::syscall!(__NR_times, buf) };
    // Any value but -EFAULT is a tick count (it may look negative).
    if r == (-(Errno::EFAULT.raw() as isize)) as usize {
        Errno::EFAULT.set_last();
        return -1;
    }
    r as c_long
}

/// The kernel's `struct itimerval` in `long`s (`setitimer` keeps the old
/// layout on 32-bit arches too).
#[repr(C)]
#[derive(Default)]
struct KItimerval {
    interval_sec: c_long,
    interval_usec: c_long,
    value_sec: c_long,
    value_usec: c_long,
}

/// alarm(2): `SIGALRM` after `seconds` (0 cancels); the seconds left on
/// the previous alarm, rounded up. Through `setitimer(ITIMER_REAL)`, which
/// every arch has.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn alarm(seconds: c_uint) -> c_uint {
    let new = KItimerval {
        value_sec: seconds.min(c_long::MAX as c_uint) as c_long,
        ..KItimerval::default()
    };
    let mut old = KItimerval::default();
    // SAFETY: both point at live itimervals.
    unsafe { crate::syscall!(__NR_setitimer, g::ITIMER_REAL, &raw const new, &raw mut old) };
    (old.value_sec + (old.value_usec != 0) as c_long) as c_uint
}

/// pause(2): waits for a signal whose handler returns (then -1 with
/// `EINTR`). A cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pause() -> c_int {
    // ppoll with no descriptors, no timeout and no mask change: waits for
    // a signal on every arch (some have no pause(2)).
    // SAFETY: no memory is touched.
    let r = unsafe { crate::syscall_cp!(__NR_ppoll, 0usize, 0usize, 0usize, 0usize, 0usize) };
    ret_cp(r) as c_int
}
