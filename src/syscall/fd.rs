//! File descriptors and the calls that move bytes through them.
//!
//! `read`, `write`, `readv`, `writev`, `open`/`openat`, `close` and
//! `fcntl(F_SETLKW)` are cancellation points: in a thread whose cancellation
//! was requested they return `Err(Errno::ECANCELED)` without taking effect.

use super::{Result, SyscallArg, ret, ret_unit};
use crate::{syscall, syscall_cp};
use core::ffi::{CStr, c_int};

/// A file descriptor number, borrowed: dropping it closes nothing.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Fd(pub c_int);

/// Standard input.
pub const STDIN: Fd = Fd(0);
/// Standard output.
pub const STDOUT: Fd = Fd(1);
/// Standard error.
pub const STDERR: Fd = Fd(2);

/// A file descriptor that is closed when dropped.
#[derive(Debug)]
pub struct OwnedFd(Fd);

impl OwnedFd {
    /// Takes ownership of `fd`.
    pub fn new(fd: Fd) -> OwnedFd {
        OwnedFd(fd)
    }
    /// The descriptor, borrowed.
    pub fn fd(&self) -> Fd {
        self.0
    }
    /// Gives up ownership without closing.
    pub fn into_raw(self) -> Fd {
        let fd = self.0;
        core::mem::forget(self);
        fd
    }
}

impl Drop for OwnedFd {
    /// Closes the descriptor. Unlike [`close`] this is not a cancellation
    /// point: a destructor runs while a cancelled thread unwinds, when every
    /// cancellation point fails with `ECANCELED` before making its call, and
    /// a cancellable close would then leak the descriptor. Linux releases
    /// the number even when close reports an error, so there is nothing to
    /// retry.
    fn drop(&mut self) {
        // SAFETY: closing a number this value owns affects no memory.
        let _ = unsafe { syscall!(__NR_close, self.0.0) };
    }
}

/// An `iovec` for [`readv`]/[`writev`]: the kernel's layout.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct IoVec {
    /// Start of the buffer.
    pub base: *mut u8,
    /// Its length in bytes.
    pub len: usize,
}

/// Reads into `buf`; returns how many bytes were read (0 at end of file).
pub fn read(fd: Fd, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: the kernel writes at most buf.len() bytes into buf.
    unsafe { read_raw(fd, buf.as_mut_ptr(), buf.len()) }
}

/// `read` on a raw buffer, for the C ABI: a bad pointer gives `EFAULT`.
///
/// # Safety
/// `buf..buf+len` must not be memory Rust code holds references into.
pub unsafe fn read_raw(fd: Fd, buf: *mut u8, len: usize) -> Result<usize> {
    // SAFETY: the caller vouches for the buffer; the kernel checks it.
    ret(unsafe { syscall_cp!(__NR_read, fd.0, buf, len) })
}

/// Writes from `buf`; returns how many bytes were written.
pub fn write(fd: Fd, buf: &[u8]) -> Result<usize> {
    // SAFETY: the kernel only reads buf.
    unsafe { write_raw(fd, buf.as_ptr(), buf.len()) }
}

/// `write` on a raw buffer, for the C ABI: a bad pointer gives `EFAULT`.
///
/// # Safety
/// The kernel validates the buffer; the caller must only pass what C passed.
pub unsafe fn write_raw(fd: Fd, buf: *const u8, len: usize) -> Result<usize> {
    // SAFETY: the kernel only reads from buf and checks it.
    ret(unsafe { syscall_cp!(__NR_write, fd.0, buf, len) })
}

/// Writes all of `buf`, retrying after short writes and `EINTR`.
pub fn write_all(fd: Fd, mut buf: &[u8]) -> Result<()> {
    while !buf.is_empty() {
        match write(fd, buf) {
            // The kernel never reports more than it was given; `get` keeps
            // the compiler from linking a bounds-check panic regardless.
            Ok(n) => buf = buf.get(n..).unwrap_or_default(),
            Err(e) if e == super::Errno::EINTR => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Scatter read.
///
/// # Safety
/// Each `IoVec` must describe writable memory or be rejected by the kernel.
pub unsafe fn readv(fd: Fd, iov: *const IoVec, count: c_int) -> Result<usize> {
    // SAFETY: the kernel validates every iovec.
    ret(unsafe { syscall_cp!(__NR_readv, fd.0, iov, count) })
}

/// Gather write.
///
/// # Safety
/// Each `IoVec` must describe readable memory or be rejected by the kernel.
pub unsafe fn writev(fd: Fd, iov: *const IoVec, count: c_int) -> Result<usize> {
    // SAFETY: the kernel validates every iovec.
    ret(unsafe { syscall_cp!(__NR_writev, fd.0, iov, count) })
}

/// `O_RDONLY`.
pub const O_RDONLY: c_int = linux_raw_sys::general::O_RDONLY as c_int;
/// `O_WRONLY`.
pub const O_WRONLY: c_int = linux_raw_sys::general::O_WRONLY as c_int;
/// `O_RDWR`.
pub const O_RDWR: c_int = linux_raw_sys::general::O_RDWR as c_int;
/// `O_CREAT`.
pub const O_CREAT: c_int = linux_raw_sys::general::O_CREAT as c_int;
/// `O_TRUNC`.
pub const O_TRUNC: c_int = linux_raw_sys::general::O_TRUNC as c_int;
/// `O_CLOEXEC`.
pub const O_CLOEXEC: c_int = linux_raw_sys::general::O_CLOEXEC as c_int;

/// `AT_FDCWD`: resolve relative paths against the working directory.
pub const AT_FDCWD: Fd = Fd(linux_raw_sys::general::AT_FDCWD);

/// Opens `path` relative to `dir` with `O_*` `flags` and creation `mode`.
pub fn openat(dir: Fd, path: &CStr, flags: c_int, mode: u32) -> Result<OwnedFd> {
    // SAFETY: path is NUL-terminated.
    unsafe { openat_raw(dir, path.as_ptr().cast(), flags, mode) }.map(OwnedFd::new)
}

/// Opens `path` relative to the working directory.
pub fn open(path: &CStr, flags: c_int, mode: u32) -> Result<OwnedFd> {
    openat(AT_FDCWD, path, flags, mode)
}

/// `openat` on a raw path pointer, for the C ABI (bad pointer: `EFAULT`).
///
/// # Safety
/// `path` is handed to the kernel, which validates it.
pub unsafe fn openat_raw(dir: Fd, path: *const u8, flags: c_int, mode: u32) -> Result<Fd> {
    // O_LARGEFILE: 64-bit offsets on 32-bit arches; a no-op on 64-bit ones.
    let flags = flags | linux_raw_sys::general::O_LARGEFILE as c_int;
    // SAFETY: the kernel validates the path.
    ret(unsafe { syscall_cp!(__NR_openat, dir.0, path, flags, mode) }).map(|fd| Fd(fd as c_int))
}

/// Closes `fd`. `EINTR` is success: on Linux the descriptor is gone either way.
pub fn close(fd: Fd) -> Result<()> {
    // SAFETY: closing a number affects no memory.
    match ret_unit(unsafe { syscall_cp!(__NR_close, fd.0) }) {
        Err(e) if e == super::Errno::EINTR => Ok(()),
        r => r,
    }
}

/// Moves the file offset; returns the new offset.
pub fn lseek(fd: Fd, offset: i64, whence: c_int) -> Result<i64> {
    #[cfg(target_pointer_width = "64")]
    {
        // SAFETY: no memory is involved.
        ret(unsafe { syscall!(__NR_lseek, fd.0, offset, whence) }).map(|r| r as i64)
    }
    #[cfg(target_pointer_width = "32")]
    {
        let mut result: i64 = 0;
        // SAFETY: _llseek writes the 64-bit result into `result`.
        ret(unsafe {
            syscall!(
                __NR__llseek,
                fd.0,
                (offset >> 32) as u32,
                offset as u32,
                &mut result as *mut i64,
                whence
            )
        })
        .map(|_| result)
    }
}

/// Creates a pipe with `O_*` flags (`O_CLOEXEC`, `O_NONBLOCK`): (read end, write end).
pub fn pipe2(flags: c_int) -> Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as c_int; 2];
    // SAFETY: the kernel writes two ints into fds.
    unsafe { pipe2_raw(fds.as_mut_ptr(), flags) }?;
    Ok((OwnedFd::new(Fd(fds[0])), OwnedFd::new(Fd(fds[1]))))
}

/// `pipe2` on a raw pointer, for the C ABI.
///
/// # Safety
/// The kernel validates `fds`.
pub unsafe fn pipe2_raw(fds: *mut c_int, flags: c_int) -> Result<()> {
    // SAFETY: the kernel validates the pointer.
    ret_unit(unsafe { syscall!(__NR_pipe2, fds, flags) })
}

/// Duplicates `fd` onto the lowest free number.
pub fn dup(fd: Fd) -> Result<Fd> {
    // SAFETY: no memory is involved.
    ret(unsafe { syscall!(__NR_dup, fd.0) }).map(|r| Fd(r as c_int))
}

/// Duplicates `old` onto `new`, closing `new` first; `dup2(fd, fd)` checks `fd`.
pub fn dup2(old: Fd, new: Fd) -> Result<Fd> {
    if old == new {
        // dup3 refuses equal numbers; dup2 must succeed iff `old` is open.
        return fcntl(old, linux_raw_sys::general::F_GETFD as c_int, 0).map(|_| old);
    }
    loop {
        // SAFETY: no memory is involved.
        match ret(unsafe { syscall!(__NR_dup3, old.0, new.0, 0) }) {
            // EBUSY: a racing open() on `new`; Linux asks us to retry.
            Err(e) if e == super::Errno::EBUSY => continue,
            r => return r.map(|r| Fd(r as c_int)),
        }
    }
}

/// `fcntl` with an integer argument (`F_GETFD`, `F_SETFL`, `F_DUPFD`, …).
pub fn fcntl(fd: Fd, cmd: c_int, arg: usize) -> Result<c_int> {
    // 32-bit arches need fcntl64 for the 64-bit lock structs.
    #[cfg(target_pointer_width = "64")]
    use linux_raw_sys::general::__NR_fcntl as NR;
    #[cfg(target_pointer_width = "32")]
    use linux_raw_sys::general::__NR_fcntl64 as NR;
    let (nr, (a, b, c)) = (NR as usize, (fd.0.into_arg(), cmd.into_arg(), arg));
    // SAFETY: the integer commands touch no memory; pointer ones are checked
    // by the kernel. Waiting for a lock (F_SETLKW) is a cancellation point.
    let r = unsafe {
        if cmd == linux_raw_sys::general::F_SETLKW as c_int {
            super::cancellable(nr, a, b, c, 0, 0, 0)
        } else {
            crate::arch::syscall::syscall3(nr, a, b, c)
        }
    };
    ret(r).map(|r| r as c_int)
}
