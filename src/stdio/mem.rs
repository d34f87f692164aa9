//! Memory streams: `fmemopen` (a stream over a caller's buffer of fixed
//! size) and `open_memstream` (a write stream into a buffer that grows,
//! whose address and size the caller's variables follow).
//!
//! Both are ordinary `FILE`s whose descriptor is -1 and whose
//! [`Ops`](super::file::Ops) point here; they are unbuffered, so every
//! write lands in memory at once and the NUL rules below hold after every
//! call, which is more than "at `fflush` and `fclose`" that POSIX asks.
//! Only these two constructors store the ops, so a program that never
//! calls them links none of this file.

use super::file::{F_APPEND, F_MODE_SET, F_READ, F_WRITE, FILE, IONBF, Ops, list_add};
use super::seek::{SEEK_CUR, SEEK_END, SEEK_SET};
use crate::errno::{Errno, Result};
use crate::malloc::c_api::{free, malloc, realloc};
use core::ffi::{c_char, c_int, c_void};

/// The state of one memory stream (the stream's cookie).
struct Mem {
    /// The bytes: the caller's buffer or one from malloc.
    buf: *mut u8,
    /// `fmemopen`: the buffer's fixed size. `open_memstream`: the bytes
    /// allocated at `buf` (always more than `len`, for the NUL).
    size: usize,
    /// The length of the contents.
    len: usize,
    /// The current position (`open_memstream`: may lie past `len`).
    pos: usize,
    /// `fmemopen` mode `a`: every write goes to the end.
    append: bool,
    /// `fmemopen` without `+` (write only): a full buffer keeps its last
    /// byte for the NUL.
    write_only: bool,
    /// `fmemopen` with a null buffer: ours, freed at close.
    own: bool,
    /// `open_memstream`: the caller's variables, else null.
    bufp: *mut *mut c_char,
    sizep: *mut usize,
}

impl Mem {
    /// `open_memstream`: tells the caller the buffer and the size, the
    /// smaller of the length and the position (POSIX).
    fn publish(&self) {
        if !self.bufp.is_null() {
            // SAFETY: open_memstream's caller passed writable variables
            // that stay valid while the stream is open.
            unsafe {
                *self.bufp = self.buf.cast();
                *self.sizep = self.len.min(self.pos);
            }
        }
    }

    /// The new position for `lseek`-style arguments, within `0..=max`.
    fn target(&self, off: i64, whence: c_int, max: usize) -> Result<usize> {
        let base = match whence {
            SEEK_SET => 0,
            SEEK_CUR => self.pos as i64,
            SEEK_END => self.len as i64,
            _ => return Err(Errno::EINVAL),
        };
        match base.checked_add(off) {
            Some(p) if p >= 0 && p as u64 <= max as u64 => Ok(p as usize),
            _ => Err(Errno::EINVAL),
        }
    }
}

/// The cookie as a [`Mem`].
///
/// # Safety
/// `c` is the cookie of an open memory stream, used by one thread (the
/// stream's lock is held).
unsafe fn mem<'a>(c: *mut u8) -> &'a mut Mem {
    // SAFETY: as the caller says.
    unsafe { &mut *c.cast::<Mem>() }
}

/// Reads from the position up to the end of the contents.
unsafe fn mem_read(c: *mut u8, dst: *mut u8, n: usize) -> Result<usize> {
    // SAFETY: the stream layer passes its cookie and a buffer of n bytes.
    let m = unsafe { mem(c) };
    let k = m.len.saturating_sub(m.pos).min(n);
    // SAFETY: pos + k <= len <= size bytes at buf; dst holds n >= k.
    unsafe { core::ptr::copy_nonoverlapping(m.buf.add(m.pos), dst, k) };
    m.pos += k;
    Ok(k)
}

/// `fmemopen`'s write: what fits from the position (the end, in append
/// mode); the rest fails with `ENOSPC` (as glibc).
unsafe fn fmem_write(c: *mut u8, src: *const u8, n: usize) -> Result<()> {
    // SAFETY: the stream layer passes its cookie.
    let m = unsafe { mem(c) };
    if m.append {
        m.pos = m.len;
    }
    let k = (m.size - m.pos).min(n);
    // SAFETY: pos + k <= size bytes at buf; src holds n >= k bytes.
    unsafe { core::ptr::copy_nonoverlapping(src, m.buf.add(m.pos), k) };
    m.pos += k;
    if m.pos > m.len {
        m.len = m.pos;
        // POSIX: a NUL after the contents when it fits; a write-only
        // stream whose buffer is full gives up its last byte for it, so
        // the buffer always holds a string.
        if m.len < m.size {
            // SAFETY: len < size.
            unsafe { *m.buf.add(m.len) = 0 };
        } else if m.write_only {
            // SAFETY: size > 0 (fmemopen refuses 0).
            unsafe { *m.buf.add(m.size - 1) = 0 };
        }
    }
    if k < n { Err(Errno::ENOSPC) } else { Ok(()) }
}

/// `fmemopen`'s seek: anywhere in the buffer (`SEEK_END` is the end of
/// the contents).
unsafe fn fmem_seek(c: *mut u8, off: i64, whence: c_int) -> Result<i64> {
    // SAFETY: the stream layer passes its cookie.
    let m = unsafe { mem(c) };
    m.pos = m.target(off, whence, m.size)?;
    Ok(m.pos as i64)
}

/// `fmemopen`'s close: frees a buffer it allocated, and the cookie.
unsafe fn fmem_close(c: *mut u8) -> Result<()> {
    // SAFETY: the stream layer passes its cookie, used no more.
    let m = unsafe { mem(c) };
    if m.own {
        // SAFETY: fmemopen allocated it.
        unsafe { free(m.buf.cast()) };
    }
    // SAFETY: the cookie came from malloc.
    unsafe { free(c.cast()) };
    Ok(())
}

static FMEM_OPS: Ops = Ops {
    read: mem_read,
    write: fmem_write,
    seek: fmem_seek,
    close: fmem_close,
};

/// `open_memstream`'s write: grows the buffer as needed; a position past
/// the end is reached by filling the gap with NULs. A NUL always follows
/// the contents.
unsafe fn ms_write(c: *mut u8, src: *const u8, n: usize) -> Result<()> {
    // SAFETY: the stream layer passes its cookie.
    let m = unsafe { mem(c) };
    let end = m.pos.checked_add(n).ok_or(Errno::EOVERFLOW)?;
    if end >= m.size {
        let want = end.checked_add(1).ok_or(Errno::ENOMEM)?;
        let cap = want.max(m.size.saturating_mul(2));
        // SAFETY: buf came from malloc.
        let p = unsafe { realloc(m.buf.cast(), cap) }.cast::<u8>();
        if p.is_null() {
            return Err(Errno::ENOMEM);
        }
        m.buf = p;
        m.size = cap;
    }
    if m.pos > m.len {
        // SAFETY: len < pos < size.
        unsafe { core::ptr::write_bytes(m.buf.add(m.len), 0, m.pos - m.len) };
    }
    // SAFETY: pos + n < size bytes at buf; src holds n bytes.
    unsafe { core::ptr::copy_nonoverlapping(src, m.buf.add(m.pos), n) };
    m.pos = end;
    if end > m.len {
        m.len = end;
        // SAFETY: len < size.
        unsafe { *m.buf.add(m.len) = 0 };
    }
    m.publish();
    Ok(())
}

/// `open_memstream`'s seek: anywhere from 0 on (past the end too).
unsafe fn ms_seek(c: *mut u8, off: i64, whence: c_int) -> Result<i64> {
    // SAFETY: the stream layer passes its cookie.
    let m = unsafe { mem(c) };
    m.pos = m.target(off, whence, isize::MAX as usize)?;
    m.publish();
    Ok(m.pos as i64)
}

/// `open_memstream`'s close: the caller's variables get their last
/// values and keep the buffer; the cookie is freed.
unsafe fn ms_close(c: *mut u8) -> Result<()> {
    // SAFETY: the stream layer passes its cookie, used no more.
    unsafe { mem(c) }.publish();
    // SAFETY: the cookie came from malloc.
    unsafe { free(c.cast()) };
    Ok(())
}

/// A memory stream cannot be read (`open_memstream` is write only).
unsafe fn no_read(_c: *mut u8, _dst: *mut u8, _n: usize) -> Result<usize> {
    Err(Errno::EBADF)
}

static MS_OPS: Ops = Ops {
    read: no_read,
    write: ms_write,
    seek: ms_seek,
    close: ms_close,
};

/// A listed, unbuffered heap stream with `ops` over `m`; null (`ENOMEM`,
/// and `m`'s memory freed) if malloc fails.
fn new_mem_stream(m: Mem, flags: u32, ops: &'static Ops) -> *mut FILE {
    let c = malloc(core::mem::size_of::<Mem>()).cast::<Mem>();
    let f = malloc(core::mem::size_of::<FILE>()).cast::<FILE>();
    if c.is_null() || f.is_null() {
        // SAFETY: each is null or ours; m's buffer is ours when `own` or
        // when it is open_memstream's.
        unsafe {
            free(c.cast());
            free(f.cast());
            if m.own || !m.bufp.is_null() {
                free(m.buf.cast());
            }
        }
        Errno::ENOMEM.set_last();
        return core::ptr::null_mut();
    }
    // SAFETY: c and f are fresh blocks, sized and aligned for their types.
    unsafe {
        c.write(m);
        f.write(FILE::new(
            -1,
            flags | F_MODE_SET,
            core::ptr::null_mut(),
            0,
            IONBF,
        ));
        let st = &mut *(*f).st.get();
        st.ops = ops;
        st.cookie = c.cast();
    }
    list_add(f);
    f
}

/// fmemopen(3): a stream over the `size` bytes at `buf` (POSIX 2008).
///
/// Modes `r`, `w`, `a`, each with `+` and `b` (no effect) in any order.
/// `r`: the contents are all `size` bytes. `w`: empty (a NUL is stored at
/// the start). `a`: up to the first NUL, and writes go to the end. A write
/// past `size` stores what fits and fails with `ENOSPC`. Writing past the
/// contents stores a NUL after them if there is room, and in a mode
/// without `+` a full buffer's last byte becomes a NUL. A null `buf` gets
/// a zeroed buffer of `size` bytes, freed at `fclose`. `size` 0 or a bad
/// mode: `EINVAL`.
///
/// # Safety
/// `buf` must be null or hold `size` bytes that outlive the stream;
/// `mode` must be a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fmemopen(buf: *mut c_void, size: usize, mode: *const c_char) -> *mut FILE {
    super::file::hook_exit_flush();
    let m = if mode.is_null() {
        &[][..]
    } else {
        // SAFETY: the caller passes a C string.
        unsafe { core::ffi::CStr::from_ptr(mode) }.to_bytes()
    };
    let plus = m.iter().skip(1).any(|&c| c == b'+');
    let ok_rest = m.iter().skip(1).all(|&c| c == b'+' || c == b'b');
    let kind = m.first().copied().unwrap_or(0);
    if size == 0 || !ok_rest || !matches!(kind, b'r' | b'w' | b'a') {
        Errno::EINVAL.set_last();
        return core::ptr::null_mut();
    }
    let own = buf.is_null();
    let buf = if own {
        crate::malloc::c_api::calloc(1, size).cast::<u8>()
    } else {
        buf.cast::<u8>()
    };
    if buf.is_null() {
        Errno::ENOMEM.set_last();
        return core::ptr::null_mut();
    }
    let (len, mut flags) = match kind {
        b'r' => (size, F_READ),
        b'w' => {
            // SAFETY: size > 0 bytes at buf.
            unsafe { *buf = 0 };
            (0, F_WRITE)
        }
        _ => {
            // SAFETY: size bytes at buf.
            let s = unsafe { core::slice::from_raw_parts(buf, size) };
            (
                s.iter().position(|&c| c == 0).unwrap_or(size),
                F_WRITE | F_APPEND,
            )
        }
    };
    if plus {
        flags |= F_READ | F_WRITE;
    }
    let mem = Mem {
        buf,
        size,
        len,
        pos: if kind == b'a' { len } else { 0 },
        append: kind == b'a',
        write_only: !plus && kind != b'r',
        own,
        bufp: core::ptr::null_mut(),
        sizep: core::ptr::null_mut(),
    };
    new_mem_stream(mem, flags, &FMEM_OPS)
}

/// open_memstream(3): a write stream into a growing buffer. After every
/// write or seek (so at each `fflush` and at `fclose`, as POSIX asks),
/// `*bufp` is the buffer and `*sizep` the smaller of the contents' length
/// and the position; a NUL always follows the contents (not counted). The
/// caller frees `*bufp` after `fclose`. Null `bufp` or `sizep`: `EINVAL`.
///
/// # Safety
/// `bufp` and `sizep` must be writable and stay valid until `fclose`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn open_memstream(bufp: *mut *mut c_char, sizep: *mut usize) -> *mut FILE {
    super::file::hook_exit_flush();
    if bufp.is_null() || sizep.is_null() {
        Errno::EINVAL.set_last();
        return core::ptr::null_mut();
    }
    const FIRST: usize = 64;
    let buf = malloc(FIRST).cast::<u8>();
    if buf.is_null() {
        Errno::ENOMEM.set_last();
        return core::ptr::null_mut();
    }
    // SAFETY: FIRST > 0 bytes at buf.
    unsafe { *buf = 0 };
    let mem = Mem {
        buf,
        size: FIRST,
        len: 0,
        pos: 0,
        append: false,
        write_only: false,
        own: false,
        bufp,
        sizep,
    };
    let f = new_mem_stream(mem, F_WRITE, &MS_OPS);
    if !f.is_null() {
        // SAFETY: checked non-null above; the caller vouches for them.
        unsafe {
            *bufp = buf.cast();
            *sizep = 0;
        }
    }
    f
}
