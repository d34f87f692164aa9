//! Positioning and status: `fseek`, `fseeko`, `ftell`, `ftello`,
//! `rewind`, `fgetpos`, `fsetpos`, `feof`, `ferror`, `clearerr`, `fileno`.

use super::file::{F_APPEND, F_EOF, F_ERR, FILE, Guard, State};
use crate::errno::{Errno, Result};
use core::ffi::{c_int, c_long};

/// `SEEK_SET`.
pub const SEEK_SET: c_int = 0;
/// `SEEK_CUR`.
pub const SEEK_CUR: c_int = 1;
/// `SEEK_END`.
pub const SEEK_END: c_int = 2;

impl State {
    /// Flushes output, drops data read ahead and moves the offset; clears
    /// the end-of-file flag.
    fn seek(&mut self, off: i64, whence: c_int) -> Result<i64> {
        if !matches!(whence, SEEK_SET | SEEK_CUR | SEEK_END) {
            return Err(Errno::EINVAL);
        }
        if !self.flush() {
            return Err(Errno::last());
        }
        let off = if whence == SEEK_CUR {
            off - self.unread() as i64
        } else {
            off
        };
        let r = self.dev_seek(off, whence)?;
        self.rpos = 0;
        self.rend = 0;
        self.ungetn = 0;
        self.flags &= !F_EOF;
        Ok(r)
    }

    /// The logical position: the descriptor's, less data read ahead, plus
    /// pending output.
    fn tell(&mut self) -> Result<i64> {
        if self.flags & F_APPEND != 0 && self.wlen > 0 && !self.flush() {
            return Err(Errno::last());
        }
        let pos = self.dev_seek(0, SEEK_CUR)?;
        Ok(pos - self.unread() as i64 + self.wlen as i64)
    }
}

/// fseeko(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fseeko(f: *mut FILE, off: i64, whence: c_int) -> c_int {
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    match g.st().seek(off, whence) {
        Ok(_) => 0,
        Err(e) => {
            e.set_last();
            -1
        }
    }
}

/// fseek(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fseek(f: *mut FILE, off: c_long, whence: c_int) -> c_int {
    // `long` is 32 bits on i386 and arm, 64 elsewhere.
    #[allow(clippy::useless_conversion)]
    let off = i64::from(off);
    // SAFETY: forwarded.
    unsafe { fseeko(f, off, whence) }
}

/// ftello(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ftello(f: *mut FILE) -> i64 {
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    g.st().tell().unwrap_or_else(|e| {
        e.set_last();
        -1
    })
}

/// ftell(3): `EOVERFLOW` when the position does not fit a `long`.
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ftell(f: *mut FILE) -> c_long {
    // SAFETY: forwarded.
    let pos = unsafe { ftello(f) };
    match c_long::try_from(pos) {
        Ok(p) => p,
        Err(_) => {
            Errno::EOVERFLOW.set_last();
            -1
        }
    }
}

/// rewind(3): seek to the start and clear the error flag.
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn rewind(f: *mut FILE) {
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    let st = g.st();
    let _ = st.seek(0, SEEK_SET);
    st.flags &= !F_ERR;
}

/// fgetpos(3).
///
/// # Safety
/// `f` must be an open stream, `pos` writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fgetpos(f: *mut FILE, pos: *mut i64) -> c_int {
    // SAFETY: forwarded.
    let p = unsafe { ftello(f) };
    if p < 0 {
        return -1;
    }
    // SAFETY: the caller passes a writable fpos_t.
    unsafe { *pos = p };
    0
}

/// fsetpos(3).
///
/// # Safety
/// `f` must be an open stream, `pos` readable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fsetpos(f: *mut FILE, pos: *const i64) -> c_int {
    // SAFETY: the caller passes a valid fpos_t and stream.
    unsafe { fseeko(f, *pos, SEEK_SET) }
}

/// feof(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn feof(f: *mut FILE) -> c_int {
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    (g.st().flags & F_EOF != 0) as c_int
}

/// ferror(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ferror(f: *mut FILE) -> c_int {
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    (g.st().flags & F_ERR != 0) as c_int
}

/// clearerr(3): clears the end-of-file and error flags.
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn clearerr(f: *mut FILE) {
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    g.st().flags &= !(F_EOF | F_ERR);
}

/// fileno(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fileno(f: *mut FILE) -> c_int {
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    let fd = g.st().fd;
    if fd < 0 {
        Errno::EBADF.set_last();
    }
    fd
}
