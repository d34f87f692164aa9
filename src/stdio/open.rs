//! `fopen`, `fdopen`, `fclose`, `setvbuf`, `setbuf`.

use super::file::{
    BUFSIZ, F_APPEND, F_MODE_SET, F_OWNBUF, F_READ, F_STATIC, F_WRITE, FILE, Guard, IOFBF, IOLBF,
    IONBF, list_add, list_remove,
};
use crate::errno::{Errno, Result};
use crate::syscall;
use crate::syscall::ret;
use core::ffi::{c_char, c_int};
use linux_raw_sys::general::{
    F_GETFL, F_SETFL, O_APPEND, O_CLOEXEC, O_CREAT, O_EXCL, O_LARGEFILE, O_RDONLY, O_RDWR, O_TRUNC,
    O_WRONLY,
};

/// Parses an `fopen` mode into `open` flags and stream `F_*` flags.
///
/// # Safety
/// `mode` must be a NUL-terminated string.
unsafe fn parse_mode(mode: *const c_char) -> Result<(c_int, u32)> {
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
fn new_stream(fd: c_int, flags: u32) -> *mut FILE {
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
    let (ok, fd, flags, buf) = {
        let g = Guard::new(file);
        let st = g.st();
        let ok = st.flags & F_WRITE == 0 || st.flush();
        let r = (ok, st.fd, st.flags, st.buf);
        st.fd = -1;
        st.flags &= F_STATIC;
        st.rpos = 0;
        st.rend = 0;
        st.ungetn = 0;
        r
    };
    // SAFETY: closing a number touches no memory; not a cancellation point.
    let closed = ret(unsafe { syscall!(__NR_close, fd) });
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
