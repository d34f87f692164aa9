//! The C ABI: POSIX names with C signatures, declared by the headers in
//! `include/`. Each function converts its arguments, calls the typed Rust
//! layer, and reports errors through the calling thread's `errno`.

mod assert;
mod bsd;
mod bsd_random;
mod complex;
mod ctype;
mod dirent;
mod dl;
mod env;
mod err;
mod errno;
mod exec;
mod fcntl;
mod fenv;
mod fnmatch;
mod fs;
mod ftw;
mod getopt;
mod glob;
mod inet;
mod inttypes;
mod libgen;
mod locale;
mod malloc;
mod math;
mod mman;
mod poll;
mod popen;
mod printf;
mod process;
mod pthread;
mod pthread_np;
mod pthread_sync;
mod pwd;
mod qsort;
mod rand48;
mod random;
mod realpath;
mod regex;
mod scanf;
mod sched;
mod sem_named;
mod semaphore;
mod setjmp;
mod signal;
mod socket;
mod spawn;
mod stat;
mod statvfs;
mod stdlib;
mod strerror;
mod string;
mod string_posix;
mod strtod;
mod strtol;
mod syscall;
mod sysconf;
mod syslog;
mod system;
mod systime;
mod tempfile;
mod termios;
mod time;
mod timer;
mod tty;
mod uchar;
mod unistd;
mod utsname;
mod wait;
mod wchar;
mod wcs;
mod wctype;
mod wprintf;

use crate::errno::Result;
use core::ffi::c_int;

/// The address of a global variable that muslin exports to C (`tzname`,
/// `signgam`), for muslin's own code to reach it by.
///
/// Code that names an exported global directly reaches it, on powerpc64,
/// through an entry in the TOC. The library is one link-time-optimised
/// object with one `.toc` section, kept whole by any program that uses any
/// entry: every global named anywhere in the library would ride along into
/// every program. The address kept here instead sits in a section of its
/// own, which only the code that reads it keeps; the read is volatile so
/// that the compiler cannot fold it back into the global's own address.
pub(crate) struct Exported<T>(*mut T);

// SAFETY: only the address is shared; accesses through it are the callers'
// to synchronise, as for the global itself.
unsafe impl<T> Sync for Exported<T> {}

impl<T> Exported<T> {
    /// Records the address of `global`.
    pub(crate) const fn new(global: *mut T) -> Self {
        Exported(global)
    }

    /// The global's address.
    #[inline(always)]
    pub(crate) fn get(&'static self) -> *mut T {
        // SAFETY: a read of an initialised, aligned field.
        unsafe { core::ptr::read_volatile(&self.0) }
    }
}

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
