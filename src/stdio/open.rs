//! `fopen`, `fdopen`, `freopen`, `fclose`, `setvbuf`, `setbuf`.

use super::file::{
    BUFSIZ, F_APPEND, F_MODE_SET, F_OWNBUF, F_READ, F_STATIC, F_WRITE, FILE, Guard, IOFBF, IOLBF,
    IONBF, list_add, list_remove,
};
use crate::errno::{Errno, Result};
use crate::syscall;
use crate::syscall::ret;
use core::ffi::{c_char, c_int};
use linux_raw_sys::general::{
    F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_ACCMODE, O_APPEND, O_CLOEXEC, O_CREAT, O_EXCL,
    O_LARGEFILE, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY,
};

/// Parses an `fopen` mode into `open` flags and stream `F_*` flags.
///
/// # Safety
/// `mode` must be a NUL-terminated string.
pub(super) unsafe fn parse_mode(mode: *const c_char) -> Result<(c_int, u32)> {
    if mode.is_null() {
        return Err(Errno::EINVAL);
    }
    // SAFETY: the caller passes a C string.
    let m = unsafe { core::ffi::CStr::from_ptr(mode) }.to_bytes();
    let (mut oflags, mut flags) = match m.first() {
        Some(b'r') => (O_RDONLY, F_READ),
        Some(b'w') => (O_WRONLY | O_CREAT | O_TRUNC, F_WRITE),
        Some(b'a') => (O_WRONLY | O_CREAT | O_APPEND, F_WRITE | F_APPEND),
        _ => return Err(Errno::EINVAL),
    };
    for &c in &m[1..] {
        match c {
            b'+' => {
                oflags = (oflags & !(O_WRONLY | O_RDONLY)) | O_RDWR;
                flags |= F_READ | F_WRITE;
            }
            b'e' => oflags |= O_CLOEXEC,
            b'x' => oflags |= O_EXCL,
            _ => {}
        }
    }
    Ok((oflags as c_int, flags))
}

/// A new heap stream over `fd`, listed; null (ENOMEM) if malloc fails.
pub(super) fn new_stream(fd: c_int, flags: u32) -> *mut FILE {
    super::file::hook_buf_alloc();
    let p = crate::malloc::c_api::malloc(core::mem::size_of::<FILE>()) as *mut FILE;
    if p.is_null() {
        Errno::ENOMEM.set_last();
        return p;
    }
    // SAFETY: p is fresh memory, sized and aligned (16) for a FILE.
    unsafe { p.write(FILE::new(fd, flags, core::ptr::null_mut(), 0, IOFBF)) };
    list_add(p);
    p
}

/// fopen(3): modes r w a r+ w+ a+ with b, e (`O_CLOEXEC`), x (`O_EXCL`).
///
/// # Safety
/// `path` and `mode` must be NUL-terminated strings.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fopen(path: *const c_char, mode: *const c_char) -> *mut FILE {
    // SAFETY: the caller passes a C string.
    let (oflags, flags) = match unsafe { parse_mode(mode) } {
        Ok(m) => m,
        Err(e) => {
            e.set_last();
            return core::ptr::null_mut();
        }
    };
    let oflags = oflags | O_LARGEFILE as c_int;
    let at = linux_raw_sys::general::AT_FDCWD;
    // SAFETY: the kernel validates the path. Not a cancellation point.
    let fd = match ret(unsafe { syscall!(__NR_openat, at, path, oflags, 0o666) }) {
        Ok(fd) => fd as c_int,
        Err(e) => {
            e.set_last();
            return core::ptr::null_mut();
        }
    };
    let f = new_stream(fd, flags);
    if f.is_null() {
        // SAFETY: fd is ours and unused.
        let _ = unsafe { syscall!(__NR_close, fd) };
    }
    f
}

/// fdopen(3): a stream over an open descriptor; an `a` mode sets
/// `O_APPEND` on it.
///
/// # Safety
/// `mode` must be a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fdopen(fd: c_int, mode: *const c_char) -> *mut FILE {
    // SAFETY: the caller passes a C string.
    let (oflags, flags) = match unsafe { parse_mode(mode) } {
        Ok(m) => m,
        Err(e) => {
            e.set_last();
            return core::ptr::null_mut();
        }
    };
    // SAFETY: F_GETFL touches no memory.
    let cur = match ret(unsafe { syscall!(__NR_fcntl, fd, F_GETFL) }) {
        Ok(v) => v as c_int,
        Err(e) => {
            e.set_last();
            return core::ptr::null_mut();
        }
    };
    if oflags & O_APPEND as c_int != 0 && cur & O_APPEND as c_int == 0 {
        // SAFETY: F_SETFL touches no memory.
        let _ = unsafe { syscall!(__NR_fcntl, fd, F_SETFL, cur | O_APPEND as c_int) };
    }
    new_stream(fd, flags)
}

/// fclose(3): flushes, closes the descriptor and frees the stream (the
/// standard streams are only closed).
///
/// # Safety
/// `f` must be an open stream, not used afterwards.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fclose(f: *mut FILE) -> c_int {
    // SAFETY: the caller passes an open stream.
    let file = unsafe { &*f };
    let (ok, fd, flags, buf, ops, cookie) = {
        let g = Guard::new(file);
        let st = g.st();
        let ok = st.flags & F_WRITE == 0 || st.flush();
        let r = (ok, st.fd, st.flags, st.buf, st.ops, st.cookie);
        st.fd = -1;
        st.flags &= F_STATIC;
        st.rpos = 0;
        st.rend = 0;
        st.ungetn = 0;
        r
    };
    let closed = if ops.is_null() {
        // SAFETY: closing a number touches no memory; not a cancellation
        // point.
        ret(unsafe { syscall!(__NR_close, fd) })
    } else {
        // SAFETY: a memory stream's ops and cookie, used no more.
        unsafe { ((*ops).close)(cookie) }.map(|()| 0)
    };
    if flags & F_STATIC == 0 {
        list_remove(f);
        if flags & F_OWNBUF != 0 {
            // SAFETY: the buffer came from malloc and nothing uses it now.
            unsafe { crate::malloc::c_api::free(buf.cast()) };
        }
        // SAFETY: the stream came from malloc in new_stream and is gone.
        unsafe { crate::malloc::c_api::free(f.cast()) };
    }
    match closed {
        Err(e) if e != Errno::EINTR => {
            e.set_last();
            -1
        }
        _ if !ok => -1,
        _ => 0,
    }
}

/// setvbuf(3): `_IOFBF`, `_IOLBF` or `_IONBF`; with `buf` null (and a
/// buffered mode) stdio allocates the buffer. Pending output is flushed.
///
/// # Safety
/// `f` must be an open stream; `buf`, if not null, `size` writable bytes
/// that outlive the stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn setvbuf(
    f: *mut FILE,
    buf: *mut c_char,
    mode: c_int,
    size: usize,
) -> c_int {
    if !matches!(mode, IOFBF | IOLBF | IONBF) {
        Errno::EINVAL.set_last();
        return -1;
    }
    super::file::hook_buf_alloc();
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    let st = g.st();
    if !st.flush() {
        return -1;
    }
    if st.rend != 0 || st.ungetn != 0 {
        // Data read ahead lives in the buffer: keep the buffer.
        st.mode = mode;
        st.flags |= F_MODE_SET;
        return 0;
    }
    let own = mode == IONBF || (!buf.is_null() && size > 0);
    if own || st.buf.is_null() {
        if st.flags & F_OWNBUF != 0 {
            // SAFETY: our malloc'd buffer, holding no data.
            unsafe { crate::malloc::c_api::free(st.buf.cast()) };
            st.flags &= !F_OWNBUF;
        }
        st.buf = core::ptr::null_mut();
        st.cap = 0;
        if mode != IONBF && !buf.is_null() && size > 0 {
            st.buf = buf.cast::<u8>();
            st.cap = size;
        }
    }
    st.mode = mode;
    st.flags |= F_MODE_SET;
    0
}

/// setbuf(3): `setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ)`.
///
/// # Safety
/// As for [`setvbuf`], with `BUFSIZ` bytes at `buf`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn setbuf(f: *mut FILE, buf: *mut c_char) {
    let mode = if buf.is_null() { IONBF } else { IOFBF };
    // SAFETY: forwarded from the caller.
    unsafe { setvbuf(f, buf, mode, BUFSIZ) };
}

/// freopen(3): reopens the stream `f` on `path` with `mode`, keeping the
/// `FILE` (and, when it had one, its descriptor number: the new file is
/// moved onto it, so `freopen(path, "w", stdout)` redirects descriptor 1).
/// A null `path` changes the mode of the same descriptor: `F_SETFL` sets
/// `O_APPEND` as the mode says, `e` sets close-on-exec, and a mode that
/// needs an access the descriptor lacks fails with `EBADF` (as musl).
/// Errors flushing or closing the old file are ignored; on failure the
/// stream is closed and null returned.
///
/// # Safety
/// `path` must be null or a NUL-terminated string, `mode` a NUL-terminated
/// string, `f` an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn freopen(
    path: *const c_char,
    mode: *const c_char,
    f: *mut FILE,
) -> *mut FILE {
    super::file::hook_buf_alloc();
    // SAFETY: the caller passes an open stream and C strings.
    match unsafe { reopen(path, mode, &*f) } {
        Ok(()) => f,
        Err(e) => {
            // SAFETY: the caller passes an open stream; it is not used again.
            unsafe { fclose(f) };
            e.set_last();
            core::ptr::null_mut()
        }
    }
}

/// [`freopen`]'s work, under the stream's lock.
///
/// # Safety
/// As for [`freopen`].
unsafe fn reopen(path: *const c_char, mode: *const c_char, f: &FILE) -> Result<()> {
    // SAFETY: the caller passes a C string.
    let (oflags, flags) = unsafe { parse_mode(mode) }?;
    let g = Guard::new(f);
    let st = g.st();
    let _ = st.flush();
    let cloexec = oflags & O_CLOEXEC as c_int != 0;
    if path.is_null() {
        if !st.ops.is_null() || st.fd < 0 {
            return Err(Errno::EBADF);
        }
        let fd = crate::syscall::fd::Fd(st.fd);
        let cur = crate::syscall::fd::fcntl(fd, F_GETFL as c_int, 0)?;
        let acc = cur & O_ACCMODE as c_int;
        if (flags & F_READ != 0 && acc == O_WRONLY as c_int)
            || (flags & F_WRITE != 0 && acc == O_RDONLY as c_int)
        {
            return Err(Errno::EBADF);
        }
        let fl = (cur & !(O_APPEND as c_int)) | (oflags & O_APPEND as c_int);
        crate::syscall::fd::fcntl(fd, F_SETFL as c_int, fl as usize)?;
        if cloexec {
            crate::syscall::fd::fcntl(fd, F_SETFD as c_int, FD_CLOEXEC as usize)?;
        }
        // Data read ahead belongs to the old mode: give it back.
        st.sync_read();
    } else {
        let at = linux_raw_sys::general::AT_FDCWD;
        let oflags = oflags | O_LARGEFILE as c_int;
        // SAFETY: the kernel validates the path. Not a cancellation point.
        let new = ret(unsafe { syscall!(__NR_openat, at, path, oflags, 0o666) })? as c_int;
        let mut fd = new;
        if st.ops.is_null() && st.fd >= 0 && st.fd != new {
            let dflags = if cloexec { O_CLOEXEC as c_int } else { 0 };
            // SAFETY: no memory is involved.
            let r = ret(unsafe { syscall!(__NR_dup3, new, st.fd, dflags) });
            // SAFETY: as above; `new` is ours.
            let _ = unsafe { syscall!(__NR_close, new) };
            r?;
            fd = st.fd;
        } else if !st.ops.is_null() {
            // A memory stream becomes a file stream.
            // SAFETY: its ops and cookie, used no more.
            let _ = unsafe { ((*st.ops).close)(st.cookie) };
            st.ops = core::ptr::null();
            st.cookie = core::ptr::null_mut();
            st.mode = IOFBF;
            st.cap = 0;
        }
        st.fd = fd;
        st.rpos = 0;
        st.rend = 0;
        st.ungetn = 0;
    }
    // An unbuffered stream (standard error) stays so; any other becomes
    // fully buffered, and standard output decides again at its first
    // write whether it is line-buffered (a terminal).
    let mut keep = st.flags & (F_STATIC | F_OWNBUF);
    if st.mode == IONBF {
        keep |= F_MODE_SET;
    } else {
        st.mode = IOFBF;
    }
    st.flags = flags | keep;
    Ok(())
}
