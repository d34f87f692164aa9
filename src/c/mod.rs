//! The C ABI: POSIX names with C signatures, declared by the headers in
//! `include/`. Each function converts its arguments, calls the typed Rust
//! layer, and reports errors through the calling thread's `errno`.

mod assert;
mod complex;
mod ctype;
mod dirent;
mod env;
mod errno;
mod fcntl;
mod fenv;
mod fnmatch;
mod fs;
mod ftw;
mod glob;
mod inttypes;
mod libgen;
mod locale;
mod malloc;
mod math;
mod mman;
mod printf;
mod pthread;
mod pthread_sync;
mod qsort;
mod random;
mod realpath;
mod scanf;
mod semaphore;
mod setjmp;
mod signal;
mod stat;
mod statvfs;
mod stdlib;
mod strerror;
mod string;
mod string_posix;
mod strtod;
mod strtol;
mod sysconf;
mod system;
mod tempfile;
mod time;
mod tty;
mod uchar;
mod unistd;
mod utsname;
mod wchar;
mod wcs;
mod wctype;
mod wprintf;

use crate::errno::Result;
use core::ffi::c_int;

/// `Ok(v)` → `v`; `Err(e)` → sets `errno`, returns `-1`.
fn ret_int(r: Result<c_int>) -> c_int {
    r.unwrap_or_else(|e| {
        e.set_last();
        -1
    })
}

/// `Ok(())` → `0`; `Err(e)` → sets `errno`, returns `-1`.
fn ret_zero(r: Result<()>) -> c_int {
    ret_int(r.map(|()| 0))
}

/// A cancellation point's raw result for C: the value, or `-1` with `errno`
/// (and, for a cancellation that acted, `pthread_exit`). The error path is
/// out of line so the common case costs two instructions.
#[inline(always)]
fn ret_cp(r: usize) -> isize {
    if r > (-4096isize) as usize {
        return cp_error(r);
    }
    r as isize
}

#[cold]
#[inline(never)]
fn cp_error(r: usize) -> isize {
    let e = crate::Errno::from_raw(-(r as isize) as c_int);
    let _ = crate::thread::cancel::c_point::<()>(Err(e));
    e.set_last();
    -1
}
