use super::ret_zero;
use crate::syscall::fd::{AT_FDCWD, Fd};
use crate::syscall::fs::{self, Stat};
use core::ffi::{c_char, c_int};
use linux_raw_sys::general::AT_EMPTY_PATH;

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
