//! popen(3) and pclose(3), on `posix_spawn`.
//!
//! Each open pipe stream is kept in a list with its child's pid, for
//! `pclose`, and so that every later child closes the pipes of the
//! earlier ones (POSIX): a close action per listed descriptor.

use super::spawn::{self, FileActions};
use crate::errno::Errno;
use crate::stdio::FILE;
use crate::thread::futex::Lock;
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int};
use linux_raw_sys::general as g;

/// One open pipe stream.
struct Entry {
    next: *mut Entry,
    file: *mut FILE,
    fd: c_int,
    pid: c_int,
}

/// The open pipe streams, newest first.
struct List {
    lock: Lock,
    head: UnsafeCell<*mut Entry>,
}

// SAFETY: `head` and the entries are only touched under `lock`.
unsafe impl Sync for List {}

static LIST: List = List {
    lock: Lock::new(),
    head: UnsafeCell::new(core::ptr::null_mut()),
};

/// popen(3): runs `/bin/sh -c cmd` with its standard output (`mode` "r")
/// or input ("w") a pipe to the returned stream; "e" after the letter
/// makes the caller's end close-on-exec. NULL with `errno` (`EINVAL` for a
/// bad mode) on failure.
///
/// # Safety
/// `cmd` and `mode` are C strings.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn popen(cmd: *const c_char, mode: *const c_char) -> *mut FILE {
    // SAFETY: a C string.
    let m = unsafe { core::slice::from_raw_parts(mode.cast::<u8>(), super::exec::c_len(mode)) };
    let read = match m.first() {
        Some(b'r') => true,
        Some(b'w') => false,
        _ => {
            Errno::EINVAL.set_last();
            return core::ptr::null_mut();
        }
    };
    let cloexec = m[1..].contains(&b'e');
    let mut fds = [0 as c_int; 2];
    // SAFETY: room for two descriptors.
    let r = unsafe { crate::syscall!(__NR_pipe2, fds.as_mut_ptr(), g::O_CLOEXEC) };
    if let Err(e) = crate::syscall::ret(r) {
        e.set_last();
        return core::ptr::null_mut();
    }
    let (mine, theirs, target) = if read {
        (fds[0], fds[1], 1)
    } else {
        (fds[1], fds[0], 0)
    };
    let close_both = || {
        let _ = crate::syscall::fd::close(crate::syscall::fd::Fd(fds[0]));
        let _ = crate::syscall::fd::close(crate::syscall::fd::Fd(fds[1]));
    };
    let e = crate::malloc::malloc(size_of::<Entry>()).cast::<Entry>();
    if e.is_null() {
        close_both();
        Errno::ENOMEM.set_last();
        return core::ptr::null_mut();
    }
    let mut fa = core::mem::MaybeUninit::<FileActions>::uninit();
    let fa = fa.as_mut_ptr();
    let dash_c = b"-c\0";
    let sh = b"/bin/sh\0";
    let argv: [*const c_char; 4] = [
        sh[5..].as_ptr().cast(),
        dash_c.as_ptr().cast(),
        cmd,
        core::ptr::null(),
    ];
    LIST.lock.lock();
    // SAFETY: `fa` is initialised first and destroyed last; the list is
    // ours under the lock; the strings are C strings.
    let spawned = unsafe {
        spawn::posix_spawn_file_actions_init(fa);
        // dup2 onto itself clears close-on-exec when the pipe end already
        // has the target number.
        let mut err = spawn::posix_spawn_file_actions_adddup2(fa, theirs, target);
        let mut p = *LIST.head.get();
        while err == 0 && !p.is_null() {
            err = spawn::posix_spawn_file_actions_addclose(fa, (*p).fd);
            p = (*p).next;
        }
        let r = if err != 0 {
            Err(err)
        } else {
            spawn::spawn(
                sh.as_ptr().cast(),
                fa,
                core::ptr::null(),
                argv.as_ptr(),
                super::exec::environ(),
                false,
            )
        };
        spawn::posix_spawn_file_actions_destroy(fa);
        r
    };
    let pid = match spawned {
        Ok(pid) => pid,
        Err(err) => {
            LIST.lock.unlock();
            close_both();
            // SAFETY: allocated above, unused.
            unsafe { crate::malloc::free(e.cast()) };
            Errno::from_raw(err).set_last();
            return core::ptr::null_mut();
        }
    };
    let _ = crate::syscall::fd::close(crate::syscall::fd::Fd(theirs));
    if !cloexec {
        let _ = crate::syscall::fd::fcntl(crate::syscall::fd::Fd(mine), g::F_SETFD as c_int, 0);
    }
    let fmode: &[u8] = if read { b"r\0" } else { b"w\0" };
    // SAFETY: an open descriptor and a C string mode.
    let f = unsafe { crate::stdio::open::fdopen(mine, fmode.as_ptr().cast()) };
    if f.is_null() {
        LIST.lock.unlock();
        let saved = Errno::last();
        let _ = crate::syscall::fd::close(crate::syscall::fd::Fd(mine));
        let mut status = 0;
        // SAFETY: reaps our own child (its pipe is gone: it ends soon).
        unsafe { crate::syscall!(__NR_wait4, pid, &raw mut status, 0, 0usize) };
        // SAFETY: allocated above, unused.
        unsafe { crate::malloc::free(e.cast()) };
        saved.set_last();
        return core::ptr::null_mut();
    }
    // SAFETY: a fresh entry, linked in under the lock.
    unsafe {
        e.write(Entry {
            next: *LIST.head.get(),
            file: f,
            fd: mine,
            pid,
        });
        *LIST.head.get() = e;
    }
    LIST.lock.unlock();
    f
}

/// pclose(3): closes a stream from `popen` and waits for its child; the
/// child's wait status, or -1 (`ECHILD` for a stream not from `popen`).
/// A cancellation point (the wait).
///
/// # Safety
/// `f` must be a stream from `popen`, not yet closed.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pclose(f: *mut FILE) -> c_int {
    LIST.lock.lock();
    // SAFETY: the list is ours under the lock.
    let found = unsafe {
        let mut link: *mut *mut Entry = LIST.head.get();
        loop {
            let p = *link;
            if p.is_null() {
                break None;
            }
            if (*p).file == f {
                *link = (*p).next;
                let pid = (*p).pid;
                crate::malloc::free(p.cast());
                break Some(pid);
            }
            link = &raw mut (*p).next;
        }
    };
    LIST.lock.unlock();
    let Some(pid) = found else {
        Errno::ECHILD.set_last();
        return -1;
    };
    // SAFETY: a stream popen opened.
    unsafe { crate::stdio::open::fclose(f) };
    let mut status: c_int = 0;
    loop {
        // SAFETY: waits for our own child into a local.
        let r = unsafe { super::wait::waitpid(pid, &raw mut status, 0) };
        if r != -1 {
            return status;
        }
        if Errno::last() != Errno::EINTR {
            return -1;
        }
    }
}
