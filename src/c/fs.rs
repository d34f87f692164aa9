//! The file system's names and metadata for C: the `*at` calls and their
//! classic forms (`link`, `symlink`, `readlink`, `chmod`, `chown`, `access`,
//! `mknod`, `truncate`, `utimensat`, `chdir`, `umask`, `sync`, ...).
//!
//! The classic forms are the `*at` calls with `AT_FDCWD`: riscv64,
//! aarch64 and loongarch64 have only those system calls.

use super::ret_zero;
use crate::Errno;
use crate::syscall::fd::{self, AT_FDCWD, Fd};
use crate::syscall::fs::{self, Stat};
use crate::syscall::time::Timespec;
use crate::thread::cancel::c_point;
use core::ffi::{c_char, c_int};
use linux_raw_sys::general::{AT_SYMLINK_NOFOLLOW, O_CREAT, O_TRUNC, O_WRONLY, S_IFIFO};

/// `readlinkat`'s result for C: the length, or -1 with `errno`.
fn ret_len(r: crate::errno::Result<usize>) -> isize {
    match r {
        Ok(n) => n as isize,
        Err(e) => {
            e.set_last();
            -1
        }
    }
}

/// unlinkat(2): `AT_REMOVEDIR` in `flags` removes a directory.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn unlinkat(dir: c_int, path: *const c_char, flags: c_int) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::unlinkat_raw(Fd(dir), path.cast(), flags) })
}

/// mkdirat(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mkdirat(dir: c_int, path: *const c_char, mode: u32) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::mkdirat_raw(Fd(dir), path.cast(), mode) })
}

/// renameat(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn renameat(
    od: c_int,
    old: *const c_char,
    nd: c_int,
    new: *const c_char,
) -> c_int {
    // SAFETY: the kernel validates the paths.
    ret_zero(unsafe { fs::renameat2_raw(Fd(od), old.cast(), Fd(nd), new.cast(), 0) })
}

/// renameat2(2): `RENAME_NOREPLACE`, `RENAME_EXCHANGE`, `RENAME_WHITEOUT`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn renameat2(
    od: c_int,
    old: *const c_char,
    nd: c_int,
    new: *const c_char,
    flags: u32,
) -> c_int {
    // SAFETY: the kernel validates the paths.
    ret_zero(unsafe { fs::renameat2_raw(Fd(od), old.cast(), Fd(nd), new.cast(), flags) })
}

/// linkat(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn linkat(
    od: c_int,
    old: *const c_char,
    nd: c_int,
    new: *const c_char,
    flags: c_int,
) -> c_int {
    // SAFETY: the kernel validates the paths.
    ret_zero(unsafe { fs::linkat_raw(Fd(od), old.cast(), Fd(nd), new.cast(), flags) })
}

/// link(2): like POSIX (and glibc), does not follow a symbolic link `old`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn link(old: *const c_char, new: *const c_char) -> c_int {
    // SAFETY: the kernel validates the paths.
    ret_zero(unsafe { fs::linkat_raw(AT_FDCWD, old.cast(), AT_FDCWD, new.cast(), 0) })
}

/// symlinkat(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn symlinkat(
    target: *const c_char,
    dir: c_int,
    path: *const c_char,
) -> c_int {
    // SAFETY: the kernel validates the strings.
    ret_zero(unsafe { fs::symlinkat_raw(target.cast(), Fd(dir), path.cast()) })
}

/// symlink(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn symlink(target: *const c_char, path: *const c_char) -> c_int {
    // SAFETY: the kernel validates the strings.
    ret_zero(unsafe { fs::symlinkat_raw(target.cast(), AT_FDCWD, path.cast()) })
}

/// readlinkat(2): the target, not NUL-terminated, cut to `len` bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn readlinkat(
    dir: c_int,
    path: *const c_char,
    buf: *mut c_char,
    len: usize,
) -> isize {
    if len == 0 {
        // The kernel says EINVAL too, but glibc's callers expect it here
        // before any pointer is looked at.
        Errno::EINVAL.set_last();
        return -1;
    }
    // SAFETY: the kernel validates the pointers.
    ret_len(unsafe { fs::readlinkat_raw(Fd(dir), path.cast(), buf.cast(), len) })
}

/// readlink(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn readlink(path: *const c_char, buf: *mut c_char, len: usize) -> isize {
    // SAFETY: as readlinkat.
    unsafe { readlinkat(AT_FDCWD.0, path, buf, len) }
}

/// fchmodat(2). With `AT_SYMLINK_NOFOLLOW`: `fchmodat2` where the kernel
/// has it; else a symbolic link gives `EOPNOTSUPP` (Linux cannot change a
/// link's mode) and anything else is changed as without the flag.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fchmodat(
    dir: c_int,
    path: *const c_char,
    mode: u32,
    flags: c_int,
) -> c_int {
    let (d, p) = (Fd(dir), path.cast::<u8>());
    if flags == 0 {
        // SAFETY: the kernel validates the path.
        return ret_zero(unsafe { fs::fchmodat_raw(d, p, mode) });
    }
    if flags & !(AT_SYMLINK_NOFOLLOW as c_int) != 0 {
        Errno::EINVAL.set_last();
        return -1;
    }
    // SAFETY: the kernel validates the path.
    match unsafe { fs::fchmodat2_raw(d, p, mode, flags) } {
        Err(e) if e == Errno::ENOSYS => {}
        r => return ret_zero(r),
    }
    let mut st = Stat::default();
    // SAFETY: the kernel validates the path; st is ours.
    if let Err(e) = unsafe { fs::fstatat_raw(d, p, &mut st, flags) } {
        e.set_last();
        return -1;
    }
    if st.st_mode & 0o170000 == 0o120000 {
        Errno::EOPNOTSUPP.set_last();
        return -1;
    }
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::fchmodat_raw(d, p, mode) })
}

/// chmod(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn chmod(path: *const c_char, mode: u32) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::fchmodat_raw(AT_FDCWD, path.cast(), mode) })
}

/// fchmod(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fchmod(fd: c_int, mode: u32) -> c_int {
    ret_zero(fs::fchmod(Fd(fd), mode))
}

/// fchownat(2); an id of -1 is left as it is.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fchownat(
    dir: c_int,
    path: *const c_char,
    uid: u32,
    gid: u32,
    flags: c_int,
) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::fchownat_raw(Fd(dir), path.cast(), uid, gid, flags) })
}

/// chown(2): follows symbolic links.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn chown(path: *const c_char, uid: u32, gid: u32) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::fchownat_raw(AT_FDCWD, path.cast(), uid, gid, 0) })
}

/// lchown(2): changes a symbolic link itself.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn lchown(path: *const c_char, uid: u32, gid: u32) -> c_int {
    let f = AT_SYMLINK_NOFOLLOW as c_int;
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::fchownat_raw(AT_FDCWD, path.cast(), uid, gid, f) })
}

/// fchown(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fchown(fd: c_int, uid: u32, gid: u32) -> c_int {
    ret_zero(fs::fchown(Fd(fd), uid, gid))
}

/// faccessat(2): `AT_EACCESS` and `AT_SYMLINK_NOFOLLOW` through `faccessat2`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn faccessat(
    dir: c_int,
    path: *const c_char,
    mode: c_int,
    flags: c_int,
) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::faccessat_raw(Fd(dir), path.cast(), mode, flags) })
}

/// access(2): with the real user and group ids.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn access(path: *const c_char, mode: c_int) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::faccessat_raw(AT_FDCWD, path.cast(), mode, 0) })
}

/// utimensat(2): `times` null sets both to now; `UTIME_NOW`/`UTIME_OMIT`
/// in a `tv_nsec`. A null `path` is refused with `EINVAL` (the kernel
/// would take it as `dir` itself; POSIX and glibc do not).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn utimensat(
    dir: c_int,
    path: *const c_char,
    times: *const Timespec,
    flags: c_int,
) -> c_int {
    if path.is_null() {
        Errno::EINVAL.set_last();
        return -1;
    }
    // SAFETY: the kernel validates the pointers.
    ret_zero(unsafe { fs::utimensat_raw(Fd(dir), path.cast(), times, flags) })
}

/// futimens(2): `utimensat` on the descriptor itself.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn futimens(fd: c_int, times: *const Timespec) -> c_int {
    if fd < 0 {
        Errno::EBADF.set_last();
        return -1;
    }
    // SAFETY: a null path names `fd`; the kernel validates `times`.
    ret_zero(unsafe { fs::utimensat_raw(Fd(fd), core::ptr::null(), times, 0) })
}

/// The kernel's 32-bit device number for `mknodat`, from a `dev_t` made
/// by `makedev`; `None` when it does not fit (the kernel's limit).
fn kernel_dev(dev: u64) -> Option<u32> {
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
    let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
    if major > 0xfff || minor > 0xf_ffff {
        return None;
    }
    Some(((minor & 0xff) | (major << 8) | ((minor & !0xff) << 12)) as u32)
}

/// mknodat(2); `EINVAL` for a device number the kernel cannot hold.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mknodat(dir: c_int, path: *const c_char, mode: u32, dev: u64) -> c_int {
    let Some(k) = kernel_dev(dev) else {
        Errno::EINVAL.set_last();
        return -1;
    };
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::mknodat_raw(Fd(dir), path.cast(), mode, k) })
}

/// mknod(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mknod(path: *const c_char, mode: u32, dev: u64) -> c_int {
    // SAFETY: as mknodat.
    unsafe { mknodat(AT_FDCWD.0, path, mode, dev) }
}

/// mkfifoat(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mkfifoat(dir: c_int, path: *const c_char, mode: u32) -> c_int {
    let m = (mode & 0o7777) | S_IFIFO;
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::mknodat_raw(Fd(dir), path.cast(), m, 0) })
}

/// mkfifo(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mkfifo(path: *const c_char, mode: u32) -> c_int {
    // SAFETY: as mkfifoat.
    unsafe { mkfifoat(AT_FDCWD.0, path, mode) }
}

/// creat(2): `open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)`, a
/// cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn creat(path: *const c_char, mode: u32) -> c_int {
    let flags = (O_WRONLY | O_CREAT | O_TRUNC) as c_int;
    // SAFETY: the kernel validates the path.
    super::ret_int(
        c_point(unsafe { fd::openat_raw(AT_FDCWD, path.cast(), flags, mode) }).map(|f| f.0),
    )
}

/// truncate(2). On 32-bit arches lengths of 2 GiB and more give `EFBIG`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn truncate(path: *const c_char, len: i64) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::truncate_raw(path.cast(), len) })
}

/// ftruncate(2). On 32-bit arches lengths of 2 GiB and more give `EFBIG`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ftruncate(fd: c_int, len: i64) -> c_int {
    ret_zero(fs::ftruncate(Fd(fd), len))
}

/// chdir(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn chdir(path: *const c_char) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::chdir_raw(path.cast()) })
}

/// fchdir(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fchdir(fd: c_int) -> c_int {
    ret_zero(fs::fchdir(Fd(fd)))
}

/// umask(2): sets the file creation mask, returns the previous one.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn umask(mask: u32) -> u32 {
    fs::umask(mask)
}

/// sync(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sync() {
    fs::sync()
}

/// fsync(2), a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fsync(fd: c_int) -> c_int {
    ret_zero(c_point(fs::fsync(Fd(fd), false)))
}

/// fdatasync(2), a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fdatasync(fd: c_int) -> c_int {
    ret_zero(c_point(fs::fsync(Fd(fd), true)))
}
