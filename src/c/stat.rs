use super::ret_zero;
use crate::syscall::fd::{AT_FDCWD, Fd};
use crate::syscall::fs::{self, Stat};
use core::ffi::{c_char, c_int};
use linux_raw_sys::general::{AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW};

/// stat(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn stat(path: *const c_char, st: *mut Stat) -> c_int {
    // SAFETY: the kernel validates both pointers.
    ret_zero(unsafe { fs::fstatat_raw(AT_FDCWD, path.cast(), st, 0) })
}

/// fstat(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fstat(fd: c_int, st: *mut Stat) -> c_int {
    if fd < 0 {
        // An empty path with AT_FDCWD would describe the working directory.
        crate::Errno::EBADF.set_last();
        return -1;
    }
    // SAFETY: the kernel validates the pointer; the path is a static "".
    ret_zero(unsafe { fs::fstatat_raw(Fd(fd), c"".as_ptr().cast(), st, AT_EMPTY_PATH as c_int) })
}

/// mkdir(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mkdir(path: *const c_char, mode: u32) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::mkdirat_raw(AT_FDCWD, path.cast(), mode) })
}

/// lstat(2): a symbolic link itself.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn lstat(path: *const c_char, st: *mut Stat) -> c_int {
    let f = AT_SYMLINK_NOFOLLOW as c_int;
    // SAFETY: the kernel validates both pointers.
    ret_zero(unsafe { fs::fstatat_raw(AT_FDCWD, path.cast(), st, f) })
}

/// fstatat(2): `AT_SYMLINK_NOFOLLOW`, `AT_EMPTY_PATH`, `AT_NO_AUTOMOUNT`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fstatat(
    dir: c_int,
    path: *const c_char,
    st: *mut Stat,
    flags: c_int,
) -> c_int {
    // SAFETY: the kernel validates both pointers.
    ret_zero(unsafe { fs::fstatat_raw(Fd(dir), path.cast(), st, flags) })
}

/// statx(2) (Linux 4.11): the fields `mask` asks for (`STATX_*`), and
/// more, into the fixed-layout `struct statx`; `flags` as `fstatat`'s
/// plus the `AT_STATX_*` sync modes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn statx(
    dir: c_int,
    path: *const c_char,
    flags: c_int,
    mask: u32,
    buf: *mut core::ffi::c_void,
) -> c_int {
    // SAFETY: the kernel validates both pointers.
    let r = unsafe { crate::syscall!(__NR_statx, dir, path, flags, mask, buf) };
    ret_zero(crate::syscall::ret_unit(r))
}
