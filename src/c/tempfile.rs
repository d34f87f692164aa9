//! `mkstemp`, `mkstemps` and `mkdtemp` (`<stdlib.h>`): a new file or
//! directory whose name is the template with its `XXXXXX` replaced.

use crate::Errno;
use crate::errno::Result;
use crate::syscall::fd::{self, AT_FDCWD};
use crate::syscall::fs;
use core::ffi::{c_char, c_int};
use linux_raw_sys::general::{O_CREAT, O_EXCL, O_RDWR};

/// How many names are tried before giving up with `EEXIST`.
const TRIES: usize = 10000;

/// Tries names made from `template` until `make` succeeds or fails with
/// something else than `EEXIST`. The six `X`s end `suffix` bytes before
/// the end; a template without them is `EINVAL`. On failure the `X`s are
/// put back.
///
/// # Safety
/// `template` must be a writable NUL-terminated string.
unsafe fn make_unique(
    template: *mut c_char,
    suffix: c_int,
    mut make: impl FnMut(*const u8) -> Result<c_int>,
) -> Result<c_int> {
    // SAFETY: per the contract.
    let n = unsafe { core::ffi::CStr::from_ptr(template).count_bytes() };
    let Ok(suffix) = usize::try_from(suffix) else {
        return Err(Errno::EINVAL);
    };
    if n < 6 || n - 6 < suffix {
        return Err(Errno::EINVAL);
    }
    let start = n - 6 - suffix;
    // SAFETY: start + 6 <= n bytes of the caller's writable string.
    let x = unsafe { core::slice::from_raw_parts_mut(template.cast::<u8>().add(start), 6) };
    if x != b"XXXXXX" {
        return Err(Errno::EINVAL);
    }
    let mut last = Errno::EEXIST;
    for _ in 0..TRIES {
        crate::stdio::files::random_letters(x);
        match make(template.cast()) {
            Err(e) if e == Errno::EEXIST => {}
            Ok(v) => return Ok(v),
            Err(e) => {
                last = e;
                break;
            }
        }
    }
    x.copy_from_slice(b"XXXXXX");
    Err(last)
}

/// mkstemps(3): creates and opens (`O_RDWR`, mode 0600) a new file named
/// by `template`, whose last `suffixlen` bytes follow the `XXXXXX`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mkstemps(template: *mut c_char, suffixlen: c_int) -> c_int {
    let flags = (O_RDWR | O_CREAT | O_EXCL) as c_int;
    // SAFETY: the caller passes a writable string; the kernel validates it.
    let r = unsafe {
        make_unique(template, suffixlen, |p| {
            // SAFETY: p is the NUL-terminated template.
            fd::openat_raw(AT_FDCWD, p, flags, 0o600).map(|f| f.0)
        })
    };
    super::ret_int(r)
}

/// mkstemp(3): `mkstemps` without a suffix.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mkstemp(template: *mut c_char) -> c_int {
    // SAFETY: as mkstemps.
    unsafe { mkstemps(template, 0) }
}

/// mkdtemp(3): creates a directory (mode 0700) named by `template`;
/// returns `template`, or null with `errno`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mkdtemp(template: *mut c_char) -> *mut c_char {
    // SAFETY: the caller passes a writable string; the kernel validates it.
    let r = unsafe {
        make_unique(template, 0, |p| {
            // SAFETY: p is the NUL-terminated template.
            fs::mkdirat_raw(AT_FDCWD, p, 0o700).map(|()| 0)
        })
    };
    match r {
        Ok(_) => template,
        Err(e) => {
            e.set_last();
            core::ptr::null_mut()
        }
    }
}
