use super::ret_int;
use crate::syscall::fd::{self, AT_FDCWD, Fd};
use crate::thread::cancel::c_point;
use core::ffi::{c_char, c_int, c_uint, c_void};
use linux_raw_sys::general::{O_CREAT, O_TMPFILE};

/// Whether `open` flags take a third (mode) argument.
fn takes_mode(flags: c_int) -> bool {
    flags & O_CREAT as c_int != 0 || flags & O_TMPFILE as c_int == O_TMPFILE as c_int
}

/// open(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn open(path: *const c_char, flags: c_int, mut args: ...) -> c_int {
    let mode = if takes_mode(flags) {
        // SAFETY: callers pass a mode exactly when the flags ask for one.
        unsafe { args.next_arg::<c_uint>() }
    } else {
        0
    };
    // SAFETY: the kernel validates the path.
    ret_int(c_point(unsafe { fd::openat_raw(AT_FDCWD, path.cast(), flags, mode) }).map(|f| f.0))
}

/// openat(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn openat(
    dir: c_int,
    path: *const c_char,
    flags: c_int,
    mut args: ...
) -> c_int {
    let mode = if takes_mode(flags) {
        // SAFETY: callers pass a mode exactly when the flags ask for one.
        unsafe { args.next_arg::<c_uint>() }
    } else {
        0
    };
    // SAFETY: the kernel validates the path.
    ret_int(c_point(unsafe { fd::openat_raw(Fd(dir), path.cast(), flags, mode) }).map(|f| f.0))
}

/// fcntl(2): the third argument is read as a pointer for the lock and
/// owner commands and as an `int` otherwise (commands without one ignore it).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fcntl(fd: c_int, cmd: c_int, mut args: ...) -> c_int {
    use linux_raw_sys::general as g;
    let pointer_cmds = [
        g::F_GETLK,
        g::F_SETLK,
        g::F_SETLKW,
        g::F_OFD_GETLK,
        g::F_OFD_SETLK,
        g::F_OFD_SETLKW,
        g::F_GETOWN_EX,
        g::F_SETOWN_EX,
    ];
    let arg = if pointer_cmds.contains(&(cmd as u32)) {
        // SAFETY: POSIX callers pass a pointer for these commands.
        unsafe { args.next_arg::<*mut c_void>() as usize }
    } else {
        // SAFETY: and an int for the rest (or nothing, which the command
        // then ignores).
        unsafe { args.next_arg::<c_int>() as usize }
    };
    ret_int(c_point(fd::fcntl(Fd(fd), cmd, arg)))
}
