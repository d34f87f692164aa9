//! `<err.h>`: `warn`, `warnx`, `err`, `errx` and their `v` forms, in
//! glibc's format: `prog: message: strerror(errno)\n` on standard error,
//! `prog` being the last part of `argv[0]` (glibc's
//! `program_invocation_short_name`).

use crate::stdio::FILE;
use core::ffi::{VaList, c_char, c_int};

/// C's `stderr`.
fn stderr() -> *mut FILE {
    // SAFETY: `C_STDERR` is a transparent wrapper of a constant `FILE *`.
    unsafe { *(&raw const crate::stdio::standard::C_STDERR).cast::<*mut FILE>() }
}

/// Writes `prog: `, the message (when `fmt` is not null), and then either
/// `: strerror(error)` (or just the error when there is no message) or
/// nothing, and a newline; all under one lock of `stderr`.
///
/// # Safety
/// `fmt` is null or a format that the arguments match.
unsafe fn report(error: Option<c_int>, fmt: *const c_char, ap: Option<VaList<'_>>) {
    let f = stderr();
    let mut name = [0u8; 256];
    let argv0 = super::assert::argv0(&mut name[..255]);
    let prog = argv0.rsplit(|&c| c == b'/').next().unwrap_or(b"");
    let n = prog.len();
    // (A copy: `prog` borrows `name`.)
    let mut prog_c = [0u8; 256];
    prog_c[..n].copy_from_slice(prog);
    // SAFETY: `f` is the always-open stderr; the strings are NUL-terminated;
    // `fmt` and `ap` match, as the caller says.
    unsafe {
        crate::stdio::lock::flockfile(f);
        crate::stdio::write::fputs(prog_c.as_ptr().cast(), f);
        crate::stdio::write::fputs(c": ".as_ptr(), f);
        if let (false, Some(ap)) = (fmt.is_null(), ap) {
            super::printf::vfprintf(f, fmt, ap);
            if error.is_some() {
                crate::stdio::write::fputs(c": ".as_ptr(), f);
            }
        }
        if let Some(e) = error {
            crate::stdio::write::fputs(super::strerror::strerror(e), f);
        }
        crate::stdio::write::fputs(c"\n".as_ptr(), f);
        crate::stdio::lock::funlockfile(f);
    }
}

/// vwarn(3): `prog: message: strerror(errno)` on standard error.
///
/// # Safety
/// `fmt` is null or a format that `ap` matches.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn vwarn(fmt: *const c_char, ap: VaList<'_>) {
    // SAFETY: the calling thread's errno.
    let e = unsafe { *super::errno::__errno_location() };
    // SAFETY: as the caller says.
    unsafe { report(Some(e), fmt, Some(ap)) };
    // SAFETY: as above.
    unsafe { *super::errno::__errno_location() = e };
}

/// vwarnx(3): `prog: message` on standard error.
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn vwarnx(fmt: *const c_char, ap: VaList<'_>) {
    // SAFETY: as the caller says.
    unsafe { report(None, fmt, Some(ap)) };
}

/// warn(3): as [`vwarn`].
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn warn(fmt: *const c_char, args: ...) {
    // SAFETY: as the caller says.
    unsafe { vwarn(fmt, args) }
}

/// warnx(3): as [`vwarnx`].
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn warnx(fmt: *const c_char, args: ...) {
    // SAFETY: as the caller says.
    unsafe { vwarnx(fmt, args) }
}

/// verr(3): [`vwarn`], then `exit(status)`.
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn verr(status: c_int, fmt: *const c_char, ap: VaList<'_>) -> ! {
    // SAFETY: as the caller says.
    unsafe { vwarn(fmt, ap) };
    super::stdlib::exit(status)
}

/// verrx(3): [`vwarnx`], then `exit(status)`.
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn verrx(status: c_int, fmt: *const c_char, ap: VaList<'_>) -> ! {
    // SAFETY: as the caller says.
    unsafe { vwarnx(fmt, ap) };
    super::stdlib::exit(status)
}

/// err(3): [`verr`].
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn err(status: c_int, fmt: *const c_char, args: ...) -> ! {
    // SAFETY: as the caller says.
    unsafe { verr(status, fmt, args) }
}

/// errx(3): [`verrx`].
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn errx(status: c_int, fmt: *const c_char, args: ...) -> ! {
    // SAFETY: as the caller says.
    unsafe { verrx(status, fmt, args) }
}
